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
