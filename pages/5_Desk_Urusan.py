"""Desk urusan (Rakortekrenbang): indikator satu urusan, provinsi dan kabupaten/kota berdampingan, keselarasan
target, dukungan sub kegiatan, mode presentasi, catatan sesi, dan dek PowerPoint/PDF. Penataan di
pantau/ui/desk.py."""
import streamlit as st

from pantau.ui import desk
from pantau.ui.bingkai import mulai_halaman

ctx = mulai_halaman("Desk Urusan", "🗂️")
d = desk.siapkan(ctx)
if d.presentasi:  # satu indikator per layar
    desk.presentasi(d)
    st.stop()

desk.kepala(d)
kiri, kanan = st.columns([2.2, 1], gap="large")
with kiri:  # hanya tab yang terbuka yang dibangun dan dikirim (keputusan #15)
    dibahas, semua, usulan = desk.tab_bagian()
    if dibahas.open:
        with dibahas:
            desk.indikator_terpilih(d)
    if semua.open:
        with semua:
            desk.ikhtisar(d)
    if usulan.open:
        with usulan:
            desk.usulan_urusan(d)
with kanan:
    desk.catatan_sesi(d)
    desk.bahan_rapat(d)
