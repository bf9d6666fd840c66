"""Dukungan sub kegiatan di Desk Urusan: kueri = SQL mandiri pada tabel dukungan, daftar di halaman = SQL,
menyepakati/menambah/menghapus lewat halaman tersimpan (dengan riwayat) dan tetap terlihat setelah mulai ulang,
akun tanpa izin hanya membaca, dek PowerPoint/PDF memuat sub kegiatannya."""
from __future__ import annotations

import html
import io
import re

import pytest

from pantau.akun import Pengguna, TidakBerizin
from pantau.db import BasisData, buka, jalankan
from pantau.desk import dukungan as dk
from tests.bantuan import ANGGOTA_DESK
from tests.bantuan_halaman import (
    buka_rincian_desk,
    jalankan_halaman,
    kunci_widget,
    masuk,
    pilih_indikator_desk,
    setiap_indikator_desk,
)

HALAMAN = "pages/5_Desk_Urusan.py"
Q = dict(provinsi="62", daerah="62", tahun=2026, urusan="1.02")


def _tutup_basis_data_halaman() -> None:
    """Seperti server dimulai ulang: koneksi bertembolok halaman ditutup dan semua tembolok dikosongkan."""
    import streamlit as st

    from pantau.ui import data

    try:
        data._basis_data(data.path_db()).tutup()
    except Exception:  # noqa: BLE001 - belum pernah dibuka
        pass
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_tulis(db_salinan, monkeypatch):
    """AppTest pada salinan basis data; setiap panggilan = sesi peramban baru. ``app_tulis(mulai_ulang=True)``
    menutup koneksi halaman lebih dulu, sehingga halaman membuka BasisData baru pada berkas yang sama."""
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    _tutup_basis_data_halaman()

    def buat(mulai_ulang: bool = False, **params):
        if mulai_ulang:
            _tutup_basis_data_halaman()
        return jalankan_halaman(HALAMAN, **{**Q, **params})

    yield buat
    _tutup_basis_data_halaman()


# -- SQL mandiri: langsung pada tabel dukungan, tanpa view anggaran_dukungan ------------------------------

def sql_mandiri(con, provinsi: str, urusan: str, tahun: int) -> dict[str, dict[int, dict]]:
    """Per kode indikator provinsi: {id dukungan: {pagu, realisasi, disepakati, oleh, daerah}}."""
    rows = con.execute(
        f"""
        WITH {ANGGOTA_DESK}
        SELECT a.induk, d.id, d.daerah_kode, d.pagu,
               CASE WHEN d.realisasi_tahun IS NOT NULL THEN d.realisasi_tahun
                    WHEN d.realisasi_tw1 IS NULL AND d.realisasi_tw2 IS NULL AND d.realisasi_tw3 IS NULL
                         AND d.realisasi_tw4 IS NULL THEN NULL
                    ELSE coalesce(d.realisasi_tw1, 0) + coalesce(d.realisasi_tw2, 0) + coalesce(d.realisasi_tw3, 0)
                         + coalesce(d.realisasi_tw4, 0) END,
               d.disepakati, d.disepakati_oleh
        FROM anggota a JOIN dukungan d ON d.indikator_id = a.ind AND d.tahun = $tahun
        """, {"prov": provinsi, "urusan": urusan, "tahun": tahun}).fetchall()
    out: dict[str, dict[int, dict]] = {}
    for induk, i, daerah, pagu, real, ok, oleh in rows:
        out.setdefault(induk, {})[i] = {"daerah": daerah, "pagu": pagu, "realisasi": real, "disepakati": ok,
                                        "oleh": oleh}
    return out


def test_kueri_sama_dengan_sql_mandiri_dan_pasangan_desk_indikator(con):
    for provinsi, urusan, tahun in (("62", "1.02", 2024), ("65", "1.01", 2026), ("62", "1.02", 2026)):
        harap = sql_mandiri(con, provinsi, urusan, tahun)
        df = jalankan(con, "desk_dukungan", provinsi=provinsi, urusan=urusan, tahun=tahun)
        assert len(df) > 0
        dapat: dict[str, dict[int, dict]] = {}
        for x in df.itertuples():
            dapat.setdefault(x.induk_kode, {})[int(x.id)] = {
                "daerah": x.daerah_kode, "pagu": x.pagu,
                "realisasi": None if x.realisasi_anggaran != x.realisasi_anggaran else x.realisasi_anggaran,
                "disepakati": bool(x.disepakati), "oleh": x.disepakati_oleh}
        assert {k: set(v) for k, v in dapat.items()} == {k: set(v) for k, v in harap.items()}
        for k, v in harap.items():
            for i, b in v.items():
                a = dapat[k][i]
                assert a["daerah"] == b["daerah"] and a["disepakati"] == b["disepakati"]
                assert a["pagu"] == pytest.approx(b["pagu"])
                assert (a["realisasi"] or 0) == pytest.approx(b["realisasi"] or 0)
        # Pemasangan sama dengan desk_indikator: setiap (induk, indikator, daerah) ada di sana.
        ind = jalankan(con, "desk_indikator", provinsi=provinsi, urusan=urusan, tahun=tahun)
        pasangan = set(zip(ind["induk_id"], ind["indikator_id"], ind["daerah_kode"]))
        assert set(zip(df["induk_id"], df["indikator_id"], df["daerah_kode"])) <= pasangan
        # serapan = realisasi / pagu x 100
        s = df.dropna(subset=["serapan"])
        assert (s["serapan"] - (s["realisasi_anggaran"] / s["pagu"] * 100)).abs().max() < 0.006


def test_urai_pilihan_kode_dan_nama_yang_diketik():
    from pantau.ui.dukungan_desk import urai_pilihan

    assert urai_pilihan("1.02.02.2.01.0024") == ("1.02.02.2.01.0024", "")
    assert urai_pilihan(" 1.02.02.1.02.0099 Pengadaan Obat Provinsi ") == ("1.02.02.1.02.0099",
                                                                           "Pengadaan Obat Provinsi")
    assert urai_pilihan("x.xx.01.2.01.0001 · Penyusunan") == ("X.XX.01.2.01.0001", "Penyusunan")
    assert urai_pilihan("12345") == ("12345", "")
    assert urai_pilihan(None) == ("", "")


# -- daftar di halaman = SQL --------------------------------------------------------------------------

RUPIAH = re.compile(r"<span title='Rp ([\d.]+)'>")


def _angka_rupiah(teks: str) -> float:
    return float(teks.replace(".", ""))


def baca_tabel(at) -> list[dict]:
    """Tabel dukungan tiap indikator (urutan halaman): baris sub kegiatan dan baris jumlah."""
    hasil = []
    for m in at.markdown:
        if "data-testid='dukungan-tabel'" not in m.value:
            continue
        baris = {}
        for tr in re.findall(r"<tr data-dukungan-id='(\d+)' data-disepakati='(\d)'>(.*?)</tr>", m.value):
            i, ok, isi = tr
            sel = re.findall(r"<td[^>]*>(.*?)</td>", isi)
            assert len(sel) == 4
            rp = RUPIAH.findall(isi)
            baris[int(i)] = {"disepakati": ok == "1", "pagu": _angka_rupiah(rp[0]) if rp else None,
                             "realisasi": _angka_rupiah(rp[1]) if len(rp) > 1 else None,
                             "teks_sepakat": " ".join(html.unescape(re.sub("<[^>]+>", " ", sel[-1])).split())}
        jumlah = re.search(r"<tr class='jumlah'>(.*?)</tr>", m.value).group(1)
        hasil.append({"baris": baris, "jumlah_rp": [_angka_rupiah(x) for x in RUPIAH.findall(jumlah)],
                      "jumlah_teks": " ".join(html.unescape(re.sub("<[^>]+>", " ", jumlah)).split())})
    return hasil


def test_daftar_halaman_sama_dengan_sql(app, con):
    for tahun in (2024, 2026):
        at = app(HALAMAN, **{**Q, "tahun": tahun})
        harap = sql_mandiri(con, "62", "1.02", tahun)
        tabel, ringkas = [], []
        for _ in setiap_indikator_desk(at):  # satu indikator digambar sekaligus (keputusan #15)
            tabel += baca_tabel(at)
            ringkas += [m.value for m in at.markdown if "data-testid='dukungan-ringkas'" in m.value]
        assert len(tabel) == len(harap) == len(at.selectbox(key="indikator_dibahas").options)
        for t in tabel:
            cocok = [k for k, v in harap.items() if set(v) == set(t["baris"])]
            assert len(cocok) == 1, sorted(t["baris"])
            sql = harap[cocok[0]]
            for i, b in sql.items():
                h = t["baris"][i]
                assert h["disepakati"] == bool(b["disepakati"])
                assert h["pagu"] == pytest.approx(round(b["pagu"]))
                if b["realisasi"] is not None:
                    assert h["realisasi"] == pytest.approx(round(b["realisasi"]))
                if b["disepakati"]:
                    assert h["teks_sepakat"].startswith("✓ disepakati oleh ") and b["oleh"] in h["teks_sepakat"]
                else:
                    assert h["teks_sepakat"] == "belum"
            # Baris jumlah: pagu dan realisasi semua sub kegiatan, jumlah daerah dan yang disepakati.
            assert t["jumlah_rp"][0] == pytest.approx(round(sum(b["pagu"] for b in sql.values())), abs=1)
            assert t["jumlah_rp"][1] == pytest.approx(round(sum(b["realisasi"] or 0 for b in sql.values())), abs=1)
            n_daerah = len({b["daerah"] for b in sql.values()})
            n_ok = sum(bool(b["disepakati"]) for b in sql.values())
            assert f"Jumlah {n_daerah} daerah · {len(sql)} sub kegiatan" in t["jumlah_teks"]
            assert f"{n_ok} dari {len(sql)}" in t["jumlah_teks"]
        assert len(ringkas) == len(harap)
        # Belum masuk: tanpa kendali, dengan alasan singkat.
        assert not [t for t in at.toggle if str(t.key).startswith("dk-sepakat|")]
        assert any("Masuk sebagai analis" in c.value for c in at.caption)


# -- menyepakati, menambah, menghapus lewat halaman; tetap ada setelah mulai ulang -------------------------

def _belum_disepakati(path) -> tuple[int, int, str, str, str]:
    c = buka(path)
    try:
        df = jalankan(c, "desk_dukungan", provinsi="62", urusan="1.02", tahun=2026)
    finally:
        c.close()
    x = df[(~df["disepakati"]) & (df["jenis"] != "provinsi")].iloc[0]
    return int(x["id"]), int(x["induk_id"]), x["daerah_kode"], x["sub_kegiatan_kode"], x["daerah"]


def _baris_db(path, dukungan_id):
    c = buka(path)
    try:
        return c.execute("SELECT disepakati, disepakati_oleh, disepakati_pada, diubah_oleh FROM dukungan WHERE id = $i",
                         {"i": dukungan_id}).fetchone()
    finally:
        c.close()


def _tombol(at, label: str, form: str):
    b = [b for b in at.button if b.label == label and b.proto.form_id == form]
    assert b, f"tombol {label} di formulir {form} tidak ada"
    return b[0]


def test_analis_menyepakati_menambah_menghapus_dan_mulai_ulang(app_tulis, db_salinan):
    dukungan_id, induk_id, daerah, kode, nama_daerah = _belum_disepakati(db_salinan)
    at = app_tulis()
    masuk(at, "demo.analis")
    pilih_indikator_desk(at, lambda at: f"dk-daerah|{induk_id}" in kunci_widget(at))
    at.selectbox(key=f"dk-daerah|{induk_id}").set_value(daerah).run()
    assert not at.exception, [e.value for e in at.exception]
    tombol = at.toggle(key=f"dk-sepakat|{dukungan_id}")
    assert tombol.value is False
    tombol.set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{kode} disepakati" in s.value for s in at.success)

    ok, oleh, pada, diubah = _baris_db(db_salinan, dukungan_id)
    assert ok is True and oleh == "demo.analis" and pada is not None and diubah == "demo.analis"
    # Halaman yang sama langsung menunjukkan siapa dan kapan.
    assert at.toggle(key=f"dk-sepakat|{dukungan_id}").value is True
    assert any("disepakati oleh demo.analis" in c.value for c in at.caption)

    # Tambah: kode nomenklatur, pagu berformat rupiah Indonesia, langsung disepakati.
    c = buka(db_salinan)
    try:
        indikator_id = c.execute(
            "SELECT indikator_id FROM dukungan WHERE id = $i", {"i": dukungan_id}).fetchone()[0]
        dipakai = {r[0] for r in c.execute(
            "SELECT sub_kegiatan_kode FROM dukungan WHERE daerah_kode = $d AND tahun = 2026 AND indikator_id = $i",
            {"d": daerah, "i": indikator_id}).fetchall()}
        baru = c.execute("SELECT kode FROM sub_kegiatan WHERE kode LIKE '1.02.%' ORDER BY kode").fetchall()
    finally:
        c.close()
    kode_baru = next(k for (k,) in baru if k not in dipakai)
    kf = f"dk-tambah|{induk_id}|{daerah}|0"
    at.selectbox(key=f"{kf}|kode").set_value(kode_baru)
    at.text_input(key=f"{kf}|pd").input("Dinas Kesehatan")
    at.text_input(key=f"{kf}|pagu").input("Rp 1.250.000.000")
    at.checkbox(key=f"{kf}|sepakat").check()
    _tombol(at, "Tambah sub kegiatan", kf).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{kode_baru} ditambahkan dan disepakati" in s.value for s in at.success), [s.value for s in at.success]
    # Formulir baru yang kosong sesudah berhasil.
    assert at.text_input(key=f"dk-tambah|{induk_id}|{daerah}|1|pagu").value == ""

    # Hapus: tombol konfirmasi di dalam popover.
    c = buka(db_salinan)
    try:
        tambah_id, pagu, ok_baru, oleh_baru = c.execute(
            "SELECT id, pagu, disepakati, disepakati_oleh FROM dukungan WHERE daerah_kode = $d AND tahun = 2026 "
            "AND indikator_id = $i AND sub_kegiatan_kode = $k",
            {"d": daerah, "i": indikator_id, "k": kode_baru}).fetchone()
        lain_id = c.execute(
            "SELECT id FROM dukungan WHERE daerah_kode = $d AND tahun = 2026 AND indikator_id = $i "
            "AND id NOT IN ($a, $b) ORDER BY id LIMIT 1",
            {"d": daerah, "i": indikator_id, "a": dukungan_id, "b": tambah_id}).fetchone()
    finally:
        c.close()
    assert pagu == 1_250_000_000 and ok_baru and oleh_baru == "demo.analis"
    if lain_id is None:  # daerah ini hanya punya satu dukungan: hapus yang baru ditambahkan saja
        hapus_id = tambah_id
    else:
        hapus_id = lain_id[0]
    at.button(key=f"dk-hapus|{hapus_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("dihapus dari dukungan" in s.value for s in at.success)

    c = buka(db_salinan)
    try:
        assert c.execute("SELECT count(*) FROM dukungan WHERE id = $i", {"i": hapus_id}).fetchone()[0] == 0
        riwayat = c.execute(
            "SELECT aksi, kolom, nilai_lama, nilai_baru, oleh FROM riwayat "
            "WHERE tabel = 'dukungan' AND daerah_kode = $d ORDER BY id", {"d": daerah}).fetchall()
    finally:
        c.close()
    aksi = [(a, k, b) for a, k, _, b, o in riwayat if o == "demo.analis"]
    assert ("ubah", "disepakati", "true") in aksi
    assert ("tambah", None, next(n for a, k, n in aksi if a == "tambah")) in aksi
    assert any(a == "hapus" for a, _, _ in aksi)
    assert all(o == "demo.analis" for a, k, _, b, o in riwayat[-4:])

    # Mulai ulang: koneksi halaman ditutup, sesi baru tanpa masuk; yang disepakati tetap tampil disepakati.
    at2 = app_tulis(mulai_ulang=True)
    semua = {}
    for _ in setiap_indikator_desk(at2):
        for t in baca_tabel(at2):
            semua.update(t["baris"])
    assert semua[dukungan_id]["disepakati"] and "disepakati oleh demo.analis" in semua[dukungan_id]["teks_sepakat"]
    assert semua[tambah_id]["disepakati"] and semua[tambah_id]["pagu"] == 1_250_000_000
    assert hapus_id not in semua


def test_tambah_gagal_pesan_jelas_dan_isian_tetap(app_tulis, db_salinan):
    dukungan_id, induk_id, daerah, kode, _ = _belum_disepakati(db_salinan)
    at = app_tulis()
    masuk(at, "demo.analis")
    pilih_indikator_desk(at, lambda at: f"dk-daerah|{induk_id}" in kunci_widget(at))
    at.selectbox(key=f"dk-daerah|{induk_id}").set_value(daerah).run()
    kf = f"dk-tambah|{induk_id}|{daerah}|0"
    # Kode yang sudah mendukung indikator ini: ditolak dengan pesan, isian tetap.
    at.selectbox(key=f"{kf}|kode").set_value(kode)
    at.text_input(key=f"{kf}|pd").input("Dinas Kesehatan")
    at.text_input(key=f"{kf}|pagu").input("1.500.000")
    _tombol(at, "Tambah sub kegiatan", kf).click().run()
    assert not at.exception, [e.value for e in at.exception]
    galat = " ".join(e.value for e in at.error)
    assert f"Sub kegiatan {kode} sudah tercatat mendukung indikator ini pada 2026" in galat
    assert at.text_input(key=f"{kf}|pd").value == "Dinas Kesehatan"
    assert at.text_input(key=f"{kf}|pagu").value == "1.500.000"
    # Pagu yang bukan rupiah: pesan bahasa Indonesia, isian tetap.
    at.text_input(key=f"{kf}|pagu").input("satu miliar")
    c = buka(db_salinan)
    try:
        n0 = c.execute("SELECT count(*) FROM dukungan").fetchone()[0]
    finally:
        c.close()
    _tombol(at, "Tambah sub kegiatan", kf).click().run()
    assert any(e.value.startswith("Pagu:") for e in at.error), [e.value for e in at.error]
    assert at.text_input(key=f"{kf}|pagu").value == "satu miliar"
    c = buka(db_salinan)
    try:
        assert c.execute("SELECT count(*) FROM dukungan").fetchone()[0] == n0
    finally:
        c.close()


def test_pimpinan_tanpa_kendali_dan_pustaka_menolak(app_tulis, db_salinan):
    dukungan_id, induk_id, daerah, _, _ = _belum_disepakati(db_salinan)
    at = app_tulis()
    masuk(at, "demo.pimpinan")
    buka_rincian_desk(at)
    assert not [t for t in at.toggle if str(t.key).startswith("dk-sepakat|")]
    assert not [s for s in at.selectbox if str(s.key).startswith(("dk-daerah|", "dk-tambah|"))]
    assert not [b for b in at.button if str(b.key or "").startswith("dk-hapus|")]
    assert any("demo.pimpinan (Pimpinan) dapat membaca dukungan" in c.value for c in at.caption), \
        [c.value for c in at.caption]
    assert baca_tabel(at)  # daftar tetap terbaca
    pimpinan = Pengguna(nama_pengguna="demo.pimpinan", nama_lengkap="P", peran="pimpinan")
    bd = BasisData(db_salinan)
    try:
        with pytest.raises(TidakBerizin):
            dk.sepakati(bd, dukungan_id, True, pengguna=pimpinan)
        with pytest.raises(TidakBerizin):
            dk.hapus(bd, dukungan_id, pengguna=pimpinan)
        with pytest.raises(TidakBerizin):
            dk.tambah(bd, daerah=daerah, tahun=2026, indikator_id=None, sub_kegiatan_kode="1.02.02.2.01.0001",
                      pengguna=pimpinan)
    finally:
        bd.tutup()
    assert _baris_db(db_salinan, dukungan_id)[0] is False


def test_operator_hanya_daerahnya(app_tulis):
    at = app_tulis(provinsi="65", daerah="65", urusan="1.02")
    masuk(at, "demo.operator.bulungan")
    buka_rincian_desk(at)
    daerah = [s for s in at.selectbox if str(s.key).startswith("dk-daerah|")]
    assert daerah and all(len(s.options) == 1 for s in daerah), [s.options for s in daerah]
    assert all(s.value == "65.01" for s in daerah)


# -- dek ----------------------------------------------------------------------------------------------

def test_dek_memuat_sub_kegiatan_dan_yang_disepakati(db_salinan):
    from pptx import Presentation
    from pypdf import PdfReader

    from pantau.desk.bahan import BahanRapat
    from pantau.keluaran import dek

    bd = BasisData(db_salinan)
    try:
        q = dict(provinsi="62", urusan="1.02", tahun=2026)
        duk = bd.tanya("desk_dukungan", **q)
        masukan = dict(urusan="1.02 Kesehatan", provinsi="Provinsi Kalimantan Tengah", tahun=2026,
                       indikator=bd.tanya("desk_indikator", **q), keselarasan=bd.tanya("desk_keselarasan", **q),
                       catatan=bd.tanya("desk_catatan", **q), dukungan=duk,
                       dukungan_jumlah=bd.tanya("desk_dukungan_jumlah", **q))
        prs = Presentation(io.BytesIO(dek.bangun_dek(BahanRapat(**masukan))))
        pdf = PdfReader(io.BytesIO(dek.bangun_pdf(BahanRapat(**masukan))))
    finally:
        bd.tutup()
    slides = list(prs.slides)
    assert len(slides) == len(pdf.pages)
    ind = masukan["indikator"]
    kode_induk = dict(zip(ind["induk_id"], ind["induk_kode"]))

    def teks_slide(sl) -> str:
        bagian = []
        for s in sl.shapes:
            if s.has_text_frame:
                bagian.append(s.text_frame.text)
            if s.has_table:
                bagian += [c.text for r in s.table.rows for c in r.cells]
        return "\n".join(bagian)

    def judul(sl) -> str:
        return next(s.text_frame.text for s in sl.shapes if s.name == "Judul").replace("\n", " ")

    for induk_id in dict.fromkeys(ind["induk_id"]):
        d = duk[duk["induk_id"] == induk_id]
        ke = [i for i, sl in enumerate(slides) if judul(sl).startswith(f"{kode_induk[induk_id]} · ")]
        teks = "\n".join(teks_slide(slides[i]) for i in ke)
        halaman = "\n".join(pdf.pages[i].extract_text() for i in ke)
        # Semua sub kegiatan pendukung, tidak diringkas menjadi "… dan N lainnya".
        for kode in d["sub_kegiatan_kode"]:
            assert kode in teks, (induk_id, kode)
            assert kode in halaman, (induk_id, kode)
        assert "lainnya" not in teks
        # Kode yang hanya mendukung indikator lain tidak muncul di slide indikator ini.
        lain = set(duk[duk["induk_id"] != induk_id]["sub_kegiatan_kode"]) - set(d["sub_kegiatan_kode"])
        assert not [k for k in lain if k in teks]
        assert f"{len(d)} sub kegiatan" in teks

    ok = duk[duk["disepakati"]]
    belum = duk[~duk["disepakati"]]
    ke = [i for i, sl in enumerate(slides) if judul(sl).startswith("Sub kegiatan yang disepakati")]
    assert ke and ke[-1] == len(slides) - 1 and judul(slides[ke[0]]) == (
        f"Sub kegiatan yang disepakati ({len(ok)} dari {len(duk)})")
    butir = []
    for i in ke:  # baris lanjutan sebuah butir diawali empat spasi
        for b in next(s for s in slides[i].shapes if s.name == "Isi").text_frame.text.split("\n"):
            if b.startswith("    ") and butir:
                butir[-1] += " " + b.strip()
            else:
                butir.append(b)
    pasangan = set()
    for b in butir:
        m = re.match(r"^(?:◆ )?(.+?) · (KES-\d+) · (\S+) ", b)
        assert m, b
        pasangan.add(m.groups())
    assert len(butir) == len(ok)
    assert pasangan == set(zip(ok["daerah"], ok["induk_kode"], ok["sub_kegiatan_kode"]))
    assert not pasangan & set(zip(belum["daerah"], belum["induk_kode"], belum["sub_kegiatan_kode"]))
    akhir_pdf = "\n".join(pdf.pages[i].extract_text() for i in ke)
    assert "Sub kegiatan yang disepakati" in akhir_pdf
    for kode in ok["sub_kegiatan_kode"]:
        assert kode in akhir_pdf
