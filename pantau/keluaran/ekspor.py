"""Ekspor tabel (CSV, Excel) dan grafik (PNG) tanpa unduhan apa pun saat berjalan."""
from __future__ import annotations

import io
import os
import re
import threading
import warnings
from datetime import datetime
from pathlib import Path

import pandas as pd
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from pantau.aturan.format import KOSONG, format_waktu, isi_kosong, judul_kolom
from pantau.keluaran.grafik import untuk_ekspor

_kaleido_kunci = threading.Lock()
_kaleido_hidup = False


#: Awal sel yang dibaca lembar kerja sebagai rumus (OWASP "CSV injection"): = + - @ tab CR, juga bentuk lebar
#: penuhnya (IME Asia Timur) yang oleh sebagian lembar kerja dianggap sama.
AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Teks yang hanya angka (-1,5; -1.234,5; +62; -12%) bukan rumus: dibiarkan agar tetap terbaca sebagai angka.
_ANGKA = re.compile(r"[+-]?\d[\d.,]*%?")
#: xlsxwriter bawaannya menulis teks berawalan '=' sebagai rumus dan teks berbentuk alamat sebagai tautan.
OPSI_XLSXWRITER = {"strings_to_formulas": False, "strings_to_urls": False}


def teks_csv_aman(v):
    """Nilai sel CSV: teks yang akan dibaca sebagai rumus diberi awalan ' (OWASP), angka dan teks lain tetap. CR di
    dalam teks menjadi LF: pandas tidak mengutip sel ber-CR, dan CR tanpa kutip memotong baris di lembar kerja."""
    if not isinstance(v, str):
        return v
    awalan = "'" if v.startswith(AWAL_RUMUS) and not _ANGKA.fullmatch(v) else ""
    return awalan + v.replace("\r\n", "\n").replace("\r", "\n")


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV untuk Excel berbahasa Indonesia: pemisah titik koma, koma desimal, UTF-8 dengan BOM. Teks yang diawali
    = + - @ tab atau CR diberi awalan ' agar lembar kerja membacanya sebagai teks, bukan rumus (keputusan #19); kolom
    angka tidak disentuh, jadi angka negatif tetap angka. Judul kolom lewat ``judul_kolom`` dan sel tanpa nilai "–",
    seperti tabel di layar (keputusan #16)."""
    aman = isi_kosong(judul_kolom(df)).rename(columns=lambda k: teks_csv_aman(str(k)))
    for k in aman.columns:
        if not pd.api.types.is_numeric_dtype(aman[k]) and not pd.api.types.is_datetime64_any_dtype(aman[k]):
            aman[k] = aman[k].map(teks_csv_aman)
    return aman.to_csv(index=False, sep=";", decimal=",", na_rep=KOSONG).encode("utf-8-sig")


def excel_bytes(df: pd.DataFrame, *, judul: str, keterangan: dict[str, str] | None = None,
                format_angka: dict[str, str] | None = None) -> bytes:
    """Buku kerja berformat: baris judul dibekukan, angka tetap angka dengan format tampilan,
    dan lembar 'keterangan' berisi filter yang menghasilkannya serta waktu pembuatannya. Teks selalu sel teks,
    tidak pernah rumus atau tautan (keputusan #19). Judul kolom lewat ``judul_kolom``, sel tanpa nilai "–" dan artinya
    di lembar keterangan (keputusan #16)."""
    df = isi_kosong(judul_kolom(df))
    buf = io.BytesIO()
    format_angka = format_angka or {}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": OPSI_XLSXWRITER}) as xw:
        df.to_excel(xw, sheet_name="data", index=False, na_rep=KOSONG)
        wb, ws = xw.book, xw.sheets["data"]
        kepala = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                "border": 1})
        for j, kolom in enumerate(df.columns):
            ws.write(0, j, kolom, kepala)
            lebar = min(60, max(10, len(str(kolom)) + 2,
                                *(len(str(v)) + 2 for v in df[kolom].head(200).tolist())))
            fmt = None
            if kolom in format_angka:
                fmt = wb.add_format({"num_format": format_angka[kolom]})
            elif pd.api.types.is_float_dtype(df[kolom]):
                fmt = wb.add_format({"num_format": "#,##0.00"})
            ws.set_column(j, j, lebar, fmt)
        ws.freeze_panes(1, 0)
        if len(df):
            ws.autofilter(0, 0, len(df), max(0, len(df.columns) - 1))
        info = wb.add_worksheet("keterangan")
        tebal = wb.add_format({"bold": True})
        info.write(0, 0, judul, tebal)
        baris = 2
        for k, v in {**(keterangan or {}), "Dibuat": format_waktu(datetime.now()),
                     "Jumlah baris": str(len(df)), "Sel berisi –": "belum ada data (atau tidak berlaku)",
                     "Sumber": "Pantau"}.items():
            info.write(baris, 0, k, tebal)
            info.write(baris, 1, v)
            baris += 1
        info.set_column(0, 0, 22)
        info.set_column(1, 1, 80)
    return buf.getvalue()


#: Huruf antarmuka (Source Sans 3, OFL; lihat pantau/huruf/SUMBER.md) dan konfigurasi fontconfig yang menambahkannya
#: ke huruf sistem, agar Chromium kaleido tidak jatuh ke huruf serif cadangan.
HURUF_DIR = Path(__file__).resolve().parent / "huruf"
HURUF_FILE = HURUF_DIR / "SourceSans3-VF.ttf"
#: Warna teks kepala dan kaki PNG (kontras terhadap putih: 16:1, 10:1 dan 7,5:1).
_WARNA_JUDUL, _WARNA_SUBJUDUL, _WARNA_SUMBER = "#1A1A1A", "#3B3B3B", "#505050"


def siapkan_huruf() -> None:
    """Chromium kaleido membaca huruf lewat fontconfig: tunjuk konfigurasi Pantau (sistem + ``pantau/huruf``)
    sebelum servernya dimulai. ``FONTCONFIG_FILE`` yang sudah diatur pengguna dibiarkan."""
    os.environ.setdefault("FONTCONFIG_FILE", str(HURUF_DIR / "fonts.conf"))


def png_bytes(fig, *, lebar: int = 1600, tinggi: int | None = None, skala: float = 1.0, judul: str | None = None,
              subjudul: str | None = None, sumber: str | None = None) -> bytes:
    """PNG dari gambar Plotly lewat kaleido dan Chromium sistem (satu server kaleido per proses).

    Warna teks dan latar selalu versi tema terang (``grafik.untuk_ekspor``), huruf Source Sans 3. Dengan ``judul``
    gambar diberi kepala (judul, ``subjudul``: indikator, daerah, tahun) dan kaki "Sumber: Pantau, data
    ``sumber``; diunduh <tanggal>", digambar ke dalam PNG dan juga disimpan sebagai metadata PNG (Title,
    Description, Source), sehingga PNG yang ditempel di laporan menyebut isinya sendiri."""
    global _kaleido_hidup
    # kaleido hanya untuk PNG: memuatnya 0,1-0,4 s, tidak perlu bagi CSV/Excel (laporan, perintah baris).
    import kaleido

    tinggi = tinggi or int(fig.layout.height or 600)
    with _kaleido_kunci:
        if not _kaleido_hidup:
            siapkan_huruf()
            kaleido.start_sync_server(silence_warnings=True)
            _kaleido_hidup = True
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            png = untuk_ekspor(fig).to_image(format="png", width=lebar, height=tinggi, scale=skala)
    if judul is None:
        return png
    return _beri_kepala(png, judul=judul, subjudul=subjudul, sumber=sumber, skala=skala)


def _huruf(ukuran: float, tebal: bool = False):
    f = ImageFont.truetype(str(HURUF_FILE), max(1, round(ukuran)))
    f.set_variation_by_name("Bold" if tebal else "Regular")  # instans bawaan berkas VF adalah ExtraLight
    return f


def _bungkus(teks: str, huruf, lebar: float) -> list[str]:
    """Pecah teks menjadi baris yang muat ``lebar`` piksel (diukur dengan huruf yang dipakai)."""
    baris: list[str] = []
    for paragraf in teks.split("\n"):
        kini = ""
        for kata in paragraf.split():
            coba = f"{kini} {kata}".strip()
            if kini and huruf.getlength(coba) > lebar:
                baris.append(kini)
                kini = kata
            else:
                kini = coba
        baris.append(kini)
    return baris


def _beri_kepala(png: bytes, *, judul: str, subjudul: str | None, sumber: str | None, skala: float) -> bytes:
    """Gambar grafik + kepala (judul, subjudul) + kaki (sumber dan tanggal unduh) dalam satu PNG."""
    grafik = Image.open(io.BytesIO(png)).convert("RGB")
    w = grafik.width
    s = skala
    tepi = round(24 * s)
    isi = w - 2 * tepi
    h_judul, h_sub, h_sumber = _huruf(26 * s, tebal=True), _huruf(18 * s), _huruf(15 * s)
    kalimat_sumber = (f"Sumber: Pantau, data {sumber or 'target dan realisasi indikator RPJMD'}; "
                      f"diunduh {format_waktu(datetime.now())}")
    bagian_atas = [(b, h_judul, _WARNA_JUDUL, 1.25) for b in _bungkus(judul, h_judul, isi)]
    if subjudul:
        bagian_atas += [(b, h_sub, _WARNA_SUBJUDUL, 1.35) for b in _bungkus(subjudul, h_sub, isi)]
    bagian_bawah = [(b, h_sumber, _WARNA_SUMBER, 1.35) for b in _bungkus(kalimat_sumber, h_sumber, isi)]

    def tinggi_blok(bagian) -> int:
        return sum(round(h.size * jarak) for _, h, _, jarak in bagian)

    atas = round(20 * s) + tinggi_blok(bagian_atas) + round(12 * s)
    bawah = round(14 * s) + tinggi_blok(bagian_bawah) + round(14 * s)
    kanvas = Image.new("RGB", (w, atas + grafik.height + bawah), "#FFFFFF")
    kanvas.paste(grafik, (0, atas))
    gambar = ImageDraw.Draw(kanvas)

    def tulis(bagian, y: int) -> None:
        for teks, h, warna, jarak in bagian:
            gambar.text((tepi, y), teks, font=h, fill=warna)
            y += round(h.size * jarak)

    tulis(bagian_atas, round(20 * s))
    garis_y = atas + grafik.height + round(6 * s)
    gambar.line([(tepi, garis_y), (w - tepi, garis_y)], fill="#C8C8C8", width=max(1, round(s)))
    tulis(bagian_bawah, atas + grafik.height + round(14 * s))

    info = PngInfo()
    info.add_itxt("Title", judul)
    if subjudul:
        info.add_itxt("Description", subjudul)
    info.add_itxt("Source", kalimat_sumber)
    info.add_itxt("Software", "Pantau")
    keluar = io.BytesIO()
    kanvas.save(keluar, format="PNG", pnginfo=info, optimize=True)
    return keluar.getvalue()
