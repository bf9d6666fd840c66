"""Halaman Indikator: cerita satu indikator (metrik tahun terpilih, grafik, keterangan) dan empat tab: angka per
tahun, semua angka realisasi, antar daerah, riwayat perubahan. Angka dari ``queries/indikator_*.sql``."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import (
    RUMUS_NEGATIF,
    format_ringkas,
    format_waktu,
    kosong,
    nilai_realisasi,
    nilai_target,
    periode_label,
    persen,
    sd_label,
)
from pantau.keluaran import grafik as g
from pantau.ui import data
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import (
    desimal_data,
    gambar,
    grafik,
    keterangan_filter,
    kolom_target_realisasi,
    sumber_data,
    tabel,
    tabel_riwayat,
)
from pantau.ui.komponen import kosong as info_kosong
from pantau.ui.url import indeks_awal

POLARITAS = {"positif": "positif (makin tinggi makin baik)", "negatif": "negatif (makin rendah makin baik)",
             "rentang": "rentang (dalam pita target)", "teks": "kualitatif"}
AGREGASI = {"akhir": "akhir (angka terakhir, tidak dijumlah)",
            "kumulatif": "kumulatif (dijumlah antar triwulan dan tahun)"}


@dataclass
class Cerita:
    id: int
    meta: dict
    tahunan: pd.DataFrame
    triwulan: pd.DataFrame
    periode: dict | None

    @property
    def satuan(self) -> str:
        return self.meta["satuan"]

    @property
    def teks(self) -> bool:
        return self.meta["polaritas"] == "teks"


def pilih(ctx: Konteks) -> Cerita:
    """Pemilih indikator (di URL) dan semua angkanya; daerah tanpa indikator: penjelasan, lalu berhenti."""
    daftar = data.tanya("daftar_indikator", daerah=ctx.daerah, periode_id=ctx.periode_id)
    if daftar.empty:
        st.title("Indikator")
        info_kosong(f"{ctx.daerah_nama} belum punya indikator pada RPJMD {ctx.periode_label}.")
        st.stop()
    label = {int(i): f"{k} · {n}" for i, k, n in zip(daftar["id"], daftar["kode"], daftar["nama"])}
    pilihan = list(label)
    indikator_id = st.selectbox("Indikator", pilihan, index=indeks_awal("indikator", pilihan, pilihan[0], ubah=int),
                                key="indikator", format_func=label.get, persist_state="session", placeholder="Pilih…")
    st.query_params["indikator"] = str(indikator_id)
    return Cerita(indikator_id, data.baris(data.tanya("indikator_detail", indikator_id=indikator_id)),
                  data.tanya("indikator_tahunan", indikator_id=indikator_id),
                  data.tanya("indikator_triwulan", indikator_id=indikator_id),
                  data.baris(data.tanya("indikator_periode", indikator_id=indikator_id)) or None)


def _metrik_capaian(ctx: Konteks, c: Cerita, r: dict, kolom) -> None:
    if c.teks:
        kolom.metric("Capaian", "tidak dihitung", help="Indikator kualitatif: realisasi dibandingkan sebagai teks")
    elif r.get("triwulan_sd") is not None and int(r["triwulan_sd"]) < 4 and r.get("capaian_sd") is not None:
        # Tahun belum lengkap: dibanding target yang sebanding (docs/ATURAN.md); capaian terhadap target setahun
        # (kolom Permendagri 86/2017) tetap disebut.
        kolom.metric(f"Capaian {ctx.tahun} {sd_label(r['realisasi_sd'])}", persen(r["capaian_sd"]),
                     delta=r.get("predikat_sd") or None, delta_color="off", delta_arrow="off",
                     help=(f"Realisasi {sd_label(r['realisasi_sd'])} dibanding "
                           + (f"target sebanding ({int(r['triwulan_sd'])}/4 target setahun = "
                              f"{nilai_target(r.get('target_sd'), r.get('target_sd_min'), r.get('target_sd_max'))} "
                              f"{aman.md(c.satuan)}). Terhadap target setahun: {persen(r.get('capaian'))}."
                              if c.meta["agregasi"] == "kumulatif" else
                              "target setahun: angka terakhir adalah posisi saat ini.")))
    elif r.get("capaian") is None:  # "belum ada data" terlalu panjang untuk angka metrik di 1280
        kolom.metric(f"Capaian {ctx.tahun}", "–", delta="belum ada data", delta_color="off", delta_arrow="off",
                     help="Target atau realisasi tahun ini belum ada")
    else:
        kolom.metric(f"Capaian {ctx.tahun}", persen(r.get("capaian")), delta=r.get("predikat") or None,
                     delta_color="off", delta_arrow="off")


def metrik(ctx: Konteks, c: Cerita) -> None:
    """Target, realisasi dan capaian tahun terpilih, dan capaian periode dengan proyeksinya."""
    r = data.baris(c.tahunan[c.tahunan["tahun"] == ctx.tahun])
    satuan = "" if c.teks else f" {c.satuan}"
    k1, k2, k3, k4 = st.columns(4)
    k1.metric(f"Target {ctx.tahun}", aman.md(nilai_target(r.get("target"), r.get("target_min"), r.get("target_max"),
                                                          r.get("target_teks")) + satuan),
              delta=(f"dokumen {r['dokumen_target']}" if r.get("dokumen_target") else None), delta_color="off",
              delta_arrow="off")
    real = nilai_realisasi(r.get("realisasi"), r.get("realisasi_teks"))
    k2.metric(f"Realisasi {ctx.tahun}", aman.md(real + ("" if real == "–" else satuan)),
              delta=" ".join(x for x in [sd_label(r.get("realisasi_sd")), r.get("status") or ""] if x) or None,
              delta_color="off", delta_arrow="off")
    _metrik_capaian(ctx, c, r, k3)
    p = c.periode
    if p and not c.teks:
        status = None if kosong(p["on_track"]) else ("on track" if p["on_track"] else "berisiko meleset")
        target_akhir = nilai_target(p["target_akhir"], p["target_akhir_min"], p["target_akhir_max"])
        k4.metric(f"Capaian periode s.d. {p['tahun_terakhir'] if not kosong(p['tahun_terakhir']) else '–'}",
                  persen(p["capaian_periode"]), delta=status, delta_color="off", delta_arrow="off",
                  help=(f"Proyeksi ke {ctx.tahun_akhir}: {status or 'belum dapat dihitung'}. Dibanding target akhir "
                        f"{target_akhir}{aman.md(satuan)}. Proyeksi {p['metode_proyeksi']}: "
                        f"{format_ringkas(p['proyeksi'])}{aman.md(satuan)}"))


def grafik_cerita(ctx: Konteks, c: Cerita) -> None:
    t = c.tahunan
    if c.teks:
        info_kosong("Indikator kualitatif: tidak digambar. Target dan realisasi tiap tahun ada di tabel di bawah.")
    elif t["realisasi"].isna().all() and t["target"].isna().all() and t["target_min"].isna().all():
        info_kosong(f"Belum ada target maupun realisasi untuk indikator ini di {ctx.daerah_nama}.")
    else:
        m = c.meta
        grafik(gambar(g.cerita_indikator, m, t, c.triwulan, c.periode), kunci="cerita",
               nama_berkas=f"{m['kode']}-{ctx.daerah}",
               judul=m["nama"], sumber=sumber_data(t["sumber"]),
               subjudul=f"{m['kode']} · {c.satuan} · {ctx.daerah_nama} · RPJMD {ctx.periode_label} · s.d. {ctx.tahun}")
        st.caption("Titik berlubang = angka sementara; titik penuh = angka tetap. Arahkan kursor untuk sumber dan "
                   "status.")


def keterangan(ctx: Konteks, c: Cerita) -> None:
    m = c.meta
    tahun_awal = f" ({int(m['tahun_kondisi_awal'])})" if not kosong(m["tahun_kondisi_awal"]) else ""
    baris = {
        "Definisi": m["definisi"] or "–",
        "Satuan": c.satuan,
        "Polaritas": POLARITAS[m["polaritas"]],
        "Agregasi": AGREGASI[m["agregasi"]],
        "Kondisi awal": nilai_target(m["kondisi_awal"], teks=m["kondisi_awal_teks"] if c.teks else None) + tahun_awal,
        "Target akhir": nilai_target(m["target_akhir"], m["target_akhir_min"], m["target_akhir_max"],
                                     m["target_akhir_teks"]),
        "Perangkat daerah": m["perangkat_daerah"] or "–",
        "Sumber data": m["sumber_data"] or "–",
        "Mendukung indikator": f"{m['induk_daerah_kode']}/{m['induk_kode']}" if m["induk_kode"] else "–",
        "Rumus capaian negatif": RUMUS_NEGATIF.get(ctx.rumus_negatif, ctx.rumus_negatif),
    }
    st.markdown("\n".join(f"- **{k}:** {aman.md(v)}" for k, v in baris.items()))


def tab_per_tahun(ctx: Konteks, c: Cerita, ket: dict) -> None:
    t = c.tahunan
    df = pd.DataFrame({"Tahun": t["tahun"], **kolom_target_realisasi(t), "Dokumen target": t["dokumen_target"],
                       "Dasar": [sd_label(x) or ("setahun" if isinstance(x, str) else "–") for x in t["realisasi_sd"]],
                       "Status": t["status"], "Sumber": t["sumber"], "Capaian (%)": t["capaian"],
                       "Predikat": t["predikat"]})
    dp = desimal_data(df["Target"], df["Realisasi"])
    tabel(df, kunci="tabel-tahun", nama_berkas=f"{c.meta['kode']}-{ctx.daerah}-per-tahun",
          judul=f"{c.meta['nama']} — angka per tahun", keterangan=ket,
          desimal={"Target": dp, "Realisasi": dp, "Capaian (%)": 2})


def tab_realisasi(ctx: Konteks, c: Cerita, ket: dict) -> None:
    semua = data.tanya("indikator_realisasi", indikator_id=c.id)
    if semua.empty:
        info_kosong("Belum ada angka realisasi yang dilaporkan untuk indikator ini.")
        return
    df = pd.DataFrame({
        "Tahun": semua["tahun"], "Periode": semua["periode"].map(periode_label),
        "Realisasi": semua["nilai"].astype(float),
        "Realisasi (teks)": semua["nilai_teks"], "Status": semua["status"], "Sumber": semua["sumber"],
        "Catatan": semua["catatan"], "Diubah oleh": semua["diubah_oleh"],
        "Diubah pada": semua["diubah_pada"].map(format_waktu)})
    if df["Realisasi (teks)"].isna().all():
        df = df.drop(columns=["Realisasi (teks)"])
    tabel(df, kunci="tabel-angka", nama_berkas=f"{c.meta['kode']}-{ctx.daerah}-realisasi",
          judul=f"{c.meta['nama']} — semua angka realisasi", keterangan=ket,
          desimal={"Realisasi": desimal_data(df["Realisasi"])})


def tab_antar_daerah(ctx: Konteks, c: Cerita, ket: dict) -> None:
    m = c.meta
    b = data.tanya("indikator_antar_daerah", indikator_id=c.id, provinsi=ctx.provinsi, tahun=ctx.tahun)
    if len(b) <= 1:
        info_kosong(f"Indikator {aman.md(m['kode'])} ({aman.md(c.satuan)}) tidak ada di daerah lain provinsi ini untuk "
                    f"{ctx.tahun}.")
        return
    if not c.teks:
        grafik(gambar(g.banding_daerah, b, c.satuan), kunci="banding",
               nama_berkas=f"{m['kode']}-antar-daerah-{ctx.tahun}",
               judul=f"{m['nama']} antar daerah",
               subjudul=f"{m['kode']} · {c.satuan} · Provinsi {ctx.provinsi_nama} · {ctx.tahun}")
    df = pd.DataFrame({
        "Daerah": b["daerah"],
        "Buka": ["Indikator?" + urlencode({"provinsi": ctx.provinsi, "daerah": d, "tahun": ctx.tahun, "indikator": i})
                 for d, i in zip(b["daerah_kode"], b["indikator_id"])],
        **kolom_target_realisasi(b.assign(target_teks=None)), "Status": b["status"], "Capaian (%)": b["capaian"],
        "Predikat": b["predikat"]})
    dp = desimal_data(df["Target"], df["Realisasi"])
    tabel(df, kunci="tabel-daerah", nama_berkas=f"{m['kode']}-antar-daerah-{ctx.tahun}",
          judul=f"{m['nama']} — antar daerah {ctx.tahun}", keterangan=ket,
          desimal={"Target": dp, "Realisasi": dp, "Capaian (%)": 2},
          column_config={"Buka": st.column_config.LinkColumn("Buka", display_text="buka indikator")})


def tab_riwayat(ctx: Konteks, c: Cerita, ket: dict) -> None:
    riw = data.tanya("indikator_riwayat", indikator_id=c.id)
    if riw.empty:
        info_kosong("Belum ada perubahan tercatat untuk indikator ini.")
        return
    df = tabel_riwayat(riw)
    tabel(df, kunci="tabel-riwayat", nama_berkas=f"{c.meta['kode']}-{ctx.daerah}-riwayat",
          judul=f"{c.meta['nama']} — riwayat perubahan", keterangan=ket)


def tab(ctx: Konteks, c: Cerita) -> None:
    ket = keterangan_filter(ctx, Indikator=f"{c.meta['kode']} {c.meta['nama']}")
    tahun, angka, daerah, riwayat = st.tabs(["Angka per tahun", "Semua angka realisasi", "Antar daerah",
                                             "Riwayat perubahan"])
    with tahun:
        tab_per_tahun(ctx, c, ket)
    with angka:
        tab_realisasi(ctx, c, ket)
    with daerah:
        tab_antar_daerah(ctx, c, ket)
    with riwayat:
        tab_riwayat(ctx, c, ket)
