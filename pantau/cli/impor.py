"""Perintah baris untuk impor: ``templat``, ``pulihkan`` dan ``batal-impor`` (didaftarkan oleh
pantau/__main__.py lewat ``daftarkan`` dan dijalankan lewat ``PERINTAH``)."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from pantau.db import buka, cadangan
from pantau.impor.batal import GagalBatal, batalkan_impor


def daftarkan(perintah) -> None:
    """``perintah(nama, bantuan)`` membuat sub-parser yang sudah punya ``--db``."""
    sp = perintah("templat", "tulis templat impor .xlsx untuk satu daerah, berisi indikatornya dan lembar petunjuk")
    sp.add_argument("--daerah", required=True, metavar="KODE", help="kode daerah Kemendagri, misalnya 65.01")
    sp.add_argument("--keluar", required=True, metavar="BERKAS.xlsx", help="berkas templat yang ditulis")
    sp.add_argument("--periode-rpjmd", default=None, metavar="AWAL-AKHIR",
                    help="periode RPJMD, misalnya 2021-2026 (bawaan: periode terakhir daerah itu)")
    sp.add_argument("--tahun", type=int, action="append", metavar="TAHUN",
                    help="tahun yang disertakan; boleh diulang (bawaan: tahun terakhir yang sudah berealisasi)")
    sp.add_argument("--triwulan", action="append", metavar="PERIODE",
                    help="TW1, TW2, TW3, TW4 atau TAHUN; boleh diulang (bawaan: semuanya)")

    sp = perintah("pulihkan", "tampilkan cadangan basis data, atau pulihkan satu cadangan (dasbor harus berhenti)")
    sp.add_argument("--cadangan", default=None, metavar="NAMA",
                    help="nama cadangan yang dipulihkan (tanpa pilihan ini: tampilkan daftar cadangan)")

    sp = perintah("batal-impor", "batalkan satu impor: kembalikan nilai lama yang tercatat di riwayat")
    sp.add_argument("impor_id", metavar="NOMOR", type=int, help="nomor impor (lihat 'Impor berhasil (impor #N)')")
    sp.add_argument("--oleh", default=None, help="nama yang dicatat di riwayat (bawaan: nama pengguna sistem)")


def _templat(a) -> int:
    # templat memuat openpyxl (~0,3 s) di kepalanya: hanya untuk perintah ini.
    from pantau.impor.templat import buat_templat, pilihan_bawaan

    con = buka(a.db, baca_saja=True)
    try:
        try:
            pilihan = pilihan_bawaan(con, a.daerah, tahun=a.tahun, periode=a.triwulan, periode_rpjmd=a.periode_rpjmd)
        except ValueError as e:
            print(f"Kesalahan: {e}", file=sys.stderr)
            return 1
        data = buat_templat(con, pilihan)
    finally:
        con.close()
    Path(a.keluar).write_bytes(data)
    print(f"Templat ditulis: {a.keluar} (daerah {pilihan.daerah}, RPJMD {pilihan.periode_rpjmd}, "
          f"tahun {', '.join(map(str, pilihan.tahun))}, periode {', '.join(pilihan.periode)})")
    return 0


def _pulihkan(a) -> int:
    if not a.cadangan:
        daftar = cadangan.daftar(a.db)
        if not daftar:
            print(f"Belum ada cadangan untuk {a.db} (cadangan dibuat otomatis sebelum setiap impor).")
            return 0
        print(f"Cadangan {a.db} (terbaru di atas):")
        for c in daftar:
            print(f"  {c.nama}  {c.waktu:%Y-%m-%d %H:%M:%S}  {c.keterangan}")
        print(f"Pulihkan dengan: python -m pantau pulihkan --db {a.db} --cadangan NAMA")
        return 0
    try:
        hasil = cadangan.pulihkan(a.db, a.cadangan)
    except cadangan.GagalPulihkan as e:
        print(f"Kesalahan: {e}", file=sys.stderr)
        return 1
    print(f"Basis data {a.db} dipulihkan dari cadangan {a.cadangan}. Keadaan sebelum pemulihan disimpan sebagai "
          f"cadangan {hasil.nama}.")
    return 0


def _batal_impor(a) -> int:
    con = buka(a.db)
    try:
        try:
            hasil = batalkan_impor(con, a.impor_id, oleh=a.oleh or getpass.getuser())
        except GagalBatal as e:
            print(f"Kesalahan: {e}", file=sys.stderr)
            return 1
    finally:
        con.close()
    print(f"Impor #{a.impor_id} dibatalkan (dicatat sebagai impor #{hasil.impor_id}): {hasil.teks()}")
    return 0


PERINTAH = {"templat": _templat, "pulihkan": _pulihkan, "batal-impor": _batal_impor}
