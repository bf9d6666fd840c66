"""Daerah: penjelajah analis — semua indikator satu daerah dalam satu tabel tersaring, satu indikator antar
kabupaten/kota (grafik banding dan peta), dan kinerja vs anggaran. Penataan di pantau/ui/daerah.py."""
import streamlit as st

from pantau.ui.anggaran import bagian_kinerja_anggaran
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.daerah import bagian_banding, bagian_tabel

ctx = mulai_halaman("Daerah", "🗺️")
st.title(f"{ctx.daerah_nama} · indikator RPJMD {ctx.label_tahun}")
st.caption(f"RPJMD {ctx.periode_label} · target, realisasi dan capaian {ctx.tahun}, capaian periode dan proyeksi "
           "ke akhir periode. Klik judul kolom untuk mengurutkan; “buka” membuka halaman Indikator.")
bagian_tabel(ctx)
bagian_banding(ctx)
st.divider()
bagian_kinerja_anggaran(ctx)
