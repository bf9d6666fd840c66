"""Indikator: cerita satu indikator dalam satu grafik, dengan angka, sumber, antar daerah, metadata dan riwayat."""
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import streamlit as st

from pantau.keluaran import grafik as g
from pantau.aturan.format import (RUMUS_NEGATIF, format_ringkas, format_waktu, kosong, nilai_realisasi, nilai_target,
                           periode_label, persen, sd_label)
from pantau.ui import aman, data
from pantau.ui.bingkai import indeks_awal, mulai_halaman
from pantau.ui.komponen import (desimal_data, grafik, keterangan_filter, kosong as info_kosong, sumber_data, tabel,
                                target_angka, teks_rentang)

ctx = mulai_halaman("Indikator", "📈")
daftar = data.tanya("daftar_indikator", daerah=ctx.daerah, periode_id=ctx.periode_id)
if daftar.empty:
    st.title("Indikator")
    info_kosong(f"{ctx.daerah_nama} belum punya indikator pada RPJMD {ctx.periode_label}.")
    st.stop()

label = {int(i): f"{k} · {n}" for i, k, n in zip(daftar["id"], daftar["kode"], daftar["nama"])}
pilihan = list(label)
indikator_id = st.selectbox("Indikator", pilihan, index=indeks_awal("indikator", pilihan, pilihan[0], ubah=int), key="indikator", format_func=label.get,
                            persist_state="session", placeholder="Pilih…")
st.query_params["indikator"] = str(indikator_id)

meta = data.baris(data.tanya("indikator_detail", indikator_id=indikator_id))
tahunan = data.tanya("indikator_tahunan", indikator_id=indikator_id)
triwulan = data.tanya("indikator_triwulan", indikator_id=indikator_id)
per_df = data.tanya("indikator_periode", indikator_id=indikator_id)
periode = data.baris(per_df) or None
satuan = meta["satuan"]
teks = meta["polaritas"] == "teks"

st.title(aman.md(meta["nama"]))
st.caption(f"{aman.md(meta['kode'])} · {ctx.daerah_nama} · {meta['urusan']} · RPJMD {ctx.periode_label}"
           + (" · IKU" if meta["iku"] else ""))

ini = tahunan[tahunan["tahun"] == ctx.tahun]
r = data.baris(ini)
k1, k2, k3, k4 = st.columns(4)
k1.metric(f"Target {ctx.tahun}", aman.md(nilai_target(r.get("target"), r.get("target_min"), r.get("target_max"),
                                                      r.get("target_teks")) + ("" if teks else f" {satuan}")),
          delta=(f"dokumen {r['dokumen_target']}" if r.get("dokumen_target") else None), delta_color="off", delta_arrow="off")
real = nilai_realisasi(r.get("realisasi"), r.get("realisasi_teks"))
k2.metric(f"Realisasi {ctx.tahun}", aman.md(real + ("" if teks or real == "–" else f" {satuan}")),
          delta=" ".join(x for x in [sd_label(r.get("realisasi_sd")), r.get("status") or ""] if x) or None,
          delta_color="off", delta_arrow="off")
if teks:
    k3.metric("Capaian", "tidak dihitung", help="Indikator kualitatif: realisasi dibandingkan sebagai teks")
else:
    sebagian = r.get("triwulan_sd") is not None and int(r["triwulan_sd"]) < 4
    if sebagian and r.get("capaian_sd") is not None:
        # Tahun belum lengkap: dibanding target yang sebanding (docs/ATURAN.md); capaian terhadap target setahun
        # (kolom Permendagri 86/2017) tetap disebut.
        k3.metric(f"Capaian {ctx.tahun} {sd_label(r['realisasi_sd'])}", persen(r["capaian_sd"]),
                  delta=r.get("predikat_sd") or None, delta_color="off", delta_arrow="off",
                  help=(f"Realisasi {sd_label(r['realisasi_sd'])} dibanding "
                        + (f"target sebanding ({int(r['triwulan_sd'])}/4 target setahun = "
                           f"{nilai_target(r.get('target_sd'), r.get('target_sd_min'), r.get('target_sd_max'))} "
                           f"{satuan}). Terhadap target setahun: {persen(r.get('capaian'))}."
                           if meta["agregasi"] == "kumulatif" else
                           "target setahun: angka terakhir adalah posisi saat ini.")))
    elif r.get("capaian") is None:  # "belum ada data" terlalu panjang untuk angka metrik di 1280
        k3.metric(f"Capaian {ctx.tahun}", "–", delta="belum ada data", delta_color="off", delta_arrow="off",
                  help="Target atau realisasi tahun ini belum ada")
    else:
        k3.metric(f"Capaian {ctx.tahun}", persen(r.get("capaian")), delta=r.get("predikat") or None,
                  delta_color="off", delta_arrow="off")
if periode and not teks:
    status = ("on track" if periode["on_track"] else "berisiko meleset") if not kosong(periode["on_track"]) else None
    k4.metric(f"Capaian periode s.d. {periode['tahun_terakhir'] if not kosong(periode['tahun_terakhir']) else '–'}",
              persen(periode["capaian_periode"]), delta=status, delta_color="off", delta_arrow="off",
              help=(f"Proyeksi ke {ctx.tahun_akhir}: {status or 'belum dapat dihitung'}. "f"Dibanding target akhir {nilai_target(periode['target_akhir'], periode['target_akhir_min'], periode['target_akhir_max'])}"
                    f" {aman.md(satuan)}. Proyeksi {periode['metode_proyeksi']}: {format_ringkas(periode['proyeksi'])} {aman.md(satuan)}"))

kiri, kanan = st.columns([2.3, 1], gap="large")
with kiri:
    if teks:
        info_kosong("Indikator kualitatif: tidak digambar. Target dan realisasi tiap tahun ada di tabel di bawah.")
    elif tahunan["realisasi"].isna().all() and tahunan["target"].isna().all() and tahunan["target_min"].isna().all():
        info_kosong(f"Belum ada target maupun realisasi untuk indikator ini di {ctx.daerah_nama}.")
    else:
        fig = g.cerita_indikator(meta, tahunan, triwulan, periode)
        grafik(fig, kunci="cerita", nama_berkas=f"{meta['kode']}-{ctx.daerah}", judul=meta["nama"],
               subjudul=f"{meta['kode']} · {satuan} · {ctx.daerah_nama} · RPJMD {ctx.periode_label} · s.d. {ctx.tahun}",
               sumber=sumber_data(tahunan["sumber"]))
        st.caption("Titik berlubang = angka sementara; titik penuh = angka tetap. Arahkan kursor untuk sumber dan status.")
with kanan:
    st.subheader("Keterangan indikator")
    baris = {
        "Definisi": meta["definisi"] or "–",
        "Satuan": satuan,
        "Polaritas": {"positif": "positif (makin tinggi makin baik)", "negatif": "negatif (makin rendah makin baik)",
                      "rentang": "rentang (dalam pita target)", "teks": "kualitatif"}[meta["polaritas"]],
        "Agregasi": {"akhir": "akhir (angka terakhir, tidak dijumlah)",
                     "kumulatif": "kumulatif (dijumlah antar triwulan dan tahun)"}[meta["agregasi"]],
        "Kondisi awal": (f"{nilai_target(meta['kondisi_awal'], teks=meta['kondisi_awal_teks'] if teks else None)}"
                         + (f" ({int(meta['tahun_kondisi_awal'])})" if not kosong(meta['tahun_kondisi_awal']) else "")),
        "Target akhir": nilai_target(meta["target_akhir"], meta["target_akhir_min"], meta["target_akhir_max"],
                                     meta["target_akhir_teks"]),
        "Perangkat daerah": meta["perangkat_daerah"] or "–",
        "Sumber data": meta["sumber_data"] or "–",
        "Mendukung indikator": (f"{meta['induk_daerah_kode']}/{meta['induk_kode']}" if meta["induk_kode"] else "–"),
        "Rumus capaian negatif": RUMUS_NEGATIF.get(ctx.rumus_negatif, ctx.rumus_negatif),
    }
    st.markdown("\n".join(f"- **{k}:** {aman.md(v)}" for k, v in baris.items()))

tab_tahun, tab_angka, tab_daerah, tab_riwayat = st.tabs(
    ["Angka per tahun", "Semua angka realisasi", "Antar daerah", "Riwayat perubahan"])
ket = keterangan_filter(ctx, Indikator=f"{meta['kode']} {meta['nama']}")
with tab_tahun:
    # Angka tetap angka (Target, Realisasi) dengan presisi indikator; pita dan teks di kolom sendiri.
    t = pd.DataFrame({
        "Tahun": tahunan["tahun"],
        "Target": np.array([target_angka(a, b, c) for a, b, c in
                            zip(tahunan["target"], tahunan["target_min"], tahunan["target_max"])], dtype=float),
        "Dokumen target": tahunan["dokumen_target"],
        "Realisasi": tahunan["realisasi"].astype(float),
        "Rentang/teks": [teks_rentang(b, c, d, e) for b, c, d, e in zip(
            tahunan["target_min"], tahunan["target_max"], tahunan["target_teks"], tahunan["realisasi_teks"])],
        "Dasar": [sd_label(x) or ("setahun" if isinstance(x, str) else "–") for x in tahunan["realisasi_sd"]],
        "Status": tahunan["status"],
        "Sumber": tahunan["sumber"],
        "Capaian (%)": tahunan["capaian"],
        "Predikat": tahunan["predikat"],
    })
    dp = desimal_data(t["Target"], t["Realisasi"])
    tabel(t, kunci="tabel-tahun", nama_berkas=f"{meta['kode']}-{ctx.daerah}-per-tahun",
          judul=f"{meta['nama']} — angka per tahun", keterangan=ket,
          desimal={"Target": dp, "Realisasi": dp, "Capaian (%)": 2})
with tab_angka:
    semua = data.tanya("indikator_realisasi", indikator_id=indikator_id)
    if semua.empty:
        info_kosong("Belum ada angka realisasi yang dilaporkan untuk indikator ini.")
    else:
        t = pd.DataFrame({
            "Tahun": semua["tahun"],
            "Periode": semua["periode"].map(periode_label),
            "Realisasi": [nilai_realisasi(a, b) for a, b in zip(semua["nilai"], semua["nilai_teks"])],
            "Status": semua["status"],
            "Sumber": semua["sumber"],
            "Catatan": semua["catatan"],
            "Diubah oleh": semua["diubah_oleh"],
            "Diubah pada": semua["diubah_pada"].map(format_waktu),
        })
        tabel(t, kunci="tabel-angka", nama_berkas=f"{meta['kode']}-{ctx.daerah}-realisasi",
              judul=f"{meta['nama']} — semua angka realisasi", keterangan=ket)
with tab_daerah:
    banding = data.tanya("indikator_antar_daerah", indikator_id=indikator_id, provinsi=ctx.provinsi, tahun=ctx.tahun)
    if len(banding) <= 1:
        info_kosong(f"Indikator {aman.md(meta['kode'])} ({aman.md(satuan)}) tidak ada di daerah lain provinsi ini untuk {ctx.tahun}.")
    else:
        if not teks:
            grafik(g.banding_daerah(banding, satuan), kunci="banding",
                   nama_berkas=f"{meta['kode']}-antar-daerah-{ctx.tahun}", judul=f"{meta['nama']} antar daerah",
                   subjudul=f"{meta['kode']} · {satuan} · Provinsi {ctx.provinsi_nama} · {ctx.tahun}")
        t = pd.DataFrame({
            "Daerah": banding["daerah"],
            "Buka": [
                "Indikator?" + urlencode({"provinsi": ctx.provinsi, "daerah": d, "tahun": ctx.tahun, "indikator": i})
                for d, i in zip(banding["daerah_kode"], banding["indikator_id"])],
            "Target": [nilai_target(a, b, c) for a, b, c in zip(banding["target"], banding["target_min"], banding["target_max"])],
            "Realisasi": [nilai_realisasi(a, b) for a, b in zip(banding["realisasi"], banding["realisasi_teks"])],
            "Status": banding["status"],
            "Capaian (%)": banding["capaian"],
            "Predikat": banding["predikat"],
        })
        tabel(t, kunci="tabel-daerah", nama_berkas=f"{meta['kode']}-antar-daerah-{ctx.tahun}",
              judul=f"{meta['nama']} — antar daerah {ctx.tahun}", keterangan=ket, desimal={"Capaian (%)": 2},
              column_config={"Buka": st.column_config.LinkColumn("Buka", display_text="buka indikator")})
with tab_riwayat:
    riw = data.tanya("indikator_riwayat", indikator_id=indikator_id)
    if riw.empty:
        info_kosong("Belum ada perubahan tercatat untuk indikator ini.")
    else:
        t = pd.DataFrame({
            "Waktu": riw["waktu"].map(format_waktu), "Oleh": riw["oleh"], "Data": riw["tabel"],
            "Aksi": riw["aksi"], "Tahun": riw["tahun"], "Periode/dokumen": riw["kunci"].map(
                lambda k: periode_label(k) if isinstance(k, str) and (k.startswith("TW") or k == "TAHUN") else k),
            "Kolom": riw["kolom"], "Nilai lama": riw["nilai_lama"], "Nilai baru": riw["nilai_baru"],
            "Berkas": riw["berkas"],
        })
        tabel(t, kunci="tabel-riwayat", nama_berkas=f"{meta['kode']}-{ctx.daerah}-riwayat",
              judul=f"{meta['nama']} — riwayat perubahan", keterangan=ket)
