"""Rangkaian ukur Pantau pada skala nasional: satu perintah, satu tabel angka.

    .venv/bin/python -m bench.jalankan                 # membangun/memakai bench/nasional.duckdb
    .venv/bin/python -m bench.jalankan --cepat         # ulangan lebih sedikit (untuk mencoba)
    .venv/bin/python -m bench.jalankan --bagian kueri halaman

Bagian: kueri (setiap queries/*.sql, provinsi kecil 65 dan besar 35), halaman (skrip halaman di AppTest,
dingin dan hangat, porsi SQL / gambar / sisanya, Python per rerun), peramban (Chromium: grafik terakhir tergambar
dan skrip selesai, ganti filter, slide berikutnya; rasio terhadap halaman lantai, bench/halaman_peramban.py),
memori (RSS server dengan 1 dan 20 sesi serentak, dan sesudah mereka pergi), lain (impor 100.000 baris
realisasi, membangun basis data nasional, ekspor PNG, dek PPTX). Setiap angka adalah median beberapa
kali dengan min dan maks, dibandingkan dengan "lantai"-nya (waktu DuckDB kueri yang sama saja).
Hasil dicetak dan ditulis ke bench/RESULTS.md. Ini pengukuran, bukan uji: tidak ada yang gagal.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NASIONAL = ROOT / "bench" / "nasional.duckdb"
HASIL = ROOT / "bench" / "RESULTS.md"
BARIS: list[tuple] = []  # (bagian, nama, median, min, maks, satuan, lantai, catatan)
BEBAN_AWAL = ""


def catat(bagian, nama, nilai: list[float], satuan="ms", lantai=None, catatan=""):
    m = statistics.median(nilai)
    BARIS.append((bagian, nama, m, min(nilai), max(nilai), satuan, lantai, catatan))
    rasio = f"  x{m / lantai:.1f} lantai" if lantai else ""
    print(f"  {nama:58s} {m:9.1f} {satuan:3s} (min {min(nilai):.1f}, maks {max(nilai):.1f}){rasio} {catatan}",
          flush=True)


def ukur(fn, ulang: int) -> list[float]:
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fn()
        hasil.append((time.perf_counter() - t) * 1000)
    return hasil


def siapkan_db(db: Path = DB_NASIONAL) -> Path:
    if not db.exists():
        from pantau.demo.nasional import bangun_nasional

        print(f"Membangun {db} (sekali saja)...", flush=True)
        bangun_nasional(db, laporan=lambda *_: None)
    from pantau.db import buka, pasang_skema

    con = buka(db)
    pasang_skema(con)  # view dan migrasi terbaru, walau berkasnya dibangun versi lama
    con.close()
    return db


def parameter(con, daerah: str, tahun: int = 2025) -> dict:
    pid = con.execute("SELECT id FROM periode WHERE daerah_kode = $d ORDER BY tahun_akhir DESC LIMIT 1",
                      {"d": daerah}).fetchone()[0]
    ind = con.execute("SELECT id FROM indikator WHERE daerah_kode = $d AND periode_id = $p ORDER BY kode LIMIT 1",
                      {"d": daerah, "p": pid}).fetchone()[0]
    urusan = con.execute("SELECT urusan_kode FROM indikator WHERE daerah_kode = $d AND urusan_kode IS NOT NULL "
                         "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", {"d": daerah}).fetchone()[0]
    pri = con.execute("SELECT min(id) FROM prioritas WHERE daerah_kode = $d AND jenis = 'prioritas'",
                      {"d": daerah}).fetchone()[0]
    return {"daerah": daerah, "provinsi": daerah.split(".")[0], "periode_id": pid, "tahun": tahun, "batas": 1000,
            "prioritas": pri or 0,
            "indikator_id": ind, "urusan": urusan, "indikator_kode": "N-001",
            # saringan halaman Daerah: tanpa saringan (kasus terberat: semua indikator)
            "saring_urusan": [], "saring_predikat": [], "saring_iku": False, "saring_on_track": "",
            "saring_cari": "", "dimensi": "urusan"}


# -- 1. kueri ---------------------------------------------------------------------------------
LANTAI: dict[str, float] = {}


def bagian_kueri(db: Path, ulang: int) -> None:
    from pantau.db import buka, jalankan, parameter_kueri, teks_kueri
    from pantau.jalur import QUERIES_DIR

    print("\n1. Kueri (median ms; parameter provinsi kecil 65 = 6 daerah, besar 35 = 39 daerah)", flush=True)
    con = buka(db)
    for daerah in ("65", "35"):
        p = parameter(con, daerah)
        for f in sorted(QUERIES_DIR.glob("*.sql")):
            perlu = parameter_kueri(teks_kueri(f.stem))
            if not perlu <= p.keys():
                print(f"  {f.stem}: dilewati (parameter {sorted(perlu - p.keys())} belum dikenal bench)")
                continue
            argumen = {k: p[k] for k in perlu}
            jalankan(con, f.stem, **argumen)  # pemanasan
            nilai = ukur(partial(jalankan, con, f.stem, **argumen), ulang)
            LANTAI[(f.stem, daerah)] = statistics.median(nilai)
            catat("kueri", f"{f.stem} [{daerah}]", nilai)
    con.close()


# -- 2. halaman di AppTest ----------------------------------------------------------------------
HALAMAN = [
    ("Ringkasan", None, ("daerah", "35.07")),
    ("Indikator", "pages/1_Indikator.py", ("tahun", 2022)),
    ("Daerah", "pages/2_Daerah.py", ("daerah", "35.07")),
    ("Desk Urusan", "pages/5_Desk_Urusan.py", ("tahun", 2022)),
    ("Kualitas data", "pages/4_Kualitas_Data.py", ("provinsi", "65")),
    ("Laporan", "pages/6_Laporan.py", ("tahun", 2022)),
    ("Usulan", "pages/9_Usulan.py", ("u_status", "tanpa_prioritas")),
]


def bagian_halaman(db: Path, ulang: int) -> None:
    import pandas  # noqa: F401  (dimuat sebelum pengukuran)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import pantau.db as pdb
    import pantau.keluaran.grafik as pg

    print("\n2. Halaman di AppTest (provinsi 35, 2025): seluruh skrip, porsi SQL dan membangun gambar", flush=True)
    os.environ["PANTAU_DB"] = str(db)
    waktu = {"sql": 0.0, "gambar": 0.0, "skrip": 0.0}
    dalam = dict.fromkeys(waktu, 0)  # panggilan bersarang (gambar memanggil tata_letak) dihitung sekali

    def bungkus(modul, nama, kunci):
        asli = getattr(modul, nama)

        def fungsi(*a, **kw):
            if dalam[kunci]:
                return asli(*a, **kw)
            dalam[kunci] += 1
            t = time.perf_counter()
            try:
                return asli(*a, **kw)
            finally:
                dalam[kunci] -= 1
                waktu[kunci] += (time.perf_counter() - t) * 1000

        setattr(modul, nama, fungsi)

    import pantau.db.koneksi as pdk
    import pantau.db.kueri as pdq

    for m in (pdb, pdq, pdk):  # BasisData.tanya (halaman) memanggil nama yang diimpor di pantau.db.koneksi
        bungkus(m, "jalankan", "sql")
    for nama in [n for n in dir(pg) if not n.startswith("_") and callable(getattr(pg, n))
                 and getattr(getattr(pg, n), "__module__", "") == "pantau.keluaran.grafik"]:
        bungkus(pg, nama, "gambar")
    import importlib

    for nama_modul in ("pantau.keluaran.peta", "pantau.keluaran.kuadran"):  # peta Daerah, kuadran kinerja-anggaran
        try:
            pm = importlib.import_module(nama_modul)
        except ImportError:
            continue
        for nama in [n for n in dir(pm) if not n.startswith("_") and callable(getattr(pm, n))
                     and getattr(getattr(pm, n), "__module__", "") == nama_modul]:
            bungkus(pm, nama, "gambar")

    # Waktu skrip halaman di utas skripnya (seperti di server), tanpa biaya AppTest sendiri per instans (penemuan
    # komponen yang membaca metadata paket terpasang, ~45-90 ms, yang di server terjadi sekali saat menyala).
    from streamlit.runtime.scriptrunner import script_runner

    bungkus(script_runner.ScriptRunner, "_run_script", "skrip")

    for judul, skrip, (kunci, nilai_lain) in HALAMAN:
        if skrip and not (ROOT / skrip).exists():
            print(f"  {judul}: halaman belum ada, dilewati")
            continue

        def jalan(params: dict, judul: str = judul, skrip: str | None = skrip) -> tuple[float, float, float]:
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
            if skrip:
                at.switch_page(skrip)
            at.query_params.update({k: str(v) for k, v in params.items()})
            waktu.update(dict.fromkeys(waktu, 0.0))
            t = time.perf_counter()
            at.run()
            total = (time.perf_counter() - t) * 1000
            if at.exception:
                raise RuntimeError(f"{judul}: {at.exception[0].value[:300]}")
            return total, waktu["sql"], waktu["gambar"], waktu["skrip"]

        dasar = {"provinsi": "35", "daerah": "35", "tahun": 2025}
        dingin, hangat, ganti = [], [], []
        for _ in range(ulang):
            st.cache_data.clear()
            dingin.append(jalan(dasar))
            hangat.append(jalan(dasar))
        for _ in range(ulang):
            st.cache_data.clear()
            jalan(dasar)
            ganti.append(jalan({**dasar, kunci: nilai_lain}))  # filter baru, tembolok kueri belum ada
        for nama, rows in (("dingin", dingin), ("hangat", hangat), ("ganti filter", ganti)):
            tot = [r[0] for r in rows]
            sql = statistics.median(r[1] for r in rows)
            gam = statistics.median(r[2] for r in rows)
            m = statistics.median(tot)
            catat("halaman", f"{judul}: {nama}", tot, lantai=sql if sql > 0 else None,
                  catatan=f"SQL {sql:.0f} ms ({sql / m:.0%}), gambar {gam:.0f} ms ({gam / m:.0%}), "
                          f"sisa {m - sql - gam:.0f} ms")
        for nama, rows in (("dingin", dingin), ("hangat", hangat), ("ganti filter", ganti)):
            # sasaran isu #15: Python per rerun (membangun gambar + sisanya, tanpa SQL) <= 150 ms
            catat("halaman", f"{judul}: Python per rerun (gambar + sisa, tanpa SQL), {nama}",
                  [r[0] - r[1] for r in rows], catatan=f"gambar {statistics.median(r[2] for r in rows):.0f} ms")
            catat("halaman", f"{judul}: Python per rerun di utas skrip (tanpa SQL dan biaya AppTest), {nama}",
                  [r[3] - r[1] for r in rows],
                  catatan=f"AppTest menambah {statistics.median(r[0] - r[3] for r in rows):.0f} ms")


# -- 3. peramban -------------------------------------------------------------------------------
def bagian_peramban(db: Path, ulang: int) -> None:
    """Chromium headless sampai GRAFIK TERAKHIR tergambar dan skrip selesai (bench/halaman_peramban.py), setiap
    halaman berselang-seling dengan halaman lantai (bench/lantai: satu st.plotly_chart, 40 batang); rasio = median
    halaman / median lantai pasangannya."""
    from bench.halaman_peramban import jalankan as ukur_peramban

    print(f"\n3. Peramban (Chromium headless, 1920x1080): navigasi/ganti filter -> grafik terakhir tergambar dan skrip "
          f"selesai; A (lantai) dan B (halaman) berselang-seling, {ulang} putaran", flush=True)
    for r in ukur_peramban(db, ulang):
        if r["halaman"] == "lantai":
            catat("peramban", f"lantai (satu grafik): {r['skenario']}", r["nilai"], catatan=f"ws {r['kb']:.1f} KB")
            continue
        pertama = f", grafik pertama {r['pertama']:.0f} ms" if r["pertama"] else ""
        catat("peramban", f"{r['halaman']}: {r['skenario']}", r["nilai"], lantai=r["lantai"],
              catatan=f"ws {r['kb']:.1f} KB, {r['grafik']:.0f} grafik Plotly{pertama}")
        if r["skenario"].startswith("dingin"):
            catat("peramban", f"{r['halaman']}: websocket server -> peramban per tampilan", [r["kb"]], "KB",
                  lantai=r["kb_lantai"])
            catat("peramban", f"{r['halaman']}: gambar Plotly di halaman", [r["grafik"]], "buah",
                  catatan=f"{r['tersembunyi']:.0f} tersembunyi (tab/expander)" if r["tersembunyi"] else "")


# -- 4. memori ---------------------------------------------------------------------------------
def rss_mb(pid: int) -> float:
    """RSS proses dan semua turunannya (MB), dari /proc."""
    total = 0
    anak = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    for p in [str(pid), *anak]:
        try:
            for baris in Path(f"/proc/{p}/status").read_text().splitlines():
                if baris.startswith("VmRSS:"):
                    total += int(baris.split()[1])
        except OSError:
            pass
    return total / 1024


def bagian_memori(db: Path, sesi: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.bantuan_peramban import ARGS, CHROMIUM, hentikan, mulai_server, tunggu_siap

    print(f"\n4. Memori server (RSS): 1 dan {sesi} sesi serentak yang berkeliling halaman", flush=True)
    folder = Path(tempfile.mkdtemp())
    salinan = folder / "pantau.duckdb"
    shutil.copy(db, salinan)
    urls = ["/?provinsi=35&daerah=35&tahun=2025", "/?provinsi=35&daerah=35.07&tahun=2024",
            "/Indikator?provinsi=35&daerah=35&tahun=2025"]
    for skrip, url in (("pages/2_Daerah.py", "/Daerah?provinsi=35&daerah=35&tahun=2025"),
                       ("pages/5_Desk_Urusan.py", "/Desk_Urusan?provinsi=35&daerah=35&tahun=2025")):
        if (ROOT / skrip).exists():
            urls.append(url)
    s = mulai_server(salinan, folder / "server.log")
    try:
        time.sleep(2)
        awal = rss_mb(s.proc.pid)
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)

            def keliling(n: int) -> float:
                ctxs = [b.new_context(viewport={"width": 1280, "height": 720}) for _ in range(n)]
                pages = [c.new_page() for c in ctxs]
                for url in urls:
                    for p in pages:
                        p.goto(s.url + url, wait_until="commit")
                    for p in pages:
                        tunggu_siap(p, 180_000)
                puncak = rss_mb(s.proc.pid)
                for c in ctxs:
                    c.close()
                return puncak

            satu = keliling(1)
            banyak = keliling(sesi)
            b.close()
        time.sleep(15)  # sesi Streamlit dibersihkan setelah koneksi tertutup
        sesudah = rss_mb(s.proc.pid)
    finally:
        hentikan(s)
        shutil.rmtree(folder, ignore_errors=True)
    catat("memori", "RSS server, baru menyala", [awal], "MB")
    catat("memori", "RSS server, 1 sesi berkeliling", [satu], "MB")
    catat("memori", f"RSS server, {sesi} sesi serentak berkeliling", [banyak], "MB")
    catat("memori", f"RSS server, 15 s setelah {sesi} sesi pergi", [sesudah], "MB")


# -- 5. lain -----------------------------------------------------------------------------------
def bagian_lain(db: Path, ulang: int) -> None:
    import pandas as pd

    from pantau.db import buka
    from pantau.impor import impor_berkas

    print("\n5. Impor 100.000 baris, membangun basis data nasional, ekspor PNG, dek PPTX", flush=True)
    folder = Path(tempfile.mkdtemp())
    con = buka(db)
    ind = con.execute(
        "SELECT i.daerah_kode, i.kode, i.polaritas FROM indikator i WHERE i.polaritas IN ('positif', 'negatif') "
        "AND i.daerah_kode LIKE '35%' ORDER BY i.daerah_kode, i.kode").fetchall()
    con.close()
    baris = []
    for tahun in range(2021, 2027):
        for periode in ("TW1", "TW2", "TW3", "TW4"):
            for d, k, _ in ind:
                nilai = f"{(hash((d, k, tahun, periode)) % 9000) / 100 + 1:.2f}".replace(".", ",")
                baris.append((d, k, tahun, periode, nilai))
                if len(baris) >= 100_000:
                    break
            if len(baris) >= 100_000:
                break
        if len(baris) >= 100_000:
            break
    pd.DataFrame(baris, columns=["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi"]).to_csv(
        folder / "realisasi.csv", index=False)
    nilai = []
    for i in range(max(1, ulang // 2)):
        salinan = folder / f"impor{i}.duckdb"
        shutil.copy(db, salinan)
        con = buka(salinan)
        t = time.perf_counter()
        impor_berkas(con, folder / "realisasi.csv", oleh="bench")
        nilai.append((time.perf_counter() - t) * 1000)
        con.close()
        salinan.unlink()
    catat("lain", f"impor {len(baris):,} baris realisasi (CSV, periksa + tulis + riwayat)".replace(",", "."), nilai)

    from pantau.demo.nasional import bangun_nasional

    nilai = []
    for i in range(1 if ulang < 3 else 2):
        t = time.perf_counter()
        bangun_nasional(folder / f"n{i}.duckdb", laporan=lambda *_: None)
        nilai.append((time.perf_counter() - t) * 1000)
        (folder / f"n{i}.duckdb").unlink()
    catat("lain", "membangun basis data nasional (demo --skala nasional)", nilai)

    import plotly.graph_objects as go

    from pantau.keluaran.ekspor import png_bytes

    fig = go.Figure(go.Bar(x=list(range(40)), y=list(range(40))))
    t = time.perf_counter()
    png_bytes(fig)
    pertama = (time.perf_counter() - t) * 1000
    catat("lain", "ekspor PNG, pertama (menyalakan kaleido + Chromium)", [pertama])
    catat("lain", "ekspor PNG, berikutnya", ukur(lambda: png_bytes(fig), ulang))
    from pantau.db import jalankan
    from pantau.desk.bahan import kumpulkan
    from pantau.keluaran import dek

    con = buka(db)
    p = parameter(con, "35", 2025)
    masukan = {"urusan": p["urusan"], "provinsi": "35", "tahun": 2025}
    catat("lain", f"dek PPTX urusan {p['urusan']} provinsi 35 (kueri + gambar PNG + pptx)", ukur(lambda: dek.bangun_dek(
        kumpulkan(lambda n, **q: jalankan(con, n, **q), **masukan, judul_urusan=p["urusan"],
                  nama_provinsi="Provinsi 35", dengan_dukungan=False)), max(1, ulang // 2)))
    con.close()
    shutil.rmtree(folder, ignore_errors=True)


def tulis_hasil(mulai: float) -> None:
    cpu = next((b.split(":", 1)[1].strip() for b in Path("/proc/cpuinfo").read_text().splitlines()
                if b.startswith("model name")), platform.processor())
    mem = next((int(b.split()[1]) // 1024 // 1024 for b in Path("/proc/meminfo").read_text().splitlines()
                if b.startswith("MemTotal")), 0)
    import duckdb
    import streamlit

    baris = [
        "# Hasil ukur Pantau (skala nasional)",
        "",
        f"- Tanggal: {datetime.now():%Y-%m-%d %H:%M}",
        f"- Mesin: {os.cpu_count()} inti ({cpu}), {mem} GiB RAM, {platform.platform()}",
        f"- Perangkat lunak: Python {platform.python_version()}, duckdb {duckdb.__version__}, "
        f"streamlit {streamlit.__version__}",
        "- Basis data: `demo --skala nasional` (552 daerah, ~83.000 indikator, ~1,76 juta baris realisasi)",
        f"- Lama seluruh ukur: {time.perf_counter() - mulai:.0f} detik",
        f"- Beban mesin (rata-rata 1/5/15 menit) saat mulai: {BEBAN_AWAL}; saat selesai: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- Perintah: `.venv/bin/python -m bench.jalankan{''.join(' ' + x for x in sys.argv[1:])}`",
        "",
        "Kolom lantai: waktu SQL saja (kueri, halaman) atau median halaman lantai yang diukur berselang-seling "
        "(peramban); rasio = median / lantai.",
        "",
        "| bagian | ukuran | median | min | maks | satuan | lantai | rasio | catatan |",
        "|---|---|---:|---:|---:|---|---:|---:|---|",
    ]
    for bagian, nama, m, lo, hi, sat, lantai, cat in BARIS:
        baris.append(f"| {bagian} | {nama} | {m:.1f} | {lo:.1f} | {hi:.1f} | {sat} | "
                     f"{'' if lantai is None else f'{lantai:.1f}'} | {f'{m / lantai:.2f}' if lantai else ''} | {cat} |")
    # Bagian bertajuk "## ..." sesudah tabel (mis. SIPD dari bench/sipd.py, sebelum/sesudah isu #15) ditulis alat
    # atau orang lain: dipertahankan apa adanya.
    lama = HASIL.read_text(encoding="utf-8") if HASIL.exists() else ""
    ekor = lama[lama.index("\n## ") + 1:] if "\n## " in lama else ""
    HASIL.write_text("\n".join(baris) + "\n" + ("\n" + ekor if ekor else ""), encoding="utf-8")
    print(f"\nDitulis: {HASIL.relative_to(ROOT)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bagian", nargs="*", default=["kueri", "halaman", "peramban", "memori", "lain"])
    ap.add_argument("--cepat", action="store_true", help="ulangan lebih sedikit")
    ap.add_argument("--sesi", type=int, default=20)
    ap.add_argument("--db", type=Path, default=DB_NASIONAL, help="basis data nasional (bawaan bench/nasional.duckdb)")
    a = ap.parse_args()
    ulang = 3 if a.cepat else 7
    mulai = time.perf_counter()
    global BEBAN_AWAL
    BEBAN_AWAL = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    sys.path.insert(0, str(ROOT))
    db = siapkan_db(a.db)
    for bagian in a.bagian:
        {"kueri": lambda: bagian_kueri(db, ulang), "halaman": lambda: bagian_halaman(db, max(2, ulang // 2)),
         "peramban": lambda: bagian_peramban(db, 5 if ulang >= 5 else 2), "memori": lambda: bagian_memori(db, a.sesi),
         "lain": lambda: bagian_lain(db, ulang)}[bagian]()
    tulis_hasil(mulai)


if __name__ == "__main__":
    main()
