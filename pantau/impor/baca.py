"""Membaca berkas impor (.xlsx, .csv, atau folder berisi CSV) menjadi lembar-lembar mentah.

Tidak ada validasi isi di sini, hanya bentuk: lembar yang dikenal, baris judul, nomor baris
seperti yang ditampilkan Excel (judul = baris 1).
"""
from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pantau.impor.masalah import ImporGagal, Masalah

LEMBAR = ("indikator", "target", "realisasi", "dukungan")

#: Nama kolom yang dikenal per lembar (untuk menemukan baris judul yang tidak di baris 1).
KOLOM_DIKENAL = {
    "indikator": {"daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan", "polaritas",
                  "agregasi", "kondisi_awal", "tahun_kondisi_awal", "target_akhir", "iku", "perangkat_daerah",
                  "sumber_data", "definisi", "indikator_induk", "agregasi_wilayah"},
    "target": {"daerah_kode", "indikator_kode", "tahun", "target", "dokumen", "periode_rpjmd", "nama_indikator"},
    "realisasi": {"daerah_kode", "indikator_kode", "tahun", "periode", "realisasi", "sumber", "status", "catatan",
                  "periode_rpjmd"},
    "dukungan": {"daerah_kode", "tahun", "indikator_kode", "sub_kegiatan_kode", "sub_kegiatan_nama",
                 "perangkat_daerah", "pagu", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4",
                 "realisasi_anggaran", "disepakati", "sumber", "catatan", "periode_rpjmd"},
}
#: Baca XML lembar langsung (cepat); False = selalu lewat openpyxl (pembanding di uji).
PEMBACA_CEPAT = True
#: Berapa baris teratas yang diperiksa untuk mencari baris judul.
CARI_JUDUL = 20
_TAK_TERLIHAT = "\u200b\u200c\u200d\u2060\ufeff"
_GABUNG = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
# sel berumus: <c r="B5" ...><f>...</f><v>...</v></c>; <v> hilang/kosong = tidak ada nilai tersimpan
_SEL_RUMUS = re.compile(rb'<c\s+r="([A-Z]+)(\d+)"[^>]*>\s*<f([^>]*?)(?:/>|>(.*?)</f>)\s*(<v>[^<]*</v>|<v/>)?',
                        re.DOTALL)


def _indeks_kolom(huruf: bytes | str) -> int:
    """'A' -> 0, 'AB' -> 27."""
    if isinstance(huruf, bytes):
        huruf = huruf.decode()
    n = 0
    for ch in huruf:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _huruf_kolom(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def jenis_isi(data: bytes) -> str:
    """Tebak jenis berkas dari bita awalnya (akhiran nama berkas sering bohong)."""
    awal = data[:1024].lstrip(b"\xef\xbb\xbf").lstrip()
    if not data:
        return "kosong"
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    if data[:5] == b"%PDF-":
        return "pdf"
    kecil = awal.lower()
    if kecil.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head")) or b"<html" in kecil[:512]:
        return "html"
    if kecil.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in data[:4096]:
        return "xml2003"
    return "lain"


_PESAN_JENIS = {
    "kosong": "berkas {nama} kosong (0 bita); kirim ulang berkas yang berisi data",
    "ole": ("berkas {nama} berformat Excel 97-2003 (.xls) atau buku kerja berkata sandi; buka di Excel, "
            "hapus kata sandi bila ada, lalu simpan sebagai 'Excel Workbook (.xlsx)'"),
    "pdf": "berkas {nama} adalah PDF, bukan buku kerja Excel; kirim berkas .xlsx atau .csv yang berisi data",
    "html": ("berkas {nama} adalah halaman web (HTML) yang diberi nama Excel, biasanya hasil 'ekspor ke Excel' "
             "aplikasi lain; buka di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)'"),
    "xml2003": ("berkas {nama} berformat 'XML Spreadsheet 2003'; buka di Excel lalu simpan sebagai "
                "'Excel Workbook (.xlsx)'"),
}


def _tolak(pesan: str):
    raise ImporGagal([Masalah(None, None, None, None, pesan)])


@dataclass
class Lembar:
    nama: str
    kolom: list[str]
    #: (nomor baris seperti di Excel, {kolom: nilai sel})
    baris: list[tuple[int, dict]] = field(default_factory=list)
    #: nomor baris judul seperti di Excel, dan nama kolom per posisi (untuk menyebut sel A1)
    baris_judul: int = 1
    judul_per_indeks: list[str] = field(default_factory=list)


def _normal(judul) -> str:
    if judul is None:
        return ""
    t = str(judul).replace("\u00a0", " ").strip().strip(_TAK_TERLIHAT).strip().lower()
    return re.sub(r"\s+", "_", t)


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


def _mirip_judul(nama: str, nilai) -> bool:
    dikenal = KOLOM_DIKENAL.get(nama, set())
    return sum(1 for v in nilai if _normal(v) in dikenal) >= 2


def _dari_baris(nama: str, rows, masalah: list[Masalah]) -> Lembar | None:
    """rows: iterator of (nomor_baris, list nilai).

    Baris judul = baris pertama (di antara ``CARI_JUDUL`` baris tidak kosong teratas) yang memuat
    paling sedikit dua nama kolom yang dikenal; bila tidak ada, baris pertama yang tidak kosong.
    Baris di atas judul (misalnya judul laporan) diabaikan dengan peringatan.
    """
    rows = iter(rows)
    tunda: list = []
    judul_no = judul_nilai = None
    for nomor, nilai in rows:
        if _baris_kosong(nilai):
            continue
        tunda.append((nomor, nilai))
        if _mirip_judul(nama, nilai):
            judul_no, judul_nilai = nomor, nilai
            tunda = []
            break
        if len(tunda) >= CARI_JUDUL:
            break
    if judul_no is None:
        if not tunda:
            masalah.append(Masalah(nama, 1, None, None, "lembar kosong: tidak ada baris judul kolom",
                                   peringatan=True))
            return None
        (judul_no, judul_nilai), tunda = tunda[0], tunda[1:]
    judul = [_normal(v) for v in judul_nilai]
    if judul_no != 1:
        masalah.append(Masalah(nama, judul_no, None, None,
                               f"baris judul kolom seharusnya di baris 1; dibaca dari baris {judul_no}, "
                               "baris di atasnya diabaikan", peringatan=True))
    dobel = sorted({k for k in judul if k and judul.count(k) > 1})
    if dobel:
        raise ImporGagal([Masalah(nama, judul_no, k, None, "nama kolom muncul lebih dari sekali")
                          for k in dobel])
    lembar = Lembar(nama, [k for k in judul if k])
    lembar.baris_judul = judul_no
    lembar.judul_per_indeks = judul
    pasangan = [(i, k) for i, k in enumerate(judul) if k]
    baris = lembar.baris
    for nomor, nilai in _sambung(tunda, rows):
        if _baris_kosong(nilai):
            continue
        n = len(nilai)
        baris.append((nomor, {k: (nilai[i] if i < n else None) for i, k in pasangan}))
    return lembar


def _sambung(a, b):
    yield from a
    yield from b


def _periksa_xml_lembar(nama: str, xml: bytes, lembar: Lembar, masalah: list[Masalah]) -> None:
    """Sel digabung (merge) dan rumus tanpa nilai tersimpan: keduanya membuat sel tampak terisi di Excel
    tetapi kosong bagi pembaca berkas, jadi keduanya kesalahan yang menyebut selnya."""
    judul = lembar.judul_per_indeks

    def nama_kolom(i: int) -> str | None:
        return judul[i] if i < len(judul) and judul[i] else None

    if b"<mergeCell" in xml:
        for m in _GABUNG.finditer(xml):
            k1, b1 = m.group(1).decode(), int(m.group(2))
            k2, b2 = (m.group(3).decode(), int(m.group(4))) if m.group(3) else (k1, b1)
            if b2 < lembar.baris_judul:
                continue  # judul laporan di atas baris judul kolom: boleh digabung
            ref = f"{k1}{b1}:{k2}{b2}"
            masalah.append(Masalah(
                nama, max(b1, lembar.baris_judul), nama_kolom(_indeks_kolom(k1)), None,
                f"sel digabung (merge) {ref}: hanya sel pertama yang berisi nilai; pisahkan sel "
                "(Unmerge) dan isi setiap baris dengan nilainya sendiri"))
    if b"<f" in xml:
        for m in _SEL_RUMUS.finditer(xml):
            v = m.group(5)
            if v is not None and v not in (b"<v></v>", b"<v/>"):
                continue  # rumus dengan nilai tersimpan (disimpan oleh Excel): nilai itu yang dipakai
            kolom, baris = m.group(1).decode(), int(m.group(2))
            rumus = (m.group(4) or b"").decode("utf-8", "replace")
            masalah.append(Masalah(
                nama, baris, nama_kolom(_indeks_kolom(kolom)), f"={rumus}" if rumus else "(rumus bersama)",
                f"sel {kolom}{baris} berisi rumus tanpa nilai tersimpan (berkas dibuat program lain, belum "
                "pernah dihitung Excel); buka dan simpan ulang di Excel, atau salin lalu 'Tempel Nilai'"))


_SEL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_SEL_CEPAT = re.compile(rb'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?\s*(?:/>|>(.*?)</c>)', re.DOTALL)
_ATR_R = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ATR_S = re.compile(rb'\bs="(\d+)"')
_ATR_T = re.compile(rb'\bt="(\w+)"')
_TAG_V = re.compile(rb"<v>(.*?)</v>", re.DOTALL)
_TAG_T = re.compile(rb"<t(?:\s[^>]*)?>(.*?)</t>", re.DOTALL)
_HURUF = {}


def _kolom_huruf(h: bytes) -> int:
    i = _HURUF.get(h)
    if i is None:
        i = _HURUF[h] = _indeks_kolom(h)
    return i


def _xml_teks(b: bytes) -> str:
    t = b.decode("utf-8")
    return html.unescape(t) if "&" in t else t


def _gaya(wb) -> tuple[set, set]:
    """Indeks gaya sel (atribut s) yang berformat tanggal dan yang berformat persen."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    tanggal = set(getattr(wb, "_date_formats", set()))
    persen = set()
    khusus = list(getattr(wb, "_number_formats", []))
    for i, gaya in enumerate(getattr(wb, "_cell_styles", [])):
        fid = gaya.numFmtId
        kode = BUILTIN_FORMATS.get(fid) if fid < 164 else (khusus[fid - 164] if fid - 164 < len(khusus) else "")
        if kode and "%" in str(kode):
            persen.add(i)
    return tanggal, persen


def _baris_cepat(xml: bytes, shared: list, tanggal: set, persen: set, epoch):
    """Baca sel-sel lembar langsung dari XML (jauh lebih cepat daripada openpyxl untuk lembar besar).

    Menghasilkan (nomor_baris, [nilai per kolom]) seperti ``_sel_excel``. Mengembalikan None bila ada
    sel tanpa alamat (atribut r): pembaca openpyxl dipakai sebagai gantinya."""
    from openpyxl.utils.datetime import from_excel

    mulai = xml.find(b"<sheetData")
    if mulai < 0:
        return
    akhir = xml.rfind(b"</sheetData>")
    data = xml[mulai:akhir if akhir > 0 else len(xml)]
    # Bentuk sel yang ditulis Excel/openpyxl: <c r="B5" s="3" t="s">...</c>. Bila ada sel berbentuk lain
    # (atribut lain atau urutan lain), seluruh lembar dibaca dengan pola umum yang lebih lambat.
    n_sel = data.count(b"<c ") + data.count(b"<c>")
    sel = [(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)) for m in _SEL_CEPAT.finditer(data)]
    if len(sel) != n_sel:
        sel = []
        for m in _SEL.finditer(data):
            atr, isi = m.group(1), m.group(2)
            r = _ATR_R.search(atr)
            if r is None:
                raise _TanpaAlamat
            gs, gt = _ATR_S.search(atr), _ATR_T.search(atr)
            sel.append((r.group(1), r.group(2), gs.group(1) if gs else None, gt.group(1) if gt else None, isi))
    baris_ini = None
    nilai: list = []
    kolom_huruf = _HURUF
    for huruf, no, gaya, t, isi in sel:
        if no != baris_ini:
            if baris_ini is not None:
                yield int(baris_ini), nilai
            baris_ini, nilai = no, []
        if not isi:
            continue
        if t == b"inlineStr":
            if isi.startswith(b"<is><t>") and isi.endswith(b"</t></is>") and isi.count(b"<") == 4:
                v = _xml_teks(isi[7:-9])
            else:
                v = "".join(_xml_teks(x) for x in _TAG_T.findall(isi)) if b"<t" in isi else None
        else:
            if isi.startswith(b"<v>") and isi.endswith(b"</v>") and isi.count(b"<") == 2:
                raw = isi[3:-4]
            else:
                vm = _TAG_V.search(isi)
                if vm is None:
                    continue  # rumus tanpa nilai tersimpan: dilaporkan oleh _periksa_xml_lembar
                raw = vm.group(1)
            if t is None or t == b"n":
                if not raw:
                    continue
                v = float(raw) if (b"." in raw or b"E" in raw or b"e" in raw) else int(raw)
                if gaya is not None:
                    gi = int(gaya)
                    if gi in tanggal:
                        try:
                            v = from_excel(v, epoch)
                        except (OverflowError, ValueError):
                            v = "#VALUE!"
                    elif gi in persen:
                        v = round(v * 100, 10)
            elif t == b"s":
                v = shared[int(raw)]
            elif t == b"b":
                v = bool(int(raw))
            elif t == b"d":
                from datetime import datetime

                v = datetime.fromisoformat(raw.decode())
            else:  # str (hasil rumus berupa teks), e (galat seperti #DIV/0!)
                v = _xml_teks(raw)
        kol = kolom_huruf.get(huruf)
        if kol is None:
            kol = _kolom_huruf(huruf)
        if len(nilai) < kol:
            nilai.extend([None] * (kol - len(nilai)))
        elif len(nilai) > kol:  # sel tidak berurutan dalam baris (jarang): tempatkan di kolomnya
            nilai[kol] = v
            continue
        nilai.append(v)
    if baris_ini is not None:
        yield int(baris_ini), nilai


class _TanpaAlamat(Exception):
    pass


class _Buku:
    """Buku kerja .xlsx terbuka: nama lembar -> path XML, string bersama, gaya. Memakai langkah-langkah
    pembaca openpyxl TANPA membuat objek lembar (openpyxl menelusuri seluruh lembar besar yang tidak
    punya <dimension> hanya untuk menghitung ukurannya)."""

    def __init__(self, path: Path):
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        self.reader = ExcelReader(str(path), read_only=True, data_only=True)
        r = self.reader
        try:
            r.read_manifest()
            r.read_strings()
            r.read_workbook()
            apply_stylesheet(r.archive, r.wb)
            self.wb = r.wb
            self.archive = r.archive
            self.shared = r.shared_strings
            self.lembar = {}
            for sheet, rel in r.parser.find_sheets():
                if rel.target in r.valid_files and "chartsheet" not in (rel.Type or ""):
                    self.lembar[sheet.name] = rel.target
        except BaseException:
            r.archive.close()
            raise

    def lembar_openpyxl(self, nama: str):
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        return ReadOnlyWorksheet(self.wb, nama, self.lembar[nama], self.shared)

    def close(self):
        self.archive.close()


def _baca_xlsx(path: Path, masalah: list[Masalah]) -> dict[str, Lembar]:
    try:
        wb = _Buku(path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError, IndexError) as e:
        _tolak(f"berkas {path.name} bukan buku kerja Excel (.xlsx) yang dapat dibaca "
               f"({e.__class__.__name__}); simpan ulang dari Excel sebagai 'Excel Workbook (.xlsx)'")
    hasil: dict[str, Lembar] = {}
    try:
        tanggal, persen = _gaya(wb.wb)
        nama_lembar = {s.strip().lower(): s for s in wb.lembar}
        for nama in LEMBAR:
            if nama not in nama_lembar:
                continue
            asli = nama_lembar[nama]
            if asli != nama:
                masalah.append(Masalah(asli, None, None, None,
                                       f"nama lembar '{asli}' dibaca sebagai '{nama}'", peringatan=True))
            try:
                xml = wb.archive.read(wb.lembar[asli])
                lembar = None
                if PEMBACA_CEPAT:
                    try:
                        lembar = _dari_baris(nama, _baris_cepat(xml, wb.shared, tanggal, persen, wb.wb.epoch),
                                             masalah)
                    except _TanpaAlamat:
                        lembar = False
                if not PEMBACA_CEPAT or lembar is False:
                    ws = wb.lembar_openpyxl(asli)
                    rows = ((i, [_sel_excel(c) for c in row]) for i, row in enumerate(ws.iter_rows(), start=1))
                    lembar = _dari_baris(nama, rows, masalah)
            except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, UnicodeDecodeError,
                    OSError, EOFError) as e:
                _tolak(f"lembar '{asli}' di {path.name} rusak dan tidak dapat dibaca ({e.__class__.__name__}); "
                       "simpan ulang dari Excel")
            if lembar is not None:
                hasil[nama] = lembar
                _periksa_xml_lembar(nama, xml, lembar, masalah)
    finally:
        wb.close()
    if not hasil:
        ada = ", ".join(f"'{s}'" for s in nama_lembar.values()) or "(tidak ada)"
        saran = []
        for asli in nama_lembar.values():
            for nama in LEMBAR:
                if nama in asli.lower() or asli.lower().startswith(nama[:4]):
                    saran.append(f"ganti nama lembar '{asli}' menjadi '{nama}'")
                    break
        _tolak(f"tidak ada lembar 'indikator', 'target', 'realisasi' atau 'dukungan' di {path.name}; lembar yang ada: {ada}"
               + (f"; {', '.join(saran)}" if saran else ""))
    return hasil


def _teks_csv(data: bytes, nama: str) -> str:
    # BOM UTF-8 dibuang dulu: ada aplikasi yang menulis BOM lalu isi berpengodean Windows-1252
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    for enc in ("utf-16",):
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode(enc)
    _tolak(f"{nama}.csv: pengodean teks tidak dikenal (simpan sebagai 'CSV UTF-8')")


def baca_csv(data: bytes, nama: str, masalah: list[Masalah]) -> Lembar | None:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        teks = data.decode("utf-16")
    else:
        teks = _teks_csv(data, nama)
    if "\x00" in teks.split("\n", 1)[0]:
        _tolak(f"{nama}.csv berisi karakter NUL di baris judul: bukan berkas teks CSV (mungkin berkas biner yang diberi nama .csv)")
    contoh = teks[:4096]
    baris_pertama = next((b for b in contoh.splitlines() if b.strip()), "")
    pemisah = max([",", ";", "\t"], key=lambda p: (baris_pertama.count(p), p == ","))
    reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    rows = ((i, [v if v != "" else None for v in row]) for i, row in enumerate(reader, start=1))
    try:
        return _dari_baris(nama, rows, masalah)
    except csv.Error as e:
        _tolak(f"{nama}.csv tidak dapat dibaca sebagai CSV ({e})")


def _nama_csv(path: Path) -> str:
    """Lembar sebuah CSV dari namanya: realisasi.csv, atau nama yang memuat tepat satu nama lembar
    (realisasi_tw3_bulungan.csv)."""
    stem = path.stem.strip().lower()
    if stem in LEMBAR:
        return stem
    cocok = [n for n in LEMBAR if n in stem]
    if len(cocok) == 1:
        return cocok[0]
    _tolak(f"nama berkas CSV harus memuat 'indikator', 'target', 'realisasi' atau 'dukungan' (misalnya realisasi.csv), "
           f"bukan {path.name}")


def baca_berkas(path: str | Path, masalah: list[Masalah]) -> dict[str, Lembar]:
    """Baca .xlsx, satu .csv bernama seperti lembarnya, atau folder berisi CSV."""
    path = Path(path)
    if not path.exists():
        _tolak(f"berkas {path} tidak ditemukan")
    if path.is_dir():
        hasil = {}
        for nama in LEMBAR:
            f = path / f"{nama}.csv"
            if f.exists():
                lembar = baca_csv(f.read_bytes(), nama, masalah)
                if lembar is not None:
                    hasil[nama] = lembar
        if not hasil:
            _tolak(f"folder {path} tidak berisi indikator.csv, target.csv, realisasi.csv atau dukungan.csv yang berisi data")
        return hasil
    akhiran = path.suffix.lower()
    with path.open("rb") as f:
        awal = f.read(4096)
    jenis = jenis_isi(awal)
    if jenis in _PESAN_JENIS:
        _tolak(_PESAN_JENIS[jenis].format(nama=path.name))
    if akhiran in (".xlsx", ".xlsm"):
        if jenis != "zip":
            _tolak(f"berkas {path.name} bukan buku kerja Excel (.xlsx): isinya "
                   f"{'teks biasa' if _teks_biasa(awal) else 'tidak dikenal'}; simpan ulang dari Excel sebagai "
                   "'Excel Workbook (.xlsx)', atau kirim sebagai .csv")
        return _baca_xlsx(path, masalah)
    if akhiran == ".csv":
        if jenis == "zip":
            _tolak(f"berkas {path.name} adalah buku kerja Excel yang diberi nama .csv; ganti akhirannya menjadi .xlsx")
        nama = _nama_csv(path)
        lembar = baca_csv(path.read_bytes(), nama, masalah)
        if lembar is None:
            _tolak(f"berkas {path.name} tidak berisi data (tidak ada baris judul kolom)")
        return {nama: lembar}
    if akhiran == ".xls":
        if jenis == "zip":
            _tolak(f"berkas {path.name} sebenarnya buku kerja .xlsx yang diberi akhiran .xls; ganti akhirannya "
                   "menjadi .xlsx")
        _tolak("format .xls (Excel 97-2003) tidak didukung; buka di Excel lalu simpan sebagai "
               "'Excel Workbook (.xlsx)'")
    _tolak(f"jenis berkas {path.suffix or '(tanpa akhiran)'} tidak didukung; gunakan .xlsx atau .csv")


def _teks_biasa(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False
