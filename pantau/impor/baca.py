"""Membaca berkas impor (.xlsx, .csv, atau folder berisi CSV) menjadi lembar-lembar mentah.

Tidak ada validasi isi di sini, hanya bentuk: lembar yang dikenal, baris judul, nomor baris
seperti yang ditampilkan Excel (judul = baris 1).
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pantau.impor.masalah import ImporGagal, Masalah

LEMBAR = ("indikator", "target", "realisasi")


@dataclass
class Lembar:
    nama: str
    kolom: list[str]
    #: (nomor baris seperti di Excel, {kolom: nilai sel})
    baris: list[tuple[int, dict]] = field(default_factory=list)


def _normal(judul) -> str:
    return str(judul).strip().lower().replace(" ", "_") if judul is not None else ""


def _sel_excel(cell):
    """Nilai sel Excel; sel berformat persen (0,0632 tampil 6,32%) dikembalikan sebagai 6,32."""
    v = cell.value
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            return round(v * 100, 10)
    if isinstance(v, str):
        return v
    return v


def _baris_kosong(nilai) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in nilai)


def _dari_baris(nama: str, rows, masalah: list[Masalah]) -> Lembar | None:
    """rows: iterator of (nomor_baris, list nilai). Baris pertama yang tidak kosong adalah judul."""
    judul = None
    lembar = None
    for nomor, nilai in rows:
        if judul is None:
            if _baris_kosong(nilai):
                continue
            judul = [_normal(v) for v in nilai]
            if nomor != 1:
                masalah.append(Masalah(nama, nomor, None, None,
                                       "baris judul kolom harus di baris 1", peringatan=True))
            dobel = sorted({k for k in judul if k and judul.count(k) > 1})
            if dobel:
                raise ImporGagal([Masalah(nama, nomor, k, None, "nama kolom muncul lebih dari sekali")
                                  for k in dobel])
            lembar = Lembar(nama, [k for k in judul if k])
            continue
        if _baris_kosong(nilai):
            continue
        isi = {}
        for k, v in zip(judul, nilai):
            if k:
                isi[k] = v
        lembar.baris.append((nomor, isi))
    if lembar is None:
        masalah.append(Masalah(nama, 1, None, None, "lembar kosong: tidak ada baris judul kolom",
                               peringatan=True))
    return lembar


def _baca_xlsx(path: Path, masalah: list[Masalah]) -> dict[str, Lembar]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise ImporGagal([Masalah(None, None, None, None,
                                  f"berkas {path.name} bukan buku kerja Excel (.xlsx) yang dapat dibaca ({e.__class__.__name__})")]) from None
    hasil: dict[str, Lembar] = {}
    try:
        nama_lembar = {s.strip().lower(): s for s in wb.sheetnames}
        for nama in LEMBAR:
            if nama not in nama_lembar:
                continue
            asli = nama_lembar[nama]
            if asli != nama:
                masalah.append(Masalah(asli, None, None, None,
                                       f"nama lembar '{asli}' dibaca sebagai '{nama}'", peringatan=True))
            ws = wb[asli]
            rows = ((i, [_sel_excel(c) for c in row]) for i, row in enumerate(ws.iter_rows(), start=1))
            lembar = _dari_baris(nama, rows, masalah)
            if lembar is not None:
                hasil[nama] = lembar
    finally:
        wb.close()
    if not hasil:
        ada = ", ".join(f"'{s}'" for s in nama_lembar.values()) or "(tidak ada)"
        raise ImporGagal([Masalah(None, None, None, None,
                                  f"tidak ada lembar 'indikator', 'target' atau 'realisasi' di {path.name}; "
                                  f"lembar yang ada: {ada}")])
    return hasil


def _teks_csv(data: bytes, nama: str) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ImporGagal([Masalah(nama, None, None, None, "pengodean teks tidak dikenal (gunakan UTF-8)")])


def baca_csv(data: bytes, nama: str, masalah: list[Masalah]) -> Lembar | None:
    teks = _teks_csv(data, nama)
    contoh = teks[:4096]
    baris_pertama = contoh.splitlines()[0] if contoh.strip() else ""
    pemisah = ";" if baris_pertama.count(";") > baris_pertama.count(",") else ","
    reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    rows = ((i, [v if v != "" else None for v in row]) for i, row in enumerate(reader, start=1))
    return _dari_baris(nama, rows, masalah)


def baca_berkas(path: str | Path, masalah: list[Masalah]) -> dict[str, Lembar]:
    """Baca .xlsx, satu .csv bernama seperti lembarnya, atau folder berisi CSV."""
    path = Path(path)
    if not path.exists():
        raise ImporGagal([Masalah(None, None, None, None, f"berkas {path} tidak ditemukan")])
    if path.is_dir():
        hasil = {}
        for nama in LEMBAR:
            f = path / f"{nama}.csv"
            if f.exists():
                lembar = baca_csv(f.read_bytes(), nama, masalah)
                if lembar is not None:
                    hasil[nama] = lembar
        if not hasil:
            raise ImporGagal([Masalah(None, None, None, None,
                                      f"folder {path} tidak berisi indikator.csv, target.csv atau realisasi.csv")])
        return hasil
    akhiran = path.suffix.lower()
    if akhiran in (".xlsx", ".xlsm"):
        return _baca_xlsx(path, masalah)
    if akhiran == ".csv":
        nama = path.stem.strip().lower()
        if nama not in LEMBAR:
            raise ImporGagal([Masalah(None, None, None, None,
                                      f"nama berkas CSV harus indikator.csv, target.csv atau realisasi.csv "
                                      f"(bukan {path.name})")])
        lembar = baca_csv(path.read_bytes(), nama, masalah)
        return {nama: lembar} if lembar is not None else {}
    if akhiran == ".xls":
        raise ImporGagal([Masalah(None, None, None, None,
                                  "format .xls (Excel 97-2003) tidak didukung; simpan ulang sebagai .xlsx")])
    raise ImporGagal([Masalah(None, None, None, None,
                              f"jenis berkas {path.suffix or '(tanpa akhiran)'} tidak didukung; gunakan .xlsx atau .csv")])
