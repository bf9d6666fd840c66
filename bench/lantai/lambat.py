"""Halaman periksa alat ukur (bukan lantai): kasus yang sengaja menjebak definisi "tergambar" di
bench/halaman_peramban.py. Dipakai oleh ``python -m bench.halaman_peramban --periksa``.

?mode=dua    grafik pertama, lalu skrip tidur 4 s, lalu grafik kedua (grafik pertama sempat tergambar lebih dulu)
?mode=ulang  skrip selesai dengan satu grafik; 0,4 s kemudian sebuah fragment (run_every) memicu satu rerun
             seluruh halaman yang tidur 1 s lalu menggambar grafik kedua (halaman sempat "selesai" sebelum waktunya)
?mode=berat  satu gambar berat (20 trace x 1.000 titik SVG): Plotly masih menggambar lama sesudah skrip selesai
Selectbox "Tunda" = 1 menambah jeda 1 s sebelum grafik (ganti filter yang lambat).
"""
import time

import plotly.graph_objects as go
import streamlit as st


def batang(judul: str) -> go.Figure:
    return go.Figure(go.Bar(x=list(range(40)), y=[(i * 7) % 23 for i in range(40)]), layout={"title": judul})


st.set_page_config(page_title="Periksa · bench", layout="wide")
mode = st.query_params.get("mode", "dua")
tunda = st.selectbox("Tunda", ["0", "1"], key="tunda")
if tunda == "1":
    time.sleep(1.0)
if mode == "dua":
    st.plotly_chart(batang("pertama"), key="a")
    time.sleep(4.0)
    st.plotly_chart(batang("kedua"), key="b")
elif mode == "ulang":
    st.plotly_chart(batang("pertama"), key="a")
    if st.session_state.get("sudah"):
        time.sleep(1.0)
        st.plotly_chart(batang("sesudah rerun"), key="b")
    else:
        @st.fragment(run_every=0.4)
        def sekali():
            if st.session_state.get("detak"):
                st.session_state["sudah"] = True
                st.rerun(scope="app")
            st.session_state["detak"] = True

        sekali()
elif mode == "berat":
    fig = go.Figure([go.Scatter(x=list(range(1000)), y=[(i * (k + 3)) % 97 for i in range(1000)], mode="lines+markers")
                     for k in range(20)])
    st.plotly_chart(fig, key="berat")
