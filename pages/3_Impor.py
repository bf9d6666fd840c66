"""Impor: unduh templat, unggah berkas, lihat pratinjau perubahan, konfirmasi, ringkasan. Alurnya di
pantau/ui/impor.py; izin, cadangan, satu transaksi dan riwayat di pantau/impor."""
import streamlit as st

from pantau.ui import data, impor
from pantau.ui.bingkai import mulai_halaman

ctx = mulai_halaman("Impor", "📥", wajib_data=False)
bd = data.basis_data()
st.title("Impor data")
st.caption("Unggah target dan realisasi dari Excel (.xlsx) atau CSV. Berkas diperiksa seluruhnya lebih dulu; "
           "tidak ada yang ditulis sebelum Anda menekan **Impor sekarang**, dan impor masuk seluruhnya atau "
           "tidak sama sekali. Basis data dicadangkan otomatis sebelum setiap impor.")
impor.bagian_templat(ctx, bd)

akun = impor.pengimpor()
berkas = impor.unggah()
impor.tampilkan_selesai(berkas, ctx, akun)
hasil = impor.periksa(berkas, bd, akun)
impor.tampilkan_ditolak(berkas, ctx, hasil)
impor.tampilkan_pratinjau(berkas, ctx, hasil)
impor.konfirmasi(berkas, bd, akun)
