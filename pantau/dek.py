"""Dek rapat desk urusan: PowerPoint (python-pptx) dan PDF (reportlab) dari data yang sama.

Fungsi murni: DataFrame ``queries/desk_indikator.sql``, ``desk_keselarasan.sql`` dan ``desk_catatan.sql``
masuk, ``bytes`` keluar. Grafik digambar dengan ``pantau.grafik.desk_indikator`` dan dijadikan PNG oleh
``pantau.ekspor.png_bytes`` (satu server kaleido per proses); tidak ada unduhan saat berjalan.
Susunan: slide judul, satu slide per indikator (grafik + tabel angka + keselarasan), slide catatan.
Bila ``dukungan`` (``queries/desk_dukungan.sql``) diberikan, grafik dibuat lebih pendek dan di bawahnya ada
tabel sub kegiatan pendukung (provinsi dulu, lalu pagu terbesar; sisanya diringkas "… dan N lainnya"), dan
slide catatan memuat daftar sub kegiatan yang disepakati di sampingnya.
"""
from __future__ import annotations

import io
from datetime import datetime

import pandas as pd

from pantau import desk, ekspor
from pantau import dukungan_ringkas as dr
from pantau import grafik as g
from pantau.format import format_angka, format_waktu, kosong, nilai_realisasi, nilai_target, rupiah_ringkas

LEBAR_GAMBAR, TINGGI_GAMBAR = 1300, 900  # px; dipasang 7,8 x 5,4 inci
#: Lebar kolom tabel angka (inci): Daerah, Target, Realisasi, Capaian, Predikat.
KOLOM_TABEL = (1.45, 0.65, 0.7, 0.7, 1.3)
X_TABEL = 8.2
#: Huruf gambar dek: kaleido tidak memuat huruf web Streamlit, jadi pakai huruf sans sistem.
HURUF_GAMBAR = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#: Dengan tabel dukungan: grafik lebih pendek (px), tabel angka setinggi grafik (inci), lalu tabel dukungan.
TINGGI_GAMBAR_PENDEK = 510
LEBAR_GRAFIK_PENDEK = 7.6
TINGGI_BLOK_ATAS = LEBAR_GRAFIK_PENDEK * TINGGI_GAMBAR_PENDEK / LEBAR_GAMBAR
Y_DUKUNGAN = 1.35 + TINGGI_BLOK_ATAS + 0.1
#: Baris sub kegiatan per slide indikator; sisanya "… dan N lainnya".
MAKS_DUKUNGAN = 7
#: Lebar kolom tabel dukungan (inci): Daerah, Sub kegiatan, Perangkat daerah, Pagu, Realisasi · serapan, Disepakati.
KOLOM_DUKUNGAN = (1.75, 4.95, 2.2, 1.0, 1.7, 0.9)
JUDUL_DUKUNGAN = ["Daerah", "Sub kegiatan", "Perangkat daerah", "Pagu", "Realisasi · serapan", "Disepakati"]
#: Baris daftar sub kegiatan disepakati di slide catatan.
MAKS_DISEPAKATI = 24


def _indikator(indikator: pd.DataFrame):
    for induk_id in dict.fromkeys(indikator["induk_id"]):
        d = indikator[indikator["induk_id"] == induk_id]
        yield induk_id, d, d.iloc[0]


def _judul(r) -> str:
    return f"{r['induk_kode']} · {r['induk_nama']}"


def _baris_tabel(d: pd.DataFrame) -> list[list[str]]:
    rows = [["Daerah", "Target", "Realisasi", "Capaian", "Predikat"]]
    for x in d.itertuples():
        rows.append([
            ("◆ " if x.jenis == "provinsi" else "") + x.daerah,
            nilai_target(x.target, x.target_min, x.target_max, x.target_teks),
            nilai_realisasi(x.realisasi, x.realisasi_teks),
            "–" if kosong(x.capaian) else f"{format_angka(x.capaian, 1)}%",
            f"{x.simbol} {x.predikat}" if isinstance(x.predikat, str) else "belum ada data",
        ])
    return rows


def _gambar(d: pd.DataFrame, r, tinggi: int = TINGGI_GAMBAR) -> bytes | None:
    if r["polaritas"] == "teks" or (d["realisasi"].isna().all() and d["target"].isna().all()
                                    and d["target_min"].isna().all()):
        return None
    fig = g.desk_indikator(d, r["satuan"], ukuran_huruf=22 if tinggi >= TINGGI_GAMBAR else 18, tinggi=tinggi)
    fig.update_layout(font_family=HURUF_GAMBAR, hoverlabel_font_family=HURUF_GAMBAR)
    return ekspor.png_bytes(fig, lebar=LEBAR_GAMBAR, tinggi=tinggi)


def _dukungan_indikator(dukungan: pd.DataFrame | None, induk_id) -> pd.DataFrame | None:
    return None if dukungan is None else dukungan[dukungan["induk_id"] == induk_id]


def _kalimat_dukungan(d: pd.DataFrame, tahun: int) -> str:
    return f"Dukungan {tahun}: {dr.kalimat_ringkas(dr.ringkas(d), tahun)}"


def _baris_dukungan(d: pd.DataFrame, maks: int = MAKS_DUKUNGAN) -> list[list[str]]:
    """Tabel dukungan satu indikator: provinsi dulu, lalu pagu terbesar; lebih dari ``maks`` baris diringkas
    menjadi satu baris "… dan N lainnya" dengan jumlah pagu, realisasi dan yang disepakati."""
    urut = d.assign(_kab=d["jenis"] != "provinsi", _pagu=-d["pagu"].fillna(0)).sort_values(
        ["_kab", "_pagu", "daerah_kode", "sub_kegiatan_kode"])
    rows = [list(JUDUL_DUKUNGAN)]
    for x in urut.head(maks).itertuples():
        rows.append([
            dr.pendek(("◆ " if x.jenis == "provinsi" else "") + x.daerah, 24),
            dr.pendek(f"{x.sub_kegiatan_kode} {x.sub_kegiatan_nama or ''}", 66),
            dr.pendek(x.perangkat_daerah or "–", 32),
            rupiah_ringkas(x.pagu),
            f"{rupiah_ringkas(x.realisasi_anggaran)} · {dr.teks_serapan(x.serapan)}",
            "✓" if bool(x.disepakati) else "belum",
        ])
    sisa = urut.iloc[maks:]
    if len(sisa):
        r = dr.ringkas(sisa)
        rows.append(["", f"… dan {len(sisa)} lainnya ({r['daerah']} daerah)", "", rupiah_ringkas(r["pagu"]),
                     f"{rupiah_ringkas(r['realisasi'])} · {dr.teks_serapan(r['serapan'])}", f"✓ {r['disepakati']}"])
    return rows


def _baris_disepakati(dukungan: pd.DataFrame, maks: int = MAKS_DISEPAKATI) -> tuple[str, list[str]]:
    """(judul, baris) daftar sub kegiatan yang disepakati untuk slide catatan, dengan siapa yang menyepakati."""
    ok = dukungan[dukungan["disepakati"].fillna(False).astype(bool)]
    judul = f"Sub kegiatan yang disepakati ({len(ok)} dari {len(dukungan)})"
    if ok.empty:
        return judul, ["Belum ada sub kegiatan yang disepakati untuk urusan dan tahun ini."]
    urut = ok.assign(_kab=ok["jenis"] != "provinsi").sort_values(["_kab", "daerah_kode", "induk_kode",
                                                                   "sub_kegiatan_kode"])
    oleh = urut["disepakati_oleh"].fillna("–").value_counts()
    baris = ["Oleh: " + ", ".join(f"{n} ({j})" for n, j in oleh.items())]
    for x in urut.head(maks).itertuples():
        baris.append(dr.pendek(f"{'◆ ' if x.jenis == 'provinsi' else ''}{x.daerah} · {x.induk_kode} · "
                               f"{x.sub_kegiatan_kode} {x.sub_kegiatan_nama or ''}", 80))
    if len(urut) > maks:
        baris.append(f"… dan {len(urut) - maks} lainnya (daftar lengkap di halaman Desk Urusan Pantau)")
    return judul, baris


def _kalimat(keselarasan: pd.DataFrame, induk_id) -> str:
    k = keselarasan[keselarasan["induk_id"] == induk_id]
    if k.empty:
        return ""
    status, kalimat = desk.kalimat_keselarasan(k)
    return (f"{status.capitalize()}. " if status else "") + kalimat


def _catatan_baris(catatan: pd.DataFrame) -> list[tuple[str, list[tuple[str, str]], str]]:
    out = []
    for c in catatan.itertuples():
        isi = [(desk.LABEL[k], getattr(c, k) or "–") for k in desk.KOLOM]
        out.append((c.daerah if c.jenis != "provinsi" else f"Provinsi {c.daerah}", isi,
                    f"versi {c.versi} · {c.oleh} · {format_waktu(c.pada)}"))
    return out


def bangun_dek(*, urusan: str, provinsi: str, tahun: int, indikator: pd.DataFrame, keselarasan: pd.DataFrame,
               catatan: pd.DataFrame, dukungan: pd.DataFrame | None = None) -> bytes:
    """PowerPoint 16:9: judul, satu slide per indikator (dengan sub kegiatan pendukung bila ``dukungan``
    diberikan), catatan sesi (dengan sub kegiatan yang disepakati)."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    kosong_layout = prs.slide_layouts[6]

    def kotak(slide, teks, x, y, w, h, ukuran=18, tebal=False, warna=None):
        tb = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        tf = tb.text_frame
        tf.word_wrap = True
        for i, baris in enumerate(teks if isinstance(teks, list) else [teks]):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = baris
            p.font.size = Pt(ukuran)
            p.font.bold = tebal
            if warna:
                p.font.color.rgb = RGBColor.from_string(warna)
        return tb

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = f"Desk urusan {urusan}"
    s.placeholders[1].text = (f"{provinsi} dan kabupaten/kota · Rakortekrenbang {tahun}\n"
                              f"Capaian dan keselarasan target {tahun} · dibuat {format_waktu(datetime.now())}")

    def tabel(slide, rows, x, y, kolom, tinggi_baris, ukuran):
        tbl = slide.shapes.add_table(len(rows), len(kolom), Inches(x), Inches(y), Inches(sum(kolom)),
                                     Inches(tinggi_baris * len(rows))).table
        for j, w in enumerate(kolom):
            tbl.columns[j].width = Inches(w)
        for i, baris in enumerate(rows):
            tbl.rows[i].height = Inches(tinggi_baris)
            for j, v in enumerate(baris):
                sel = tbl.cell(i, j)
                sel.text = v
                for p in sel.text_frame.paragraphs:
                    p.font.size = Pt(ukuran)
                    p.font.bold = i == 0
                sel.margin_top = sel.margin_bottom = Inches(0.02)
        return tbl

    for induk_id, d, r in _indikator(indikator):
        s = prs.slides.add_slide(kosong_layout)
        kotak(s, _judul(r), 0.4, 0.2, 12.5, 0.8, ukuran=26, tebal=True)
        kotak(s, f"{r['satuan']} · {tahun} · ◆ = provinsi; garis abu-abu = target", 0.4, 0.9, 12.5, 0.4,
              ukuran=14, warna="555555")
        duk = _dukungan_indikator(dukungan, induk_id)
        pendek = duk is not None
        png = _gambar(d, r, TINGGI_GAMBAR_PENDEK if pendek else TINGGI_GAMBAR)
        if png:
            s.shapes.add_picture(io.BytesIO(png), Inches(0.3), Inches(1.35),
                                 width=Inches(LEBAR_GRAFIK_PENDEK if pendek else 7.8))
        else:
            kotak(s, "Indikator kualitatif atau belum berdata: lihat tabel.", 0.4, 2.0, 7.5, 1, ukuran=18)
        rows = _baris_tabel(d)
        tabel(s, rows, X_TABEL, 1.35, KOLOM_TABEL, min(0.36, (TINGGI_BLOK_ATAS if pendek else 5.3) / len(rows)),
              11 if len(rows) <= (7 if pendek else 10) else 9)
        if pendek:
            kotak(s, _kalimat_dukungan(duk, tahun), 0.4, Y_DUKUNGAN - 0.05, 12.5, 0.3, ukuran=11, tebal=True)
            if not duk.empty:
                rd = _baris_dukungan(duk)
                tabel(s, rd, 0.4, Y_DUKUNGAN + 0.3, KOLOM_DUKUNGAN, min(0.24, (6.75 - Y_DUKUNGAN - 0.3) / len(rd)), 9)
        kotak(s, _kalimat(keselarasan, induk_id), 0.4, 6.85, 12.5, 0.6, ukuran=12)

    s = prs.slides.add_slide(kosong_layout)
    kotak(s, f"Catatan sesi · {urusan} · {tahun}", 0.4, 0.2, 12.5, 0.8, ukuran=26, tebal=True)
    baris = []
    for daerah, isi, siapa in _catatan_baris(catatan):
        baris.append(f"{daerah} ({siapa})")
        baris += [f"   {k}: {v}" for k, v in isi]
    baris = baris or ["Belum ada catatan yang disimpan untuk urusan dan tahun ini."]
    if dukungan is None:
        kotak(s, baris, 0.4, 1.1, 12.5, 6.2, ukuran=14 if len(baris) <= 24 else 10)
    else:
        kotak(s, baris, 0.4, 1.1, 6.0, 6.2, ukuran=12 if len(baris) <= 20 else 9)
        judul_ok, baris_ok = _baris_disepakati(dukungan)
        kotak(s, judul_ok, 6.7, 1.1, 6.3, 0.4, ukuran=14, tebal=True)
        kotak(s, baris_ok, 6.7, 1.5, 6.3, 5.8, ukuran=10)

    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def bangun_pdf(*, urusan: str, provinsi: str, tahun: int, indikator: pd.DataFrame, keselarasan: pd.DataFrame,
               catatan: pd.DataFrame, dukungan: pd.DataFrame | None = None) -> bytes:
    """PDF lanskap dengan susunan yang sama seperti dek PowerPoint (reportlab; huruf DejaVu sistem)."""
    from pathlib import Path

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, Table, TableStyle
    from reportlab.pdfgen import canvas
    from xml.sax.saxutils import escape

    huruf, tebal = "Helvetica", "Helvetica-Bold"
    folder = Path("/usr/share/fonts/truetype/dejavu")
    if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
        if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVu", str(folder / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(folder / "DejaVuSans-Bold.ttf")))
        huruf, tebal = "DejaVu", "DejaVu-Bold"
    W, H = landscape((7.5 * inch, 13.333 * inch))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H))
    c.setTitle(f"Desk urusan {urusan} {tahun}")
    gaya = ParagraphStyle("isi", fontName=huruf, fontSize=12, leading=15)

    def paragraf(teks, x, y, w, h, ukuran=12):
        p = Paragraph(escape(teks), ParagraphStyle("p", parent=gaya, fontSize=ukuran, leading=ukuran * 1.25))
        _, ph = p.wrap(w, h)
        p.drawOn(c, x, y - ph)

    c.setFont(tebal, 36)
    c.drawString(0.8 * inch, H - 2.8 * inch, f"Desk urusan {urusan}")
    c.setFont(huruf, 20)
    c.drawString(0.8 * inch, H - 3.4 * inch, f"{provinsi} dan kabupaten/kota · Rakortekrenbang {tahun}")
    c.drawString(0.8 * inch, H - 3.8 * inch, f"Capaian dan keselarasan target {tahun} · dibuat {format_waktu(datetime.now())}")
    c.showPage()

    for induk_id, d, r in _indikator(indikator):
        c.setFont(tebal, 22)
        c.drawString(0.4 * inch, H - 0.6 * inch, _judul(r)[:95])
        c.setFont(huruf, 12)
        c.drawString(0.4 * inch, H - 0.95 * inch, f"{r['satuan']} · {tahun} · ◆ = provinsi; garis abu-abu = target")
        duk = _dukungan_indikator(dukungan, induk_id)
        pendek = duk is not None
        tinggi_px = TINGGI_GAMBAR_PENDEK if pendek else TINGGI_GAMBAR
        png = _gambar(d, r, tinggi_px)
        if png:
            w = (LEBAR_GRAFIK_PENDEK if pendek else 7.8) * inch
            c.drawImage(ImageReader(io.BytesIO(png)), 0.3 * inch, H - 1.2 * inch - w * tinggi_px / LEBAR_GAMBAR,
                        width=w, height=w * tinggi_px / LEBAR_GAMBAR)
        rows = _baris_tabel(d)
        ukuran = 9 if len(rows) > (7 if pendek else 10) else 11
        t = Table(rows, colWidths=[x * inch for x in KOLOM_TABEL],
                  rowHeights=min(0.36, TINGGI_BLOK_ATAS / len(rows)) * inch if pendek else None)
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), huruf, ukuran),
                               ("FONT", (0, 0), (-1, 0), tebal, ukuran),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1 if pendek else 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1 if pendek else 3),
                               ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7"))]))
        _, th = t.wrap(sum(KOLOM_TABEL) * inch, 5.5 * inch)
        t.drawOn(c, X_TABEL * inch, H - 1.3 * inch - th)
        if pendek:
            kal = _kalimat_dukungan(duk, tahun)
            uk = 12
            while uk > 8 and pdfmetrics.stringWidth(kal, tebal, uk) > 12.5 * inch:
                uk -= 0.5
            c.setFont(tebal, uk)
            c.drawString(0.4 * inch, H - (Y_DUKUNGAN + 0.15) * inch, kal)
            if not duk.empty:
                rd = _baris_dukungan(duk)
                td = Table(rd, colWidths=[x * inch for x in KOLOM_DUKUNGAN],
                           rowHeights=min(0.24, (6.7 - Y_DUKUNGAN - 0.3) / len(rd)) * inch)
                td.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), huruf, 9), ("FONT", (0, 0), (-1, 0), tebal, 9),
                                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                        ("ALIGN", (3, 0), (4, -1), "RIGHT"),
                                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7"))]))
                _, tdh = td.wrap(sum(KOLOM_DUKUNGAN) * inch, 2.5 * inch)
                td.drawOn(c, 0.4 * inch, H - (Y_DUKUNGAN + 0.3) * inch - tdh)
        paragraf(_kalimat(keselarasan, induk_id), 0.4 * inch, 0.75 * inch, 12.5 * inch, 0.7 * inch, ukuran=11)
        c.showPage()

    c.setFont(tebal, 22)
    c.drawString(0.4 * inch, H - 0.6 * inch, f"Catatan sesi · {urusan} · {tahun}")
    y = H - 1.1 * inch
    lebar_catatan = (12.5 if dukungan is None else 6.0) * inch
    isi_catatan = _catatan_baris(catatan)
    if dukungan is not None:
        judul_ok, baris_ok = _baris_disepakati(dukungan)
        c.setFont(tebal, 14)
        c.drawString(6.7 * inch, y - 14, judul_ok)
        p = Paragraph("<br/>".join(escape(b) for b in baris_ok),
                      ParagraphStyle("ok", parent=gaya, fontSize=9, leading=12.5))
        _, ph = p.wrap(6.3 * inch, H)
        p.drawOn(c, 6.7 * inch, y - 0.4 * inch - ph)
    if not isi_catatan:
        paragraf("Belum ada catatan yang disimpan untuk urusan dan tahun ini.", 0.4 * inch, y, lebar_catatan, inch, 14)
    for daerah, isi, siapa in isi_catatan:
        teks = f"<font name='{tebal}'>{escape(daerah)}</font> ({escape(siapa)})<br/>" + "<br/>".join(
            f"{escape(k)}: {escape(v)}" for k, v in isi)
        p = Paragraph(teks, ParagraphStyle("c", parent=gaya, fontSize=11, leading=14))
        _, ph = p.wrap(lebar_catatan, H)
        if y - ph < 0.4 * inch:
            c.showPage()
            y = H - 0.6 * inch
        p.drawOn(c, 0.4 * inch, y - ph)
        y -= ph + 8
    c.showPage()
    c.save()
    return buf.getvalue()
