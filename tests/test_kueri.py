"""Setiap berkas queries/*.sql berjalan pada basis data demo dan mengembalikan kolom yang didokumentasikan
di kepalanya ("-- Kolom: ..."), dengan parameter terikat yang juga didokumentasikan ("-- Parameter: ...")."""
from __future__ import annotations

import re
from datetime import date

import pytest

from pantau.db import jalankan, parameter_kueri, teks_kueri
from pantau.jalur import QUERIES_DIR

BERKAS = sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def kolom_terdokumentasi(sql: str) -> list[str]:
    kepala = []
    aktif = False
    for baris in sql.splitlines():
        if not baris.startswith("--"):
            break
        isi = baris[2:].strip()
        if isi.startswith("Kolom:"):
            aktif = True
            isi = isi[len("Kolom:"):]
        elif re.match(r"^[A-Z][a-z]+:", isi):
            aktif = False
        if aktif:
            kepala.append(isi)
    return [k.strip() for k in ",".join(kepala).split(",") if k.strip()]


@pytest.fixture(scope="module")
def contoh(con):
    periode = con.execute("SELECT id FROM periode WHERE daerah_kode = '65.01'").fetchone()[0]
    indikator = con.execute(
        "SELECT id FROM indikator WHERE daerah_kode = '62' AND kode = 'IKU-01'").fetchone()[0]
    prioritas = con.execute("SELECT min(id) FROM prioritas WHERE daerah_kode = '65' AND jenis = 'prioritas'"
                            ).fetchone()[0]
    return {"daerah": "65.01", "provinsi": "65", "periode_id": periode, "tahun": 2024, "batas": 10,
            "prioritas": prioritas,
            "indikator_id": indikator, "urusan": "1.02",
            "saring_urusan": ["lintas", "1.02"], "saring_predikat": [5, 4, 0], "saring_iku": False,
            "saring_on_track": "", "saring_cari": "", "indikator_kode": "IKU-01",
            "daerah_riwayat": "65", "oleh_riwayat": "", "tanggal_dari": date(2000, 1, 1),
            "tanggal_sampai": date(2100, 1, 1), "dimensi": "urusan"}


def test_ada_kueri():
    assert len(BERKAS) >= 15


@pytest.mark.parametrize("nama", BERKAS)
def test_kueri_berjalan_dan_kolomnya_sesuai_kepala(con, contoh, nama):
    sql = teks_kueri(nama)
    assert sql.startswith("-- Pertanyaan:"), f"{nama}.sql harus diawali '-- Pertanyaan:'"
    assert "-- Parameter:" in sql
    params = parameter_kueri(sql)
    kepala_param = sql.split("-- Parameter:", 1)[1].split("\n-- Kolom:", 1)[0]
    for p in params:
        assert f"${p}" in kepala_param, f"parameter ${p} tidak didokumentasikan di {nama}.sql"
    df = jalankan(con, nama, **{k: contoh[k] for k in params})
    assert list(df.columns) == kolom_terdokumentasi(sql)


@pytest.mark.parametrize("nama", BERKAS)
def test_kueri_tanpa_nilai_tertanam_dari_pengguna(nama):
    """Nilai pengguna hanya lewat $parameter: tidak ada penanda format Python atau ? posisional di SQL."""
    sql = "\n".join(b.split("--", 1)[0] for b in teks_kueri(nama).splitlines())
    assert not re.search(r"\{[a-z_]*\}|%s|%\(|\?", sql), f"{nama}.sql memuat penanda format"


def test_kueri_menolak_parameter_yang_kurang(con):
    with pytest.raises(TypeError, match="membutuhkan parameter"):
        jalankan(con, "ringkasan_predikat", daerah="65")
