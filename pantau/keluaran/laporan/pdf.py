"""Laporan sebagai PDF (reportlab, huruf Helvetica bawaan PDF: tanpa unduhan apa pun saat berjalan).
Lanskap, judul kolom diulang di setiap halaman, nomor halaman di kaki."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pantau.keluaran.laporan import Tabel, blok_kepala, teks_sel


def pdf_bytes(tabel: Tabel) -> bytes:
    buf = io.BytesIO()
    halaman = landscape(A3 if tabel.kertas == "A3" else A4)
    doc = SimpleDocTemplate(buf, pagesize=halaman, leftMargin=20, rightMargin=20, topMargin=24, bottomMargin=28,
                            title=tabel.judul[0], author="Pantau")
    ukuran = 6.5 if len(tabel.kolom) > 20 else 7
    gaya = ParagraphStyle("sel", fontName="Helvetica", fontSize=ukuran, leading=ukuran + 1.5)
    gaya_kepala = ParagraphStyle("kepala", parent=gaya, fontName="Helvetica-Bold", alignment=1)
    gaya_angka = ParagraphStyle("angka", parent=gaya, alignment=2)
    gaya_judul = ParagraphStyle("judul", fontName="Helvetica-Bold", fontSize=12, leading=15)
    gaya_sub = ParagraphStyle("sub", fontName="Helvetica-Oblique", fontSize=8.5, leading=11)

    n = len(tabel.kolom)
    ada_grup = any(k.grup for k in tabel.kolom)
    kepala1, kepala2, gabung = [], [], []
    for j, akhir, grup in blok_kepala(tabel.kolom):
        if grup:
            kepala1 += [Paragraph(escape(grup), gaya_kepala)] + [""] * (akhir - j)
            kepala2 += [Paragraph(escape(tabel.kolom[c].label), gaya_kepala) for c in range(j, akhir + 1)]
            gabung.append(("SPAN", (j, 0), (akhir, 0)))
        else:
            kepala1.append(Paragraph(escape(tabel.kolom[j].label), gaya_kepala))
            kepala2.append("")
            if ada_grup:
                gabung.append(("SPAN", (j, 0), (j, 1)))
    data = [kepala1] + ([kepala2] if ada_grup else []) + [[str(c + 1) for c in range(n)]]
    n_kepala = len(data)
    gaya_tabel = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, n_kepala - 2), colors.HexColor("#DDEBF7")),
        ("BACKGROUND", (0, n_kepala - 1), (-1, n_kepala - 1), colors.HexColor("#F2F2F2")),
        ("FONT", (0, n_kepala - 1), (-1, n_kepala - 1), "Helvetica-Oblique", 6),
        ("ALIGN", (0, n_kepala - 1), (-1, n_kepala - 1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        *gabung,
    ]
    for jenis, isi in tabel.baris:
        r = len(data)
        if jenis == "urusan":
            data.append([Paragraph(f"<b>{escape(isi[0])}</b>", gaya)] + [""] * (n - 1))
            gaya_tabel += [("SPAN", (0, r), (n - 1, r)), ("BACKGROUND", (0, r), (n - 1, r), colors.HexColor("#F2F2F2"))]
        else:
            data.append([
                Paragraph(escape(teks_sel(v, k.jenis)),
                          gaya_angka if isinstance(v, (int, float)) and not isinstance(v, bool) else gaya)
                for v, k in zip(isi, tabel.kolom)
            ])
    lebar_total = halaman[0] - 40
    jumlah = sum(k.lebar for k in tabel.kolom)
    lebar = [lebar_total * k.lebar / jumlah for k in tabel.kolom]
    t = Table(data, colWidths=lebar, repeatRows=n_kepala)
    t.setStyle(TableStyle(gaya_tabel))

    isi_dok = [Paragraph(escape(tabel.judul[0]), gaya_judul)]
    isi_dok += [Paragraph(escape(x), gaya_sub) for x in tabel.judul[1:]]
    isi_dok += [Spacer(1, 6), t]
    if tabel.kaki:
        isi_dok.append(Spacer(1, 8))
        kaki = Table([[Paragraph(f"<b>{escape(a)}</b>", gaya), Paragraph(escape(b), gaya)] for a, b in tabel.kaki],
                     colWidths=[lebar_total * 0.25, lebar_total * 0.75])
        kaki.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        isi_dok.append(kaki)

    def nomor_halaman(kanvas, dokumen):
        kanvas.saveState()
        kanvas.setFont("Helvetica", 7)
        kanvas.drawString(20, 14, "Pantau")
        kanvas.drawRightString(halaman[0] - 20, 14, f"Halaman {dokumen.page}")
        kanvas.restoreState()

    doc.build(isi_dok, onFirstPage=nomor_halaman, onLaterPages=nomor_halaman)
    return buf.getvalue()
