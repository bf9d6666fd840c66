"""Waktu dan memori membaca ekspor SIPD-RI (pantau.impor.sipd.baca_sipd, tanpa menulis ke basis data), dan waktu
impor penuh (baca + periksa + tulis dalam satu transaksi dengan riwayat, pantau.impor.sipd_tulis.impor_sipd) ke
basis data kosong buatan ``init`` dan impor ulang berkas yang sama (semua baris dibandingkan, tidak ada yang berubah).

    .venv/bin/python -m bench.sipd              # Renja sekabupaten (~2.200 entri) dan rekap ~7.000 baris
    .venv/bin/python -m bench.sipd --ulang 3

Kasus:
- renja: contoh nyata tests/data/sipd (124 entri, 24 unit) disalin 18 kali sebagai SKPD berkode lain
  (2.232 entri, 432 unit), satu Renja lampiran dan satu daftar pagu per SKPD, ditambah daftar SKPD (37 berkas);
- rekap: rekap xlsx buatan tests/bantuan_sipd.rekap_realistis (6.968 baris, 46 SKPD).
Setiap kasus diukur di proses Python tersendiri: waktu dinding (median, min, maks dari --ulang kali), puncak
memori Python (tracemalloc, putaran terpisah karena tracemalloc memperlambat) dan kenaikan RSS puncak proses
di atas RSS sesudah impor modul (ru_maxrss); lalu impor penuh (median dari --ulang kali, setiap kali ke salinan
basis data kosong; tanpa cadangan, yang pada basis data kosong hanya menyalin berkas kecil) dan impor ulang.
Mencetak angka; bukan uji waktu.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ukur(kasus: str, folder: Path, ulang: int) -> dict:
    """Dijalankan di proses anak: satu kasus, hasil sebagai JSON."""
    import tracemalloc

    from pantau.impor.sipd import baca_sipd

    paths = sorted(folder.iterdir())
    rss_awal = _rss_mb()
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        hasil = baca_sipd(paths, daerah="17.03", tahun=2026)
        waktu.append(time.perf_counter() - t)
    rss_puncak = _rss_mb()
    tracemalloc.start()
    baca_sipd(paths, daerah="17.03", tahun=2026)
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # impor penuh ke basis data kosong, lalu impor ulang yang sama
    import shutil

    from pantau.db import buka, siapkan
    from pantau.impor.sipd_tulis import impor_sipd

    kosong = folder.parent / f"kosong-{kasus}.duckdb"
    siapkan(kosong, baca_perlu_masuk=False)
    waktu_impor, waktu_ulang = [], []
    for i in range(ulang):
        db = folder.parent / f"impor-{kasus}-{i}.duckdb"
        shutil.copyfile(kosong, db)
        con = buka(db)
        try:
            t = time.perf_counter()
            impor_sipd(con, paths, daerah="17.03", tahun=2026, oleh="bench")
            waktu_impor.append(time.perf_counter() - t)
            t = time.perf_counter()
            impor_sipd(con, paths, daerah="17.03", tahun=2026, oleh="bench")
            waktu_ulang.append(time.perf_counter() - t)
            riwayat = con.execute("SELECT count(*) FROM riwayat").fetchone()[0]
        finally:
            con.close()
    r = hasil.ringkasan
    return {"waktu_impor": waktu_impor, "waktu_ulang": waktu_ulang, "riwayat": riwayat,
            "kasus": kasus, "berkas": len(paths), "bita": sum(p.stat().st_size for p in paths),
            "entri": sum(b.jumlah_entri for b in r.berkas), "baris": r.jumlah_baris, "unit": r.jumlah_unit,
            "waktu": waktu, "puncak_python_mb": puncak / 1024 / 1024, "rss_naik_mb": rss_puncak - rss_awal,
            "rss_puncak_mb": rss_puncak}


def siapkan(folder: Path) -> dict[str, Path]:
    from tests.bantuan_sipd import rekap_realistis, renja_kabupaten, tulis_rekap

    renja = folder / "renja"
    renja_kabupaten(renja, salinan=18)
    rekap = folder / "rekap"
    rekap.mkdir()
    tulis_rekap(rekap / "rekap_sipd.xlsx", rekap_realistis().baris)
    return {"renja": renja, "rekap": rekap}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--ukur", nargs=2, metavar=("KASUS", "FOLDER"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.ukur:
        print(json.dumps(ukur(a.ukur[0], Path(a.ukur[1]), a.ulang)))
        return
    with tempfile.TemporaryDirectory(prefix="pantau-bench-sipd-") as tmp:
        t = time.perf_counter()
        kasus = siapkan(Path(tmp))
        print(f"Bahan dibangun dalam {time.perf_counter() - t:.1f} s (tidak termasuk ukuran di bawah)")
        print(f"{'kasus':7s} {'berkas':>6s} {'MB':>6s} {'entri':>6s} {'baris':>6s} {'unit':>5s} "
              f"{'median s':>9s} {'min':>6s} {'maks':>6s} {'puncak Python MB':>17s} {'RSS naik MB':>12s}")
        hasil_impor = []
        for nama, folder in kasus.items():
            keluar = subprocess.run([sys.executable, "-m", "bench.sipd", "--ulang", str(a.ulang), "--ukur", nama,
                                     str(folder)], cwd=ROOT, check=True, capture_output=True, text=True)
            h = json.loads(keluar.stdout.strip().splitlines()[-1])
            w = h["waktu"]
            print(f"{nama:7s} {h['berkas']:6d} {h['bita'] / 1024 / 1024:6.1f} {h['entri']:6d} {h['baris']:6d} "
                  f"{h['unit']:5d} {statistics.median(w):9.2f} {min(w):6.2f} {max(w):6.2f} "
                  f"{h['puncak_python_mb']:17.1f} {h['rss_naik_mb']:12.1f}")
            hasil_impor.append((nama, h))
        print()
        print(f"{'kasus':7s} {'baris':>6s} {'riwayat':>8s} {'impor median s':>15s} {'min':>6s} {'maks':>6s} "
              f"{'impor ulang median s':>21s}")
        for nama, h in hasil_impor:
            w, u = h["waktu_impor"], h["waktu_ulang"]
            print(f"{nama:7s} {h['baris']:6d} {h['riwayat']:8d} {statistics.median(w):15.2f} {min(w):6.2f} "
                  f"{max(w):6.2f} {statistics.median(u):21.2f}")


if __name__ == "__main__":
    main()
