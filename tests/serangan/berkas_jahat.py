"""Pembuat berkas unggahan jahat (keputusan #19, lubang 3), cepat dan tanpa menyimpan isinya di memori: buku kerja
.xlsx minimal (seperti tulisan Excel: string bersama, lembar 'realisasi') yang XML lembarnya ditulis bertahap ke
zip, dan CSV besar."""
from __future__ import annotations

import zipfile
from pathlib import Path

_CT = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       b'<Default Extension="xml" ContentType="application/xml"/>'
       b'<Override PartName="/xl/workbook.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       b'<Override PartName="/xl/worksheets/sheet1.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       b'<Override PartName="/xl/sharedStrings.xml" '
       b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       b'<sheets><sheet name="realisasi" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'worksheet" Target="worksheets/sheet1.xml"/>'
            b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
#: String bersama: 0-5 judul kolom, 6 kode daerah, 7 kode indikator, 8 periode.
TEKS = ["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi", "catatan", "65.01", "KES-01", "TW1"]
_SST = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">'
        + b"".join(b"<si><t>%s</t></si>" % t.encode() for t in TEKS) + b"</sst>")
_KEPALA = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s<sheetData>'
           b'<row r="1">'
           + b"".join(b'<c r="%s1" t="s"><v>%d</v></c>' % (k, i)
                      for i, k in enumerate([b"A", b"B", b"C", b"D", b"E", b"F"]))
           + b"</row>")


def _buku(path: Path, isi_lembar, *, dimensi: bytes = b"", level: int = 6) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/sharedStrings.xml", _SST)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(_KEPALA % dimensi)
            for blok in isi_lembar:
                f.write(blok)
            f.write(b"</sheetData></worksheet>")
    return path


def _baris(r: int, catatan: bytes = b"") -> bytes:
    sel = (b'<row r="%d"><c r="A%d" t="s"><v>6</v></c><c r="B%d" t="s"><v>7</v></c><c r="C%d"><v>2024</v></c>'
           b'<c r="D%d" t="s"><v>8</v></c><c r="E%d"><v>%d.5</v></c>' % (r, r, r, r, r, r, r % 97))
    if catatan:
        sel += b'<c r="F%d" t="inlineStr"><is><t>%s</t></is></c>' % (r, catatan)
    return sel + b"</row>"


def bom_zip(path: Path, mb: int = 512) -> Path:
    """XML lembar ``mb`` MB (satu sel teks raksasa) yang termampatkan ~1000:1: berkas ~0,5 MB (isu: 613 KB -> GB)."""
    satu = b"A" * (1 << 20)

    def isi():
        yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
        for _ in range(mb):
            yield satu
        yield b"</t></is></c></row>"
    return _buku(path, isi(), level=9)


def sejuta_baris(path: Path, n: int = 1_000_000, *, dimensi: bool = True) -> Path:
    """``n`` baris realisasi (string bersama dan angka, seperti tulisan Excel); ~10 MB, di bawah batas unggah."""
    def isi():
        for awal in range(2, n + 2, 10_000):
            yield b"".join(_baris(r) for r in range(awal, min(awal + 10_000, n + 2)))
    return _buku(path, isi(), dimensi=b'<dimension ref="A1:F%d"/>' % (n + 1) if dimensi else b"")


def teks_padat(path: Path, n: int = 40_000, panjang: int = 4_500) -> Path:
    """``n`` baris bercatatan ~``panjang`` karakter (kosakata kecil, termampatkan ~13:1): XML lembar ~160 MB dari
    berkas ~13 MB, lolos batas ukuran dan rasio; yang membatasi memorinya hanya penguraian bertahap."""
    import random

    acak = random.Random(19)
    kata = [b"kata%d" % i for i in range(4)]
    varian = [b" ".join(acak.choice(kata) for _ in range(panjang // 7)) for _ in range(64)]

    def isi():
        for awal in range(2, n + 2, 1_000):
            yield b"".join(_baris(r, b"catatan %d " % r + varian[r % 64])
                           for r in range(awal, min(awal + 1_000, n + 2)))
    return _buku(path, isi())


def csv_besar(path: Path, mb: float) -> Path:
    """CSV realisasi sebesar ``mb`` MB dari baris pendek yang sah bentuknya."""
    kepala = b"daerah_kode,indikator_kode,tahun,periode,realisasi\n"
    baris = b"65.01,IPM-01,2024,TW1,1\n"
    n = int((mb * 1024 * 1024 - len(kepala)) // len(baris))
    with open(path, "wb") as f:
        f.write(kepala)
        blok = baris * 100_000
        for _ in range(n // 100_000):
            f.write(blok)
        f.write(baris * (n % 100_000))
    return path
