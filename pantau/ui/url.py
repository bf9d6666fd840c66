"""Keadaan tampilan di URL (``st.query_params``): setiap pilihan dapat dibagikan sebagai tautan. Satu tempat untuk
membaca nilai awal dari URL dengan aman (nilai tak sah jatuh ke bawaan) dan menulisnya kembali."""
from __future__ import annotations

import streamlit as st


def indeks_awal(kunci: str, pilihan: list, bawaan, ubah=str) -> int:
    """Posisi awal sebuah pilihan: dari URL bila sah, lalu nilai sesi sebelumnya, lalu bawaan.

    Dipakai sebagai ``index=`` widget. Setelah pengguna mengubah widget, nilai widget itu yang menang.
    Nilai sesi tidak ditulis langsung: widget di halaman lain adalah widget baru (ID per halaman),
    sehingga pindah halaman lewat tautan membawa pilihan lewat URL.
    """
    kandidat = []
    dari_url = st.query_params.get(kunci)
    if dari_url is not None:
        try:
            kandidat.append(ubah(dari_url))
        except (TypeError, ValueError):
            pass
    kandidat.append(st.session_state.get(kunci))
    for k in kandidat:
        if k in pilihan:
            return pilihan.index(k)
    return pilihan.index(bawaan)


def indeks(kunci: str, pilihan: list, bawaan) -> int:
    """Posisi awal dari URL saja (tanpa nilai sesi), atau bawaan."""
    v = st.query_params.get(kunci)
    return pilihan.index(v) if v in pilihan else pilihan.index(bawaan)


def daftar(kunci: str, sah: list, ubah=str) -> list:
    """Daftar dipisah koma dari URL (``?urusan=1.02,lintas``), hanya nilai yang sah, tanpa ganda."""
    hasil = []
    for x in (st.query_params.get(kunci) or "").split(","):
        try:
            y = ubah(x.strip())
        except ValueError:
            continue
        if y in sah and y not in hasil:
            hasil.append(y)
    return hasil


def bilangan(kunci: str, bawaan: int) -> int:
    """Bilangan bulat dari URL (``?slide=3``), atau bawaan bila kosong/tak sah."""
    try:
        return int(st.query_params.get(kunci, bawaan))
    except (TypeError, ValueError):
        return bawaan


def tulis(kunci: str, nilai: str) -> None:
    """Tulis nilai ke URL; nilai kosong menghapus kuncinya."""
    if nilai:
        st.query_params[kunci] = nilai
    elif kunci in st.query_params:
        del st.query_params[kunci]
