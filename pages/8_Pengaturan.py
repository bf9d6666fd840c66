"""Pengaturan (administrator): aturan perhitungan dan akses, batas kuadran kinerja-anggaran, pembatalan impor, dan
daftar cadangan. Penataan di pantau/ui/pengaturan.py; izin diperiksa di tempat data ditulis."""
import streamlit as st

from pantau.aturan import aman
from pantau.ui import data, masuk
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.pengaturan import bagian_batal_impor, bagian_cadangan, formulir_pengaturan

mulai_halaman("Pengaturan", "⚙️", wajib_data=False)
st.title("Pengaturan")
st.caption("Aturan perhitungan yang berlaku untuk seluruh basis data, pembatalan impor dan cadangan. Hanya "
           "administrator yang dapat mengubahnya; setiap perubahan tercatat di Riwayat.")
akun = masuk.wajib_masuk("Masuk dulu untuk membuka pengaturan.")
if not akun.boleh("pengaturan"):
    st.info(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) dapat melihat pengaturan tetapi tidak "
            "mengubahnya; hubungi administrator.", icon=":material/lock:")
bd = data.basis_data()

st.subheader("Aturan perhitungan dan akses")
formulir_pengaturan(bd, akun)
st.subheader("Membatalkan impor")
bagian_batal_impor(bd, akun)
st.subheader("Cadangan")
bagian_cadangan()
