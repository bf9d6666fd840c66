"""Membuka berkas basis data DuckDB dan berbagi satu koneksi per proses.

Aturan yang dipegang di sini (docs/PRAKTIK.md, "DuckDB"):
- satu koneksi per proses dan berkas, satu ``cursor()`` per kueri (koneksi DuckDB tidak thread-safe);
- berkas ditulis dengan format penyimpanan yang bisa dibaca DuckDB 1.4 ke atas;
- berkas yang hilang, rusak, terkunci atau hanya-baca menjadi ``BasisDataTakTerbuka`` berpesan Indonesia.
"""
from __future__ import annotations

import os
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from pantau.db.kueri import jalankan

#: Format penyimpanan yang dapat dibaca DuckDB 1.4 ke atas (alat analis sering lebih tua).
STORAGE_COMPAT = "v1.4.0"


class KesalahanBasisData(Exception):
    """Kesalahan yang pesannya ditujukan kepada pengguna (bahasa Indonesia)."""


class BasisDataTakTerbuka(KesalahanBasisData):
    """Berkas basis data tidak dapat dibuka (keputusan #19). ``keadaan``: ``hilang``, ``rusak``, ``terkunci``,
    ``baca_saja``, ``versi`` (skema lebih baru dari Pantau ini) atau ``lain``; dasbor menampilkan satu halaman
    penjelasan per keadaan, rincian teknis (``__cause__``) ke log server."""

    def __init__(self, keadaan: str, pesan: str):
        super().__init__(pesan)
        self.keadaan = keadaan


def keadaan_galat(e: Exception) -> str:
    """Golongkan galat DuckDB saat membuka berkas."""
    t = str(e).lower()
    if "could not set lock" in t or "conflicting lock" in t:
        return "terkunci"
    if "permission denied" in t or "read-only file system" in t or "read only" in t:
        return "baca_saja"
    if any(k in t for k in ("not a valid duckdb database", "could not read enough bytes", "version number",
                            "corrupt", "checksum", "serializ")):
        return "rusak"
    return "lain"


def periksa_berkas(path: str | Path) -> None:
    """Sebelum dasbor membuka berkas untuk menulis: berkas ada, dan berkas serta foldernya boleh ditulis. Izin
    dibaca dari bit mode (bukan hanya ``os.access``): berkas yang sengaja dibuat hanya-baca (chmod a-w) ditolak juga
    bila dasbor berjalan sebagai root, karena dasbor menulis (masuk, catatan, impor, riwayat)."""
    path = Path(path)
    if not path.exists():
        raise BasisDataTakTerbuka("hilang", f"Berkas basis data {path} tidak ada.")
    for p in (path, path.parent):
        if not (p.stat().st_mode & 0o222) or not os.access(p, os.W_OK):
            jenis = "berkas" if p == path else "folder"
            raise BasisDataTakTerbuka("baca_saja", f"{jenis.capitalize()} {p} hanya dapat dibaca; Pantau perlu "
                                                   "menulisnya.")


def buka(path: str | Path, baca_saja: bool = False) -> duckdb.DuckDBPyConnection:
    """Buka (atau buat) berkas basis data. Pesan kunci-berkas diterjemahkan."""
    path = Path(path)
    if baca_saja and not path.exists():
        raise KesalahanBasisData(f"Berkas basis data {path} tidak ada.")
    if not baca_saja:
        path.parent.mkdir(parents=True, exist_ok=True)
    config = {} if baca_saja else {"storage_compatibility_version": STORAGE_COMPAT}
    try:
        return duckdb.connect(str(path), read_only=baca_saja, config=config)
    except duckdb.Error as e:
        keadaan = keadaan_galat(e)
        if keadaan == "terkunci":
            raise BasisDataTakTerbuka(
                keadaan, f"Berkas {path} sedang dipakai proses lain (misalnya dasbor yang sedang berjalan). "
                "Hentikan proses itu dulu, atau lakukan impor lewat halaman Impor di dasbor."
            ) from e
        if keadaan == "rusak":
            raise BasisDataTakTerbuka(keadaan, f"Berkas {path} rusak atau bukan basis data DuckDB yang dapat "
                                               "dibaca Pantau; pulihkan dari cadangan.") from e
        if keadaan == "baca_saja":
            raise BasisDataTakTerbuka(keadaan, f"Berkas {path} tidak dapat ditulis (izin atau sistem berkas "
                                               "hanya-baca).") from e
        raise


#: Galat menulis yang dijelaskan kepada pengguna (isu #17): disk penuh, batas ukuran berkas, hanya-baca, terkunci.
PESAN_GAGAL_TULIS = {
    "penuh": "Ruang disk server penuh (atau batas ukuran berkas tercapai), jadi basis data tidak dapat ditulis.",
    "baca_saja": "Berkas basis data atau foldernya tidak dapat ditulis (izin atau sistem berkas hanya-baca).",
    "terkunci": "Berkas basis data sedang dipegang proses lain.",
    "rusak": "Berkas basis data rusak (isinya tidak cocok dengan checksum-nya), jadi tidak dapat ditulis.",
    "lain": "Basis data tidak dapat ditulis.",
}
SARAN_GAGAL_TULIS = ("Tulisan ini tidak tersimpan sebagian: satu transaksi, jadi basis data berisi keadaan sebelum "
                     "tulisan ini atau seluruhnya, tidak pernah separuh. Administrator: atasi masalahnya (kosongkan "
                     "ruang disk, periksa izin, pulihkan cadangan bila berkasnya rusak), jalankan ulang layanan bila "
                     "perlu, lalu ulangi; rinciannya di log.")


#: Galat yang dapat muncul saat menulis berkas (untuk ``except`` di lantai atas tanpa menyebut DuckDB).
GALAT_TULIS: tuple[type[BaseException], ...] = (duckdb.Error, OSError)


def jenis_gagal_tulis(e: BaseException) -> str:
    """Golongkan galat saat menulis: 'penuh', 'baca_saja', 'terkunci' atau 'lain'."""
    import errno

    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "penuh"
    t = str(e).lower()
    if any(k in t for k in ("no space left", "file too large", "disk quota", "disk full")):
        return "penuh"
    keadaan = keadaan_galat(e)
    return keadaan if keadaan in ("baca_saja", "terkunci", "rusak") else "lain"


def pesan_gagal_tulis(e: BaseException) -> str:
    """Satu kalimat Indonesia untuk galat menulis (tanpa traceback, jenis galat atau lokasi berkas)."""
    return f"{PESAN_GAGAL_TULIS[jenis_gagal_tulis(e)]} {SARAN_GAGAL_TULIS}"


@contextmanager
def transaksi(con: duckdb.DuckDBPyConnection):
    """Satu transaksi pada koneksi/cursor ``con``: COMMIT bila blok selesai, ROLLBACK bila ada galat apa pun
    (juga KeyboardInterrupt), lalu galatnya diteruskan. Semua atau tidak sama sekali."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            # COMMIT yang gagal di tengah jalan (disk penuh saat checkpoint) membatalkan basis data di proses ini:
            # ROLLBACK pun ditolak. Galat aslinya yang diteruskan, bukan galat ROLLBACK.
            pass
        raise


_UKURAN_MEMORI = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def batasi_memori(con: duckdb.DuckDBPyConnection, batas: str | None) -> None:
    """``SET memory_limit`` (misalnya "4GB") bila diberikan; DuckDB bawaannya memakai sampai 80% RAM, yang di
    server bersama terlalu rakus. Nilai tak sah ditolak dengan pesan Indonesia."""
    if not batas:
        return
    batas = batas.strip()
    if not _UKURAN_MEMORI.fullmatch(batas):
        raise KesalahanBasisData(f"Batas memori DuckDB '{batas}' tidak sah; tulis misalnya 2GB atau 512MB.")
    con.execute(f"SET memory_limit = '{batas}'")  # sudah diperiksa bentuknya; SET tidak menerima parameter


class BasisData:
    """Satu koneksi per berkas untuk satu proses; aman dipakai banyak thread lewat cursor."""

    def __init__(self, path: str | Path, baca_saja: bool = False, memori: str | None = None):
        self.path = Path(path)
        self.con = buka(self.path, baca_saja=baca_saja)
        try:
            batasi_memori(self.con, memori)
        except KesalahanBasisData:
            self.con.close()
            raise
        #: satu penulis sekaligus di proses ini (``pantau.db.tulis``); pembaca tidak perlu kunci. Reentran: penulis
        #: yang memegangnya (impor: cadangan lalu tulisan) boleh memanggil ``tulis`` di dalamnya.
        self.kunci_tulis = threading.RLock()

    def tanya(self, nama: str, **params) -> pd.DataFrame:
        return jalankan(self.con, nama, **params)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def tutup(self) -> None:
        self.con.close()
