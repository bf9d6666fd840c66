"""Korpus berkas buruk (tests/korpus_buruk/): setiap berkas ditolak dengan pesan Indonesia yang menyebut
lembar/baris/kolom, dan basis data tidak berubah (isi setiap tabel, juga bita dan waktu ubah berkasnya)."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from pantau.db import buka
from pantau.impor import ImporGagal, impor_berkas
from tests.bantuan import db_baru, isi_db
from tests.korpus_buruk import buat_korpus as korpus

FOLDER = Path(korpus.__file__).parent


@pytest.fixture(scope="module")
def db_dasar_korpus(tmp_path_factory):
    """Berkas basis data berisi DASAR (dibuat sekali); uji menyalinnya."""
    folder = tmp_path_factory.mktemp("korpus")
    path = db_baru(folder / "dasar.duckdb")
    con = buka(path)
    impor_berkas(con, korpus.tulis_dasar(folder), oleh="dasar")
    con.close()
    return path


@pytest.fixture
def salinan(db_dasar_korpus, tmp_path):
    path = tmp_path / "pantau.duckdb"
    shutil.copyfile(db_dasar_korpus, path)
    return path


def sidik_berkas(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


def tolak_tanpa_perubahan(db: Path, berkas: Path) -> ImporGagal:
    """Impor berkas harus ditolak, dan basis data (isi, bita, waktu ubah) tetap sama."""
    sebelum_berkas = sidik_berkas(db)
    con = buka(db)
    try:
        sebelum = isi_db(con)
        with pytest.raises(ImporGagal) as e:
            impor_berkas(con, berkas, oleh="korpus")
        assert isi_db(con) == sebelum
    finally:
        con.close()
    assert not Path(str(db) + ".wal").exists()
    assert sidik_berkas(db) == sebelum_berkas
    return e.value


def test_korpus_lengkap_dan_deterministik(tmp_path, monkeypatch):
    """Ada >= 30 kasus; berkas yang di-commit sama persis dengan keluaran buat_korpus.py."""
    assert len(korpus.KASUS) >= 30
    monkeypatch.setattr(korpus, "FOLDER", tmp_path)
    korpus.main()
    for k in korpus.KASUS:
        assert (tmp_path / k.berkas).read_bytes() == (FOLDER / k.berkas).read_bytes(), (
            f"{k.berkas} berbeda dari keluaran buat_korpus.py: jalankan ulang skripnya")


@pytest.mark.parametrize("kasus", korpus.KASUS, ids=[k.berkas for k in korpus.KASUS])
def test_berkas_buruk_ditolak_dengan_pesan_yang_menyebut_sel(salinan, kasus):
    e = tolak_tanpa_perubahan(salinan, FOLDER / kasus.berkas)
    lembar, baris, kolom, potongan = kasus.harapan
    cocok = [m for m in e.masalah if (m.lembar, m.baris, m.kolom) == (lembar, baris, kolom) and potongan in m.pesan]
    assert cocok, f"{kasus.berkas}: diharapkan {kasus.harapan}, didapat {[str(m) for m in e.masalah]}"
    laporan = e.laporan()
    assert laporan.startswith("Impor ditolak:") and "tidak ada data yang ditulis" in laporan
    # pesan berbahasa Indonesia dan tidak membocorkan nama pengecualian Python saja
    for m in e.masalah:
        assert "Traceback" not in m.pesan and "Error" not in m.pesan.split("(")[0]
        if m.baris is not None:
            assert m.baris >= 1


def test_korpus_yang_diperbaiki_dapat_diimpor(salinan, tmp_path):
    """Kasus yang hanya salah satu sel: tanpa baris salah itu, sisanya terbaca benar (pengodean,
    pemisah, spasi tak terlihat, judul tidak di baris 1)."""
    con = buka(salinan)
    try:
        f = tmp_path / "realisasi_cp1252.csv"
        data = (FOLDER / "realisasi_cp1252_bom_titik_koma.csv").read_bytes()
        f.write_bytes(b"\r\n".join(data.split(b"\r\n")[:3]) + b"\r\n")
        h = impor_berkas(con, f, oleh="uji")
        assert h.ringkasan.jumlah["realisasi"]["tambah"] == 2
        catatan = con.execute("SELECT catatan FROM realisasi WHERE tahun = 2024 AND periode = 'TAHUN'").fetchone()[0]
        assert catatan == "angka BPS – rilis Februari"

        import openpyxl
        for nama, hapus in (("kode_spasi_tak_terlihat.xlsx", 4), ("judul_tidak_di_baris_1.xlsx", 5)):
            wb = openpyxl.load_workbook(FOLDER / nama)
            wb["realisasi"].delete_rows(hapus)
            p = tmp_path / nama
            wb.save(p)
            h = impor_berkas(con, p, oleh="uji")
            assert sum(h.ringkasan.jumlah["realisasi"].values()) >= 1
        nilai = con.execute(
            "SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "WHERE i.kode = 'JALAN' AND r.tahun = 2024 AND r.periode = 'TW1'").fetchone()[0]
        assert nilai == 3.0
    finally:
        con.close()


@pytest.mark.lambat
def test_berkas_sangat_besar_satu_sel_salah_di_akhir(salinan, tmp_path):
    """200.000 baris, satu sel salah di baris terakhir: ditolak dengan nomor baris yang benar."""
    berkas = tmp_path / "besar.xlsx"
    berkas.write_bytes(korpus.buku_besar(200_000))
    mulai = time.perf_counter()
    e = tolak_tanpa_perubahan(salinan, berkas)
    lama = time.perf_counter() - mulai
    assert [(m.lembar, m.baris, m.kolom) for m in e.masalah] == [("realisasi", 200_001, "realisasi")]
    print(f"\n200.000 baris diperiksa dalam {lama:.1f} s")


# -- sifat: sel sembarang di sembarang kolom sebuah berkas .xlsx yang selain itu sah ---------------------

import datetime as _dt  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SEL = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False, width=32),
    # teks yang dapat disimpan Excel (tanpa karakter kendali) dan bukan rumus
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=10).filter(lambda s: not s.startswith("=")),
    st.sampled_from(["TW5", "TAHUN", "tw 2", "-", "", "\u00a0", "65.01\u200b", "2024", "2030", "1.234", "1,234.5",
                     "sementara", "final", "IPM", "ipm", "-3", "5,5 - 6,5", "ⅷ"]),
    st.datetimes(min_value=_dt.datetime(2000, 1, 1), max_value=_dt.datetime(2100, 1, 1)),
)
_KOLOM_ACAK = ["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi", "status"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kolom=st.sampled_from(_KOLOM_ACAK), nilai=_SEL, baris=st.integers(0, 2))
def test_sifat_sel_sembarang_xlsx_semua_atau_tidak_sama_sekali(db_dasar_korpus, tmp_path_factory, kolom, nilai, baris):
    folder = tmp_path_factory.mktemp("sifat-xlsx")
    db = folder / "pantau.duckdb"
    shutil.copyfile(db_dasar_korpus, db)
    rows = [[korpus.D, "IPM", 2024, "TAHUN", "72,1", "tetap"],
            [korpus.D, "MISKIN", 2024, "TW1", "6,2", "sementara"],
            [korpus.D, "JALAN", 2024, "TW2", 4, None]]
    rows[baris][_KOLOM_ACAK.index(kolom)] = nilai
    berkas = folder / "acak.xlsx"
    berkas.write_bytes(korpus.buku({"realisasi": [_KOLOM_ACAK, *rows]}))
    con = buka(db)
    try:
        sebelum = isi_db(con)
        try:
            h = impor_berkas(con, berkas, oleh="sifat")
        except ImporGagal as e:
            assert isi_db(con) == sebelum
            assert e.masalah and all(m.lembar == "realisasi" and m.baris == baris + 2 for m in e.masalah), \
                [str(m) for m in e.masalah]
            return
        sesudah = isi_db(con)
        # diterima: setiap baris yang bernilai masuk, dan tidak ada yang lain berubah
        n = con.execute("SELECT count(*) FROM realisasi WHERE tahun = 2024").fetchone()[0]
        tertulis = sum(h.ringkasan.jumlah["realisasi"][k] for k in ("tambah", "ubah"))
        assert n == tertulis
        assert 2 <= tertulis <= 3
        for t in ("daerah", "urusan", "indikator", "target", "periode"):
            assert sesudah[t] == sebelum[t]
    finally:
        con.close()


# -- pembaca XML cepat = pembaca openpyxl ----------------------------------------------------------------

def _baca_dengan(path, cepat: bool, monkeypatch):
    from pantau.impor import baca

    monkeypatch.setattr(baca, "PEMBACA_CEPAT", cepat)
    masalah = []
    try:
        lembar = baca.baca_berkas(path, masalah)
    except ImporGagal as e:
        return ("gagal", [str(m) for m in e.masalah])
    return ({n: (lb.kolom, lb.baris_judul, lb.baris) for n, lb in lembar.items()}, [str(m) for m in masalah])


def test_pembaca_cepat_sama_dengan_openpyxl(tmp_path, monkeypatch):
    import datetime as dt

    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "realisasi"
    ws.append(korpus.JUDUL_R + ["catatan", "status"])
    ws.append([korpus.D, "IPM", 2024, "TAHUN", 0.0632, "a & b <c> \"d\"", True])
    ws["E2"].number_format = "0.00%"
    ws.append([korpus.D, "IPM", dt.datetime(2024, 3, 1), "TW1", 1.5e-7,
               CellRichText("ka", TextBlock(InlineFont(b=True), "ya")), None])
    ws["C3"].number_format = "yyyy-mm-dd"
    ws.append([None, None, None, None, None, None, None])
    ws.append([korpus.D, " IPM ", 2025, "TW2", -12, "=1", "tetap"])
    ws.cell(row=8, column=10, value="jauh")
    ws.cell(row=9, column=1, value=1234567890123)
    contoh = tmp_path / "campuran.xlsx"
    wb.save(contoh)
    besar = tmp_path / "besar.xlsx"
    besar.write_bytes(korpus.buku_besar(300, salah_di_akhir=True))
    berkas = [contoh, besar] + sorted(FOLDER.glob("*.xlsx"))
    for f in berkas:
        assert _baca_dengan(f, True, monkeypatch) == _baca_dengan(f, False, monkeypatch), f.name


@pytest.mark.lambat
def test_waktu_impor_100_ribu_baris_realisasi(salinan, tmp_path):
    """Ukuran (dilaporkan, bukan batas ketat): 100.000 baris realisasi baru, pemeriksaan + penulisan."""
    berkas = tmp_path / "100k.xlsx"
    berkas.write_bytes(korpus.buku_besar(100_000, salah_di_akhir=False))
    con = buka(salinan)
    try:
        mulai = time.perf_counter()
        h = impor_berkas(con, berkas, oleh="ukur")
        lama = time.perf_counter() - mulai
        assert h.ringkasan.jumlah["realisasi"]["tambah"] == 100_000
        # impor ulang berkas yang sama: semuanya dibandingkan, tidak ada yang berubah
        mulai = time.perf_counter()
        h2 = impor_berkas(con, berkas, oleh="ukur")
        lama_ulang = time.perf_counter() - mulai
        assert h2.ringkasan.jumlah["realisasi"]["sama"] == 100_000
    finally:
        con.close()
    print(f"\nimpor 100.000 baris realisasi (+3.334 indikator): {lama:.2f} s; impor ulang tanpa perubahan: "
          f"{lama_ulang:.2f} s")
    assert lama < 30
