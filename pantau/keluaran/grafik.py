"""Gambar Plotly untuk halaman Pantau. Fungsi murni: DataFrame masuk, ``go.Figure`` keluar.

Semua gambar memakai pemisah Indonesia (koma desimal, titik ribuan), warna aman buta warna dari
tabel ``skala_predikat``, dan tidak pernah menyandikan predikat dengan warna saja (label/simbol).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from pantau.aturan.aman import html as teks_aman  # plotly.js membaca <b>, <a>, <br> di label dan hover
from pantau.aturan.format import (
    angka_sebanding,
    format_angka,
    format_ringkas,
    kosong,
    nilai_target,
    periode_label,
    sd_label,
)

#: "Source Sans" = huruf web Streamlit (layar); "Source Sans 3" = berkas pantau/huruf untuk kaleido (PNG, dek).
#: Nama berkutip: tanpa kutip, "Source Sans 3" (kata yang diawali angka) membuat seluruh deklarasi CSS tidak sah
#: dan Chromium kaleido jatuh ke huruf serif bawaan.
FONT = '"Source Sans", "Source Sans 3", "Source Sans Pro", Arial, sans-serif'
#: Warna teks sumbu, legenda, judul dan anotasi, diatur eksplisit: tanpa itu tema Plotly Streamlit memberi label
#: sumbu gray70 #808495 (3,7:1 pada putih, terlalu pucat untuk proyektor). "#000037" adalah warna sementara
#: tema itu (``streamlit_plotly_theme.GRAY_90``) yang diganti peramban sesuai tema: gray90 #262730 di tema terang
#: (15:1 pada putih), gray10 #FAFAFA di tema gelap (17:1 pada #12151A). Ekspor memakai ``untuk_ekspor``.
WARNA_TEKS = "#000037"
WARNA_TEKS_TEMA = {"terang": "#262730", "gelap": "#FAFAFA"}
#: Latar tema (.streamlit/config.toml) untuk uji kontras.
LATAR_TEMA = {"terang": "#FFFFFF", "gelap": "#12151A"}
WARNA_TARGET = "#8C8C8C"
WARNA_REALISASI = "#0072B2"
WARNA_TRIWULAN = "#999999"
WARNA_PROYEKSI = "#CC79A7"
WARNA_KOSONG = "rgba(140,140,140,0.35)"  # abu-abu yang terbaca di tema terang dan gelap
#: Konfigurasi plotly.js: tombol unduh PNG bawaan, tanpa logo, teks Indonesia.
KONFIG = {"displaylogo": False, "locale": "id",
          "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
          "toImageButtonOptions": {"format": "png", "scale": 2}}


TEKS_DI_GELAP, TEKS_DI_TERANG = "#FFFFFF", "#111111"


#: Templat semua gambar Pantau. Dipasang sebagai bawaan proses, bukan ``update_layout(template=...)`` per gambar:
#: menetapkan templat pada gambar memvalidasi ulang seluruh templat (~30 ms per gambar), sedangkan templat bawaan
#: dipakai apa adanya saat gambar dibuat (keputusan #15).
pio.templates.default = "plotly_white"


def luminans(warna: str) -> float:
    """Luminans relatif WCAG 2 dari '#RRGGBB'."""
    h = warna.lstrip("#")
    c = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def kontras(a: str, b: str) -> float:
    """Rasio kontras WCAG 2 dua warna '#RRGGBB' (1 sampai 21; teks biasa perlu >= 4,5)."""
    la, lb = sorted((luminans(a), luminans(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def teks_di_atas(latar: str) -> str:
    """Warna teks (putih atau hampir hitam) yang kontrasnya lebih tinggi di atas ``latar``."""
    return TEKS_DI_GELAP if kontras(TEKS_DI_GELAP, latar) >= kontras(TEKS_DI_TERANG, latar) else TEKS_DI_TERANG


def tata_letak(fig: go.Figure, *, tinggi: int, ukuran_huruf: int = 15, legenda: bool = False,
               lain: dict | None = None) -> go.Figure:
    """Tata letak bersama semua gambar Pantau: tinggi, pemisah Indonesia, huruf, margin, legenda mendatar, dan warna
    teks eksplisit (``WARNA_TEKS``) untuk setiap sumbu, judul, skala warna dan anotasi yang belum berwarna: tema
    Streamlit menimpa warna templat (sumbu, judul sumbu, legenda), tidak menimpa nilai tata letak.

    ``lain``: tata letak khusus gambar itu, digabung terakhir (sama dengan ``fig.update_layout(**lain)`` sesudahnya).

    Digabung pada dict tata letak lalu dipasang sekali (``fig.layout = …``), bukan lewat ``update_layout`` dan
    ``update_xaxes`` berkali-kali: mesin pembaruan plotly.py memakan ~9 ms per gambar plus ~3-12 ms per
    ``update_layout`` tambahan, cara ini ~3 ms, dengan JSON yang sama persis (keputusan #15)."""
    warna = {"color": WARNA_TEKS}
    lay = fig.layout.to_plotly_json()
    lay.pop("template", None)  # templat bawaan dipasang kembali oleh plotly.py apa adanya, tanpa divalidasi ulang
    _gabung(lay, {
        "height": tinggi, "separators": ",.", "font": {"family": FONT, "size": ukuran_huruf, **warna},
        "margin": {"l": 10, "r": 20, "t": 10, "b": 10}, "showlegend": legenda,
        "hoverlabel": {"font": {"family": FONT, "size": ukuran_huruf, **warna}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0,
                   "font": dict(warna), "title": {"font": dict(warna)}},
    })
    # setiap sumbu x/y yang ada, dan xaxis/yaxis selalu (seperti update_xaxes: plotly.py selalu punya keduanya)
    for k in dict.fromkeys(["xaxis", "yaxis", *(k for k in lay if k.startswith(("xaxis", "yaxis")))]):
        _gabung(lay.setdefault(k, {}), {"tickfont": dict(warna), "title": {"font": dict(warna)}})
    for a in lay.get("annotations", []):
        a.setdefault("font", {}).setdefault("color", WARNA_TEKS)
    if (lay.get("title") or {}).get("text"):
        _gabung(lay, {"title": {"font": dict(warna)}})
    _gabung(lay, lain or {})
    fig.layout = lay
    for t in fig.data:
        if "colorbar" in t and t.showscale is not False:
            t.update(colorbar={"tickfont": dict(warna), "title": {"font": dict(warna)}})
    return fig


def _garis_tegak(fig: go.Figure, x, garis: dict, **kw) -> None:
    """Garis tegak selebar sumbu y, sama dengan ``fig.add_vline`` (JSON yang sama) tanpa pencarian subplot plotly.py
    yang memakan 2-7 ms per garis."""
    fig.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain", line=garis, **kw)


def _gabung(tujuan: dict, tambahan: dict) -> dict:
    """Gabungkan ``tambahan`` ke ``tujuan`` secara mendalam (nilai ``tambahan`` menang), seperti ``update_layout``."""
    for k, v in tambahan.items():
        if isinstance(v, dict) and isinstance(tujuan.get(k), dict):
            _gabung(tujuan[k], v)
        else:
            tujuan[k] = v
    return tujuan


def untuk_ekspor(fig: go.Figure) -> go.Figure:
    """Salinan gambar untuk PNG dan dek (kaleido, tanpa tema Streamlit): warna teks tema terang menggantikan warna
    sementara ``WARNA_TEKS``, latar putih. Gambar aslinya (di layar) tidak berubah."""
    salinan = pio.from_json(fig.to_json().replace(WARNA_TEKS, WARNA_TEKS_TEMA["terang"]))
    return salinan.update_layout(paper_bgcolor=LATAR_TEMA["terang"])


def predikat_batang(df: pd.DataFrame, *, tinggi: int = 300) -> go.Figure:
    """Jumlah indikator per predikat: batang mendatar berlabel simbol + nama + jumlah."""
    df = df[df["jumlah"] > 0] if (df["jumlah"] > 0).any() else df
    df = df.sort_values("urutan")
    label = [f"{s} {p}" for s, p in zip(df["simbol"], df["predikat"])]
    fig = go.Figure(go.Bar(
        x=df["jumlah"], y=label, orientation="h",
        marker={"color": df["warna"].tolist(), "line": {"color": "#333333", "width": 0.5}},
        text=df["jumlah"], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x} indikator<extra></extra>",
    ))
    fig.update_xaxes(visible=False, range=[0, max(1, df["jumlah"].max()) * 1.2])
    tata_letak(fig, tinggi=tinggi, lain={"margin": {"l": _margin_kiri(label, 15)}})
    return fig


def _potong(teks: str, n: int = 26) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def _margin_kiri(label: list[str], ukuran_huruf: int) -> int:
    """Lebar margin kiri dari label terpanjang (Plotly mengukur dengan huruf cadangan, jadi beri ruang)."""
    return int(max((len(x) for x in label), default=10) * ukuran_huruf * 0.55) + 16


def capaian_urusan(urusan: pd.DataFrame, skala: pd.DataFrame, panas: pd.DataFrame | None = None,
                   *, tinggi: int | None = None, ukuran_huruf: int = 14) -> go.Figure:
    """Capaian per urusan dalam satu gambar. Kabupaten/kota: batang rata-rata capaian (tiap indikator dibatasi
    100, garis 100%). Provinsi: satu kisi urusan x daerah, kolom pertama provinsi itu sendiri, lalu setiap
    kabupaten/kota; setiap sel berwarna predikat DAN bertuliskan angkanya. Urusan terlemah (menurut provinsi/daerah
    ini) di atas. Sel tanpa data abu-abu bertanda '–', tidak pernah tampak seperti nilai rendah.
    """
    u = urusan.sort_values(["rata_capaian", "urusan"], ascending=[True, True], na_position="last")
    urutan = list(u["urusan"])
    if panas is not None and not panas.empty:
        urutan += [x for x in dict.fromkeys(panas["urusan"]) if x not in urutan]
        return _kisi_urusan(u, urutan, skala, panas, tinggi=tinggi, ukuran_huruf=ukuran_huruf)
    label = [_potong(x) for x in urutan]
    baris = dict(zip(urutan, label))
    tinggi = tinggi or max(300, 19 * len(urutan) + 60)
    fig = go.Figure()
    teks = ["–" if kosong(v) else format_angka(v, 2) for v in u["rata_capaian"]]
    fig.add_trace(go.Bar(
        x=u["rata_capaian"].fillna(0), y=[baris[x] for x in u["urusan"]], orientation="h",
        marker={"color": [w if isinstance(w, str) else WARNA_KOSONG for w in u["warna"]],
                "line": {"color": "#333333", "width": 0.5}},
        text=teks, textposition="outside", cliponaxis=False, textfont={"size": ukuran_huruf - 2},
        customdata=list(zip(u["urusan"], u["predikat"].fillna("belum ada data"), u["jumlah_berdata"],
                            u["jumlah_indikator"])),
        hovertemplate=("%{customdata[0]}<br>Rata-rata capaian: %{x:.2f}%<br>Predikat: %{customdata[1]}"
                       "<br>%{customdata[2]} dari %{customdata[3]} indikator berdata<extra></extra>"),
        showlegend=False,
    ))
    _garis_tegak(fig, 100, {"color": "#8C8C8C", "dash": "dash", "width": 1.5}, layer="below")
    fig.update_xaxes(range=[0, 128], tickvals=[0, 50, 100], ticksuffix="%", side="top")
    fig.update_yaxes(categoryorder="array", categoryarray=label[::-1], tickfont={"size": ukuran_huruf - 1})
    tata_letak(fig, tinggi=tinggi, ukuran_huruf=ukuran_huruf,
               lain={"margin": {"l": _margin_kiri(label, ukuran_huruf - 1), "t": 30, "b": 10}})
    return fig


#: Nama kolom provinsi di kisi urusan x daerah (kolom pertama).
KOLOM_PROVINSI = "Provinsi"


def _kisi_urusan(u: pd.DataFrame, urutan: list[str], skala: pd.DataFrame, panas: pd.DataFrame,
                 *, tinggi: int | None, ukuran_huruf: int) -> go.Figure:
    """Kisi urusan x (provinsi, kabupaten/kota...) untuk ``capaian_urusan``. Tanpa batang terpisah, sehingga pada
    1280x720 setiap kolom cukup lebar untuk nama daerahnya (tegak) dan angka selnya (>= 10 px)."""
    label = [_potong(x, 24) for x in urutan]
    baris = dict(zip(urutan, label))
    skala = skala.sort_values("urutan")
    n = len(skala)
    warna_skala = []
    for i, w in enumerate(skala["warna"]):
        warna_skala += [[i / n, w], [(i + 1) / n, w]]
    urutan_pred = dict(zip(skala["predikat"], skala["urutan"]))
    prov = pd.DataFrame({"daerah": KOLOM_PROVINSI, "urusan": u["urusan"], "rata_capaian": u["rata_capaian"],
                         "predikat": u["predikat"],
                         "urutan_predikat": [urutan_pred.get(p) for p in u["predikat"]]})
    p = pd.concat([prov, panas[["daerah", "urusan", "rata_capaian", "predikat", "urutan_predikat"]]],
                  ignore_index=True)
    daerah = [KOLOM_PROVINSI] + [d for d in dict.fromkeys(panas["daerah"]) if d != KOLOM_PROVINSI]
    p = p.assign(y=p["urusan"].map(baris))
    z = p.pivot_table(index="y", columns="daerah", values="urutan_predikat", aggfunc="first",
                      dropna=False).reindex(index=label, columns=daerah)
    nilai = p.pivot_table(index="y", columns="daerah", values="rata_capaian", aggfunc="first",
                          dropna=False).reindex(index=label, columns=daerah)
    pred = p.pivot_table(index="y", columns="daerah", values="predikat", aggfunc="first",
                         dropna=False).reindex(index=label, columns=daerah)
    fig = go.Figure()
    # Larik numpy, bukan list bersarang: plotly.py memvalidasi list bersarang sel demi sel (~1.200 sel x 3 jejak).
    hilang = nilai.isna().to_numpy()
    fig.add_trace(go.Heatmap(
        z=np.where(hilang, 1, np.nan).astype(np.float32), x=daerah, y=label,
        colorscale=[[0, WARNA_KOSONG], [1, WARNA_KOSONG]],
        showscale=False, xgap=1, ygap=2, text=np.where(hilang, "–", "").astype(object),
        texttemplate="%{text}", hovertemplate="%{x} · %{y}<br>belum ada data<extra></extra>"))
    # Angka di tiap sel, dua lapis dengan warna teks tetap: putih atau hitam, mana yang kontrasnya lebih tinggi
    # terhadap warna sel — terbaca di tema apa pun (#D55E00 Sangat Rendah: hitam 4,9:1, putih hanya 3,9:1).
    gelap = {int(u) for u, w in zip(skala["urutan"], skala["warna"]) if teks_di_atas(w) == TEKS_DI_GELAP}
    # bilangan bulat, kecuali bila pembulatan menyeberangi batas predikat warna selnya (90,96 bukan "91" Tinggi)
    batas = skala["batas_bawah"].tolist() if "batas_bawah" in skala else []
    teks = np.array([["" if kosong(v) else angka_sebanding(v, batas) for v in r] for r in nilai.values], dtype=object)
    info = np.array([[f"{format_angka(v, 2)}% · {pr}" if not kosong(v) else "" for v, pr in zip(rv, rp)]
                     for rv, rp in zip(nilai.values, pred.values)], dtype=object)
    ukuran_sel = ukuran_huruf - 3 if len(daerah) <= 11 else ukuran_huruf - 4
    zf = z.to_numpy(dtype=float)
    ada = ~np.isnan(zf)
    for pakai_gelap in (False, True):
        pilih = ada & (np.isin(np.nan_to_num(zf, nan=-1).astype(int), list(gelap)) == pakai_gelap)
        fig.add_trace(go.Heatmap(
            z=np.where(pilih, zf, np.nan).astype(np.float32),
            x=daerah, y=label, zmin=0.5, zmax=n + 0.5, colorscale=warna_skala, xgap=1, ygap=2,
            text=np.where(pilih, teks, ""), texttemplate="%{text}",
            textfont={"color": TEKS_DI_GELAP if pakai_gelap else TEKS_DI_TERANG, "size": ukuran_sel},
            customdata=info, hovertemplate="%{x} · %{y}<br>Rata-rata capaian: %{customdata}<extra></extra>",
            showscale=not pakai_gelap,
            colorbar={"tickvals": list(range(1, n + 1)), "ticktext": skala["predikat"].tolist(),
                      "orientation": "h", "thickness": 12, "len": 0.7, "x": 1, "xanchor": "right",
                      "y": -0.01, "yanchor": "top", "tickfont": {"size": ukuran_huruf - 2}},
        ))
    # Garis pemisah kolom provinsi dari kabupaten/kota.
    _garis_tegak(fig, 0.5, {"color": "#333333", "width": 2})
    # Tegak: semua nama daerah tertulis (miring membuat plotly menyembunyikan separuhnya pada layar 1280).
    fig.update_xaxes(side="top", tickangle=-90, tickfont={"size": ukuran_huruf - 2})
    fig.update_yaxes(categoryorder="array", categoryarray=label[::-1], tickfont={"size": ukuran_huruf - 1})
    tata_letak(fig, tinggi=tinggi or max(300, 19 * len(urutan) + 165), ukuran_huruf=ukuran_huruf,
               lain={"margin": {"l": _margin_kiri(label, ukuran_huruf - 1),
                                "t": _margin_kiri(daerah, ukuran_huruf - 2) + 8, "b": 45}})
    return fig


def _x_triwulan(tahun: int, triwulan: int) -> float:
    """Posisi titik triwulan di sekitar tanda tahunnya: TW I kiri ... TW IV kanan."""
    return tahun - 0.375 + (triwulan - 1) * 0.25


def cerita_indikator(meta: dict, tahunan: pd.DataFrame, triwulan: pd.DataFrame, periode: dict | None,
                     *, tinggi: int = 460, ukuran_huruf: int = 15) -> go.Figure:
    """Satu grafik: kondisi awal, target tahunan (RPJMD, RKPD bila beda), realisasi tahunan dan
    triwulan, target akhir dan proyeksi ke akhir periode ('akhir'); sumber dan status di hover."""
    fig = go.Figure()
    satuan = teks_aman(meta.get("satuan"))
    rentang = meta.get("polaritas") == "rentang"
    kumulatif = meta.get("agregasi") == "kumulatif"
    t = tahunan.copy()

    if rentang and t["target_rpjmd_min"].notna().any():
        band = t.dropna(subset=["target_rpjmd_min"])
        fig.add_trace(go.Scatter(x=band["tahun"], y=band["target_rpjmd_max"], mode="lines",
                                 line={"width": 0}, hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scatter(
            x=band["tahun"], y=band["target_rpjmd_min"], mode="lines", fill="tonexty",
            fillcolor="rgba(140,140,140,0.25)", line={"width": 0}, name="Target RPJMD",
            customdata=[nilai_target(None, a, b) for a, b in zip(band["target_rpjmd_min"], band["target_rpjmd_max"])],
            hovertemplate="%{x}: target RPJMD %{customdata} " + satuan + "<extra></extra>"))
    elif t["target_rpjmd"].notna().any():
        tr = t.dropna(subset=["target_rpjmd"])
        fig.add_trace(go.Scatter(
            x=tr["tahun"], y=tr["target_rpjmd"], mode="lines+markers", name="Target RPJMD",
            line={"color": WARNA_TARGET, "dash": "dash", "width": 2}, marker={"symbol": "line-ew-open", "size": 14},
            hovertemplate="%{x}: target RPJMD %{y:,.2f} " + satuan + "<extra></extra>"))
    rkpd_beda = t[t["target_rkpd"].notna() | t["target_rkpd_min"].notna()]
    if not rkpd_beda.empty:
        y = rkpd_beda["target_rkpd"].where(rkpd_beda["target_rkpd"].notna(),
                                           (rkpd_beda["target_rkpd_min"] + rkpd_beda["target_rkpd_max"]) / 2)
        fig.add_trace(go.Scatter(
            x=rkpd_beda["tahun"], y=y, mode="markers", name="Target RKPD",
            marker={"symbol": "diamond", "size": 13, "color": "#E69F00", "line": {"color": "#333", "width": 1}},
            customdata=[nilai_target(a, b, c) for a, b, c in zip(rkpd_beda["target_rkpd"], rkpd_beda["target_rkpd_min"],
                                                                 rkpd_beda["target_rkpd_max"])],
            hovertemplate="%{x}: target RKPD %{customdata} " + satuan + "<extra></extra>"))

    if not triwulan.empty and triwulan["realisasi"].notna().any():
        tw = triwulan.dropna(subset=["realisasi"])
        judul = "Realisasi s.d. TW" if kumulatif else "Realisasi triwulan"
        fig.add_trace(go.Scatter(
            x=[_x_triwulan(a, b) for a, b in zip(tw["tahun"], tw["triwulan"])], y=tw["realisasi"],
            mode="markers", name=judul,
            marker={"color": WARNA_TRIWULAN, "size": 8,
                    "symbol": ["circle-open" if s == "sementara" else "circle" for s in tw["status"]]},
            customdata=[[periode_label(p), s] for p, s in zip(tw["periode"], tw["status"])],
            hovertemplate="%{customdata[0]} %{x:.0f}: %{y:,.2f} " + satuan + " (%{customdata[1]})<extra></extra>"))

    real = t.dropna(subset=["realisasi"])
    if not real.empty:
        fig.add_trace(go.Scatter(
            x=real["tahun"], y=real["realisasi"], mode="lines+markers", name="Realisasi tahunan",
            line={"color": WARNA_REALISASI, "width": 3},
            marker={"size": 12, "color": WARNA_REALISASI, "line": {"color": WARNA_REALISASI, "width": 2},
                    "symbol": ["circle-open" if s == "sementara" else "circle" for s in real["status"]]},
            customdata=[[s, teks_aman(sumber) or "–", sd_label(sd) or "setahun",
                         "–" if kosong(c) else format_angka(c, 2) + "%", p or "belum ada data"]
                        for s, sumber, sd, c, p in zip(real["status"], real["sumber"], real["realisasi_sd"],
                                                       real["capaian"], real["predikat"])],
            hovertemplate=("%{x}: %{y:,.2f} " + satuan + " (%{customdata[2]})<br>Status: %{customdata[0]}"
                           "<br>Sumber: %{customdata[1]}<br>Capaian: %{customdata[3]} · %{customdata[4]}"
                           "<extra></extra>")))

    if not kumulatif and not kosong(meta.get("kondisi_awal")) and not kosong(meta.get("tahun_kondisi_awal")):
        fig.add_trace(go.Scatter(
            x=[meta["tahun_kondisi_awal"]], y=[meta["kondisi_awal"]], mode="markers+text", name="Kondisi awal",
            marker={"symbol": "square", "size": 12, "color": "#009E73"}, text=["kondisi awal"],
            textposition="bottom center",
            hovertemplate="Kondisi awal %{x}: %{y:,.2f} " + satuan + "<extra></extra>"))

    if periode and not kumulatif:
        akhir = periode.get("tahun_akhir")
        ta = periode.get("target_akhir")
        if rentang and not kosong(periode.get("target_akhir_min")):
            lo, hi = periode["target_akhir_min"], periode["target_akhir_max"]
            fig.add_trace(go.Scatter(x=[akhir, akhir], y=[lo, hi], mode="lines+markers", name="Target akhir",
                                     line={"color": "#D55E00", "width": 6},
                                     hovertemplate=("Target akhir %{x}: " + nilai_target(None, lo, hi)
                                                    + "<extra></extra>")))
        elif not kosong(ta):
            fig.add_trace(go.Scatter(x=[akhir], y=[ta], mode="markers", name="Target akhir",
                                     marker={"symbol": "star", "size": 18, "color": "#D55E00",
                                             "line": {"color": "#333", "width": 1}},
                                     hovertemplate="Target akhir %{x}: %{y:,.2f} " + satuan + "<extra></extra>"))
        proy = periode.get("proyeksi")
        if not kosong(proy) and not real.empty:
            x0, y0 = real["tahun"].iloc[-1], real["realisasi"].iloc[-1]
            fig.add_trace(go.Scatter(
                x=[x0, akhir], y=[y0, proy], mode="lines+markers", name="Proyeksi",
                line={"color": WARNA_PROYEKSI, "dash": "dot", "width": 2.5},
                marker={"symbol": ["circle", "x"], "size": [1, 13], "color": WARNA_PROYEKSI},
                hovertemplate="Proyeksi %{x}: %{y:,.2f} " + satuan + "<extra></extra>"))

    tahun_min = min([x for x in [meta.get("tahun_kondisi_awal"), meta.get("tahun_awal")] if not kosong(x)])
    tahun_maks = meta.get("tahun_akhir")
    fig.update_xaxes(range=[tahun_min - 0.6, tahun_maks + 0.6], dtick=1, tickformat="d", showgrid=False)
    fig.update_yaxes(title={"text": satuan}, tickformat=",.2~f", zeroline=False)
    tata_letak(fig, tinggi=tinggi, ukuran_huruf=ukuran_huruf, legenda=True, lain={"margin": {"t": 60}})
    return fig


def banding_daerah(df: pd.DataFrame, satuan: str, *, tinggi: int | None = None) -> go.Figure:
    """Indikator yang sama antar daerah: batang realisasi, tanda target, daerah sendiri ditonjolkan."""
    df = df.copy()
    satuan = teks_aman(satuan)
    tinggi = tinggi or max(240, 30 * len(df) + 80)
    label = [f"{teks_aman(d)} ◀" if s else teks_aman(d) for d, s in zip(df["daerah"], df["sendiri"])]
    teks = ["belum ada data" if kosong(r) else
            f"{format_ringkas(r)} · {'–' if kosong(c) else format_angka(c, 1) + '%'}"
            for r, c in zip(df["realisasi"], df["capaian"])]
    fig = go.Figure(go.Bar(
        x=df["realisasi"].fillna(0), y=label, orientation="h", name="Realisasi",
        marker={"color": [WARNA_REALISASI if s else "#8FB8DE" for s in df["sendiri"]]},
        text=teks, textposition="outside", cliponaxis=False,
        customdata=list(zip(df["predikat"].fillna("belum ada data"), df["status"].fillna("–"))),
        hovertemplate="%{y}: %{x:,.2f} " + satuan + "<br>Predikat: %{customdata[0]} · %{customdata[1]}<extra></extra>",
    ))
    ada_target = df["target"].notna()
    if ada_target.any():
        fig.add_trace(go.Scatter(
            x=df.loc[ada_target, "target"], y=[label[i] for i in range(len(df)) if ada_target.iloc[i]],
            mode="markers", name="Target", marker={"symbol": "line-ns-open", "size": 22, "color": "#8C8C8C",
                                                  "line": {"width": 3}},
            hovertemplate="%{y}: target %{x:,.2f} " + satuan + "<extra></extra>"))
    maks = max([v for v in list(df["realisasi"].dropna()) + list(df["target"].dropna())] or [1])
    fig.update_xaxes(range=[0, maks * 1.35 if not math.isnan(maks) else 1], title={"text": satuan})
    fig.update_yaxes(autorange="reversed", automargin=True)
    return tata_letak(fig, tinggi=tinggi, legenda=True)


# ---------------------------------------------------------------------------------------------------
# Desk urusan (halaman 5 dan dek PowerPoint)
# ---------------------------------------------------------------------------------------------------

def tinggi_presentasi(n_baris: int) -> int:
    """Tinggi grafik desk di mode presentasi: satu layar 720 px memuat judul dan grafik 16 baris berhuruf 19 px
    (kesimpulan di sampingnya); provinsi dengan
    lebih banyak kabupaten/kota (Jawa Timur: 39 baris) mendapat grafik lebih tinggi yang digulir, bukan label
    yang saling tindih."""
    return 480 if n_baris <= 16 else 26 * n_baris + 130


def _teks_desk(df: pd.DataFrame) -> list[str]:
    teks = []
    for r, c, p, s in zip(df["realisasi"], df["capaian"], df["predikat"], df["simbol"]):
        if kosong(r):
            teks.append("belum ada data")
        elif kosong(c):
            teks.append(f"{format_ringkas(r)} · capaian –")
        else:
            teks.append(f"{format_ringkas(r)} · {format_angka(c, 2)}% {s} {p}")  # 2 desimal: cocok dengan predikat
    return teks


def _tengah_desk(df: pd.DataFrame) -> pd.Series:
    return df["target"].where(df["target"].notna(), (df["target_min"] + df["target_max"]) / 2)


def _maks_desk(df: pd.DataFrame) -> float:
    tengah = _tengah_desk(df)
    maks = max([v for v in list(df["realisasi"].dropna()) + list(tengah.dropna()) + list(df["target_max"].dropna())]
               or [1.0])
    return maks if maks > 0 else 1.0


#: Ruang kanan grafik desk per huruf label terpanjang (dalam kelipatan nilai terbesar): label tidak terpotong di
#: kolom grafik desk pada 1280x720.
PER_HURUF_DESK = 0.033


def rentang_desk(df: pd.DataFrame) -> list[float]:
    """Rentang sumbu x grafik desk: batang, target, dan ruang kanan untuk label terpanjang (dalam satuan sumbu).
    Dek yang memecah satu indikator ke beberapa slide memakai rentang seluruh baris agar batangnya sebanding."""
    panjang_label = max((len(t) for t in _teks_desk(df)), default=10)
    return [0, _maks_desk(df) * (1.25 + PER_HURUF_DESK * panjang_label)]


def desk_indikator(df: pd.DataFrame, satuan: str, *, ukuran_huruf: int = 15, tinggi: int | None = None,
                   judul: str | None = None, rentang_x: list[float] | None = None,
                   legenda: bool = True) -> go.Figure:
    """Satu indikator, provinsi dan setiap kabupaten/kota berdampingan: batang realisasi (warna predikat),
    garis tegak target, dan label ``realisasi · capaian% simbol predikat`` (predikat tidak hanya warna).

    ``df``: baris ``queries/desk_indikator.sql`` untuk satu indikator, urutannya dipakai apa adanya
    (provinsi di atas, lalu kabupaten/kota dari capaian terendah). Ukuran huruf >= 18 untuk proyektor; dari 24 px
    (dek: 18 pt pada 96 px per inci) label nilai dan sumbu sama besar dengan nama daerah.
    ``rentang_x``: rentang sumbu x bersama (``rentang_desk`` seluruh baris) bila satu indikator dipecah.
    """
    df = df.reset_index(drop=True)
    satuan, judul = teks_aman(satuan), (teks_aman(judul) if judul else judul)
    label = [f"◆ {teks_aman(d)}" if j == "provinsi" else teks_aman(d) for d, j in zip(df["daerah"], df["jenis"])]
    kecil = max(ukuran_huruf - 2, 12) if ukuran_huruf < 19 else (18 if ukuran_huruf < 24 else ukuran_huruf)
    teks = _teks_desk(df)
    tengah = _tengah_desk(df)
    maks = _maks_desk(df) if rentang_x is None else rentang_x[1] / (1.25 + PER_HURUF_DESK * max(
        (len(t) for t in teks), default=10))
    fig = go.Figure(go.Bar(
        x=df["realisasi"].fillna(0), y=label, orientation="h", name="Realisasi",
        marker={"color": [w if isinstance(w, str) else WARNA_KOSONG for w in df["warna"]],
                "line": {"color": "#333333", "width": 0.6}},
        customdata=list(zip(df["predikat"].fillna("belum ada data"), df["status"].fillna("–"),
                            [teks_aman(x) or "–" for x in df["sumber"]])),
        hovertemplate=("%{y}: %{x:,.2f} " + satuan + "<br>Predikat: %{customdata[0]} · %{customdata[1]}"
                       "<br>Sumber: %{customdata[2]}<extra></extra>"),
    ))
    baris_px = max(30, int(ukuran_huruf * 1.9))
    tinggi = tinggi or max(260, baris_px * len(df) + (130 if judul else 90))
    tanda = int(max(12, min(ukuran_huruf + 8, (tinggi - (130 if judul else 90)) / max(len(df), 1) * 0.85)))
    ada = tengah.notna()
    if ada.any():
        rentang = df["target_min"].notna() & df["target"].isna()
        fig.add_trace(go.Scatter(
            x=tengah[ada], y=[label[i] for i in range(len(df)) if ada.iloc[i]], mode="markers", name="Target",
            marker={"symbol": "line-ns-open", "size": tanda, "color": "#6E6E6E",
                    "line": {"width": 4}},
            error_x={"type": "data", "symmetric": False, "visible": bool(rentang.any()), "color": "#6E6E6E",
                     "array": ((df["target_max"] - tengah).where(rentang, 0))[ada].tolist(),
                     "arrayminus": ((tengah - df["target_min"]).where(rentang, 0))[ada].tolist()},
            customdata=[nilai_target(a, b, c) for a, b, c in zip(df["target"][ada], df["target_min"][ada],
                                                                 df["target_max"][ada])],
            hovertemplate="%{y}: target %{customdata} " + satuan + "<extra></extra>"))
    # Label di kanan batang ATAU tanda target, mana yang lebih jauh, agar tidak bertumpuk.
    ujung = pd.concat([df["realisasi"].fillna(0), tengah, df["target_max"]], axis=1).max(axis=1).fillna(0)
    fig.add_trace(go.Scatter(
        x=ujung + maks * 0.035, y=label, mode="text", text=teks, textposition="middle right",
        textfont={"size": kecil}, cliponaxis=False, showlegend=False, hoverinfo="skip"))
    # Ruang kanan untuk label terpanjang di luar batang (dalam satuan sumbu).
    fig.update_xaxes(range=rentang_x or rentang_desk(df), title={"text": satuan},
                     tickformat=",.2~f", tickfont={"size": kecil}, title_font={"size": kecil})
    # Semua nama daerah tampil (Plotly menjarangkan label kategori yang rapat bila dibiarkan).
    fig.update_yaxes(autorange="reversed", tickfont={"size": ukuran_huruf}, ticksuffix=" ", tickmode="array",
                     tickvals=label, ticktext=label)
    tata_letak(fig, tinggi=tinggi, ukuran_huruf=ukuran_huruf, legenda=legenda, lain={
        "margin": {"l": _margin_kiri(label, ukuran_huruf), "t": (80 if judul else 40) if legenda else 10, "r": 50,
                   "b": 10},
        "legend": {"font": {"size": kecil}, "y": 1.0, "yanchor": "bottom"}, "bargap": 0.25})
    if judul:
        fig.update_layout(title={"text": judul, "font": {"size": ukuran_huruf + 6, "color": WARNA_TEKS},
                                 "x": 0, "xanchor": "left", "y": 0.99, "yanchor": "top"},
                          legend={"y": 1.0, "yanchor": "bottom"})
    return fig


def banding_kabkota(df: pd.DataFrame, satuan: str, *, nilai_provinsi=None, target_provinsi=None,
                    target_provinsi_min=None, target_provinsi_max=None, terpilih: str | None = None,
                    tinggi: int | None = None) -> go.Figure:
    """Satu indikator di semua kabupaten/kota: batang mendatar terurut (tertinggi di atas), berwarna menurut
    predikat, berlabel nilai + simbol predikat di kolom kanan dan legenda berlabel (simbol + nama predikat);
    nilai dan target provinsi sebagai garis acuan (juga di legenda). Daerah tanpa angka tetap punya baris,
    berlabel 'belum ada data' (tidak pernah celah kosong). ``df``: kolom daerah_kode, daerah, realisasi,
    capaian, predikat, warna, simbol, urutan_predikat, status, sumber."""
    d = df.copy()
    d["_ada"] = d["realisasi"].notna()
    d = pd.concat([d[d["_ada"]].sort_values("realisasi", ascending=False), d[~d["_ada"]]])
    tinggi = tinggi or max(280, 24 * len(d) + 150)
    satuan = teks_aman(satuan)
    label = [f"{teks_aman(n)} ◀" if k == terpilih else teks_aman(n) for n, k in zip(d["daerah"], d["daerah_kode"])]
    teks = ["○ belum ada data" if not a else f"{format_ringkas(r)} {s if isinstance(s, str) else ''}".strip()
            for a, r, s in zip(d["_ada"], d["realisasi"], d["simbol"])]
    warna = [w if isinstance(w, str) else (WARNA_REALISASI if a else WARNA_KOSONG)
             for w, a in zip(d["warna"], d["_ada"])]
    acuan = [x for x in (nilai_provinsi, target_provinsi, target_provinsi_max) if not kosong(x)]
    maks = max([abs(v) for v in list(d["realisasi"].dropna()) + acuan] or [1]) or 1
    custom = list(zip(d["daerah_kode"],
                      ["belum ada data" if not a else format_ringkas(r) for a, r in zip(d["_ada"], d["realisasi"])],
                      ["–" if kosong(c) else format_angka(c, 2) + "%" for c in d["capaian"]],
                      d["predikat"].fillna("–"), d["status"].fillna("–"), [teks_aman(x) or "–" for x in d["sumber"]]))
    hover = ("%{y}: %{customdata[1]} " + satuan + "<br>Capaian: %{customdata[2]} · %{customdata[3]}"
             "<br>%{customdata[4]} · %{customdata[5]}<extra></extra>")
    pad = "\u2003"  # plotly.js mengukur simbol dengan huruf lain dan memotong ujung label legenda
    fig = go.Figure(go.Bar(
        x=d["realisasi"].fillna(0), y=label, orientation="h", name="Realisasi", showlegend=False,
        marker={"color": warna, "line": {"color": "#333333", "width": 0.5}},
        customdata=custom, hovertemplate=hover,
    ))
    # Label (nilai + simbol predikat) sebagai sumbu kategori kedua di kanan: plotly memberi ruang sendiri
    # (automargin), jadi tidak bertabrakan dengan batang atau garis acuan dan tidak terpotong di layar sempit.
    fig.add_trace(go.Scatter(
        x=[0] * len(d), y=label, yaxis="y2", mode="markers", marker={"opacity": 0}, text=teks,
        customdata=custom, hovertemplate=hover, showlegend=False,
    ))
    # Legenda predikat: simbol + nama, warna sama dengan batang (jejak kosong, hanya untuk legenda).
    ada = d[d["predikat"].notna()].drop_duplicates("predikat")
    if "urutan_predikat" in ada:
        ada = ada.sort_values("urutan_predikat", ascending=False)
    for p, s, w in zip(ada["predikat"], ada["simbol"], ada["warna"]):
        fig.add_trace(go.Bar(x=[None], y=[None], name=f"{s} {p}{pad}", marker={"color": w}, showlegend=True,
                             hoverinfo="skip"))
    if (~d["_ada"]).any():
        fig.add_trace(go.Bar(x=[None], y=[None], name=f"○ belum ada data{pad}", marker={"color": WARNA_KOSONG},
                             showlegend=True, hoverinfo="skip"))
    if not kosong(nilai_provinsi):
        _garis_tegak(fig, nilai_provinsi, {"color": "#000000", "width": 2})
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line={"color": "#000000", "width": 2},
                                 name=f"Provinsi {format_ringkas(nilai_provinsi)}{pad}", hoverinfo="skip"))
    if not kosong(target_provinsi):
        _garis_tegak(fig, target_provinsi, {"color": WARNA_TARGET, "dash": "dash", "width": 2})
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines",
                                 line={"color": WARNA_TARGET, "dash": "dash", "width": 2},
                                 name=f"Target provinsi {format_ringkas(target_provinsi)}{pad}", hoverinfo="skip"))
    elif not kosong(target_provinsi_min) and not kosong(target_provinsi_max):
        fig.add_shape(type="rect", x0=target_provinsi_min, x1=target_provinsi_max, xref="x", y0=0, y1=1,
                      yref="y domain", fillcolor=WARNA_TARGET, opacity=0.2, line={"width": 0})  # = add_vrect
        fig.add_trace(go.Bar(x=[None], y=[None], marker={"color": WARNA_TARGET, "opacity": 0.3}, hoverinfo="skip",
                             name=(f"Target provinsi {format_ringkas(target_provinsi_min)}–"
                                   f"{format_ringkas(target_provinsi_max)}{pad}")))
    fig.update_xaxes(range=[0, maks * 1.08], title={"text": satuan}, showgrid=True)
    rentang_y = [len(label) - 0.5, -0.5]  # sama persis di kedua sumbu agar label kanan sejajar batang
    fig.update_yaxes(range=rentang_y, automargin=True, type="category", categoryorder="array",
                     categoryarray=label)
    fig.update_layout(yaxis2={"overlaying": "y", "side": "right", "type": "category", "categoryorder": "array",
                              "categoryarray": label, "tickvals": label, "ticktext": [t + pad for t in teks],
                              "range": rentang_y,
                              "automargin": True, "showgrid": False, "ticks": "", "tickfont": {"size": 14}})
    tata_letak(fig, tinggi=tinggi, legenda=True, lain={
        "margin": {"l": 10, "r": 10, "t": 10, "b": 40}, "barmode": "overlay",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "xanchor": "left", "itemclick": False,
                   "itemdoubleclick": False}})
    return fig


def usulan_per_daerah(df: pd.DataFrame, status: dict, keputusan: dict, *, tinggi: int | None = None,
                      ukuran_huruf: int = 16) -> go.Figure:
    """Usulan setiap kabupaten/kota untuk ruang rapat (keputusan #20): kiri jumlah per status keselarasan, kanan
    keputusan sejauh ini; setiap potongan berlabel angkanya, label kabupaten/kota memuat "n usulan · m sejalan".

    ``df``: baris ``queries/usulan_per_daerah.sql``; ``status``/``keputusan``: {kolom: (label, warna)} berurutan
    (``pantau.aturan.usulan``)."""
    d = df.iloc[::-1]  # kabupaten/kota pertama di atas
    label = [f"{teks_aman(n)}<br><span style='font-size:0.8em'>{j} usulan · {s} sejalan</span>"
             for n, j, s in zip(d["nama_pendek"], d["jumlah"], d["sejalan"])]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=("Keselarasan dengan prioritas provinsi", "Keputusan sejauh ini"))
    for col, daftar in ((1, status), (2, keputusan)):
        for kunci, (nama, warna) in daftar.items():
            nilai = d[kunci]
            fig.add_trace(go.Bar(
                x=nilai, y=label, orientation="h", name=nama, legend="legend" if col == 1 else "legend2",
                marker={"color": warna, "line": {"color": "#333333", "width": 0.5}},
                text=[str(int(v)) if v else "" for v in nilai], textposition="inside", insidetextanchor="middle",
                textfont={"color": teks_di_atas(warna), "size": ukuran_huruf},
                hovertemplate=f"%{{y}}<br>{teks_aman(nama)}: %{{x}} usulan<extra></extra>",
            ), row=1, col=col)
    n = max(1, len(d))
    # dua baris legenda di margin bawah (keselarasan, lalu keputusan), masing-masing berjudul, tidak menutupi batang;
    # jarak dalam piksel dihitung ke pecahan tinggi area gambar
    area = (tinggi or 230 + 62 * n) - 40 - 150
    bawah = {"orientation": "h", "yanchor": "top", "x": 0, "xanchor": "left", "traceorder": "normal",
             "font": {"color": WARNA_TEKS, "size": ukuran_huruf - 2}}
    judul_panel = [{**a.to_plotly_json(), "font": {"size": ukuran_huruf + 1, "color": WARNA_TEKS}}
                   for a in fig.layout.annotations]
    tata_letak(fig, tinggi=tinggi or 230 + 62 * n, ukuran_huruf=ukuran_huruf, legenda=True, lain={
        "barmode": "stack", "margin": {"l": 10, "r": 10, "t": 40, "b": 150},
        "legend": {**bawah, "y": -12 / area, "title": {"text": "Keselarasan:"}},
        "legend2": {**bawah, "y": -(12 + 62) / area, "title": {"text": "Keputusan:"}},
        "uniformtext": {"minsize": ukuran_huruf - 4, "mode": "hide"},
        "xaxis": {"visible": False}, "xaxis2": {"visible": False}, "annotations": judul_panel})
    return fig


def prioritas_predikat(df: pd.DataFrame, skala: pd.DataFrame, *, ukuran_huruf: int = 14) -> go.Figure:
    """Kemajuan per prioritas (keputusan #20): batang bertumpuk jumlah indikator tertaut per predikat (warna dan simbol
    skala), label prioritas dengan rata-rata capaiannya; PN yang dilayani di hover.

    ``df``: baris ``queries/capaian_prioritas_daerah.sql``; ``skala``: predikat, urutan, warna, simbol (urutan 1..5)."""
    kolom = {1: "sangat_rendah", 2: "rendah", 3: "sedang", 4: "tinggi", 5: "sangat_tinggi"}
    d = df.iloc[::-1]
    label = [f"{teks_aman(k)} {teks_aman(_potong(n, 34))}" for k, n in zip(d["kode"], d["nama"])]
    pn = ["<br>".join(teks_aman(x) for x in str(p).split("; ")) if not kosong(p) else "PN: –" for p in d["pn"]]
    fig = go.Figure()
    for r in skala.sort_values("urutan", ascending=False).itertuples(index=False):
        if int(r.urutan) not in kolom:
            continue
        nilai = d[kolom[int(r.urutan)]]
        fig.add_trace(go.Bar(
            x=nilai, y=label, orientation="h", name=f"{r.simbol} {r.predikat}",
            marker={"color": r.warna, "line": {"color": "#333333", "width": 0.5}},
            text=[str(int(v)) if v else "" for v in nilai], textposition="inside", insidetextanchor="middle",
            textfont={"color": teks_di_atas(r.warna)}, customdata=pn,
            hovertemplate=f"%{{y}}<br>{teks_aman(r.predikat)}: %{{x}} indikator<br>%{{customdata}}<extra></extra>",
        ))
    sisa = d["jumlah_indikator"] - d["jumlah_berealisasi"]
    fig.add_trace(go.Bar(x=sisa, y=label, orientation="h", name="○ Belum ada data",
                         marker={"color": WARNA_KOSONG, "line": {"color": "#333333", "width": 0.5}},
                         text=[str(int(v)) if v else "" for v in sisa], textposition="inside",
                         hovertemplate="%{y}<br>Belum ada data: %{x} indikator<extra></extra>"))
    kanan = [("–" if kosong(c) else f"{format_angka(c, 1)}%") if j else "tanpa indikator"
             for c, j in zip(d["rata_capaian"], d["jumlah_indikator"])]
    maks = max(1, int(d["jumlah_indikator"].max() or 1))
    for y, t in zip(label, kanan):
        fig.add_annotation(x=maks * 1.02, y=y, text=t, showarrow=False, xanchor="left",
                           font={"size": ukuran_huruf - 1, "color": WARNA_TEKS})
    tata_letak(fig, tinggi=70 + 34 * max(1, len(d)), ukuran_huruf=ukuran_huruf, legenda=True, lain={
        "barmode": "stack", "margin": {"l": _margin_kiri(label, ukuran_huruf) - 40, "r": 110, "t": 30},
        "legend": {"y": 1.0, "yanchor": "bottom"}})
    fig.update_xaxes(visible=False, range=[0, maks * 1.02])
    return fig
