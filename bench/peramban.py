"""Waktu halaman di Chromium headless terhadap server yang baru dinyalakan: navigasi -> grafik pertama
terlihat (dingin, lalu hangat) dan ganti filter -> tampilan diperbarui. Median, min, maks dari N kali.

    .venv/bin/python -m bench.peramban --db data/pantau.duckdb --url "/?provinsi=65&daerah=65&tahun=2025" \\
        --pilih Daerah "Kabupaten Malinau"

Mencetak angka; bukan uji waktu. Berkas basis data disalin dulu (server memegang kunci tulis).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import ARGS, CHROMIUM, hentikan, mulai_server, pilih, tunggu_siap

GRAFIK = '[data-testid="stPlotlyChart"] .main-svg'


def ringkas(nama: str, nilai: list[float]) -> None:
    print(f"{nama:44s} median {statistics.median(nilai):6.2f} s   min {min(nilai):6.2f}   maks {max(nilai):6.2f}"
          f"   (n={len(nilai)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--url", default="/")
    ap.add_argument("--pilih", nargs=2, metavar=("LABEL", "OPSI"), default=None)
    ap.add_argument("--pilih2", nargs=2, metavar=("LABEL", "OPSI"), default=None,
                    help="opsi kedua untuk bolak-balik (bawaan: kembali ke nilai awal)")
    ap.add_argument("--ulang", type=int, default=5)
    a = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    db = folder / "pantau.duckdb"
    shutil.copy(a.db, db)
    dingin, hangat, ganti = [], [], []
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for i in range(a.ulang):
            s = mulai_server(db, folder / f"server{i}.log")
            try:
                for daftar in (dingin, hangat):
                    ctx = b.new_context(viewport={"width": 1920, "height": 1080}, locale="id-ID")
                    page = ctx.new_page()
                    t = time.perf_counter()
                    page.goto(s.url + a.url)
                    page.wait_for_selector(GRAFIK, timeout=120_000)
                    daftar.append(time.perf_counter() - t)
                    tunggu_siap(page)
                    if a.pilih and daftar is hangat:
                        awal = page.get_by_role("combobox", name=a.pilih[0], exact=True).input_value()
                        for label, opsi in (a.pilih, a.pilih2 or (a.pilih[0], awal)):
                            t = time.perf_counter()
                            pilih(page, label, opsi)
                            page.wait_for_selector(GRAFIK)
                            ganti.append(time.perf_counter() - t)
                    ctx.close()
            finally:
                hentikan(s)
        b.close()
    print(f"basis data: {a.db}   halaman: {a.url}")
    ringkas("grafik pertama, server baru (dingin)", dingin)
    ringkas("grafik pertama, server hangat", hangat)
    if ganti:
        ringkas(f"ganti {a.pilih[0]} -> tampilan diperbarui", ganti)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
