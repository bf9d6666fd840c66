"""Setiap berkas keluaran dari basis data demo bersih untuk pembacanya (isu #16, keputusan #16): CSV dan Excel setiap
tabel di setiap halaman, Laporan Permendagri 86/2017 (Excel, PDF), dek desk urusan (PowerPoint, PDF) — tanpa None,
nan, NaT, null, undefined, tanpa judul kolom snake_case, sel kosong sebagai "–"."""
from __future__ import annotations

import io
import re

import openpyxl
import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager

from pantau.desk.bahan import kumpulkan
from pantau.keluaran import dek
from pantau.keluaran.laporan import susun_rkpd, susun_rpjmd
from pantau.keluaran.laporan.excel import excel_bytes
from pantau.keluaran.laporan.pdf import pdf_bytes
from pantau.ui.desk import TAB_BAGIAN
from tests.bantuan_bersih import temuan_judul, temuan_teks
from tests.bantuan_halaman import buka_rincian_desk, masuk

HALAMAN = [None, "pages/1_Indikator.py", "pages/2_Daerah.py", "pages/4_Kualitas_Data.py",
           "pages/5_Desk_Urusan.py", "pages/7_Riwayat.py", "pages/8_Pengaturan.py"]
DAERAH = [("62", "62", 2025), ("65", "65.01", 2024)]


@pytest.fixture
def unduhan(monkeypatch):
    """Isi setiap tombol unduh (CSV langsung, Excel ditunda) menurut nama berkas."""
    tangkap: dict[str, object] = {}
    tunda, langsung = MediaFileManager.add_deferred, MediaFileManager.add

    def rekam_tunda(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        tangkap[file_name] = data_callable
        return tunda(self, data_callable, mimetype, coordinates, file_name, **kw)

    def rekam(self, path_or_data, mimetype, coordinates, file_name=None, **kw):
        if file_name:
            tangkap[file_name] = lambda d=path_or_data: d
        return langsung(self, path_or_data, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", rekam_tunda)
    monkeypatch.setattr(MediaFileManager, "add", rekam)
    return tangkap


def periksa_csv(isi: bytes, nama: str) -> list[str]:
    teks = isi.decode("utf-8-sig")
    baris = teks.splitlines()
    temuan = temuan_judul(baris[0].split(";"), nama) + temuan_teks(teks, nama)
    # sel kosong ("" di antara pemisah) = nilai yang tidak ada tertulis diam-diam
    kosong = [i + 1 for i, b in enumerate(baris[1:], start=1) if re.search(r"(^|;);|;$", b)]
    if kosong:
        temuan.append(f"{nama}: sel kosong (bukan '–') di baris {kosong[:5]}")
    return temuan


def periksa_xlsx(isi: bytes, nama: str, lembar_data: str | None = "data") -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    temuan = []
    for ws in wb.worksheets:
        baris = list(ws.iter_rows(values_only=True))
        if ws.title == lembar_data and baris:
            temuan += temuan_judul(list(baris[0]), f"{nama}[{ws.title}]")
            kosong = [i + 1 for i, b in enumerate(baris[1:], start=1) if any(v is None for v in b)]
            if kosong:
                temuan.append(f"{nama}[{ws.title}]: sel kosong (bukan '–') di baris {kosong[:5]}")
        for b in baris:
            for v in b:
                if isinstance(v, str):
                    temuan += temuan_teks(v, f"{nama}[{ws.title}]")
    return temuan


def periksa_pdf(isi: bytes, nama: str) -> list[str]:
    return temuan_teks("\n".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages), nama)


def periksa_pptx(isi: bytes, nama: str) -> list[str]:
    temuan = []
    for n, sl in enumerate(Presentation(io.BytesIO(isi)).slides, start=1):
        for s in sl.shapes:
            if s.has_text_frame:
                temuan += temuan_teks(s.text_frame.text, f"{nama} slide {n}")
            if s.has_table:
                temuan += temuan_judul([c.text for c in s.table.rows[0].cells], f"{nama} slide {n}")
                temuan += temuan_teks("\n".join(c.text for r in s.table.rows for c in r.cells), f"{nama} slide {n}")
    return temuan


@pytest.mark.parametrize("provinsi,daerah,tahun", DAERAH)
def test_csv_dan_excel_setiap_tabel_setiap_halaman(app, unduhan, provinsi, daerah, tahun):
    temuan, diperiksa = [], []
    for h in HALAMAN:
        unduhan.clear()
        at = app(h, provinsi=provinsi, daerah=daerah, tahun=tahun)
        if h in ("pages/7_Riwayat.py", "pages/8_Pengaturan.py"):
            masuk(at, "demo.admin", tempat="utama")
        if h == "pages/5_Desk_Urusan.py":  # expander dan tab Desk dibangun hanya saat dibuka (keputusan #15)
            buka_rincian_desk(at)
            for tab in TAB_BAGIAN[1:]:
                at.session_state["desk_bagian"] = tab
                at.run()
        for nama, data in list(unduhan.items()):
            if nama.endswith(".csv"):
                temuan += periksa_csv(data(), f"{h} {nama}")
            elif nama.endswith(".xlsx") and "evaluasi" not in nama:
                temuan += periksa_xlsx(data(), f"{h} {nama}")
            else:
                continue
            diperiksa.append(nama)
    assert len(diperiksa) >= 20, diperiksa
    # juga halaman yang perlu masuk: Riwayat dan daftar impor di Pengaturan
    assert any(n.startswith("riwayat-") for n in diperiksa) and "impor-terakhir.csv" in diperiksa, diperiksa
    # dan tabel Desk di expander dan tab yang dibuka: angka, dukungan, ikhtisar
    assert {"desk-", "dukungan-"} <= {n.split("-")[0] + "-" for n in diperiksa}, diperiksa
    assert any(n.endswith("-ikhtisar.csv") for n in diperiksa), diperiksa
    assert not temuan, "\n".join(temuan[:30])


@pytest.mark.parametrize("provinsi,daerah,tahun", DAERAH)
def test_laporan_excel_dan_pdf(con, provinsi, daerah, tahun):
    pid = con.execute("SELECT id FROM periode WHERE daerah_kode = $d", {"d": daerah}).fetchone()[0]
    temuan = []
    for tabel in (susun_rkpd(con, daerah=daerah, periode_id=pid, tahun=tahun),
                  susun_rpjmd(con, daerah=daerah, periode_id=pid)):
        temuan += periksa_xlsx(excel_bytes(tabel), tabel.nama_berkas, lembar_data=None)
        temuan += periksa_pdf(pdf_bytes(tabel), tabel.nama_berkas)
    assert not temuan, "\n".join(temuan[:30])


@pytest.fixture
def png_palsu(monkeypatch):
    """Grafik dek sebagai PNG putih (teks dek yang diuji, bukan gambar kaleido)."""
    from PIL import Image

    def palsu(fig, *, lebar, tinggi, skala=1.0, **kw):
        buf = io.BytesIO()
        Image.new("RGB", (round(lebar * skala), round(tinggi * skala)), "white").save(buf, format="PNG")
        return buf.getvalue()

    monkeypatch.setattr(dek.ekspor, "png_bytes", palsu)


@pytest.mark.parametrize("urusan,tahun", [("1.02", 2025), ("1.01", 2026)])
def test_dek_pptx_dan_pdf(con, png_palsu, urusan, tahun):
    bahan = kumpulkan(con, provinsi="62", urusan=urusan, tahun=tahun, judul_urusan=f"{urusan} Urusan",
                      nama_provinsi="Provinsi Kalimantan Tengah")
    assert len(bahan.indikator)
    temuan = periksa_pptx(dek.bangun_dek(bahan), f"dek {urusan}") + periksa_pdf(dek.bangun_pdf(bahan), f"dek {urusan}")
    assert not temuan, "\n".join(temuan[:30])


def test_nilai_riwayat_angka_indonesia():
    from pantau.ui.komponen import nilai_riwayat

    assert nilai_riwayat("88.8", "realisasi") == "88,8"
    assert nilai_riwayat("1.5 - 3.5", "target") == "1,5–3,5"
    assert nilai_riwayat("1234567.5", "pagu") == "1.234.567,5"
    assert nilai_riwayat("WTP", "target") == "WTP"
    assert nilai_riwayat("1.02", "urusan_kode") == "1.02"  # kode, bukan angka
    assert nilai_riwayat(None, "target") is None
