"""Jalur impor: baca berkas -> periksa setiap sel -> tulis dalam satu transaksi.

    from pantau.impor import impor_berkas
    ringkasan = impor_berkas(con, "realisasi_tw3.xlsx", oleh="operator.bulungan")

Melempar ``ImporGagal`` (berisi daftar ``Masalah``) tanpa menulis apa pun bila ada kesalahan.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pantau.impor.baca import baca_berkas
from pantau.impor.masalah import ImporGagal, Masalah
from pantau.impor.tulis import Ringkasan, tulis
from pantau.impor.validasi import Rencana, periksa

__all__ = ["ImporGagal", "Masalah", "Rencana", "Ringkasan", "HasilImpor", "siapkan_impor", "impor_berkas",
           "tulis_rencana"]


@dataclass
class HasilImpor:
    ringkasan: Ringkasan
    peringatan: list[Masalah]
    #: nama cadangan yang dibuat sebelum impor (None bila tanpa cadangan)
    cadangan: str | None = None


def sidik(path: Path) -> str:
    """SHA-256 isi berkas, atau isi semua CSV dalam folder."""
    h = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv") if path.is_dir() else [path]
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()


def siapkan_impor(con: duckdb.DuckDBPyConnection, path: str | Path) -> Rencana:
    """Baca dan periksa berkas tanpa menulis apa pun. Melempar ``ImporGagal`` bila ada kesalahan."""
    masalah: list[Masalah] = []
    lembar = baca_berkas(path, masalah)
    rencana = periksa(con, lembar, masalah)
    if rencana is None:
        raise ImporGagal(masalah)
    return rencana


def tulis_rencana(con: duckdb.DuckDBPyConnection, rencana: Rencana, *, oleh: str, berkas: str, sha256: str,
                  cadangan: bool = False) -> HasilImpor:
    """Tulis rencana yang sudah diperiksa; bila ``cadangan``, salin basis data dulu (pantau.cadangan)."""
    nama_cadangan = None
    c = None
    if cadangan:
        from pantau import cadangan as modul_cadangan

        c = modul_cadangan.buat(con, "sebelum-impor")
    ringkasan = tulis(con, rencana, oleh=oleh, berkas=berkas, sha256=sha256)
    if c is not None:
        from pantau import cadangan as modul_cadangan

        try:
            nama_cadangan = modul_cadangan.beri_nama(c, f"sebelum-impor-{ringkasan.impor_id}").nama
        except OSError:
            nama_cadangan = c.nama
    return HasilImpor(ringkasan, rencana.peringatan, nama_cadangan)


def impor_berkas(con: duckdb.DuckDBPyConnection, path: str | Path, *, oleh: str, cadangan: bool = False,
                 nama_berkas: str | None = None) -> HasilImpor:
    """Periksa lalu tulis berkas. ``cadangan=True`` (perintah impor dan halaman Impor) menyalin basis data
    lebih dulu; ``nama_berkas`` mengganti nama yang dicatat (unggahan yang disimpan ke berkas sementara)."""
    path = Path(path)
    rencana = siapkan_impor(con, path)
    return tulis_rencana(con, rencana, oleh=oleh, berkas=nama_berkas or path.name, sha256=sidik(path),
                         cadangan=cadangan)
