"""Komponen yang dipakai lebih dari satu halaman: grafik dengan unduhan PNG, tabel dengan unduhan
CSV/Excel, tautan ke halaman Indikator, dan keadaan kosong yang menjelaskan dirinya."""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from pantau import ekspor
from pantau.angka import format_angka
from pantau.grafik import KONFIG
from pantau.ui.bingkai import Konteks

HALAMAN_INDIKATOR = "pages/1_Indikator.py"


def _slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")[:80] or "pantau"


def grafik(fig, *, kunci: str, nama_berkas: str, on_select=None) -> object:
    """Tampilkan gambar Plotly dan tombol 'Unduh PNG' (dibuat oleh kaleido saat diklik)."""
    kw = {"on_select": on_select, "selection_mode": "points"} if on_select else {}
    hasil = st.plotly_chart(fig, key=kunci, config=KONFIG, width="stretch", **kw)
    st.download_button(
        "Unduh PNG", data=lambda: ekspor.png_bytes(fig), file_name=f"{_slug(nama_berkas)}.png",
        mime="image/png", key=f"{kunci}-png", icon=":material/image:", type="tertiary", on_click="ignore",
    )
    return hasil


def format_tabel(df: pd.DataFrame, desimal: dict[str, int]):
    """Styler yang menampilkan angka dengan format Indonesia tanpa mengubah nilai (urutan tetap numerik).

    Sel kosong tampil "–": kolom angka yang berisi None dijadikan float (None -> NaN, yang diberi na_rep),
    kolom teks yang berisi None diisi "–" (hanya untuk tampilan; berkas unduhan tidak diubah).
    """
    tampil = df.copy()
    for k in tampil.columns:
        if tampil[k].dtype == object:
            isi = tampil[k].dropna()
            if len(isi) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in isi):
                tampil[k] = pd.to_numeric(tampil[k])
            else:
                tampil[k] = tampil[k].where(tampil[k].notna(), "–")
    fmt = {k: (lambda v, d=d: "–" if pd.isna(v) else format_angka(v, d)) for k, d in desimal.items() if k in tampil}
    return tampil.style.format(fmt, na_rep="–")


def tabel(df: pd.DataFrame, *, kunci: str, nama_berkas: str, judul: str, keterangan: dict[str, str],
          desimal: dict[str, int] | None = None, tinggi: int | str = "auto", column_config=None) -> None:
    """Tabel bernomor Indonesia dengan tombol unduh CSV dan Excel (berformat, lembar keterangan)."""
    desimal = desimal or {}
    st.dataframe(format_tabel(df, desimal), hide_index=True, width="stretch", height=tinggi, placeholder="–",
                 key=kunci, column_config=column_config)
    # Kolom tautan hanya untuk layar; berkas unduhan berisi data saja.
    tautan = [k for k, c in (column_config or {}).items()
              if isinstance(c, dict) and (c.get("type_config") or {}).get("type") == "link"]
    unduhan_tabel(df.drop(columns=tautan), kunci=kunci, nama_berkas=nama_berkas, judul=judul, keterangan=keterangan,
                  desimal=desimal)


def unduhan_tabel(df: pd.DataFrame, *, kunci: str, nama_berkas: str, judul: str, keterangan: dict[str, str],
                  desimal: dict[str, int] | None = None) -> None:
    """Tombol "Unduh CSV" dan "Unduh Excel" (berformat, lembar keterangan) untuk ``df``; juga untuk tabel yang
    ditampilkan sendiri (HTML) oleh halaman."""
    desimal = desimal or {}
    kiri, kanan, _ = st.columns([1, 1, 4])
    with kiri:
        st.download_button("Unduh CSV", data=ekspor.csv_bytes(df), file_name=f"{_slug(nama_berkas)}.csv",
                           mime="text/csv", key=f"{kunci}-csv", icon=":material/download:", type="tertiary",
                           on_click="ignore")
    with kanan:
        fmt = {k: "#,##0" + ("." + "0" * d if d else "") for k, d in desimal.items()}
        st.download_button(
            "Unduh Excel",
            data=lambda: ekspor.excel_bytes(df, judul=judul, keterangan=keterangan, format_angka=fmt),
            file_name=f"{_slug(nama_berkas)}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{kunci}-xlsx", icon=":material/table:", type="tertiary", on_click="ignore",
        )


def keterangan_filter(ctx: Konteks, **tambahan) -> dict[str, str]:
    return {"Daerah": f"{ctx.daerah_nama} ({ctx.daerah})", "Periode RPJMD": ctx.periode_label,
            "Tahun": str(ctx.tahun), **tambahan}


def tautan_indikator(ctx: Konteks, indikator_id: int, label: str, *, bantuan: str | None = None) -> None:
    """Tautan ke halaman Indikator untuk satu indikator, membawa daerah/periode/tahun tampilan ini."""
    st.page_link(HALAMAN_INDIKATOR, label=label, help=bantuan,
                 query_params={**ctx.params(), "indikator": str(int(indikator_id))}, width="stretch")


def kosong(pesan: str) -> None:
    st.info(pesan, icon=":material/info:")
