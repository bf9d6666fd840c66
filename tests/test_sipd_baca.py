"""Membaca ekspor SIPD-RI (keputusan #21, tahap baca): contoh nyata Kabupaten Bengkulu Utara (tests/data/sipd, salinan
dari data bersama), rekap xlsx buatan sendiri, dan berkas buruk yang harus ditolak dengan pesan Indonesia yang
menyebut berkas, baris/entri dan kolom.

Angka harapan dihitung dengan tangan dari JSON mentah (json.load, kolom ``pagu``), bukan oleh pembaca: 124
entri, 124 pasangan (unit, sub kegiatan), 24 unit, 81 kode sub kegiatan, pagu Rp 147.618.882.317 (=
``set_pagu_skpd`` Dinas Kesehatan); ``total_pagu_indikatif_sub_skpd`` yang diulang di setiap entri
(Rp 111.322.660.239) BUKAN pagu SKPD.
"""
from __future__ import annotations

import copy
import dataclasses
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from pantau.impor.masalah import ImporGagal, Masalah
from pantau.impor.sipd import KOLOM_ANGGARAN, MasalahSipd, baca_sipd
from pantau.impor.sipd.nilai import format_rupiah, target_angka
from tests.bantuan_sipd import (
    JUDUL_REKAP,
    PAGU,
    RENJA,
    SKPD,
    muat,
    rekap_realistis,
    renja_kabupaten,
    tulis_json,
    tulis_rekap,
)

DAERAH, TAHUN = "17.03", 2026
DINKES = "1.02.0.00.0.00.01.0000"
PAGU_DINKES = 147_618_882_317
BLUD = "1.02.01.2.10.0001"


def baca(*paths, **kw):
    return baca_sipd(list(paths), daerah=kw.pop("daerah", DAERAH), tahun=kw.pop("tahun", TAHUN), **kw)


def ditolak(*paths, **kw) -> ImporGagal:
    with pytest.raises(ImporGagal) as e:
        baca(*paths, **kw)
    assert e.value.masalah, "ImporGagal tanpa kesalahan"
    assert all(isinstance(m, Masalah) for m in e.value.masalah)
    return e.value


def teks(gagal: ImporGagal) -> str:
    return "\n".join(str(m) for m in gagal.masalah)


@pytest.fixture(scope="module")
def mentah():
    return muat(RENJA)


@pytest.fixture(scope="module")
def lengkap():
    """A + B + C contoh nyata."""
    return baca(RENJA, PAGU, SKPD)


# --- contoh nyata ---------------------------------------------------------------------------------------------

def test_124_entri_menjadi_124_baris_unit_sub_kegiatan_24_unit(mentah):
    hasil = baca(RENJA)
    assert len(mentah) == 124
    assert len(hasil.baris) == 124
    assert len({(r.perangkat_daerah_kode, r.sub_kegiatan_kode) for r in hasil.baris}) == 124
    assert hasil.ringkasan.jumlah_unit == 24 and hasil.ringkasan.jumlah_skpd == 1
    assert hasil.ringkasan.jumlah_sub_kegiatan == 81
    # setiap baris: pagu entrinya sendiri (kolom pagu), kode unit 8 bagian, induk Dinas Kesehatan
    per_kunci = {(e["kode_sub_skpd"], e["kode_sub_giat"]): e["pagu"] for e in mentah}
    assert {(r.perangkat_daerah_kode, r.sub_kegiatan_kode): r.pagu for r in hasil.baris} == per_kunci
    assert {r.perangkat_daerah_induk_kode for r in hasil.baris} == {DINKES}
    assert {r.daerah_kode for r in hasil.baris} == {DAERAH} and {r.tahun for r in hasil.baris} == {TAHUN}
    assert {r.sumber for r in hasil.baris} == {"SIPD-RI Renja 2026 (lampiran)"}
    assert [m for m in hasil.peringatan] == []


def test_pagu_total_dari_kolom_pagu_bukan_total_yang_diulang(mentah):
    hasil = baca(RENJA)
    total = sum(e["pagu"] for e in mentah)
    assert total == PAGU_DINKES
    assert hasil.ringkasan.pagu_total == total
    assert [(p.kode, p.pagu, p.jumlah_sub_kegiatan) for p in hasil.ringkasan.pagu_skpd] == [(DINKES, total, 124)]
    # kolom total_* mengulang jumlah per unit di setiap entri unit itu: total entri pertama (unit Dinas
    # Kesehatan saja, Rp 111.322.660.239) bukan pagu SKPD, dan menjumlahkannya melipatgandakan pagu
    assert mentah[0]["total_pagu_indikatif"] == 111_322_660_239
    assert {e["total_pagu_indikatif_sub_skpd"] for e in mentah if e["kode_sub_skpd"] == DINKES} == {111_322_660_239}
    assert sum(e["total_pagu_indikatif"] for e in mentah) == 8_866_857_603_037
    assert hasil.ringkasan.pagu_total not in {111_322_660_239, 8_866_857_603_037}
    assert sum(r.pagu for r in hasil.baris) == total
    assert "Rp 147.618.882.317" in "\n".join(hasil.ringkasan.teks())


def test_sub_kegiatan_yang_sama_di_banyak_unit_adalah_baris_sendiri(mentah):
    hasil = baca(RENJA)
    blud = [r for r in hasil.baris if r.sub_kegiatan_kode == BLUD]
    harapan = {e["kode_sub_skpd"]: e["pagu"] for e in mentah if e["kode_sub_giat"] == BLUD}
    assert len(blud) == len(harapan) == 22
    assert {r.perangkat_daerah_kode: r.pagu for r in blud} == harapan
    assert len({r.pagu for r in blud}) > 1  # pagu setiap Puskesmas berbeda: tidak ada yang digabung
    enggano = next(r for r in blud if r.perangkat_daerah_kode == "1.02.0.00.0.00.01.0004")
    assert enggano.perangkat_daerah == "Puskesmas Enggano"
    assert enggano.perangkat_daerah_induk_kode == DINKES
    assert hasil.nama.unit["1.02.0.00.0.00.01.0004"] == "Puskesmas Enggano"
    assert hasil.nama.program["1.02.01"] == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert hasil.nama.kegiatan["1.02.01.2.10"].startswith("Peningkatan Pelayanan BLUD")


def test_indikator_keluaran_contoh_nyata():
    hasil = baca(RENJA)
    per = {(r.perangkat_daerah_kode, r.sub_kegiatan_kode): r for r in hasil.baris}
    r = per[(DINKES, "1.02.01.2.01.0001")]
    assert (r.indikator_keluaran, r.target_keluaran, r.target_keluaran_teks, r.satuan_keluaran) == (
        "Jumlah Dokumen Perencanaan Perangkat Daerah", 2.0, "2 Dokumen", "Dokumen")
    r = per[(DINKES, "1.02.01.2.02.0001")]     # entri 6
    assert (r.target_keluaran, r.satuan_keluaran) == (1432.0, "Orang/bulan")
    r = per[(DINKES, "1.02.02.2.02.0040")]     # entri 63: ' 396  Orang'
    assert (r.target_keluaran, r.target_keluaran_teks) == (396.0, "396  Orang")
    assert hasil.ringkasan.target_teks_jumlah == 0


def test_target_keluaran_dibaca_cara_indonesia(tmp_path, mentah):
    """Teks target dari berkas SIPD lain (FORMAT.md) dipasang ke salinan entri nyata."""
    data = copy.deepcopy(mentah)
    pasang = {0: ("0,66 Ha", "Ha"), 1: ("16.332,75 Ton", "Ton"), 2: ("- Unit", "Unit"),
              3: ("105/14 Orang/bulan", "Orang/bulan"), 4: ("1.234 Orang", "Orang")}
    for i, (t, s) in pasang.items():
        data[i]["target_teks_output"], data[i]["satuan_output"] = t, s
    hasil = baca(tulis_json(tmp_path / "renja.json", data))
    per = {(r.perangkat_daerah_kode, r.sub_kegiatan_kode): r for r in hasil.baris}
    r = [per[(data[i]["kode_sub_skpd"], data[i]["kode_sub_giat"])] for i in range(5)]
    assert r[0].target_keluaran == 0.66 and r[0].target_keluaran != 0
    assert r[1].target_keluaran == 16332.75
    assert (r[2].target_keluaran, r[2].target_keluaran_teks, r[2].satuan_keluaran) == (None, "- Unit", "Unit")
    assert (r[3].target_keluaran, r[3].target_keluaran_teks) == (None, "105/14 Orang/bulan")
    # "1.234": titik tunggal = desimal (aturan Pantau), dengan peringatan yang menyebut entrinya
    assert r[4].target_keluaran == 1.234
    ragu = [m for m in hasil.peringatan if m.kolom == "target_teks_output"]
    assert len(ragu) == 1 and ragu[0].entri == 5 and ragu[0].berkas == "renja.json" and "1,234" in ragu[0].pesan
    assert hasil.ringkasan.target_teks_jumlah == 2
    assert any("- Unit" in c for c in hasil.ringkasan.target_teks_contoh)
    assert any("105/14" in c for c in hasil.ringkasan.target_teks_contoh)


@pytest.mark.parametrize("teks_target, satuan, harapan", [
    ("2 Dokumen", "Dokumen", 2.0), ("0,66 Ha", "Ha", 0.66), ("16.332,75 Ton", "Ton", 16332.75),
    ("16.332,75 Ton", None, 16332.75), ("80 100.000 KH", "100.000 KH", 80.0), ("90 %", "%", 90.0),
    ("- Unit", "Unit", None), ("105/14 Orang/bulan", "Orang/bulan", None), ("105/14 Orang/bulan", None, None),
    ("Dokumen", "Dokumen", None), ("", "Unit", None), (None, "Unit", None), ("2 Dokumen\n3 Laporan", None, None),
])
def test_target_angka(teks_target, satuan, harapan):
    assert target_angka(teks_target, satuan)[0] == harapan


def test_outcome_program_hanya_dipasangkan_bila_indikatornya_satu(mentah):
    hasil = baca(RENJA)
    per = {(c.perangkat_daerah_kode, c.program_kode): c for c in hasil.capaian_program}
    # 50 pasangan (unit, program) di contoh: 25 berindikator tunggal, 25 berindikator banyak
    assert len(hasil.capaian_program) == hasil.ringkasan.program_dipasangkan == 25
    assert len(hasil.ringkasan.program_tak_berpasangan) == 25
    c = per[(DINKES, "1.02.05")]
    assert c.indikator == "Persentase Masyarakat yang Diberdayakan di Bidang Kesehatan"
    assert (c.target_akhir, c.realisasi_capaian, c.prakiraan, c.target_maju_1) == (75, 65, 67, 70)
    assert c.outcome == "Meningkatnya Kualitas Pemberdayaan Masyarakat Bidang Kesehatan"
    c = per[("1.02.0.00.0.00.01.0001", "1.02.02")]
    assert (c.indikator, c.target_akhir) == ("Persentase pemeriksaaan kesehatan penunjang", 100)
    # program berindikator banyak: tidak dipasangkan (tidak ditebak), disebut dengan jumlah indikatornya
    assert (DINKES, "1.02.02") not in per and (DINKES, "1.02.04") not in per
    tak = {(p.perangkat_daerah_kode, p.program_kode): p for p in hasil.ringkasan.program_tak_berpasangan}
    assert tak[(DINKES, "1.02.02")].jumlah_indikator == 16
    assert tak[(DINKES, "1.02.03")].jumlah_indikator == 3
    assert tak[(DINKES, "1.02.04")].jumlah_indikator == 5   # 5 nama, 2 baris target: jelas tak sejajar
    assert tak[("1.02.0.00.0.00.01.0004", "1.02.02")].jumlah_indikator == 18
    assert all("\n" not in c.indikator for c in hasil.capaian_program)
    assert all("\n" not in (c.target_akhir_teks or "") for c in hasil.capaian_program)


def test_outcome_satu_indikator_dengan_target_banyak_baris_tidak_dipasangkan(tmp_path, mentah):
    data = copy.deepcopy(mentah)
    for e in data:
        if (e["kode_sub_skpd"], e["kode_program"]) == (DINKES, "1.02.05"):
            e["prakiraan"] = "67\n\n68"
    hasil = baca(tulis_json(tmp_path / "renja.json", data))
    assert (DINKES, "1.02.05") not in {(c.perangkat_daerah_kode, c.program_kode) for c in hasil.capaian_program}
    tak = [p for p in hasil.ringkasan.program_tak_berpasangan if (p.perangkat_daerah_kode, p.program_kode)
           == (DINKES, "1.02.05")]
    assert len(tak) == 1 and "prakiraan" in tak[0].alasan


def test_nama_operator_tidak_ada_di_keluaran_mana_pun(lengkap):
    pagu = muat(PAGU)
    nama = {e[k] for e in pagu for k in ("user_created", "user_updated") if isinstance(e.get(k), str) and e[k]}
    assert nama == {"PENGGUNA-002", "PENGGUNA-003", "PENGGUNA-004"}
    jumlah = sum(1 for e in pagu for k in ("user_created", "user_updated") if isinstance(e.get(k), str) and e[k])
    assert lengkap.ringkasan.nama_operator_dibuang == jumlah == 242
    seluruh = "\n".join([
        repr(lengkap), repr(dataclasses.asdict(lengkap.ringkasan)), repr(lengkap.nama),
        *lengkap.ringkasan.teks(), *(str(m) for m in lengkap.peringatan),
        *(repr(m.sebagai_baris()) for m in lengkap.peringatan), lengkap.tabel().to_csv(),
    ])
    assert "PENGGUNA" not in seluruh
    for n in nama:
        assert n not in seluruh
    for kolom in ("user_created", "user_updated", "created_user", "set_pagu_user"):
        assert kolom not in seluruh


def test_daftar_pagu_sama_dengan_renja(lengkap):
    ab = lengkap.ringkasan.pagu_ab
    assert (ab.sama, ab.berbeda, ab.hanya_renja, ab.hanya_pagu) == (124, 0, 0, 0)
    assert not [m for m in lengkap.peringatan if m.kolom == "pagu"]


def test_pagu_daftar_berbeda_jadi_peringatan_yang_menyebut_keduanya(tmp_path, mentah):
    pagu = muat(PAGU)
    i = next(i for i, e in enumerate(pagu) if e["kode_sub_giat"] == BLUD
             and e["kode_sub_skpd"] == "1.02.0.00.0.00.01.0004")
    pagu[i]["pagu"] += 1_000_000
    renja_i = next(n for n, e in enumerate(mentah, 1) if e["kode_sub_giat"] == BLUD
                   and e["kode_sub_skpd"] == "1.02.0.00.0.00.01.0004")
    hasil = baca(RENJA, tulis_json(tmp_path / "pagu.json", pagu))
    ab = hasil.ringkasan.pagu_ab
    assert (ab.sama, ab.berbeda) == (123, 1)
    beda = [m for m in hasil.peringatan if m.kolom == "pagu"]
    assert len(beda) == 1
    m = beda[0]
    assert (m.berkas, m.entri, m.peringatan) == ("pagu.json", i + 1, True)
    assert RENJA.name in m.pesan and f"entri ke-{renja_i}" in m.pesan
    assert BLUD in m.pesan and "1.02.0.00.0.00.01.0004" in m.pesan and "Rp 1.000.000" in m.pesan
    # yang disimpan tetap pagu Renja lampiran
    r = next(r for r in hasil.baris if (r.perangkat_daerah_kode, r.sub_kegiatan_kode)
             == ("1.02.0.00.0.00.01.0004", BLUD))
    assert r.pagu == mentah[renja_i - 1]["pagu"]


def test_banyak_pagu_berbeda_disebut_lima_lalu_dijumlahkan(tmp_path):
    pagu = muat(PAGU)
    for e in pagu:
        e["pagu"] += 1
    hasil = baca(RENJA, tulis_json(tmp_path / "pagu.json", pagu))
    assert hasil.ringkasan.pagu_ab.berbeda == 124
    beda = [m for m in hasil.peringatan if m.berkas == "pagu.json"]
    assert len(beda) == 6 and all(m.peringatan for m in beda)
    assert beda[-1].pesan.startswith("dan 119 peringatan lain yang sama (pagu berbeda)")


def test_set_pagu_skpd_dinas_kesehatan_sama_dengan_jumlah_renja(lengkap, mentah):
    skpd = {e["kode_skpd"]: e for e in muat(SKPD)}
    assert len(skpd) == 54
    assert skpd[DINKES]["set_pagu_skpd"] == sum(e["pagu"] for e in mentah) == PAGU_DINKES
    p = next(p for p in lengkap.ringkasan.pagu_skpd if p.kode == DINKES)
    assert (p.pagu, p.pagu_daftar, p.selisih, p.status, p.nama) == (
        PAGU_DINKES, PAGU_DINKES, 0, "sama", "Dinas Kesehatan")
    assert len(lengkap.ringkasan.skpd_tanpa_data) == 53
    assert lengkap.nama.skpd["1.01.2.22.0.00.01.0000"] == "Dinas Pendidikan"
    assert "sama" in "\n".join(lengkap.ringkasan.teks())


def test_set_pagu_skpd_berbeda_disebut_selisihnya(tmp_path):
    skpd = muat(SKPD)
    for e in skpd:
        if e["kode_skpd"] == DINKES:
            e["set_pagu_skpd"] = PAGU_DINKES + 2_500
    hasil = baca(RENJA, tulis_json(tmp_path / "skpd.json", skpd))
    p = next(p for p in hasil.ringkasan.pagu_skpd if p.kode == DINKES)
    assert p.selisih == -2_500 and p.status == "berbeda Rp 2.500 (kurang)"
    m = [m for m in hasil.peringatan if m.kolom == "set_pagu_skpd"]
    assert len(m) == 1 and m[0].berkas == "skpd.json" and m[0].entri == 2 and "Rp 2.500" in m[0].pesan


def test_skpd_induk_unit_yang_menjadi_skpd_sendiri(tmp_path, mentah):
    """RSUD Lagita (…0003) ada di daftar SKPD sebagai SKPD sendiri: induknya dirinya, bukan Dinas Kesehatan;
    tanpa daftar SKPD induknya menurut kode (tujuh bagian + 0000)."""
    rsud = "1.02.0.00.0.00.01.0003"
    data = copy.deepcopy(mentah[:2])
    for e in data:
        e["kode_skpd"] = e["kode_sub_skpd"] = rsud
        e["nama_skpd"] = e["nama_sub_skpd"] = "UPTD RSUD LAGITA"
    path = tulis_json(tmp_path / "rsud.json", data)
    assert {r.perangkat_daerah_induk_kode for r in baca(path).baris} == {DINKES}
    hasil = baca(path, SKPD)
    assert {r.perangkat_daerah_induk_kode for r in hasil.baris} == {rsud}
    p = hasil.ringkasan.pagu_skpd[0]
    assert p.kode == rsud and p.pagu == mentah[0]["pagu"] + mentah[1]["pagu"]
    assert p.pagu_daftar == 19_123_831_000 and p.status.startswith("berbeda")


def test_jawaban_api_utuh_dengan_kunci_data(tmp_path, mentah):
    path = tulis_json(tmp_path / "jawaban.json", {"status": "success", "message": "ok", "data": mentah})
    hasil = baca(path)
    assert len(hasil.baris) == 124 and hasil.ringkasan.pagu_total == PAGU_DINKES


def test_folder_dibaca_dari_isinya_bukan_namanya(tmp_path, mentah):
    (tmp_path / "catatan.txt").write_text("bukan data", encoding="utf-8")
    tulis_json(tmp_path / "unduhan_1.dat", mentah)   # nama apa pun: isinya Renja lampiran
    hasil = baca(tmp_path)
    assert len(hasil.baris) == 124
    assert [b.jenis for b in hasil.ringkasan.berkas] == ["A"]
    lewat = [m for m in hasil.peringatan if m.berkas == "catatan.txt"]
    assert len(lewat) == 1 and "dilewati" in lewat[0].pesan


def test_entri_tanpa_kode_sub_kegiatan_dilewati_dan_disebut(tmp_path, mentah):
    data = copy.deepcopy(mentah)
    data[9]["kode_sub_giat"] = None
    data[10]["kode_sub_giat"] = ""
    path = tulis_json(tmp_path / "renja.json", data)
    awal_entri = [i for i, b in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if b == "  {"]
    assert len(awal_entri) == 124
    hasil = baca(path)
    assert len(hasil.baris) == 122
    per_alasan = hasil.ringkasan.dilewati_per_alasan()
    assert per_alasan == {"entri tanpa kode sub kegiatan": (2, Decimal(mentah[9]["pagu"] + mentah[10]["pagu"]))}
    assert {d.asal for d in hasil.ringkasan.dilewati} == {f"renja.json entri ke-10 (baris {awal_entri[9]})",
                                                           f"renja.json entri ke-11 (baris {awal_entri[10]})"}
    assert hasil.ringkasan.pagu_total == PAGU_DINKES - mentah[9]["pagu"] - mentah[10]["pagu"]


def test_tabel_berkolom_view_anggaran_sub_kegiatan():
    df = baca(RENJA).tabel()
    assert list(df.columns) == list(KOLOM_ANGGARAN) == [
        "daerah_kode", "tahun", "perangkat_daerah_kode", "perangkat_daerah", "perangkat_daerah_induk_kode",
        "sub_kegiatan_kode", "sub_kegiatan_nama", "pagu", "indikator_keluaran", "target_keluaran",
        "target_keluaran_teks", "satuan_keluaran", "sumber"]
    assert len(df) == 124 and df["pagu"].sum() == PAGU_DINKES


def test_kabupaten_tiruan_18_skpd(tmp_path):
    paths = renja_kabupaten(tmp_path, salinan=3)
    hasil = baca(*paths)
    assert len(hasil.baris) == 3 * 124 and hasil.ringkasan.jumlah_unit == 3 * 24
    assert [(p.pagu, p.status) for p in hasil.ringkasan.pagu_skpd] == [(PAGU_DINKES, "sama")] * 3
    assert hasil.ringkasan.pagu_ab.sama == 3 * 124


# --- berkas buruk ---------------------------------------------------------------------------------------------

def test_json_terpotong_ditolak(tmp_path):
    isi = RENJA.read_bytes()
    path = tmp_path / "renja_terpotong.json"
    path.write_bytes(isi[: len(isi) // 2])
    g = ditolak(path)
    m = g.masalah[0]
    baris_akhir = isi[: len(isi) // 2].count(b"\n") + 1
    assert m.berkas == "renja_terpotong.json" and m.baris == baris_akhir
    assert "terpotong" in m.pesan and "unduh ulang" in m.pesan
    assert str(m).startswith(f"Berkas 'renja_terpotong.json', baris {baris_akhir}: berkas JSON terpotong")


def test_json_rusak_di_tengah_menyebut_baris_dan_kolom(tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('[\n  {"kode_skpd": "1.02.0.00.0.00.01.0000",\n   "nama_skpd" "Dinas"}\n]', encoding="utf-8")
    m = ditolak(path).masalah[0]
    assert (m.berkas, m.baris) == ("rusak.json", 3) and "baris 3 kolom 16" in m.pesan


@pytest.mark.parametrize("isi, kata", [
    ([{"nama": "Budi", "nilai": 1}], "bukan ekspor SIPD-RI yang dikenal"),
    ({"type": "FeatureCollection", "features": []}, "tanpa larik 'data'"),
    ([], "larik kosong"),
    ([1, 2, 3], "entri data harus berupa objek"),
    ([{"kode_sub_skpd": "1.02.0.00.0.00.01.0000", "kode_sub_giat": "1.02.01.2.01.0001", "nama_sub_giat": "x",
       "nama_sub_skpd": "y", "pagu": 1, "tolak_ukur_output": "z"}],
     "mirip Renja lampiran (JSON) SIPD-RI tetapi kolom target_teks_output, indikator_outcome tidak ada"),
    ("teks", "bukan larik/objek JSON"),
])
def test_json_bukan_sipd_ditolak(tmp_path, isi, kata):
    m = ditolak(tulis_json(tmp_path / "lain.json", isi)).masalah[0]
    assert m.berkas == "lain.json" and kata in m.pesan


def test_entri_tanpa_kolom_ciri_menyebut_entrinya(tmp_path, mentah):
    data = copy.deepcopy(mentah)
    del data[4]["pagu"]
    m = ditolak(tulis_json(tmp_path / "renja.json", data)).masalah
    assert [(x.berkas, x.entri, x.kolom) for x in m] == [("renja.json", 5, "pagu")]
    assert str(m[0]).startswith("Berkas 'renja.json', entri data ke-5 (baris 366), kolom 'pagu'")


def test_berkas_dua_daerah_ditolak(tmp_path):
    pagu = muat(PAGU)
    for e in pagu:
        e["id_daerah"] = 474
    g = ditolak(RENJA, tulis_json(tmp_path / "pagu_daerah_lain.json", pagu), SKPD)
    assert len(g.masalah) == 1
    m = g.masalah[0]
    assert (m.berkas, m.entri, m.kolom, m.nilai) == ("pagu_daerah_lain.json", 1, "id_daerah", 474)
    assert "dua daerah" in m.pesan and "473" in m.pesan and RENJA.name in m.pesan and "17.03" in m.pesan


def test_tahun_lain_ditolak_setiap_entri():
    g = ditolak(RENJA, daerah=DAERAH, tahun=2025)
    m = g.masalah
    assert [(x.berkas, x.entri, x.kolom, x.nilai) for x in m[:5]] == [(RENJA.name, i, "tahun", 2026)
                                                                     for i in range(1, 6)]
    assert "data tahun 2026, padahal tahun yang dipilih 2025" in m[0].pesan
    assert len(m) == 124 and g.laporan().startswith("Impor ditolak: 124 kesalahan")
    assert "... dan 74 kesalahan lain." in g.laporan()


def test_daerah_provinsi_dengan_kode_kabupaten_ditolak():
    m = ditolak(RENJA, daerah="17").masalah[0]
    assert m.kolom == "kode_sub_giat" and m.entri == 1
    assert "tingkat kabupaten/kota" in m.pesan and "daerah 17 yang dipilih adalah provinsi" in m.pesan


@pytest.mark.parametrize("daerah, tahun, kata", [
    ("1703", 2026, "bukan kode Kemendagri"), ("Bengkulu Utara", 2026, "bukan kode Kemendagri"),
    ("17.03", "dua ribu", "bukan angka tahun"), ("17.03", 1999, "di luar 2000-2100")])
def test_daerah_dan_tahun_pilihan_diperiksa(daerah, tahun, kata):
    assert kata in ditolak(RENJA, daerah=daerah, tahun=tahun).masalah[0].pesan


def test_susunan_berkas_yang_tidak_masuk_akal(tmp_path):
    assert "Renja lampiran (JSON listDataLampiranLaporan per SKPD) wajib ada" in ditolak(PAGU, SKPD).masalah[0].pesan
    salinan = tmp_path / "salinan.json"
    salinan.write_bytes(RENJA.read_bytes())
    m = ditolak(RENJA, salinan).masalah[0]
    assert m.berkas == "salinan.json" and "diberikan dua kali" in m.pesan
    rekap = tulis_rekap(tmp_path / "rekap.xlsx", [[1, 2026, "1", "U", DINKES, "Dinas Kesehatan", DINKES, "Dinkes",
                                                   "1.02", "B", "1.02.01", "P", "1.02.01.2.01", "K",
                                                   "1.02.01.2.01.0001", "S", None, None, None, None, None, None, 5]])
    assert "rekap xlsx diimpor sendiri" in ditolak(RENJA, rekap).masalah[0].pesan
    assert "tidak ditemukan" in ditolak(tmp_path / "tidak_ada.json").masalah[0].pesan


def test_pdf_dan_html_ditolak(tmp_path):
    (tmp_path / "laporan.json").write_bytes(b"%PDF-1.7\n...")
    assert "PDF" in ditolak(tmp_path / "laporan.json").masalah[0].pesan
    (tmp_path / "rekap.xlsx").write_bytes(b"<html><body><table></table></body></html>")
    assert "HTML" in ditolak(tmp_path / "rekap.xlsx").masalah[0].pesan


def test_batas_jumlah_entri_json(tmp_path, monkeypatch):
    import pantau.impor.sipd.bacajson as bacajson

    monkeypatch.setattr(bacajson, "MAKS_ENTRI_JSON", 100)
    m = ditolak(RENJA).masalah[0]
    assert "lebih dari 100 entri" in m.pesan and m.berkas == RENJA.name


# --- rekap xlsx (format D) ------------------------------------------------------------------------------------

U1, U2 = DINKES, "1.02.0.00.0.00.01.0004"
S1, S2 = "1.02.02.2.01.0014", "1.02.02.2.02.0001"


def rekap_baris(no, unit, sub, pagu, *, dana="1.2.01.08", rek="5.1.02.01.01.0024", tahun=2026, giat=None):
    giat = giat if giat is not None else (sub[:-5] if sub else "1.02.02.2.01")
    return [no, tahun, "1", "URUSAN WAJIB", DINKES, "Dinas Kesehatan", unit,
            "Dinas Kesehatan" if unit == DINKES else "Puskesmas Enggano", "1.02", "KESEHATAN", "1.02.02",
            "PROGRAM PEMENUHAN UPAYA KESEHATAN", giat, "Penyediaan Fasilitas", sub,
            f"Sub kegiatan {sub}" if sub else None, dana if pagu is not None else None,
            "DAU" if pagu is not None else None, rek if pagu is not None else None,
            "Belanja" if pagu is not None else None, "Kelompok", "Paket", pagu]


def test_rekap_kecil_dihitung_tangan(tmp_path):
    path = tulis_rekap(tmp_path / "rekap_dinkes.xlsx", [
        rekap_baris(1, U1, S1, 200_000_000),
        rekap_baris(2, U1, S1, 50_000_000.5, dana="1.2.02.01"),   # sen
        rekap_baris(3, U1, S2, None),                             # tanpa rincian: pagu 0, tetap ada
        rekap_baris(4, U1, None, 999_000),                        # baris kegiatan tanpa sub kegiatan
        rekap_baris(5, U2, S1, 75_000_000),                       # sub kegiatan sama, unit lain
    ])
    hasil = baca(path)
    per = {(r.perangkat_daerah_kode, r.sub_kegiatan_kode): r for r in hasil.baris}
    assert {k: r.pagu for k, r in per.items()} == {
        (U1, S1): Decimal("250000000.5"), (U1, S2): 0, (U2, S1): 75_000_000}
    assert hasil.ringkasan.pagu_total == Decimal("325000000.5")
    assert format_rupiah(hasil.ringkasan.pagu_total) == "Rp 325.000.000,50"
    assert hasil.ringkasan.dilewati_per_alasan() == {"baris kegiatan tanpa kode sub kegiatan": (1, 999_000)}
    assert hasil.ringkasan.dilewati[0].asal == "rekap_dinkes.xlsx lembar 'Sheet1' baris 5"
    assert hasil.ringkasan.pagu_kosong == 1
    r = per[(U2, S1)]
    assert (r.perangkat_daerah, r.perangkat_daerah_induk_kode, r.sub_kegiatan_nama, r.sumber) == (
        "Puskesmas Enggano", DINKES, f"Sub kegiatan {S1}", "SIPD-RI rekap 2026")
    assert (r.indikator_keluaran, r.target_keluaran, r.target_keluaran_teks) == (None, None, None)
    assert hasil.capaian_program == [] and hasil.asal == "rekap"
    assert hasil.nama.skpd == {DINKES: "Dinas Kesehatan"}


def test_rekap_realistis_7000_baris(tmp_path):
    r = rekap_realistis()
    assert 6_500 <= len(r.baris) <= 7_500
    path = tulis_rekap(tmp_path / "rekap_kabupaten.xlsx", r.baris)
    hasil = baca(path)
    got = {(b.perangkat_daerah_kode, b.sub_kegiatan_kode): b.pagu for b in hasil.baris}
    assert got == r.pagu
    assert {k for k, v in got.items() if v == 0} == r.nol and len(r.nol) > 0
    assert {b.perangkat_daerah_kode: b.perangkat_daerah_induk_kode for b in hasil.baris} == r.induk
    assert hasil.ringkasan.pagu_total == sum(r.pagu.values())
    assert {k: list(v) for k, v in hasil.ringkasan.dilewati_per_alasan().items()} == r.dilewati
    assert hasil.ringkasan.berkas[0].jumlah_entri == len(r.baris)
    # sub kegiatan yang sama di beberapa unit satu SKPD: baris sendiri-sendiri
    per_sub: dict = {}
    for b in hasil.baris:
        per_sub.setdefault(b.sub_kegiatan_kode, set()).add(b.perangkat_daerah_kode)
    assert max(len(u) for u in per_sub.values()) >= 3


def test_rekap_judul_di_bawah_judul_laporan_dan_nama_bukan_xlsx(tmp_path):
    path = tmp_path / "unduhan_sipd"   # tanpa akhiran: isinya yang menentukan
    tulis_rekap(tmp_path / "x.xlsx", [rekap_baris(1, U1, S1, 1_000)], atas=[["REKAP SUB KEGIATAN 2026"], []])
    (tmp_path / "x.xlsx").rename(path)
    hasil = baca(path)
    assert [(r.sub_kegiatan_kode, r.pagu) for r in hasil.baris] == [(S1, 1_000)]


def test_rekap_tanpa_kolom_pagu_ditolak(tmp_path):
    judul = [j for j in JUDUL_REKAP if j != "PAGU"]
    path = tulis_rekap(tmp_path / "rekap_tanpa_pagu.xlsx", [rekap_baris(1, U1, S1, 5)[:-1]], judul=judul)
    m = ditolak(path).masalah[0]
    assert (m.berkas, m.lembar, m.baris, m.kolom) == ("rekap_tanpa_pagu.xlsx", "Sheet1", 1, "PAGU")
    assert "tidak memuat kolom PAGU" in m.pesan


def test_rekap_pagu_berisi_teks_ditolak(tmp_path):
    path = tulis_rekap(tmp_path / "rekap.xlsx", [rekap_baris(1, U1, S1, 5_000), rekap_baris(2, U1, S2, "dua juta"),
                                                 rekap_baris(3, U2, S1, "1.250.000")])
    g = ditolak(path)
    assert [(m.berkas, m.lembar, m.baris, m.kolom, m.nilai) for m in g.masalah] == [
        ("rekap.xlsx", "Sheet1", 3, "PAGU", "dua juta")]
    assert "PAGU harus angka rupiah (sel W3)" in g.masalah[0].pesan
    assert str(g.masalah[0]).startswith("Berkas 'rekap.xlsx', lembar 'Sheet1', baris 3, kolom 'PAGU'")
    # teks angka Indonesia dibaca, dengan peringatan yang menyebut selnya
    teks_angka = [m for m in g.peringatan if m.baris == 4]
    assert len(teks_angka) == 1 and "1250000" in teks_angka[0].pesan


def test_rekap_tahun_lain_dan_kode_angka_ditolak(tmp_path):
    b = rekap_baris(2, U1, S2, 7)
    b[14] = 1.02   # kode sub kegiatan sebagai sel angka
    path = tulis_rekap(tmp_path / "rekap.xlsx", [rekap_baris(1, U1, S1, 5, tahun=2025), b])
    m = ditolak(path).masalah
    assert [(x.baris, x.kolom) for x in m] == [(2, "TAHUN"), (3, "KODE SUB KEGIATAN")]
    assert "tahun 2025" in m[0].pesan and "sel O3" in m[1].pesan


def test_xlsx_yang_bukan_rekap_ditolak(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "indikator"
    wb.active.append(["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama"])
    wb.save(tmp_path / "impor_pantau.xlsx")
    m = ditolak(tmp_path / "impor_pantau.xlsx").masalah[0]
    assert m.berkas == "impor_pantau.xlsx" and "bukan rekap SIPD-RI" in m.pesan and "'indikator'" in m.pesan
    assert "impor Pantau biasa" in m.pesan
    with zipfile.ZipFile(tmp_path / "bukan_excel.xlsx", "w") as z:
        z.writestr("isi.txt", "halo")
    assert "bukan buku kerja Excel" in ditolak(tmp_path / "bukan_excel.xlsx").masalah[0].pesan


def test_xlsx_bom_zip_ditolak_sebelum_diurai(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    m = ditolak(path).masalah[0]
    assert m.berkas == "bom.xlsx" and "termampat" in m.pesan


def test_batas_baris_rekap(tmp_path, monkeypatch):
    import pantau.impor.sipd.rekap as rekap

    monkeypatch.setattr(rekap, "MAKS_BARIS_REKAP", 3)
    path = tulis_rekap(tmp_path / "rekap.xlsx", [rekap_baris(i, U1, S1, 1) for i in range(1, 6)])
    m = ditolak(path).masalah[0]
    assert "lebih dari 3 baris" in m.pesan and m.baris == 5


def test_masalah_sipd_tetap_masalah():
    m = MasalahSipd(lembar=None, baris=12, kolom="tahun", nilai=2025, pesan="contoh", berkas="a.json", entri=3)
    assert isinstance(m, Masalah)
    assert str(m) == "Berkas 'a.json', entri data ke-3 (baris 12), kolom 'tahun', nilai '2025': contoh"
    assert m.sebagai_baris() == {"berkas": "a.json", "jenis": "kesalahan", "lembar": "", "baris": 12,
                                 "kolom": "tahun", "nilai": "2025", "pesan": "contoh", "entri": 3}
    assert "a.json" in ImporGagal([m]).laporan()


def test_rekap_tanpa_alamat_sel_dibaca_lewat_openpyxl(tmp_path):
    """Sebagian penulis xlsx tidak menulis alamat sel (r="A1"): pembaca cepat menyerah, openpyxl meneruskan."""
    import re

    asli = tulis_rekap(tmp_path / "asli.xlsx", [rekap_baris(1, U1, S1, 200), rekap_baris(2, U1, S1, 300),
                                                rekap_baris(3, U2, S2, 7)])
    path = tmp_path / "tanpa_alamat.xlsx"
    with zipfile.ZipFile(asli) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            isi = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                isi = re.sub(rb'<c r="[A-Z]+\d+"', b"<c", isi)
            zout.writestr(info, isi)
    hasil = baca(path)
    assert {(r.perangkat_daerah_kode, r.sub_kegiatan_kode): r.pagu for r in hasil.baris} == {(U1, S1): 500,
                                                                                            (U2, S2): 7}
