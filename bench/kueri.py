"""Waktu setiap berkas queries/*.sql (median, min, maks dari N kali) pada sebuah basis data.

    .venv/bin/python -m bench.kueri --db /tmp/pantau-nasional.duckdb --daerah 35 --daerah 65
    (basis data nasional: .venv/bin/python -m pantau demo --skala nasional --db /tmp/pantau-nasional.duckdb)

Mencetak angka; bukan uji waktu.
"""
from __future__ import annotations

import argparse
import statistics
import time

from pantau.db import QUERIES_DIR, buka, jalankan, parameter_kueri, pasang_skema, teks_kueri


def parameter_contoh(con, daerah: str, tahun: int) -> dict:
    pid = con.execute("SELECT id FROM periode WHERE daerah_kode = $d ORDER BY tahun_akhir DESC LIMIT 1",
                      {"d": daerah}).fetchone()[0]
    ind = con.execute("SELECT id FROM indikator WHERE daerah_kode = $d AND periode_id = $p ORDER BY kode LIMIT 1",
                      {"d": daerah, "p": pid}).fetchone()[0]
    return {"daerah": daerah, "provinsi": daerah.split(".")[0], "periode_id": pid, "tahun": tahun,
            "batas": 1000, "indikator_id": ind, "dimensi": "urusan",
            "urusan": con.execute("SELECT urusan_kode FROM indikator WHERE daerah_kode = $d AND urusan_kode IS NOT NULL "
                                  "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", {"d": daerah}).fetchone()[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--daerah", action="append", default=None, help="kode daerah (boleh berulang)")
    ap.add_argument("--tahun", type=int, default=2025)
    ap.add_argument("--ulang", type=int, default=7)
    a = ap.parse_args()
    con = buka(a.db)
    pasang_skema(con)
    print(f"{'kueri':28s} {'daerah':7s} {'median ms':>10s} {'min':>8s} {'maks':>8s} {'baris':>7s}")
    for daerah in a.daerah or ["65"]:
        p = parameter_contoh(con, daerah, a.tahun)
        for f in sorted(QUERIES_DIR.glob("*.sql")):
            perlu = parameter_kueri(teks_kueri(f.stem))
            waktu = []
            for _ in range(a.ulang):
                t = time.perf_counter()
                df = jalankan(con, f.stem, **{k: p[k] for k in perlu})
                waktu.append((time.perf_counter() - t) * 1000)
            print(f"{f.stem:28s} {daerah:7s} {statistics.median(waktu):10.1f} {min(waktu):8.1f} {max(waktu):8.1f} "
                  f"{len(df):7d}")
    con.close()


if __name__ == "__main__":
    main()
