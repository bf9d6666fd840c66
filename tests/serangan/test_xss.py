"""Serangan: skrip dan markup tersimpan (keputusan #19, lubang 1).

Teks pengguna yang ditanam di salinan basis data demo (tests/serangan/muatan.py) hanya boleh sampai ke halaman
sebagai teks: di HTML yang ditulis kode (unsafe_allow_html) sebagai entitas, di Markdown diloloskan, di Plotly
sebagai entitas, di PDF sebagai teks. Diperiksa di AppTest (semua elemen halaman, semua gambar Plotly) dan di
Chromium (tidak ada skrip yang berjalan, tidak ada permintaan keluar mesin, teksnya terbaca apa adanya).
"""
from __future__ import annotations

import json
import re
import shutil

import pytest

from pantau.aturan import aman
from tests.bantuan_halaman import buka_rincian_desk, jalankan_halaman, masuk, polos
from tests.serangan import muatan as m

DESK = "pages/5_Desk_Urusan.py"


@pytest.fixture(scope="module")
def db_jahat(db_demo, tmp_path_factory):
    path = tmp_path_factory.mktemp("jahat") / "pantau.duckdb"
    shutil.copy(db_demo, path)
    ids = m.tanam(path)
    return path, ids


@pytest.fixture
def buka(db_jahat, monkeypatch):
    path, ids = db_jahat
    monkeypatch.setenv("PANTAU_DB", str(path))
    return ids


# -- pembantu -------------------------------------------------------------------------------------------------

def _teks_proto(proto, jalur=""):
    """(nama medan, teks) semua medan teks tunggal sebuah proto elemen, termasuk sub-pesannya (label expander)."""
    for fd, v in proto.ListFields():
        if fd.is_repeated:
            continue
        if fd.type == fd.TYPE_STRING:
            yield jalur + fd.name, v
        elif fd.type == fd.TYPE_MESSAGE:
            yield from _teks_proto(v, jalur + fd.name + ".")


#: Medan yang dirender sebagai Markdown oleh Streamlit (isi, label, tooltip).
_MEDAN_MD = ("body", "label", "help", "value")


def periksa_halaman(at) -> str:
    """Gagal bila ada muatan hidup di elemen mana pun; mengembalikan teks tampil semua elemen (untuk memastikan
    muatannya memang sampai ke halaman, sebagai teks)."""
    tampil, salah = [], []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        if getattr(node, "type", "") == "plotly_chart":
            for t in _teks_plotly(json.loads(proto.spec)):
                salah += [(node.type, "spec", x) for x in m.markup_hidup(t)]
                tampil.append(t)
            continue
        html_boleh = bool(getattr(proto, "allow_html", False) or getattr(node, "type", "") == "html")
        for medan, teks in _teks_proto(proto):
            if medan.split(".")[-1] not in _MEDAN_MD:
                continue
            if html_boleh:
                salah += [(node.type, medan, x) for x in m.markup_hidup(teks)]
                tampil.append(_entitas(teks))
            else:
                salah += [(node.type, medan, x) for x in m.markdown_hidup(teks)]
                tampil.append(polos(teks))
    assert not salah, salah[:10]
    return "\n".join(tampil)


def _teks_plotly(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _teks_plotly(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _teks_plotly(v)


def _entitas(teks: str) -> str:
    import html

    return html.unescape(teks)


# -- satuan ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("teks", [m.IFRAME, m.GAMBAR, m.MARKDOWN, m.PLOTLY, m.TINDAK_LANJUT, "A -> B <= C :smile:",
                                  "http://10.0.0.1 www.contoh.go.id a@b.id", "1. satu\n- dua\n# tiga\n===", "R&D &lt;"])
def test_satu_peloloskan_html_dan_markdown(teks):
    h = aman.html(teks)
    assert not re.search(r"[<>\"']", h) and _entitas(h) == teks
    # plotly.js hanya mengenal &amp; &lt; &gt; dan entitas angka
    assert not re.search(r"&(?!amp;|lt;|gt;|#\d+;)", h)
    s = aman.md(teks)
    assert not m.markdown_hidup(s)
    assert polos(s) == "\n".join(b.strip() for b in teks.splitlines())
    assert aman.md(None) == aman.html(None) == aman.md(float("nan")) == ""


# -- halaman (AppTest) ----------------------------------------------------------------------------------------

def test_desk_catatan_judul_dan_grafik_hanya_teks(buka):
    at = jalankan_halaman(DESK, provinsi=m.PROVINSI, daerah=m.PROVINSI, tahun=m.TAHUN, urusan=m.URUSAN)
    tampil = periksa_halaman(at)
    for teks in (m.PENGHAMBAT, m.PENDORONG, m.NAMA_INDIKATOR, "# bukan judul", "- bukan daftar"):
        assert teks in tampil, teks
    assert "&lt;a href" in json.dumps([json.loads(p.proto.spec) for p in at.get("plotly_chart")])


def test_desk_presentasi_judul_hanya_teks(buka):
    at = jalankan_halaman(DESK, provinsi=m.PROVINSI, daerah=m.PROVINSI, tahun=m.TAHUN, urusan=m.URUSAN,
                          presentasi=1, slide=1)
    tampil = periksa_halaman(at)
    judul = [x.value for x in at.markdown if x.value.startswith("<h1")]
    assert judul and "&lt;iframe" in judul[0], judul
    assert m.NAMA_INDIKATOR in tampil


def test_desk_masuk_analis_nama_dan_dukungan_hanya_teks(buka):
    at = jalankan_halaman(DESK, provinsi=m.PROVINSI, daerah=m.PROVINSI, tahun=m.TAHUN, urusan=m.URUSAN)
    masuk(at, "demo.analis")
    buka_rincian_desk(at)
    tampil = periksa_halaman(at)
    assert m.NAMA_LENGKAP in tampil  # panel samping dan "Notulis"
    assert m.SUB_KEGIATAN in tampil and m.PERANGKAT_DAERAH in tampil  # tabel dukungan (HTML) dan tombol sepakat
    assert any(m.SUB_KEGIATAN in polos(t.label) for t in at.toggle)


def test_indikator_daerah_ringkasan_hanya_teks(buka):
    at = jalankan_halaman("pages/1_Indikator.py", provinsi=m.PROVINSI, daerah=m.KABUPATEN, tahun=m.TAHUN,
                          indikator=buka["kabupaten"])
    tampil = periksa_halaman(at)
    for teks in (m.NAMA_INDIKATOR, m.DEFINISI, m.SUMBER, m.PERANGKAT_DAERAH):
        assert teks in tampil, teks
    at = jalankan_halaman("pages/2_Daerah.py", provinsi=m.PROVINSI, daerah=m.KABUPATEN, tahun=m.TAHUN,
                          bandingkan="KES-01", kuadran="perangkat_daerah", cari=m.MARKDOWN)
    tampil = periksa_halaman(at)
    assert m.MARKDOWN in tampil  # pencarian dari URL (tautan yang dibagikan) dipantulkan sebagai teks
    assert m.NAMA_INDIKATOR in tampil
    at = jalankan_halaman(None, provinsi=m.PROVINSI, daerah=m.KABUPATEN, tahun=m.TAHUN, kuadran="perangkat_daerah")
    periksa_halaman(at)


def test_pemeriksa_menangkap_markup_hidup():
    """Pemeriksa uji ini sendiri dapat gagal: teks mentah tertangkap, teks yang diloloskan lolos."""
    assert m.markdown_hidup(m.MARKDOWN) and m.markdown_hidup(m.IFRAME) and not m.markdown_hidup(aman.md(m.MARKDOWN))
    assert m.markup_hidup(m.PLOTLY) and m.markup_hidup(m.GAMBAR) and not m.markup_hidup(aman.html(m.PLOTLY))


# -- berkas unduhan -------------------------------------------------------------------------------------------

def test_dek_pdf_dan_laporan_pdf_teks_apa_adanya(db_jahat, tmp_path):
    """reportlab Paragraph menafsirkan markup (<img src> membaca berkas, <a href>, <font>): teks pengguna di dek
    desk dan laporan PDF tampil apa adanya (diperiksa dengan pdftotext)."""
    import subprocess

    from pantau.db import buka
    from pantau.desk.bahan import kumpulkan
    from pantau.keluaran import dek
    from pantau.keluaran.laporan import susun_rkpd
    from pantau.keluaran.laporan.pdf import pdf_bytes

    path, _ = db_jahat
    con = buka(path)
    try:
        pdf = dek.bangun_pdf(kumpulkan(con, provinsi=m.PROVINSI, urusan=m.URUSAN,
                                       tahun=m.TAHUN, judul_urusan=f"{m.URUSAN} Kesehatan",
                                       nama_provinsi="Provinsi Kalimantan Utara"))
        pid = con.execute("SELECT periode_id FROM indikator WHERE daerah_kode = $d LIMIT 1",
                          {"d": m.KABUPATEN}).fetchone()[0]
        laporan = pdf_bytes(susun_rkpd(con, daerah=m.KABUPATEN, periode_id=pid, tahun=m.TAHUN))
    finally:
        con.close()
    # (baris dapat terlipat di tengah teks: potongan yang tidak berspasi diperiksa)
    harus = {"dek": ['srcdoc="<script>parent.__x=1</script>"></iframe>', "Faktor penghambat: <iframe",
                     'Tindak lanjut: <img src=x onerror="window.__x=2">', "# bukan judul", "- bukan daftar",
                     "![g](http://10.0.0.1/x.png)"],
             "laporan": ["Stunting <iframe"]}
    for nama, isi in (("dek", pdf), ("laporan", laporan)):
        f = tmp_path / f"{nama}.pdf"
        f.write_bytes(isi)
        teks = subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True,
                              check=True).stdout
        for h in harus[nama]:
            assert h in teks, (nama, h)


# -- Chromium -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server_jahat(db_jahat, tmp_path_factory):
    from tests.bantuan_peramban import hentikan, mulai_server

    folder = tmp_path_factory.mktemp("server_jahat")
    db = folder / "pantau.duckdb"
    shutil.copy(db_jahat[0], db)
    s = mulai_server(db, folder / "server.log")
    yield s
    hentikan(s)


def _tanpa_skrip(page) -> None:
    """Tidak ada skrip muatan yang berjalan: penanda window.__x tidak pernah diisi, tidak ada dialog, tidak ada
    iframe atau gambar muatan di dokumen."""
    assert page.evaluate("typeof window.__x") == "undefined"
    assert not page.dialog, page.dialog
    assert page.locator("iframe").count() == 0
    assert page.locator("img[src='x'], a[href^='javascript'], a[href*='10.0.0.1']").count() == 0


def _teks_tampil(page) -> str:
    return page.evaluate("document.body.innerText").replace(aman.PENYAMBUNG, "")


@pytest.mark.peramban
def test_peramban_catatan_nama_dan_judul_tidak_menjalankan_skrip(server_jahat, halaman, db_jahat):
    from tests.bantuan_peramban import hanya_lokal, tangkap_layar, tanpa_galat, tunggu_rerun, tunggu_siap
    from tests.bantuan_peramban import masuk as masuk_peramban

    halaman.dialog = []
    halaman.on("dialog", lambda d: (halaman.dialog.append(d.message), d.dismiss()))
    q = f"?provinsi={m.PROVINSI}&daerah={m.PROVINSI}&tahun={m.TAHUN}&urusan={m.URUSAN}"
    # Desk Urusan: catatan tersimpan (penghambat = iframe srcdoc) dibuka di expander, dibaca tanpa masuk
    halaman.goto(server_jahat.url + "/Desk_Urusan" + q)
    tunggu_siap(halaman)
    catatan = halaman.locator('[data-testid="stExpander"]').filter(has_text="versi 1 · demo.analis")
    assert catatan.count() == 2
    for i in range(2):
        catatan.nth(i).locator("summary").click()
    halaman.wait_for_timeout(500)
    teks = _teks_tampil(halaman)
    for t in (m.PENGHAMBAT, m.PENDORONG, "# bukan judul", "- bukan daftar", m.NAMA_INDIKATOR):
        assert t in teks, t
    catatan.first.scroll_into_view_if_needed()
    tangkap_layar(halaman, "serangan-xss-desk-catatan-1920x1080")
    _tanpa_skrip(halaman)
    tanpa_galat(halaman)

    # mode presentasi: judul <h1> dibangun dari nama indikator
    halaman.goto(server_jahat.url + "/Desk_Urusan" + q + "&presentasi=1&slide=1")
    tunggu_siap(halaman)
    h1 = halaman.locator("h1").first.inner_text()
    assert m.NAMA_INDIKATOR in h1, h1
    tangkap_layar(halaman, "serangan-xss-desk-presentasi-1920x1080")
    _tanpa_skrip(halaman)

    # Indikator: judul, keterangan (definisi Markdown), grafik dengan satuan/sumber berisi markup Plotly
    halaman.goto(server_jahat.url + f"/Indikator?provinsi={m.PROVINSI}&daerah={m.KABUPATEN}&tahun={m.TAHUN}"
                 f"&indikator={db_jahat[1]['kabupaten']}")
    tunggu_siap(halaman)
    halaman.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')
    teks = _teks_tampil(halaman)
    assert m.NAMA_INDIKATOR in teks and m.DEFINISI in teks and m.PERANGKAT_DAERAH in teks
    sumbu = halaman.evaluate("[...document.querySelectorAll('[data-testid=stPlotlyChart] .ytitle')]"
                             ".map(e => e.textContent).join(' ')")
    assert m.SATUAN in sumbu, sumbu  # <a href>…<br><b> tampil sebagai teks, bukan tautan
    tangkap_layar(halaman, "serangan-xss-indikator-1920x1080")
    _tanpa_skrip(halaman)

    # masuk sebagai analis yang nama lengkapnya berisi <img onerror>: tampil di panel samping sebagai teks
    masuk_peramban(halaman, "demo.analis", "demo-analis-2026", di="stSidebar")
    halaman.get_by_test_id("akun-nama").wait_for(timeout=120_000)  # dua kali jalan ulang; lambat di mesin sibuk
    assert m.NAMA_LENGKAP in halaman.get_by_test_id("akun-nama").inner_text()
    halaman.goto(server_jahat.url + "/Desk_Urusan" + q)
    tunggu_siap(halaman)
    tunggu_rerun(halaman)
    _tanpa_skrip(halaman)
    tanpa_galat(halaman)
    hanya_lokal(halaman, server_jahat)  # gambar muatan (10.0.0.1) tidak pernah diminta
