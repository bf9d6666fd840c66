"""Impor sambil dasbor membaca.

1. Dalam satu proses (susunan dasbor sebenarnya: satu koneksi, satu cursor per kueri per thread):
   satu thread mengimpor berulang kali, beberapa thread menjalankan kueri halaman terus-menerus. Tidak
   boleh ada kesalahan pembaca, dan pembaca melihat SEMUA nilai lama atau SEMUA nilai baru dari baris
   yang diimpor, tidak pernah campuran.
2. Antar proses: perintah ``impor`` ketika proses lain (dasbor) memegang berkas ditolak dengan pesan
   yang menjelaskan cara lain, dan berkas tidak berubah.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

import openpyxl
import pytest

from pantau.db import BasisData, parameter_kueri, teks_kueri
from pantau.impor import impor_berkas
from pantau.jalur import QUERIES_DIR, ROOT

PUTARAN = 6


def berkas_putaran(tmp_path, baris, nilai: int):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "realisasi"
    ws.append(["daerah_kode", "periode_rpjmd", "indikator_kode", "tahun", "periode", "realisasi"])
    for kode, per in baris:
        ws.append(["65.01", per, kode, 2024, "TAHUN", nilai])
    path = tmp_path / f"putaran-{nilai}.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def bd(db_demo, tmp_path):
    path = tmp_path / "pantau.duckdb"
    shutil.copyfile(db_demo, path)
    b = BasisData(path)
    yield b
    b.tutup()


def test_pembaca_tidak_pernah_melihat_setengah_impor(bd, tmp_path):
    cur = bd.cursor()
    periode_id, label = cur.execute(
        "SELECT id, tahun_awal || '-' || tahun_akhir FROM periode WHERE daerah_kode = '65.01' "
        "AND 2024 BETWEEN tahun_awal AND tahun_akhir ORDER BY tahun_awal LIMIT 1").fetchone()
    baris = [(k, label) for (k,) in cur.execute(
        "SELECT kode FROM indikator WHERE periode_id = $p AND polaritas <> 'teks' ORDER BY kode",
        {"p": periode_id}).fetchall()]
    indikator_id = cur.execute("SELECT id FROM indikator WHERE periode_id = $p LIMIT 1",
                               {"p": periode_id}).fetchone()[0]
    cur.close()
    assert len(baris) >= 20
    impor_berkas(bd.con, berkas_putaran(tmp_path, baris, 1), oleh="awal")
    berkas = [berkas_putaran(tmp_path, baris, n) for n in range(2, 2 + PUTARAN)]

    contoh = {"daerah": "65.01", "provinsi": "65", "periode_id": periode_id, "tahun": 2024, "batas": 10,
              "indikator_id": indikator_id}
    kueri = []
    for p in sorted(QUERIES_DIR.glob("*.sql")):
        perlu = parameter_kueri(teks_kueri(p.stem))
        if perlu <= contoh.keys():
            kueri.append((p.stem, {k: contoh[k] for k in perlu}))
    assert len(kueri) >= 10

    selesai = threading.Event()
    galat: list[BaseException] = []
    terlihat: list[tuple] = []
    jumlah_baca = [0]

    def pembaca(no: int):
        try:
            i = no
            while not selesai.is_set():
                nama, params = kueri[i % len(kueri)]
                bd.tanya(nama, **params)  # kueri halaman, cursor sendiri
                c = bd.cursor()
                try:
                    r = c.execute(
                        "SELECT count(*), count(DISTINCT r.nilai), min(r.nilai) FROM realisasi r "
                        "JOIN indikator i ON i.id = r.indikator_id WHERE i.periode_id = $p AND r.tahun = 2024 "
                        "AND r.periode = 'TAHUN' AND i.polaritas <> 'teks'", {"p": periode_id}).fetchone()
                finally:
                    c.close()
                terlihat.append(r)
                jumlah_baca[0] += 1
                i += 1
        except BaseException as e:  # noqa: BLE001 - semua kesalahan pembaca dilaporkan
            galat.append(e)

    threads = [threading.Thread(target=pembaca, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.2)
        for f in berkas:
            with bd.kunci_tulis:
                h = impor_berkas(bd.con, f, oleh="penulis")
            assert h.ringkasan.jumlah["realisasi"]["ubah"] == len(baris)
            time.sleep(0.05)
    finally:
        selesai.set()
        for t in threads:
            t.join(timeout=60)
    assert not galat, galat
    assert jumlah_baca[0] > 20
    for n, beda, nilai in terlihat:
        assert n == len(baris), "jumlah baris yang diimpor berubah di tengah impor"
        assert beda == 1, f"pembaca melihat campuran nilai lama dan baru ({beda} nilai berbeda)"
        assert 1 <= nilai <= 1 + PUTARAN
    assert {r[2] for r in terlihat} > {1.0}, "pembaca harus sempat melihat nilai baru"


def test_impor_cli_ditolak_selagi_dasbor_memegang_berkas(db_demo, tmp_path):
    db = tmp_path / "pantau.duckdb"
    shutil.copyfile(db_demo, db)
    f = tmp_path / "realisasi.csv"
    f.write_text("daerah_kode,indikator_kode,tahun,periode,realisasi\n65.01,IKU-01,2024,TW1,5\n", encoding="utf-8")
    pemegang = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from pantau.db import BasisData\n"
        "bd = BasisData(sys.argv[1])\n"
        "print('siap', flush=True)\n"
        "while True:\n"
        "    bd.tanya('daftar_provinsi'); time.sleep(0.01)\n"), str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert pemegang.stdout.readline().strip() == "siap"
        isi = db.read_bytes()
        r = subprocess.run([sys.executable, "-m", "pantau", "impor", str(f), "--db", str(db)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 1
        assert "sedang dipakai proses lain" in r.stderr
        assert "halaman Impor" in r.stderr  # cara lain yang disarankan
        assert "Traceback" not in r.stderr
        assert db.read_bytes() == isi
        assert pemegang.poll() is None, "dasbor tidak boleh terganggu"
    finally:
        pemegang.kill()
        pemegang.wait()


def test_batas_memori_duckdb(tmp_path):
    """PANTAU_MEMORI: bentuk sah dipasang sebagai memory_limit, bentuk lain ditolak dengan pesan Indonesia."""
    import pytest

    from pantau.db import BasisData, KesalahanBasisData

    bd = BasisData(tmp_path / "m.duckdb", memori="512MB")
    try:
        batas = bd.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert batas.replace(" ", "") in ("488.2MiB", "512.0MB", "488.2MB"), batas
    finally:
        bd.tutup()
    with pytest.raises(KesalahanBasisData, match="tidak sah"):
        BasisData(tmp_path / "n.duckdb", memori="512MB'; DROP TABLE x; --")
