"""Dek rapat terbaca dari belakang ruang rapat (keputusan #22): setiap teks PowerPoint dan PDF >= 18 pt (judul lebih
besar), grafik digambar seukuran tempatnya dengan huruf 24 px (= 18 pt), tabel dan daftar panjang berlanjut ke
slide berikutnya tanpa ada baris yang hilang, dan judul sampul di tengah slide 16:9."""
from __future__ import annotations

import io
import re
import subprocess

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Pt
from pypdf import PdfReader

from pantau.db import jalankan
from pantau.desk.bahan import BahanRapat
from pantau.keluaran import dek

Q = dict(provinsi="62", urusan="1.02", tahun=2026)


def _masukan(con, **ubah) -> dict:
    m = dict(urusan="1.02 Kesehatan", provinsi="Provinsi Kalimantan Tengah", tahun=2026,
             indikator=jalankan(con, "desk_indikator", **Q), keselarasan=jalankan(con, "desk_keselarasan", **Q),
             catatan=jalankan(con, "desk_catatan", **Q), dukungan=jalankan(con, "desk_dukungan", **Q),
             dukungan_jumlah=jalankan(con, "desk_dukungan_jumlah", **Q))
    m.update(ubah)
    return m


@pytest.fixture
def png_palsu(monkeypatch):
    """Ganti kaleido dengan PNG kosong seukuran permintaan; catat gambar dan ukurannya (uji cepat, tanpa Chromium)."""
    dicatat = []

    def palsu(fig, *, lebar, tinggi, skala=1.0, **kw):
        dicatat.append({"fig": fig, "lebar": lebar, "tinggi": tinggi, "skala": skala})
        buf = io.BytesIO()
        Image.new("RGB", (round(lebar * skala), round(tinggi * skala)), "white").save(buf, format="PNG")
        return buf.getvalue()

    monkeypatch.setattr(dek.ekspor, "png_bytes", palsu)
    return dicatat


def _catatan_panjang() -> pd.DataFrame:
    teks = ("Posyandu aktif di semua desa, kader terlatih, dan pemberian makanan tambahan berjalan tepat waktu "
            "sepanjang tahun; ") * 3
    return pd.DataFrame([{"daerah_kode": f"62.{i:02d}", "daerah": f"Kabupaten Uji {i}", "jenis": "kabupaten",
                          "versi": 1, "pendorong": teks, "penghambat": "Akses air bersih " * 8,
                          "tindak_lanjut": f"Tindak lanjut {i}", "oleh": "demo.analis",
                          "pada": pd.Timestamp("2026-03-01 10:00"), "jumlah_versi": 1} for i in range(1, 9)])


def _runs(prs):
    """(nomor slide, nama bentuk, ukuran pt atau None, teks) setiap run teks, termasuk sel tabel."""
    for n, sl in enumerate(prs.slides, start=1):
        for s in sl.shapes:
            frames = []
            if s.has_text_frame:
                frames.append(s.text_frame)
            if s.has_table:
                frames += [c.text_frame for r in s.table.rows for c in r.cells]
            for tf in frames:
                for p in tf.paragraphs:
                    for r in p.runs:
                        if r.text.strip():
                            yield n, s.name, (r.font.size.pt if r.font.size is not None else None), r.text


def test_pptx_semua_teks_minimal_18pt_judul_lebih_besar_dan_sampul_di_tengah(con, png_palsu):
    prs = Presentation(io.BytesIO(dek.bangun_dek(BahanRapat(**_masukan(con, catatan=_catatan_panjang())))))
    runs = list(_runs(prs))
    assert len(runs) > 200
    kecil = [(n, nama, pt, t[:30]) for n, nama, pt, t in runs if pt is None or pt < 18]
    assert not kecil, kecil[:10]
    judul = [pt for n, nama, pt, _ in runs if nama == "Judul"]
    assert judul and min(judul) >= 28
    assert min(pt for n, nama, pt, _ in runs if nama == "Judul" and n == 1) >= 40

    lebar, tinggi = prs.slide_width, prs.slide_height
    assert abs(lebar / tinggi - 16 / 9) < 0.01
    sampul = {s.name: s for s in prs.slides[0].shapes}
    for nama in ("Judul", "Subjudul"):
        s = sampul[nama]
        assert abs((s.left + s.width / 2) - lebar / 2) < Emu(Pt(1)), nama  # kotak di tengah mendatar
        assert all(p.alignment == PP_ALIGN.CENTER for p in s.text_frame.paragraphs), nama
    atas = sampul["Judul"].top
    bawah = sampul["Subjudul"].top + sampul["Subjudul"].height
    assert abs((atas + bawah) / 2 - tinggi / 2) < Emu(Pt(12))  # dan tegak
    # Tidak ada kotak yang keluar slide (isi yang terpotong di layar proyektor).
    for n, sl in enumerate(prs.slides, start=1):
        for s in sl.shapes:
            assert s.left >= 0 and s.top >= 0, (n, s.name)
            assert s.left + s.width <= lebar + Emu(Pt(1)) and s.top + s.height <= tinggi, (n, s.name)


def test_grafik_digambar_seukuran_tempatnya_dengan_huruf_besar(con, png_palsu):
    prs = Presentation(io.BytesIO(dek.bangun_dek(BahanRapat(**_masukan(con)))))
    gambar = [s for sl in prs.slides for s in sl.shapes if s.shape_type == 13]
    assert len(gambar) == len(png_palsu) >= 3
    for s, c in zip(gambar, png_palsu):
        inci_w, inci_h = s.width / 914400, s.height / 914400
        # px CSS = inci x 96: huruf 24 px di gambar = 18 pt di slide; PNG dua kali lebih rapat.
        assert c["lebar"] == round(inci_w * dek.DPI_GRAFIK) and c["tinggi"] == round(inci_h * dek.DPI_GRAFIK)
        assert c["skala"] == 2 and inci_w > 12
        fig = c["fig"]
        ukuran = [fig.layout.font.size, fig.layout.yaxis.tickfont.size, fig.layout.xaxis.tickfont.size]
        ukuran += [t.textfont.size for t in fig.data if t.type == "scatter" and t.mode == "text"]
        assert min(ukuran) >= 24, ukuran
        # Jarak antarbaris daerah cukup untuk huruf 24 px.
        assert (c["tinggi"] - dek.PX_SUMBU_GRAFIK) / len(fig.data[0].y) >= dek.PX_PER_BARIS_GRAFIK


def test_provinsi_besar_dipecah_tanpa_kehilangan_daerah(con, png_palsu):
    """39 baris (seperti Jawa Timur): grafik dan tabel angka berlanjut ke beberapa slide; setiap daerah muncul
    tepat sekali (provinsi diulang di setiap slide grafik sebagai acuan), sumbu x sama di semua potongan."""
    ind = jalankan(con, "desk_indikator", **Q)
    satu = ind[ind["induk_id"] == ind["induk_id"].iloc[0]]
    prov, kab = satu[satu["jenis"] == "provinsi"], satu[satu["jenis"] != "provinsi"]
    banyak = pd.concat([prov] + [kab.assign(daerah=kab["daerah"] + f" {i}",
                                            daerah_kode=kab["daerah_kode"] + f"{i}") for i in range(3)])[:39]
    prs = Presentation(io.BytesIO(dek.bangun_dek(BahanRapat(**_masukan(con, indikator=banyak, dukungan=None)))))
    assert len(png_palsu) >= 3
    dilihat = [y for c in png_palsu for y in c["fig"].data[0].y]
    nama_prov = f"◆ {prov['daerah'].iloc[0]}"
    assert dilihat.count(nama_prov) == len(png_palsu)
    assert sorted(y for y in dilihat if y != nama_prov) == sorted(banyak["daerah"].iloc[1:])
    assert len({tuple(c["fig"].layout.xaxis.range) for c in png_palsu}) == 1
    sel = [r.cells[0].text for sl in prs.slides for s in sl.shapes if s.has_table for r in list(s.table.rows)[1:]]
    assert sorted(x.removeprefix("◆ ") for x in sel) == sorted(banyak["daerah"])
    lanjut = [s.text_frame.text for sl in prs.slides for s in sl.shapes if s.name == "Subjudul"]
    assert any(re.search(r"halaman 2/\d", t) for t in lanjut)


def test_catatan_panjang_dan_daftar_disepakati_berlanjut(con, png_palsu):
    m = _masukan(con, catatan=_catatan_panjang())
    prs = Presentation(io.BytesIO(dek.bangun_dek(BahanRapat(**m))))
    teks = {}
    for sl in prs.slides:
        j = next(s.text_frame.text for s in sl.shapes if s.name == "Judul")
        isi = " ".join(s.text_frame.text for s in sl.shapes if s.name == "Isi")
        teks.setdefault(j.split(" · ")[0].split(" (")[0], []).append(re.sub(r"\s+", " ", isi))
    catatan = " ".join(teks["Catatan sesi"])
    assert len(teks["Catatan sesi"]) >= 2
    for i in range(1, 9):  # setiap daerah dan setiap isi catatannya ada, utuh
        assert f"Kabupaten Uji {i} (versi 1" in catatan and f"Tindak lanjut: Tindak lanjut {i}" in catatan
    assert catatan.count("sepanjang tahun;") == 8 * 3
    ok = m["dukungan"][m["dukungan"]["disepakati"]]
    assert len(ok) > 24  # dulu dipotong di 24 baris
    daftar = " ".join(teks["Sub kegiatan yang disepakati"])
    for d, k, s in zip(ok["daerah"], ok["induk_kode"], ok["sub_kegiatan_kode"]):
        assert f"{d} · {k} · {s}" in daftar


def test_pdf_semua_teks_minimal_18pt_dan_sama_dengan_pptx(con):
    """PDF sungguhan (grafik lewat kaleido): ukuran setiap potongan teks dibaca kembali dengan pypdf, halaman
    sama banyak dengan slide, judul sampul di tengah, gambar grafik ada di setiap halaman grafik."""
    m = _masukan(con, catatan=_catatan_panjang())
    pdf = PdfReader(io.BytesIO(dek.bangun_pdf(BahanRapat(**m))))
    prs = Presentation(io.BytesIO(dek.bangun_dek(BahanRapat(**m))))
    assert len(pdf.pages) == len(prs.slides)
    ukuran, sampul = [], []

    for n, hal in enumerate(pdf.pages):
        def lihat(teks, cm, tm, font, pt, n=n):
            if teks.strip():
                skala = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                ukuran.append((n + 1, round(pt * skala, 1), teks[:30]))
                if n == 0:
                    sampul.append((teks, tm[4] * cm[0] + cm[4], pt * skala))
        hal.extract_text(visitor_text=lihat)
    assert len(ukuran) > 200
    assert not [u for u in ukuran if u[1] < 18], [u for u in ukuran if u[1] < 18][:10]
    # Judul sampul di tengah: x awal + setengah lebar teks = setengah lebar halaman.
    from reportlab.pdfbase import pdfmetrics

    teks, x, pt = next(s for s in sampul if s[0].startswith("Desk urusan"))
    lebar = pdfmetrics.stringWidth(teks.strip(), dek._huruf_pdf()[1], pt)
    assert abs(x + lebar / 2 - float(pdf.pages[0].mediabox.width) / 2) < 2
    gambar = sum(1 for h in pdf.pages if h.images)
    assert gambar == sum(1 for sl in prs.slides if any(s.shape_type == 13 for s in sl.shapes)) >= 3
    # Teks halaman menurut pdftotext (poppler): semua sub kegiatan disepakati ada.
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(dek.bangun_pdf(BahanRapat(**m)))
        f.flush()
        teks = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True,
                              check=True).stdout
    ok = m["dukungan"][m["dukungan"]["disepakati"]]
    assert all(k in teks for k in ok["sub_kegiatan_kode"])


def test_bungkus_tidak_membuang_kata():
    kalimat = "Pengelolaan Pelayanan Kesehatan Dasar Melalui Pendekatan Keluarga " * 4 + "X" * 120
    baris = dek.bungkus(kalimat, 3.0, indentasi="  ")
    assert len(baris) > 5
    assert all(dek.lebar_teks(b, 18) <= 3.0 + 1e-9 for b in baris)
    assert "".join(b.strip().replace(" ", "") for b in baris) == kalimat.replace(" ", "")
    assert all(b.startswith("  ") for b in baris[1:])
