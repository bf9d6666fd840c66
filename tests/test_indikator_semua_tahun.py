"""Halaman Indikator terbuka tanpa galat untuk SETIAP indikator dan SETIAP tahun yang dapat dipilih pengguna
(keputusan #22: tahun berjalan, dengan target tetapi tanpa realisasi tahunan, dulu melempar TypeError karena NaN).

Satu provinsi dan satu kabupaten di provinsi lain; satu AppTest per daerah, widget diganti seperti pengguna."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pantau.jalur import ROOT

#: Sapuan menyeluruh (±1,5-2,5 menit per daerah): dilewati oleh -m "not lambat".
pytestmark = pytest.mark.lambat


@pytest.mark.parametrize("daerah", ["62", "65.01"])
def test_setiap_indikator_setiap_tahun(db_demo, con, monkeypatch, daerah):
    monkeypatch.setenv("PANTAU_DB", str(db_demo))
    ids = [r[0] for r in con.execute(
        "SELECT i.id FROM indikator i WHERE i.daerah_kode = $d ORDER BY i.id", {"d": daerah}).fetchall()]
    awal, akhir = con.execute(
        "SELECT min(tahun_awal), max(tahun_akhir) FROM periode WHERE daerah_kode = $d", {"d": daerah}).fetchone()
    assert len(ids) >= 40

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page("pages/1_Indikator.py")
    at.query_params.update({"provinsi": daerah.split(".")[0], "daerah": daerah})
    at.run()
    assert not at.exception
    tahun_pilihan = [int(str(x).split(" ")[0]) for x in at.selectbox(key="tahun").options]
    assert tahun_pilihan == list(range(awal, akhir + 1))

    gagal, dibuka = [], 0
    for tahun in tahun_pilihan:
        at.selectbox(key="tahun").set_value(tahun)
        for i in ids:
            at.selectbox(key="indikator").set_value(i).run()
            dibuka += 1
            if at.exception:
                gagal.append((tahun, i, at.exception[0].stack_trace[-1]))
                continue
            # Halaman benar-benar menampilkan indikator itu dan metrik tahun yang dipilih.
            assert at.metric[0].label == f"Target {tahun}"
    assert not gagal, gagal[:5]
    assert dibuka == len(ids) * len(tahun_pilihan)
