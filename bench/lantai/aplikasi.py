"""Server halaman lantai, dengan cara yang sama seperti aplikasi.py Pantau (``st.App``), tanpa jalur dan middleware
Pantau: ``streamlit run bench/lantai/aplikasi.py`` dari akar repositori (cwd = akar, jadi .streamlit/config.toml
yang sama berlaku)."""
import streamlit as st

app = st.App("halaman.py")
