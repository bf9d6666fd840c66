"""Basis data demo: Kalimantan Utara dan Kalimantan Tengah, dibangun dari ``data/seed/`` lewat jalur impor."""
from __future__ import annotations

import os
import time
from pathlib import Path

from pantau.akun import sistem, tambah_pengguna
from pantau.db import buka, siapkan
from pantau.impor import impor_berkas
from pantau.jalur import ROOT, SEED_DIR

#: Akun demo, satu per peran. HANYA UNTUK DEMO: sandinya tercantum di README.
AKUN_DEMO = [
    # nama_pengguna, nama_lengkap, peran, daerah, sandi
    ("demo.pimpinan", "Kepala Bappeda (demo)", "pimpinan", None, "demo-pimpinan-2026"),
    ("demo.analis", "Analis Bappeda (demo)", "analis", None, "demo-analis-2026"),
    ("demo.operator.bulungan", "Operator Bulungan (demo)", "operator", "65.01", "demo-operator-2026"),
    ("demo.admin", "Administrator (demo)", "admin", None, "demo-admin-2026"),
]


def bangun_demo(path: str | Path, laporan=print) -> dict:
    """Bangun basis data demo di ``path``.

    Dibangun di berkas sementara lalu dipindahkan sekaligus, sehingga proses lain tidak pernah
    melihat basis data setengah jadi.
    """
    path = Path(path)
    mulai = time.perf_counter()
    sementara = path.with_name(path.name + ".membangun")
    for p in (sementara, Path(str(sementara) + ".wal")):
        p.unlink(missing_ok=True)
    siapkan(sementara, baca_perlu_masuk=False)
    con = buka(sementara)
    try:
        laporan(f"Mengimpor data demo dari {SEED_DIR.relative_to(ROOT)} ...")
        hasil = impor_berkas(con, SEED_DIR, oleh="demo")
        laporan(f"  {hasil.ringkasan.teks()}")

        for nama, lengkap, peran, daerah, sandi in AKUN_DEMO:
            tambah_pengguna(con, pelaku=sistem("demo"), nama_pengguna=nama, nama_lengkap=lengkap, peran=peran,
                            sandi=sandi, daerah_kode=daerah)
        laporan(f"  Akun demo: {', '.join(a[0] for a in AKUN_DEMO)} (sandi di README, hanya untuk demo)")
        jumlah = dict(zip(
            ("daerah", "indikator", "target", "realisasi"),
            con.execute(
                "SELECT (SELECT count(DISTINCT daerah_kode) FROM indikator), (SELECT count(*) FROM indikator), "
                "(SELECT count(*) FROM target), (SELECT count(*) FROM realisasi)"
            ).fetchone(),
        ))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(sementara, path)
    jumlah["detik"] = round(time.perf_counter() - mulai, 2)
    return jumlah
