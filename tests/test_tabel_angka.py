"""Unduhan tabel angka Indikator ("Angka per tahun") dan Desk Urusan ("Angka") (keputusan #22): Target dan Realisasi
tetap angka dengan presisi indikator (Gini 0,307 bukan 0,31), pita dan teks di kolom "Rentang/teks"; CSV angka
dengan koma desimal; PNG grafik halaman itu berjudul indikatornya."""
from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest
from PIL import Image

from pantau.db import jalankan
from pantau.ui.komponen import desimal_data, target_angka, teks_rentang
from tests.bantuan_halaman import setiap_indikator_desk


@pytest.fixture
def unduhan(monkeypatch):
    """Data setiap tombol unduh yang dibuat saat halaman berjalan, menurut nama berkas (PNG/Excel ditunda,
    CSV langsung)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

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


def baca_xlsx(isi: bytes) -> tuple[list, dict, openpyxl.worksheet.worksheet.Worksheet]:
    ws = openpyxl.load_workbook(io.BytesIO(isi))["data"]
    baris = list(ws.iter_rows())
    kepala = [c.value for c in baris[0]]
    return baris[1:], {k: j for j, k in enumerate(kepala)}, ws


def periksa_kolom_angka(baris, kol, nama: str, harapan: list, desimal: int) -> None:
    """Setiap sel ``nama`` berisi angka (bukan teks) sama dengan harapan, berformat ``desimal`` angka di belakang
    koma; sel tanpa angka kosong."""
    fmt = "#,##0" + ("." + "0" * desimal if desimal else "")
    assert len(baris) == len(harapan)
    for r, h in zip(baris, harapan):
        sel = r[kol[nama]]
        if h is None or (isinstance(h, float) and math.isnan(h)):
            assert sel.value is None, (nama, sel.value)
            continue
        assert sel.data_type == "n" and isinstance(sel.value, (int, float)), (nama, sel.value, sel.data_type)
        assert sel.value == pytest.approx(h), (nama, sel.value, h)
        assert sel.number_format == fmt, (nama, sel.number_format)


def test_angka_per_tahun_gini_tiga_desimal(app, con, unduhan):
    ind = con.execute("SELECT id, kode, nama FROM indikator WHERE daerah_kode = '62' AND kode = 'IKU-05'").fetchone()
    assert "Gini" in ind[2]
    at = app("pages/1_Indikator.py", provinsi="62", daerah="62", tahun=2024, indikator=ind[0])
    tahunan = jalankan(con, "indikator_tahunan", indikator_id=ind[0])
    assert (tahunan["target"] == 0.307).any()  # target Gini 0,307 di data demo

    nama = f"{ind[1].lower()}-62-per-tahun"
    baris, kol, ws = baca_xlsx(unduhan[f"{nama}.xlsx"]())
    assert {"Target", "Realisasi", "Rentang/teks"} <= set(kol)
    periksa_kolom_angka(baris, kol, "Target", tahunan["target"].tolist(), 3)
    periksa_kolom_angka(baris, kol, "Realisasi", tahunan["realisasi"].tolist(), 3)
    sel = next(r[kol["Target"]] for r in baris if r[kol["Target"]].value == pytest.approx(0.307))
    assert sel.number_format == "#,##0.000"  # tampil 0,307 di Excel berbahasa Indonesia, bukan 0,31

    # CSV: angka dengan koma desimal, dibaca kembali sebagai angka yang sama.
    teks = unduhan[f"{nama}.csv"]().decode("utf-8-sig")
    assert ";0,307;" in teks
    csv = pd.read_csv(io.StringIO(teks), sep=";", decimal=",")
    assert csv["Target"].dtype == float and csv["Target"].tolist() == pytest.approx(tahunan["target"].tolist(),
                                                                                    nan_ok=True)

    # Tabel di layar: angka yang sama, tampil dengan tiga desimal.
    df = next(d.value for d in at.dataframe if "Rentang/teks" in d.value.columns)
    assert pd.api.types.is_float_dtype(df["Target"]) and pd.api.types.is_float_dtype(df["Realisasi"])

    # PNG grafik cerita: berjudul nama indikator, subjudul daerah dan tahun, sumber dari data.
    png = Image.open(io.BytesIO(unduhan[f"{ind[1].lower()}-62.png"]()))
    assert png.info["Title"] == ind[2]
    assert "Provinsi Kalimantan Tengah" in png.info["Description"] and "2024" in png.info["Description"]
    assert png.info["Source"].startswith("Sumber: Pantau, data ")
    sumber = [s for s in tahunan["sumber"].dropna().unique()]
    assert sumber and sumber[0] in png.info["Source"]


def test_desk_angka_tetap_angka(app, con, unduhan):
    at = app("pages/5_Desk_Urusan.py", provinsi="62", tahun=2024, urusan="1.02")
    for _ in setiap_indikator_desk(at):  # tabel angka indikator yang dipilih saja yang dibuat (keputusan #15)
        pass
    ind = jalankan(con, "desk_indikator", provinsi="62", urusan="1.02", tahun=2024)
    diperiksa = 0
    for induk_id in dict.fromkeys(ind["induk_id"]):
        d = ind[ind["induk_id"] == induk_id]
        kode = d.iloc[0]["induk_kode"]
        baris, kol, _ = baca_xlsx(unduhan[f"desk-{kode.lower()}-62-2024.xlsx"]())
        target = [target_angka(a, b, c) for a, b, c in zip(d["target"], d["target_min"], d["target_max"])]
        dp = desimal_data(target, d["realisasi"])
        periksa_kolom_angka(baris, kol, "Target", target, dp)
        periksa_kolom_angka(baris, kol, "Realisasi", d["realisasi"].tolist(), dp)
        assert [r[kol["Daerah"]].value for r in baris] == d["daerah"].tolist()
        diperiksa += sum(1 for x in target if x is not None)
    assert diperiksa > 20
    assert not at.exception


@pytest.mark.parametrize("nilai,harap", [
    ([[0.307, 0.31, None]], 3), ([[71.48, 70]], 2), ([[75, 12.0]], 0), ([[1 / 3]], 4),
    ([[0.1 + 0.2]], 1), ([[float("nan"), "B"]], 0),
])
def test_desimal_data(nilai, harap):
    assert desimal_data(*nilai) == harap


def test_target_angka_dan_teks_rentang():
    assert target_angka(0.307, None, None) == 0.307
    assert target_angka(None, 5.5, 5.5) == 5.5
    assert target_angka(None, 5.5, 6.5) is None
    assert teks_rentang(5.5, 6.5) == "target 5,5–6,5"
    assert teks_rentang(None, None, "B", "A") == "target B; realisasi A"
    assert teks_rentang(5.5, 5.5) == ""
