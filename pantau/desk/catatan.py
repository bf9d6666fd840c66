"""Catatan sesi desk urusan (Rakortekrenbang): faktor pendorong, penghambat dan tindak lanjut.

Tabel ``catatan_desk`` hanya ditambah (migrasi 002): setiap simpan menjadi versi baru untuk
(urusan, daerah, tahun) dan versi terbesar yang berlaku. Dua orang yang menyimpan hampir bersamaan
sama-sama tersimpan: UNIQUE (urusan, daerah, tahun, versi) membuat transaksi yang kalah gagal, lalu
diulang dengan versi berikutnya. Bila versi yang berlaku saat menyimpan bukan versi yang dibuka
penyimpan (``versi_dasar``), hasilnya ``konflik=True`` dan memuat catatan orang lain yang tersimpan
di antaranya, agar pengguna diberi tahu dan dapat menggabungkannya. Setiap simpan dicatat di
``riwayat`` (tabel ``catatan_desk``, kunci = kode urusan), satu baris per kolom yang berubah.

Ditulis lewat ``pantau.db.tulis`` (izin ``catatan_desk``, satu transaksi, riwayat, diulang bila bentrok).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pantau.db.tulis import Penulis, tulis

KOLOM = ("pendorong", "penghambat", "tindak_lanjut")
LABEL = {"pendorong": "Faktor pendorong", "penghambat": "Faktor penghambat", "tindak_lanjut": "Tindak lanjut"}

_TERKINI = """
SELECT id, versi, pendorong, penghambat, tindak_lanjut, oleh, pada
FROM catatan_desk
WHERE urusan_kode = $urusan AND daerah_kode = $daerah AND tahun = $tahun
ORDER BY versi DESC
LIMIT 1
"""

_SESUDAH = """
SELECT id, versi, pendorong, penghambat, tindak_lanjut, oleh, pada
FROM catatan_desk
WHERE urusan_kode = $urusan AND daerah_kode = $daerah AND tahun = $tahun AND versi > $dari AND versi < $sampai
ORDER BY versi
"""


@dataclass
class HasilSimpan:
    """Akibat sebuah simpan, untuk ditampilkan kepada pengguna."""
    tersimpan: bool
    versi: int
    konflik: bool = False
    #: Catatan orang lain yang tersimpan sesudah versi yang dibuka penyimpan (bila konflik).
    versi_lain: list[dict] = field(default_factory=list)
    percobaan: int = 1


def _baris(cur, sql: str, params: dict) -> list[dict]:
    cur.execute(sql, params)
    nama = [d[0] for d in cur.description]
    return [dict(zip(nama, r)) for r in cur.fetchall()]


def _bersih(teks: str | None) -> str | None:
    teks = (teks or "").strip()
    return teks or None


def catatan_terkini(con, *, urusan: str, daerah: str, tahun: int) -> dict | None:
    """Catatan yang berlaku (versi terbesar) untuk satu urusan, daerah dan tahun, atau None."""
    cur = con.cursor()
    try:
        rows = _baris(cur, _TERKINI, {"urusan": urusan, "daerah": daerah, "tahun": int(tahun)})
        return rows[0] if rows else None
    finally:
        cur.close()


def simpan_catatan(con, *, urusan: str, daerah: str, tahun: int, pendorong: str | None,
                   penghambat: str | None, tindak_lanjut: str | None, oleh: str | None = None, versi_dasar: int,
                   maks_percobaan: int = 8, pengguna=None) -> HasilSimpan:
    """Simpan catatan sebagai versi baru. ``con`` adalah koneksi DuckDB atau BasisData (punya ``cursor()``).

    ``versi_dasar`` = versi yang sedang dibuka pengguna (0 bila belum ada). Tidak menimpa apa pun:
    bila orang lain sudah menyimpan versi yang lebih baru, catatan ini tetap disimpan sebagai versi
    berikutnya dan ``konflik=True`` beserta catatan orang lain itu dikembalikan. Tanpa ``pengguna``: kode di
    server (shell, uji) dengan nama ``oleh``.
    """
    isi = {"pendorong": _bersih(pendorong), "penghambat": _bersih(penghambat),
           "tindak_lanjut": _bersih(tindak_lanjut)}
    kunci = {"urusan": urusan, "daerah": daerah, "tahun": int(tahun)}
    percobaan = [0]

    def kerja(p: Penulis) -> HasilSimpan:
        percobaan[0] += 1
        lama = _baris(p.cur, _TERKINI, kunci)
        lama = lama[0] if lama else None
        versi_kini = int(lama["versi"]) if lama else 0
        if lama is not None and versi_kini == versi_dasar and all(lama[k] == isi[k] for k in KOLOM):
            return HasilSimpan(tersimpan=False, versi=versi_kini, percobaan=percobaan[0])
        versi = versi_kini + 1
        p.cur.execute(
            "INSERT INTO catatan_desk (urusan_kode, daerah_kode, tahun, pendorong, penghambat, tindak_lanjut, "
            "versi, versi_dasar, oleh, pada) VALUES ($urusan, $daerah, $tahun, $pendorong, $penghambat, "
            "$tindak_lanjut, $versi, $versi_dasar, $oleh, $pada)",
            {**kunci, **isi, "versi": versi, "versi_dasar": int(versi_dasar), "oleh": p.oleh, "pada": p.waktu})
        aksi = "tambah" if lama is None else "ubah"
        for k in KOLOM:
            nilai_lama = lama[k] if lama else None
            if nilai_lama != isi[k] or lama is None:
                p.catat("catatan_desk", aksi, daerah_kode=daerah, tahun=int(tahun), kunci=urusan, kolom=k,
                        lama=nilai_lama, baru=isi[k])
        lain = _baris(p.cur, _SESUDAH, {**kunci, "dari": int(versi_dasar), "sampai": versi}) \
            if versi_kini != versi_dasar else []
        return HasilSimpan(tersimpan=True, versi=versi, konflik=versi_kini != versi_dasar, versi_lain=lain,
                           percobaan=percobaan[0])

    # Dua orang yang menyimpan hampir bersamaan: UNIQUE (urusan, daerah, tahun, versi) menolak yang kalah, lalu
    # seluruh simpan diulang dengan versi berikutnya.
    return tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="catatan_desk", daerah=daerah, ulang=maks_percobaan)
