"""Bagian "Kinerja vs anggaran" (keputusan #10), dipakai halaman Ringkasan dan Daerah: grafik kuadran capaian
kinerja terhadap serapan anggaran per urusan atau per perangkat daerah (pilihan tersimpan di URL sebagai
``?kuadran=perangkat_daerah``), tabel angkanya, dan temuan (indikator tanpa sub kegiatan pendukung, sub
kegiatan yang tidak mendukung indikator). Gambar dibuat oleh ``pantau.keluaran.kuadran`` (fungsi murni)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import ROMAWI, format_angka, rupiah_ringkas
from pantau.aturan.format import kosong as nilai_kosong
from pantau.keluaran import kuadran as kq
from pantau.ui import data
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import gambar, grafik, keterangan_filter, kosong, rincian, tabel, url_indikator

HALAMAN_IMPOR = "pages/3_Impor.py"
#: Nilai parameter URL ``kuadran`` -> label pilihan. Yang pertama adalah bawaan (tidak ditulis ke URL).
DIMENSI = {"urusan": "Urusan", "perangkat_daerah": "Perangkat daerah"}
KUNCI_URL = "kuadran"


def _dimensi_dari_url() -> str:
    v = st.query_params.get(KUNCI_URL)
    return v if v in DIMENSI else "urusan"


def _tulis_dimensi(dimensi: str) -> None:
    if dimensi != "urusan":
        st.query_params[KUNCI_URL] = dimensi
    elif KUNCI_URL in st.query_params:
        del st.query_params[KUNCI_URL]


def tabel_kuadran(df: pd.DataFrame, dimensi: str) -> pd.DataFrame:
    """Angka di balik grafik, satu baris per kelompok (yang tidak digambar juga, dengan alasannya)."""
    def alasan(r) -> str:
        if isinstance(r.kuadran, str):
            return kq.label_kuadran(r.kuadran)
        if nilai_kosong(r.serapan):
            return "– tanpa data anggaran"
        return "– belum ada capaian"

    return pd.DataFrame({
        DIMENSI[dimensi]: df["kelompok"],
        "Kuadran": [alasan(r) for r in df.itertuples()],
        "Kinerja (%)": df["kinerja"].astype(float),
        "Serapan (%)": df["serapan"].astype(float),
        "Pagu (Rp)": df["pagu"].astype(float),
        "Realisasi (Rp)": df["realisasi_anggaran"].astype(float),
        "Jumlah indikator": df["jumlah_indikator"].astype(int),
        "Jumlah sub kegiatan": df["jumlah_sub_kegiatan"].astype(int),
    })


def _tinggi(n: int, maks: int) -> int | str:
    """Tinggi tabel: 'auto' untuk tabel pendek (semua baris terlihat), selebihnya tetap dan bergulir."""
    return "auto" if n <= 10 else maks


def _daftar(nama: list[str], n: int = 6) -> str:
    nama = [aman.md(x) for x in nama]  # nama perangkat daerah dari impor: ditampilkan lewat Markdown
    return ", ".join(nama[:n]) + (f" dan {len(nama) - n} lainnya" if len(nama) > n else "")


def keterangan_tidak_digambar(df: pd.DataFrame, dimensi: str) -> str:
    """Kalimat tentang kelompok yang tidak digambar: tanpa data anggaran, atau tanpa capaian kinerja."""
    satuan = DIMENSI[dimensi].lower()
    bagian = []
    tanpa_anggaran = df[df["serapan"].isna()]
    if len(tanpa_anggaran):
        bagian.append(f"{len(tanpa_anggaran)} {satuan} tanpa data anggaran ({_daftar(tanpa_anggaran['kelompok'])})")
    tanpa_kinerja = df[df["serapan"].notna() & df["kinerja"].isna()]
    if len(tanpa_kinerja):
        bagian.append(f"{len(tanpa_kinerja)} {satuan} belum punya capaian kinerja "
                      f"({_daftar(tanpa_kinerja['kelompok'])})")
    if not bagian:
        return f"Semua {satuan} punya capaian kinerja dan data anggaran."
    return f"Tidak digambar (ada di tabel “Angka per {satuan}” di bawah): " + "; ".join(bagian) + "."


def _kosong_dukungan(ctx: Konteks) -> None:
    kosong(f"Belum ada data dukungan sub kegiatan dan anggaran untuk {ctx.daerah_nama} tahun {ctx.tahun}, "
           "jadi capaian kinerja belum dapat dibandingkan dengan serapan anggaran. Yang diperlukan: lembar "
           "`dukungan` (setiap baris: indikator, sub kegiatan pendukungnya, perangkat daerah, pagu, dan realisasi "
           "anggaran per triwulan atau setahun). Unduh templat dan muat berkasnya di halaman Impor.")
    st.page_link(HALAMAN_IMPOR, label="Buka halaman Impor", icon=":material/upload_file:", query_params=ctx.params())


def _ringkasan(r: pd.Series) -> str:
    tw = r["triwulan_anggaran"]
    sd = ("setahun penuh" if nilai_kosong(tw) or int(tw) >= 4 else f"s.d. Triwulan {ROMAWI[int(tw)]}")
    serapan = "–" if nilai_kosong(r["serapan"]) else f"{format_angka(r['serapan'], 1)}%"
    return (f"{int(r['jumlah_sub_kegiatan'])} sub kegiatan mendukung {int(r['jumlah_indikator'])} indikator · "
            f"pagu {rupiah_ringkas(r['pagu'])} · realisasi {rupiah_ringkas(r['realisasi_anggaran'])} "
            f"(serapan {serapan}, data anggaran {sd})")


@st.fragment
def _kuadran(ctx: Konteks, kunci: str) -> None:
    """Pilihan dimensi, grafik, keterangan dan tabel angka. Fragmen: mengganti dimensi hanya menjalankan ulang
    bagian ini, bukan seluruh halaman."""
    dimensi = st.segmented_control(
        "Kelompokkan per", list(DIMENSI), default=_dimensi_dari_url(), format_func=DIMENSI.get,
        key=f"{kunci}-dimensi", required=True,
        help="Urusan: semua indikator urusan itu dan sub kegiatan yang mendukungnya. Perangkat daerah: "
             "sub kegiatan yang dilaksanakannya dan indikator yang didukung sub kegiatan itu.")
    _tulis_dimensi(dimensi)
    df = data.tanya("kuadran_kinerja_anggaran", daerah=ctx.daerah, periode_id=ctx.periode_id, tahun=ctx.tahun,
                    dimensi=dimensi)
    satuan = DIMENSI[dimensi].lower()
    if df.empty:
        kosong(f"Belum ada {satuan} dengan indikator atau sub kegiatan untuk {ctx.daerah_nama} {ctx.tahun}.")
        return
    bk, bs = float(df["batas_kinerja"].iloc[0]), float(df["batas_serapan"].iloc[0])
    tw = df["triwulan_anggaran"].max()
    digambar = df[df["kinerja"].notna() & df["serapan"].notna()]
    if digambar.empty:
        kosong(f"Belum ada {satuan} yang punya capaian kinerja {ctx.tahun} sekaligus data anggaran, jadi "
               "kuadran belum dapat digambar. " + keterangan_tidak_digambar(df, dimensi))
    else:
        fig = gambar(kq.gambar, digambar, batas_kinerja=bk, batas_serapan=bs)
        grafik(fig, kunci=f"{kunci}-grafik", nama_berkas=f"kuadran-{dimensi}-{ctx.daerah}-{ctx.tahun}",
               judul=f"Kinerja vs anggaran per {satuan}", subjudul=f"{ctx.daerah_nama} · {ctx.tahun}",
               sumber="capaian indikator dan anggaran sub kegiatan")
        label = ("semua titik berlabel" if len(digambar) <= 12
                 else "label hanya pada kelompok di bawah garis kinerja (paling banyak 8); arahkan kursor untuk "
                      "yang lain")
        st.caption(
            f"{kq.keterangan_garis(bk, bs, tw)}. Kinerja = rata-rata capaian indikator (tiap indikator dibatasi "
            f"100%); serapan = realisasi ÷ pagu sub kegiatan, tiap sub kegiatan dihitung sekali. Ukuran titik = "
            f"pagu; {label}. {keterangan_tidak_digambar(df, dimensi)}")
    # Angka di balik grafik: dibangun dan dikirim hanya saat dibuka (isu #15); terbuka tetap terbuka.
    if (e := rincian(f"Angka per {satuan} ({len(df)})", kunci=f"{kunci}-angka", icon=":material/table:")) is None:
        return
    t = tabel_kuadran(df, dimensi)
    with e:
        tabel(t, kunci=f"{kunci}-tabel", nama_berkas=f"kinerja-anggaran-{dimensi}-{ctx.daerah}-{ctx.tahun}",
              judul=f"{ctx.daerah_nama} — kinerja vs anggaran per {satuan}, tahun {ctx.tahun}",
              keterangan=keterangan_filter(ctx, Kelompok=DIMENSI[dimensi], Garis=kq.keterangan_garis(bk, bs, tw)),
              desimal={"Kinerja (%)": 2, "Serapan (%)": 2, "Pagu (Rp)": 0, "Realisasi (Rp)": 0},
              tinggi=_tinggi(len(t), 400),
              column_config={DIMENSI[dimensi]: st.column_config.TextColumn(DIMENSI[dimensi], width="medium")})


def _temuan(ctx: Konteks, kunci: str) -> None:
    """Dua daftar temuan, berurutan (pada 1280x720 dua kolom memotong tabel dan tombol unduhnya). Jumlahnya terbaca
    di judul; tabelnya dibangun dan dikirim hanya saat expander dibuka (isu #15)."""
    st.markdown("#### Temuan")
    tanpa_dukungan = data.tanya("temuan_indikator_tanpa_dukungan", daerah=ctx.daerah, periode_id=ctx.periode_id,
                                tahun=ctx.tahun)
    _satu_temuan(f"Indikator bertarget {ctx.tahun} tanpa sub kegiatan pendukung ({len(tanpa_dukungan)})",
                 tanpa_dukungan, kunci=f"{kunci}-temuan-dukungan",
                 pesan_kosong=f"Setiap indikator yang bertarget pada {ctx.tahun} sudah didukung paling sedikit satu "
                              "sub kegiatan.",
                 isi=lambda: _tabel_tanpa_dukungan(ctx, kunci, tanpa_dukungan))

    tanpa_indikator = data.tanya("temuan_sub_kegiatan_tanpa_indikator", daerah=ctx.daerah, tahun=ctx.tahun)
    pagu = f" · pagu {rupiah_ringkas(tanpa_indikator['pagu'].sum())}" if len(tanpa_indikator) else ""
    _satu_temuan(f"Sub kegiatan yang tidak mendukung indikator ({len(tanpa_indikator)}{pagu})",
                 tanpa_indikator, kunci=f"{kunci}-temuan-sub-kegiatan",
                 pesan_kosong=f"Setiap sub kegiatan yang dianggarkan pada {ctx.tahun} mendukung paling sedikit satu "
                              "indikator.",
                 isi=lambda: _tabel_tanpa_indikator(ctx, kunci, tanpa_indikator))


def _satu_temuan(judul: str, df: pd.DataFrame, *, kunci: str, pesan_kosong: str, isi) -> None:
    """Satu daftar temuan: kosong dijelaskan di tempat; berisi di expander yang menjalankan ``isi()`` saat dibuka."""
    if df.empty:
        st.markdown(f"**{judul}**")
        kosong(pesan_kosong)
    elif (e := rincian(judul, kunci=kunci, icon=":material/link_off:")) is not None:
        with e:
            isi()


def _tabel_tanpa_dukungan(ctx: Konteks, kunci: str, df: pd.DataFrame) -> None:
    t = pd.DataFrame({
        "Kode": df["indikator_kode"],
        "Indikator": df["nama"],
        "Buka": url_indikator(ctx, df["indikator_id"]),
        "Urusan": df["urusan"],
        "Perangkat daerah": df["perangkat_daerah"].fillna("–"),
        "IKU": ["ya" if x else "" for x in df["iku"]],
        "Capaian (%)": df["capaian"].astype(float),
    })
    tabel(t, kunci=f"{kunci}-tanpa-dukungan", nama_berkas=f"indikator-tanpa-dukungan-{ctx.daerah}-{ctx.tahun}",
          judul=f"{ctx.daerah_nama} — indikator bertarget {ctx.tahun} tanpa sub kegiatan pendukung",
          keterangan=keterangan_filter(ctx), desimal={"Capaian (%)": 2}, tinggi=_tinggi(len(t), 320),
          column_config={"Buka": st.column_config.LinkColumn("Buka", display_text="buka", width="small"),
                         "Indikator": st.column_config.TextColumn("Indikator", width="large")})


def _tabel_tanpa_indikator(ctx: Konteks, kunci: str, df: pd.DataFrame) -> None:
    t = pd.DataFrame({
        "Kode": df["sub_kegiatan_kode"],
        "Sub kegiatan": df["sub_kegiatan_nama"].fillna("–"),
        "Perangkat daerah": df["perangkat_daerah"].fillna("–"),
        "Kode unit": df["perangkat_daerah_kode"].replace("", None).fillna("–"),
        "Program": df["program_nama"].fillna("–"),
        "Asal": df["asal"],
        "Pagu (Rp)": df["pagu"].astype(float),
        "Realisasi (Rp)": df["realisasi_anggaran"].astype(float),
        "Serapan (%)": df["serapan"].astype(float),
    })
    tabel(t, kunci=f"{kunci}-tanpa-indikator", nama_berkas=f"sub-kegiatan-tanpa-indikator-{ctx.daerah}-{ctx.tahun}",
          judul=f"{ctx.daerah_nama} — sub kegiatan {ctx.tahun} yang tidak mendukung indikator",
          keterangan=keterangan_filter(ctx), desimal={"Pagu (Rp)": 0, "Realisasi (Rp)": 0, "Serapan (%)": 2},
          tinggi=_tinggi(len(t), 320),
          column_config={"Sub kegiatan": st.column_config.TextColumn("Sub kegiatan", width="large")})


def bagian_kinerja_anggaran(ctx: Konteks, *, kunci: str = "anggaran") -> None:
    """Seluruh bagian "Kinerja vs anggaran" untuk daerah dan tahun ``ctx``; ``kunci`` = awalan kunci widget."""
    st.subheader(f"Kinerja vs anggaran · {ctx.tahun}", anchor="kinerja-vs-anggaran")
    r = data.tanya("ringkasan_dukungan", daerah=ctx.daerah, tahun=ctx.tahun).iloc[0]
    if int(r["jumlah_baris"]) == 0:
        _kosong_dukungan(ctx)
        return
    st.markdown(f"<div class='pantau-kecil'>{aman.html(_ringkasan(r))}</div>", unsafe_allow_html=True)
    _kuadran(ctx, kunci)
    _temuan(ctx, kunci)
