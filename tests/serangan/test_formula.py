"""Serangan: rumus di berkas unduhan (keputusan #19, lubang 2; OWASP "CSV injection").

Nama indikator, satuan, catatan, nama daerah/urusan dan isian saringan yang berbentuk rumus lembar kerja
(=HYPERLINK(…), @SUM(…), +…, -…, tab, CR) harus sampai di setiap berkas unduhan sebagai teks: di Excel sebagai
sel teks (tidak pernah sel rumus, juga di XML-nya), di CSV dengan awalan ' , sementara angka negatif tetap angka.
Berkas dibaca kembali (openpyxl, csv, XML mentah).
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile

import openpyxl
import pandas as pd
import pytest

from pantau.db import buka
from pantau.keluaran import ekspor
from tests.serangan import muatan as m

SEMUA_RUMUS = [m.RUMUS, *m.RUMUS_LAIN, "\uff1dSUM(A1)"]
#: Yang ditanam di basis data (impor memangkas spasi/tab di tepi teks, jadi tanpa yang diawali tab/CR).
RUMUS_DB = [r for r in SEMUA_RUMUS if not r[0].isspace()]


def sel_rumus(isi: bytes) -> list[str]:
    """Sel rumus di buku kerja: menurut openpyxl dan menurut XML mentah setiap lembar (<f>)."""
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    hasil = [f"{ws.title}!{c.coordinate}" for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/") and nama.endswith(".xml"):
                hasil += [f"{nama}:<f>" for _ in re.finditer(rb"<f[ >]", z.read(nama))]
    return hasil


def teks_sel(isi: bytes) -> list[str]:
    """Teks semua sel (_x000D_ = CR, cara OOXML menyimpan CR yang tidak diurai openpyxl)."""
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    return [c.value.replace("_x000D_", "\r") for ws in wb for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)]


@pytest.fixture(scope="module")
def db_rumus(db_demo, tmp_path_factory):
    """Salinan demo dengan nama indikator, satuan, catatan, nama daerah dan urusan berbentuk rumus."""
    path = tmp_path_factory.mktemp("rumus") / "pantau.duckdb"
    shutil.copy(db_demo, path)
    con = buka(path)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM indikator WHERE daerah_kode = '65.01' ORDER BY kode "
                                         "LIMIT 6").fetchall()]
        for i, rumus in zip(ids, RUMUS_DB):
            con.execute("UPDATE indikator SET nama = $n, satuan = $s WHERE id = $i", {"n": rumus, "s": rumus, "i": i})
        con.execute("UPDATE realisasi SET catatan = $c, sumber = $c WHERE list_contains($ids, indikator_id)",
                    {"c": m.RUMUS, "ids": ids})
        con.execute("UPDATE daerah SET nama = $n WHERE kode = '65.01'", {"n": "=1+1 Bulungan"})
        con.execute("UPDATE urusan SET nama = $n WHERE kode = '1.02'", {"n": "@SUM(A1) Kesehatan"})
    finally:
        con.close()
    return path


# -- CSV -----------------------------------------------------------------------------------------------------

def test_csv_teks_rumus_diberi_awalan_angka_negatif_tetap_angka():
    df = pd.DataFrame({
        "Indikator": SEMUA_RUMUS + ["Prevalensi stunting", None],
        "Catatan": ["-" , "-1,5", "+62 812 555", "-12%", "=", "@", "biasa", "x", None],
        "Nilai": [-1.5, -2.0, 3.25, -1234.5, 0.0, 1.0, 2.0, 3.0, None],
        "Jumlah": pd.array([-1, 2, -3, 4, 5, 6, 7, 8, None], dtype="Int64"),
        "=Kolom": ["a"] * 9,
    })
    baris = list(csv.reader(io.StringIO(ekspor.csv_bytes(df).decode("utf-8-sig"), newline=""), delimiter=";"))
    kepala, isi = baris[0], baris[1:]
    assert kepala == ["Indikator", "Catatan", "Nilai", "Jumlah", "'=Kolom"]
    for asli, sel in zip(SEMUA_RUMUS, [r[0] for r in isi]):
        assert sel == "'" + asli.replace("\r", "\n"), (asli, sel)  # CR di dalam sel menjadi LF (tetap satu baris)
    assert len(isi) == 9
    assert [r[1] for r in isi] == ["'-", "-1,5", "'+62 812 555", "-12%", "'=", "'@", "biasa", "x", "–"]
    assert [r[2] for r in isi][:4] == ["-1,5", "-2,0", "3,25", "-1234,5"]  # angka: tanpa awalan
    assert [r[3] for r in isi][:3] == ["-1", "2", "-3"]
    # tidak ada sel yang diawali tanda rumus tanpa awalan, kecuali angka
    for r in isi:
        for sel in r:
            assert not sel.startswith(ekspor.AWAL_RUMUS) or re.fullmatch(r"[+-]?\d[\d.,]*%?", sel), sel


# -- Excel tabel halaman ----------------------------------------------------------------------------------------

def test_excel_tabel_halaman_teks_tidak_pernah_rumus():
    df = pd.DataFrame({"Indikator": SEMUA_RUMUS, "Sumber": ["http://10.0.0.1/x"] * len(SEMUA_RUMUS),
                       "Nilai": [-1.5] * len(SEMUA_RUMUS)})
    isi = ekspor.excel_bytes(df, judul=m.RUMUS, keterangan={"Cari": "@SUM(A1:A2)", "=Saringan": "+1+1"},
                             format_angka={"Nilai": "#,##0.00"})
    assert sel_rumus(isi) == []
    teks = teks_sel(isi)
    for r in SEMUA_RUMUS + ["@SUM(A1:A2)", "+1+1", "=Saringan"]:
        assert r in teks, r
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    assert wb["data"]["C2"].value == -1.5 and wb["data"]["C2"].data_type == "n"
    assert wb["data"]["B2"].hyperlink is None  # alamat tidak menjadi tautan


def test_excel_tabel_halaman_pembanding_xlsxwriter_bawaan_memang_menulis_rumus():
    """Pembanding: tanpa opsi Pantau, xlsxwriter menulis teks berawalan '=' sebagai rumus (uji di atas dapat gagal)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter") as xw:
        pd.DataFrame({"a": [m.RUMUS]}).to_excel(xw, index=False)
    assert sel_rumus(buf.getvalue())


# -- Laporan dan templat ---------------------------------------------------------------------------------------

def test_laporan_excel_judul_urusan_dan_isi_tetap_teks(db_rumus):
    from pantau.keluaran.laporan import susun_rkpd, susun_rpjmd
    from pantau.keluaran.laporan.excel import excel_bytes

    con = buka(db_rumus)
    try:
        pid = con.execute("SELECT periode_id FROM indikator WHERE daerah_kode = '65.01' LIMIT 1").fetchone()[0]
        for tabel in (susun_rkpd(con, daerah="65.01", periode_id=pid, tahun=2024),
                      susun_rpjmd(con, daerah="65.01", periode_id=pid)):
            isi = excel_bytes(tabel)
            assert sel_rumus(isi) == []
            teks = " ".join(teks_sel(isi))
            assert m.RUMUS in teks and "@SUM(A1) Kesehatan" in teks and "=1+1 BULUNGAN" in teks.upper()
    finally:
        con.close()


def test_templat_impor_tanpa_sel_rumus_dan_impor_ulang_tidak_mengubah_apa_pun(db_rumus, tmp_path):
    from pantau.impor import siapkan_impor
    from pantau.impor.pratinjau import pratinjau
    from pantau.impor.templat import buat_templat, pilihan_bawaan

    con = buka(db_rumus)
    try:
        isi = buat_templat(con, pilihan_bawaan(con, "65.01"))
        assert sel_rumus(isi) == []
        teks = teks_sel(isi)
        for r in RUMUS_DB:
            assert teks.count(r) >= 3, r  # lembar indikator, target dan realisasi (nama dan satuan)
        f = tmp_path / "templat.xlsx"
        f.write_bytes(isi)
        p = pratinjau(con, siapkan_impor(con, f))
        assert p.kosong, (p.berubah.head(), p.baru.head())
    finally:
        con.close()
