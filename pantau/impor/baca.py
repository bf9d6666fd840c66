"""Membaca berkas impor (.xlsx, .csv, atau folder berisi CSV) menjadi lembar-lembar mentah.

Tidak ada validasi isi di sini, hanya bentuk: lembar yang dikenal, baris judul, nomor baris
seperti yang ditampilkan Excel (judul = baris 1).

Berkas dari luar dibatasi sebelum dibaca (keputusan #19; angka di ``BATAS_*``, ditolak dengan pesan yang menyebut
batasnya, tidak ada yang ditulis): ukuran berkas; untuk .xlsx (sebuah zip) jumlah anggota, ukuran setiap anggota
setelah dibuka dan rasio pemampatannya dibaca dari direktori zip sebelum apa pun dibuka (bom zip), lalu baris
bernilai dihitung dengan membaca XML lembar bertahap (blok 1 MB, tanpa menyimpannya) sebelum diurai; penguraian
juga bertahap dan berhenti begitu jumlah baris data melewati batas. Memori puncak untuk unggahan apa pun terukur
di tests/serangan/test_unggahan.py.
"""
from __future__ import annotations

import csv
import html
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pantau.impor.masalah import ImporGagal, Masalah

LEMBAR = ("indikator", "target", "realisasi", "dukungan", "prioritas", "indikator_prioritas", "usulan")

#: Nama kolom yang dikenal per lembar (untuk menemukan baris judul yang tidak di baris 1).
KOLOM_DIKENAL = {
    "indikator": {"daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan", "polaritas",
                  "agregasi", "kondisi_awal", "tahun_kondisi_awal", "target_akhir", "iku", "perangkat_daerah",
                  "sumber_data", "definisi", "indikator_induk", "agregasi_wilayah"},
    "target": {"daerah_kode", "indikator_kode", "tahun", "target", "dokumen", "periode_rpjmd", "nama_indikator"},
    "realisasi": {"daerah_kode", "indikator_kode", "tahun", "periode", "realisasi", "sumber", "status", "catatan",
                  "periode_rpjmd"},
    "dukungan": {"daerah_kode", "tahun", "indikator_kode", "sub_kegiatan_kode", "sub_kegiatan_nama",
                 "perangkat_daerah", "perangkat_daerah_kode", "pagu", "realisasi_tw1", "realisasi_tw2",
                 "realisasi_tw3", "realisasi_tw4", "realisasi_anggaran", "disepakati", "sumber", "catatan",
                 "periode_rpjmd"},
    "prioritas": {"tingkat", "daerah_kode", "dokumen", "jenis", "kode", "nama", "induk_kode", "tahun_awal",
                  "tahun_akhir", "urusan_kode", "pn_kode", "sumber", "catatan"},
    "indikator_prioritas": {"daerah_kode", "indikator_kode", "prioritas_kode", "periode_rpjmd", "nama_indikator",
                            "nama_prioritas"},
    "usulan": {"daerah_kode", "tahun", "nomor", "judul", "urusan_kode", "prioritas_kode", "permasalahan", "lokasi",
               "volume", "satuan", "biaya", "sub_kegiatan_kode", "perangkat_daerah", "sumber", "keputusan", "alasan",
               "dialihkan_ke", "pagu_disepakati"},
}
#: Baca XML lembar langsung (cepat); False = selalu lewat openpyxl (pembanding di uji).
PEMBACA_CEPAT = True

# -- batas berkas impor (keputusan #19) ---------------------------------------------------------------------------
#: Ukuran berkas (.xlsx atau .csv). Sama dengan server.maxUploadSize di .streamlit/config.toml (halaman Impor);
#: buku kerja RPJMD satu provinsi beserta kabupaten/kotanya jauh di bawahnya.
BATAS_BERKAS_MB = 20
#: Baris data (tanpa baris judul) semua lembar satu berkas. Satu provinsi dan kabupaten/kotanya: ~30.000
#: realisasi per tahun; uji korpus memakai 200.000 realisasi + 6.667 indikator. Baris ini yang membatasi memori
#: pemeriksaan impor (~380 MB di atas diam untuk 206.667 baris, tests/serangan/test_unggahan.py).
BATAS_BARIS = 210_000
#: Satu lembar XML setelah dibuka (dibaca bertahap; 200.000 baris tulisan openpyxl dengan teks sebaris ~62 MB).
BATAS_LEMBAR_XML_MB = 192
#: Anggota zip lain yang dibaca utuh oleh openpyxl (sharedStrings, styles, workbook, ...).
BATAS_ANGGOTA_LAIN_MB = 32
#: Semua anggota zip setelah dibuka, dan jumlah anggotanya.
BATAS_ZIP_MB = 256
BATAS_JUMLAH_ANGGOTA = 1_000
#: Rasio pemampatan anggota di atas 1 MB (Apache POI memakai 1:100 untuk hal yang sama). XML lembar sungguhan
#: termampatkan ~10:1, juga 100.000 baris yang isinya sama (nomor barisnya berbeda).
BATAS_RASIO = 100
#: Satu baris <row>…</row> XML (Excel: paling banyak 32.767 karakter per sel).
BATAS_BARIS_XML_MB = 16
#: Blok baca XML lembar.
BLOK = 1 << 20
_MB = 1024 * 1024


def _angka_id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{n / _MB:,.1f}".replace(",", "#").replace(".", ",").replace("#", ".")


def pesan_terlalu_banyak_baris() -> str:
    return (f"berkas berisi lebih dari {_angka_id(BATAS_BARIS)} baris data (batas impor: {_angka_id(BATAS_BARIS)} "
            "baris per berkas, semua lembar dijumlah); bagi datanya menjadi beberapa berkas, misalnya per daerah "
            "atau per tahun")


class _Hitung:
    """Jumlah baris data yang sudah dibaca dari satu berkas (semua lembar)."""

    def __init__(self):
        self.n = 0

    def tambah(self) -> None:
        self.n += 1
        if self.n > BATAS_BARIS:
            _tolak(pesan_terlalu_banyak_baris())
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


def _dari_baris(nama: str, rows, masalah: list[Masalah], hitung: _Hitung | None = None) -> Lembar | None:
    """rows: iterator of (nomor_baris, list nilai). ``hitung``: penghitung baris data berkas ini (berhenti dengan
    penolakan begitu melewati ``BATAS_BARIS``).

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
    hitung = hitung or _Hitung()
    for nomor, nilai in _sambung(tunda, rows):
        if _baris_kosong(nilai):
            continue
        hitung.tambah()
        n = len(nilai)
        baris.append((nomor, {k: (nilai[i] if i < n else None) for i, k in pasangan}))
    return lembar


def _sambung(a, b):
    yield from a
    yield from b


def _periksa_xml_lembar(nama: str, pindai: _Pindai, lembar: Lembar, masalah: list[Masalah]) -> None:
    """Sel digabung (merge) dan rumus tanpa nilai tersimpan: keduanya membuat sel tampak terisi di Excel
    tetapi kosong bagi pembaca berkas, jadi keduanya kesalahan yang menyebut selnya. Sel-selnya dikumpulkan
    ``_pindai_lembar`` saat XML lembar dibaca bertahap."""
    judul = lembar.judul_per_indeks

    def nama_kolom(i: int) -> str | None:
        return judul[i] if i < len(judul) and judul[i] else None

    for k1, b1, k2, b2 in pindai.gabung:
        if b2 < lembar.baris_judul:
            continue  # judul laporan di atas baris judul kolom: boleh digabung
        ref = f"{k1}{b1}:{k2}{b2}"
        masalah.append(Masalah(
            nama, max(b1, lembar.baris_judul), nama_kolom(_indeks_kolom(k1)), None,
            f"sel digabung (merge) {ref}: hanya sel pertama yang berisi nilai; pisahkan sel "
            "(Unmerge) dan isi setiap baris dengan nilainya sendiri"))
    for kolom, baris, rumus in pindai.rumus:
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
    from openpyxl.styles.numbers import BUILTIN_FORMATS  # openpyxl hanya untuk .xlsx, lihat _Buku

    tanggal = set(getattr(wb, "_date_formats", set()))
    persen = set()
    khusus = list(getattr(wb, "_number_formats", []))
    for i, gaya in enumerate(getattr(wb, "_cell_styles", [])):
        fid = gaya.numFmtId
        kode = BUILTIN_FORMATS.get(fid) if fid < 164 else (khusus[fid - 164] if fid - 164 < len(khusus) else "")
        if kode and "%" in str(kode):
            persen.add(i)
    return tanggal, persen


def _sel_blok(data: bytes) -> list:
    """Sel-sel satu blok XML lembar (baris-baris utuh): (huruf kolom, nomor baris, gaya, jenis, isi)."""
    # Bentuk sel yang ditulis Excel/openpyxl: <c r="B5" s="3" t="s">...</c>. Bila ada sel berbentuk lain
    # (atribut lain atau urutan lain), blok itu dibaca dengan pola umum yang lebih lambat.
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
    return sel


def _baris_cepat(blok, shared: list, tanggal: set, persen: set, epoch):
    """Baca sel-sel lembar langsung dari XML (jauh lebih cepat daripada openpyxl untuk lembar besar).

    ``blok``: blok-blok isi <sheetData> yang masing-masing berisi baris-baris utuh (``_AlirLembar``).
    Menghasilkan (nomor_baris, [nilai per kolom]) seperti ``_sel_excel``. Melempar ``_TanpaAlamat`` bila ada
    sel tanpa alamat (atribut r): pembaca openpyxl dipakai sebagai gantinya (``_pindai_lembar`` sudah
    memeriksanya sebelum penguraian dimulai)."""
    from openpyxl.utils.datetime import from_excel  # openpyxl hanya untuk .xlsx, lihat _Buku

    baris_ini = None
    nilai: list = []
    kolom_huruf = _HURUF
    for huruf, no, gaya, t, isi in (x for data in blok for x in _sel_blok(data)):
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


class _AlirLembar:
    """XML satu lembar dibaca bertahap dari zip: iterasi menghasilkan blok isi <sheetData> yang masing-masing
    berakhir di </row> (baris tidak pernah terpotong); sesudahnya ``gabung`` berisi sel digabung (<mergeCell>,
    yang letaknya sesudah </sheetData>). Paling banyak satu blok (1 MB) ditambah satu baris ada di memori."""

    def __init__(self, archive: zipfile.ZipFile, anggota: str, nama: str):
        self.archive, self.anggota, self.nama = archive, anggota, nama
        self.ada_data = False
        self.gabung: list[tuple[str, int, str, int]] = []

    def __iter__(self):
        with self.archive.open(self.anggota) as f:
            buf = b""
            # sebelum <sheetData>: kepala lembar (dimension, sheetViews, cols)
            while True:
                potong = f.read(BLOK)
                if not potong:
                    return
                buf += potong
                i = buf.find(b"<sheetData")
                if i >= 0:
                    j = buf.find(b">", i)
                    if j >= 0:
                        kosong = buf[j - 1:j] == b"/"
                        buf = buf[j + 1:]
                        break
                    buf = buf[i:]
                else:
                    buf = buf[-16:]
            if not kosong:
                self.ada_data = True
                while True:
                    akhir = buf.find(b"</sheetData>")
                    if akhir >= 0:
                        if buf[:akhir].strip():
                            yield buf[:akhir]
                        buf = buf[akhir + 12:]
                        break
                    k = buf.rfind(b"</row>")
                    if k >= 0:
                        yield buf[:k + 6]
                        buf = buf[k + 6:]
                    elif len(buf) > BATAS_BARIS_XML_MB * _MB:
                        _tolak(f"lembar '{self.nama}': satu baris berisi lebih dari {BATAS_BARIS_XML_MB} MB XML "
                               "(batas impor); hapus isi yang tidak perlu lalu simpan ulang dari Excel")
                    potong = f.read(BLOK)
                    if not potong:
                        if buf.strip():
                            yield buf  # XML tanpa </sheetData>: sisanya tetap dibaca seperti dulu
                        return
                    buf += potong
            # sesudah </sheetData>: hanya <mergeCell ref="…"/> yang diperlukan
            while True:
                k = buf.rfind(b">")
                if k >= 0:
                    for m in _GABUNG.finditer(buf[:k + 1]):
                        self.gabung.append((m.group(1).decode(), int(m.group(2)),
                                            (m.group(3) or m.group(1)).decode(), int(m.group(4) or m.group(2))))
                    buf = buf[k + 1:]
                potong = f.read(BLOK)
                if not potong:
                    return
                buf += potong


_SEL_TANPA_ALAMAT = re.compile(rb"<c(?:/?>|\s(?![^>]*\br=)[^>]*>)")


@dataclass
class _Pindai:
    """Hasil membaca XML satu lembar sekali tanpa menguraikan nilainya."""
    baris_bernilai: int = 0
    tanpa_alamat: bool = False
    rumus: list = field(default_factory=list)     # (huruf kolom, baris, rumus) rumus tanpa nilai tersimpan
    gabung: list = field(default_factory=list)    # (kolom1, baris1, kolom2, baris2)


def _pindai_lembar(archive: zipfile.ZipFile, anggota: str, nama: str) -> _Pindai:
    """Pembacaan pertama, bertahap, sebelum penguraian: hitung baris yang berisi nilai (<v> atau teks sebaris),
    kumpulkan rumus tanpa nilai tersimpan dan sel digabung, dan periksa apakah ada sel tanpa alamat."""
    hasil = _Pindai()
    alir = _AlirLembar(archive, anggota, nama)
    for blok in alir:
        for seg in blok.split(b"</row>"):
            if b"<v>" in seg or b"<is>" in seg:
                hasil.baris_bernilai += 1
        if not hasil.tanpa_alamat and (b"<c>" in blok or b"<c/>" in blok or _SEL_TANPA_ALAMAT.search(blok)):
            hasil.tanpa_alamat = True
        if b"<f" in blok:
            for m in _SEL_RUMUS.finditer(blok):
                v = m.group(5)
                if v is not None and v not in (b"<v></v>", b"<v/>"):
                    continue  # rumus dengan nilai tersimpan (disimpan oleh Excel): nilai itu yang dipakai
                rumus = (m.group(4) or b"").decode("utf-8", "replace")
                hasil.rumus.append((m.group(1).decode(), int(m.group(2)), rumus))
    hasil.gabung = alir.gabung
    return hasil


def _periksa_zip(path: Path) -> None:
    """Bom zip dan berkas raksasa ditolak dari direktori zip, sebelum satu bita pun dibuka. zipfile tidak pernah
    menghasilkan lebih dari ukuran yang tercatat di direktori itu (isi yang lebih panjang = galat CRC), jadi
    ukuran tercatat adalah batas atas yang dapat dipercaya."""
    with zipfile.ZipFile(path) as z:
        daftar = z.infolist()
    if len(daftar) > BATAS_JUMLAH_ANGGOTA:
        _tolak(f"berkas {path.name} berisi {_angka_id(len(daftar))} bagian (batas impor: "
               f"{_angka_id(BATAS_JUMLAH_ANGGOTA)}); buku kerja Excel biasa berisi puluhan; simpan ulang dari Excel")
    total = 0
    for i in daftar:
        total += i.file_size
        lembar = i.filename.startswith("xl/worksheets/")
        batas = (BATAS_LEMBAR_XML_MB if lembar else BATAS_ANGGOTA_LAIN_MB) * _MB
        if i.file_size > batas:
            _tolak(f"berkas {path.name}: bagian '{i.filename}' berukuran {_mb(i.file_size)} MB setelah dibuka "
                   f"(batas impor: {batas // _MB} MB per {'lembar' if lembar else 'bagian'}); bagi datanya menjadi "
                   "beberapa berkas")
        if i.file_size > _MB and i.file_size > BATAS_RASIO * max(i.compress_size, 1):
            _tolak(f"berkas {path.name} ditolak: bagian '{i.filename}' termampatkan "
                   f"{_angka_id(i.file_size // max(i.compress_size, 1))}:1 ({_mb(i.compress_size)} MB menjadi "
                   f"{_mb(i.file_size)} MB; batas impor {BATAS_RASIO}:1), ciri 'bom zip' yang menghabiskan memori "
                   "server; buka dan simpan ulang dari Excel")
    if total > BATAS_ZIP_MB * _MB:
        _tolak(f"berkas {path.name} berukuran {_mb(total)} MB setelah dibuka (batas impor: {BATAS_ZIP_MB} MB); "
               "bagi datanya menjadi beberapa berkas")


class _Buku:
    """Buku kerja .xlsx terbuka: nama lembar -> path XML, string bersama, gaya. Memakai langkah-langkah
    pembaca openpyxl TANPA membuat objek lembar (openpyxl menelusuri seluruh lembar besar yang tidak
    punya <dimension> hanya untuk menghitung ukurannya)."""

    def __init__(self, path: Path):
        # openpyxl (~0,3 s saat dimuat) hanya untuk berkas .xlsx: impor CSV (data demo saat start pertama, perintah
        # baris) tidak memuatnya.
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
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # hanya untuk .xlsx, lihat __init__

        return ReadOnlyWorksheet(self.wb, nama, self.lembar[nama], self.shared)

    def close(self):
        self.archive.close()


_RUSAK = (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, UnicodeDecodeError, OSError, EOFError,
          zlib.error)


def _baca_xlsx(path: Path, masalah: list[Masalah]) -> dict[str, Lembar]:
    try:
        _periksa_zip(path)
        wb = _Buku(path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError, IndexError) as e:
        _tolak(f"berkas {path.name} bukan buku kerja Excel (.xlsx) yang dapat dibaca "
               f"({e.__class__.__name__}); simpan ulang dari Excel sebagai 'Excel Workbook (.xlsx)'")
    hasil: dict[str, Lembar] = {}
    hitung = _Hitung()
    try:
        tanggal, persen = _gaya(wb.wb)
        nama_lembar = {s.strip().lower(): s for s in wb.lembar}
        dibaca = [(nama, nama_lembar[nama]) for nama in LEMBAR if nama in nama_lembar]
        # Pembacaan pertama (bertahap, tanpa menguraikan nilai): jumlah baris semua lembar sebelum penguraian.
        pindai = {}
        for nama, asli in dibaca:
            try:
                pindai[nama] = _pindai_lembar(wb.archive, wb.lembar[asli], asli)
            except _RUSAK as e:
                _tolak(f"lembar '{asli}' di {path.name} rusak dan tidak dapat dibaca ({e.__class__.__name__}); "
                       "simpan ulang dari Excel")
        if sum(max(0, p.baris_bernilai - 1) for p in pindai.values()) > BATAS_BARIS:
            _tolak(pesan_terlalu_banyak_baris())
        for nama, asli in dibaca:
            if asli != nama:
                masalah.append(Masalah(asli, None, None, None,
                                       f"nama lembar '{asli}' dibaca sebagai '{nama}'", peringatan=True))
            try:
                lembar = None
                mulai = hitung.n
                if PEMBACA_CEPAT and not pindai[nama].tanpa_alamat:
                    try:
                        alir = _AlirLembar(wb.archive, wb.lembar[asli], asli)
                        lembar = _dari_baris(nama, _baris_cepat(alir, wb.shared, tanggal, persen, wb.wb.epoch),
                                             masalah, hitung)
                    except _TanpaAlamat:
                        lembar = False
                        hitung.n = mulai
                if not PEMBACA_CEPAT or pindai[nama].tanpa_alamat or lembar is False:
                    ws = wb.lembar_openpyxl(asli)
                    rows = ((i, [_sel_excel(c) for c in row]) for i, row in enumerate(ws.iter_rows(), start=1))
                    lembar = _dari_baris(nama, rows, masalah, hitung)
            except _RUSAK as e:
                _tolak(f"lembar '{asli}' di {path.name} rusak dan tidak dapat dibaca ({e.__class__.__name__}); "
                       "simpan ulang dari Excel")
            if lembar is not None:
                hasil[nama] = lembar
                _periksa_xml_lembar(nama, pindai[nama], lembar, masalah)
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
        _tolak(f"tidak ada lembar 'indikator', 'target', 'realisasi' atau 'dukungan' di {path.name}; "
               f"lembar yang ada: {ada}" + (f"; {', '.join(saran)}" if saran else ""))
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


def baca_csv(data: bytes, nama: str, masalah: list[Masalah], hitung: _Hitung | None = None) -> Lembar | None:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        teks = data.decode("utf-16")
    else:
        teks = _teks_csv(data, nama)
    if "\x00" in teks.split("\n", 1)[0]:
        _tolak(f"{nama}.csv berisi karakter NUL di baris judul: bukan berkas teks CSV "
               "(mungkin berkas biner yang diberi nama .csv)")
    contoh = teks[:4096]
    baris_pertama = next((b for b in contoh.splitlines() if b.strip()), "")
    pemisah = max([",", ";", "\t"], key=lambda p: (baris_pertama.count(p), p == ","))
    reader = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    rows = ((i, [v if v != "" else None for v in row]) for i, row in enumerate(reader, start=1))
    try:
        return _dari_baris(nama, rows, masalah, hitung)
    except csv.Error as e:
        _tolak(f"{nama}.csv tidak dapat dibaca sebagai CSV ({e})")


def _nama_csv(path: Path) -> str:
    """Lembar sebuah CSV dari namanya: realisasi.csv, atau nama yang memuat tepat satu nama lembar
    (realisasi_tw3_bulungan.csv)."""
    stem = path.stem.strip().lower()
    if stem in LEMBAR:
        return stem
    cocok = [n for n in LEMBAR if n in stem]
    cocok = [n for n in cocok if not any(n != m and n in m for m in cocok)]  # indikator_prioritas, bukan indikator
    if len(cocok) == 1:
        return cocok[0]
    _tolak(f"nama berkas CSV harus memuat 'indikator', 'target', 'realisasi', 'dukungan', 'prioritas', "
           f"'indikator_prioritas' atau 'usulan' (misalnya realisasi.csv), "
           f"bukan {path.name}")


def _periksa_ukuran(path: Path) -> None:
    ukuran = path.stat().st_size
    if ukuran > BATAS_BERKAS_MB * _MB:
        _tolak(f"berkas {path.name} berukuran {_mb(ukuran)} MB (batas impor: {BATAS_BERKAS_MB} MB per berkas); "
               "bagi datanya menjadi beberapa berkas, misalnya per daerah atau per tahun")


def baca_berkas(path: str | Path, masalah: list[Masalah]) -> dict[str, Lembar]:
    """Baca .xlsx, satu .csv bernama seperti lembarnya, atau folder berisi CSV (batas: ``BATAS_*``)."""
    path = Path(path)
    if not path.exists():
        _tolak(f"berkas {path} tidak ditemukan")
    if path.is_dir():
        hasil = {}
        hitung = _Hitung()
        for nama in LEMBAR:
            f = path / f"{nama}.csv"
            if f.exists():
                _periksa_ukuran(f)
                lembar = baca_csv(f.read_bytes(), nama, masalah, hitung)
                if lembar is not None:
                    hasil[nama] = lembar
        if not hasil:
            _tolak(f"folder {path} tidak berisi indikator.csv, target.csv, realisasi.csv, dukungan.csv, prioritas.csv, "
                   "indikator_prioritas.csv atau usulan.csv "
                   "yang berisi data")
        return hasil
    akhiran = path.suffix.lower()
    _periksa_ukuran(path)
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
