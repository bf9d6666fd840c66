"""Data rujukan yang dimuat ke basis data: daerah, urusan, nomenklatur program/sub kegiatan, skala predikat, dan
nilai bawaan pengaturan (dari ``pantau.aturan.pengaturan``). Menerima koneksi; tidak membuka basis data sendiri."""
from __future__ import annotations

import duckdb

from pantau.aturan import pengaturan
from pantau.jalur import REFERENSI_DIR

#: Skala Permendagri 86/2017. Warna Okabe-Ito (aman buta warna); simbol agar tidak bergantung warna.
SKALA_PREDIKAT = [
    # predikat, batas bawah (inklusif), urutan, warna, simbol
    ("Sangat Rendah", 0.0, 1, "#D55E00", "▼▼"),
    ("Rendah", 51.0, 2, "#E69F00", "▼"),
    ("Sedang", 66.0, 3, "#F0E442", "●"),
    ("Tinggi", 76.0, 4, "#56B4E9", "▲"),
    ("Sangat Tinggi", 91.0, 5, "#0072B2", "▲▲"),
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
    for p in pengaturan.DAFTAR:
        con.execute("INSERT INTO pengaturan VALUES ($k, $v, $ket) ON CONFLICT (kunci) DO NOTHING",
                    {"k": p.kunci, "v": p.bawaan, "ket": p.keterangan})


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
