"""Perintah baris ``pengguna``: tambah, daftar, nonaktifkan/aktifkan dan reset sandi akun (didaftarkan oleh
pantau/__main__.py lewat ``daftarkan`` dan dijalankan lewat ``PERINTAH``).

Perintah ini berjalan di shell server, jadi merupakan tindakan administrator (dicatat di riwayat dengan
nama ``--oleh``, bawaan nama pengguna sistem). Sandi tidak pernah menjadi argumen baris perintah (terlihat di
``ps`` dan riwayat shell): diminta lewat getpass, atau dibaca dari stdin dengan ``--sandi-stdin``.
"""
from __future__ import annotations

import getpass
import sys

from pantau import akun
from pantau.cli.umum import db_tidak_ada
from pantau.db import buka, pasang_skema

AKSI = ("tambah", "daftar", "nonaktifkan", "aktifkan", "reset-sandi")


def daftarkan(perintah) -> None:
    sp = perintah("pengguna", "kelola akun: tambah, daftar, nonaktifkan, aktifkan, reset-sandi "
                              "(dasbor harus berhenti selama perintah ini menulis)")
    sp.add_argument("aksi", choices=AKSI, metavar="AKSI", help="tambah | daftar | nonaktifkan | aktifkan | reset-sandi")
    sp.add_argument("nama", nargs="?", metavar="NAMA_PENGGUNA", help="nama untuk masuk, misalnya budi.bulungan")
    sp.add_argument("--peran", choices=["pimpinan", "analis", "operator", "admin"], help="peran akun baru (tambah)")
    sp.add_argument("--daerah", metavar="KODE", help="kode daerah operator, misalnya 65.01 (wajib untuk operator)")
    sp.add_argument("--nama-lengkap", metavar="TEKS", help="nama yang ditampilkan (bawaan: NAMA_PENGGUNA)")
    sp.add_argument("--surel", metavar="ALAMAT", help="alamat surel untuk masuk lewat penyedia OpenID Connect")
    sp.add_argument("--tanpa-sandi", action="store_true",
                    help="akun hanya masuk lewat OpenID Connect (wajib --surel); tidak menanyakan sandi")
    sp.add_argument("--sandi-stdin", action="store_true",
                    help="baca sandi dari baris pertama stdin (untuk skrip) alih-alih menanyakannya")
    sp.add_argument("--oleh", default=None, help="nama yang dicatat di riwayat (bawaan: nama pengguna sistem)")


def _sandi(a) -> str:
    if a.sandi_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    s1 = getpass.getpass("Sandi baru: ")
    s2 = getpass.getpass("Ulangi sandi: ")
    if s1 != s2:
        raise ValueError("Kedua sandi tidak sama.")
    return s1


def _pengguna(a) -> int:
    if db_tidak_ada(a.db):
        return 1
    if a.aksi != "daftar" and not a.nama:
        print(f"Kesalahan: NAMA_PENGGUNA wajib untuk '{a.aksi}'.", file=sys.stderr)
        return 2
    pelaku = akun.sistem(a.oleh or getpass.getuser())
    if a.aksi == "daftar":
        con = buka(a.db, baca_saja=True)
    else:
        con = buka(a.db)
        pasang_skema(con)
    try:
        if a.aksi == "daftar":
            baris = akun.daftar_pengguna(con)
            if not baris:
                print("Belum ada akun. Buat akun admin pertama: python -m pantau pengguna tambah NAMA --peran admin")
            for r in baris:
                status = "aktif" if r["aktif"] else "nonaktif"
                if r["terkunci_sampai"] is not None:
                    status += f", terkunci s.d. {r['terkunci_sampai']:%Y-%m-%d %H:%M}"
                daerah = f" {r['daerah_kode']}" if r["daerah_kode"] else ""
                surel = f" <{r['surel']}>" if r["surel"] else ""
                print(f"  {r['nama_pengguna']:<28} {r['peran']}{daerah:<7} {status:<12} {r['nama_lengkap']}{surel}")
            return 0
        if a.aksi == "tambah":
            if not a.peran:
                print("Kesalahan: --peran wajib untuk 'tambah'.", file=sys.stderr)
                return 2
            sandi = None if a.tanpa_sandi else _sandi(a)
            p = akun.tambah_pengguna(con, pelaku=pelaku, nama_pengguna=a.nama, nama_lengkap=a.nama_lengkap or a.nama,
                                     peran=a.peran, sandi=sandi, daerah_kode=a.daerah, surel=a.surel)
            print(f"Akun {p.nama_pengguna} ({p.label_peran}) dibuat.")
        elif a.aksi in ("nonaktifkan", "aktifkan"):
            akun.atur_aktif(con, pelaku=pelaku, nama_pengguna=a.nama, aktif=a.aksi == "aktifkan")
            print(f"Akun {a.nama.lower()} {'diaktifkan' if a.aksi == 'aktifkan' else 'dinonaktifkan'}.")
        else:
            akun.atur_sandi(con, pelaku=pelaku, nama_pengguna=a.nama, sandi=_sandi(a))
            print(f"Sandi {a.nama.lower()} diganti; kuncian (bila ada) dibuka.")
        con.execute("CHECKPOINT")
        return 0
    except (akun.KesalahanAkun, ValueError) as e:
        print(f"Kesalahan: {e}", file=sys.stderr)
        return 1
    finally:
        con.close()


PERINTAH = {"pengguna": _pengguna}
