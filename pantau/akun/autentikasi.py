"""Masuk dengan nama dan sandi, atau lewat surel penyedia OpenID Connect, dan membaca ulang akun sesi yang sedang
berjalan. Masuk yang gagal lima kali berturut-turut mengunci akun selama 15 menit; pesan gagal sama untuk akun
yang tidak ada, sandi salah, akun nonaktif dan akun terkunci."""
from __future__ import annotations

from datetime import datetime, timedelta

from pantau.akun.sandi import cocok, hasher
from pantau.aturan.izin import Pengguna
from pantau.db.tulis import sekarang as _sekarang
from pantau.db.tulis import tulis

MAKS_GAGAL = 5
LAMA_KUNCI = timedelta(minutes=15)
PESAN_GAGAL_MASUK = ("Nama pengguna atau sandi salah, atau akun sedang tidak dapat dipakai. "
                     "Setelah 5 kali gagal, akun dikunci 15 menit; hubungi administrator bila perlu.")


class GagalMasuk(Exception):
    """Masuk gagal. Pesannya selalu ``PESAN_GAGAL_MASUK``: tidak membuka apakah akun itu ada."""

    def __init__(self):
        super().__init__(PESAN_GAGAL_MASUK)


KOLOM = "id, nama_pengguna, nama_lengkap, peran, daerah_kode"


def baris_pengguna(row) -> Pengguna:
    return Pengguna(id=row[0], nama_pengguna=row[1], nama_lengkap=row[2], peran=row[3], daerah_kode=row[4])


def masuk(con, nama_pengguna: str, sandi: str, *, sekarang: datetime | None = None) -> Pengguna:
    """Periksa nama dan sandi. Berhasil: kembalikan ``Pengguna``; gagal: ``GagalMasuk`` (pesan yang sama untuk
    semua sebab). ``con``: koneksi DuckDB atau ``BasisData``. Hitungan gagal dan waktu masuk ditulis lewat
    ``pantau.db.tulis`` (tanpa riwayat: keadaan masuk, bukan perubahan data)."""
    sekarang = sekarang or _sekarang()
    nama = (nama_pengguna or "").strip().lower()
    cur = con.cursor()
    try:
        row = cur.execute(f"SELECT {KOLOM}, hash_sandi, aktif, terkunci_sampai FROM pengguna "
                          "WHERE nama_pengguna = $n", {"n": nama}).fetchone()
    finally:
        cur.close()
    if row is None:
        cocok(None, sandi)  # waktu serupa dengan akun yang ada
        raise GagalMasuk()
    hash_, aktif, terkunci = row[5], row[6], row[7]
    benar = cocok(hash_, sandi) if hash_ else (cocok(None, sandi) and False)
    if not aktif or (terkunci is not None and terkunci > sekarang):
        raise GagalMasuk()
    if not benar:
        tulis(con, lambda p: p.cur.execute(
            "UPDATE pengguna SET gagal_berturut = CASE WHEN gagal_berturut + 1 >= $maks THEN 0 "
            "ELSE gagal_berturut + 1 END, terkunci_sampai = CASE WHEN gagal_berturut + 1 >= $maks "
            "THEN $sampai ELSE NULL END WHERE id = $id",
            {"maks": MAKS_GAGAL, "sampai": sekarang + LAMA_KUNCI, "id": row[0]}), oleh=nama)
        raise GagalMasuk()
    baru = hasher().hash(sandi) if hasher().check_needs_rehash(hash_) else hash_
    tulis(con, lambda p: p.cur.execute(
        "UPDATE pengguna SET gagal_berturut = 0, terkunci_sampai = NULL, terakhir_masuk = $t, hash_sandi = $h "
        "WHERE id = $id", {"t": sekarang, "h": baru, "id": row[0]}), oleh=nama)
    return baris_pengguna(row)


def cari_surel(con, surel: str | None, *, sekarang: datetime | None = None) -> Pengguna | None:
    """Akun aktif untuk alamat surel dari penyedia OpenID Connect (``st.user.email``), atau None."""
    if not surel:
        return None
    sekarang = sekarang or _sekarang()
    cur = con.cursor()
    try:
        row = cur.execute(f"SELECT {KOLOM} FROM pengguna WHERE lower(surel) = lower($s) AND aktif "
                          "AND (terkunci_sampai IS NULL OR terkunci_sampai <= $t)",
                          {"s": surel.strip(), "t": sekarang}).fetchone()
    finally:
        cur.close()
    if row is None:
        return None
    tulis(con, lambda p: p.cur.execute("UPDATE pengguna SET terakhir_masuk = $t WHERE id = $id",
                                       {"t": sekarang, "id": row[0]}), oleh=row[1])
    return baris_pengguna(row)


def masih_aktif(con, pengguna: Pengguna) -> Pengguna | None:
    """Baca ulang akun sesi yang sedang berjalan: None bila dinonaktifkan/dihapus; peran/daerah terbaru."""
    cur = con.cursor()
    try:
        row = cur.execute(f"SELECT {KOLOM} FROM pengguna WHERE nama_pengguna = $n AND aktif",
                          {"n": pengguna.nama_pengguna}).fetchone()
        return baris_pengguna(row) if row else None
    finally:
        cur.close()

