"""Ringkasan di peramban sungguhan, pada server yang baru dinyalakan (dingin)."""
from __future__ import annotations

import re
import time

from tests.browser.conftest import (
    UKURAN,
    buka_sampai_grafik,
    catat_waktu,
    hanya_lokal,
    pilih,
    tangkap_dua_ukuran,
    tangkap_layar,
    tanpa_galat,
    tunggu_rerun,
    tunggu_siap,
)


def test_dingin_grafik_pertama_dan_tangkapan_layar(server, halaman):
    buka_sampai_grafik(halaman, server.url + "/", "ringkasan_dingin_grafik_pertama_detik")
    judul = halaman.locator("h1").first.inner_text()
    assert re.search(r"· capaian 20\d\d$", judul), judul
    assert halaman.get_by_text("Indikator per predikat").is_visible()
    assert halaman.get_by_text("Paling perlu perhatian").is_visible()
    tanpa_galat(halaman)
    tangkap_dua_ukuran(halaman, "ringkasan-provinsi")
    hanya_lokal(halaman, server)


def test_tautan_dalam_membuka_daerah_dan_tahun(server, halaman):
    buka_sampai_grafik(halaman, server.url + "/?provinsi=65&daerah=65.01&tahun=2024",
                       "ringkasan_hangat_grafik_pertama_detik")
    assert halaman.locator("h1").first.inner_text() == "Kabupaten Bulungan · capaian 2024"
    tanpa_galat(halaman)
    tangkap_dua_ukuran(halaman, "ringkasan-kabupaten")


def test_ganti_daerah_mengubah_tampilan_dan_url(server, halaman):
    halaman.goto(server.url + "/?provinsi=65&daerah=65&tahun=2025")
    tunggu_siap(halaman)
    assert "Provinsi Kalimantan Utara" in halaman.locator("h1").first.inner_text()
    mulai = time.perf_counter()
    pilih(halaman, "Daerah", "Kabupaten Malinau")
    catat_waktu("ringkasan_ganti_filter_detik", time.perf_counter() - mulai)
    assert halaman.locator("h1").first.inner_text() == "Kabupaten Malinau · capaian 2025"
    assert "daerah=65.02" in halaman.url
    pilih(halaman, "Tahun", "2022")
    assert halaman.locator("h1").first.inner_text() == "Kabupaten Malinau · capaian 2022"
    assert "tahun=2022" in halaman.url
    tanpa_galat(halaman)


def test_tautan_ke_indikator_dan_unduhan(server, halaman, tmp_path):
    halaman.goto(server.url + "/?provinsi=62&daerah=62&tahun=2025")
    tunggu_siap(halaman)
    with halaman.expect_download() as unduh:
        halaman.get_by_role("button", name=re.compile("Unduh PNG")).first.click()
    png = tmp_path / "grafik.png"
    unduh.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000

    tautan = halaman.locator('[data-testid="stMain"] a[data-testid="stPageLink-NavLink"]').first
    label = tautan.inner_text()
    nama = label.split("·", 1)[1].replace("(IKU)", "").strip()
    tautan.click()
    tunggu_rerun(halaman)
    halaman.wait_for_url(re.compile(r"/Indikator\?.*indikator=\d+"))
    assert halaman.locator("h1").first.inner_text() == nama
    assert "daerah=62" in halaman.url and "tahun=2025" in halaman.url

    with halaman.expect_download() as unduh:
        halaman.get_by_role("button", name=re.compile("Unduh CSV")).first.click()
    csv = tmp_path / "tabel.csv"
    unduh.value.save_as(csv)
    teks = csv.read_text(encoding="utf-8-sig")
    assert teks.splitlines()[0].startswith("Tahun;Target;")
    assert len(teks.splitlines()) >= 6
    tanpa_galat(halaman)
    hanya_lokal(halaman, server)


def test_semua_indikator_perlu_perhatian_dibangun_saat_dialog_dibuka(server, halaman):
    """Tabel "Semua N indikator" dibangun dan dikirim hanya saat dialognya dibuka (isu #15): sebelum diklik tidak
    ada tabel di halaman; sesudah diklik tabelnya tampil di dialog lebar dengan N baris, tombol unduhnya utuh
    (tidak terpotong seperti di popover selebar kolom kiri) pada 1280x720 dan 1920x1080."""
    halaman.goto(server.url + "/?provinsi=62&daerah=62&tahun=2025")
    tunggu_siap(halaman)
    assert halaman.locator('[data-testid="stDataFrame"]').count() == 0
    tombol = halaman.get_by_role("button", name=re.compile(r"^Semua \d+ indikator"))
    n = int(re.search(r"Semua (\d+) indikator", tombol.inner_text()).group(1))
    tombol.click()
    tunggu_rerun(halaman)
    dialog = halaman.get_by_role("dialog")
    tabel = dialog.locator('[data-testid="stDataFrame"]')
    kepala = tabel.first.locator('[role="columnheader"]')  # grid ARIA (tersembunyi; kanvas yang terlihat)
    kepala.first.wait_for(state="attached", timeout=30_000)
    judul = [j.strip() for j in kepala.all_text_contents()]
    assert "Indikator" in judul and "Buka" in judul, judul
    # baris grid ARIA: satu baris judul + N baris data (glide-data-grid menyebut jumlahnya di aria-rowcount)
    assert int(tabel.first.locator('[role="grid"]').first.get_attribute("aria-rowcount")) == n + 1
    for ukuran, vp in UKURAN.items():
        halaman.set_viewport_size(vp)
        halaman.wait_for_timeout(400)
        assert dialog.get_by_role("button", name="Unduh CSV").is_visible(), ukuran
        lebar = dialog.get_by_role("button", name="Unduh CSV").evaluate("el => el.scrollWidth <= el.clientWidth + 1")
        assert lebar, f"label tombol unduh terpotong pada {ukuran}"
        kotak = tabel.first.bounding_box()
        assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= vp["width"], (ukuran, kotak)
        tangkap_layar(halaman, f"ringkasan-semua-perlu-perhatian-{ukuran}")
    tanpa_galat(halaman)
