"""Impor SIPD-RI ke basis data (isu #21): migrasi 006 tanpa kehilangan baris, perintah impor-sipd pada contoh
nyata tests/data/sipd, penolakan tanpa menulis apa pun, impor ulang mengganti, batal impor, dukungan berkunci
unit, pagu SIPD di anggaran_dukungan/kuadran dan temuan."""
from __future__ import annotations

import copy
import json
from decimal import Decimal

import duckdb
import openpyxl
import pytest

from pantau.cli import main
from pantau.db import buka, jalankan, pasang_skema
from pantau.db.skema import migrasi
from pantau.desk import dukungan as dk
from pantau.desk.dukungan import DukunganTidakSah
from pantau.impor.batal import batalkan_impor
from pantau.impor.sipd_tulis import impor_sipd
from tests.bantuan import db_baru
from tests.bantuan_sipd import JUDUL_REKAP, PAGU, RENJA, SKPD, muat, tulis_json, tulis_rekap

PAGU_DINKES = Decimal("147618882317")  # set_pagu_skpd Dinas Kesehatan di skpd.json = jumlah kolom pagu Renja
DINKES, PKM = "1.02.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0004"


def hitung(path) -> dict[str, int]:
    """Jumlah baris setiap tabel dasar."""
    c = duckdb.connect(str(path))
    try:
        tabel = [r[0] for r in c.execute("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        return {t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tabel}
    finally:
        c.close()


@pytest.fixture
def db(tmp_path):
    return db_baru(tmp_path / "pantau.duckdb")


def cli(db, *argv) -> int:
    return main(["impor-sipd", *map(str, argv), "--db", str(db), "--oleh", "uji"])


# -- migrasi ------------------------------------------------------------------------------------------------

def test_migrasi_005_ke_006_tidak_kehilangan_baris(tmp_path):
    path = tmp_path / "lama.duckdb"
    c = duckdb.connect(str(path))
    for f in migrasi()[:5]:
        c.execute(f.read_text(encoding="utf-8"))
    c.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    c.execute("INSERT INTO daerah (kode, nama, jenis, kode_induk) VALUES ('65', 'Kaltara', 'provinsi', NULL), "
              "('65.01', 'Kabupaten Bulungan', 'kabupaten', '65')")
    c.execute("INSERT INTO periode (daerah_kode, tahun_awal, tahun_akhir) VALUES ('65.01', 2021, 2026)")
    c.execute("INSERT INTO indikator (periode_id, daerah_kode, urusan_kode, kode, nama, satuan, polaritas, agregasi) "
              "VALUES (1, '65.01', '1.02', 'K1', 'Indikator', '%', 'positif', 'akhir')")
    c.execute("INSERT INTO impor (berkas, sha256, oleh, waktu) VALUES ('a.xlsx', 'x', 'budi', now())")
    c.execute("INSERT INTO dukungan (daerah_kode, tahun, indikator_id, sub_kegiatan_kode, sub_kegiatan_nama, pagu, "
              "realisasi_tw1, disepakati, disepakati_oleh, impor_id) VALUES "
              "('65.01', 2024, 1, '1.02.02.2.01.0001', 'A', 100, 10, true, 'ani', 1), "
              "('65.01', 2024, NULL, '1.02.02.2.01.0002', 'B', 200, NULL, false, NULL, 1), "
              "('65.01', 2025, 1, '1.02.02.2.01.0001', 'A', 300, NULL, false, NULL, NULL)")
    c.execute("INSERT INTO riwayat (waktu, oleh, tabel, aksi, daerah_kode, tahun, kunci, impor_id) VALUES "
              "(now(), 'budi', 'dukungan', 'tambah', '65.01', 2024, '1.02.02.2.01.0001', 1), "
              "(now(), 'admin', 'pengguna', 'ubah', NULL, NULL, 'ani', NULL)")
    isi_lama = c.execute("SELECT id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, pagu, realisasi_tw1, "
                         "disepakati, disepakati_oleh, impor_id FROM dukungan ORDER BY id").fetchall()
    riwayat_lama = c.execute("SELECT id, tabel, kunci FROM riwayat ORDER BY id").fetchall()
    c.close()
    sebelum = hitung(path)

    con = buka(path)
    assert pasang_skema(con) == len(migrasi())
    con.close()
    sesudah = hitung(path)
    for t, n in sebelum.items():
        assert sesudah[t] >= n, t
        if t not in ("pengaturan", "skala_predikat", "meta", "program", "sub_kegiatan", "urusan"):
            assert sesudah[t] == n, t  # tabel data: persis sama (rujukan bawaan boleh ditambah)
    assert sesudah["anggaran_sipd"] == 0 and sesudah["outcome_program_sipd"] == 0
    c = duckdb.connect(str(path))
    assert c.execute("SELECT id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, pagu, realisasi_tw1, disepakati, "
                     "disepakati_oleh, impor_id FROM dukungan ORDER BY id").fetchall() == isi_lama
    assert {r[0] for r in c.execute("SELECT perangkat_daerah_kode FROM dukungan").fetchall()} == {""}
    assert c.execute("SELECT id, tabel, kunci FROM riwayat ORDER BY id").fetchall() == riwayat_lama
    # id berikutnya melanjutkan urutan lama; unit kini bagian kunci
    c.execute("INSERT INTO dukungan (daerah_kode, tahun, indikator_id, sub_kegiatan_kode, perangkat_daerah_kode) "
              "VALUES ('65.01', 2024, 1, '1.02.02.2.01.0001', '1.02.0.00.0.00.01.0004')")
    assert c.execute("SELECT max(id) FROM dukungan").fetchone()[0] == 4
    with pytest.raises(duckdb.ConstraintException):
        c.execute("INSERT INTO dukungan (daerah_kode, tahun, indikator_id, sub_kegiatan_kode) "
                  "VALUES ('65.01', 2024, 1, '1.02.02.2.01.0001')")
    c.close()


# -- perintah impor-sipd pada contoh nyata ---------------------------------------------------------------------

def test_cli_contoh_nyata(db, capsys):
    assert cli(db, RENJA, PAGU, SKPD, "--daerah", "17.03", "--tahun", "2026") == 0
    keluar = capsys.readouterr().out
    assert "Daerah 17.03, tahun 2026" in keluar
    assert "unit: 24; SKPD: 1" in keluar
    assert "Pagu seluruhnya: Rp 147.618.882.317" in keluar
    assert "daftar SKPD Rp 147.618.882.317: sama" in keluar
    assert "program 1.02.02" in keluar and "target tidak dipasangkan di 23 unit" in keluar
    assert "Impor berhasil (impor #1)" in keluar and "124 baru" in keluar and "batal-impor 1" in keluar
    c = duckdb.connect(str(db))
    n, pagu, unit, sub = c.execute("SELECT count(*), sum(pagu), count(DISTINCT perangkat_daerah_kode), "
                                   "count(DISTINCT sub_kegiatan_kode) FROM anggaran_sub_kegiatan "
                                   "WHERE daerah_kode = '17.03' AND tahun = 2026").fetchone()
    assert (n, pagu, unit, sub) == (124, PAGU_DINKES, 24, 81)
    # kode sub kegiatan yang sama di banyak unit: satu baris per unit
    assert c.execute("SELECT count(*) FROM anggaran_sipd WHERE sub_kegiatan_kode = '1.02.01.2.10.0001'"
                     ).fetchone()[0] > 1
    assert c.execute("SELECT count(*) FROM outcome_program_sipd").fetchone()[0] == 25
    assert c.execute("SELECT tabel, aksi, count(*) FROM riwayat GROUP BY ALL ORDER BY 1").fetchall() == [
        ("anggaran_sipd", "tambah", 124), ("outcome_program_sipd", "tambah", 25)]
    assert c.execute("SELECT baris_anggaran, oleh FROM impor").fetchone() == (124, "uji")
    # nama operator (user_created/user_updated daftar pagu) tidak ada di kolom teks mana pun
    nama = {e[k] for e in muat(PAGU) for k in ("user_created", "user_updated") if e.get(k)}
    assert nama
    for tabel, kolom in c.execute("SELECT table_name, column_name FROM information_schema.columns "
                                  "WHERE data_type = 'VARCHAR'").fetchall():
        for x in nama:
            assert not c.execute(f'SELECT count(*) FROM "{tabel}" WHERE contains("{kolom}", $x)',
                                 {"x": x}).fetchone()[0], (tabel, kolom, x)
    c.close()


def test_periksa_saja_tidak_menulis(db, capsys):
    sebelum = hitung(db)
    assert cli(db, RENJA, "--daerah", "17.03", "--tahun", "2026", "--periksa-saja") == 0
    assert "Tidak ada yang ditulis" in capsys.readouterr().out
    assert hitung(db) == sebelum


def _rekap_baris(no, unit, sub, pagu, tahun=2026):
    return [no, tahun, "1", "URUSAN", DINKES, "Dinas Kesehatan", unit, "Unit", "1.02", "KESEHATAN", "1.02.02",
            "PROGRAM", sub[:-5], "KEGIATAN", sub, f"Sub {sub}", "1.2.01.08", "DAU", "5.1.02.01.01.0024", "Belanja",
            "Kelompok", "Paket", pagu]


def _buruk(tmp_path, jenis):
    if jenis == "terpotong":
        isi = RENJA.read_text(encoding="utf-8")
        return [tulis_teks(tmp_path / "renja.json", isi[: len(isi) // 2])]
    if jenis == "dua daerah":
        pagu = muat(PAGU)
        for e in pagu:
            e["id_daerah"] = 474
        return [RENJA, tulis_json(tmp_path / "pagu_lain.json", pagu)]
    if jenis == "tahun lain":
        return [RENJA, "--tahun-ganti"]
    judul = list(JUDUL_REKAP)
    if jenis == "rekap tanpa PAGU":
        return [tulis_rekap(tmp_path / "rekap.xlsx", [_rekap_baris(1, DINKES, "1.02.02.2.01.0014", 5)[:-1]],
                            judul=[j for j in judul if j != "PAGU"])]
    if jenis == "rekap PAGU teks":
        return [tulis_rekap(tmp_path / "rekap.xlsx", [_rekap_baris(1, DINKES, "1.02.02.2.01.0014", 5),
                                                      _rekap_baris(2, PKM, "1.02.02.2.01.0014", "dua juta")])]
    if jenis == "xlsx bukan rekap":
        wb = openpyxl.Workbook()
        wb.active.title = "indikator"
        wb.active.append(["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama"])
        wb.save(tmp_path / "impor_pantau.xlsx")
        return [tmp_path / "impor_pantau.xlsx"]
    raise AssertionError(jenis)


def tulis_teks(path, isi):
    path.write_text(isi, encoding="utf-8")
    return path


@pytest.mark.parametrize("jenis, kata", [
    ("terpotong", "terpotong"),
    ("dua daerah", "dua daerah"),
    ("tahun lain", "tahun 2026, padahal tahun yang dipilih 2025"),
    ("rekap tanpa PAGU", "tidak memuat kolom PAGU"),
    ("rekap PAGU teks", "PAGU harus angka rupiah"),
    ("xlsx bukan rekap", "bukan rekap SIPD-RI"),
])
def test_berkas_buruk_ditolak_tanpa_menulis(db, tmp_path, capsys, jenis, kata):
    # ada anggaran sebelumnya: penolakan tidak boleh menyentuhnya
    assert cli(db, RENJA, "--daerah", "17.03", "--tahun", "2026") == 0
    capsys.readouterr()
    sebelum = hitung(db)
    berkas = _buruk(tmp_path, jenis)
    tahun = "2026"
    if "--tahun-ganti" in berkas:
        berkas, tahun = [RENJA], "2025"
    assert cli(db, *berkas, "--daerah", "17.03", "--tahun", tahun) == 1
    galat = capsys.readouterr().err
    assert "tidak ada data yang ditulis" in galat and kata in galat, galat
    assert hitung(db) == sebelum


def test_daerah_tak_terdaftar_ditolak(db, capsys):
    assert cli(db, RENJA, "--daerah", "99.99", "--tahun", "2026") == 1
    assert "daerah 99.99 tidak terdaftar" in capsys.readouterr().err


# -- impor ulang, batal impor ------------------------------------------------------------------------------

def test_impor_ulang_mengganti_dan_batal_mengembalikan(db, tmp_path):
    con = buka(db)
    try:
        h1 = impor_sipd(con, [RENJA, PAGU, SKPD], daerah="17.03", tahun=2026, oleh="uji")
        renja = muat(RENJA)
        ubah = copy.deepcopy(renja)
        ubah[0]["pagu"] = 123
        hilang = (ubah[1]["kode_sub_skpd"], ubah[1]["kode_sub_giat"])
        del ubah[1]
        path = tulis_json(tmp_path / "renja_baru.json", ubah)
        h2 = impor_sipd(con, [path], daerah="17.03", tahun=2026, oleh="uji")
        j = h2.ringkasan.jumlah["anggaran_sipd"]
        assert (j["tambah"], j["ubah"], j["hapus"], j["sama"]) == (0, 1, 1, 122)
        n, pagu = con.execute("SELECT count(*), sum(pagu) FROM anggaran_sipd").fetchone()
        assert n == 123
        pagu_0 = Decimal(str(renja[0]["pagu"]))
        pagu_1 = Decimal(str(renja[1]["pagu"]))
        assert pagu == PAGU_DINKES - pagu_0 - pagu_1 + 123
        assert not con.execute("SELECT count(*) FROM anggaran_sipd WHERE perangkat_daerah_kode = $u "
                               "AND sub_kegiatan_kode = $s", {"u": hilang[0], "s": hilang[1]}).fetchone()[0]
        # impor yang sama lagi: tidak ada yang berubah
        h3 = impor_sipd(con, [path], daerah="17.03", tahun=2026, oleh="uji")
        assert h3.ringkasan.jumlah["anggaran_sipd"]["sama"] == 123
        # batal impor #2: pagu dan baris yang dihapus kembali, persis
        b = batalkan_impor(con, h2.ringkasan.impor_id, oleh="uji")
        assert b.jumlah["anggaran_sipd"]["ubah"] == 2
        assert con.execute("SELECT count(*), sum(pagu) FROM anggaran_sipd").fetchone() == (124, PAGU_DINKES)
        # batal impor #1 kini: semua baris yang ditambahnya dihapus
        batalkan_impor(con, h1.ringkasan.impor_id, oleh="uji")
        assert con.execute("SELECT count(*) FROM anggaran_sipd").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM outcome_program_sipd").fetchone()[0] == 0
    finally:
        con.close()


def test_batal_ditolak_bila_impor_sesudahnya_mengubah_baris_yang_sama(db, tmp_path):
    from pantau.impor.batal import GagalBatal

    con = buka(db)
    try:
        h1 = impor_sipd(con, [RENJA], daerah="17.03", tahun=2026, oleh="uji")
        ubah = muat(RENJA)
        ubah[0]["pagu"] = 5
        impor_sipd(con, [tulis_json(tmp_path / "r.json", ubah)], daerah="17.03", tahun=2026, oleh="uji")
        with pytest.raises(GagalBatal, match="Batalkan impor itu lebih dulu"):
            batalkan_impor(con, h1.ringkasan.impor_id, oleh="uji")
        assert con.execute("SELECT count(*) FROM anggaran_sipd").fetchone()[0] == 124
    finally:
        con.close()


def test_rekap_xlsx_diimpor(db, tmp_path):
    path = tulis_rekap(tmp_path / "rekap.xlsx", [
        _rekap_baris(1, DINKES, "1.02.02.2.01.0014", 1_000_000),
        _rekap_baris(2, DINKES, "1.02.02.2.01.0014", 250_000.5),
        _rekap_baris(3, PKM, "1.02.02.2.01.0014", 7_000_000)])
    con = buka(db)
    try:
        impor_sipd(con, [path], daerah="17.03", tahun=2026, oleh="uji")
        rows = con.execute("SELECT perangkat_daerah_kode, pagu, sumber FROM anggaran_sub_kegiatan ORDER BY 1"
                           ).fetchall()
    finally:
        con.close()
    assert [(u, p) for u, p, _ in rows] == [(DINKES, Decimal("1250000.50")), (PKM, Decimal("7000000.00"))]


# -- dukungan berkunci unit, pagu SIPD di anggaran_dukungan, kuadran dan temuan -------------------------------

def test_dukungan_per_unit_pagu_dari_sipd_kuadran_dan_temuan(db_salinan):
    con = buka(db_salinan)
    try:
        daerah, ind_id, periode_id = con.execute(
            "SELECT i.daerah_kode, i.id, i.periode_id FROM indikator i JOIN periode p ON p.id = i.periode_id "
            "JOIN daerah d ON d.kode = i.daerah_kode WHERE d.jenis = 'kabupaten' AND i.urusan_kode = '1.02' "
            "AND 2026 BETWEEN p.tahun_awal AND p.tahun_akhir AND i.polaritas <> 'teks' ORDER BY i.daerah_kode, i.kode "
            "LIMIT 1").fetchone()
        impor_sipd(con, [RENJA, PAGU, SKPD], daerah=daerah, tahun=2026, oleh="uji")
        sub = "1.02.01.2.10.0001"
        units = [r[0] for r in con.execute(
            "SELECT perangkat_daerah_kode FROM anggaran_sipd WHERE sub_kegiatan_kode = $s ORDER BY 1 LIMIT 2",
            {"s": sub}).fetchall()]
        # kode sub kegiatan sama, dua unit: dua baris dukungan untuk indikator yang sama
        for u in units:
            dk.tambah(con, daerah=daerah, tahun=2026, indikator_id=ind_id, sub_kegiatan_kode=sub,
                      perangkat_daerah_kode=u, oleh="uji")
        with pytest.raises(DukunganTidakSah, match="sudah tercatat"):
            dk.tambah(con, daerah=daerah, tahun=2026, indikator_id=ind_id, sub_kegiatan_kode=sub,
                      perangkat_daerah_kode=units[0], oleh="uji")
        with pytest.raises(DukunganTidakSah, match="tidak ada di anggaran SIPD-RI"):
            dk.tambah(con, daerah=daerah, tahun=2026, indikator_id=ind_id, sub_kegiatan_kode="1.02.02.2.01.0099",
                      perangkat_daerah_kode=units[0], oleh="uji")
        pagu_sipd = {u: float(p) for u, p in con.execute(
            "SELECT perangkat_daerah_kode, pagu FROM anggaran_sipd WHERE sub_kegiatan_kode = $s "
            "AND perangkat_daerah_kode IN ($a, $b)", {"s": sub, "a": units[0], "b": units[1]}).fetchall()}
        rows = con.execute("SELECT perangkat_daerah_kode, pagu, perangkat_daerah, ada_di_sipd FROM anggaran_dukungan "
                           "WHERE daerah_kode = $d AND tahun = 2026 AND perangkat_daerah_kode <> '' ORDER BY 1",
                           {"d": daerah}).fetchall()
        assert [(u, p) for u, p, _, _ in rows] == [(u, pagu_sipd[u]) for u in units]
        assert all(n and ada for _, _, n, ada in rows)
        # riwayat: kunci "unit sub" sehingga dua unit dapat dibedakan
        assert {r[0] for r in con.execute("SELECT kunci FROM riwayat WHERE tabel = 'dukungan' AND oleh = 'uji'"
                                          ).fetchall()} == {f"{u} {sub}" for u in units}
        # kuadran per perangkat daerah: pagu kedua unit dari SIPD, dihitung sekali per unit
        k = jalankan(con, "kuadran_kinerja_anggaran", daerah=daerah, periode_id=periode_id, tahun=2026,
                     dimensi="perangkat_daerah")
        for u in units:
            nama = con.execute("SELECT perangkat_daerah FROM anggaran_sipd WHERE perangkat_daerah_kode = $u LIMIT 1",
                               {"u": u}).fetchone()[0]
            baris = k[k["kelompok_kode"] == nama]
            assert len(baris) == 1 and baris["pagu"].iloc[0] == pytest.approx(pagu_sipd[u])
        # temuan: sub kegiatan SIPD yang tidak tertaut ke indikator: bukan dua yang baru ditautkan (unit + kode),
        # bukan kode yang didukung baris dukungan demo tanpa kode unit, dan bukan baris dukungan tanpa indikator
        dukungan = con.execute("SELECT perangkat_daerah_kode, sub_kegiatan_kode, indikator_id IS NULL FROM dukungan "
                               "WHERE daerah_kode = $d AND tahun = 2026", {"d": daerah}).fetchall()
        tertaut = {(u, k) for u, k, tanpa in dukungan if not tanpa}
        tanpa = {(u, k) for u, k, t_ in dukungan if t_}
        harap = {(u, k) for u, k in con.execute("SELECT perangkat_daerah_kode, sub_kegiatan_kode FROM anggaran_sipd"
                                                ).fetchall()
                 if (u, k) not in tertaut and ("", k) not in tertaut and (u, k) not in tanpa}
        t = jalankan(con, "temuan_sub_kegiatan_tanpa_indikator", daerah=daerah, tahun=2026)
        sipd = t[t["asal"] == "SIPD-RI"]
        assert set(zip(sipd["perangkat_daerah_kode"], sipd["sub_kegiatan_kode"])) == harap and len(sipd) == len(harap)
        assert 0 < len(harap) <= 124 - 2
        assert not ((sipd["sub_kegiatan_kode"] == sub) & sipd["perangkat_daerah_kode"].isin(units)).any()
    finally:
        con.close()


def test_lembar_dukungan_menerima_kode_unit(db_salinan, tmp_path):
    from pantau.impor import impor_berkas
    from tests.bantuan import tulis_csv

    con = buka(db_salinan)
    try:
        daerah, kode, awal, akhir = con.execute(
            "SELECT i.daerah_kode, i.kode, p.tahun_awal, p.tahun_akhir FROM indikator i "
            "JOIN periode p ON p.id = i.periode_id JOIN daerah d ON d.kode = i.daerah_kode "
            "WHERE d.jenis = 'kabupaten' AND i.urusan_kode = '1.02' AND 2026 BETWEEN p.tahun_awal AND p.tahun_akhir "
            "ORDER BY 1, 2 LIMIT 1").fetchone()
        dasar = {"daerah_kode": daerah, "tahun": 2026, "indikator_kode": kode, "periode_rpjmd": f"{awal}-{akhir}",
                 "sub_kegiatan_kode": "1.02.01.2.10.0001", "sub_kegiatan_nama": "X", "pagu": "1.000"}
        tulis_csv(tmp_path / "d", "dukungan", [{**dasar, "perangkat_daerah_kode": DINKES},
                                               {**dasar, "perangkat_daerah_kode": PKM}])
        h = impor_berkas(con, tmp_path / "d" / "dukungan.csv", oleh="uji")
        assert h.ringkasan.jumlah["dukungan"]["tambah"] == 2
        tulis_csv(tmp_path / "e", "dukungan", [{**dasar, "perangkat_daerah_kode": "1.02.0004"}])
        from pantau.impor import ImporGagal

        with pytest.raises(ImporGagal) as e:
            impor_berkas(con, tmp_path / "e" / "dukungan.csv", oleh="uji")
        assert e.value.masalah[0].kolom == "perangkat_daerah_kode"
        # batal impor lembar dukungan berunit menghapus kedua baris
        batalkan_impor(con, h.ringkasan.impor_id, oleh="uji")
        assert not con.execute("SELECT count(*) FROM dukungan WHERE perangkat_daerah_kode <> ''").fetchone()[0]
    finally:
        con.close()


def test_json_baris_riwayat_dapat_dibaca_ulang(db):
    con = buka(db)
    try:
        impor_sipd(con, [RENJA], daerah="17.03", tahun=2026, oleh="uji")
        isi = json.loads(con.execute("SELECT nilai_baru FROM riwayat WHERE tabel = 'anggaran_sipd' LIMIT 1"
                                     ).fetchone()[0])
    finally:
        con.close()
    assert set(isi) >= {"perangkat_daerah_kode", "sub_kegiatan_kode", "pagu", "indikator_keluaran"}
    assert not {"user_created", "user_updated"} & set(isi)
