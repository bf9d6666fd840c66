"""Membaca ekspor SIPD-RI (keputusan #21) menjadi baris anggaran bersih per (daerah, tahun, unit, sub kegiatan).

    from pantau.impor.sipd import baca_sipd
    hasil = baca_sipd(["renja_1.02.json", "pagu_1.02.json", "skpd.json"], daerah="17.03", tahun=2026)
    hasil.baris            # list[BarisAnggaran]: kolom view anggaran_sub_kegiatan (+ asal)
    hasil.tabel()          # DataFrame berkolom view anggaran_sub_kegiatan
    hasil.ringkasan.teks() # ringkasan untuk dicocokkan dengan SIPD

Tahap ini hanya MEMBACA dan MEMERIKSA: tidak ada yang ditulis ke basis data. Format (pantau/impor/sipd/
deteksi.py, dari isi berkas): A Renja lampiran JSON per SKPD, B daftar pagu sub kegiatan JSON, C daftar SKPD
JSON, D rekap xlsx. Yang diterima: satu atau lebih A (dengan B dan satu C bila ada), atau satu D; folder
dibaca seluruh berkas JSON/xlsx-nya (berkas lain di folder dilewati dengan peringatan).

Modul: masalah (pesan berkas/entri/baris/kolom), batas (ukuran dan jumlah baris), bacajson, xlsx (baca
bertahap), deteksi, periksa (daerah, tahun, tingkat, susunan berkas, nama operator), nilai (kode, rupiah,
target), renja (A), pagu (B), skpd (C), rekap (D), susun (SKPD induk, banding, ringkasan), hasil (objek hasil).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pantau.impor.masalah import ImporGagal
from pantau.impor.sipd.batas import MAKS_BERKAS
from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.deteksi import kenali, periksa_kolom
from pantau.impor.sipd.hasil import (
    KOLOM_ANGGARAN,
    BarisAnggaran,
    CapaianProgram,
    HasilSipd,
    Nama,
    PaguSkpd,
    ProgramTakBerpasangan,
    Ringkasan,
)
from pantau.impor.sipd.masalah import Laporan, Lokasi, MasalahSipd, tolak
from pantau.impor.sipd.periksa import cek_json, cek_susunan, konteks
from pantau.impor.sipd.susun import susun_json, susun_rekap

__all__ = ["baca_sipd", "HasilSipd", "BarisAnggaran", "CapaianProgram", "ProgramTakBerpasangan", "PaguSkpd",
           "Ringkasan", "Nama", "MasalahSipd", "ImporGagal", "KOLOM_ANGGARAN"]


def _mungkin_data(path: Path) -> bool:
    """Isi berkas diawali zip (xlsx) atau '[' / '{' (JSON)."""
    with path.open("rb") as f:
        awal = f.read(64).lstrip(b"\xef\xbb\xbf").lstrip()
    return awal.startswith((b"PK\x03\x04", b"[", b"{"))


def _kumpulkan(paths, nama_berkas: Mapping, lapor: Laporan) -> list[tuple[Path, str]]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    hasil = []
    for p in paths:
        p = Path(p)
        nama = nama_berkas.get(str(p)) or nama_berkas.get(p) or p.name
        if p.is_dir():
            for f in sorted(p.iterdir()):
                if not f.is_file() or f.name.startswith("."):
                    continue
                if _mungkin_data(f):
                    hasil.append((f, nama_berkas.get(str(f)) or f.name))
                else:
                    lapor.awas(Lokasi(f.name), f"dilewati: bukan JSON ataupun xlsx (folder {p.name})")
        elif p.is_file():
            hasil.append((p, nama))
        else:
            tolak("berkas atau folder tidak ditemukan", Lokasi(nama))
    if not hasil:
        tolak("tidak ada berkas JSON atau xlsx SIPD-RI untuk dibaca")
    if len(hasil) > MAKS_BERKAS:
        tolak(f"{len(hasil)} berkas sekaligus (paling banyak {MAKS_BERKAS})")
    return hasil


def baca_sipd(paths: Iterable[str | Path] | str | Path, *, daerah: str, tahun: int,
              nama_berkas: Mapping[str | Path, str] | None = None) -> HasilSipd:
    """Baca dan periksa ekspor SIPD-RI untuk ``daerah`` (kode Kemendagri pilihan pengguna, misalnya "17.03")
    dan ``tahun``, tanpa menulis apa pun.

    ``paths``: berkas dan/atau folder. ``nama_berkas``: nama yang disebut di pesan per path (unggahan yang
    disimpan ke berkas sementara), bawaannya nama berkas itu sendiri.

    Mengembalikan ``HasilSipd`` (baris, capaian_program, nama, ringkasan, peringatan). Melempar ``ImporGagal``
    berisi ``MasalahSipd`` (berkas, lembar, entri/baris, kolom, nilai, pesan Indonesia) bila ada satu saja
    kesalahan: berkas bukan SIPD-RI, terpotong, bukan daerah atau tahun itu, kode/pagu salah, dst."""
    k = konteks(daerah, tahun)
    lapor = Laporan()
    daftar = _kumpulkan(paths, nama_berkas or {}, lapor)
    berkas: list[Berkas] = [kenali(p, n) for p, n in daftar]
    cek_susunan(berkas)
    if berkas[0].jenis == "D":
        hasil = susun_rekap(berkas[0], k, lapor)
    else:
        for b in berkas:
            periksa_kolom(b, lapor)
        nama_operator = cek_json(berkas, k, lapor)
        lapor.gagal_bila_salah()
        hasil = susun_json(berkas, k, lapor, nama_operator)
    lapor.gagal_bila_salah()
    hasil.peringatan = lapor.peringatan
    return hasil
