"""Kualitas data: daerah dan urusan mana yang belum melapor, angka sementara, angka usang, dan siapa
terakhir melapor — untuk satu provinsi dan kabupaten/kotanya."""
import streamlit as st

from pantau.aturan.format import format_waktu
from pantau.ui import data
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.komponen import kosong, tabel

ctx = mulai_halaman("Kualitas data", "🧹")
ringkas = data.tanya("kualitas_ringkasan", provinsi=ctx.provinsi)
rinci = data.tanya("kualitas_indikator", provinsi=ctx.provinsi)

st.title(f"Kualitas data · {ctx.provinsi_nama}")
if ringkas.empty:
    kosong(f"Belum ada realisasi di {ctx.provinsi_nama} dan kabupaten/kotanya, jadi belum ada periode lapor.")
    st.stop()

tahun_lapor, periode_lapor = int(ringkas["tahun_lapor"].iloc[0]), ringkas["periode_lapor"].iloc[0]
st.caption(f"Periode lapor: **{periode_lapor} {tahun_lapor}** (triwulan terakhir yang sudah diisi daerah mana pun di "
           "provinsi ini). Indikator tahunan (hanya pernah berangka TAHUN) dianggap sudah lapor bila berangka "
           f"{tahun_lapor - 1} atau {tahun_lapor}, dan usang bila angka terakhirnya lebih tua.")

k1, k2, k3, k4 = st.columns(4)
n = int(ringkas["jumlah_indikator"].sum())
k1.metric("Indikator", f"{n}", help="Indikator RPJMD yang periodenya mencakup tahun lapor")
k2.metric("Belum lapor", f"{int(ringkas['belum_lapor'].sum())}",
          delta=f"{100 * ringkas['belum_lapor'].sum() / n:.0f}% dari indikator".replace(".", ","),
          delta_color="off", delta_arrow="off")
k3.metric("Ada angka sementara", f"{int(ringkas['sementara'].sum())}", help="Indikator dengan realisasi berstatus sementara")
k4.metric("Angka usang", f"{int(ringkas['usang'].sum())}",
          help=f"Indikator tahunan yang realisasi terakhirnya sebelum {tahun_lapor - 1}")

per_daerah = (ringkas.groupby(["daerah_kode", "daerah"], as_index=False)
              [["jumlah_indikator", "belum_lapor", "sementara", "usang"]].sum())
per_daerah["persen_lapor"] = (100 * (1 - per_daerah["belum_lapor"] / per_daerah["jumlah_indikator"])).round(1)
st.subheader("Per daerah")
tabel(per_daerah.sort_values(["persen_lapor", "daerah_kode"]), kunci="kualitas_daerah",
      nama_berkas=f"kualitas-daerah-{ctx.provinsi}-{periode_lapor}-{tahun_lapor}", judul="Kualitas data per daerah",
      keterangan={"Provinsi": ctx.provinsi_nama, "Periode lapor": f"{periode_lapor} {tahun_lapor}"},
      desimal={"persen_lapor": 1})

st.subheader("Per daerah dan urusan")
hanya_masalah = st.toggle("Hanya yang belum lapor, sementara atau usang", value=True, key="kualitas_masalah")
tampil = ringkas
if hanya_masalah:
    tampil = ringkas[(ringkas["belum_lapor"] + ringkas["sementara"] + ringkas["usang"]) > 0]
tabel(tampil.drop(columns=["tahun_lapor", "periode_lapor"]), kunci="kualitas_urusan",
      nama_berkas=f"kualitas-urusan-{ctx.provinsi}-{periode_lapor}-{tahun_lapor}",
      judul="Kualitas data per daerah dan urusan",
      keterangan={"Provinsi": ctx.provinsi_nama, "Periode lapor": f"{periode_lapor} {tahun_lapor}"},
      desimal={"persen_lapor": 1})

st.subheader("Indikator yang perlu ditindaklanjuti")
daerah_pilihan = ["(semua)"] + list(per_daerah["daerah_kode"])
nama = dict(zip(per_daerah["daerah_kode"], per_daerah["daerah"]))
pilih = st.selectbox("Daerah", daerah_pilihan, key="kualitas_daerah_pilih",
                     format_func=lambda k: nama.get(k, k))
masalah = rinci[(~rinci["sudah_lapor"]) | (rinci["jumlah_sementara"] > 0) | rinci["usang"]]
if pilih != "(semua)":
    masalah = masalah[masalah["daerah_kode"] == pilih]
if masalah.empty:
    kosong("Tidak ada indikator yang belum lapor, sementara atau usang.")
else:
    tabel(masalah.drop(columns=["indikator_id", "tahun_lapor", "periode_lapor"]), kunci="kualitas_indikator",
          nama_berkas=f"kualitas-indikator-{ctx.provinsi}-{periode_lapor}-{tahun_lapor}",
          judul="Indikator yang perlu ditindaklanjuti",
          keterangan={"Provinsi": ctx.provinsi_nama, "Periode lapor": f"{periode_lapor} {tahun_lapor}",
                      "Daerah": nama.get(pilih, "semua")})
terakhir = rinci["diubah_pada"].max()
if terakhir is not None:
    st.caption(f"Laporan terakhir masuk {format_waktu(terakhir)}.")
