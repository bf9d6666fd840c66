"""Serangan dan ketahanan sesi masuk (keputusan #22): masuk bertahan saat dimuat ulang dan di tab baru, lewat kuki
HttpOnly bertanda tangan yang dipasang server; keluar, akun dinonaktifkan dan sandi diganti mencabutnya; kuki
yang kedaluwarsa, dipalsukan atau diubah ditolak.

Satuan: fungsi sesi di pantau.akun pada salinan basis data demo. Peramban: server sungguhan (aplikasi.py) dan
Chromium.
"""
from __future__ import annotations

import os
import shutil
import stat
from datetime import timedelta

import pytest

from pantau import akun
from pantau.akun import sesi as modul_sesi
from pantau.db import buka
from pantau.db.tulis import sekarang
from pantau.jalur import ROOT

RAHASIA = b"0123456789abcdef" * 4


@pytest.fixture
def con(db_salinan):
    c = buka(db_salinan)
    yield c
    c.close()


def _analis(con) -> akun.Pengguna:
    return akun.masuk(con, "demo.analis", "demo-analis-2026")


def _kuki(con, p=None) -> tuple[int, str]:
    sesi_id, kode = akun.buat_kode_sesi(con, p or _analis(con))
    return sesi_id, akun.tukar_kode_sesi(con, kode, RAHASIA)


def _periksa(con, nilai, **kw) -> akun.HasilSesi:
    return akun.sesi_dari_kuki(con, RAHASIA, nilai, menit_sesi=60, **kw)


# -- satuan -----------------------------------------------------------------------------------------------------

def test_kode_serah_ditukar_sekali_menjadi_kuki_yang_sah(con):
    p = _analis(con)
    sesi_id, kode = akun.buat_kode_sesi(con, p)
    nilai = akun.tukar_kode_sesi(con, kode, RAHASIA)
    assert nilai and nilai.startswith("v1.")
    assert akun.tukar_kode_sesi(con, kode, RAHASIA) is None  # sekali pakai
    hasil = _periksa(con, nilai)
    assert hasil.alasan == "ok" and hasil.sesi_id == sesi_id and hasil.pengguna.nama_pengguna == "demo.analis"
    # basis data hanya memegang hash: token dan kode tidak ada di baris mana pun
    token = nilai.split(".")[1]
    isi = " ".join(str(x) for r in con.execute("SELECT * FROM sesi").fetchall() for x in r)
    assert token not in isi and kode not in isi
    assert modul_sesi._hash(token) in isi


def test_kode_serah_kedaluwarsa_atau_asal_ditolak(con):
    p = _analis(con)
    _, kode = akun.buat_kode_sesi(con, p)
    nanti = sekarang() + timedelta(seconds=akun.DETIK_KODE_SESI + 1)
    assert akun.tukar_kode_sesi(con, kode, RAHASIA, sekarang=nanti) is None
    assert akun.tukar_kode_sesi(con, "kode-tebakan", RAHASIA) is None
    assert akun.tukar_kode_sesi(con, "", RAHASIA) is None


@pytest.mark.parametrize("ubah", ["token", "kedaluwarsa", "tanda_tangan", "kunci_lain", "sampah", "versi"])
def test_kuki_dipalsukan_atau_diubah_ditolak(con, ubah):
    import hashlib
    import hmac

    _, nilai = _kuki(con)
    assert _periksa(con, nilai).alasan == "ok"  # pembanding: kuki aslinya diterima
    v, token, exp, ttd = nilai.split(".")
    palsu = {
        "token": f"{v}.{token[:-1]}{'A' if token[-1] != 'A' else 'B'}.{exp}.{ttd}",
        "kedaluwarsa": f"{v}.{token}.{int(exp) + 10 ** 6}.{ttd}",
        "tanda_tangan": f"{v}.{token}.{exp}.{'0' * 64}",
        "kunci_lain": f"{v}.{token}.{exp}." + hmac.new(b"kunci-penyerang" * 4, f"{v}.{token}.{exp}".encode(),
                                                       hashlib.sha256).hexdigest(),
        "sampah": "<script>alert(1)</script>",
        "versi": f"v2.{token}.{exp}.{ttd}",
    }[ubah]
    hasil = _periksa(con, palsu)
    assert hasil.pengguna is None and hasil.alasan == "tanda_tangan", hasil


def test_kuki_bertanda_tangan_sah_tanpa_sesi_di_basis_data_ditolak(con):
    """Kunci rahasia bocor pun tidak cukup: token harus ada (sebagai hash) di basis data."""
    nilai = akun.nilai_kuki(RAHASIA, "token-karangan", sekarang() + timedelta(hours=1))
    assert _periksa(con, nilai).alasan == "tidak_ada"


def test_kuki_kedaluwarsa_mutlak_dan_tanpa_aktivitas_ditolak(con):
    _, nilai = _kuki(con)
    nanti = sekarang() + timedelta(hours=akun.JAM_SESI_MAKS, seconds=1)
    assert _periksa(con, nilai, sekarang=nanti).alasan == "kedaluwarsa"
    _, nilai = _kuki(con)
    assert _periksa(con, nilai, sekarang=sekarang() + timedelta(minutes=59)).alasan == "ok"  # dan dicatat aktif
    assert _periksa(con, nilai, sekarang=sekarang() + timedelta(minutes=59 + 59)).alasan == "ok"
    sesi_id, nilai = _kuki(con)
    con.execute("UPDATE sesi SET terakhir_aktif = terakhir_aktif - INTERVAL 61 MINUTE WHERE id = $i", {"i": sesi_id})
    assert _periksa(con, nilai).alasan == "kedaluwarsa"
    assert akun.periksa_sesi(con, sesi_id, menit_sesi=60).alasan == "kedaluwarsa"


def test_keluar_nonaktif_dan_ganti_sandi_mencabut_sesi(con):
    admin = akun.sistem("uji")
    sesi_id, nilai = _kuki(con)
    akun.cabut_sesi(con, sesi_id=sesi_id, karena="keluar")
    assert _periksa(con, nilai).alasan == "dicabut"
    _, a = _kuki(con)
    _, b = _kuki(con)  # dua peramban
    akun.atur_sandi(con, pelaku=admin, nama_pengguna="demo.analis", sandi="sandi-baru-yang-panjang")
    assert _periksa(con, a).alasan == _periksa(con, b).alasan == "dicabut"
    p = akun.masuk(con, "demo.analis", "sandi-baru-yang-panjang")
    _, c = _kuki(con, p)
    akun.atur_aktif(con, pelaku=admin, nama_pengguna="demo.analis", aktif=False)
    assert _periksa(con, c).alasan == "dicabut"
    alasan = [r[0] for r in con.execute("SELECT dicabut_karena FROM sesi ORDER BY id").fetchall()]
    assert alasan == ["keluar", "sandi diganti", "sandi diganti", "akun dinonaktifkan"]
    # kuki yang dicabut tetap tidak dapat dipakai walau akunnya diaktifkan lagi
    akun.atur_aktif(con, pelaku=admin, nama_pengguna="demo.analis", aktif=True)
    assert _periksa(con, c).alasan == "dicabut"


def test_kunci_rahasia_berkas_0600_di_luar_static(db_salinan, monkeypatch):
    from pantau.ui import sesi

    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    monkeypatch.delenv("PANTAU_RAHASIA_SESI", raising=False)
    k = sesi.rahasia()
    path = sesi.path_rahasia()
    assert k and len(k) == 64 and path.read_bytes() == k
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert (ROOT / "static") not in path.parents
    assert sesi.rahasia() == k  # dibaca ulang, tidak dibuat ulang


# -- peramban ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server_sesi(db_demo, tmp_path_factory):
    """Server (aplikasi.py) pada basis data yang membaca pun perlu masuk, dengan kunci sesi yang diketahui uji dan
    dua sesi yang disiapkan sebelum server berjalan: satu sah (untuk dipalsukan) dan satu kedaluwarsa."""
    from tests.bantuan_peramban import hentikan, mulai_server

    folder = tmp_path_factory.mktemp("server_sesi")
    db = folder / "pantau.duckdb"
    shutil.copy(db_demo, db)
    rahasia = folder / "kunci-sesi"
    fd = os.open(rahasia, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, RAHASIA)
    os.close(fd)
    con = buka(db)
    try:
        akun.ubah_pengaturan(con, pelaku=akun.sistem("uji"), kunci="baca_perlu_masuk", nilai="ya")
        p = _analis(con)
        _, sah = _kuki(con, p)
        basi_id, basi = _kuki(con, p)
        con.execute("UPDATE sesi SET terakhir_aktif = now()::TIMESTAMP - INTERVAL 2 HOUR WHERE id = $i",
                    {"i": basi_id})
    finally:
        con.close()
    s = mulai_server(db, folder / "server.log", {"PANTAU_RAHASIA_SESI": str(rahasia)})
    s.kuki = {"sah": sah, "basi": basi}
    yield s
    hentikan(s)


PARAM = "?provinsi=65&daerah=65.01&tahun=2024"


def _layar_masuk(page) -> bool:
    return page.locator("h1").first.inner_text() == "Masuk ke Pantau"


def _masuk_sebagai(page) -> str:
    return page.get_by_test_id("akun-nama").inner_text() if page.get_by_test_id("akun-nama").count() else ""


@pytest.mark.peramban
def test_peramban_muat_ulang_tab_baru_keluar(server_sesi, peramban):
    from tests.bantuan_peramban import UKURAN, masuk, tangkap_layar, tanpa_galat, tunggu_rerun, tunggu_siap

    ctx = peramban.new_context(viewport=UKURAN["1920x1080"], locale="id-ID")
    try:
        a = ctx.new_page()
        a.galat = []
        a.on("pageerror", lambda e: a.galat.append(str(e)))
        a.goto(server_sesi.url + "/Impor" + PARAM)
        tunggu_siap(a)
        assert _layar_masuk(a)
        masuk(a, "demo.operator.bulungan", "demo-operator-2026")
        a.wait_for_selector("html[data-pantau-sesi='terpasang']", state="attached", timeout=15_000)
        assert _masuk_sebagai(a) == "Operator Bulungan (demo)"
        kuki = {k["name"]: k for k in ctx.cookies()}["pantau_sesi"]
        assert kuki["httpOnly"] and kuki["sameSite"] == "Strict" and kuki["path"] == "/"
        assert "pantau_sesi" not in a.evaluate("document.cookie")  # skrip halaman tidak dapat membacanya
        assert kuki["value"].startswith("v1.")

        # F5 di halaman Impor tepat sesudah masuk: tetap masuk, formulir unggah tampil
        a.reload()
        tunggu_siap(a)
        assert not _layar_masuk(a) and _masuk_sebagai(a) == "Operator Bulungan (demo)"
        assert a.get_by_text("Berkas impor").count() >= 1
        tangkap_layar(a, "sesi-muat-ulang-tetap-masuk-1920x1080")

        # tab baru dari tautan yang dibagikan
        b = ctx.new_page()
        b.goto(server_sesi.url + "/Desk_Urusan?provinsi=65&daerah=65&tahun=2024&urusan=1.02")
        tunggu_siap(b)
        assert not _layar_masuk(b) and _masuk_sebagai(b) == "Operator Bulungan (demo)"

        # keluar di tab pertama: muat ulang -> keluar; tab kedua juga keluar (sesinya dicabut di server)
        a.locator('[data-testid="stSidebar"]').get_by_role("button", name="Keluar").click()
        tunggu_rerun(a)
        a.wait_for_selector("html[data-pantau-sesi='keluar']", state="attached", timeout=15_000)
        assert "pantau_sesi" not in {k["name"] for k in ctx.cookies()}
        a.reload()
        tunggu_siap(a)
        assert _layar_masuk(a)
        tangkap_layar(a, "sesi-keluar-muat-ulang-1920x1080")
        b.reload()
        tunggu_siap(b)
        assert _layar_masuk(b)
        tanpa_galat(a)
    finally:
        ctx.close()


@pytest.mark.peramban
@pytest.mark.parametrize("kasus", ["sah", "basi", "token_diubah", "tanda_tangan_diubah", "kunci_lain"])
def test_peramban_kuki_kedaluwarsa_dan_palsu_ditolak(server_sesi, peramban, kasus):
    import hashlib
    import hmac

    from tests.bantuan_peramban import UKURAN, tangkap_layar, tanpa_galat, tunggu_siap

    v, token, exp, ttd = server_sesi.kuki["sah"].split(".")
    nilai = {
        "sah": server_sesi.kuki["sah"],  # pembanding: kuki aslinya memang membuat masuk
        "basi": server_sesi.kuki["basi"],  # sah bertanda tangan, tetapi 2 jam tanpa aktivitas (menit_sesi = 60)
        "token_diubah": f"{v}.{token[:-1]}{'A' if token[-1] != 'A' else 'B'}.{exp}.{ttd}",
        "tanda_tangan_diubah": f"{v}.{token}.{int(exp) + 86_400}.{ttd}",
        "kunci_lain": f"{v}.{token}.{exp}." + hmac.new(b"bukan-kunci-server" * 3, f"{v}.{token}.{exp}".encode(),
                                                       hashlib.sha256).hexdigest(),
    }[kasus]
    ctx = peramban.new_context(viewport=UKURAN["1920x1080"], locale="id-ID")
    try:
        ctx.add_cookies([{"name": "pantau_sesi", "value": nilai, "url": server_sesi.url, "httpOnly": True,
                          "sameSite": "Strict"}])
        page = ctx.new_page()
        page.galat = []
        page.on("pageerror", lambda e: page.galat.append(str(e)))
        page.goto(server_sesi.url + "/Indikator" + PARAM)
        tunggu_siap(page)
        if kasus == "sah":
            assert not _layar_masuk(page) and _masuk_sebagai(page) == "Analis Bappeda (demo)"
        else:
            assert _layar_masuk(page), kasus
            if kasus == "basi":
                assert page.get_by_text("Sesi berakhir karena tidak ada aktivitas").count() == 1
                tangkap_layar(page, "sesi-kuki-kedaluwarsa-1920x1080")
        tanpa_galat(page)
    finally:
        ctx.close()
