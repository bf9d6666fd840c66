"""Kualitas data: daerah dan urusan mana yang belum melapor, angka sementara, angka usang, dan siapa terakhir
melapor — untuk satu provinsi dan kabupaten/kotanya. Semua hitungan di SQL (makro kualitas_lapor, persen_lapor)."""
import streamlit as st

from pantau.aturan.format import format_angka, format_waktu, format_waktu_kolom, periode_label
from pantau.ui import data
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.komponen import kosong, tabel

ctx = mulai_halaman("Kualitas data", "🧹")
ringkas = data.tanya("kualitas_ringkasan", provinsi=ctx.provinsi)
per_daerah = data.tanya("kualitas_daerah", provinsi=ctx.provinsi)
rinci = data.tanya("kualitas_indikator", provinsi=ctx.provinsi)

st.title(f"Kualitas data · {ctx.provinsi_nama}")
if ringkas.empty:
    kosong(f"Belum ada realisasi di {ctx.provinsi_nama} dan kabupaten/kotanya, jadi belum ada periode lapor.")
    st.stop()
tahun_lapor, periode_lapor = int(ringkas["tahun_lapor"].iloc[0]), ringkas["periode_lapor"].iloc[0]
label_lapor = f"{periode_label(periode_lapor)} {tahun_lapor}"
st.caption(f"Periode lapor: **{label_lapor}** (triwulan terakhir yang sudah diisi daerah mana pun di provinsi ini). "
           "Indikator tahunan (hanya pernah berangka setahun) dianggap sudah lapor bila berangka "
           f"{tahun_lapor - 1} atau {tahun_lapor}, dan usang bila angka terakhirnya lebih tua.")

k1, k2, k3, k4 = st.columns(4)
n = int(per_daerah["jumlah_indikator"].sum())
belum = int(per_daerah["belum_lapor"].sum())
k1.metric("Indikator", f"{n}", help="Indikator RPJMD yang periodenya mencakup tahun lapor")
k2.metric("Belum lapor", f"{belum}", delta=f"{format_angka(100 * belum / n, 0)}% dari indikator" if n else None,
          delta_color="off", delta_arrow="off")
k3.metric("Ada angka sementara", f"{int(per_daerah['sementara'].sum())}",
          help="Indikator dengan realisasi berstatus sementara")
k4.metric("Angka usang", f"{int(per_daerah['usang'].sum())}",
          help=f"Indikator tahunan yang realisasi terakhirnya sebelum {tahun_lapor - 1}")
ket = {"Provinsi": ctx.provinsi_nama, "Periode lapor": label_lapor}

st.subheader("Per daerah")
tabel(per_daerah[["daerah", "jumlah_indikator", "belum_lapor", "sementara", "usang", "persen_lapor"]],
      kunci="kualitas_daerah",
      nama_berkas=f"kualitas-daerah-{ctx.provinsi}-{periode_lapor}-{tahun_lapor}",
      judul="Kualitas data per daerah", keterangan=ket, desimal={"Sudah lapor (%)": 1})

st.subheader("Per daerah dan urusan")
hanya_masalah = st.toggle("Hanya yang belum lapor, sementara atau usang", value=True, key="kualitas_masalah")
tampil = ringkas[(ringkas["belum_lapor"] + ringkas["sementara"] + ringkas["usang"]) > 0] if hanya_masalah else ringkas
tampil = tampil.assign(terakhir_diubah_pada=format_waktu_kolom(tampil["terakhir_diubah_pada"]))
tabel(tampil[["daerah", "urusan", "jumlah_indikator", "belum_lapor", "sementara", "usang", "persen_lapor",
              "terakhir_diubah_oleh", "terakhir_diubah_pada"]], kunci="kualitas_urusan",
      nama_berkas=f"kualitas-urusan-{ctx.provinsi}-{periode_lapor}-{tahun_lapor}",
      judul="Kualitas data per daerah dan urusan", keterangan=ket, desimal={"Sudah lapor (%)": 1})

st.subheader("Indikator yang perlu ditindaklanjuti")
nama = dict(zip(per_daerah["daerah_kode"], per_daerah["daerah"]))
pilih = st.selectbox("Daerah", [""] + list(nama), key="kualitas_daerah_pilih",
                     format_func=lambda k: nama.get(k, "Semua daerah"))
masalah = rinci[(~rinci["sudah_lapor"]) | (rinci["jumlah_sementara"] > 0) | rinci["usang"]]
if pilih:
    masalah = masalah[masalah["daerah_kode"] == pilih]
if masalah.empty:
    kosong("Tidak ada indikator yang belum lapor, sementara atau usang.")
else:
    t = masalah.assign(sudah_lapor=masalah["sudah_lapor"].map({True: "ya", False: "belum"}),
                       usang=masalah["usang"].map({True: "ya", False: "tidak"}),
                       diubah_pada=format_waktu_kolom(masalah["diubah_pada"]))
    tabel(t[["daerah", "urusan", "indikator_kode", "indikator", "pelaporan", "sudah_lapor", "realisasi_terakhir",
             "jumlah_sementara", "usang", "diubah_oleh", "diubah_pada"]].rename(columns={"usang": "Angka usang"}),
          kunci="kualitas_indikator", nama_berkas=f"kualitas-indikator-{ctx.provinsi}-{periode_lapor}-{tahun_lapor}",
          judul="Indikator yang perlu ditindaklanjuti", keterangan={**ket, "Daerah": nama.get(pilih, "semua")})
terakhir = rinci["diubah_pada"].max()
if terakhir is not None:
    st.caption(f"Laporan terakhir masuk {format_waktu(terakhir)}.")
