"""Halaman Indikator di peramban: tautan dalam pada server yang baru dinyalakan."""
from __future__ import annotations

import re

from tests.browser.conftest import (
    buka_sampai_grafik,
    hanya_lokal,
    pilih,
    tangkap_dua_ukuran,
    tangkap_layar,
    tanpa_galat,
    tunggu_siap,
)


def test_tautan_dalam_ke_indikator_pada_server_baru(server, halaman):
    buka_sampai_grafik(halaman, server.url + "/Indikator?provinsi=62&daerah=62&tahun=2024",
                       "indikator_dingin_grafik_pertama_detik")
    assert halaman.locator("h1").first.inner_text() == "Indeks Pembangunan Manusia (IPM)"
    assert halaman.get_by_text("Keterangan indikator").is_visible()
    tanpa_galat(halaman)
    tangkap_dua_ukuran(halaman, "indikator")


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
