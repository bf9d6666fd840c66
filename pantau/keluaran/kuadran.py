"""Kuadran kinerja vs anggaran (keputusan #10): fungsi murni, DataFrame masuk, ``go.Figure`` atau teks keluar.

Sumbu x = serapan anggaran (%), sumbu y = capaian kinerja (%), satu titik per kelompok (urusan atau perangkat
daerah) dari ``queries/kuadran_kinerja_anggaran.sql``. Dua garis batas membagi bidang menjadi empat kuadran yang
diarsir tipis dan diberi nama di sudutnya. Titik berukuran menurut pagu, berwarna Okabe-Ito menurut kuadran
DAN bersimbol berbeda (warna tidak pernah satu-satunya penanda).
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from pantau.aturan.aman import html as teks_aman  # nama perangkat daerah dari impor, di label dan hover Plotly
from pantau.aturan.angka import format_ringkas
from pantau.aturan.format import ROMAWI, kosong, rupiah_ringkas
from pantau.keluaran.grafik import tata_letak

#: Nama kuadran (dari makro SQL ``kuadran``), letaknya, warna Okabe-Ito, simbol Plotly dan simbol teks.
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
    """Kalimat keterangan garis batas. ``batas_serapan`` adalah batas yang dipakai: setahun, atau untuk tahun
    yang data anggarannya baru s.d. triwulan k < 4, batas kumulatif s.d. triwulan itu (pengaturan)."""
    teks = f"Garis: kinerja {persen_ringkas(batas_kinerja)}, serapan {persen_ringkas(batas_serapan)}"
    k = None if kosong(triwulan) else int(triwulan)
    if k is not None and 1 <= k < 4:
        teks += (f" (tahun berjalan, data anggaran s.d. Triwulan {ROMAWI[k]}: batas serapan kumulatif s.d. "
                 f"Triwulan {ROMAWI[k]})")
    return teks


def tanda_sumbu(awal: float, akhir: float, batas: float, langkah: int = 10) -> tuple[list, list]:
    """Tanda sumbu tiap ``langkah`` persen dari ``awal`` s.d. ``akhir``, ditambah nilai batas (tebal); tanda biasa
    yang terlalu dekat dengan batas dibuang agar teksnya tidak bertumpuk."""
    nilai = [v for v in range(int(math.ceil(awal / langkah) * langkah), int(akhir) + 1, langkah)
             if abs(v - batas) >= langkah * 0.45]
    tanda = sorted(nilai + [batas])
    return tanda, [f"<b>{persen_ringkas(v)}</b>" if v == batas else persen_ringkas(v) for v in tanda]


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
        teks_aman(r.kelompok), label_kuadran(r.kuadran), persen_ringkas(r.kinerja), persen_ringkas(r.serapan),
        rupiah_ringkas(r.pagu), rupiah_ringkas(r.realisasi_anggaran), int(r.jumlah_indikator),
        int(r.jumlah_berdata), int(r.jumlah_sub_kegiatan),
    ]


def pilih_label(d: pd.DataFrame, batas_kinerja: float, *, maks_label: int = 12, label_bawah: int = 8) -> set:
    """Titik yang diberi label pendek: semua bila paling banyak ``maks_label``; bila lebih, hanya kelompok di
    bawah batas kinerja (yang perlu dibahas), paling banyak ``label_bawah``, kinerja terendah dulu."""
    if len(d) <= maks_label:
        return set(d.index)
    bawah = d[d["kinerja"] < batas_kinerja].sort_values(["kinerja", "serapan"])
    return set(bawah.index[:label_bawah])


#: Posisi label yang dicoba, dengan arah geser kotak label terhadap titik (dx, dy dalam kelipatan lebar/tinggi).
_POSISI = {"top center": (-0.5, 1), "bottom center": (-0.5, -2), "middle right": (0, -0.5),
           "middle left": (-1, -0.5), "top right": (0, 1), "top left": (-1, 1), "bottom right": (0, -2),
           "bottom left": (-1, -2)}


def posisi_label(d: pd.DataFrame, berlabel: set, rx, ry, *, tinggi: int, ukuran_huruf: int,
                 lebar_plot: tuple[int, ...] = (690, 1000, 1320)) -> dict:
    """Pilih ``textposition`` tiap label secara rakus agar label tidak menimpa titik lain atau label lain.

    Lebar grafik di layar tidak diketahui di sini (lebar kolom halaman): setiap posisi dinilai pada beberapa
    lebar bidang (kira-kira 1280x720, 1600 dan 1920x1080 dengan panel samping) dan yang terbaik untuk semuanya
    dipakai. Tidak sempurna, tetapi jauh lebih baik daripada semua label di atas titik."""
    tinggi_plot = max(tinggi - 116, 200)
    urut = sorted(berlabel, key=lambda i: (d.at[i, "kinerja"], d.at[i, "serapan"]))
    ukuran = {i: (len(label_pendek(d.at[i, "kelompok"])) * ukuran_huruf * 0.5, ukuran_huruf * 1.2) for i in urut}

    def kotak(cx, cy, r, w, h, nama):
        fx, fy = _POSISI[nama]
        ox = cx + fx * w + (r + 2 if fx == 0 else -(r + 2) if fx == -1 else 0)
        oy = cy + (fy * h if fy == -0.5 else (r + 2 if fy == 1 else -(r + 2) - h))
        return (ox, oy, ox + w, oy + h)

    bidang = []
    for lebar in lebar_plot:
        titik = {i: ((r.serapan - rx[0]) / (rx[1] - rx[0]) * lebar,
                     (r.kinerja - ry[0]) / (ry[1] - ry[0]) * tinggi_plot, r.ukuran_px / 2)
                 for i, r in zip(d.index, d.itertuples())}
        bidang.append((lebar, titik, []))
    hasil = {}
    for i in urut:
        w, h = ukuran[i]
        terbaik, skor_terbaik = "top center", None
        for nama in _POSISI:
            skor = 0.0
            for lebar, titik, terpasang in bidang:
                cx, cy, r = titik[i]
                k = kotak(cx, cy, r, w, h, nama)
                skor += sum(_tumpang(k, (x - q, y - q, x + q, y + q)) for j, (x, y, q) in titik.items() if j != i)
                skor += 2 * sum(_tumpang(k, t) for t in terpasang)
                # di luar bidang gambar (terpotong, atau menimpa nama kuadran di sudut)
                skor += 3 * (max(0, -k[0]) + max(0, k[2] - lebar)) * h + 3 * max(0, k[3] - tinggi_plot) * w
            if skor_terbaik is None or skor < skor_terbaik - 1e-6:
                terbaik, skor_terbaik = nama, skor
        for _lebar, titik, terpasang in bidang:
            terpasang.append(kotak(*titik[i], w, h, terbaik))
        hasil[i] = terbaik
    return hasil


def _tumpang(a: tuple, b: tuple) -> float:
    """Luas irisan dua kotak (x0, y0, x1, y1)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


HOVER = ("<b>%{customdata[0]}</b><br>%{customdata[1]}"
         "<br>Capaian kinerja: %{customdata[2]} (%{customdata[7]} dari %{customdata[6]} indikator berdata)"
         "<br>Serapan anggaran: %{customdata[3]}"
         "<br>Pagu: %{customdata[4]} · realisasi: %{customdata[5]}"
         "<br>%{customdata[8]} sub kegiatan<extra></extra>")


def gambar(df: pd.DataFrame, *, batas_kinerja: float, batas_serapan: float, tinggi: int = 540,
           ukuran_huruf: int = 15, maks_label: int = 12, label_bawah: int = 8) -> go.Figure:
    """Grafik kuadran. ``df``: kolom kelompok, kinerja, serapan, pagu, realisasi_anggaran, jumlah_indikator,
    jumlah_berdata, jumlah_sub_kegiatan dan kuadran (dari makro SQL ``kuadran``, satu-satunya definisinya). Kelompok
    tanpa kinerja atau serapan tidak digambar (halaman menyebutkannya).

    Label pendek: lihat ``pilih_label``; nama lengkap selalu ada di hover. Setiap kuadran selalu punya entri
    legenda (juga yang kosong, dengan jumlah 0), jadi legenda menjelaskan keempat simbol."""
    d = df[df["kinerja"].notna() & df["serapan"].notna()].reset_index(drop=True)
    (x0, x1), (y0, y1) = rentang_sumbu(d, batas_kinerja, batas_serapan)

    fig = go.Figure()
    # Arsir empat kuadran (tipis, di bawah titik) dan namanya di sudut luar masing-masing. Semua bentuk dan anotasi
    # dipasang dalam satu update_layout: add_shape/add_annotation memvalidasi ulang seluruh daftar setiap kali.
    kecil = max(ukuran_huruf - 2, 12)
    bentuk, anotasi = [], []
    for nama, q in KUADRAN.items():
        bentuk.append({"type": "rect", "layer": "below", "line": {"width": 0}, "fillcolor": q["warna"],
                       "opacity": 0.08, "x0": batas_serapan if q["kanan"] else x0,
                       "x1": x1 if q["kanan"] else batas_serapan, "y0": batas_kinerja if q["atas"] else y0,
                       "y1": y1 if q["atas"] else batas_kinerja})
        anotasi.append({
            "x": x1 if q["kanan"] else x0, "y": y1 if q["atas"] else y0,
            "xanchor": "right" if q["kanan"] else "left", "yanchor": "top" if q["atas"] else "bottom",
            "xshift": -6 if q["kanan"] else 6, "yshift": -4 if q["atas"] else 4, "showarrow": False,
            "text": f"<span style='color:{q['warna']}'>{q['tanda']}</span> <b>{nama}</b>",
            "font": {"size": kecil}, "name": f"kuadran {nama}"})
    # Garis batas; nilainya tampil tebal di sumbu (bukan teks di dalam bidang, yang bisa menimpa titik).
    bentuk.append({"type": "line", "x0": batas_serapan, "x1": batas_serapan, "y0": y0, "y1": y1, "layer": "below",
                   "line": {"color": GARIS, "width": 2, "dash": "dash"}, "name": "batas serapan"})
    bentuk.append({"type": "line", "x0": x0, "x1": x1, "y0": batas_kinerja, "y1": batas_kinerja, "layer": "below",
                   "line": {"color": GARIS, "width": 2, "dash": "dash"}, "name": "batas kinerja"})
    fig.update_layout(shapes=bentuk, annotations=anotasi)

    # Titik: ukuran (luas) sebanding pagu.
    pagu_maks = max([v for v in d["pagu"].tolist() if not kosong(v) and v > 0] or [1.0])
    d["ukuran_px"] = [12 + 30 * math.sqrt(max(p, 0) / pagu_maks) if not kosong(p) else 12 for p in d["pagu"]]
    berlabel = pilih_label(d, batas_kinerja, maks_label=maks_label, label_bawah=label_bawah)
    posisi = posisi_label(d, berlabel, (x0, x1), (y0, y1), tinggi=tinggi, ukuran_huruf=kecil)
    for nama, q in KUADRAN.items():
        b = d[d["kuadran"] == nama]
        # Kuadran tanpa titik tetap masuk legenda (x=[None]): legenda selalu menjelaskan keempat simbol.
        fig.add_trace(go.Scatter(
            x=b["serapan"].tolist() or [None], y=b["kinerja"].tolist() or [None], mode="markers+text",
            name=f"{nama} ({len(b)})",
            marker={"symbol": q["simbol"], "color": q["warna"], "size": b["ukuran_px"].tolist() or 14,
                    "opacity": 0.85, "line": {"color": "#222222", "width": 1}},
            text=[teks_aman(label_pendek(k)) if i in berlabel else "" for i, k in zip(b.index, b["kelompok"])],
            textposition=[posisi.get(i, "top center") for i in b.index],
            textfont={"size": kecil, "shadow": "auto"}, cliponaxis=False,
            customdata=[_teks_hover(r) for r in b.itertuples()], hovertemplate=HOVER,
        ))
    tx, tx_teks = tanda_sumbu(x0, x1, batas_serapan)
    fig.update_xaxes(range=[x0, x1], title={"text": JUDUL_X}, showgrid=False, zeroline=False,
                     tickmode="array", tickvals=tx, ticktext=tx_teks)
    # Kinerja rata-rata tidak pernah di atas 100: tanda sumbu berhenti di 100 (ruang di atasnya untuk label).
    ty, ty_teks = tanda_sumbu(y0, 100, batas_kinerja)
    fig.update_yaxes(range=[y0, y1], title={"text": JUDUL_Y}, showgrid=False, zeroline=False,
                     tickmode="array", tickvals=ty, ticktext=ty_teks)
    tata_letak(fig, tinggi=tinggi, ukuran_huruf=ukuran_huruf, legenda=True, lain={
        "margin": {"l": 10, "r": 20, "t": 40, "b": 10},
        "legend": {"itemsizing": "constant", "itemclick": False, "itemdoubleclick": False, "font": {"size": kecil}}})
    return fig
