"""Basis data sintetis skala nasional, untuk pengembangan dan benchmark (docs/DESAIN.md, "Kualitas").

``bangun_nasional(path)`` membuat basis data berisi SEMUA daerah tabel ``daerah`` (38 provinsi dan
514 kabupaten/kota), masing-masing satu periode RPJMD (bawaan 2021-2026) dengan ~150 indikator,
target per tahun (RPJMD, ditambah RKPD untuk ~10% indikator-tahun) dan realisasi per triwulan
(TW1-TW4 untuk tahun-tahun penuh, TW1-TW3 untuk tahun terakhir): ~83 ribu indikator, ~0,5 juta
target, ~1,9 juta realisasi.

Cara kerjanya: katalog ~150 templat indikator dibuat di Python (kecil), lalu SEMUA baris dibentuk
di dalam DuckDB dengan SQL berbasis himpunan (``range``, ``hash()`` sebagai bilangan acak
deterministik) dan disisipkan langsung ke tabel, tanpa jalur impor (terlalu lambat untuk jutaan
baris) dan tanpa perulangan baris demi baris di Python.

Bilangan acak: ``seragam(hash(kunci, ...))`` memberi angka di [0, 1) yang hanya bergantung pada
kunci indikator (``hash(kode daerah, kode indikator, seed)``), tahun dan triwulan. Seed yang sama
menghasilkan isi tabel data yang sama (``diubah_pada`` pun tanggal pelaporan yang dihitung, bukan
jam pembuatan); yang berbeda antar-bangun hanya ``meta`` dan ``impor.waktu``. Daerah yang sama
mendapat angka yang sama walaupun dibangun dengan ``daerah_prefix``.

Baris ``riwayat`` sengaja tidak dibuat: ini data sintetis sekali-bangun, bukan perubahan oleh
pengguna; satu baris ``impor`` mencatat pembangunannya dan setiap baris target/realisasi merujuknya.

Jalankan: ``python -m pantau.demo.nasional /tmp/pantau-nasional.duckdb``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pantau.db import buka, siapkan, transaksi

#: Versi pembangkit; masuk ke sha256 parameter agar perubahan algoritme terlihat.
VERSI_PEMBANGKIT = "1"
OLEH = "demo-nasional"
SUMBER_DATA = "sintetis (skala nasional)"

# ---------------------------------------------------------------------------
# Katalog templat indikator
# ---------------------------------------------------------------------------

#: Perangkat daerah pengampu per urusan; NULL urusan (lintas urusan) -> Bappeda.
PERANGKAT = {
    None: "Badan Perencanaan Pembangunan Daerah",
    "1.01": "Dinas Pendidikan",
    "1.02": "Dinas Kesehatan",
    "1.03": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "1.04": "Dinas Perumahan dan Kawasan Permukiman",
    "1.05": "Satuan Polisi Pamong Praja",
    "1.06": "Dinas Sosial",
    "2.07": "Dinas Tenaga Kerja",
    "2.08": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "2.09": "Dinas Ketahanan Pangan",
    "2.10": "Dinas Pertanahan",
    "2.11": "Dinas Lingkungan Hidup",
    "2.12": "Dinas Kependudukan dan Pencatatan Sipil",
    "2.13": "Dinas Pemberdayaan Masyarakat dan Desa",
    "2.14": "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "2.15": "Dinas Perhubungan",
    "2.16": "Dinas Komunikasi dan Informatika",
    "2.17": "Dinas Koperasi dan Usaha Kecil Menengah",
    "2.18": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "2.19": "Dinas Kepemudaan dan Olahraga",
    "2.20": "Dinas Komunikasi dan Informatika (Statistik)",
    "2.21": "Dinas Komunikasi dan Informatika (Persandian)",
    "2.22": "Dinas Kebudayaan",
    "2.23": "Dinas Perpustakaan dan Kearsipan",
    "2.24": "Dinas Perpustakaan dan Kearsipan",
    "3.25": "Dinas Kelautan dan Perikanan",
    "3.26": "Dinas Pariwisata",
    "3.27": "Dinas Pertanian",
    "3.28": "Dinas Kehutanan",
    "3.29": "Dinas Energi dan Sumber Daya Mineral",
    "3.30": "Dinas Perdagangan",
    "3.31": "Dinas Perindustrian",
    "3.32": "Dinas Transmigrasi",
    "4.01": "Sekretariat Daerah",
    "5.01": "Badan Perencanaan Pembangunan Daerah",
    "5.02": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "5.03": "Badan Kepegawaian dan Pengembangan SDM",
    "5.05": "Badan Riset dan Inovasi Daerah",
    "6.01": "Inspektorat Daerah",
    "8.01": "Badan Kesatuan Bangsa dan Politik",
}


def _v(label: str = "", nilai: float | None = None, **ubah) -> dict:
    """Satu varian sebuah nama dasar: label pengisi ``{}``, nilai dasar, dan kolom yang diganti."""
    return {"label": label, "nilai": nilai, **ubah}


def _dasar(nama, varian, satuan, urusan, polaritas, agregasi="akhir", desimal=2, batas=None,
           iku=False, **lain) -> dict:
    return {"nama": nama, "varian": varian, "satuan": satuan, "urusan": urusan, "polaritas": polaritas,
            "agregasi": agregasi, "desimal": desimal, "batas": batas, "iku": iku, **lain}


def _P(nama, varian, satuan, urusan, **kw):  # positif, tingkat (akhir)
    return _dasar(nama, varian, satuan, urusan, "positif", **kw)


def _N(nama, varian, satuan, urusan, **kw):  # negatif, tingkat (akhir)
    return _dasar(nama, varian, satuan, urusan, "negatif", **kw)


def _K(nama, varian, satuan, urusan, desimal=0, **kw):  # positif, arus (kumulatif)
    return _dasar(nama, varian, satuan, urusan, "positif", agregasi="kumulatif", desimal=desimal, **kw)


def _R(nama, varian, satuan, urusan, **kw):  # rentang: varian membawa min, maks, kondisi awal
    return _dasar(nama, varian, satuan, urusan, "rentang", **kw)


def _T(nama, satuan, urusan, skala, awal, target, **kw):  # teks: skala urut terburuk -> terbaik
    return _dasar(nama, [_v()], satuan, urusan, "teks", skala=skala, awal=awal, target=target, **kw)


PERSEN = "%"
_DASAR = [
    # --- lintas urusan (makro, tujuan/sasaran RPJMD) ---
    _P("Indeks Pembangunan Manusia", [_v("", 71.0)], "indeks", None, iku=True),
    _N("Persentase Penduduk Miskin", [_v("", 10.2)], PERSEN, None, iku=True),
    _R("Laju Pertumbuhan Ekonomi", [_v("", -2.0, lo=5.0, hi=6.0)], PERSEN, None, iku=True),
    _N("Rasio Gini", [_v("", 0.36)], "indeks", None, desimal=3, iku=True),
    _N("Indeks {}", [_v("Kedalaman Kemiskinan (P1)", 1.6), _v("Keparahan Kemiskinan (P2)", 0.4)],
       "indeks", None, desimal=3),
    _R("Laju Inflasi", [_v("", 1.7, lo=2.0, hi=4.0)], PERSEN, None),
    # --- pelayanan dasar ---
    _P("Angka Partisipasi Murni (APM) {}",
       [_v("SD/MI", 97.5), _v("SMP/MTs", 80.0), _v("SMA/SMK/MA", 62.0)], PERSEN, "1.01", batas=100),
    _P("Angka Partisipasi Kasar (APK) {}",
       [_v("PAUD", 38.0), _v("SD/MI", 105.0), _v("SMP/MTs", 91.0), _v("SMA/SMK/MA", 85.0)], PERSEN, "1.01"),
    _P("Rata-rata Lama Sekolah", [_v("", 8.7)], "tahun", "1.01", iku=True),
    _P("Harapan Lama Sekolah", [_v("", 13.1)], "tahun", "1.01"),
    _P("Persentase Satuan Pendidikan Terakreditasi Minimal B {}",
       [_v("SD/MI", 85.0), _v("SMP/MTs", 82.0), _v("SMA/SMK/MA", 80.0)], PERSEN, "1.01", batas=100),
    _P("Angka Melek Huruf Penduduk Usia 15 Tahun ke Atas", [_v("", 96.0)], PERSEN, "1.01", batas=100),
    _N("Angka Putus Sekolah {}", [_v("SD/MI", 0.25), _v("SMP/MTs", 0.9), _v("SMA/SMK/MA", 1.3)],
       PERSEN, "1.01"),
    _K("Jumlah Ruang Kelas yang Direhabilitasi", [_v("", 80)], "ruang", "1.01"),
    _P("Cakupan {}",
       [_v("Imunisasi Dasar Lengkap", 87.0), _v("Persalinan di Fasilitas Pelayanan Kesehatan", 90.0),
        _v("Pelayanan Kesehatan Ibu Hamil (K6)", 75.0), _v("Pelayanan Kesehatan Balita", 82.0),
        _v("Pelayanan Kesehatan Usia Produktif", 65.0),
        _v("Pelayanan Kesehatan Penderita Hipertensi", 55.0)], PERSEN, "1.02", batas=100),
    _P("Angka Harapan Hidup", [_v("", 70.5)], "tahun", "1.02", iku=True),
    _P("Persentase Penduduk yang Menjadi Peserta JKN", [_v("", 88.0)], PERSEN, "1.02", batas=100),
    _N("Prevalensi {}",
       [_v("Stunting pada Balita", 24.0, iku=True), _v("Balita Gizi Kurang (Wasting)", 7.5),
        _v("Balita Berat Badan Kurang (Underweight)", 17.0), _v("Anemia pada Ibu Hamil", 45.0)],
       PERSEN, "1.02"),
    _N("Angka Kematian {}",
       [_v("Ibu", 210.0, satuan="per 100.000 kelahiran hidup"),
        _v("Bayi", 19.0, satuan="per 1.000 kelahiran hidup"),
        _v("Balita", 23.0, satuan="per 1.000 kelahiran hidup"),
        _v("Neonatal", 11.0, satuan="per 1.000 kelahiran hidup")], "per 1.000 kelahiran hidup", "1.02"),
    _N("Insidensi Tuberkulosis", [_v("", 350.0)], "per 100.000 penduduk", "1.02", desimal=1),
    _K("Jumlah Tenaga Kesehatan yang Ditingkatkan Kompetensinya", [_v("", 300)], "orang", "1.02"),
    _P("Persentase Rumah Tangga dengan Akses {}",
       [_v("Air Minum Layak", 89.0), _v("Sanitasi Layak", 81.0), _v("Air Minum Aman", 15.0)],
       PERSEN, "1.03", batas=100),
    _P("Persentase Panjang Jalan dalam Kondisi Mantap", [_v("", 70.0)], PERSEN, "1.03", batas=100),
    _P("Persentase Jaringan Irigasi dalam Kondisi Baik", [_v("", 62.0)], PERSEN, "1.03", batas=100),
    _N("Tingkat Kehilangan Air Minum (Non-Revenue Water)", [_v("", 32.0)], PERSEN, "1.03"),
    _K("Panjang Jalan yang Dibangun/Ditingkatkan", [_v("", 30.0)], "km", "1.03", desimal=2),
    _K("Panjang Saluran Drainase yang Dibangun", [_v("", 8.0)], "km", "1.03", desimal=2),
    _K("Jumlah Sambungan Rumah Air Minum Baru", [_v("", 1500)], "SR", "1.03"),
    _P("Persentase Rumah Tangga yang Menempati Rumah Layak Huni", [_v("", 61.0)], PERSEN, "1.04", batas=100),
    _N("Persentase Luas Kawasan Permukiman Kumuh", [_v("", 5.5)], PERSEN, "1.04"),
    _N("Persentase Rumah Tidak Layak Huni", [_v("", 12.0)], PERSEN, "1.04"),
    _K("Jumlah Rumah Tidak Layak Huni yang Diperbaiki", [_v("", 350)], "unit", "1.04"),
    _P("Persentase Penegakan Perda dan Perkada", [_v("", 75.0)], PERSEN, "1.05", batas=100),
    _N("Indeks Risiko Bencana", [_v("", 140.0)], "skor", "1.05"),
    _N("Angka Kriminalitas", [_v("", 95.0)], "per 100.000 penduduk", "1.05", desimal=1),
    _K("Jumlah Desa Tangguh Bencana yang Dibentuk", [_v("", 6)], "desa", "1.05"),
    _N("Persentase Penyandang Masalah Kesejahteraan Sosial", [_v("", 8.0)], PERSEN, "1.06"),
    _K("Jumlah Penerima Bantuan Sosial", [_v("", 12000)], "jiwa", "1.06"),
    _K("Jumlah PPKS yang Mendapat Rehabilitasi Sosial", [_v("", 450)], "orang", "1.06"),
    # --- wajib non-pelayanan dasar ---
    _N("Tingkat Pengangguran Terbuka", [_v("", 5.6)], PERSEN, "2.07", iku=True),
    _P("Tingkat Partisipasi Angkatan Kerja", [_v("", 68.0)], PERSEN, "2.07", batas=100),
    _N("Persentase Pekerja Informal", [_v("", 58.0)], PERSEN, "2.07"),
    _K("Jumlah Tenaga Kerja yang {}",
       [_v("Dilatih di Balai Latihan Kerja", 1200), _v("Ditempatkan", 2500), _v("Tersertifikasi", 600)],
       "orang", "2.07"),
    _P("Indeks {}", [_v("Pembangunan Gender", 91.5), _v("Pemberdayaan Gender", 70.0)], "indeks", "2.08"),
    _K("Jumlah Kasus Kekerasan terhadap Perempuan dan Anak yang Ditangani", [_v("", 120)], "kasus", "2.08"),
    _P("Indeks Ketahanan Pangan", [_v("", 72.0)], "indeks", "2.09"),
    _P("Skor Pola Pangan Harapan", [_v("", 86.0)], "skor", "2.09"),
    _N("Prevalensi Ketidakcukupan Konsumsi Pangan", [_v("", 7.0)], PERSEN, "2.09"),
    _K("Jumlah Bidang Tanah yang Disertifikasi", [_v("", 4000)], "bidang", "2.10"),
    _P("Indeks Kualitas {}",
       [_v("Lingkungan Hidup", 69.0, iku=True), _v("Air", 53.0), _v("Udara", 86.0), _v("Lahan", 60.0),
        _v("Air Laut", 75.0)], "indeks", "2.11", batas=100),
    _N("Persentase Sampah yang Tidak Terkelola", [_v("", 35.0)], PERSEN, "2.11"),
    _P("Cakupan Kepemilikan {}",
       [_v("KTP Elektronik", 97.0), _v("Akta Kelahiran Anak 0-18 Tahun", 93.0),
        _v("Kartu Identitas Anak", 55.0)], PERSEN, "2.12", batas=100),
    _P("Persentase Desa Berstatus {}", [_v("Mandiri", 15.0), _v("Maju", 35.0)], PERSEN, "2.13", batas=100),
    _P("Indeks Desa Membangun", [_v("", 0.68)], "indeks", "2.13", desimal=4, batas=1),
    _N("Persentase Desa Tertinggal", [_v("", 12.0)], PERSEN, "2.13"),
    _N("Angka Kelahiran Total (TFR)", [_v("", 2.3)], "anak per perempuan", "2.14"),
    _N("Kebutuhan Ber-KB yang Tidak Terpenuhi (Unmet Need)", [_v("", 11.0)], PERSEN, "2.14"),
    _R("Laju Pertumbuhan Penduduk", [_v("", 1.4, lo=0.9, hi=1.3)], PERSEN, "2.14"),
    _K("Jumlah Akseptor KB Baru", [_v("", 9000)], "orang", "2.14"),
    _N("Angka Kecelakaan Lalu Lintas", [_v("", 40.0)], "per 100.000 penduduk", "2.15", desimal=1),
    _P("Indeks {}",
       [_v("Sistem Pemerintahan Berbasis Elektronik (SPBE)", 2.6, urusan="2.16", batas=5),
        _v("Pembangunan Literasi Masyarakat", 62.0, urusan="2.23", batas=100),
        _v("Pembangunan Pemuda", 53.0, urusan="2.19", batas=100),
        _v("Pembangunan Kebudayaan", 55.0, urusan="2.22", batas=100),
        _v("Kepuasan Masyarakat atas Pelayanan Publik", 80.0, urusan="4.01", batas=100),
        _v("Kerukunan Umat Beragama", 73.0, urusan="8.01", batas=100),
        _v("Profesionalitas ASN", 65.0, urusan="5.03", batas=100)], "indeks", None),
    _P("Indeks Kepuasan Layanan {}",
       [_v("Perizinan Berusaha", 82.0, urusan="2.18"), _v("Administrasi Kependudukan", 84.0, urusan="2.12"),
        _v("Puskesmas", 80.0, urusan="1.02")], "indeks", None, batas=100),
    _K("Jumlah Wirausaha Baru", [_v("", 450)], "orang", "2.17"),
    _K("Jumlah UMKM yang {}",
       [_v("Difasilitasi", 800), _v("Naik Kelas", 120), _v("Bersertifikat Halal", 300)], "unit", "2.17"),
    _K("Nilai Realisasi Investasi {}", [_v("PMA", 900.0), _v("PMDN", 1300.0)], "Rp miliar", "2.18",
       desimal=2),
    _K("Jumlah Atlet Berprestasi Tingkat Nasional", [_v("", 25)], "orang", "2.19"),
    _P("Persentase Ketersediaan Data Statistik Sektoral", [_v("", 70.0)], PERSEN, "2.20", batas=100),
    _P("Persentase Perangkat Daerah yang Menerapkan Persandian", [_v("", 60.0)], PERSEN, "2.21", batas=100),
    _K("Jumlah Event Budaya yang Diselenggarakan", [_v("", 15)], "kegiatan", "2.22"),
    _K("Jumlah Kunjungan ke Perpustakaan", [_v("", 60000)], "kunjungan", "2.23"),
    _P("Persentase Arsip yang Dikelola Sesuai Standar", [_v("", 55.0)], PERSEN, "2.24", batas=100),
    _K("Jumlah Arsip yang Dialihmediakan", [_v("", 5000)], "berkas", "2.24"),
    # --- pilihan ---
    _P("Nilai Tukar {}", [_v("Petani", 104.0, urusan="3.27"), _v("Nelayan", 103.0, urusan="3.25")],
       "indeks", None),
    _K("Produksi Perikanan {}", [_v("Tangkap", 45000), _v("Budidaya", 60000)], "ton", "3.25"),
    _K("Jumlah Kunjungan Wisatawan {}", [_v("Nusantara", 900000), _v("Mancanegara", 15000)],
       "kunjungan", "3.26"),
    _P("Tingkat Penghunian Kamar Hotel", [_v("", 45.0)], PERSEN, "3.26", batas=100),
    _K("Jumlah Pelaku Usaha Pariwisata yang Dibina", [_v("", 150)], "unit", "3.26"),
    _P("Produktivitas {}", [_v("Padi", 5.2), _v("Jagung", 5.6), _v("Kedelai", 1.5)], "ton/ha", "3.27"),
    _K("Produksi {}", [_v("Padi", 260000), _v("Jagung", 120000), _v("Cabai", 9000), _v("Daging Sapi", 2500)],
       "ton", "3.27"),
    _N("Persentase Susut Pascapanen Padi", [_v("", 10.0)], PERSEN, "3.27"),
    _R("Laju Pertumbuhan PDRB Sektor {}",
       [_v("Pertanian", 1.8, lo=3.0, hi=4.0, urusan="3.27"),
        _v("Industri Pengolahan", -1.0, lo=4.5, hi=5.5, urusan="3.31"),
        _v("Perdagangan", -3.5, lo=5.0, hi=6.0, urusan="3.30"),
        _v("Penyediaan Akomodasi dan Makan Minum", -10.0, lo=6.0, hi=8.0, urusan="3.26")], PERSEN, None),
    _P("Persentase Tutupan Hutan terhadap Luas Wilayah", [_v("", 48.0)], PERSEN, "3.28", batas=100),
    _N("Luas Lahan Kritis", [_v("", 60000.0)], "ha", "3.28", desimal=0),
    _K("Luas Lahan Kritis yang Direhabilitasi", [_v("", 450)], "ha", "3.28"),
    _P("Rasio Elektrifikasi", [_v("", 97.5)], PERSEN, "3.29", batas=100),
    _K("Nilai Ekspor Nonmigas", [_v("", 250.0)], "USD juta", "3.30", desimal=2),
    _P("Kontribusi Sektor Industri Pengolahan terhadap PDRB", [_v("", 18.0)], PERSEN, "3.31", batas=100),
    _K("Jumlah Industri Kecil dan Menengah Baru", [_v("", 140)], "unit", "3.31"),
    _K("Jumlah Keluarga Transmigran yang Ditempatkan", [_v("", 60)], "KK", "3.32"),
    # --- penunjang ---
    _T("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "opini", "5.02",
       ["TMP", "TW", "WDP", "WTP"], awal=3, target=4, iku=True),
    _P("Rasio PAD terhadap Pendapatan Daerah", [_v("", 20.0)], PERSEN, "5.02", batas=100),
    _K("Pendapatan Asli Daerah", [_v("", 350.0)], "Rp miliar", "5.02", desimal=2),
    _R("Rasio Belanja Pegawai terhadap Total Belanja", [_v("", 33.0, lo=25.0, hi=30.0)], PERSEN, "5.02"),
    _T("Predikat SAKIP", "predikat", "5.01", ["D", "C", "CC", "B", "BB", "A", "AA"], awal=4, target=5),
    _T("Predikat Daerah Layak Anak", "predikat", "2.08",
       ["Belum Berpredikat", "Pratama", "Madya", "Nindya", "Utama", "Layak Anak"], awal=2, target=4),
    _T("Tingkat Maturitas SPIP", "level", "6.01",
       ["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"], awal=3, target=4),
    _N("Persentase Rekomendasi Temuan BPK yang Belum Ditindaklanjuti", [_v("", 18.0)], PERSEN, "6.01"),
    _T("Kategori Indeks Reformasi Birokrasi", "kategori", "5.03",
       ["D", "C", "CC", "B", "BB", "A", "AA"], awal=3, target=5),
    _T("Zona Kepatuhan Standar Pelayanan Publik", "zona", "4.01",
       ["Merah", "Kuning", "Hijau"], awal=2, target=3),
    _T("Predikat Adipura", "predikat", "2.11",
       ["Belum Berpredikat", "Sertifikat Adipura", "Adipura", "Adipura Kencana"], awal=1, target=3),
    _T("Kategori Indeks Inovasi Daerah", "kategori", "5.05",
       ["Kurang Inovatif", "Inovatif", "Sangat Inovatif"], awal=1, target=2),
]

_KOLOM_KATALOG = [
    ("no", "INTEGER"), ("kode", "VARCHAR"), ("nama", "VARCHAR"), ("satuan", "VARCHAR"),
    ("urusan_kode", "VARCHAR"), ("polaritas", "VARCHAR"), ("agregasi", "VARCHAR"), ("iku", "BOOLEAN"),
    ("nilai_dasar", "DOUBLE"), ("dasar_min", "DOUBLE"), ("dasar_max", "DOUBLE"), ("batas", "DOUBLE"),
    ("desimal", "INTEGER"), ("skala", "VARCHAR[]"), ("awal_idx", "INTEGER"), ("target_idx", "INTEGER"),
    ("perangkat_daerah", "VARCHAR"), ("definisi", "VARCHAR"),
]


def katalog(n: int = 150) -> list[dict]:
    """``n`` templat indikator ``N-001``..: varian ke-1 setiap nama dasar, lalu varian ke-2, dst.

    Urutan bergiliran ini membuat potongan kecil (``n=10``) tetap bercampur polaritas dan urusan.
    Bila ``n`` melebihi jumlah varian (150), katalog diulang dengan akhiran "(tambahan k)".
    """
    giliran = []
    for k in range(max(len(b["varian"]) for b in _DASAR)):
        for b in _DASAR:
            if k < len(b["varian"]):
                giliran.append((b, b["varian"][k]))
    hasil = []
    for i in range(n):
        b, v = giliran[i % len(giliran)]
        ulang = i // len(giliran)
        nama = b["nama"].format(v["label"]) if "{}" in b["nama"] else b["nama"]
        if ulang:
            nama += f" (tambahan {ulang})"
        urusan = v.get("urusan", b["urusan"])
        satuan = v.get("satuan", b["satuan"])
        teks = b["polaritas"] == "teks"
        hasil.append({
            "no": i + 1,
            "kode": f"N-{i + 1:03d}",
            "nama": nama,
            "satuan": satuan,
            "urusan_kode": urusan,
            "polaritas": b["polaritas"],
            "agregasi": b["agregasi"],
            "iku": bool(v.get("iku", b["iku"] and k_pertama(b, v))) and ulang == 0,
            "nilai_dasar": v["nilai"],
            "dasar_min": v.get("lo"),
            "dasar_max": v.get("hi"),
            "batas": v.get("batas", b["batas"]),
            "desimal": b["desimal"],
            "skala": b.get("skala") if teks else None,
            "awal_idx": b.get("awal") if teks else None,
            "target_idx": b.get("target") if teks else None,
            "perangkat_daerah": PERANGKAT.get(urusan, PERANGKAT[None]),
            "definisi": f"{nama} ({satuan}); indikator sintetis untuk uji skala nasional.",
        })
    return hasil


def k_pertama(b: dict, v: dict) -> bool:
    """IKU ditandai pada varian pertama nama dasar yang ber-``iku=True``."""
    return v is b["varian"][0]


# ---------------------------------------------------------------------------
# SQL pembangkit. Parameter: $seed, $awal, $akhir, $n, $prefix, $impor_id.
# ---------------------------------------------------------------------------

_SQL_MAKRO = """
CREATE OR REPLACE TEMP MACRO seragam(h) AS (h % 1000003) / 1000003.0;
-- capaian sasaran (%) dari q in [0,1): menyebar ke semua predikat, kebanyakan Tinggi/Sangat Tinggi.
CREATE OR REPLACE TEMP MACRO capaian_sasaran(q) AS CASE
    WHEN q < 0.08 THEN 20 + q / 0.08 * 30.9
    WHEN q < 0.16 THEN 51 + (q - 0.08) / 0.08 * 14.9
    WHEN q < 0.26 THEN 66 + (q - 0.16) / 0.10 * 9.9
    WHEN q < 0.46 THEN 76 + (q - 0.26) / 0.20 * 14.9
    ELSE 91 + (q - 0.46) / 0.54 * 24 END;
-- x = 0,75 u_indikator + 0,25 u_tahun (sebaran trapesium) dikembalikan ke seragam [0,1) dengan fungsi
-- sebarannya: capaian suatu indikator berkisar di sekitar tingkatnya sendiri dari tahun ke tahun.
CREATE OR REPLACE TEMP MACRO seragamkan(x) AS CASE
    WHEN x < 0.25 THEN x * x / 0.375
    WHEN x <= 0.75 THEN (x - 0.125) / 0.75
    ELSE 1 - (1 - x) * (1 - x) / 0.375 END;
"""

_SQL_DAERAH = """
CREATE OR REPLACE TEMP TABLE pilih_daerah AS
SELECT
    CAST(row_number() OVER (ORDER BY length(kode), kode) AS INTEGER) AS periode_id,
    kode, nama, jenis, kode_induk,
    0.8 + 0.4 * seragam(hash(kode, 'faktor', $seed)) AS faktor,
    -- arus (kumulatif) berskala jumlah penduduk; 400 ribu jiwa = nilai dasar katalog
    least(greatest(coalesce(penduduk, 400000) / 400000.0, 0.15), 25.0) AS faktor_penduduk,
    seragam(hash(kode, 'telat', $seed)) AS telat
FROM daerah
WHERE $prefix IS NULL OR starts_with(kode, $prefix)
"""

_SQL_PERIODE = """
INSERT INTO periode (id, daerah_kode, tahun_awal, tahun_akhir, dasar_hukum)
SELECT periode_id, kode, $awal, $akhir,
       'Perda ' || nama || ' tentang RPJMD ' || $awal || '-' || $akhir || ' (sintetis)'
FROM pilih_daerah
ORDER BY periode_id
"""

# Parameter per indikator: kondisi awal (ka), target akhir tingkat (ta), arus dasar dan laju (kumulatif),
# pita (rentang), indeks skala (teks).
_SQL_IND = """
CREATE OR REPLACE TEMP TABLE ind AS
WITH dasar AS (
    SELECT
        (d.periode_id - 1) * $n + k.no AS id,
        d.periode_id, d.kode AS daerah_kode, d.jenis, d.kode_induk, d.faktor, d.faktor_penduduk,
        k.*,
        hash(d.kode, k.kode, $seed) AS kunci
    FROM pilih_daerah d CROSS JOIN katalog k
),
acak AS (
    SELECT *,
        seragam(hash(kunci, 1)) AS u1, seragam(hash(kunci, 2)) AS u2, seragam(hash(kunci, 3)) AS u3,
        -- tingkat (indeks, persen): +-15% di sekitar nilai dasar; arus: lebih lebar dan berskala penduduk
        CASE WHEN agregasi = 'kumulatif'
             THEN nilai_dasar * faktor * faktor_penduduk * (0.85 + 0.3 * seragam(hash(kunci, 1)))
             ELSE nilai_dasar * (0.85 + 0.15 * (faktor - 0.8) / 0.4 + 0.15 * seragam(hash(kunci, 1)))
        END AS v
    FROM dasar
),
awal AS (
    SELECT *,
        CASE
            WHEN polaritas = 'rentang' THEN round(nilai_dasar + (u2 - 0.5) * 1.5, desimal)
            WHEN batas IS NOT NULL THEN round(least(v, batas * (0.9 + 0.08 * u2)), desimal)
            ELSE round(v, desimal)
        END AS ka
    FROM acak
)
SELECT *,
    CASE
        WHEN agregasi = 'kumulatif' OR polaritas IN ('rentang', 'teks') THEN NULL
        WHEN polaritas = 'positif' AND batas IS NOT NULL THEN round(ka + (batas - ka) * (0.2 + 0.3 * u3), desimal)
        WHEN polaritas = 'positif' THEN round(ka * (1.03 + 0.09 * u3), desimal)
        ELSE greatest(round(ka * (0.95 - 0.2 * u3), desimal), pow(10, -desimal))
    END AS ta,
    CASE WHEN agregasi = 'kumulatif' THEN 0.03 + 0.05 * u3 END AS laju,
    CASE WHEN polaritas = 'rentang' THEN round(dasar_min * (1 + (u3 - 0.5) * 0.1), 2) END AS pita_min,
    CASE WHEN polaritas = 'rentang' THEN round(dasar_max * (1 + (u3 - 0.5) * 0.1), 2) END AS pita_max,
    CASE WHEN polaritas = 'teks' THEN greatest(1, awal_idx - CAST(u2 < 0.3 AS INTEGER)) END AS ka_idx,
    CASE WHEN polaritas = 'teks'
         THEN least(len(skala), target_idx + CAST(u3 > 0.8 AS INTEGER)) END AS ta_idx,
    -- kab/kota mendukung indikator berkode sama milik provinsinya (bila provinsi ikut dibangun)
    CASE WHEN kode_induk IN (SELECT kode FROM pilih_daerah) THEN kode_induk END AS induk_daerah_kode
FROM awal
"""

# Target RPJMD per tahun (k = 1..jumlah tahun): garis lurus dari kondisi awal ke target akhir.
_SQL_TGT = """
CREATE OR REPLACE TEMP TABLE tgt AS
WITH th AS (
    SELECT i.*, y.tahun, y.tahun - $awal + 1 AS k, $akhir - $awal + 1 AS m
    FROM ind i CROSS JOIN (SELECT CAST(range AS INTEGER) AS tahun FROM range($awal, $akhir + 1)) y
)
SELECT
    id, kunci, tahun, k, polaritas, agregasi, desimal, batas, skala, pita_min, pita_max,
    CASE
        WHEN agregasi = 'kumulatif' THEN round(ka * (1 + laju * k), desimal)
        WHEN polaritas IN ('positif', 'negatif')
            THEN greatest(round(ka + (ta - ka) * k / m, desimal), pow(10, -desimal))
    END AS t,
    -- pita tahun-tahun awal sedikit lebih rendah (pemulihan), 4% per tahun sebelum tahun akhir
    CASE WHEN polaritas = 'rentang' THEN round(pita_min * (1 - (m - k) * 0.04), 2) END AS t_min,
    CASE WHEN polaritas = 'rentang' THEN round(pita_max * (1 - (m - k) * 0.04), 2) END AS t_max,
    CASE WHEN polaritas = 'teks' THEN ka_idx + CAST(ceil((ta_idx - ka_idx) * k / m) AS INTEGER) END AS t_idx
FROM th
"""

_SQL_INDIKATOR = """
INSERT INTO indikator (id, periode_id, daerah_kode, urusan_kode, kode, nama, satuan, polaritas, agregasi,
                       kondisi_awal, kondisi_awal_teks, tahun_kondisi_awal, target_akhir, target_akhir_min,
                       target_akhir_max, target_akhir_teks, iku, perangkat_daerah, sumber_data, definisi,
                       induk_daerah_kode, induk_kode, agregasi_wilayah, diubah_oleh, diubah_pada)
SELECT
    i.id, i.periode_id, i.daerah_kode, i.urusan_kode, i.kode, i.nama, i.satuan, i.polaritas, i.agregasi,
    CASE WHEN i.polaritas <> 'teks' THEN i.ka END,
    CASE WHEN i.polaritas = 'teks' THEN i.skala[i.ka_idx] END,
    $awal - 1,
    CASE WHEN i.agregasi = 'kumulatif' THEN j.jumlah ELSE i.ta END,
    CASE WHEN i.polaritas = 'rentang' THEN j.min_akhir END,
    CASE WHEN i.polaritas = 'rentang' THEN j.max_akhir END,
    CASE WHEN i.polaritas = 'teks' THEN i.skala[i.ta_idx] END,
    i.iku, i.perangkat_daerah, $sumber_data, i.definisi,
    i.induk_daerah_kode, CASE WHEN i.induk_daerah_kode IS NOT NULL THEN i.kode END,
    CASE WHEN i.polaritas = 'teks' THEN NULL
         WHEN i.agregasi = 'kumulatif' THEN 'jumlah' ELSE 'rerata_tertimbang' END,
    $oleh, make_timestamp($awal, 8, 16, 0, 0, 0)
FROM ind i
JOIN (SELECT id, sum(t) AS jumlah, arg_max(t_min, tahun) AS min_akhir, arg_max(t_max, tahun) AS max_akhir
      FROM tgt GROUP BY id) j ON j.id = i.id
ORDER BY i.id
"""

# RPJMD untuk setiap tahun; RKPD untuk ~10% indikator-tahun (sedikit menyimpang dari RPJMD).
_SQL_TARGET = """
INSERT INTO target (indikator_id, tahun, dokumen, nilai, nilai_min, nilai_max, nilai_teks,
                    diubah_oleh, diubah_pada, impor_id)
SELECT id, tahun, 'RPJMD', t, t_min, t_max, CASE WHEN polaritas = 'teks' THEN skala[t_idx] END,
       $oleh, make_timestamp($awal, 8, 16, 0, 0, 0), $impor_id
FROM tgt
UNION ALL
SELECT id, tahun, 'RKPD',
       round(t * (0.95 + 0.1 * seragam(hash(kunci, tahun, 21))), desimal),
       round(t_min + (seragam(hash(kunci, tahun, 21)) - 0.5) * 0.6, 2),
       round(t_max + (seragam(hash(kunci, tahun, 21)) - 0.5) * 0.6, 2),
       CASE WHEN polaritas = 'teks' THEN skala[t_idx] END,
       $oleh, make_timestamp(tahun - 1, 6, 30, 0, 0, 0), $impor_id
FROM tgt
WHERE seragam(hash(kunci, tahun, 20)) < 0.10
ORDER BY 1, 2, 3
"""

# Realisasi. Per indikator-tahun: capaian sasaran c (berkorelasi per indikator), lalu nilai tahunan R
# yang memberi capaian itu terhadap target RPJMD. Triwulan: 'akhir' = tingkat yang bergerak ke R
# (TW4 = R); 'kumulatif' = arus ~R/4 per triwulan. Angka TAHUN sesekali (menang atas triwulan);
# indikator teks hanya punya angka TAHUN (penilaian tahunan), sampai tahun sebelum tahun terakhir.
_SQL_REALISASI = """
INSERT INTO realisasi (indikator_id, tahun, periode, nilai, nilai_teks, sumber, status, catatan,
                       diubah_oleh, diubah_pada, impor_id)
WITH tahunan AS (
    SELECT t.*, d.telat,
        capaian_sasaran(seragamkan(0.75 * seragam(hash(t.kunci, 5)) + 0.25 * seragam(hash(t.kunci, t.tahun, 6))))
            AS c,
        seragam(hash(t.kunci, t.tahun, 8)) AS u8,
        seragam(hash(t.kunci, t.tahun, 9)) AS u9,
        0.004 + 0.012 * seragam(hash(t.kunci, 11)) AS d
    FROM tgt t
    JOIN ind i ON i.id = t.id
    JOIN pilih_daerah d ON d.periode_id = i.periode_id
    WHERE seragam(hash(t.kunci, t.tahun, 10)) >= 0.015          -- ~1,5% indikator-tahun tanpa data
),
nilai AS (
    SELECT *,
        CASE
            WHEN polaritas = 'positif' THEN
                CASE WHEN batas IS NOT NULL THEN least(t * c / 100, batas) ELSE t * c / 100 END
            WHEN polaritas = 'negatif' THEN t * (2 - c / 100)
            WHEN polaritas = 'rentang' THEN
                CASE WHEN c >= 91 THEN t_min + (t_max - t_min) * u8
                     WHEN u9 < 0.7 THEN t_min * c / 100
                     ELSE t_max * (2 - c / 100) END
        END AS r,
        CASE WHEN polaritas = 'teks' THEN
            least(len(skala), greatest(1, t_idx + CASE WHEN c < 66 THEN -1 WHEN c >= 108 THEN 1 ELSE 0 END))
        END AS r_idx
    FROM tahunan
),
triwulan AS (
    SELECT n.*, CAST(q.range AS INTEGER) AS q
    FROM nilai n CROSS JOIN range(1, 5) q
    WHERE n.polaritas <> 'teks'
      AND (n.tahun < $akhir OR q.range <= 3)
      AND seragam(hash(n.kunci, n.tahun, q.range, 13)) >= 0.02    -- ~2% triwulan kosong
      -- daerah yang terlambat melapor triwulan terakhir tahun berjalan
      AND NOT (n.tahun = $akhir AND q.range = 3 AND n.telat < 0.15)
      AND NOT (n.tahun = $akhir AND q.range = 2 AND n.telat < 0.04)
)
SELECT
    id, tahun, 'TW' || q,
    round(CASE
        WHEN agregasi = 'kumulatif' THEN r / 4 * (0.75 + 0.5 * seragam(hash(kunci, tahun, q, 12)))
        WHEN polaritas = 'positif' THEN
            CASE WHEN batas IS NOT NULL THEN least(r * (1 - (4 - q) * d), batas) ELSE r * (1 - (4 - q) * d) END
        WHEN polaritas = 'negatif' THEN r * (1 + (4 - q) * d)
        ELSE r + (4 - q) * (seragam(hash(kunci, tahun, q, 12)) - 0.5) * 0.4
    END, CASE WHEN polaritas = 'rentang' THEN 2 ELSE desimal END),
    NULL, 'sintetis',
    CASE WHEN tahun = $akhir OR (tahun = $akhir - 1 AND q = 4 AND u9 < 0.5) THEN 'sementara' ELSE 'tetap' END,
    NULL,
    $oleh,
    make_timestamp(tahun, q * 3, 1, 0, 0, 0) + INTERVAL 1 MONTH
        + to_days(CAST(5 + 35 * seragam(hash(kunci, tahun, q, 14)) AS INTEGER)),
    $impor_id
FROM triwulan
UNION ALL
SELECT
    id, tahun, 'TAHUN',
    CASE WHEN polaritas <> 'teks' THEN round(least(r * (0.99 + 0.02 * u8), coalesce(batas, 'inf'::DOUBLE)),
                                             CASE WHEN polaritas = 'rentang' THEN 2 ELSE desimal END) END,
    CASE WHEN polaritas = 'teks' THEN skala[r_idx] END,
    'sintetis',
    CASE WHEN tahun = $akhir - 1 AND u9 < 0.3 THEN 'sementara' ELSE 'tetap' END,
    CASE WHEN polaritas = 'teks' THEN 'hasil penilaian tahunan'
         ELSE 'angka tahunan resmi; menggantikan angka triwulan' END,
    $oleh,
    make_timestamp(tahun + 1, 3, 1, 0, 0, 0) + to_days(CAST(30 * u8 AS INTEGER)),
    $impor_id
FROM nilai
WHERE tahun < $akhir
  AND (polaritas = 'teks' OR seragam(hash(kunci, tahun, 15)) < 0.04)
ORDER BY 1, 2, 3
"""

# Dukungan sintetis (keputusan #10): untuk setiap indikator beurusan dan tahun bertarget RPJMD, satu sub kegiatan
# (sepertiga indikator: dua), kode berbentuk sah dari bidang urusan indikator dan tingkat daerahnya, pagu
# 100 jt - 3,1 M, belanja triwulan yang menumpuk di akhir tahun (serapan 65-98 %); tahun terakhir s.d. TW3.
# ~5 % indikator-tahun tanpa dukungan (temuan). Baris tanpa indikator tidak dibuat.
_SQL_DUKUNGAN = """
INSERT INTO dukungan (daerah_kode, tahun, indikator_id, sub_kegiatan_kode, perangkat_daerah, pagu,
                      realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4, disepakati, disepakati_oleh,
                      disepakati_pada, sumber, diubah_oleh, diubah_pada, impor_id)
WITH dasar AS (
    SELECT i.id, i.daerah_kode, i.urusan_kode, i.perangkat_daerah, t.tahun, d.jenis, CAST(n.range AS INTEGER) AS n,
           round(1e8 + 3e9 * pow(seragam(hash(i.id, n.range, 26)), 2), -3) AS pagu,
           0.65 + 0.33 * seragam(hash(i.daerah_kode, i.urusan_kode, t.tahun, 27)) AS serap
    FROM indikator i
    JOIN (SELECT DISTINCT indikator_id, tahun FROM target WHERE dokumen = 'RPJMD') t ON t.indikator_id = i.id
    JOIN daerah d ON d.kode = i.daerah_kode
    CROSS JOIN range(1, 3) n
    WHERE i.urusan_kode IS NOT NULL
      AND (n.range = 1 OR hash(i.id, 21) % 3 = 0)
      AND hash(i.id, t.tahun, 22) % 20 <> 0
)
SELECT daerah_kode, tahun, id,
    urusan_kode || '.' || lpad(CAST(2 + hash(id, 23) % 6 AS VARCHAR), 2, '0') || '.'
        || CASE WHEN jenis = 'provinsi' THEN '1' ELSE '2' END || '.'
        || lpad(CAST(1 + hash(id, 24) % 12 AS VARCHAR), 2, '0') || '.'
        || lpad(CAST(n * 1000 + hash(id, n, 25) % 900 AS VARCHAR), 4, '0'),
    perangkat_daerah, pagu,
    round(pagu * serap * 0.10, -3), round(pagu * serap * 0.22, -3), round(pagu * serap * 0.30, -3),
    CASE WHEN tahun < $akhir THEN round(pagu * serap * 0.38, -3) END,
    tahun < $akhir, CASE WHEN tahun < $akhir THEN $oleh END,
    CASE WHEN tahun < $akhir THEN make_timestamp(tahun - 1, 4, 15, 9, 0, 0) END,
    'sintetis', $oleh, make_timestamp(tahun, 12, 31, 0, 0, 0), $impor_id
FROM dasar
ORDER BY 1, 2, 3
"""


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _isi(con, p: dict, parameter: dict, laporan) -> tuple[int, int, int, int]:
    """Sisipkan semua baris dalam SATU transaksi; mengembalikan jumlah daerah, indikator, target, realisasi."""
    seed, n = p["seed"], p["n"]
    sha = hashlib.sha256(json.dumps(parameter, sort_keys=True).encode()).hexdigest()
    con.execute(_SQL_MAKRO)
    with transaksi(con):
        # Katalog: ~150 baris kecil dari Python; semua baris besar dibentuk oleh SQL di bawah.
        con.execute("CREATE OR REPLACE TEMP TABLE katalog ("
                    + ", ".join(f"{k} {t}" for k, t in _KOLOM_KATALOG) + ")")
        kat = katalog(n)
        con.executemany(
            f"INSERT INTO katalog VALUES ({', '.join('?' * len(_KOLOM_KATALOG))})",
            [[r[k] for k, _ in _KOLOM_KATALOG] for r in kat],
        )

        con.execute(_SQL_DAERAH, {"seed": seed, "prefix": p["prefix"]})
        n_daerah = con.execute("SELECT count(*) FROM pilih_daerah").fetchone()[0]
        if n_daerah == 0:
            raise ValueError(f"tidak ada daerah berkode awalan {p['prefix']!r}")

        waktu = datetime.now(UTC).replace(tzinfo=None)
        impor_id = con.execute(
            "INSERT INTO impor (berkas, sha256, oleh, waktu, keterangan) "
            "VALUES ('demo --skala nasional', $sha, $oleh, $waktu, $ket) RETURNING id",
            {"sha": sha, "oleh": OLEH, "waktu": waktu,
             "ket": "Basis data sintetis skala nasional; parameter: " + json.dumps(parameter, sort_keys=True)},
        ).fetchone()[0]
        p["impor_id"] = impor_id

        laporan("Membuat periode RPJMD...")
        con.execute(_SQL_PERIODE, {k: p[k] for k in ("awal", "akhir")})
        laporan(f"Membuat periode RPJMD... {_angka(n_daerah)} baris")

        laporan("Menghitung parameter indikator dan target...")
        con.execute(_SQL_IND, {k: p[k] for k in ("seed", "n")})
        con.execute(_SQL_TGT, {k: p[k] for k in ("awal", "akhir")})

        def buat(label: str, tabel: str, sql: str, params: dict) -> int:
            """Satu langkah pembangunan: sisipkan, hitung barisnya, laporkan."""
            laporan(f"Membuat {label}...")
            con.execute(sql, params)
            n = con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]
            laporan(f"Membuat {label}... {_angka(n)} baris")
            return n

        n_indikator = buat("indikator", "indikator", _SQL_INDIKATOR,
                           {"awal": p["awal"], "oleh": OLEH, "sumber_data": SUMBER_DATA})
        n_target = buat("target", "target", _SQL_TARGET, {k: p[k] for k in ("awal", "oleh", "impor_id")})
        n_realisasi = buat("realisasi", "realisasi", _SQL_REALISASI, {k: p[k] for k in ("akhir", "oleh", "impor_id")})
        n_dukungan = buat("dukungan sub kegiatan", "dukungan", _SQL_DUKUNGAN,
                          {k: p[k] for k in ("akhir", "oleh", "impor_id")})

        # id disisipkan eksplisit (deterministik); majukan sequence agar sisipan berikutnya tidak bentrok.
        # (id berurutan 1..N, jadi satu nextval per baris membawa sequence ke N.)
        con.execute("SELECT max(nextval('seq_periode')) FROM periode")
        con.execute("SELECT max(nextval('seq_indikator')) FROM indikator")
        con.execute(
            "UPDATE impor SET baris_indikator = $i, baris_target = $t, baris_realisasi = $r, baris_dukungan = $d "
            "WHERE id = $id",
            {"i": n_indikator, "t": n_target, "r": n_realisasi, "d": n_dukungan, "id": impor_id},
        )
        for tabel in ("katalog", "pilih_daerah", "ind", "tgt"):
            con.execute(f"DROP TABLE {tabel}")
    return n_daerah, n_indikator, n_target, n_realisasi


def _hapus(path: Path) -> list[Path]:
    """Hapus berkas basis data beserta WAL-nya; mengembalikan yang dihapus."""
    dihapus = []
    for berkas in (path, path.with_name(path.name + ".wal")):
        if berkas.exists():
            berkas.unlink()
            dihapus.append(berkas)
    return dihapus


def bangun_nasional(
    path: str | Path,
    *,
    seed: int = 2021,
    indikator_per_daerah: int = 150,
    tahun_awal: int = 2021,
    tahun_akhir: int = 2026,
    daerah_prefix: str | None = None,
    laporan: Callable[[str], object] = print,
) -> dict:
    """Bangun basis data sintetis skala nasional di ``path`` (berkas lama dihapus).

    ``daerah_prefix`` membatasi ke kode Kemendagri berawalan itu (``'65'``: Kalimantan Utara dan
    kabupaten/kotanya), untuk uji cepat. Mengembalikan jumlah baris dan lama pembangunan:
    ``{"daerah", "indikator", "target", "realisasi", "detik"}``.
    """
    if indikator_per_daerah < 1:
        raise ValueError("indikator_per_daerah minimal 1")
    if not (2000 <= tahun_awal <= tahun_akhir <= 2100 and tahun_akhir - tahun_awal <= 10):
        raise ValueError("periode RPJMD tidak sah: tahun_awal..tahun_akhir paling lama 11 tahun, 2000-2100")

    mulai = time.perf_counter()
    path = Path(path)
    for berkas in _hapus(path):
        laporan(f"Berkas lama dihapus: {berkas}")

    parameter = {"seed": seed, "indikator_per_daerah": indikator_per_daerah, "tahun_awal": tahun_awal,
                 "tahun_akhir": tahun_akhir, "daerah_prefix": daerah_prefix, "versi": VERSI_PEMBANGKIT}
    p = {"seed": seed, "awal": tahun_awal, "akhir": tahun_akhir, "n": indikator_per_daerah,
         "prefix": daerah_prefix, "oleh": OLEH}
    try:
        laporan(f"Menyiapkan skema dan data rujukan di {path}...")
        siapkan(path, baca_perlu_masuk=False)
        con = buka(path)
        try:
            n_daerah, n_indikator, n_target, n_realisasi = _isi(con, p, parameter, laporan)
            laporan("Menyimpan ke berkas (CHECKPOINT)...")
            con.execute("CHECKPOINT")
        finally:
            con.close()
    except BaseException:
        # jangan tinggalkan basis data setengah jadi
        _hapus(path)
        raise

    detik = round(time.perf_counter() - mulai, 2)
    laporan(f"Selesai dalam {detik:.1f} detik: {_angka(n_daerah)} daerah, {_angka(n_indikator)} indikator, "
            f"{_angka(n_target)} target, {_angka(n_realisasi)} realisasi.")
    return {"daerah": n_daerah, "indikator": n_indikator, "target": n_target,
            "realisasi": n_realisasi, "detik": detik}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Bangun basis data sintetis skala nasional.")
    ap.add_argument("db", help="berkas .duckdb tujuan (dihapus bila ada)")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--indikator", type=int, default=150, help="indikator per daerah")
    ap.add_argument("--daerah", default=None, help="awalan kode daerah, mis. 65")
    a = ap.parse_args()
    bangun_nasional(a.db, seed=a.seed, indikator_per_daerah=a.indikator, daerah_prefix=a.daerah)
