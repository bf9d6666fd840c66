"""Uji halaman dengan AppTest: yang dilihat orang sama dengan perhitungan SQL langsung."""
from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from pantau.keluaran.grafik import _potong
from tests.bantuan_halaman import spesifikasi


def hitung_predikat_grafik(at: AppTest) -> dict[str, int]:
    trace = spesifikasi(at, 0)["data"][0]
    return {re.sub(r"^[^A-Za-z]+", "", y).strip(): int(x) for y, x in zip(trace["y"], trace["x"])}


def hitung_predikat_sql(con, daerah: str, tahun: int) -> dict[str, int]:
    rows = con.execute(
        """
        SELECT CASE WHEN i.polaritas = 'teks' THEN 'Kualitatif'
                    ELSE coalesce(c.predikat, 'Belum ada data') END AS p, count(*)
        FROM indikator i
        LEFT JOIN capaian_tahunan c ON c.indikator_id = i.id AND c.tahun = $tahun
        WHERE i.daerah_kode = $daerah
        GROUP BY 1
        """, {"daerah": daerah, "tahun": tahun}).fetchall()
    return dict(rows)


@pytest.mark.parametrize("provinsi,daerah", [("65", "65.01"), ("62", "62")])
@pytest.mark.parametrize("tahun", [2022, 2025])
def test_jumlah_predikat_sama_dengan_sql(app, con, provinsi, daerah, tahun):
    at = app(provinsi=provinsi, daerah=daerah, tahun=tahun)
    assert at.selectbox(key="daerah").value == daerah
    assert at.selectbox(key="tahun").value == tahun
    assert hitung_predikat_grafik(at) == hitung_predikat_sql(con, daerah, tahun)


def test_mengganti_daerah_dan_tahun_mengganti_angka(app, con):
    at = app(provinsi="65", daerah="65.01", tahun=2025)
    awal = hitung_predikat_grafik(at)
    at.selectbox(key="daerah").set_value("65.04").run()
    assert not at.exception
    sesudah = hitung_predikat_grafik(at)
    assert sesudah == hitung_predikat_sql(con, "65.04", 2025)
    assert sesudah != awal
    at.selectbox(key="tahun").set_value(2021).run()
    assert hitung_predikat_grafik(at) == hitung_predikat_sql(con, "65.04", 2021)
    assert at.query_params["daerah"] == ["65.04"] or at.query_params["daerah"] == "65.04"
    assert "2021" in at.title[0].value


def test_peta_panas_sama_dengan_sql(app, con):
    at = app(provinsi="62", daerah="62", tahun=2025)
    fig = spesifikasi(at, 1)
    panas = [t for t in fig["data"] if t["type"] == "heatmap" and t.get("colorbar")][0]
    dari_grafik = {}
    for y, baris_x, baris_c in zip(panas["y"], [panas["x"]] * len(panas["y"]), panas["customdata"]):
        for x, c in zip(baris_x, baris_c):
            if c:
                dari_grafik[(x, y)] = float(c.split("%")[0].replace(".", "").replace(",", "."))
    # Perhitungan mandiri: rata-rata capaian per kab/kota x urusan, tiap indikator dibatasi 100 dulu.
    rows = con.execute(
        """
        SELECT CASE WHEN d.jenis = 'provinsi' THEN 'Provinsi'
                    WHEN d.jenis = 'kabupaten' THEN replace(d.nama, 'Kabupaten ', '') ELSE d.nama END,
               coalesce(u.nama, 'Lintas urusan'), avg(CASE WHEN c.capaian > 100 THEN 100 ELSE c.capaian END)
        FROM indikator i
        JOIN daerah d ON d.kode = i.daerah_kode
        LEFT JOIN urusan u ON u.kode = i.urusan_kode
        LEFT JOIN capaian_tahunan c ON c.indikator_id = i.id AND c.tahun = 2025
        WHERE (d.kode_induk = '62' OR d.kode = '62') AND i.polaritas <> 'teks'
        GROUP BY ALL
        HAVING count(c.capaian) > 0
        """).fetchall()
    dari_sql = {(x, _potong(y, 24)): v for x, y, v in rows}
    assert len(dari_sql) > 100
    assert any(x == "Provinsi" for x, _ in dari_sql), "kolom pertama kisi = provinsi itu sendiri"
    # tampilan: 2 desimal dari nilai yang sudah dibulatkan 2 desimal
    assert dari_grafik == pytest.approx(dari_sql, abs=0.0051)
    assert panas["x"][0] == "Provinsi"
    kosong = [t for t in fig["data"] if t["type"] == "heatmap" and not t.get("colorbar")][0]
    assert any("–" in baris for baris in kosong["text"]), "sel tanpa data harus bertanda –"


def test_tautan_dengan_parameter_membuka_tampilan_itu(app):
    at = app(provinsi="65", daerah="65.71", tahun=2023)
    assert at.title[0].value == "Kota Tarakan · capaian 2023"
    assert at.selectbox(key="provinsi").value == "65"


def test_parameter_url_tidak_sah_jatuh_ke_bawaan(app):
    at = app(provinsi="99", daerah="zz", tahun="abc")
    assert at.selectbox(key="provinsi").value in ("62", "65")
    assert not at.exception


def test_halaman_indikator_lewat_tautan(app, con):
    ind, daerah = con.execute(
        "SELECT id, daerah_kode FROM indikator WHERE daerah_kode = '62' AND kode = 'IKU-01'").fetchone()
    at = app("pages/1_Indikator.py", provinsi="62", daerah=daerah, tahun=2024, indikator=ind)
    assert at.title[0].value == "Indeks Pembangunan Manusia (IPM)"
    target, realisasi, capaian = con.execute(
        "SELECT target, realisasi, capaian FROM capaian_tahunan WHERE indikator_id = $i AND tahun = 2024",
        {"i": ind}).fetchone()
    metrik = {m.label: m.value for m in at.metric}
    from pantau.aturan.angka import format_angka, format_ringkas

    assert metrik["Target 2024"] == f"{format_ringkas(target)} indeks"
    assert metrik["Realisasi 2024"] == f"{format_ringkas(realisasi)} indeks"
    assert metrik["Capaian 2024"] == f"{format_angka(capaian, 2)}%"
    nama_trace = {t.get("name") for t in spesifikasi(at, 0)["data"]}
    assert {"Target RPJMD", "Target RKPD", "Realisasi tahunan", "Target akhir", "Kondisi awal",
            "Proyeksi"} <= nama_trace
    assert [t.label for t in at.tabs] == ["Angka per tahun", "Semua angka realisasi", "Antar daerah",
                                          "Riwayat perubahan"]


def test_halaman_indikator_kualitatif_dan_kosong(app, con):
    ind = con.execute("SELECT id FROM indikator WHERE daerah_kode = '65' AND kode = 'KEU-01'").fetchone()[0]
    at = app("pages/1_Indikator.py", provinsi="65", daerah="65", tahun=2024, indikator=ind)
    assert {m.label: m.value for m in at.metric}["Capaian"] == "tidak dihitung"
    tanpa = con.execute("SELECT id FROM indikator WHERE daerah_kode = '65.04' AND kode = 'OR-01'").fetchone()[0]
    at = app("pages/1_Indikator.py", provinsi="65", daerah="65.04", tahun=2024, indikator=tanpa)
    assert {m.label: m.value for m in at.metric}["Realisasi 2024"] == "–"
