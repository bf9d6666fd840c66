"""Skema basis data: migrasi bernomor (``pantau/db/migrasi``), aturan domain (``pantau/aturan/aturan.sql``),
data rujukan dan pengaturan bawaan, dan basis data kosong untuk perintah ``init``."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pantau import __version__
from pantau.aturan import pengaturan, rujukan
from pantau.db.koneksi import BasisDataTakTerbuka, buka, transaksi
from pantau.jalur import ATURAN_SQL, MIGRASI_DIR


def migrasi() -> list[Path]:
    """Berkas migrasi berurutan; versi skema = jumlah migrasi."""
    return sorted(MIGRASI_DIR.glob("[0-9][0-9][0-9]_*.sql"))


SCHEMA_VERSION = len(migrasi())


def versi_skema(con: duckdb.DuckDBPyConnection) -> int:
    ada = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not ada:
        return 0
    row = con.execute("SELECT nilai FROM meta WHERE kunci = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def pasang_skema(con: duckdb.DuckDBPyConnection) -> int:
    """Jalankan migrasi yang belum terpasang dan buat ulang view aturan, dalam satu transaksi.

    Mengembalikan versi skema sesudahnya.
    """
    sekarang = versi_skema(con)
    berkas = migrasi()
    if sekarang > len(berkas):
        raise BasisDataTakTerbuka(
            "versi", f"Basis data ini berversi skema {sekarang}, lebih baru dari Pantau ini ({len(berkas)}). "
            "Perbarui Pantau."
        )
    with transaksi(con):
        for f in berkas[sekarang:]:
            con.execute(f.read_text(encoding="utf-8"))
        con.execute(pengaturan.sql_bawaan())  # nilai bawaan pengaturan, satu daftar di pantau/aturan/pengaturan.py
        con.execute(ATURAN_SQL.read_text(encoding="utf-8"))
        rujukan.isi_bawaan_skema(con)  # nomenklatur dan pengaturan bawaan yang belum ada (basis data lama maupun baru)
        waktu = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        meta = {
            "schema_version": str(len(berkas)),
            "pantau_version": __version__,
            "duckdb_version": duckdb.__version__,
            "diperbarui_pada": waktu,
        }
        if sekarang == 0:
            meta["dibuat_pada"] = waktu
        for k, v in meta.items():
            con.execute(
                "INSERT INTO meta VALUES ($k, $v) ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
                {"k": k, "v": v},
            )
    return len(berkas)




def siapkan(path, baca_perlu_masuk: bool = True) -> None:
    """Buat basis data kosong dengan skema dan data rujukan (perintah ``init``)."""
    con = buka(path)
    try:
        pasang_skema(con)
        rujukan.isi_referensi(con)
        con.execute(
            "UPDATE pengaturan SET nilai = $v WHERE kunci = 'baca_perlu_masuk'",
            {"v": "ya" if baca_perlu_masuk else "tidak"},
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
