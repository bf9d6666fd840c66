"""Predikat dan angka di sampingnya cocok di setiap tepi skala_predikat, di setiap tempat keduanya tampil bersama
(isu #16, keputusan #16): tabel halaman Daerah (nilai tampil Styler), kisi urusan Ringkasan (angka sel dan warna
predikat), laporan Permendagri 86/2017 (pratinjau = teks PDF), dek desk urusan (tabel angka).

Hitungan tangan: target 100, realisasi R -> capaian R; batas bawah Sangat Tinggi 91, Tinggi 76, Sedang 66, Rendah 51.
Angka yang dibaca orang (teks tampil, dibaca kembali) harus jatuh di pita predikat yang tertulis di sampingnya.
"""
from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest

from pantau.aturan.angka import baca_angka
from pantau.aturan.format import angka_sebanding
from pantau.db import buka, jalankan
from pantau.keluaran import dek
from pantau.keluaran import grafik as g
from pantau.keluaran.laporan import sebagai_dataframe, susun_rkpd
from tests.bantuan import db_baru, impor_kasus, ind, rea, tgt
from tests.bantuan_halaman import jalankan_halaman, urai

BATAS = {"Sangat Tinggi": 91.0, "Tinggi": 76.0, "Sedang": 66.0, "Rendah": 51.0, "Sangat Rendah": 0.0}
#: capaian di kedua sisi setiap batas, dan yang pembulatannya ke satu desimal menyeberang (90,96 -> 91,0)
TEPI = [90.94, 90.95, 90.96, 91.0, 75.95, 75.99, 76.0, 65.96, 66.0, 50.99, 51.0, 100.0, 0.0]


def pita(x: float) -> str:
    return next(p for p, b in BATAS.items() if x >= b)


def dibaca(teks: str) -> float:
    """Angka seperti dibaca orang dari teks tampil ("90,96%", "▲ 90,96")."""
    bersih = "".join(c for c in teks if c.isdigit() or c in ".,-")
    return baca_angka(bersih).nilai


@pytest.mark.parametrize("x", TEPI + [90.5, 75.5, 65.5, 50.5, 90.99, 75.96])
def test_angka_sebanding_tidak_menyeberang_batas(x):
    teks = angka_sebanding(x, BATAS.values())
    assert pita(dibaca(teks)) == pita(x), (x, teks)
    assert angka_sebanding(90.96, BATAS.values()) == "90,96" and angka_sebanding(90.4, BATAS.values()) == "90"


@pytest.fixture(scope="module")
def kasus(tmp_path_factory):
    """Provinsi 65, urusan Kesehatan: satu indikator per nilai TEPI (kode T0..), capaian 2024 = nilai itu."""
    folder = tmp_path_factory.mktemp("tepi")
    path = db_baru(folder / "pantau.duckdb")
    con = buka(path)
    kode = [f"T{i:02d}" for i in range(len(TEPI))]
    impor_kasus(con, folder / "k", indikator=[ind(k, daerah_kode="65") for k in kode],
                target=[tgt(k, 2024, "100", daerah_kode="65") for k in kode],
                realisasi=[rea(k, 2024, str(v).replace(".", ","), daerah_kode="65") for k, v in zip(kode, TEPI)])
    yield path, con, dict(zip(kode, TEPI))
    con.close()


def test_sql_capaian_kasus_sama_dengan_hitungan_tangan(kasus):
    _, con, harap = kasus
    df = con.execute("SELECT i.kode, c.capaian, c.predikat FROM capaian_tahunan c JOIN indikator i "
                     "ON i.id = c.indikator_id WHERE c.tahun = 2024").df()
    assert dict(zip(df["kode"], df["capaian"])) == pytest.approx(harap)
    assert {k: pita(v) for k, v in harap.items()} == dict(zip(df["kode"], df["predikat"]))


def test_laporan_pratinjau_dan_pdf(kasus):
    _, con, harap = kasus
    pid = con.execute("SELECT id FROM periode WHERE daerah_kode = '65'").fetchone()[0]
    df = sebagai_dataframe(susun_rkpd(con, daerah="65", periode_id=pid, tahun=2024))
    kol_c = next(k for k in df.columns if k.startswith("Tingkat capaian 2024"))
    kol_p = next(k for k in df.columns if k.startswith("Predikat"))
    assert len(df) == len(harap)
    for kode, c, p in zip(df["Kode"], df[kol_c], df[kol_p]):
        assert dibaca(c) == pytest.approx(harap[kode]) and pita(dibaca(c)) in p, (kode, c, p)


def test_dek_tabel_angka(kasus):
    _, con, harap = kasus
    d = jalankan(con, "desk_indikator", provinsi="65", urusan="1.02", tahun=2024)
    baris = dek._baris_tabel(d)
    assert len(baris) == len(harap)
    for kode, b in zip(d["induk_kode"], baris):
        assert dibaca(b[3]) == pytest.approx(harap[kode]) and b[4].endswith(pita(dibaca(b[3]))), (kode, b)


def test_tabel_daerah_nilai_tampil(kasus, monkeypatch):
    path, _, harap = kasus
    monkeypatch.setenv("PANTAU_DB", str(path))
    at = jalankan_halaman("pages/2_Daerah.py", provinsi="65", daerah="65", tahun="2024")
    d = next(x for x in at.dataframe if "Predikat" in x.value.columns)
    tampil = pa.ipc.open_stream(d.proto.arrow_data.styler.display_values).read_all().to_pandas()
    assert len(tampil) == len(harap)
    for kode, c, p in zip(tampil["Kode"], tampil["Capaian (%)"], tampil["Predikat"]):
        assert dibaca(c) == pytest.approx(harap[kode]) and p.endswith(pita(dibaca(c))), (kode, c, p)


def test_kisi_urusan_angka_sel_sepita_dengan_warnanya(db_kosong):
    skala = jalankan(db_kosong, "skala_predikat")
    urut = dict(zip(skala["predikat"], skala["urutan"]))
    urusan = [f"Urusan {i}" for i in range(len(TEPI))]
    u = pd.DataFrame({"urusan": urusan, "rata_capaian": TEPI, "predikat": [pita(x) for x in TEPI]})
    panas = pd.DataFrame({"daerah": "Kabupaten A", "urusan": urusan, "rata_capaian": TEPI,
                          "predikat": [pita(x) for x in TEPI], "urutan_predikat": [urut[pita(x)] for x in TEPI]})
    fig = json.loads(g.capaian_urusan(u, skala, panas).to_json())
    nama_urutan = {v: k for k, v in urut.items()}
    dilihat = 0
    for tr in fig["data"][1:3]:  # dua lapis angka (teks putih dan hitam)
        for zr, tr_teks in zip(urai(tr["z"]), tr["text"]):
            for z, t in zip(zr, tr_teks):
                if t:
                    assert pita(dibaca(t)) == nama_urutan[int(z)], (t, z)
                    dilihat += 1
    assert dilihat == 2 * len(TEPI)
