"""Format D, rekap "analisis dan rekap" SIPD-RI (xlsx): satu lembar, satu baris judul, lalu satu baris per
sub kegiatan x rekening x sumber dana.

- Pagu (unit, sub kegiatan) = JUMLAH baris-barisnya. Sub kegiatan tanpa rincian muncul sekali dengan sumber
  dana, rekening dan PAGU kosong: pagunya 0 dan barisnya tetap ada.
- Baris tanpa KODE SUB KEGIATAN (baris kegiatan saja, atau baris jumlah tanpa kode) dilewati dan disebut di
  ringkasan beserta pagunya; tidak pernah ikut dijumlahkan.
- KODE SKPD = SKPD induk, KODE SUB UNIT = unit. Kode dibaca sebagai teks; PAGU harus angka (sel angka, atau
  teks angka Indonesia dengan peringatan); teks lain di PAGU menolak impor dengan alamat selnya.
- Tidak ada indikator di rekap: kolom indikator baris anggaran kosong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pantau.aturan.angka import BukanAngka, kosong
from pantau.impor.sipd.batas import MAKS_BARIS_REKAP
from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.hasil import Butir, Dilewati, Nama
from pantau.impor.sipd.masalah import Laporan, Lokasi, tolak
from pantau.impor.sipd.nilai import (
    CONTOH_SUB_KEGIATAN,
    CONTOH_UNIT,
    KODE_SUB_KEGIATAN,
    KODE_UNIT,
    induk_unit,
    kegiatan_dari,
    kode,
    program_dari,
    rupiah,
    teks,
)
from pantau.impor.sipd.periksa import Konteks, cek_tahun, cek_tingkat
from pantau.impor.sipd.xlsx import BukuTerbatas, huruf_kolom

KOLOM_REKAP = ("NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT",
               "NAMA SUB UNIT", "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM",
               "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KODE SUMBER DANA",
               "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING", "PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK", "PAGU")
WAJIB = ("KODE SKPD", "NAMA SKPD", "KODE SUB UNIT", "NAMA SUB UNIT", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
         "PAGU")
#: berapa nama kolom rekap yang harus ada di satu baris agar baris itu dianggap judul rekap
CIRI_JUDUL = 5
CARI_JUDUL = 20


def normal_judul(v) -> str:
    if v is None:
        return ""
    return re.sub(r"[\s_]+", " ", str(v).replace("\u00a0", " ")).strip().upper()


def _kosong_semua(nilai) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in nilai)


def _cari_judul(buku: BukuTerbatas, lembar: str) -> tuple[int, list[str]] | None:
    baris = buku.baris(lembar)
    try:
        n = 0
        for no, nilai in baris:
            if _kosong_semua(nilai):
                continue
            judul = [normal_judul(v) for v in nilai]
            if sum(1 for j in judul if j in KOLOM_REKAP) >= CIRI_JUDUL:
                return no, judul
            n += 1
            if n >= CARI_JUDUL:
                return None
        return None
    finally:
        baris.close()


def kenali_rekap(path: Path, nama: str) -> tuple[str, int, list[str]]:
    """Lembar rekap, nomor baris judulnya dan judul per kolom. ``ImporGagal`` bila buku kerja bukan rekap
    SIPD-RI atau judulnya tidak lengkap."""
    with BukuTerbatas(path, nama) as buku:
        calon = []
        for lembar in buku.lembar:
            j = _cari_judul(buku, lembar)
            if j is not None:
                calon.append((lembar, *j))
        if not calon:
            ada = ", ".join(f"'{s}'" for s in buku.lembar) or "(tidak ada)"
            saran = ""
            if {s.strip().lower() for s in buku.lembar} & {"indikator", "target", "realisasi", "dukungan"}:
                saran = "; buku kerja ini berbentuk impor Pantau biasa (lembar indikator/target/realisasi/dukungan)"
            tolak(f"buku kerja ini bukan rekap SIPD-RI: tidak ada lembar dengan baris judul KODE SKPD, KODE SUB UNIT, "
                  f"KODE SUB KEGIATAN, PAGU di {CARI_JUDUL} baris teratas; lembar yang ada: {ada}{saran}",
                  Lokasi(nama))
        if len(calon) > 1:
            tolak("buku kerja berisi lebih dari satu lembar rekap ("
                  + ", ".join(f"'{c[0]}'" for c in calon) + "); rekap SIPD-RI satu lembar, kirim satu lembar saja",
                  Lokasi(nama, lembar=calon[1][0], baris=calon[1][1]))
    lembar, no, judul = calon[0]
    di = Lokasi(nama, lembar=lembar, baris=no)
    dobel = sorted({j for j in judul if j in KOLOM_REKAP and judul.count(j) > 1})
    if dobel:
        tolak(f"kolom {', '.join(dobel)} muncul lebih dari sekali di baris judul", di, kolom=dobel[0])
    kurang = [k for k in WAJIB if k not in judul]
    if kurang:
        tolak(f"baris judul rekap tidak memuat kolom {', '.join(kurang)}; rekap SIPD-RI memuat "
              f"{', '.join(WAJIB)}; unduh ulang rekap lengkap dari SIPD-RI", di, kolom=kurang[0])
    return lembar, no, judul


@dataclass
class _Kumpul:
    butir: Butir
    jumlah_baris: int = 1


@dataclass
class BacaanRekap:
    butir: list[Butir] = field(default_factory=list)
    dilewati: list[Dilewati] = field(default_factory=list)
    pagu_kosong: int = 0
    jumlah_baris: int = 0


def baca_rekap(b: Berkas, k: Konteks, lapor: Laporan, nama: Nama) -> BacaanRekap:
    hasil = BacaanRekap()
    indeks = {j: i for i, j in enumerate(b.judul) if j in KOLOM_REKAP}
    kumpul: dict[tuple[str, str], _Kumpul] = {}
    skpd_unit: dict[str, tuple[str, Lokasi]] = {}
    with BukuTerbatas(b.path, b.nama) as buku:
        for no, nilai in buku.baris(b.lembar):
            if no <= b.baris_judul or _kosong_semua(nilai):
                continue
            hasil.jumlah_baris += 1
            if hasil.jumlah_baris > MAKS_BARIS_REKAP:
                tolak(f"rekap berisi lebih dari {MAKS_BARIS_REKAP} baris; kirim rekap satu daerah dan satu tahun",
                      Lokasi(b.nama, lembar=b.lembar, baris=no))

            def sel(j, nilai=nilai):
                i = indeks.get(j)
                return nilai[i] if i is not None and i < len(nilai) else None

            di = Lokasi(b.nama, lembar=b.lembar, baris=no)
            if "TAHUN" in indeks:
                cek_tahun(sel("TAHUN"), k, di, lapor, "TAHUN")
            v_pagu = sel("PAGU")
            try:
                pagu = rupiah(v_pagu)
            except BukanAngka as x:
                lapor.salah(di, f"PAGU harus angka rupiah (sel {huruf_kolom(indeks['PAGU'])}{no}): {x}", kolom="PAGU",
                            nilai=v_pagu, jenis="PAGU bukan angka")
                continue
            if isinstance(v_pagu, str) and pagu is not None:
                lapor.awas(di, f"PAGU berupa teks, dibaca {pagu}", kolom="PAGU", nilai=v_pagu, jenis="PAGU teks")
            if pagu is None:
                pagu = Decimal(0)
            unit, sub, skpd = kode(sel("KODE SUB UNIT")), kode(sel("KODE SUB KEGIATAN")), kode(sel("KODE SKPD"))
            giat = kode(sel("KODE KEGIATAN"))
            if sub is None:
                alasan = ("baris kegiatan tanpa kode sub kegiatan" if giat or not kosong(sel("NAMA KEGIATAN"))
                          else "baris tanpa kode sub unit dan sub kegiatan (misalnya baris jumlah)"
                          if unit is None else "baris tanpa kode sub kegiatan")
                hasil.dilewati.append(Dilewati(alasan, str(di), pagu))
                continue
            if v_pagu is None or (isinstance(v_pagu, str) and not v_pagu.strip()):
                hasil.pagu_kosong += 1
            salah = False
            for kolom, v in (("KODE SUB UNIT", unit), ("KODE SKPD", skpd)):
                if kolom == "KODE SKPD" and v is None:
                    continue
                if v is None or not KODE_UNIT.fullmatch(v):
                    lapor.salah(di, f"kode harus teks 8 bagian seperti {CONTOH_UNIT} (sel "
                                    f"{huruf_kolom(indeks[kolom])}{no})", kolom=kolom, nilai=sel(kolom),
                                jenis=f"{kolom} salah")
                    salah = True
            if not KODE_SUB_KEGIATAN.fullmatch(sub):
                lapor.salah(di, f"kode sub kegiatan harus teks berbentuk {CONTOH_SUB_KEGIATAN} (sel "
                                f"{huruf_kolom(indeks['KODE SUB KEGIATAN'])}{no})", kolom="KODE SUB KEGIATAN",
                            nilai=sel("KODE SUB KEGIATAN"), jenis="KODE SUB KEGIATAN salah")
                salah = True
            if salah:
                continue
            cek_tingkat(sub, k, di, lapor, "KODE SUB KEGIATAN")
            skpd = skpd or induk_unit(unit)
            skpd_lama, di_lama = skpd_unit.setdefault(unit, (skpd, di))
            if skpd_lama != skpd:
                lapor.salah(di, f"sub unit {unit} tercatat di SKPD {skpd_lama} di {di_lama} tetapi di SKPD {skpd} di "
                                "sini", kolom="KODE SKPD", nilai=skpd, jenis="SKPD berbeda")
                continue
            kunci = (unit, sub)
            ada = kumpul.get(kunci)
            if ada is None:
                kumpul[kunci] = _Kumpul(Butir(unit=unit, sub=sub, sub_nama=teks(sel("NAMA SUB KEGIATAN")), pagu=pagu,
                                              di=di, skpd=skpd))
                nama.catat("skpd", skpd, teks(sel("NAMA SKPD")), di, lapor)
                nama.catat("unit", unit, teks(sel("NAMA SUB UNIT")), di, lapor)
                nama.catat("program", program_dari(sub), teks(sel("NAMA PROGRAM")), di, lapor)
                nama.catat("kegiatan", kegiatan_dari(sub), teks(sel("NAMA KEGIATAN")), di, lapor)
            else:
                ada.butir.pagu += pagu
                ada.jumlah_baris += 1
        for huruf, no, rumus in buku.rumus_kosong:
            if no > b.baris_judul:
                lapor.salah(Lokasi(b.nama, lembar=b.lembar, baris=no),
                            f"sel {huruf}{no} berisi rumus tanpa nilai tersimpan (berkas belum pernah dihitung "
                            "Excel); buka dan simpan ulang di Excel", nilai=rumus, jenis="rumus tanpa nilai")
    hasil.butir = [kp.butir for kp in kumpul.values()]
    return hasil
