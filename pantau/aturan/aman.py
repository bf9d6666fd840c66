"""Teks dari pengguna sampai ke halaman hanya sebagai teks (keputusan #19): satu tempat untuk meloloskan nilai.

Nama indikator, satuan, definisi, sumber, catatan, catatan desk, sub kegiatan, perangkat daerah, nama akun dan
nama berkas berasal dari pengguna. Aturannya:

- ``html(x)``: untuk markup yang ditulis kode ini sendiri (``st.markdown(..., unsafe_allow_html=True)``) dan untuk
  label/hover Plotly. Setiap nilai yang disisipkan ke markup semacam itu lewat fungsi ini: ``& < > " '`` menjadi
  entitas. Tanda petik ditulis sebagai entitas angka (``&#34;``, ``&#39;``), bukan ``&quot;``: plotly.js hanya
  mengenal ``&amp; &lt; &gt;`` dan entitas angka, peramban mengenal semuanya, jadi satu fungsi cukup untuk keduanya.
- ``md(x)``: untuk elemen yang merender Markdown tanpa HTML (``st.markdown``, ``st.title``, ``st.caption``,
  ``st.info``/``warning``/``error``/``success``, label widget, ``st.page_link``, ``st.expander``, tooltip
  ``help``). Tanda baca yang bermakna Markdown diberi garis miring terbalik (CommonMark: tanda baca yang diloloskan
  tampil apa adanya), sehingga tautan, gambar, judul, daftar, tabel, kode, LaTeX (``$``) dan arahan Streamlit
  (``:red[…]``, ``:material/…:``) tampil sebagai teks, dan alamat (http://, www., surel) tidak menjadi tautan.
  Tanda baca lain (``( ) . , - %``) dibiarkan: teksnya tetap terbaca di sumber Markdown. Baris baru tetap baris
  baru.

Modul ini murni (tanpa Streamlit) dan berada di lantai aturan agar dipakai juga oleh ``pantau.keluaran`` (grafik,
kuadran, peta) dan ``pantau.ui``.
"""
from __future__ import annotations

import math
import re

import pandas as pd

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_HTML_POLA = re.compile(r"[&<>\"']")
#: Tanda yang bermakna di mana pun dalam baris: tautan dan gambar ([ ]), HTML dan tautan <…> (< >), tebal, miring,
#: coret (* _ ~), kode (`), tabel (|), LaTeX ($) dan garis miring terbalik itu sendiri; ':' di depan huruf
#: (arahan Streamlit :red[…], ikon :material/…:, emoji :kode:) dan '&' yang membentuk entitas (&lt;).
_MD_POLA = re.compile(r"([\\`*_\[\]<>|$~])|:(?=\S)|&(?=#?\w+;)")
#: Tanda yang hanya bermakna di awal baris: judul (#), daftar (- + 1. 1)) dan garis judul setext (= -).
_MD_AWAL = re.compile(r"^(#)|^([-+])(?=\s|$)|^(\d{1,9})([.)])(?=\s|$)|^([=-])(?=[=\-\s]*$)")
#: Di luar aturan CommonMark, Streamlit masih mengubah teks: alamat (http://, www., surel) menjadi tautan,
#: :kode: menjadi emoji/ikon (:material/…:, :streamlit:), -> <- <-> -- >= <= ~= menjadi panah/tanda. Penyambung
#: kata tak terlihat (U+2060) sesudah ':' (di depan huruf), 'www', '@' dan di antara tanda panah memutus
#: pola-pola itu tanpa mengubah yang tampil.
_TAUTAN_OTOMATIS = re.compile(r"(?i)(?<=:)(?=\S)|(?<=www)(?=\.)|(?<=@)|(?<=[<\-~>])(?=[\->=])")
PENYAMBUNG = "\u2060"


def _teks(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if x is pd.NA or x is pd.NaT:
        return ""
    return str(x)


def html(x) -> str:
    """Nilai untuk disisipkan ke HTML atau teks Plotly: ``<b>`` tampil sebagai ``<b>``, bukan huruf tebal."""
    return _HTML_POLA.sub(lambda m: _HTML[m.group(0)], _teks(x))


def md(x) -> str:
    """Nilai untuk disisipkan ke Markdown Streamlit: tampil huruf demi huruf seperti diketik pengguna."""
    t = _teks(x).replace("\r\n", "\n").replace("\r", "\n")
    t = _TAUTAN_OTOMATIS.sub(PENYAMBUNG, t)
    t = _MD_POLA.sub(lambda m: "\\" + m.group(0), t)
    # Baris baru pengguna tetap baris baru (dua spasi = hard break), bukan paragraf, daftar atau blok kode baru.
    return "  \n".join(_MD_AWAL.sub(_awal_baris, baris.strip()) for baris in t.split("\n"))


def _awal_baris(m: re.Match) -> str:
    if m.group(3):
        return m.group(3) + "\\" + m.group(4)
    return "\\" + (m.group(1) or m.group(2) or m.group(5))
