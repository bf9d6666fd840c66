"""Kuadran kinerja vs anggaran (isu #10): fungsi murni, DataFrame masuk, ``go.Figure`` atau teks keluar.

Sumbu x = serapan anggaran (%), sumbu y = capaian kinerja (%), satu titik per kelompok (urusan atau perangkat
daerah) dari ``queries/kuadran_kinerja_anggaran.sql``. Dua garis batas membagi bidang menjadi empat kuadran yang
diarsir tipis dan diberi nama di sudutnya. Titik berukuran menurut pagu, berwarna Okabe-Ito menurut kuadran
DAN bersimbol berbeda (warna tidak pernah satu-satunya penanda).
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from pantau.angka import format_angka, format_ringkas
from pantau.format import ROMAWI, kosong, rupiah_ringkas
from pantau.grafik import tata_letak

#: Nama kuadran (sama dengan makro SQL ``kuadran``), letaknya, warna Okabe-Ito, simbol Plotly dan simbol teks.
#: Urutan = urutan legenda: dua kuadran kinerja tinggi dulu.
KUADRAN = {
    "Efektif-efisien": {"atas": True, "kanan": False, "warna": "#009E73", "simbol": "circle", "tanda": "●",
                        "arti": "kinerja tinggi, serapan rendah"},
    "Efektif": {"atas": True, "kanan": True, "warna": "#0072B2", "simbol": "diamond", "tanda": "◆",
                "arti": "kinerja tinggi, serapan tinggi"},
    "Tidak efektif-tidak efisien": {"atas": False, "kanan": True, "warna": "#D55E00", "simbol": "triangle-down",
                                    "tanda": "▼", "arti": "kinerja rendah, serapan tinggi"},
    "Belum optimal": {"atas": False, "kanan": False, "warna": "#E69F00", "simbol": "square", "tanda": "■",
                      "arti": "kinerja rendah, serapan rendah"},
}
GARIS = "#6E6E6E"
JUDUL_X = "Serapan anggaran (%)"
JUDUL_Y = "Capaian kinerja (%)"


def nama_kuadran(kinerja, serapan, batas_kinerja: float, batas_serapan: float) -> str | None:
    """Aturan yang sama dengan makro SQL ``kuadran``: batas termasuk ke sisi atas/kanan."""
    if kosong(kinerja) or kosong(serapan):
        return None
    if kinerja >= batas_kinerja:
        return "Efektif-efisien" if serapan < batas_serapan else "Efektif"
    return "Tidak efektif-tidak efisien" if serapan >= batas_serapan else "Belum optimal"


def label_kuadran(nama) -> str:
    """'Efektif' -> '◆ Efektif' (simbol sama dengan titik di grafik); kosong -> '–'."""
    if not isinstance(nama, str) or nama not in KUADRAN:
        return "–"
    return f"{KUADRAN[nama]['tanda']} {nama}"


def persen_ringkas(x) -> str:
    """91 -> '91%', 67.5 -> '67,5%', 84.537 -> '84,54%'."""
    return "–" if kosong(x) else f"{format_ringkas(round(float(x), 2))}%"


def label_pendek(nama: str, n: int = 22) -> str:
    """Label titik: tanpa awalan 'Dinas ', dipotong dengan '…' agar terbaca di proyektor."""
    t = str(nama)
    for awalan in ("Dinas ", "Badan "):
        if t.startswith(awalan) and len(t) > n:
            t = t[len(awalan):]
            break
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def keterangan_garis(batas_kinerja: float, batas_serapan: float, triwulan) -> str:
    """Kalimat keterangan garis batas. ``batas_serapan`` adalah batas yang dipakai (sudah disesuaikan);
    bila data anggaran baru s.d. triwulan k < 4, batas setahunnya (= batas x 4/k) ikut disebut."""
    teks = f"Garis: kinerja {persen_ringkas(batas_kinerja)}, serapan {persen_ringkas(batas_serapan)}"
    k = None if kosong(triwulan) else int(triwulan)
    if k is not None and 1 <= k < 4:
        setahun = round(batas_serapan * 4 / k, 2)
        teks += (f" (tahun berjalan, data anggaran s.d. Triwulan {ROMAWI[k]}: "
                 f"{k}/4 × {persen_ringkas(setahun)})")
    return teks


def _bulat_bawah(x: float, ke: int = 10) -> float:
    return math.floor(x / ke) * ke


def rentang_sumbu(df: pd.DataFrame, batas_kinerja: float, batas_serapan: float) -> tuple[list, list]:
    """Rentang x (serapan) dan y (kinerja): memuat semua titik, kedua garis dan 100%, dengan ruang di atas 100
    untuk label titik dan nama kuadran."""
    s = [v for v in df["serapan"].tolist() if not kosong(v)] + [batas_serapan]
    k = [v for v in df["kinerja"].tolist() if not kosong(v)] + [batas_kinerja]
    x0 = max(0.0, _bulat_bawah(min(s) - 6))
    x1 = max(105.0, max(s) + 6)
    y0 = max(0.0, _bulat_bawah(min(k) - 8))
    y1 = max(112.0, max(k) + 12)
    return [x0, x1], [y0, y1]


def _teks_hover(r) -> list:
    return [
        str(r.kelompok), label_kuadran(r.kuadran), persen_ringkas(r.kinerja), persen_ringkas(r.serapan),
        rupiah_ringkas(r.pagu), rupiah_ringkas(r.realisasi_anggaran), int(r.jumlah_indikator),
        int(r.jumlah_berdata), int(r.jumlah_sub_kegiatan),
    ]


HOVER = ("<b>%{customdata[0]}</b><br>%{customdata[1]}"
         "<br>Capaian kinerja: %{customdata[2]} (%{customdata[7]} dari %{customdata[6]} indikator berdata)"
         "<br>Serapan anggaran: %{customdata[3]}"
         "<br>Pagu: %{customdata[4]} · realisasi: %{customdata[5]}"
         "<br>%{customdata[8]} sub kegiatan<extra></extra>")


def gambar(df: pd.DataFrame, *, batas_kinerja: float, batas_serapan: float, tinggi: int = 540,
           ukuran_huruf: int = 15, maks_label: int = 12, label_terendah: int = 6) -> go.Figure:
    """Grafik kuadran. ``df``: kolom kelompok, kinerja, serapan, pagu, realisasi_anggaran, jumlah_indikator,
    jumlah_berdata, jumlah_sub_kegiatan (dan kuadran; dihitung dari batas bila tidak ada). Kelompok tanpa
    kinerja atau serapan tidak digambar (halaman menyebutkannya).

    Label pendek: semua titik bila paling banyak ``maks_label``; bila lebih, hanya ``label_terendah`` titik
    dengan kinerja terendah (yang paling perlu dibahas); nama lengkap selalu ada di hover."""
    d = df.copy()
    if "kuadran" not in d:
        d["kuadran"] = None
    d["kuadran"] = [q if isinstance(q, str) else nama_kuadran(k, s, batas_kinerja, batas_serapan)
                    for q, k, s in zip(d["kuadran"], d["kinerja"], d["serapan"])]
    d = d[d["kinerja"].notna() & d["serapan"].notna()].reset_index(drop=True)
    (x0, x1), (y0, y1) = rentang_sumbu(d, batas_kinerja, batas_serapan)

    fig = go.Figure()
    # Arsir empat kuadran (tipis, di bawah titik) dan namanya di sudut luar masing-masing.
    kecil = max(ukuran_huruf - 2, 12)
    for nama, q in KUADRAN.items():
        fig.add_shape(type="rect", layer="below", line={"width": 0}, fillcolor=q["warna"], opacity=0.08,
                      x0=batas_serapan if q["kanan"] else x0, x1=x1 if q["kanan"] else batas_serapan,
                      y0=batas_kinerja if q["atas"] else y0, y1=y1 if q["atas"] else batas_kinerja)
        fig.add_annotation(
            x=x1 if q["kanan"] else x0, y=y1 if q["atas"] else y0,
            xanchor="right" if q["kanan"] else "left", yanchor="top" if q["atas"] else "bottom",
            xshift=-6 if q["kanan"] else 6, yshift=-4 if q["atas"] else 4, showarrow=False,
            text=f"<span style='color:{q['warna']}'>{q['tanda']}</span> <b>{nama}</b>",
            font={"size": kecil}, name=f"kuadran {nama}")
    # Garis batas, dengan nilainya di ujung garis.
    fig.add_shape(type="line", x0=batas_serapan, x1=batas_serapan, y0=y0, y1=y1, layer="below",
                  line={"color": GARIS, "width": 2, "dash": "dash"}, name="batas serapan")
    fig.add_shape(type="line", x0=x0, x1=x1, y0=batas_kinerja, y1=batas_kinerja, layer="below",
                  line={"color": GARIS, "width": 2, "dash": "dash"}, name="batas kinerja")
    fig.add_annotation(x=batas_serapan, y=y0, xanchor="left", yanchor="bottom", xshift=4, yshift=26,
                       showarrow=False, text=f"serapan {persen_ringkas(batas_serapan)}",
                       font={"size": kecil - 1, "color": GARIS}, name="label batas serapan")
    fig.add_annotation(x=(x0 + x1) / 2, y=batas_kinerja, xanchor="center", yanchor="bottom", yshift=1,
                       showarrow=False, text=f"kinerja {persen_ringkas(batas_kinerja)}",
                       font={"size": kecil - 1, "color": GARIS}, name="label batas kinerja")

    # Titik: ukuran (luas) sebanding pagu.
    pagu_maks = max([v for v in d["pagu"].tolist() if not kosong(v) and v > 0] or [1.0])
    d["_ukuran"] = [12 + 30 * math.sqrt(max(p, 0) / pagu_maks) if not kosong(p) else 12 for p in d["pagu"]]
    if len(d) <= maks_label:
        berlabel = set(d.index)
    else:
        berlabel = set(d.sort_values(["kinerja", "serapan"]).index[:label_terendah])
    for nama, q in KUADRAN.items():
        b = d[d["kuadran"] == nama]
        if b.empty:
            continue
        fig.add_trace(go.Scatter(
            x=b["serapan"], y=b["kinerja"], mode="markers+text", name=f"{q['tanda']} {nama} ({len(b)})",
            marker={"symbol": q["simbol"], "color": q["warna"], "size": b["_ukuran"].tolist(), "opacity": 0.85,
                    "line": {"color": "#222222", "width": 1}},
            text=[label_pendek(k) if i in berlabel else "" for i, k in zip(b.index, b["kelompok"])],
            textposition="top center", textfont={"size": kecil}, cliponaxis=False,
            customdata=[_teks_hover(r) for r in b.itertuples()], hovertemplate=HOVER,
        ))
    fig.update_xaxes(range=[x0, x1], title={"text": JUDUL_X}, ticksuffix="%", showgrid=False, zeroline=False)
    fig.update_yaxes(range=[y0, y1], title={"text": JUDUL_Y}, ticksuffix="%", showgrid=False, zeroline=False)
    tata_letak(fig, tinggi=tinggi, ukuran_huruf=ukuran_huruf, legenda=True)
    fig.update_layout(margin={"l": 10, "r": 20, "t": 40, "b": 10},
                      legend={"itemsizing": "constant", "itemclick": False, "itemdoubleclick": False,
                              "font": {"size": kecil}})
    return fig
