"""Bagian "Kemajuan per prioritas" di Ringkasan (keputusan #20): setiap prioritas pembangunan daerah dengan jumlah
indikator tertautnya per predikat (view ``capaian_prioritas``), PN yang dilayaninya, dan jalan ke indikator di
baliknya. Angka dari ``queries/capaian_prioritas_daerah.sql`` dan ``queries/prioritas_indikator.sql``."""
from __future__ import annotations

import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import format_angka, kosong
from pantau.keluaran import grafik as g
from pantau.ui import data, url
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import gambar, grafik, tautan_indikator


def bagian_prioritas(ctx: Konteks) -> None:
    df = data.tanya("capaian_prioritas_daerah", daerah=ctx.daerah, tahun=ctx.tahun)
    if df.empty:
        url.tulis("prioritas", "")  # tautan lama dari daerah lain tidak tertinggal di URL
        return  # daerah ini belum mencatat prioritas pembangunannya: bagian tidak ditampilkan
    st.divider()
    st.subheader(f"Kemajuan per prioritas pembangunan · {ctx.label_tahun}")
    skala = data.tanya("ringkasan_predikat", daerah=ctx.daerah, periode_id=ctx.periode_id, tahun=ctx.tahun)
    kiri, kanan = st.columns([2.2, 1], gap="medium")
    with kiri:
        grafik(gambar(g.prioritas_predikat, df, skala[skala["urutan"] > 0]), kunci="prioritas-grafik",
               nama_berkas=f"prioritas-{ctx.daerah}-{ctx.tahun}", judul="Kemajuan per prioritas pembangunan",
               subjudul=f"{ctx.daerah_nama} · indikator tertaut per predikat, {ctx.tahun}")
        st.caption("Jumlah indikator yang melayani setiap prioritas, per predikat capaian; kanan: rata-rata capaian "
                   "(setiap indikator dibatasi 100%). Arahkan ke batang untuk melihat PN yang dilayani.")
    with kanan:
        kode = [int(x) for x in df["prioritas_id"]]
        label = {int(i): f"{k} {n}" for i, k, n in zip(df["prioritas_id"], df["kode"], df["nama"])}
        pid = st.selectbox("Indikator di balik prioritas", kode, format_func=label.get, key="prioritas",
                           index=url.indeks_awal("prioritas", kode, kode[0], ubah=int))
        url.tulis("prioritas", str(pid))
        r = df[df["prioritas_id"] == pid].iloc[0]
        st.caption(aman.md(r["pn"]) if not kosong(r["pn"]) else "Belum ditautkan ke prioritas nasional (PN).")
        ind = data.tanya("prioritas_indikator", prioritas=pid, daerah=ctx.daerah, tahun=ctx.tahun)
        if ind.empty:
            st.caption("Belum ada indikator yang ditautkan ke prioritas ini.")
        for i in ind.itertuples(index=False):
            nilai = "belum ada data" if kosong(i.capaian) else f"{i.simbol} {format_angka(i.capaian, 2)}%"
            tautan_indikator(ctx, i.indikator_id, f"{aman.md(i.nama)} · {nilai}")
