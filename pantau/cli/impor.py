"""Perintah baris untuk impor: ``templat``, ``pulihkan`` dan ``batal-impor`` (didaftarkan oleh
pantau/__main__.py lewat ``daftarkan`` dan dijalankan lewat ``PERINTAH``)."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from pantau.cli.umum import db_tidak_ada
from pantau.db import buka, cadangan, pasang_skema
from pantau.impor.batal import GagalBatal, batalkan_impor
from pantau.impor.masalah import ImporGagal


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

    sp = perintah("impor-sipd", "periksa dan impor ekspor SIPD-RI (Renja lampiran JSON dengan daftar pagu dan daftar "
                                "SKPD, atau satu rekap xlsx) untuk satu daerah dan tahun; semua atau tidak sama sekali")
    sp.add_argument("berkas", metavar="BERKAS", nargs="+",
                    help="berkas JSON (format A, dengan B dan C bila ada) atau satu rekap .xlsx (format D), atau "
                         "folder")
    sp.add_argument("--daerah", required=True, metavar="KODE",
                    help="kode daerah Kemendagri pemilik berkas, misalnya 17.03 (id_daerah SIPD tidak dipakai)")
    sp.add_argument("--tahun", required=True, type=int, metavar="TAHUN", help="tahun anggaran berkas, misalnya 2026")
    sp.add_argument("--oleh", default=None, help="nama pengimpor untuk riwayat (bawaan: nama pengguna sistem)")
    sp.add_argument("--periksa-saja", action="store_true", help="hanya periksa dan ringkas, jangan tulis apa pun")

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


def ringkasan_sipd(hasil) -> list[str]:
    """Ringkasan baca SIPD-RI yang dapat dicocokkan Bappeda dengan SIPD, ditambah program yang tidak
    dipasangkan satu per satu (perintah baris; halaman menampilkan yang sama sebagai tabel)."""
    baris = [f"Daerah {hasil.daerah_kode}, tahun {hasil.tahun}"] + hasil.ringkasan.teks()
    from pantau.impor.sipd_tulis import program_tak_berpasangan

    for t in program_tak_berpasangan(hasil):
        baris.append(f"  program {t['program_kode']} {t['program_nama']}: target tidak dipasangkan di "
                     f"{t['unit']} unit ({t['indikator']} indikator per unit)")
    return baris


def _impor_sipd(a) -> int:
    from pantau.impor.sipd_tulis import siapkan_sipd, sidik, tulis_hasil_sipd

    if db_tidak_ada(a.db):
        return 1
    con = buka(a.db)
    try:
        pasang_skema(con)
        try:
            hasil = siapkan_sipd(con, a.berkas, daerah=a.daerah, tahun=a.tahun)
        except ImporGagal as e:
            print(e.laporan(), file=sys.stderr)
            return 1
        for b in ringkasan_sipd(hasil):
            print(b)
        for m in hasil.peringatan[:30]:
            print(f"  {m}")
        if len(hasil.peringatan) > 30:
            print(f"  ... dan {len(hasil.peringatan) - 30} peringatan lain")
        if a.periksa_saja:
            print("Berkas lolos pemeriksaan. Tidak ada yang ditulis.")
            return 0
        nama = ", ".join(b.nama for b in hasil.ringkasan.berkas[:3])
        if len(hasil.ringkasan.berkas) > 3:
            nama += f" (+{len(hasil.ringkasan.berkas) - 3} berkas)"
        h = tulis_hasil_sipd(con, hasil, berkas=f"SIPD-RI: {nama}", sha256=sidik(a.berkas),
                             oleh=a.oleh or getpass.getuser(), cadangan=True)
        print(f"Impor berhasil (impor #{h.ringkasan.impor_id}): {h.ringkasan.teks()}")
        print(f"  Cadangan sebelum impor: {h.cadangan} (batalkan: python -m pantau batal-impor "
              f"{h.ringkasan.impor_id} --db {a.db})")
        return 0
    finally:
        con.close()


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


PERINTAH = {"impor-sipd": _impor_sipd, "templat": _templat, "pulihkan": _pulihkan, "batal-impor": _batal_impor}
