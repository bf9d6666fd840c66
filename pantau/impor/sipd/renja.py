"""Format A, Renja lampiran (JSON ``listDataLampiranLaporan`` per SKPD): satu entri = satu sub kegiatan di
satu unit, tingkat di atasnya diulang di setiap entri.

Yang diambil per entri: unit (``kode_sub_skpd``; di format ini ``kode_skpd`` sama dengan unit, bukan induknya),
sub kegiatan, ``pagu`` (bukan ``pagu_indikatif``/``pagu_n_depan``, dan TIDAK PERNAH kolom ``total_*`` yang
mengulang jumlah seluruh berkas di setiap entri), indikator keluaran (``tolak_ukur_output``,
``target_teks_output``, ``satuan_output``), nama program/kegiatan, dan outcome program per (unit, program).

Outcome program: bila program punya beberapa indikator, SIPD menggabungkannya dengan baris baru dan
mengurutkan nama serta setiap kolom target SENDIRI-SENDIRI, jadi baris ke-i nama bukan milik baris ke-i
target. Hanya program berindikator tunggal yang dipasangkan; yang lain disebut di ringkasan.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pantau.aturan.angka import BukanAngka, baca_angka, kosong
from pantau.impor.sipd.berkas import Berkas
from pantau.impor.sipd.hasil import Butir, Dilewati, Nama
from pantau.impor.sipd.masalah import Laporan, Lokasi
from pantau.impor.sipd.nilai import (
    CONTOH_SUB_KEGIATAN,
    CONTOH_UNIT,
    KODE_SUB_KEGIATAN,
    KODE_UNIT,
    kegiatan_dari,
    kode,
    program_dari,
    rupiah,
    satuan_dari,
    target_angka,
    teks,
)
from pantau.impor.sipd.periksa import Konteks, cek_tingkat

#: Kolom target outcome program, dengan urutan seperti di SIPD.
KOLOM_TARGET_OUTCOME = ("target_akhir", "realisasi_capaian", "prakiraan", "target_maju_1")


@dataclass
class ProgramMentah:
    unit: str
    program: str
    program_nama: str | None
    outcome: str | None
    indikator: str | None
    target: dict[str, str | None]
    di: Lokasi


@dataclass
class BacaanRenja:
    butir: list[Butir] = field(default_factory=list)
    program: dict[tuple[str, str], ProgramMentah] = field(default_factory=dict)
    dilewati: list[Dilewati] = field(default_factory=list)
    pagu_kosong: int = 0
    target_teks: list[tuple[Butir, str]] = field(default_factory=list)


def _outcome(v) -> str | None:
    """'[ Terselenggaranya ... ]' -> 'Terselenggaranya ...'."""
    t = teks(v)
    if t and t.startswith("[") and t.endswith("]"):
        t = t[1:-1].strip() or None
    return t


def baca_renja(b: Berkas, k: Konteks, lapor: Laporan, nama: Nama) -> BacaanRenja:
    hasil = BacaanRenja()
    for e in b.entri:
        r = e.isi
        di = Lokasi(b.nama, e.nomor, e.baris)
        unit = kode(r.get("kode_sub_skpd"))
        sub = kode(r.get("kode_sub_giat"))
        try:
            pagu = rupiah(r.get("pagu"))
        except BukanAngka as x:
            lapor.salah(di, f"pagu bukan rupiah: {x}", kolom="pagu", nilai=r.get("pagu"), jenis="pagu salah")
            continue
        if pagu is None:
            pagu = Decimal(0)
            if sub is not None:
                hasil.pagu_kosong += 1
        if sub is None:
            hasil.dilewati.append(Dilewati("entri tanpa kode sub kegiatan", str(di), pagu))
            continue
        if unit is None or not KODE_UNIT.fullmatch(unit):
            lapor.salah(di, f"kode unit harus 8 bagian seperti {CONTOH_UNIT}", kolom="kode_sub_skpd",
                        nilai=r.get("kode_sub_skpd"), jenis="kode unit salah")
            continue
        if not KODE_SUB_KEGIATAN.fullmatch(sub):
            lapor.salah(di, f"kode sub kegiatan harus berbentuk {CONTOH_SUB_KEGIATAN}", kolom="kode_sub_giat",
                        nilai=r.get("kode_sub_giat"), jenis="kode sub kegiatan salah")
            continue
        cek_tingkat(sub, k, di, lapor, "kode_sub_giat")
        indikator = teks(r.get("tolak_ukur_output"))
        target_teks = teks(r.get("target_teks_output"))
        satuan = teks(r.get("satuan_output"))
        nilai, ragu = target_angka(target_teks, satuan)
        if ragu:
            lapor.awas(di, f"target keluaran: {ragu}; periksa di SIPD-RI", kolom="target_teks_output",
                       nilai=target_teks, jenis="target dua arti")
        butir = Butir(unit=unit, sub=sub, sub_nama=teks(r.get("nama_sub_giat")), pagu=pagu, di=di,
                      indikator=indikator, target=nilai, target_teks=target_teks,
                      satuan=satuan or satuan_dari(target_teks))
        hasil.butir.append(butir)
        if nilai is None and target_teks is not None:
            hasil.target_teks.append((butir, target_teks))
        nama.catat("unit", unit, teks(r.get("nama_sub_skpd")), di, lapor)
        program = program_dari(sub)
        nama.catat("program", program, teks(r.get("nama_program")), di, lapor)
        nama.catat("kegiatan", kegiatan_dari(sub), teks(r.get("nama_giat")), di, lapor)
        _catat_program(hasil, unit, program, r, di, lapor)
    return hasil


def _catat_program(hasil: BacaanRenja, unit: str, program: str, r: dict, di: Lokasi, lapor: Laporan) -> None:
    baru = ProgramMentah(unit, program, teks(r.get("nama_program")), _outcome(r.get("outcome")),
                         teks(r.get("indikator_outcome")), {c: teks(r.get(c)) for c in KOLOM_TARGET_OUTCOME}, di)
    lama = hasil.program.setdefault((unit, program), baru)
    if lama is not baru and (lama.indikator, lama.target) != (baru.indikator, baru.target):
        lapor.awas(di, f"outcome program {program} di unit {unit} berbeda dengan di {lama.di}; dipakai yang "
                       "pertama", kolom="indikator_outcome", jenis="outcome program berbeda")


def _baris(t: str | None) -> list[str]:
    return [x.strip() for x in (t or "").splitlines() if x.strip()]


def jumlah_indikator(p: ProgramMentah) -> int:
    return len(_baris(p.indikator))


def angka_atau_none(t: str | None) -> float | None:
    if t is None or kosong(t):
        return None
    try:
        return baca_angka(t).nilai
    except BukanAngka:
        return None


def pasangkan(p: ProgramMentah) -> tuple[str | None, str]:
    """(indikator, '') bila program berindikator tunggal dan setiap kolom targetnya satu nilai; (None, alasan)
    bila tidak dapat dipasangkan; (None, '') bila program tanpa indikator outcome."""
    nama = _baris(p.indikator)
    if not nama:
        return None, ""
    if len(nama) > 1:
        return None, f"{len(nama)} indikator; SIPD mengurutkan nama dan setiap kolom target sendiri-sendiri"
    for c in KOLOM_TARGET_OUTCOME:
        if len(_baris(p.target[c])) > 1:
            return None, f"satu indikator tetapi kolom {c} berisi {len(_baris(p.target[c]))} baris"
    return nama[0], ""
