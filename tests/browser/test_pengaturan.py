"""Halaman Pengaturan di peramban: administrator masuk, mengubah batas serapan kuadran, menyimpan, dan melihat
konfirmasinya; 1920x1080 dan 1280x720 (tangkapan layar untuk dilihat)."""
from __future__ import annotations

from tests.bantuan_halaman import sandi_demo
from tests.browser.conftest import UKURAN, masuk, tangkap_layar, tanpa_galat, tunggu_rerun, tunggu_siap


def test_admin_mengubah_batas_serapan(server, halaman):
    halaman.goto(server.url + "/Pengaturan?provinsi=62&daerah=62&tahun=2025")
    tunggu_siap(halaman)
    assert halaman.get_by_text("Masuk dulu untuk membuka pengaturan").is_visible()
    masuk(halaman, "demo.admin", sandi_demo("demo.admin"))
    for i, (ukuran, vp) in enumerate(UKURAN.items()):
        halaman.set_viewport_size(vp)
        kotak = halaman.get_by_role("spinbutton", name="Batas serapan anggaran kuadran, setahun (%)")
        kotak.fill(str(85 - i))
        kotak.press("Tab")
        halaman.get_by_role("button", name="Simpan pengaturan").click()
        tunggu_rerun(halaman)
        halaman.get_by_text(f"Batas serapan anggaran kuadran, setahun (%): {85 - i}").first.wait_for(timeout=20_000)
        assert halaman.get_by_text("Membatalkan impor").is_visible()
        tangkap_layar(halaman, f"pengaturan-{ukuran}")
        tanpa_galat(halaman)
