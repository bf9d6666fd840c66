"""Masalah berkas SIPD-RI: objek ``Masalah`` yang sama dengan impor lembar kerja, ditambah nama berkas dan
nomor entri JSON (beberapa berkas dibaca sekaligus, jadi setiap pesan harus menyebut berkasnya).

Alamat sebuah masalah ditulis seperti yang dilihat pengguna:
- JSON: entri ke-N dari larik data (dihitung dari 1) dan baris berkas tempat entri itu mulai (seperti di
  penyunting teks);
- xlsx: lembar dan baris seperti di Excel (judul = baris 1), kolom dengan nama judulnya.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pantau.impor.masalah import ImporGagal, Masalah

#: Berapa peringatan sejenis per berkas yang disebut satu per satu; sisanya dijumlahkan dalam satu pesan.
BATAS_SEJENIS = 5


@dataclass(frozen=True)
class Lokasi:
    """Tempat sebuah entri/baris di berkasnya."""
    berkas: str
    entri: int | None = None
    baris: int | None = None
    lembar: str | None = None

    def __str__(self) -> str:
        if self.entri is not None:
            return f"{self.berkas} entri ke-{self.entri}" + (f" (baris {self.baris})" if self.baris else "")
        if self.lembar is not None:
            return f"{self.berkas} lembar '{self.lembar}' baris {self.baris}"
        return self.berkas + (f" baris {self.baris}" if self.baris else "")


@dataclass(frozen=True)
class MasalahSipd(Masalah):
    berkas: str | None = None
    entri: int | None = None

    def __str__(self) -> str:
        tempat = []
        if self.berkas:
            tempat.append(f"berkas '{self.berkas}'")
        if self.lembar:
            tempat.append(f"lembar '{self.lembar}'")
        if self.entri is not None:
            tempat.append(f"entri data ke-{self.entri}" + (f" (baris {self.baris})" if self.baris else ""))
        elif self.baris:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom '{self.kolom}'")
        if self.nilai is not None:
            nilai = str(self.nilai)
            tempat.append(f"nilai '{nilai if len(nilai) <= 60 else nilai[:57] + '...'}'")
        alamat = ", ".join(tempat)
        alamat = alamat[:1].upper() + alamat[1:]
        awal = "Peringatan: " if self.peringatan else ""
        return f"{awal}{alamat}: {self.pesan}" if alamat else f"{awal}{self.pesan[:1].upper()}{self.pesan[1:]}"

    def sebagai_baris(self) -> dict:
        return {"berkas": self.berkas or "", **super().sebagai_baris(), "entri": self.entri}


class Laporan:
    """Pengumpul masalah satu kali baca. Setiap kesalahan dicatat (``ImporGagal`` menghitung semuanya dan
    menampilkan 50 pertama, seperti impor lembar kerja). Peringatan sejenis (``jenis``) di satu berkas disebut
    paling banyak ``BATAS_SEJENIS`` kali; sisanya menjadi satu peringatan berjumlah, agar 2.000 pagu yang
    berbeda dengan daftar pagu tidak menjadi 2.000 peringatan."""

    def __init__(self):
        self._daftar: list[MasalahSipd] = []
        self._hitung: Counter = Counter()

    def tambah(self, di: Lokasi | None, pesan: str, *, kolom: str | None = None, nilai=None,
               peringatan: bool = False, jenis: str | None = None) -> None:
        berkas = di.berkas if di else None
        if jenis is not None and peringatan:
            kunci = (berkas, jenis, peringatan)
            self._hitung[kunci] += 1
            if self._hitung[kunci] > BATAS_SEJENIS:
                return
        self._daftar.append(MasalahSipd(
            lembar=di.lembar if di else None, baris=di.baris if di else None, kolom=kolom, nilai=nilai,
            pesan=pesan, peringatan=peringatan, berkas=berkas, entri=di.entri if di else None))

    def salah(self, di: Lokasi | None, pesan: str, **kw) -> None:
        self.tambah(di, pesan, peringatan=False, **kw)

    def awas(self, di: Lokasi | None, pesan: str, **kw) -> None:
        self.tambah(di, pesan, peringatan=True, **kw)

    def semua(self) -> list[MasalahSipd]:
        hasil = list(self._daftar)
        for (berkas, jenis, peringatan), n in self._hitung.items():
            if n > BATAS_SEJENIS:
                hasil.append(MasalahSipd(
                    lembar=None, baris=None, kolom=None, nilai=None, peringatan=peringatan, berkas=berkas,
                    pesan=f"dan {n - BATAS_SEJENIS} peringatan lain yang sama ({jenis}) di berkas ini, tidak disebut "
                          "satu per satu"))
        return hasil

    @property
    def ada_kesalahan(self) -> bool:
        return any(not m.peringatan for m in self._daftar)

    @property
    def peringatan(self) -> list[MasalahSipd]:
        return [m for m in self.semua() if m.peringatan]

    def gagal_bila_salah(self) -> None:
        """Lempar ``ImporGagal`` (berisi juga peringatan yang sudah ada) bila ada satu saja kesalahan."""
        if self.ada_kesalahan:
            raise ImporGagal(self.semua())


def tolak(pesan: str, di: Lokasi | None = None, *, kolom: str | None = None, nilai=None):
    """Tolak seluruh impor dengan satu masalah (berkas tidak dapat dibaca sama sekali)."""
    lapor = Laporan()
    lapor.salah(di, pesan, kolom=kolom, nilai=nilai)
    raise ImporGagal(lapor.semua())
