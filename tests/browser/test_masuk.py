"""Masuk di peramban (keputusan #7), pada server baru dengan basis data yang membaca pun memerlukan masuk
(baca_perlu_masuk = 'ya', seperti buatan `init`): tautan dalam ke SETIAP halaman meminta masuk sebelum isi
apa pun (tautan dalam pertama pada server yang baru mulai), masuk -> nama dan peran di panel samping ->
keluar -> diminta masuk lagi. Tangkapan layar layar masuk 1920x1080 dan 1280x720."""
from __future__ import annotations

import shutil

import pytest

from pantau import akun
from pantau.db import buka
from tests.bantuan_halaman import sandi_demo
from tests.browser.conftest import (
    UKURAN,
    hentikan,
    masuk,
    mulai_server,
    tangkap_layar,
    tanpa_galat,
    tunggu_rerun,
    tunggu_siap,
)

# Desk_Urusan lebih dulu: pengunjung pertama server yang baru mulai datang lewat tautan dalam.
TAUTAN = ["/Desk_Urusan", "/", "/Indikator", "/Daerah", "/Impor", "/Kualitas_Data", "/Usulan", "/Laporan",
          "/Riwayat", "/Pengaturan"]
PARAM = "?provinsi=65&daerah=65.01&tahun=2024"


@pytest.fixture(scope="module")
def server_tertutup(db_demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("server_tertutup")
    db = folder / "pantau.duckdb"
    shutil.copy(db_demo, db)
    con = buka(db)
    akun.ubah_pengaturan(con, pelaku=akun.sistem("uji"), kunci="baca_perlu_masuk", nilai="ya")
    con.close()
    s = mulai_server(db, folder / "server.log")
    yield s
    hentikan(s)


def _layar_masuk(page) -> None:
    assert page.locator("h1").first.inner_text() == "Masuk ke Pantau"
    assert page.get_by_role("textbox", name="Nama pengguna").is_visible()
    assert page.get_by_role("combobox", name="Provinsi").count() == 0, "filter tampil sebelum masuk"
    assert page.locator('[data-testid="stDataFrame"], [data-testid="stPlotlyChart"], '
                        '[data-testid="stMetric"]').count() == 0


def test_tautan_dalam_setiap_halaman_meminta_masuk(server_tertutup, halaman):
    from pantau.ui.bingkai import HALAMAN

    assert len(TAUTAN) == len(HALAMAN)
    for jalur in TAUTAN:
        halaman.goto(server_tertutup.url + jalur + PARAM)
        tunggu_siap(halaman)
        _layar_masuk(halaman)
        tanpa_galat(halaman)


def test_layar_masuk_dua_ukuran(server_tertutup, halaman):
    for ukuran, vp in UKURAN.items():
        halaman.set_viewport_size(vp)
        halaman.goto(server_tertutup.url + "/Indikator" + PARAM)
        tunggu_siap(halaman)
        _layar_masuk(halaman)
        halaman.get_by_role("textbox", name="Nama pengguna").fill("demo.analis")
        halaman.get_by_role("textbox", name="Sandi").fill("sandi-salah-123")
        halaman.get_by_role("button", name="Masuk").click()
        tunggu_rerun(halaman)
        assert halaman.get_by_text(akun.PESAN_GAGAL_MASUK).is_visible()
        tangkap_layar(halaman, f"masuk-{ukuran}")
        tanpa_galat(halaman)


def test_masuk_nama_peran_keluar_diminta_masuk_lagi(server_tertutup, halaman):
    halaman.goto(server_tertutup.url + "/Daerah" + PARAM)
    tunggu_siap(halaman)
    _layar_masuk(halaman)
    masuk(halaman, "demo.operator.bulungan", sandi_demo("demo.operator.bulungan"))
    samping = halaman.locator('[data-testid="stSidebar"]')
    assert samping.get_by_text("Operator Bulungan (demo)").is_visible()
    assert "Operator daerah 65.01" in samping.get_by_test_id("akun-peran").inner_text()
    assert halaman.locator("h1").first.inner_text() != "Masuk ke Pantau"
    tangkap_layar(halaman, "masuk-berhasil-1920x1080")
    # berpindah halaman lewat navigasi tetap masuk (satu sesi)
    samping.get_by_role("link", name="Riwayat").click()
    tunggu_rerun(halaman)
    assert halaman.locator("h1").first.inner_text() == "Riwayat perubahan"
    samping.get_by_role("button", name="Keluar").click()
    tunggu_rerun(halaman)
    _layar_masuk(halaman)
    tanpa_galat(halaman)
