"""Kinerja vs anggaran (keputusan #10) di peramban sungguhan: grafik kuadran dan temuan tampil di Ringkasan dan Daerah
pada 1920x1080 dan 1280x720, ganti dimensi lewat kontrol dan lewat URL, keadaan kosong, tanpa galat."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import (
    UKURAN,
    buka_semua_rincian,
    hanya_lokal,
    tangkap_layar,
    tanpa_galat,
    tunggu_rerun,
    tunggu_siap,
)

GRAFIK = ".st-key-anggaran-grafik"
KUADRAN = ["Efektif-efisien", "Efektif", "Tidak efektif-tidak efisien", "Belum optimal"]
HALAMAN = {"ringkasan": "/", "daerah": "/Daerah"}


def buka(page, server, halaman: str, **params) -> None:
    q = "&".join(f"{k}={v}" for k, v in params.items())
    page.goto(f"{server.url}{HALAMAN[halaman]}?{q}")
    tunggu_siap(page)


def ke_bagian(page) -> None:
    """Gulir sampai grafik kuadran berada di atas layar (seluruh tingginya terlihat pada 1280x720)."""
    page.get_by_role("heading", name=re.compile(r"^Kinerja vs anggaran")).scroll_into_view_if_needed()
    page.wait_for_selector(f"{GRAFIK} .main-svg", timeout=30_000)
    page.locator(GRAFIK).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(400)


def pilihan(page, nama: str):
    """Tombol pilihan dimensi (st.segmented_control: role radio)."""
    return page.locator(".st-key-anggaran-dimensi").get_by_role("radio", name=nama)


def teks_grafik(page) -> str:
    return page.locator(f"{GRAFIK} .main-svg").first.evaluate(
        "el => Array.from(el.closest('.js-plotly-plot').querySelectorAll('text')).map(t => t.textContent).join('|')")


def kotak_teks(page, kelas: str) -> list[dict]:
    """Kotak (x, y, lebar, tinggi) setiap teks tak kosong di ``kelas`` grafik kuadran (legend, annotation...)."""
    return page.locator(f"{GRAFIK} .js-plotly-plot").first.evaluate(
        """(el, kelas) => Array.from(el.querySelectorAll('.' + kelas + ' text'))
               .filter(t => t.textContent.trim())
               .map(t => { const r = t.getBoundingClientRect();
                           return {t: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height}; })""", kelas)


def bertumpuk(a: dict, b: dict) -> bool:
    return not (a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"])


def periksa_tampilan(page, nama: str) -> None:
    """Pada kedua ukuran layar: nama keempat kuadran ada, grafik tidak lebih lebar dari layar, legenda tidak
    menumpuk nama kuadran atau label titik, temuan tampil; lalu tangkapan layar."""
    for ukuran, vp in UKURAN.items():
        page.set_viewport_size(vp)
        page.wait_for_timeout(700)
        ke_bagian(page)
        teks = teks_grafik(page)
        for k in KUADRAN:
            assert k in teks, (k, teks[:500])
        assert "Serapan anggaran (%)" in teks and "Capaian kinerja (%)" in teks
        kotak = page.locator(f"{GRAFIK} .main-svg").first.bounding_box()
        assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= vp["width"] + 1, kotak
        legenda = kotak_teks(page, "legend")
        assert legenda, "legenda kuadran tidak tampil"
        lain = kotak_teks(page, "annotation") + kotak_teks(page, "textpoint")
        for a in legenda:
            for b in lain:
                assert not bertumpuk(a, b), (ukuran, a, b)
        tangkap_layar(page, f"anggaran-{nama}-grafik-{ukuran}")
        page.get_by_role("heading", name="Temuan").scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        assert page.get_by_text(re.compile(r"^Indikator bertarget \d{4} tanpa sub kegiatan pendukung")).is_visible()
        assert page.get_by_text(re.compile(r"^Sub kegiatan yang tidak mendukung indikator")).is_visible()
        # Tabel angka kuadran dan temuan dibangun saat expander-nya dibuka (isu #15): buka, lalu tabelnya tampil.
        if buka_semua_rincian(page):
            page.get_by_role("heading", name="Temuan").scroll_into_view_if_needed()
        tabel = page.locator('[data-testid="stMain"] [data-testid="stExpander"] [data-testid="stDataFrame"]')
        tabel.first.wait_for(timeout=30_000)
        assert tabel.count() >= 2, tabel.count()
        tangkap_layar(page, f"anggaran-{nama}-temuan-{ukuran}")
    tanpa_galat(page)


@pytest.mark.parametrize("halaman_nama,provinsi,daerah,tahun", [
    ("ringkasan", "62", "62", 2026),
    ("daerah", "65", "65.01", 2024),
])
def test_kuadran_dan_temuan_tampil_di_dua_ukuran(server, halaman, halaman_nama, provinsi, daerah, tahun):
    buka(halaman, server, halaman_nama, provinsi=provinsi, daerah=daerah, tahun=tahun)
    ke_bagian(halaman)
    assert halaman.get_by_role("heading", name=f"Kinerja vs anggaran · {tahun}").is_visible()
    # Keterangan garis batas tampil; tahun berjalan (2026, s.d. TW III) menyebut penyesuaiannya.
    ket = halaman.get_by_text(re.compile(r"^Garis: kinerja")).first.inner_text()
    assert ("batas serapan kumulatif s.d. Triwulan III" in ket) == (tahun == 2026), ket
    periksa_tampilan(halaman, f"{halaman_nama}-{daerah}-{tahun}")
    hanya_lokal(halaman, server)


@pytest.mark.parametrize("halaman_nama", ["ringkasan", "daerah"])
def test_ganti_dimensi_lewat_kontrol_dan_url(server, halaman, halaman_nama):
    buka(halaman, server, halaman_nama, provinsi="62", daerah="62", tahun=2024)
    ke_bagian(halaman)
    assert "kuadran=" not in halaman.url
    sebelum = teks_grafik(halaman)
    pilihan(halaman, "Perangkat daerah").click()
    tunggu_rerun(halaman)
    halaman.wait_for_url(re.compile(r"kuadran=perangkat_daerah"), timeout=20_000)
    ke_bagian(halaman)
    sesudah = teks_grafik(halaman)
    assert sesudah != sebelum
    assert "perangkat daerah" in halaman.get_by_text(re.compile(r"^Garis: kinerja")).first.inner_text()
    # Filter halaman lain tetap di URL; muat ulang URL itu membuka dimensi yang sama.
    assert "daerah=62" in halaman.url and "tahun=2024" in halaman.url
    halaman.goto(halaman.url)
    tunggu_siap(halaman)
    ke_bagian(halaman)
    assert pilihan(halaman, "Perangkat daerah").get_attribute("aria-checked") == "true"
    assert pilihan(halaman, "Urusan").get_attribute("aria-checked") == "false"
    assert teks_grafik(halaman) == sesudah
    periksa_tampilan(halaman, f"{halaman_nama}-perangkat-daerah")
    # Kembali ke urusan: parameter hilang dari URL.
    pilihan(halaman, "Urusan").click()
    tunggu_rerun(halaman)
    halaman.wait_for_function("() => !location.search.includes('kuadran=')", timeout=20_000)
    tanpa_galat(halaman)


def test_tanpa_dukungan_menjelaskan_diri(server, halaman):
    buka(halaman, server, "ringkasan", provinsi="65", daerah="65", tahun=2021)
    judul = halaman.get_by_role("heading", name="Kinerja vs anggaran · 2021")
    judul.scroll_into_view_if_needed()
    assert halaman.get_by_text(re.compile(r"Belum ada data dukungan sub kegiatan dan anggaran")).is_visible()
    assert halaman.locator(GRAFIK).count() == 0
    tautan = halaman.locator('[data-testid="stMain"] a[data-testid="stPageLink-NavLink"]', has_text="Impor")
    assert tautan.count() == 1
    for ukuran, vp in UKURAN.items():
        halaman.set_viewport_size(vp)
        halaman.wait_for_timeout(500)
        judul.scroll_into_view_if_needed()
        tangkap_layar(halaman, f"anggaran-kosong-{ukuran}")
    tanpa_galat(halaman)
