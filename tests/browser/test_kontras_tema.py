"""Warna teks grafik di peramban sungguhan (keputusan #22): tema Plotly Streamlit mengganti warna sementara WARNA_TEKS
dengan gray90 di tema terang dan gray10 di tema gelap; label sumbu tidak lagi gray70 #808495 (3,7:1)."""
from __future__ import annotations

from pantau.keluaran import grafik as g
from tests.browser.conftest import UKURAN, tangkap_layar, tunggu_siap


def _warna_label(page) -> tuple[str, str]:
    """(warna isi label sumbu y grafik pertama, warna latar aplikasi) sebagai rgb(...)."""
    page.wait_for_selector('[data-testid="stPlotlyChart"] .ytick text', timeout=60_000)
    return page.evaluate("""() => {
        const t = document.querySelector('[data-testid="stPlotlyChart"] .ytick text');
        const app = document.querySelector('[data-testid="stApp"]');
        return [getComputedStyle(t).fill, getComputedStyle(app).backgroundColor];
    }""")


def _hex(rgb: str) -> str:
    angka = [int(x) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    return "#" + "".join(f"{x:02X}" for x in angka)


def test_label_sumbu_berkontras_di_tema_terang_dan_gelap(server, peramban):
    for skema, harap in (("light", g.WARNA_TEKS_TEMA["terang"]), ("dark", g.WARNA_TEKS_TEMA["gelap"])):
        ctx = peramban.new_context(viewport=UKURAN["1920x1080"], locale="id-ID", color_scheme=skema)
        try:
            page = ctx.new_page()
            page.goto(server.url + "/?provinsi=65&daerah=65.01&tahun=2024")
            tunggu_siap(page)
            teks, latar = _warna_label(page)
            tangkap_layar(page, f"kontras-{skema}")
            assert _hex(teks).upper() == harap.upper(), (skema, teks)
            assert g.kontras(_hex(teks), _hex(latar)) >= 4.5, (skema, teks, latar)
        finally:
            ctx.close()
