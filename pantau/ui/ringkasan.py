"""Halaman Ringkasan (dashboard.py): posisi daerah terhadap RPJMD dalam satu layar, untuk Kepala Bappeda."""
from __future__ import annotations

import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import ROMAWI, label_triwulan, persen
from pantau.keluaran import grafik as g
from pantau.ui import data
from pantau.ui.anggaran import bagian_kinerja_anggaran
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import gambar, grafik, kosong, tautan_indikator
from pantau.ui.perhatian import daftar_perhatian
from pantau.ui.prioritas import bagian_prioritas


def halaman(ctx: Konteks) -> None:
    q = {"daerah": ctx.daerah, "periode_id": ctx.periode_id, "tahun": ctx.tahun}

    st.title(f"{ctx.daerah_nama} · capaian {ctx.label_tahun}")
    if ctx.tahun_belum_lengkap:
        st.caption(f"Tahun {ctx.tahun} belum lengkap: realisasi s.d. {label_triwulan(ctx.triwulan_data)}. "
                   f"Indikator kumulatif dibanding target yang sebanding ({ctx.triwulan_data}/4 target setahun), "
                   "indikator tingkat/rasio dengan target setahun (angka terakhir = posisi saat ini).")
    rata = data.tanya("rata_capaian_daerah", **q).iloc[0]
    iku = data.tanya("iku_on_track", daerah=ctx.daerah, periode_id=ctx.periode_id).iloc[0]
    berisiko = data.tanya("indikator_berisiko", **q, batas=1000)

    k1, k2, k3, k4 = st.columns(4)
    k1.metric("Indikator berdata", f"{int(rata['jumlah_berdata'])} dari {int(rata['jumlah_indikator'])}",
              help=f"Indikator kuantitatif RPJMD {ctx.periode_label} yang sudah punya target dan realisasi "
                   f"{ctx.label_tahun}")
    k2.metric("Rata-rata capaian" + (f" s.d. TW {ROMAWI[ctx.triwulan_data]}" if ctx.tahun_belum_lengkap else ""),
              persen(rata["rata_capaian"], 2),
              delta=(f"{rata['simbol']} {rata['predikat']}" if rata["predikat"] else None),
              delta_color="off", delta_arrow="off",
              help="Setiap indikator dibatasi 100% sebelum dirata-rata")
    if int(iku["jumlah_iku"]):
        k3.metric("IKU on track", f"{int(iku['on_track'])} dari {int(iku['jumlah_iku'])}",
                  delta=f"{int(iku['berisiko'])} berisiko meleset", delta_color="off", delta_arrow="off",
                  help=f"IKU yang proyeksinya mencapai target akhir {ctx.tahun_akhir}")
    else:
        k3.metric("IKU on track", "–", help="Belum ada indikator yang ditandai IKU")
    k4.metric("Perlu perhatian", f"{len(berisiko)} indikator",
              delta=f"{int((berisiko['kelompok'] == 1).sum())} di bawah Tinggi", delta_color="off", delta_arrow="off",
              help="Capaian di bawah predikat Tinggi, atau diproyeksikan meleset dari target akhir; daftarnya di bawah")

    predikat = data.tanya("ringkasan_predikat", **q)
    urusan = data.tanya("capaian_urusan", **q)
    kiri, kanan = st.columns([1.15, 2.3], gap="medium")
    with kiri:
        # Yang paling perlu ditindaklanjuti di atas, agar terlihat tanpa menggulir pada 1280x720.
        st.subheader("Paling perlu perhatian")
        if berisiko.empty:
            kosong(f"Tidak ada indikator dengan capaian rendah atau yang diproyeksikan meleset pada {ctx.label_tahun}.")
        else:
            daftar_perhatian(ctx, berisiko)

        st.subheader("Indikator per predikat")
        if int(predikat["jumlah"].sum()) == 0:
            kosong("Daerah ini belum punya indikator pada periode ini.")
        else:
            grafik(gambar(g.predikat_batang, predikat, tinggi=230), kunci="predikat",
                   nama_berkas=f"predikat-{ctx.daerah}-{ctx.tahun}", judul="Jumlah indikator per predikat capaian",
                   subjudul=f"{ctx.daerah_nama} · RPJMD {ctx.periode_label} · tahun {ctx.tahun}")

        ubah = data.tanya("perubahan_triwulan", **q)
        if ubah.empty:
            st.subheader("Perubahan sejak triwulan lalu")
            kosong(f"Belum ada realisasi triwulan untuk {ctx.tahun}.")
        else:
            k = int(ubah["triwulan"].iloc[0])
            sebelum = f"TW {['I', 'II', 'III', 'IV'][k - 2]}" if k > 1 else "awal tahun"
            st.subheader(f"TW {['I', 'II', 'III', 'IV'][k - 1]} {ctx.tahun} dibanding {sebelum}")
            naik = ubah[ubah["arah"] == "naik"]
            turun = ubah[ubah["arah"] == "turun"]
            st.markdown(f"**{len(ubah)}** angka baru · **{len(naik)}** predikat naik · **{len(turun)}** turun")
            for r in ubah[ubah["arah"].isin(["naik", "turun"])].head(3).itertuples():
                panah = "⬆" if r.arah == "naik" else "⬇"
                tautan_indikator(ctx, r.indikator_id,
                                 f"{panah} {r.predikat_sebelum} → {r.predikat_sekarang} · {aman.md(r.nama)}")

    with kanan:
        judul = "Capaian per urusan" + (" · provinsi dan kabupaten/kota" if ctx.is_provinsi else "")
        st.subheader(judul)
        panas = None
        if ctx.is_provinsi:
            panas = data.tanya("peta_panas_urusan", provinsi=ctx.provinsi, tahun=ctx.tahun)
            panas = panas[panas["jenis"] != "provinsi"]
        if urusan["rata_capaian"].notna().any() or (panas is not None and panas["rata_capaian"].notna().any()):
            skala = predikat[predikat["urutan"] > 0]
            grafik(gambar(g.capaian_urusan, urusan, skala, panas), kunci="urusan",
                   nama_berkas=f"capaian-urusan-{ctx.daerah}-{ctx.tahun}", judul=judul,
                   subjudul=f"{ctx.daerah_nama} · rata-rata capaian {ctx.tahun}, tiap indikator dibatasi 100%")
            st.caption("Rata-rata capaian tahun ini; setiap indikator dibatasi 100% sebelum dirata-rata. "
                       + ("Kolom pertama provinsi, lalu setiap kabupaten/kota; urusan terlemah provinsi di atas. "
                          if ctx.is_provinsi else "Urusan terlemah di atas. ")
                       + "Sel abu-abu bertanda – = belum ada data.")
        else:
            kosong(f"Belum ada realisasi untuk {ctx.tahun} di {ctx.daerah_nama}.")

    # Di bawah ringkasan satu layar: kemajuan per prioritas (keputusan #20), kinerja dibanding anggaran (keputusan #10).
    bagian_prioritas(ctx)
    st.divider()
    bagian_kinerja_anggaran(ctx)
