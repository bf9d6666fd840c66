"""Pemanasan server (keputusan #15): daftar kueri terakhir disimpan utuh, dibaca dengan curiga (berkas rusak,
nama kueri yang tidak ada, parameter bukan nilai sederhana), dan mengisi tembolok halaman saat server menyala."""
from __future__ import annotations

import json

import pytest

from pantau.ui import data, pemanasan

SAH = {"rata_capaian_daerah", "daftar_provinsi"}


def test_simpan_lalu_muat_sama_persis(tmp_path):
    berkas = tmp_path / "p.duckdb.panas.json"
    kunjungan = [("daftar_provinsi", ()), ("rata_capaian_daerah", (("daerah", "35"), ("periode_id", 3),
                                                                   ("tahun", 2025)))]
    pemanasan.simpan_kunjungan(berkas, kunjungan)
    assert pemanasan.muat_kunjungan(berkas, SAH) == kunjungan
    assert not (tmp_path / "p.duckdb.panas.json.tmp").exists()


@pytest.mark.parametrize("isi", ["", "{bukan json", "[]", '{"versi": 2, "kueri": []}', '{"versi": 1}',
                                 '{"versi": 1, "kueri": "teks"}'])
def test_berkas_rusak_atau_asing_berarti_daftar_kosong(tmp_path, isi):
    berkas = tmp_path / "x.panas.json"
    berkas.write_text(isi)
    assert pemanasan.muat_kunjungan(berkas, SAH) == []
    assert pemanasan.muat_kunjungan(tmp_path / "tidak-ada.json", SAH) == []


def test_hanya_kueri_yang_ada_dan_parameter_sederhana(tmp_path):
    berkas = tmp_path / "x.panas.json"
    berkas.write_text(json.dumps({"versi": 1, "kueri": [
        {"nama": "../../etc/passwd", "parameter": {}},
        {"nama": "riwayat_pelaku", "parameter": {}},
        {"nama": "daftar_provinsi", "parameter": {"a": [1, 2]}},
        {"nama": "daftar_provinsi", "parameter": {"a": {"b": 1}}},
        {"nama": "daftar_provinsi", "parameter": "bukan dict"},
        "bukan dict",
        {"nama": "rata_capaian_daerah", "parameter": {"daerah": "35", "tahun": 2025, "x": None, "y": 1.5}},
    ]}))
    assert pemanasan.muat_kunjungan(berkas, SAH) == [
        ("rata_capaian_daerah", (("daerah", "35"), ("tahun", 2025), ("x", None), ("y", 1.5)))]


def test_catatan_kunjungan_terbatas_tanpa_riwayat_dan_terbaru_di_akhir(monkeypatch):
    from collections import OrderedDict

    monkeypatch.setattr(data, "_kunjungan", OrderedDict())
    monkeypatch.setattr(data, "KUNJUNGAN_MAKS", 3)
    data._catat_kunjungan("riwayat_pelaku", (("oleh", "budi"),))
    data._catat_kunjungan("a", (("tahun", 2025),))
    data._catat_kunjungan("b", ())
    data._catat_kunjungan("c", (("x", object()),))  # bukan nilai sederhana: tidak dicatat
    data._catat_kunjungan("d", ())
    data._catat_kunjungan("a", (("tahun", 2025),))  # diminta lagi: pindah ke akhir
    data._catat_kunjungan("e", ())
    assert data.kunjungan_terakhir() == [("d", ()), ("a", (("tahun", 2025),)), ("e", ())]


def test_isi_tembolok_dari_daftar(db_demo, monkeypatch, tmp_path):
    import shutil

    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    monkeypatch.setenv("PANTAU_DB", str(db))
    pemanasan.simpan_kunjungan(pemanasan.berkas_kunjungan(str(db)), [
        ("daftar_provinsi", ()), ("daerah_dalam_provinsi", (("provinsi", "65"),)),
        ("kueri_yang_sudah_dihapus", ()), ("daerah_dalam_provinsi", (("parameter_lama", "65"),))])
    data._tanya.clear()
    terisi, jumlah, _ = pemanasan.isi_tembolok(30)
    assert (terisi, jumlah) == (2, 3)  # nama yang tidak ada disaring; parameter usang gagal lalu dilewati
    # urutan daftar kunjungan = urutan berkas (terlama lebih dulu), tidak terbalik setiap kali server menyala
    assert data.kunjungan_terakhir()[-2:] == [("daftar_provinsi", ()), ("daerah_dalam_provinsi", (("provinsi", "65"),))]
    # Tembolok terisi: halaman memanggil dengan kunci yang sama dan tidak menjalankan SQL lagi.
    dijalankan = []
    asli = data.BasisData.tanya
    monkeypatch.setattr(data.BasisData, "tanya",
                        lambda self, nama, **p: dijalankan.append(nama) or asli(self, nama, **p))
    assert not data.tanya("daerah_dalam_provinsi", provinsi="65").empty
    assert dijalankan == []
    data._basis_data(str(db.resolve())).tutup()
    data._basis_data.clear()


def test_panaskan_memuat_yang_dimuat_jalan_skrip_pertama():
    """Di proses baru: sesudah ``panaskan`` modul yang dulu baru dimuat pada jalan skrip pertama (diukur dengan
    membandingkan sys.modules sebelum dan sesudahnya, keputusan #15) sudah ada, dan semua modul halaman termuat."""
    import subprocess
    import sys

    from pantau.jalur import ROOT

    kode = ("import sys, streamlit, json; from pantau.ui.pemanasan import panaskan; d = panaskan(); "
            "print(json.dumps({'detik': d, 'modul': sorted(sys.modules)}))")
    keluar = subprocess.run([sys.executable, "-c", kode], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True).stdout
    hasil = json.loads(keluar.strip().splitlines()[-1])
    modul = set(hasil["modul"])
    perlu = {"streamlit.emojis", "streamlit.material_icon_names", "streamlit.runtime.scriptrunner.magic_funcs",
             "streamlit.web.skills", "narwhals._pandas_like.series", "plotly.io._json",
             "plotly.graph_objs.bar._textfont", "plotly.graph_objs.heatmap._textfont",
             "plotly.graph_objs.scatter._textfont", "pantau.ui.ringkasan", "pantau.ui.perhatian",
             "pantau.keluaran.kuadran", "pantau.keluaran.peta"}
    assert perlu <= modul, sorted(perlu - modul)
    assert 0 < hasil["detik"] < 60
