"""Jalur impor (docs/FORMAT_IMPOR.md): semua atau tidak sama sekali, pesan yang menyebut sel, riwayat."""
from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from pantau.aturan.angka import baca_angka, kosong
from pantau.db import buka
from pantau.impor import ImporGagal, impor_berkas, siapkan_impor
from pantau.jalur import ROOT
from tests.bantuan import baris, db_baru, impor_kasus, ind, isi_db, rea, satu_baris, tgt, tulis_csv, tulis_kasus

# pantau.impor mengekspor fungsi ``tulis`` yang menutupi submodul bernama sama
tulis_modul = importlib.import_module("pantau.impor.tulis")

TW = ["TW1", "TW2", "TW3", "TW4", "TAHUN"]


def dasar(con, folder):
    """Isi awal: dua indikator, target dan beberapa realisasi (agar 'tidak berubah' bermakna)."""
    return impor_kasus(
        con, folder,
        indikator=[ind("IPM", kondisi_awal="70", tahun_kondisi_awal="2020", target_akhir="75",
                       perangkat_daerah="Bappeda"),
                   ind("MISKIN", polaritas="negatif")],
        target=[tgt("IPM", 2022, "71"), tgt("IPM", 2023, "72"), tgt("MISKIN", 2023, "6")],
        realisasi=[rea("IPM", 2022, "70,5", sumber="BPS", status="tetap"),
                   rea("MISKIN", 2023, "6,4", "TW1", status="sementara")],
        oleh="awal",
    )


@pytest.fixture
def db_dasar(db_kosong, tmp_path):
    dasar(db_kosong, tmp_path / "dasar")
    return db_kosong


def gagal(con, folder, **lembar) -> ImporGagal:
    """Impor yang harus ditolak; memeriksa bahwa basis data tidak berubah sedikit pun."""
    sebelum = isi_db(con)
    with pytest.raises(ImporGagal) as e:
        impor_kasus(con, folder, **lembar)
    assert isi_db(con) == sebelum
    return e.value


def satu_masalah(e: ImporGagal):
    assert len(e.masalah) == 1, [str(m) for m in e.masalah]
    return e.masalah[0]


def realisasi_db(con) -> dict:
    return {(r["kode"], r["tahun"], r["periode"]): r for r in baris(
        con, "SELECT i.kode, r.* FROM realisasi r JOIN indikator i ON i.id = r.indikator_id")}


def baris_realisasi_banyak(n: int) -> list[dict]:
    """n baris realisasi sah dengan kunci berbeda (indikator IPM, A1, A2, ... x tahun x periode)."""
    rows = []
    k = 0
    while len(rows) < n:
        kode = "IPM" if k == 0 else f"A{k}"
        for tahun in range(2021, 2027):
            for per in TW:
                if len(rows) < n:
                    rows.append(rea(kode, tahun, f"{60 + len(rows) % 30},{len(rows) % 100:02d}", per))
        k += 1
    return rows


# ---------------------------------------------------------------------------------------------------
# Semua atau tidak sama sekali
# ---------------------------------------------------------------------------------------------------

def test_satu_sel_salah_di_antara_banyak_baris_tidak_menulis_apa_pun(db_dasar, tmp_path):
    realisasi = baris_realisasi_banyak(200)
    realisasi.insert(4, rea("B", 2026, "abc", "TW1", periode_rpjmd="2021-2026"))  # data ke-5 = baris 6
    indikator = [ind("IPM", nama="Indeks Pembangunan Manusia (diubah)"), ind("B")] + [
        ind(f"A{k}") for k in range(1, 8)]
    target = [tgt("IPM", 2022, "71,5"), tgt("A1", 2024, "50")]
    sebelum = isi_db(db_dasar)

    with pytest.raises(ImporGagal) as e:
        impor_kasus(db_dasar, tmp_path, indikator=indikator, target=target, realisasi=realisasi)

    assert isi_db(db_dasar) == sebelum
    m = satu_masalah(e.value)
    assert (m.lembar, m.baris, m.kolom, m.nilai) == ("realisasi", 6, "realisasi", "abc")
    assert not m.peringatan
    teks = str(e.value)
    for bagian in ("'realisasi'", "baris 6", "kolom 'realisasi'", "'abc'", "tidak ada data yang ditulis"):
        assert bagian in teks


def test_berkas_yang_sama_setelah_diperbaiki_masuk_seluruhnya(db_dasar, tmp_path):
    realisasi = baris_realisasi_banyak(200)
    indikator = [ind(f"A{k}") for k in range(1, 8)]
    hasil = impor_kasus(db_dasar, tmp_path, indikator=indikator, realisasi=realisasi)
    assert hasil.ringkasan.jumlah["realisasi"]["tambah"] + hasil.ringkasan.jumlah["realisasi"]["ubah"] == 200
    assert db_dasar.execute("SELECT count(*) FROM realisasi").fetchone()[0] == 201  # 200 + MISKIN TW1


def test_siapkan_impor_tidak_menulis(db_dasar, tmp_path):
    sebelum = isi_db(db_dasar)
    path = tulis_kasus(tmp_path, indikator=[ind("BARU")], realisasi=[rea("BARU", 2022, "5")])
    rencana = siapkan_impor(db_dasar, path)
    assert rencana.jumlah_baris == 2
    assert isi_db(db_dasar) == sebelum


def test_kegagalan_di_tengah_penulisan_dibatalkan(db_dasar, tmp_path, monkeypatch):
    """Indikator dan target sudah ditulis ketika realisasi gagal: semuanya dibatalkan."""
    def meledak(*a, **kw):
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(tulis_modul, "_tulis_realisasi", meledak)
    sebelum = isi_db(db_dasar)
    with pytest.raises(RuntimeError):
        impor_kasus(db_dasar, tmp_path, indikator=[ind("BARU"), ind("IPM", nama="Ubah")],
                    target=[tgt("BARU", 2022, "5"), tgt("IPM", 2022, "99")],
                    realisasi=[rea("BARU", 2022, "5")])
    assert isi_db(db_dasar) == sebelum


# ---------------------------------------------------------------------------------------------------
# Buku kerja Excel
# ---------------------------------------------------------------------------------------------------

def buku_kerja(lembar: dict[str, list[dict]], petunjuk: bool = True) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "petunjuk"
    if petunjuk:
        # isi yang akan gagal bila dibaca sebagai data: harus diabaikan
        ws.append(["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi"])
        ws.append(["Isi lembar indikator, target dan realisasi.", None, "tahun?", "TW9", "bukan angka"])
    for nama, rows in lembar.items():
        ws = wb.create_sheet(nama)
        kolom = []
        for r in rows:
            kolom += [k for k in r if k not in kolom]
        ws.append(kolom)
        for r in rows:
            ws.append([r.get(k) for k in kolom])
    return wb


def sel(wb, lembar: str, baris_excel: int, kolom: str):
    ws = wb[lembar]
    judul = [c.value for c in ws[1]]
    return ws.cell(row=baris_excel, column=judul.index(kolom) + 1)


def lembar_xlsx():
    return {
        "indikator": [ind("IPM", kondisi_awal=70.0, tahun_kondisi_awal=2020, target_akhir=75),
                      ind("TPT", polaritas="negatif")],
        "target": [tgt("IPM", 2022, 71.5), tgt("TPT", 2022, 0.05)],
        "realisasi": [rea("IPM", 2022, 1234.5), rea("IPM", 2023, 1.234), rea("IPM", 2024, "72,25"),
                      rea("IPM", 2025, 73), rea("TPT", 2022, 0.0632), rea("TPT", 2023, "6,1%")],
    }


def test_xlsx_sel_salah_tidak_menulis_apa_pun(db_dasar, tmp_path):
    lembar = lembar_xlsx()
    lembar["realisasi"][4] = rea("IPM", 2026, "abc")  # data ke-5 = baris 6
    path = tmp_path / "impor.xlsx"
    buku_kerja(lembar).save(path)
    sebelum = isi_db(db_dasar)
    with pytest.raises(ImporGagal) as e:
        impor_berkas(db_dasar, path, oleh="uji")
    assert isi_db(db_dasar) == sebelum
    m = satu_masalah(e.value)
    assert (m.lembar, m.baris, m.kolom, m.nilai) == ("realisasi", 6, "realisasi", "abc")


def test_xlsx_angka_excel_dan_persen(db_kosong, tmp_path):
    wb = buku_kerja(lembar_xlsx())
    c = sel(wb, "realisasi", 6, "realisasi")  # TPT 2022: 0,0632 berformat persen -> tampil 6,32%
    assert c.value == 0.0632
    c.number_format = "0.00%"
    path = tmp_path / "impor.xlsx"
    wb.save(path)

    hasil = impor_berkas(db_kosong, path, oleh="uji")

    r = realisasi_db(db_kosong)
    assert r[("IPM", 2022, "TAHUN")]["nilai"] == 1234.5   # sel angka apa adanya
    assert r[("IPM", 2023, "TAHUN")]["nilai"] == 1.234    # sel angka 1,234: bukan 1234, tanpa peringatan
    assert r[("IPM", 2024, "TAHUN")]["nilai"] == 72.25    # sel teks berkoma desimal
    assert r[("IPM", 2025, "TAHUN")]["nilai"] == 73.0
    assert r[("TPT", 2022, "TAHUN")]["nilai"] == pytest.approx(6.32, abs=1e-12)  # 0,0632 x 100
    assert r[("TPT", 2023, "TAHUN")]["nilai"] == 6.1     # teks "6,1%"
    assert hasil.peringatan == []
    i = satu_baris(db_kosong, "SELECT * FROM indikator WHERE kode = 'IPM'")
    assert (i["kondisi_awal"], i["tahun_kondisi_awal"], i["target_akhir"]) == (70.0, 2020, 75.0)
    t = satu_baris(db_kosong, "SELECT t.* FROM target t JOIN indikator i ON i.id = t.indikator_id "
                              "WHERE i.kode = 'TPT'")
    assert t["nilai"] == 0.05  # tanpa format persen: apa adanya


def test_xlsx_lembar_petunjuk_saja_ditolak(db_kosong, tmp_path):
    path = tmp_path / "kosong.xlsx"
    buku_kerja({}).save(path)
    with pytest.raises(ImporGagal) as e:
        impor_berkas(db_kosong, path, oleh="uji")
    assert "petunjuk" in str(e.value)


# ---------------------------------------------------------------------------------------------------
# Kesalahan yang menyebut lembar, baris, kolom dan nilai
# ---------------------------------------------------------------------------------------------------

def test_baris_dobel_menyebut_kedua_baris(db_dasar, tmp_path):
    e = gagal(db_dasar, tmp_path, realisasi=[
        rea("IPM", 2023, "70", "TW1"),       # baris 2
        rea("IPM", 2023, "71", "TW2"),       # baris 3
        rea("IPM", 2023, "72", "tw1"),       # baris 4: kunci sama dengan baris 2
    ])
    m = satu_masalah(e)
    assert (m.lembar, m.baris) == ("realisasi", 4)
    assert "baris 2" in m.pesan and "4" in m.pesan


def test_target_dobel_dokumen_bawaan_rpjmd(db_dasar, tmp_path):
    e = gagal(db_dasar, tmp_path, target=[
        tgt("IPM", 2024, "73", dokumen="RPJMD"),   # baris 2
        tgt("IPM", 2024, "74", dokumen="RKPD"),    # baris 3: dokumen lain, bukan dobel
        tgt("IPM", 2024, "75", dokumen=None),      # baris 4: kosong = RPJMD -> dobel dengan baris 2
    ])
    m = satu_masalah(e)
    assert (m.lembar, m.baris) == ("target", 4)
    assert "baris 2" in m.pesan


def test_indikator_dobel(db_dasar, tmp_path):
    e = gagal(db_dasar, tmp_path, indikator=[ind("X1"), ind("X2"), ind("X1", nama="lain")])
    m = satu_masalah(e)
    assert (m.lembar, m.baris) == ("indikator", 4)
    assert "baris 2" in m.pesan


@pytest.mark.parametrize(
    "lembar, harapan",
    [
        pytest.param({"realisasi": [rea("IPM", 2023, "70"), rea("IPM", 2024, "71", daerah_kode="99.99")]},
                     ("realisasi", 3, "daerah_kode", "99.99", "tidak dikenal"), id="daerah-tidak-dikenal"),
        pytest.param({"indikator": [ind("X", daerah_kode="65.99")]},
                     ("indikator", 2, "daerah_kode", "65.99", "tidak dikenal"), id="daerah-indikator"),
        pytest.param({"realisasi": [rea("X-404", 2023, "70")]},
                     ("realisasi", 2, "indikator_kode", "X-404", "tidak dikenal"), id="indikator-tidak-dikenal"),
        pytest.param({"realisasi": [rea("IPM", 2023, "70"), rea("IPM", 2027, "70")]},
                     ("realisasi", 3, "tahun", "2027", "2021-2026"), id="tahun-sesudah-periode"),
        pytest.param({"target": [tgt("IPM", 2020, "70")]},
                     ("target", 2, "tahun", "2020", "2021-2026"), id="target-sebelum-periode"),
        pytest.param({"realisasi": [rea("IPM", 2023, "70", "TW5")]},
                     ("realisasi", 2, "periode", "TW5", "TW1"), id="periode-tw5"),
        pytest.param({"realisasi": [rea("IPM", 2023, "70", "Semester 1")]},
                     ("realisasi", 2, "periode", "Semester 1", "TW1"), id="periode-asing"),
        pytest.param({"indikator": [ind("X", polaritas="naik")]},
                     ("indikator", 2, "polaritas", "naik", "positif"), id="polaritas"),
        pytest.param({"indikator": [ind("X", agregasi="rata-rata")]},
                     ("indikator", 2, "agregasi", "rata-rata", "kumulatif"), id="agregasi"),
        pytest.param({"indikator": [ind("X", urusan_kode="9.99")]},
                     ("indikator", 2, "urusan_kode", "9.99", "tidak dikenal"), id="urusan"),
        pytest.param({"indikator": [ind("X", periode_rpjmd="2026-2021")]},
                     ("indikator", 2, "periode_rpjmd", "2026-2021", "periode"), id="periode-rpjmd-terbalik"),
        pytest.param({"target": [tgt("IPM", 2023, "72", dokumen="RENSTRA")]},
                     ("target", 2, "dokumen", "RENSTRA", "RKPD"), id="dokumen"),
        pytest.param({"realisasi": [rea("IPM", 2023, "70", status="final")]},
                     ("realisasi", 2, "status", "final", "sementara"), id="status"),
        pytest.param({"realisasi": [rea("IPM", "dua ribu", "70")]},
                     ("realisasi", 2, "tahun", "dua ribu", "tahun"), id="tahun-teks"),
        pytest.param({"target": [tgt("IPM", 2023, "1,234.5")]},
                     ("target", 2, "target", "1,234.5", "Inggris"), id="angka-inggris"),
        pytest.param({"indikator": [ind("PE", polaritas="rentang", target_akhir="5,5 sampai x")]},
                     ("indikator", 2, "target_akhir", "5,5 sampai x", "rentang"), id="rentang-rusak"),
        pytest.param({"realisasi": [{"daerah_kode": "65.01", "indikator_kode": "IPM", "tahun": 2023,
                                     "realisasi": "70"}]},
                     ("realisasi", 1, "periode", None, "wajib"), id="kolom-wajib-tidak-ada"),
        pytest.param({"indikator": [{k: v for k, v in ind("X").items() if k != "agregasi"}]},
                     ("indikator", 1, "agregasi", None, "wajib"), id="kolom-wajib-indikator"),
    ],
)
def test_kesalahan_menyebut_sel(db_dasar, tmp_path, lembar, harapan):
    e = gagal(db_dasar, tmp_path, **lembar)
    m = satu_masalah(e)
    nama, no, kolom, nilai, kata = harapan
    assert (m.lembar, m.baris, m.kolom) == (nama, no, kolom)
    assert (None if m.nilai is None else str(m.nilai)) == nilai
    assert kata in m.pesan
    teks = str(m)
    assert f"'{nama}'" in teks and f"kolom '{kolom}'" in teks
    if no > 1:
        assert f"baris {no}" in teks


def test_kolom_tambahan_hanya_peringatan(db_dasar, tmp_path):
    hasil = impor_kasus(db_dasar, tmp_path,
                        realisasi=[rea("IPM", 2024, "72", keterangan_tambahan="catatan operator")])
    assert [(m.lembar, m.kolom, m.peringatan) for m in hasil.peringatan] == [
        ("realisasi", "keterangan_tambahan", True)]
    assert realisasi_db(db_dasar)[("IPM", 2024, "TAHUN")]["nilai"] == 72.0


def test_peringatan_dua_arti_menyebut_sel(db_dasar, tmp_path):
    hasil = impor_kasus(db_dasar, tmp_path, realisasi=[rea("IPM", 2024, "72"), rea("IPM", 2025, "1.234")])
    m, = hasil.peringatan
    assert (m.lembar, m.baris, m.kolom, m.nilai, m.peringatan) == ("realisasi", 3, "realisasi", "1.234", True)
    assert realisasi_db(db_dasar)[("IPM", 2025, "TAHUN")]["nilai"] == 1.234


def test_banyak_kesalahan_dilaporkan_sekaligus(db_dasar, tmp_path):
    e = gagal(db_dasar, tmp_path, realisasi=[rea("IPM", 2023, "abc"), rea("IPM", 2024, "71"),
                                             rea("IPM", 2025, "x", "TW9")])
    alamat = sorted((m.baris, m.kolom) for m in e.masalah)
    assert alamat == [(2, "realisasi"), (4, "periode")]


# ---------------------------------------------------------------------------------------------------
# Impor ulang, riwayat, sel kosong
# ---------------------------------------------------------------------------------------------------

def berkas_lengkap():
    return dict(
        indikator=[ind("IPM", kondisi_awal="70", tahun_kondisi_awal="2020", target_akhir="75",
                       perangkat_daerah="Bappeda"),
                   ind("PE", polaritas="rentang", target_akhir="5,5 - 6,5"),
                   ind("OPINI", polaritas="teks", target_akhir="WTP")],
        target=[tgt("IPM", 2022, "71"), tgt("IPM", 2022, "71,5", dokumen="RKPD"), tgt("PE", 2022, "5 - 6"),
                tgt("OPINI", 2022, "WTP")],
        realisasi=[rea("IPM", 2022, "70,5", sumber="BPS"), rea("IPM", 2023, "1", "TW1", status="sementara"),
                   rea("PE", 2022, "5,8"), rea("OPINI", 2022, "WDP")],
    )


def test_impor_ulang_berkas_sama_tidak_mengubah_apa_pun(db_kosong, tmp_path):
    path = tulis_kasus(tmp_path, **berkas_lengkap())
    impor_berkas(db_kosong, path, oleh="operator.a")
    sebelum = isi_db(db_kosong)

    hasil = impor_berkas(db_kosong, path, oleh="operator.b")

    assert hasil.ringkasan.jumlah == {
        "indikator": {"tambah": 0, "ubah": 0, "sama": 3},
        "target": {"tambah": 0, "ubah": 0, "sama": 4},
        "realisasi": {"tambah": 0, "ubah": 0, "sama": 4},
        "dukungan": {"tambah": 0, "ubah": 0, "sama": 0},
    }
    sesudah = isi_db(db_kosong)
    assert len(sesudah.pop("impor")) == len(sebelum.pop("impor")) + 1  # impor itu sendiri tercatat
    assert sesudah == sebelum  # termasuk riwayat, diubah_oleh dan diubah_pada


def test_nilai_berubah_dicatat_di_riwayat(db_dasar, tmp_path):
    hasil = impor_kasus(db_dasar, tmp_path,
                        target=[tgt("IPM", 2022, "71,8")],
                        realisasi=[rea("IPM", 2022, "70,9")], oleh="operator.b")
    impor_id = hasil.ringkasan.impor_id
    assert hasil.ringkasan.jumlah["realisasi"] == {"tambah": 0, "ubah": 1, "sama": 0}
    assert hasil.ringkasan.jumlah["target"] == {"tambah": 0, "ubah": 1, "sama": 0}
    rr = baris(db_dasar, "SELECT * FROM riwayat WHERE impor_id = $i ORDER BY tabel", {"i": impor_id})
    assert [(r["tabel"], r["aksi"], r["indikator_kode"], r["tahun"], r["kunci"], r["oleh"]) for r in rr] == [
        ("realisasi", "ubah", "IPM", 2022, "TAHUN", "operator.b"),
        ("target", "ubah", "IPM", 2022, "RPJMD", "operator.b"),
    ]
    rea_r, tgt_r = rr
    assert (float(rea_r["nilai_lama"]), float(rea_r["nilai_baru"])) == (70.5, 70.9)
    assert (float(tgt_r["nilai_lama"]), float(tgt_r["nilai_baru"])) == (71.0, 71.8)
    r = realisasi_db(db_dasar)[("IPM", 2022, "TAHUN")]
    assert (r["nilai"], r["impor_id"], r["diubah_oleh"]) == (70.9, impor_id, "operator.b")
    assert r["sumber"] == "BPS"  # kolom sumber kosong di berkas baru: yang lama tetap


def test_metadata_indikator_berubah_dicatat_di_riwayat(db_dasar, tmp_path):
    hasil = impor_kasus(db_dasar, tmp_path, indikator=[ind("IPM", nama="IPM (metode baru)"), ind("MISKIN",
                        polaritas="negatif")], oleh="operator.b")
    assert hasil.ringkasan.jumlah["indikator"] == {"tambah": 0, "ubah": 1, "sama": 1}
    rr = baris(db_dasar, "SELECT * FROM riwayat WHERE impor_id = $i", {"i": hasil.ringkasan.impor_id})
    assert [(r["tabel"], r["aksi"], r["indikator_kode"], r["kolom"], r["nilai_lama"], r["nilai_baru"])
            for r in rr] == [("indikator", "ubah", "IPM", "nama", "Indikator IPM", "IPM (metode baru)")]
    oleh = dict(db_dasar.execute("SELECT kode, diubah_oleh FROM indikator").fetchall())
    assert oleh == {"IPM": "operator.b", "MISKIN": "awal"}  # yang tidak berubah tidak disentuh


def test_impor_pertama_tercatat_sebagai_tambah(db_kosong, tmp_path):
    hasil = dasar(db_kosong, tmp_path)
    n = db_kosong.execute("SELECT count(*) FROM riwayat WHERE aksi = 'tambah' AND impor_id = $i",
                          {"i": hasil.ringkasan.impor_id}).fetchone()[0]
    assert n == 2 + 3 + 2  # 2 indikator, 3 target, 2 realisasi


@pytest.mark.parametrize("kosongan", ["", "-", " - ", "\u2013"])
def test_sel_kosong_tidak_menimpa(db_dasar, tmp_path, kosongan):
    sebelum = isi_db(db_dasar)
    hasil = impor_kasus(
        db_dasar, tmp_path,
        indikator=[ind("IPM", kondisi_awal=kosongan, tahun_kondisi_awal=kosongan, target_akhir=kosongan,
                       perangkat_daerah=kosongan)],
        target=[tgt("IPM", 2022, kosongan)],
        realisasi=[rea("IPM", 2022, kosongan), rea("MISKIN", 2023, kosongan, "TW1")],
    )
    assert hasil.ringkasan.jumlah["target"] == {"tambah": 0, "ubah": 0, "sama": 0}
    assert hasil.ringkasan.jumlah["realisasi"] == {"tambah": 0, "ubah": 0, "sama": 0}
    sesudah = isi_db(db_dasar)
    sesudah.pop("impor"), sebelum.pop("impor")
    for t in ("target", "realisasi", "riwayat"):
        assert sesudah[t] == sebelum[t]
    i = satu_baris(db_dasar, "SELECT * FROM indikator WHERE kode = 'IPM'")
    assert (i["kondisi_awal"], i["tahun_kondisi_awal"], i["target_akhir"], i["perangkat_daerah"]) == (
        70.0, 2020, 75.0, "Bappeda")


# ---------------------------------------------------------------------------------------------------
# Kode indikator di dua periode
# ---------------------------------------------------------------------------------------------------

def test_kode_di_dua_periode_perlu_periode_rpjmd(db_kosong, tmp_path):
    impor_kasus(db_kosong, tmp_path, indikator=[ind("IPM", periode_rpjmd="2016-2021"), ind("IPM")])
    e = gagal(db_kosong, tmp_path, realisasi=[rea("IPM", 2021, "70")])
    m = satu_masalah(e)
    assert (m.lembar, m.baris, m.kolom) == ("realisasi", 2, "periode_rpjmd")
    assert "2016-2021" in m.pesan and "2021-2026" in m.pesan and "periode_rpjmd" in m.pesan

    impor_kasus(db_kosong, tmp_path, realisasi=[rea("IPM", 2021, "70", periode_rpjmd="2016-2021"),
                                                rea("IPM", 2021, "71", periode_rpjmd="2021-2026")])
    rows = baris(db_kosong, "SELECT p.tahun_awal, r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                            "JOIN periode p ON p.id = i.periode_id ORDER BY p.tahun_awal")
    assert rows == [{"tahun_awal": 2016, "nilai": 70.0}, {"tahun_awal": 2021, "nilai": 71.0}]


def test_kode_di_dua_daerah_tidak_perlu_periode_rpjmd(db_kosong, tmp_path):
    impor_kasus(db_kosong, tmp_path, indikator=[ind("IPM"), ind("IPM", daerah_kode="65.02")],
                realisasi=[rea("IPM", 2022, "70"), rea("IPM", 2022, "65", daerah_kode="65.02")])
    assert db_kosong.execute("SELECT count(*) FROM realisasi").fetchone()[0] == 2


# ---------------------------------------------------------------------------------------------------
# Baris perintah
# ---------------------------------------------------------------------------------------------------

def jalankan_cli(*args):
    return subprocess.run([sys.executable, "-m", "pantau", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_impor(tmp_path):
    db = db_baru(tmp_path / "cli.duckdb")
    buruk = tulis_kasus(tmp_path, indikator=[ind("IPM")],
                        realisasi=[rea("IPM", 2021, "70"), rea("IPM", 2022, "71"), rea("IPM", 2023, "x,y")])
    p = jalankan_cli("impor", buruk, "--db", db, "--oleh", "uji")
    assert p.returncode != 0
    for bagian in ("'realisasi'", "baris 4", "kolom 'realisasi'", "'x,y'"):
        assert bagian in p.stderr
    con = buka(db, baca_saja=True)
    try:
        assert con.execute("SELECT count(*) FROM indikator").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM impor").fetchone()[0] == 0
    finally:
        con.close()

    baik = tulis_kasus(tmp_path, indikator=[ind("IPM")],
                       realisasi=[rea("IPM", 2021, "70"), rea("IPM", 2022, "71"), rea("IPM", 2023, "71,5")])
    p = jalankan_cli("impor", baik, "--db", db, "--oleh", "uji")
    assert p.returncode == 0, p.stderr
    con = buka(db, baca_saja=True)
    try:
        assert con.execute("SELECT sum(nilai) FROM realisasi").fetchone()[0] == 212.5  # 70 + 71 + 71,5
    finally:
        con.close()


def test_cli_impor_satu_csv(tmp_path):
    db = db_baru(tmp_path / "cli.duckdb")
    path = tulis_csv(tmp_path / "satu", "indikator", [ind("IPM")])
    p = jalankan_cli("impor", path, "--db", db, "--oleh", "uji")
    assert p.returncode == 0, p.stderr


# ---------------------------------------------------------------------------------------------------
# Sifat: sel realisasi sembarang
# ---------------------------------------------------------------------------------------------------

_angka_teks = st.builds(
    lambda tanda, bulat, pisah, pecahan, persen, spasi: f"{spasi}{tanda}{bulat}{pisah}{pecahan}{persen}{spasi}",
    st.sampled_from(["", "-", "+", "\u2212", "\u2013"]),
    st.integers(0, 10**12).map(str),
    st.sampled_from(["", ",", "."]),
    st.sampled_from(["", "0", "5", "25", "125", "2755", "00"]),
    st.sampled_from(["", "%"]),
    st.sampled_from(["", " ", "\u00a0"]),
)
_ribuan = st.integers(0, 10**12).map(lambda n: f"{n:,}").flatmap(
    lambda s: st.sampled_from([s, s.replace(",", "."), s.replace(",", ".") + ",5", s + ".5"]))
NILAI_SEL = st.one_of(
    st.text(max_size=12),
    _angka_teks,
    _ribuan,
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-10**40, 10**40).map(str),
    st.sampled_from(["", "-", " ", "\u2014", "1.234", "1,234", "1,234,567", "1" + "0" * 400, "9" * 309,
                     "1e5", "NaN", "\u0663", "\uff11\uff12", "6,32%", "\u22123", "0.2800-0.2755", "ⅷ", "²",
                     "١٢٣,٤", "12\n", "=1+1", "'7"]),
)


_DB_SIFAT: dict[str, Path] = {}


def db_sifat(folder: Path) -> Path:
    """Salinan basis data berisi IPM (positif) dan PE (rentang) dengan realisasi 2022 (dibuat sekali)."""
    if "templat" not in _DB_SIFAT:
        path = db_baru(folder / "templat-sifat.duckdb")
        con = buka(path)
        impor_kasus(con, folder, indikator=[ind("IPM"), ind("PE", polaritas="rentang")],
                    realisasi=[rea("IPM", 2022, "70"), rea("PE", 2022, "5,5")])
        con.close()
        _DB_SIFAT["templat"] = path
    tujuan = folder / "sifat.duckdb"
    tujuan.write_bytes(_DB_SIFAT["templat"].read_bytes())
    return tujuan


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nilai=NILAI_SEL)
@example(nilai="abc")
@example(nilai="")
@example(nilai="-")
@example(nilai="1.234")
@example(nilai="1.234,5")
@example(nilai="1" + "0" * 400)
@example(nilai="\u22126,32%")
def test_sifat_sel_realisasi_sembarang(tmp_path_factory, nilai):
    folder = tmp_path_factory.mktemp("sifat")
    con = buka(db_sifat(folder))
    try:
        sebelum = isi_db(con)
        rows = [rea("IPM", 2023, "71"), rea("IPM", 2024, nilai), rea("PE", 2024, nilai)]
        try:
            hasil = impor_kasus(con, folder, realisasi=rows)
        except ImporGagal as e:
            event("ditolak")
            assert isi_db(con) == sebelum
            assert e.masalah, "ImporGagal tanpa kesalahan"
            assert {(m.lembar, m.baris, m.kolom) for m in e.masalah} == {("realisasi", 3, "realisasi"),
                                                                         ("realisasi", 4, "realisasi")}
            return
        r = realisasi_db(con)
        assert r[("IPM", 2023, "TAHUN")]["nilai"] == 71.0
        if kosong(nilai):
            event("kosong, dilewati")
            assert ("IPM", 2024, "TAHUN") not in r and ("PE", 2024, "TAHUN") not in r
            assert hasil.ringkasan.jumlah["realisasi"]["tambah"] == 1
        else:
            event("diterima")
            harapan = baca_angka(nilai).nilai
            assert r[("IPM", 2024, "TAHUN")]["nilai"] == harapan
            assert r[("PE", 2024, "TAHUN")]["nilai"] == harapan
            assert abs(harapan) < float("inf")
            # capaian_tahunan tetap terbaca dengan nilai ini
            con.execute("SELECT count(*) FROM capaian_tahunan").fetchone()
    finally:
        con.close()
