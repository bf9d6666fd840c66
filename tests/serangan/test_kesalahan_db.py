"""Serangan: traceback kepada pengunjung (keputusan #19, lubang 4).

Berkas basis data yang hilang, rusak, dikunci proses lain atau hanya-baca memberi satu halaman Indonesia (apa yang
salah, apa yang dilakukan administrator) di setiap halaman, tanpa traceback, jenis galat atau lokasi berkas;
rinciannya ada di log server. Galat lain di halaman: satu pesan Indonesia (aplikasi.py, on_script_error).
client.showErrorDetails = "none".
"""
from __future__ import annotations

import os
import shutil
import tomllib

import duckdb
import pytest

from pantau.jalur import ROOT
from pantau.ui.data import PENJELASAN
from tests.bantuan_halaman import jalankan_halaman

KEADAAN = ["hilang", "rusak", "terkunci", "baca_saja"]
#: Yang tidak boleh terlihat pengunjung.
BOCOR = ["Traceback", 'File "', ".py", "IOException", "IO Error", "_duckdb", "Conflicting lock", "PID", "/tmp",
         "/work", "pytest"]


def siapkan(keadaan: str, db_demo, folder):
    """(path PANTAU_DB, fungsi pembersih) untuk satu keadaan berkas."""
    db = folder / "pantau.duckdb"
    bersih = lambda: None  # noqa: E731
    if keadaan == "hilang":
        return folder / "tidak-ada.duckdb", bersih
    shutil.copy(db_demo, db)
    if keadaan == "rusak":
        db.write_bytes(os.urandom(64 * 1024))
    elif keadaan == "terkunci":
        pemegang = duckdb.connect(str(db))  # proses uji memegang berkas, seperti `pantau impor` yang berjalan
        bersih = pemegang.close
    elif keadaan == "baca_saja":
        db.chmod(0o444)
        bersih = lambda: db.chmod(0o644)  # noqa: E731
    return db, bersih


def test_tampilan_galat_tidak_pernah_traceback():
    konfig = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert konfig["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize("keadaan", ["hilang", "rusak", "baca_saja"])
def test_halaman_apptest_menjelaskan_tanpa_traceback(keadaan, db_demo, tmp_path, monkeypatch):
    """(AppTest: keadaan 'terkunci' tidak dapat dibuat di satu proses; diuji di peramban.)"""
    db, bersih = siapkan(keadaan, db_demo, tmp_path)
    monkeypatch.setenv("PANTAU_DB", str(db))
    try:
        for halaman in (None, "pages/5_Desk_Urusan.py", "pages/3_Impor.py"):
            at = jalankan_halaman(halaman, provinsi="65", daerah="65.01", tahun=2024)
            assert [t.value for t in at.title] == ["Pantau belum dapat dibuka"]
            apa, saran = PENJELASAN[keadaan]
            assert [e.value for e in at.error] == [apa] and [i.value for i in at.info] == [saran]
            assert not at.selectbox and not at.get("plotly_chart") and not at.sidebar.markdown
            teks = " ".join(x.value for x in [*at.error, *at.info, *at.caption])
            assert not [b for b in BOCOR if b in teks], teks
    finally:
        bersih()
    if keadaan == "hilang":
        assert not db.exists()  # PANTAU_DB yang hilang tidak diganti diam-diam dengan basis data baru


def test_galat_lain_saat_membuka_tetap_satu_halaman(db_demo, tmp_path, monkeypatch):
    """Galat DuckDB selain ``BasisDataTakTerbuka`` (misalnya saat memasang skema) juga satu halaman penjelasan menurut
    jenisnya, bukan traceback (cabang ``except Exception`` di ``pantau.ui.data.basis_data``)."""
    from pantau.ui import data

    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    monkeypatch.setenv("PANTAU_DB", str(db))

    def pasang_skema_rusak(con):
        raise duckdb.IOException("Corrupt database file: checksum mismatch")

    monkeypatch.setattr(data, "pasang_skema", pasang_skema_rusak)
    at = jalankan_halaman(None, provinsi="65", daerah="65.01", tahun=2024)
    assert not at.exception
    assert [t.value for t in at.title] == ["Pantau belum dapat dibuka"]
    assert [e.value for e in at.error] == [PENJELASAN["rusak"][0]]


def test_tanpa_pantau_db_demo_dibangun_pada_start_pertama(tmp_path, monkeypatch):
    """Janji README ("Dua perintah") tetap: tanpa PANTAU_DB, basis data demo bawaan dibangun bila belum ada."""
    from pantau.ui import data

    monkeypatch.delenv("PANTAU_DB", raising=False)
    monkeypatch.setattr(data, "DEFAULT_DB", tmp_path / "pantau.duckdb")
    at = jalankan_halaman(None, provinsi="65", daerah="65.01", tahun=2024)
    assert (tmp_path / "pantau.duckdb").exists()
    assert at.title[0].value != "Pantau belum dapat dibuka"


# -- peramban: setiap keadaan berkas di server sungguhan ----------------------------------------------------------

@pytest.mark.peramban
@pytest.mark.parametrize("keadaan", KEADAAN)
def test_peramban_satu_halaman_indonesia_per_keadaan(keadaan, db_demo, halaman, tmp_path):
    from tests.bantuan_peramban import hentikan, mulai_server, tangkap_layar, tunggu_siap

    db, bersih = siapkan(keadaan, db_demo, tmp_path)
    s = mulai_server(db, tmp_path / "server.log")
    try:
        for jalur in ("/", "/Desk_Urusan?provinsi=65&daerah=65&tahun=2024&urusan=1.02", "/Impor"):
            halaman.goto(s.url + jalur)
            tunggu_siap(halaman)
            assert halaman.locator("h1").first.inner_text() == "Pantau belum dapat dibuka"
            apa, saran = PENJELASAN[keadaan]
            isi = halaman.locator('[data-testid="stMain"]').inner_text()
            assert apa in isi and "Administrator:" in isi
            assert halaman.locator('[data-testid="stException"]').count() == 0
            semua = halaman.evaluate("document.body.innerText")
            assert not [b for b in BOCOR if b in semua], semua
            assert halaman.get_by_role("combobox").count() == 0  # tidak ada saringan/halaman setengah jadi
        tangkap_layar(halaman, f"serangan-basis-data-{keadaan}-1920x1080")
        log = s.log.read_text(errors="replace")
        assert f"tidak dapat dibuka ({keadaan})" in log and str(db) in log  # rincian untuk administrator
        if keadaan == "terkunci":
            bersih()  # administrator menghentikan proses lain: muat ulang, dasbor terbuka tanpa restart
            bersih = lambda: None  # noqa: E731
            halaman.goto(s.url + "/")
            tunggu_siap(halaman)
            assert halaman.locator("h1").first.inner_text() != "Pantau belum dapat dibuka"
            assert halaman.locator('[data-testid="stPlotlyChart"]').count() >= 1
    finally:
        hentikan(s)
        bersih()


@pytest.mark.peramban
def test_peramban_galat_halaman_lain_pesan_indonesia_tanpa_traceback(halaman, tmp_path):
    """Galat tak terduga di skrip halaman mana pun: pesan Indonesia dari aplikasi.py (on_script_error), jenis galat
    dan traceback hanya di log server."""
    from pantau.ui.penjaga import PESAN_GALAT
    from tests.bantuan_peramban import hentikan, mulai_server, tangkap_layar, tunggu_siap

    (tmp_path / "halaman.py").write_text("import streamlit as st\nst.title('Uji')\nx = 1 / 0\n")
    (tmp_path / "peluncur.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nimport streamlit as st\n"
        "from pantau.ui.penjaga import galat_halaman\n"
        f"app = st.App({str(tmp_path / 'halaman.py')!r}, on_script_error=galat_halaman)\n")
    s = mulai_server(tmp_path / "tak-dipakai.duckdb", tmp_path / "server.log", skrip=tmp_path / "peluncur.py")
    try:
        halaman.goto(s.url + "/")
        tunggu_siap(halaman)
        teks = halaman.evaluate("document.body.innerText")
        assert PESAN_GALAT in teks
        assert "ZeroDivisionError" not in teks and "Traceback" not in teks and "halaman.py" not in teks
        assert halaman.locator('[data-testid="stException"]').count() == 0
        tangkap_layar(halaman, "serangan-galat-halaman-1920x1080")
        assert "ZeroDivisionError" in s.log.read_text(errors="replace")
    finally:
        hentikan(s)
