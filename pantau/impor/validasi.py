"""Memeriksa setiap sel berkas impor dan menyusun rencana tulis.

Hasilnya ``Rencana``: baris-baris bersih siap ditulis, atau daftar ``Masalah`` yang menyebut
lembar, baris, kolom, nilai yang salah dan yang diharapkan, dalam bahasa Indonesia.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from pantau.aturan.angka import BukanAngka, baca_angka, baca_rentang, baca_rupiah, format_angka, kosong
from pantau.aturan.kode import KODE_DAERAH, KODE_SUB_KEGIATAN, KODE_UNIT, KODE_URUSAN
from pantau.impor.baca import Lembar
from pantau.impor.masalah import Masalah

#: Kolom keterangan di lembar target/realisasi templat (nama dan satuan indikator): dibaca tanpa diperiksa.
KOLOM_KETERANGAN = ["nama_indikator", "satuan"]

WAJIB = {
    "indikator": ["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan",
                  "polaritas", "agregasi"],
    "target": ["daerah_kode", "indikator_kode", "tahun", "target"],
    "realisasi": ["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi"],
    "dukungan": ["daerah_kode", "tahun", "indikator_kode", "sub_kegiatan_kode"],
    # prioritas dan usulan (keputusan #20): diperiksa di pantau/impor/prioritas.py
    "prioritas": ["tingkat", "dokumen", "jenis", "kode", "nama", "tahun_awal", "tahun_akhir"],
    "indikator_prioritas": ["daerah_kode", "indikator_kode", "prioritas_kode"],
    "usulan": ["daerah_kode", "tahun", "nomor", "judul", "urusan_kode"],
}
OPSIONAL = {
    "indikator": ["kondisi_awal", "tahun_kondisi_awal", "target_akhir", "iku", "perangkat_daerah",
                  "sumber_data", "definisi", "indikator_induk", "agregasi_wilayah"],
    "target": ["dokumen", "periode_rpjmd", *KOLOM_KETERANGAN],
    "realisasi": ["sumber", "status", "catatan", "periode_rpjmd", *KOLOM_KETERANGAN],
    "dukungan": ["periode_rpjmd", "sub_kegiatan_nama", "perangkat_daerah", "perangkat_daerah_kode",
                 "pagu", "realisasi_tw1", "realisasi_tw2",
                 "realisasi_tw3", "realisasi_tw4", "realisasi_anggaran", "disepakati", "sumber", "catatan",
                 *KOLOM_KETERANGAN],
    "prioritas": ["daerah_kode", "induk_kode", "urusan_kode", "pn_kode", "sumber", "catatan"],
    "indikator_prioritas": ["periode_rpjmd", "nama_indikator", "nama_prioritas"],
    "usulan": ["prioritas_kode", "permasalahan", "lokasi", "volume", "satuan", "biaya", "sub_kegiatan_kode",
               "perangkat_daerah", "sumber", "keputusan", "alasan", "dialihkan_ke", "pagu_disepakati"],
}
#: Kolom rupiah lembar dukungan (nama kolom di berkas -> kolom tabel dukungan).
KOLOM_RUPIAH = {"pagu": "pagu", "realisasi_tw1": "realisasi_tw1", "realisasi_tw2": "realisasi_tw2",
                "realisasi_tw3": "realisasi_tw3", "realisasi_tw4": "realisasi_tw4",
                "realisasi_anggaran": "realisasi_tahun"}

POLARITAS = ("positif", "negatif", "rentang", "teks")
AGREGASI = ("kumulatif", "akhir")
AGREGASI_WILAYAH = ("jumlah", "rerata", "rerata_tertimbang")
DOKUMEN = ("RPJMD", "RKPD")
STATUS = ("sementara", "tetap")
_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PERIODE_RPJMD = re.compile(r"^\s*(\d{4})\s*(?:-|\u2013|\u2014|s\.?d\.?)\s*(\d{4})\s*$", re.IGNORECASE)
#: Kode sub kegiatan Permendagri 90/2019: urusan.bidang.program.kegiatan(tingkat).kegiatan.sub kegiatan
MAKS_PANJANG_TEKS = 2000

#: Satuan hitungan dan persentase: target/realisasinya tidak mungkin negatif (dibandingkan setelah
#: huruf kecil dan spasi dirapikan). Satuan lain (indeks, rupiah, poin, skor, ...) boleh negatif.
SATUAN_TAK_NEGATIF = frozenset({
    "%", "persen", "persentase", "per seratus",
    "orang", "jiwa", "penduduk", "anak", "siswa", "pasien", "peserta", "pelaku usaha", "pekerja", "kk",
    "keluarga", "rumah tangga", "rt", "rumah", "unit", "unit usaha", "buah", "paket", "dokumen", "kegiatan",
    "kasus", "kejadian", "desa", "kelurahan", "desa/kelurahan", "sekolah", "puskesmas", "koperasi", "umkm",
    "kunjungan", "wisatawan", "km", "kilometer", "m", "meter", "m2", "m3", "ha", "hektar", "hektare", "ton",
    "ton gkg", "kg", "liter", "ekor", "pohon", "tahun", "hari", "bulan", "jam",
})
#: Indikator perubahan (pertumbuhan ekonomi 2020: -1,9 persen) boleh negatif meski satuannya persen.
_KATA_PERUBAHAN = ("pertumbuhan", "laju", "perubahan", "selisih", "inflasi", "kenaikan", "penurunan", "deflasi",
                   "growth", "kontraksi", "gap")
_TAK_TERLIHAT = "\u200b\u200c\u200d\u2060\ufeff"
_SPASI_SEMUA = re.compile(r"[\s\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff]+")


def tak_negatif(satuan: str | None, nama: str | None) -> bool:
    """Apakah nilai indikator bersatuan ini tidak boleh negatif."""
    if not satuan:
        return False
    s = " ".join(str(satuan).lower().split())
    if s not in SATUAN_TAK_NEGATIF:
        return False
    n = (nama or "").lower()
    return not any(k in n for k in _KATA_PERUBAHAN)


def _bersih(t: str) -> str:
    """Buang spasi, spasi tak putus dan karakter tak terlihat di tepi; spasi tak putus di tengah jadi spasi."""
    return t.replace("\u00a0", " ").replace("\u202f", " ").strip().strip(_TAK_TERLIHAT).strip()


@dataclass
class Rencana:
    """Baris-baris yang lolos pemeriksaan, dalam bentuk tabel siap tulis."""

    indikator: pd.DataFrame
    target: pd.DataFrame
    realisasi: pd.DataFrame
    periode_baru: pd.DataFrame
    peringatan: list[Masalah] = field(default_factory=list)
    dukungan: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_KOLOM_DUKUNGAN))
    #: prioritas, indikator_prioritas, usulan (pantau/impor/prioritas.py): daftar baris bersih
    prioritas: list[dict] = field(default_factory=list)
    indikator_prioritas: list[dict] = field(default_factory=list)
    usulan: list[dict] = field(default_factory=list)
    #: baris yang dilewati karena tidak berisi nilai: lembar -> alasan ("sel target berisi '-'") -> nomor baris
    dilewati: dict = field(default_factory=dict)

    @property
    def jumlah_baris(self) -> int:
        return (len(self.indikator) + len(self.target) + len(self.realisasi) + len(self.dukungan)
                + len(self.prioritas) + len(self.indikator_prioritas) + len(self.usulan))


def _teks(v) -> str | None:
    """Nilai sel sebagai teks bersih; angka bulat Excel (2021.0) menjadi '2021'."""
    if kosong(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return _bersih(str(v)) or None


def _kode_bertitik(v) -> str | None:
    """Kode Kemendagri/urusan yang mungkin diketik Excel sebagai angka: 65.1 -> '65.10', 62 -> '62'."""
    if kosong(v):
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if float(v).is_integer():
            return f"{int(v):02d}"
        return f"{v:.2f}"
    # kode tidak pernah berisi spasi: spasi (juga spasi tak putus dan karakter tak terlihat) dibuang
    return _SPASI_SEMUA.sub("", str(v)) or None


class _Pemeriksa:
    def __init__(self, con: duckdb.DuckDBPyConnection, lembar: dict[str, Lembar], masalah: list[Masalah]):
        self.con = con
        self.lembar = lembar
        self.masalah = masalah
        cur = con.cursor()
        self.daerah = dict(cur.execute("SELECT kode, jenis FROM daerah").fetchall())
        self.daerah_bps = {b: (k, n) for k, b, n in cur.execute(
            "SELECT kode, kode_bps, nama FROM daerah WHERE kode_bps IS NOT NULL").fetchall()}
        self.induk_daerah = dict(cur.execute("SELECT kode, kode_induk FROM daerah").fetchall())
        self.urusan = {r[0] for r in cur.execute("SELECT kode FROM urusan").fetchall()}
        self.periode_db = {}
        for d, a, b in cur.execute("SELECT daerah_kode, tahun_awal, tahun_akhir FROM periode").fetchall():
            self.periode_db.setdefault(d, set()).add((a, b))
        # indikator yang sudah ada: (daerah, kode) -> [(awal, akhir, polaritas, tak_negatif)]
        self.indikator_db: dict[tuple, list] = {}
        #: urusan indikator: (daerah, awal, akhir, kode) -> urusan_kode (None = lintas urusan)
        self.urusan_indikator: dict[tuple, str | None] = {}
        for d, k, a, b, pol, sat, nm, u in cur.execute(
            "SELECT i.daerah_kode, i.kode, p.tahun_awal, p.tahun_akhir, i.polaritas, i.satuan, i.nama, i.urusan_kode "
            "FROM indikator i JOIN periode p ON p.id = i.periode_id"
        ).fetchall():
            self.indikator_db.setdefault((d, k), []).append((a, b, pol, sat if tak_negatif(sat, nm) else None))
            self.urusan_indikator[(d, a, b, k)] = u
        self.nama_sub_kegiatan = dict(cur.execute("SELECT kode, nama FROM sub_kegiatan").fetchall())
        cur.close()
        self.indikator_berkas: dict[tuple, list] = {}
        self.n_salah = 0
        #: indikator yang ditolak di barisnya sendiri di lembar 'indikator': (daerah, kode) -> nomor baris
        self.indikator_ditolak: dict[tuple, int] = {}
        #: akibatnya: (lembar, daerah, kode) -> nomor baris target/realisasi yang tidak dapat diperiksa
        self.akibat_ditolak: dict[tuple, list[int]] = {}
        #: baris tanpa nilai yang dilewati: lembar -> alasan -> nomor baris
        self.dilewati: dict[str, dict[str, list[int]]] = {}

    # -- alat bantu ---------------------------------------------------------------------
    def salah(self, lembar, baris, kolom, nilai, pesan):
        self.n_salah += 1
        self.masalah.append(Masalah(lembar, baris, kolom, nilai, pesan))

    def awas(self, lembar, baris, kolom, nilai, pesan):
        self.masalah.append(Masalah(lembar, baris, kolom, nilai, pesan, peringatan=True))

    def periksa_kolom(self, nama: str) -> bool:
        lb = self.lembar[nama]
        kurang = [k for k in WAJIB[nama] if k not in lb.kolom]
        for k in kurang:
            self.salah(nama, 1, k, None,
                       f"kolom wajib tidak ada; kolom yang diharapkan: {', '.join(WAJIB[nama])}")
        dikenal = set(WAJIB[nama]) | set(OPSIONAL[nama])
        for k in lb.kolom:
            if k not in dikenal:
                self.awas(nama, 1, k, None, "kolom tidak dikenal, diabaikan")
        return not kurang

    def daerah_kode(self, nama, no, row) -> str | None:
        v = row.get("daerah_kode")
        kode = _kode_bertitik(v)
        if kode is None:
            self.salah(nama, no, "daerah_kode", None, "wajib diisi (kode Kemendagri, misalnya 65 atau 65.01)")
            return None
        if not KODE_DAERAH.fullmatch(kode):
            self.salah(nama, no, "daerah_kode", v,
                       "bukan kode daerah Kemendagri (contoh: 65 atau 65.01)" + self._saran_bps(v))
            return None
        if kode not in self.daerah:
            self.salah(nama, no, "daerah_kode", v, "kode daerah tidak dikenal dalam daftar Kemendagri")
            return None
        return kode

    def _saran_bps(self, v) -> str:
        t = _SPASI_SEMUA.sub("", str(v)).replace(".", "")
        if t in self.daerah_bps:
            k, n = self.daerah_bps[t]
            return f"; {t} adalah kode BPS {n}, kode Kemendagri-nya {k}"
        return ""

    def periode_rpjmd(self, nama, no, v, wajib: bool) -> tuple[int, int] | None:
        if kosong(v):
            if wajib:
                self.salah(nama, no, "periode_rpjmd", None, "wajib diisi (contoh: 2021-2026)")
            return None
        m = _PERIODE_RPJMD.match(str(v))
        if not m:
            self.salah(nama, no, "periode_rpjmd", v, "bukan periode RPJMD (contoh: 2021-2026)")
            return None
        a, b = int(m.group(1)), int(m.group(2))
        if not (2000 <= a <= 2100 and 2000 <= b <= 2100) or b < a or b - a > 10:
            self.salah(nama, no, "periode_rpjmd", v,
                       "periode tidak masuk akal (tahun awal <= tahun akhir, paling lama 10 tahun)")
            return None
        return a, b

    def tahun(self, nama, no, kolom, v, wajib=True) -> int | None:
        if kosong(v):
            if wajib:
                self.salah(nama, no, kolom, None, "wajib diisi (tahun empat angka, misalnya 2024)")
            return None
        if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
            self.salah(nama, no, kolom, v,
                       f"berisi tanggal, bukan tahun; ubah format sel menjadi angka (General) dan tulis tahunnya "
                       f"saja{f', misalnya {v.year}' if hasattr(v, 'year') else ''}")
            return None
        try:
            x = baca_angka(v).nilai if not isinstance(v, str) else float(str(v).strip())
        except (BukanAngka, ValueError):
            self.salah(nama, no, kolom, v, "bukan tahun (tahun empat angka, misalnya 2024)")
            return None
        if not float(x).is_integer() or not 1990 <= x <= 2100:
            self.salah(nama, no, kolom, v, "bukan tahun (tahun empat angka, misalnya 2024)")
            return None
        return int(x)

    def nilai(self, nama, no, kolom, v, polaritas, nonneg: str | None = None, satuan: str | None = None) -> dict | None:
        """Nilai target/realisasi menurut polaritas: {'nilai','nilai_min','nilai_max','nilai_teks'}."""
        hasil = self._nilai(nama, no, kolom, v, polaritas)
        if hasil and nonneg:
            angka = [x for x in (hasil["nilai"], hasil["nilai_min"], hasil["nilai_max"]) if x is not None]
            if any(x < 0 for x in angka):
                self.salah(nama, no, kolom, v,
                           f"tidak boleh negatif untuk indikator bersatuan '{satuan or nonneg}' "
                           "(jumlah, persentase dan ukuran tidak bisa kurang dari 0)")
                return None
        return hasil

    def _nilai(self, nama, no, kolom, v, polaritas) -> dict | None:
        kosongan = {"nilai": None, "nilai_min": None, "nilai_max": None, "nilai_teks": None}
        if polaritas == "teks":
            t = _teks(v)
            if t is not None and len(t) > MAKS_PANJANG_TEKS:
                self.salah(nama, no, kolom, t[:40] + "...",
                           f"teks terlalu panjang (paling banyak {MAKS_PANJANG_TEKS} karakter)")
                return None
            return {**kosongan, "nilai_teks": t}
        try:
            if polaritas == "rentang" and kolom != "realisasi":
                r = baca_rentang(v)
                if r.peringatan:
                    self.awas(nama, no, kolom, v, r.peringatan)
                return {**kosongan, "nilai_min": r.nilai_min, "nilai_max": r.nilai_max}
            a = baca_angka(v)
        except BukanAngka as e:
            self.salah(nama, no, kolom, v, str(e))
            return None
        if a.peringatan:
            self.awas(nama, no, kolom, v, a.peringatan)
        return {**kosongan, "nilai": a.nilai}

    def cari_indikator(self, nama, no, daerah, kode, periode) -> tuple | None:
        """Temukan (awal, akhir, polaritas) indikator untuk baris target/realisasi."""
        calon = {}
        for a, b, pol, nn in self.indikator_db.get((daerah, kode), []):
            calon[(a, b)] = (pol, nn)
        for a, b, pol, nn in self.indikator_berkas.get((daerah, kode), []):
            calon[(a, b)] = (pol, nn)  # isi berkas menang atas yang lama
        if periode is not None:
            calon = {p: v for p, v in calon.items() if p == periode}
        if not calon and (daerah, kode) in self.indikator_ditolak:
            # bukan kesalahan baris ini: indikatornya ditolak di lembar 'indikator'; dilaporkan sekali (akibat_ditolak)
            self.n_salah += 1
            self.akibat_ditolak.setdefault((nama, daerah, kode), []).append(no)
            return None
        if not calon:
            tambahan = f" pada periode {periode[0]}-{periode[1]}" if periode else ""
            self.salah(nama, no, "indikator_kode", kode,
                       f"indikator tidak dikenal untuk daerah {daerah}{tambahan}; "
                       "daftarkan dulu di lembar 'indikator'" + self._saran_kode(daerah, kode))
            return None
        if len(calon) > 1:
            daftar = ", ".join(f"{a}-{b}" for a, b in sorted(calon))
            self.salah(nama, no, "periode_rpjmd", None,
                       f"indikator {kode} ada di lebih dari satu periode RPJMD ({daftar}); isi kolom periode_rpjmd")
            return None
        (a, b), (pol, nn) = next(iter(calon.items()))
        return a, b, pol, nn

    def _saran_kode(self, daerah, kode) -> str:
        if not hasattr(self, "_kode_per_daerah"):
            self._kode_per_daerah = {}
            for d, k in [*self.indikator_db, *self.indikator_berkas]:
                self._kode_per_daerah.setdefault(d, set()).add(k)
        ada = self._kode_per_daerah.get(daerah, set())
        mirip = difflib.get_close_matches(kode, sorted(ada), n=1, cutoff=0.75)
        return f"; mungkin maksudnya {mirip[0]}?" if mirip else ""

    def laporkan_akibat(self) -> None:
        """Baris target/realisasi milik indikator yang ditolak di barisnya sendiri: satu pesan per indikator dan
        lembar, tepat sesudah kesalahan penyebabnya (bukan satu "indikator tidak dikenal" per baris)."""
        disisipkan: set[int] = set()
        for (nama, daerah, kode), baris in self.akibat_ditolak.items():
            asal = self.indikator_ditolak[(daerah, kode)]
            daftar = ", ".join(str(b) for b in baris[:10]) + (f" dan {len(baris) - 10} lainnya" if len(baris) > 10
                                                             else "")
            m = Masalah(nama, baris[0], "indikator_kode", kode,
                        f"{len(baris)} baris {nama} milik indikator {kode} (daerah {daerah}) yang ditolak di baris "
                        f"{asal} lembar 'indikator' (baris {daftar}); baris-baris itu diperiksa lagi sesudah "
                        "baris indikatornya diperbaiki")
            letak = max((i for i, x in enumerate(self.masalah) if x.lembar == "indikator" and x.baris == asal),
                        default=len(self.masalah) - 1)
            # sesudah penyebabnya dan akibat lain yang sudah disisipkan di belakangnya
            while letak + 1 < len(self.masalah) and id(self.masalah[letak + 1]) in disisipkan:
                letak += 1
            self.masalah.insert(letak + 1, m)
            disisipkan.add(id(m))

    def cek_dobel(self, nama, kunci_baris: dict, kunci, no, uraian):
        if kunci in kunci_baris:
            self.salah(nama, no, None, None,
                       f"baris dobel: {uraian} sudah ada di baris {kunci_baris[kunci]} "
                       f"(baris {kunci_baris[kunci]} dan {no})")
            return True
        kunci_baris[kunci] = no
        return False

    # -- lembar indikator ------------------------------------------------------------------
    def lembar_indikator(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        nama = "indikator"
        hasil, periode_baru = [], {}
        kunci_baris = {}
        for no, row in self.lembar[nama].baris:
            jumlah_salah = self.n_salah
            daerah = self.daerah_kode(nama, no, row)
            periode = self.periode_rpjmd(nama, no, row.get("periode_rpjmd"), wajib=True)
            urusan = _kode_bertitik(row.get("urusan_kode"))
            if urusan is not None and urusan not in self.urusan:
                pesan = ("bukan kode bidang urusan (contoh: 1.02 untuk Kesehatan); kosongkan untuk lintas urusan"
                         if not KODE_URUSAN.fullmatch(urusan) else "kode bidang urusan tidak dikenal dalam nomenklatur")
                self.salah(nama, no, "urusan_kode", row.get("urusan_kode"), pesan)
            kode = _teks(row.get("indikator_kode"))
            if kode is None:
                self.salah(nama, no, "indikator_kode", None, "wajib diisi")
            elif len(kode) > 50:
                self.salah(nama, no, "indikator_kode", kode, "terlalu panjang (paling banyak 50 karakter)")
            teks = {}
            for k in ("nama", "satuan"):
                teks[k] = _teks(row.get(k))
                if teks[k] is None:
                    self.salah(nama, no, k, None, "wajib diisi")
            pol = (_teks(row.get("polaritas")) or "").lower()
            if pol not in POLARITAS:
                self.salah(nama, no, "polaritas", row.get("polaritas"),
                           f"harus salah satu dari: {', '.join(POLARITAS)}")
            agr = (_teks(row.get("agregasi")) or "").lower()
            if agr not in AGREGASI:
                self.salah(nama, no, "agregasi", row.get("agregasi"), f"harus salah satu dari: {', '.join(AGREGASI)}")
            agw = (_teks(row.get("agregasi_wilayah")) or "").lower() or None
            if agw is not None and agw not in AGREGASI_WILAYAH:
                self.salah(nama, no, "agregasi_wilayah", row.get("agregasi_wilayah"),
                           f"harus salah satu dari: {', '.join(AGREGASI_WILAYAH)}")
            tahun_awal = self.tahun(nama, no, "tahun_kondisi_awal", row.get("tahun_kondisi_awal"), wajib=False)
            if tahun_awal is not None and periode is not None and tahun_awal > periode[1]:
                self.salah(nama, no, "tahun_kondisi_awal", row.get("tahun_kondisi_awal"),
                           f"tahun kondisi awal sesudah periode {periode[0]}-{periode[1]}")
            kondisi = target_akhir = None
            nn = teks["satuan"] if tak_negatif(teks["satuan"], teks["nama"]) else None
            if pol in POLARITAS:
                v = row.get("kondisi_awal")
                if not kosong(v):
                    # kondisi awal adalah satu keadaan: angka (atau teks), pita dibaca sebagai titik tengah
                    kondisi = self.nilai(nama, no, "kondisi_awal", v, pol, nn, teks["satuan"])
                    if kondisi and kondisi["nilai_min"] is not None:
                        kondisi["nilai"] = (kondisi["nilai_min"] + kondisi["nilai_max"]) / 2
                v = row.get("target_akhir")
                if not kosong(v):
                    target_akhir = self.nilai(nama, no, "target_akhir", v, pol, nn, teks["satuan"])
            iku_teks = (_teks(row.get("iku")) or "").lower()
            iku = None  # kosong: tidak menimpa (indikator baru: bukan IKU)
            if iku_teks in ("ya", "y", "iku", "1", "true", "benar"):
                iku = True
            elif iku_teks in ("tidak", "t", "bukan", "0", "false", "salah"):
                iku = False
            elif iku_teks:
                self.salah(nama, no, "iku", row.get("iku"), "harus 'ya' atau 'tidak'")
            induk_d = induk_k = None
            induk = _teks(row.get("indikator_induk"))
            if induk is not None:
                if "/" not in induk:
                    self.salah(nama, no, "indikator_induk", induk,
                               "tulis sebagai kode_daerah/kode_indikator (contoh: 65/IKU-01)")
                else:
                    induk_d, induk_k = (s.strip() for s in induk.split("/", 1))
                    if induk_d not in self.daerah:
                        self.salah(nama, no, "indikator_induk", induk, f"kode daerah induk {induk_d} tidak dikenal")
                    elif daerah is not None and induk_d == daerah:
                        self.salah(nama, no, "indikator_induk", induk, "indikator induk harus milik daerah lain")
            if daerah and periode and kode:
                self.cek_dobel(nama, kunci_baris, (daerah, periode, kode), no,
                               f"indikator {kode} daerah {daerah} periode {periode[0]}-{periode[1]}")
            if self.n_salah > jumlah_salah:
                if daerah and kode:
                    self.indikator_ditolak.setdefault((daerah, kode), no)
                continue
            if periode not in self.periode_db.get(daerah, set()):
                periode_baru[(daerah, periode)] = True
            self.indikator_berkas.setdefault((daerah, kode), []).append((periode[0], periode[1], pol, nn))
            self.urusan_indikator[(daerah, periode[0], periode[1], kode)] = urusan
            hasil.append({
                "baris": no, "daerah_kode": daerah, "tahun_awal": periode[0], "tahun_akhir": periode[1],
                "urusan_kode": urusan, "kode": kode, "nama": teks["nama"], "satuan": teks["satuan"],
                "polaritas": pol, "agregasi": agr,
                "kondisi_awal": kondisi["nilai"] if kondisi else None,
                "kondisi_awal_teks": _teks(row.get("kondisi_awal")),
                "tahun_kondisi_awal": tahun_awal,
                "target_akhir": target_akhir["nilai"] if target_akhir else None,
                "target_akhir_min": target_akhir["nilai_min"] if target_akhir else None,
                "target_akhir_max": target_akhir["nilai_max"] if target_akhir else None,
                "target_akhir_teks": target_akhir["nilai_teks"] if target_akhir else None,
                "iku": iku,
                "perangkat_daerah": _teks(row.get("perangkat_daerah")),
                "sumber_data": _teks(row.get("sumber_data")),
                "definisi": _teks(row.get("definisi")),
                "induk_daerah_kode": induk_d, "induk_kode": induk_k,
                "agregasi_wilayah": agw,
            })
        kolom_periode = ["daerah_kode", "tahun_awal", "tahun_akhir"]
        return (pd.DataFrame(hasil, columns=_KOLOM_INDIKATOR),
                pd.DataFrame([(d, a, b) for d, (a, b) in periode_baru], columns=kolom_periode))

    # -- lembar target dan realisasi ---------------------------------------------------------
    def _baris_nilai(self, nama: str, kolom_nilai: str):
        kunci_baris = {}
        hasil = []
        for no, row in self.lembar[nama].baris:
            jumlah_salah = self.n_salah
            daerah = self.daerah_kode(nama, no, row)
            kode = _teks(row.get("indikator_kode"))
            if kode is None:
                self.salah(nama, no, "indikator_kode", None, "wajib diisi")
            periode = self.periode_rpjmd(nama, no, row.get("periode_rpjmd"), wajib=False)
            tahun = self.tahun(nama, no, "tahun", row.get("tahun"))
            ind = self.cari_indikator(nama, no, daerah, kode, periode) if daerah and kode else None
            if ind and tahun is not None and not ind[0] <= tahun <= ind[1]:
                self.salah(nama, no, "tahun", row.get("tahun"),
                           f"tahun di luar periode RPJMD {ind[0]}-{ind[1]}")
            extra = self.kolom_khusus(nama, no, row)
            if extra is None:
                continue
            v = row.get(kolom_nilai)
            if ind and daerah and kode and tahun is not None:
                kunci = (daerah, ind[0], ind[1], kode, tahun, extra["_kunci"])
                if self.cek_dobel(nama, kunci_baris, kunci, no,
                                  f"{kode} daerah {daerah} tahun {tahun} {extra['_kunci']}"):
                    continue
            nilai = None
            if ind and not kosong(v):
                nilai = self.nilai(nama, no, kolom_nilai, v, ind[2], ind[3])
            if self.n_salah > jumlah_salah:
                continue
            if kosong(v):
                # sel kosong atau "-": tidak ada nilai, tidak menimpa apa pun; dihitung dan disebut di ringkasan
                alasan = (f"sel {kolom_nilai} kosong" if v is None or (isinstance(v, str) and not v.strip())
                          else f"sel {kolom_nilai} berisi '{str(v).strip()}'")
                self.dilewati.setdefault(nama, {}).setdefault(alasan, []).append(no)
                continue
            extra.pop("_kunci")
            hasil.append({"baris": no, "daerah_kode": daerah, "tahun_awal": ind[0], "tahun_akhir": ind[1],
                          "indikator_kode": kode, "tahun": tahun, **extra, **nilai})
        return hasil

    def kolom_khusus(self, nama, no, row) -> dict | None:
        if nama == "target":
            dok = (_teks(row.get("dokumen")) or "RPJMD").upper()
            if dok not in DOKUMEN:
                self.salah(nama, no, "dokumen", row.get("dokumen"), "harus RPJMD atau RKPD")
                return None
            return {"dokumen": dok, "_kunci": dok}
        per = self.periode_realisasi(no, row.get("periode"))
        status = (_teks(row.get("status")) or "").lower() or None
        if status is not None and status not in STATUS:
            self.salah(nama, no, "status", row.get("status"), "harus 'sementara' atau 'tetap'")
            return None
        if per is None:
            return None
        return {"periode": per, "sumber": _teks(row.get("sumber")), "status": status,
                "catatan": _teks(row.get("catatan")), "_kunci": per}

    # -- lembar dukungan ------------------------------------------------------------------------
    def lembar_dukungan(self) -> list[dict]:
        """Sub kegiatan yang mendukung indikator (atau belum mendukung apa pun: indikator_kode kosong),
        dengan pagu dan realisasi anggaran dalam rupiah."""
        nama = "dukungan"
        kunci_baris: dict = {}
        pagu_sk: dict = {}   # (daerah, tahun, kode, perangkat daerah) -> (pagu, baris)
        hasil = []
        for no, row in self.lembar[nama].baris:
            jumlah_salah = self.n_salah
            daerah = self.daerah_kode(nama, no, row)
            tahun = self.tahun(nama, no, "tahun", row.get("tahun"))
            periode = self.periode_rpjmd(nama, no, row.get("periode_rpjmd"), wajib=False)
            kode_ind = _teks(row.get("indikator_kode"))
            ind = self.cari_indikator(nama, no, daerah, kode_ind, periode) if daerah and kode_ind else None
            if ind and tahun is not None and not ind[0] <= tahun <= ind[1]:
                self.salah(nama, no, "tahun", row.get("tahun"), f"tahun di luar periode RPJMD {ind[0]}-{ind[1]}")
            v = row.get("sub_kegiatan_kode")
            sk = _kode_bertitik(v)
            if sk is None:
                self.salah(nama, no, "sub_kegiatan_kode", None,
                           "wajib diisi (kode sub kegiatan U.BB.PP.K.KK.SSSS, misalnya 1.02.02.2.01.0001)")
            elif not KODE_SUB_KEGIATAN.fullmatch(sk.upper()):
                self.salah(nama, no, "sub_kegiatan_kode", v,
                           "bukan kode sub kegiatan Permendagri 90/2019: bentuknya U.BB.PP.K.KK.SSSS "
                           "(satu angka, dua, dua, satu, dua, empat angka; misalnya 1.02.02.2.01.0001)")
                sk = None
            else:
                sk = sk.upper()
            nama_sk = _teks(row.get("sub_kegiatan_nama"))
            pd_ = _teks(row.get("perangkat_daerah"))
            # kode unit SIPD-RI (8 bagian): kunci dukungan bersama kode sub kegiatan (kode yang sama ada di banyak unit)
            unit = "".join((_teks(row.get("perangkat_daerah_kode")) or "").split()).upper()
            if unit and not KODE_UNIT.fullmatch(unit):
                self.salah(nama, no, "perangkat_daerah_kode", row.get("perangkat_daerah_kode"),
                           "bukan kode unit SIPD-RI: bentuknya 8 bagian, misalnya 1.02.0.00.0.00.01.0004 "
                           "(kosongkan bila unitnya tidak disebut)")
            rupiah = {}
            for kol, tujuan in KOLOM_RUPIAH.items():
                x = row.get(kol)
                if kosong(x):
                    rupiah[tujuan] = None
                    continue
                try:
                    rupiah[tujuan] = baca_rupiah(x).nilai
                except BukanAngka as e:
                    self.salah(nama, no, kol, x, str(e))
            sepakat_teks = (_teks(row.get("disepakati")) or "").lower()
            sepakat = None
            if sepakat_teks in ("ya", "y", "1", "true", "benar", "sepakat", "disepakati"):
                sepakat = True
            elif sepakat_teks in ("tidak", "t", "0", "false", "salah", "belum"):
                sepakat = False
            elif sepakat_teks:
                self.salah(nama, no, "disepakati", row.get("disepakati"), "harus 'ya' atau 'tidak'")
            if daerah and tahun is not None and sk and (ind or not kode_ind):
                kunci = (daerah, tahun, (ind[0], ind[1], kode_ind) if ind else None, unit, sk)
                uraian = (f"sub kegiatan {sk}{' unit ' + unit if unit else ''} "
                          f"untuk {kode_ind or 'tanpa indikator'} daerah {daerah} tahun {tahun}")
                if self.cek_dobel(nama, kunci_baris, kunci, no, uraian):
                    continue
            if self.n_salah > jumlah_salah:
                continue
            # peringatan (baris tetap diterima)
            if ind:
                urusan = self.urusan_indikator.get((daerah, ind[0], ind[1], kode_ind))
                bidang = sk[:4]
                if urusan is not None and bidang != urusan:
                    self.awas(nama, no, "sub_kegiatan_kode", sk,
                              f"bidang urusan sub kegiatan ({bidang}) berbeda dengan urusan indikator {kode_ind} "
                              f"({urusan}); periksa kodenya (indikator lintas urusan boleh didukung bidang apa pun)")
            tingkat = sk[8]
            jenis = self.daerah.get(daerah)
            if (jenis == "provinsi" and tingkat == "2") or (jenis in ("kabupaten", "kota") and tingkat == "1"):
                self.awas(nama, no, "sub_kegiatan_kode", sk,
                          f"angka ke-4 kode ({tingkat}) menandai kegiatan tingkat "
                          f"{'kabupaten/kota' if tingkat == '2' else 'provinsi'}, padahal daerah {daerah} adalah "
                          f"{jenis}")
            if nama_sk is None and sk not in self.nama_sub_kegiatan:
                self.awas(nama, no, "sub_kegiatan_nama", None,
                          f"kode {sk} tidak ada di nomenklatur yang dimuat Pantau dan namanya kosong; "
                          "isi sub_kegiatan_nama agar mudah dikenali")
            pagu = rupiah.get("pagu")
            tw = [rupiah.get(f"realisasi_tw{i}") for i in range(1, 5)]
            jumlah_tw = sum(x for x in tw if x is not None) if any(x is not None for x in tw) else None
            setahun = rupiah.get("realisasi_tahun")
            if setahun is not None and jumlah_tw is not None and abs(setahun - jumlah_tw) > 0.5:
                self.awas(nama, no, "realisasi_anggaran", row.get("realisasi_anggaran"),
                          f"berbeda dengan jumlah realisasi triwulan ({format_angka(jumlah_tw, 0)}); "
                          "angka setahun yang dipakai")
            terpakai = setahun if setahun is not None else jumlah_tw
            if pagu is not None and terpakai is not None and terpakai > pagu:
                kol = "realisasi_anggaran" if setahun is not None else "pagu"
                serapan = f"{format_angka(terpakai / pagu * 100, 1)}%" if pagu > 0 else "pagu 0"
                self.awas(nama, no, kol, row.get(kol),
                          f"realisasi anggaran ({format_angka(terpakai, 0)}) melebihi pagu ({format_angka(pagu, 0)}; "
                          f"serapan {serapan})")
            if pagu is not None:
                k_pagu = (daerah, tahun, sk, pd_)
                if k_pagu in pagu_sk and pagu_sk[k_pagu][0] != pagu:
                    self.awas(nama, no, "pagu", row.get("pagu"),
                              f"sub kegiatan {sk} yang sama di baris {pagu_sk[k_pagu][1]} berpagu "
                              f"{format_angka(pagu_sk[k_pagu][0], 0)}; satu sub kegiatan satu pagu (pagu terbesar "
                              "yang dipakai untuk serapan)")
                pagu_sk.setdefault(k_pagu, (pagu, no))
            hasil.append({
                "baris": no, "daerah_kode": daerah,
                "tahun_awal": ind[0] if ind else None, "tahun_akhir": ind[1] if ind else None,
                "indikator_kode": kode_ind if ind else None, "tahun": tahun, "sub_kegiatan_kode": sk,
                "sub_kegiatan_nama": nama_sk, "perangkat_daerah": pd_, "perangkat_daerah_kode": unit,
                **rupiah, "disepakati": sepakat,
                "sumber": _teks(row.get("sumber")), "catatan": _teks(row.get("catatan")),
            })
        return hasil

    def periode_realisasi(self, no, v) -> str | None:
        t = (_teks(v) or "").upper().replace(" ", "").replace("-", "").replace("_", "")
        if not t:
            self.salah("realisasi", no, "periode", None, "wajib diisi: TW1, TW2, TW3, TW4 atau TAHUN")
            return None
        if t in ("TAHUN", "TAHUNAN"):
            return "TAHUN"
        m = re.fullmatch(r"(?:TW|TRIWULAN|Q)?([0-9]+|IV|I{1,3}|V)", t)
        if m:
            x = m.group(1)
            n = _ROMAWI.get(x) if not x.isdigit() else int(x)
            if n in (1, 2, 3, 4):
                return f"TW{n}"
            self.salah("realisasi", no, "periode", v, f"triwulan {x} tidak ada; gunakan TW1, TW2, TW3, TW4 atau TAHUN")
            return None
        self.salah("realisasi", no, "periode", v, "harus TW1, TW2, TW3, TW4 atau TAHUN")
        return None


_KOLOM_DUKUNGAN = ["baris", "daerah_kode", "tahun_awal", "tahun_akhir", "indikator_kode", "tahun", "sub_kegiatan_kode",
                   "sub_kegiatan_nama", "perangkat_daerah", "perangkat_daerah_kode", "pagu", "realisasi_tw1",
                   "realisasi_tw2", "realisasi_tw3", "realisasi_tw4", "realisasi_tahun", "disepakati", "sumber",
                   "catatan"]

_KOLOM_INDIKATOR = [
    "baris", "daerah_kode", "tahun_awal", "tahun_akhir", "urusan_kode", "kode", "nama", "satuan",
    "polaritas", "agregasi", "kondisi_awal", "kondisi_awal_teks", "tahun_kondisi_awal", "target_akhir",
    "target_akhir_min", "target_akhir_max", "target_akhir_teks", "iku", "perangkat_daerah",
    "sumber_data", "definisi", "induk_daerah_kode", "induk_kode", "agregasi_wilayah",
]
_KOLOM_NILAI = ["nilai", "nilai_min", "nilai_max", "nilai_teks"]
_KOLOM_TARGET = ["baris", "daerah_kode", "tahun_awal", "tahun_akhir", "indikator_kode", "tahun", "dokumen",
                 *_KOLOM_NILAI]
_KOLOM_REALISASI = ["baris", "daerah_kode", "tahun_awal", "tahun_akhir", "indikator_kode", "tahun", "periode",
                    "sumber", "status", "catatan", *_KOLOM_NILAI]


def _frame(rows: list[dict], kolom: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=kolom)
    for k in ("nilai", "nilai_min", "nilai_max"):
        if k in df:
            df[k] = df[k].astype("float64")
    return df


def periksa(con: duckdb.DuckDBPyConnection, lembar: dict[str, Lembar], masalah: list[Masalah],
            lembar_lain=None) -> Rencana | None:
    """Periksa semua lembar. Mengembalikan ``Rencana`` bila tidak ada kesalahan, selain itu None.

    ``lembar_lain(pemeriksa) -> dict``: pemeriksa lembar prioritas dan usulan (``pantau.impor.prioritas``),
    dijalankan sesudah lembar indikator agar indikator di berkas yang sama dikenal."""
    p = _Pemeriksa(con, lembar, masalah)
    lengkap = {nama: p.periksa_kolom(nama) for nama in lembar}
    if not all(lengkap.values()):
        return None
    indikator, periode_baru = (p.lembar_indikator() if "indikator" in lembar
                               else (pd.DataFrame(columns=_KOLOM_INDIKATOR),
                                     pd.DataFrame(columns=["daerah_kode", "tahun_awal", "tahun_akhir"])))
    target = p._baris_nilai("target", "target") if "target" in lembar else []
    realisasi = p._baris_nilai("realisasi", "realisasi") if "realisasi" in lembar else []
    dukungan = p.lembar_dukungan() if "dukungan" in lembar else []
    lain = lembar_lain(p) if lembar_lain is not None else {}
    p.laporkan_akibat()
    if any(not m.peringatan for m in masalah):
        return None
    df_dukungan = pd.DataFrame(dukungan, columns=_KOLOM_DUKUNGAN)
    for k in KOLOM_RUPIAH.values():
        df_dukungan[k] = df_dukungan[k].astype("float64")
    for k in ("tahun_awal", "tahun_akhir"):
        df_dukungan[k] = df_dukungan[k].astype("Int64")
    df_dukungan["disepakati"] = df_dukungan["disepakati"].astype("boolean")
    return Rencana(
        indikator=indikator,
        target=_frame(target, _KOLOM_TARGET),
        realisasi=_frame(realisasi, _KOLOM_REALISASI),
        periode_baru=periode_baru,
        peringatan=[m for m in masalah if m.peringatan],
        dukungan=df_dukungan,
        **lain,
        dilewati=p.dilewati,
    )
