"""Cadangan basis data: salinan otomatis sebelum setiap impor, dan pemulihan.

Cadangan dibuat DI DALAM proses yang sedang memegang berkas (dasbor atau perintah impor), lewat
``ATTACH ... (STORAGE_VERSION 'v1.4.0')`` + ``COPY FROM DATABASE``: satu potret yang konsisten, tanpa
menghentikan pembaca. Letaknya di samping berkas basis data::

    data/pantau.duckdb.cadangan/20250101-093000-123456-sebelum-impor-12/pantau.duckdb
                                                                      /keterangan.json

Hanya ``SIMPAN_BAWAAN`` cadangan terakhir yang disimpan (pengaturan ``cadangan_simpan`` di tabel
``pengaturan`` atau variabel lingkungan ``PANTAU_CADANGAN_SIMPAN`` mengubahnya).

Memulihkan mengganti berkas basis data, jadi hanya boleh ketika TIDAK ada proses lain yang memegang
berkas itu (dasbor harus dihentikan dulu): ``python -m pantau pulihkan --db BERKAS --cadangan NAMA``.
Keadaan sebelum pemulihan selalu disimpan dulu sebagai cadangan baru.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from pantau.aturan.izin import periksa_izin
from pantau.db.koneksi import STORAGE_COMPAT, KesalahanBasisData, buka
from pantau.db.tulis import tulis

SIMPAN_BAWAAN = 10
NAMA_BERKAS = "pantau.duckdb"


class GagalPulihkan(Exception):
    """Pemulihan ditolak; pesannya untuk pengguna (bahasa Indonesia)."""


@dataclass(frozen=True)
class Cadangan:
    nama: str
    path: Path
    waktu: datetime
    keterangan: str


def folder_cadangan(db: str | Path) -> Path:
    db = Path(db).resolve()
    return db.with_name(db.name + ".cadangan")


def path_db(con: duckdb.DuckDBPyConnection) -> Path:
    cur = con.cursor()
    try:
        p = cur.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    finally:
        cur.close()
    return Path(p).resolve()


def _jumlah_simpan(con) -> int:
    if os.environ.get("PANTAU_CADANGAN_SIMPAN"):
        return max(1, int(os.environ["PANTAU_CADANGAN_SIMPAN"]))
    cur = con.cursor()
    try:
        row = cur.execute("SELECT nilai FROM pengaturan WHERE kunci = 'cadangan_simpan'").fetchone()
    except duckdb.Error:
        row = None
    finally:
        cur.close()
    try:
        return max(1, int(row[0])) if row else SIMPAN_BAWAAN
    except ValueError:
        return SIMPAN_BAWAAN


def _slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")[:60] or "cadangan"


def buat(con: duckdb.DuckDBPyConnection, alasan: str = "manual", *, simpan: int | None = None) -> Cadangan:
    """Salin seluruh basis data yang sedang dibuka ``con`` ke folder cadangan baru."""
    db = path_db(con)
    waktu = datetime.now()
    nama = f"{waktu:%Y%m%d-%H%M%S-%f}-{_slug(alasan)}"
    folder = folder_cadangan(db) / nama
    folder.mkdir(parents=True, exist_ok=False)
    tujuan = folder / NAMA_BERKAS
    cur = con.cursor()
    try:
        sumber = cur.execute("SELECT current_database()").fetchone()[0]
        alias = "cadangan_" + re.sub(r"[^a-z0-9]", "_", nama)
        # path dan alias tidak dapat diikat sebagai parameter pada ATTACH: keduanya dibuat di sini, bukan
        # dari pengguna (path di-escape untuk tanda kutip tunggal).
        cur.execute(f"ATTACH '{str(tujuan).replace(chr(39), chr(39) * 2)}' AS {alias} "
                    f"(STORAGE_VERSION '{STORAGE_COMPAT}')")
        try:
            cur.execute(f'COPY FROM DATABASE "{sumber}" TO {alias}')
        finally:
            cur.execute(f"DETACH {alias}")
    except BaseException:
        cur.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    cur.close()
    (folder / "keterangan.json").write_text(
        json.dumps({"waktu": waktu.isoformat(timespec="seconds"), "alasan": alasan, "sumber": str(db)},
                   ensure_ascii=False), encoding="utf-8")
    _pangkas(db, simpan if simpan is not None else _jumlah_simpan(con))
    return Cadangan(nama, folder, waktu, alasan)


def tulis_dengan_cadangan(con, tulis_impor, *, cadangan: bool):
    """Jalankan ``tulis_impor()`` (menulis satu impor, mengembalikan ringkasan ber-``impor_id``) di bawah kunci tulis
    ``con`` (``BasisData`` dasbor) bila ada; bila ``cadangan``, salin basis data dulu lalu beri nama cadangan itu
    dengan nomor impornya. Kembalikan (ringkasan, nama cadangan atau None)."""
    with getattr(con, "kunci_tulis", None) or nullcontext():
        c = buat(con, "sebelum-impor") if cadangan else None
        ringkasan = tulis_impor()
    if c is None:
        return ringkasan, None
    try:
        return ringkasan, beri_nama(c, f"sebelum-impor-{ringkasan.impor_id}").nama
    except OSError:
        return ringkasan, c.nama


def beri_nama(c: Cadangan, alasan: str) -> Cadangan:
    """Ganti keterangan (dan akhiran nama) cadangan, misalnya setelah nomor impor diketahui."""
    nama = "-".join(c.nama.split("-")[:3]) + "-" + _slug(alasan)
    baru = c.path.with_name(nama)
    c.path.rename(baru)
    ket = json.loads((baru / "keterangan.json").read_text(encoding="utf-8"))
    ket["alasan"] = alasan
    (baru / "keterangan.json").write_text(json.dumps(ket, ensure_ascii=False), encoding="utf-8")
    return Cadangan(nama, baru, c.waktu, alasan)


def daftar(db: str | Path) -> list[Cadangan]:
    """Cadangan berkas ``db``, terbaru di atas."""
    folder = folder_cadangan(db)
    if not folder.exists():
        return []
    hasil = []
    for f in folder.iterdir():
        if not (f / NAMA_BERKAS).exists():
            continue
        try:
            ket = json.loads((f / "keterangan.json").read_text(encoding="utf-8"))
            waktu, alasan = datetime.fromisoformat(ket["waktu"]), ket.get("alasan", "")
        except (OSError, ValueError, KeyError):
            waktu, alasan = datetime.fromtimestamp((f / NAMA_BERKAS).stat().st_mtime), ""
        hasil.append(Cadangan(f.name, f, waktu, alasan))
    return sorted(hasil, key=lambda c: c.nama, reverse=True)


def _pangkas(db: Path, simpan: int) -> None:
    for c in daftar(db)[simpan:]:
        shutil.rmtree(c.path, ignore_errors=True)


def pulihkan(db: str | Path, nama: str, *, pengguna=None) -> Cadangan:
    """Ganti berkas ``db`` dengan cadangan ``nama``. Hanya bila tidak ada proses lain yang memegang berkas.

    Mengembalikan cadangan keadaan SEBELUM pemulihan (agar pemulihan pun dapat dibatalkan). Dengan
    ``pengguna``, izin ``pulihkan`` (hanya admin) diperiksa lebih dulu; tanpa ``pengguna``: perintah baris
    di server (tindakan administrator).
    """
    if pengguna is not None:
        periksa_izin(pengguna, "pulihkan")

    db = Path(db).resolve()
    cocok = [c for c in daftar(db) if c.nama == nama]
    if not cocok:
        ada = ", ".join(c.nama for c in daftar(db)[:5]) or "(belum ada)"
        raise GagalPulihkan(f"cadangan {nama} tidak ada untuk {db}; cadangan terbaru: {ada}")
    sumber = cocok[0].path / NAMA_BERKAS
    try:
        cek = duckdb.connect(str(sumber), read_only=True)
        cek.execute("SELECT count(*) FROM impor").fetchone()
        cek.close()
    except duckdb.Error as e:
        raise GagalPulihkan(f"cadangan {nama} rusak dan tidak dapat dibuka ({e.__class__.__name__})") from None
    try:
        con = buka(db)
    except KesalahanBasisData as e:
        raise GagalPulihkan(
            f"berkas {db} sedang dipakai proses lain (misalnya dasbor). Hentikan dasbor dulu, lalu jalankan "
            f"pemulihan lagi; cadangan tidak dapat dipulihkan selagi berkas dipakai.") from e
    try:
        sebelum = buat(con, f"sebelum-pulihkan-{nama}", simpan=10**6)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    sementara = db.with_name(db.name + ".pulihkan")
    shutil.copyfile(sumber, sementara)
    Path(str(db) + ".wal").unlink(missing_ok=True)
    os.replace(sementara, db)  # ganti dalam satu langkah: tidak pernah ada berkas setengah jadi
    _cabut_semua_sesi(db, f"cadangan {nama} dipulihkan")
    _pangkas(db, max(SIMPAN_BAWAAN, 1) + 1)
    return sebelum


def _cabut_semua_sesi(db: Path, karena: str) -> None:
    """Sesudah pemulihan: sesi dalam cadangan (termasuk yang sudah keluar sesudah cadangan dibuat) tidak berlaku
    lagi; semua orang masuk ulang."""
    con = buka(db)
    try:
        ada = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'sesi'").fetchone()[0]
        if ada:
            tulis(con, lambda p: p.cur.execute(
                "UPDATE sesi SET dicabut_pada = $t, dicabut_karena = $k WHERE dicabut_pada IS NULL",
                {"t": p.waktu, "k": karena}), oleh="pulihkan")
        con.execute("CHECKPOINT")
    finally:
        con.close()
