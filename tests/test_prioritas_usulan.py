"""Prioritas dan usulan (keputusan #20): view keselarasan_usulan dan capaian_prioritas di setiap cabang, impor tiga
lembar (kesalahan per sel, semua atau tidak sama sekali, operator), dan keputusan berversi.

Setiap kasus dibangun LEWAT JALUR IMPOR (CSV -> impor_berkas); harapan ditulis dengan tangan.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from pantau.aturan.izin import Pengguna, TidakBerizin
from pantau.desk.usulan import KeputusanTidakSah, simpan_keputusan
from pantau.impor import ImporGagal, impor_berkas
from tests.bantuan import baris, ind, isi_db, rea, satu_baris, tgt, tulis_csv

PROV, KAB = "65", "65.01"
ANALIS = Pengguna("demo.analis", "Analis", "analis")
OPERATOR = Pengguna("demo.operator.bulungan", "Operator", "operator", KAB)
PIMPINAN = Pengguna("demo.pimpinan", "Pimpinan", "pimpinan")


def pri(kode, urusan=None, **kw):
    row = {"tingkat": "provinsi", "daerah_kode": PROV, "dokumen": "RPJMD", "jenis": "prioritas", "kode": kode,
           "nama": f"Prioritas {kode}", "tahun_awal": 2021, "tahun_akhir": 2026, "urusan_kode": urusan}
    row.update(kw)
    return row


def usl(nomor, urusan="1.03", prioritas=None, **kw):
    row = {"daerah_kode": KAB, "tahun": 2024, "nomor": nomor, "judul": f"Usulan {nomor}", "urusan_kode": urusan,
           "prioritas_kode": prioritas}
    row.update(kw)
    return row


def impor(con, tmp_path, oleh="uji", pengguna=None, **lembar):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for nama, rows in lembar.items():
        tulis_csv(folder, nama, rows)
    return impor_berkas(con, folder, oleh=None if pengguna else oleh, pengguna=pengguna)


def status(con) -> dict[int, str]:
    return {r["nomor"]: r["status"] for r in baris(con, "SELECT nomor, status FROM keselarasan_usulan")}


def test_keselarasan_setiap_cabang(db_kosong, tmp_path):
    """Satu usulan untuk setiap cabang aturan, dan urutannya (yang pertama berlaku)."""
    con = db_kosong
    impor(con, tmp_path,
          indikator=[ind("IP", daerah_kode=PROV, urusan_kode="1.05"), ind("IL", daerah_kode=PROV, urusan_kode="")],
          prioritas=[pri("P1", "1.03, 2.17"),      # urusan dari daftar prioritas
                     pri("P2", None),               # tanpa urusan, tapi indikatornya berurusan 1.05
                     pri("P3", None),               # tanpa urusan dan tanpa indikator
                     pri("P4", None)],              # tanpa urusan, indikatornya lintas urusan
          indikator_prioritas=[{"daerah_kode": PROV, "indikator_kode": "IP", "prioritas_kode": "P2"},
                               {"daerah_kode": PROV, "indikator_kode": "IL", "prioritas_kode": "P4"}],
          usulan=[usl(1, "1.03", "P1", sub_kegiatan_kode="1.03.10.1.01.0001"),   # sejalan (kegiatan provinsi)
                  usl(2, "1.03", "P1", sub_kegiatan_kode="1.03.10.2.01.0001"),   # K=2: bukan kewenangan (menang
                  usl(3, "1.03", None),                                          # atas sejalan); tanpa prioritas
                  usl(4, "1.01", "P3"),                                          # perlu diperiksa
                  usl(5, "1.01", "P1"),                                          # urusan tidak di daftar prioritas
                  usl(6, "1.05", "P2"),                                          # urusan lewat indikator tertaut
                  usl(7, "1.01", "P2"),                                          # bukan urusan indikatornya
                  usl(8, "2.17", "P1"),                                          # urusan kedua daftar
                  usl(9, "1.01", None, sub_kegiatan_kode="1.01.02.2.01.0001"),   # 1 menang atas 2
                  usl(10, "1.01", "P4")])                                        # indikator tertaut tanpa urusan
    assert status(con) == {1: "sejalan", 2: "bukan_kewenangan_provinsi", 3: "tanpa_prioritas", 4: "perlu_diperiksa",
                           5: "urusan_tidak_sesuai", 6: "sejalan", 7: "urusan_tidak_sesuai", 8: "sejalan",
                           9: "bukan_kewenangan_provinsi", 10: "urusan_tidak_sesuai"}
    r = satu_baris(con, "SELECT * FROM keselarasan_usulan WHERE nomor = 5")
    assert (r["provinsi_kode"], r["prioritas_kode"], r["urusan_prioritas"], r["keputusan"]) == \
        ("65", "P1", "1.03, 2.17", None)


def test_prioritas_per_tahun_dan_usulan_memakai_prioritas_provinsi(db_kosong, tmp_path):
    """Kode yang sama di dua periode: usulan menemukan baris yang tahunnya mencakup tahun usulan."""
    con = db_kosong
    impor(con, tmp_path, prioritas=[pri("P1", "1.03", tahun_awal=2016, tahun_akhir=2020, nama="Lama"),
                                    pri("P1", "1.01")],
          usulan=[usl(1, "1.03", "P1", tahun=2019), usl(2, "1.03", "P1", tahun=2024)])
    r = {x["nomor"]: (x["prioritas_nama"], x["status"]) for x in baris(con, "SELECT * FROM keselarasan_usulan")}
    assert r == {1: ("Lama", "sejalan"), 2: ("Prioritas P1", "urusan_tidak_sesuai")}


def test_capaian_prioritas_menghitung_predikat(db_kosong, tmp_path):
    con = db_kosong
    impor(con, tmp_path,
          indikator=[ind("A"), ind("B"), ind("C"), ind("T", polaritas="teks")],
          target=[tgt("A", 2024, 100), tgt("B", 2024, 100), tgt("C", 2024, 100), tgt("T", 2024, "ada")],
          realisasi=[rea("A", 2024, 95), rea("B", 2024, 60)],   # 95% Sangat Tinggi; 60% Rendah; C belum berdata
          prioritas=[pri("P1", daerah_kode=KAB, tingkat="kabupaten"), pri("P2", daerah_kode=KAB, tingkat="kabupaten")],
          indikator_prioritas=[{"daerah_kode": KAB, "indikator_kode": k, "prioritas_kode": "P1"}
                               for k in ("A", "B", "C", "T")])
    r = satu_baris(con, "SELECT * FROM capaian_prioritas WHERE kode = 'P1' AND tahun = 2024")
    # T (teks) tidak dihitung; rata-rata (95 + 60) / 2 = 77,5
    assert (r["jumlah_indikator"], r["jumlah_berealisasi"], r["sangat_tinggi"], r["tinggi"], r["sedang"],
            r["rendah"], r["sangat_rendah"], r["rata_capaian"]) == (3, 2, 1, 0, 0, 1, 0, 77.5)
    r2 = satu_baris(con, "SELECT * FROM capaian_prioritas WHERE kode = 'P2' AND tahun = 2024")
    assert (r2["jumlah_indikator"], r2["jumlah_berealisasi"], r2["rata_capaian"]) == (0, 0, None)
    assert con.execute("SELECT count(*) FROM capaian_prioritas WHERE kode = 'P1'").fetchone()[0] == 6  # 2021..2026


def test_prioritas_nasional_pn_dan_induk(db_kosong, tmp_path):
    con = db_kosong
    impor(con, tmp_path, prioritas=[
        {"tingkat": "nasional", "dokumen": "RKP", "jenis": "PN", "kode": "1", "nama": "PN satu", "tahun_awal": 2024,
         "tahun_akhir": 2024},
        pri("V", jenis="visi"), pri("M01", jenis="misi", induk_kode="V"), pri("P1", "1.03", pn_kode="1")])
    assert baris(con, "SELECT pn_kode FROM prioritas_pn") == [{"pn_kode": "1"}]
    assert satu_baris(con, "SELECT daerah_kode FROM prioritas WHERE jenis = 'PN'")["daerah_kode"] is None


def _gagal(con, tmp_path, **lembar) -> list[tuple]:
    with pytest.raises(ImporGagal) as e:
        impor(con, tmp_path, **lembar)
    return [(m.lembar, m.baris, m.kolom) for m in e.value.masalah]


def test_kesalahan_menyebut_lembar_baris_kolom(db_kosong, tmp_path):
    con = db_kosong
    sebelum = isi_db(con)
    salah = _gagal(con, tmp_path,
                   prioritas=[pri("P1", "9.99"),                                   # baris 2: urusan tak dikenal
                              pri("P2", tingkat="nasional"),                       # baris 3: daerah harus kosong
                              pri("P3", tahun_awal=2026, tahun_akhir=2021),        # baris 4: tahun terbalik
                              pri("P4", pn_kode="7"),                              # baris 5: PN tidak ada
                              pri("P5", induk_kode="X"),                           # baris 6: induk tidak ada
                              pri("P6", tingkat="kabupaten")],                     # baris 7: 65 bukan kabupaten
                   usulan=[usl(1, prioritas="P9"),                                 # baris 2: prioritas tak dikenal
                           usl(2, daerah_kode=PROV),                               # baris 3: provinsi
                           usl(3, biaya="-5"),                                     # baris 4: biaya negatif
                           usl(4, keputusan="ditolak"),                            # baris 5: tanpa alasan
                           usl(5, keputusan="entah"),                              # baris 6: keputusan tak dikenal
                           usl(6, sub_kegiatan_kode="1.03.10"),                    # baris 7: kode sub kegiatan
                           usl(7, sumber="dprd"),                                  # baris 8: sumber
                           usl(7),                                                 # baris 9: dobel dengan baris 8
                           usl(0)])                                                # baris 10: nomor < 1
    assert ("prioritas", 2, "urusan_kode") in salah
    assert ("prioritas", 3, "daerah_kode") in salah
    assert ("prioritas", 4, "tahun_akhir") in salah
    assert ("prioritas", 5, "pn_kode") in salah
    assert ("prioritas", 6, "induk_kode") in salah
    assert ("prioritas", 7, "tingkat") in salah
    assert ("usulan", 2, "prioritas_kode") in salah
    assert ("usulan", 3, "daerah_kode") in salah
    assert ("usulan", 4, "biaya") in salah
    assert ("usulan", 5, "alasan") in salah
    assert ("usulan", 6, "keputusan") in salah
    assert ("usulan", 7, "sub_kegiatan_kode") in salah
    assert ("usulan", 8, "sumber") in salah
    assert ("usulan", 9, None) in salah
    assert ("usulan", 10, "nomor") in salah
    assert isi_db(con) == sebelum  # tidak ada yang ditulis


def test_prioritas_dua_cocok_dan_indikator_prioritas(db_kosong, tmp_path):
    con = db_kosong
    impor(con, tmp_path, indikator=[ind("A")],
          prioritas=[pri("P1", daerah_kode=KAB, tingkat="kabupaten"),
                     pri("P1", daerah_kode=KAB, tingkat="kabupaten", dokumen="RKPD", tahun_awal=2024,
                         tahun_akhir=2024)])
    salah = _gagal(con, tmp_path,
                   indikator_prioritas=[{"daerah_kode": KAB, "indikator_kode": "A", "prioritas_kode": "P1"},
                                        {"daerah_kode": KAB, "indikator_kode": "ZZ", "prioritas_kode": "P1"}],
                   usulan=[usl(1, prioritas="P1")])  # P1 kabupaten bukan prioritas provinsi
    assert ("indikator_prioritas", 2, "prioritas_kode") in salah   # cocok dengan dua baris
    assert ("indikator_prioritas", 3, "indikator_kode") in salah
    assert ("usulan", 2, "prioritas_kode") in salah


def test_impor_ulang_mengganti_dan_riwayat_menyimpan_lama(db_kosong, tmp_path):
    con = db_kosong
    impor(con, tmp_path, prioritas=[pri("P1", "1.03")], usulan=[usl(1, biaya="1.500.000")])
    hasil = impor(con, tmp_path, usulan=[usl(1, judul="Jalan baru", biaya="", keputusan="ditunda"),
                                         usl(19, prioritas="P1")])
    assert hasil.ringkasan.jumlah["usulan"] == {"tambah": 1, "ubah": 1, "sama": 0}
    assert any(m.kolom == "nomor" and m.baris == 3 for m in hasil.peringatan)  # 19 > kuota 18: peringatan
    r = satu_baris(con, "SELECT * FROM keselarasan_usulan WHERE nomor = 1")
    assert (r["judul"], r["biaya"], r["keputusan"], r["keputusan_versi"]) == ("Jalan baru", 1_500_000, "ditunda", 1)
    lama = satu_baris(con, "SELECT nilai_lama, nilai_baru FROM riwayat WHERE tabel = 'usulan' AND kolom = 'judul' "
                           "AND aksi = 'ubah'")
    assert lama == {"nilai_lama": "Usulan 1", "nilai_baru": "Jalan baru"}


def test_operator_hanya_usulan_daerahnya_tanpa_keputusan(db_kosong, tmp_path):
    con = db_kosong
    impor(con, tmp_path, prioritas=[pri("P1", "1.03")])
    hasil = impor(con, tmp_path, pengguna=OPERATOR, usulan=[usl(1, prioritas="P1")])
    assert hasil.ringkasan.jumlah["usulan"]["tambah"] == 1
    with pytest.raises(ImporGagal) as e:
        impor(con, tmp_path, pengguna=OPERATOR, usulan=[usl(2, daerah_kode="65.02"), usl(3, keputusan="diterima")])
    assert {(m.baris, m.kolom) for m in e.value.masalah} == {(2, "daerah_kode"), (3, "keputusan")}
    with pytest.raises(ImporGagal):
        impor(con, tmp_path, pengguna=OPERATOR, prioritas=[pri("P9")])


def test_keputusan_berversi_konflik_dan_izin(db_kosong, tmp_path):
    con = db_kosong
    impor(con, tmp_path, usulan=[usl(1)])
    uid = con.execute("SELECT id FROM usulan").fetchone()[0]
    a = simpan_keputusan(con, usulan_id=uid, keputusan="diterima", pagu_disepakati="2.000.000", versi_dasar=0,
                         pengguna=ANALIS)
    assert (a.tersimpan, a.versi, a.konflik) == (True, 1, False)
    # orang kedua membuka versi 0 lalu menolak: tersimpan sebagai versi 2, diberi tahu ada keputusan versi 1
    b = simpan_keputusan(con, usulan_id=uid, keputusan="ditolak", alasan="Kewenangan kabupaten", versi_dasar=0,
                         oleh="admin")
    assert (b.tersimpan, b.versi, b.konflik, [x["keputusan"] for x in b.versi_lain]) == (True, 2, True, ["diterima"])
    sama = simpan_keputusan(con, usulan_id=uid, keputusan="ditolak", alasan="Kewenangan kabupaten", versi_dasar=2,
                            oleh="admin")
    assert not sama.tersimpan
    r = satu_baris(con, "SELECT keputusan, alasan, keputusan_versi FROM keselarasan_usulan")
    assert r == {"keputusan": "ditolak", "alasan": "Kewenangan kabupaten", "keputusan_versi": 2}
    assert con.execute("SELECT count(*) FROM keputusan_usulan").fetchone()[0] == 2  # tidak ada yang ditimpa
    with pytest.raises(KeputusanTidakSah):
        simpan_keputusan(con, usulan_id=uid, keputusan="dialihkan", versi_dasar=2, oleh="admin")
    for p in (OPERATOR, PIMPINAN):
        with pytest.raises(TidakBerizin):
            simpan_keputusan(con, usulan_id=uid, keputusan="diterima", versi_dasar=2, pengguna=p)
    n = con.execute("SELECT count(*) FROM riwayat WHERE tabel = 'keputusan_usulan'").fetchone()[0]
    assert n >= 3


def test_pratinjau_prioritas_dan_usulan(db_kosong, tmp_path):
    """Pratinjau (tanpa menulis): usulan baru, judul dan keputusan yang berubah, yang sama; prioritas baru."""
    from pantau.impor import siapkan_impor
    from pantau.impor.pratinjau import pratinjau

    con = db_kosong
    impor(con, tmp_path, prioritas=[pri("P1", "1.03")], usulan=[usl(1), usl(2)])
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    tulis_csv(folder, "usulan", [usl(1), usl(2, judul="Judul baru", keputusan="ditunda"), usl(3)])
    tulis_csv(folder, "prioritas", [pri("P1", "1.03"), pri("P2")])
    sebelum = isi_db(con)
    p = pratinjau(con, siapkan_impor(con, folder))
    assert isi_db(con) == sebelum
    assert p.jumlah["usulan"] == {"tambah": 1, "ubah": 1, "sama": 1}
    assert p.jumlah["prioritas"] == {"tambah": 1, "ubah": 0, "sama": 1}
    assert set(p.berubah["kunci"]) == {"no. 2 judul", "no. 2 keputusan"}


def test_pembatalan_impor_usulan_ditolak_tanpa_mengubah(db_kosong, tmp_path):
    from pantau.impor.batal import GagalBatal, batalkan_impor

    con = db_kosong
    hasil = impor(con, tmp_path, usulan=[usl(1)])
    sebelum = isi_db(con)
    with pytest.raises(GagalBatal, match="belum didukung"):
        batalkan_impor(con, hasil.ringkasan.impor_id, oleh="admin")
    assert isi_db(con) == sebelum
