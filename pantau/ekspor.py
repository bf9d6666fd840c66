"""Ekspor tabel (CSV, Excel) dan grafik (PNG) tanpa unduhan apa pun saat berjalan."""
from __future__ import annotations

import io
import re
import threading
import warnings
from datetime import datetime

import pandas as pd

from pantau.format import format_waktu

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
    = + - @ tab atau CR diberi awalan ' agar lembar kerja membacanya sebagai teks, bukan rumus (isu #19); kolom
    angka tidak disentuh, jadi angka negatif tetap angka."""
    aman = df.rename(columns=lambda k: teks_csv_aman(str(k)))
    for k in aman.columns:
        if not pd.api.types.is_numeric_dtype(aman[k]) and not pd.api.types.is_datetime64_any_dtype(aman[k]):
            aman[k] = aman[k].map(teks_csv_aman)
    return aman.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def excel_bytes(df: pd.DataFrame, *, judul: str, keterangan: dict[str, str] | None = None,
                format_angka: dict[str, str] | None = None) -> bytes:
    """Buku kerja berformat: baris judul dibekukan, angka tetap angka dengan format tampilan,
    dan lembar 'keterangan' berisi filter yang menghasilkannya serta waktu pembuatannya. Teks selalu sel teks,
    tidak pernah rumus atau tautan (isu #19)."""
    buf = io.BytesIO()
    format_angka = format_angka or {}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": OPSI_XLSXWRITER}) as xw:
        df.to_excel(xw, sheet_name="data", index=False)
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
                     "Jumlah baris": str(len(df)), "Sumber": "Pantau"}.items():
            info.write(baris, 0, k, tebal)
            info.write(baris, 1, v)
            baris += 1
        info.set_column(0, 0, 22)
        info.set_column(1, 1, 80)
    return buf.getvalue()


def png_bytes(fig, *, lebar: int = 1600, tinggi: int | None = None, skala: float = 1.0) -> bytes:
    """PNG dari gambar Plotly lewat kaleido dan Chromium sistem (satu server kaleido per proses)."""
    global _kaleido_hidup
    import kaleido

    tinggi = tinggi or int(fig.layout.height or 600)
    with _kaleido_kunci:
        if not _kaleido_hidup:
            kaleido.start_sync_server(silence_warnings=True)
            _kaleido_hidup = True
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fig.to_image(format="png", width=lebar, height=tinggi, scale=skala)
