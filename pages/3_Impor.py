"""Impor: unduh templat, unggah berkas, lihat pratinjau perubahan, konfirmasi, ringkasan. Alurnya di
pantau/ui/impor.py; izin, cadangan, satu transaksi dan riwayat di pantau/impor."""
import streamlit as st

from pantau.ui import data, impor, impor_sipd
from pantau.ui.bingkai import mulai_halaman

ctx = mulai_halaman("Impor", "📥", wajib_data=False)
bd = data.basis_data()
st.title("Impor data")
mode = impor.pilih_mode()
if mode == "sipd":
    st.caption("Renja dan pagu sub kegiatan dari SIPD-RI (Kemendagri) tanpa diketik ulang: beberapa berkas JSON "
               "(Renja lampiran per SKPD, daftar pagu, daftar SKPD) atau satu rekap .xlsx. Semua berkas diperiksa "
               "lebih dulu; impor masuk seluruhnya atau tidak sama sekali, menggantikan anggaran SIPD-RI daerah dan "
               "tahun itu. Basis data dicadangkan otomatis sebelum setiap impor.")
    impor_sipd.alur(ctx, bd, impor.pengimpor())
    st.stop()
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
