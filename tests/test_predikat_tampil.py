"""Predikat dan angka di sampingnya selalu cocok seperti dibaca orang (keputusan #14 dan #16).

Capaian dan rata-rata capaian dibulatkan dua desimal lewat DECIMAL (``bulat_dua``) sebelum bertemu skala predikat, dan
ditampilkan dengan dua desimal juga; jadi "90,96% Tinggi" tidak pernah tampil sebagai "91,0% Tinggi".
Hitungan tangan: batas Sangat Tinggi = 91.
"""
from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from pantau.aturan.angka import baca_angka
from pantau.aturan.format import persen
from pantau.db import buka
from pantau.jalur import ROOT
from tests.bantuan import db_baru, impor_kasus, ind, rea, tgt

BATAS = [(91.0, "Sangat Tinggi"), (76.0, "Tinggi"), (66.0, "Sedang"), (51.0, "Rendah"), (0.0, "Sangat Rendah")]


def band(x: float) -> str:
    return next(p for b, p in BATAS if x >= b)


@pytest.mark.parametrize("nilai,harap,predikat", [
    ([90.94], 90.94, "Tinggi"),
    ([90.95], 90.95, "Tinggi"),
    ([90.96], 90.96, "Tinggi"),
    ([91.00], 91.00, "Sangat Tinggi"),
    ([90.95, 90.96], 90.96, "Tinggi"),      # 90,955 -> 90,96 (DECIMAL), bukan 90,95 dari round(double)
    ([90.99, 91.00], 91.00, "Sangat Tinggi"),  # 90,995 -> 91,00: rata-rata dua desimal, predikatnya Sangat Tinggi
    ([120.0, 62.0], 81.00, "Tinggi"),       # dibatasi 100 dulu: (100 + 62) / 2
])
def test_rata_capaian_dibulatkan_seperti_capaian_dan_predikatnya(db_kosong, nilai, harap, predikat):
    baris = ", ".join(f"({v})" for v in nilai)
    r, p = db_kosong.execute(
        f"SELECT rata_capaian(c), predikat(rata_capaian(c)) FROM (VALUES {baris}) t(c)").fetchone()
    assert r == harap
    assert p == predikat
    # yang dibaca orang (dua desimal) ada di pita predikat yang sama
    assert band(baca_angka(persen(r).rstrip("%")).nilai) == p


@pytest.mark.parametrize("c,predikat", [(75.99, "Sedang"), (76.0, "Tinggi"), (90.99, "Tinggi"), (91.0, "Sangat Tinggi"),
                                        (0.0, "Sangat Rendah"), (None, None)])
def test_predikat_satu_makro_batas_bawah_inklusif(db_kosong, c, predikat):
    assert db_kosong.execute("SELECT predikat($c)", {"c": c}).fetchone()[0] == predikat


def test_skala_yang_diubah_daerah_langsung_berlaku(db_kosong):
    db_kosong.execute("UPDATE skala_predikat SET batas_bawah = 90 WHERE predikat = 'Sangat Tinggi'")
    assert db_kosong.execute("SELECT predikat(90.5)").fetchone()[0] == "Sangat Tinggi"


def test_ringkasan_rata_90_955_tampil_90_96_tinggi(tmp_path, monkeypatch):
    """Dua indikator berkapaian 90,95 dan 90,96: Ringkasan menulis rata-ratanya 90,96% dengan predikat Tinggi
    (bukan "91,0% Tinggi")."""
    path = db_baru(tmp_path / "pantau.duckdb")
    con = buka(path)
    try:
        impor_kasus(con, tmp_path / "kasus",
                    indikator=[ind("A"), ind("B")],
                    target=[tgt("A", 2024, "100"), tgt("B", 2024, "100")],
                    realisasi=[rea("A", 2024, "90,95"), rea("B", 2024, "90,96")])
    finally:
        con.close()
    monkeypatch.setenv("PANTAU_DB", str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update({"provinsi": "65", "daerah": "65.01", "tahun": "2024"})
    at.run()
    assert not at.exception
    m = {x.label: x for x in at.metric}["Rata-rata capaian"]
    assert m.value == "90,96%"
    assert "Tinggi" in str(m.proto.delta) and "Sangat" not in str(m.proto.delta)
    angka = float(re.sub(r"[^\d,]", "", m.value).replace(",", "."))
    assert band(angka) == "Tinggi"
