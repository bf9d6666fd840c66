"""Sesi yang bertahan saat halaman dimuat ulang atau dibuka di tab baru (keputusan #22, tabel ``sesi``): token acak di
kuki HttpOnly bertanda tangan HMAC-SHA256; di basis data hanya hash-nya. Jalur HTTP-nya di ``pantau.ui.sesi``."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from pantau.akun.autentikasi import baris_pengguna
from pantau.aturan.izin import Pengguna
from pantau.db.tulis import sekarang as _sekarang
from pantau.db.tulis import tulis

#
# Masuk berhasil -> ``buat_kode_sesi``: baris ``sesi`` dengan kode serah sekali pakai (2 menit). Peramban menukar
# kode itu lewat POST /sesi/pasang (``pantau.ui.sesi``) -> ``tukar_kode_sesi``: token acak baru, yang hanya ada
# di kuki HttpOnly bertanda tangan (``nilai_kuki``) dan sebagai hash di basis data. Token tidak pernah melewati
# halaman (JavaScript), jadi skrip di halaman tidak dapat mencurinya. Muat ulang / tab baru -> ``sesi_dari_kuki``.

#: Batas mutlak umur sesi (juga Max-Age kuki), selain batas tanpa aktivitas ``pengaturan.menit_sesi``.
JAM_SESI_MAKS = 12
#: Berapa lama kode serah berlaku sesudah masuk (peramban menukarnya seketika).
DETIK_KODE_SESI = 120
#: Pemakaian sesi dicatat paling sering sekali per selang ini (tidak menulis pada setiap klik).
DETIK_CATAT_AKTIF = 60
_VERSI_KUKI = "v1"


@dataclass(frozen=True)
class HasilSesi:
    """Hasil memeriksa sesi: ``pengguna`` dan ``sesi_id`` bila sah; selain itu ``alasan`` penolakannya:
    ``tanda_tangan`` (kuki dipalsukan/diubah), ``kedaluwarsa`` (lewat batas mutlak atau tanpa aktivitas),
    ``dicabut``, ``akun`` (dinonaktifkan) atau ``tidak_ada``."""
    pengguna: Pengguna | None = None
    sesi_id: int | None = None
    alasan: str = "ok"


def _hash(teks: str) -> str:
    return hashlib.sha256(teks.encode()).hexdigest()


def buat_kode_sesi(con, pengguna: Pengguna, *, sekarang: datetime | None = None) -> tuple[int, str]:
    """Sesudah masuk berhasil: sesi baru beserta kode serah sekali pakai (dikembalikan polos, hanya sekali).
    Baris sesi yang kedaluwarsa lebih dari 7 hari dibuang sekalian."""
    sekarang = sekarang or _sekarang()
    kode = secrets.token_urlsafe(32)

    def isi(cur):
        cur.execute("DELETE FROM sesi WHERE kedaluwarsa < $b", {"b": sekarang - timedelta(days=7)})
        return cur.execute(
            "INSERT INTO sesi (pengguna_id, hash_kode, kode_sampai, dibuat_pada, terakhir_aktif, kedaluwarsa) "
            "VALUES ($p, $h, $ks, $t, $t, $k) RETURNING id",
            {"p": pengguna.id, "h": _hash(kode), "ks": sekarang + timedelta(seconds=DETIK_KODE_SESI), "t": sekarang,
             "k": sekarang + timedelta(hours=JAM_SESI_MAKS)}).fetchone()[0]

    return int(tulis(con, lambda p: isi(p.cur), oleh=pengguna.nama_pengguna)), kode


def nilai_kuki(rahasia: bytes, token: str, kedaluwarsa: datetime) -> str:
    """``v1.<token>.<kedaluwarsa detik epoch>.<HMAC-SHA256 hex>``: tanda tangan atas versi, token dan batas
    waktunya, dengan kunci rahasia yang hanya ada di server."""
    isi = f"{_VERSI_KUKI}.{token}.{int(kedaluwarsa.timestamp())}"
    return f"{isi}.{hmac.new(rahasia, isi.encode(), hashlib.sha256).hexdigest()}"


def token_dari_kuki(rahasia: bytes, nilai: str | None, *, sekarang: datetime | None = None) -> tuple[str | None, str]:
    """(token, alasan) dari nilai kuki: token hanya bila tanda tangannya cocok dan batas mutlaknya belum lewat."""
    bagian = (nilai or "").split(".")
    if len(bagian) != 4 or bagian[0] != _VERSI_KUKI or not bagian[2].isdigit():
        return None, "tanda_tangan"
    isi = ".".join(bagian[:3])
    harus = hmac.new(rahasia, isi.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(harus, bagian[3]):
        return None, "tanda_tangan"
    if int(bagian[2]) <= (sekarang or _sekarang()).timestamp():
        return None, "kedaluwarsa"
    return bagian[1], "ok"


def tukar_kode_sesi(con, kode: str, rahasia: bytes, *, sekarang: datetime | None = None) -> str | None:
    """Kode serah -> nilai kuki (token baru), sekali saja. None bila kode tidak dikenal, lewat waktu, sudah dipakai,
    sesinya dicabut atau akunnya tidak aktif."""
    sekarang = sekarang or _sekarang()
    if not kode or len(kode) > 100:
        return None
    token = secrets.token_urlsafe(32)

    def isi(cur):
        row = cur.execute(
            "UPDATE sesi SET hash_kode = NULL, kode_sampai = NULL, hash_token = $ht "
            "WHERE hash_kode = $hk AND kode_sampai >= $t AND dicabut_pada IS NULL AND kedaluwarsa > $t "
            "AND pengguna_id IN (SELECT id FROM pengguna WHERE aktif) RETURNING kedaluwarsa",
            {"ht": _hash(token), "hk": _hash(kode), "t": sekarang}).fetchone()
        return None if row is None else nilai_kuki(rahasia, token, row[0])

    return tulis(con, lambda p: isi(p.cur), oleh="sesi")


def _periksa_baris(cur, where: str, params: dict, menit_sesi: int, sekarang: datetime) -> HasilSesi:
    row = cur.execute(
        f"SELECT s.id, s.dicabut_pada, s.kedaluwarsa, s.terakhir_aktif, p.aktif, p.id, p.nama_pengguna, "
        f"p.nama_lengkap, p.peran, p.daerah_kode FROM sesi s JOIN pengguna p ON p.id = s.pengguna_id WHERE {where}",
        params).fetchone()
    if row is None:
        return HasilSesi(alasan="tidak_ada")
    sesi_id, dicabut, kedaluwarsa, aktif_terakhir, akun_aktif = row[:5]
    if dicabut is not None:
        return HasilSesi(alasan="dicabut")
    if not akun_aktif:
        return HasilSesi(alasan="akun")
    if kedaluwarsa <= sekarang or aktif_terakhir + timedelta(minutes=menit_sesi) < sekarang:
        return HasilSesi(alasan="kedaluwarsa")
    if aktif_terakhir + timedelta(seconds=DETIK_CATAT_AKTIF) <= sekarang:
        try:
            cur.execute("UPDATE sesi SET terakhir_aktif = $t WHERE id = $i", {"t": sekarang, "i": sesi_id})
        except duckdb.Error:
            pass  # dua tab mencatat bersamaan: cukup satu yang berhasil
    return HasilSesi(baris_pengguna(row[5:]), int(sesi_id))


def sesi_dari_kuki(con, rahasia: bytes, nilai: str | None, *, menit_sesi: int,
                   sekarang: datetime | None = None) -> HasilSesi:
    """Sesi dari kuki yang dikirim peramban (muat ulang, tab baru, tautan yang dibagikan)."""
    sekarang = sekarang or _sekarang()
    token, alasan = token_dari_kuki(rahasia, nilai, sekarang=sekarang)
    if token is None:
        return HasilSesi(alasan=alasan)
    cur = con.cursor()
    try:
        return _periksa_baris(cur, "s.hash_token = $h", {"h": _hash(token)}, menit_sesi, sekarang)
    finally:
        cur.close()


def periksa_sesi(con, sesi_id: int, *, menit_sesi: int, sekarang: datetime | None = None) -> HasilSesi:
    """Sesi yang sedang dipakai sebuah tab masih berlaku? (Keluar di tab lain, akun dinonaktifkan, sandi diganti
    atau tidak ada aktivitas: tidak.)"""
    cur = con.cursor()
    try:
        return _periksa_baris(cur, "s.id = $i", {"i": int(sesi_id)}, menit_sesi, sekarang or _sekarang())
    finally:
        cur.close()


def cabut_sesi(con, *, sesi_id: int | None = None, token: str | None = None, karena: str = "keluar") -> None:
    """Cabut satu sesi (Keluar): menurut id-nya, atau menurut token dari kuki."""
    if sesi_id is None and not token:
        return
    where, params = (("id = $i", {"i": int(sesi_id)}) if sesi_id is not None else
                     ("hash_token = $h", {"h": _hash(token)}))
    tulis(con, lambda p: p.cur.execute(
        f"UPDATE sesi SET dicabut_pada = $t, dicabut_karena = $k WHERE {where} AND dicabut_pada IS NULL",
        {**params, "t": p.waktu, "k": karena}), oleh="sesi")
