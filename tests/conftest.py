"""Fixture bersama uji Pantau."""
from __future__ import annotations

import pytest

from pantau.db import buka
from tests.bantuan import db_baru


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
