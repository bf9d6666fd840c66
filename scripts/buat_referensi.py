"""Maintainer tool: copy the reference data Pantau needs from the shared data folder.

Run once when the shared sources change (``python scripts/buat_referensi.py /path/to/shared/data``).
The product itself reads only ``data/referensi/``; see ``data/referensi/SUMBER.md``.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "referensi"

# Small words stay lower case in titles, as the nomenclature writes them.
KECIL = {"dan", "dengan", "serta", "atas", "di", "ke", "dari", "yang", "pada", "untuk"}
SINGKATAN = {"DPRD", "UKM"}


def judul(teks: str) -> str:
    kata = []
    for i, w in enumerate(teks.lower().split()):
        if w.upper().strip(",") in SINGKATAN:
            kata.append(w.upper())
        elif i > 0 and w in KECIL:
            kata.append(w)
        else:
            kata.append(w[:1].upper() + w[1:])
    return " ".join(kata)


def main(shared: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(shared / "wilayah" / "kode_wilayah_kemendagri_prov_kabkota.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(OUT / "daerah.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kode", "kode_bps", "nama", "jenis", "kode_induk", "penduduk", "luas_km2"])
        for r in rows:
            w.writerow([r["kode"], r["kode_bps"], r["nama"], r["jenis"], r["kode_induk"],
                        r["penduduk_total"], r["luas_km2"]])

    with open(shared / "nomenklatur" / "urusan_bidang_urusan.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    kelompok = {r["kode"]: judul(r["nama"]) for r in rows if r["tingkat"] == "urusan"}
    with open(OUT / "urusan.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kode", "nama", "nama_resmi", "kelompok_kode", "kelompok"])
        for r in rows:
            if r["tingkat"] != "bidang_urusan" or r["kode"] == "X.XX":
                continue
            nama = r["nama"].removeprefix("URUSAN PEMERINTAHAN BIDANG ")
            w.writerow([r["kode"], judul(nama), r["nama"], r["kode_induk"], kelompok[r["kode_induk"]]])
    print("ditulis:", OUT / "daerah.csv", OUT / "urusan.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
