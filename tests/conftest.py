"""Fixture bersama uji Pantau."""
from __future__ import annotations

from pathlib import Path

import pytest

from pantau.db import buka
from tests.bantuan import db_baru

#: Fixture peramban (server, Chromium, tab) untuk tests/browser/ dan tests/serangan/: satu definisi, satu Chromium.
pytest_plugins = ("tests.bantuan_peramban",)

FOLDER_PERAMBAN = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Penanda ``peramban`` (pyproject.toml) untuk setiap uji di tests/browser/ (``pytestmark`` di conftest tidak
    berlaku untuk uji) dan untuk setiap uji yang memakai Chromium lewat fixture ``peramban`` (juga lewat
    ``halaman``) di folder lain: uji peramban baru tidak masuk ``-m "not peramban"`` (scripts/uji_cepat.sh) tanpa
    sengaja. Uji peramban di tests/serangan/ juga ditandai sendiri di modulnya."""
    for item in items:
        if item.path.is_relative_to(FOLDER_PERAMBAN) or "peramban" in item.fixturenames:
            item.add_marker(pytest.mark.peramban)


@pytest.fixture
def db_kosong(tmp_path):
    """Koneksi terbuka ke basis data baru buatan ``siapkan`` (skema + data rujukan, tanpa indikator)."""
    path = db_baru(tmp_path / "pantau.duckdb")
    con = buka(path)
    yield con
    con.close()


@pytest.fixture(scope="session")
def db_demo(tmp_path_factory):
    """Path basis data demo, dibangun sekali per sesi uji lewat jalur impor yang sama dengan pengguna.

    Uji yang menulis harus menyalin berkas ini lebih dulu.
    """
    from pantau.demo import bangun_demo

    path = tmp_path_factory.mktemp("demo") / "pantau.duckdb"
    bangun_demo(path, laporan=lambda *_: None)
    return path


@pytest.fixture(scope="module")
def con(db_demo):
    """Satu koneksi ke basis data demo untuk satu modul uji (konfigurasi sama dengan aplikasi: satu proses,
    satu instans). Hanya untuk membaca; uji yang menulis memakai ``db_salinan``."""
    from pantau.db import buka

    c = buka(db_demo)
    yield c
    c.close()


@pytest.fixture
def db_salinan(db_demo, tmp_path):
    """Salinan berkas demo untuk uji yang menulis."""
    import shutil

    path = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, path)
    return path


@pytest.fixture
def app(db_demo, monkeypatch):
    """Pembuat AppTest: ``app("pages/1_Indikator.py", daerah="65.01", tahun=2024)`` menjalankan halaman itu
    seperti dibuka lewat tautan dalam (server dimulai dari dashboard.py, lalu halaman dan parameter URL)."""
    from tests.bantuan_halaman import jalankan_halaman

    monkeypatch.setenv("PANTAU_DB", str(db_demo))
    return jalankan_halaman
