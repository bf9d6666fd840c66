"""Membaca angka seperti yang diketik orang Indonesia (docs/FORMAT_IMPOR.md, "Aturan")."""
from __future__ import annotations

import pytest

from pantau.aturan.angka import BukanAngka, baca_angka, baca_rentang, format_angka, format_ringkas, kosong


@pytest.mark.parametrize(
    "teks, nilai",
    [
        ("6,32", 6.32),           # koma desimal
        ("6.32", 6.32),           # titik desimal
        ("6,32%", 6.32),          # tanda persen ditoleransi
        ("6,32 %", 6.32),
        ("1.234,5", 1234.5),      # titik ribuan, koma desimal
        ("1.234.567", 1234567.0),  # beberapa titik, kelompok tiga: ribuan
        ("1.234.567,25", 1234567.25),
        (" 12 ", 12.0),
        ("12", 12.0),
        ("0", 0.0),
        ("-3", -3.0),
        ("\u22123", -3.0),        # tanda minus unicode (tersalin dari Word)
        ("\u22123,5", -3.5),
        ("+4", 4.0),
        (",5", 0.5),
        ("0,2755", 0.2755),
        ("0.2755", 0.2755),
        ("12\u00a0345", 12345.0),  # spasi tak putus di dalam angka
    ],
)
def test_baca_angka(teks, nilai):
    a = baca_angka(teks)
    assert a.nilai == nilai
    assert a.peringatan is None


def test_satu_titik_dua_arti_diberi_peringatan():
    a = baca_angka("1.234")
    assert a.nilai == 1.234  # satu titik adalah titik desimal
    assert a.peringatan is not None
    assert "1.234" in a.peringatan  # menyebut nilai yang diketik


@pytest.mark.parametrize("teks, nilai", [("0.285", 0.285), ("0.125", 0.125), ("-0.500", -0.5)])
def test_nol_koma_tiga_desimal_tidak_dua_arti(teks, nilai):
    # "0.285" (rasio Gini) tidak mungkin berarti 285: kelompok ribuan tidak diawali 0.
    a = baca_angka(teks)
    assert a.nilai == nilai
    assert a.peringatan is None


@pytest.mark.parametrize("teks", ["1,234.5", "1,234,567", "12,345,678.9"])
def test_format_inggris_ditolak(teks):
    with pytest.raises(BukanAngka) as e:
        baca_angka(teks)
    assert "Inggris" in str(e.value)


@pytest.mark.parametrize("teks", ["abc", "", "   ", "1,2,3", "1.2.3", "6,32,", "12a", "1e5", "NaN", "inf",
                                  "--3", "1.23.456", "%", "-"])
def test_bukan_angka_ditolak(teks):
    with pytest.raises(BukanAngka):
        baca_angka(teks)


@pytest.mark.parametrize("teks", ["1" + "0" * 400, "9" * 309, "1" + "0" * 400 + ",5"])
def test_angka_terlalu_besar_ditolak(teks):
    # float("1000...0") dengan 400 nol adalah inf: tidak boleh masuk basis data sebagai angka.
    with pytest.raises(BukanAngka):
        baca_angka(teks)


@pytest.mark.parametrize("v", [float("nan"), float("inf"), float("-inf"), True])
def test_sel_excel_bukan_angka_hingga_ditolak(v):
    with pytest.raises(BukanAngka):
        baca_angka(v)


@pytest.mark.parametrize("v, nilai", [(1.234, 1.234), (1234, 1234.0), (6.32, 6.32), (-0.5, -0.5)])
def test_sel_angka_excel_apa_adanya(v, nilai):
    a = baca_angka(v)
    assert a.nilai == nilai
    assert a.peringatan is None  # angka Excel tidak pernah "dua arti"


@pytest.mark.parametrize(
    "teks, pita",
    [
        ("5,5 - 6,5", (5.5, 6.5)),
        ("5,5-6,5", (5.5, 6.5)),
        ("4.43-4.47", (4.43, 4.47)),
        ("0.2800-0.2755", (0.2755, 0.28)),   # urutan terbalik
        ("6,5 - 5,5", (5.5, 6.5)),
        ("6", (6.0, 6.0)),                   # satu angka = pita [6, 6]
        ("6,25", (6.25, 6.25)),
        ("5,5 \u2013 6,5", (5.5, 6.5)),     # en dash
        ("5,5 s.d. 6,5", (5.5, 6.5)),
        ("-1 - 2", (-1.0, 2.0)),
        ("-5", (-5.0, -5.0)),
    ],
)
def test_baca_rentang(teks, pita):
    r = baca_rentang(teks)
    assert (r.nilai_min, r.nilai_max) == pita
    assert r.peringatan is None


def test_rentang_sel_angka_excel():
    r = baca_rentang(6.5)
    assert (r.nilai_min, r.nilai_max) == (6.5, 6.5)


@pytest.mark.parametrize("teks", ["abc", "5,5 - x", "5,5 -", "1,234,567 - 2"])
def test_rentang_tidak_sah_ditolak(teks):
    with pytest.raises(BukanAngka):
        baca_rentang(teks)


def test_rentang_dua_arti_diberi_peringatan():
    r = baca_rentang("1.234 - 1.500")
    assert (r.nilai_min, r.nilai_max) == (1.234, 1.5)
    assert r.peringatan is not None


@pytest.mark.parametrize(
    "x, desimal, teks",
    [
        (1234.5, 1, "1.234,5"),
        (1234.5, 2, "1.234,50"),
        (1234567.891, 2, "1.234.567,89"),
        (6.32, 2, "6,32"),
        (0, 0, "0"),
        (-1234.5, 1, "-1.234,5"),
        (None, 2, "\u2013"),
        (float("nan"), 2, "\u2013"),
    ],
)
def test_format_angka(x, desimal, teks):
    assert format_angka(x, desimal) == teks


def test_format_angka_none_tanda_pisah():
    assert format_angka(None) == "–"


@pytest.mark.parametrize("x, teks", [(6.32, "6,32"), (1234.0, "1.234"), (0.3165, "0,3165"), (None, "–")])
def test_format_ringkas(x, teks):
    assert format_ringkas(x) == teks


@pytest.mark.parametrize("v, hasil", [(None, True), ("", True), ("  ", True), ("-", True), (" - ", True),
                                      ("\u2013", True), (float("nan"), True), ("0", False), (0, False),
                                      ("abc", False)])
def test_kosong(v, hasil):
    assert kosong(v) is hasil


@pytest.mark.parametrize("teks", ["6,32", "1.234,5", "1.234.567", "0,2755", "-3,5", "12"])
def test_bolak_balik_format_lalu_baca(teks):
    # angka yang ditampilkan Pantau terbaca kembali sebagai angka yang sama
    x = baca_angka(teks).nilai
    assert baca_angka(format_ringkas(x)).nilai == x
