"""Aturan domain (docs/ATURAN.md) lewat view SQL di pantau/aturan/aturan.sql.

Setiap kasus dibangun LEWAT JALUR IMPOR (CSV -> impor_berkas), lalu dibaca dari view.
Setiap harapan dihitung dengan tangan dan ditulis sebagai angka tetap, dengan aritmetikanya di
komentar; tidak ada rumus capaian yang diulang di Python.
"""
from __future__ import annotations

import pytest

from tests.bantuan import baris, impor_kasus, ind, rea, satu_baris, tgt


def capaian_tahun(con, kode: str, tahun: int) -> dict:
    return satu_baris(
        con,
        "SELECT * FROM capaian_tahunan WHERE indikator_kode = $k AND tahun = $t",
        {"k": kode, "t": tahun},
    )


def periode_dari(con, kode: str) -> dict:
    return satu_baris(con, "SELECT * FROM capaian_periode WHERE indikator_kode = $k", {"k": kode})


def kasus(con, folder, polaritas: str, target, realisasi, *, tahun: int = 2023,
          agregasi: str = "akhir") -> dict:
    """Satu indikator, satu target dan satu realisasi (TAHUN) di satu tahun; baris capaian_tahunan-nya."""
    impor_kasus(
        con, folder,
        # satuan yang boleh negatif: uji aturan capaian memakai R < 0 (impor menolak persen/jumlah negatif)
        indikator=[ind("K", polaritas=polaritas, agregasi=agregasi, satuan="indeks")],
        target=[tgt("K", tahun, target)],
        realisasi=[rea("K", tahun, realisasi)],
    )
    return capaian_tahun(con, "K", tahun)


def rumus_t_per_r(con) -> None:
    con.execute("UPDATE pengaturan SET nilai = 'T/R' WHERE kunci = 'rumus_negatif'")


# ---------------------------------------------------------------------------------------------------
# Rumus per polaritas
# ---------------------------------------------------------------------------------------------------

def test_positif_r_per_t(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "positif", "80", "60")
    assert r["target"] == 80.0 and r["realisasi"] == 60.0
    assert r["capaian"] == 75.0  # 60 / 80 x 100 = 75,00
    assert r["predikat"] == "Sedang"  # 66 <= 75 < 76


def test_positif_koma_desimal(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "positif", "6,4", "4,8")
    assert r["capaian"] == 75.0  # 4,8 / 6,4 x 100 = 75,00


def test_negatif_2t_kurang_r(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "negatif", "10", "12")
    assert r["capaian"] == 80.0  # (2 x 10 - 12) / 10 x 100 = 8 / 10 x 100 = 80,00
    assert r["predikat"] == "Tinggi"
    assert r["rumus_negatif"] == "2T-R"


def test_negatif_lebih_baik_dari_target_di_atas_100(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "negatif", "10", "8")
    assert r["capaian"] == 120.0  # (20 - 8) / 10 x 100 = 120,00 (ditampilkan apa adanya)
    assert r["predikat"] == "Sangat Tinggi"


def test_negatif_rumus_t_per_r(db_kosong, tmp_path):
    rumus_t_per_r(db_kosong)
    r = kasus(db_kosong, tmp_path, "negatif", "10", "12,5")
    assert r["capaian"] == 80.0  # 10 / 12,5 x 100 = 80,00  (dengan 2T-R akan 75,00)
    assert r["rumus_negatif"] == "T/R"
    assert r["predikat"] == "Tinggi"


def test_rumus_negatif_hanya_untuk_negatif(db_kosong, tmp_path):
    rumus_t_per_r(db_kosong)
    r = kasus(db_kosong, tmp_path, "positif", "10", "12,5")
    assert r["capaian"] == 125.0  # positif tetap R / T: 12,5 / 10 x 100 = 125,00


@pytest.mark.parametrize(
    "target, realisasi, capaian",
    [
        ("5,5 - 6,5", "6", 100.0),      # 5,5 <= 6 <= 6,5 -> 100
        ("5,5 - 6,5", "5,5", 100.0),    # batas bawah termasuk
        ("5,5 - 6,5", "6,5", 100.0),    # batas atas termasuk
        ("5,5 - 6,5", "4,4", 80.0),     # di bawah: 4,4 / 5,5 x 100 = 80,00
        ("5,5 - 6,5", "7,8", 80.0),     # di atas: (2 x 6,5 - 7,8) / 6,5 x 100 = 5,2 / 6,5 x 100 = 80,00
        ("6,5 - 5,5", "7,8", 80.0),     # urutan terbalik dibaca sama
        ("6", "6", 100.0),              # satu angka = pita [6, 6]
        ("6", "4,8", 80.0),             # 4,8 / 6 x 100 = 80,00
        ("6", "7,2", 80.0),             # (12 - 7,2) / 6 x 100 = 4,8 / 6 x 100 = 80,00
    ],
)
def test_rentang(db_kosong, tmp_path, target, realisasi, capaian):
    r = kasus(db_kosong, tmp_path, "rentang", target, realisasi)
    assert r["capaian"] == capaian


def test_rentang_satu_angka_disimpan_sebagai_pita(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "rentang", "6", "6")
    assert (r["target_min"], r["target_max"]) == (6.0, 6.0)


def test_teks_tanpa_capaian(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "teks", "B", "B")
    assert r["target_teks"] == "B" and r["realisasi_teks"] == "B"
    assert r["capaian"] is None
    assert r["predikat"] is None


# ---------------------------------------------------------------------------------------------------
# Tidak pernah di bawah 0; pembagian dengan nol
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "polaritas, target, realisasi",
    [
        ("negatif", "10", "25"),         # (20 - 25) / 10 x 100 = -50 -> 0
        ("negatif", "10", "20"),         # (20 - 20) / 10 x 100 = 0 tepat
        ("rentang", "5,5 - 6,5", "20"),  # (13 - 20) / 6,5 x 100 = -107,69 -> 0
        ("positif", "10", "-5"),         # -5 / 10 x 100 = -50 -> 0
        ("rentang", "5,5 - 6,5", "-1"),  # -1 / 5,5 x 100 = -18,18 -> 0
    ],
)
def test_tidak_pernah_di_bawah_nol(db_kosong, tmp_path, polaritas, target, realisasi):
    r = kasus(db_kosong, tmp_path, polaritas, target, realisasi)
    assert r["capaian"] == 0.0
    assert r["predikat"] == "Sangat Rendah"


@pytest.mark.parametrize(
    "polaritas, target, realisasi, capaian",
    [
        ("positif", "0", "0", 100.0),    # T = 0, R >= 0 memenuhi -> 100
        ("positif", "0", "3", 100.0),
        ("positif", "0", "-1", 0.0),     # R < 0 tidak memenuhi -> 0
        ("negatif", "0", "0", 100.0),    # T = 0, R <= 0 memenuhi -> 100
        ("negatif", "0", "-1", 100.0),
        ("negatif", "0", "2", 0.0),      # R > 0 tidak memenuhi -> 0
        ("rentang", "0 - 2", "1", 100.0),   # di dalam pita
        ("rentang", "0 - 2", "0", 100.0),   # tepat di Tmin = 0
        ("rentang", "0 - 2", "-1", 0.0),    # di bawah Tmin = 0: tidak memenuhi -> 0 (bukan bagi nol)
        ("rentang", "0", "0", 100.0),       # pita [0, 0]
        ("rentang", "0", "1", 0.0),         # di atas Tmax = 0 -> 0
    ],
)
def test_target_nol(db_kosong, tmp_path, polaritas, target, realisasi, capaian):
    r = kasus(db_kosong, tmp_path, polaritas, target, realisasi)
    assert r["capaian"] == capaian


def test_rumus_t_per_r_dengan_r_nol(db_kosong, tmp_path):
    rumus_t_per_r(db_kosong)
    r = kasus(db_kosong, tmp_path, "negatif", "5", "0")
    assert r["capaian"] == 100.0  # R = 0 memenuhi target apa pun (T / 0 tidak dihitung)


def test_rumus_t_per_r_dengan_t_nol(db_kosong, tmp_path):
    rumus_t_per_r(db_kosong)
    r = kasus(db_kosong, tmp_path, "negatif", "0", "2")
    assert r["capaian"] == 0.0  # T = 0, R = 2 > 0 tidak memenuhi -> 0


# ---------------------------------------------------------------------------------------------------
# Data yang belum ada: NULL, bukan 0
# ---------------------------------------------------------------------------------------------------

def test_r_atau_t_tidak_ada_memberi_null(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("K")],
        target=[tgt("K", 2022, "80")],           # 2022: hanya target
        realisasi=[rea("K", 2023, "60")],        # 2023: hanya realisasi
    )
    rows = baris(db_kosong, "SELECT tahun, target, realisasi, capaian, predikat FROM capaian_tahunan "
                            "WHERE indikator_kode = 'K' ORDER BY tahun")
    assert rows == [
        {"tahun": 2022, "target": 80.0, "realisasi": None, "capaian": None, "predikat": None},
        {"tahun": 2023, "target": None, "realisasi": 60.0, "capaian": None, "predikat": None},
    ]


def test_tahun_tanpa_target_maupun_realisasi_tidak_ada(db_kosong, tmp_path):
    impor_kasus(db_kosong, tmp_path, indikator=[ind("K")], target=[tgt("K", 2022, "80")])
    tahun = [r["tahun"] for r in baris(db_kosong, "SELECT tahun FROM capaian_tahunan WHERE indikator_kode = 'K'")]
    assert tahun == [2022]


# ---------------------------------------------------------------------------------------------------
# Predikat: batas bawah inklusif, capaian dibulatkan dua desimal lebih dulu
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "realisasi, capaian, predikat",
    [
        # T = 100, jadi capaian = R / 100 x 100 = R
        ("50,99", 50.99, "Sangat Rendah"),
        ("51", 51.0, "Rendah"),
        ("65,99", 65.99, "Rendah"),
        ("66", 66.0, "Sedang"),
        ("75,99", 75.99, "Sedang"),
        ("76", 76.0, "Tinggi"),
        ("90,99", 90.99, "Tinggi"),
        ("91", 91.0, "Sangat Tinggi"),
        ("0", 0.0, "Sangat Rendah"),
        ("250", 250.0, "Sangat Tinggi"),
    ],
)
def test_batas_predikat(db_kosong, tmp_path, realisasi, capaian, predikat):
    r = kasus(db_kosong, tmp_path, "positif", "100", realisasi)
    assert r["capaian"] == capaian
    assert r["predikat"] == predikat


def test_pembulatan_sebelum_skala(db_kosong, tmp_path):
    # 2,28 / 3 x 100 = 76 tepat dengan tangan; dengan floating point 75,99999999999999.
    assert 2.28 / 3 * 100 < 76  # premis kasus ini: tanpa pembulatan predikat akan Sedang
    r = kasus(db_kosong, tmp_path, "positif", "3", "2,28")
    assert r["capaian"] == 76.0
    assert r["predikat"] == "Tinggi"


def test_pembulatan_dua_desimal(db_kosong, tmp_path):
    r = kasus(db_kosong, tmp_path, "positif", "3", "2")
    assert r["capaian"] == 66.67  # 2 / 3 x 100 = 66,666... -> 66,67


def test_skala_predikat_dari_tabel(db_kosong, tmp_path):
    # Skala ada di tabel, bukan di kode: daerah boleh mengubahnya.
    db_kosong.execute("UPDATE skala_predikat SET batas_bawah = 70 WHERE predikat = 'Sedang'")
    r = kasus(db_kosong, tmp_path, "positif", "100", "68")
    assert r["predikat"] == "Rendah"  # 51 <= 68 < 70 dengan skala yang diubah


# ---------------------------------------------------------------------------------------------------
# Agregasi triwulan -> tahun
# ---------------------------------------------------------------------------------------------------

def test_kumulatif_menjumlah_akhir_mengambil_triwulan_terakhir(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("KUM", agregasi="kumulatif"), ind("AKH", agregasi="akhir")],
        target=[tgt("KUM", 2023, "120"), tgt("AKH", 2023, "8")],
        realisasi=[
            # urutan baris sengaja acak: "terakhir" menurut triwulan, bukan urutan berkas
            rea("KUM", 2023, "30", "TW3"), rea("KUM", 2023, "10", "TW1"), rea("KUM", 2023, "20", "TW2"),
            rea("AKH", 2023, "7", "TW3"), rea("AKH", 2023, "5", "TW1"), rea("AKH", 2023, "9", "TW2"),
        ],
    )
    kum = capaian_tahun(db_kosong, "KUM", 2023)
    assert kum["realisasi"] == 60.0  # 10 + 20 + 30
    assert kum["realisasi_sd"] == "TW3"
    assert kum["capaian"] == 50.0  # 60 / 120 x 100
    akh = capaian_tahun(db_kosong, "AKH", 2023)
    assert akh["realisasi"] == 7.0  # TW3 (bukan jumlah 21, bukan maksimum 9)
    assert akh["realisasi_sd"] == "TW3"
    assert akh["capaian"] == 87.5  # 7 / 8 x 100


def test_angka_tahunan_menang_atas_triwulan(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("KUM", agregasi="kumulatif"), ind("AKH", agregasi="akhir")],
        target=[tgt("KUM", 2023, "50"), tgt("AKH", 2023, "10")],
        realisasi=[
            rea("KUM", 2023, "10", "TW1"), rea("KUM", 2023, "10", "TW2"),
            rea("KUM", 2023, "10", "TW3"), rea("KUM", 2023, "10", "TW4"),   # jumlah 40
            rea("KUM", 2023, "45", "TAHUN"),
            rea("AKH", 2023, "7", "TW4"), rea("AKH", 2023, "7,5", "TAHUN"),
        ],
    )
    kum = capaian_tahun(db_kosong, "KUM", 2023)
    assert kum["realisasi"] == 45.0  # angka tahunan, bukan 10 + 10 + 10 + 10 = 40
    assert kum["realisasi_sd"] == "TAHUN"
    assert kum["capaian"] == 90.0  # 45 / 50 x 100
    akh = capaian_tahun(db_kosong, "AKH", 2023)
    assert akh["realisasi"] == 7.5  # angka tahunan, bukan TW4 = 7
    assert akh["capaian"] == 75.0  # 7,5 / 10 x 100


def test_status_sementara_menurun_ke_tahun(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("K", agregasi="kumulatif")],
        realisasi=[
            # 2022: satu triwulan sementara -> tahunnya sementara
            rea("K", 2022, "1", "TW1", status="tetap"), rea("K", 2022, "2", "TW2", status="sementara"),
            # 2023: semua tetap (status kosong = tetap)
            rea("K", 2023, "1", "TW1", status="tetap"), rea("K", 2023, "2", "TW2"),
            # 2024: angka tahunan tetap menang atas triwulan sementara
            rea("K", 2024, "1", "TW1", status="sementara"), rea("K", 2024, "5", "TAHUN", status="tetap"),
            # 2025: angka tahunan sementara
            rea("K", 2025, "5", "TAHUN", status="sementara"),
        ],
    )
    status = {r["tahun"]: r["status"] for r in
              baris(db_kosong, "SELECT tahun, status FROM capaian_tahunan WHERE indikator_kode = 'K'")}
    assert status == {2022: "sementara", 2023: "tetap", 2024: "tetap", 2025: "sementara"}


# ---------------------------------------------------------------------------------------------------
# Target RKPD menggantikan target RPJMD tahun itu
# ---------------------------------------------------------------------------------------------------

def test_target_rkpd_menggantikan_rpjmd(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("K")],
        target=[
            tgt("K", 2023, "80"), tgt("K", 2023, "90", dokumen="RKPD"),
            tgt("K", 2024, "85", dokumen="RPJMD"),
        ],
        realisasi=[rea("K", 2023, "72"), rea("K", 2024, "85")],
    )
    r23 = capaian_tahun(db_kosong, "K", 2023)
    assert r23["target"] == 90.0 and r23["dokumen_target"] == "RKPD"
    assert r23["target_rpjmd"] == 80.0 and r23["target_rkpd"] == 90.0  # keduanya tetap terlihat
    assert r23["capaian"] == 80.0  # 72 / 90 x 100 (terhadap RPJMD akan 90,00)
    r24 = capaian_tahun(db_kosong, "K", 2024)
    assert r24["target"] == 85.0 and r24["dokumen_target"] == "RPJMD"
    assert r24["target_rkpd"] is None
    assert r24["capaian"] == 100.0  # 85 / 85 x 100


def test_target_rkpd_rentang(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("PE", polaritas="rentang")],
        target=[tgt("PE", 2023, "5,5 - 6,5"), tgt("PE", 2023, "4 - 5", dokumen="RKPD")],
        realisasi=[rea("PE", 2023, "4,5")],
    )
    r = capaian_tahun(db_kosong, "PE", 2023)
    assert (r["target_min"], r["target_max"]) == (4.0, 5.0)
    assert (r["target_rpjmd_min"], r["target_rpjmd_max"]) == (5.5, 6.5)
    assert r["capaian"] == 100.0  # 4 <= 4,5 <= 5 (terhadap pita RPJMD: 4,5 / 5,5 = 81,82)


# ---------------------------------------------------------------------------------------------------
# Capaian periode
# ---------------------------------------------------------------------------------------------------

def test_capaian_periode_kumulatif_menjumlah_tanpa_kondisi_awal(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("JALAN", agregasi="kumulatif", kondisi_awal="50", tahun_kondisi_awal="2020",
                       target_akhir="600")],
        realisasi=[rea("JALAN", 2021, "100"), rea("JALAN", 2022, "120"), rea("JALAN", 2023, "80")],
    )
    p = periode_dari(db_kosong, "JALAN")
    assert p["realisasi_periode"] == 300.0  # 100 + 120 + 80 (kondisi awal 50 tidak ditambahkan)
    assert p["target_akhir"] == 600.0
    assert p["capaian_periode"] == 50.0  # 300 / 600 x 100 (dengan kondisi awal akan 58,33)
    assert p["predikat_periode"] == "Sangat Rendah"
    assert p["realisasi_terakhir"] == 80.0


def test_capaian_periode_akhir_mengambil_terakhir(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", agregasi="akhir", kondisi_awal="60", tahun_kondisi_awal="2020",
                       target_akhir="80")],
        realisasi=[rea("IPM", 2021, "64"), rea("IPM", 2022, "70"), rea("IPM", 2023, "68")],
    )
    p = periode_dari(db_kosong, "IPM")
    assert p["realisasi_terakhir"] == 68.0  # tahun terakhir 2023, bukan maksimum 70
    assert p["realisasi_periode"] == 68.0
    assert p["capaian_periode"] == 85.0  # 68 / 80 x 100
    assert p["predikat_periode"] == "Tinggi"
    assert p["kondisi_awal"] == 60.0


def test_capaian_periode_negatif(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("MISKIN", polaritas="negatif", target_akhir="5")],
        realisasi=[rea("MISKIN", 2021, "7"), rea("MISKIN", 2022, "6")],
    )
    p = periode_dari(db_kosong, "MISKIN")
    assert p["capaian_periode"] == 80.0  # (2 x 5 - 6) / 5 x 100 = 4 / 5 x 100


def test_capaian_periode_hanya_tahun_dalam_periode_dan_triwulan_berjalan(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("JALAN", agregasi="kumulatif", target_akhir="100")],
        realisasi=[rea("JALAN", 2021, "20"), rea("JALAN", 2022, "5", "TW1"), rea("JALAN", 2022, "5", "TW2")],
    )
    p = periode_dari(db_kosong, "JALAN")
    assert p["realisasi_periode"] == 30.0  # 20 + (5 + 5)
    assert p["realisasi_terakhir_sd"] == "TW2"
    assert p["capaian_periode"] == 30.0  # 30 / 100 x 100


def test_target_akhir_kosong_kumulatif_jumlah_target_rpjmd(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("JALAN", agregasi="kumulatif")],  # target_akhir kosong
        target=[tgt("JALAN", t, "100") for t in range(2021, 2027)]
        + [tgt("JALAN", 2022, "150", dokumen="RKPD")],   # RKPD tidak ikut dijumlah
        realisasi=[rea("JALAN", 2021, "90"), rea("JALAN", 2022, "120")],
    )
    p = periode_dari(db_kosong, "JALAN")
    assert p["target_akhir"] == 600.0  # 6 tahun x 100 (RPJMD saja)
    assert p["capaian_periode"] == 35.0  # (90 + 120) / 600 x 100 = 210 / 600 x 100


def test_target_akhir_kosong_akhir_target_rpjmd_tahun_terakhir(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", agregasi="akhir")],
        target=[tgt("IPM", 2025, "78"), tgt("IPM", 2026, "80"), tgt("IPM", 2024, "76")],
        realisasi=[rea("IPM", 2023, "72")],
    )
    p = periode_dari(db_kosong, "IPM")
    assert p["target_akhir"] == 80.0  # target RPJMD tahun 2026 (tahun terakhir periode)
    assert p["capaian_periode"] == 90.0  # 72 / 80 x 100


def test_target_akhir_kosong_rentang_pita_tahun_terakhir(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("PE", polaritas="rentang")],
        target=[tgt("PE", 2025, "5 - 6"), tgt("PE", 2026, "5,5 - 6,5")],
        realisasi=[rea("PE", 2023, "6")],
    )
    p = periode_dari(db_kosong, "PE")
    assert (p["target_akhir_min"], p["target_akhir_max"]) == (5.5, 6.5)
    assert p["capaian_periode"] == 100.0  # 5,5 <= 6 <= 6,5


def test_target_akhir_diisi_menang_atas_target_tahunan(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", target_akhir="75")],
        target=[tgt("IPM", 2026, "80")],
        realisasi=[rea("IPM", 2023, "60")],
    )
    p = periode_dari(db_kosong, "IPM")
    assert p["target_akhir"] == 75.0
    assert p["capaian_periode"] == 80.0  # 60 / 75 x 100


def test_capaian_periode_tanpa_realisasi_null(db_kosong, tmp_path):
    impor_kasus(db_kosong, tmp_path, indikator=[ind("K", target_akhir="10")], target=[tgt("K", 2022, "5")])
    p = periode_dari(db_kosong, "K")
    assert p["capaian_periode"] is None and p["predikat_periode"] is None
    assert p["proyeksi"] is None and p["on_track"] is None


# ---------------------------------------------------------------------------------------------------
# Proyeksi
# ---------------------------------------------------------------------------------------------------

def test_proyeksi_akhir_tren_linear_melalui_kondisi_awal(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", kondisi_awal="70", tahun_kondisi_awal="2020", target_akhir="75")],
        realisasi=[rea("IPM", 2021, "71"), rea("IPM", 2022, "72")],
    )
    p = periode_dari(db_kosong, "IPM")
    # titik (2020, 70), (2021, 71), (2022, 72): garis y = 70 + (x - 2020) -> 2026: 70 + 6 = 76
    assert p["proyeksi"] == pytest.approx(76.0, abs=1e-6)
    assert p["metode_proyeksi"] == "tren linear"
    assert p["capaian_proyeksi"] == 101.33  # 76 / 75 x 100 = 101,333...
    assert p["on_track"] is True


def test_proyeksi_akhir_kuadrat_terkecil(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", kondisi_awal="10", tahun_kondisi_awal="2020", target_akhir="14")],
        realisasi=[rea("IPM", 2021, "12"), rea("IPM", 2022, "11")],
    )
    p = periode_dari(db_kosong, "IPM")
    # titik (2020, 10), (2021, 12), (2022, 11); rata-rata x = 2021, y = 11
    # kemiringan = [(-1)(-1) + (0)(1) + (1)(0)] / [1 + 0 + 1] = 1 / 2 = 0,5
    # proyeksi 2026 = 11 + 0,5 x (2026 - 2021) = 13,5
    assert p["proyeksi"] == pytest.approx(13.5, abs=1e-6)
    assert p["capaian_proyeksi"] == 96.43  # 13,5 / 14 x 100 = 96,428...
    assert p["on_track"] is False


def test_proyeksi_akhir_satu_titik_nilai_itu_sendiri(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", target_akhir="80")],  # tanpa kondisi awal
        realisasi=[rea("IPM", 2022, "72")],
    )
    p = periode_dari(db_kosong, "IPM")
    assert p["proyeksi"] == 72.0
    assert p["on_track"] is False  # 72 / 80 = 90 < 100


@pytest.mark.parametrize(
    "target_akhir, capaian_proyeksi, on_track",
    [
        ("7,5", 106.67, True),   # titik (2020, 10), (2021, 9,5), (2022, 9): proyeksi 2026 = 10 - 0,5 x 6 = 7
                                 # (2 x 7,5 - 7) / 7,5 x 100 = 8 / 7,5 x 100 = 106,67
        ("7", 100.0, True),      # (14 - 7) / 7 x 100 = 100 tepat -> masih on track
        ("6", 83.33, False),     # (12 - 7) / 6 x 100 = 83,33
    ],
)
def test_on_track_negatif(db_kosong, tmp_path, target_akhir, capaian_proyeksi, on_track):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("MISKIN", polaritas="negatif", kondisi_awal="10", tahun_kondisi_awal="2020",
                       target_akhir=target_akhir)],
        realisasi=[rea("MISKIN", 2021, "9,5"), rea("MISKIN", 2022, "9")],
    )
    p = periode_dari(db_kosong, "MISKIN")
    assert p["proyeksi"] == pytest.approx(7.0, abs=1e-6)
    assert p["capaian_proyeksi"] == capaian_proyeksi
    assert p["on_track"] is on_track


@pytest.mark.parametrize(
    "target_akhir, on_track",
    [
        ("75", True),   # proyeksi 76 (garis 70, 71, 72 -> 2026: 76); 76 / 75 = 101,33
        ("80", False),  # 76 / 80 = 95,00
    ],
)
def test_on_track_positif(db_kosong, tmp_path, target_akhir, on_track):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("IPM", kondisi_awal="70", tahun_kondisi_awal="2020", target_akhir=target_akhir)],
        realisasi=[rea("IPM", 2021, "71"), rea("IPM", 2022, "72")],
    )
    assert periode_dari(db_kosong, "IPM")["on_track"] is on_track


@pytest.mark.parametrize(
    "target_akhir, capaian_proyeksi, on_track",
    [
        ("60", 100.0, True),    # 60 / 60 x 100
        ("70", 85.71, False),   # 60 / 70 x 100 = 85,714...
    ],
)
def test_proyeksi_kumulatif_laju_rata_rata_dengan_tahun_berjalan(db_kosong, tmp_path, target_akhir,
                                                                 capaian_proyeksi, on_track):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("JALAN", agregasi="kumulatif", kondisi_awal="1000", tahun_kondisi_awal="2020",
                       target_akhir=target_akhir)],
        realisasi=[
            rea("JALAN", 2021, "10"), rea("JALAN", 2022, "10"),
            rea("JALAN", 2023, "2,5", "TW1"), rea("JALAN", 2023, "2,5", "TW2"),
        ],
    )
    p = periode_dari(db_kosong, "JALAN")
    # jumlah 10 + 10 + 5 = 25 selama 1 + 1 + 2/4 = 2,5 tahun setara -> 10 per tahun
    # x 6 tahun (2021-2026) = 60; kondisi awal 1000 tidak ikut
    assert p["proyeksi"] == pytest.approx(60.0, abs=1e-9)
    assert p["metode_proyeksi"] == "laju rata-rata"
    assert p["capaian_proyeksi"] == capaian_proyeksi
    assert p["on_track"] is on_track


def test_proyeksi_periode_lima_tahun(db_kosong, tmp_path):
    # panjang periode tidak dikodekan: 2025-2029 = 5 tahun
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("JALAN", agregasi="kumulatif", periode_rpjmd="2025-2029", target_akhir="100")],
        realisasi=[rea("JALAN", 2025, "12", periode_rpjmd="2025-2029")],
    )
    p = periode_dari(db_kosong, "JALAN")
    assert p["proyeksi"] == pytest.approx(60.0, abs=1e-9)  # 12 / 1 tahun x 5 tahun
    assert p["on_track"] is False  # 60 / 100


# ---------------------------------------------------------------------------------------------------
# Capaian s.d. triwulan
# ---------------------------------------------------------------------------------------------------

def test_capaian_triwulan_kumulatif_dan_akhir(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("KUM", agregasi="kumulatif"), ind("AKH", agregasi="akhir")],
        target=[tgt("KUM", 2023, "100"), tgt("AKH", 2023, "7")],
        realisasi=[
            rea("KUM", 2023, "10", "TW1"), rea("KUM", 2023, "20", "TW2"),
            rea("KUM", 2023, "30", "TW3", status="sementara"),
            rea("KUM", 2023, "999", "TAHUN"),  # angka tahunan tidak ikut capaian_triwulan
            rea("AKH", 2023, "5", "TW1"), rea("AKH", 2023, "7", "TW3"),  # TW2 tidak ada
        ],
    )
    kum = baris(db_kosong, "SELECT triwulan, periode, realisasi, capaian, status FROM capaian_triwulan "
                           "WHERE indikator_kode = 'KUM' ORDER BY triwulan")
    assert kum == [
        {"triwulan": 1, "periode": "TW1", "realisasi": 10.0, "capaian": 10.0, "status": "tetap"},      # 10
        {"triwulan": 2, "periode": "TW2", "realisasi": 30.0, "capaian": 30.0, "status": "tetap"},      # 10 + 20
        {"triwulan": 3, "periode": "TW3", "realisasi": 60.0, "capaian": 60.0, "status": "sementara"},  # 10+20+30
    ]
    akh = baris(db_kosong, "SELECT triwulan, realisasi, capaian, predikat FROM capaian_triwulan "
                           "WHERE indikator_kode = 'AKH' ORDER BY triwulan")
    assert akh == [
        {"triwulan": 1, "realisasi": 5.0, "capaian": 71.43, "predikat": "Sedang"},        # 5 / 7 x 100 = 71,428...
        {"triwulan": 3, "realisasi": 7.0, "capaian": 100.0, "predikat": "Sangat Tinggi"},  # 7 / 7 x 100
    ]


# ---------------------------------------------------------------------------------------------------
# Uji data: integritas basis data hasil impor
# ---------------------------------------------------------------------------------------------------

@pytest.fixture
def db_impor(db_kosong, tmp_path):
    """Basis data berisi beberapa daerah, periode, urusan (dan lintas urusan) lewat dua impor."""
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[
            ind("IPM", kondisi_awal="70", tahun_kondisi_awal="2020", target_akhir="75", urusan_kode=None),
            ind("APM", urusan_kode="1.01"),
            ind("MISKIN", polaritas="negatif", urusan_kode=None),
            ind("PE", polaritas="rentang", target_akhir="5,5 - 6,5", urusan_kode=None),
            ind("JALAN", agregasi="kumulatif", urusan_kode="1.03"),
            ind("OPINI", polaritas="teks", urusan_kode="5.01"),
            ind("IPM", periode_rpjmd="2016-2021", urusan_kode=None),
            ind("IPM", daerah_kode="65", urusan_kode=None),
            ind("TPT", daerah_kode="65.71", polaritas="negatif", urusan_kode="2.07"),
        ],
        target=[tgt("IPM", t, str(70 + t - 2020), periode_rpjmd="2021-2026") for t in range(2021, 2027)]
        + [tgt("IPM", 2016, "66", periode_rpjmd="2016-2021"), tgt("PE", 2023, "5 - 6"),
           tgt("OPINI", 2023, "WTP"), tgt("TPT", 2023, "5", daerah_kode="65.71"),
           tgt("IPM", 2023, "73", daerah_kode="65")],
        realisasi=[rea("IPM", 2021, "71", periode_rpjmd="2021-2026"),
                   rea("IPM", 2021, "69", periode_rpjmd="2016-2021"),
                   rea("JALAN", 2023, "3", "TW1"), rea("JALAN", 2023, "4", "TW2"),
                   rea("OPINI", 2023, "WDP"), rea("TPT", 2023, "4,8", daerah_kode="65.71")],
    )
    impor_kasus(db_kosong, tmp_path, realisasi=[rea("APM", 2022, "95,5"), rea("MISKIN", 2022, "6,1")])
    return db_kosong


def test_data_urusan_ada(db_impor):
    yatim = db_impor.execute(
        "SELECT i.daerah_kode, i.kode, i.urusan_kode FROM indikator i "
        "WHERE i.urusan_kode IS NOT NULL AND i.urusan_kode NOT IN (SELECT kode FROM urusan)"
    ).fetchall()
    assert yatim == []
    assert db_impor.execute("SELECT count(*) FROM indikator WHERE urusan_kode IS NULL").fetchone()[0] > 0


KUNCI_PRIMER = {
    "daerah": ["kode"],
    "urusan": ["kode"],
    "periode": ["id"],
    "indikator": ["id"],
    "target": ["indikator_id", "tahun", "dokumen"],
    "realisasi": ["indikator_id", "tahun", "periode"],
    "skala_predikat": ["predikat"],
    "pengaturan": ["kunci"],
    "riwayat": ["id"],
    "impor": ["id"],
}


@pytest.mark.parametrize("tabel, kunci", KUNCI_PRIMER.items(), ids=list(KUNCI_PRIMER))
def test_data_kunci_unik(db_impor, tabel, kunci):
    k = ", ".join(kunci)
    dobel = db_impor.execute(f"SELECT {k}, count(*) FROM {tabel} GROUP BY {k} HAVING count(*) > 1").fetchall()
    assert dobel == []
    assert db_impor.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0] > 0


def test_data_indikator_unik_per_daerah_periode(db_impor):
    dobel = db_impor.execute(
        "SELECT daerah_kode, periode_id, kode FROM indikator GROUP BY ALL HAVING count(*) > 1"
    ).fetchall()
    assert dobel == []
    # kode yang sama boleh ada di periode atau daerah lain
    assert db_impor.execute("SELECT count(*) FROM indikator WHERE kode = 'IPM'").fetchone()[0] == 3


@pytest.mark.parametrize("tabel", ["target", "realisasi"])
def test_data_tahun_dalam_periode(db_impor, tabel):
    di_luar = db_impor.execute(
        f"SELECT i.kode, p.tahun_awal, p.tahun_akhir, x.tahun FROM {tabel} x "
        "JOIN indikator i ON i.id = x.indikator_id JOIN periode p ON p.id = i.periode_id "
        "WHERE x.tahun NOT BETWEEN p.tahun_awal AND p.tahun_akhir"
    ).fetchall()
    assert di_luar == []
    assert db_impor.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0] > 0


def test_data_indikator_sesuai_daerah_periode(db_impor):
    beda = db_impor.execute(
        "SELECT i.kode FROM indikator i JOIN periode p ON p.id = i.periode_id WHERE p.daerah_kode <> i.daerah_kode"
    ).fetchall()
    assert beda == []


def test_data_satu_baris_capaian_per_indikator_tahun(db_impor):
    dobel = db_impor.execute(
        "SELECT indikator_id, tahun FROM capaian_tahunan GROUP BY ALL HAVING count(*) > 1"
    ).fetchall()
    assert dobel == []
    n_ind = db_impor.execute("SELECT count(*) FROM indikator").fetchone()[0]
    assert db_impor.execute("SELECT count(*) FROM capaian_periode").fetchone()[0] == n_ind


# ---------------------------------------------------------------------------------------------------
# Kekeliruan yang pernah ada di aturan.sql dan sudah diperbaiki (uji regresi)
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "polaritas, target, realisasi, capaian, predikat",
    [
        # (2 x 60 - 74,403) / 60 x 100 = 45,597 / 60 x 100 = 75,995 -> 76,00 (setengah ke atas)
        ("negatif", "60", "74,403", 76.0, "Tinggi"),
        # 5,4597 / 6 x 100 = 0,90995 x 100 = 90,995 -> 91,00
        ("positif", "6", "5,4597", 91.0, "Sangat Tinggi"),
        # 107,07 / 344 x 100 = 31,125 -> 31,13
        ("positif", "344", "107,07", 31.13, "Sangat Rendah"),
    ],
)
def test_pembulatan_setengah_ke_atas_seperti_tangan(db_kosong, tmp_path, polaritas, target, realisasi,
                                                    capaian, predikat):
    r = kasus(db_kosong, tmp_path, polaritas, target, realisasi)
    assert r["capaian"] == capaian
    assert r["predikat"] == predikat


def test_status_akhir_hanya_dari_triwulan_yang_dipakai(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("AKH", agregasi="akhir")],
        realisasi=[rea("AKH", 2023, "5", "TW1", status="sementara"), rea("AKH", 2023, "6", "TW3", status="tetap")],
    )
    r = capaian_tahun(db_kosong, "AKH", 2023)
    assert r["realisasi"] == 6.0  # TW3 saja yang dipakai
    assert r["status"] == "tetap"  # TW1 (sementara) tidak dipakai


def test_status_triwulan_akhir_hanya_dari_triwulan_yang_dipakai(db_kosong, tmp_path):
    impor_kasus(
        db_kosong, tmp_path,
        indikator=[ind("AKH", agregasi="akhir")],
        realisasi=[rea("AKH", 2023, "5", "TW1", status="sementara"), rea("AKH", 2023, "6", "TW3", status="tetap")],
    )
    rows = baris(db_kosong, "SELECT triwulan, realisasi, status FROM capaian_triwulan "
                            "WHERE indikator_kode = 'AKH' ORDER BY triwulan")
    assert rows == [
        {"triwulan": 1, "realisasi": 5.0, "status": "sementara"},
        {"triwulan": 3, "realisasi": 6.0, "status": "tetap"},
    ]
