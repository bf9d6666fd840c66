"""Waktu setiap berkas queries/*.sql (median, min, maks dari N kali) pada sebuah basis data.

    .venv/bin/python -m bench.kueri --db /tmp/pantau-nasional.duckdb --daerah 35 --daerah 65
    (basis data nasional: .venv/bin/python -m pantau demo --skala nasional --db /tmp/pantau-nasional.duckdb)

Mencetak angka; bukan uji waktu.
"""
from __future__ import annotations

import argparse
import statistics
import time

from bench.jalankan import parameter
from pantau.db import buka, jalankan, parameter_kueri, pasang_skema, teks_kueri
from pantau.jalur import QUERIES_DIR


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
        p = parameter(con, daerah, a.tahun)
        for f in sorted(QUERIES_DIR.glob("*.sql")):
            perlu = parameter_kueri(teks_kueri(f.stem))
            if not perlu <= p.keys():
                print(f"{f.stem:28s} dilewati: parameter {sorted(perlu - p.keys())} belum dikenal bench")
                continue
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
