"""Buku kerja .xlsx yang dibaca terbatas dan bertahap (untuk rekap SIPD-RI).

Sel dibaca dengan pembaca cepat impor lembar kerja (``pantau.impor.baca._baris_cepat``: string bersama,
sel teks langsung, format persen dan tanggal, nomor baris seperti Excel), tetapi XML lembar tidak pernah
dibaca utuh: arsip diperiksa dulu (pantau/impor/sipd/batas.py), lalu XML lembar diurai per potongan
``BLOK`` bita yang dipotong di akhir baris (``</row>``). Berkas dibuka sebagai objek berkas, jadi namanya
boleh apa saja (openpyxl menolak nama yang tidak berakhiran .xlsx; di sini isinya yang menentukan).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from pantau.impor.baca import _SEL_RUMUS, _SEL_TANPA_ALAMAT, _baris_cepat, _gaya, _huruf_kolom, _sel_excel, _TanpaAlamat
from pantau.impor.sipd.batas import MAKS_BITA_XLSX, periksa_ukuran, periksa_zip
from pantau.impor.sipd.masalah import Lokasi, tolak

BLOK = 1024 * 1024
#: satu baris XML lembar paling panjang (sel teks panjang tetap jauh di bawahnya)
MAKS_BARIS_XML = 16 * 1024 * 1024
_AKHIR_BARIS = b"</row>"


class BukuTerbatas:
    """Buku kerja terbuka: nama lembar -> bagian XML-nya, string bersama, gaya angka."""

    def __init__(self, path: Path, nama: str):
        self.nama = nama
        periksa_ukuran(path, nama, MAKS_BITA_XLSX, "xlsx")
        self._f = open(path, "rb")
        try:
            try:
                with zipfile.ZipFile(self._f) as z:
                    periksa_zip(z, nama)
                    if "[Content_Types].xml" not in z.namelist():
                        tolak("berkas zip ini bukan buku kerja Excel (.xlsx)", Lokasi(nama))
                self._f.seek(0)
                r = ExcelReader(self._f, read_only=True, data_only=True)
                self.archive = r.archive
                r.read_manifest()
                r.read_strings()
                r.read_workbook()
                apply_stylesheet(r.archive, r.wb)
            except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError, IndexError,
                    EOFError, SyntaxError) as e:
                tolak(f"berkas bukan buku kerja Excel (.xlsx) yang dapat dibaca ({e.__class__.__name__}); "
                      "unduh ulang rekap dari SIPD-RI atau simpan ulang dari Excel", Lokasi(nama))
            self.wb = r.wb
            self.shared = r.shared_strings
            self.tanggal, self.persen = _gaya(r.wb)
            self.lembar: dict[str, str] = {}
            for sheet, rel in r.parser.find_sheets():
                if rel.target in r.valid_files and "chartsheet" not in (rel.Type or ""):
                    self.lembar[sheet.name] = rel.target
            #: (huruf kolom, nomor baris, rumus) sel berumus tanpa nilai tersimpan yang ditemui saat membaca
            self.rumus_kosong: list[tuple[str, int, str]] = []
        except BaseException:
            self._f.close()
            raise

    def close(self) -> None:
        try:
            getattr(self, "archive", None) and self.archive.close()
        finally:
            self._f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _potongan(self, lembar: str):
        """XML lembar per potongan yang selalu berakhir di akhir baris."""
        sisa = b""
        with self.archive.open(self.lembar[lembar]) as f:
            while True:
                blok = f.read(BLOK)
                if not blok:
                    return
                data = sisa + blok if sisa else blok
                i = data.rfind(_AKHIR_BARIS)
                if i < 0:
                    if len(data) > MAKS_BARIS_XML:
                        tolak(f"satu baris lembar '{lembar}' lebih dari {MAKS_BARIS_XML // 1024 // 1024} MB; "
                              "bukan rekap SIPD-RI", Lokasi(self.nama, lembar=lembar))
                    sisa = data
                    continue
                i += len(_AKHIR_BARIS)
                yield data[:i]
                sisa = data[i:]

    def baris(self, lembar: str):
        """(nomor baris seperti di Excel, [nilai per kolom]) satu per satu, bertahap."""
        terakhir = 0
        try:
            for potong in self._potongan(lembar):
                if b"<f" in potong:
                    self._catat_rumus(potong)
                if _SEL_TANPA_ALAMAT.search(potong):
                    raise _TanpaAlamat()
                for no, nilai in _baris_cepat([potong], self.shared, self.tanggal, self.persen, self.wb.epoch):
                    terakhir = no
                    yield no, nilai
        except _TanpaAlamat:
            # sel tanpa alamat (penulis xlsx yang tidak biasa): openpyxl, tetap bertahap (iterparse),
            # mulai sesudah baris terakhir yang sudah diberikan
            ws = ReadOnlyWorksheet(self.wb, lembar, self.lembar[lembar], self.shared)
            for i, row in enumerate(ws.iter_rows(min_row=terakhir + 1), start=terakhir + 1):
                yield i, [_sel_excel(c) for c in row]
        except (zipfile.BadZipFile, ValueError, UnicodeDecodeError, OSError, EOFError, re.error) as e:
            tolak(f"lembar '{lembar}' rusak dan tidak dapat dibaca ({e.__class__.__name__}); unduh ulang rekap",
                  Lokasi(self.nama, lembar=lembar))

    def _catat_rumus(self, xml: bytes) -> None:
        for m in _SEL_RUMUS.finditer(xml):
            v = m.group(5)
            if v is not None and v not in (b"<v></v>", b"<v/>"):
                continue
            rumus = (m.group(4) or b"").decode("utf-8", "replace")
            self.rumus_kosong.append((m.group(1).decode(), int(m.group(2)), f"={rumus}" if rumus else "(rumus)"))


def huruf_kolom(i: int) -> str:
    return _huruf_kolom(i)
