"""Desk urusan: angka di halaman = SQL mandiri, keselarasan target, catatan serentak, mode presentasi, dek."""
from __future__ import annotations

import io
import os
import re
import threading
import time

import pytest

from pantau import desk
from pantau.db import BasisData, buka
from tests.bantuan import ANGGOTA_DESK
from tests.bantuan_halaman import jalankan_halaman, masuk, setiap_indikator_desk, spesifikasi

HALAMAN = "pages/5_Desk_Urusan.py"


@pytest.fixture
def app_tulis(db_salinan, monkeypatch):
    """Seperti fixture ``app``, tetapi pada salinan basis data (halaman ini menulis catatan)."""
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    return lambda **params: jalankan_halaman(HALAMAN, **params)


# -- angka halaman = SQL yang ditulis ulang di sini ----------------------------------------------------

def sql_mandiri(con, provinsi: str, urusan: str, tahun: int) -> dict[str, dict]:
    """Per kode indikator provinsi: {nama daerah: (realisasi, capaian, predikat)} dan rata capaian (<=100)."""
    rows = con.execute(
        f"""
        WITH {ANGGOTA_DESK}
        SELECT a.induk, d.nama, d.jenis, c.realisasi, c.capaian, c.predikat
        FROM anggota a
        JOIN indikator i ON i.id = a.ind
        JOIN daerah d ON d.kode = i.daerah_kode
        LEFT JOIN capaian_tahunan c ON c.indikator_id = a.ind AND c.tahun = $tahun
        """, {"prov": provinsi, "urusan": urusan, "tahun": tahun}).fetchall()
    out: dict[str, dict] = {}
    for induk, nama, jenis, real, cap, pred in rows:
        nama = nama.replace("Kabupaten ", "") if jenis == "kabupaten" else nama
        out.setdefault(induk, {})[nama] = (real, cap, pred)
    return out


def baca_grafik(fig: dict) -> dict[str, tuple]:
    batang = fig["data"][0]
    label = [t for t in fig["data"] if t.get("mode") == "text"][0]
    hasil = {}
    for y, x, teks in zip(batang["y"], batang["x"], label["text"]):
        nama = y.replace("◆ ", "")
        m = re.match(r"^([\d.,]+) · ([\d.,]+)% \S+ (.+)$", teks)
        if teks == "belum ada data":
            hasil[nama] = (None, None, None)
        else:
            angka = lambda s: float(s.replace(".", "").replace(",", "."))  # noqa: E731
            hasil[nama] = (x, angka(m.group(2)), m.group(3)) if m else (x, None, None)
    return hasil


@pytest.mark.parametrize("provinsi,urusan,tahun", [("62", "1.02", 2024), ("65", "1.01", 2023)])
def test_angka_halaman_sama_dengan_sql(app, con, provinsi, urusan, tahun):
    at = app(HALAMAN, provinsi=provinsi, daerah=provinsi, tahun=tahun, urusan=urusan)
    harap = sql_mandiri(con, provinsi, urusan, tahun)
    n = len(at.selectbox(key="indikator_dibahas").options)
    assert n == len(harap) > 0
    rata = []
    for _ in setiap_indikator_desk(at):  # satu grafik per indikator yang dipilih (keputusan #15)
        assert len(at.get("plotly_chart")) == 1
        dari_grafik = baca_grafik(spesifikasi(at, 0))
        cocok = [k for k, v in harap.items() if set(v) == set(dari_grafik)
                 and all((dari_grafik[d][0] or 0) == pytest.approx(v[d][0] or 0) for d in v)]
        assert len(cocok) >= 1, dari_grafik
        sql = harap[cocok[0]]
        for d, (real, cap, pred) in sql.items():
            g_real, g_cap, g_pred = dari_grafik[d]
            if real is None:
                assert g_real is None
                continue
            if cap is not None:
                assert g_cap == pytest.approx(round(cap, 1), abs=0.051), (cocok[0], d)
                assert g_pred == pred
        caps = [min(c, 100) for _, c, _ in sql.values() if c is not None]
        rata.append(sum(caps) / len(caps) if caps else 1e9)
    assert rata == sorted(rata), "indikator terlemah harus di atas"


def test_urutan_dalam_grafik_provinsi_lalu_terlemah(app):
    at = app(HALAMAN, provinsi="62", daerah="62", tahun=2024, urusan="1.02")
    fig = spesifikasi(at, 0)
    y = fig["data"][0]["y"]
    assert y[0].startswith("◆ ")
    caps = [float(re.search(r"· ([\d,]+)%", t).group(1).replace(",", "."))
            for t in [t for t in fig["data"] if t.get("mode") == "text"][0]["text"][1:] if "%" in t]
    assert caps == sorted(caps)
    # Setiap indikator yang dicantumkan bertaut ke halaman Indikator (provinsi, indikator itu).
    tautan = [x for x in at.get("page_link") if "Indikator" in x.proto.page and "indikator=" in x.proto.query_string]
    assert len(tautan) == len(at.get("plotly_chart"))
    assert all("KES-" in x.proto.label for x in tautan)
    assert all(x.proto.query_string and "daerah=62&" in x.proto.query_string for x in tautan)


# -- keselarasan ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("provinsi,menyimpang,nama", [("62", "62.07", "Seruyan"), ("65", "65.03", "Nunukan")])
def test_keselarasan_menandai_target_kabupaten_yang_menyimpang(con, app, provinsi, menyimpang, nama):
    from pantau.db import jalankan

    kes = jalankan(con, "desk_keselarasan", provinsi=provinsi, urusan="1.02", tahun=2026)
    k01 = kes[kes["induk_kode"] == "KES-01"]
    # Perhitungan mandiri: rata-rata tertimbang penduduk target kab/kota 2026 (indikator 'akhir').
    harap = con.execute(
        """
        SELECT sum(t.nilai * d.penduduk) / sum(d.penduduk)
        FROM indikator i JOIN daerah d ON d.kode = i.daerah_kode
        JOIN target t ON t.indikator_id = i.id AND t.tahun = 2026 AND t.dokumen = 'RPJMD'
        WHERE d.kode_induk = $p AND i.kode = 'KES-01'
        """, {"p": provinsi}).fetchone()[0]
    assert k01["gabungan"].iloc[0] == pytest.approx(round(harap, 2))
    assert k01["target_provinsi"].iloc[0] == 14
    assert not bool(k01["selaras"].iloc[0])  # 14,3x > 14 pada indikator negatif
    assert set(k01.loc[k01["menarik_turun"] == True, "daerah_kode"]) == {menyimpang}  # noqa: E712
    # Arus: KES-02 dijumlah, porsi berjumlah 1.
    k02 = kes[kes["induk_kode"] == "KES-02"]
    assert k02["cara"].iloc[0] == "jumlah"
    assert k02["gabungan"].iloc[0] == pytest.approx(k02["target_daerah"].sum())
    assert k02["porsi"].sum() == pytest.approx(1.0)
    assert k02["menarik_turun"].isna().all()

    at = app(HALAMAN, provinsi=provinsi, daerah=provinsi, tahun=2026, urusan="1.02")
    teks = [m.value for _ in setiap_indikator_desk(at) for m in at.markdown
            if "Tidak selaras" in m.value and "Stunting" not in m.value]
    assert any(f"{nama} (20)" in t for t in teks), teks
    assert any("Cara memeriksa keselarasan" in e.label for e in at.expander)


def test_keselarasan_kasus_buatan(tmp_path):
    """Basis data kecil: provinsi 65 target APM 95 (positif), Bulungan 96 dan Tarakan 80 -> tidak selaras,
    Tarakan yang ditandai. Penduduk diatur agar rata-rata tertimbang dapat dihitung tangan."""
    from pantau.db import jalankan
    from tests.bantuan import db_baru, impor_kasus, ind, tgt

    path = db_baru(tmp_path / "k.duckdb")
    c = buka(path)
    try:
        c.execute("UPDATE daerah SET penduduk = 300 WHERE kode = '65.01'")
        c.execute("UPDATE daerah SET penduduk = 100 WHERE kode = '65.71'")
        indikator = [ind("APM", daerah_kode="65", urusan_kode="1.01"),
                     ind("APM", daerah_kode="65.01", urusan_kode="1.01", indikator_induk="65/APM"),
                     ind("APM-K", daerah_kode="65.71", urusan_kode="1.01", indikator_induk="65/APM")]
        target = [tgt("APM", 2024, 95, daerah_kode="65"), tgt("APM", 2024, 96, daerah_kode="65.01"),
                  tgt("APM-K", 2024, 80, daerah_kode="65.71")]
        h = impor_kasus(c, tmp_path, indikator=indikator, target=target)
        assert not getattr(h, "galat", None), h
        kes = jalankan(c, "desk_keselarasan", provinsi="65", urusan="1.01", tahun=2024)
        assert kes["gabungan"].iloc[0] == pytest.approx((96 * 300 + 80 * 100) / 400)  # 92
        assert not kes["selaras"].iloc[0]
        assert set(kes.loc[kes["menarik_turun"] == True, "daerah_kode"]) == {"65.71"}  # noqa: E712
        assert int(kes["jumlah_bertarget"].iloc[0]) == 2
    finally:
        c.close()


# -- catatan: dua penyimpanan serentak sama-sama selamat ------------------------------------------------

def test_catatan_serentak_keduanya_tersimpan(db_salinan):
    bd = BasisData(db_salinan)
    try:
        for putaran, daerah in enumerate(["62", "62.01", "62.07"]):
            mulai = threading.Barrier(2)
            hasil = {}

            def simpan(nama, teks, mulai=mulai, hasil=hasil, daerah=daerah):
                mulai.wait()
                hasil[nama] = desk.simpan_catatan(bd, urusan="1.02", daerah=daerah, tahun=2024, pendorong=teks,
                                                  penghambat=f"hambat {nama}", tindak_lanjut=None, oleh=nama,
                                                  versi_dasar=0)

            ts = [threading.Thread(target=simpan, args=(n, f"teks {n} {putaran}")) for n in ("Ani", "Budi")]
            for t in ts:
                t.start()
            for t in ts:
                t.join(30)
            assert set(hasil) == {"Ani", "Budi"}
            assert sorted(h.versi for h in hasil.values()) == [1, 2]
            basi = [n for n, h in hasil.items() if h.konflik]
            assert len(basi) == 1, hasil  # yang menyimpan belakangan diberi tahu
            lain = hasil[basi[0]].versi_lain
            assert [x["oleh"] for x in lain] == [n for n in hasil if n != basi[0]]
            cur = bd.cursor()
            teks = {r[0] for r in cur.execute(
                "SELECT pendorong FROM catatan_desk WHERE urusan_kode = '1.02' AND daerah_kode = $d AND tahun = 2024",
                {"d": daerah}).fetchall()}
            assert teks == {f"teks Ani {putaran}", f"teks Budi {putaran}"}
            n_riwayat = cur.execute(
                "SELECT count(*) FROM riwayat WHERE tabel = 'catatan_desk' AND daerah_kode = $d",
                {"d": daerah}).fetchone()[0]
            assert n_riwayat >= 4  # tiap simpan: satu baris per kolom yang berubah
            cur.close()
        terkini = desk.catatan_terkini(bd, urusan="1.02", daerah="62", tahun=2024)
        assert terkini["versi"] == 2
    finally:
        bd.tutup()


def test_simpan_tanpa_nama_ditolak_dan_tanpa_perubahan_tidak_menambah_versi(db_salinan):
    bd = BasisData(db_salinan)
    try:
        with pytest.raises(ValueError, match="Nama notulis"):
            desk.simpan_catatan(bd, urusan="1.02", daerah="62", tahun=2024, pendorong="x", penghambat=None,
                                tindak_lanjut=None, oleh="  ", versi_dasar=0)
        h = desk.simpan_catatan(bd, urusan="1.02", daerah="62", tahun=2024, pendorong="x", penghambat=None,
                                tindak_lanjut=None, oleh="A", versi_dasar=0)
        h2 = desk.simpan_catatan(bd, urusan="1.02", daerah="62", tahun=2024, pendorong="x ", penghambat="",
                                 tindak_lanjut=None, oleh="A", versi_dasar=h.versi)
        assert h.tersimpan and not h2.tersimpan and h2.versi == 1
    finally:
        bd.tutup()


def test_halaman_catatan_sesi_basi_diberi_tahu(app_tulis):
    q = dict(provinsi="62", daerah="62", tahun=2024, urusan="1.02")
    from pantau import akun

    con = buka(os.environ["PANTAU_DB"])
    for nama in ("ani", "budi"):
        akun.tambah_pengguna(con, pelaku=akun.sistem("uji"), nama_pengguna=nama, nama_lengkap=nama.title(),
                             peran="analis", sandi=f"sandi-{nama}-uji-1")
    con.close()
    a = app_tulis(**q)
    b = app_tulis(**q)  # sesi kedua membuka catatan yang sama (masih kosong, versi 0)
    for at, nama, teks in ((a, "ani", "Posyandu aktif"), (b, "budi", "Dana desa untuk gizi")):
        assert not [t for t in at.text_area if t.key == "pendorong|1.02|62|2024|0"]  # belum masuk: tidak dapat menulis
        masuk(at, nama, f"sandi-{nama}-uji-1")
        at.text_area(key="pendorong|1.02|62|2024|0").input(teks)
    a.button[[x.label for x in a.button].index("Simpan catatan")].click().run()
    assert not a.exception
    assert any("Catatan tersimpan (versi 1)" in s.value for s in a.success)
    b.button[[x.label for x in b.button].index("Simpan catatan")].click().run()
    assert not b.exception
    peringatan = " ".join(w.value for w in b.warning)
    assert "versi 1 oleh ani" in peringatan and "Keduanya tersimpan" in peringatan
    # Keduanya tetap dapat dibaca; catatan yang berlaku adalah versi 2 milik Budi.
    b.run()
    isi = " ".join(m.value for m in b.markdown)
    assert "Dana desa untuk gizi" in isi


# -- mode presentasi (AppTest) --------------------------------------------------------------------------

def semua_ukuran_huruf(fig: dict) -> list[float]:
    lay = fig["layout"]
    ukuran = [lay["font"]["size"], lay["legend"]["font"]["size"]]
    for ax in ("xaxis", "yaxis"):
        ukuran.append(lay[ax].get("tickfont", {}).get("size", lay["font"]["size"]))
        ukuran.append(lay[ax].get("title", {}).get("font", {}).get("size", lay["font"]["size"]))
    for t in fig["data"]:
        if "textfont" in t:
            ukuran.append(t["textfont"].get("size", lay["font"]["size"]))
    return ukuran


def test_presentasi_satu_indikator_dan_url(app):
    at = app(HALAMAN, provinsi="62", daerah="62", tahun=2024, urusan="1.02", presentasi=1, slide=2)
    assert len(at.get("plotly_chart")) == 1
    assert any("2 / 4" in m.value for m in at.markdown)
    assert at.query_params["slide"] in ("2", ["2"])
    assert min(semua_ukuran_huruf(spesifikasi(at, 0))) >= 18
    at.button(key="berikutnya").click().run()
    assert at.query_params["slide"] in ("3", ["3"])
    assert any("3 / 4" in m.value for m in at.markdown)
    at.button(key="sebelumnya").click().run()
    at.button(key="sebelumnya").click().run()
    assert at.query_params["slide"] in ("1", ["1"])
    assert at.button(key="sebelumnya").disabled
    at.toggle(key="presentasi").set_value(False).run()
    assert "presentasi" not in at.query_params
    # Mode biasa: indikator slide yang sama (1) yang digambar, keempatnya di pemilih dan ikhtisar.
    assert len(at.get("plotly_chart")) == 1
    assert at.selectbox(key="indikator_dibahas").value == 1
    assert len(at.selectbox(key="indikator_dibahas").options) == 4
    assert not any("Keselarasan target" in d.value.columns for d in at.dataframe)  # ikhtisar hanya di tabnya
    at.session_state["desk_bagian"] = "Semua indikator"
    at.run()
    ikhtisar = next(d.value for d in at.dataframe if "Keselarasan target" in d.value.columns)
    assert len(ikhtisar) == 4
    assert len(at.get("plotly_chart")) == 0  # tab indikator yang dibahas tidak dibangun


# -- dek -----------------------------------------------------------------------------------------------

def test_dek_powerpoint_dan_pdf(db_salinan, capsys):
    from pptx import Presentation

    from pantau.desk.bahan import BahanRapat
    from pantau.keluaran import dek

    bd = BasisData(db_salinan)
    try:
        desk.simpan_catatan(bd, urusan="1.02", daerah="62.07", tahun=2024, pendorong="Posyandu aktif",
                            penghambat="Akses air bersih", tindak_lanjut="Revisi target stunting", oleh="Uji",
                            versi_dasar=0)
        q = dict(provinsi="62", urusan="1.02", tahun=2024)
        masukan = dict(urusan="1.02 Kesehatan", provinsi="Provinsi Kalimantan Tengah", tahun=2024,
                       indikator=bd.tanya("desk_indikator", **q), keselarasan=bd.tanya("desk_keselarasan", **q),
                       catatan=bd.tanya("desk_catatan", **q))
        mulai = time.perf_counter()
        isi = dek.bangun_dek(BahanRapat(**masukan))
        detik = time.perf_counter() - mulai
        prs = Presentation(io.BytesIO(isi))
        judul = [" ".join(s.text_frame.text for s in sl.shapes if s.has_text_frame).split("\n")[0]
                 for sl in prs.slides]
        assert "Desk urusan 1.02 Kesehatan" in judul[0]
        # Per indikator beberapa slide (grafik, angka; berlanjut bila panjang), urut seperti halaman.
        kode = [j.split(" · ")[0] for j in judul[1:-1]]
        assert list(dict.fromkeys(kode)) == list(dict.fromkeys(masukan["indikator"]["induk_kode"]))
        assert judul[-1].startswith("Catatan sesi")
        assert "Revisi target stunting" in " ".join(s.text_frame.text for s in prs.slides[-1].shapes
                                                    if s.has_text_frame)
        for k in dict.fromkeys(kode):  # setiap indikator berangka punya slide grafik
            assert any(any(s.shape_type == 13 for s in sl.shapes)
                       for sl, j in zip(list(prs.slides)[1:-1], kode) if j == k), k
        pdf = dek.bangun_pdf(BahanRapat(**masukan))
        assert pdf.startswith(b"%PDF")
        assert len(re.findall(rb"/Type /Page\b(?!s)", pdf)) == len(prs.slides)
        with capsys.disabled():
            print(f"\n[dek] 1.02 Kesehatan, provinsi 62, 2024: {len(prs.slides)} slide, {len(isi) / 1e6:.2f} MB, "
                  f"{detik:.2f} s; PDF {len(pdf) / 1e6:.2f} MB")
    finally:
        bd.tutup()


def test_tinggi_grafik_presentasi_provinsi_besar():
    """16 baris (Kalimantan Tengah + 15) muat satu layar; 39 baris (Jawa Timur) tidak dipadatkan: >= 26 px per baris."""
    from pantau.keluaran.grafik import tinggi_presentasi

    assert tinggi_presentasi(6) == tinggi_presentasi(16) == 480
    assert tinggi_presentasi(39) == 39 * 26 + 130
    assert all((tinggi_presentasi(n) - 130) / n >= 26 for n in range(17, 60))
