"""Lapisan Streamlit: bingkai halaman, akses data bertembolok, dan komponen bersama.

Halaman di ``pages/`` hanya menata letak; semua angka datang dari ``queries/*.sql`` lewat ``data.tanya``.
"""
