"""Halaman Daerah (AppTest): penyaring sama dengan SQL yang ditulis terpisah, URL bolak-balik, unduhan Excel,
grafik banding dan peta; plus fungsi murni pantau.keluaran.peta."""
from __future__ import annotations

import io
import json

import duckdb
import openpyxl
import pandas as pd
import pytest

from pantau.keluaran import peta
from tests.bantuan_halaman import spesifikasi

HALAMAN = "pages/2_Daerah.py"
DAERAH, PROVINSI, TAHUN = "65.01", "65", 2024


def kode_langsung(con, where: str, params: list) -> list[str]:
    """Kode indikator Bulungan 2024 menurut SQL yang ditulis di sini, tanpa kueri halaman."""
    sql = f"""
        SELECT i.kode
        FROM indikator i
        JOIN periode pr ON pr.id = i.periode_id
        LEFT JOIN capaian_tahunan c ON c.indikator_id = i.id AND c.tahun = {TAHUN}
        LEFT JOIN capaian_periode p ON p.indikator_id = i.id
        WHERE i.daerah_kode = '{DAERAH}' AND {TAHUN} BETWEEN pr.tahun_awal AND pr.tahun_akhir AND ({where})
        ORDER BY i.kode"""
    return [r[0] for r in con.execute(sql, params).fetchall()]


def tabel_halaman(at) -> pd.DataFrame | None:
    """Tabel indikator halaman (bukan tabel bagian kinerja vs anggaran di bawahnya), atau None."""
    return next((d.value for d in at.dataframe if "Polaritas" in d.value.columns), None)


KOMBINASI = [
    # (parameter URL, WHERE SQL mandiri, parameter SQL)
    ({"urusan": "lintas,1.02"}, "i.urusan_kode IS NULL OR i.urusan_kode = ?", ["1.02"]),
    ({"predikat": "5,0", "iku": "1"},
     "i.iku AND i.polaritas <> 'teks' AND (c.predikat = 'Sangat Tinggi' OR c.predikat IS NULL)", []),
    ({"cari": "angka", "ontrack": "tidak"}, "lower(i.nama) LIKE ? AND p.on_track = false", ["%angka%"]),
    ({"urusan": "2.15,2.17,3.27,lintas", "predikat": "4,3,2,1", "ontrack": "tidak"},
     "(i.urusan_kode IN ('2.15', '2.17', '3.27') OR i.urusan_kode IS NULL)"
     " AND c.predikat IN ('Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah') AND NOT p.on_track", []),
]


@pytest.mark.parametrize("url,where,params", KOMBINASI)
def test_penyaring_sama_dengan_sql_langsung(app, con, url, where, params):
    at = app(HALAMAN, provinsi=PROVINSI, daerah=DAERAH, tahun=TAHUN, **url)
    harap = kode_langsung(con, where, params)
    assert harap, "kombinasi uji harus menghasilkan baris"
    assert sorted(tabel_halaman(at)["Kode"]) == harap
    semua = kode_langsung(con, "true", [])
    assert len(harap) < len(semua)


def test_tanpa_penyaring_semua_indikator_dan_kolom(app, con):
    at = app(HALAMAN, provinsi=PROVINSI, daerah=DAERAH, tahun=TAHUN)
    t = tabel_halaman(at)
    assert sorted(t["Kode"]) == kode_langsung(con, "true", [])
    for kolom in ["Urusan", "Indikator", "Satuan", "Polaritas", "Kondisi awal", f"Target {TAHUN}",
                  f"Realisasi {TAHUN}", "Capaian (%)", "Predikat", "Capaian periode (%)", "On track", "Sumber",
                  "Status", "Buka"]:
        assert kolom in t.columns
    # Angka tetap angka (urutan numerik), dan sama dengan view aturan.
    for kolom in [f"Target {TAHUN}", f"Realisasi {TAHUN}", "Capaian (%)", "Capaian periode (%)"]:
        assert pd.api.types.is_float_dtype(t[kolom]), kolom
    ipm = t[t["Kode"] == "IKU-01"].iloc[0]
    c = con.execute(f"SELECT capaian FROM capaian_tahunan WHERE daerah_kode='{DAERAH}' AND indikator_kode='IKU-01' "
                    f"AND tahun={TAHUN}").fetchone()[0]
    assert ipm["Capaian (%)"] == pytest.approx(c)
    assert ipm["Buka"].startswith("Indikator?") and "indikator=" in ipm["Buka"] and f"daerah={DAERAH}" in ipm["Buka"]


def test_url_bolak_balik_setiap_penyaring(app):
    url = {"urusan": "lintas,1.02", "predikat": "5,4", "iku": "1", "ontrack": "ya", "cari": "in",
           "bandingkan": "KES-01", "warna": "nilai"}
    at = app(HALAMAN, provinsi=PROVINSI, daerah=DAERAH, tahun=TAHUN, **url)
    assert at.multiselect(key=f"f_urusan_{DAERAH}_{at.query_params['periode']}").value == ["lintas", "1.02"]
    assert at.multiselect(key="f_predikat").value == [5, 4]
    assert at.toggle(key="f_iku").value is True
    assert at.selectbox(key="f_ontrack").value == "ya"
    assert at.text_input(key="f_cari").value == "in"
    assert at.selectbox(key=f"f_bandingkan_{PROVINSI}").value == "KES-01"
    for k, v in url.items():
        assert at.query_params[k] == v, k
    n1 = len(tabel_halaman(at))

    # Ubah lewat widget: URL ikut berubah; penyaring yang dikosongkan hilang dari URL.
    at.multiselect(key=f"f_urusan_{DAERAH}_{at.query_params['periode']}").unselect("lintas").run()
    at.toggle(key="f_iku").set_value(False).run()
    at.text_input(key="f_cari").input("").run()
    at.selectbox(key="f_ontrack").select("tidak").run()
    at.multiselect(key="f_predikat").select(0).run()
    at.selectbox(key=f"f_bandingkan_{PROVINSI}").select("IKU-02").run()
    assert not at.exception
    q = dict(at.query_params)
    assert q["urusan"] == "1.02" and q["predikat"] == "5,4,0" and q["ontrack"] == "tidak"
    assert q["bandingkan"] == "IKU-02" and "iku" not in q and "cari" not in q
    kode_baru = sorted(tabel_halaman(at)["Kode"]) if tabel_halaman(at) is not None else []

    # Tautan yang dibagikan membuka tampilan yang sama.
    at2 = app(HALAMAN, **q)
    kode2 = sorted(tabel_halaman(at2)["Kode"]) if tabel_halaman(at2) is not None else []
    assert kode2 == kode_baru
    assert n1 >= 1


def test_penyaring_tanpa_hasil_menjelaskan_diri(app):
    at = app(HALAMAN, provinsi=PROVINSI, daerah=DAERAH, tahun=TAHUN, cari="tidak-ada-indikator-seperti-ini")
    assert tabel_halaman(at) is None
    assert any("Tidak ada indikator" in i.value and "Longgarkan" in i.value for i in at.info)


def test_unduhan_excel_sama_dengan_tabel(app, con, monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager

    tangkap = {}
    asli = MediaFileManager.add_deferred

    def rekam(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        tangkap[file_name] = data_callable
        return asli(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", rekam)
    at = app(HALAMAN, provinsi=PROVINSI, daerah=DAERAH, tahun=TAHUN, urusan="lintas,1.02", predikat="5,4,0")
    t = tabel_halaman(at).drop(columns=["Buka"])
    nama = f"indikator-{DAERAH.replace('.', '-')}-{TAHUN}.xlsx"
    assert nama in tangkap, list(tangkap)
    wb = openpyxl.load_workbook(io.BytesIO(tangkap[nama]()))
    ws = wb["data"]
    baris = list(ws.iter_rows(values_only=True))
    assert list(baris[0]) == list(t.columns)
    assert len(baris) - 1 == len(t)
    assert ws.freeze_panes == "A2"
    kol = {k: j for j, k in enumerate(baris[0])}
    for i, r in enumerate(baris[1:]):
        assert r[kol["Kode"]] == t["Kode"].iloc[i]
        for k in [f"Realisasi {TAHUN}", "Capaian (%)", "Capaian periode (%)"]:
            v = t[k].iloc[i]
            if pd.isna(v):
                assert r[kol[k]] is None
            else:
                assert isinstance(r[kol[k]], (int, float)) and r[kol[k]] == pytest.approx(v), (k, i)
    sel = ws.cell(row=2, column=kol["Capaian (%)"] + 1)
    assert sel.number_format == "#,##0.00"
    ket = {r[0]: r[1] for r in wb["keterangan"].iter_rows(values_only=True) if r[0]}
    assert ket["Urusan"] == "Lintas urusan, Kesehatan"
    assert "Sangat Tinggi" in ket["Predikat"] and "Belum ada data" in ket["Predikat"]
    assert ket["Jumlah baris"] == str(len(t))


def test_banding_dan_peta(app, con):
    at = app(HALAMAN, provinsi="62", daerah="62", tahun=TAHUN, bandingkan="IKU-02")
    grafik = at.get("plotly_chart")
    assert len(grafik) == 3  # banding, peta, lalu kuadran kinerja vs anggaran (keputusan #10) di bawahnya
    bar = spesifikasi(at, 0)
    n_kab = con.execute("SELECT count(*) FROM daerah WHERE kode_induk = '62'").fetchone()[0]
    assert len(bar["data"][0]["y"]) == n_kab  # setiap kabupaten/kota punya baris, juga tanpa data
    assert all(t.split()[-1] in ("▲▲", "▲", "●", "▼", "▼▼", "data") for t in bar["layout"]["yaxis2"]["ticktext"])
    assert len(bar["layout"]["yaxis2"]["ticktext"]) == n_kab
    legenda = [tr["name"] for tr in bar["data"] if tr.get("showlegend", True)]
    assert any("Sangat Tinggi" in n or "Tinggi" in n for n in legenda)  # predikat berlabel, bukan warna saja
    assert any(n.startswith("Provinsi ") for n in legenda) and any(n.startswith("Target provinsi") for n in legenda)
    garis = [s for s in bar["layout"].get("shapes", []) if s.get("type") == "line"]
    assert len(garis) == 2  # nilai dan target provinsi
    p = spesifikasi(at, 1)
    lokasi = [k for tr in p["data"] for k in tr["locations"]]
    assert sorted(lokasi) == sorted(f["id"] for f in peta.geojson_provinsi("62")["features"])
    assert all(tr["featureidkey"] == "properties.kode" for tr in p["data"])
    assert p["layout"]["geo"]["fitbounds"] == "locations" and p["layout"]["geo"]["visible"] is False
    nama_legenda = [tr["name"] for tr in p["data"]]
    assert all(any(x in n for x in ["Tinggi", "Sedang", "Rendah", "Belum ada data"]) for n in nama_legenda)
    plot = at.get("plotly_chart")[1].proto
    assert json.loads(plot.config)["topojsonURL"] == peta.TOPOJSON_URL


def test_belum_ada_data_disebut(app, con, db_demo, tmp_path, monkeypatch):
    """Daerah tanpa angka untuk indikator itu disebut namanya, dan bar/peta menandainya 'belum ada data'."""
    import shutil

    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    c = duckdb.connect(str(db))
    c.execute("DELETE FROM realisasi WHERE indikator_id IN (SELECT id FROM indikator WHERE daerah_kode = '65.02'"
              " AND kode = 'IKU-01')")
    c.close()
    monkeypatch.setenv("PANTAU_DB", str(db))
    at = app(HALAMAN, provinsi="65", daerah="65", tahun=TAHUN)
    bar = spesifikasi(at, 0)
    y, teks = bar["layout"]["yaxis2"]["tickvals"], bar["layout"]["yaxis2"]["ticktext"]
    assert "belum ada data" in teks[y.index("Malinau")]
    assert y[-1] == "Malinau"  # tanpa angka di bawah, tetap punya baris
    assert any("Belum ada data" in m.value and "Malinau" in m.value for m in at.markdown)
    p = spesifikasi(at, 1)
    abu = [tr for tr in p["data"] if "Belum ada data" in tr["name"]]
    assert abu and "65.02" in abu[0]["locations"]


def test_provinsi_tanpa_batas_wilayah_menjelaskan_diri(monkeypatch, app):
    monkeypatch.setattr(peta, "GEO_DIR", peta.GEO_DIR / "tidak-ada")
    at = app(HALAMAN, provinsi="65", daerah="65", tahun=TAHUN)
    assert any("Batas wilayah" in i.value for i in at.info)


def test_batas_wilayah_dikirim_dan_searah_jarum_jam():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bangun_geo", peta.GEO_DIR / "bangun.py")
    bangun = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bangun)
    luas_bertanda = bangun.luas_bertanda

    berkas = sorted(peta.GEO_DIR.glob("kabkota_*.geojson"))
    assert len(berkas) == 38
    assert sum(f.stat().st_size for f in berkas) < 3_000_000
    for prov in ["62", "65"]:
        gj = peta.geojson_provinsi(prov)
        assert all(f["id"].startswith(prov + ".") for f in gj["features"])
        for f in gj["features"]:
            for poligon in f["geometry"]["coordinates"]:
                assert luas_bertanda(poligon[0][:-1]) < 0, f["id"]  # cincin luar searah jarum jam
    assert (peta.STATIC_DIR / "world_110m.json").exists()


def test_kode_dari_pilihan():
    assert peta.kode_dari_pilihan({"selection": {"points": [{"customdata": ["65.02", "x"]}]}}) == "65.02"
    assert peta.kode_dari_pilihan({"selection": {"points": [{"location": "62.01"}]}}) == "62.01"
    assert peta.kode_dari_pilihan({"selection": {"points": []}}) is None
    assert peta.kode_dari_pilihan(None) is None
