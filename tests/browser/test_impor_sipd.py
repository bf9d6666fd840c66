"""Halaman Impor mode SIPD-RI di peramban (isu #21): tiga JSON contoh nyata diunggah sekaligus lewat
<input type=file multiple>, ringkasan untuk dicocokkan dengan SIPD, konfirmasi; tangkapan layar dua ukuran."""
from __future__ import annotations

from tests.bantuan_halaman import sandi_demo
from tests.bantuan_sipd import PAGU, RENJA, SKPD
from tests.browser.conftest import masuk, tangkap_dua_ukuran, tanpa_galat, tunggu_rerun, tunggu_siap


def test_unggah_tiga_json_ringkasan_konfirmasi(server, halaman):
    halaman.goto(server.url + "/Impor?provinsi=65&daerah=65.01&tahun=2026&mode=sipd")
    tunggu_siap(halaman)
    masuk(halaman, "demo.operator.bulungan", sandi_demo("demo.operator.bulungan"))
    tunggu_siap(halaman)
    masukan = halaman.locator('[data-testid="stFileUploader"] input[type="file"]')
    masukan.set_input_files(files=[{"name": p.name, "mimeType": "application/json", "buffer": p.read_bytes()}
                                   for p in (RENJA, PAGU, SKPD)])
    tunggu_rerun(halaman)
    halaman.get_by_text("Ringkasan untuk dicocokkan dengan SIPD-RI").wait_for(timeout=60_000)
    tunggu_siap(halaman)
    judul = halaman.get_by_text("Ringkasan untuk dicocokkan dengan SIPD-RI")
    judul.scroll_into_view_if_needed()
    assert halaman.get_by_text("Rp 147.618.882.317").first.is_visible()
    tangkap_dua_ukuran(halaman, "impor-sipd-ringkasan")
    halaman.set_viewport_size({"width": 1920, "height": 1080})
    halaman.get_by_role("button", name="Impor sekarang").click()
    halaman.get_by_text("berhasil").first.wait_for(timeout=60_000)
    tunggu_siap(halaman)
    assert halaman.get_by_text("124 baru").first.is_visible()
    tangkap_dua_ukuran(halaman, "impor-sipd-selesai")
    tanpa_galat(halaman)
