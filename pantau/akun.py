"""Akun, peran dan izin: siapa boleh mengubah apa.

Satu tabel izin untuk seluruh Pantau (``IZIN``), diperiksa DI TEMPAT DATA DITULIS (impor, pembatalan
impor, pemulihan cadangan, catatan desk, pengaturan, akun) lewat ``periksa_izin``, bukan hanya dengan
menyembunyikan tombol. Halaman memakai tabel yang sama untuk memutuskan apa yang ditampilkan.

Sandi hanya disimpan sebagai hash argon2id (argon2-cffi). Masuk yang gagal lima kali berturut-turut
mengunci akun selama 15 menit; pesan gagal sama untuk akun yang tidak ada, sandi salah, akun nonaktif
dan akun terkunci, dan akun yang tidak ada tetap memverifikasi hash tiruan agar waktunya serupa.

Sesi yang bertahan saat dimuat ulang (isu #22, tabel ``sesi``): token acak di kuki HttpOnly bertanda tangan
HMAC-SHA256; di basis data hanya hash-nya. Lihat ``buat_kode_sesi``, ``tukar_kode_sesi``, ``sesi_dari_kuki``.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from pantau.db import transaksi

PERAN = ("pimpinan", "analis", "operator", "admin")
LABEL_PERAN = {"pimpinan": "Pimpinan", "analis": "Analis", "operator": "Operator daerah", "admin": "Administrator"}

#: Nilai izin: boleh untuk semua daerah, hanya daerah akun itu sendiri, atau tidak boleh.
YA, DAERAH_SENDIRI, TIDAK = "ya", "daerah sendiri", "tidak"

#: Aksi yang diatur, dengan uraian untuk pesan dan dokumentasi.
AKSI = {
    "baca": "membaca dasbor",
    "ekspor": "mengunduh tabel, grafik dan laporan",
    "lihat_riwayat": "membaca riwayat perubahan",
    "catatan_desk": "menyimpan catatan desk urusan",
    "dukungan_desk": "menambah, menyepakati atau menghapus dukungan sub kegiatan di desk urusan",
    "impor": "mengimpor dan mengubah angka indikator, target dan realisasi",
    "batal_impor": "membatalkan impor",
    "pulihkan": "memulihkan cadangan basis data",
    "pengaturan": "mengubah pengaturan",
    "skala_predikat": "mengubah skala predikat",
    "kelola_akun": "mengelola akun pengguna",
}

#: SATU tabel izin: (peran, aksi) -> YA / DAERAH_SENDIRI / TIDAK. Tidak ada izin di tempat lain.
IZIN: dict[tuple[str, str], str] = {
    # pimpinan: membaca semuanya
    ("pimpinan", "baca"): YA, ("pimpinan", "ekspor"): YA, ("pimpinan", "lihat_riwayat"): YA,
    ("pimpinan", "catatan_desk"): TIDAK, ("pimpinan", "dukungan_desk"): TIDAK, ("pimpinan", "impor"): TIDAK, ("pimpinan", "batal_impor"): TIDAK,
    ("pimpinan", "pulihkan"): TIDAK, ("pimpinan", "pengaturan"): TIDAK, ("pimpinan", "skala_predikat"): TIDAK,
    ("pimpinan", "kelola_akun"): TIDAK,
    # analis: membaca, mengekspor, menulis catatan desk
    ("analis", "baca"): YA, ("analis", "ekspor"): YA, ("analis", "lihat_riwayat"): YA,
    ("analis", "catatan_desk"): YA, ("analis", "dukungan_desk"): YA, ("analis", "impor"): TIDAK, ("analis", "batal_impor"): TIDAK,
    ("analis", "pulihkan"): TIDAK, ("analis", "pengaturan"): TIDAK, ("analis", "skala_predikat"): TIDAK,
    ("analis", "kelola_akun"): TIDAK,
    # operator: terikat satu daerah; mengimpor dan mengubah angka daerah itu saja
    ("operator", "baca"): YA, ("operator", "ekspor"): YA, ("operator", "lihat_riwayat"): YA,
    ("operator", "catatan_desk"): TIDAK, ("operator", "dukungan_desk"): DAERAH_SENDIRI, ("operator", "impor"): DAERAH_SENDIRI, ("operator", "batal_impor"): TIDAK,
    ("operator", "pulihkan"): TIDAK, ("operator", "pengaturan"): TIDAK, ("operator", "skala_predikat"): TIDAK,
    ("operator", "kelola_akun"): TIDAK,
    # admin: akun, pengaturan, skala predikat, pemulihan cadangan dan pembatalan impor; impor (perintah
    # baris di server dijalankan sebagai admin)
    ("admin", "baca"): YA, ("admin", "ekspor"): YA, ("admin", "lihat_riwayat"): YA,
    ("admin", "catatan_desk"): TIDAK, ("admin", "dukungan_desk"): TIDAK, ("admin", "impor"): YA, ("admin", "batal_impor"): YA,
    ("admin", "pulihkan"): YA, ("admin", "pengaturan"): YA, ("admin", "skala_predikat"): YA,
    ("admin", "kelola_akun"): YA,
}
assert set(IZIN) == {(p, a) for p in PERAN for a in AKSI}, "IZIN harus lengkap untuk setiap peran dan aksi"

MAKS_GAGAL = 5
LAMA_KUNCI = timedelta(minutes=15)
PANJANG_SANDI_MIN = 10
PESAN_GAGAL_MASUK = ("Nama pengguna atau sandi salah, atau akun sedang tidak dapat dipakai. "
                     "Setelah 5 kali gagal, akun dikunci 15 menit; hubungi administrator bila perlu.")
_NAMA = re.compile(r"[a-z0-9][a-z0-9._@-]{1,63}")


class TidakBerizin(Exception):
    """Pengguna tidak boleh melakukan aksi ini (pesan bahasa Indonesia untuk ditampilkan)."""


class GagalMasuk(Exception):
    """Masuk gagal. Pesannya selalu ``PESAN_GAGAL_MASUK``: tidak membuka apakah akun itu ada."""

    def __init__(self):
        super().__init__(PESAN_GAGAL_MASUK)


class KesalahanAkun(ValueError):
    """Data akun tidak sah (nama, peran, daerah, sandi); pesan bahasa Indonesia."""


@dataclass(frozen=True)
class Pengguna:
    nama_pengguna: str
    nama_lengkap: str
    peran: str
    daerah_kode: str | None = None
    id: int | None = None

    @property
    def label_peran(self) -> str:
        lab = LABEL_PERAN.get(self.peran, self.peran)
        return f"{lab} {self.daerah_kode}" if self.daerah_kode else lab

    def boleh(self, aksi: str, daerah: str | None = None) -> bool:
        try:
            periksa_izin(self, aksi, daerah)
            return True
        except TidakBerizin:
            return False


def sistem(oleh: str) -> Pengguna:
    """Pelaku perintah baris di server (shell): tindakan administrator, dicatat dengan nama ``oleh``."""
    return Pengguna(nama_pengguna=oleh, nama_lengkap=oleh, peran="admin")


def periksa_izin(pengguna: Pengguna | None, aksi: str, daerah=None) -> None:
    """Lempar ``TidakBerizin`` bila ``pengguna`` tidak boleh melakukan ``aksi`` (untuk ``daerah``: satu kode
    atau kumpulan kode yang disentuh). ``pengguna=None`` = belum masuk."""
    if aksi not in AKSI:
        raise KeyError(f"aksi tidak dikenal: {aksi}")
    if pengguna is None:
        raise TidakBerizin(f"Masuk dulu untuk {AKSI[aksi]}.")
    izin = IZIN.get((pengguna.peran, aksi), TIDAK)
    if izin == YA:
        return
    if izin == DAERAH_SENDIRI:
        kode = {daerah} if isinstance(daerah, str) else set(daerah or ())
        lain = sorted(k for k in kode if k != pengguna.daerah_kode)
        if not kode:
            raise TidakBerizin(f"Daerah yang diubah harus disebut untuk {AKSI[aksi]}.")
        if lain:
            raise TidakBerizin(
                f"Akun {pengguna.nama_pengguna} ({pengguna.label_peran}) hanya boleh {AKSI[aksi]} untuk daerah "
                f"{pengguna.daerah_kode}, bukan {', '.join(lain)}.")
        return
    raise TidakBerizin(f"Peran {LABEL_PERAN.get(pengguna.peran, pengguna.peran)} tidak berwenang {AKSI[aksi]}.")


# -- sandi -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _hash_tiruan() -> str:
    """Hash sandi acak, diverifikasi untuk akun yang tidak ada agar waktunya serupa dengan akun yang ada."""
    import secrets

    return _hasher().hash(secrets.token_urlsafe(24))


def hash_sandi(sandi: str) -> str:
    if len(sandi or "") < PANJANG_SANDI_MIN:
        raise KesalahanAkun(f"Sandi paling sedikit {PANJANG_SANDI_MIN} karakter.")
    return _hasher().hash(sandi)


def _cocok(hash_: str | None, sandi: str) -> bool:
    try:
        return _hasher().verify(hash_ or _hash_tiruan(), sandi or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# -- masuk ---------------------------------------------------------------------------------------------------

_KOLOM = "id, nama_pengguna, nama_lengkap, peran, daerah_kode"


def _pengguna(row) -> Pengguna:
    return Pengguna(id=row[0], nama_pengguna=row[1], nama_lengkap=row[2], peran=row[3], daerah_kode=row[4])


def _sekarang() -> datetime:
    return datetime.now().replace(microsecond=0)


def masuk(con, nama_pengguna: str, sandi: str, *, sekarang: datetime | None = None) -> Pengguna:
    """Periksa nama dan sandi. Berhasil: kembalikan ``Pengguna``; gagal: ``GagalMasuk`` (pesan yang sama untuk
    semua sebab). ``con``: koneksi DuckDB atau ``BasisData``."""
    sekarang = sekarang or _sekarang()
    nama = (nama_pengguna or "").strip().lower()
    cur = con.cursor()
    try:
        row = cur.execute(f"SELECT {_KOLOM}, hash_sandi, aktif, terkunci_sampai FROM pengguna "
                          "WHERE nama_pengguna = $n", {"n": nama}).fetchone()
        if row is None:
            _cocok(None, sandi)  # waktu serupa dengan akun yang ada
            raise GagalMasuk()
        hash_, aktif, terkunci = row[5], row[6], row[7]
        benar = _cocok(hash_, sandi) if hash_ else (_cocok(None, sandi) and False)
        if not aktif or (terkunci is not None and terkunci > sekarang):
            raise GagalMasuk()
        if not benar:
            cur.execute(
                "UPDATE pengguna SET gagal_berturut = CASE WHEN gagal_berturut + 1 >= $maks THEN 0 "
                "ELSE gagal_berturut + 1 END, terkunci_sampai = CASE WHEN gagal_berturut + 1 >= $maks "
                "THEN $sampai ELSE NULL END WHERE id = $id",
                {"maks": MAKS_GAGAL, "sampai": sekarang + LAMA_KUNCI, "id": row[0]})
            raise GagalMasuk()
        baru = _hasher().hash(sandi) if _hasher().check_needs_rehash(hash_) else hash_
        cur.execute("UPDATE pengguna SET gagal_berturut = 0, terkunci_sampai = NULL, terakhir_masuk = $t, "
                    "hash_sandi = $h WHERE id = $id", {"t": sekarang, "h": baru, "id": row[0]})
        return _pengguna(row)
    finally:
        cur.close()


def cari_surel(con, surel: str | None, *, sekarang: datetime | None = None) -> Pengguna | None:
    """Akun aktif untuk alamat surel dari penyedia OpenID Connect (``st.user.email``), atau None."""
    if not surel:
        return None
    cur = con.cursor()
    try:
        row = cur.execute(f"SELECT {_KOLOM} FROM pengguna WHERE lower(surel) = lower($s) AND aktif "
                          "AND (terkunci_sampai IS NULL OR terkunci_sampai <= $t)",
                          {"s": surel.strip(), "t": sekarang or _sekarang()}).fetchone()
        if row is None:
            return None
        cur.execute("UPDATE pengguna SET terakhir_masuk = $t WHERE id = $id", {"t": sekarang or _sekarang(), "id": row[0]})
        return _pengguna(row)
    finally:
        cur.close()


def masih_aktif(con, pengguna: Pengguna) -> Pengguna | None:
    """Baca ulang akun sesi yang sedang berjalan: None bila dinonaktifkan/dihapus; peran/daerah terbaru."""
    cur = con.cursor()
    try:
        row = cur.execute(f"SELECT {_KOLOM} FROM pengguna WHERE nama_pengguna = $n AND aktif",
                          {"n": pengguna.nama_pengguna}).fetchone()
        return _pengguna(row) if row else None
    finally:
        cur.close()


# -- pengelolaan akun (admin) ------------------------------------------------------------------------------

def _catat(cur, oleh: str, aksi: str, nama: str, kolom: str, lama, baru, daerah=None, waktu=None) -> None:
    cur.execute("INSERT INTO riwayat (waktu, oleh, tabel, aksi, daerah_kode, kunci, kolom, nilai_lama, nilai_baru) "
                "VALUES ($w, $o, 'pengguna', $a, $d, $k, $ko, $l, $b)",
                {"w": waktu or _sekarang(), "o": oleh, "a": aksi, "d": daerah, "k": nama, "ko": kolom,
                 "l": None if lama is None else str(lama), "b": None if baru is None else str(baru)})


def _transaksi(con, fungsi):
    cur = con.cursor()
    try:
        with transaksi(cur):
            return fungsi(cur)
    finally:
        cur.close()


def tambah_pengguna(con, *, pelaku: Pengguna, nama_pengguna: str, nama_lengkap: str, peran: str, sandi: str | None,
                    daerah_kode: str | None = None, surel: str | None = None) -> Pengguna:
    periksa_izin(pelaku, "kelola_akun")
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

    def isi(cur):
        if cur.execute("SELECT count(*) FROM pengguna WHERE nama_pengguna = $n", {"n": nama}).fetchone()[0]:
            raise KesalahanAkun(f"Nama pengguna {nama} sudah dipakai.")
        if daerah_kode and not cur.execute("SELECT count(*) FROM daerah WHERE kode = $k", {"k": daerah_kode}).fetchone()[0]:
            raise KesalahanAkun(f"Kode daerah {daerah_kode} tidak dikenal.")
        w = _sekarang()
        id_ = cur.execute(
            "INSERT INTO pengguna (nama_pengguna, nama_lengkap, peran, daerah_kode, surel, hash_sandi, dibuat_pada) "
            "VALUES ($n, $l, $p, $d, $s, $h, $w) RETURNING id",
            {"n": nama, "l": nama_lengkap.strip(), "p": peran, "d": daerah_kode, "s": surel or None, "h": hash_,
             "w": w}).fetchone()[0]
        for kolom, nilai in (("peran", peran), ("daerah_kode", daerah_kode), ("nama_lengkap", nama_lengkap.strip()),
                             ("surel", surel)):
            if nilai:
                _catat(cur, pelaku.nama_pengguna, "tambah", nama, kolom, None, nilai, daerah_kode, w)
        return Pengguna(id=id_, nama_pengguna=nama, nama_lengkap=nama_lengkap.strip(), peran=peran,
                        daerah_kode=daerah_kode)

    return _transaksi(con, isi)


def _ubah(con, pelaku: Pengguna, nama: str, kolom: str, nilai, dicatat, tambahan_sql: str = "",
          cabut: str | None = None) -> None:
    periksa_izin(pelaku, "kelola_akun")
    nama = (nama or "").strip().lower()

    def isi(cur):
        row = cur.execute(f"SELECT {kolom}, daerah_kode FROM pengguna WHERE nama_pengguna = $n", {"n": nama}).fetchone()
        if row is None:
            raise KesalahanAkun(f"Akun {nama} tidak ada.")
        cur.execute(f"UPDATE pengguna SET {kolom} = $v{tambahan_sql} WHERE nama_pengguna = $n", {"v": nilai, "n": nama})
        lama, baru = dicatat(row[0])
        _catat(cur, pelaku.nama_pengguna, "ubah", nama, kolom, lama, baru, row[1])
        if cabut:
            cur.execute("UPDATE sesi SET dicabut_pada = $t, dicabut_karena = $k WHERE dicabut_pada IS NULL AND "
                        "pengguna_id = (SELECT id FROM pengguna WHERE nama_pengguna = $n)",
                        {"t": _sekarang(), "k": cabut, "n": nama})

    _transaksi(con, isi)


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


# -- pengaturan -----------------------------------------------------------------------------------------------

def baca_pengaturan(con, kunci: str, bawaan: str | None = None) -> str | None:
    cur = con.cursor()
    try:
        row = cur.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": kunci}).fetchone()
        return row[0] if row else bawaan
    except duckdb.Error:
        return bawaan
    finally:
        cur.close()


def _persen_sah(batas_atas: float):
    def sah(v: str) -> bool:
        try:
            x = float(v.replace(",", "."))
        except ValueError:
            return False
        return 0 < x <= batas_atas
    return sah


_PENGATURAN_SAH = {
    "rumus_negatif": lambda v: v in ("2T-R", "T/R"),
    "baca_perlu_masuk": lambda v: v in ("ya", "tidak"),
    "menit_sesi": lambda v: v.isdigit() and 1 <= int(v) <= 24 * 60,
    "kuadran_batas_kinerja": _persen_sah(150),
    "kuadran_batas_serapan": _persen_sah(100),
    "kuadran_batas_serapan_triwulan": lambda v: _tiga_naik(v),
}


def _tiga_naik(v: str) -> bool:
    """Tiga persen naik untuk TW I;II;III, misalnya '15;40;60'."""
    bagian = v.split(";")
    if len(bagian) != 3 or not all(_persen_sah(100)(b.strip()) for b in bagian):
        return False
    x = [float(b.strip().replace(",", ".")) for b in bagian]
    return x[0] <= x[1] <= x[2]
#: Pengaturan angka disimpan dengan titik desimal (view batas_kuadran membacanya dengan TRY_CAST).
_PENGATURAN_ANGKA = {"kuadran_batas_kinerja", "kuadran_batas_serapan"}


def pengaturan_sah(kunci: str, nilai: str) -> bool:
    """Apakah ``nilai`` sah untuk pengaturan ``kunci`` (untuk memeriksa semua isian sebelum menulis satu pun)."""
    return kunci in _PENGATURAN_SAH and _PENGATURAN_SAH[kunci](str(nilai).strip())


def ubah_pengaturan(con, *, pelaku: Pengguna, kunci: str, nilai: str) -> None:
    """Ubah satu pengaturan (hanya admin), dicatat di riwayat."""
    periksa_izin(pelaku, "pengaturan")
    nilai = str(nilai).strip()
    if kunci not in _PENGATURAN_SAH:
        raise KesalahanAkun(f"Pengaturan {kunci} tidak dikenal.")
    if not _PENGATURAN_SAH[kunci](nilai):
        raise KesalahanAkun(f"Nilai {nilai!r} tidak sah untuk pengaturan {kunci}.")
    if kunci in _PENGATURAN_ANGKA:
        nilai = f"{float(nilai.replace(',', '.')):g}"
    elif kunci == "kuadran_batas_serapan_triwulan":
        nilai = ";".join(f"{float(b.strip().replace(',', '.')):g}" for b in nilai.split(";"))

    def isi(cur):
        lama = cur.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": kunci}).fetchone()
        cur.execute("INSERT INTO pengaturan (kunci, nilai) VALUES ($k, $v) "
                    "ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai", {"k": kunci, "v": nilai})
        cur.execute("INSERT INTO riwayat (waktu, oleh, tabel, aksi, kunci, kolom, nilai_lama, nilai_baru) "
                    "VALUES ($w, $o, 'pengaturan', $a, $k, 'nilai', $l, $b)",
                    {"w": _sekarang(), "o": pelaku.nama_pengguna, "a": "ubah" if lama else "tambah", "k": kunci,
                     "l": lama[0] if lama else None, "b": nilai})

    _transaksi(con, isi)


# -- sesi yang bertahan (isu #22) ------------------------------------------------------------------------------
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

    return int(_transaksi(con, isi)), kode


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

    return _transaksi(con, isi)


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
    return HasilSesi(_pengguna(row[5:]), int(sesi_id))


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
    _transaksi(con, lambda cur: cur.execute(
        f"UPDATE sesi SET dicabut_pada = $t, dicabut_karena = $k WHERE {where} AND dicabut_pada IS NULL",
        {**params, "t": _sekarang(), "k": karena}))
