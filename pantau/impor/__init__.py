"""Jalur impor: baca berkas -> periksa setiap sel -> tulis dalam satu transaksi.

    from pantau.impor import impor_berkas
    hasil = impor_berkas(con, "realisasi_tw3.xlsx", pengguna=operator_bulungan)   # halaman
    hasil = impor_berkas(con, "realisasi_tw3.xlsx", oleh="budi")                   # perintah baris (admin)

Melempar ``ImporGagal`` (berisi daftar ``Masalah``) tanpa menulis apa pun bila ada kesalahan, dan
``TidakBerizin`` bila ``pengguna`` tidak boleh mengimpor. Izin diperiksa di sini, di tempat data ditulis
(pantau/akun.py): tanpa ``pengguna`` pemanggilnya adalah shell server (perintah ``impor``, demo), yang
diperlakukan sebagai tindakan administrator dan dicatat dengan nama ``oleh``. Operator hanya boleh
mengimpor baris daerahnya sendiri: berkas yang memuat satu saja baris daerah lain ditolak seluruhnya.
"""
from __future__ import annotations

import hashlib
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pantau.aturan.izin import Pengguna, periksa_izin, sistem
from pantau.db import cadangan as modul_cadangan
from pantau.impor.baca import baca_berkas
from pantau.impor.masalah import ImporGagal, Masalah
from pantau.impor.prioritas import periksa_prioritas
from pantau.impor.tulis import Ringkasan, tulis_impor
from pantau.impor.validasi import Rencana, periksa

__all__ = ["periksa_daerah", "ImporGagal", "Masalah", "Rencana", "Ringkasan", "HasilImpor", "siapkan_impor",
           "impor_berkas", "tulis_rencana"]


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


def _pelaku(pengguna: Pengguna | None, oleh: str | None) -> Pengguna:
    if pengguna is not None:
        return pengguna
    if not (oleh or "").strip():
        raise ValueError("oleh wajib diisi bila impor dijalankan tanpa pengguna yang masuk")
    return sistem(oleh.strip())


def periksa_daerah(rencana: Rencana, pengguna: Pengguna) -> None:
    """Izin impor untuk setiap daerah di rencana. Operator: baris daerah lain menolak SELURUH berkas, dengan
    ``ImporGagal`` yang menyebut setiap baris itu (lembar, baris seperti di Excel, kode daerah)."""
    periksa_izin(pengguna, "impor", daerah=pengguna.daerah_kode if pengguna.peran == "operator" else None)
    if pengguna.peran != "operator":
        return
    masalah = []
    for lembar in ("indikator", "target", "realisasi", "dukungan", "prioritas", "indikator_prioritas", "usulan"):
        df = getattr(rencana, lembar)
        if isinstance(df, list):
            df = pd.DataFrame(df, columns=["baris", "daerah_kode"] if not df else None)
        if df is None or df.empty:
            continue
        lain = df[df["daerah_kode"] != pengguna.daerah_kode]
        for baris, kode in zip(lain["baris"], lain["daerah_kode"]):
            masalah.append(Masalah(lembar, int(baris), "daerah_kode", kode,
                                   f"akun {pengguna.nama_pengguna} (operator {pengguna.daerah_kode}) hanya boleh "
                                   f"mengimpor data daerah {pengguna.daerah_kode}; baris daerah {kode} tidak "
                                   "boleh ada di berkas ini, sehingga seluruh berkas ditolak"))
    # keputusan atas usulan diambil di desk provinsi (analis/admin), bukan oleh operator pengusul (keputusan #20)
    for r in rencana.usulan:
        if r["keputusan"] is not None:
            masalah.append(Masalah("usulan", int(r["baris"]), "keputusan", r["keputusan"],
                                   f"akun {pengguna.nama_pengguna} (operator) tidak berwenang mencatat keputusan "
                                   "usulan; kosongkan kolom keputusan (keputusan dicatat di desk provinsi)"))
    if masalah:
        raise ImporGagal(masalah)


def siapkan_impor(con, path: str | Path, *, pengguna: Pengguna | None = None) -> Rencana:
    """Baca dan periksa berkas tanpa menulis apa pun. Melempar ``ImporGagal`` bila ada kesalahan (termasuk
    baris daerah lain untuk operator) dan ``TidakBerizin`` bila ``pengguna`` tidak boleh mengimpor."""
    if pengguna is not None:
        periksa_izin(pengguna, "impor", daerah=pengguna.daerah_kode if pengguna.peran == "operator" else None)
    masalah: list[Masalah] = []
    lembar = baca_berkas(path, masalah)
    rencana = periksa(con, lembar, masalah, periksa_prioritas)
    if rencana is None:
        raise ImporGagal(masalah)
    if pengguna is not None:
        periksa_daerah(rencana, pengguna)
    return rencana


def tulis_rencana(con, rencana: Rencana, *, oleh: str | None = None, berkas: str, sha256: str,
                  cadangan: bool = False, pengguna: Pengguna | None = None) -> HasilImpor:
    """Tulis rencana yang sudah diperiksa; bila ``cadangan``, salin basis data dulu (pantau.db.cadangan).

    ``con``: ``BasisData`` (dasbor: cadangan dan tulisan di bawah kunci tulisnya) atau koneksi DuckDB. Izin
    diperiksa sebelum cadangan dan sebelum menulis. Dengan ``pengguna``, riwayat mencatat
    ``pengguna.nama_pengguna``; tanpa ``pengguna``, shell server sebagai admin dengan nama ``oleh``."""
    pelaku = _pelaku(pengguna, oleh)
    periksa_daerah(rencana, pelaku)
    ringkasan, nama_cadangan = modul_cadangan.tulis_dengan_cadangan(
        con, lambda: tulis_impor(con, rencana, pengguna=pelaku, berkas=berkas, sha256=sha256, kunci=nullcontext()),
        cadangan=cadangan)
    return HasilImpor(ringkasan, rencana.peringatan, nama_cadangan)


def impor_berkas(con, path: str | Path, *, oleh: str | None = None, cadangan: bool = False,
                 nama_berkas: str | None = None, pengguna: Pengguna | None = None) -> HasilImpor:
    """Periksa lalu tulis berkas. ``cadangan=True`` (perintah impor dan halaman Impor) menyalin basis data
    lebih dulu; ``nama_berkas`` mengganti nama yang dicatat (unggahan yang disimpan ke berkas sementara)."""
    path = Path(path)
    pelaku = _pelaku(pengguna, oleh)
    rencana = siapkan_impor(con, path, pengguna=pelaku)
    return tulis_rencana(con, rencana, berkas=nama_berkas or path.name, sha256=sidik(path),
                         cadangan=cadangan, pengguna=pelaku)
