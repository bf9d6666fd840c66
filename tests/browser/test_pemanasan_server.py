"""Server yang dinyalakan ulang mengisi tembolok dengan kueri yang terakhir diminta halaman (keputusan #15): daftar
ditulis saat server berhenti, dibaca saat menyala, dan halaman yang sama terbuka dengan isi yang sama."""
from __future__ import annotations

import json
import re
import shutil

from tests.browser.conftest import buka_sampai_grafik, hentikan, mulai_server, tanpa_galat


def test_nyala_ulang_mengisi_tembolok_dari_kunjungan_terakhir(db_demo, halaman, tmp_path):
    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    berkas = tmp_path / "pantau.duckdb.panas.json"
    url = "/?provinsi=65&daerah=65.01&tahun=2024"

    s = mulai_server(db, tmp_path / "server-1.log")
    try:
        buka_sampai_grafik(halaman, s.url + url, "pemanasan_kunjungan_pertama_detik")
        judul = halaman.locator("h1").first.inner_text()
    finally:
        hentikan(s)
    assert "Pemanasan: 0 dari 0" in (tmp_path / "server-1.log").read_text()
    kueri = json.loads(berkas.read_text())["kueri"]
    assert any(k["nama"] == "rata_capaian_daerah" and k["parameter"]["daerah"] == "65.01"
               and k["parameter"]["tahun"] == 2024 for k in kueri), kueri

    s = mulai_server(db, tmp_path / "server-2.log")
    try:
        log = (tmp_path / "server-2.log").read_text()
        m = re.search(r"Pemanasan: (\d+) dari (\d+) kueri", log)
        assert m and int(m[1]) == int(m[2]) == len(kueri) > 5, log[-1500:]
        buka_sampai_grafik(halaman, s.url + url, "pemanasan_sesudah_nyala_ulang_detik")
        assert halaman.locator("h1").first.inner_text() == judul == "Kabupaten Bulungan · capaian 2024"
        tanpa_galat(halaman)
    finally:
        hentikan(s)
