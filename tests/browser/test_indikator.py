"""Halaman Indikator di peramban: tautan dalam pada server yang baru dinyalakan."""
from __future__ import annotations

import re
import time

from tests.browser.conftest import UKURAN, catat_waktu, hanya_lokal, pilih, tangkap_layar, tanpa_galat, tunggu_siap


def test_tautan_dalam_ke_indikator_pada_server_baru(server, halaman):
    mulai = time.perf_counter()
    halaman.goto(server.url + "/Indikator?provinsi=62&daerah=62&tahun=2024")
    halaman.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    catat_waktu("indikator_dingin_grafik_pertama_detik", time.perf_counter() - mulai)
    tunggu_siap(halaman)
    assert halaman.locator("h1").first.inner_text() == "Indeks Pembangunan Manusia (IPM)"
    assert halaman.get_by_text("Keterangan indikator").is_visible()
    tanpa_galat(halaman)
    for ukuran, vp in UKURAN.items():
        halaman.set_viewport_size(vp)
        halaman.wait_for_timeout(600)
        tangkap_layar(halaman, f"indikator-{ukuran}")


def test_ganti_indikator_dan_tahun(server, halaman):
    halaman.goto(server.url + "/Indikator?provinsi=62&daerah=62&tahun=2024")
    tunggu_siap(halaman)
    pilih(halaman, "Indikator", "IKU-03 · Laju Pertumbuhan Ekonomi")
    assert halaman.locator("h1").first.inner_text() == "Laju Pertumbuhan Ekonomi"
    assert re.search(r"indikator=\d+", halaman.url)
    pilih(halaman, "Tahun", "2023")
    assert "tahun=2023" in halaman.url
    assert halaman.get_by_text("Target 2023").is_visible()
    tangkap_layar(halaman, "indikator-rentang-1920x1080")
    tanpa_galat(halaman)
    hanya_lokal(halaman, server)
