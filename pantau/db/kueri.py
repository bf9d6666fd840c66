"""Kueri bernama: ``queries/<nama>.sql`` dijalankan dengan parameter terikat (``$nama``) pada cursor sendiri.
Nilai dari pengguna hanya lewat parameter, tidak pernah dirangkai ke teks SQL."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import duckdb
import pandas as pd

from pantau.jalur import QUERIES_DIR

#: ``tanya(nama_kueri, **parameter) -> DataFrame``: satu-satunya cara kode keluaran dan antarmuka membaca data.
Tanya = Callable[..., pd.DataFrame]

_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


@cache
def teks_kueri(nama: str) -> str:
    path = QUERIES_DIR / f"{nama}.sql"
    if not path.exists():
        raise KeyError(f"kueri tidak dikenal: {nama}")
    return path.read_text(encoding="utf-8")


def parameter_kueri(sql: str) -> set[str]:
    """Nama parameter ``$x`` yang dipakai sebuah SQL (komentar diabaikan)."""
    tanpa_komentar = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return set(_PARAM.findall(tanpa_komentar))


def jalankan(con: duckdb.DuckDBPyConnection, nama: str, **params) -> pd.DataFrame:
    """Jalankan ``queries/<nama>.sql`` dengan parameter terikat, pada cursor sendiri."""
    sql = teks_kueri(nama)
    perlu = parameter_kueri(sql)
    kurang = perlu - params.keys()
    if kurang:
        raise TypeError(f"kueri {nama} membutuhkan parameter {sorted(kurang)}")
    cur = con.cursor()
    try:
        return cur.execute(sql, {k: params[k] for k in perlu}).df()
    finally:
        cur.close()




def penanya(sumber):
    """Fungsi ``tanya(nama, **param) -> DataFrame`` dari ``sumber``: fungsi semacam itu sendiri (dasbor:
    ``pantau.ui.data.tanya``, bertembolok), atau koneksi DuckDB/``BasisData`` (perintah baris, uji). Kode keluaran
    (laporan, dek) hanya membaca lewat kueri bernama, tidak pernah menjalankan SELECT sendiri."""
    if hasattr(sumber, "cursor"):
        return lambda nama, **params: jalankan(sumber, nama, **params)
    return sumber
