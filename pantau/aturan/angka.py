"""Membaca dan menulis angka seperti yang diketik orang Indonesia, dan menampilkannya kembali.

Aturan baca (docs/FORMAT_IMPOR.md, "Aturan"):
- koma desimal ("6,32") atau titik desimal ("6.32");
- "1.234,5" dibaca Indonesia: titik pemisah ribuan, koma desimal;
- satu titik saja adalah titik desimal; "1.234" (bisa dibaca dua cara) diberi peringatan;
- "1.234.567" (beberapa titik, kelompok tiga angka) adalah pemisah ribuan;
- tanda persen dan spasi ditoleransi;
- sel angka Excel diambil apa adanya.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SPASI = re.compile(r"[\s\u00a0\u202f]+")
_BULAT = re.compile(r"[+-]?\d+")
_DESIMAL_KOMA = re.compile(r"[+-]?\d*,\d+")
_DESIMAL_TITIK = re.compile(r"[+-]?\d*\.\d+")
_RIBUAN_TITIK = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_RIBUAN_TITIK_KOMA = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d+")
# Dua arti hanya bila bisa juga dibaca sebagai ribuan: kelompok ribuan tidak diawali 0 ("0.285" bukan 285).
_DUA_ARTI = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")
_TANDA_MINUS = "\u2212\u2013"  # minus dan en dash yang sering tersalin dari Word


class BukanAngka(ValueError):
    """Teks tidak dapat dibaca sebagai angka; pesannya siap ditampilkan."""


@dataclass(frozen=True)
class Angka:
    nilai: float
    peringatan: str | None = None


def kosong(v) -> bool:
    """Sel kosong atau berisi "-" saja berarti tidak ada nilai."""
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, str):
        s = v.strip()
        return s == "" or s in {"-", "\u2013", "\u2014"}
    return False


def baca_angka(v) -> Angka:
    """Baca satu nilai sel sebagai angka. Melempar ``BukanAngka`` dengan pesan Indonesia."""
    a = _baca_angka(v)
    if not math.isfinite(a.nilai):
        # float("1000...0") dengan ratusan angka menjadi inf: jangan sampai masuk basis data
        raise BukanAngka("angka terlalu besar")
    return a


def _baca_angka(v) -> Angka:
    if isinstance(v, bool):
        raise BukanAngka("bukan angka (nilai benar/salah)")
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            raise BukanAngka("bukan angka yang terhingga")
        return Angka(float(v))
    if not isinstance(v, str):
        raise BukanAngka(f"jenis nilai tidak dikenal ({type(v).__name__})")
    s = _SPASI.sub("", v)
    for tanda in _TANDA_MINUS:
        s = s.replace(tanda, "-")
    if s.endswith("%"):
        s = s[:-1]
    if s == "":
        raise BukanAngka("kosong")
    if _BULAT.fullmatch(s):
        return Angka(float(s))
    if _DESIMAL_KOMA.fullmatch(s):
        return Angka(float(s.replace(",", ".")))
    if _RIBUAN_TITIK_KOMA.fullmatch(s):
        return Angka(float(s.replace(".", "").replace(",", ".")))
    if _DUA_ARTI.fullmatch(s):
        return Angka(
            float(s),
            peringatan=(
                f"'{v}' dibaca sebagai {format_angka(float(s), 3)} (titik = desimal); "
                f"bila maksudnya {format_angka(float(s.replace('.', '')), 0)}, tulis tanpa titik"
            ),
        )
    if _DESIMAL_TITIK.fullmatch(s):
        return Angka(float(s))
    if _RIBUAN_TITIK.fullmatch(s):
        return Angka(float(s.replace(".", "")))
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", s):
        raise BukanAngka(
            "format angka bergaya Inggris (koma sebagai pemisah ribuan) tidak diterima; "
            "tulis misalnya 1234,5 atau 1.234,5"
        )
    raise BukanAngka("bukan angka (contoh yang benar: 6,32 atau 6.32 atau 1.234,5)")


_RENTANG = re.compile(r"^\s*([+-]?[\d.,]+%?)\s*(?:-|\u2013|\u2014|s\.?d\.?|sampai)\s*([+-]?[\d.,]+%?)\s*$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Rentang:
    nilai_min: float
    nilai_max: float
    peringatan: str | None = None


def baca_rentang(v) -> Rentang:
    """Baca target rentang: "5,5 - 6,5", "4.43-4.47", "0.2800-0.2755" (urutan bebas) atau satu angka."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        a = baca_angka(v)
        return Rentang(a.nilai, a.nilai)
    if not isinstance(v, str):
        raise BukanAngka("bukan rentang angka")
    m = _RENTANG.match(v)
    if m:
        a, b = baca_angka(m.group(1)), baca_angka(m.group(2))
        peringatan = "; ".join(p for p in (a.peringatan, b.peringatan) if p) or None
        return Rentang(min(a.nilai, b.nilai), max(a.nilai, b.nilai), peringatan)
    try:
        a = baca_angka(v)
    except BukanAngka:
        raise BukanAngka(
            "bukan rentang angka (contoh yang benar: 5,5 - 6,5 atau satu angka seperti 6)"
        ) from None
    return Rentang(a.nilai, a.nilai, a.peringatan)


_RUPIAH_AWAL = re.compile(r"^\s*rp\.?\s*", re.IGNORECASE)
_SINGKATAN_RUPIAH = re.compile(r"(rb|ribu|jt|juta|m|miliar|milyar|t|triliun)\.?\s*$", re.IGNORECASE)


def baca_rupiah(v) -> Angka:
    """Baca jumlah rupiah (pagu, realisasi anggaran): "Rp 1.250.000.000", "1250000000", "1.250.000.000,50".

    Rupiah tidak pernah berpecahan ribuan, jadi "1.500" dibaca seribu lima ratus (tanpa peringatan dua arti).
    Persen, singkatan (juta, M) dan angka negatif ditolak dengan pesan yang menyebut bentuk yang benar."""
    if isinstance(v, str):
        s = _RUPIAH_AWAL.sub("", v.strip())
        if _SINGKATAN_RUPIAH.search(s) and re.search(r"\d", s):
            raise BukanAngka("tulis dalam rupiah penuh tanpa singkatan (misalnya 1.250.000.000, bukan 1,25 M)")
        if s.strip().endswith("%"):
            raise BukanAngka("rupiah, bukan persen (misalnya 1.250.000.000)")
        t = _SPASI.sub("", s)
        if _DUA_ARTI.fullmatch(t):
            return Angka(float(t.replace(".", "")))
        v = s
    try:
        a = baca_angka(v)
    except BukanAngka as e:
        raise BukanAngka(f"{e}; isi dengan rupiah, misalnya 1.250.000.000") from None
    if a.nilai < 0:
        raise BukanAngka("rupiah tidak boleh negatif")
    return a


def format_angka(x, desimal: int = 2) -> str:
    """1234.5 -> '1.234,50' (desimal=2). None/NaN -> '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    teks = f"{x:,.{desimal}f}"
    return teks.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def format_ringkas(x) -> str:
    """Angka dengan desimal secukupnya: 6.32 -> '6,32', 1234.0 -> '1.234', 0.3165 -> '0,3165'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if float(x).is_integer():
        return format_angka(x, 0)
    for d in (1, 2, 3, 4):
        if abs(round(x, d) - x) < 1e-9:
            return format_angka(x, d)
    return format_angka(x, 4)


def format_rentang(a, b) -> str:
    if a is None or b is None:
        return "–"
    if a == b:
        return format_ringkas(a)
    return f"{format_ringkas(a)}–{format_ringkas(b)}"
