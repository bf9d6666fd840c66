"""Halaman Impor mode SIPD-RI dan pilihan sub kegiatan SIPD-RI di Desk Urusan (AppTest, isu #21)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pantau.db import buka, jalankan
from pantau.impor.sipd_tulis import impor_sipd
from tests.bantuan_halaman import jalankan_halaman, kunci_widget, masuk, pilih_indikator_desk
from tests.bantuan_sipd import PAGU, RENJA, SKPD
from tests.test_desk_dukungan import _tombol, _tutup_basis_data_halaman

JSON = "application/json"


@pytest.fixture
def db_halaman(db_salinan, monkeypatch):
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    _tutup_basis_data_halaman()
    yield db_salinan
    _tutup_basis_data_halaman()


def _teks(at) -> str:
    bagian = [m.value for m in at.markdown] + [m.value for m in at.caption] + [e.value for e in at.error]
    bagian += [e.value for e in at.success] + [e.value for e in at.warning] + [m.label + " " + str(m.value)
                                                                               for m in at.metric]
    return "\n".join(str(b) for b in bagian)


def _jumlah(path) -> tuple:
    c = buka(path)
    try:
        return c.execute("SELECT (SELECT count(*) FROM anggaran_sipd), (SELECT sum(pagu) FROM anggaran_sipd), "
                         "(SELECT count(*) FROM impor)").fetchone()
    finally:
        c.close()


def test_impor_sipd_operator_pratinjau_konfirmasi(db_halaman):
    at = jalankan_halaman("pages/3_Impor.py", provinsi="65", daerah="65.01", mode="sipd")
    masuk(at, "demo.operator.bulungan")
    assert at.radio(key="impor_mode").value == "sipd"
    pilih = at.selectbox(key="sipd_daerah")
    assert pilih.value == "65.01" and pilih.disabled  # operator: daerahnya sendiri
    at.number_input(key="sipd_tahun").set_value(2026)
    at.file_uploader(key="sipd_berkas").set_value([(p.name, p.read_bytes(), JSON) for p in (RENJA, PAGU, SKPD)])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    teks = _teks(at)
    assert any("Ringkasan untuk dicocokkan dengan SIPD-RI" in h.value for h in at.subheader)
    assert "Rp 147.618.882.317" in teks
    skpd = next(d.value for d in at.dataframe if "Pagu daftar SKPD (Rp)" in d.value.columns)
    assert skpd["Banding"].tolist() == ["sama"] and skpd["Sub kegiatan"].tolist() == [124]
    assert _jumlah(db_halaman)[0] == 0  # belum ada yang ditulis sebelum konfirmasi
    n_impor = _jumlah(db_halaman)[2]
    at.button(key="sipd_konfirmasi").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("berhasil" in s.value and "124 baru" in s.value for s in at.success), [s.value for s in at.success]
    assert _jumlah(db_halaman) == (124, Decimal("147618882317.00"), n_impor + 1)
    c = buka(db_halaman)
    try:
        assert c.execute("SELECT DISTINCT oleh FROM riwayat WHERE tabel = 'anggaran_sipd'").fetchall() == [
            ("demo.operator.bulungan",)]
    finally:
        c.close()


def test_impor_sipd_json_terpotong_ditolak_bahasa_indonesia(db_halaman):
    at = jalankan_halaman("pages/3_Impor.py", provinsi="65", daerah="65.01", mode="sipd")
    masuk(at, "demo.admin")
    at.number_input(key="sipd_tahun").set_value(2026)
    isi = RENJA.read_bytes()
    at.file_uploader(key="sipd_berkas").set_value([("renja.json", isi[: len(isi) // 2], JSON)])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    galat = " ".join(e.value for e in at.error)
    assert "Berkas ditolak" in galat and "Tidak ada data yang ditulis" in galat and "renja.json" in galat
    assert "terpotong" in galat
    assert not [b for b in at.button if b.key == "sipd_konfirmasi"]
    assert _jumlah(db_halaman)[0] == 0


def test_desk_pilihan_sub_kegiatan_dari_sipd(db_halaman):
    c = buka(db_halaman)
    try:
        df = jalankan(c, "desk_dukungan", provinsi="62", urusan="1.02", tahun=2026)
        x = df[df["jenis"] != "provinsi"].iloc[0]
        induk_id, daerah = int(x["induk_id"]), x["daerah_kode"]
        ind_id = int(x["indikator_id"])
        impor_sipd(c, [RENJA, PAGU, SKPD], daerah=daerah, tahun=2026, oleh="uji")
        n_bidang = c.execute("SELECT count(*) FROM anggaran_sipd WHERE substr(sub_kegiatan_kode, 1, 4) = '1.02'"
                             ).fetchone()[0]
        unit, sub, pagu = c.execute(
            "SELECT perangkat_daerah_kode, sub_kegiatan_kode, pagu FROM anggaran_sipd "
            "WHERE perangkat_daerah_kode <> $u AND substr(sub_kegiatan_kode, 1, 4) = '1.02' ORDER BY pagu DESC "
            "LIMIT 1", {"u": "1.02.0.00.0.00.01.0000"}).fetchone()
    finally:
        c.close()
    _tutup_basis_data_halaman()
    at = jalankan_halaman("pages/5_Desk_Urusan.py", provinsi="62", daerah="62", tahun=2026, urusan="1.02")
    masuk(at, "demo.analis")
    pilih_indikator_desk(at, lambda at: f"dk-daerah|{induk_id}" in kunci_widget(at))
    at.selectbox(key=f"dk-daerah|{induk_id}").set_value(daerah).run()
    assert not at.exception, [e.value for e in at.exception]
    kf = f"dk-tambah|{induk_id}|{daerah}|0"
    pilih = at.selectbox(key=f"{kf}|sipd")
    assert len(pilih.options) == n_bidang
    assert "Rp" in pilih.options[0]  # pagu tampil di pilihan
    pilih.set_value(f"{unit} {sub}")
    _tombol(at, "Tambah sub kegiatan", kf).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{sub} ditambahkan" in s.value for s in at.success), [s.value for s in at.success]
    c = buka(db_halaman)
    try:
        row = c.execute("SELECT d.pagu, a.pagu, a.perangkat_daerah FROM dukungan d JOIN anggaran_dukungan a "
                        "ON a.id = d.id WHERE d.indikator_id = $i AND d.perangkat_daerah_kode = $u "
                        "AND d.sub_kegiatan_kode = $s", {"i": ind_id, "u": unit, "s": sub}).fetchone()
    finally:
        c.close()
    assert row is not None and row[0] is None and row[1] == float(pagu) and row[2]
