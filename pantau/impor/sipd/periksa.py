"""Pemeriksaan yang berlaku untuk semua format: daerah dan tahun pilihan pengguna, berkas dari satu daerah,
tingkat kode sub kegiatan, susunan berkas yang masuk akal, dan nama operator yang dibuang.

SIPD-RI tidak memuat kode daerah Kemendagri (``id_daerah`` miliknya nomor internal, kode SKPD tidak memuat
daerah), jadi daerah pilihan pengguna diperiksa lewat yang dapat diperiksa: semua berkas JSON ber-``id_daerah``
sama, dan bagian ke-4 kode kegiatan (1 provinsi, 2 kabupaten/kota) cocok dengan jenis daerah itu.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.masalah import Laporan, Lokasi, tolak
from pantau.impor.sipd.nilai import KODE_DAERAH, tingkat_daerah, tingkat_sub_kegiatan

#: Nama kolom yang berisi nama/identitas operator SIPD: tidak pernah disalin, hanya dihitung.
KOLOM_OPERATOR = re.compile(r"user|operator|pengguna|petugas|pegawai|(^|_)nip($|_)", re.IGNORECASE)
_TINGKAT = {"1": "provinsi", "2": "kabupaten/kota"}


def kolom_operator(nama: str) -> bool:
    return KOLOM_OPERATOR.search(nama) is not None


@dataclass(frozen=True)
class Konteks:
    daerah: str
    tahun: int

    @property
    def tingkat(self) -> str:
        return tingkat_daerah(self.daerah)


def konteks(daerah, tahun) -> Konteks:
    """Daerah (kode Kemendagri) dan tahun pilihan pengguna, diperiksa bentuknya."""
    d = str(daerah or "").strip()
    if not KODE_DAERAH.fullmatch(d):
        tolak(f"kode daerah '{daerah}' bukan kode Kemendagri (contoh: 17 untuk provinsi, 17.03 untuk "
              "kabupaten/kota); kode SIPD (id_daerah) tidak dipakai")
    try:
        t = int(str(tahun).strip())
    except (TypeError, ValueError):
        tolak(f"tahun '{tahun}' bukan angka tahun (contoh: 2026)")
    if not 2000 <= t <= 2100:
        tolak(f"tahun {t} di luar 2000-2100")
    return Konteks(d, t)


def tahun_entri(v) -> int | None:
    """Tahun sebuah isian (angka atau teks angka); None bila kosong; ValueError bila bukan tahun."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise ValueError(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, int):
        return v
    s = str(v).strip()
    if re.fullmatch(r"\d{4}(\.0+)?", s):
        return int(s[:4])
    raise ValueError(v)


def cek_tahun(v, k: Konteks, di: Lokasi, lapor: Laporan, kolom: str) -> None:
    try:
        t = tahun_entri(v)
    except ValueError:
        lapor.salah(di, "bukan angka tahun", kolom=kolom, nilai=v, jenis="tahun bukan angka")
        return
    if t is not None and t != k.tahun:
        lapor.salah(di, f"data tahun {t}, padahal tahun yang dipilih {k.tahun}; unduh berkas tahun {k.tahun} "
                        "atau pilih tahun yang sesuai", kolom=kolom, nilai=v, jenis="tahun lain")


def cek_tingkat(sub: str, k: Konteks, di: Lokasi, lapor: Laporan, kolom: str) -> None:
    t = tingkat_sub_kegiatan(sub)
    if t in _TINGKAT and t != k.tingkat:
        lapor.salah(di, f"kode sub kegiatan tingkat {_TINGKAT[t]} (bagian ke-4 = {t}), padahal daerah {k.daerah} "
                        f"yang dipilih adalah {_TINGKAT[k.tingkat]}; periksa daerah yang dipilih",
                    kolom=kolom, nilai=sub, jenis="tingkat sub kegiatan")


def cek_json(berkas: list[Berkas], k: Konteks, lapor: Laporan) -> int:
    """Tahun setiap entri, satu ``id_daerah`` untuk semua berkas JSON. Mengembalikan jumlah isian nama
    operator yang dibuang (hanya dihitung, isinya tidak disimpan di mana pun)."""
    nama_operator = 0
    daerah_pertama: tuple[object, Lokasi] | None = None
    daerah_lain: dict[object, Lokasi] = {}
    for b in berkas:
        kolom_op = [c for c in set().union(*(e.isi.keys() for e in b.entri)) if kolom_operator(c)]
        for e in b.entri:
            di = Lokasi(b.nama, e.nomor, e.baris)
            if "tahun" in e.isi:
                cek_tahun(e.isi["tahun"], k, di, lapor, "tahun")
            idd = e.isi.get("id_daerah")
            if idd is not None:
                if daerah_pertama is None:
                    daerah_pertama = (idd, di)
                elif idd != daerah_pertama[0] and idd not in daerah_lain:
                    daerah_lain[idd] = di
            for c in kolom_op:
                v = e.isi.get(c)
                if isinstance(v, str) and v.strip():
                    nama_operator += 1
    for idd, di in daerah_lain.items():
        idp, dip = daerah_pertama
        lapor.salah(di, f"berkas dari dua daerah: id_daerah SIPD {idd} di sini, {idp} di {dip}; semua berkas "
                        f"harus dari satu daerah ({k.daerah} yang dipilih), impor setiap daerah sendiri-sendiri",
                    kolom="id_daerah", nilai=idd)
    return nama_operator


def cek_susunan(berkas: list[Berkas]) -> None:
    """Renja lampiran (A) dengan daftar pagu (B) dan daftar SKPD (C) bila ada, ATAU satu rekap (D)."""
    sama: dict[str, Berkas] = {}
    for b in berkas:
        if b.sha256 in sama:
            tolak(f"berkas yang sama diberikan dua kali (isinya sama dengan {sama[b.sha256].nama}); kirim sekali "
                  "saja", Lokasi(b.nama))
        sama[b.sha256] = b
    jenis = [b.jenis for b in berkas]
    if "D" in jenis:
        if len(berkas) > 1:
            lain = ", ".join(b.nama for b in berkas if b.jenis != "D") or "rekap lain"
            tolak(f"rekap xlsx diimpor sendiri, tanpa berkas lain (di sini bersama {lain}); rekap sudah memuat "
                  "seluruh pagu daerah", Lokasi(next(b.nama for b in berkas if b.jenis == "D")))
        return
    if "A" not in jenis:
        ada = ", ".join(f"{b.nama} ({b.label})" for b in berkas)
        tolak(f"berkas Renja lampiran (JSON listDataLampiranLaporan per SKPD) wajib ada: daftar pagu dan daftar "
              f"SKPD hanya pembanding; yang diberikan: {ada}")
    if jenis.count("C") > 1:
        c = [b.nama for b in berkas if b.jenis == "C"]
        tolak(f"daftar SKPD diberikan lebih dari sekali ({', '.join(c)}); kirim satu saja", Lokasi(c[1]))
