"""Usulan (desk provinsi, Rakortekrenbang): usulan setiap kabupaten/kota untuk RKPD satu tahun, keselarasannya
dengan prioritas provinsi, keputusan dengan alasan, dan rekapitulasi untuk berita acara. Penataan di
pantau/ui/usulan.py."""
import streamlit as st

from pantau.ui import usulan
from pantau.ui.bingkai import mulai_halaman

ctx = mulai_halaman("Usulan", "📮")
u = usulan.siapkan(ctx)
if u is None:
    st.stop()
usulan.kepala(u)
usulan.grafik_daerah(u)
tersaring = usulan.daftar(u)
kiri, kanan = st.columns([1.6, 1], gap="large")
with kiri:
    usulan.keputusan(u, tersaring)
with kanan:
    usulan.rekap(u)
