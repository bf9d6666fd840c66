"""Peran dan izin: siapa boleh mengubah apa.

SATU tabel izin untuk seluruh Pantau (``IZIN``), diperiksa DI TEMPAT DATA DITULIS (``pantau.db.tulis``: impor,
pembatalan impor, pemulihan cadangan, catatan dan dukungan desk, pengaturan, akun), bukan hanya dengan
menyembunyikan tombol. Halaman memakai tabel yang sama (``Pengguna.boleh``) untuk memutuskan apa yang
ditampilkan. Aturan murni: tidak membaca basis data.
"""
from __future__ import annotations

from dataclasses import dataclass

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
    "keputusan_usulan": "mencatat keputusan atas usulan kabupaten/kota",
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
    ("pimpinan", "catatan_desk"): TIDAK, ("pimpinan", "dukungan_desk"): TIDAK,
    ("pimpinan", "keputusan_usulan"): TIDAK, ("pimpinan", "impor"): TIDAK,
    ("pimpinan", "batal_impor"): TIDAK, ("pimpinan", "pulihkan"): TIDAK, ("pimpinan", "pengaturan"): TIDAK,
    ("pimpinan", "skala_predikat"): TIDAK, ("pimpinan", "kelola_akun"): TIDAK,
    # analis: membaca, mengekspor, menulis catatan desk
    ("analis", "baca"): YA, ("analis", "ekspor"): YA, ("analis", "lihat_riwayat"): YA,
    ("analis", "catatan_desk"): YA, ("analis", "dukungan_desk"): YA,
    ("analis", "keputusan_usulan"): YA, ("analis", "impor"): TIDAK,
    ("analis", "batal_impor"): TIDAK, ("analis", "pulihkan"): TIDAK, ("analis", "pengaturan"): TIDAK,
    ("analis", "skala_predikat"): TIDAK, ("analis", "kelola_akun"): TIDAK,
    # operator: terikat satu daerah; mengimpor dan mengubah angka daerah itu saja
    ("operator", "baca"): YA, ("operator", "ekspor"): YA, ("operator", "lihat_riwayat"): YA,
    ("operator", "catatan_desk"): TIDAK, ("operator", "dukungan_desk"): DAERAH_SENDIRI,
    ("operator", "keputusan_usulan"): TIDAK,
    ("operator", "impor"): DAERAH_SENDIRI, ("operator", "batal_impor"): TIDAK, ("operator", "pulihkan"): TIDAK,
    ("operator", "pengaturan"): TIDAK, ("operator", "skala_predikat"): TIDAK, ("operator", "kelola_akun"): TIDAK,
    # admin: akun, pengaturan, skala predikat, pemulihan cadangan dan pembatalan impor; impor (perintah
    # baris di server dijalankan sebagai admin)
    ("admin", "baca"): YA, ("admin", "ekspor"): YA, ("admin", "lihat_riwayat"): YA,
    ("admin", "catatan_desk"): TIDAK, ("admin", "dukungan_desk"): TIDAK,
    ("admin", "keputusan_usulan"): YA, ("admin", "impor"): YA,
    ("admin", "batal_impor"): YA, ("admin", "pulihkan"): YA, ("admin", "pengaturan"): YA,
    ("admin", "skala_predikat"): YA, ("admin", "kelola_akun"): YA,
}
assert set(IZIN) == {(p, a) for p in PERAN for a in AKSI}, "IZIN harus lengkap untuk setiap peran dan aksi"



class TidakBerizin(Exception):
    """Pengguna tidak boleh melakukan aksi ini (pesan bahasa Indonesia untuk ditampilkan)."""



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

