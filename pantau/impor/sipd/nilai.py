"""Nilai satu isian SIPD: kode, teks, rupiah, dan target keluaran berbentuk "angka satuan".

Angka dibaca dengan aturan Pantau (pantau/angka.py): "0,66" = 0,66; "16.332,75" = 16.332,75; "10.5" = 10,5;
"1.234" dibaca 1,234 dengan peringatan (dua arti). Rupiah dijumlahkan sebagai ``Decimal`` agar total per SKPD
sama persis dengan SIPD (float menjumlahkan sen dengan galat pembulatan).
"""
from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from pantau.aturan.angka import BukanAngka, baca_angka, baca_rupiah, format_angka, kosong
from pantau.aturan.kode import KODE_DAERAH, KODE_SUB_KEGIATAN, KODE_UNIT  # noqa: F401 (dipakai modul sipd)

_SPASI_SEMUA = re.compile(r"[\s\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff]+")
_SPASI = re.compile(r"[\s\u00a0\u202f]+")


CONTOH_SUB_KEGIATAN = "1.02.01.2.01.0001"
CONTOH_UNIT = "1.02.0.00.0.00.01.0004"


_KODE_BERSIH = re.compile(r"[0-9X.]+")


def kode(v) -> str | None:
    """Kode tanpa spasi (spasi tak putus dan karakter tak terlihat juga); 'x' menjadi 'X'. Sel angka
    dikembalikan sebagai teksnya sehingga ditolak bentuknya (kode SIPD selalu teks)."""
    if type(v) is str and _KODE_BERSIH.fullmatch(v):
        return v
    if kosong(v):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return _SPASI_SEMUA.sub("", str(v)).replace("x", "X") or None


def teks(v) -> str | None:
    """Teks yang dirapikan ujungnya; kosong menjadi None. Baris baru di tengah dipertahankan."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    t = str(v).strip()
    return t or None


def program_dari(sub: str) -> str:
    return ".".join(sub.split(".")[:3])


def kegiatan_dari(sub: str) -> str:
    return ".".join(sub.split(".")[:5])


def tingkat_sub_kegiatan(sub: str) -> str:
    """Bagian ke-4 kode kegiatan: '1' provinsi, '2' kabupaten/kota."""
    return sub.split(".")[3]


def tingkat_daerah(daerah: str) -> str:
    return "1" if "." not in daerah else "2"


def induk_unit(unit: str) -> str:
    """SKPD induk sebuah unit menurut kodenya: tujuh bagian pertama dan 0000."""
    return ".".join(unit.split(".")[:7] + ["0000"])


def rupiah(v) -> Decimal | None:
    """Pagu rupiah sebagai ``Decimal``; kosong -> None. Melempar ``BukanAngka`` berpesan Indonesia."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        raise BukanAngka("bukan rupiah (nilai benar/salah)")
    if isinstance(v, Decimal):
        d = v
    elif isinstance(v, int):
        d = Decimal(v)
    elif isinstance(v, float):
        if not math.isfinite(v):
            raise BukanAngka("bukan angka yang terhingga")
        d = Decimal(repr(v))
    elif isinstance(v, str):
        if kosong(v):
            return None
        d = Decimal(repr(baca_rupiah(v).nilai))
    else:
        raise BukanAngka(f"bukan rupiah (jenis nilai {type(v).__name__})")
    if not d.is_finite():
        raise BukanAngka("bukan angka yang terhingga")
    if d < 0:
        raise BukanAngka("rupiah tidak boleh negatif")
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def format_rupiah(d: Decimal | int | None) -> str:
    if d is None:
        return "–"
    d = Decimal(d)
    desimal = 0 if d == d.to_integral_value() else 2
    return "Rp " + format_angka(d, desimal)


def _tanpa_satuan(t: str, satuan: str | None) -> str | None:
    """Bagian angka dari "angka satuan"; None bila teks tidak diawali angka yang dipisah spasi."""
    if satuan:
        s = _SPASI.sub(" ", satuan).strip()
        if s and t.lower().endswith(s.lower()):
            return t[: len(t) - len(s)].strip()
    m = re.match(r"^(\S+)(?:\s+.*)?$", t, flags=re.S)
    return m.group(1) if m else None


def target_angka(teks_target: str | None, satuan: str | None = None) -> tuple[float | None, str | None]:
    """Target keluaran "2 Dokumen", "0,66 Ha", "16.332,75 Ton" -> (angka, peringatan dua arti atau None).

    (None, None) bila teksnya bukan angka: kosong, "- Unit", "105/14 Orang/bulan", beberapa baris."""
    if teks_target is None:
        return None, None
    t = _SPASI.sub(" ", teks_target).strip()
    if not t or "\n" in teks_target.strip():
        return None, None
    bagian = _tanpa_satuan(t, satuan)
    if bagian is None or kosong(bagian):
        return None, None
    try:
        a = baca_angka(bagian)
    except (BukanAngka, InvalidOperation, ValueError):
        return None, None
    return a.nilai, a.peringatan


def satuan_dari(teks_target: str | None) -> str | None:
    """Satuan dari "angka satuan" bila isian satuannya kosong."""
    if teks_target is None:
        return None
    m = re.match(r"^\s*\S+\s+(.+?)\s*$", teks_target, flags=re.S)
    return m.group(1) if m else None
