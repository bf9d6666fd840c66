"""Akun, peran dan izin (keputusan #7): setiap peran melihat dan dapat melakukan tepat yang seharusnya, ditegakkan
di tempat data ditulis; operator hanya daerahnya; penguncian setelah 5 kali gagal dengan pesan yang sama untuk
akun yang tidak ada; sesi (masuk, keluar, batas waktu); perintah ``pengguna``; halaman Riwayat."""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from pantau import akun, desk
from pantau.akun import GagalMasuk, Pengguna, TidakBerizin
from pantau.db import buka, cadangan
from pantau.impor import ImporGagal, impor_berkas
from pantau.impor.batal import batalkan_impor
from pantau.jalur import ROOT
from tests.bantuan import isi_db, tulis_csv
from tests.bantuan_halaman import jalankan_halaman, masuk, polos, sandi_demo

PIMPINAN = Pengguna("demo.pimpinan", "Kepala Bappeda (demo)", "pimpinan")
ANALIS = Pengguna("demo.analis", "Analis Bappeda (demo)", "analis")
OPERATOR = Pengguna("demo.operator.bulungan", "Operator Bulungan (demo)", "operator", "65.01")
ADMIN = Pengguna("demo.admin", "Administrator (demo)", "admin")
PERAN = {"pimpinan": PIMPINAN, "analis": ANALIS, "operator": OPERATOR, "admin": ADMIN}

# Tabel peran x aksi yang DIHARAPKAN (ditulis ulang di sini, bukan disalin dari kode).
# Y = boleh, D = hanya daerahnya sendiri (65.01 untuk operator Bulungan), - = ditolak.
HARAPAN = """
aksi             pimpinan analis operator admin
baca                 Y       Y       Y      Y
ekspor               Y       Y       Y      Y
lihat_riwayat        Y       Y       Y      Y
catatan_desk         -       Y       -      -
dukungan_desk        -       Y       D      -
keputusan_usulan     -       Y       -      Y
impor                -       -       D      Y
batal_impor          -       -       -      Y
pulihkan             -       -       -      Y
pengaturan           -       -       -      Y
skala_predikat       -       -       -      Y
kelola_akun          -       -       -      Y
"""


def _harapan() -> dict[tuple[str, str], str]:
    baris = [b.split() for b in HARAPAN.strip().splitlines()]
    peran = baris[0][1:]
    return {(p, b[0]): b[1 + i] for b in baris[1:] for i, p in enumerate(peran)}


KASUS = sorted(_harapan().items())


def test_tabel_izin_di_kode_sama_dengan_harapan():
    kode = {"Y": akun.YA, "D": akun.DAERAH_SENDIRI, "-": akun.TIDAK}
    assert {k: kode[v] for k, v in _harapan().items()} == akun.IZIN


@pytest.mark.parametrize(("peran_aksi", "harap"), KASUS, ids=[f"{p}-{a}" for (p, a), _ in KASUS])
def test_periksa_izin_boleh_dan_ditolak(peran_aksi, harap):
    peran, aksi = peran_aksi
    p = PERAN[peran]
    if harap == "Y":
        akun.periksa_izin(p, aksi, daerah="65.03")
        akun.periksa_izin(p, aksi)
    elif harap == "D":
        akun.periksa_izin(p, aksi, daerah="65.01")
        with pytest.raises(TidakBerizin, match="65.03"):
            akun.periksa_izin(p, aksi, daerah={"65.01", "65.03"})
    else:
        with pytest.raises(TidakBerizin, match="tidak berwenang"):
            akun.periksa_izin(p, aksi, daerah="65.01")
    with pytest.raises(TidakBerizin, match="Masuk dulu"):
        akun.periksa_izin(None, aksi)


# -- penegakan di tempat data ditulis: setiap peran x setiap jalur tulis --------------------------------------

@pytest.fixture
def db(db_demo, tmp_path):
    path = tmp_path / "pantau.duckdb"
    shutil.copyfile(db_demo, path)
    return path


def _realisasi(folder, daerah_baris: list[str], nilai: float = 77.7):
    return tulis_csv(folder, "realisasi", [
        {"daerah_kode": d, "periode_rpjmd": "2021-2026", "indikator_kode": "IKU-01", "tahun": 2024,
         "periode": "TAHUN", "realisasi": nilai, "status": "tetap"} for d in daerah_baris])


def _tulis(aksi: str, con, path, p: Pengguna, tmp_path):
    """Jalankan jalur tulis sungguhan untuk ``aksi`` sebagai pengguna ``p``."""
    if aksi == "impor":
        impor_berkas(con, _realisasi(tmp_path / "imp", ["65.01"]).parent, pengguna=p)
    elif aksi == "catatan_desk":
        desk.simpan_catatan(con, urusan="1.02", daerah="65.01", tahun=2024, pendorong="uji izin", penghambat=None,
                            tindak_lanjut=None, versi_dasar=0, pengguna=p)
    elif aksi == "dukungan_desk":
        from pantau.desk import dukungan

        ind = con.execute("SELECT id FROM indikator WHERE daerah_kode = '65.01' AND kode = 'KES-01'").fetchone()[0]
        dukungan.tambah(con, pengguna=p, daerah="65.01", tahun=2026, indikator_id=ind,
                        sub_kegiatan_kode="1.02.02.2.01.0014", perangkat_daerah="Dinas Kesehatan", pagu=1e8)
    elif aksi == "batal_impor":  # impor terakhir: realisasi yang disiapkan uji (lihat _siapkan)
        batalkan_impor(con, con.execute("SELECT max(id) FROM impor").fetchone()[0], pengguna=p)
    elif aksi == "pengaturan":
        akun.ubah_pengaturan(con, pelaku=p, kunci="menit_sesi", nilai="30")
    elif aksi == "kelola_akun":
        akun.tambah_pengguna(con, pelaku=p, nama_pengguna="baru.uji", nama_lengkap="Baru", peran="analis",
                             sandi="sandi-baru-uji-1")
    elif aksi == "pulihkan":
        c = cadangan.buat(con, "uji-izin")
        con.close()
        cadangan.pulihkan(path, c.nama, pengguna=p)
    else:
        raise AssertionError(aksi)


def _siapkan(aksi: str, con, tmp_path) -> None:
    """Keadaan sebelum aksi: batal_impor membatalkan impor realisasi kecil yang dibuat admin di sini (impor #1 data
    demo memuat prioritas dan usulan, yang pembatalannya ditolak, keputusan #20)."""
    if aksi == "batal_impor":
        impor_berkas(con, _realisasi(tmp_path / "awal", ["65.01"], nilai=12.3).parent, pengguna=ADMIN)


JALUR_TULIS = [pytest.param(k, v, id=f"{k[0]}-{k[1]}")
               for k, v in KASUS if k[1] in ("impor", "catatan_desk", "dukungan_desk", "batal_impor", "pengaturan",
                                             "kelola_akun", "pulihkan")]


@pytest.mark.parametrize(("peran_aksi", "harap"), JALUR_TULIS)
def test_jalur_tulis_menegakkan_izin(db, tmp_path, peran_aksi, harap):
    peran, aksi = peran_aksi
    con = buka(db)
    try:
        _siapkan(aksi, con, tmp_path)
        sebelum = isi_db(con)
        if harap == "-":
            with pytest.raises(TidakBerizin):
                _tulis(aksi, con, db, PERAN[peran], tmp_path)
            if aksi == "pulihkan":
                con = buka(db)
            assert isi_db(con) == sebelum, "penolakan tidak boleh mengubah apa pun"
        else:
            _tulis(aksi, con, db, PERAN[peran], tmp_path)
            if aksi == "pulihkan":
                con = buka(db)
            else:
                assert isi_db(con) != sebelum
                oleh = con.execute("SELECT oleh FROM riwayat ORDER BY id DESC LIMIT 1").fetchone()[0]
                assert oleh == PERAN[peran].nama_pengguna  # riwayat mencatat akun yang masuk
    finally:
        try:
            con.close()
        except Exception:  # noqa: BLE001
            pass


def test_operator_bulungan_dengan_baris_nunukan_tidak_mengubah_apa_pun(db, tmp_path):
    con = buka(db)
    try:
        sebelum = isi_db(con)
        folder = _realisasi(tmp_path / "campur", ["65.01", "65.03"]).parent
        with pytest.raises(ImporGagal) as e:
            impor_berkas(con, folder, pengguna=OPERATOR, cadangan=True)
        assert isi_db(con) == sebelum
        [m] = e.value.masalah
        assert (m.lembar, m.baris, m.kolom, m.nilai) == ("realisasi", 3, "daerah_kode", "65.03")
        assert "hanya boleh mengimpor data daerah 65.01" in m.pesan and "seluruh berkas ditolak" in m.pesan
        assert "baris 3" in e.value.laporan()
        assert not (db.parent / "pantau.duckdb.cadangan").exists() or not list(
            (db.parent / "pantau.duckdb.cadangan").iterdir()), "penolakan terjadi sebelum cadangan dibuat"
        # berkas yang hanya berisi Bulungan diterima, atas nama operator
        impor_berkas(con, _realisasi(tmp_path / "bulungan", ["65.01"]).parent, pengguna=OPERATOR)
        assert con.execute("SELECT DISTINCT oleh FROM riwayat WHERE impor_id = (SELECT max(id) FROM impor)"
                           ).fetchall() == [("demo.operator.bulungan",)]
    finally:
        con.close()


def test_cli_impor_tanpa_pengguna_adalah_tindakan_admin(db, tmp_path):
    """Perintah baris (shell server) memakai --oleh dan boleh untuk semua daerah."""
    folder = _realisasi(tmp_path / "cli", ["65.01", "65.03"]).parent
    r = subprocess.run([sys.executable, "-m", "pantau", "impor", str(folder), "--db", str(db),
                        "--oleh", "petugas.server"], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    con = buka(db)
    try:
        assert con.execute("SELECT count(*) FROM riwayat WHERE oleh = 'petugas.server'").fetchone()[0] == 2
    finally:
        con.close()


# -- masuk, penguncian --------------------------------------------------------------------------------------

def test_lima_kali_salah_mengunci_dengan_pesan_yang_sama_dengan_akun_tak_dikenal(db):
    con = buka(db)
    try:
        t0 = datetime(2026, 1, 5, 9, 0, 0)
        pesan_salah = []
        for i in range(5):
            with pytest.raises(GagalMasuk) as e:
                akun.masuk(con, "demo.analis", "bukan-sandinya", sekarang=t0 + timedelta(seconds=i))
            pesan_salah.append(str(e.value))
        terkunci = con.execute("SELECT terkunci_sampai FROM pengguna WHERE nama_pengguna = 'demo.analis'").fetchone()[0]
        assert terkunci == t0 + timedelta(seconds=4) + akun.LAMA_KUNCI
        # sandi benar pun ditolak selama terkunci, dengan pesan yang sama
        with pytest.raises(GagalMasuk) as e_kunci:
            akun.masuk(con, "demo.analis", sandi_demo("demo.analis"), sekarang=t0 + timedelta(minutes=10))
        with pytest.raises(GagalMasuk) as e_asing:
            akun.masuk(con, "tidak.pernah.ada", "apa-saja-123", sekarang=t0 + timedelta(minutes=10))
        assert {*pesan_salah, str(e_kunci.value), str(e_asing.value)} == {akun.PESAN_GAGAL_MASUK}
        assert "tidak ada" not in akun.PESAN_GAGAL_MASUK.lower().split("akun sedang")[0]
        # sesudah 15 menit dapat masuk lagi, dan hitungan gagal kembali nol
        p = akun.masuk(con, "demo.analis", sandi_demo("demo.analis"), sekarang=t0 + timedelta(minutes=20))
        assert p.peran == "analis"
        assert con.execute("SELECT gagal_berturut, terkunci_sampai, terakhir_masuk FROM pengguna "
                           "WHERE nama_pengguna = 'demo.analis'").fetchone() == (0, None, t0 + timedelta(minutes=20))
    finally:
        con.close()


def test_waktu_gagal_serupa_untuk_akun_ada_dan_tidak_ada(db, monkeypatch):
    """Akun yang tidak ada tetap memverifikasi hash tiruan: waktunya serupa dengan sandi salah."""
    dipanggil = []
    import pantau.akun.autentikasi as modul_masuk

    asli = modul_masuk.cocok
    monkeypatch.setattr(modul_masuk, "cocok", lambda h, s: dipanggil.append(h) or asli(h, s))
    con = buka(db)
    try:
        def ukur(nama):
            t = time.perf_counter()
            with pytest.raises(GagalMasuk):
                akun.masuk(con, nama, "salah-sandi-123", sekarang=datetime(2026, 1, 1))
            return time.perf_counter() - t

        ukur("tidak.ada")
        assert dipanggil == [None], "akun tak dikenal harus memverifikasi hash tiruan"
        ada = statistics.median(ukur("demo.pimpinan") for _ in range(3))
        tiada = statistics.median(ukur("tidak.ada") for _ in range(3))
        assert 0.33 < tiada / ada < 3, (ada, tiada)
    finally:
        con.close()


def test_sandi_hanya_sebagai_hash_argon2(db):
    con = buka(db)
    try:
        for nama, hash_ in con.execute("SELECT nama_pengguna, hash_sandi FROM pengguna").fetchall():
            assert hash_.startswith("$argon2id$")
            assert sandi_demo(nama) not in hash_
        with pytest.raises(akun.KesalahanAkun, match="paling sedikit"):
            akun.tambah_pengguna(con, pelaku=ADMIN, nama_pengguna="pendek", nama_lengkap="P", peran="analis",
                                 sandi="abc")
        with pytest.raises(akun.KesalahanAkun, match="Operator wajib"):
            akun.tambah_pengguna(con, pelaku=ADMIN, nama_pengguna="op.x", nama_lengkap="P", peran="operator",
                                 sandi="sandi-panjang-1")
    finally:
        con.close()


# -- perintah baris -------------------------------------------------------------------------------------------

def _pantau(*args, masukan: str | None = None):
    return subprocess.run([sys.executable, "-m", "pantau", *args], cwd=ROOT, capture_output=True, text=True,
                          input=masukan, timeout=120)


def test_cli_pengguna_tambah_daftar_nonaktif_reset(tmp_path):
    path = tmp_path / "baru.duckdb"
    assert _pantau("init", "--db", str(path)).returncode == 0
    r = _pantau("pengguna", "tambah", "admin.bappeda", "--peran", "admin", "--nama-lengkap", "Admin Bappeda",
                "--sandi-stdin", "--db", str(path), "--oleh", "root", masukan="sandi-pertama-123\n")
    assert r.returncode == 0, r.stderr
    assert "Akun admin.bappeda (Administrator) dibuat." in r.stdout
    r = _pantau("pengguna", "tambah", "op.nunukan", "--peran", "operator", "--sandi-stdin", "--db", str(path),
                masukan="sandi-operator-123\n")
    assert r.returncode == 1 and "Operator wajib punya daerah" in r.stderr
    r = _pantau("pengguna", "tambah", "op.nunukan", "--peran", "operator", "--daerah", "65.03", "--sandi-stdin",
                "--db", str(path), masukan="sandi-operator-123\n")
    assert r.returncode == 0, r.stderr
    r = _pantau("pengguna", "daftar", "--db", str(path))
    assert "admin.bappeda" in r.stdout and "op.nunukan" in r.stdout and "operator 65.03" in r.stdout
    assert _pantau("pengguna", "nonaktifkan", "op.nunukan", "--db", str(path)).returncode == 0
    con = buka(path)
    try:
        with pytest.raises(GagalMasuk):
            akun.masuk(con, "op.nunukan", "sandi-operator-123")
    finally:
        con.close()
    assert _pantau("pengguna", "aktifkan", "op.nunukan", "--db", str(path)).returncode == 0
    assert _pantau("pengguna", "reset-sandi", "op.nunukan", "--sandi-stdin", "--db", str(path),
                   masukan="sandi-kedua-4567\n").returncode == 0
    con = buka(path)
    try:
        assert akun.masuk(con, "op.nunukan", "sandi-kedua-4567").daerah_kode == "65.03"
        riw = con.execute("SELECT oleh, kunci, kolom, nilai_lama, nilai_baru FROM riwayat WHERE tabel = 'pengguna' "
                          "ORDER BY id").fetchall()
        assert ("root", "admin.bappeda", "peran", None, "admin") in riw
        assert any(k == "hash_sandi" and b == "(diganti)"
                   for _, _, k, _, b in [(r[0], r[1], r[2], r[3], r[4]) for r in riw])
        assert not any("sandi-" in str(v) for r in riw for v in r)
        assert con.execute("SELECT nilai FROM pengaturan WHERE kunci = 'baca_perlu_masuk'").fetchone()[0] == "ya"
    finally:
        con.close()


def test_cli_sandi_bukan_argumen():
    r = _pantau("pengguna", "tambah", "x.y", "--peran", "admin", "--sandi", "rahasia123")
    assert r.returncode == 2 and "argumen tidak dikenal" in r.stderr


# -- sesi di dasbor (AppTest) ---------------------------------------------------------------------------------

HALAMAN_SEMUA = [None, "pages/1_Indikator.py", "pages/2_Daerah.py", "pages/3_Impor.py", "pages/4_Kualitas_Data.py",
                 "pages/5_Desk_Urusan.py", "pages/6_Laporan.py", "pages/7_Riwayat.py", "pages/8_Pengaturan.py",
                 "pages/9_Usulan.py"]


@pytest.fixture
def db_tertutup(db, monkeypatch):
    """Salinan demo dengan baca_perlu_masuk = 'ya' (seperti basis data buatan `init`)."""
    con = buka(db)
    akun.ubah_pengaturan(con, pelaku=ADMIN, kunci="baca_perlu_masuk", nilai="ya")
    con.close()
    monkeypatch.setenv("PANTAU_DB", str(db))
    return db


def _buka(halaman=None, **params) -> AppTest:
    return jalankan_halaman(halaman, **{"provinsi": "65", "daerah": "65.01", "tahun": "2024", **params})


def test_tautan_dalam_meminta_masuk_bila_membaca_perlu_masuk(db_tertutup):
    from pantau.ui.bingkai import HALAMAN

    assert sorted(h for h in HALAMAN_SEMUA if h) == sorted(s for s, _, _ in HALAMAN if s != "dashboard.py")
    for h in HALAMAN_SEMUA:
        at = _buka(h)
        assert [t.value for t in at.title] == ["Masuk ke Pantau"], h
        assert not at.dataframe and not at.get("plotly_chart") and not at.metric, h
        assert not at.selectbox, f"{h}: filter tampil sebelum masuk"
        assert not any("belum punya akun" in i.value for i in at.info)


def test_layar_masuk_tanpa_akun_menjelaskan_akun_admin_pertama(tmp_path, monkeypatch):
    from pantau.db import siapkan

    path = tmp_path / "init.duckdb"
    siapkan(path)  # seperti `init`
    monkeypatch.setenv("PANTAU_DB", str(path))
    at = _buka("pages/2_Daerah.py")
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]
    assert any("pengguna tambah NAMA --peran admin" in i.value for i in at.info)


def test_masuk_nama_peran_keluar_dan_batas_waktu(db_tertutup):
    at = _buka("pages/1_Indikator.py")
    masuk(at, "demo.analis", "salah-sekali-123", tempat="utama")
    assert [e.value for e in at.error] == [akun.PESAN_GAGAL_MASUK]
    masuk(at, "demo.analis", tempat="utama")
    sidebar = " ".join(m.value for m in at.sidebar.markdown)
    assert "Analis Bappeda (demo)" in sidebar and "Analis" in sidebar and "demo.analis" in sidebar
    assert at.title[0].value != "Masuk ke Pantau"
    # keluar -> diminta masuk lagi
    at.button(key="keluar").click()
    at.run()
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]
    # batas waktu sesi: menit_sesi tanpa aktivitas
    masuk(at, "demo.analis", tempat="utama")
    at.session_state["akun_aktif_terakhir"] = time.time() - 61 * 60
    at.run()
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]
    assert any("Sesi berakhir" in i.value and "60 menit" in i.value for i in at.info)


def test_akun_dinonaktifkan_keluar_pada_interaksi_berikutnya(db_tertutup):
    at = _buka()
    masuk(at, "demo.pimpinan", tempat="utama")
    assert at.title[0].value != "Masuk ke Pantau"
    from pantau.ui import data

    akun.atur_aktif(data.basis_data(), pelaku=ADMIN, nama_pengguna="demo.pimpinan", aktif=False)
    at.run()
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]


@pytest.mark.parametrize(("nama", "unggah", "catatan"), [
    ("demo.pimpinan", False, False), ("demo.analis", False, True),
    ("demo.operator.bulungan", True, False), ("demo.admin", True, False)])
def test_halaman_menampilkan_sesuai_peran(db, monkeypatch, nama, unggah, catatan):
    """Yang DILIHAT tiap peran: unggahan impor dan formulir catatan desk hanya untuk yang berwenang."""
    monkeypatch.setenv("PANTAU_DB", str(db))
    at = _buka("pages/3_Impor.py")
    masuk(at, nama)
    assert bool(at.file_uploader) is unggah
    if not unggah:
        assert any("tidak berwenang mengimpor" in w.value for w in at.warning)
    at = _buka("pages/5_Desk_Urusan.py", provinsi="62", daerah="62", urusan="1.02")
    masuk(at, nama)
    assert any(t.key == "pendorong|1.02|62|2024|0" for t in at.text_area) is catatan
    assert not [t for t in at.text_input if t.key == "notulis"]


def test_halaman_impor_operator_ditolak_untuk_baris_daerah_lain(db, monkeypatch, tmp_path):
    monkeypatch.setenv("PANTAU_DB", str(db))
    at = _buka("pages/3_Impor.py")
    masuk(at, "demo.operator.bulungan")
    con = buka(db)
    sebelum = isi_db(con)
    con.close()
    isi = _realisasi(tmp_path / "h", ["65.01", "65.03"]).read_bytes()
    at.file_uploader(key="berkas").set_value(("realisasi.csv", isi, "text/csv"))
    at.run()
    assert not at.exception
    assert any("Berkas ditolak" in e.value for e in at.error)
    pesan = " ".join(str(d.value["Pesan"].tolist()) for d in at.dataframe if "Pesan" in d.value.columns)
    assert "65.03" in pesan and "hanya boleh mengimpor data daerah 65.01" in pesan
    assert not [b for b in at.button if b.key == "konfirmasi"]
    con = buka(db)
    assert isi_db(con) == sebelum
    con.close()


def test_halaman_riwayat_saring_dan_unduh(db, monkeypatch, tmp_path):
    con = buka(db)
    impor_berkas(con, _realisasi(tmp_path / "r", ["65.01"], 88.8).parent, pengguna=OPERATOR)
    con.close()
    monkeypatch.setenv("PANTAU_DB", str(db))
    at = _buka("pages/7_Riwayat.py")
    assert any("Masuk dulu untuk membaca riwayat" in i.value for i in at.info)
    assert not at.dataframe
    masuk(at, "demo.pimpinan")
    assert not at.exception
    df = at.dataframe[0].value
    assert set(df["Daerah"]) == {"Kabupaten Bulungan"}
    at.selectbox(key="riwayat_oleh").set_value("demo.operator.bulungan").run()
    df = at.dataframe[0].value
    assert len(df) == 1 and df.iloc[0]["Oleh"] == "demo.operator.bulungan" and df.iloc[0]["Nilai baru"] == "88,8"
    assert {b.label for b in at.get("download_button")} >= {"Unduh CSV", "Unduh Excel"}
    at.selectbox(key="riwayat_daerah").set_value("65.03").run()
    assert not at.dataframe


# -- OpenID Connect (st.login): surel penyedia dipetakan ke akun Pantau --------------------------------------

class _UserPalsu(dict):
    def __getattr__(self, k):
        return self[k]


def test_oidc_tanpa_konfigurasi_tidak_ada_tombol(db_tertutup):
    at = _buka()
    assert not [b for b in at.button if b.key and b.key.startswith("masuk_oidc")]
    assert not at.error and not at.warning


def test_oidc_surel_dipetakan_ke_akun(db_tertutup, monkeypatch):
    import streamlit

    from pantau.ui import masuk as masuk_ui

    con = buka(db_tertutup)
    akun.tambah_pengguna(con, pelaku=ADMIN, nama_pengguna="sri.analis", nama_lengkap="Sri Analis", peran="analis",
                         sandi=None, surel="Sri@Bappeda.go.id")
    assert akun.cari_surel(con, "sri@bappeda.go.id").nama_pengguna == "sri.analis"
    assert akun.cari_surel(con, "orang@lain.go.id") is None
    con.close()
    monkeypatch.setattr(masuk_ui, "oidc_diatur", lambda: True)
    monkeypatch.setattr(streamlit, "user", _UserPalsu(is_logged_in=True, email="orang@lain.go.id"))
    at = _buka()
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]
    assert any("orang@lain.go.id belum terdaftar" in polos(w.value) for w in at.warning)
    assert [b for b in at.button if b.key == "masuk_oidc_utama"]
    monkeypatch.setattr(streamlit, "user", _UserPalsu(is_logged_in=True, email="sri@bappeda.go.id"))
    at.session_state["akun_oidc_asing"] = None
    at.run()
    assert at.title[0].value != "Masuk ke Pantau"
    assert "Sri Analis" in " ".join(m.value for m in at.sidebar.markdown)


def test_migrasi_003_pada_basis_data_lama_menyimpan_riwayat(tmp_path, monkeypatch):
    """Basis data skema 2 (sebelum akun): migrasi 003 menambah `pengguna` dan membuat ulang `riwayat` dengan isi
    dan urutan id yang sama, dan riwayat lalu menerima tabel = 'pengguna'."""
    from pantau import db as modul_db

    semua = modul_db.migrasi()
    con = buka(tmp_path / "lama.duckdb")
    # skema 2 dipasang langsung dari berkas migrasinya (aturan.sql selalu mengikuti skema terbaru)
    for f in semua[:2]:
        con.execute(f.read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    assert modul_db.versi_skema(con) == 2
    con.execute("INSERT INTO riwayat (waktu, oleh, tabel, aksi, kunci) VALUES (TIMESTAMP '2025-01-01', 'lama', "
                "'pengaturan', 'ubah', 'rumus_negatif')")
    assert modul_db.pasang_skema(con) == len(semua) >= 3
    assert con.execute("SELECT id, oleh FROM riwayat").fetchall() == [(1, "lama")]
    con.execute("INSERT INTO riwayat (waktu, oleh, tabel, aksi, kunci) VALUES (now(), 'admin', 'pengguna', "
                "'tambah', 'x')")
    assert con.execute("SELECT max(id) FROM riwayat").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM pengguna").fetchone()[0] == 0
    con.close()
