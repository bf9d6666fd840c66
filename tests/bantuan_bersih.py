"""Apa yang tidak boleh dibaca orang di layar maupun di berkas unduhan (isu #16, keputusan #16): nilai mentah Python/
pandas/JavaScript (None, nan, NaT, null, undefined, <NA>), judul kolom snake_case (nama kolom kueri), traceback.

Dipakai uji peramban (tests/browser/test_tampilan_bersih.py) dan uji berkas keluaran (tests/test_keluaran_bersih.py).
"""
from __future__ import annotations

import re

#: Kata yang hanya muncul bila nilai kosong tercetak apa adanya. "nan" huruf kecil saja: "Nan" bisa awal nama.
NILAI_MENTAH = re.compile(r"(?<![\w-])(None|nan|NaN|NaT|null|undefined|<NA>)(?![\w-])")
#: Judul kolom kueri yang bocor: huruf kecil dan garis bawah (daerah_kode, persen_lapor).
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\.py\", line \d+")


def temuan_teks(teks: str, tempat: str) -> list[str]:
    """Setiap nilai mentah atau traceback di ``teks``, disebut bersama ``tempat`` dan sedikit konteksnya."""
    hasil = []
    for m in NILAI_MENTAH.finditer(teks):
        hasil.append(f"{tempat}: {m.group(0)!r} di …{teks[max(0, m.start() - 40):m.end() + 20]!r}")
    if TRACEBACK.search(teks):
        hasil.append(f"{tempat}: traceback Python")
    return hasil


def temuan_judul(judul: list, tempat: str) -> list[str]:
    """Judul kolom snake_case atau kosong/mentah."""
    return [f"{tempat}: judul kolom {j!r}" for j in judul
            if j is None or SNAKE.match(str(j).strip()) or NILAI_MENTAH.fullmatch(str(j).strip())]
