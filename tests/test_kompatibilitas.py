"""Berkas Pantau dapat dibaca DuckDB 1.4 (alat analis dan BI sering membawa versi lama), dan view
aturan memberi angka yang sama persis di sana."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from pantau.db import buka
from pantau.jalur import ROOT

PEMBACA_LAMA = ROOT / ".venv-duckdb14" / "bin" / "python"
KUERI = {
    "capaian_tahunan": "SELECT indikator_id, tahun, capaian, predikat FROM capaian_tahunan ORDER BY ALL",
    "capaian_periode": ("SELECT indikator_id, capaian_periode, round(proyeksi, 6), on_track FROM capaian_periode "
                        "ORDER BY ALL"),
    "capaian_triwulan": "SELECT indikator_id, tahun, triwulan, capaian FROM capaian_triwulan ORDER BY ALL",
}


@pytest.fixture
def pembaca_lama():
    if not PEMBACA_LAMA.exists():
        pesan = "pembaca DuckDB 1.4 (.venv-duckdb14) belum ada: jalankan lewat scripts/uji.sh"
        if os.environ.get("CI"):
            pytest.fail(pesan)
        pytest.skip(pesan)
    return PEMBACA_LAMA


def test_duckdb_14_membuka_berkas_dan_view_sama(db_demo, pembaca_lama, tmp_path):
    salinan = tmp_path / "salinan.duckdb"
    salinan.write_bytes(db_demo.read_bytes())
    skrip = (
        "import duckdb, json, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "q = json.loads(sys.argv[2])\n"
        "print(json.dumps({'versi': duckdb.__version__, **{k: con.execute(v).fetchall() for k, v in q.items()}},"
        " default=str))\n"
    )
    hasil = subprocess.run([str(pembaca_lama), "-c", skrip, str(salinan), json.dumps(KUERI)],
                           capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    lama = json.loads(hasil.stdout)
    assert lama["versi"].startswith("1.4")
    con = buka(salinan, baca_saja=True)
    try:
        for nama, sql in KUERI.items():
            baru = json.loads(json.dumps(con.execute(sql).fetchall(), default=str))
            assert lama[nama] == baru, nama
            assert len(baru) > 900
    finally:
        con.close()


def test_meta_mencatat_versi(db_demo):
    # konfigurasi sama dengan koneksi dasbor (AppTest) yang mungkin masih terbuka di proses ini
    con = buka(db_demo)
    try:
        meta = dict(con.execute("SELECT kunci, nilai FROM meta").fetchall())
    finally:
        con.close()
    import duckdb

    from pantau import __version__
    from pantau.db import SCHEMA_VERSION

    assert meta["duckdb_version"] == duckdb.__version__
    assert meta["pantau_version"] == __version__
    assert int(meta["schema_version"]) == SCHEMA_VERSION


def test_duckdb_14_membaca_anggaran_sipd(pembaca_lama, tmp_path):
    """Anggaran SIPD-RI (DECIMAL, view anggaran_sub_kegiatan, dukungan berkunci unit) terbaca DuckDB 1.4."""
    from pantau.impor.sipd_tulis import impor_sipd
    from tests.bantuan import db_baru
    from tests.bantuan_sipd import PAGU, RENJA, SKPD

    path = db_baru(tmp_path / "sipd.duckdb")
    con = buka(path)
    try:
        impor_sipd(con, [RENJA, PAGU, SKPD], daerah="17.03", tahun=2026, oleh="uji")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    skrip = ("import duckdb, sys\n"
             "con = duckdb.connect(sys.argv[1], read_only=True)\n"
             "print(con.execute('SELECT count(*), CAST(sum(pagu) AS VARCHAR) FROM anggaran_sub_kegiatan').fetchone(),"
             " con.execute('SELECT count(*) FROM anggaran_dukungan').fetchone()[0])\n")
    hasil = subprocess.run([str(pembaca_lama), "-c", skrip, str(path)], capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "(124, '147618882317.00') 0"
