"""Halaman "lantai" untuk bench (isu #15): satu st.plotly_chart dengan satu gambar Plotly sebesar grafik Pantau
(40 batang), satu st.selectbox yang mengganti datanya. Tanpa basis data, tanpa tembolok, tanpa gaya: waktu
tumpukan Streamlit + Plotly + peramban itu sendiri, pembanding setiap waktu peramban Pantau (bench/halaman_peramban.py).

Dijalankan lewat bench/lantai/aplikasi.py (st.App, seperti aplikasi.py Pantau) dari akar repositori, sehingga
memakai .streamlit/config.toml dan bendera server yang sama.
"""
import random

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Lantai · bench", layout="wide")
seri = st.selectbox("Seri", ["A", "B", "C", "D"], key="seri")
acak = random.Random(seri)
nama = [f"Daerah {i + 1:02d}" for i in range(40)]
nilai = [round(acak.uniform(40, 110), 2) for _ in nama]
fig = go.Figure(go.Bar(x=nama, y=nilai, name=f"Seri {seri}"))
fig.update_layout(title=f"Lantai: 40 batang, seri {seri}", height=480, margin={"l": 40, "r": 20, "t": 60, "b": 80})
st.plotly_chart(fig, key="lantai")
