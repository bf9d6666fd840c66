"""Format C, daftar SKPD (JSON): ``kode_skpd``, ``nama_skpd``, ``set_pagu_skpd`` (pagu yang ditetapkan untuk
SKPD itu; sama dengan jumlah ``pagu`` Renja lampiran berkas SKPD-nya). Dipakai untuk nama SKPD, untuk
mengenali unit yang menjadi SKPD sendiri (misalnya RSUD BLUD 1.02.0.00.0.00.01.0002), dan untuk mencocokkan
jumlah pagu per SKPD.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pantau.aturan.angka import BukanAngka
from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.hasil import Nama
from pantau.impor.sipd.masalah import Laporan, Lokasi
from pantau.impor.sipd.nilai import CONTOH_UNIT, KODE_UNIT, kode, rupiah, teks


@dataclass(frozen=True)
class SkpdDaftar:
    kode: str
    nama: str | None
    pagu: Decimal | None
    di: Lokasi


def baca_skpd(b: Berkas, lapor: Laporan, nama: Nama) -> dict[str, SkpdDaftar]:
    hasil: dict[str, SkpdDaftar] = {}
    for e in b.entri:
        r = e.isi
        di = Lokasi(b.nama, e.nomor, e.baris)
        k = kode(r.get("kode_skpd"))
        if k is None or not KODE_UNIT.fullmatch(k):
            lapor.salah(di, f"kode SKPD harus 8 bagian seperti {CONTOH_UNIT}", kolom="kode_skpd",
                        nilai=r.get("kode_skpd"), jenis="kode SKPD salah")
            continue
        try:
            pagu = rupiah(r.get("set_pagu_skpd"))
        except BukanAngka as x:
            lapor.salah(di, f"set_pagu_skpd bukan rupiah: {x}", kolom="set_pagu_skpd", nilai=r.get("set_pagu_skpd"),
                        jenis="pagu salah")
            continue
        if k in hasil:
            lapor.salah(di, f"SKPD {k} sudah ada di {hasil[k].di}", kolom="kode_skpd", nilai=k, jenis="SKPD ganda")
            continue
        hasil[k] = SkpdDaftar(k, teks(r.get("nama_skpd")), pagu, di)
        nama.catat("skpd", k, teks(r.get("nama_skpd")), di, lapor)
    return hasil
