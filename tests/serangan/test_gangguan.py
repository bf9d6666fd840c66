"""Serangan: gangguan di tengah jalan (isu #17, kelas 6) — melengkapi test_kesalahan_db.py (berkas yang sudah
rusak/hilang/terkunci/hanya-baca SEBELUM halaman dibuka).

- Disk penuh saat impor lewat baris perintah: batas ukuran berkas proses (RLIMIT_FSIZE, SIGXFSZ diabaikan) sedikit
  di atas ukuran basis data; impor besar gagal ditulis. Pesannya Indonesia tanpa traceback, dan basis data yang
  dibuka sesudahnya berisi data lama atau seluruh impor, tidak pernah sebagian.
- Disk penuh saat impor lewat halaman (galat tulis disuntikkan di jalur impor): pesan Indonesia, tanpa traceback,
  halaman berikutnya tetap jalan dan data tidak berubah.
- ``kill -9`` di tengah impor baris perintah (sesudah mulai menulis): data lama atau seluruh impor.
- Berkas dirusak, dihapus atau dibuat hanya-baca SELAGI server berjalan (koneksi halaman sudah terbuka).
"""
from __future__ import annotations

import csv
import os
import resource
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from pantau.db import pesan_gagal_tulis
from pantau.jalur import ROOT
from tests.bantuan_halaman import jalankan_halaman, masuk
from tests.serangan.pantauan import bocor, sidik, teks_halaman

NILAI_BARU = 12.5


def _berkas_besar(db, folder) -> tuple:
    """realisasi.csv: setiap indikator angka x setiap tahun periode x TW1-TW4 dan TAHUN (±28.700 baris, ±1 MB)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        baris = con.execute(
            "SELECT i.daerah_kode, p.tahun_awal || '-' || p.tahun_akhir, i.kode, t.tahun, per.periode "
            "FROM indikator i JOIN periode p ON p.id = i.periode_id, range(p.tahun_awal, p.tahun_akhir + 1) t(tahun), "
            "(VALUES ('TW1'), ('TW2'), ('TW3'), ('TW4'), ('TAHUN')) per(periode) WHERE i.polaritas <> 'teks' "
            "ORDER BY ALL").fetchall()
    finally:
        con.close()
    path = folder / "realisasi.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["daerah_kode", "periode_rpjmd", "indikator_kode", "tahun", "periode", "realisasi"])
        for r in baris:
            w.writerow([*r, NILAI_BARU])
    return path, len(baris)


def _keadaan(db) -> tuple:
    """(jumlah impor, jumlah baris realisasi, jumlah realisasi bernilai NILAI_BARU, jumlah riwayat)."""
    con = duckdb.connect(str(db))
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM impor), (SELECT count(*) FROM realisasi), "
            "(SELECT count(*) FROM realisasi WHERE nilai = $n), (SELECT count(*) FROM riwayat)",
            {"n": NILAI_BARU}).fetchone()
    finally:
        con.close()


@pytest.fixture(scope="module")
def lama_dan_baru(db_demo, tmp_path_factory):
    """Keadaan basis data demo sebelum dan sesudah impor besar yang utuh (pembanding 'lama atau seluruh')."""
    folder = tmp_path_factory.mktemp("pembanding")
    db = folder / "pantau.duckdb"
    shutil.copy(db_demo, db)
    berkas, n = _berkas_besar(db, folder)
    lama = _keadaan(db)
    r = subprocess.run([sys.executable, "-m", "pantau", "impor", str(berkas), "--db", str(db)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    baru = _keadaan(db)
    assert baru[0] == lama[0] + 1 and baru[2] == n
    return berkas, lama, baru


def _salinan(db_demo, tmp_path):
    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    return db


def _lama_atau_baru(db, lama, baru) -> str:
    k = _keadaan(db)
    assert k in (lama, baru), f"basis data berisi sebagian impor: {k} (lama {lama}, baru {baru})"
    return "lama" if k == lama else "baru"


# -- disk penuh ------------------------------------------------------------------------------------------------

def test_disk_penuh_saat_impor_cli(db_demo, tmp_path, lama_dan_baru):
    berkas, lama, baru = lama_dan_baru
    db = _salinan(db_demo, tmp_path)
    batas = db.stat().st_size + 256 * 1024

    def batasi():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (batas, batas))

    r = subprocess.run([sys.executable, "-m", "pantau", "impor", str(berkas), "--db", str(db)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300, preexec_fn=batasi)
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr and "Impor berhasil" not in r.stdout, r.stderr[-2000:]
    assert "Ruang disk server penuh" in r.stderr and "tidak pernah separuh" in r.stderr, r.stderr
    hasil = _lama_atau_baru(db, lama, baru)  # dibuka tanpa batas: WAL diputar ulang bila ada
    assert hasil in ("lama", "baru")


def test_pesan_gagal_tulis_menurut_jenis():
    import errno

    assert pesan_gagal_tulis(OSError(errno.ENOSPC, "No space left on device")).startswith("Ruang disk server penuh")
    assert pesan_gagal_tulis(duckdb.IOException('Could not write file "x": File too large')).startswith("Ruang disk")
    assert pesan_gagal_tulis(duckdb.IOException("Permission denied")).startswith("Berkas basis data atau foldernya")
    assert pesan_gagal_tulis(RuntimeError("x")).startswith("Basis data tidak dapat ditulis")
    for e in (OSError(errno.ENOSPC, "/work/x.duckdb"), duckdb.IOException('File "/tmp/a.duckdb" Traceback')):
        assert not bocor(pesan_gagal_tulis(e))


def test_disk_penuh_saat_impor_halaman(db_salinan, monkeypatch, tmp_path):
    """Galat tulis disuntikkan di tengah transaksi impor halaman (sesudah baris pertama ditulis): pesan Indonesia,
    tanpa traceback, data tidak berubah, halaman berikutnya tetap jalan (koneksi dibuka ulang)."""
    import errno

    from pantau.impor import tulis as impor_tulis

    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    asli = impor_tulis.tulis

    def tulis_lalu_penuh(con, kerja, **kw):
        def kerja_penuh(p):
            kerja(p)  # semua baris sudah ditulis di transaksi ...
            raise OSError(errno.ENOSPC, "No space left on device")  # ... lalu disk penuh sebelum COMMIT
        return asli(con, kerja_penuh, **kw)

    monkeypatch.setattr(impor_tulis, "tulis", tulis_lalu_penuh)
    at = jalankan_halaman("pages/3_Impor.py", provinsi="65", daerah="65.01", tahun=2024)
    masuk(at, "demo.operator.bulungan")
    from pantau.ui import data

    def isi():
        cur = data.basis_data().cursor()
        try:
            return cur.execute("SELECT (SELECT count(*) FROM impor), (SELECT sum(nilai) FROM realisasi), "
                               "(SELECT count(*) FROM riwayat WHERE tabel = 'realisasi')").fetchone()
        finally:
            cur.close()

    sebelum = isi()
    f = (b"daerah_kode,periode_rpjmd,indikator_kode,tahun,periode,realisasi\n"
         b"65.01,2021-2026,IKU-01,2024,TW1,77.7\n65.01,2021-2026,IKU-02,2024,TW1,11.1\n")
    at.file_uploader(key="berkas").set_value(("realisasi.csv", f, "text/csv"))
    at.run()
    at.button(key="konfirmasi").click()
    at.run()
    assert not at.exception
    pesan = [e.value for e in at.error]
    assert any(p.startswith("Ruang disk server penuh") for p in pesan), pesan
    assert not bocor(teks_halaman(at))
    assert isi() == sebelum
    at.run()  # halaman berikutnya: koneksi baru, tetap jalan
    assert not at.exception and isi() == sebelum


# -- kill -9 di tengah impor -----------------------------------------------------------------------------------

def _bunuh_saat(db, berkas, tunggu) -> float:
    """Jalankan impor CLI, tunggu ``tunggu(db)`` benar (sudah mulai menulis), lalu SIGKILL. Detik sejak mulai."""
    mulai = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "pantau", "impor", str(berkas), "--db", str(db)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        batas = time.time() + 120
        while not tunggu(db) and p.poll() is None and time.time() < batas:
            time.sleep(0.02)
        assert p.poll() is None, "impor selesai sebelum sempat dibunuh: berkasnya terlalu kecil"
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    return time.perf_counter() - mulai


def _cadangan_dibuat(db) -> bool:
    folder = db.with_name(db.name + ".cadangan")
    return folder.exists() and any(folder.glob("*/keterangan.json"))


def _wal_tumbuh(db) -> bool:
    wal = db.with_name(db.name + ".wal")
    return _cadangan_dibuat(db) and wal.exists() and wal.stat().st_size > 64 * 1024


@pytest.mark.parametrize("saat", ["sesudah_cadangan", pytest.param("wal_tumbuh", marks=pytest.mark.lambat)])
def test_kill_9_di_tengah_impor(db_demo, tmp_path, lama_dan_baru, saat):
    berkas, lama, baru = lama_dan_baru
    db = _salinan(db_demo, tmp_path)
    sebelum = sidik(db)
    _bunuh_saat(db, berkas, {"sesudah_cadangan": _cadangan_dibuat, "wal_tumbuh": _wal_tumbuh}[saat])
    assert sidik(db) != sebelum or saat == "sesudah_cadangan"  # (cadangan saja belum tentu menyentuh berkas)
    hasil = _lama_atau_baru(db, lama, baru)
    assert hasil in ("lama", "baru")
    # sesudahnya basis data tetap dapat dipakai: impor yang sama berhasil utuh
    r = subprocess.run([sys.executable, "-m", "pantau", "impor", str(berkas), "--db", str(db)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert _keadaan(db)[2] == baru[2]


# -- berkas diganggu SELAGI server berjalan --------------------------------------------------------------------

@pytest.mark.parametrize("gangguan", ["dihapus", "dirusak", "baca_saja"])
def test_berkas_diganggu_selagi_server_berjalan(db_demo, tmp_path, monkeypatch, gangguan):
    """Halaman sudah membuka basis data; berkasnya lalu dihapus, ditimpa sampah, atau dibuat hanya-baca. Membaca
    tetap jalan atau halaman menjelaskan dalam bahasa Indonesia; menulis (catatan desk) ditolak dengan pesan
    Indonesia; tidak pernah traceback."""
    import streamlit as st

    from pantau.ui import data

    db = _salinan(db_demo, tmp_path)
    monkeypatch.setenv("PANTAU_DB", str(db))
    st.cache_resource.clear()
    at = jalankan_halaman("pages/5_Desk_Urusan.py", provinsi="65", daerah="65", tahun=2024, urusan="1.02")
    masuk(at, "demo.analis")
    assert at.text_area
    try:
        if gangguan == "dihapus":
            db.unlink()
        elif gangguan == "dirusak":
            with open(db, "r+b") as f:
                f.seek(0)
                f.write(os.urandom(db.stat().st_size))
        else:
            db.chmod(0o444)
            tmp_path.chmod(0o555)
        st.cache_data.clear()
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert not bocor(teks_halaman(at))
        if at.text_area:  # masih dapat menulis catatan: coba simpan
            at.text_area[0].input("Catatan sesudah gangguan")
            [b for b in at.button if b.label == "Simpan catatan"][0].click()
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            teks = teks_halaman(at)
            assert not bocor(teks)
            # tersimpan (koneksi yang terbuka masih memegang berkasnya), atau dijelaskan dalam bahasa Indonesia
            assert any(k in teks for k in ("Catatan tersimpan", "Catatan tidak tersimpan",
                                           "Pantau belum dapat dibuka")), teks[-800:]
        judul = [t.value for t in at.title]
        assert judul, "halaman kosong"
    finally:
        tmp_path.chmod(0o755)
        if db.exists():
            db.chmod(0o644)
        try:
            data._basis_data(data.path_db()).tutup()
        except Exception:  # noqa: BLE001
            pass
        st.cache_resource.clear()
        st.cache_data.clear()
