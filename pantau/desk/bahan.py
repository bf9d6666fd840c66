"""Bahan rapat desk urusan: semua yang ditampilkan halaman Desk Urusan dan dek PowerPoint/PDF untuk satu urusan,
provinsi dan tahun, dibaca lewat kueri bernama (``queries/desk_*.sql``) dengan satu fungsi ``tanya(nama, **param)``:
``pantau.ui.data.tanya`` di dasbor (bertembolok), ``pantau.db.jalankan`` pada koneksi di perintah baris dan uji."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pantau.db.kueri import penanya


@dataclass(frozen=True)
class BahanRapat:
    urusan: str                 # "1.02 Kesehatan"
    provinsi: str               # "Provinsi Kalimantan Tengah"
    tahun: int
    indikator: pd.DataFrame     # desk_indikator
    keselarasan: pd.DataFrame   # desk_keselarasan
    catatan: pd.DataFrame       # desk_catatan
    dukungan: pd.DataFrame | None = None         # desk_dukungan (None: dek tanpa sub kegiatan)
    dukungan_jumlah: pd.DataFrame | None = None  # desk_dukungan_jumlah
    usulan: pd.DataFrame | None = None           # desk_usulan (keputusan #20)


def kumpulkan(sumber, *, provinsi: str, urusan: str, tahun: int, judul_urusan: str, nama_provinsi: str,
              dengan_dukungan: bool = True) -> BahanRapat:
    """Baca semua kueri desk untuk satu urusan, provinsi (kode) dan tahun. ``sumber``: fungsi ``tanya`` atau
    koneksi (``pantau.db.kueri.penanya``)."""
    tanya = penanya(sumber)
    q = {"provinsi": provinsi, "urusan": urusan, "tahun": int(tahun)}
    return BahanRapat(
        urusan=judul_urusan, provinsi=nama_provinsi, tahun=int(tahun),
        indikator=tanya("desk_indikator", **q), keselarasan=tanya("desk_keselarasan", **q),
        catatan=tanya("desk_catatan", **q),
        dukungan=tanya("desk_dukungan", **q) if dengan_dukungan else None,
        dukungan_jumlah=tanya("desk_dukungan_jumlah", **q) if dengan_dukungan else None,
        usulan=tanya("desk_usulan", **q),
    )
