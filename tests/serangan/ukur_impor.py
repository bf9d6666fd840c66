"""Ukur memori puncak pemeriksaan impor satu berkas di proses sendiri (dipanggil tests/serangan/test_unggahan.py):

    python -m tests.serangan.ukur_impor BASIS_DATA BERKAS

Basis data dibuka hanya-baca (pemeriksaan tidak boleh menulis apa pun). Proses dipanaskan dulu dengan berkas
kecil yang sah (semua modul pembaca dan pemeriksa termuat); "diam" = RSS sesudahnya. Puncak RSS proses (VmHWM)
dikosongkan sesudah pemanasan (``5`` ke /proc/self/clear_refs, Linux >= 4.0), jadi "puncak" = RSS tertinggi
selama memeriksa berkas itu saja; bila tidak dapat dikosongkan, ru_maxrss seluruh proses (lebih besar).
Mencetak satu baris JSON: diam_mb, puncak_mb, di_atas_diam_mb, detik, ditolak, pesan.
"""
from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path


def _status_kb(kunci: str) -> int:
    for baris in open("/proc/self/status"):
        if baris.startswith(kunci + ":"):
            return int(baris.split()[1])
    raise RuntimeError(f"{kunci} tidak terbaca")


def _kosongkan_puncak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def main(db: str, berkas: str) -> dict:
    from pantau.db import buka
    from pantau.impor import ImporGagal, siapkan_impor

    con = buka(db, baca_saja=True)
    with tempfile.TemporaryDirectory() as d:
        pemanas = Path(d) / "realisasi.csv"
        pemanas.write_text("daerah_kode,indikator_kode,tahun,periode,realisasi\n65.01,IKU-01,2024,TW1,1\n")
        try:
            siapkan_impor(con, pemanas)
        except ImporGagal:
            pass
        import openpyxl.reader.excel  # noqa: F401 (pembaca .xlsx ikut termuat)
    import gc

    gc.collect()
    bersih = _kosongkan_puncak()
    diam = _status_kb("VmRSS")
    mulai = time.perf_counter()
    ditolak, pesan = False, ""
    try:
        siapkan_impor(con, berkas)
    except ImporGagal as e:
        ditolak, pesan = True, str(e)
    detik = time.perf_counter() - mulai
    puncak = _status_kb("VmHWM") if bersih else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    con.close()
    return {"diam_mb": round(diam / 1024, 1), "puncak_mb": round(puncak / 1024, 1),
            "di_atas_diam_mb": round((puncak - diam) / 1024, 1), "detik": round(detik, 2), "ditolak": ditolak,
            "pesan": pesan}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2]), ensure_ascii=False))
