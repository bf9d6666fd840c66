"""Perintah baris Pantau: ``python -m pantau PERINTAH --db BERKAS``."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from pantau.cli.akun import PERINTAH as _perintah_akun
from pantau.cli.akun import daftarkan as daftarkan_akun
from pantau.cli.impor import PERINTAH as _perintah_impor
from pantau.cli.impor import daftarkan as daftarkan_impor
from pantau.cli.laporan import daftarkan as daftarkan_laporan
from pantau.cli.laporan import jalankan as _laporan
from pantau.cli.umum import db_tidak_ada
from pantau.cli.usulan import daftarkan as daftarkan_usulan
from pantau.cli.usulan import jalankan_rekap as _rekap_usulan
from pantau.db import GALAT_TULIS, KesalahanBasisData, buka, pasang_skema, pesan_gagal_tulis, siapkan
from pantau.demo import bangun_demo
from pantau.demo.nasional import bangun_nasional
from pantau.impor import ImporGagal, impor_berkas, siapkan_impor
from pantau.jalur import DEFAULT_DB


class _Format(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Pemakaian: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *a, **kw):
        kw.setdefault("formatter_class", _Format)
        kw.setdefault("add_help", False)
        super().__init__(*a, **kw)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message):
        terjemah = {
            "the following arguments are required": "argumen berikut wajib diisi",
            "invalid choice": "pilihan tidak dikenal",
            "unrecognized arguments": "argumen tidak dikenal",
            "expected one argument": "membutuhkan satu nilai",
        }
        for en, idn in terjemah.items():
            message = message.replace(en, idn)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan: {message}\n")


def _db_default() -> str:
    return os.environ.get("PANTAU_DB", str(DEFAULT_DB))


def buat_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m pantau",
                description="Pantau: pemantauan capaian indikator RPJMD daerah.")
    sub = p.add_subparsers(dest="perintah", title="perintah", metavar="PERINTAH", parser_class=_Parser)

    def perintah(nama, bantuan):
        sp = sub.add_parser(nama, help=bantuan, description=bantuan)
        sp.add_argument("--db", default=_db_default(),
                        help="berkas basis data DuckDB (bawaan: $PANTAU_DB atau data/pantau.duckdb)")
        return sp

    sp = perintah("init", "buat basis data kosong berisi skema dan data rujukan")
    sp.add_argument("--timpa", action="store_true", help="hapus berkas yang sudah ada lebih dulu")

    sp = perintah("demo", "bangun basis data demo (Kaltara dan Kalteng, atau skala nasional sintetis)")
    sp.add_argument("--skala", choices=["daerah", "nasional"], default="daerah",
                    help="'daerah' (bawaan): Kaltara dan Kalteng dari data/seed; "
                         "'nasional': 552 daerah sintetis untuk uji kecepatan")

    sp = perintah("impor", "periksa dan impor berkas .xlsx, .csv atau folder CSV; semua atau tidak sama sekali")
    sp.add_argument("berkas", metavar="BERKAS", help="buku kerja .xlsx, satu .csv, atau folder berisi CSV")
    sp.add_argument("--oleh", default=None,
                    help="nama pengimpor untuk riwayat (bawaan: nama pengguna sistem); impor dari shell server adalah "
                         "tindakan administrator, boleh untuk semua daerah")
    sp.add_argument("--periksa-saja", action="store_true", help="hanya periksa berkas, jangan tulis apa pun")

    perintah("info", "tampilkan versi skema dan isi basis data")

    daftarkan_laporan(perintah)
    daftarkan_usulan(perintah)

    daftarkan_impor(perintah)

    daftarkan_akun(perintah)
    return p


def _init(a) -> int:
    path = Path(a.db)
    if path.exists():
        if not a.timpa:
            print(f"Berkas {path} sudah ada. Pakai --timpa untuk membuatnya ulang.", file=sys.stderr)
            return 1
        path.unlink()
        Path(str(path) + ".wal").unlink(missing_ok=True)
    siapkan(path, baca_perlu_masuk=True)
    print(f"Basis data kosong dibuat: {path}")
    return 0


def _demo(a) -> int:
    if a.skala == "nasional":
        hasil = bangun_nasional(a.db)
    else:
        hasil = bangun_demo(a.db)
    print(f"Basis data demo dibuat: {a.db}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in hasil.items()))
    return 0


def _impor(a) -> int:
    if db_tidak_ada(a.db):
        return 1
    con = buka(a.db)
    try:
        pasang_skema(con)
        if a.periksa_saja:
            rencana = siapkan_impor(con, a.berkas)
            peringatan = rencana.peringatan
            print(f"Berkas lolos pemeriksaan: {len(rencana.indikator)} indikator, {len(rencana.target)} target, "
                  f"{len(rencana.realisasi)} realisasi, {len(rencana.dukungan)} dukungan. Tidak ada yang ditulis.")
        else:
            hasil = impor_berkas(con, a.berkas, oleh=a.oleh or getpass.getuser(), cadangan=True)
            peringatan = hasil.peringatan
            print(f"Impor berhasil (impor #{hasil.ringkasan.impor_id}): {hasil.ringkasan.teks()}")
            print(f"  Cadangan sebelum impor: {hasil.cadangan} (batalkan: python -m pantau batal-impor "
                  f"{hasil.ringkasan.impor_id} --db {a.db})")
        for m in peringatan:
            print(f"  {m}")
        return 0
    except ImporGagal as e:
        print(e.laporan(), file=sys.stderr)
        for m in e.peringatan[:20]:
            print(f"  {m}", file=sys.stderr)
        return 1
    finally:
        con.close()


def _info(a) -> int:
    con = buka(a.db, baca_saja=True)
    try:
        for k, v in con.execute("SELECT kunci, nilai FROM meta ORDER BY kunci").fetchall():
            print(f"{k}: {v}")
        for t in ("daerah", "periode", "indikator", "target", "realisasi", "dukungan", "riwayat", "impor"):
            print(f"{t}: {con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]} baris")
    finally:
        con.close()
    return 0


def main(argv=None) -> int:
    parser = buat_parser()
    a = parser.parse_args(argv)
    if not a.perintah:
        parser.print_help()
        return 2
    try:
        return {"init": _init, "demo": _demo, "impor": _impor, "info": _info, "laporan": _laporan,
                "rekap-usulan": _rekap_usulan, **_perintah_impor,
                **_perintah_akun}[a.perintah](a)
    except KesalahanBasisData as e:
        print(f"Kesalahan: {e}", file=sys.stderr)
        return 1
    except GALAT_TULIS as e:
        # disk penuh, batas ukuran berkas, izin berubah di tengah jalan (isu #17): pesan Indonesia, tanpa traceback;
        # rincian teknis satu baris untuk administrator
        print(f"Kesalahan: {pesan_gagal_tulis(e)}", file=sys.stderr)
        print(f"  Rincian: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}", file=sys.stderr)
        return 1


def utama() -> None:
    """``python -m pantau``: jalankan perintah lalu keluar dengan kodenya."""
    sys.exit(main())
