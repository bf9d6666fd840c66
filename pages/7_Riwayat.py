"""Riwayat: siapa mengubah angka mana, kapan — disaring per daerah, pengguna dan rentang tanggal (di SQL,
parameter terikat), dapat diunduh. Membaca riwayat memerlukan masuk (berisi nama petugas)."""
from datetime import date, timedelta

import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import format_waktu
from pantau.ui import data, masuk
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.komponen import kosong, tabel, tabel_riwayat
from pantau.ui.url import indeks_awal

BATAS = 5000

ctx = mulai_halaman("Riwayat", "🕘")
st.title("Riwayat perubahan")
st.caption("Setiap perubahan data tercatat: impor angka, pembatalan impor, catatan desk, pengaturan dan akun. "
           "Nilai lama dan nilai baru disimpan apa adanya; tidak ada yang dihapus dari riwayat.")
akun = masuk.wajib_masuk("Masuk dulu untuk membaca riwayat perubahan (memuat nama petugas yang mengubah data).")
if not akun.boleh("lihat_riwayat"):
    st.warning(f"Akun {aman.md(akun.nama_pengguna)} tidak berwenang membaca riwayat.", icon=":material/block:")
    st.stop()

pelaku = data.tanya("riwayat_pelaku")
dae = data.tanya("daerah_dalam_provinsi", provinsi=ctx.provinsi)
label_dae = {"": "Semua daerah"}
label_dae.update({k: (f"Provinsi {n} (dengan kabupaten/kotanya)" if j == "provinsi" else n)
                  for k, n, j in zip(dae["kode"], dae["nama"], dae["jenis"])})
kode_dae = list(label_dae)
nama_oleh = [""] + list(pelaku["oleh"])

k1, k2, k3 = st.columns([1.4, 1.2, 1.4])
with k1:
    daerah = st.selectbox("Daerah", kode_dae, index=indeks_awal("riwayat_daerah", kode_dae, ctx.daerah),
                          key="riwayat_daerah", format_func=label_dae.get)
with k2:
    oleh = st.selectbox("Pengguna", nama_oleh, index=indeks_awal("riwayat_oleh", nama_oleh, ""), key="riwayat_oleh",
                        format_func=lambda o: o or "Semua pengguna")
with k3:
    hari_ini = date.today()
    rentang = st.date_input("Rentang tanggal", value=(hari_ini - timedelta(days=365), hari_ini), key="riwayat_tanggal",
                            format="DD/MM/YYYY")
st.query_params.update({"riwayat_daerah": daerah, "riwayat_oleh": oleh})
if not isinstance(rentang, (tuple, list)) or len(rentang) != 2:
    st.caption("Pilih tanggal awal dan akhir.")
    st.stop()
dari, sampai = rentang

df = data.tanya("riwayat_perubahan", daerah_riwayat=daerah, oleh_riwayat=oleh, tanggal_dari=dari,
                tanggal_sampai=sampai, batas=BATAS)
if df.empty:
    kosong("Tidak ada perubahan yang cocok dengan saringan ini.")
    st.stop()
terakhir = format_waktu(df["waktu"].iloc[0])
jumlah = f"{len(df):,}".replace(",", ".")
batas = f" (hanya {BATAS:,} yang terbaru; persempit saringan)".replace(",", ".") if len(df) >= BATAS else ""
st.markdown(f"**{jumlah}** perubahan{batas}, terakhir {terakhir}.")
tabel(tabel_riwayat(df), kunci="riwayat", nama_berkas=f"riwayat-{daerah or 'semua'}-{dari:%Y%m%d}-{sampai:%Y%m%d}",
      judul="Riwayat perubahan Pantau",
      keterangan={"Daerah": label_dae[daerah], "Pengguna": oleh or "Semua pengguna",
                  "Rentang": f"{dari:%d/%m/%Y} – {sampai:%d/%m/%Y}", "Diunduh oleh": akun.nama_pengguna},
      tinggi=560, arti_kosong="tidak berlaku untuk perubahan ini (misalnya akun atau pengaturan tanpa tahun)")
