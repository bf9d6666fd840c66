"""Halaman Impor di peramban: unggah sungguhan lewat <input type=file> (page.set_input_files), pratinjau,
konfirmasi, ringkasan; berkas buruk menampilkan kesalahan. Juga tautan dalam ke Kualitas data."""
from __future__ import annotations

from tests.bantuan_halaman import sandi_demo
from tests.browser.conftest import masuk, tangkap_layar, tanpa_galat, tunggu_rerun, tunggu_siap
from tests.korpus_buruk import buat_korpus as korpus

CSV_BAIK = (b"daerah_kode,periode_rpjmd,indikator_kode,tahun,periode,realisasi,status\n"
            b"65.01,2021-2026,IKU-01,2024,TAHUN,\"74,1\",tetap\n")


def _unggah(halaman, nama: str, isi: bytes, mime: str) -> None:
    masukan = halaman.locator('[data-testid="stFileUploader"] input[type="file"]')
    masukan.set_input_files(files=[{"name": nama, "mimeType": mime, "buffer": isi}])
    tunggu_rerun(halaman)


def test_unggah_pratinjau_konfirmasi(server, halaman):
    halaman.goto(server.url + "/Impor?provinsi=65&daerah=65.01")
    tunggu_siap(halaman)
    assert halaman.locator("h1").first.inner_text() == "Impor data"
    # membaca terbuka (demo), menulis memerlukan masuk: halaman meminta masuk sebelum unggahan
    assert halaman.get_by_text("Masuk dulu untuk mengimpor").is_visible()
    masuk(halaman, "demo.operator.bulungan", sandi_demo("demo.operator.bulungan"))
    assert halaman.get_by_text("Operator Bulungan (demo)").first.is_visible()
    _unggah(halaman, "realisasi_tw.csv", CSV_BAIK, "text/csv")
    halaman.get_by_text("Pratinjau perubahan").wait_for(timeout=60_000)
    assert halaman.get_by_role("tab", name="Berubah (1)").is_visible()
    assert halaman.get_by_role("textbox", name="Nama pengimpor").count() == 0  # nama dari akun yang masuk
    tangkap_layar(halaman, "impor-pratinjau-1920x1080")
    halaman.get_by_role("button", name="Impor sekarang").click()
    halaman.get_by_text("berhasil").first.wait_for(timeout=60_000)
    tunggu_siap(halaman)
    assert halaman.get_by_text("1 berubah").first.is_visible()
    tangkap_layar(halaman, "impor-ringkasan-1920x1080")
    tanpa_galat(halaman)


def test_berkas_buruk_menampilkan_kesalahan(server, halaman):
    halaman.goto(server.url + "/Impor?provinsi=65&daerah=65.01")
    tunggu_siap(halaman)
    masuk(halaman, "demo.admin", sandi_demo("demo.admin"))
    isi = (korpus.FOLDER / "html_disimpan_sebagai.xls").read_bytes()
    _unggah(halaman, "html_disimpan_sebagai.xls", isi, "application/vnd.ms-excel")
    halaman.get_by_text("Berkas ditolak").wait_for(timeout=60_000)
    assert halaman.get_by_role("button", name="Unduh CSV").first.is_visible()
    assert halaman.get_by_role("button", name="Impor sekarang").count() == 0
    tangkap_layar(halaman, "impor-ditolak-1920x1080")
    tanpa_galat(halaman)


def test_tautan_dalam_kualitas_data(server, halaman):
    halaman.goto(server.url + "/Kualitas_Data?provinsi=65&daerah=65.01")
    tunggu_siap(halaman)
    assert halaman.locator("h1").first.inner_text().startswith("Kualitas data")
    tangkap_layar(halaman, "kualitas-data-1920x1080")
    tanpa_galat(halaman)
