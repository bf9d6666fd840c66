"""Laporan sebagai buku kerja Excel berformat: judul kolom bertingkat digabung seperti tata letak
peraturan, nomor kolom, angka tetap angka (format tampilan #.##0,00 mengikuti lokal Excel),
pengaturan cetak lanskap, pas selebar halaman, baris judul diulang di setiap halaman."""
from __future__ import annotations

import io

import xlsxwriter

from pantau.keluaran.ekspor import OPSI_XLSXWRITER
from pantau.keluaran.laporan import Tabel, blok_kepala


def excel_bytes(tabel: Tabel) -> bytes:
    buf = io.BytesIO()
    # Judul, urusan dan kaki ditulis dengan write/merge_range: tanpa opsi ini teks berawalan '=' menjadi rumus.
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, **OPSI_XLSXWRITER})
    ws = wb.add_worksheet("evaluasi")
    n = len(tabel.kolom)
    f_judul = wb.add_format({"bold": True, "font_size": 13})
    f_sub = wb.add_format({"italic": True, "font_size": 10})
    f_kepala = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True,
                              "border": 1, "bg_color": "#DDEBF7", "font_size": 9})
    f_nomor = wb.add_format({"align": "center", "border": 1, "italic": True, "font_size": 8, "bg_color": "#F2F2F2"})
    f_urusan = wb.add_format({"bold": True, "border": 1, "bg_color": "#F2F2F2", "font_size": 9})
    f_teks = wb.add_format({"border": 1, "text_wrap": True, "valign": "top", "font_size": 9})
    f_angka = wb.add_format({"border": 1, "num_format": "#,##0.00", "valign": "top", "font_size": 9})
    f_rupiah = wb.add_format({"border": 1, "num_format": "#,##0", "valign": "top", "font_size": 9})
    f_kaki_l = wb.add_format({"bold": True, "valign": "top", "text_wrap": True, "font_size": 9, "border": 1})
    f_kaki_v = wb.add_format({"valign": "top", "text_wrap": True, "font_size": 9, "border": 1})

    for i, baris in enumerate(tabel.judul):
        ws.write(i, 0, baris, f_judul if i == 0 else f_sub)
    r0 = len(tabel.judul) + 1  # baris kosong di bawah judul
    ada_grup = any(k.grup for k in tabel.kolom)
    # Judul kolom: dua baris bila ada grup (digabung mendatar), kolom tanpa grup digabung menurun.
    for j, akhir, grup in blok_kepala(tabel.kolom):
        if grup:
            if akhir > j:
                ws.merge_range(r0, j, r0, akhir, grup, f_kepala)
            else:
                ws.write(r0, j, grup, f_kepala)
            for c in range(j, akhir + 1):
                ws.write(r0 + 1, c, tabel.kolom[c].label, f_kepala)
        elif ada_grup:
            ws.merge_range(r0, j, r0 + 1, j, tabel.kolom[j].label, f_kepala)
        else:
            ws.write(r0, j, tabel.kolom[j].label, f_kepala)
    r_nomor = r0 + (2 if ada_grup else 1)
    for c in range(n):
        ws.write(r_nomor, c, c + 1, f_nomor)
        ws.set_column(c, c, tabel.kolom[c].lebar)
    ws.set_row(r0, 30)
    if ada_grup:
        ws.set_row(r0 + 1, 42)

    r = r_nomor + 1
    for jenis, isi in tabel.baris:
        if jenis == "urusan":
            ws.merge_range(r, 0, r, n - 1, isi[0], f_urusan)
        else:
            for c, nilai in enumerate(isi):
                if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
                    ws.write_number(r, c, nilai, f_rupiah if tabel.kolom[c].jenis == "rupiah" else f_angka)
                elif nilai is None:
                    ws.write_blank(r, c, None, f_teks)
                else:
                    ws.write_string(r, c, str(nilai), f_teks)
        r += 1
    r += 1
    for label, nilai in tabel.kaki:
        ws.merge_range(r, 0, r, 3, label, f_kaki_l)
        ws.merge_range(r, 4, r, n - 1, nilai, f_kaki_v)
        r += 1

    ws.freeze_panes(r_nomor + 1, 2)
    ws.set_landscape()
    ws.set_paper(8 if tabel.kertas == "A3" else 9)  # 8 = A3, 9 = A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(r0, r_nomor)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.set_footer("&L&8Pantau&R&8Halaman &P dari &N")
    wb.close()
    return buf.getvalue()
