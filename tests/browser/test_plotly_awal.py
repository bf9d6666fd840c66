"""Plotly dimuat lebih awal (pantau.ui.plotly_awal, keputusan #15) di Chromium sungguhan: bagian Plotly Streamlit
diminta sekali saja (modulepreload dan import() memakai modul yang sama dengan Streamlit), diminta sebelum websocket
ke server dibuka (tanpa sisipan: ~1,5 s kemudian, saat grafik pertama dirender), grafik tergambar tanpa galat;
halaman tanpa grafik tidak memintanya."""
from __future__ import annotations

from pantau.ui.plotly_awal import potongan_plotly
from tests.browser.conftest import buka_sampai_grafik, tanpa_galat, tunggu_siap

_MULAI_PLOTLY = """() => performance.getEntriesByType('resource')
  .filter(e => e.name.includes('/static/js/PlotlyChart.')).map(e => e.startTime)"""


def test_plotly_diminta_sekali_sebelum_grafik_pertama(server, halaman):
    nama = potongan_plotly()
    html = halaman.request.get(server.url + "/Daerah").text()
    assert f'<link rel="modulepreload" crossorigin href="./static/js/{nama}">' in html

    # Penanda waktu saat websocket Streamlit dibuat.
    halaman.add_init_script("""const W = window.WebSocket;
      window.WebSocket = class extends W {
        constructor(...a) { super(...a); window.__ws = window.__ws ?? performance.now(); }
      };""")
    buka_sampai_grafik(halaman, server.url + "/?provinsi=65&daerah=65.01&tahun=2024", "plotly_awal_grafik_pertama")
    assert halaman.locator("h1").first.inner_text() == "Kabupaten Bulungan · capaian 2024"
    assert halaman.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 3
    diminta = [u for u in halaman.permintaan if "/static/js/PlotlyChart." in u]
    assert diminta == [f"{server.url}/static/js/{nama}"], diminta
    mulai, ws = halaman.evaluate(_MULAI_PLOTLY), halaman.evaluate("window.__ws")
    assert len(mulai) == 1 and ws and mulai[0] < ws, (mulai, ws)
    tanpa_galat(halaman)


def test_halaman_tanpa_grafik_tidak_memuat_plotly(server, halaman):
    halaman.goto(server.url + "/Kualitas_Data?provinsi=65&tahun=2024")
    tunggu_siap(halaman)
    assert halaman.locator("h1").first.is_visible()
    assert not [u for u in halaman.permintaan if "/static/js/PlotlyChart." in u]
    assert potongan_plotly() not in halaman.request.get(server.url + "/Kualitas_Data").text()
    tanpa_galat(halaman)
