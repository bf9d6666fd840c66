"""Tampilan untuk pengguna: angka, persen, waktu, triwulan, dalam bahasa Indonesia."""
from __future__ import annotations

import math
import re
from datetime import datetime

import pandas as pd

from pantau.aturan.angka import format_angka, format_rentang, format_ringkas

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
RUMUS_NEGATIF = {"2T-R": "(2T − R) / T × 100", "T/R": "T / R × 100"}


#: Isi sel tanpa nilai di setiap tabel, layar maupun unduhan (keputusan #16); artinya ditulis di dekat tabel.
KOSONG = "–"
#: Judul kolom kueri (snake_case) yang bocor ke pembaca: huruf kecil dan garis bawah.
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
#: Nama kolom kueri -> judul kolom untuk pembaca, dengan satuannya. Satu daftar untuk setiap tabel di layar dan
#: setiap CSV/Excel (``judul_kolom``); halaman boleh memberi judul sendiri yang lebih tepat.
JUDUL_KOLOM = {
    "daerah": "Daerah", "daerah_kode": "Kode daerah", "urusan": "Urusan", "urusan_kode": "Kode urusan",
    "indikator": "Indikator", "indikator_kode": "Kode indikator", "nama": "Nama", "kode": "Kode",
    "jumlah_indikator": "Jumlah indikator", "belum_lapor": "Belum lapor (indikator)",
    "sementara": "Ada angka sementara (indikator)", "usang": "Angka usang (indikator)",
    "persen_lapor": "Sudah lapor (%)", "terakhir_diubah_oleh": "Terakhir melapor",
    "terakhir_diubah_pada": "Terakhir melapor pada", "pelaporan": "Pelaporan", "sudah_lapor": "Sudah lapor",
    "realisasi_terakhir": "Realisasi terakhir", "jumlah_sementara": "Angka sementara (jumlah)",
    "diubah_oleh": "Diubah oleh", "diubah_pada": "Diubah pada", "waktu": "Waktu", "oleh": "Oleh",
    "tabel": "Data", "aksi": "Aksi", "tahun": "Tahun", "kunci": "Periode/dokumen", "kolom": "Kolom",
    "nilai_lama": "Nilai lama", "nilai_baru": "Nilai baru", "impor_id": "Nomor impor", "berkas": "Berkas",
    "target": "Target", "realisasi": "Realisasi", "capaian": "Capaian (%)", "predikat": "Predikat",
    "satuan": "Satuan", "status": "Status", "sumber": "Sumber", "catatan": "Catatan",
    "pagu": "Pagu (Rp)", "serapan": "Serapan (%)", "kinerja": "Kinerja (%)",
    "baris": "Baris", "lembar": "Lembar", "pesan": "Pesan", "nilai": "Nilai",
}


def judul_kolom(df: pd.DataFrame, judul: dict[str, str] | None = None) -> pd.DataFrame:
    """Judul kolom untuk pembaca: ``judul`` (khusus tabel itu), lalu ``JUDUL_KOLOM``; nama kueri lain yang masih
    snake_case menjadi kalimat ("jumlah_sub_kegiatan" -> "Jumlah sub kegiatan"). Judul yang sudah Indonesia tetap."""
    return df.rename(columns=lambda k: nama_kolom(k, judul))


def nama_kolom(k, judul: dict[str, str] | None = None) -> str:
    """Satu nama kolom kueri sebagai judul untuk pembaca (juga nilai kolom "Kolom" di Riwayat)."""
    k = str(k)
    if judul and k in judul:
        return judul[k]
    if k in JUDUL_KOLOM:
        return JUDUL_KOLOM[k]
    return k.replace("_", " ").capitalize() if SNAKE.match(k) else k


def isi_kosong(df: pd.DataFrame) -> pd.DataFrame:
    """Salinan untuk berkas unduhan: sel teks tanpa nilai (None, NaN, teks kosong) menjadi "–"; kolom angka tetap
    angka (sel kosongnya ditulis "–" oleh penulis CSV/Excel lewat ``na_rep``)."""
    hasil = df.copy()
    for k in hasil.columns:
        kol = hasil[k]
        if kol.dtype == object or isinstance(kol.dtype, pd.StringDtype):
            hasil[k] = kol.map(lambda v: KOSONG if kosong(v) or v == "" else v)
    return hasil


def kosong(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or x is pd.NaT


def persen(x, desimal: int = 2) -> str:
    """87.345 -> '87,35%'; kosong -> 'belum ada data'."""
    return "belum ada data" if kosong(x) else f"{format_angka(x, desimal)}%"


def angka_sebanding(x, batas, desimal: int = 0, maks: int = 2) -> str:
    """Capaian ``x`` dengan ``desimal`` angka di belakang koma, atau lebih (sampai ``maks``) bila pembulatannya
    menyeberangi batas predikat: 90,96 dengan batas 91 ditulis "90,96", bukan "91" di sel berwarna Tinggi
    (keputusan #16). ``batas``: batas bawah skala predikat."""
    if kosong(x):
        return KOSONG
    batas = [float(b) for b in batas if not kosong(b)]
    for d in range(desimal, maks + 1):
        teks = format_angka(x, d)
        dibaca = float(teks.replace(".", "").replace(",", "."))
        if all((x >= b) == (dibaca >= b) for b in batas):
            return teks
    return format_angka(x, maks)


def rupiah(x) -> str:
    """Rupiah penuh: 1250000000 -> 'Rp 1.250.000.000'; kosong -> '–'."""
    return "–" if kosong(x) else f"Rp {format_angka(x, 0)}"


def rupiah_ringkas(x) -> str:
    """Rupiah ringkas untuk label grafik dan metrik: 'Rp 1,25 M', 'Rp 750 jt', 'Rp 12,3 T'; kosong -> '–'."""
    if kosong(x):
        return "–"
    for batas, akhiran in ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")):
        if abs(x) >= batas:
            v = x / batas
            return f"Rp {format_angka(v, 2 if abs(v) < 10 else 1 if abs(v) < 100 else 0)} {akhiran}"
    return f"Rp {format_angka(x, 0)}"


def periode_label(periode: str | None) -> str:
    """'TW3' -> 'Triwulan III', 'TAHUN' -> 'Tahunan'."""
    if not isinstance(periode, str) or not periode:
        return ""
    if periode == "TAHUN":
        return "Tahunan"
    return f"Triwulan {ROMAWI[int(periode[2])]}"


def label_triwulan(k: int) -> str:
    """3 -> 'Triwulan III'."""
    return f"Triwulan {ROMAWI[int(k)]}"


def sd_label(realisasi_sd: str | None) -> str:
    """Keterangan dasar angka tahunan: 'TAHUN' -> '', 'TW2' -> 's.d. Triwulan II'."""
    if not isinstance(realisasi_sd, str) or realisasi_sd == "TAHUN":
        return ""
    return f"s.d. {periode_label(realisasi_sd)}"


def format_waktu(w) -> str:
    if kosong(w):
        return "–"
    if not isinstance(w, datetime):
        w = pd.Timestamp(w).to_pydatetime()
    return f"{w.day} {BULAN[w.month - 1]} {w.year}, {w:%H.%M}"


def format_waktu_kolom(kolom: pd.Series) -> pd.Series:
    """``kolom.map(format_waktu)``, tetapi setiap waktu yang berbeda diformat sekali: kolom ribuan baris biasanya
    hanya berisi beberapa ratus waktu impor (Kualitas data provinsi 35: 5.850 baris, 184 waktu; 47 -> 5 ms)."""
    unik = kolom.drop_duplicates()
    if len(unik) == len(kolom):
        return kolom.map(format_waktu)
    return kolom.map(dict(zip(unik, unik.map(format_waktu))))


def nilai_target(target=None, t_min=None, t_max=None, teks=None) -> str:
    """Target sebagai teks: angka, pita '5,5–6,5', atau teks."""
    if not kosong(teks):
        return str(teks)
    if not kosong(t_min):
        return format_rentang(t_min, t_max)
    return format_ringkas(target) if not kosong(target) else "–"


def nilai_realisasi(nilai=None, teks=None) -> str:
    if not kosong(teks):
        return str(teks)
    return format_ringkas(nilai) if not kosong(nilai) else "–"


__all__ = ["format_angka", "format_ringkas", "format_rentang", "persen", "rupiah", "rupiah_ringkas", "periode_label",
           "sd_label", "format_waktu", "format_waktu_kolom", "label_triwulan", "nilai_target", "nilai_realisasi",
           "RUMUS_NEGATIF", "BULAN", "kosong", "KOSONG", "angka_sebanding", "JUDUL_KOLOM", "judul_kolom", "nama_kolom",
           "isi_kosong", "SNAKE"]
