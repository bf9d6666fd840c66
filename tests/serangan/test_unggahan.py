"""Serangan: unggahan tanpa batas (keputusan #19, lubang 3).

Berkas jahat (tests/serangan/berkas_jahat.py) diperiksa oleh ``siapkan_impor`` di proses sendiri
(tests/serangan/ukur_impor.py) yang membuka basis data hanya-baca: setiap berkas ditolak dengan pesan Indonesia
yang menyebut batasnya, tidak ada yang ditulis (berkas basis data tetap sama bita demi bita), dan memori puncak
proses tetap di bawah ``BATAS_MEMORI_MB`` di atas keadaan diam. Angka terukur dicatat di
tests/artefak/memori_unggahan.json. Di peramban: bom zip diunggah lewat halaman Impor dan ditolak dengan pesan.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile

import pytest

from pantau.impor import ImporGagal, baca
from pantau.jalur import ROOT
from tests.serangan import berkas_jahat as bj

#: Batas yang dijanjikan README: memori puncak pemeriksaan unggahan apa pun di atas keadaan diam.
BATAS_MEMORI_MB = 500
ARTEFAK = ROOT / "tests" / "artefak" / "memori_unggahan.json"

KASUS = {
    # nama: (pembuat berkas, pola pesan penolakan yang menyebut batasnya)
    "bom_zip_512_mb": (lambda d: bj.bom_zip(d / "bom.xlsx", 512),
                       r"berukuran 512,0 MB setelah dibuka \(batas impor: 192 MB"),
    "bom_zip_rasio_1000": (lambda d: bj.bom_zip(d / "bom_rasio.xlsx", 150),
                           r"termampatkan 1\.0\d\d:1 .*batas impor 100:1.*bom zip"),
    "xlsx_sejuta_baris": (lambda d: bj.sejuta_baris(d / "sejuta.xlsx"),
                          r"lebih dari 210\.000 baris data \(batas impor"),
    "xlsx_teks_padat_160_mb": (lambda d: bj.teks_padat(d / "padat.xlsx"), r"baris dobel"),
    "csv_50_mb": (lambda d: bj.csv_besar(d / "realisasi_50mb.csv", 50), r"berukuran 50,0 MB \(batas impor: 20 MB"),
    "csv_19_mb_800_ribu_baris": (lambda d: bj.csv_besar(d / "realisasi_19mb.csv", 19.5),
                                 r"lebih dari 210\.000 baris data \(batas impor"),
}


def _sidik(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ukur(db, berkas) -> dict:
    r = subprocess.run([sys.executable, "-m", "tests.serangan.ukur_impor", str(db), str(berkas)], cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def catat(nama: str, hasil: dict, berkas) -> None:
    ARTEFAK.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(ARTEFAK.read_text()) if ARTEFAK.exists() else {}
    data[nama] = {k: v for k, v in hasil.items() if k != "pesan"} | {
        "berkas_kb": round(berkas.stat().st_size / 1024), "pesan": (hasil["pesan"].splitlines() or [""])[-1][:300]}
    ARTEFAK.write_text(json.dumps(data, indent=2, ensure_ascii=False))


@pytest.fixture(scope="module")
def db_baca(db_demo, tmp_path_factory):
    path = tmp_path_factory.mktemp("unggahan") / "pantau.duckdb"
    shutil.copy(db_demo, path)
    return path


@pytest.mark.parametrize("nama", list(KASUS))
def test_berkas_jahat_ditolak_dengan_memori_terbatas(nama, db_baca, tmp_path):
    buat, pola = KASUS[nama]
    berkas = buat(tmp_path)
    sebelum = _sidik(db_baca)
    hasil = ukur(db_baca, berkas)
    catat(nama, hasil, berkas)
    assert hasil["ditolak"], hasil
    assert re.search(pola, hasil["pesan"]), hasil["pesan"][:500]
    assert "tidak ada data yang ditulis" in hasil["pesan"]
    assert hasil["di_atas_diam_mb"] < BATAS_MEMORI_MB, hasil
    assert _sidik(db_baca) == sebelum  # basis data tidak berubah


@pytest.mark.lambat
def test_berkas_sah_terbesar_lolos_dengan_memori_terbatas(db_baca, tmp_path):
    """Pembanding: berkas sah sebesar uji korpus (200.000 realisasi + 6.667 indikator, mendekati batas 210.000
    baris) lolos pemeriksaan, juga di bawah batas memori. Inilah unggahan terberat yang diterima."""
    from tests.korpus_buruk import buat_korpus as korpus

    berkas = tmp_path / "sah_200_ribu.xlsx"
    berkas.write_bytes(korpus.buku_besar(200_000, salah_di_akhir=False))
    hasil = ukur(db_baca, berkas)
    catat("xlsx_sah_206667_baris", hasil, berkas)
    assert not hasil["ditolak"], hasil["pesan"][:500]
    assert hasil["di_atas_diam_mb"] < BATAS_MEMORI_MB, hasil


# -- batas lain, tanpa ukur memori -------------------------------------------------------------------------------

def _tolak(path) -> str:
    with pytest.raises(ImporGagal) as e:
        baca.baca_berkas(path, [])
    assert len(e.value.masalah) == 1
    return str(e.value.masalah[0])


def test_zip_dengan_ribuan_bagian_ditolak(tmp_path):
    f = tmp_path / "banyak.xlsx"
    with zipfile.ZipFile(f, "w") as z:
        for i in range(baca.BATAS_JUMLAH_ANGGOTA + 1):
            z.writestr(f"xl/media/{i}.bin", b"x")
    assert "berisi 1.001 bagian (batas impor: 1.000)" in _tolak(f)


def test_satu_baris_xml_raksasa_ditolak(tmp_path, monkeypatch):
    monkeypatch.setattr(baca, "BATAS_BARIS_XML_MB", 1)
    import secrets

    acak = secrets.token_hex(1_100_000).encode()  # 2,2 MB yang sukar dimampatkan (lolos pemeriksaan rasio)
    f = bj._buku(tmp_path / "baris.xlsx",
                 [b'<row r="2"><c r="F2" t="inlineStr"><is><t>' + acak + b"</t></is></c></row>"])
    assert "satu baris berisi lebih dari 1 MB XML (batas impor)" in _tolak(f)


def test_bagian_lain_terlalu_besar_ditolak(tmp_path, monkeypatch):
    monkeypatch.setattr(baca, "BATAS_ANGGOTA_LAIN_MB", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", bytes(range(256)) * 8_000)  # 2 MB, sukar dimampatkan
    f = tmp_path / "ss.xlsx"
    f.write_bytes(buf.getvalue())
    assert "bagian 'xl/sharedStrings.xml' berukuran 2,0 MB setelah dibuka (batas impor: 1 MB per bagian)" in _tolak(f)


def test_batas_unggah_streamlit_sama_dengan_batas_pembaca():
    konfig = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert konfig["server"]["maxUploadSize"] == baca.BATAS_BERKAS_MB == 20


# -- peramban ---------------------------------------------------------------------------------------------------

@pytest.mark.peramban
def test_peramban_bom_zip_lewat_halaman_impor_ditolak_tanpa_menulis(db_demo, halaman, tmp_path):
    from pantau.db import buka
    from tests.bantuan_halaman import sandi_demo
    from tests.bantuan_peramban import hentikan, masuk, mulai_server, tangkap_layar, tanpa_galat, tunggu_siap

    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    bom = bj.bom_zip(tmp_path / "realisasi_tw3.xlsx", 150)
    s = mulai_server(db, tmp_path / "server.log")
    try:
        halaman.goto(s.url + "/Impor?provinsi=65&daerah=65.01&tahun=2024")
        tunggu_siap(halaman)
        masuk(halaman, "demo.operator.bulungan", sandi_demo("demo.operator.bulungan"))
        halaman.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bom))
        halaman.get_by_text("Berkas ditolak: 1 kesalahan").wait_for(timeout=60_000)
        tunggu_siap(halaman)
        galat = halaman.locator('[data-testid="stAlertContentError"]').inner_text().replace("\u2060", "")
        assert "termampatkan 1.0" in galat and "batas impor 100:1" in galat and "bom zip" in galat, galat
        tangkap_layar(halaman, "serangan-unggahan-bom-zip-1920x1080")
        tanpa_galat(halaman)
    finally:
        hentikan(s)
    con = buka(db, baca_saja=True)
    try:
        assert con.execute("SELECT count(*) FROM impor").fetchone()[0] == 1  # hanya impor demo
    finally:
        con.close()
    assert not list(tmp_path.glob("**/cadangan*/**/*.duckdb"))
