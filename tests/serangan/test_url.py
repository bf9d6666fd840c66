"""Serangan: suntikan lewat setiap parameter URL setiap halaman (isu #17, kelas 1).

Setiap pilihan tampilan tersimpan di URL (``st.query_params``) dan dibaca lewat ``pantau.ui.url`` atau langsung di
halaman. Daftar parameter di bawah dibaca dari kodenya (``grep query_params``/``url.``): bila halaman menambah
parameter baru, ``test_daftar_parameter_lengkap`` gagal sampai parameternya ditambahkan di sini.

Yang harus bertahan untuk setiap muatan (daftar tetap dan hypothesis): tidak ada pengecualian atau traceback di
halaman, tidak ada markup muatan yang hidup, setiap pilihan jatuh ke nilai yang sah (bawaan yang masuk akal), dan
basis data tetap sama bita demi bita (sha256 berkas + WAL sebelum dan sesudah).
"""
from __future__ import annotations

import re
import shutil
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau.db import buka
from pantau.jalur import ROOT
from tests.bantuan_halaman import jalankan_halaman, polos
from tests.serangan import muatan as m
from tests.serangan.pantauan import bocor, sidik, teks_halaman
from tests.serangan.test_xss import periksa_halaman

#: Parameter bersama (bingkai halaman) dan parameter setiap halaman.
BERSAMA = ["provinsi", "daerah", "periode", "tahun"]
HALAMAN = {
    None: ["kuadran", "prioritas"],
    "pages/1_Indikator.py": ["indikator"],
    "pages/2_Daerah.py": ["urusan", "predikat", "cari", "ontrack", "iku", "bandingkan", "warna"],
    "pages/3_Impor.py": ["mode"],
    "pages/4_Kualitas_Data.py": [],
    "pages/5_Desk_Urusan.py": ["urusan", "presentasi", "slide", "catatan_daerah"],
    "pages/6_Laporan.py": ["laporan"],
    "pages/7_Riwayat.py": ["riwayat_daerah", "riwayat_oleh"],
    "pages/8_Pengaturan.py": [],
    "pages/9_Usulan.py": ["tahun_usulan", "usulan", "u_daerah", "u_urusan", "u_prioritas", "u_status", "u_keputusan"],
}
SEMUA = sorted(set(BERSAMA).union(*HALAMAN.values()))

#: Muatan daftar tetap: SQL, sangat panjang, unicode/RTL/NUL, angka negatif dan meluap, markup, ulangan (list =
#: parameter berulang ``?x=a&x=b``).
MUATAN = {
    "sql_atau": "65' OR '1'='1' --",
    "sql_drop": "1; DROP TABLE realisasi; --",
    "sql_union": "65.01' UNION SELECT nama_pengguna, hash_sandi FROM pengguna --",
    "sql_attach": "'; ATTACH '/tmp/x.duckdb' AS x; COPY pengguna TO '/tmp/p.csv'; --",
    "sql_like": "%_\\",
    "panjang_10k": "A" * 10_000,
    "angka_10k_digit": "9" * 10_000,
    "rtl_nul_nol_lebar": "\u202e65.01\u200b\x00",
    "unicode_angka": "２０２４",
    "emoji_devanagari": "😀६५",
    "negatif": "-1",
    "meluap_int64": "9223372036854775808",
    "float_aneh": "1e309",
    "nan": "NaN",
    "kosong": "",
    "markup": f"{m.GAMBAR} {m.MARKDOWN}",
    "berulang": ["65.01", "' OR 1=1 --", "-1"],
}


@pytest.fixture(scope="module")
def db_url(db_demo, tmp_path_factory):
    path = tmp_path_factory.mktemp("url") / "pantau.duckdb"
    shutil.copy(db_demo, path)
    con = buka(path, baca_saja=True)
    try:
        sah = {
            "provinsi": {r[0] for r in con.execute("SELECT kode FROM daerah WHERE jenis = 'provinsi'").fetchall()},
            "daerah": {r[0] for r in con.execute("SELECT kode FROM daerah").fetchall()},
            "periode": {str(r[0]) for r in con.execute("SELECT id FROM periode").fetchall()},
            "indikator": {str(r[0]) for r in con.execute("SELECT id FROM indikator").fetchall()},
            "urusan": {r[0] for r in con.execute("SELECT kode FROM urusan").fetchall()},
            "prioritas": {str(r[0]) for r in con.execute("SELECT id FROM prioritas").fetchall()},
            "usulan": {str(r[0]) for r in con.execute("SELECT id FROM usulan").fetchall()},
            "tahun_usulan": {str(r[0]) for r in con.execute("SELECT DISTINCT tahun FROM usulan").fetchall()},
        }
    finally:
        con.close()
    return path, sah


@pytest.fixture
def buka_url(db_url, monkeypatch):
    path, sah = db_url
    monkeypatch.setenv("PANTAU_DB", str(path))
    # Pemanasan: pembukaan pertama boleh memasang skema; sesudahnya membaca tidak boleh menulis apa pun.
    jalankan_halaman(None, provinsi="65", daerah="65.01", tahun=2024)
    return path, sah


def _jalankan(halaman, params: dict):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if halaman:
        at.switch_page(halaman)
    at.query_params.update(params)
    at.run()
    return at


def periksa(at, halaman, sah: dict, params: dict) -> None:
    """Halaman yang diserang lewat URL: tanpa pengecualian/traceback, tanpa markup hidup, setiap pilihan sah."""
    assert not at.exception, (halaman, [e.value for e in at.exception][:1])
    teks = polos(teks_halaman(at))  # muatan yang diloloskan aman.md dibandingkan sebagai teks yang tampil
    for v in params.values():  # muatan yang ditampilkan kembali sebagai isian (pencarian) bukan kebocoran
        for x in (v if isinstance(v, list) else [v]):
            if x:
                teks = teks.replace(x, "")
    assert not bocor(teks), (halaman, bocor(teks))
    assert at.title and at.title[0].value not in ("Pantau belum dapat dibuka", ""), halaman
    periksa_halaman(at)  # muatan markup tidak hidup di elemen mana pun
    q = {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert q["provinsi"] in sah["provinsi"] and q["daerah"] in sah["daerah"], dict(q)
    assert q["periode"] in sah["periode"] and re.fullmatch(r"20\d\d", q["tahun"]), dict(q)
    if halaman == "pages/1_Indikator.py":
        assert q["indikator"] in sah["indikator"]
    if halaman == "pages/5_Desk_Urusan.py":
        assert q["urusan"] in sah["urusan"]
        assert q.get("catatan_daerah", "65") in sah["daerah"]
        if "slide" in q:
            assert 1 <= int(q["slide"]) <= 200
    if halaman == "pages/6_Laporan.py":
        assert q["laporan"] in ("rkpd", "rpjmd")
    if halaman is None and "kuadran" in q:
        assert q["kuadran"] == "perangkat_daerah"
    if halaman is None and "prioritas" in q:
        assert q["prioritas"] in sah["prioritas"], dict(q)
    if halaman == "pages/3_Impor.py":
        assert q.get("mode", "lembar") in ("lembar", "sipd"), dict(q)
    if halaman == "pages/9_Usulan.py":
        for k in ("tahun_usulan", "usulan"):
            assert k not in q or q[k] in sah[k], (k, dict(q))
        for v in (q.get("u_status") or "").split(","):
            assert v == "" or re.fullmatch(r"[a-z_]+", v), v
        for v in (q.get("u_daerah") or "").split(","):
            assert v == "" or v in sah["daerah"], v
        for v in (q.get("u_urusan") or "").split(","):
            assert v == "" or v in sah["urusan"], v
    if halaman == "pages/2_Daerah.py":
        for k in ("urusan",):
            for v in (q.get(k) or "").split(","):
                assert v == "" or v in sah["urusan"] or v == "lintas", (k, v)
        for v in (q.get("predikat") or "").split(","):
            assert v == "" or re.fullmatch(r"-1|\d", v), v  # -1 kualitatif, 0 belum ada data
        assert (q.get("ontrack") or "") in ("", "ya", "tidak", "belum"), dict(q)
        assert (q.get("iku") or "") in ("", "1")


def test_daftar_parameter_lengkap():
    """Setiap kunci URL yang dibaca kode ada di HALAMAN (parameter baru tidak lolos dari serangan ini)."""
    dibaca = set()
    for p in [*(ROOT / "pantau" / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]:
        s = p.read_text()
        dibaca |= set(re.findall(r"query_params(?:\.get)?[\[(]\"(\w+)\"", s))
        dibaca |= set(re.findall(r"url\.(?:indeks_awal|indeks|daftar|bilangan|tulis)\(\"(\w+)\"", s))
        dibaca |= set(re.findall(r"\bindeks_awal\(\"(\w+)\"", s))
        dibaca |= set(re.findall(r"KUNCI_URL = \"(\w+)\"", s))
        # kunci bentukan f-string (``url.daftar(f"u_{kunci}", ...)``): awalannya harus dimiliki parameter terdaftar
        for awalan in re.findall(r"url\.\w+\(f\"(\w*)\{", s):
            assert any(k.startswith(awalan) for k in SEMUA if k not in BERSAMA), (p.name, awalan)
    assert dibaca and dibaca <= set(SEMUA), sorted(dibaca - set(SEMUA))


#: Muatan inti untuk rangkaian cepat (satu dari setiap jenis); daftar lengkap di setiap halaman ditandai ``lambat``.
INTI = ["sql_union", "sql_attach", "panjang_10k", "angka_10k_digit", "rtl_nul_nol_lebar", "meluap_int64", "markup",
        "berulang"]
#: Halaman dengan parameter sendiri terbanyak (parameter bersama ikut diserang di sana).
_CEPAT = [None, "pages/1_Indikator.py", "pages/2_Daerah.py", "pages/5_Desk_Urusan.py"]


def _serang(path, sah, halaman, nama_muatan) -> None:
    sebelum = sidik(path)
    for nama in nama_muatan:
        nilai = MUATAN[nama]
        params = {k: nilai for k in BERSAMA + HALAMAN[halaman]}
        at = _jalankan(halaman, params)
        periksa(at, halaman, sah, params)
        assert sidik(path) == sebelum, f"basis data berubah oleh muatan {nama} di {halaman}"


@pytest.mark.parametrize("halaman", _CEPAT, ids=lambda h: (h or "dashboard.py").split("/")[-1])
def test_muatan_inti_setiap_parameter(buka_url, halaman):
    """Setiap muatan inti di setiap parameter halaman itu sekaligus (parameter bersama juga)."""
    _serang(*buka_url, halaman, INTI)


@pytest.mark.lambat
@pytest.mark.parametrize("halaman", list(HALAMAN), ids=lambda h: (h or "dashboard.py").split("/")[-1])
def test_muatan_daftar_tetap_setiap_parameter(buka_url, halaman):
    """Setiap muatan daftar tetap di setiap parameter setiap halaman (153 pemuatan)."""
    _serang(*buka_url, halaman, list(MUATAN))


def test_parameter_tunggal_tidak_merusak_yang_lain(buka_url):
    """Satu parameter jahat, yang lain sah: pilihan yang sah tetap dipakai (bukan semuanya jatuh ke bawaan)."""
    path, sah = buka_url
    sebelum = sidik(path)
    for kunci in ("urusan", "slide", "catatan_daerah"):
        at = _jalankan("pages/5_Desk_Urusan.py", {"provinsi": "65", "daerah": "65", "tahun": "2024",
                                                   kunci: MUATAN["sql_union"]})
        periksa(at, "pages/5_Desk_Urusan.py", sah, {})
        assert at.query_params["provinsi"] == "65" and at.query_params["tahun"] == "2024"
    at = _jalankan("pages/2_Daerah.py", {"provinsi": "65", "daerah": "65.01", "tahun": "2024",
                                         "cari": MUATAN["sql_atau"]})
    periksa(at, "pages/2_Daerah.py", sah, {})
    assert at.query_params["daerah"] == "65.01"
    # pencarian dengan muatan SQL dicari sebagai teks (parameter terikat): tidak ada indikator yang cocok
    assert "Provinsi" not in at.title[0].value and "Bulungan" in at.title[0].value
    assert sidik(path) == sebelum


# -- hypothesis: nilai sembarang di kunci sembarang ----------------------------------------------------------

_nilai = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(2 ** 70), max_value=2 ** 70).map(str),
    st.sampled_from(["65", "65.01", "1.02", "2024", "1", "rpjmd", "perangkat_daerah"]).flatmap(
        lambda s: st.text(max_size=5).map(lambda t: s + t)),
    st.lists(st.text(max_size=20), min_size=2, max_size=4),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(halaman=st.sampled_from(list(HALAMAN)),
       params=st.dictionaries(st.sampled_from(SEMUA + ["x", "'", "provinsi[]"]), _nilai, min_size=1, max_size=8))
def test_hypothesis_halaman(buka_url, halaman, params):
    path, sah = buka_url
    sebelum = sidik(path)
    params = {k: ([x.replace("\x00", "") for x in v] if isinstance(v, list) else v) for k, v in params.items()}
    at = _jalankan(halaman, params)
    periksa(at, halaman, sah, params)
    assert sidik(path) == sebelum


# -- hypothesis: pembaca URL (pantau.ui.url) tanpa Streamlit, ratusan contoh ----------------------------------

@settings(max_examples=400, deadline=None)
@given(nilai=st.one_of(st.none(), st.text(), st.integers().map(str)),
       pilihan=st.lists(st.integers(min_value=-5, max_value=3000), min_size=1, max_size=8, unique=True),
       sesi=st.one_of(st.none(), st.integers(), st.text(max_size=5)))
def test_hypothesis_pembaca_url(nilai, pilihan, sesi):
    from pantau.ui import url

    palsu = SimpleNamespace(query_params={} if nilai is None else {"k": nilai}, session_state={"k": sesi})
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(url, "st", palsu)
        _periksa_pembaca(url, nilai, pilihan, sesi)


def _periksa_pembaca(url, nilai, pilihan, sesi):
    i = url.indeks_awal("k", pilihan, pilihan[0], ubah=int)
    assert 0 <= i < len(pilihan)
    try:
        dari_url = int(nilai) if nilai is not None else None
    except ValueError:
        dari_url = None
    if dari_url in pilihan:
        assert pilihan[i] == dari_url  # nilai URL yang sah dipakai
    elif sesi in pilihan:
        assert pilihan[i] == sesi
    else:
        assert i == 0  # bawaan
    assert url.indeks("k", [str(p) for p in pilihan], str(pilihan[0])) in range(len(pilihan))
    assert set(url.daftar("k", pilihan, int)) <= set(pilihan)
    b = url.bilangan("k", 7)
    assert isinstance(b, int) and (b == 7 or str(b) == str(int(nilai)))


# -- peramban: beberapa URL jahat di server sungguhan -----------------------------------------------------------

URL_PERAMBAN = [
    "/?provinsi=65%27%20OR%201%3D1--&daerah=%00&tahun=-1&kuadran=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "/Daerah?provinsi=65&daerah=65.01&cari=%27%3B%20DROP%20TABLE%20realisasi%3B--&urusan=1.02,%27--&predikat=99"
    "&warna=javascript:alert(1)",
    "/Desk_Urusan?provinsi=65&daerah=65&urusan=1.02&presentasi=1&slide=99999999999999999999999&slide=-5"
    "&catatan_daerah=%E2%80%AE65.03",
    "/Indikator?provinsi=65&daerah=65.01&indikator=1%20UNION%20SELECT%201&tahun=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94",
    "/Usulan?provinsi=65&daerah=65&tahun_usulan=-1&usulan=1%20OR%201%3D1&u_status=%3Cimg%20src%3Dx%20onerror%3D"
    "alert(1)%3E&u_daerah=65.01,%27--&u_prioritas=99999999999999999999",
    "/Riwayat?riwayat_oleh=%27%20OR%20%271%27%3D%271&riwayat_daerah=" + "A" * 4000,
]


@pytest.mark.peramban
def test_peramban_url_jahat(server, halaman):
    from tests.bantuan_peramban import tangkap_layar, tanpa_galat, tunggu_siap

    halaman.goto(server.url + "/?provinsi=65&daerah=65.01&tahun=2024")
    tunggu_siap(halaman)
    sebelum = sidik(server.db)
    dialog = []
    halaman.on("dialog", lambda d: (dialog.append(d.message), d.dismiss()))
    for i, jalur in enumerate(URL_PERAMBAN):
        halaman.goto(server.url + jalur)
        tunggu_siap(halaman)
        tanpa_galat(halaman)
        teks = halaman.evaluate("document.body.innerText")
        assert not bocor(teks.replace("/tmp/", "")), (jalur, bocor(teks))
        assert halaman.locator("h1").count() >= 1 and "Pantau belum dapat dibuka" not in teks, jalur
        assert halaman.evaluate("window.__x === undefined"), jalur
        if i == 2:
            tangkap_layar(halaman, "serangan-url-desk-presentasi-1920x1080")
    assert not dialog, dialog
    assert sidik(server.db) == sebelum
    assert "Traceback" not in server.log.read_text(errors="replace")
