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
            kata.append("/".join(b[:1].upper() + b[1:] for b in w.split("/")))
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
    # Nomenklatur program dan sub kegiatan (untuk menamai kode sub kegiatan di dukungan).
    with open(shared / "nomenklatur" / "program_kabkota_kepmendagri_050_5889.csv", encoding="utf-8") as f:
        program = {r["kode_program"]: (judul(r["nama_program"]), r["kode_bidang_urusan"]) for r in csv.DictReader(f)}
    with open(shared / "nomenklatur" / "subkegiatan_sipd_2026_kab_bengkulu_utara.csv", encoding="utf-8") as f:
        sub = list(csv.DictReader(f))
    for r in sub:  # program penunjang per bidang (x.xx.01) hanya ada di irisan SIPD
        program.setdefault(r["kode_program"], (judul(r["nama_program"]), r["kode_bidang_urusan"]))
    with open(OUT / "program.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kode", "nama", "bidang_urusan_kode"])
        for kode in sorted(program):
            w.writerow([kode, *program[kode]])
    with open(OUT / "sub_kegiatan.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kode", "nama", "kegiatan_kode", "kegiatan_nama", "program_kode"])
        seen = set()
        for r in sorted(sub, key=lambda r: r["kode_sub_kegiatan"]):
            if r["kode_sub_kegiatan"] in seen:
                continue
            seen.add(r["kode_sub_kegiatan"])
            w.writerow([r["kode_sub_kegiatan"], " ".join(r["nama_sub_kegiatan"].split()), r["kode_kegiatan"],
                        " ".join(r["nama_kegiatan"].split()), r["kode_program"]])
    print("ditulis:", OUT / "daerah.csv", OUT / "urusan.csv", OUT / "program.csv", OUT / "sub_kegiatan.csv")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
