"""Cadangan otomatis sebelum impor, pemulihan (hanya bila tidak ada proses lain), dan pembatalan impor
dari riwayat."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from pantau.db import buka, cadangan
from pantau.impor import impor_berkas
from pantau.impor.batal import GagalBatal, batalkan_impor
from pantau.jalur import ROOT
from tests.bantuan import db_baru, isi_db
from tests.korpus_buruk import buat_korpus as korpus

D = korpus.DASAR


def isi_data(con) -> dict:
    """Isi tabel data tanpa kolom jejak (diubah_oleh/_pada, impor_id)."""
    return {
        "indikator": con.execute("SELECT id, kode, nama, satuan, polaritas, agregasi, urusan_kode FROM indikator "
                                 "ORDER BY ALL").fetchall(),
        "target": con.execute("SELECT indikator_id, tahun, dokumen, nilai, nilai_min, nilai_max, nilai_teks "
                              "FROM target ORDER BY ALL").fetchall(),
        "realisasi": con.execute("SELECT indikator_id, tahun, periode, nilai, nilai_teks, status, sumber "
                                 "FROM realisasi ORDER BY ALL").fetchall(),
    }


@pytest.fixture
def db(tmp_path):
    path = db_baru(tmp_path / "pantau.duckdb")
    con = buka(path)
    impor_berkas(con, korpus.tulis_dasar(tmp_path), oleh="dasar")
    con.close()
    return path


def berkas_ubah(tmp_path):
    lembar = {
        "indikator": [D["indikator"][0], D["indikator"][1][:4] + ["IPM (diubah)", "indeks", "positif", "akhir"],
                      ["65.01", "2021-2026", "1.02", "BARU", "Indikator baru", "orang", "positif", "kumulatif"]],
        "target": [D["target"][0], ["65.01", "PE", 2023, "5 - 7"], ["65.01", "IPM", 2024, 73],
                   ["65.01", "BARU", 2024, 5]],
        "realisasi": [D["realisasi"][0], ["65.01", "IPM", 2023, "TAHUN", 71.6, "sementara"],
                      ["65.01", "JALAN", 2024, "TW1", 3, None], ["65.01", "BARU", 2024, "TW1", 3, None]],
    }
    f = tmp_path / "ubah.xlsx"
    f.write_bytes(korpus.buku(lembar))
    return f


def test_impor_dengan_cadangan_dan_pemulihan_lewat_cli(db, tmp_path, monkeypatch):
    con = buka(db)
    sebelum = isi_db(con)
    hasil = impor_berkas(con, berkas_ubah(tmp_path), oleh="uji", cadangan=True)
    assert hasil.cadangan and hasil.cadangan.endswith(f"sebelum-impor-{hasil.ringkasan.impor_id}")
    sesudah = isi_db(con)
    assert sesudah != sebelum
    con.close()
    # cadangan = keadaan tepat sebelum impor, dapat dibaca (format penyimpanan v1.4.0)
    c = cadangan.daftar(db)[0]
    assert c.nama == hasil.cadangan
    b = duckdb.connect(str(c.path / cadangan.NAMA_BERKAS), read_only=True)
    assert isi_db(b) == sebelum
    b.close()

    r = subprocess.run([sys.executable, "-m", "pantau", "pulihkan", "--db", str(db)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and hasil.cadangan in r.stdout
    r = subprocess.run([sys.executable, "-m", "pantau", "pulihkan", "--db", str(db), "--cadangan", hasil.cadangan],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    con = buka(db)
    assert isi_db(con) == sebelum
    # urutan (sequence) ikut pulih: impor berikutnya tidak bertabrakan
    impor_berkas(con, berkas_ubah(tmp_path), oleh="uji")
    con.close()
    # keadaan sebelum pemulihan pun disimpan
    assert any(x.keterangan.startswith("sebelum-pulihkan") for x in cadangan.daftar(db))


def test_cadangan_dipangkas(db, monkeypatch):
    monkeypatch.setenv("PANTAU_CADANGAN_SIMPAN", "3")
    con = buka(db)
    for i in range(5):
        cadangan.buat(con, f"uji-{i}")
    con.close()
    assert [c.keterangan for c in cadangan.daftar(db)] == ["uji-4", "uji-3", "uji-2"]


def test_pulihkan_ditolak_selagi_berkas_dipakai_proses_lain(db):
    con = buka(db)
    c = cadangan.buat(con, "uji")
    con.close()
    # proses lain memegang berkas (seperti dasbor)
    pemegang = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('siap', flush=True); time.sleep(60)"),
        str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert pemegang.stdout.readline().strip() == "siap"
        isi_sebelum = db.read_bytes()
        r = subprocess.run([sys.executable, "-m", "pantau", "pulihkan", "--db", str(db), "--cadangan", c.nama],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert r.returncode == 1
        assert "sedang dipakai proses lain" in r.stderr and "Hentikan dasbor" in r.stderr
        assert db.read_bytes() == isi_sebelum
    finally:
        pemegang.kill()
        pemegang.wait()


def test_batal_impor_mengembalikan_nilai_lama(db, tmp_path):
    con = buka(db)
    try:
        sebelum = isi_data(con)
        hasil = impor_berkas(con, berkas_ubah(tmp_path), oleh="uji")
        assert isi_data(con) != sebelum
        batal = batalkan_impor(con, hasil.ringkasan.impor_id, oleh="admin")
        sesudah = isi_data(con)
        # indikator BARU tetap terdaftar tanpa data (batasan foreign key DuckDB dalam satu transaksi)
        assert batal.tetap_terdaftar == ["BARU"]
        sesudah["indikator"] = [r for r in sesudah["indikator"] if r[1] != "BARU"]
        assert sesudah == sebelum
        # pembatalan tercatat di riwayat, dengan nilai lama dan baru terbalik
        r = con.execute("SELECT aksi, tabel, nilai_lama, nilai_baru, oleh FROM riwayat WHERE impor_id = $i "
                        "AND tabel = 'realisasi' AND kolom = 'realisasi' AND aksi = 'ubah'",
                        {"i": batal.impor_id}).fetchall()
        assert r == [("ubah", "realisasi", "71.6", "71.5", "admin")]
        with pytest.raises(GagalBatal, match="sudah dibatalkan"):
            batalkan_impor(con, hasil.ringkasan.impor_id, oleh="admin")
    finally:
        con.close()


def test_batal_impor_ditolak_bila_impor_sesudahnya_mengubah_kunci_yang_sama(db, tmp_path):
    con = buka(db)
    try:
        h1 = impor_berkas(con, berkas_ubah(tmp_path), oleh="uji")
        f = tmp_path / "lagi.xlsx"
        f.write_bytes(korpus.buku({"realisasi": [D["realisasi"][0], ["65.01", "IPM", 2023, "TAHUN", 80, None]]}))
        impor_berkas(con, f, oleh="uji")
        sebelum = isi_db(con)
        with pytest.raises(GagalBatal, match="Batalkan impor itu lebih dulu"):
            batalkan_impor(con, h1.ringkasan.impor_id, oleh="admin")
        assert isi_db(con) == sebelum
    finally:
        con.close()


def test_cli_batal_impor(db, tmp_path):
    con = buka(db)
    h = impor_berkas(con, berkas_ubah(tmp_path), oleh="uji")
    con.close()
    r = subprocess.run([sys.executable, "-m", "pantau", "batal-impor", str(h.ringkasan.impor_id), "--db", str(db),
                        "--oleh", "admin"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"Impor #{h.ringkasan.impor_id} dibatalkan" in r.stdout
    r = subprocess.run([sys.executable, "-m", "pantau", "batal-impor", "999", "--db", str(db)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "tidak ada" in r.stderr
