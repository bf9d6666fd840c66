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

__all__ = ["ImporGagal", "Masalah", "Rencana", "Ringkasan", "HasilImpor", "siapkan_impor", "impor_berkas"]


@dataclass
class HasilImpor:
    ringkasan: Ringkasan
    peringatan: list[Masalah]


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


def impor_berkas(con: duckdb.DuckDBPyConnection, path: str | Path, *, oleh: str) -> HasilImpor:
    path = Path(path)
    rencana = siapkan_impor(con, path)
    ringkasan = tulis(con, rencana, oleh=oleh, berkas=path.name, sha256=sidik(path))
    return HasilImpor(ringkasan, rencana.peringatan)
