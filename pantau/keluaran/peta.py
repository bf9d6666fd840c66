"""Peta kabupaten/kota satu provinsi (go.Choropleth dengan GeoJSON lokal) — fungsi murni.

Batas wilayah dikirim bersama aplikasi di ``data/geo/kabkota_<provinsi>.geojson`` (lihat data/geo/SUMBER.md);
tidak ada yang diunduh saat berjalan. plotly.js tetap meminta topojson dunia: halaman menunjuk
``config={"topojsonURL": TOPOJSON_URL}`` ke berkas kosong kecil di ``static/`` (dilayani Streamlit).
Predikat tidak pernah disandikan dengan warna saja: legenda berlabel, simbol dan teks saat kursor diarahkan.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from pantau.aturan.aman import html as teks_aman  # teks di hover Plotly
from pantau.aturan.format import format_angka, format_ringkas, kosong
from pantau.jalur import DATA_DIR, ROOT
from pantau.keluaran import ekspor
from pantau.keluaran.grafik import WARNA_KOSONG, tata_letak

GEO_DIR = DATA_DIR / "geo"
STATIC_DIR = ROOT / "static"
#: Relatif terhadap alamat halaman (/Daerah -> /app/static/world_110m.json), jadi tetap benar di balik proksi.
TOPOJSON_URL = "app/static/"
BELUM = "Belum ada data"


def path_geojson(provinsi: str) -> Path:
    return GEO_DIR / f"kabkota_{provinsi}.geojson"


def ada_batas(provinsi: str) -> bool:
    return path_geojson(provinsi).exists()


@lru_cache(maxsize=8)
def _baca(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def geojson_provinsi(provinsi: str) -> dict | None:
    """GeoJSON kabupaten/kota sebuah provinsi (kode Kemendagri), atau None bila batasnya tidak dikirim."""
    p = path_geojson(provinsi)
    if not p.exists():
        return None
    return json.loads(_baca(str(p)))


def _nilai_teks(r, satuan: str) -> str:
    return BELUM.lower() if kosong(r) else f"{format_ringkas(r)} {satuan}".strip()


def _capaian_teks(c) -> str:
    return "–" if kosong(c) else f"{format_angka(c, 2)}%"


def peta_provinsi(df: pd.DataFrame, provinsi: str, skala: pd.DataFrame, **kw) -> go.Figure:
    """``peta_kabkota`` dengan batas wilayah provinsi ``provinsi`` (yang harus ada, lihat ``geojson_provinsi``).
    Kuncinya kode provinsi, bukan GeoJSON-nya, sehingga tembolok gambar (``ui.komponen.gambar``) tidak perlu
    meng-hash batas wilayah setiap kali halaman dijalankan."""
    return peta_kabkota(df, geojson_provinsi(provinsi), skala, **kw)


def peta_kabkota(df: pd.DataFrame, geojson: dict, skala: pd.DataFrame, *, mode: str = "capaian",
                 satuan: str = "", terpilih: str | None = None, tinggi: int = 520) -> go.Figure:
    """Peta kabupaten/kota berwarna menurut predikat capaian (``mode='capaian'``) atau nilai realisasi
    (``mode='nilai'``). ``df``: baris kueri banding_kabkota (kolom daerah_kode, daerah_lengkap, realisasi,
    capaian, predikat, sebanding). Daerah tanpa angka berwarna abu-abu dengan label 'Belum ada data'.
    ``terpilih`` mendapat garis tepi tebal. customdata[0] setiap wilayah = kode daerahnya (untuk klik)."""
    ada = {f["properties"]["kode"]: f["properties"]["nama"] for f in geojson["features"]}
    d = df[df["daerah_kode"].isin(ada)].copy()
    # Wilayah di peta yang tidak ada di tabel daerah tetap digambar, sebagai belum ada data.
    di_tabel = set(d["daerah_kode"])
    lain = [k for k in ada if k not in di_tabel]
    if lain:
        d = pd.concat([d, pd.DataFrame({"daerah_kode": lain, "daerah_lengkap": [ada[k] for k in lain]})],
                      ignore_index=True)
    if "sebanding" in d:
        tak = d["sebanding"].fillna(True).eq(False)
        d.loc[tak, ["realisasi", "capaian", "predikat"]] = None
    satuan = teks_aman(satuan)
    d["daerah_lengkap"] = [teks_aman(x) for x in d["daerah_lengkap"]]
    d["nilai_teks"] = [_nilai_teks(r, satuan) for r in d.get("realisasi", pd.Series([None] * len(d)))]
    d["capaian_teks"] = [_capaian_teks(c) for c in d.get("capaian", pd.Series([None] * len(d)))]
    d["predikat_teks"] = d.get("predikat", pd.Series([None] * len(d))).fillna(BELUM)
    d["garis"] = [3.5 if k == terpilih else 0.8 for k in d["daerah_kode"]]
    d["warna_garis"] = ["#000000" if k == terpilih else "#FFFFFF" for k in d["daerah_kode"]]

    # Setiap jejak membawa hanya batas wilayahnya sendiri: satu GeoJSON utuh per jejak (satu jejak per predikat)
    # membuat JSON gambar berlipat (Jawa Timur 66 KB x 6) dan Plotly menyalinnya berkali-kali (isu #15).
    fitur = {f["properties"]["kode"]: f for f in geojson["features"]}

    def batas(kode: list[str]) -> dict:
        return {"type": "FeatureCollection", "features": [fitur[k] for k in kode if k in fitur]}

    simbol = dict(zip(skala["predikat"], skala["simbol"]))
    hover = ("<b>%{customdata[1]}</b><br>Nilai: %{customdata[2]}<br>Capaian: %{customdata[3]}"
             "<br>Predikat: %{customdata[4]}<extra></extra>")

    def jejak(bagian: pd.DataFrame, *, nama: str, warna: str | None = None, z=None, **kw) -> go.Choropleth:
        z_ = [1] * len(bagian) if z is None else z
        kode = bagian["daerah_kode"].tolist()
        return go.Choropleth(
            geojson=batas(kode), featureidkey="properties.kode", locations=kode,
            # Spasi lebar di akhir: plotly.js mengukur simbol ▲ dengan huruf lain lalu memotong ujung label.
            z=z_, name=nama + "\u2003\u2003", legendgroup=nama,
            colorscale=[[0, warna], [1, warna]] if warna else kw.pop("colorscale"),
            showscale=kw.pop("showscale", False), showlegend=kw.pop("showlegend", True),
            marker={"line": {"width": bagian["garis"].tolist(), "color": bagian["warna_garis"].tolist()}},
            customdata=list(zip(bagian["daerah_kode"], bagian["daerah_lengkap"], bagian["nilai_teks"],
                                bagian["capaian_teks"],
                                [f"{simbol.get(p, '○')} {p}" for p in bagian["predikat_teks"]])),
            hovertemplate=hover, **kw)

    fig = go.Figure()
    if mode == "nilai":
        berisi = d[d["realisasi"].notna()] if "realisasi" in d else d.iloc[0:0]
        if len(berisi):
            fig.add_trace(jejak(berisi, nama="Nilai", z=berisi["realisasi"].astype(float).tolist(),
                                colorscale="Cividis", showscale=True, showlegend=False,
                                colorbar={"title": {"text": satuan}, "thickness": 14, "len": 0.8,
                                          "separatethousands": True}))
        kosong_ = d[d["realisasi"].isna()] if "realisasi" in d else d
    else:
        for _, s in skala.sort_values("urutan", ascending=False).iterrows():
            bagian = d[d["predikat"] == s["predikat"]] if "predikat" in d else d.iloc[0:0]
            if len(bagian):
                fig.add_trace(jejak(bagian, nama=f"{s['simbol']} {s['predikat']}", warna=s["warna"]))
        kosong_ = d[d["predikat"].isna()] if "predikat" in d else d
    if len(kosong_):
        fig.add_trace(jejak(kosong_, nama=f"○ {BELUM}", warna=WARNA_KOSONG))
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    tata_letak(fig, tinggi=tinggi, legenda=True, lain={
        "margin": {"l": 0, "r": 0, "t": 10, "b": 0}, "dragmode": False,
        "legend": {"orientation": "v", "y": 1.0, "yanchor": "top", "x": 0, "xanchor": "left", "itemclick": False,
                   "itemdoubleclick": False, "bgcolor": "rgba(0,0,0,0)", "entrywidth": 190,
                   "entrywidthmode": "pixels"}})
    return fig


def kode_dari_pilihan(pilihan) -> str | None:
    """Kode daerah wilayah yang diklik, dari hasil on_select st.plotly_chart (customdata[0] atau location)."""
    try:
        titik = pilihan["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for t in titik or []:
        cd = t.get("customdata")
        if isinstance(cd, (list, tuple)) and cd:
            return str(cd[0])
        if t.get("location"):
            return str(t["location"])
    return None


def png_peta(fig: go.Figure, **kw) -> bytes:
    """PNG peta lewat kaleido: topojson dunia dari ``static/`` lokal (kaleido memuat halamannya dari berkas).
    ``kw`` diteruskan ke ``ekspor.png_bytes``: ``judul``, ``subjudul`` dan ``sumber`` untuk kepala dan kaki PNG."""
    pio.defaults.topojson = STATIC_DIR.as_uri() + "/"
    return ekspor.png_bytes(fig, **kw)
