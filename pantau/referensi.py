"""Data rujukan: daerah, urusan, nomenklatur program/sub kegiatan, skala predikat dan pengaturan bawaan."""
from __future__ import annotations

import duckdb

from pantau.db import ROOT

REFERENSI_DIR = ROOT / "data" / "referensi"

#: Skala Permendagri 86/2017. Warna Okabe-Ito (aman buta warna); simbol agar tidak bergantung warna.
SKALA_PREDIKAT = [
    # predikat, batas bawah (inklusif), urutan, warna, simbol
    ("Sangat Rendah", 0.0, 1, "#D55E00", "▼▼"),
    ("Rendah", 51.0, 2, "#E69F00", "▼"),
    ("Sedang", 66.0, 3, "#F0E442", "●"),
    ("Tinggi", 76.0, 4, "#56B4E9", "▲"),
    ("Sangat Tinggi", 91.0, 5, "#0072B2", "▲▲"),
]

PENGATURAN = [
    ("rumus_negatif", "2T-R",
     "Rumus capaian indikator negatif: '2T-R' ((2T - R) / T x 100) atau 'T/R' (T / R x 100)."),
    ("baca_perlu_masuk", "ya", "Apakah membaca dasbor memerlukan masuk (ya/tidak)."),
    ("menit_sesi", "60", "Menit tanpa aktivitas sebelum sesi masuk berakhir."),
    ("kuadran_batas_kinerja", "91",
     "Kuadran kinerja-anggaran: rata-rata capaian kinerja (%) yang dianggap efektif (bawaan: batas predikat "
     "Sangat Tinggi)."),
    ("kuadran_batas_serapan", "90",
     "Kuadran kinerja-anggaran: serapan anggaran setahun (%) yang dianggap tinggi."),
    ("kuadran_batas_serapan_triwulan", "15;40;60",
     "Kuadran kinerja-anggaran, tahun berjalan: serapan kumulatif (%) yang dianggap tinggi s.d. Triwulan I;II;III "
     "(belanja daerah menumpuk di akhir tahun, jadi batasnya tidak sebanding lurus dengan triwulan)."),
]


def isi_nomenklatur(con: duckdb.DuckDBPyConnection) -> None:
    """Isi tabel program dan sub_kegiatan bila masih kosong (idempoten; juga untuk basis data yang
    dimigrasikan dari versi sebelum tabel itu ada). Berjalan pada ``con`` itu sendiri (bukan cursor baru),
    sehingga ikut transaksi pasang_skema yang baru membuat tabelnya."""
    if con.execute("SELECT count(*) FROM program").fetchone()[0] == 0:
        con.execute(
            "INSERT INTO program SELECT kode, nama, bidang_urusan_kode "
            "FROM read_csv($path, all_varchar = true, header = true)",
            {"path": str(REFERENSI_DIR / "program.csv")},
        )
    if con.execute("SELECT count(*) FROM sub_kegiatan").fetchone()[0] == 0:
        con.execute(
            "INSERT INTO sub_kegiatan SELECT kode, nama, kegiatan_kode, kegiatan_nama, program_kode "
            "FROM read_csv($path, all_varchar = true, header = true)",
            {"path": str(REFERENSI_DIR / "sub_kegiatan.csv")},
        )


def isi_bawaan_skema(con: duckdb.DuckDBPyConnection) -> None:
    """Nomenklatur dan pengaturan bawaan yang belum ada (idempoten). Dipanggil ``pasang_skema`` setiap kali,
    sehingga basis data lama mendapat tabel/kunci yang ditambahkan versi baru (mis. migrasi 004, batas kuadran
    per triwulan) tanpa kasus khusus per versi; pengaturan yang sudah diubah admin tidak disentuh."""
    isi_nomenklatur(con)
    for kunci, nilai, ket in PENGATURAN:
        con.execute("INSERT INTO pengaturan VALUES ($k, $v, $ket) ON CONFLICT (kunci) DO NOTHING",
                    {"k": kunci, "v": nilai, "ket": ket})


def isi_referensi(con: duckdb.DuckDBPyConnection) -> None:
    """Isi tabel rujukan bila masih kosong (idempoten)."""
    cur = con.cursor()
    if cur.execute("SELECT count(*) FROM daerah").fetchone()[0] == 0:
        cur.execute(
            """
            INSERT INTO daerah
            SELECT kode, nullif(kode_bps, ''), nama, jenis, nullif(kode_induk, ''),
                   TRY_CAST(penduduk AS BIGINT), TRY_CAST(luas_km2 AS DOUBLE)
            FROM read_csv($path, all_varchar = true, header = true)
            ORDER BY length(kode), kode
            """,
            {"path": str(REFERENSI_DIR / "daerah.csv")},
        )
    if cur.execute("SELECT count(*) FROM urusan").fetchone()[0] == 0:
        cur.execute(
            """
            INSERT INTO urusan
            SELECT kode, nama, nama_resmi, kelompok_kode, kelompok
            FROM read_csv($path, all_varchar = true, header = true)
            """,
            {"path": str(REFERENSI_DIR / "urusan.csv")},
        )
    if cur.execute("SELECT count(*) FROM skala_predikat").fetchone()[0] == 0:
        cur.executemany("INSERT INTO skala_predikat VALUES (?, ?, ?, ?, ?)", SKALA_PREDIKAT)
    cur.close()
    isi_bawaan_skema(con)


def siapkan(path, baca_perlu_masuk: bool = True) -> None:
    """Buat basis data kosong dengan skema dan data rujukan (perintah ``init``)."""
    from pantau.db import buka, pasang_skema

    con = buka(path)
    try:
        pasang_skema(con)
        isi_referensi(con)
        con.execute(
            "UPDATE pengaturan SET nilai = $v WHERE kunci = 'baca_perlu_masuk'",
            {"v": "ya" if baca_perlu_masuk else "tidak"},
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
