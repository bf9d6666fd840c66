"""Satu jalan untuk menulis ke basis data: izin, kunci tulis proses, satu transaksi, riwayat, dan ulangi bila
bentrok dengan penulis lain.

Setiap penulis Pantau (impor, pembatalan impor, catatan desk, dukungan desk, akun, pengaturan, sesi) memakai
``tulis``::

    def kerja(p: Penulis):
        p.cur.execute("UPDATE ... WHERE id = $id", {...})
        p.catat("dukungan", "ubah", kolom="disepakati", lama="false", baru="true", daerah_kode=..., ...)
        return hasil

    hasil = tulis(bd, kerja, pengguna=akun, aksi="dukungan_desk", daerah="65.01")

- **Izin** (``pantau.aturan.izin``) diperiksa sebelum transaksi dimulai bila daerahnya diketahui, atau di dalam
  ``kerja`` lewat ``p.izinkan(daerah)`` bila daerahnya baru terbaca dari baris yang diubah. Tanpa ``pengguna``
  (perintah baris di server, uji) penulisnya ``oleh`` dan diperlakukan sebagai administrator.
- **Kunci tulis** ``BasisData.kunci_tulis``: satu penulis sekaligus di proses dasbor; pembaca tidak menunggu
  (satu cursor per kueri) dan tidak pernah melihat setengah tulisan (satu transaksi).
- **Riwayat**: ``p.catat(...)`` satu baris, ``p.catat_dari(select)`` banyak baris dari SELECT berkolom
  ``KOLOM_RIWAYAT``; waktu dan penulis sama untuk seluruh transaksi.
- **Bentrok**: DuckDB menolak transaksi yang kalah (TransactionException/ConstraintException); dengan
  ``ulang=n`` seluruh ``kerja`` diulang dari awal pada transaksi baru (catatan desk: versi berikutnya).
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import duckdb

from pantau.aturan.izin import Pengguna, periksa_izin
from pantau.db.koneksi import transaksi

T = TypeVar("T")

#: Kolom ``riwayat`` yang diisi penulis, urutan untuk ``catat_dari``.
KOLOM_RIWAYAT = ("waktu", "oleh", "tabel", "aksi", "indikator_id", "daerah_kode", "indikator_kode", "tahun", "kunci",
                 "kolom", "nilai_lama", "nilai_baru", "impor_id")


class GagalTulis(RuntimeError):
    """Tulisan tidak berhasil setelah diulang karena terus bentrok dengan penulis lain."""


def sekarang() -> datetime:
    """Waktu tulisan, detik penuh (riwayat dan kolom diubah_pada)."""
    return datetime.now().replace(microsecond=0)


def _teks(v) -> str | None:
    return None if v is None else str(v)


@dataclass
class Penulis:
    """Yang diterima ``kerja``: cursor di dalam transaksi, nama penulis dan waktu yang sama untuk seluruh tulisan."""
    cur: duckdb.DuckDBPyConnection
    oleh: str
    waktu: datetime
    pengguna: Pengguna | None = None
    aksi: str | None = None
    impor_id: int | None = None

    def izinkan(self, daerah) -> None:
        """Periksa izin ``aksi`` untuk ``daerah`` (satu kode atau kumpulan kode) yang baru diketahui di dalam
        transaksi; tanpa pengguna (server) selalu boleh."""
        if self.pengguna is not None and self.aksi is not None:
            periksa_izin(self.pengguna, self.aksi, daerah=daerah)

    def catat(self, tabel: str, aksi: str, *, kolom: str | None = None, lama=None, baru=None,
              daerah_kode: str | None = None, indikator_id: int | None = None, indikator_kode: str | None = None,
              tahun: int | None = None, kunci: str | None = None) -> None:
        """Satu baris riwayat: siapa (``oleh``), kapan (``waktu``), tabel, aksi, dan nilai lama/baru sebagai teks."""
        self.cur.execute(
            f"INSERT INTO riwayat ({', '.join(KOLOM_RIWAYAT)}) VALUES "
            "($waktu, $oleh, $tabel, $aksi, $indikator_id, $daerah_kode, $indikator_kode, $tahun, $kunci, $kolom, "
            "$lama, $baru, $impor_id)",
            {"waktu": self.waktu, "oleh": self.oleh, "tabel": tabel, "aksi": aksi, "indikator_id": indikator_id,
             "daerah_kode": daerah_kode, "indikator_kode": indikator_kode, "tahun": tahun, "kunci": kunci,
             "kolom": kolom, "lama": _teks(lama), "baru": _teks(baru), "impor_id": self.impor_id})

    def catat_dari(self, select: str, params: dict | None = None) -> None:
        """Banyak baris riwayat sekaligus dari ``select`` yang menghasilkan kolom ``KOLOM_RIWAYAT`` berurutan
        (parameter ``$waktu``, ``$oleh`` dan ``$impor_id`` tersedia di dalamnya)."""
        self.cur.execute(f"INSERT INTO riwayat ({', '.join(KOLOM_RIWAYAT)}) {select}",
                         {"waktu": self.waktu, "oleh": self.oleh, "impor_id": self.impor_id, **(params or {})})


def pelaku(pengguna: Pengguna | None, oleh: str | None, aksi: str | None, daerah=None) -> str:
    """Nama penulis untuk riwayat. Dengan ``pengguna``: izinnya diperiksa (bila daerahnya sudah diketahui atau
    aksinya tidak terikat daerah) dan namanya dipakai. Tanpa: kode di server, ``oleh`` wajib."""
    if pengguna is not None:
        if aksi is not None and daerah is not None:
            periksa_izin(pengguna, aksi, daerah=daerah)
        elif aksi is not None:
            periksa_izin(pengguna, aksi, daerah=pengguna.daerah_kode)  # aksi semua daerah, atau daerahnya sendiri
        return pengguna.nama_pengguna
    oleh = (oleh or "").strip()
    if not oleh:
        raise ValueError("Nama notulis/penulis (oleh) wajib diisi bila tidak ada pengguna yang masuk.")
    return oleh


def tulis(con, kerja: Callable[[Penulis], T], *, pengguna: Pengguna | None = None, oleh: str | None = None,
          aksi: str | None = None, daerah=None, ulang: int = 1, impor_id: int | None = None,
          kunci=None) -> T:
    """Jalankan ``kerja(penulis)`` dalam satu transaksi dan kembalikan hasilnya; ROLLBACK bila apa pun gagal.

    ``con``: ``BasisData`` (kunci tulisnya dipakai) atau koneksi DuckDB. ``aksi``/``daerah``: izin yang
    diperiksa (``pantau.aturan.izin``). ``ulang``: berapa kali mencoba bila bentrok dengan penulis lain.
    ``kunci``: kunci tulis yang sudah dipegang pemanggil (tidak diambil lagi)."""
    nama = pelaku(pengguna, oleh, aksi, daerah)
    if kunci is None:
        kunci = getattr(con, "kunci_tulis", None) or nullcontext()
    terakhir: Exception | None = None
    for percobaan in range(1, max(1, ulang) + 1):
        with kunci:
            cur = con.cursor()
            try:
                with transaksi(cur):
                    return kerja(Penulis(cur, nama, sekarang(), pengguna, aksi, impor_id))
            except (duckdb.TransactionException, duckdb.ConstraintException) as e:
                if ulang <= 1:
                    raise
                terakhir = e
            finally:
                cur.close()
        time.sleep(random.uniform(0.005, 0.03) * percobaan)
    raise GagalTulis(f"Tidak dapat disimpan setelah {ulang} percobaan karena bentrok dengan penulis lain: {terakhir}")
