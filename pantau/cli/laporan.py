"""Perintah ``python -m pantau laporan``: laporan evaluasi sebagai .xlsx dan/atau .pdf."""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from pantau.db import buka


def daftarkan(perintah) -> None:
    """Tambahkan sub-perintah 'laporan' ke parser (``perintah(nama, bantuan)`` dari pantau.cli)."""
    sp = perintah("laporan",
                  "buat laporan evaluasi Permendagri 86/2017 (hasil RKPD atau hasil RPJMD) sebagai Excel/PDF")
    sp.add_argument("--jenis", choices=["rkpd", "rpjmd"], default="rkpd",
                    help="'rkpd' (bawaan): evaluasi hasil RKPD satu tahun; 'rpjmd': evaluasi hasil RPJMD satu periode")
    sp.add_argument("--daerah", required=True, help="kode Kemendagri daerah, mis. 65 atau 65.01")
    sp.add_argument("--tahun", type=int, help="tahun yang dievaluasi (wajib untuk rkpd)")
    sp.add_argument("--periode", help="periode RPJMD, mis. 2021-2026 (bawaan: periode terbaru daerah itu)")
    sp.add_argument("--keluar", required=True,
                    help="berkas .xlsx atau .pdf; atau folder (ditulis .xlsx dan .pdf) — "
                         "wajib folder bila --dengan-kabkota")
    sp.add_argument("--dengan-kabkota", action="store_true",
                    help="untuk provinsi: juga satu laporan untuk setiap kabupaten/kotanya")


def _periode(con, daerah: str, teks: str | None) -> int | None:
    if teks:
        m = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", teks)
        if not m:
            return None
        row = con.execute("SELECT id FROM periode WHERE daerah_kode = $d AND tahun_awal = $a AND tahun_akhir = $b",
                          {"d": daerah, "a": int(m.group(1)), "b": int(m.group(2))}).fetchone()
    else:
        row = con.execute("SELECT id FROM periode WHERE daerah_kode = $d ORDER BY tahun_akhir DESC LIMIT 1",
                          {"d": daerah}).fetchone()
    return row[0] if row else None


def jalankan(a) -> int:
    # xlsxwriter dan reportlab (~0,3 s saat dimuat) hanya untuk perintah ini: perintah lain tetap cepat.
    from pantau.keluaran.laporan import susun_rkpd, susun_rpjmd
    from pantau.keluaran.laporan.excel import excel_bytes
    from pantau.keluaran.laporan.pdf import pdf_bytes

    if a.jenis == "rkpd" and a.tahun is None:
        print("Kesalahan: --tahun wajib untuk laporan rkpd.", file=sys.stderr)
        return 2
    con = buka(a.db, baca_saja=True)
    try:
        daerah = [a.daerah]
        if a.dengan_kabkota:
            daerah += [k for (k,) in con.execute(
                "SELECT d.kode FROM daerah d WHERE d.kode_induk = $p "
                "AND EXISTS (SELECT 1 FROM periode p WHERE p.daerah_kode = d.kode) ORDER BY d.kode",
                {"p": a.daerah}).fetchall()]
        keluar = Path(a.keluar)
        ke_folder = a.dengan_kabkota or keluar.suffix.lower() not in (".xlsx", ".pdf")
        if ke_folder:
            keluar.mkdir(parents=True, exist_ok=True)
        mulai = time.perf_counter()
        for d in daerah:
            pid = _periode(con, d, a.periode)
            if pid is None:
                print(f"Kesalahan: daerah {d} tidak punya periode RPJMD {a.periode or ''}".rstrip() + ".",
                      file=sys.stderr)
                return 1
            tabel = (susun_rkpd(con, daerah=d, periode_id=pid, tahun=a.tahun) if a.jenis == "rkpd"
                     else susun_rpjmd(con, daerah=d, periode_id=pid))
            tujuan = ([keluar / f"{tabel.nama_berkas}.xlsx", keluar / f"{tabel.nama_berkas}.pdf"] if ke_folder
                      else [keluar])
            for t in tujuan:
                t.write_bytes(excel_bytes(tabel) if t.suffix.lower() == ".xlsx" else pdf_bytes(tabel))
                print(f"Ditulis: {t}")
        print(f"{len(daerah)} daerah dalam {time.perf_counter() - mulai:.2f} detik.")
        return 0
    finally:
        con.close()
