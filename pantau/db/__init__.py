"""Lantai basis data: membuka berkas (``koneksi``), kueri bernama (``kueri``), skema dan migrasi (``skema``),
satu jalan menulis (``tulis``) dan cadangan (``cadangan``). Wajah paket: nama yang dipakai lantai di atasnya."""
from pantau.db.koneksi import (
    GALAT_TULIS,
    STORAGE_COMPAT,
    BasisData,
    BasisDataTakTerbuka,
    KesalahanBasisData,
    batasi_memori,
    buka,
    jenis_gagal_tulis,
    keadaan_galat,
    periksa_berkas,
    pesan_gagal_tulis,
    transaksi,
)
from pantau.db.kueri import jalankan, parameter_kueri, teks_kueri
from pantau.db.skema import SCHEMA_VERSION, migrasi, pasang_skema, siapkan, versi_skema

__all__ = ["GALAT_TULIS", "STORAGE_COMPAT", "BasisData", "BasisDataTakTerbuka", "KesalahanBasisData",
           "batasi_memori", "buka", "keadaan_galat", "jenis_gagal_tulis", "pesan_gagal_tulis", "periksa_berkas",
           "transaksi", "jalankan", "parameter_kueri", "teks_kueri", "SCHEMA_VERSION", "migrasi", "pasang_skema",
           "siapkan", "versi_skema"]
