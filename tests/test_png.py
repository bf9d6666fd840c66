"""PNG unduhan grafik (keputusan #22): judul, subjudul dan baris sumber tergambar di dalam PNG (dan tersimpan sebagai
metadata), huruf antarmuka Source Sans 3 tersedia bagi Chromium kaleido lewat fontconfig, bukan huruf serif
cadangan."""
from __future__ import annotations

import io
import os
import subprocess
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image

from pantau.aturan.format import BULAN
from pantau.keluaran import ekspor
from pantau.keluaran import grafik as g

ARTEFAK = Path(__file__).resolve().parent / "artefak" / "png"


def _predikat() -> pd.DataFrame:
    return pd.DataFrame({"predikat": ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"],
                         "simbol": ["▲▲", "▲", "●", "▼", "▼▼"], "urutan": [5, 4, 3, 2, 1],
                         "warna": ["#0072B2", "#56B4E9", "#F0E442", "#E69F00", "#D55E00"],
                         "jumlah": [12, 7, 4, 2, 1]})


def _gambar(img: Image.Image) -> bytes:
    return img.convert("RGB").tobytes()


def _cari_baris(besar: Image.Image, kecil: Image.Image) -> int | None:
    """Posisi y tempat ``kecil`` (selebar ``besar``) tertempel utuh di ``besar``; None bila tidak ada."""
    b, k = besar.convert("RGB"), kecil.convert("RGB")
    baris_awal = k.crop((0, 0, k.width, 1)).tobytes()
    for y in range(0, b.height - k.height + 1):
        if b.crop((0, y, b.width, y + 1)).tobytes() == baris_awal and \
                b.crop((0, y, b.width, y + k.height)).tobytes() == k.tobytes():
            return y
    return None


def _gelap(img: Image.Image, kotak: tuple[int, int, int, int]) -> int:
    """Jumlah piksel gelap (teks) dalam kotak."""
    abu = img.convert("L").crop(kotak)
    return sum(1 for p in abu.getdata() if p < 110)


def test_fc_match_menemukan_source_sans_3_lewat_konfigurasi_pantau():
    env = {**os.environ, "FONTCONFIG_FILE": str(ekspor.HURUF_DIR / "fonts.conf")}
    for pola, gaya in (("Source Sans 3", "Regular"), ("Source Sans 3:bold", "Bold")):
        keluar = subprocess.run(["fc-match", "--format=%{family[0]}|%{style[0]}|%{file}", pola], env=env,
                                capture_output=True, text=True, check=True).stdout
        keluarga, gaya_nyata, berkas = keluar.split("|")
        assert keluarga == "Source Sans 3" and gaya_nyata == gaya, keluar
        assert Path(berkas).resolve() == ekspor.HURUF_FILE.resolve()
    # Tanpa konfigurasi Pantau, Debian tidak punya huruf ini: itulah sebabnya berkasnya ikut di repositori.
    assert (ekspor.HURUF_DIR / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_kaleido_menggambar_dengan_source_sans_bukan_serif():
    """Teks yang sama digambar dengan FONT Pantau, dengan "Source Sans 3" saja, dengan serif dan dengan DejaVu
    Sans: FONT harus identik piksel dengan Source Sans 3 dan berbeda dari kedua cadangan."""
    def png(keluarga: str) -> bytes:
        fig = go.Figure()
        fig.add_annotation(text="Capaian indikator 87,5% · Kabupaten Bulungan", x=0.5, y=0.5, showarrow=False,
                           font={"family": keluarga, "size": 40, "color": "#000000"})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        fig.update_layout(template="plotly_white", margin={"l": 0, "r": 0, "t": 0, "b": 0})
        return _gambar(Image.open(io.BytesIO(ekspor.png_bytes(fig, lebar=1000, tinggi=120))))

    pantau, source, serif, dejavu = png(g.FONT), png('"Source Sans 3"'), png("serif"), png('"DejaVu Sans"')
    assert pantau == source
    assert pantau != serif and pantau != dejavu and serif != dejavu
    assert os.environ.get("FONTCONFIG_FILE")  # diatur ekspor.siapkan_huruf sebelum Chromium dimulai


def test_png_unduhan_memuat_judul_subjudul_dan_sumber():
    fig = g.predikat_batang(_predikat(), tinggi=300)
    judul = "Jumlah indikator per predikat capaian"
    subjudul = "Kabupaten Bulungan · RPJMD 2021-2026 · tahun 2024"
    polos = Image.open(io.BytesIO(ekspor.png_bytes(fig, lebar=900, tinggi=300)))
    isi = ekspor.png_bytes(fig, lebar=900, tinggi=300, judul=judul, subjudul=subjudul,
                           sumber="BPS (Susenas Maret)")
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    (ARTEFAK / "predikat-dengan-kepala.png").write_bytes(isi)
    img = Image.open(io.BytesIO(isi))
    assert img.format == "PNG" and img.width == 900 and img.height > 300 + 80
    # Metadata PNG: judul, subjudul, sumber dan tanggal unduh.
    hari = datetime.now()
    assert img.info["Title"] == judul and img.info["Description"] == subjudul
    assert img.info["Source"].startswith("Sumber: Pantau, data BPS (Susenas Maret); diunduh ")
    assert f"{hari.day} {BULAN[hari.month - 1]} {hari.year}" in img.info["Source"]
    # Grafik tertempel utuh di tengah, kepala di atasnya dan kaki di bawahnya berisi teks (piksel gelap).
    y = _cari_baris(img, polos)
    assert y is not None and y >= 50, y
    assert _gelap(img, (0, 0, img.width, y)) > 1500  # judul tebal + subjudul
    assert _gelap(img, (0, y + polos.height, img.width, img.height)) > 400  # baris sumber
    # Judul lebih besar dari subjudul: baris teks pertama lebih tinggi.
    baris = [any(p < 110 for p in img.convert("L").crop((0, r, img.width, r + 1)).getdata()) for r in range(y)]
    blok, mulai = [], None
    for r, ada in enumerate(baris + [False]):
        if ada and mulai is None:
            mulai = r
        elif not ada and mulai is not None:
            blok.append(r - mulai)
            mulai = None
    assert len(blok) >= 2 and blok[0] > blok[1], blok


def test_judul_panjang_dibungkus_dan_skala_dua():
    fig = g.predikat_batang(_predikat(), tinggi=250)
    judul = "Persentase Penduduk Miskin " * 6
    isi = ekspor.png_bytes(fig, lebar=600, tinggi=250, skala=2, judul=judul.strip(), subjudul="x")
    img = Image.open(io.BytesIO(isi))
    assert img.width == 1200  # 600 px CSS x 2
    pendek = Image.open(io.BytesIO(ekspor.png_bytes(fig, lebar=600, tinggi=250, skala=2, judul="Pendek",
                                                    subjudul="x")))
    assert img.height > pendek.height + 60  # judul panjang menjadi beberapa baris, tidak terpotong


def test_peta_png_berkepala(con):
    from pantau.db import jalankan
    from pantau.keluaran import peta

    kab = jalankan(con, "banding_kabkota", provinsi="65", indikator_kode="IKU-01", tahun=2024)
    kab = kab[kab["jenis"] != "provinsi"]
    fig = peta.peta_kabkota(kab, peta.geojson_provinsi("65"), jalankan(con, "skala_predikat"), tinggi=420)
    isi = peta.png_peta(fig, lebar=800, judul="Peta predikat capaian · IKU-01",
                        subjudul="Kabupaten/kota Provinsi Kalimantan Utara · 2024")
    img = Image.open(io.BytesIO(isi))
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    (ARTEFAK / "peta-dengan-kepala.png").write_bytes(isi)
    assert img.info["Title"] == "Peta predikat capaian · IKU-01"
    assert img.info["Source"].startswith("Sumber: Pantau, data target dan realisasi indikator RPJMD; diunduh ")
    assert img.size[0] == 800 and img.size[1] > 420


@pytest.mark.parametrize("nilai,harap", [
    ([["BPS", None, "BPS", "–"], ["Dinkes"]], "BPS; Dinkes"),
    ([["a", "b", "c", "d", "e"]], "a; b; c dan 2 sumber lain"),
    ([[None, float("nan")]], None),
])
def test_sumber_data(nilai, harap):
    from pantau.ui.komponen import sumber_data

    assert sumber_data(*nilai) == harap
