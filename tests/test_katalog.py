"""Katalog indikator sebagai data (data/katalog/indikator.json, pantau/demo/katalog.py): isi berkas yang ada,
pesan salah bentuk yang menyebut entri dan kolom, nilai bawaan, entri bersama kedua pembangkit, dan data demo
data/seed/ yang tetap sama dengan hasil pembangkit dari katalog ini."""
from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import sys
from collections import Counter

import pytest

from pantau.demo.katalog import BAWAAN_DEMO, KATALOG_JSON, KatalogTidakSah, baca_katalog, periksa_katalog
from pantau.demo.nasional import katalog as katalog_nasional
from pantau.jalur import ROOT, SEED_DIR

#: sha256 katalog(150) nasional. Berubah = kode N-xxx atau nilai dasar berubah = SELURUH basis data nasional berubah
#: (angka acaknya diturunkan dari kode). Perbarui hanya dengan sengaja (lihat data/katalog/README.md, urutan entri).
SIDIK_NASIONAL_150 = "a3bf3fd6249a00c786f4a3098159f85a1b2d238112adf0007d34f16500c35118"


def _buat_seed():
    """Modul scripts/buat_seed.py (dimuat tanpa menjalankan main)."""
    if "buat_seed" not in sys.modules:
        spec = importlib.util.spec_from_file_location("buat_seed", ROOT / "scripts" / "buat_seed.py")
        modul = importlib.util.module_from_spec(spec)
        sys.modules["buat_seed"] = modul  # dataclass butuh modulnya terdaftar
        spec.loader.exec_module(modul)
    return sys.modules["buat_seed"]


def _demo(**lain) -> dict:
    e = {"kode": "X-01", "nama": "Persentase Uji", "satuan": "persen", "polaritas": "positif", "agregasi": "akhir",
         "urusan": "1.02", "desimal": 2, "batas": [0, 100], "iku": False, "definisi": "Definisi uji.",
         "demo": {"tingkat": ["provinsi", "kabupaten"],
                  "perangkat_daerah": {"provinsi": "Dinas Kesehatan", "kabkota": "Dinas Kesehatan"},
                  "awal": {"provinsi": [10.0, 20.0], "kabupaten": [5.0, 15.0]}}}
    e.update(lain)
    return e


def _nasional(**lain) -> dict:
    e = {"nama": "Cakupan {}", "satuan": "%", "polaritas": "positif", "agregasi": "akhir", "urusan": "1.02",
         "desimal": 2, "batas": [None, 100], "iku": False,
         "nasional": {"varian": [{"label": "Imunisasi", "nilai": 80.0},
                                 {"label": "Gizi", "nilai": 70.0, "urusan": "2.09", "iku": True}]}}
    e.update(lain)
    return e


def _berkas(*entri) -> dict:
    return {"perangkat_nasional": {"bawaan": "Bappeda", "per_urusan": {"1.02": "Dinas Kesehatan"}},
            "indikator": list(entri)}


# ---------------------------------------------------------------------------
# Berkas yang ada
# ---------------------------------------------------------------------------

def test_berkas_katalog_sah_dan_lengkap():
    kat = baca_katalog()
    demo, nasional = kat.demo(), kat.nasional()
    assert len(demo) == 55 and len({e.kode for e in demo}) == 55
    assert len(nasional) == 101 and sum(len(e.nasional) for e in nasional) == 156
    assert len(kat.indikator) == 156  # belum ada entri bersama: lihat README, "Padanan yang belum disatukan"
    assert Counter(e.polaritas for e in demo)["teks"] == 2
    assert all(e.skala for e in kat.indikator if e.polaritas == "teks")
    # setiap demo.seri punya pembuatnya di scripts/buat_seed.py
    bs = _buat_seed()
    assert [i.kode for i in bs.KATALOG] == [e.kode for e in demo]
    bs.periksa_seri()


def test_katalog_nasional_tidak_berubah_tanpa_sengaja():
    teks = json.dumps(katalog_nasional(150), sort_keys=True, ensure_ascii=False)
    assert hashlib.sha256(teks.encode()).hexdigest() == SIDIK_NASIONAL_150


def test_data_seed_sesuai_katalog(tmp_path, monkeypatch):
    """data/seed/*.csv adalah keluaran scripts/buat_seed.py dari katalog ini, bait demi bait."""
    bs = _buat_seed()
    monkeypatch.setattr(bs, "KELUARAN", tmp_path)
    monkeypatch.setattr(bs, "AKAR", tmp_path.parent)  # pesan "ditulis:" memakai path relatif terhadap AKAR
    bs.main()
    for nama in ("indikator.csv", "target.csv", "realisasi.csv", "dukungan.csv"):
        assert (tmp_path / nama).read_bytes() == (SEED_DIR / nama).read_bytes(), (
            f"data/seed/{nama} tidak sama dengan hasil scripts/buat_seed.py: jalankan skripnya lalu periksa git diff")


# ---------------------------------------------------------------------------
# Bentuk yang sah: bawaan, varian, entri bersama
# ---------------------------------------------------------------------------

def test_bawaan_demo_diisi():
    (e,) = periksa_katalog(_berkas(_demo())).indikator
    d = e.demo
    assert (d.seri, d.sumber_data, d.induk, d.ubah, d.tumbuh, d.bobot_tw, d.covid, d.dukungan) == (
        "level", BAWAAN_DEMO["sumber_data"], False, (0.0, 0.0), (0.02, 0.06), (0.15, 0.22, 0.28, 0.35), 1.0, None)
    assert d.tingkat == frozenset({"provinsi", "kabupaten"})
    assert d.perangkat_daerah == ("Dinas Kesehatan", "Dinas Kesehatan")
    assert d.awal == {"provinsi": (10.0, 20.0), "kabupaten": (5.0, 15.0)}
    assert e.batas == (0, 100) and e.urusan == "1.02" and e.nasional is None


def test_varian_nasional_mewarisi_dan_mengganti_kolom():
    kat = periksa_katalog(_berkas(_nasional()))
    rows = katalog_nasional(3, sumber=kat)
    assert [(r["kode"], r["nama"], r["urusan_kode"], r["iku"], r["batas"], r["perangkat_daerah"]) for r in rows] == [
        ("N-001", "Cakupan Imunisasi", "1.02", False, 100, "Dinas Kesehatan"),
        ("N-002", "Cakupan Gizi", "2.09", True, 100, "Bappeda"),  # urusan tak tercantum: perangkat bawaan
        ("N-003", "Cakupan Imunisasi (tambahan 1)", "1.02", False, 100, "Dinas Kesehatan"),
    ]


def test_entri_bersama_dipakai_kedua_pembangkit(tmp_path):
    """Satu entri ber-demo dan ber-nasional: nama, satuan, urusan dan desimal yang sama di kedua katalog."""
    bersama = _demo(nasional={"nilai": 15.0})
    path = tmp_path / "indikator.json"
    path.write_text(json.dumps(_berkas(bersama, _nasional())), encoding="utf-8")
    kat = baca_katalog(path)
    assert [e.kode for e in kat.demo()] == ["X-01"]
    assert [e.nama for e in kat.nasional()] == ["Persentase Uji", "Cakupan {}"]
    (ind,) = _buat_seed().baca_katalog_demo(path)
    n1 = katalog_nasional(1, sumber=kat)[0]
    assert (ind.nama, ind.satuan, ind.urusan, ind.dec) == (n1["nama"], n1["satuan"], n1["urusan_kode"], n1["desimal"])
    assert (n1["nilai_dasar"], n1["batas"]) == (15.0, 100)


def test_teks_nasional():
    e = {"nama": "Predikat Uji", "satuan": "predikat", "polaritas": "teks", "agregasi": "akhir", "urusan": "5.01",
         "desimal": 2, "iku": False, "skala": ["C", "B", "A"], "nasional": {"awal": 1, "target": 3}}
    (r,) = katalog_nasional(1, sumber=periksa_katalog(_berkas(e)))
    assert (r["skala"], r["awal_idx"], r["target_idx"], r["nilai_dasar"]) == (["C", "B", "A"], 1, 3, None)


# ---------------------------------------------------------------------------
# Salah bentuk: pesan menyebut entri dan kolom
# ---------------------------------------------------------------------------

def _ubah(entri: dict, jalur: str, nilai) -> dict:
    """Salinan ``entri`` dengan ``jalur`` ("demo.awal.provinsi") diganti ``nilai`` (``...`` = dihapus)."""
    e = copy.deepcopy(entri)
    *induk, akhir = jalur.split(".")
    tempat = e
    for k in induk:
        tempat = tempat[int(k)] if isinstance(tempat, list) else tempat[k]
    if nilai is ...:
        del tempat[akhir]
    elif isinstance(tempat, list):
        tempat[int(akhir)] = nilai
    else:
        tempat[akhir] = nilai
    return e


SALAH_DEMO = [
    ("polaritas", "positip", "'polaritas': \"positip\" bukan salah satu dari positif, negatif, rentang, teks"),
    ("satuaan", "persen", "'satuaan': kolom tidak dikenal"),
    ("desimal", ..., "'desimal': wajib diisi"),
    ("desimal", True, "'desimal': harus bilangan bulat 0..6"),
    ("urusan", "1.2", "'urusan': harus kode bidang urusan"),
    ("iku", "ya", "'iku': harus true atau false"),
    ("batas", [0, None], "'batas': entri demo butuh [bawah, atas] berupa angka"),
    ("batas", [100, 0], "'batas': harus [min, maks] dengan min <= maks"),
    ("nama", "Cakupan {}", "'nama': {} hanya untuk varian nasional"),
    ("definisi", ..., "'definisi': wajib untuk entri demo"),
    ("kode", ..., "'kode': wajib untuk entri demo"),
    ("demo", ..., "'demo': entri harus dipakai paling sedikit satu pembangkit"),
    ("skala", ["A", "B"], "'skala': hanya untuk indikator teks"),
    ("demo.tingkat", ["provinsi", "desa"], "'demo.tingkat': \"desa\" bukan salah satu dari provinsi, kabupaten, kota"),
    ("demo.perangkat_daerah.kabkota", ..., "'demo.perangkat_daerah.kabkota': wajib diisi"),
    ("demo.awal.provinsi", [20.0, 10.0], "'demo.awal.provinsi': harus [min, maks] dengan min <= maks"),
    ("demo.awal.kabupaten", ..., "'demo.awal.kabupaten': wajib untuk seri 'level' di tingkat kabupaten"),
    ("demo.ubah", [1.0], "'demo.ubah': harus daftar 2 angka"),
    ("demo.bobot_tw", [0.2, 0.3, 0.5, 0], "'demo.bobot_tw': harus angka lebih dari 0"),
    ("demo.covid", 0, "'demo.covid': harus angka lebih dari 0"),
    ("demo.lambat", 1, "'demo.lambat': harus true atau false"),
    ("demo.gen", "alir", "'demo.gen': kolom tidak dikenal"),
    ("demo.dukungan", {"awalan": ["2.07.03"]},
     "'demo.dukungan.awalan': '2.07.03' bukan bidang urusan indikator (1.02)"),
    ("demo.dukungan", {"awalan": ["1.02.x"]}, "'demo.dukungan.awalan': '1.02.x' bukan awalan kode sub kegiatan"),
    ("demo.dukungan", {"kata": ["Gizi"]}, "'demo.dukungan.awalan': wajib diisi"),
    ("demo.dukungan", {"awalan": ["1.02"], "lintas_maks": 0}, "'demo.dukungan.lintas_maks': harus bilangan bulat"),
]


@pytest.mark.parametrize("jalur, nilai, pesan", SALAH_DEMO, ids=[f"{j}={n!r}" for j, n, _ in SALAH_DEMO])
def test_salah_bentuk_demo(jalur, nilai, pesan):
    entri = _ubah(_demo(), jalur, nilai)
    with pytest.raises(KatalogTidakSah) as e:
        periksa_katalog(_berkas(_nasional(), entri), "katalog.json")
    # entri disebut dengan nomor dan kodenya (tanpa kode: namanya)
    label = entri.get("kode", entri["nama"])
    assert str(e.value).startswith(f"katalog.json: indikator ke-2 ({label}), kolom "), str(e.value)
    assert pesan in str(e.value), str(e.value)


SALAH_NASIONAL = [
    ("nasional.varian.1.label", ..., "'nasional.varian[2].label': wajib diisi"),
    ("nasional.varian.1.nilai", "80", "'nasional.varian[2].nilai': harus angka"),
    ("nasional.varian.1.pita", [1.0, 2.0], "'nasional.varian[2].pita': hanya untuk indikator rentang"),
    ("nasional.varian.1.batas", 100, "'nasional.varian[2].batas': harus daftar 2 angka (atau null)"),
    ("nasional.varian", [{"label": "A", "nilai": 1.0}], "'nasional.varian': nama ber-{} butuh daftar paling sedikit 2"),
    ("nasional.nilai", 5.0, "'nasional.nilai': nama ber-{} memakai nilai per varian"),
    ("nama", "Cakupan {wil}", "'nama': {wil} hanya untuk pembangkit demo"),
    ("nama", "Cakupan {} {}", "'nama': nama bervarian memuat tepat satu {}"),
    ("nasional.awal", 1, "'nasional.awal': hanya untuk indikator teks"),
]


@pytest.mark.parametrize("jalur, nilai, pesan", SALAH_NASIONAL, ids=[f"{j}={n!r}" for j, n, _ in SALAH_NASIONAL])
def test_salah_bentuk_nasional(jalur, nilai, pesan):
    entri = _ubah(_nasional(), jalur, nilai)
    with pytest.raises(KatalogTidakSah) as e:
        periksa_katalog(_berkas(_demo(), entri), "katalog.json")
    assert str(e.value).startswith(f"katalog.json: indikator ke-2 ({entri['nama']}), kolom "), str(e.value)
    assert pesan in str(e.value), str(e.value)


def test_salah_bentuk_rentang_dan_teks():
    rentang = {"nama": "Laju Uji", "satuan": "%", "polaritas": "rentang", "agregasi": "akhir", "urusan": None,
               "desimal": 2, "iku": False, "nasional": {"nilai": 1.0}}
    with pytest.raises(KatalogTidakSah, match=r"ke-1 \(Laju Uji\), kolom 'nasional.pita': wajib untuk .* rentang"):
        periksa_katalog(_berkas(rentang))
    teks = {"nama": "Predikat Uji", "satuan": "predikat", "polaritas": "teks", "agregasi": "akhir", "urusan": "5.01",
            "desimal": 2, "iku": False, "nasional": {"awal": 1, "target": 2}}
    with pytest.raises(KatalogTidakSah, match=r"kolom 'skala': wajib untuk indikator teks"):
        periksa_katalog(_berkas(teks))
    with pytest.raises(KatalogTidakSah, match=r"kolom 'nasional.target': harus bilangan bulat 1..2, bukan 3"):
        periksa_katalog(_berkas({**teks, "skala": ["B", "A"], "nasional": {"awal": 1, "target": 3}}))
    with pytest.raises(KatalogTidakSah, match=r"kolom 'nasional.nilai': indikator teks tidak memakai"):
        periksa_katalog(_berkas({**teks, "skala": ["B", "A"], "nasional": {"awal": 1, "target": 2, "nilai": 1}}))


def test_kode_dan_nama_ganda():
    with pytest.raises(KatalogTidakSah, match=r"indikator ke-2 \(X-01\), kolom 'kode': sudah dipakai indikator ke-1"):
        periksa_katalog(_berkas(_demo(), _demo(nama="Lain")))
    with pytest.raises(KatalogTidakSah, match=r"indikator ke-2 \(X-02\), kolom 'nama': 'Persentase Uji' sudah dipakai "
                                              r"indikator demo ke-1"):
        periksa_katalog(_berkas(_demo(), _demo(kode="X-02")))
    dobel = _nasional(nama="Cakupan Gizi", nasional={"nilai": 1.0})
    with pytest.raises(KatalogTidakSah, match=r"'Cakupan Gizi' sudah dipakai indikator nasional ke-1"):
        periksa_katalog(_berkas(_nasional(), dobel))


def test_tingkat_atas_salah():
    with pytest.raises(KatalogTidakSah, match="kolom 'indikator' harus daftar"):
        periksa_katalog({"indikator": []})
    with pytest.raises(KatalogTidakSah, match="kolom 'indikatro' tidak dikenal"):
        periksa_katalog({"indikatro": [_demo()]})
    with pytest.raises(KatalogTidakSah, match="kolom 'perangkat_nasional' harus objek"):
        periksa_katalog({"indikator": [_nasional()]})
    # katalog demo saja tidak butuh perangkat nasional
    assert len(periksa_katalog({"indikator": [_demo()]}).demo()) == 1


def test_berkas_rusak_atau_tidak_ada(tmp_path):
    path = tmp_path / "indikator.json"
    path.write_text('{"indikator": [\n  {"kode": "X-01",}\n]}', encoding="utf-8")
    with pytest.raises(KatalogTidakSah, match=r"indikator.json: bukan JSON yang sah, baris 2 kolom \d+"):
        baca_katalog(path)
    with pytest.raises(KatalogTidakSah, match="berkas katalog indikator tidak ada"):
        baca_katalog(tmp_path / "tidak-ada.json")


def test_pesan_menyebut_entri_berkas_asli():
    data = json.loads(KATALOG_JSON.read_text(encoding="utf-8"))
    data["indikator"][12]["demo"]["awal"]["kota"] = [98.8, 96.0]
    with pytest.raises(KatalogTidakSah) as e:
        periksa_katalog(data, "data/katalog/indikator.json")
    assert str(e.value) == ("data/katalog/indikator.json: indikator ke-13 (PDK-01), kolom 'demo.awal.kota': "
                            "harus [min, maks] dengan min <= maks, bukan [98.8, 96.0]")
