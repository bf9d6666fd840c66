"""Serangan: izin lewat setiap jalan masuk halaman (isu #17, kelas 5).

Tabel izin diuji baris demi baris di pustaka (tests/test_akun.py ``test_jalur_tulis_menegakkan_izin``). Di sini
penyerang memakai halaman seperti pengguna yang nakal: URL yang dirakit (daerah lain), widget yang dipalsukan atau
diputar ulang (nilai pilihan yang tidak pernah ditawarkan, tombol yang dinonaktifkan, widget milik sesi lain atau
sesi yang sudah berakhir), lima kali sandi salah, dan pengunjung tanpa akun saat membaca memerlukan masuk. Setelah
setiap percobaan isi basis data diperiksa (sidik setiap tabel data), bukan hanya "tidak ada pengecualian".
"""
from __future__ import annotations

import hashlib
import time

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

from pantau import akun
from pantau.akun import PESAN_GAGAL_MASUK
from pantau.db import buka
from tests.bantuan_halaman import buka_rincian_desk, jalankan_halaman, masuk
from tests.serangan.pantauan import bocor, sidik, teks_halaman

DESK = "pages/5_Desk_Urusan.py"
Q_DESK = dict(provinsi="65", daerah="65", urusan="1.02")
DATA = ["indikator", "target", "realisasi", "dukungan", "catatan_desk", "pengaturan", "skala_predikat", "impor"]


def _sidik_data() -> dict:
    """sha256 isi setiap tabel data lewat koneksi halaman (masuk/sesi/riwayat boleh berubah, data tidak)."""
    from pantau.ui import data

    cur = data.basis_data().cursor()
    try:
        hasil = {}
        for t in DATA:  # nama tabel dari daftar tetap
            baris = cur.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            hasil[t] = hashlib.sha256(repr(baris).encode()).hexdigest()
        hasil["riwayat_data"] = cur.execute(
            "SELECT count(*) FROM riwayat WHERE tabel IN ('indikator', 'target', 'realisasi', 'dukungan', "
            "'catatan_desk', 'pengaturan', 'skala_predikat')").fetchone()[0]
        return hasil
    finally:
        cur.close()


@pytest.fixture
def halaman_db(db_salinan, monkeypatch):
    """Salinan demo dibuka halaman; koneksi halaman ditutup sesudahnya (berkas lain di uji berikutnya)."""
    import streamlit as st

    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    yield db_salinan
    from pantau.ui import data

    try:
        data._basis_data(data.path_db()).tutup()
    except Exception:  # noqa: BLE001
        pass
    st.cache_resource.clear()
    st.cache_data.clear()


def _palsukan(at, ubah: dict[str, str] | None = None, tambah: list[WidgetState] | None = None,
              ganti: dict[str, dict] | None = None) -> None:
    """Klien jahat: pada run berikutnya kirim ``string_value`` yang dipalsukan (``ubah``) atau medan lain
    (``ganti``: id -> {medan: nilai}, juga untuk widget yang dinonaktifkan) untuk widget ber-id tertentu, dan/atau
    status widget tambahan (``tambah``: widget yang tidak tampil untuk akun ini)."""
    asli = at._tree.get_widget_states

    def palsu():
        ws = asli()
        ada = set()
        for w in ws.widgets:
            ada.add(w.id)
            if w.id in (ubah or {}):
                w.string_value = ubah[w.id]
            for medan, nilai in (ganti or {}).get(w.id, {}).items():
                setattr(w, medan, nilai)
        for i, medan in (ganti or {}).items():
            if i not in ada:
                ws.widgets.append(WidgetState(id=i, **medan))
        ws.widgets.extend(tambah or [])
        return ws

    at._tree.get_widget_states = palsu


def _dk_daerah(at):
    return [s for s in at.selectbox if str(s.key).startswith("dk-daerah|")]


# -- operator: daerah lain lewat URL dan widget yang dipalsukan -----------------------------------------------

def test_operator_url_daerah_lain_tidak_membuka_kendali_daerah_lain(halaman_db):
    at = jalankan_halaman(DESK, **Q_DESK, catatan_daerah="65.03")
    masuk(at, "demo.operator.bulungan")
    buka_rincian_desk(at)  # expander dukungan dibangun hanya saat dibuka (keputusan #15)
    sebelum = _sidik_data()
    at = jalankan_halaman(DESK, **{**Q_DESK, "daerah": "65.03", "catatan_daerah": "65.03"})
    at = masuk(at, "demo.operator.bulungan")
    buka_rincian_desk(at)  # expander dukungan dibangun hanya saat dibuka (keputusan #15)
    assert not at.text_area, "operator tidak menulis catatan desk (daerah mana pun)"
    assert _dk_daerah(at) and all(s.options == ["Bulungan"] for s in _dk_daerah(at))
    assert _sidik_data() == sebelum


def test_operator_memalsukan_pilihan_daerah_lalu_menambah_dukungan(halaman_db):
    """Pilihan 'Daerah yang dibahas' hanya menawarkan Bulungan; klien mengirim 'Nunukan' (65.03) lalu mengirim
    formulir tambah: tidak ada dukungan Nunukan yang bertambah."""
    at = jalankan_halaman(DESK, **Q_DESK)
    masuk(at, "demo.operator.bulungan")
    buka_rincian_desk(at)  # expander dukungan dibangun hanya saat dibuka (keputusan #15)
    sebelum = _sidik_data()
    pilih = _dk_daerah(at)[0]
    _palsukan(at, ubah={pilih.id: "Nunukan"})
    at.run()
    assert not at.exception
    pilih = _dk_daerah(at)[0]
    assert pilih.value == "65.01", pilih.value  # nilai palsu tidak diterima: kembali ke satu-satunya pilihan
    assert _sidik_data() == sebelum
    # formulir tambah yang tampil tetap milik Bulungan; dikirim dengan kode sah -> hanya Bulungan yang bertambah
    kode = [s for s in at.selectbox if str(s.key).endswith("|kode") and "|65.01|" in str(s.key)]
    assert kode and not [s for s in at.selectbox if str(s.key).endswith("|kode") and "|65.03|" in str(s.key)]
    from pantau.ui import data

    cur = data.basis_data().cursor()
    nunukan = cur.execute("SELECT count(*) FROM dukungan WHERE daerah_kode = '65.03'").fetchone()[0]
    cur.close()
    kode[0].set_value(kode[0].options[0])
    form = kode[0].key.rsplit("|", 1)[0]
    [b for b in at.button if b.label == "Tambah sub kegiatan" and b.proto.form_id == form][0].click()
    at.run()
    assert not at.exception
    cur = data.basis_data().cursor()
    try:
        assert cur.execute("SELECT count(*) FROM dukungan WHERE daerah_kode = '65.03'").fetchone()[0] == nunukan
        oleh = cur.execute("SELECT daerah_kode FROM dukungan WHERE diubah_oleh = 'demo.operator.bulungan'").fetchall()
    finally:
        cur.close()
    assert {r[0] for r in oleh} <= {"65.01"}


def test_operator_mengirim_toggle_dukungan_daerah_lain(halaman_db):
    """Widget 'sepakati' dukungan Nunukan hanya tampil untuk analis; operator Bulungan mengirim statusnya (id
    widget sama dengan yang dilihat analis): tidak ada callback, baris tidak berubah."""
    at_analis = jalankan_halaman(DESK, **Q_DESK)
    masuk(at_analis, "demo.analis")
    buka_rincian_desk(at_analis)  # expander dukungan dibangun hanya saat dibuka (keputusan #15)
    pilih = _dk_daerah(at_analis)[0]
    pilih.set_value("65.03")
    at_analis.run()
    toggles = [t for t in at_analis.toggle if str(t.key).startswith("dk-sepakat|")]
    assert toggles, "analis melihat kendali dukungan Nunukan"
    sasaran = toggles[0]
    dukungan_id = int(str(sasaran.key).split("|")[1])
    at_analis.session_state["akun"] = None  # sesi analis selesai
    from pantau.ui import data

    def baris():
        cur = data.basis_data().cursor()
        try:
            return cur.execute("SELECT daerah_kode, disepakati, diubah_oleh FROM dukungan WHERE id = $i",
                               {"i": dukungan_id}).fetchone()
        finally:
            cur.close()

    lama = baris()
    assert lama[0] == "65.03"
    at = jalankan_halaman(DESK, **Q_DESK)
    masuk(at, "demo.operator.bulungan")
    buka_rincian_desk(at)  # expander dukungan dibangun hanya saat dibuka (keputusan #15)
    sebelum = _sidik_data()
    ws = WidgetState(id=sasaran.id, bool_value=not lama[1])
    _palsukan(at, tambah=[ws])
    at.run()
    assert not at.exception
    assert baris() == lama and _sidik_data() == sebelum


# -- sesi berakhir atau akun dinonaktifkan: widget yang diputar ulang -----------------------------------------

@pytest.mark.parametrize("cara", ["masih_sah", "kedaluwarsa", "dinonaktifkan", "keluar_di_tab_lain"])
def test_widget_diputar_ulang_sesudah_sesi_berakhir(halaman_db, cara):
    """Analis membuka desk, lalu sesinya berakhir; klik 'sepakati' dari layar lama tidak menulis apa pun.
    Pembanding ``masih_sah``: klik yang sama dengan sesi yang masih berlaku memang menulis."""
    at = jalankan_halaman(DESK, **Q_DESK)
    masuk(at, "demo.analis")
    buka_rincian_desk(at)  # expander dukungan dibangun hanya saat dibuka (keputusan #15)
    _dk_daerah(at)[0].set_value("65.03")
    at.run()
    t = [t for t in at.toggle if str(t.key).startswith("dk-sepakat|")][0]
    sebelum = _sidik_data()
    from pantau.ui import data

    if cara == "kedaluwarsa":
        at.session_state["akun_aktif_terakhir"] = time.time() - 61 * 60
    elif cara == "dinonaktifkan":
        akun.atur_aktif(data.basis_data(), pelaku=akun.sistem("uji"), nama_pengguna="demo.analis", aktif=False)
    elif cara == "keluar_di_tab_lain":
        akun.cabut_sesi(data.basis_data(), sesi_id=at.session_state["akun_sesi_id"], karena="keluar")
    t.set_value(not t.value)
    at.run()
    assert not at.exception
    if cara == "masih_sah":
        assert _sidik_data()["dukungan"] != sebelum["dukungan"]
        return
    assert _sidik_data() == sebelum, cara
    teks = teks_halaman(at)
    assert not bocor(teks)
    assert not [x for x in at.toggle if str(x.key).startswith("dk-sepakat|")], "kendali tetap tampil"
    if cara == "kedaluwarsa":
        assert "Sesi berakhir karena tidak ada aktivitas" in teks or "Sesi Anda sudah berakhir" in teks


# -- pimpinan, analis, operator: tombol yang dinonaktifkan dan formulir yang tidak ditampilkan ---------------

@pytest.mark.parametrize("nama", ["demo.pimpinan", "demo.analis", "demo.operator.bulungan", "demo.admin"])
def test_simpan_pengaturan_dinonaktifkan_diklik_paksa(halaman_db, nama):
    """Pembanding demo.admin: pemalsuan yang sama memang mengubah pengaturan bila akunnya berwenang."""
    at = jalankan_halaman("pages/8_Pengaturan.py", provinsi="65", daerah="65.01")
    masuk(at, nama)
    sebelum = _sidik_data()
    tombol = [b for b in at.button if b.label == "Simpan pengaturan"]
    admin = nama == "demo.admin"
    assert tombol and tombol[0].disabled is not admin
    assert bool([b for b in at.button if b.label == "Batalkan impor"]) is admin, "pembatalan impor hanya admin"
    # klien mengirim nilai baru untuk isian yang nonaktif dan klik tombol yang nonaktif
    ganti = {n.id: {"double_value": float(n.value or 0) + 7} for n in at.number_input}
    ganti |= {s.id: {"string_value": s.options[-1]} for s in at.selectbox if s.id and len(s.options) > 1}
    ganti[tombol[0].id] = {"trigger_value": True}
    assert len(ganti) >= 4
    _palsukan(at, ganti=ganti)
    at.run()
    assert not at.exception
    sesudah = _sidik_data()
    if admin:
        assert sesudah["pengaturan"] != sebelum["pengaturan"] and sesudah["riwayat_data"] > sebelum["riwayat_data"]
    else:
        assert sesudah == sebelum, nama


@pytest.mark.parametrize("nama", ["demo.pimpinan", "demo.analis"])
def test_impor_tanpa_izin_tidak_ada_unggahan_dan_unggahan_paksa_ditolak(halaman_db, nama, tmp_path):
    at = jalankan_halaman("pages/3_Impor.py", provinsi="65", daerah="65.01")
    masuk(at, nama)
    assert not at.file_uploader
    assert any("tidak berwenang mengimpor" in w.value for w in at.warning)
    # penyerang tidak dapat mengirim berkas ke unggahan yang tidak ada; jalur tulisnya menolak juga
    from pantau.impor import impor_berkas
    from pantau.ui import data

    f = tmp_path / "realisasi.csv"
    f.write_text("daerah_kode,indikator_kode,tahun,periode,realisasi\n65.01,IKU-01,2024,TW1,5\n")
    sebelum = _sidik_data()
    with pytest.raises(akun.TidakBerizin):
        impor_berkas(data.basis_data().con, f, pengguna=akun.masuk(data.basis_data(), nama, _sandi(nama)))
    assert _sidik_data() == sebelum


def _sandi(nama: str) -> str:
    from tests.bantuan_halaman import sandi_demo

    return sandi_demo(nama)


def test_operator_url_daerah_lain_di_impor(halaman_db, tmp_path):
    """URL menunjuk Nunukan, berkas berisi baris Nunukan: ditolak per baris, tidak ada tombol konfirmasi."""
    at = jalankan_halaman("pages/3_Impor.py", provinsi="65", daerah="65.03")
    masuk(at, "demo.operator.bulungan")
    sebelum = _sidik_data()
    isi = (b"daerah_kode,periode_rpjmd,indikator_kode,tahun,periode,realisasi\n"
           b"65.03,2021-2026,IKU-01,2024,TAHUN,99\n")
    at.file_uploader(key="berkas").set_value(("realisasi.csv", isi, "text/csv"))
    at.run()
    assert not at.exception
    assert any("Berkas ditolak" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "konfirmasi"]
    assert _sidik_data() == sebelum


# -- masuk: lima kali gagal, pesan sama untuk akun tak dikenal ------------------------------------------------

def test_lima_kali_gagal_mengunci_lewat_halaman_pesan_sama(halaman_db):
    at = jalankan_halaman("pages/8_Pengaturan.py")
    pesan = []
    for i in range(5):
        masuk(at, "demo.admin", f"salah-{i}-xxxxxxxx", tempat="utama")
        pesan.append([e.value for e in at.error])
    masuk(at, "demo.admin", tempat="utama")  # sandi benar sesudah terkunci
    pesan.append([e.value for e in at.error])
    for i in range(3):
        masuk(at, f"tidak.ada.{i}' OR 1=1 --", "apa-saja-xxxxxxxx", tempat="utama")
        pesan.append([e.value for e in at.error])
    assert all(p == [PESAN_GAGAL_MASUK] for p in pesan), pesan
    assert not [b for b in at.button if b.label == "Simpan pengaturan"], "tidak masuk"
    from pantau.ui import data

    cur = data.basis_data().cursor()
    try:
        gagal, kunci = cur.execute("SELECT gagal_berturut, terkunci_sampai FROM pengguna "
                                   "WHERE nama_pengguna = 'demo.admin'").fetchone()
        jumlah = cur.execute("SELECT count(*) FROM pengguna").fetchone()[0]
        sesi = cur.execute("SELECT count(*) FROM sesi").fetchone()[0]
    finally:
        cur.close()
    assert gagal == 0 and kunci is not None  # hitungan dikosongkan saat dikunci 15 menit
    assert jumlah == 4 and sesi == 0, "nama tak dikenal tidak membuat akun; tidak ada sesi yang dibuat"


# -- pengunjung tanpa akun saat membaca memerlukan masuk ------------------------------------------------------

def test_pengunjung_tanpa_akun_tidak_membaca_apa_pun(db_salinan, monkeypatch):
    """baca_perlu_masuk = ya: setiap halaman lewat tautan dalam (juga dengan parameter rakitan) hanya menampilkan
    formulir masuk; tidak ada nama indikator, angka atau nama petugas; kunjungan tidak menulis apa pun."""
    import streamlit as st

    from pantau.ui.bingkai import HALAMAN

    con = buka(db_salinan)
    try:
        akun.ubah_pengaturan(con, pelaku=akun.sistem("uji"), kunci="baca_perlu_masuk", nilai="ya")
        nama = [r[0] for r in con.execute(
            "SELECT nama FROM indikator WHERE daerah_kode LIKE '65%' LIMIT 50").fetchall()]
        petugas = [r[0] for r in con.execute("SELECT nama_lengkap FROM pengguna").fetchall()]
    finally:
        con.close()
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    st.cache_resource.clear()
    jalankan_halaman(None)  # pemanasan (skema)
    sebelum = sidik(db_salinan)
    for skrip, _, _ in HALAMAN:
        for params in ({"provinsi": "65", "daerah": "65.01", "tahun": "2024"},
                       {"provinsi": "65", "daerah": "65", "urusan": "1.02", "presentasi": "1", "indikator": "1",
                        "riwayat_oleh": "demo.admin", "laporan": "rpjmd"}):
            at = jalankan_halaman(None if skrip == "dashboard.py" else skrip, **params)
            assert [t.value for t in at.title] == ["Masuk ke Pantau"], skrip
            teks = teks_halaman(at)
            assert not [n for n in nama + petugas if n in teks], skrip
            assert not at.dataframe and not at.get("plotly_chart") and not at.download_button, skrip
    assert sidik(db_salinan) == sebelum
    from pantau.ui import data

    data._basis_data(data.path_db()).tutup()
    st.cache_resource.clear()
