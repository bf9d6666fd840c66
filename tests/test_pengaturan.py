"""Halaman Pengaturan: administrator mengubah batas kuadran dan rumus negatif (tersimpan, tercatat di riwayat,
dipakai kueri kuadran), membatalkan impor; peran lain hanya melihat."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pantau import akun
from pantau.akun import Pengguna
from pantau.aturan.pengaturan import PENGATURAN, PengaturanTidakSah
from pantau.db import buka, jalankan
from pantau.impor import impor_berkas
from tests.bantuan import satu_baris, tulis_csv
from tests.bantuan_halaman import jalankan_halaman, masuk

HALAMAN = "pages/8_Pengaturan.py"


@pytest.fixture
def db(db_salinan, monkeypatch):
    """Salinan demo (tests/conftest.py) yang dibuka halaman."""
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    return db_salinan


def buka_halaman() -> AppTest:
    return jalankan_halaman(HALAMAN)


def test_tanpa_masuk_diminta_masuk(db):
    at = buka_halaman()
    assert any("Masuk dulu untuk membuka pengaturan" in m.value for m in [*at.markdown, *at.info, *at.warning])
    assert not [b for b in at.button if b.label == "Simpan pengaturan"]


def test_analis_melihat_tanpa_mengubah(db):
    at = masuk(buka_halaman(), "demo.analis")
    tombol = [b for b in at.button if b.label == "Simpan pengaturan"]
    assert tombol and tombol[0].disabled
    assert any("tidak mengubahnya" in i.value for i in at.info)


def test_admin_mengubah_batas_kuadran_tersimpan_dan_dipakai(db):
    at = masuk(buka_halaman(), "demo.admin")
    at.number_input[1].set_value(80.0)   # batas kinerja
    at.number_input[2].set_value(75.5)   # batas serapan
    [b for b in at.button if b.label == "Simpan pengaturan"][0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Batas capaian kinerja kuadran (%): 80" in s.value
               and "Batas serapan anggaran kuadran, setahun (%): 75,5" in s.value
               for s in at.success), [s.value for s in at.success]
    con = buka(db)
    try:
        assert satu_baris(con, "SELECT batas_kinerja, batas_serapan FROM batas_kuadran") == {
            "batas_kinerja": 80.0, "batas_serapan": 75.5}
        rw = con.execute("SELECT oleh, kunci, nilai_lama, nilai_baru FROM riwayat WHERE tabel = 'pengaturan' "
                         "ORDER BY id").fetchall()
        assert ("demo.admin", "kuadran_batas_kinerja", "91", "80") in rw
        assert ("demo.admin", "kuadran_batas_serapan", "90", "75.5") in rw
        pid = con.execute("SELECT id FROM periode WHERE daerah_kode = '62'").fetchone()[0]
        k = jalankan(con, "kuadran_kinerja_anggaran", daerah="62", periode_id=pid, tahun=2024, dimensi="urusan")
        assert set(k["batas_kinerja"]) == {80.0} and set(k["batas_serapan"]) == {75.5}
    finally:
        con.close()
    # halaman dibuka lagi: nilai baru terbaca
    at2 = masuk(buka_halaman(), "demo.admin")
    assert at2.number_input[1].value == 80.0 and at2.number_input[2].value == 75.5


def test_nilai_pengaturan_tidak_sah_ditolak():
    """Diperiksa sebelum basis data disentuh (con=None): pesan menyebut label pengaturan dan sebabnya."""
    admin = Pengguna("a", "Admin", "admin")
    for kunci, nilai, sebab in [("kuadran_batas_kinerja", "0", "di luar 1–150"),
                                ("kuadran_batas_serapan", "120", "di luar 1–100"),
                                ("kuadran_batas_serapan", "sembilan puluh", "bukan angka"),
                                ("rumus_negatif", "R/T", "tidak sah"),
                                ("kuadran_batas_serapan_triwulan", "50;30;60", "harus naik")]:
        with pytest.raises(PengaturanTidakSah, match=sebab) as e:
            akun.ubah_pengaturan(None, pelaku=admin, kunci=kunci, nilai=nilai)
        assert PENGATURAN[kunci].label in str(e.value)


def test_admin_membatalkan_impor_dari_halaman(db, tmp_path):
    con = buka(db)
    try:
        ind = con.execute("SELECT id FROM indikator WHERE daerah_kode = '65.01' AND kode = 'IKU-01'").fetchone()[0]
        lama = con.execute("SELECT nilai FROM realisasi WHERE indikator_id = $i AND tahun = 2024 AND periode = 'TAHUN'",
                           {"i": ind}).fetchone()[0]
        folder = tmp_path / "imp"
        tulis_csv(folder, "realisasi", [{"daerah_kode": "65.01", "periode_rpjmd": "2021-2026",
                                         "indikator_kode": "IKU-01", "tahun": 2024, "periode": "TAHUN",
                                         "realisasi": "99,9"}])
        hasil = impor_berkas(con, folder, oleh="uji")
    finally:
        con.close()
    at = masuk(buka_halaman(), "demo.admin")
    pilih = [s for s in at.selectbox if s.label == "Impor yang dibatalkan"][0]
    assert pilih.value == hasil.ringkasan.impor_id          # yang terbaru di atas
    [c for c in at.checkbox if c.label.startswith("Saya paham")][0].check()
    [b for b in at.button if b.label == "Batalkan impor"][0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"Impor #{hasil.ringkasan.impor_id} dibatalkan" in s.value for s in at.success)
    # Tabel impor di halaman yang sama sudah menyebut impor itu dibatalkan (tanpa memuat ulang).
    tabel = [d.value for d in at.dataframe if "Status" in d.value.columns][0]
    status = dict(zip(tabel["Nomor"], tabel["Status"]))
    assert status[hasil.ringkasan.impor_id].startswith("dibatalkan oleh #"), status
    pilihan = [s for s in at.selectbox if s.label == "Impor yang dibatalkan"]
    assert not pilihan or not any(o.startswith(f"#{hasil.ringkasan.impor_id} ") for o in pilihan[0].options)
    con = buka(db)
    try:
        now = con.execute("SELECT nilai FROM realisasi WHERE indikator_id = $i AND tahun = 2024 AND periode = 'TAHUN'",
                          {"i": ind}).fetchone()[0]
        assert now == lama
    finally:
        con.close()


def test_batas_serapan_triwulan_harus_naik_dan_dipakai_tahun_berjalan(db):
    at = masuk(buka_halaman(), "demo.admin")
    tw = [n for n in at.number_input if n.label.startswith("s.d. Triwulan")]
    assert [n.value for n in tw] == [15.0, 40.0, 60.0]
    tw[0].set_value(50.0)
    tw[1].set_value(30.0)   # tidak naik: ditolak, tidak ada yang ditulis
    [b for b in at.button if b.label == "Simpan pengaturan"][0].click()
    at.run()
    assert any("harus naik" in e.value for e in at.error)
    con = buka(db)
    try:
        assert satu_baris(con, "SELECT batas_serapan_tw1, batas_serapan_tw2 FROM batas_kuadran") == {
            "batas_serapan_tw1": 15.0, "batas_serapan_tw2": 40.0}
        assert con.execute("SELECT count(*) FROM riwayat WHERE tabel = 'pengaturan' AND oleh = 'demo.admin'"
                           ).fetchone()[0] == 0
    finally:
        con.close()
    at = masuk(buka_halaman(), "demo.admin")
    [n for n in at.number_input if n.label == "s.d. Triwulan III (%)"][0].set_value(55.0)
    [b for b in at.button if b.label == "Simpan pengaturan"][0].click()
    at.run()
    assert any("15; 40; 55" in s.value for s in at.success), [s.value for s in at.success]
    con = buka(db)
    try:
        pid = con.execute("SELECT id FROM periode WHERE daerah_kode = '62'").fetchone()[0]
        # 2026: data anggaran demo s.d. TW III -> batas serapan kumulatif s.d. TW III
        k = jalankan(con, "kuadran_kinerja_anggaran", daerah="62", periode_id=pid, tahun=2026, dimensi="urusan")
        assert set(k["batas_serapan"]) == {55.0}
        k = jalankan(con, "kuadran_kinerja_anggaran", daerah="62", periode_id=pid, tahun=2025, dimensi="urusan")
        assert set(k["batas_serapan"]) == {90.0}
    finally:
        con.close()
