"""Batas baca berkas SIPD-RI, agar satu unggahan tidak bisa menghabiskan memori atau waktu server.

Pembaca lembar kerja (pantau/impor/baca.py) belum punya batas ukuran berkas, jumlah baris, atau pemeriksaan
arsip zip; batas di sini dibuat sendiri untuk SIPD dan diperiksa SEBELUM isi berkas dibaca:
- ukuran berkas di disk (JSON dibaca utuh, jadi ukurannya dibatasi);
- xlsx: daftar isi arsip zip diperiksa dulu (jumlah anggota, ukuran terurai yang dinyatakan, rasio
  pemampatan) lalu lembar dibaca bertahap per potongan, tidak pernah seluruh arsip sekaligus; ``zipfile``
  tidak pernah mengurai lebih dari ukuran yang dinyatakan di daftar isi;
- jumlah entri JSON per berkas, jumlah baris rekap, jumlah berkas sekali impor.
Ukuran sebenarnya jauh di bawah batas: Renja satu kabupaten (~2.200 entri) sekitar 11 MB, rekap
~7.000 baris sekitar 0,5 MB.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from pantau.impor.sipd.masalah import Lokasi, tolak

MAKS_BERKAS = 500
MAKS_BITA_JSON = 64 * 1024 * 1024
MAKS_ENTRI_JSON = 100_000
MAKS_BITA_XLSX = 64 * 1024 * 1024
#: ukuran terurai seluruh anggota arsip xlsx
MAKS_TERURAI_XLSX = 512 * 1024 * 1024
MAKS_ANGGOTA_ZIP = 5_000
#: rasio terurai/termampat satu anggota (XML lembar biasa 5-30x; bom zip ribuan kali)
MAKS_RASIO_ZIP = 200
MAKS_BARIS_REKAP = 300_000


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def periksa_ukuran(path: Path, nama: str, maks: int, jenis: str) -> int:
    ukuran = path.stat().st_size
    if ukuran > maks:
        tolak(f"berkas {jenis} terlalu besar ({_mb(ukuran)}; paling besar {_mb(maks)}); pecah per SKPD "
              "atau kirim rekap satu tahun saja", Lokasi(nama))
    return ukuran


def periksa_zip(arsip: zipfile.ZipFile, nama: str) -> None:
    """Tolak arsip yang daftar isinya menjanjikan lebih dari batas (bom zip) sebelum satu anggota pun diurai."""
    anggota = arsip.infolist()
    if len(anggota) > MAKS_ANGGOTA_ZIP:
        tolak(f"arsip xlsx berisi {len(anggota)} bagian (paling banyak {MAKS_ANGGOTA_ZIP}); bukan rekap SIPD-RI",
              Lokasi(nama))
    total = 0
    for a in anggota:
        total += a.file_size
        if a.file_size > 1024 * 1024 and a.file_size > MAKS_RASIO_ZIP * max(a.compress_size, 1):
            tolak(f"bagian {a.filename} di arsip xlsx termampat {a.file_size // max(a.compress_size, 1)} kali "
                  f"(paling banyak {MAKS_RASIO_ZIP} kali): berkas ini tidak dibaca; simpan ulang dari Excel",
                  Lokasi(nama))
    if total > MAKS_TERURAI_XLSX:
        tolak(f"isi xlsx terurai {_mb(total)} (paling besar {_mb(MAKS_TERURAI_XLSX)}); kirim rekap satu "
              "daerah dan satu tahun saja", Lokasi(nama))
