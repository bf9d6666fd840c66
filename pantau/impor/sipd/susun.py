"""Menyusun hasil dari bacaan setiap format: baris anggaran dengan SKPD induknya, outcome program yang dapat
dipasangkan, banding pagu dengan daftar pagu (B) dan daftar SKPD (C), dan ringkasan.

SKPD induk sebuah unit, yang pertama berlaku:
1. ``kode_skpd`` daftar pagu (B) untuk unit itu (SIPD sendiri yang menyebut induknya);
2. unit itu sendiri bila kodenya ada di daftar SKPD (C): unit yang menjadi SKPD sendiri, misalnya RSUD BLUD
   1.02.0.00.0.00.01.0002;
3. tujuh bagian pertama kodenya dan 0000 (1.02.0.00.0.00.01.0004 -> 1.02.0.00.0.00.01.0000).
Rekap (D) menyebut induknya sendiri di KODE SKPD.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.hasil import (
    BarisAnggaran,
    BerkasDibaca,
    Butir,
    CapaianProgram,
    HasilSipd,
    Nama,
    PaguAB,
    PaguSkpd,
    ProgramTakBerpasangan,
    Ringkasan,
)
from pantau.impor.sipd.masalah import Laporan
from pantau.impor.sipd.nilai import format_rupiah, induk_unit
from pantau.impor.sipd.pagu import BacaanPagu, baca_pagu
from pantau.impor.sipd.periksa import Konteks
from pantau.impor.sipd.rekap import baca_rekap
from pantau.impor.sipd.renja import KOLOM_TARGET_OUTCOME, angka_atau_none, baca_renja, jumlah_indikator, pasangkan
from pantau.impor.sipd.skpd import SkpdDaftar, baca_skpd

CONTOH = 10


def _berkas_dibaca(b: Berkas, jumlah: int) -> BerkasDibaca:
    return BerkasDibaca(b.nama, b.jenis, b.label, jumlah, b.sha256)


def _gabung_renja(semua: list[Butir], lapor: Laporan, ringkasan: Ringkasan) -> list[Butir]:
    """Satu butir per (unit, sub kegiatan). Entri kembar di berkas yang sama dengan pagu sama = indikator
    keluaran kedua sub kegiatan itu (yang pertama disimpan); selain itu kesalahan yang menyebut keduanya."""
    hasil: dict[tuple[str, str], Butir] = {}
    for b in semua:
        lama = hasil.setdefault((b.unit, b.sub), b)
        if lama is b:
            continue
        if lama.di.berkas == b.di.berkas and lama.pagu == b.pagu:
            if b.indikator and b.indikator != lama.indikator:
                ringkasan.keluaran_tambahan.append(f"{b.sub} di unit {b.unit} ({b.di}): {b.indikator}")
            continue
        sebab = (f"pagu {format_rupiah(lama.pagu)} di sana, {format_rupiah(b.pagu)} di sini"
                 if lama.di.berkas == b.di.berkas else "satu unit hanya ada di berkas Renja SKPD-nya")
        lapor.salah(b.di, f"sub kegiatan {b.sub} di unit {b.unit} sudah ada di {lama.di} ({sebab}); kunci "
                          "Renja adalah (unit, sub kegiatan)", kolom="kode_sub_giat", nilai=b.sub,
                    jenis="sub kegiatan ganda")
    return list(hasil.values())


def _baris(butir: list[Butir], induk: dict[str, str], nama: Nama, k: Konteks, sumber: str) -> list[BarisAnggaran]:
    baris = [BarisAnggaran(
        daerah_kode=k.daerah, tahun=k.tahun, perangkat_daerah_kode=b.unit, perangkat_daerah=nama.unit.get(b.unit),
        perangkat_daerah_induk_kode=induk[b.unit], sub_kegiatan_kode=b.sub, sub_kegiatan_nama=b.sub_nama,
        pagu=b.pagu, indikator_keluaran=b.indikator, target_keluaran=b.target, target_keluaran_teks=b.target_teks,
        satuan_keluaran=b.satuan, sumber=sumber, asal=str(b.di)) for b in butir]
    baris.sort(key=lambda r: (r.perangkat_daerah_induk_kode, r.perangkat_daerah_kode, r.sub_kegiatan_kode))
    return baris


def _ringkas_pagu(baris: list[BarisAnggaran], nama: Nama, ringkasan: Ringkasan,
                  daftar: dict[str, SkpdDaftar] | None, lapor: Laporan) -> None:
    total: dict[str, Decimal] = defaultdict(Decimal)
    jumlah: dict[str, int] = defaultdict(int)
    for r in baris:
        total[r.perangkat_daerah_induk_kode] += r.pagu
        jumlah[r.perangkat_daerah_induk_kode] += 1
    for kode in sorted(total):
        nama_skpd = nama.skpd.get(kode) or nama.unit.get(kode)
        if nama_skpd and kode not in nama.skpd:
            nama.skpd[kode] = nama_skpd
        p = PaguSkpd(kode, nama_skpd, total[kode], jumlah[kode])
        if daftar is not None:
            c = daftar.get(kode)
            p = PaguSkpd(kode, nama_skpd, total[kode], jumlah[kode], c.pagu if c else None, c is not None)
            if c is not None and c.pagu is not None and c.pagu != total[kode]:
                lapor.awas(c.di, f"set_pagu_skpd {kode} {format_rupiah(c.pagu)}, jumlah pagu sub kegiatannya di berkas "
                                 f"yang dibaca {format_rupiah(total[kode])} (selisih {format_rupiah(abs(p.selisih))})",
                           kolom="set_pagu_skpd", nilai=c.pagu, jenis="pagu SKPD berbeda")
        ringkasan.pagu_skpd.append(p)
    if daftar is not None:
        ringkasan.skpd_tanpa_data = [(c.kode, c.nama or "") for c in daftar.values() if c.kode not in total]
    ringkasan.pagu_total = sum(total.values(), Decimal(0))
    ringkasan.jumlah_baris = len(baris)
    ringkasan.jumlah_unit = len({r.perangkat_daerah_kode for r in baris})
    ringkasan.jumlah_skpd = len(total)
    ringkasan.jumlah_sub_kegiatan = len({r.sub_kegiatan_kode for r in baris})
    teks = [r for r in baris if r.target_keluaran is None and r.target_keluaran_teks is not None]
    ringkasan.target_teks_jumlah = len(teks)
    ringkasan.target_teks_contoh = [f"{r.perangkat_daerah_kode} {r.sub_kegiatan_kode}: '{r.target_keluaran_teks}'"
                                    for r in teks[:CONTOH]]


def _banding_pagu(butir: list[Butir], bp: BacaanPagu, induk: dict[str, str], lapor: Laporan) -> PaguAB:
    ab = PaguAB()
    per_kunci = {(b.unit, b.sub): b for b in butir}
    for (unit, sub), ps in bp.pagu.items():
        a = per_kunci.get((unit, sub))
        if a is None:
            ab.hanya_pagu += 1
            lapor.awas(ps.di, f"sub kegiatan {sub} di unit {unit} ada di daftar pagu tetapi tidak di Renja lampiran "
                              "yang dibaca", kolom="kode_sub_giat", nilai=sub, jenis="hanya di daftar pagu")
        elif a.pagu != ps.pagu:
            ab.berbeda += 1
            selisih = format_rupiah(abs(ps.pagu - a.pagu))
            lapor.awas(ps.di, f"pagu sub kegiatan {sub} di unit {unit}: daftar pagu {format_rupiah(ps.pagu)}, Renja "
                              f"lampiran {format_rupiah(a.pagu)} di {a.di} (selisih {selisih}); yang disimpan pagu "
                              "Renja lampiran", kolom="pagu", nilai=ps.pagu, jenis="pagu berbeda")
        else:
            ab.sama += 1
    for b in butir:
        if (b.unit, b.sub) not in bp.pagu and induk[b.unit] in bp.skpd:
            ab.hanya_renja += 1
            lapor.awas(b.di, f"sub kegiatan {b.sub} di unit {b.unit} tidak ada di daftar pagu SKPD {induk[b.unit]}",
                       kolom="kode_sub_giat", nilai=b.sub, jenis="tidak ada di daftar pagu")
    return ab


def susun_json(berkas: list[Berkas], k: Konteks, lapor: Laporan, nama_operator: int) -> HasilSipd:
    nama = Nama()
    ringkasan = Ringkasan(nama_operator_dibuang=nama_operator)
    sumber = f"SIPD-RI Renja {k.tahun} (lampiran)"
    daftar = None
    for b in berkas:
        if b.jenis == "C":
            daftar = baca_skpd(b, lapor, nama)
    semua, program = [], {}
    for b in berkas:
        if b.jenis == "A":
            bacaan = baca_renja(b, k, lapor, nama)
            semua += bacaan.butir
            ringkasan.dilewati += bacaan.dilewati
            ringkasan.pagu_kosong += bacaan.pagu_kosong
            for kunci, p in bacaan.program.items():
                program.setdefault(kunci, p)
        ringkasan.berkas.append(_berkas_dibaca(b, len(b.entri)))
    butir = _gabung_renja(semua, lapor, ringkasan)
    bp = BacaanPagu()
    for b in berkas:
        if b.jenis == "B":
            baca_pagu(b, k, lapor, nama, bp)

    unit_b = {}
    for (unit, _), ps in bp.pagu.items():
        unit_b.setdefault(unit, ps.skpd)
    induk = {}
    for b in butir:
        if b.unit not in induk:
            induk[b.unit] = unit_b.get(b.unit) or (b.unit if daftar and b.unit in daftar else induk_unit(b.unit))
    baris = _baris(butir, induk, nama, k, sumber)
    if any(b.jenis == "B" for b in berkas):
        ringkasan.pagu_ab = _banding_pagu(butir, bp, induk, lapor)
    _ringkas_pagu(baris, nama, ringkasan, daftar, lapor)

    capaian = []
    for (unit, kode_program), p in sorted(program.items()):
        if unit not in induk:
            continue
        indikator, alasan = pasangkan(p)
        if indikator is None and not alasan:
            ringkasan.program_tanpa_indikator += 1
        elif indikator is None:
            ringkasan.program_tak_berpasangan.append(ProgramTakBerpasangan(
                unit, kode_program, p.program_nama, jumlah_indikator(p), alasan, str(p.di)))
        else:
            t = {c: p.target[c] for c in KOLOM_TARGET_OUTCOME}
            capaian.append(CapaianProgram(
                k.daerah, k.tahun, unit, induk[unit], kode_program, p.program_nama, p.outcome, indikator,
                angka_atau_none(t["target_akhir"]), t["target_akhir"],
                angka_atau_none(t["realisasi_capaian"]), t["realisasi_capaian"],
                angka_atau_none(t["prakiraan"]), t["prakiraan"],
                angka_atau_none(t["target_maju_1"]), t["target_maju_1"], sumber, str(p.di)))
    ringkasan.program_dipasangkan = len(capaian)
    return HasilSipd(k.daerah, k.tahun, "json", baris, capaian, nama, ringkasan, [])


def susun_rekap(b: Berkas, k: Konteks, lapor: Laporan) -> HasilSipd:
    nama = Nama()
    bacaan = baca_rekap(b, k, lapor, nama)
    ringkasan = Ringkasan(berkas=[_berkas_dibaca(b, bacaan.jumlah_baris)], dilewati=bacaan.dilewati,
                          pagu_kosong=bacaan.pagu_kosong)
    induk = {x.unit: x.skpd for x in bacaan.butir}
    baris = _baris(bacaan.butir, induk, nama, k, f"SIPD-RI rekap {k.tahun}")
    _ringkas_pagu(baris, nama, ringkasan, None, lapor)
    return HasilSipd(k.daerah, k.tahun, "rekap", baris, [], nama, ringkasan, [])


