"""Yang tampil di layar bersih (isu #16, keputusan #16): setiap halaman navigasi, pada 1920x1080 dan 1280x720, di
basis data demo, sebagai administrator (Riwayat dan Pengaturan ikut terbaca), tidak memperlihatkan None, nan, NaT,
null, undefined, judul kolom snake_case, atau traceback Python.

Teks dibaca dari DOM yang terlihat, ditambah isi tabel: st.dataframe (glide-data-grid) melukis selnya di kanvas dan
menyimpan teksnya di grid ARIA (role="columnheader"/"gridcell"), jadi sel-sel itu dibaca dari sana. Tangkapan layar
setiap halaman di tests/artefak/layar/bersih-<halaman>-<ukuran>.png."""
from __future__ import annotations

import time

from pantau.ui.bingkai import HALAMAN
from tests.bantuan_bersih import temuan_judul, temuan_teks
from tests.bantuan_halaman import sandi_demo
from tests.browser.conftest import UKURAN, catat_waktu, masuk, tangkap_layar, tanpa_galat, tunggu_siap

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


def baca_layar(page, tempat: str) -> tuple[list[str], int]:
    """Temuan di teks yang terlihat dan di setiap sel tabel yang terlihat; jumlah sel tabel yang dibaca."""
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
    assert len(TAUTAN) == len(HALAMAN) == 9
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
    catat_waktu("tampilan_bersih_semua_halaman", time.perf_counter() - mulai)
    # tabel benar-benar terbaca (bukan grid kosong karena selektor salah)
    assert sel["Daerah 1920x1080"] > 50 and sel["Riwayat 1920x1080"] > 50 and sel["Kualitas data 1280x720"] > 20, sel
    assert not temuan, "\n".join(temuan[:40])
