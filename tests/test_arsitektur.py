"""Aturan susunan kode (keputusan #14), diperiksa pada teks sumber:

- halaman dan antarmuka (``pages/``, ``dashboard.py``, ``pantau/ui/``) tidak menjalankan SQL sendiri: membaca lewat
  ``pantau.ui.data.tanya`` (kueri bernama di ``queries/``, bertembolok) atau fungsi ranah, menulis lewat fungsi ranah
  (``pantau.db.tulis``); satu-satunya pengecualian adalah lapisan data itu sendiri, ``pantau/ui/data.py``;
- setiap berkas ``queries/*.sql`` dipakai kode;
- ``riwayat`` hanya ditulis lewat ``pantau.db.tulis``;
- tidak ada lingkaran impor antarmodul paket ``pantau``;
- halaman hanya tata letak: paling banyak 120 baris.
"""
from __future__ import annotations

import ast
import re

import pytest

from pantau.jalur import PAKET, QUERIES_DIR, ROOT

ANTARMUKA = sorted([ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"),
                    *(p for p in (PAKET / "ui").glob("*.py") if p.name != "data.py")])
SQL_SENDIRI = re.compile(r"\.execute\(|\.cursor\(|\bjalankan\(|\.tanya\(|\.con\b|\bduckdb\b|"
                         r"\bSELECT\s.*\sFROM\s|\bINSERT\s+INTO\s|\bDELETE\s+FROM\s|\bUPDATE\s+\w+\s+SET\s")


def _kode(path) -> str:
    """Teks sumber tanpa docstring dan komentar (yang boleh menyebut SQL)."""
    pohon = ast.parse(path.read_text(encoding="utf-8"))
    for simpul in ast.walk(pohon):
        if isinstance(simpul, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)) and simpul.body:
            pertama = simpul.body[0]
            if isinstance(pertama, ast.Expr) and isinstance(getattr(pertama, "value", None), ast.Constant):
                pertama.value.value = ""
    return ast.unparse(pohon)


@pytest.mark.parametrize("path", ANTARMUKA, ids=lambda p: str(p.relative_to(ROOT)))
def test_antarmuka_tidak_menjalankan_sql_sendiri(path):
    kode = _kode(path)
    # data.tanya adalah jalan bacanya; yang lain (bd.tanya, cursor, execute, SELECT) tidak boleh
    temuan = [m.group(0) for m in SQL_SENDIRI.finditer(kode.replace("data.tanya(", "data_tanya("))]
    assert not temuan, f"{path.relative_to(ROOT)} menjalankan SQL sendiri: {temuan[:5]}"


def test_setiap_kueri_dipakai_kode():
    kode = "\n".join(p.read_text(encoding="utf-8") for p in [*PAKET.rglob("*.py"), ROOT / "dashboard.py",
                                                             *(ROOT / "pages").glob("*.py")])
    tidak = [p.stem for p in sorted(QUERIES_DIR.glob("*.sql")) if f'"{p.stem}"' not in kode]
    assert not tidak, f"kueri yang tidak dipakai kode mana pun: {tidak}"


def test_riwayat_hanya_ditulis_lewat_satu_jalan():
    penulis = [p.relative_to(ROOT).as_posix() for p in PAKET.rglob("*.py")
               if re.search(r"INSERT\s+INTO\s+riwayat", p.read_text(encoding="utf-8"), re.IGNORECASE)]
    assert penulis == ["pantau/db/tulis.py"], penulis


def _impor(path) -> set[str]:
    hasil = set()
    for simpul in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(simpul, ast.ImportFrom) and simpul.module and simpul.module.startswith("pantau"):
            hasil.add(simpul.module)
            hasil.update(f"{simpul.module}.{a.name}" for a in simpul.names)
        elif isinstance(simpul, ast.Import):
            hasil.update(a.name for a in simpul.names if a.name.startswith("pantau"))
    return hasil


def test_tanpa_lingkaran_impor():
    modul = {}
    for p in PAKET.rglob("*.py"):
        nama = ".".join(p.relative_to(ROOT).with_suffix("").parts)
        modul[nama.removesuffix(".__init__")] = p
    graf = {m: {x for x in _impor(p) if x in modul and x != m} for m, p in modul.items()}
    # wajah paket (__init__) mengekspor ulang modulnya sendiri: arah paket -> anak, bukan lingkaran
    graf = {m: {x for x in t if not x.startswith(m + ".")} for m, t in graf.items()}
    keadaan, jalur, lingkaran = {}, [], []

    def kunjungi(m):
        keadaan[m] = 1
        jalur.append(m)
        for x in sorted(graf[m]):
            if keadaan.get(x) == 1:
                lingkaran.append(jalur[jalur.index(x):] + [x])
            elif x not in keadaan:
                kunjungi(x)
        jalur.pop()
        keadaan[m] = 2

    for m in sorted(graf):
        if m not in keadaan:
            kunjungi(m)
    assert not lingkaran, lingkaran[:3]


@pytest.mark.parametrize("path", [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))],
                         ids=lambda p: p.name)
def test_halaman_hanya_tata_letak(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= 120, f"{path.name}: {n} baris; pindahkan alurnya ke pantau/ui/"
