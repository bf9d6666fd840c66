"""Katalog indikator sebagai data: ``data/katalog/indikator.json`` (arti setiap kolom: ``data/katalog/README.md``).

Satu berkas untuk kedua pembangkit data sintetis: ``scripts/buat_seed.py`` (demo Kaltara dan Kalteng, entri yang
punya objek ``demo``) dan ``pantau.demo.nasional`` (skala nasional, entri yang punya objek ``nasional``). Nama,
satuan, polaritas, agregasi, urusan, desimal, batas, IKU dan skala sebuah indikator ditulis sekali, di entrinya;
pengaturan khusus tiap pembangkit ada di objek bernama pembangkit itu. Sebuah entri boleh punya keduanya.

``baca_katalog()`` membaca dan memeriksa berkasnya; entri yang salah bentuk ditolak dengan ``KatalogTidakSah``
yang menyebut nomor entri, kodenya atau namanya, dan kolomnya. Nilai bawaan pengaturan pembangkit ada di sini
(``BAWAAN_DEMO``), tidak di pembangkitnya. Modul ini hanya membaca berkas: tanpa basis data.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pantau.jalur import DATA_DIR

KATALOG_JSON = DATA_DIR / "katalog" / "indikator.json"

#: Sumber data indikator demo bila entri tidak menyebutnya (juga kolom ``sumber`` realisasi ilustrasi).
ILUSTRASI = "ilustrasi (data sintetis demo)"

POLARITAS = ("positif", "negatif", "rentang", "teks")
AGREGASI = ("akhir", "kumulatif")
JENIS = ("provinsi", "kabupaten", "kota")
_URUSAN = re.compile(r"[0-9]\.[0-9]{2}")
_AWALAN_SUB = re.compile(r"[0-9]\.[0-9]{2}(\.[0-9]{2}(\.[0-9](\.[0-9]{2}(\.[0-9]{4})?)?)?)?")

#: Pengaturan pembangkit demo yang boleh tidak ditulis, dengan nilai bawaannya.
BAWAAN_DEMO = {
    "seri": "level",
    "sumber_data": ILUSTRASI,
    "induk": False,
    "awal": {},
    "ubah": (0.0, 0.0),
    "ubah_relatif": False,
    "lambat": False,
    "per_100rb": False,
    "tumbuh": (0.02, 0.06),
    "bobot_tw": (0.15, 0.22, 0.28, 0.35),
    "covid": 1.0,
    "dukungan": None,
}
_KOLOM = {"kode", "nama", "satuan", "polaritas", "agregasi", "urusan", "desimal", "batas", "iku", "skala",
          "definisi", "demo", "nasional"}
_KOLOM_DEMO = {"tingkat", "perangkat_daerah", *BAWAAN_DEMO}
_KOLOM_NASIONAL = {"nilai", "pita", "awal", "target", "varian"}
_KOLOM_VARIAN = {"label", "nilai", "pita", "urusan", "satuan", "batas", "iku"}


class KatalogTidakSah(ValueError):
    """Berkas katalog indikator salah bentuk; pesannya menyebut entri dan kolomnya."""


@dataclass(frozen=True)
class Dukungan:
    """Sub kegiatan yang boleh mendukung indikator demo (dukungan.csv)."""

    awalan: tuple  # awalan kode sub kegiatan tingkat kab/kota
    kata: tuple  # kata yang harus muncul di nama sub kegiatan (kosong = semua)
    lintas_maks: int | None  # indikator lintas urusan: paling banyak sekian sub kegiatan bidang terkait


@dataclass(frozen=True)
class Demo:
    """Pengaturan pembangkit demo (scripts/buat_seed.py) untuk satu indikator, bawaan sudah diisi."""

    tingkat: frozenset
    perangkat_daerah: tuple  # (provinsi, kabupaten/kota)
    seri: str
    sumber_data: str
    induk: bool
    awal: dict  # jenis daerah -> (min, maks)
    ubah: tuple
    ubah_relatif: bool
    lambat: bool
    per_100rb: bool
    tumbuh: tuple
    bobot_tw: tuple
    covid: float
    dukungan: Dukungan | None


@dataclass(frozen=True)
class Varian:
    """Satu indikator katalog nasional (satu varian entri), kolom bersama sudah diturunkan dari entrinya."""

    nama: str
    satuan: str
    urusan: str | None
    iku: bool
    nilai: float | None  # nilai dasar (None untuk indikator teks)
    pita: tuple | None  # (min, maks) target dasar indikator rentang
    batas_atas: float | None
    skala_awal: int | None  # indikator teks: nomor urut (1..) kondisi awal dan target akhir pada skala
    skala_target: int | None


@dataclass(frozen=True)
class Indikator:
    """Satu entri katalog."""

    nomor: int  # urutan di berkas, 1..
    kode: str | None
    nama: str
    satuan: str
    polaritas: str
    agregasi: str
    urusan: str | None  # None = lintas urusan
    desimal: int
    batas: tuple | None  # (bawah, atas); unsurnya None = tak berbatas
    iku: bool
    skala: tuple | None  # indikator teks: urut terburuk -> terbaik
    definisi: str | None
    demo: Demo | None
    nasional: tuple | None  # (Varian, ...)


@dataclass(frozen=True)
class Katalog:
    indikator: tuple
    perangkat_bawaan: str
    perangkat_urusan: dict

    def demo(self) -> list[Indikator]:
        """Entri pembangkit demo, urut berkas."""
        return [e for e in self.indikator if e.demo is not None]

    def nasional(self) -> list[Indikator]:
        """Entri pembangkit nasional, urut berkas."""
        return [e for e in self.indikator if e.nasional is not None]

    def perangkat(self, urusan: str | None) -> str:
        """Perangkat daerah pengampu indikator nasional berurusan ``urusan`` (lintas urusan: bawaan)."""
        return self.perangkat_urusan.get(urusan, self.perangkat_bawaan)


# ---------------------------------------------------------------------------
# Pemeriksa
# ---------------------------------------------------------------------------

def _angka(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _teks_isi(x) -> bool:
    return isinstance(x, str) and x.strip() != ""


class _Entri:
    """Pemeriksa satu entri: setiap kesalahan menyebut entri dan kolomnya."""

    def __init__(self, asal: str, nomor: int, data) -> None:
        self.asal, self.nomor, self.data = asal, nomor, data
        label = ""
        if isinstance(data, dict):
            label = data.get("kode") or data.get("nama") or ""
        self.label = f"indikator ke-{nomor}" + (f" ({label})" if isinstance(label, str) and label else "")

    def salah(self, kolom: str, masalah: str):
        raise KatalogTidakSah(f"{self.asal}: {self.label}, kolom '{kolom}': {masalah}")

    def objek(self, x, kolom: str, boleh: set, wajib: set = frozenset()) -> dict:
        if not isinstance(x, dict):
            self.salah(kolom, f"harus objek {{...}}, bukan {json.dumps(x, ensure_ascii=False)}")
        asing = sorted(set(x) - boleh)
        if asing:
            self.salah(f"{kolom}.{asing[0]}" if kolom else asing[0],
                       f"kolom tidak dikenal (yang dikenal: {', '.join(sorted(boleh))})")
        kurang = sorted(wajib - set(x))
        if kurang:
            self.salah(f"{kolom}.{kurang[0]}" if kolom else kurang[0], "wajib diisi")
        return x

    def teks(self, x, kolom: str) -> str:
        if not _teks_isi(x):
            self.salah(kolom, f"harus teks tidak kosong, bukan {json.dumps(x, ensure_ascii=False)}")
        return x

    def pilihan(self, x, kolom: str, pilihan: tuple) -> str:
        if x not in pilihan:
            self.salah(kolom, f"{json.dumps(x, ensure_ascii=False)} bukan salah satu dari {', '.join(pilihan)}")
        return x

    def benar_salah(self, x, kolom: str) -> bool:
        if not isinstance(x, bool):
            self.salah(kolom, f"harus true atau false, bukan {json.dumps(x, ensure_ascii=False)}")
        return x

    def angka(self, x, kolom: str, *, positif: bool = False):
        if not _angka(x) or (positif and x <= 0):
            jenis = "angka lebih dari 0" if positif else "angka"
            self.salah(kolom, f"harus {jenis}, bukan {json.dumps(x, ensure_ascii=False)}")
        return x

    def bulat(self, x, kolom: str, bawah: int, atas: int) -> int:
        if not isinstance(x, int) or isinstance(x, bool) or not bawah <= x <= atas:
            self.salah(kolom, f"harus bilangan bulat {bawah}..{atas}, bukan {json.dumps(x, ensure_ascii=False)}")
        return x

    def urusan(self, x, kolom: str) -> str | None:
        if x is not None and not (isinstance(x, str) and _URUSAN.fullmatch(x)):
            self.salah(kolom, f"harus kode bidang urusan seperti \"1.02\", atau null untuk lintas urusan, "
                              f"bukan {json.dumps(x, ensure_ascii=False)}")
        return x

    def deret(self, x, kolom: str, n: int, *, kosong_boleh: bool = False, urut: bool = True) -> tuple:
        """Deret ``n`` angka (``kosong_boleh``: unsur boleh null); ``urut``: tidak menurun."""
        if (not isinstance(x, (list, tuple)) or len(x) != n
                or not all(_angka(v) or (kosong_boleh and v is None) for v in x)):
            bentuk = f"{n} angka" + (" (atau null)" if kosong_boleh else "")
            self.salah(kolom, f"harus daftar {bentuk}, bukan {json.dumps(x, ensure_ascii=False)}")
        isi = [v for v in x if v is not None]
        if urut and any(a > b for a, b in zip(isi, isi[1:])):
            self.salah(kolom, f"harus [min, maks] dengan min <= maks, bukan {json.dumps(x)}")
        return tuple(x)

    def daftar_teks(self, x, kolom: str, *, kosong_boleh: bool = False) -> tuple:
        if (not isinstance(x, list) or (not x and not kosong_boleh) or not all(_teks_isi(v) for v in x)
                or len(set(x)) != len(x)):
            self.salah(kolom, f"harus daftar teks tidak kosong tanpa ganda, bukan {json.dumps(x, ensure_ascii=False)}")
        return tuple(x)


def _periksa_demo(p: _Entri, d, e: dict) -> Demo:
    d = p.objek(d, "demo", _KOLOM_DEMO, {"tingkat", "perangkat_daerah"})
    isi = {**BAWAAN_DEMO, **d}
    tingkat = p.daftar_teks(isi["tingkat"], "demo.tingkat")
    for j in tingkat:
        p.pilihan(j, "demo.tingkat", JENIS)
    opd = p.objek(isi["perangkat_daerah"], "demo.perangkat_daerah", {"provinsi", "kabkota"},
                  {"provinsi", "kabkota"})
    awal = p.objek(isi["awal"], "demo.awal", set(JENIS))
    for j in tingkat:
        if e["polaritas"] not in ("teks", "rentang") and isi["seri"] in ("level", "alir") and j not in awal:
            p.salah(f"demo.awal.{j}", f"wajib untuk seri {isi['seri']!r} di tingkat {j}")
    dukungan = isi["dukungan"]
    if dukungan is not None:
        dk = p.objek(dukungan, "demo.dukungan", {"awalan", "kata", "lintas_maks"}, {"awalan"})
        awalan = p.daftar_teks(dk["awalan"], "demo.dukungan.awalan")
        for a in awalan:
            if not _AWALAN_SUB.fullmatch(a):
                p.salah("demo.dukungan.awalan", f"{a!r} bukan awalan kode sub kegiatan (mis. \"1.02.02.2.01\")")
            if e.get("urusan") and not a.startswith(e["urusan"]):
                p.salah("demo.dukungan.awalan", f"{a!r} bukan bidang urusan indikator ({e['urusan']})")
        maks = dk.get("lintas_maks")
        if maks is not None:
            p.bulat(maks, "demo.dukungan.lintas_maks", 1, 10)
        dukungan = Dukungan(awalan, p.daftar_teks(dk.get("kata", []), "demo.dukungan.kata", kosong_boleh=True), maks)
    return Demo(
        tingkat=frozenset(tingkat),
        perangkat_daerah=(p.teks(opd["provinsi"], "demo.perangkat_daerah.provinsi"),
                          p.teks(opd["kabkota"], "demo.perangkat_daerah.kabkota")),
        seri=p.teks(isi["seri"], "demo.seri"),
        sumber_data=p.teks(isi["sumber_data"], "demo.sumber_data"),
        induk=p.benar_salah(isi["induk"], "demo.induk"),
        awal={j: p.deret(v, f"demo.awal.{j}", 2) for j, v in awal.items()},
        ubah=p.deret(isi["ubah"], "demo.ubah", 2),
        ubah_relatif=p.benar_salah(isi["ubah_relatif"], "demo.ubah_relatif"),
        lambat=p.benar_salah(isi["lambat"], "demo.lambat"),
        per_100rb=p.benar_salah(isi["per_100rb"], "demo.per_100rb"),
        tumbuh=p.deret(isi["tumbuh"], "demo.tumbuh", 2),
        bobot_tw=tuple(p.angka(v, "demo.bobot_tw", positif=True)
                       for v in p.deret(isi["bobot_tw"], "demo.bobot_tw", 4, urut=False)),
        covid=p.angka(isi["covid"], "demo.covid", positif=True),
        dukungan=dukungan,
    )


def _periksa_nasional(p: _Entri, n, e: dict) -> tuple:
    n = p.objek(n, "nasional", _KOLOM_NASIONAL)
    polaritas, batas, skala = e["polaritas"], e["batas"], e["skala"]

    def nilai_pita(v: dict, kolom: str):
        if polaritas == "teks":
            for k in ("nilai", "pita"):
                if k in v:
                    p.salah(f"{kolom}.{k}", "indikator teks tidak memakai kolom ini (pakai awal dan target)")
            return None, None
        if "nilai" not in v:
            p.salah(f"{kolom}.nilai", "wajib diisi (nilai dasar)")
        nilai = p.angka(v["nilai"], f"{kolom}.nilai")
        if (polaritas == "rentang") != ("pita" in v):
            p.salah(f"{kolom}.pita", "wajib untuk indikator rentang" if polaritas == "rentang"
                    else "hanya untuk indikator rentang")
        pita = p.deret(v["pita"], f"{kolom}.pita", 2) if "pita" in v else None
        return nilai, pita

    awal = target = None
    if polaritas == "teks":
        for k in ("awal", "target"):
            if k not in n:
                p.salah(f"nasional.{k}", "wajib untuk indikator teks (nomor urut pada skala, mulai 1)")
        awal = p.bulat(n["awal"], "nasional.awal", 1, len(skala))
        target = p.bulat(n["target"], "nasional.target", 1, len(skala))
    else:
        for k in ("awal", "target"):
            if k in n:
                p.salah(f"nasional.{k}", "hanya untuk indikator teks")
    atas = batas[1] if batas else None
    if "{}" not in e["nama"]:
        if "varian" in n:
            p.salah("nasional.varian", "nama tanpa {} tidak bervarian (varian mengisi {} di nama)")
        nilai, pita = nilai_pita(n, "nasional")
        return (Varian(e["nama"], e["satuan"], e["urusan"], e["iku"], nilai, pita, atas, awal, target),)
    if polaritas == "teks":
        p.salah("nama", "indikator teks nasional tidak bervarian: {} tidak boleh di nama")
    if e["nama"].count("{") != 1 or e["nama"].count("}") != 1:
        p.salah("nama", "nama bervarian memuat tepat satu {} (tempat label varian) dan tanpa kurung kurawal lain")
    for k in ("nilai", "pita"):
        if k in n:
            p.salah(f"nasional.{k}", "nama ber-{} memakai nilai per varian (nasional.varian)")
    varian = n.get("varian")
    if not isinstance(varian, list) or len(varian) < 2:
        p.salah("nasional.varian", "nama ber-{} butuh daftar paling sedikit 2 varian")
    hasil = []
    for i, v in enumerate(varian, 1):
        kolom = f"nasional.varian[{i}]"
        v = p.objek(v, kolom, _KOLOM_VARIAN, {"label"})
        label = p.teks(v["label"], f"{kolom}.label")
        nilai, pita = nilai_pita(v, kolom)
        hasil.append(Varian(
            nama=e["nama"].format(label),
            satuan=p.teks(v["satuan"], f"{kolom}.satuan") if "satuan" in v else e["satuan"],
            urusan=p.urusan(v["urusan"], f"{kolom}.urusan") if "urusan" in v else e["urusan"],
            iku=p.benar_salah(v["iku"], f"{kolom}.iku") if "iku" in v else e["iku"],
            nilai=nilai, pita=pita,
            batas_atas=p.deret(v["batas"], f"{kolom}.batas", 2, kosong_boleh=True)[1] if "batas" in v else atas,
            skala_awal=None, skala_target=None,
        ))
    return tuple(hasil)


def _periksa_entri(asal: str, nomor: int, data) -> Indikator:
    p = _Entri(asal, nomor, data)
    data = p.objek(data, "", _KOLOM, {"nama", "satuan", "polaritas", "agregasi", "urusan", "desimal", "iku"})
    # kolom bersama dulu; pengaturan pembangkit di bawah memakainya
    e = {
        "kode": p.teks(data["kode"], "kode") if "kode" in data else None,
        "nama": p.teks(data["nama"], "nama"),
        "satuan": p.teks(data["satuan"], "satuan"),
        "polaritas": p.pilihan(data["polaritas"], "polaritas", POLARITAS),
        "agregasi": p.pilihan(data["agregasi"], "agregasi", AGREGASI),
        "urusan": p.urusan(data["urusan"], "urusan"),
        "desimal": p.bulat(data["desimal"], "desimal", 0, 6),
        "batas": p.deret(data["batas"], "batas", 2, kosong_boleh=True) if data.get("batas") is not None else None,
        "iku": p.benar_salah(data["iku"], "iku"),
        "skala": None,
        "definisi": p.teks(data["definisi"], "definisi") if "definisi" in data else None,
    }
    if e["polaritas"] == "teks":
        if "skala" not in data:
            p.salah("skala", "wajib untuk indikator teks (urut terburuk -> terbaik)")
        e["skala"] = p.daftar_teks(data["skala"], "skala")
        if len(e["skala"]) < 2:
            p.salah("skala", "paling sedikit 2 tingkat")
    elif "skala" in data:
        p.salah("skala", "hanya untuk indikator teks")
    if "demo" not in data and "nasional" not in data:
        p.salah("demo", "entri harus dipakai paling sedikit satu pembangkit: objek demo dan/atau nasional")
    demo = nasional = None
    if "demo" in data:
        if e["kode"] is None:
            p.salah("kode", "wajib untuk entri demo")
        if e["definisi"] is None:
            p.salah("definisi", "wajib untuk entri demo")
        if e["batas"] is None or None in e["batas"]:
            p.salah("batas", "entri demo butuh [bawah, atas] berupa angka (nilai ilustrasi dijepit ke sini)")
        if "{}" in e["nama"]:
            p.salah("nama", "{} hanya untuk varian nasional; nama demo memakai {wil}")
        demo = _periksa_demo(p, data["demo"], e)
    if "nasional" in data:
        if "{wil}" in e["nama"]:
            p.salah("nama", "{wil} hanya untuk pembangkit demo; entri nasional tidak mengisinya")
        nasional = _periksa_nasional(p, data["nasional"], e)
    return Indikator(nomor=nomor, **e, demo=demo, nasional=nasional)


def periksa_katalog(data, asal: str = "katalog") -> Katalog:
    """Periksa isi katalog (hasil ``json.load``) dan kembalikan ``Katalog``; salah bentuk: ``KatalogTidakSah``."""
    if not isinstance(data, dict):
        raise KatalogTidakSah(f"{asal}: isi berkas harus objek {{...}} dengan kolom 'indikator'")
    asing = sorted(set(data) - {"keterangan", "perangkat_nasional", "indikator"})
    if asing:
        raise KatalogTidakSah(f"{asal}: kolom '{asing[0]}' tidak dikenal di tingkat atas "
                              "(yang dikenal: keterangan, perangkat_nasional, indikator)")
    entri = data.get("indikator")
    if not isinstance(entri, list) or not entri:
        raise KatalogTidakSah(f"{asal}: kolom 'indikator' harus daftar entri yang tidak kosong")
    indikator = tuple(_periksa_entri(asal, i, e) for i, e in enumerate(entri, 1))

    kode = {}
    for e in indikator:
        if e.kode is not None and kode.setdefault(e.kode, e.nomor) != e.nomor:
            raise KatalogTidakSah(f"{asal}: indikator ke-{e.nomor} ({e.kode}), kolom 'kode': "
                                  f"sudah dipakai indikator ke-{kode[e.kode]}")
    for pembangkit, nama in (("demo", lambda e: [e.nama] if e.demo else []),
                             ("nasional", lambda e: [v.nama for v in e.nasional or ()])):
        lihat = {}
        for e in indikator:
            for n in nama(e):
                if lihat.setdefault(n, e.nomor) != e.nomor:
                    raise KatalogTidakSah(f"{asal}: indikator ke-{e.nomor} ({e.kode or e.nama}), kolom 'nama': "
                                          f"{n!r} sudah dipakai indikator {pembangkit} ke-{lihat[n]}")

    perangkat = data.get("perangkat_nasional")
    if any(e.nasional for e in indikator):
        if not (isinstance(perangkat, dict) and set(perangkat) == {"bawaan", "per_urusan"}
                and _teks_isi(perangkat["bawaan"]) and isinstance(perangkat["per_urusan"], dict)):
            raise KatalogTidakSah(f"{asal}: kolom 'perangkat_nasional' harus objek "
                                  "{\"bawaan\": teks, \"per_urusan\": {kode urusan: teks}}")
        for u, nama in perangkat["per_urusan"].items():
            if not _URUSAN.fullmatch(u) or not _teks_isi(nama):
                raise KatalogTidakSah(f"{asal}: kolom 'perangkat_nasional.per_urusan.{u}': harus kode bidang "
                                      "urusan (\"1.02\") dengan nama perangkat daerah")
    else:
        perangkat = {"bawaan": "", "per_urusan": {}}
    return Katalog(indikator, perangkat["bawaan"], dict(perangkat["per_urusan"]))


def baca_katalog(path: str | Path = KATALOG_JSON) -> Katalog:
    """Baca dan periksa berkas katalog (bawaan ``data/katalog/indikator.json``)."""
    path = Path(path)
    try:
        asal = str(path.resolve().relative_to(DATA_DIR.parent))
    except ValueError:
        asal = str(path)
    try:
        teks = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KatalogTidakSah(f"{asal}: berkas katalog indikator tidak ada") from None
    try:
        data = json.loads(teks)
    except json.JSONDecodeError as e:
        raise KatalogTidakSah(f"{asal}: bukan JSON yang sah, baris {e.lineno} kolom {e.colno}: {e.msg}") from None
    return periksa_katalog(data, asal)
