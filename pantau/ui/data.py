"""Akses data untuk halaman: satu koneksi per proses (st.cache_resource), hasil kueri bertembolok
terbatas (st.cache_data), dan kunci tembolok yang berubah setiap ada impor atau perubahan data.

Membuka basis data dijaga (keputusan #19): berkas yang hilang, rusak, dikunci proses lain atau hanya-baca memberi satu
halaman berbahasa Indonesia (apa yang salah, apa yang dilakukan administrator), bukan traceback; rinciannya
(lokasi berkas, pesan DuckDB, traceback) ke log server (logger ``pantau``). Basis data demo dibangun sendiri hanya
bila ``PANTAU_DB`` tidak diisi (``data/pantau.duckdb``, README "Dua perintah"); ``PANTAU_DB`` yang menunjuk
berkas yang tidak ada dijelaskan, tidak diganti diam-diam dengan basis data baru.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path

import pandas as pd
import streamlit as st

from pantau.db import (
    BasisData,
    BasisDataTakTerbuka,
    jenis_gagal_tulis,
    keadaan_galat,
    pasang_skema,
    periksa_berkas,
    pesan_gagal_tulis,
)
from pantau.demo import bangun_demo
from pantau.jalur import DEFAULT_DB

log = logging.getLogger("pantau")
if not log.handlers:  # Streamlit hanya mengatur logger "streamlit": log Pantau ke stderr layanan (journald)
    _h = logging.StreamHandler()
    _h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_h)
    log.setLevel(logging.INFO)
    log.propagate = False

#: Per keadaan: (apa yang salah, apa yang dilakukan administrator). Pengunjung tidak melihat lokasi berkas.
PENJELASAN = {
    "hilang": ("Berkas basis data Pantau tidak ditemukan di server.",
               "Administrator: periksa bahwa `PANTAU_DB` pada layanan menunjuk berkas yang benar, lalu muat ulang "
               "halaman. Untuk server baru, buat basis data dengan `python -m pantau init --db BERKAS` dan akun "
               "admin pertama (README, *Memuat data daerah sendiri*); bila berkasnya terhapus, pulihkan dari "
               "cadangan dengan `python -m pantau pulihkan --db BERKAS`. Dasbor sengaja tidak membuat basis data "
               "baru sendiri, agar data yang hilang tidak tergantikan tanpa ketahuan."),
    "rusak": ("Berkas basis data Pantau rusak atau bukan basis data DuckDB yang dapat dibaca.",
              "Administrator: hentikan layanan, simpan salinan berkas yang rusak untuk diperiksa, pulihkan cadangan "
              "terakhir dengan `python -m pantau pulihkan --db BERKAS` (tanpa `--cadangan` menampilkan daftar "
              "cadangan), lalu jalankan layanan lagi."),
    "terkunci": ("Berkas basis data Pantau sedang dipakai proses lain, jadi dasbor tidak dapat membukanya.",
                 "Administrator: DuckDB hanya mengizinkan satu proses membuka berkas untuk menulis. Tunggu perintah "
                 "baris yang sedang berjalan (`impor`, `pulihkan`, `batal-impor`) selesai, atau hentikan proses "
                 "lain yang membuka berkas ini (dasbor kedua, DuckDB CLI, alat BI), lalu muat ulang halaman. Proses "
                 "yang memegangnya tercatat di log server."),
    "baca_saja": ("Berkas basis data Pantau hanya dapat dibaca, padahal dasbor perlu menulisnya (masuk, catatan "
                  "desk, impor, riwayat).",
                  "Administrator: beri pengguna layanan izin tulis pada berkas dan foldernya (misalnya `chown "
                  "pantau: BERKAS` lalu `chmod u+w BERKAS` dan foldernya), atau pindahkan ke sistem berkas yang "
                  "dapat ditulis, lalu muat ulang halaman."),
    "versi": ("Basis data ini dibuat Pantau versi yang lebih baru dari yang terpasang di server.",
              "Administrator: perbarui Pantau di server (git pull lalu `bash scripts/siapkan.sh`), lalu jalankan "
              "layanan lagi."),
    "lain": ("Basis data Pantau tidak dapat dibuka.",
             "Administrator: rincian galat tercatat di log server (logger `pantau`); periksa berkas `PANTAU_DB`, "
             "ruang disk dan izinnya, lalu muat ulang halaman."),
}


def path_db() -> str:
    return str(Path(os.environ.get("PANTAU_DB", str(DEFAULT_DB))).resolve())


def _bawaan() -> bool:
    """Dasbor memakai basis data bawaan (PANTAU_DB tidak diisi): boleh membangun demo bila belum ada."""
    return not os.environ.get("PANTAU_DB")


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _basis_data(path: str) -> BasisData:
    if not Path(path).exists() and _bawaan():
        bangun_demo(path, laporan=lambda *_: None)
    periksa_berkas(path)
    # PANTAU_MEMORI (misalnya 4GB): batas memori DuckDB proses dasbor (bawaan DuckDB: 80% RAM)
    bd = BasisData(path, memori=os.environ.get("PANTAU_MEMORI"))
    try:
        pasang_skema(bd.con)
    except BaseException:
        bd.tutup()
        raise
    return bd


def basis_data() -> BasisData:
    """Basis data proses ini. Bila tidak dapat dibuka: halaman penjelasan, rincian ke log, halaman berhenti."""
    path = path_db()
    try:
        return _basis_data(path)
    except BasisDataTakTerbuka as e:
        keadaan = e.keadaan
        galat = e
    except Exception as e:  # noqa: BLE001 - galat DuckDB lain saat membuka/memasang skema: tetap satu halaman

        keadaan = keadaan_galat(e)
        galat = e
    log.error("Basis data %s tidak dapat dibuka (%s): %s", path, keadaan, galat, exc_info=galat)
    halaman_basis_data_tak_terbuka(keadaan, Path(path).name)
    st.stop()


def halaman_basis_data_tak_terbuka(keadaan: str, nama_berkas: str) -> None:
    """Satu halaman untuk semua pengunjung: apa yang salah dan apa yang dilakukan administrator."""
    apa, saran = PENJELASAN.get(keadaan, PENJELASAN["lain"])
    st.title("Pantau belum dapat dibuka")
    st.error(apa, icon=":material/database:")
    st.info(saran, icon=":material/build:")
    st.caption(f"Berkas: {nama_berkas} · keadaan: {keadaan}. Rincian teknis dicatat di log server, tidak "
               "ditampilkan di sini.")


@st.cache_data(ttl=2, max_entries=4, show_spinner=False)
def _versi(path: str) -> tuple:
    df = _basis_data(path).tanya("versi_data")
    r = df.iloc[0]
    return int(r["impor_terakhir"]), int(r["riwayat_terakhir"]), str(r["rumus_negatif"])


def versi() -> tuple:
    """Penanda versi data: berubah setelah setiap impor/perubahan, jadi tembolok kueri ikut segar. Lewat
    ``basis_data()`` lebih dulu: berkas yang rusak/hilang sesudah koneksi dibuka ulang (``buka_ulang``) menjadi halaman
    penjelasan, bukan galat dari dalam tembolok."""
    basis_data()
    return _versi(path_db())


@st.cache_data(ttl=3600, max_entries=2000, show_spinner=False)
def _tanya(path: str, versi_data: tuple, nama: str, params: tuple) -> pd.DataFrame:
    return _basis_data(path).tanya(nama, **dict(params))


def tanya(nama: str, **params) -> pd.DataFrame:
    """Jalankan ``queries/<nama>.sql`` dengan parameter terikat, bertembolok per versi data."""
    kunci = tuple(sorted(params.items()))
    _catat_kunjungan(nama, kunci)
    return _tanya(path_db(), versi(), nama, kunci)


#: Kueri terakhir yang diminta halaman (nama, parameter), terbaru di akhir; dipakai ``pantau.ui.pemanasan`` untuk
#: mengisi tembolok saat server dinyalakan ulang (keputusan #15). Hanya parameter bernilai sederhana; kueri riwayat
#: (nama pelaku) tidak dicatat.
KUNJUNGAN_MAKS = 400
_kunjungan: OrderedDict[tuple, None] = OrderedDict()
_kunci_kunjungan = threading.Lock()
_SEDERHANA = (str, int, float, bool, type(None))


def boleh_dicatat(nama: str, kunci: tuple) -> bool:
    """Kueri yang boleh masuk daftar kunjungan (dan dibaca kembali darinya): bukan riwayat, parameter sederhana."""
    return not nama.startswith("riwayat_") and all(type(v) in _SEDERHANA for _, v in kunci)


def _catat_kunjungan(nama: str, kunci: tuple) -> None:
    if not boleh_dicatat(nama, kunci):
        return
    with _kunci_kunjungan:
        _kunjungan[(nama, kunci)] = None
        _kunjungan.move_to_end((nama, kunci))
        while len(_kunjungan) > KUNJUNGAN_MAKS:
            _kunjungan.popitem(last=False)


def kunjungan_terakhir() -> list[tuple[str, tuple]]:
    """Salinan daftar kueri terakhir, terlama lebih dulu."""
    with _kunci_kunjungan:
        return list(_kunjungan)


@st.cache_data(ttl=3600, max_entries=200, show_spinner=False)
def _olah(path: str, versi_data: tuple, nama: str, _fungsi, params: tuple):
    return _fungsi(tanya, **dict(params))


def olah(fungsi, **params):
    """``fungsi(tanya, **params)`` bertembolok per versi data, seperti ``tanya``: untuk olahan yang hanya bergantung
    pada kueri bernama dan parameternya tetapi mahal dirangkai ulang setiap rerun (tabel laporan: ~0,1 s Python)."""
    return _olah(path_db(), versi(), f"{fungsi.__module__}.{fungsi.__qualname__}", fungsi,
                 tuple(sorted(params.items())))


def segarkan() -> None:
    """Setelah menulis: lupakan penanda versi sehingga sesi ini langsung melihat data baru."""
    _versi.clear()


def buka_ulang() -> None:
    """Sesudah tulisan yang gagal di tengah COMMIT (disk penuh saat checkpoint), DuckDB menolak setiap kueri
    berikutnya pada koneksi proses ini: tutup koneksinya dan lupakan tembolok, sehingga halaman berikutnya membuka
    berkas lagi (WAL diputar ulang: keadaan sebelum tulisan, atau seluruh tulisan)."""
    path = path_db()
    try:
        _basis_data(path).tutup()
    except Exception:  # noqa: BLE001 - koneksi yang sudah rusak boleh gagal ditutup
        log.warning("Koneksi basis data %s tidak dapat ditutup dengan rapi", path, exc_info=True)
    _basis_data.clear()
    _versi.clear()
    _tanya.clear()
    _olah.clear()


def gagal_tulis(e: BaseException, apa: str) -> str:
    """Tulisan dari halaman gagal karena berkasnya (disk penuh, rusak, hanya-baca): rincian ke log, koneksi dibuka
    ulang, dan kembalikan pesan Indonesia untuk pengunjung (tanpa traceback atau lokasi berkas)."""
    log.error("%s gagal ditulis ke %s: %s", apa, path_db(), e, exc_info=e)
    if jenis_gagal_tulis(e) == "rusak" or not _masih_hidup():
        buka_ulang()  # koneksi yang masih sehat tidak ditutup: sesi lain sedang membaca lewat koneksi yang sama
    return pesan_gagal_tulis(e)


def _masih_hidup() -> bool:
    """Apakah koneksi proses ini masih menjawab (DuckDB membatalkannya sesudah COMMIT yang gagal di tengah jalan)."""
    try:
        _basis_data(path_db()).tanya("versi_data")
        return True
    except Exception:  # noqa: BLE001 - koneksi yang dibatalkan melempar galat apa pun
        return False


def info_kesegaran() -> pd.Series:
    return tanya("versi_data").iloc[0]



def baris(df: pd.DataFrame, i: int = 0) -> dict:
    """Baris ke-``i`` sebagai dict dengan nilai kosong (NaN, NaT, pd.NA) menjadi None, sehingga halaman dapat
    memakai ``r.get(k) or …`` tanpa tersandung NaN (yang bernilai benar); {} bila baris itu tidak ada."""
    if len(df) <= i:
        return {}
    return {k: (None if _kosong(v) else v) for k, v in df.iloc[i].to_dict().items()}


def _kosong(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # list/array: bukan nilai tunggal
        return False
