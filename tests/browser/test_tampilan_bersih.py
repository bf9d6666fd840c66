"""Yang tampil di layar bersih (isu #16, keputusan #16): setiap halaman navigasi, pada 1920x1080 dan 1280x720, di
basis data demo, sebagai administrator (Riwayat dan Pengaturan ikut terbaca), tidak memperlihatkan None, nan, NaT,
null, undefined, judul kolom snake_case, atau traceback Python.

Teks dibaca dari DOM yang terlihat, ditambah isi tabel: st.dataframe (glide-data-grid) melukis selnya di kanvas dan
menyimpan teksnya di grid ARIA (role="columnheader"/"gridcell"), jadi sel-sel itu dibaca dari sana; tab yang
tersembunyi dibuka satu per satu. Isi lengkap setiap tabel (juga baris di luar layar) diperiksa lewat berkas
unduhannya di tests/test_keluaran_bersih.py. Tangkapan layar
setiap halaman di tests/artefak/layar/bersih-<halaman>-<ukuran>.png."""
from __future__ import annotations

import time

from pantau.ui.bingkai import HALAMAN
from tests.bantuan_bersih import temuan_judul, temuan_teks
from tests.bantuan_halaman import sandi_demo
from tests.browser.conftest import (
    UKURAN,
    buka_semua_rincian,
    catat_waktu,
    masuk,
    tangkap_layar,
    tanpa_galat,
    tunggu_siap,
)

PARAM = "?provinsi=62&daerah=62&tahun=2025"
#: Tautan setiap halaman navigasi (nama berkas tanpa nomor, seperti Streamlit), Ringkasan = "/".
TAUTAN = {label: "/" if skrip == "dashboard.py" else "/" + skrip.split("/")[-1][2:-3] for skrip, label, _ in HALAMAN}

_BACA_GRID = """() => {
  const teks = el => (el.textContent || '').trim();
  const grid = [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(g => g.offsetParent !== null);
  return grid.map(g => ({
    judul: [...g.querySelectorAll('[role="columnheader"]')].map(teks),
    sel: [...g.querySelectorAll('[role="gridcell"]')].map(teks),
  }));
}"""


_GRID_TERISI = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
  .filter(g => g.offsetParent !== null).every(g => g.querySelector('[role="gridcell"]'))"""


def baca_layar(page, tempat: str) -> tuple[list[str], int]:
    """Temuan di teks yang terlihat dan di setiap sel tabel yang terlihat; jumlah sel tabel yang dibaca. Grid
    dilukis sesudah skrip selesai: tunggu sampai setiap grid yang terlihat punya sel."""
    try:
        page.wait_for_function(_GRID_TERISI, timeout=15_000)
    except Exception:
        pass  # grid kosong yang sah; jumlah sel diperiksa uji
    utama = page.locator('[data-testid="stAppViewContainer"]')
    temuan = temuan_teks(utama.inner_text(), tempat)
    n = 0
    for i, g in enumerate(page.evaluate(_BACA_GRID)):
        temuan += temuan_judul([j for j in g["judul"] if j], f"{tempat} tabel {i + 1}")
        temuan += temuan_teks("\n".join(g["sel"]), f"{tempat} tabel {i + 1}")
        n += len(g["sel"])
    return temuan, n


def test_setiap_halaman_dua_ukuran_tanpa_nilai_mentah(server, halaman):
    mulai = time.perf_counter()
    halaman.goto(server.url + "/Riwayat" + PARAM)
    tunggu_siap(halaman)
    masuk(halaman, "demo.admin", sandi_demo("demo.admin"))
    assert len(TAUTAN) == len(HALAMAN) == 10
    temuan, sel = [], {}
    for label, jalur in TAUTAN.items():
        halaman.set_viewport_size(UKURAN["1920x1080"])
        halaman.goto(server.url + jalur + PARAM)
        tunggu_siap(halaman)
        tanpa_galat(halaman)
        nama = label.lower().replace(" ", "-")
        for ukuran, vp in UKURAN.items():
            halaman.set_viewport_size(vp)
            halaman.wait_for_timeout(500)  # grid dan grafik menyesuaikan lebar
            t, n = baca_layar(halaman, f"{label} {ukuran}")
            temuan += t
            sel[f"{label} {ukuran}"] = n
            tangkap_layar(halaman, f"bersih-{nama}-{ukuran}")
        # tab yang tersembunyi (Indikator: realisasi, antar daerah, riwayat) dibuka satu per satu
        tab = halaman.get_by_role("tab")
        for i in range(1, tab.count()):
            tab.nth(i).click()
            halaman.wait_for_timeout(400)
            t, n = baca_layar(halaman, f"{label} tab {tab.nth(i).inner_text()}")
            temuan += t
            sel[f"{label} tab {i}"] = n
        # rincian yang dibangun hanya saat dibuka (expander Kinerja vs anggaran, isu #15) dibuka lalu dibaca
        if buka_semua_rincian(halaman):
            t, n = baca_layar(halaman, f"{label} rincian")
            temuan += t
            sel[f"{label} rincian"] = n
    catat_waktu("tampilan_bersih_semua_halaman", time.perf_counter() - mulai)
    # tabel benar-benar terbaca (bukan grid kosong karena selektor salah), sedikitnya di salah satu ukuran (di mesin
    # yang sibuk grid kadang belum melukis sel ARIA-nya saat dibaca)
    for label, minimum in (("Daerah", 50), ("Riwayat", 50), ("Kualitas data", 20)):
        assert max(sel[f"{label} {u}"] for u in UKURAN) > minimum, (label, sel)
    assert sel.get("Ringkasan rincian", 0) > 20, sel  # tabel kinerja vs anggaran dan temuan, sesudah dibuka
    assert sel["Indikator tab 3"] > 20, sel  # tab riwayat perubahan Indikator
    assert not temuan, "\n".join(temuan[:40])
