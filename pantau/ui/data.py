"""Akses data untuk halaman: satu koneksi per proses (st.cache_resource), hasil kueri bertembolok
terbatas (st.cache_data), dan kunci tembolok yang berubah setiap ada impor atau perubahan data."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from pantau.db import DEFAULT_DB, BasisData, pasang_skema


def path_db() -> str:
    return str(Path(os.environ.get("PANTAU_DB", str(DEFAULT_DB))).resolve())


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _basis_data(path: str) -> BasisData:
    if not Path(path).exists():
        from pantau.demo import bangun_demo

        bangun_demo(path, laporan=lambda *_: None)
    # PANTAU_MEMORI (misalnya 4GB): batas memori DuckDB proses dasbor (bawaan DuckDB: 80% RAM)
    bd = BasisData(path, memori=os.environ.get("PANTAU_MEMORI"))
    pasang_skema(bd.con)
    return bd


def basis_data() -> BasisData:
    return _basis_data(path_db())


@st.cache_data(ttl=2, max_entries=4, show_spinner=False)
def _versi(path: str) -> tuple:
    df = _basis_data(path).tanya("versi_data")
    r = df.iloc[0]
    return int(r["impor_terakhir"]), int(r["riwayat_terakhir"]), str(r["rumus_negatif"])


def versi() -> tuple:
    """Penanda versi data: berubah setelah setiap impor/perubahan, jadi tembolok kueri ikut segar."""
    return _versi(path_db())


@st.cache_data(ttl=3600, max_entries=2000, show_spinner=False)
def _tanya(path: str, versi_data: tuple, nama: str, params: tuple) -> pd.DataFrame:
    return _basis_data(path).tanya(nama, **dict(params))


def tanya(nama: str, **params) -> pd.DataFrame:
    """Jalankan ``queries/<nama>.sql`` dengan parameter terikat, bertembolok per versi data."""
    return _tanya(path_db(), versi(), nama, tuple(sorted(params.items())))


def segarkan() -> None:
    """Setelah menulis: lupakan penanda versi sehingga sesi ini langsung melihat data baru."""
    _versi.clear()


def info_kesegaran() -> pd.Series:
    return tanya("versi_data").iloc[0]



def baris(df: pd.DataFrame, i: int = 0) -> dict:
    """Baris ke-``i`` sebagai dict dengan nilai kosong (NaN, NaT, pd.NA) menjadi None, sehingga halaman dapat
    memakai ``r.get(k) or …`` tanpa tersandung NaN (yang bernilai benar); {} bila baris itu tidak ada."""
    if len(df) <= i:
        return {}
    return {k: (None if _kosong(v) else v) for k, v in df.iloc[i].to_dict().items()}


def _kosong(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # list/array: bukan nilai tunggal
        return False
