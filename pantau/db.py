"""Akses basis data DuckDB: membuka berkas, memasang skema, dan menjalankan kueri bernama.

Aturan yang dipegang di sini (lihat PRACTICES.md):
- satu koneksi per proses dan berkas, satu ``cursor()`` per kueri (koneksi DuckDB tidak thread-safe);
- nilai dari pengguna hanya lewat parameter terikat (``$nama`` di SQL);
- berkas ditulis dengan format penyimpanan yang bisa dibaca DuckDB 1.4 ke atas.
"""
from __future__ import annotations

import os
import re
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from pantau import __version__

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = Path(__file__).resolve().parent / "sql"
QUERIES_DIR = ROOT / "queries"
DEFAULT_DB = ROOT / "data" / "pantau.duckdb"

#: Format penyimpanan yang dapat dibaca DuckDB 1.4 ke atas (alat analis sering lebih tua).
STORAGE_COMPAT = "v1.4.0"

_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


class KesalahanBasisData(Exception):
    """Kesalahan yang pesannya ditujukan kepada pengguna (bahasa Indonesia)."""


class BasisDataTakTerbuka(KesalahanBasisData):
    """Berkas basis data tidak dapat dibuka (isu #19). ``keadaan``: ``hilang``, ``rusak``, ``terkunci``,
    ``baca_saja``, ``versi`` (skema lebih baru dari Pantau ini) atau ``lain``; dasbor menampilkan satu halaman
    penjelasan per keadaan, rincian teknis (``__cause__``) ke log server."""

    def __init__(self, keadaan: str, pesan: str):
        super().__init__(pesan)
        self.keadaan = keadaan


def _keadaan_galat(e: Exception) -> str:
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


def migrasi() -> list[Path]:
    """Berkas migrasi berurutan; versi skema = jumlah migrasi."""
    return sorted((SQL_DIR / "migrasi").glob("[0-9][0-9][0-9]_*.sql"))


SCHEMA_VERSION = len(migrasi())


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
        keadaan = _keadaan_galat(e)
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


@contextmanager
def transaksi(con: duckdb.DuckDBPyConnection):
    """Satu transaksi pada koneksi/cursor ``con``: COMMIT bila blok selesai, ROLLBACK bila ada galat apa pun
    (juga KeyboardInterrupt), lalu galatnya diteruskan. Semua atau tidak sama sekali."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def versi_skema(con: duckdb.DuckDBPyConnection) -> int:
    ada = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not ada:
        return 0
    row = con.execute("SELECT nilai FROM meta WHERE kunci = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def pasang_skema(con: duckdb.DuckDBPyConnection) -> int:
    """Jalankan migrasi yang belum terpasang dan buat ulang view aturan, dalam satu transaksi.

    Mengembalikan versi skema sesudahnya.
    """
    sekarang = versi_skema(con)
    berkas = migrasi()
    if sekarang > len(berkas):
        raise BasisDataTakTerbuka(
            "versi", f"Basis data ini berversi skema {sekarang}, lebih baru dari Pantau ini ({len(berkas)}). "
            "Perbarui Pantau."
        )
    with transaksi(con):
        for f in berkas[sekarang:]:
            con.execute(f.read_text(encoding="utf-8"))
        con.execute((SQL_DIR / "aturan.sql").read_text(encoding="utf-8"))
        from pantau.referensi import isi_bawaan_skema

        isi_bawaan_skema(con)  # nomenklatur dan pengaturan bawaan yang belum ada (basis data lama maupun baru)
        waktu = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
        meta = {
            "schema_version": str(len(berkas)),
            "pantau_version": __version__,
            "duckdb_version": duckdb.__version__,
            "diperbarui_pada": waktu,
        }
        if sekarang == 0:
            meta["dibuat_pada"] = waktu
        for k, v in meta.items():
            con.execute(
                "INSERT INTO meta VALUES ($k, $v) ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
                {"k": k, "v": v},
            )
    return len(berkas)


@lru_cache(maxsize=None)
def teks_kueri(nama: str) -> str:
    path = QUERIES_DIR / f"{nama}.sql"
    if not path.exists():
        raise KeyError(f"kueri tidak dikenal: {nama}")
    return path.read_text(encoding="utf-8")


def parameter_kueri(sql: str) -> set[str]:
    """Nama parameter ``$x`` yang dipakai sebuah SQL (komentar diabaikan)."""
    tanpa_komentar = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return set(_PARAM.findall(tanpa_komentar))


def jalankan(con: duckdb.DuckDBPyConnection, nama: str, **params) -> pd.DataFrame:
    """Jalankan ``queries/<nama>.sql`` dengan parameter terikat, pada cursor sendiri."""
    sql = teks_kueri(nama)
    perlu = parameter_kueri(sql)
    kurang = perlu - params.keys()
    if kurang:
        raise TypeError(f"kueri {nama} membutuhkan parameter {sorted(kurang)}")
    cur = con.cursor()
    try:
        return cur.execute(sql, {k: params[k] for k in perlu}).df()
    finally:
        cur.close()


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
        #: satu penulis sekaligus di proses ini (impor, catatan); pembaca tidak perlu kunci
        self.kunci_tulis = threading.Lock()

    def tanya(self, nama: str, **params) -> pd.DataFrame:
        return jalankan(self.con, nama, **params)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def tutup(self) -> None:
        self.con.close()
