"""Indikator: cerita satu indikator dalam satu grafik, dengan angka, sumber, antar daerah, metadata dan riwayat.
Penataan di pantau/ui/indikator.py."""
import streamlit as st

from pantau.aturan import aman
from pantau.ui import indikator
from pantau.ui.bingkai import mulai_halaman

ctx = mulai_halaman("Indikator", "📈")
c = indikator.pilih(ctx)
st.title(aman.md(c.meta["nama"]))
st.caption(f"{aman.md(c.meta['kode'])} · {ctx.daerah_nama} · {c.meta['urusan']} · RPJMD {ctx.periode_label}"
           + (" · IKU" if c.meta["iku"] else ""))
indikator.metrik(ctx, c)
kiri, kanan = st.columns([2.3, 1], gap="large")
with kiri:
    indikator.grafik_cerita(ctx, c)
with kanan:
    st.subheader("Keterangan indikator")
    indikator.keterangan(ctx, c)
indikator.tab(ctx, c)
