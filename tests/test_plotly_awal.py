"""Plotly dimuat lebih awal (pantau.ui.plotly_awal, keputusan #15): dokumen halaman yang menggambar grafik mendapat
modulepreload dan import() bagian Plotly Streamlit yang terpasang; jawaban lain tidak disentuh."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import streamlit

from pantau.jalur import ROOT
from pantau.ui.plotly_awal import TANPA_GRAFIK, MuatPlotlyAwal, potongan_plotly

HTML = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body><div id=root></div></body></html>"


def test_bagian_plotly_streamlit_yang_terpasang_ditemukan():
    # Versi Streamlit lain dengan nama/pola berkas berbeda: sisipan diam-diam hilang. Uji ini yang memberi tahu.
    nama = potongan_plotly()
    assert nama and nama.startswith("PlotlyChart.") and nama.endswith(".js")
    assert (Path(streamlit.__file__).parent / "static" / "static" / "js" / nama).stat().st_size > 1_000_000
    # dan index.html Streamlit masih memuat skrip utamanya dari ./static/js/index.*.js (yang dicari SKRIP)
    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    assert '<script type="module" crossorigin src="./static/js/index.' in index and "</head>" in index


def jalankan(mw: MuatPlotlyAwal, jalur: str, *, metode="GET", jenis=b"text/html", potongan=(HTML,),
             kepala_tambahan=()):
    """Satu permintaan lewat middleware ke aplikasi palsu; kembalikan (kepala ke dalam, pesan keluar)."""
    masuk = {}

    async def aplikasi(scope, receive, send):
        masuk["kepala"] = dict(scope["headers"])
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", jenis), (b"content-length", str(sum(map(len, potongan))).encode()),
                                (b"etag", b'"abc"'), *kepala_tambahan]})
        for i, p in enumerate(potongan):
            await send({"type": "http.response.body", "body": p, "more_body": i < len(potongan) - 1})

    mw.app = aplikasi
    keluar = []

    async def kirim(pesan):
        keluar.append(pesan)

    scope = {"type": "http", "method": metode, "path": jalur,
             "headers": [(b"accept-encoding", b"gzip"), (b"host", b"x")]}
    # Di utas sendiri: uji peramban (Playwright sync) meninggalkan loop asyncio berjalan di utas utama sesi uji.
    with ThreadPoolExecutor(1) as pelaksana:
        pelaksana.submit(asyncio.run, mw(scope, None, kirim)).result()
    return masuk["kepala"], keluar


def badan(keluar) -> bytes:
    return b"".join(p.get("body", b"") for p in keluar if p["type"] == "http.response.body")


def kepala(keluar) -> dict:
    return dict(keluar[0]["headers"])


@pytest.mark.parametrize("jalur", ["/", "/Daerah", "/Desk_Urusan", "/pantau/Indikator"])
def test_dokumen_halaman_bergrafik_disisipi(jalur):
    mw = MuatPlotlyAwal(None, "PlotlyChart.X1.js")
    ke_dalam, keluar = jalankan(mw, jalur, potongan=(HTML[:30], HTML[30:]))  # badan dalam dua potong
    isi = badan(keluar)
    assert b"accept-encoding" not in ke_dalam  # agar isi tidak dikompres sebelum disisipi
    assert isi.count(b'<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.X1.js">') == 1
    assert isi.count(b'import(new URL("PlotlyChart.X1.js", utama.src)') == 1
    assert isi.index(b"PlotlyChart.X1.js") < isi.index(b"</head>")
    assert isi.replace(mw.tag, b"") == HTML  # selain sisipan, dokumen utuh
    k = kepala(keluar)
    assert int(k[b"content-length"]) == len(isi)
    assert b"etag" not in k  # isi bukan lagi berkas yang ETag-nya dihitung Streamlit
    assert [p["type"] for p in keluar] == ["http.response.start", "http.response.body"]


@pytest.mark.parametrize("jalur,metode,jenis", [
    ("/static/js/index.abc.js", "GET", b"text/javascript"),
    ("/_stcore/health", "GET", b"text/plain"),
    ("/sesi/pasang", "POST", b"text/html"),
    ("/", "HEAD", b"text/html"),
    ("/", "GET", b"application/json"),
    *[(f"/{h}", "GET", b"text/html") for h in sorted(TANPA_GRAFIK)],
])
def test_jawaban_lain_tidak_disentuh(jalur, metode, jenis):
    mw = MuatPlotlyAwal(None, "PlotlyChart.X1.js")
    _, keluar = jalankan(mw, jalur, metode=metode, jenis=jenis)
    assert badan(keluar) == HTML
    assert kepala(keluar)[b"etag"] == b'"abc"'


def test_dokumen_terkompres_tidak_disentuh():
    mw = MuatPlotlyAwal(None, "PlotlyChart.X1.js")
    _, keluar = jalankan(mw, "/", kepala_tambahan=[(b"content-encoding", b"gzip")])
    assert badan(keluar) == HTML


def test_tanpa_bagian_plotly_tidak_ada_yang_disisipkan(monkeypatch):
    monkeypatch.setattr("pantau.ui.plotly_awal.potongan_plotly", lambda: None)
    mw = MuatPlotlyAwal(None)
    ke_dalam, keluar = jalankan(mw, "/")
    assert mw.tag is None and badan(keluar) == HTML and b"accept-encoding" in ke_dalam


def test_daftar_halaman_tanpa_grafik_sesuai_isi_halaman(db_demo, monkeypatch):
    """TANPA_GRAFIK berisi tepat halaman yang tidak menggambar grafik Plotly (dibuka sebagai admin, yang melihat
    isi setiap halaman): halaman bergrafik yang salah masuk daftar kehilangan pemuatan awal, dan halaman tanpa
    grafik yang tidak masuk daftar menanggung ~0,7 s Plotly untuk apa-apa."""
    from tests.bantuan_halaman import jalankan_halaman, masuk

    monkeypatch.setenv("PANTAU_DB", str(db_demo))
    jalur_halaman = {p.stem.split("_", 1)[1]: f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert TANPA_GRAFIK <= set(jalur_halaman), TANPA_GRAFIK - set(jalur_halaman)
    jumlah = {}
    for nama, berkas in sorted({"(Ringkasan)": None, **jalur_halaman}.items()):
        at = masuk(jalankan_halaman(berkas, provinsi="65", daerah="65.01", tahun=2024), "demo.admin")
        jumlah[nama] = len(at.get("plotly_chart"))
    tanpa = {n for n, j in jumlah.items() if j == 0}
    assert tanpa == set(TANPA_GRAFIK), jumlah
