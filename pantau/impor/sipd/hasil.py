"""Hasil membaca berkas SIPD-RI: baris anggaran bersih (kolom view ``anggaran_sub_kegiatan``), target outcome
program yang dapat dipasangkan, nama yang dilihat, dan ringkasan yang dapat dicocokkan Bappeda dengan SIPD.

Tidak ada nama operator (``user_created``, ``user_updated`` dan sejenisnya) di objek mana pun di sini: yang
disalin dari berkas hanya kolom yang disebut satu per satu oleh pembaca format.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from pantau.impor.sipd.masalah import Laporan, Lokasi, MasalahSipd
from pantau.impor.sipd.nilai import format_rupiah

#: Kolom view anggaran_sub_kegiatan (docs/FORMAT_SIPD.md), berurutan.
KOLOM_ANGGARAN = ("daerah_kode", "tahun", "perangkat_daerah_kode", "perangkat_daerah", "perangkat_daerah_induk_kode",
                  "sub_kegiatan_kode", "sub_kegiatan_nama", "pagu", "indikator_keluaran", "target_keluaran",
                  "target_keluaran_teks", "satuan_keluaran", "sumber")


@dataclass(frozen=True)
class BarisAnggaran:
    """Satu baris per (daerah, tahun, unit, sub kegiatan). ``pagu`` rupiah tepat (``Decimal``); ``asal`` =
    entri/baris pertama di berkasnya (bukan kolom view, untuk pratinjau dan pesan)."""
    daerah_kode: str
    tahun: int
    perangkat_daerah_kode: str
    perangkat_daerah: str | None
    perangkat_daerah_induk_kode: str
    sub_kegiatan_kode: str
    sub_kegiatan_nama: str | None
    pagu: Decimal
    indikator_keluaran: str | None
    target_keluaran: float | None
    target_keluaran_teks: str | None
    satuan_keluaran: str | None
    sumber: str
    asal: str


@dataclass(frozen=True)
class CapaianProgram:
    """Indikator outcome program satu unit yang dapat dipasangkan dengan targetnya (program berindikator
    tunggal). Empat kolom target SIPD disalin apa adanya (teks) dan sebagai angka bila angka; kolom mana yang
    menjadi target tahun berjalan diputuskan tahap integrasi, bukan ditebak di sini."""
    daerah_kode: str
    tahun: int
    perangkat_daerah_kode: str
    perangkat_daerah_induk_kode: str
    program_kode: str
    program_nama: str | None
    outcome: str | None
    indikator: str
    target_akhir: float | None
    target_akhir_teks: str | None
    realisasi_capaian: float | None
    realisasi_capaian_teks: str | None
    prakiraan: float | None
    prakiraan_teks: str | None
    target_maju_1: float | None
    target_maju_1_teks: str | None
    sumber: str
    asal: str


@dataclass(frozen=True)
class ProgramTakBerpasangan:
    perangkat_daerah_kode: str
    program_kode: str
    program_nama: str | None
    jumlah_indikator: int
    alasan: str
    asal: str


@dataclass(frozen=True)
class PaguSkpd:
    kode: str
    nama: str | None
    pagu: Decimal
    jumlah_sub_kegiatan: int
    #: ``set_pagu_skpd`` daftar SKPD (C), None bila C tidak diberikan atau SKPD tidak ada di sana
    pagu_daftar: Decimal | None = None
    ada_di_daftar: bool | None = None

    @property
    def selisih(self) -> Decimal | None:
        return None if self.pagu_daftar is None else self.pagu - self.pagu_daftar

    @property
    def status(self) -> str:
        if self.ada_di_daftar is None:
            return ""
        if not self.ada_di_daftar:
            return "tidak ada di daftar SKPD"
        if self.selisih == 0:
            return "sama"
        return f"berbeda {format_rupiah(abs(self.selisih))} ({'lebih' if self.selisih > 0 else 'kurang'})"


@dataclass(frozen=True)
class Dilewati:
    alasan: str
    asal: str
    pagu: Decimal


@dataclass(frozen=True)
class BerkasDibaca:
    nama: str
    jenis: str
    label: str
    jumlah_entri: int
    sha256: str


@dataclass
class Nama:
    """Nama yang dilihat per kode. Kode yang muncul dengan dua nama: nama pertama dipakai dan diberi peringatan."""
    skpd: dict[str, str] = field(default_factory=dict)
    unit: dict[str, str] = field(default_factory=dict)
    program: dict[str, str] = field(default_factory=dict)
    kegiatan: dict[str, str] = field(default_factory=dict)

    def catat(self, jenis: str, kode: str | None, nama: str | None, di: Lokasi, lapor: Laporan) -> None:
        if not kode or not nama:
            return
        daftar = getattr(self, jenis)
        lama = daftar.setdefault(kode, nama)
        if lama != nama and " ".join(lama.split()).lower() != " ".join(nama.split()).lower():
            lapor.awas(di, f"{jenis} {kode} bernama '{nama}' di sini tetapi '{lama}' di tempat lain; dipakai "
                           f"'{lama}'", kolom=None, jenis=f"nama {jenis} berbeda")


@dataclass
class PaguAB:
    """Banding pagu daftar pagu (B) dengan Renja (A) per (unit, sub kegiatan)."""
    sama: int = 0
    berbeda: int = 0
    hanya_renja: int = 0
    hanya_pagu: int = 0


@dataclass
class Ringkasan:
    berkas: list[BerkasDibaca] = field(default_factory=list)
    jumlah_baris: int = 0
    jumlah_unit: int = 0
    jumlah_skpd: int = 0
    jumlah_sub_kegiatan: int = 0
    pagu_total: Decimal = Decimal(0)
    pagu_skpd: list[PaguSkpd] = field(default_factory=list)
    #: SKPD di daftar SKPD (C) yang tidak punya baris di berkas yang dibaca: (kode, nama)
    skpd_tanpa_data: list[tuple[str, str]] = field(default_factory=list)
    dilewati: list[Dilewati] = field(default_factory=list)
    target_teks_jumlah: int = 0
    target_teks_contoh: list[str] = field(default_factory=list)
    program_dipasangkan: int = 0
    program_tak_berpasangan: list[ProgramTakBerpasangan] = field(default_factory=list)
    program_tanpa_indikator: int = 0
    #: sub kegiatan yang muncul di beberapa entri dengan indikator keluaran berbeda (pagu sama): indikator
    #: pertama disimpan, yang lain disebut di sini
    keluaran_tambahan: list[str] = field(default_factory=list)
    pagu_ab: PaguAB | None = None
    #: isian nama operator (user_created, user_updated, ...) yang dibuang: jumlahnya saja
    nama_operator_dibuang: int = 0
    #: baris/entri yang pagunya kosong dan dibaca 0
    pagu_kosong: int = 0

    def dilewati_per_alasan(self) -> dict[str, tuple[int, Decimal]]:
        hasil: dict[str, tuple[int, Decimal]] = {}
        for d in self.dilewati:
            n, p = hasil.get(d.alasan, (0, Decimal(0)))
            hasil[d.alasan] = (n + 1, p + d.pagu)
        return hasil

    def teks(self) -> list[str]:
        """Ringkasan sebagai baris teks Indonesia (perintah baris, log)."""
        jenis = Counter(b.label for b in self.berkas)
        b = [f"Berkas dibaca: {len(self.berkas)} ({', '.join(f'{n} {j}' for j, n in jenis.items())})",
             f"Baris anggaran (unit x sub kegiatan): {self.jumlah_baris}; unit: {self.jumlah_unit}; SKPD: "
             f"{self.jumlah_skpd}; kode sub kegiatan berbeda: {self.jumlah_sub_kegiatan}",
             f"Pagu seluruhnya: {format_rupiah(self.pagu_total)}"]
        for p in self.pagu_skpd:
            banding = ""
            if p.ada_di_daftar is not None:
                banding = (f"; daftar SKPD {format_rupiah(p.pagu_daftar)}: {p.status}" if p.ada_di_daftar
                           else "; tidak ada di daftar SKPD")
            b.append(f"  {p.kode} {p.nama or ''}: {format_rupiah(p.pagu)} ({p.jumlah_sub_kegiatan} sub kegiatan)"
                     f"{banding}")
        if self.skpd_tanpa_data:
            b.append(f"SKPD di daftar SKPD tanpa data di berkas ini: {len(self.skpd_tanpa_data)}")
        for alasan, (n, p) in self.dilewati_per_alasan().items():
            b.append(f"Dilewati: {n} {alasan} (pagu {format_rupiah(p)} tidak dihitung)")
        if self.pagu_kosong:
            b.append(f"Pagu kosong dibaca 0: {self.pagu_kosong}")
        if self.target_teks_jumlah:
            b.append(f"Target keluaran bukan angka (disimpan sebagai teks): {self.target_teks_jumlah}, misalnya "
                     + "; ".join(self.target_teks_contoh[:3]))
        if self.keluaran_tambahan:
            b.append(f"Indikator keluaran tambahan yang tidak disimpan: {len(self.keluaran_tambahan)}")
        if self.program_dipasangkan or self.program_tak_berpasangan:
            b.append(f"Outcome program dipasangkan (indikator tunggal): {self.program_dipasangkan}; tidak "
                     f"dipasangkan (beberapa indikator, urutan target SIPD tidak sejajar): "
                     f"{len(self.program_tak_berpasangan)}")
        if self.pagu_ab is not None:
            a = self.pagu_ab
            b.append(f"Daftar pagu dibanding Renja: sama {a.sama}, berbeda {a.berbeda}, hanya di Renja "
                     f"{a.hanya_renja}, hanya di daftar pagu {a.hanya_pagu}")
        b.append(f"Nama operator dibuang: {self.nama_operator_dibuang}")
        return b


@dataclass
class HasilSipd:
    daerah_kode: str
    tahun: int
    #: "json" (A, dengan B dan C bila ada) atau "rekap" (D)
    asal: str
    baris: list[BarisAnggaran]
    capaian_program: list[CapaianProgram]
    nama: Nama
    ringkasan: Ringkasan
    peringatan: list[MasalahSipd]

    def tabel(self):
        """Baris anggaran sebagai DataFrame berkolom view ``anggaran_sub_kegiatan`` (pagu float rupiah)."""
        data = {k: [getattr(r, k) for r in self.baris] for k in KOLOM_ANGGARAN}
        data["pagu"] = [float(p) for p in data["pagu"]]
        return pd.DataFrame(data, columns=list(KOLOM_ANGGARAN))


@dataclass
class Butir:
    """Bahan satu baris anggaran sebelum SKPD induknya ditentukan (dipakai pembaca A dan D)."""
    unit: str
    sub: str
    sub_nama: str | None
    pagu: Decimal
    di: Lokasi
    indikator: str | None = None
    target: float | None = None
    target_teks: str | None = None
    satuan: str | None = None
    #: SKPD induk yang tertulis di berkas (rekap: KODE SKPD); None = ditentukan dari B, C atau kodenya
    skpd: str | None = None
