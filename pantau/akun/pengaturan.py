"""Membaca dan mengubah pengaturan basis data (daftar, nilai bawaan, pemeriksaan dan label di
``pantau.aturan.pengaturan``). Mengubah: hanya administrator, lewat ``pantau.db.tulis`` (riwayat tabel
``pengaturan``); beberapa pengaturan sekaligus dalam satu transaksi, diperiksa seluruhnya sebelum ada yang ditulis."""
from __future__ import annotations

import duckdb

from pantau.aturan.izin import Pengguna
from pantau.aturan.pengaturan import DAFTAR, PengaturanTidakSah, cari
from pantau.db.tulis import Penulis, tulis


def baca_semua(con) -> dict[str, str]:
    """Teks tersimpan setiap pengaturan yang dikenal (nilai bawaan bila belum ada di tabel)."""
    hasil = {p.kunci: p.bawaan for p in DAFTAR}
    cur = con.cursor()
    try:
        for kunci, nilai in cur.execute("SELECT kunci, nilai FROM pengaturan").fetchall():
            if kunci in hasil and nilai is not None:
                hasil[kunci] = nilai
    except duckdb.Error:
        pass  # basis data belum berskema: nilai bawaan
    finally:
        cur.close()
    return hasil


def baca(con, kunci: str):
    """Nilai Python satu pengaturan (str, int, float atau list), bawaan bila kosong atau rusak."""
    return cari(kunci).nilai(baca_semua(con).get(kunci))


def ubah(con, *, pelaku: Pengguna | None, nilai: dict[str, str], oleh: str | None = None) -> dict[str, str]:
    """Ubah beberapa pengaturan sekaligus. Semua isian diperiksa dulu (``PengaturanTidakSah`` menyebut setiap yang
    salah; tidak ada yang ditulis), lalu yang berubah ditulis dalam satu transaksi. Mengembalikan yang berubah
    (kunci -> teks tersimpan yang baru)."""
    baru, salah = {}, []
    for kunci, teks in nilai.items():
        try:
            baru[kunci] = cari(kunci).normalkan(teks)
        except PengaturanTidakSah as e:
            salah.append(str(e))
    if salah:
        raise PengaturanTidakSah(" ".join(salah))

    def kerja(p: Penulis) -> dict[str, str]:
        lama = dict(p.cur.execute("SELECT kunci, nilai FROM pengaturan").fetchall())
        berubah = {k: v for k, v in baru.items() if lama.get(k) != v}
        for k, v in berubah.items():
            p.cur.execute("INSERT INTO pengaturan (kunci, nilai, keterangan) VALUES ($k, $v, $ket) "
                          "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai",
                          {"k": k, "v": v, "ket": cari(k).keterangan})
            p.catat("pengaturan", "ubah" if k in lama else "tambah", kunci=k, kolom="nilai", lama=lama.get(k), baru=v)
        return berubah

    return tulis(con, kerja, pengguna=pelaku, oleh=oleh, aksi="pengaturan")


def ubah_pengaturan(con, *, pelaku: Pengguna, kunci: str, nilai: str) -> None:
    """Ubah satu pengaturan (lihat ``ubah``)."""
    ubah(con, pelaku=pelaku, nilai={kunci: nilai})
