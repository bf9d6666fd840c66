"""Pengelolaan akun oleh administrator: menambah, menonaktifkan/mengaktifkan, mengganti sandi, daftar. Setiap
perubahan lewat ``pantau.db.tulis`` (izin ``kelola_akun``, satu transaksi, riwayat tabel ``pengguna``)."""
from __future__ import annotations

import re

from pantau.akun.sandi import KesalahanAkun, hash_sandi
from pantau.aturan.izin import PERAN, Pengguna
from pantau.db.tulis import Penulis, tulis

_NAMA = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")


def tambah_pengguna(con, *, pelaku: Pengguna, nama_pengguna: str, nama_lengkap: str, peran: str, sandi: str | None,
                    daerah_kode: str | None = None, surel: str | None = None) -> Pengguna:
    nama = (nama_pengguna or "").strip().lower()
    if not _NAMA.fullmatch(nama):
        raise KesalahanAkun("Nama pengguna 2–64 karakter: huruf kecil, angka, titik, garis bawah, @ atau tanda hubung.")
    if peran not in PERAN:
        raise KesalahanAkun(f"Peran harus salah satu dari: {', '.join(PERAN)}.")
    if (peran == "operator") != bool(daerah_kode):
        raise KesalahanAkun("Operator wajib punya daerah (--daerah KODE); peran lain tidak terikat daerah.")
    if not (nama_lengkap or "").strip():
        raise KesalahanAkun("Nama lengkap wajib diisi.")
    if sandi is None and not surel:
        raise KesalahanAkun("Akun tanpa sandi harus punya surel untuk masuk lewat penyedia OpenID Connect.")
    hash_ = hash_sandi(sandi) if sandi is not None else None

    def kerja(p: Penulis) -> Pengguna:
        if p.cur.execute("SELECT count(*) FROM pengguna WHERE nama_pengguna = $n", {"n": nama}).fetchone()[0]:
            raise KesalahanAkun(f"Nama pengguna {nama} sudah dipakai.")
        if daerah_kode and not p.cur.execute("SELECT count(*) FROM daerah WHERE kode = $k",
                                             {"k": daerah_kode}).fetchone()[0]:
            raise KesalahanAkun(f"Kode daerah {daerah_kode} tidak dikenal.")
        id_ = p.cur.execute(
            "INSERT INTO pengguna (nama_pengguna, nama_lengkap, peran, daerah_kode, surel, hash_sandi, dibuat_pada) "
            "VALUES ($n, $l, $p, $d, $s, $h, $w) RETURNING id",
            {"n": nama, "l": nama_lengkap.strip(), "p": peran, "d": daerah_kode, "s": surel or None, "h": hash_,
             "w": p.waktu}).fetchone()[0]
        for kolom, nilai in (("peran", peran), ("daerah_kode", daerah_kode), ("nama_lengkap", nama_lengkap.strip()),
                             ("surel", surel)):
            if nilai:
                p.catat("pengguna", "tambah", kunci=nama, kolom=kolom, baru=nilai, daerah_kode=daerah_kode)
        return Pengguna(id=id_, nama_pengguna=nama, nama_lengkap=nama_lengkap.strip(), peran=peran,
                        daerah_kode=daerah_kode)

    return tulis(con, kerja, pengguna=pelaku, aksi="kelola_akun")


def _ubah(con, pelaku: Pengguna, nama: str, kolom: str, nilai, dicatat, tambahan_sql: str = "",
          cabut: str | None = None) -> None:
    nama = (nama or "").strip().lower()

    def kerja(p: Penulis) -> None:
        row = p.cur.execute(f"SELECT {kolom}, daerah_kode FROM pengguna WHERE nama_pengguna = $n",
                            {"n": nama}).fetchone()
        if row is None:
            raise KesalahanAkun(f"Akun {nama} tidak ada.")
        p.cur.execute(f"UPDATE pengguna SET {kolom} = $v{tambahan_sql} WHERE nama_pengguna = $n",
                      {"v": nilai, "n": nama})
        lama, baru = dicatat(row[0])
        p.catat("pengguna", "ubah", kunci=nama, kolom=kolom, lama=lama, baru=baru, daerah_kode=row[1])
        if cabut:
            p.cur.execute("UPDATE sesi SET dicabut_pada = $t, dicabut_karena = $k WHERE dicabut_pada IS NULL AND "
                          "pengguna_id = (SELECT id FROM pengguna WHERE nama_pengguna = $n)",
                          {"t": p.waktu, "k": cabut, "n": nama})

    tulis(con, kerja, pengguna=pelaku, aksi="kelola_akun")


def atur_aktif(con, *, pelaku: Pengguna, nama_pengguna: str, aktif: bool) -> None:
    """Nonaktifkan atau aktifkan kembali akun (akun tidak pernah dihapus: riwayat merujuk namanya). Menonaktifkan
    mencabut semua sesinya (tab dan peramban yang masih masuk keluar pada interaksi berikutnya)."""
    _ubah(con, pelaku, nama_pengguna, "aktif", bool(aktif), lambda lama: (lama, bool(aktif)),
          cabut=None if aktif else "akun dinonaktifkan")


def atur_sandi(con, *, pelaku: Pengguna, nama_pengguna: str, sandi: str) -> None:
    """Ganti sandi (reset) dan buka kuncian. Riwayat mencatat bahwa sandi diganti, bukan nilainya. Semua sesi akun
    itu dicabut: siapa pun yang masuk dengan sandi lama harus masuk lagi."""
    _ubah(con, pelaku, nama_pengguna, "hash_sandi", hash_sandi(sandi), lambda _: (None, "(diganti)"),
          ", gagal_berturut = 0, terkunci_sampai = NULL", cabut="sandi diganti")


def daftar_pengguna(con) -> list[dict]:
    cur = con.cursor()
    try:
        cur.execute("SELECT nama_pengguna, nama_lengkap, peran, daerah_kode, surel, aktif, "
                    "terkunci_sampai, terakhir_masuk FROM pengguna ORDER BY peran, nama_pengguna")
        kolom = [d[0] for d in cur.description]
        return [dict(zip(kolom, r)) for r in cur.fetchall()]
    finally:
        cur.close()


def ada_akun_aktif(con) -> bool:
    """Apakah basis data sudah punya akun aktif (layar masuk menjelaskan cara membuat admin pertama bila belum)."""
    cur = con.cursor()
    try:
        return bool(cur.execute("SELECT count(*) FROM pengguna WHERE aktif").fetchone()[0])
    finally:
        cur.close()
