"""Kontras teks grafik (keputusan #22): setiap gambar di pantau/grafik.py (dan peta, kuadran) dibangun dengan data demo,
lalu setiap warna teks yang diatur eksplisit dinilai dengan rasio kontras WCAG 2 terhadap latarnya, di tema terang
dan gelap. Proyektor perlu >= 4,5:1; tema Plotly Streamlit memberi label sumbu gray70 #808495 (3,7:1 pada putih)
bila warnanya tidak diatur sendiri."""
from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest

from pantau.db import jalankan
from pantau.keluaran import grafik as g

BATAS = 4.5


def _warna_tema(warna: str, tema: str) -> str:
    return g.WARNA_TEKS_TEMA[tema] if warna.upper() == g.WARNA_TEKS.upper() else warna


def _hex(warna: str) -> str:
    warna = warna.strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{6}", warna):
        return warna
    if re.fullmatch(r"#[0-9A-Fa-f]{3}", warna):
        return "#" + "".join(c * 2 for c in warna[1:])
    m = re.fullmatch(r"rgb\((\d+),\s*(\d+),\s*(\d+)\)", warna)
    if m:
        return "#" + "".join(f"{int(x):02X}" for x in m.groups())
    named = {"white": "#FFFFFF", "black": "#000000"}
    assert warna.lower() in named, f"warna teks tak dikenal: {warna}"
    return named[warna.lower()]


def _warna_skala(skala: list, zmin: float, zmax: float, z: float) -> str:
    """Warna sel heatmap dengan skala bertangga [[t0, w], [t1, w], ...] (tangga: pasangan titik berwarna sama)."""
    t = (z - zmin) / (zmax - zmin)
    for (a, wa), (b, _) in zip(skala, skala[1:]):
        if a <= t <= b:
            return wa
    return skala[-1][1]


def teks_berwarna(fig) -> list[tuple[str, str | None, list[str] | None]]:
    """(tempat, warna, latar) setiap teks gambar. latar None = latar kertas (tema); warna None = tidak diatur."""
    lay = fig.layout
    hasil = [("font tata letak", lay.font.color, None), ("hover", lay.hoverlabel.font.color, None)]
    if lay.showlegend is not False:
        hasil.append(("legenda", lay.legend.font.color, None))
    if lay.title.text:
        hasil.append(("judul", lay.title.font.color, None))
    for nama in [k for k in fig.to_dict()["layout"] if re.fullmatch(r"[xy]axis\d*", k)]:
        sumbu = lay[nama]
        if sumbu.visible is False:
            continue
        hasil.append((f"{nama} label", sumbu.tickfont.color, None))
        if sumbu.title.text:
            hasil.append((f"{nama} judul", sumbu.title.font.color, None))
    for i, a in enumerate(lay.annotations):
        hasil.append((f"anotasi {i} {a.text!r:.30}", a.font.color, None))
    for i, t in enumerate(fig.data):
        if getattr(t, "showscale", None) and "colorbar" in t:
            hasil.append((f"jejak {i} skala", t.colorbar.tickfont.color, None))
        warna = t.textfont.color if "textfont" in t else None
        if warna is None:
            # Teks di luar batang/titik tanpa warna sendiri mewarisi font tata letak (tema Streamlit tidak
            # mengatur textfont batang atau titik); teks sel heatmap tanpa warna dipilih Plotly menurut sel.
            if t.type in ("bar", "scatter") and t.text is not None and t.textposition != "inside":
                hasil.append((f"jejak {i} {t.type} teks (font tata letak)", lay.font.color, None))
            continue
        if t.type == "heatmap":  # teks di dalam sel: latarnya warna sel
            latar = []
            for baris_z, baris_t in zip(t.z, t.text):
                for z, teks in zip(baris_z, baris_t):
                    if teks and z is not None:
                        latar.append(_warna_skala([list(x) for x in t.colorscale], t.zmin, t.zmax, z))
            hasil.append((f"jejak {i} heatmap", warna, latar))
        else:
            hasil.append((f"jejak {i} {t.type} teks", warna, None))
    return hasil


def periksa(fig, nama: str) -> list[str]:
    """Pesan untuk setiap teks yang warnanya tidak diatur atau kontrasnya < 4,5:1 (tema terang dan gelap)."""
    gagal = []
    teks = teks_berwarna(fig)
    assert len(teks) >= 3, (nama, teks)
    for tempat, warna, latar in teks:
        if warna is None:
            gagal.append(f"{nama}: {tempat} tanpa warna eksplisit (tema Streamlit memberi gray70 3,7:1)")
            continue
        for w in (warna if isinstance(warna, (list, tuple)) else [warna]):
            for tema, kertas in g.LATAR_TEMA.items():
                for lt in (latar or [kertas]):
                    r = g.kontras(_hex(_warna_tema(w, tema)), _hex(lt))
                    if r < BATAS:
                        gagal.append(f"{nama}: {tempat} {w} di {tema} atas {lt}: {r:.2f}:1")
    return gagal


@pytest.fixture(scope="module")
def gambar(con):
    """Setiap fungsi gambar dengan data demo: Kalimantan Tengah (provinsi, 14 kabupaten/kota) 2024."""
    from pantau.keluaran import kuadran as kq
    from pantau.keluaran import peta

    periode_prov = con.execute(
        "SELECT id FROM periode WHERE daerah_kode = '62' ORDER BY tahun_awal LIMIT 1").fetchone()[0]
    q = {"daerah": "62", "periode_id": periode_prov, "tahun": 2024}
    predikat = jalankan(con, "ringkasan_predikat", **q)
    skala = predikat[predikat["urutan"] > 0]
    urusan = jalankan(con, "capaian_urusan", **q)
    panas = jalankan(con, "peta_panas_urusan", provinsi="62", tahun=2024)
    panas = panas[panas["jenis"] != "provinsi"]
    ind_id = int(con.execute("SELECT id FROM indikator WHERE daerah_kode = '62' AND periode_id = ? AND polaritas = "
                             "'negatif' ORDER BY kode LIMIT 1", [periode_prov]).fetchone()[0])
    meta = jalankan(con, "indikator_detail", indikator_id=ind_id).iloc[0].to_dict()
    per = jalankan(con, "indikator_periode", indikator_id=ind_id)
    banding = jalankan(con, "indikator_antar_daerah", indikator_id=ind_id, provinsi="62", tahun=2024)
    desk = jalankan(con, "desk_indikator", provinsi="62", urusan="1.02", tahun=2024)
    desk = desk[desk["induk_id"] == desk["induk_id"].iloc[0]]
    kab = jalankan(con, "banding_kabkota", provinsi="62", indikator_kode=meta["kode"], tahun=2024)
    pr = kab[kab["jenis"] == "provinsi"].iloc[0]
    kab = kab[kab["jenis"] != "provinsi"]
    skala_db = jalankan(con, "skala_predikat")
    kua = jalankan(con, "kuadran_kinerja_anggaran", **q, dimensi="urusan")
    kua = kua[kua["kinerja"].notna() & kua["serapan"].notna()]
    return {
        "predikat_batang": g.predikat_batang(predikat),
        "capaian_urusan": g.capaian_urusan(urusan, skala, None),
        "capaian_urusan+panas": g.capaian_urusan(urusan, skala, panas),
        "cerita_indikator": g.cerita_indikator(
            meta, jalankan(con, "indikator_tahunan", indikator_id=ind_id),
            jalankan(con, "indikator_triwulan", indikator_id=ind_id), per.iloc[0].to_dict() if len(per) else None),
        "banding_daerah": g.banding_daerah(banding, meta["satuan"]),
        "desk_indikator": g.desk_indikator(desk, desk.iloc[0]["satuan"]),
        "desk_indikator+judul": g.desk_indikator(desk, desk.iloc[0]["satuan"], ukuran_huruf=22, judul="Judul"),
        "banding_kabkota": g.banding_kabkota(kab, meta["satuan"], nilai_provinsi=pr["realisasi"],
                                             target_provinsi=pr["target"], terpilih="62.01"),
        "peta capaian": peta.peta_kabkota(kab, peta.geojson_provinsi("62"), skala_db, satuan=meta["satuan"]),
        "peta nilai": peta.peta_kabkota(kab, peta.geojson_provinsi("62"), skala_db, mode="nilai",
                                        satuan=meta["satuan"]),
        "kuadran": kq.gambar(kua, batas_kinerja=91, batas_serapan=90),
    }


def test_setiap_teks_grafik_berkontras_cukup_di_tema_terang_dan_gelap(gambar):
    assert len(gambar) == 11
    gagal = [p for nama, fig in gambar.items() for p in periksa(fig, nama)]
    assert not gagal, "\n".join(gagal)


def test_heatmap_memilih_warna_teks_sel_menurut_kontras(gambar):
    """Angka di sel peta panas: putih di atas biru tua, hampir hitam di atas jingga tua #D55E00 (putih 3,9:1)."""
    fig = gambar["capaian_urusan+panas"]
    teks = [(t.textfont.color, x) for t in fig.data if t.type == "heatmap" and t.textfont.color
            for x in teks_berwarna(fig) if x[0].startswith("jejak") and x[1] == t.textfont.color]
    assert {w for w, _ in teks} == {g.TEKS_DI_GELAP, g.TEKS_DI_TERANG}
    assert g.teks_di_atas("#D55E00") == g.TEKS_DI_TERANG and g.teks_di_atas("#0072B2") == g.TEKS_DI_GELAP


def test_pemeriksa_menolak_warna_tema_streamlit_lama(gambar):
    """Uji ini dapat gagal: label sumbu dengan warna gray70 Streamlit (#808495) ditolak, tanpa warna juga."""
    assert round(g.kontras("#808495", "#FFFFFF"), 1) == 3.7
    fig = type(gambar["banding_daerah"])(gambar["banding_daerah"])
    fig.update_xaxes(tickfont_color="#808495")
    assert any("xaxis label #808495 di terang" in p for p in periksa(fig, "uji"))
    fig.layout.yaxis.tickfont.color = None
    assert any("yaxis label tanpa warna" in p for p in periksa(fig, "uji"))


def test_warna_sementara_masih_dipakai_tema_streamlit():
    """WARNA_TEKS bergantung pada warna sementara tema Plotly Streamlit yang diganti peramban (gray90 terang,
    gray10 gelap). Bila Streamlit mengubahnya, uji ini gagal sebelum grafik menjadi tak terbaca."""
    import streamlit
    from streamlit.elements.lib import streamlit_plotly_theme as tema

    assert tema.GRAY_90 == g.WARNA_TEKS
    js = Path(streamlit.__file__).parent / "static" / "static" / "js"
    plotly_js = glob.glob(str(js / "PlotlyChart.*.js"))
    assert plotly_js, "berkas PlotlyChart Streamlit tidak ditemukan"
    isi = Path(plotly_js[0]).read_text(encoding="utf-8")
    assert f"`{g.WARNA_TEKS}`" in isi and "replaceAll" in isi
    palet = "".join(Path(p).read_text(encoding="utf-8", errors="ignore") for p in glob.glob(str(js / "utils.*.js")))
    assert "gray90:`#262730`" in palet and "gray10:`#fafafa`" in palet
    assert g.WARNA_TEKS_TEMA == {"terang": "#262730", "gelap": "#FAFAFA"}


def test_ekspor_memakai_warna_tema_terang(gambar):
    fig = gambar["desk_indikator"]
    salinan = g.untuk_ekspor(fig)
    assert g.WARNA_TEKS not in salinan.to_json() and g.WARNA_TEKS_TEMA["terang"] in salinan.to_json()
    assert g.WARNA_TEKS in fig.to_json()  # gambar di layar tidak berubah
    assert salinan.layout.xaxis.tickfont.color == g.WARNA_TEKS_TEMA["terang"]
