""""Paling perlu perhatian" di Ringkasan: daftar singkat yang alasannya terbaca di layar (bukan hanya di tooltip,
yang tidak tampak di proyektor atau cetakan), dan semua indikatornya dalam satu tabel.

Urutan dan kelompok diputuskan di ``queries/indikator_berisiko.sql`` (aturan di docs/ATURAN.md); di sini hanya
dirangkai menjadi kalimat."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import format_angka, kosong
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import tabel, tautan_indikator, url_indikator


def _capaian(r) -> str:
    return "belum ada data" if kosong(r.capaian) else f"{format_angka(r.capaian, 2)}% {r.predikat}"


def alasan(r, tahun_akhir: int) -> str:
    """Alasan satu baris ``indikator_berisiko`` dalam kalimat pendek."""
    proyeksi = ("" if kosong(r.capaian_proyeksi)
                else f"proyeksi {tahun_akhir} {format_angka(r.capaian_proyeksi, 2)}% dari target akhir")
    if int(r.kelompok) == 1:
        bagian = f"capaian {format_angka(r.capaian, 2)}% di bawah Tinggi ({format_angka(r.batas_tinggi, 0)}%)"
        return bagian + (f"; {proyeksi}" if r.proyeksi_rendah and proyeksi else "")
    dasar = "belum ada capaian tahun ini" if kosong(r.capaian) else f"capaian {_capaian(r)}"
    return f"{dasar}, tetapi {proyeksi or 'proyeksi akhir periode meleset'}"


def label(r, tahun_akhir: int) -> str:
    """Teks tautan: simbol, capaian dan predikat, nama, lalu alasannya (terlihat tanpa kursor)."""
    tanda = r.simbol if isinstance(r.simbol, str) else "○"
    iku = " (IKU)" if r.iku else ""
    nama = aman.md(r.nama)  # nama indikator dari berkas impor: tampil sebagai teks
    if int(r.kelompok) == 1:
        return f"{tanda} **{format_angka(r.capaian, 2)}%** · {nama}{iku}"
    capaian = "belum ada data" if kosong(r.capaian) else f"{format_angka(r.capaian, 2)}%"
    proyeksi = "meleset" if kosong(r.capaian_proyeksi) else f"{format_angka(r.capaian_proyeksi, 2)}%"
    return f"{tanda} {capaian} · {nama}{iku} · *proyeksi {tahun_akhir}: {proyeksi}*"


def daftar_perhatian(ctx: Konteks, berisiko: pd.DataFrame, *, jumlah: int = 5) -> None:
    """Lima teratas sebagai tautan ke halaman Indikator, aturan urutannya, dan tombol untuk melihat semuanya."""
    st.caption(f"Urutan: capaian {ctx.label_tahun} di bawah predikat Tinggi, terendah dulu; lalu yang capaiannya "
               f"sudah baik tetapi proyeksi {ctx.tahun_akhir} meleset dari target akhir.")
    for r in berisiko.head(jumlah).itertuples():
        tautan_indikator(ctx, r.indikator_id, label(r, ctx.tahun_akhir), bantuan=alasan(r, ctx.tahun_akhir))
    if len(berisiko) > jumlah and st.button(
            f"Semua {len(berisiko)} indikator", icon=":material/list:", key="perhatian-buka", width="stretch",
            help="Semua indikator yang perlu perhatian, dengan alasannya"):
        # Dialog lebar: tabel dan tombol unduhnya terbaca utuh di 1280x720 (kolom kiri terlalu sempit), dan
        # tabelnya dibangun dan dikirim hanya saat dibuka (isu #15).
        _semua(ctx, berisiko)


@st.dialog("Semua indikator yang perlu perhatian", width="large")
def _semua(ctx: Konteks, berisiko: pd.DataFrame) -> None:
    st.caption(f"{ctx.daerah_nama} · {ctx.label_tahun} · capaian di bawah Tinggi (terendah dulu), lalu proyeksi "
               f"{ctx.tahun_akhir} meleset dari target akhir.")
    semua = pd.DataFrame({
        "Indikator": [f"{k} · {n}" for k, n in zip(berisiko["indikator_kode"], berisiko["nama"])],
        "Buka": url_indikator(ctx, berisiko["indikator_id"]),
        "Urusan": berisiko["urusan"],
        "IKU": ["ya" if x else "" for x in berisiko["iku"]],
        f"Capaian {ctx.tahun} (%)": berisiko["capaian"].astype(float),
        "Predikat": berisiko["predikat"],
        f"Capaian proyeksi {ctx.tahun_akhir} (%)": berisiko["capaian_proyeksi"].astype(float),
        "Alasan": [alasan(r, ctx.tahun_akhir) for r in berisiko.itertuples()],
    })
    tabel(semua, kunci="perhatian-semua", nama_berkas=f"perlu-perhatian-{ctx.daerah}-{ctx.tahun}",
          judul=f"{ctx.daerah_nama} — indikator yang perlu perhatian, {ctx.label_tahun}",
          keterangan={"Daerah": f"{ctx.daerah_nama} ({ctx.daerah})", "Tahun": ctx.label_tahun,
                      "Urutan": "capaian di bawah Tinggi (terendah dulu), lalu proyeksi akhir periode meleset"},
          desimal={f"Capaian {ctx.tahun} (%)": 2, f"Capaian proyeksi {ctx.tahun_akhir} (%)": 2},
          tinggi=min(38 + 35 * len(semua), 420),
          column_config={"Buka": st.column_config.LinkColumn("Buka", display_text="buka", width="small"),
                         "Indikator": st.column_config.TextColumn("Indikator", width="large")})
