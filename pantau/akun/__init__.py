"""Akun dan administrasi: sandi (``sandi``), masuk (``masuk``), pengelolaan akun (``kelola``), sesi yang bertahan
(``sesi``), dan membaca/mengubah pengaturan (``pengaturan``). Peran dan izin adalah aturan murni di
``pantau.aturan.izin``; setiap tulisan lewat ``pantau.db.tulis``. Wajah paket: nama yang dipakai lantai di atasnya."""
from pantau.akun.autentikasi import (
    LAMA_KUNCI,
    MAKS_GAGAL,
    PESAN_GAGAL_MASUK,
    GagalMasuk,
    cari_surel,
    masih_aktif,
    masuk,
)
from pantau.akun.kelola import atur_aktif, atur_sandi, daftar_pengguna, tambah_pengguna
from pantau.akun.pengaturan import ubah_pengaturan
from pantau.akun.sandi import PANJANG_SANDI_MIN, KesalahanAkun, hash_sandi
from pantau.akun.sesi import (
    DETIK_CATAT_AKTIF,
    DETIK_KODE_SESI,
    JAM_SESI_MAKS,
    HasilSesi,
    buat_kode_sesi,
    cabut_sesi,
    nilai_kuki,
    periksa_sesi,
    sesi_dari_kuki,
    token_dari_kuki,
    tukar_kode_sesi,
)
from pantau.aturan.izin import (
    AKSI,
    DAERAH_SENDIRI,
    IZIN,
    LABEL_PERAN,
    PERAN,
    TIDAK,
    YA,
    Pengguna,
    TidakBerizin,
    periksa_izin,
    sistem,
)

__all__ = [
    "atur_aktif", "atur_sandi", "daftar_pengguna", "tambah_pengguna", "LAMA_KUNCI", "MAKS_GAGAL", "PESAN_GAGAL_MASUK",
    "GagalMasuk", "cari_surel", "masih_aktif", "masuk", "ubah_pengaturan", "PANJANG_SANDI_MIN", "KesalahanAkun",
    "hash_sandi", "DETIK_CATAT_AKTIF", "DETIK_KODE_SESI", "JAM_SESI_MAKS", "HasilSesi", "buat_kode_sesi",
    "cabut_sesi", "nilai_kuki", "periksa_sesi", "sesi_dari_kuki", "token_dari_kuki", "tukar_kode_sesi", "AKSI",
    "DAERAH_SENDIRI", "IZIN", "LABEL_PERAN", "PERAN", "TIDAK", "YA", "Pengguna", "TidakBerizin", "periksa_izin",
    "sistem",
]
