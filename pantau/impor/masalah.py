"""Masalah yang ditemukan saat impor, dengan alamat sel seperti yang dilihat pengguna di Excel."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Masalah:
    lembar: str | None
    baris: int | None
    kolom: str | None
    nilai: object
    pesan: str
    peringatan: bool = False

    def __str__(self) -> str:
        tempat = []
        if self.lembar:
            tempat.append(f"lembar '{self.lembar}'")
        if self.baris:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom '{self.kolom}'")
        if self.nilai is not None:
            tempat.append(f"nilai '{self.nilai}'")
        alamat = ", ".join(tempat)
        alamat = alamat[:1].upper() + alamat[1:]
        awal = "Peringatan: " if self.peringatan else ""
        return f"{awal}{alamat}: {self.pesan}" if alamat else f"{awal}{self.pesan[:1].upper()}{self.pesan[1:]}"

    def sebagai_baris(self) -> dict:
        return {
            "jenis": "peringatan" if self.peringatan else "kesalahan",
            "lembar": self.lembar or "",
            "baris": self.baris,
            "kolom": self.kolom or "",
            "nilai": "" if self.nilai is None else str(self.nilai),
            "pesan": self.pesan,
        }


class ImporGagal(Exception):
    """Impor ditolak seluruhnya; tidak ada yang ditulis."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = [m for m in masalah if not m.peringatan]
        self.peringatan = [m for m in masalah if m.peringatan]
        super().__init__(self.laporan())

    def laporan(self, batas: int = 50) -> str:
        n = len(self.masalah)
        baris = [f"Impor ditolak: {n} kesalahan, tidak ada data yang ditulis."]
        baris += [f"  - {m}" for m in self.masalah[:batas]]
        if n > batas:
            baris.append(f"  ... dan {n - batas} kesalahan lain.")
        return "\n".join(baris)
