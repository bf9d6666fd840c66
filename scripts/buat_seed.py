"""Membuat data contoh (seed) demo Pantau: indikator, target, realisasi RPJMD 2021-2026 dan dukungan.

Daerah: Kalimantan Utara (65) dan Kalimantan Tengah (62) beserta seluruh kabupaten/kotanya.

    python scripts/buat_seed.py

Masukan (hanya ini): ``data/katalog/indikator.json`` (katalog indikator, entri ber-``demo``; arti kolomnya di
``data/katalog/README.md``), ``data/sumber/*.csv`` (salinan seri resmi, lihat ``data/sumber/SUMBER.md``),
``data/referensi/daerah.csv`` dan ``data/referensi/sub_kegiatan.csv``. Keluaran:
``data/seed/indikator.csv``, ``target.csv``, ``realisasi.csv`` dalam format impor docs/FORMAT_IMPOR.md
(UTF-8, titik desimal; Gini dan target rentang IKU-03 memakai koma desimal, ditulis dalam tanda kutip),
dan ``dukungan.csv`` (lihat di bawah).

Angka resmi (BPS, Kemenkes, transkripsi pers) dipakai apa adanya dan kolom ``sumber`` realisasi
menyebut asalnya. Semua angka lain, dan semua target RPJMD, adalah ilustrasi: ``sumber`` berbunyi
"ilustrasi (data sintetis demo)". Acak tetapi tetap: setiap (daerah, indikator) punya
``random.Random`` sendiri yang diturunkan dari SEED, sehingga dua kali jalan memberi berkas yang
sama persis, dan menambah satu indikator tidak mengubah angka indikator lain.

Kasus khusus yang sengaja dibuat (dipakai oleh uji) ada di KASUS_* di bawah dan di laporan akhir.

``data/seed/dukungan.csv`` (seluruhnya ilustrasi): sub kegiatan APBD yang mendukung setiap indikator
2022-2026, dengan pagu dan realisasi anggaran. Kode dan nama sub kegiatan dari
``data/referensi/sub_kegiatan.csv`` (tingkat kab/kota; untuk provinsi digit kegiatan 2 menjadi 1), bidang
urusan kode = urusan indikator (indikator lintas urusan: sub kegiatan bidang terkait). Satu pagu dan
realisasi per (daerah, tahun, sub kegiatan); realisasi per triwulan adalah belanja dalam triwulan itu
(2024-2026; 2026 s.d. TW3, 62.12 s.d. TW2), 2022-2023 hanya angka setahun. Serapan per (daerah, urusan)
sebagian mengikuti kinerja, sebagian sengaja menyimpang (keempat kuadran kinerja-anggaran terisi). Temuan
yang disengaja: indikator-tahun tanpa dukungan dan sub kegiatan penunjang tanpa indikator. Aliran acaknya
terpisah (``rng("dukungan", ...)``), jadi ketiga berkas lain tidak berubah.
"""
from __future__ import annotations

import csv
import math
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))  # paket pantau dari repositori ini, juga bila dijalankan sebagai skrip

from pantau.demo.katalog import ILUSTRASI, KATALOG_JSON, Dukungan, baca_katalog  # noqa: E402

SUMBER = AKAR / "data" / "sumber"
DAERAH_CSV = AKAR / "data" / "referensi" / "daerah.csv"
KELUARAN = AKAR / "data" / "seed"

SEED = 20211
PROVINSI = ("62", "65")
PERIODE = "2021-2026"
TAHUN_AWAL, TAHUN_AKHIR = 2021, 2026
TAHUN_KONDISI_AWAL = 2020
TAHUN_LENGKAP = 2025  # tahun terakhir dengan realisasi lengkap; 2026 hanya sebagian
TW_2026 = 3  # triwulan 2026 yang sudah dilaporkan (indikator alir)
TAHUN = range(TAHUN_AWAL, TAHUN_AKHIR + 1)
TW = ("TW1", "TW2", "TW3", "TW4")


# ---------------------------------------------------------------------------------------------
# Kasus khusus (kunci: (daerah_kode, indikator_kode))
# ---------------------------------------------------------------------------------------------
# Kinerja jauh di atas target (capaian > 100): investasi kawasan industri KIPI Tanah Kuning.
KASUS_MELAMPAUI = {("65.01", "PM-01"): 1.75}
# Kinerja jauh di bawah target (capaian < 51, Sangat Rendah): kinerja dasar dan tahun tertentu.
KASUS_RENDAH = {("62.12", "PU-02"): (0.55, {2022: 0.30}), ("65.03", "UKM-01"): (0.60, {2023: 0.35})}
# Tidak ada realisasi sama sekali (indikator tidak pernah diukur di daerah ini).
KASUS_TANPA_REALISASI = {("65.04", "OR-01")}
# Tahun tanpa realisasi.
KASUS_TAHUN_KOSONG = {("62.08", "LH-01"): {2025}, ("62.07", "PUS-01"): {2021, 2022},
                      ("65.03", "KOM-02"): {2021}}
# Daerah yang belum melaporkan TW3 2026 untuk semua indikator alir.
BELUM_LAPOR_TW3_2026 = {"62.12"}
# Target kab/kota yang sengaja lebih lemah dari target provinsi (uji keselarasan desk urusan).
KASUS_TARGET_LEMAH = {("65.03", "KES-01"): 20.0, ("62.07", "KES-01"): 20.0}
# Target tahunan RKPD ilustrasi untuk kab/kota: (daerah, indikator, tahun) -> geser dari target RPJMD.
KASUS_RKPD_KABKOTA = {("65.03", "IKU-02", 2023): +0.40, ("62.71", "PU-01", 2025): +2.50,
                      ("65.71", "KES-01", 2024): -1.50}
# Kumulatif yang juga punya angka TAHUN (angka tahunan menang atas jumlah triwulan).
KASUS_TAHUN_ALIR = {("65", "KEU-02"): (2021, 2022, 2023, 2024), ("62", "KEU-02"): (2021, 2022, 2023, 2024),
                    ("65.71", "KEU-02"): (2022, 2023), ("65.01", "PM-01"): (2022, 2023)}
# Kota penghitung inflasi (IHK) yang melaporkan DAG-01.
KOTA_IHK = {"65.01", "65.71", "62.02", "62.71"}
# Opini BPK ilustrasi yang bukan WTP.
KASUS_OPINI = {"65.04": {2021: "WDP"}, "62.12": {2021: "WDP", 2022: "WDP"}, "62.04": {2023: "WDP"}}
KONDISI_AWAL_OPINI = {"65.04": "WDP", "62.12": "WDP"}
# Desa sangat tertinggal: kondisi awal kecil sehingga target 0 tercapai di tengah periode.
KASUS_DESA_AWAL = {"65.04": 3, "62.08": 2}


# ---------------------------------------------------------------------------------------------
# Katalog indikator: entri ber-"demo" di data/katalog/indikator.json (arti kolom: data/katalog/README.md)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ind:
    """Satu indikator demo: kolom bersama entri katalog dan pengaturan pembangkit demo (bawaan di katalog.py)."""

    kode: str
    urusan: str  # "" = lintas urusan
    nama: str  # {wil} -> Provinsi / Kabupaten / Kota
    satuan: str
    polaritas: str
    agregasi: str
    iku: bool
    dec: int
    batas: tuple  # (bawah, atas): nilai ilustrasi dijepit ke sini
    skala: tuple | None  # indikator teks: urut terburuk -> terbaik
    definisi: str
    tingkat: frozenset
    opd: tuple  # (provinsi, kabupaten/kota)
    gen: str  # seri dibuat oleh Pembuat.gen_<gen>
    sumber_data: str
    induk: bool  # kab/kota mendukung indikator provinsi yang sama
    awal: dict  # tingkat -> (min, maks) kondisi awal / alir 2020
    ubah: tuple  # perbaikan kondisi awal -> target akhir (arah baik)
    ubah_rel: bool  # ubah adalah bagian dari kondisi awal, bukan selisih mutlak
    lambat: bool  # angka 2025 masih sementara
    per_100rb: bool  # awal alir per 100 ribu penduduk
    tumbuh: tuple  # pertumbuhan target alir per tahun
    bobot_tw: tuple
    covid: float  # faktor realisasi 2021 (refocusing anggaran)
    dukungan: Dukungan | None  # sub kegiatan yang boleh mendukung (dukungan.csv)


def baca_katalog_demo(path: Path = KATALOG_JSON) -> list[Ind]:
    """Indikator demo dari katalog, urut berkas (urutan baris indikator.csv per daerah)."""
    hasil = []
    for e in baca_katalog(path).demo():
        d = e.demo
        hasil.append(Ind(
            kode=e.kode, urusan=e.urusan or "", nama=e.nama, satuan=e.satuan, polaritas=e.polaritas,
            agregasi=e.agregasi, iku=e.iku, dec=e.desimal, batas=e.batas, skala=e.skala, definisi=e.definisi,
            tingkat=d.tingkat, opd=d.perangkat_daerah, gen=d.seri, sumber_data=d.sumber_data, induk=d.induk,
            awal=d.awal, ubah=d.ubah, ubah_rel=d.ubah_relatif, lambat=d.lambat, per_100rb=d.per_100rb,
            tumbuh=d.tumbuh, bobot_tw=d.bobot_tw, covid=d.covid, dukungan=d.dukungan,
        ))
    return hasil


KATALOG = baca_katalog_demo()


# ---------------------------------------------------------------------------------------------
# Bantu
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Daerah:
    kode: str
    kode_bps: str
    nama: str
    jenis: str  # provinsi | kabupaten | kota
    kode_induk: str
    penduduk: int
    luas_km2: float

    @property
    def prov(self) -> str:
        return self.kode if self.jenis == "provinsi" else self.kode_induk


@dataclass
class Real:
    tahun: int
    periode: str
    nilai: object  # float | str
    sumber: str
    status: str = "tetap"
    catatan: str = ""


@dataclass
class Seri:
    kondisi_awal: object
    target: dict  # tahun -> float | (min, maks) | str
    target_akhir: object
    realisasi: list  # [Real]
    tahunan: dict = field(default_factory=dict)  # tahun (termasuk 2020) -> nilai tahun itu
    rkpd: dict = field(default_factory=dict)


def rng(*kunci) -> random.Random:
    """Generator acak tetap untuk satu kunci (SEED tetap; tidak bergantung PYTHONHASHSEED)."""
    return random.Random(f"{SEED}|" + "|".join(map(str, kunci)))


def antara(r: random.Random, ab) -> float:
    return r.uniform(ab[0], ab[1])


def jepit(x: float, batas) -> float:
    return min(max(x, batas[0]), batas[1])


def fmt(x, dec: int = 2, koma: bool = False) -> str:
    """Angka -> teks, desimal secukupnya (71.10 -> '71.1', 150.0 -> '150')."""
    if isinstance(x, str):
        return x
    s = f"{x:.{dec}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s.replace(".", ",") if koma else s


def fmt_rentang(ab, koma: bool) -> str:
    a, b = ab
    if koma:
        return f"{a:.1f} - {b:.1f}".replace(".", ",")
    return f"{a:.1f}-{b:.1f}"


def bagi(total: float, bobot, dec: int) -> list:
    """Bagi total ke beberapa bagian menurut bobot; jumlahnya tetap sama dengan total."""
    s = sum(bobot)
    if dec == 0:
        total = int(round(total))
        mentah = [total * w / s for w in bobot]
        hasil = [math.floor(m) for m in mentah]
        sisa = total - sum(hasil)
        urut = sorted(range(len(bobot)), key=lambda i: (-(mentah[i] - hasil[i]), i))
        for i in urut[:sisa]:
            hasil[i] += 1
        return hasil
    hasil = [round(total * w / s, dec) for w in bobot]
    hasil[-1] = round(round(total, dec) - sum(hasil[:-1]), dec)
    return hasil


def poisson(r: random.Random, lam: float) -> int:
    batas, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= r.random()
        if p <= batas:
            return k
        k += 1


def baca_csv(nama: str) -> list[dict]:
    with open(SUMBER / nama, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def baca_daerah() -> list[Daerah]:
    with open(DAERAH_CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    hasil = []
    for r in rows:
        kode, induk = r["kode"], r["kode_induk"] or ""
        if kode in PROVINSI or induk in PROVINSI:
            hasil.append(Daerah(kode, r["kode_bps"], r["nama"], r["jenis"], induk,
                                int(r["penduduk"]), float(r["luas_km2"])))
    return sorted(hasil, key=lambda d: d.kode)


# ---------------------------------------------------------------------------------------------
# Seri resmi dari data/sumber
# ---------------------------------------------------------------------------------------------
class Sumber:
    def __init__(self) -> None:
        self.ipm, self.p0_kab = {}, {}
        for r in baca_csv("bps_ipm_kemiskinan_kabkota_2020_2024.csv"):
            key = (r["kode_kemendagri"], int(r["tahun"]))
            if r["indikator"] == "ipm" and r["sumber_tabel"] == "bps_tabel_413":
                self.ipm[key] = float(r["nilai"])
            elif r["indikator"] == "persentase_penduduk_miskin":
                self.p0_kab[key] = float(r["nilai"])
        self.p0, self.gini, self.tpt, self.pdrb, self.setengah, self.neet, self.internet = (
            {}, {}, {}, {}, {}, {}, {})
        for r in baca_csv("bps_provinsi_indikator_2018_2025.csv"):
            if not r["nilai"]:
                continue
            kode, th, v, per, rin = (r["kode_kemendagri"], int(r["tahun"]), float(r["nilai"]),
                                     r["periode"], r["rincian"])
            semester = "Maret" if "Maret" in per else "September" if "September" in per else per
            if r["indikator"] == "persentase_penduduk_miskin" and rin == "Jumlah":
                self.p0[(kode, th, semester)] = v
            elif r["indikator"] == "gini_ratio" and rin == "Perkotaan+Perdesaan":
                self.gini[(kode, th, semester)] = v
            elif r["indikator"] == "tingkat_pengangguran_terbuka":
                self.tpt[(kode, th, per)] = v
            elif r["indikator"] == "pdrb_per_kapita" and rin == "Harga Berlaku":
                self.pdrb[(kode, th)] = v / 1000.0  # ribu rupiah -> juta rupiah
            elif r["indikator"] == "tingkat_setengah_pengangguran":
                self.setengah[(kode, th)] = v
            elif r["indikator"] == "neet_15_24":
                self.neet[(kode, th)] = v
            elif r["indikator"] == "rumah_tangga_akses_internet" and rin == "Perkotaan+Perdesaan":
                self.internet[(kode, th)] = v
        self.hls = {(r["kode_kemendagri"], int(r["tahun"])): float(r["hls_tahun"])
                    for r in baca_csv("bps_hls_kabkota_2024.csv")}
        self.stunting, self.hls_pers = {}, {}
        for r in baca_csv("transkripsi_pers_kaltara_kalteng.csv"):
            key = (r["kode_kemendagri"], int(r["tahun"]))
            if r["indikator"] == "prevalensi_stunting":
                self.stunting[key] = (float(r["nilai"]), r["seri_data"].replace(" Kemenkes", ""))
            elif r["indikator"] == "harapan_lama_sekolah":
                self.hls_pers[key] = float(r["nilai"])
        self.rkpd, self.lpe = {}, {}
        nama_ind = {"ipm": "IKU-01", "persentase_penduduk_miskin": "IKU-02",
                    "laju_pertumbuhan_ekonomi": "IKU-03", "tingkat_pengangguran_terbuka": "IKU-04",
                    "gini_ratio": "IKU-05"}
        for r in baca_csv("transkripsi_target_makro_kalteng.csv"):
            kode_ind = nama_ind.get(r["indikator"])
            if r["dokumen"].startswith("RKPD") and r["target"] and kode_ind:
                self.rkpd[(r["daerah_kode"], kode_ind, int(r["tahun"]))] = float(r["target"])
            if r["indikator"] == "laju_pertumbuhan_ekonomi" and r["realisasi"]:
                self.lpe[(r["daerah_kode"], int(r["tahun"]))] = float(r["realisasi"])


# ---------------------------------------------------------------------------------------------
# Pembuat seri
# ---------------------------------------------------------------------------------------------
def jalur_target(k: float, a: float, dec: int) -> dict:
    """Target tahunan lurus dari kondisi awal (2020) ke target akhir (2026)."""
    n = TAHUN_AKHIR - TAHUN_KONDISI_AWAL
    return {y: round(k + (a - k) * (y - TAHUN_KONDISI_AWAL) / n, dec) for y in TAHUN}


def target_akhir_level(ind: Ind, r: random.Random, k: float) -> float:
    ubah = antara(r, ind.ubah) * (abs(k) if ind.ubah_rel else 1.0)
    a = k + ubah if ind.polaritas == "positif" else k - ubah
    return round(jepit(a, ind.batas), ind.dec)


def jalan_level(ind: Ind, r: random.Random, k: float, target: dict, nyata: dict, *,
                sampai: int = TAHUN_LENGKAP, perf: float | None = None) -> dict:
    """Nilai tahunan 2021..sampai: angka nyata bila ada; selain itu ilustrasi.

    Sebelum angka nyata berikutnya: interpolasi ke angka itu. Sesudah angka nyata terakhir:
    mengikuti langkah target dikali kinerja (perf) ditambah gangguan kecil.
    """
    if perf is None:
        perf = jepit(r.gauss(1.0, 0.30), (0.15, 1.8))
    a = target[TAHUN_AKHIR]
    sd = max(abs(a - k) / 6 * 0.45, 10 ** -ind.dec)
    hasil, py, pv, pt = {}, TAHUN_KONDISI_AWAL, k, k
    for y in range(TAHUN_AWAL, sampai + 1):
        if y in nyata:
            v = nyata[y]
        else:
            nanti = [t for t in nyata if t > y]
            if nanti:
                t = min(nanti)
                v = pv + (nyata[t] - pv) * (y - py) / (t - py) + r.gauss(0, sd * 0.4)
            else:
                v = pv + perf * (target[y] - pt) + r.gauss(0, sd)
            v = round(jepit(v, ind.batas), ind.dec)
        hasil[y] = v
        py, pv, pt = y, v, target[y]
    return hasil


def status_ilustrasi(ind: Ind, y: int) -> str:
    return "sementara" if (y >= 2026 or (y == TAHUN_LENGKAP and ind.lambat)) else "tetap"


class Pembuat:
    def __init__(self, daerah: list[Daerah], sumber: Sumber) -> None:
        self.daerah = {d.kode: d for d in daerah}
        self.anak = defaultdict(list)
        for d in daerah:
            if d.jenis != "provinsi":
                self.anak[d.kode_induk].append(d)
        self.s = sumber
        self._memo = {}

    def berlaku(self, d: Daerah, ind: Ind) -> bool:
        if d.jenis not in ind.tingkat:
            return False
        if ind.kode == "DAG-01" and d.jenis != "provinsi":
            return d.kode in KOTA_IHK
        return True

    def seri(self, d: Daerah, ind: Ind) -> Seri:
        key = (d.kode, ind.kode)
        if key not in self._memo:
            r = rng(d.kode, ind.kode)
            s = getattr(self, "gen_" + ind.gen)(d, ind, r)
            self._terapkan_kasus(d, ind, s)
            self._memo[key] = s
        return self._memo[key]

    # ---- kasus umum --------------------------------------------------------------------------
    def _terapkan_kasus(self, d: Daerah, ind: Ind, s: Seri) -> None:
        key = (d.kode, ind.kode)
        if key in KASUS_TANPA_REALISASI:
            s.realisasi = []
        if key in KASUS_TAHUN_KOSONG:
            s.realisasi = [x for x in s.realisasi if x.tahun not in KASUS_TAHUN_KOSONG[key]]
        if d.kode in BELUM_LAPOR_TW3_2026 and ind.agregasi == "kumulatif":
            s.realisasi = [x for x in s.realisasi if not (x.tahun == 2026 and x.periode == "TW3")]
        for (kd, ki, th), geser in KASUS_RKPD_KABKOTA.items():
            if (kd, ki) == key:
                s.rkpd[th] = round(s.target[th] + geser, ind.dec)

    def _tahunan_ke_real(self, ind: Ind, nilai: dict, nyata_sumber: dict, catatan_ilustrasi: str = "",
                         periode: str = "TAHUN") -> list:
        rows = []
        for y, v in sorted(nilai.items()):
            if y in nyata_sumber:
                sumber, status, catatan = nyata_sumber[y]
                rows.append(Real(y, periode, v, sumber, status, catatan))
            else:
                rows.append(Real(y, periode, v, ILUSTRASI, status_ilustrasi(ind, y), catatan_ilustrasi))
        return rows

    # ---- indikator tingkat (akhir) ilustrasi ----------------------------------------------------
    def gen_level(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        k = round(antara(r, ind.awal[d.jenis]), ind.dec)
        a = target_akhir_level(ind, r, k)
        target = jalur_target(k, a, ind.dec)
        nilai = jalan_level(ind, r, k, target, {})
        return Seri(k, target, a, self._tahunan_ke_real(ind, nilai, {}), {2020: k, **nilai})

    # ---- makro ----------------------------------------------------------------------------------
    def gen_ipm(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        nyata = {y: v for (kd, y), v in self.s.ipm.items() if kd == d.kode and y >= TAHUN_AWAL}
        k = self.s.ipm[(d.kode, TAHUN_KONDISI_AWAL)]
        a = round(k + r.uniform(2.2, 3.1), 2)
        target = jalur_target(k, a, 2)
        nilai = jalan_level(ind, r, k, target, nyata, perf=r.uniform(0.75, 1.0))
        src = {y: ("BPS, Tabel 413 IPM Metode Baru", "tetap", "") for y in nyata}
        rows = self._tahunan_ke_real(ind, nilai, src, "seri Tabel 413 tahun 2025 belum tersedia")
        return Seri(k, target, a, rows, {2020: k, **nilai}, self._rkpd(d, ind))

    def _rkpd(self, d: Daerah, ind: Ind) -> dict:
        return {y: v for (kd, ki, y), v in self.s.rkpd.items() if kd == d.kode and ki == ind.kode}

    def _tw_nyata(self, d, ind, data, label, sumber_fmt, periode_map, k_label, a_faktor, r):
        """Seri provinsi per triwulan dari BPS (P0/Gini: Maret-September, TPT: Februari-Agustus)."""
        k = data[(d.kode, TAHUN_KONDISI_AWAL, k_label)]
        a = round(k * antara(r, a_faktor), ind.dec)
        target = jalur_target(k, a, ind.dec)
        rows, tahunan = [], {2020: k}
        for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1):
            for bulan, tw in periode_map:
                if (d.kode, y, bulan) in data:
                    v = data[(d.kode, y, bulan)]
                    rows.append(Real(y, tw, v, sumber_fmt.format(bulan=bulan), "tetap",
                                     f"{label} {bulan} {y}"))
                    tahunan[y] = v
        # 2026: hanya TW1 (ilustrasi, sementara)
        bulan, tw = periode_map[0]
        v26 = round(jepit(tahunan[TAHUN_LENGKAP] + (target[2026] - target[2025]) * 0.8
                          + r.gauss(0, abs(a - k) / 12 + 10 ** -ind.dec), ind.batas), ind.dec)
        rows.append(Real(2026, tw, v26, ILUSTRASI, "sementara", f"{label} {bulan} 2026 belum tersedia"))
        return Seri(k, target, a, rows, tahunan, self._rkpd(d, ind))

    def gen_p0(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            return self._tw_nyata(d, ind, self.s.p0, "Susenas", "BPS, Susenas {bulan} (var 192)",
                                  (("Maret", "TW1"), ("September", "TW3")), "September", (0.74, 0.80), r)
        nyata = {y: v for (kd, y), v in self.s.p0_kab.items() if kd == d.kode and y >= TAHUN_AWAL}
        k = self.s.p0_kab[(d.kode, TAHUN_KONDISI_AWAL)]
        a = round(k * r.uniform(0.70, 0.82), 2)
        target = jalur_target(k, a, 2)
        nilai = jalan_level(ind, r, k, target, nyata, perf=r.uniform(0.3, 0.8))
        src = {y: ("BPS, Tabel 621 P0 Kab/Kota (Susenas Maret)", "tetap", f"Susenas Maret {y}")
               for y in nyata}
        rows = self._tahunan_ke_real(ind, nilai, src, "Tabel 621 tahun 2025 belum tersedia")
        for x in rows:
            if x.sumber == ILUSTRASI:
                x.status = "sementara"
        return Seri(k, target, a, rows, {2020: k, **nilai})

    def gen_tpt(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            return self._tw_nyata(d, ind, self.s.tpt, "Sakernas", "BPS, Sakernas {bulan} (var 543)",
                                  (("Februari", "TW1"), ("Agustus", "TW3")), "Agustus", (0.80, 0.86), r)
        prov = self.seri(self.daerah[d.prov], ind)
        f = r.uniform(1.25, 1.6) if d.jenis == "kota" else r.uniform(0.55, 1.0)
        return self._turunan(d, ind, r, prov, lambda v, y: v * f, sd=0.35, ubah=(0.10, 0.22))

    def gen_gini(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            return self._tw_nyata(d, ind, self.s.gini, "Susenas", "BPS, Susenas {bulan} (var 98)",
                                  (("Maret", "TW1"), ("September", "TW3")), "September", (0.94, 0.97), r)
        prov = self.seri(self.daerah[d.prov], ind)
        f = r.uniform(0.98, 1.08) if d.jenis == "kota" else r.uniform(0.84, 1.0)
        return self._turunan(d, ind, r, prov, lambda v, y: v * f, sd=0.007, ubah=(0.03, 0.06))

    def gen_pdrb(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            k = round(self.s.pdrb[(d.kode, TAHUN_KONDISI_AWAL)], 2)
            a = round(k * r.uniform(1.20, 1.30), 2)
            target = jalur_target(k, a, 2)
            rows, tahunan = [], {2020: k}
            for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1):
                v = round(self.s.pdrb[(d.kode, y)], 2)
                status, cat = "tetap", ""
                if y == TAHUN_LENGKAP:
                    status, cat = "sementara", "angka sangat sementara"
                elif y == TAHUN_LENGKAP - 1:
                    status, cat = "sementara", "angka sementara"
                rows.append(Real(y, "TAHUN", v, "BPS, PDRB per Kapita ADHB (var 288)", status, cat))
                tahunan[y] = v
            return Seri(k, target, a, rows, tahunan)
        prov = self.seri(self.daerah[d.prov], ind)
        tinggi = {"65.02": 1.45, "65.04": 1.7, "62.12": 1.55, "62.13": 1.3}
        f = tinggi.get(d.kode, r.uniform(0.6, 1.15))
        seri = self._turunan(d, ind, r, prov, lambda v, y: v * f, sd=None, ubah=(0.18, 0.32),
                             sd_rel=0.035)
        return seri

    def _turunan(self, d, ind, r, prov: Seri, rumus, *, sd, ubah, sd_rel=None) -> Seri:
        """Seri kab/kota ilustrasi yang mengikuti gerak angka provinsi (TPT, Gini, PDRB)."""
        def acak(v):
            g = sd if sd is not None else abs(v) * sd_rel
            return round(jepit(v + r.gauss(0, g), ind.batas), ind.dec)
        k = acak(rumus(prov.tahunan[2020], 2020))
        perbaikan = k * antara(r, ubah)
        a = round(k + perbaikan if ind.polaritas == "positif" else k - perbaikan, ind.dec)
        target = jalur_target(k, a, ind.dec)
        nilai = {y: acak(rumus(prov.tahunan[y], y)) for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1)}
        rows = self._tahunan_ke_real(ind, nilai, {}, "")
        for x in rows:  # ikut status angka provinsi tahun yang sama (PDRB 2024-2025 sementara)
            if any(p.tahun == x.tahun and p.status == "sementara" for p in prov.realisasi):
                x.status = "sementara"
        return Seri(k, target, a, rows, {2020: k, **nilai})

    def gen_lpe(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        pola = {2020: -1.3, 2021: 3.8, 2022: 5.6, 2023: 4.6, 2024: 4.8, 2025: 4.9}
        pita = {2021: (3.0, 4.0), 2022: (4.0, 5.0), 2023: (4.5, 5.5), 2024: (5.0, 6.0),
                2025: (5.0, 6.0), 2026: (5.5, 6.5)}
        if d.jenis == "provinsi":
            geser, sd = r.gauss(0, 0.25), 0.35
            dasar = pola
        else:
            prov = self.seri(self.daerah[d.prov], ind)
            geser, sd = r.gauss(0, 0.6), 0.9
            dasar = prov.tahunan
        nilai = {y: round(dasar[y] + geser + r.gauss(0, sd), 2) for y in range(2020, TAHUN_LENGKAP + 1)}
        src = {}
        for (kd, y), v in self.s.lpe.items():
            if kd == d.kode:
                nilai[y] = v
                src[y] = ("Bappedalitbang Kalteng, Rakordalev 2024 (pers kaltengterkini.co.id)", "tetap",
                          "angka BPS yang dikutip pejabat daerah")
        k = nilai.pop(2020)
        rows = self._tahunan_ke_real(ind, nilai, src)
        for x in rows:
            if x.sumber == ILUSTRASI and x.tahun == TAHUN_LENGKAP:
                x.status = "sementara"
        return Seri(k, dict(pita), pita[2026], rows, {2020: k, **nilai}, self._rkpd(d, ind))

    def gen_inflasi(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        pola = {2021: (1.4, 1.3, 1.6, 1.9), 2022: (2.6, 4.4, 5.9, 5.6), 2023: (5.0, 3.4, 2.4, 2.7),
                2024: (3.0, 2.4, 1.8, 1.6), 2025: (1.1, 1.9, 2.6, 2.8), 2026: (2.6, 2.4, 2.5)}
        pita = {y: (2.0, 4.0) if y <= 2023 else (1.5, 3.5) for y in TAHUN}
        geser = r.gauss(0.2, 0.35)
        k = round(1.6 + geser + r.gauss(0, 0.3), 2)
        rows, tahunan = [], {2020: k}
        for y, nilai_tw in pola.items():
            vals = [round(v + geser + r.gauss(0, 0.3), 2) for v in nilai_tw]
            st = "sementara" if y == 2026 else "tetap"
            if d.jenis == "provinsi":
                for tw, v in zip(TW, vals):
                    rows.append(Real(y, tw, v, ILUSTRASI, st, ""))
            elif y <= TAHUN_LENGKAP:
                rows.append(Real(y, "TAHUN", vals[-1], ILUSTRASI, st, "inflasi Desember (y-on-y)"))
            tahunan[y] = vals[-1]
        return Seri(k, pita, pita[2026], rows, tahunan)

    def gen_ntp(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        k = round(antara(r, ind.awal["provinsi"]), 2)
        a = target_akhir_level(ind, r, k)
        target = jalur_target(k, a, 2)
        nilai = jalan_level(ind, r, k, target, {}, sampai=2026, perf=r.uniform(1.0, 2.2))
        rows, prev = [], k
        for y in TAHUN:
            n_tw = TW_2026 if y == 2026 else 4
            for i in range(n_tw):
                v = round(prev + (nilai[y] - prev) * (i + 1) / 4 + r.gauss(0, 1.2), 2)
                if i == 3:
                    v = nilai[y]
                rows.append(Real(y, TW[i], v, ILUSTRASI, "sementara" if y == 2026 else "tetap", ""))
            prev = nilai[y]
        return Seri(k, target, a, rows, {2020: k, **nilai})

    def _seri_tahunan_nyata(self, d, ind, r, data: dict, sumber: str, a_faktor) -> Seri:
        k = data[(d.kode, TAHUN_KONDISI_AWAL)]
        a = round(k * antara(r, a_faktor), 2)
        target = jalur_target(k, a, 2)
        nilai = {y: data[(d.kode, y)] for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1)}
        src = {y: (sumber, "tetap", "") for y in nilai}
        return Seri(k, target, a, self._tahunan_ke_real(ind, nilai, src), {2020: k, **nilai})

    def gen_setengah(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        return self._seri_tahunan_nyata(d, ind, r, self.s.setengah, "BPS, Sakernas Agustus (var 1181)",
                                        (0.74, 0.80))

    def gen_neet(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        return self._seri_tahunan_nyata(d, ind, r, self.s.neet, "BPS, Sakernas Agustus (var 1186)",
                                        (0.78, 0.86))

    # ---- pendidikan dan kesehatan ------------------------------------------------------------
    def gen_hls(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        nyata = {2024: self.s.hls[(d.kode, 2024)]}
        src = {2024: ("BPS, [Metode Baru] Harapan Lama Sekolah (var 417)", "tetap", "")}
        if (d.kode, 2025) in self.s.hls_pers:
            nyata[2025] = self.s.hls_pers[(d.kode, 2025)]
            src[2025] = ("BPS, rilis komponen IPM 2025 (pers teraskaltara.id)", "tetap", "")
        k = round(nyata[2024] - 4 * r.uniform(0.03, 0.10), 2)
        a = round(k + r.uniform(0.35, 0.7), 2)
        target = jalur_target(k, a, 2)
        nilai = jalan_level(ind, r, k, target, nyata)
        return Seri(k, target, a, self._tahunan_ke_real(ind, nilai, src), {2020: k, **nilai})

    def gen_internet(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        nyata, src = {}, {}
        if d.jenis == "provinsi":
            nyata[2024] = self.s.internet[(d.kode, 2024)]
            src[2024] = ("BPS, Susenas 2024 (var 398)", "tetap", "")
            k = round(nyata[2024] - r.uniform(10.0, 13.0), 2)
        else:
            k = round(antara(r, ind.awal[d.jenis]), 2)
        a = target_akhir_level(ind, r, k)
        target = jalur_target(k, a, 2)
        nilai = jalan_level(ind, r, k, target, nyata)
        return Seri(k, target, a, self._tahunan_ke_real(ind, nilai, src), {2020: k, **nilai})

    def gen_stunting(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        nyata = {y: v for (kd, y), (v, _) in self.s.stunting.items() if kd == d.kode}
        src = {y: ("Kemenkes, " + seri, "tetap", "") for (kd, y), (_, seri) in self.s.stunting.items()
               if kd == d.kode}
        tahun = range(TAHUN_KONDISI_AWAL, TAHUN_LENGKAP + 1)
        if d.jenis == "provinsi":
            k = round(nyata[2021] + r.uniform(0.5, 2.0), 2)
            a = 14.0
            target = jalur_target(k, a, 2)
            nilai = jalan_level(ind, r, k, target, nyata, perf=r.uniform(0.6, 0.9))
            tahunan = {2020: k, **nilai}
        else:
            prov = self.seri(self.daerah[d.prov], ind).tahunan
            tahunan = {}
            if nyata:
                for y in tahun:
                    if y in nyata:
                        tahunan[y] = nyata[y]
                        continue
                    sebelum = [t for t in nyata if t < y]
                    sesudah = [t for t in nyata if t > y]
                    if sebelum and sesudah:
                        t0, t1 = max(sebelum), min(sesudah)
                        v = nyata[t0] + (nyata[t1] - nyata[t0]) * (y - t0) / (t1 - t0)
                    else:
                        # di luar angka nyata: ikuti gerak provinsi, diredam (akar rasio)
                        t = max(sebelum) if sebelum else min(sesudah)
                        v = nyata[t] * math.sqrt(prov[y] / prov[t])
                    tahunan[y] = round(jepit(v + r.gauss(0, 0.8), ind.batas), 1)
            else:
                f = r.uniform(0.7, 0.95) if d.jenis == "kota" else r.uniform(0.9, 1.2)
                tahunan = {y: round(jepit(prov[y] * f + r.gauss(0, 1.0), ind.batas), 1) for y in tahun}
            k = round(tahunan.pop(2020) + (r.uniform(0.3, 1.5) if 2020 not in nyata else 0), 2)
            a = KASUS_TARGET_LEMAH.get((d.kode, ind.kode), round(min(14.0, k * 0.6), 1))
            target = jalur_target(k, a, 2)
            nilai = tahunan
            tahunan = {2020: k, **nilai}
        catatan = "tidak ada angka SSGI/SKI untuk daerah dan tahun ini dalam data sumber"
        rows = self._tahunan_ke_real(ind, nilai, src, catatan)
        for x in rows:
            if x.sumber == ILUSTRASI and x.tahun == TAHUN_LENGKAP:
                x.status = "sementara"
        return Seri(k, target, a, rows, tahunan)

    def gen_kematian_ibu(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            return self._jumlah_anak(d, ind, r, faktor_target=1.0)
        lam0 = d.penduduk * 3.2e-5
        k = max(0, int(round(lam0 * r.uniform(0.9, 1.3))))
        if d.penduduk < 100_000:
            target = {y: 0 for y in TAHUN}
        else:
            target = {y: max(1, int(round(lam0 * (1 - 0.07 * (y - TAHUN_KONDISI_AWAL))))) for y in TAHUN}
        rows = []
        for y in TAHUN:
            lam = lam0 * (1 - 0.05 * (y - TAHUN_KONDISI_AWAL)) * r.uniform(0.8, 1.2) / 4
            for i in range(TW_2026 if y == 2026 else 4):
                st = "sementara" if y == 2026 else "tetap"
                rows.append(Real(y, TW[i], poisson(r, lam), ILUSTRASI, st, ""))
        return Seri(k, target, sum(target.values()), rows)

    def gen_desa(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            return self._jumlah_anak(d, ind, r, faktor_target=1.0, tahunan=True)
        k = KASUS_DESA_AWAL.get(d.kode) or max(
            1, int(round(r.uniform(0.6, 2.6) * math.sqrt(d.luas_km2 / 1000))))
        if k <= 3:
            target = {y: max(0, k - (y - TAHUN_KONDISI_AWAL)) for y in TAHUN}
        else:
            target = jalur_target(k, 0, 0)
            target = {y: int(v) for y, v in target.items()}
        nilai, sisa = {}, float(k)
        for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1):
            sisa = max(0.0, sisa - k / 6 * r.uniform(0.6, 1.3))
            nilai[y] = int(round(sisa))
        if d.kode == "65.04":  # naik turun status IDM: target 0 tidak tercapai di 2024
            nilai.update({2021: 3, 2022: 2, 2023: 1, 2024: 1, 2025: 0})
        rows = self._tahunan_ke_real(ind, nilai, {}, "")
        return Seri(k, target, target[TAHUN_AKHIR], rows, {2020: k, **nilai})

    # ---- alir (kumulatif) ----------------------------------------------------------------------
    def gen_alir(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        f0 = antara(r, ind.awal[d.jenis])
        if ind.per_100rb:
            f0 *= d.penduduk / 100_000
        f0 = round(f0, ind.dec)
        g = antara(r, ind.tumbuh)
        target = {y: round(f0 * (1 + g) ** (y - TAHUN_KONDISI_AWAL), ind.dec) for y in TAHUN}
        if ind.dec == 0:
            target = {y: int(v) for y, v in target.items()}
        return self._alir_dari_target(d, ind, r, f0, target)

    def _alir_dari_target(self, d, ind, r, f0, target) -> Seri:
        key = (d.kode, ind.kode)
        perf_dasar = jepit(r.gauss(1.0, 0.12), (0.55, 1.35))
        khusus = {}
        if key in KASUS_RENDAH:
            perf_dasar, khusus = KASUS_RENDAH[key]
        sementara_tw4 = r.random() < 0.3
        rows = []
        for y in TAHUN:
            perf = jepit(perf_dasar + r.gauss(0, 0.08), (0.1, 3.0))
            if y == 2021:
                perf *= ind.covid
            if key in KASUS_MELAMPAUI and y >= 2022:
                perf = KASUS_MELAMPAUI[key] + r.gauss(0, 0.05)
            perf = khusus.get(y, perf)
            bobot = [w * r.uniform(0.85, 1.15) for w in ind.bobot_tw]
            bagian = bagi(target[y] * perf, bobot, ind.dec)
            for i in range(TW_2026 if y == 2026 else 4):
                sementara = y == 2026 or (y == TAHUN_LENGKAP and i == 3 and sementara_tw4)
                st = "sementara" if sementara else "tetap"
                rows.append(Real(y, TW[i], bagian[i], ILUSTRASI, st, ""))
            if key in KASUS_TAHUN_ALIR and y in KASUS_TAHUN_ALIR[key]:
                v = round(sum(bagian) * r.uniform(1.015, 1.045), ind.dec)
                cat = ("angka tahunan hasil audit LKPD, menggantikan jumlah triwulan" if ind.kode == "KEU-02"
                       else "angka tahunan final LKPM, menggantikan jumlah triwulan")
                rows.append(Real(y, "TAHUN", v, ILUSTRASI, "tetap", cat))
        akhir = round(sum(target.values()), ind.dec)
        return Seri(f0, target, akhir, rows)

    def gen_alir_jumlah(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        if d.jenis == "provinsi":
            return self._jumlah_anak(d, ind, r, faktor_target=1.0 if d.kode == "65" else 1.08)
        return self.gen_alir(d, ind, r)

    def _jumlah_anak(self, d, ind, r, *, faktor_target: float, tahunan: bool = False) -> Seri:
        """Angka provinsi = jumlah kab/kota (target dikali faktor_target: 1,08 = target provinsi lebih
        tinggi daripada jumlah target kab/kota)."""
        anak = [(c, self.seri(c, ind)) for c in self.anak[d.kode] if self.berlaku(c, ind)]
        k = round(sum(s.kondisi_awal for _, s in anak), ind.dec)
        target = {y: round(sum(s.target[y] for _, s in anak) * faktor_target, ind.dec) for y in TAHUN}
        if ind.dec == 0:
            target = {y: int(round(v)) for y, v in target.items()}
        jumlah, ada = defaultdict(float), defaultdict(set)
        status = {}
        for c, s in anak:
            for x in s.realisasi:
                jumlah[(x.tahun, x.periode)] += x.nilai
                ada[(x.tahun, x.periode)].add(c.kode)
                if x.status == "sementara":
                    status[(x.tahun, x.periode)] = "sementara"
        rows = []
        for (y, per), v in sorted(jumlah.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            kurang = [c.nama for c, _ in anak if c.kode not in ada[(y, per)]]
            cat = "jumlah kabupaten/kota" + (f"; belum termasuk {', '.join(kurang)}" if kurang else "")
            rows.append(Real(y, per, round(v, ind.dec), ILUSTRASI, status.get((y, per), "tetap"), cat))
        akhir = target[TAHUN_AKHIR] if tahunan else round(sum(target.values()), ind.dec)
        nilai_tahunan = {2020: k, **{x.tahun: x.nilai for x in rows}} if tahunan else {}
        return Seri(k, target, akhir, rows, nilai_tahunan)

    # ---- teks ------------------------------------------------------------------------------------
    def gen_opini(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        k = KONDISI_AWAL_OPINI.get(d.kode, "WTP")
        target = {y: "WTP" for y in TAHUN}
        khusus = KASUS_OPINI.get(d.kode, {})
        rows = [Real(y, "TAHUN", khusus.get(y, "WTP"), ILUSTRASI, "tetap", f"LHP BPK atas LKPD {y}")
                for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1)]
        return Seri(k, target, "WTP", rows)

    def gen_sakip(self, d: Daerah, ind: Ind, r: random.Random) -> Seri:
        skala = ind.skala  # tujuh tingkat D..AA (katalog)
        if d.jenis == "provinsi":
            g0, naik = (3, 2) if d.kode == "65" else (4, 1)
        else:
            g0, naik = r.choice([2, 3, 3, 4]), r.choice([1, 2])
        naik = min(naik, 5 - g0)
        target = {y: skala[g0 + (naik * (y - TAHUN_KONDISI_AWAL) + 2) // 6] for y in TAHUN}
        naik_real = max(0, naik - r.choice([0, 0, 1]))
        rows = []
        for y in range(TAHUN_AWAL, TAHUN_LENGKAP + 1):
            g = g0 + (naik_real * (y - TAHUN_KONDISI_AWAL)) // 6
            rows.append(Real(y, "TAHUN", skala[min(g, 5)], ILUSTRASI, "tetap", f"LHE SAKIP {y}"))
        return Seri(skala[g0], target, target[TAHUN_AKHIR], rows)


# ---------------------------------------------------------------------------------------------
# Tulis
# ---------------------------------------------------------------------------------------------
KOLOM_INDIKATOR = ["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan",
                   "polaritas", "agregasi", "kondisi_awal", "tahun_kondisi_awal", "target_akhir", "iku",
                   "perangkat_daerah", "sumber_data", "definisi", "indikator_induk"]
KOLOM_TARGET = ["daerah_kode", "periode_rpjmd", "indikator_kode", "tahun", "dokumen", "target"]
KOLOM_REALISASI = ["daerah_kode", "periode_rpjmd", "indikator_kode", "tahun", "periode", "realisasi",
                   "sumber", "status", "catatan"]
KOLOM_DUKUNGAN = ["daerah_kode", "periode_rpjmd", "tahun", "indikator_kode", "sub_kegiatan_kode",
                  "sub_kegiatan_nama", "perangkat_daerah", "pagu", "realisasi_tw1", "realisasi_tw2",
                  "realisasi_tw3", "realisasi_tw4", "realisasi_anggaran", "disepakati", "sumber", "catatan"]
WIL = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
URUT_PERIODE = {p: n for n, p in enumerate((*TW, "TAHUN"))}


def tulis_nilai(ind: Ind, v) -> str:
    """Satu nilai seperti yang diketik di berkas impor."""
    if isinstance(v, tuple):
        return fmt_rentang(v, koma=ind.kode == "IKU-03")
    # Gini tiga desimal ditulis dengan koma: "0.316" bisa dibaca dua cara (316 atau 0,316).
    return fmt(v, ind.dec, koma=ind.kode == "IKU-05")


def susun(daerah: list[Daerah], p: Pembuat):
    indikator, target, realisasi = [], [], []
    for d in daerah:
        for ind in KATALOG:
            if not p.berlaku(d, ind):
                continue
            s = p.seri(d, ind)
            induk = ""
            if ind.induk and d.jenis != "provinsi" and p.berlaku(p.daerah[d.prov], ind):
                induk = f"{d.prov}/{ind.kode}"
            opd = ind.opd[0] if d.jenis == "provinsi" else ind.opd[1]
            indikator.append({
                "daerah_kode": d.kode, "periode_rpjmd": PERIODE, "urusan_kode": ind.urusan,
                "indikator_kode": ind.kode, "nama": ind.nama.format(wil=WIL[d.jenis]),
                "satuan": ind.satuan, "polaritas": ind.polaritas, "agregasi": ind.agregasi,
                "kondisi_awal": tulis_nilai(ind, s.kondisi_awal),
                "tahun_kondisi_awal": TAHUN_KONDISI_AWAL,
                "target_akhir": tulis_nilai(ind, s.target_akhir),
                "iku": "ya" if ind.iku else "tidak", "perangkat_daerah": opd,
                "sumber_data": ind.sumber_data, "definisi": ind.definisi, "indikator_induk": induk,
            })
            for y in TAHUN:
                target.append({"daerah_kode": d.kode, "periode_rpjmd": PERIODE, "indikator_kode": ind.kode,
                               "tahun": y, "dokumen": "RPJMD",
                               "target": tulis_nilai(ind, s.target[y])})
            for y, v in sorted(s.rkpd.items()):
                teks = tulis_nilai(ind, v)
                assert teks != tulis_nilai(ind, s.target[y]), (d.kode, ind.kode, y)
                target.append({"daerah_kode": d.kode, "periode_rpjmd": PERIODE, "indikator_kode": ind.kode,
                               "tahun": y, "dokumen": "RKPD", "target": teks})
            for x in sorted(s.realisasi, key=lambda x: (x.tahun, URUT_PERIODE[x.periode])):
                realisasi.append({"daerah_kode": d.kode, "periode_rpjmd": PERIODE, "indikator_kode": ind.kode,
                                  "tahun": x.tahun, "periode": x.periode,
                                  "realisasi": tulis_nilai(ind, x.nilai),
                                  "sumber": x.sumber, "status": x.status, "catatan": x.catatan})
    return indikator, target, realisasi


def tulis_csv(path: Path, kolom: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, kolom, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


# ---------------------------------------------------------------------------------------------
# Dukungan sub kegiatan dan anggaran (dukungan.csv)
# ---------------------------------------------------------------------------------------------
# Semua angka di sini ilustrasi. Aliran acak sendiri (rng("dukungan", ...)), jadi tidak menggeser angka
# indikator, target dan realisasi. Kode dan nama sub kegiatan dari data/referensi/sub_kegiatan.csv
# (sub kegiatan kab/kota, digit kegiatan 2); untuk provinsi digit itu menjadi 1 dan namanya tetap.
SUB_KEGIATAN_CSV = AKAR / "data" / "referensi" / "sub_kegiatan.csv"
TAHUN_DUKUNGAN = range(2022, TAHUN_AKHIR + 1)
TAHUN_DUKUNGAN_TW = 2024  # sejak tahun ini realisasi anggaran per triwulan; sebelumnya angka setahun
PAGU = {"provinsi": (250_000_000, 9_000_000_000, 1_300_000_000),  # (min, maks, median)
        "kabupaten": (75_000_000, 3_000_000_000, 420_000_000)}
PAGU["kota"] = PAGU["kabupaten"]
BOBOT_TW_ANGGARAN = ((0.05, 0.15), (0.15, 0.25), (0.20, 0.30), (0.25, 0.40))

# Sub kegiatan yang boleh mendukung indikator (demo.dukungan di katalog): awalan kode (tingkat kab/kota) dan,
# bila ada, kata yang harus muncul di nama (tanpa beda huruf besar-kecil; bila tidak ada yang cocok, semua awalan
# dipakai). Program penunjang (x.xx.01) tidak pernah dipakai. Indikator tanpa dukungan di katalog, atau yang bidang
# urusannya tidak punya sub kegiatan di berkas referensi (3.28 Kehutanan, 3.29 ESDM), tidak punya dukungan (temuan).
DUKUNGAN_SUB = {i.kode: (i.dukungan.awalan, i.dukungan.kata) for i in KATALOG
                if i.dukungan and i.dukungan.lintas_maks is None}
# Indikator lintas urusan (lintas_maks): 1..lintas_maks sub kegiatan bidang terkait, diutamakan yang sudah
# mendukung indikator urusan itu di daerah yang sama. IKU-05 (Gini) sengaja tanpa dukungan.
DUKUNGAN_LINTAS = {i.kode: (i.dukungan.awalan, i.dukungan.kata, i.dukungan.lintas_maks) for i in KATALOG
                   if i.dukungan and i.dukungan.lintas_maks is not None}
PELUANG_TANPA_DUKUNGAN = 0.03  # (daerah, indikator) yang tidak didukung sub kegiatan sama sekali
PELUANG_TAHUN_TANPA_DUKUNGAN = 0.02  # satu tahun tanpa dukungan
CATATAN_DUKUNGAN = ("pagu dikurangi pada APBD-P", "pagu ditambah pada APBD-P", "tender gagal, diulang TW3",
                    "sisa tender (efisiensi), volume tercapai", "pencairan tertunda menunggu petunjuk teknis")


@dataclass(frozen=True)
class Anggaran:
    pagu: int
    tw: tuple  # realisasi per triwulan (None = belum dilaporkan)
    tahun: int | None  # realisasi setahun (2022-2023)
    catatan: str


def baca_sub_kegiatan() -> dict:
    with open(SUB_KEGIATAN_CSV, encoding="utf-8", newline="") as f:
        return {r["kode"]: r["nama"] for r in csv.DictReader(f)}


def kode_tingkat(kode: str, d: Daerah) -> str:
    """Kode sub kegiatan kab/kota (digit kegiatan 2) -> kode provinsi (digit 1) untuk daerah provinsi."""
    if d.jenis != "provinsi":
        return kode
    s = kode.split(".")
    return ".".join(s[:3] + ["1"] + s[4:])


def penunjang(kode: str) -> bool:
    return kode.split(".")[2] == "01"


def capaian_kasar(ind: Ind, s: Seri, y: int) -> float | None:
    """Perkiraan capaian (%) setahun dari seri indikator; hanya untuk menautkan serapan ke kinerja."""
    t = s.target.get(y)
    if ind.polaritas not in ("positif", "negatif") or not isinstance(t, (int, float)) or t == 0:
        return None
    rows = [x for x in s.realisasi if x.tahun == y]
    if not rows:
        return None
    tahun = [x.nilai for x in rows if x.periode == "TAHUN"]
    if tahun:
        v = tahun[0]
    elif ind.agregasi == "kumulatif":
        v = sum(x.nilai for x in rows)
    else:
        v = max(rows, key=lambda x: URUT_PERIODE[x.periode]).nilai
    c = v / t if ind.polaritas == "positif" else 2 - v / t
    return jepit(c * 100, (0.0, 100.0))


class PembuatDukungan:
    def __init__(self, p: Pembuat, sub: dict) -> None:
        self.p, self.sub = p, sub
        self.kab = [k for k in sub if not k.startswith("X")]
        self._anggaran, self._serapan = {}, {}
        self.opd_bidang = {}  # (bidang, jenis) -> perangkat daerah
        for ind in KATALOG:
            for jenis in ("provinsi", "kabupaten", "kota"):
                if ind.urusan:
                    self.opd_bidang.setdefault((ind.urusan, jenis),
                                               ind.opd[0] if jenis == "provinsi" else ind.opd[1])

    def kolam(self, awalan, kata) -> list[str]:
        semua = [k for k in self.kab if not penunjang(k) and k.startswith(awalan)]
        cocok = [k for k in semua if any(w.lower() in self.sub[k].lower() for w in kata)]
        return cocok or semua

    # ---- serapan per (daerah, bidang urusan): sebagian ikut kinerja, sebagian sengaja menyimpang ----
    def serapan_bidang(self, d: Daerah) -> dict:
        if d.kode in self._serapan:
            return self._serapan[d.kode]
        per_urusan = defaultdict(list)
        for ind in KATALOG:
            if ind.urusan and self.p.berlaku(d, ind):
                s = self.p.seri(d, ind)
                per_urusan[ind.urusan] += [c for y in range(2022, TAHUN_LENGKAP + 1)
                                           if (c := capaian_kasar(ind, s, y)) is not None]
        cap = {u: sum(v) / len(v) for u, v in per_urusan.items() if v}
        urut = sorted(cap, key=lambda u: (cap[u], u))
        rendah = {ki for (kd, ki) in KASUS_RENDAH if kd == d.kode}
        lampau = {ki for (kd, ki) in KASUS_MELAMPAUI if kd == d.kode}
        boros = {ind.urusan for ind in KATALOG if ind.kode in rendah}
        hemat = {ind.urusan for ind in KATALOG if ind.kode in lampau}
        bebas = [u for u in urut if u not in boros | hemat]
        if len(bebas) >= 4:  # dua urusan berkinerja terendah menyerap tinggi, dua tertinggi menyerap rendah
            boros.update(bebas[:2])
            hemat.update(bebas[-2:])
        hasil = {}
        for n, u in enumerate(urut):
            r = rng("dukungan", "serapan", d.kode, u)
            skor = 2 * n / max(1, len(urut) - 1) - 1  # -1 (kinerja terendah) .. +1
            if u in boros:
                hasil[u] = r.uniform(0.93, 0.975)
            elif u in hemat:
                hasil[u] = r.uniform(0.66, 0.76)
            else:
                hasil[u] = jepit(0.865 + 0.05 * skor + r.gauss(0, 0.045), (0.68, 0.97))
        self._serapan[d.kode] = hasil
        return hasil

    def level_serapan(self, d: Daerah, bidang: str) -> float:
        lv = self.serapan_bidang(d)
        if bidang not in lv:
            lv[bidang] = rng("dukungan", "serapan", d.kode, bidang).uniform(0.78, 0.93)
        return lv[bidang]

    # ---- pagu dan realisasi: satu per (daerah, sub kegiatan, tahun), dipakai di semua barisnya --------
    def anggaran(self, d: Daerah, kode: str) -> dict:
        key = (d.kode, kode)
        if key in self._anggaran:
            return self._anggaran[key]
        r = rng("dukungan", "anggaran", d.kode, kode)
        lo, hi, med = PAGU[d.jenis]
        dasar = jepit(math.exp(r.gauss(math.log(med), 0.75)), (lo, hi))
        level = self.level_serapan(d, kode[:4])
        hasil = {}
        for y in TAHUN_DUKUNGAN:
            dasar = jepit(dasar * (1 + r.gauss(0.04, 0.05)), (lo, hi))
            pagu, catatan = dasar, ""
            serapan = level + r.gauss(0, 0.035)
            if not 0.65 <= serapan <= 0.99:  # dipantulkan ke dalam, bukan ditumpuk di batas
                serapan = 0.65 + r.uniform(0, 0.03) if serapan < 0.65 else 0.99 - r.uniform(0, 0.02)
            bobot = [r.uniform(a, b) for a, b in BOBOT_TW_ANGGARAN]
            if r.random() < 0.015:
                catatan = r.choice(CATATAN_DUKUNGAN[:4] if y < 2026 else CATATAN_DUKUNGAN)
                if catatan.startswith("pagu dikurangi"):
                    pagu = max(lo, pagu * r.uniform(0.78, 0.9))
                elif catatan.startswith("pagu ditambah"):
                    pagu = min(hi, pagu * r.uniform(1.1, 1.25))
                elif catatan.startswith("tender gagal"):
                    serapan = min(serapan, r.uniform(0.65, 0.8))
                    bobot = [bobot[0], 0.02, bobot[2] * 1.6, bobot[3] * 1.3]
                elif catatan.startswith("sisa tender"):
                    serapan = min(serapan, r.uniform(0.72, 0.84))
                else:  # pencairan tertunda (2026)
                    bobot[0] = 0.01
                if y < TAHUN_DUKUNGAN_TW and catatan.startswith(("tender", "pencairan")):
                    catatan = ""
            pagu = int(round(pagu / 1000)) * 1000
            total = pagu * serapan
            tw = [int(total * w / sum(bobot)) for w in bobot]
            if y == 2026:
                n = TW_2026 - (1 if d.kode in BELUM_LAPOR_TW3_2026 else 0)
                tw = tw[:n] + [None] * (4 - n)
            assert sum(v or 0 for v in tw) <= pagu, (key, y)
            if y < TAHUN_DUKUNGAN_TW:
                hasil[y] = Anggaran(pagu, (None,) * 4, sum(tw), catatan)
            else:
                hasil[y] = Anggaran(pagu, tuple(tw), None, catatan)
        self._anggaran[key] = hasil
        return hasil

    # ---- pilihan sub kegiatan per (daerah, indikator), berlanjut dari tahun ke tahun ---------------
    def pilih(self, d: Daerah, ind: Ind, terpilih: dict) -> dict:
        """tahun -> [kode kab/kota]; terpilih: kode yang sudah dipakai indikator lain di daerah ini."""
        r = rng("dukungan", "pilih", d.kode, ind.kode)
        kasus = (d.kode, ind.kode) in KASUS_RENDAH or (d.kode, ind.kode) in KASUS_MELAMPAUI
        if ind.kode in DUKUNGAN_LINTAS:
            awalan, kata, maks = DUKUNGAN_LINTAS[ind.kode]
            kolam = self.kolam(awalan, kata)
            utama = sorted(k for k in terpilih if k in kolam)
            n = r.randint(1, maks)
            pilihan = r.sample(utama, min(n, len(utama))) if utama else []
            sisa = [k for k in kolam if k not in pilihan]
            pilihan += r.sample(sisa, min(n - len(pilihan), len(sisa)))
            tahunan = {y: sorted(pilihan) for y in TAHUN_DUKUNGAN}
        elif ind.kode in DUKUNGAN_SUB:
            kolam = self.kolam(*DUKUNGAN_SUB[ind.kode])
            if not kolam:
                return {}
            n = min(len(kolam), r.choices((1, 2, 3), (0.5, 0.35, 0.15))[0])
            kini = r.sample(kolam, n)
            tahunan = {}
            for y in TAHUN_DUKUNGAN:
                if y > TAHUN_DUKUNGAN[0]:
                    u = r.random()
                    lain = [k for k in kolam if k not in kini]
                    if u < 0.12 and lain:  # diganti sub kegiatan lain
                        kini = kini[:-1] + [r.choice(lain)]
                    elif u < 0.20 and lain and len(kini) < 3:  # ditambah
                        kini = kini + [r.choice(lain)]
                    elif u < 0.26 and len(kini) > 1:  # dikurangi
                        kini = kini[1:]
                tahunan[y] = sorted(kini)
        else:
            return {}
        if not kasus and r.random() < PELUANG_TANPA_DUKUNGAN:
            return {}
        for y in TAHUN_DUKUNGAN:
            if not kasus and r.random() < PELUANG_TAHUN_TANPA_DUKUNGAN:
                tahunan.pop(y)
        return tahunan

    def tanpa_indikator(self, d: Daerah, bidang: list[str]) -> dict:
        """Sub kegiatan penunjang bidang yang digarap daerah, belum mendukung indikator: tahun -> [kode]."""
        r = rng("dukungan", "tanpa", d.kode)
        calon = [k for k in self.kab if penunjang(k) and k[:4] in bidang]
        tetap = r.sample(calon, 4)
        return {y: sorted(r.sample(tetap, r.choice((1, 2, 2, 3)))) for y in TAHUN_DUKUNGAN}

    def baris(self, d: Daerah, ind: Ind | None, kode_kab: str, y: int) -> dict:
        kode = kode_tingkat(kode_kab, d)
        a = self.anggaran(d, kode)[y]
        if ind is None or not ind.urusan:
            opd = self.opd_bidang[(kode[:4], d.jenis)]
        else:
            opd = ind.opd[0] if d.jenis == "provinsi" else ind.opd[1]
        sepakat = (y <= TAHUN_LENGKAP
                   or rng("dukungan", "sepakat", d.kode, ind.kode if ind else "", kode).random() < 0.75)
        kosong = lambda v: "" if v is None else v  # noqa: E731
        return {"daerah_kode": d.kode, "periode_rpjmd": PERIODE, "tahun": y,
                "indikator_kode": ind.kode if ind else "", "sub_kegiatan_kode": kode,
                "sub_kegiatan_nama": self.sub[kode_kab], "perangkat_daerah": opd, "pagu": a.pagu,
                **{f"realisasi_tw{i + 1}": kosong(v) for i, v in enumerate(a.tw)},
                "realisasi_anggaran": kosong(a.tahun), "disepakati": "ya" if sepakat else "tidak",
                "sumber": ILUSTRASI, "catatan": a.catatan}


def susun_dukungan(daerah: list[Daerah], p: Pembuat) -> list[dict]:
    g = PembuatDukungan(p, baca_sub_kegiatan())
    rows = []
    for d in daerah:
        berlaku = [ind for ind in KATALOG if p.berlaku(d, ind)]
        pilihan, terpilih = {}, set()
        for ind in sorted(berlaku, key=lambda i: i.kode in DUKUNGAN_LINTAS):  # lintas urusan terakhir
            pilihan[ind.kode] = g.pilih(d, ind, terpilih)
            terpilih |= {k for ks in pilihan[ind.kode].values() for k in ks}
        for ind in berlaku:
            for y, kodes in pilihan[ind.kode].items():
                rows += [g.baris(d, ind, k, y) for k in kodes]
        bidang = sorted({ind.urusan for ind in berlaku if ind.urusan})
        for y, kodes in g.tanpa_indikator(d, bidang).items():
            rows += [g.baris(d, None, k, y) for k in kodes]
    return rows


# ---------------------------------------------------------------------------------------------
# Periksa
# ---------------------------------------------------------------------------------------------
def angka(teks: str) -> float:
    return float(teks.replace(",", "."))


def periksa(indikator, target, realisasi) -> None:
    kunci_ind = {(r["daerah_kode"], r["indikator_kode"]): r for r in indikator}
    assert len(kunci_ind) == len(indikator), "indikator ganda"
    for r in indikator:
        assert r["polaritas"] in ("positif", "negatif", "rentang", "teks"), r
        assert r["agregasi"] in ("kumulatif", "akhir"), r
        assert r["iku"] in ("ya", "tidak"), r
        if r["polaritas"] not in ("teks", "rentang"):
            angka(r["kondisi_awal"]), angka(r["target_akhir"])
        if r["indikator_induk"]:
            dk, ik = r["indikator_induk"].split("/")
            assert (dk, ik) in kunci_ind, r["indikator_induk"]
    for nama, rows, kunci in (("target", target, ("dokumen",)), ("realisasi", realisasi, ("periode",))):
        lihat = set()
        for r in rows:
            k = (r["daerah_kode"], r["indikator_kode"], r["tahun"], *(r[c] for c in kunci))
            assert k not in lihat, (nama, k)
            lihat.add(k)
            ind = kunci_ind[(r["daerah_kode"], r["indikator_kode"])]
            assert TAHUN_AWAL <= r["tahun"] <= TAHUN_AKHIR, (nama, k)
            nilai = r["target" if nama == "target" else "realisasi"]
            assert nilai != "", (nama, k)
            if ind["polaritas"] == "teks":
                continue
            if ind["polaritas"] == "rentang" and nama == "target":
                bagian = nilai.split(" - ") if " - " in nilai else nilai.split("-")
                [angka(b) for b in bagian]
            else:
                angka(nilai)
    for r in realisasi:
        assert r["periode"] in (*TW, "TAHUN") and r["status"] in ("sementara", "tetap"), r


POLA_SUB_KEGIATAN = re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}")


def periksa_dukungan(indikator, dukungan) -> None:
    urusan = {(r["daerah_kode"], r["indikator_kode"]): r["urusan_kode"] for r in indikator}
    kunci, anggaran = set(), {}
    for r in dukungan:
        k = (r["daerah_kode"], r["tahun"], r["indikator_kode"], r["sub_kegiatan_kode"])
        assert k not in kunci, ("dukungan ganda", k)
        kunci.add(k)
        kode = r["sub_kegiatan_kode"]
        assert POLA_SUB_KEGIATAN.fullmatch(kode), k
        assert kode.split(".")[3] == ("1" if "." not in r["daerah_kode"] else "2"), k
        if r["indikator_kode"]:
            u = urusan[(r["daerah_kode"], r["indikator_kode"])]
            assert not penunjang(kode) and (not u or kode[:4] == u), k
        tw = [r[f"realisasi_tw{i}"] for i in range(1, 5)]
        assert (r["realisasi_anggaran"] == "") == (r["tahun"] >= TAHUN_DUKUNGAN_TW), k
        belanja = sum(v or 0 for v in tw) + (r["realisasi_anggaran"] or 0)
        assert r["pagu"] % 1000 == 0 and belanja <= r["pagu"], k
        nilai = (r["pagu"], *tw, r["realisasi_anggaran"], r["perangkat_daerah"])
        assert anggaran.setdefault((r["daerah_kode"], r["tahun"], kode), nilai) == nilai, ("pagu beda", k)


def laporan_dukungan(indikator, dukungan) -> None:
    ada = {(r["daerah_kode"], r["indikator_kode"], r["tahun"]) for r in dukungan if r["indikator_kode"]}
    semua = [(r["daerah_kode"], r["indikator_kode"], y) for r in indikator for y in TAHUN_DUKUNGAN]
    tanpa = sum(k not in ada for k in semua)
    kosong = sum(not r["indikator_kode"] for r in dukungan)
    print(f"baris dukungan: {len(dukungan)} (tanpa indikator {kosong}; indikator-tahun tanpa dukungan "
          f"{tanpa} dari {len(semua)} = {100 * tanpa / len(semua):.1f}%; "
          f"sub kegiatan berbeda {len({r['sub_kegiatan_kode'] for r in dukungan})})")


def laporan(daerah, indikator, target, realisasi) -> None:
    per_daerah = Counter(r["daerah_kode"] for r in indikator)
    urusan = defaultdict(set)
    for r in indikator:
        if r["urusan_kode"]:
            urusan[r["daerah_kode"]].add(r["urusan_kode"])
    n_urusan = [len(urusan[d.kode]) for d in daerah]
    print(f"daerah: {len(daerah)} ({sum(d.jenis == 'provinsi' for d in daerah)} provinsi)")
    print(f"indikator per daerah: min {min(per_daerah.values())}, maks {max(per_daerah.values())} "
          f"(total {len(indikator)}, kode berbeda {len({r['indikator_kode'] for r in indikator})})")
    print(f"urusan per daerah: min {min(n_urusan)}, maks {max(n_urusan)}")
    print(f"baris target: {len(target)} (RKPD {sum(r['dokumen'] == 'RKPD' for r in target)})")
    print(f"baris realisasi: {len(realisasi)} "
          f"(ilustrasi {sum(r['sumber'] == ILUSTRASI for r in realisasi)}, "
          f"sementara {sum(r['status'] == 'sementara' for r in realisasi)})")


def periksa_seri() -> None:
    """Setiap ``demo.seri`` di katalog punya pembuat seri (``Pembuat.gen_<seri>``)."""
    salah = [f"{i.kode} ({i.gen!r})" for i in KATALOG if not hasattr(Pembuat, "gen_" + i.gen)]
    if salah:
        dikenal = sorted(n.removeprefix("gen_") for n in dir(Pembuat) if n.startswith("gen_"))
        raise SystemExit(f"{KATALOG_JSON.relative_to(AKAR)}: kolom 'demo.seri' tidak dikenal di {', '.join(salah)}; "
                         f"yang dikenal: {', '.join(dikenal)}")


def main() -> None:
    periksa_seri()
    daerah = baca_daerah()
    p = Pembuat(daerah, Sumber())
    indikator, target, realisasi = susun(daerah, p)
    periksa(indikator, target, realisasi)
    dukungan = susun_dukungan(daerah, p)
    periksa_dukungan(indikator, dukungan)
    KELUARAN.mkdir(parents=True, exist_ok=True)
    tulis_csv(KELUARAN / "indikator.csv", KOLOM_INDIKATOR, indikator)
    tulis_csv(KELUARAN / "target.csv", KOLOM_TARGET, target)
    tulis_csv(KELUARAN / "realisasi.csv", KOLOM_REALISASI, realisasi)
    tulis_csv(KELUARAN / "dukungan.csv", KOLOM_DUKUNGAN, dukungan)
    laporan(daerah, indikator, target, realisasi)
    laporan_dukungan(indikator, dukungan)
    print("ditulis:", *(str((KELUARAN / n).relative_to(AKAR)) for n in
                        ("indikator.csv", "target.csv", "realisasi.csv", "dukungan.csv")))


if __name__ == "__main__":
    main()
