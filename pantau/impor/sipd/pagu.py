"""Format B, daftar pagu sub kegiatan (JSON): entri yang sama dengan Renja lampiran dan ``pagu`` yang sama,
dengan ``kode_skpd`` = SKPD induk dan ``kode_sub_skpd`` = unit. Dipakai sebagai pembanding pagu Renja dan
sebagai sumber SKPD induk setiap unit. ``user_created``/``user_updated`` (nama operator) tidak dibaca.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pantau.aturan.angka import BukanAngka
from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.hasil import Nama
from pantau.impor.sipd.masalah import Laporan, Lokasi
from pantau.impor.sipd.nilai import CONTOH_SUB_KEGIATAN, CONTOH_UNIT, KODE_SUB_KEGIATAN, KODE_UNIT, kode, rupiah, teks
from pantau.impor.sipd.periksa import Konteks, cek_tingkat


@dataclass(frozen=True)
class PaguSub:
    skpd: str
    pagu: Decimal
    di: Lokasi


@dataclass
class BacaanPagu:
    #: (unit, sub kegiatan) -> pagu dan SKPD induknya
    pagu: dict[tuple[str, str], PaguSub] = field(default_factory=dict)
    #: SKPD yang tercakup berkas-berkas daftar pagu
    skpd: set[str] = field(default_factory=set)


def baca_pagu(b: Berkas, k: Konteks, lapor: Laporan, nama: Nama, hasil: BacaanPagu) -> None:
    for e in b.entri:
        r = e.isi
        di = Lokasi(b.nama, e.nomor, e.baris)
        skpd, unit, sub = kode(r.get("kode_skpd")), kode(r.get("kode_sub_skpd")), kode(r.get("kode_sub_giat"))
        if sub is None:
            continue
        salah = False
        for kolom, v in (("kode_skpd", skpd), ("kode_sub_skpd", unit)):
            if v is None or not KODE_UNIT.fullmatch(v):
                lapor.salah(di, f"kode SKPD/unit harus 8 bagian seperti {CONTOH_UNIT}", kolom=kolom, nilai=r.get(kolom),
                            jenis="kode unit salah")
                salah = True
        if not KODE_SUB_KEGIATAN.fullmatch(sub):
            lapor.salah(di, f"kode sub kegiatan harus berbentuk {CONTOH_SUB_KEGIATAN}", kolom="kode_sub_giat",
                        nilai=r.get("kode_sub_giat"), jenis="kode sub kegiatan salah")
            salah = True
        try:
            pagu = rupiah(r.get("pagu")) or Decimal(0)
        except BukanAngka as x:
            lapor.salah(di, f"pagu bukan rupiah: {x}", kolom="pagu", nilai=r.get("pagu"), jenis="pagu salah")
            salah = True
        if salah:
            continue
        cek_tingkat(sub, k, di, lapor, "kode_sub_giat")
        nama.catat("skpd", skpd, teks(r.get("nama_skpd")), di, lapor)
        nama.catat("unit", unit, teks(r.get("nama_sub_skpd")), di, lapor)
        hasil.skpd.add(skpd)
        lama = hasil.pagu.setdefault((unit, sub), PaguSub(skpd, pagu, di))
        if lama.di is not di:
            lapor.awas(di, f"sub kegiatan {sub} di unit {unit} sudah ada di {lama.di}; entri ini tidak dipakai "
                           "untuk pembanding", kolom="kode_sub_giat", nilai=sub, jenis="entri ganda daftar pagu")
