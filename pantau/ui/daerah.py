"""Halaman Daerah (analis): semua indikator satu daerah dalam satu tabel tersaring, lalu satu indikator antar
kabupaten/kota (grafik banding dan peta). Setiap penyaring tersimpan di URL (``pantau.ui.url``)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import kosong, nilai_target, sd_label
from pantau.keluaran import grafik as g
from pantau.keluaran import peta
from pantau.keluaran.grafik import KONFIG
from pantau.ui import data, url
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import (
    gambar,
    grafik,
    keterangan_filter,
    sumber_data,
    tabel,
    target_angka,
    teks_rentang,
    url_indikator,
)
from pantau.ui.komponen import kosong as info_kosong

POLARITAS = {"positif": "positif", "negatif": "negatif", "rentang": "rentang", "teks": "kualitatif"}
ON_TRACK = {"": "Semua", "ya": "On track", "tidak": "Berisiko meleset", "belum": "Belum dapat dihitung"}
WARNA_PETA = {"capaian": "Predikat capaian", "nilai": "Nilai realisasi"}


# --- URL: baca nilai awal, tulis kembali (seperti bingkai.py) ---------------------------------------------
def _predikat(p, urutan, simbol: dict) -> str:
    if urutan == -1:
        return "◇ kualitatif"
    if not isinstance(p, str):
        return "○ belum ada data"
    return f"{simbol.get(p, '')} {p}".strip()


def _dasar(sd, triwulan, agregasi) -> str:
    """Dasar angka tahun itu: 'setahun', 's.d. Triwulan III', dan untuk kumulatif yang belum lengkap, target
    pembandingnya (docs/ATURAN.md)."""
    if not isinstance(sd, str):
        return "–"
    if kosong(triwulan) or int(triwulan) == 4:
        return "setahun"
    teks = sd_label(sd)
    return f"{teks} (dibanding {int(triwulan)}/4 target)" if agregasi == "kumulatif" else teks


def isi_target(t_min, t_max, teks) -> tuple[str, float] | None:
    """Target pita atau kualitatif untuk sel Target yang angkanya kosong: (teks tampil, nilai urut)."""
    if isinstance(teks, str):
        return teks, float("-inf")
    if not kosong(t_min) and not kosong(t_max):
        return nilai_target(None, t_min, t_max), (float(t_min) + float(t_max)) / 2
    return None


def tabel_indikator(ctx: Konteks, df: pd.DataFrame, simbol: dict) -> pd.DataFrame:
    """Bingkai yang ditampilkan dan diunduh (tanpa kolom Buka): angka tetap angka. Kolom yang dibaca lebih dulu
    (nama, target, realisasi, capaian, predikat) di kiri, sehingga terlihat tanpa menggeser pada 1280x720."""
    th = ctx.tahun
    return pd.DataFrame({
        "Kode": df["indikator_kode"],
        "Indikator": df["nama"],
        "Buka": url_indikator(ctx, df["indikator_id"]),
        f"Target {th}": pd.Series([target_angka(a, b, c) for a, b, c in
                                   zip(df["target"], df["target_min"], df["target_max"])], dtype=float),
        f"Realisasi {th}": df["realisasi"].astype(float),
        "Capaian (%)": df["capaian"].astype(float),
        "Predikat": [_predikat(p, u, simbol) for p, u in zip(df["predikat"], df["urutan_predikat"])],
        "Satuan": df["satuan"],
        "Dasar": [_dasar(a, b, c) for a, b, c in zip(df["realisasi_sd"], df["triwulan_sd"], df["agregasi"])],
        "Rentang/teks": [teks_rentang(a, b, c, d) for a, b, c, d in zip(df["target_min"], df["target_max"],
                                                                        df["target_teks"], df["realisasi_teks"])],
        "Capaian periode (%)": df["capaian_periode"].astype(float),
        "On track": ["–" if kosong(x) or x is None else ("on track" if x else "berisiko meleset")
                     for x in df["on_track"].astype(object)],
        "IKU": ["ya" if x else "" for x in df["iku"]],
        "Urusan": df["urusan"],
        "Polaritas": df["polaritas"].map(POLARITAS),
        "Kondisi awal": df["kondisi_awal"].astype("Float64").astype(float),
        "Sumber": df["sumber"].fillna("–"),
        "Status": df["status"].fillna("–"),
    })


@st.fragment
def bagian_tabel(ctx: Konteks) -> None:
    """Penyaring dan tabel: mengubah penyaring hanya menjalankan ulang bagian ini (grafik dan peta tetap)."""
    skala = data.tanya("skala_predikat")
    simbol = dict(zip(skala["predikat"], skala["simbol"]))
    urusan_df = data.tanya("urusan_daerah", daerah=ctx.daerah, periode_id=ctx.periode_id)
    if urusan_df.empty:
        info_kosong(f"{ctx.daerah_nama} belum punya indikator pada RPJMD {ctx.periode_label}. "
                    "Pilih daerah atau periode lain di panel kiri, atau impor data daerah ini.")
    else:
        label_urusan = dict(zip(urusan_df["kode"], urusan_df["nama"]))
        kode_urusan = list(label_urusan)
        label_predikat = {int(u): f"{s} {p}" for u, s, p in zip(skala["urutan"], skala["simbol"], skala["predikat"])}
        label_predikat |= {0: "○ Belum ada data", -1: "◇ Kualitatif"}
        kode_predikat = list(label_predikat)

        f1, f2, f3, f4, f5 = st.columns([2.0, 1.9, 1.6, 1.3, 1.4], vertical_alignment="bottom")
        with f1:
            urusan = st.multiselect(
                "Urusan", kode_urusan, default=url.daftar("urusan", kode_urusan),
                format_func=lambda k: f"{k} {label_urusan[k]}" if k != "lintas" else label_urusan[k],
                key=f"f_urusan_{ctx.daerah}_{ctx.periode_id}", placeholder="Semua urusan")
        with f2:
            predikat = st.multiselect("Predikat", kode_predikat, default=url.daftar("predikat", kode_predikat, int),
                                      format_func=label_predikat.get, key="f_predikat", placeholder="Semua predikat")
        with f3:
            cari = st.text_input("Cari indikator", value=st.query_params.get("cari", ""), key="f_cari",
                                 placeholder="nama atau kode…").strip()
        with f4:
            on_track = st.selectbox("Proyeksi", list(ON_TRACK), index=url.indeks("ontrack", list(ON_TRACK), ""),
                                    format_func=ON_TRACK.get, key="f_ontrack",
                                    help=f"Proyeksi tren ke {ctx.tahun_akhir} dibanding target akhir periode")
        with f5:
            hanya_iku = st.toggle("Hanya IKU", value=st.query_params.get("iku") == "1", key="f_iku")

        url.tulis("urusan", ",".join(urusan))
        url.tulis("predikat", ",".join(str(p) for p in predikat))
        url.tulis("cari", cari)
        url.tulis("ontrack", on_track)
        url.tulis("iku", "1" if hanya_iku else "")

        hasil = data.tanya("daerah_tabel_indikator", daerah=ctx.daerah, periode_id=ctx.periode_id, tahun=ctx.tahun,
                           saring_urusan=list(urusan), saring_predikat=[int(p) for p in predikat],
                           saring_iku=bool(hanya_iku), saring_on_track=on_track, saring_cari=cari)
        aktif = {
            "Urusan": ", ".join(label_urusan[k] for k in urusan) or "semua",
            "Predikat": ", ".join(label_predikat[p] for p in predikat) or "semua",
            "Hanya IKU": "ya" if hanya_iku else "tidak",
            "Proyeksi": ON_TRACK[on_track],
            "Cari": cari or "–",
        }
        ket = keterangan_filter(ctx, **aktif)
        n_semua = int(urusan_df["jumlah"].sum())
        if hasil.empty:
            ringkas = "; ".join(f"{k}: {v}" for k, v in aktif.items() if v not in ("semua", "tidak", "Semua", "–"))
            info_kosong(f"Tidak ada indikator {ctx.daerah_nama} yang cocok dengan penyaring ({aman.md(ringkas)}). "
                        f"Longgarkan penyaring untuk melihat {n_semua} indikator RPJMD.")
        else:
            st.markdown(f"<div class='pantau-kecil'>{len(hasil)} dari {n_semua} indikator</div>",
                        unsafe_allow_html=True)
            t = tabel_indikator(ctx, hasil, simbol)
            th = ctx.tahun
            tabel(t, kunci="tabel-daerah", nama_berkas=f"indikator-{ctx.daerah}-{th}",
                  judul=f"{ctx.daerah_nama} — indikator RPJMD {ctx.periode_label}, tahun {th}", keterangan=ket,
                  desimal={"Kondisi awal": 2, f"Target {th}": 2, f"Realisasi {th}": 2, "Capaian (%)": 2,
                           "Capaian periode (%)": 2},
                  tinggi=min(38 + 35 * len(t), 460),
                  # target pita dan kualitatif tampil di kolom targetnya sendiri (angka unduhan tetap kosong)
                  isi_sel={f"Target {th}": [isi_target(a, b, c) for a, b, c in zip(
                      hasil["target_min"], hasil["target_max"], hasil["target_teks"])],
                           f"Realisasi {th}": [(x, float("-inf")) if isinstance(x, str) else None
                                               for x in hasil["realisasi_teks"]]},
                  arti_kosong="belum ada data (target pita atau kualitatif juga di kolom Rentang/teks)",
                  column_config={
                      "Kode": st.column_config.TextColumn("Kode", width="small"),
                      "Indikator": st.column_config.TextColumn("Indikator", width="medium", pinned=True),
                      "Buka": st.column_config.LinkColumn("Buka", display_text="buka", width="small"),
                      "Urusan": st.column_config.TextColumn("Urusan", width="medium"),
                  })



def bagian_banding(ctx: Konteks) -> None:
    """Satu indikator di semua kabupaten/kota: grafik banding dan peta (berhenti lebih awal bila tak ada data)."""
    skala = data.tanya("skala_predikat")
    st.subheader(f"Satu indikator antar kabupaten/kota · Provinsi {ctx.provinsi_nama} {ctx.tahun}")
    pilihan_ind = data.tanya("indikator_provinsi", provinsi=ctx.provinsi)
    if pilihan_ind.empty:
        info_kosong(f"Belum ada indikator kuantitatif di Provinsi {ctx.provinsi_nama} maupun kabupaten/kotanya.")
        return
    label_ind = {k: f"{k} · {n} ({s})"
                 for k, n, s in zip(pilihan_ind["kode"], pilihan_ind["nama"], pilihan_ind["satuan"])}
    kode_ind = list(label_ind)
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
    with c1:
        kode = st.selectbox("Indikator yang dibandingkan", kode_ind,
                            index=url.indeks("bandingkan", kode_ind, "IKU-01" if "IKU-01" in kode_ind else kode_ind[0]),
                            format_func=label_ind.get, key=f"f_bandingkan_{ctx.provinsi}")
    with c2:
        mode = st.segmented_control("Warna peta", list(WARNA_PETA),
                                    default=(st.query_params.get("warna") if st.query_params.get("warna") in WARNA_PETA
                                             else "capaian"),
                                    format_func=WARNA_PETA.get, key="f_warna", required=True)
    url.tulis("bandingkan", kode)
    url.tulis("warna", "" if mode == "capaian" else mode)

    b = data.tanya("banding_kabkota", provinsi=ctx.provinsi, indikator_kode=kode, tahun=ctx.tahun)
    prov = b[b["jenis"] == "provinsi"]
    kab = b[b["jenis"] != "provinsi"].copy()
    satuan = pilihan_ind.set_index("kode").loc[kode, "satuan"]
    pr = prov.iloc[0] if len(prov) else None
    if pr is not None and isinstance(pr["satuan"], str):
        satuan = pr["satuan"]
    tak_pakai = kab[kab["indikator_id"].isna()]
    beda = kab[kab["indikator_id"].notna() & ~kab["sebanding"].astype(bool)]
    kab.loc[beda.index, ["realisasi", "capaian", "predikat", "warna", "simbol"]] = None
    belum = kab[kab["indikator_id"].notna() & kab["sebanding"].astype(bool) & kab["realisasi"].isna()]

    if kab.empty:
        info_kosong(f"Provinsi {ctx.provinsi_nama} tidak punya kabupaten/kota dalam basis data ini.")
        return

    kiri, kanan = st.columns([1, 1], gap="medium")
    with kiri:
        st.markdown(f"**{aman.md(label_ind[kode])}** · realisasi {ctx.tahun}")
        fig = gambar(
            g.banding_kabkota, kab, satuan, terpilih=ctx.daerah,
            nilai_provinsi=None if pr is None else pr["realisasi"],
            target_provinsi=None if pr is None else pr["target"],
            target_provinsi_min=None if pr is None else pr["target_min"],
            target_provinsi_max=None if pr is None else pr["target_max"])
        grafik(fig, kunci="banding-kabkota", nama_berkas=f"{kode}-kabkota-{ctx.provinsi}-{ctx.tahun}",
               judul=label_ind[kode], subjudul=f"Kabupaten/kota Provinsi {ctx.provinsi_nama} · realisasi {ctx.tahun}",
               sumber=sumber_data(kab["sumber"]))
        catatan = []
        if pr is None or kosong(pr["realisasi"]):
            catatan.append(f"Provinsi {ctx.provinsi_nama} belum punya realisasi {ctx.tahun} untuk indikator ini, "
                           "jadi garis acuan provinsi tidak digambar.")
        if len(belum):
            catatan.append(f"**Belum ada data {ctx.tahun}:** " + ", ".join(belum["daerah"]))
        if len(tak_pakai):
            catatan.append(f"**Tidak memakai indikator {aman.md(kode)} di RPJMD-nya:** "
                           + ", ".join(tak_pakai["daerah"]))
        if len(beda):
            catatan.append("**Satuan berbeda, tidak dibandingkan:** "
                           + ", ".join(f"{d} ({aman.md(s)})" for d, s in zip(beda["daerah"], beda["satuan"])))
        if catatan:
            st.markdown("\n".join(f"- {c}" for c in catatan))
        else:
            st.caption("Semua kabupaten/kota punya angka untuk indikator ini.")

    with kanan:
        if not peta.ada_batas(ctx.provinsi):
            info_kosong(f"Batas wilayah kabupaten/kota Provinsi {ctx.provinsi_nama} belum disertakan di aplikasi "
                        "jadi peta tidak dapat digambar. Grafik di kiri tetap lengkap.")
        else:
            st.markdown(f"**Peta {WARNA_PETA[mode].lower()}** · klik wilayah untuk memilihnya")
            tinggi = fig.to_dict()["layout"].get("height") or 480  # setinggi grafik banding di kirinya
            fig_peta = gambar(peta.peta_provinsi, kab, ctx.provinsi, skala, mode=mode, satuan=satuan,
                              terpilih=ctx.daerah, tinggi=max(420, min(620, tinggi)))

            def _pilih_daerah() -> None:
                k = peta.kode_dari_pilihan(st.session_state.get("peta-kabkota"))
                if k and k != st.session_state.get("daerah"):
                    st.session_state["daerah"] = k
                    st.query_params["daerah"] = k

            st.plotly_chart(fig_peta, key="peta-kabkota", width="stretch", on_select=_pilih_daerah,
                            selection_mode="points", config={**KONFIG, "topojsonURL": peta.TOPOJSON_URL})
            st.download_button(
                "Unduh PNG", data=lambda: peta.png_peta(
                    fig_peta.asli(), lebar=1200, skala=2, judul=f"Peta {WARNA_PETA[mode].lower()} · {label_ind[kode]}",
                    subjudul=f"Kabupaten/kota Provinsi {ctx.provinsi_nama} · {ctx.tahun}",
                    sumber=sumber_data(kab["sumber"])),
                file_name=f"peta-{kode.lower()}-{ctx.provinsi}-{ctx.tahun}.png", mime="image/png",
                key="peta-kabkota-png", icon=":material/image:", type="tertiary", on_click="ignore")
            st.caption("Abu-abu = belum ada data. Arahkan kursor untuk nama, nilai dan predikat. "
                       "Batas wilayah: Kepmendagri 2025, disederhanakan.")


