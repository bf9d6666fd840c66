"""Laporan evaluasi Permendagri 86/2017: angka buku kerja sama dengan SQL langsung, sel demi sel;
PDF berisi halaman dan teks yang diharapkan; tangkapan halaman pertama PDF disimpan untuk dilihat."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys

import openpyxl
import pytest
from pypdf import PdfReader

from pantau.db import buka
from pantau.jalur import ROOT
from pantau.keluaran.laporan import susun_rkpd, susun_rpjmd
from pantau.keluaran.laporan.excel import excel_bytes
from pantau.keluaran.laporan.pdf import pdf_bytes

ARTEFAK = ROOT / "tests" / "artefak" / "laporan"


def periode(con, daerah):
    return con.execute("SELECT id FROM periode WHERE daerah_kode = $d", {"d": daerah}).fetchone()[0]


def baris_data(ws, kode_kolom=3):
    """Baris indikator lembar: {kode indikator: [nilai sel...]} (baris urusan dan kaki dilewati)."""
    hasil = {}
    for row in ws.iter_rows(values_only=True):
        no, kode = row[0], row[kode_kolom - 1]
        if isinstance(no, str) and no.isdigit() and isinstance(kode, str):
            hasil[kode] = list(row)
    return hasil


def sql_rkpd(con, daerah, tahun):
    """Perhitungan mandiri tabel evaluasi RKPD dari tabel dasar dan capaian_tahunan."""
    return {r[0]: r[1:] for r in con.execute(
        """
        WITH ind AS (
            SELECT i.id, i.kode, i.agregasi, i.target_akhir FROM indikator i WHERE i.daerah_kode = $d
        ),
        th AS (SELECT * FROM capaian_tahunan WHERE daerah_kode = $d),
        sd AS (
            SELECT ind.kode,
                   CASE WHEN ind.agregasi = 'kumulatif'
                        THEN sum(th.realisasi) FILTER (WHERE th.tahun < $t)
                        ELSE arg_max(th.realisasi, th.tahun)
                             FILTER (WHERE th.tahun < $t AND th.realisasi IS NOT NULL) END AS lalu,
                   CASE WHEN ind.agregasi = 'kumulatif'
                        THEN sum(th.realisasi) FILTER (WHERE th.tahun <= $t)
                        ELSE arg_max(th.realisasi, th.tahun)
                             FILTER (WHERE th.tahun <= $t AND th.realisasi IS NOT NULL) END AS sd
            FROM ind JOIN th ON th.indikator_id = ind.id GROUP BY ind.kode, ind.agregasi
        ),
        tw AS (
            SELECT ind.kode, max(r.nilai) FILTER (WHERE periode = 'TW1') AS tw1,
                   max(r.nilai) FILTER (WHERE periode = 'TW4') AS tw4
            FROM ind JOIN realisasi r ON r.indikator_id = ind.id AND r.tahun = $t GROUP BY ind.kode
        )
        SELECT ind.kode, ind.target_akhir, sd.lalu, th.target, tw.tw1, tw.tw4, th.realisasi, th.capaian, sd.sd
        FROM ind
        LEFT JOIN th ON th.indikator_id = ind.id AND th.tahun = $t
        LEFT JOIN sd ON sd.kode = ind.kode
        LEFT JOIN tw ON tw.kode = ind.kode
        """, {"d": daerah, "t": tahun}).fetchall()}


@pytest.mark.parametrize("daerah,tahun", [("62", 2024), ("65.01", 2023)])
def test_buku_kerja_rkpd_sama_dengan_sql_sel_demi_sel(con, daerah, tahun):
    tabel = susun_rkpd(con, daerah=daerah, periode_id=periode(con, daerah), tahun=tahun)
    wb = openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel)))
    ws = wb["evaluasi"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    assert any(str(r) == "F4:I4" or (r.min_col == 8 and r.max_col == 11) for r in ws.merged_cells.ranges)
    dari_excel = baris_data(ws)
    dari_sql = sql_rkpd(con, daerah, tahun)
    assert len(dari_excel) == len(dari_sql) > 40
    dibanding = 0
    for kode, (t_akhir, lalu, target, tw1, tw4, real, capaian, sd) in dari_sql.items():
        sel = dari_excel[kode]
        # kolom: 5 target akhir, 6 realisasi s.d. lalu, 7 target, 8..11 TW I-IV, 12 realisasi, 13 capaian, 14 s.d.
        for nilai_sql, kolom in [(t_akhir, 5), (lalu, 6), (target, 7), (tw1, 8), (tw4, 11), (real, 12),
                                 (capaian, 13), (sd, 14)]:
            if nilai_sql is None or isinstance(sel[kolom - 1], str):
                continue  # pita/teks ditulis sebagai teks; kosong dibiarkan kosong
            assert isinstance(sel[kolom - 1], (int, float)), (kode, kolom, sel[kolom - 1])
            assert sel[kolom - 1] == pytest.approx(nilai_sql, rel=1e-9), (kode, kolom)
            dibanding += 1
    assert dibanding > 200


def test_akhir_tidak_dijumlah_kumulatif_dijumlah(con):
    tabel = susun_rkpd(con, daerah="62", periode_id=periode(con, "62"), tahun=2024)
    sel = baris_data(openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel)))["evaluasi"])
    ipm = con.execute("SELECT realisasi FROM capaian_tahunan WHERE daerah_kode='62' AND indikator_kode='IKU-01' "
                      "AND tahun = 2024").fetchone()[0]
    assert sel["IKU-01"][13] == pytest.approx(ipm)  # s.d. 2024 untuk IPM = angka 2024, bukan jumlah
    jalan = con.execute("SELECT sum(realisasi) FROM capaian_tahunan WHERE daerah_kode='62' AND indikator_kode='PU-02' "
                        "AND tahun <= 2024").fetchone()[0]
    assert sel["PU-02"][13] == pytest.approx(jalan)


def test_kaki_berisi_rata_rata_dan_predikat(con):
    tabel = susun_rkpd(con, daerah="65", periode_id=periode(con, "65"), tahun=2024)
    kaki = dict(tabel.kaki)
    rata = con.execute(
        "SELECT avg(least(capaian, 100)) FROM capaian_tahunan WHERE daerah_kode = '65' AND tahun = 2024 "
        "AND polaritas <> 'teks' AND capaian IS NOT NULL").fetchone()[0]
    assert float(kaki["Rata-rata capaian kinerja (%)"].replace(",", ".")) == pytest.approx(rata, abs=0.006)
    assert kaki["Predikat kinerja"] in {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}


def test_rpjmd_kolom_tahun_dari_periode_dan_angka_sama(con):
    tabel = susun_rpjmd(con, daerah="65.02", periode_id=periode(con, "65.02"))
    assert [k.grup for k in tabel.kolom if k.grup][::3] == ["2021", "2022", "2023", "2024", "2025", "2026"]
    sel = baris_data(openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel)))["evaluasi"])
    for kode, tahun, target, real, capaian in con.execute(
            "SELECT indikator_kode, tahun, target, realisasi, capaian FROM capaian_tahunan "
            "WHERE daerah_kode = '65.02' AND polaritas IN ('positif', 'negatif')").fetchall():
        j = 6 + (tahun - 2021) * 3  # kolom target tahun itu (0-based)
        for nilai, k in [(target, j), (real, j + 1), (capaian, j + 2)]:
            if nilai is not None:
                assert sel[kode][k] == pytest.approx(nilai), (kode, tahun, k)


def test_pdf_halaman_dan_teks(con):
    tabel = susun_rkpd(con, daerah="62", periode_id=periode(con, "62"), tahun=2024)
    isi = pdf_bytes(tabel)
    pdf = PdfReader(io.BytesIO(isi))
    assert 2 <= len(pdf.pages) <= 6
    awal = pdf.pages[0].extract_text()
    assert "EVALUASI TERHADAP HASIL RKPD PROVINSI KALIMANTAN TENGAH TAHUN 2024" in awal
    assert "IKU-01" in awal and "Indeks Pembangunan Manusia" in awal
    semua = "".join(p.extract_text() for p in pdf.pages)
    assert "Rata-rata capaian kinerja" in semua and "Halaman 2" in semua
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    (ARTEFAK / "evaluasi-rkpd-62-2024.pdf").write_bytes(isi)
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm tidak ada: pasang poppler-utils (scripts/siapkan.sh melakukannya)")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(ARTEFAK / "evaluasi-rkpd-62-2024.pdf"),
                    str(ARTEFAK / "evaluasi-rkpd-62-2024")], check=True)
    assert (ARTEFAK / "evaluasi-rkpd-62-2024-1.png").stat().st_size > 20_000


def test_perintah_laporan(db_demo, tmp_path):
    salinan = tmp_path / "p.duckdb"
    shutil.copy(db_demo, salinan)
    hasil = subprocess.run([sys.executable, "-m", "pantau", "laporan", "--db", str(salinan), "--daerah", "65",
                            "--tahun", "2024", "--dengan-kabkota", "--keluar", str(tmp_path / "keluar")],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert len(list((tmp_path / "keluar").glob("*.xlsx"))) == 6 and len(list((tmp_path / "keluar").glob("*.pdf"))) == 6
    salah = subprocess.run([sys.executable, "-m", "pantau", "laporan", "--db", str(salinan), "--daerah", "99",
                            "--tahun", "2024", "--keluar", str(tmp_path / "x.pdf")],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert salah.returncode != 0 and "tidak punya periode RPJMD" in salah.stderr


def test_halaman_laporan(app):
    at = app("pages/6_Laporan.py", provinsi="65", daerah="65.01", tahun=2024)
    assert at.title[0].value == "Laporan evaluasi"
    assert "EVALUASI TERHADAP HASIL RKPD KABUPATEN BULUNGAN TAHUN 2024" in at.subheader[0].value
    assert len(at.dataframe[0].value) > 40
    at.radio(key="laporan").set_value("rpjmd").run()
    assert not at.exception
    assert "EVALUASI TERHADAP HASIL RPJMD" in at.subheader[0].value


def test_kaki_memuat_catatan_desk(db_demo, tmp_path):
    from pantau.desk import simpan_catatan

    salinan = tmp_path / "c.duckdb"
    shutil.copy(db_demo, salinan)
    con = buka(salinan)
    try:
        simpan_catatan(con, urusan="1.02", daerah="65", tahun=2024, pendorong="Posyandu aktif di semua desa",
                       penghambat="Akses ke pedalaman", tindak_lanjut="Tambah tenaga gizi", oleh="uji", versi_dasar=0)
        kaki = dict(susun_rkpd(con, daerah="65", periode_id=periode(con, "65"), tahun=2024).kaki)
    finally:
        con.close()
    assert kaki["Faktor pendorong keberhasilan pencapaian"] == "1.02 Kesehatan: Posyandu aktif di semua desa"
    assert kaki["Faktor penghambat pencapaian kinerja"] == "1.02 Kesehatan: Akses ke pedalaman"
    assert kaki["Tindak lanjut yang diperlukan"] == "1.02 Kesehatan: Tambah tenaga gizi"


@pytest.mark.parametrize("daerah,tahun", [("62", 2025), ("65.01", 2024)])
def test_kolom_anggaran_rkpd_sama_dengan_sql_dukungan(con, daerah, tahun):
    """Kolom Rp: jumlah pagu/realisasi sub kegiatan pendukung per indikator, dihitung mandiri dari tabel dukungan."""
    tabel = susun_rkpd(con, daerah=daerah, periode_id=periode(con, daerah), tahun=tahun)
    label = [k.label for k in tabel.kolom]
    i_pagu, i_tw1, i_real, i_serap = (label.index("Pagu"), label.index("Realisasi TW I"), label.index("Realisasi"),
                                      label.index("Serapan (%)"))
    i_sd = next(i for i, k in enumerate(label) if k.startswith("Realisasi anggaran RPJMD"))
    assert tabel.kolom[i_pagu].grup == f"Anggaran sub kegiatan pendukung {tahun} (Rp)"
    ws = openpyxl.load_workbook(io.BytesIO(excel_bytes(tabel)))["evaluasi"]
    dari_excel = baris_data(ws)
    sql = {k: r for k, *r in con.execute(
        """
        SELECT i.kode,
               sum(d.pagu) FILTER (WHERE d.tahun = $t),
               sum(d.realisasi_tw1) FILTER (WHERE d.tahun = $t),
               sum(coalesce(d.realisasi_tahun, coalesce(d.realisasi_tw1, 0) + coalesce(d.realisasi_tw2, 0)
                   + coalesce(d.realisasi_tw3, 0) + coalesce(d.realisasi_tw4, 0))) FILTER (WHERE d.tahun = $t),
               sum(coalesce(d.realisasi_tahun, coalesce(d.realisasi_tw1, 0) + coalesce(d.realisasi_tw2, 0)
                   + coalesce(d.realisasi_tw3, 0) + coalesce(d.realisasi_tw4, 0))) FILTER (WHERE d.tahun <= $t)
        FROM dukungan d JOIN indikator i ON i.id = d.indikator_id
        WHERE d.daerah_kode = $d GROUP BY i.kode HAVING count(*) FILTER (WHERE d.tahun = $t) > 0
        """, {"d": daerah, "t": tahun}).fetchall()}
    assert len(sql) > 20
    for kode, (pagu, tw1, real, sd) in sql.items():
        sel = dari_excel[kode]
        assert sel[i_pagu] == pytest.approx(pagu), kode
        assert sel[i_real] == pytest.approx(real), kode
        assert sel[i_sd] == pytest.approx(sd), kode
        if tw1 is None:
            assert sel[i_tw1] is None
        else:
            assert sel[i_tw1] == pytest.approx(tw1)
        assert sel[i_serap] == pytest.approx(round(real / pagu * 100, 2), abs=0.006)
    kaki = dict(tabel.kaki)
    assert kaki["Serapan anggaran sub kegiatan pendukung"].startswith("Rp ")
    # indikator tanpa dukungan tahun itu: kolom Rp kosong
    tanpa = [k for k in dari_excel if k not in sql]
    assert tanpa and all(dari_excel[k][i_pagu] is None for k in tanpa)
