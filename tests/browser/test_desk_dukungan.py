"""Dukungan sub kegiatan di Desk Urusan, di peramban sungguhan: daftar terbaca di 1920x1080 dan 1280x720
(mode biasa dan presentasi), analis menyepakati satu sub kegiatan dan melihatnya ditandai."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import UKURAN, masuk, tangkap_layar, tanpa_galat, tunggu_rerun, tunggu_siap

GRAFIK = '[data-testid="stPlotlyChart"] .main-svg'
URL = "/Desk_Urusan?provinsi=62&daerah=62&tahun=2026&urusan=1.02"
JUDUL_EXPANDER = "Sub kegiatan pendukung dan kesepakatan desk"

UKUR = """(sel) => {
  const hasil = [];
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    const tabel = el.querySelector('table');
    const huruf = [...el.querySelectorAll('td, th, b, div')].map(e => parseFloat(getComputedStyle(e).fontSize));
    hasil.push({kiri: r.left, kanan: r.right, atas: r.top, bawah: r.bottom, lebar: el.clientWidth,
                lebar_isi: el.scrollWidth, huruf_min: Math.min(...huruf, parseFloat(getComputedStyle(el).fontSize)),
                tabel_kanan: tabel ? tabel.getBoundingClientRect().right : null, teks: el.innerText});
  }
  return {hasil, lebar: window.innerWidth, tinggi: window.innerHeight,
          gulir: document.documentElement.scrollWidth};
}"""


@pytest.fixture(scope="module")
def sasaran(db_demo):
    """Satu sub kegiatan kabupaten yang belum disepakati pada indikator pertama yang punya baris seperti itu."""
    from pantau.db import buka, jalankan

    c = buka(db_demo)
    try:
        ind = jalankan(c, "desk_indikator", provinsi="62", urusan="1.02", tahun=2026)
        df = jalankan(c, "desk_dukungan", provinsi="62", urusan="1.02", tahun=2026)
    finally:
        c.close()
    urutan = list(dict.fromkeys(ind["induk_id"]))
    belum = df[(~df["disepakati"]) & (df["jenis"] != "provinsi")]
    belum = belum.assign(ke=[urutan.index(i) for i in belum["induk_id"]]).sort_values(["ke", "daerah_kode"])
    x = belum.iloc[0]
    return {"id": int(x["id"]), "ke": int(x["ke"]), "induk_id": int(x["induk_id"]), "daerah": x["daerah"],
            "kode": x["sub_kegiatan_kode"], "jumlah_indikator": len(urutan)}


def _masuk_analis(server, page, slide: int = 1) -> None:
    """Buka Desk Urusan (62, 1.02, 2026) pada indikator ke-``slide`` (mode biasa menggambar indikator yang dipilih
    saja, posisinya di URL seperti slide presentasi) dan masuk sebagai analis lewat panel samping."""
    page.goto(server.url + URL + f"&slide={slide}")
    page.wait_for_selector(GRAFIK, timeout=60_000)
    tunggu_siap(page)
    masuk(page, "demo.analis", "demo-analis-2026", di="stSidebar")
    page.get_by_role("button", name="Keluar").wait_for(timeout=30_000)
    tunggu_siap(page)


def _buka_daftar(page, ke: int = 0):
    """Buka expander dukungan; isinya dibangun saat dibuka (keputusan #15), jadi tunggu sampai tabel atau alasan
    tanpa kendali tiba."""
    exp = page.locator('[data-testid="stExpander"]').filter(has_text=JUDUL_EXPANDER).nth(ke)
    exp.locator("summary").click()
    exp.locator("[data-testid='stExpanderDetails']").wait_for(state="visible", timeout=10_000)
    exp.locator("[data-testid='dukungan-tabel'], [data-testid='stForm'], [data-testid='stCaptionContainer']").first \
        .wait_for(state="visible", timeout=30_000)
    tunggu_siap(page)
    return exp


def _periksa_tabel(page, ukuran: str):
    ukur = page.evaluate(UKUR, "[data-testid='dukungan-tabel']")
    terlihat = [h for h in ukur["hasil"] if h["lebar"] > 0 and h["bawah"] > h["atas"] and h["teks"].strip()]
    assert terlihat, "tabel dukungan tidak terlihat"
    for h in terlihat:
        assert h["lebar_isi"] <= h["lebar"] + 1, \
            f"tabel dukungan terpotong di {ukuran}: {h['lebar_isi']} > {h['lebar']}"
        assert h["kanan"] <= ukur["lebar"], f"tabel dukungan melewati layar {ukuran}"
        assert h["huruf_min"] >= 12
        assert "Jumlah" in h["teks"] and "sub kegiatan" in h["teks"]
    assert ukur["gulir"] <= ukur["lebar"], "halaman melebar melewati layar"


@pytest.mark.parametrize("ukuran", ["1920x1080", "1280x720"])
def test_daftar_dukungan_mode_biasa(server, halaman, ukuran):
    halaman.set_viewport_size(UKURAN[ukuran])
    halaman.goto(server.url + URL)
    halaman.wait_for_selector(GRAFIK, timeout=60_000)
    tunggu_siap(halaman)
    tanpa_galat(halaman)
    ringkas = halaman.locator("[data-testid='dukungan-ringkas']")
    # Mode biasa menggambar indikator yang dibahas saja (keputusan #15); keempatnya ada di pemilih.
    assert ringkas.count() == 1
    pemilih = halaman.get_by_role("combobox", name=re.compile("Indikator yang dibahas"))
    pemilih.click()
    halaman.get_by_role("option").first.wait_for(timeout=5_000)
    assert halaman.get_by_role("option").count() == 4
    halaman.keyboard.press("Escape")
    assert "sub kegiatan di" in ringkas.first.inner_text() and "disepakati" in ringkas.first.inner_text()
    exp = _buka_daftar(halaman)
    exp.locator("[data-testid='dukungan-tabel']").scroll_into_view_if_needed()
    halaman.wait_for_timeout(300)
    tangkap_layar(halaman, f"desk-dukungan-biasa-{ukuran}")
    _periksa_tabel(halaman, ukuran)
    # Belum masuk: alasan singkat mengapa tidak ada kendali.
    assert exp.get_by_text("Masuk sebagai analis").count() == 1
    assert exp.get_by_role("switch").count() == 0 and exp.get_by_role("checkbox").count() == 0


def test_presentasi_1280x720_ringkasan_dukungan(server, halaman):
    halaman.set_viewport_size(UKURAN["1280x720"])
    halaman.goto(server.url + URL + "&presentasi=1&slide=1")
    halaman.wait_for_selector(GRAFIK, timeout=60_000)
    tunggu_siap(halaman)
    halaman.wait_for_timeout(500)
    tanpa_galat(halaman)
    tangkap_layar(halaman, "desk-dukungan-presentasi-1280x720")
    ukur = halaman.evaluate(UKUR, "[data-testid='dukungan-ringkas']")
    (h,) = ukur["hasil"]
    assert h["huruf_min"] >= 18, f"ringkasan dukungan di bawah 18 px: {h['huruf_min']}"
    assert h["bawah"] <= ukur["tinggi"], "ringkasan dukungan di luar layar 720 px"
    assert h["kanan"] <= ukur["lebar"]
    assert "sub kegiatan ·" in h["teks"] and "disepakati" in h["teks"]
    # Rincian per daerah dibuka dari tombol, tampil di atas grafik (tidak mendorong isi).
    halaman.get_by_role("button", name="Per daerah").click()
    halaman.wait_for_selector("[data-testid='dukungan-per-daerah']", timeout=10_000)
    halaman.wait_for_timeout(400)
    tangkap_layar(halaman, "desk-dukungan-presentasi-per-daerah-1280x720")
    ukur = halaman.evaluate(UKUR, "[data-testid='dukungan-per-daerah']")
    (h,) = ukur["hasil"]
    assert h["huruf_min"] >= 18, f"tabel per daerah di bawah 18 px: {h['huruf_min']}"
    assert h["atas"] >= 0 and h["bawah"] <= ukur["tinggi"] + 1, f"tabel per daerah terpotong: {h}"
    assert h["lebar_isi"] <= h["lebar"] + 1 and h["kanan"] <= ukur["lebar"]
    assert "Kalimantan Tengah" in h["teks"] and "Jumlah 15 daerah" in h["teks"]
    # Grafik tetap utuh di layar (ringkasan satu baris, tidak menambah tinggi).
    bawah_grafik = halaman.locator('[data-testid="stPlotlyChart"]').first.bounding_box()
    assert bawah_grafik["y"] + bawah_grafik["height"] <= 720


@pytest.mark.parametrize("ukuran", ["1920x1080", "1280x720"])
def test_analis_menyepakati_dan_melihatnya_ditandai(server, halaman, sasaran, ukuran):
    halaman.set_viewport_size(UKURAN[ukuran])
    _masuk_analis(server, halaman, slide=sasaran["ke"] + 1)
    tanpa_galat(halaman)
    exp = _buka_daftar(halaman)
    baris = exp.locator(f"tr[data-dukungan-id='{sasaran['id']}']")
    if ukuran == "1280x720":  # putaran kedua (server yang sama): sudah disepakati oleh putaran pertama
        assert baris.get_attribute("data-disepakati") == "1"
        tangkap_layar(halaman, f"desk-dukungan-disepakati-{ukuran}")
        _periksa_tabel(halaman, ukuran)
        return
    assert baris.get_attribute("data-disepakati") == "0"
    kotak = exp.get_by_role("combobox", name="Daerah yang dibahas")
    for _ in range(3):  # grafik di atasnya masih bisa menggeser tata letak sesaat setelah digulir
        kotak.scroll_into_view_if_needed()
        halaman.wait_for_timeout(500)
        kotak.click()
        try:
            halaman.get_by_role("option").first.wait_for(timeout=3000)
            break
        except Exception:  # noqa: BLE001
            halaman.keyboard.press("Escape")
    halaman.wait_for_timeout(300)
    tangkap_layar(halaman, f"desk-dukungan-pilih-daerah-{ukuran}")
    halaman.get_by_role("option", name=sasaran["daerah"], exact=True).click()
    tunggu_rerun(halaman)
    exp = halaman.locator('[data-testid="stExpander"]').filter(has_text=JUDUL_EXPANDER).nth(0)
    saklar = exp.locator(f".st-key-dk-sepakat-{sasaran['id']}")
    saklar.scroll_into_view_if_needed()
    tangkap_layar(halaman, f"desk-dukungan-kendali-{ukuran}")
    assert not saklar.locator("input").is_checked()
    saklar.locator("label").first.click()
    tunggu_rerun(halaman)
    tanpa_galat(halaman)
    halaman.wait_for_function(
        f"() => document.querySelector(\"tr[data-dukungan-id='{sasaran['id']}']\")?.dataset.disepakati === '1'",
        timeout=15_000)
    exp = halaman.locator('[data-testid="stExpander"]').filter(has_text=JUDUL_EXPANDER).nth(0)
    baris = exp.locator(f"tr[data-dukungan-id='{sasaran['id']}']")
    assert "✓ disepakati oleh demo.analis" in baris.inner_text()
    assert exp.get_by_text(f"{sasaran['kode']} disepakati").count() >= 1  # pesan berhasil
    assert exp.locator(f".st-key-dk-sepakat-{sasaran['id']}").locator("input").is_checked()
    exp.locator(f".st-key-dk-sepakat-{sasaran['id']}").scroll_into_view_if_needed()
    tangkap_layar(halaman, f"desk-dukungan-disepakati-{ukuran}")
    _periksa_tabel(halaman, ukuran)


def test_analis_menambah_kode_yang_diketik_dan_langsung_menyepakati(server, halaman):
    """Kode yang tidak ada di daftar nomenklatur (sub kegiatan provinsi, segmen ke-4 = 1) diketik langsung di
    kotak pilihan, dengan nama, perangkat daerah dan pagu berformat rupiah; baris baru tampil disepakati."""
    kode = "1.02.02.1.01.0099"
    _masuk_analis(server, halaman)
    exp = _buka_daftar(halaman, 0)
    form = exp.locator('[data-testid="stForm"]').first
    form.scroll_into_view_if_needed()
    kotak = form.get_by_role("combobox", name="Sub kegiatan")
    kotak.click()
    kotak.fill(kode)
    halaman.keyboard.press("Enter")
    halaman.wait_for_timeout(300)
    form.get_by_role("textbox", name="Nama sub kegiatan").fill("Penyediaan Obat Program Provinsi (uji)")
    form.get_by_role("textbox", name="Perangkat daerah").fill("Dinas Kesehatan")
    form.get_by_role("textbox", name="Pagu (Rp)").fill("Rp 250.000.000")
    form.get_by_text("Langsung tandai disepakati").click()
    form.get_by_role("button", name="Tambah sub kegiatan").click()
    tunggu_rerun(halaman)
    tanpa_galat(halaman)
    halaman.wait_for_function(
        f"() => [...document.querySelectorAll(\"[data-testid='dukungan-tabel'] tr\")]"
        f".some(tr => tr.innerText.includes('{kode}'))", timeout=15_000)
    exp = halaman.locator('[data-testid="stExpander"]').filter(has_text=JUDUL_EXPANDER).nth(0)
    baris = exp.locator("[data-testid='dukungan-tabel'] tr").filter(has_text=kode)
    teks = baris.inner_text()
    assert "Penyediaan Obat Program Provinsi (uji)" in teks and "Rp 250 jt" in teks
    assert "disepakati oleh demo.analis" in teks
    baris.scroll_into_view_if_needed()
    tangkap_layar(halaman, "desk-dukungan-tambah-1920x1080")
