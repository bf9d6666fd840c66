"""Lembar dukungan (keputusan #10): aturan yang sama dengan lembar lain (kode, angka Indonesia, semua atau tidak
sama sekali, riwayat), ditambah bentuk kode sub kegiatan, rupiah, dan peringatan bidang urusan."""
from __future__ import annotations

import pytest

from pantau.akun import Pengguna, TidakBerizin
from pantau.db import buka, pasang_skema
from pantau.desk import dukungan
from pantau.impor import ImporGagal, impor_berkas, siapkan_impor
from pantau.impor.batal import batalkan_impor
from pantau.impor.pratinjau import pratinjau
from tests.bantuan import baris, duk, impor_kasus, ind, isi_db, satu_baris, tgt, tulis_kasus
from tests.test_impor import buku_kerja

SK_KES = "1.02.02.2.01.0014"   # ada di nomenklatur (Pengadaan Alat Kesehatan ...)
SK_PU = "1.03.02.2.01.0001"    # bidang 1.03: berbeda dengan urusan Kesehatan
SK_LAIN = "1.02.02.2.01.0001"  # Kesehatan, belum dipakai baris baik


@pytest.fixture
def db_ind(db_kosong, tmp_path):
    """Dua indikator Kesehatan dan satu lintas urusan (urusan kosong), dengan target 2024."""
    impor_kasus(db_kosong, tmp_path / "awal",
                indikator=[ind("KES-01"), ind("KES-02"), ind("IPM", urusan_kode=None)],
                target=[tgt("KES-01", 2024, "90"), tgt("KES-02", 2024, "80"), tgt("IPM", 2024, "72")],
                oleh="awal")
    return db_kosong


def dukungan_db(con) -> list[dict]:
    return baris(con, "SELECT d.*, i.kode AS indikator_kode FROM dukungan d "
                      "LEFT JOIN indikator i ON i.id = d.indikator_id ORDER BY d.sub_kegiatan_kode, i.kode")


def test_baris_baik_masuk_dengan_rupiah_indonesia_dan_riwayat(db_ind, tmp_path):
    hasil = impor_kasus(db_ind, tmp_path / "a", dukungan=[
        duk("KES-01", 2024, SK_KES, pagu="Rp 1.250.000.000", realisasi_tw1="100.000.000", realisasi_tw2=200000000,
            realisasi_tw3="300000000,00", realisasi_tw4="400.000.000", disepakati="ya", sumber="DPA 2024"),
        duk("KES-02", 2024, SK_KES, pagu="1250000000", realisasi_anggaran="1.000.000.000"),
        duk(None, 2024, "1.02.01.2.01.0001", pagu="75.000.000", realisasi_anggaran="70.000.000"),
    ])
    assert hasil.ringkasan.jumlah["dukungan"] == {"tambah": 3, "ubah": 0, "sama": 0}
    rows = dukungan_db(db_ind)
    assert len(rows) == 3
    r = next(x for x in rows if x["indikator_kode"] == "KES-01")
    assert (r["pagu"], r["realisasi_tw1"], r["realisasi_tw3"], r["realisasi_tw4"]) == (1.25e9, 1e8, 3e8, 4e8)
    assert r["disepakati"] is True and r["disepakati_oleh"] == "uji" and r["disepakati_pada"] is not None
    tanpa = next(x for x in rows if x["indikator_kode"] is None)
    assert tanpa["indikator_id"] is None and tanpa["realisasi_tahun"] == 7e7 and tanpa["disepakati"] is False
    # view: realisasi = jumlah triwulan (1 M) -> serapan 80 %; angka setahun menang; nama dari nomenklatur
    v = satu_baris(db_ind, "SELECT * FROM anggaran_dukungan WHERE indikator_kode = 'KES-01'")
    assert (v["realisasi_anggaran"], v["serapan"], v["triwulan_anggaran"]) == (1e9, 80.0, 4)
    assert v["sub_kegiatan_nama"].startswith("Pengadaan Alat Kesehatan")
    assert v["program_nama"].startswith("Program Pemenuhan Upaya Kesehatan")
    v = satu_baris(db_ind, "SELECT * FROM anggaran_dukungan WHERE indikator_id IS NULL")
    assert (v["realisasi_anggaran"], v["serapan"]) == (7e7, 93.33)   # 70/75 = 93,333.. -> 93,33
    assert satu_baris(db_ind, "SELECT count(*) AS n FROM riwayat WHERE tabel = 'dukungan' AND aksi = 'tambah'")[
        "n"] == 3
    # impor ulang berkas yang sama: tidak ada yang berubah, tidak ada riwayat baru
    sebelum = isi_db(db_ind)
    lagi = impor_berkas(db_ind, sorted((tmp_path / "a").iterdir())[0], oleh="uji2")
    assert lagi.ringkasan.jumlah["dukungan"] == {"tambah": 0, "ubah": 0, "sama": 3}
    sesudah = isi_db(db_ind)
    assert sesudah["dukungan"] == sebelum["dukungan"]
    assert sesudah["riwayat"] == sebelum["riwayat"]


@pytest.mark.parametrize(("baris_salah", "kolom", "nilai", "pesan"), [
    (duk("KES-01", 2024, "1.02.2.2.01.14"), "sub_kegiatan_kode", "1.02.2.2.01.14", "U.BB.PP.K.KK.SSSS"),
    (duk("KES-01", 2024, "1-02-02-2-01-0014"), "sub_kegiatan_kode", "1-02-02-2-01-0014", "U.BB.PP.K.KK.SSSS"),
    (duk("KES-01", 2024, SK_LAIN, pagu="satu miliar"), "pagu", "satu miliar", "rupiah"),
    (duk("KES-01", 2024, SK_LAIN, pagu="1,25 M"), "pagu", "1,25 M", "tanpa singkatan"),
    (duk("KES-01", 2024, SK_LAIN, pagu="-5000000"), "pagu", "-5000000", "negatif"),
    (duk("KES-01", 2024, SK_LAIN, realisasi_tw2="dua ratus"), "realisasi_tw2", "dua ratus", "rupiah"),
    (duk("KES-99", 2024, SK_LAIN), "indikator_kode", "KES-99", "indikator tidak dikenal"),
    (duk("KES-01", 2031, SK_KES), "tahun", "2031", "di luar periode"),
    (duk("KES-01", 2024, SK_LAIN, disepakati="mungkin"), "disepakati", "mungkin", "'ya' atau 'tidak'"),
    (duk("KES-01", 2024, None), "sub_kegiatan_kode", None, "wajib diisi"),
])
def test_satu_baris_salah_di_antara_baris_baik_menolak_seluruh_berkas(db_ind, tmp_path, baris_salah, kolom, nilai,
                                                                       pesan):
    baik = [duk("KES-01", 2024, SK_KES, pagu="1.000.000.000"), duk("KES-02", 2024, SK_KES, pagu="1.000.000.000"),
            duk(None, 2024, "1.02.01.2.01.0001", pagu="50000000")]
    sebelum = isi_db(db_ind)
    with pytest.raises(ImporGagal) as e:
        impor_kasus(db_ind, tmp_path / "b", dukungan=[baik[0], baik[1], baris_salah, baik[2]])
    assert isi_db(db_ind) == sebelum, "baris lain tidak boleh masuk"
    assert len(e.value.masalah) == 1, [str(m) for m in e.value.masalah]
    m = e.value.masalah[0]
    assert (m.lembar, m.baris, m.kolom) == ("dukungan", 4, kolom)   # judul = baris 1; baris salah = data ke-3
    assert (m.nilai if m.nilai is None else str(m.nilai)) == nilai
    assert pesan in m.pesan
    assert "Lembar 'dukungan', baris 4" in str(m)


def test_baris_dobel_menyebut_kedua_baris(db_ind, tmp_path):
    with pytest.raises(ImporGagal) as e:
        impor_kasus(db_ind, tmp_path / "c", dukungan=[duk("KES-01", 2024, SK_KES, pagu=1), duk("KES-02", 2024, SK_KES),
                                                      duk("KES-01", 2024, SK_KES, pagu=2)])
    m = e.value.masalah[0]
    assert "baris 2 dan 4" in m.pesan


def test_bidang_urusan_berbeda_hanya_peringatan_lintas_urusan_bebas(db_ind, tmp_path):
    hasil = impor_kasus(db_ind, tmp_path / "d", dukungan=[
        duk("KES-01", 2024, SK_PU, sub_kegiatan_nama="Pembangunan jalan ke puskesmas", perangkat_daerah="Dinas PU"),
        duk("IPM", 2024, SK_PU, sub_kegiatan_nama="Pembangunan jalan", perangkat_daerah="Dinas PU"),
    ])
    bidang = [m for m in hasil.peringatan if "bidang urusan" in m.pesan]
    assert len(bidang) == 1
    assert (bidang[0].baris, bidang[0].kolom) == (2, "sub_kegiatan_kode")
    assert "(1.03)" in bidang[0].pesan and "(1.02)" in bidang[0].pesan
    assert len(dukungan_db(db_ind)) == 2


def test_kode_tak_dikenal_diterima_dengan_namanya_dan_peringatan_lain(db_ind, tmp_path):
    hasil = impor_kasus(db_ind, tmp_path / "e", dukungan=[
        duk("KES-01", 2024, "1.02.03.2.09.0099", sub_kegiatan_nama="Sub kegiatan khusus daerah"),
        duk("KES-02", 2024, "1.02.03.2.09.0098"),                          # tanpa nama: peringatan
        duk("KES-02", 2024, "1.02.02.1.01.0014", pagu=100, realisasi_anggaran=150),   # tingkat provinsi di kab
    ])
    pesan = [str(m) for m in hasil.peringatan]
    assert any("tidak ada di nomenklatur" in p and "baris 3" in p for p in pesan), pesan
    assert any("tingkat provinsi" in p and "baris 4" in p for p in pesan), pesan
    assert any("melebihi pagu" in p and "150,0%" in p for p in pesan), pesan
    v = satu_baris(db_ind,
                   "SELECT sub_kegiatan_nama FROM anggaran_dukungan WHERE sub_kegiatan_kode = '1.02.03.2.09.0099'")
    assert v["sub_kegiatan_nama"] == "Sub kegiatan khusus daerah"


def test_ubah_pratinjau_riwayat_dan_batal(db_ind, tmp_path):
    impor_kasus(db_ind, tmp_path / "f1", dukungan=[duk("KES-01", 2024, SK_KES, pagu="1.000.000", disepakati="tidak")])
    awal = isi_db(db_ind)
    path = tulis_kasus(tmp_path / "f2", dukungan=[duk("KES-01", 2024, SK_KES, pagu="1.200.000", disepakati="ya",
                                                      realisasi_tw1="300.000")])
    p = pratinjau(db_ind, siapkan_impor(db_ind, path))
    assert p.jumlah["dukungan"] == {"tambah": 0, "ubah": 1, "sama": 0}
    ubah = {r.kunci: (r.nilai_lama, r.nilai_baru) for r in p.berubah.itertuples()}
    assert ubah[f"{SK_KES} (pagu)"] == ("1000000.0", "1200000.0")
    assert ubah[f"{SK_KES} (disepakati)"] == ("false", "true")
    assert isi_db(db_ind) == awal, "pratinjau tidak menulis apa pun"
    hasil = impor_berkas(db_ind, path, oleh="desk")
    r = dukungan_db(db_ind)[0]
    assert (r["pagu"], r["realisasi_tw1"], r["disepakati"], r["disepakati_oleh"]) == (1.2e6, 3e5, True, "desk")
    kolom = {x["kolom"] for x in baris(db_ind, "SELECT kolom FROM riwayat WHERE tabel = 'dukungan' AND aksi = 'ubah'")}
    assert kolom == {"pagu", "realisasi_tw1", "disepakati"}
    batalkan_impor(db_ind, hasil.ringkasan.impor_id, oleh="admin")
    r = dukungan_db(db_ind)[0]
    assert (r["pagu"], r["realisasi_tw1"], r["disepakati"], r["disepakati_oleh"]) == (1e6, None, False, None)


def test_xlsx_lembar_dukungan_dengan_sel_angka(db_ind, tmp_path):
    path = tmp_path / "dukungan.xlsx"
    buku_kerja({"dukungan": [duk("KES-01", 2024, SK_KES, pagu=1_500_000_000, realisasi_tw1=2.5e8)]}).save(path)
    impor_berkas(db_ind, path, oleh="uji")
    assert dukungan_db(db_ind)[0]["pagu"] == 1.5e9
    # sel salah di xlsx: menyebut lembar, baris seperti di Excel, kolom
    path2 = tmp_path / "salah.xlsx"
    buku_kerja({"dukungan": [duk("KES-02", 2024, SK_KES), duk("KES-02", 2024, "1.02.02.2.01", pagu=5)]}).save(path2)
    with pytest.raises(ImporGagal) as e:
        impor_berkas(db_ind, path2, oleh="uji")
    m = e.value.masalah[0]
    assert (m.lembar, m.baris, m.kolom) == ("dukungan", 3, "sub_kegiatan_kode")


def test_operator_hanya_daerahnya_sendiri(db_ind, tmp_path):
    op = Pengguna("op.tanjungselor", "Operator", "operator", "65.02")
    path = tulis_kasus(tmp_path / "g", dukungan=[duk("KES-01", 2024, SK_KES)])
    sebelum = isi_db(db_ind)
    with pytest.raises(ImporGagal, match="hanya boleh"):
        impor_berkas(db_ind, path, pengguna=op)
    assert isi_db(db_ind) == sebelum


# -- aksi desk (pantau.desk.dukungan) -----------------------------------------------------------------------------

ANALIS = Pengguna("analis.uji", "Analis", "analis")


def test_desk_tambah_sepakati_hapus_dengan_riwayat(db_ind):
    kes = satu_baris(db_ind, "SELECT id FROM indikator WHERE kode = 'KES-01'")["id"]
    h = dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode=" 1.02.02.2.01.0014 ",
                        perangkat_daerah="Dinas Kesehatan", pagu="Rp 2.000.000.000", pengguna=ANALIS)
    r = satu_baris(db_ind, "SELECT * FROM dukungan WHERE id = $i", {"i": h.id})
    assert (r["sub_kegiatan_kode"], r["pagu"], r["disepakati"], r["diubah_oleh"]) == (SK_KES, 2e9, False, "analis.uji")
    with pytest.raises(dukungan.DukunganTidakSah, match="sudah tercatat"):
        dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode=SK_KES,
                        pengguna=ANALIS)
    with pytest.raises(dukungan.DukunganTidakSah, match="U.BB.PP.K.KK.SSSS"):
        dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode="1.02.02",
                        pengguna=ANALIS)
    with pytest.raises(dukungan.DukunganTidakSah, match="isi nama"):
        dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode="1.02.02.2.09.0999",
                        pengguna=ANALIS)
    pu = dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode=SK_PU,
                         sub_kegiatan_nama="Jalan ke puskesmas", pengguna=ANALIS)
    assert pu.peringatan and "1.03" in pu.peringatan[0]
    dukungan.sepakati(db_ind, h.id, True, pengguna=ANALIS)
    r = satu_baris(db_ind, "SELECT * FROM dukungan WHERE id = $i", {"i": h.id})
    assert r["disepakati"] is True and r["disepakati_oleh"] == "analis.uji" and r["disepakati_pada"] is not None
    dukungan.sepakati(db_ind, h.id, False, pengguna=ANALIS)
    r = satu_baris(db_ind, "SELECT * FROM dukungan WHERE id = $i", {"i": h.id})
    assert (r["disepakati"], r["disepakati_oleh"], r["disepakati_pada"]) == (False, None, None)
    dukungan.hapus(db_ind, pu.id, pengguna=ANALIS)
    assert satu_baris(db_ind, "SELECT count(*) AS n FROM dukungan WHERE id = $i", {"i": pu.id})["n"] == 0
    rw = baris(db_ind, "SELECT aksi, kolom, nilai_lama, nilai_baru, oleh FROM riwayat WHERE tabel = 'dukungan' "
                       "ORDER BY id")
    assert [(x["aksi"], x["kolom"]) for x in rw] == [("tambah", None), ("tambah", None), ("ubah", "disepakati"),
                                                     ("ubah", "disepakati"), ("hapus", None)]
    assert {x["oleh"] for x in rw} == {"analis.uji"}
    assert "Jalan ke puskesmas" in rw[-1]["nilai_lama"]
    with pytest.raises(dukungan.DukunganTidakSah, match="sudah tidak ada"):
        dukungan.hapus(db_ind, pu.id, pengguna=ANALIS)


def test_desk_izin_di_tempat_tulis(db_ind):
    kes = satu_baris(db_ind, "SELECT id FROM indikator WHERE kode = 'KES-01'")["id"]
    sebelum = isi_db(db_ind)
    for p in (Pengguna("p", "Pimpinan", "pimpinan"), Pengguna("a", "Admin", "admin"),
              Pengguna("o", "Operator lain", "operator", "65.02")):
        with pytest.raises(TidakBerizin):
            dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode=SK_KES,
                            pengguna=p)
    assert isi_db(db_ind) == sebelum
    op = Pengguna("o2", "Operator Bulungan", "operator", "65.01")
    dukungan.tambah(db_ind, daerah="65.01", tahun=2025, indikator_id=kes, sub_kegiatan_kode=SK_KES, pengguna=op)


def test_migrasi_dari_skema_3_memasang_dukungan_dan_nomenklatur(tmp_path):
    """Basis data versi 3 (sebelum keputusan #10) dengan data: migrasi 004 mempertahankan isinya dan mengisi
    nomenklatur serta pengaturan kuadran."""
    from pantau import db as modul_db

    path = tmp_path / "lama.duckdb"
    con = buka(path)
    for f in modul_db.migrasi()[:3]:
        con.execute(f.read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    con.execute("INSERT INTO daerah VALUES ('65', '6500', 'Kalimantan Utara', 'provinsi', NULL, NULL, NULL)")
    con.execute("INSERT INTO periode (daerah_kode, tahun_awal, tahun_akhir) VALUES ('65', 2021, 2026)")
    con.execute("INSERT INTO indikator (periode_id, daerah_kode, kode, nama, satuan, polaritas, agregasi) "
                "VALUES (1, '65', 'X', 'Indikator X', '%', 'positif', 'akhir')")
    con.execute("INSERT INTO dukungan (daerah_kode, tahun, indikator_id, sub_kegiatan_kode, pagu, realisasi_anggaran) "
                "VALUES ('65', 2024, 1, '1.02.02.1.01.0014', 100, 90)")
    assert pasang_skema(con) == modul_db.SCHEMA_VERSION
    r = satu_baris(con, "SELECT * FROM anggaran_dukungan")
    assert (r["pagu"], r["realisasi_tahun"], r["serapan"]) == (100, 90, 90.0)
    assert satu_baris(con, "SELECT count(*) AS n FROM sub_kegiatan")["n"] > 1000
    assert satu_baris(con, "SELECT batas_kinerja, batas_serapan FROM batas_kuadran") == {"batas_kinerja": 91.0,
                                                                                         "batas_serapan": 90.0}
    con.close()
