"""Dokumentasi skema tetap jujur: setiap tabel, view dan kolom di basis data tercantum di docs/SKEMA.md."""
from __future__ import annotations

import re

from pantau.db import buka
from pantau.jalur import ROOT

SKEMA = (ROOT / "docs" / "SKEMA.md").read_text(encoding="utf-8")


def bagian(nama: str) -> str:
    m = re.search(rf"^### `{re.escape(nama)}`\n(.*?)(?=^### |\Z)", SKEMA, flags=re.S | re.M)
    assert m, f"docs/SKEMA.md tidak punya bagian untuk `{nama}`"
    return m.group(1)


def test_setiap_tabel_view_dan_kolom_terdokumentasi(db_demo):
    con = buka(db_demo)
    try:
        objek = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
        assert len(objek) >= 18
        for (nama,) in objek:
            isi = bagian(nama)
            kolom = [k for (k,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = $t", {"t": nama}).fetchall()]
            hilang = [k for k in kolom if f"`{k}`" not in isi and not (nama == "tahunan" and k not in ("ada_target", "ada_realisasi") and f"`{k}`" in bagian("capaian_tahunan"))]
            assert not hilang, f"kolom {nama}.{hilang} tidak tercantum di docs/SKEMA.md"
    finally:
        con.close()
