"""Titik masuk server Pantau: ``streamlit run aplikasi.py`` (scripts/jalankan.sh, layanan systemd, uji peramban).

Halaman yang sama dengan ``streamlit run dashboard.py`` (dashboard.py dan pages/), lewat ``st.App``, cara Streamlit
1.67 untuk menambah jalur HTTP dan middleware:
- jalur sesi (``pantau.ui.sesi``): kuki HttpOnly agar masuk bertahan saat halaman dimuat ulang (keputusan #22);
- kepala keamanan di setiap jawaban dan /_stcore/metrics ditutup (``pantau.ui.penjaga``, keputusan #19);
- galat halaman yang tidak terduga: satu pesan Indonesia, rinciannya ke log server;
- Plotly dimuat lebih awal (``pantau.ui.plotly_awal``): peramban menjalankan modul Plotly Streamlit selagi menunggu
  server, bukan sesudah isi halaman lain digambar (keputusan #15);
- pemanasan (``pantau.ui.pemanasan``): modul halaman dan Plotly dimuat saat server menyala, dan tembolok kueri
  diisi dengan kueri terakhir sebelum server dimatikan, bukan saat pengunjung pertama menunggu (keputusan #15).
"""
import streamlit as st
from starlette.middleware import Middleware

from pantau.ui import sesi
from pantau.ui.pemanasan import lifespan, panaskan
from pantau.ui.penjaga import KepalaKeamanan, galat_halaman
from pantau.ui.plotly_awal import MuatPlotlyAwal

panaskan()

app = st.App("dashboard.py", routes=sesi.rute(), middleware=[Middleware(KepalaKeamanan), Middleware(MuatPlotlyAwal)],
             on_script_error=galat_halaman, lifespan=lifespan)
