"""Membaca satu berkas JSON SIPD-RI menjadi entri bernomor, dengan baris berkas tempat setiap entri mulai.

Yang diterima: larik objek (``[{...}, ...]``, seperti yang disimpan alat unduh), atau jawaban API utuh yang
lariknya ada di kunci ``data`` (``{"data": [...], ...}``). Angka pecahan dibaca sebagai ``Decimal`` agar
rupiah tidak bergeser oleh pembulatan biner. Berkas terpotong, rusak, atau bukan teks ditolak dengan baris
dan kolom tempat pembacaan berhenti.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pantau.impor.sipd.batas import MAKS_BITA_JSON, MAKS_ENTRI_JSON, periksa_ukuran
from pantau.impor.sipd.masalah import Lokasi, tolak

_SPASI = re.compile(r"[ \t\n\r]*")
_DEKODER = json.JSONDecoder(parse_float=Decimal)


@dataclass(frozen=True)
class Entri:
    nomor: int      # ke-N di larik data, dari 1
    baris: int      # baris berkas tempat entri mulai, dari 1
    isi: dict


def _spasi(s: str, i: int) -> int:
    return _SPASI.match(s, i).end()


def _posisi(s: str, i: int) -> tuple[int, int]:
    baris = s.count("\n", 0, i) + 1
    return baris, i - (s.rfind("\n", 0, i) + 1) + 1


def _rusak(nama: str, s: str, i: int, sebab: str, terpotong: bool = False):
    baris, kolom = _posisi(s, min(i, len(s)))
    if terpotong or _spasi(s, i) >= len(s):
        tolak(f"berkas JSON terpotong: isinya berhenti di baris {baris} sebelum larik data ditutup "
              f"({sebab}); unduh ulang berkas itu dari SIPD-RI", Lokasi(nama, baris=baris))
    tolak(f"berkas bukan JSON yang sah: rusak di baris {baris} kolom {kolom} ({sebab}); unduh ulang berkas "
          "itu dari SIPD-RI", Lokasi(nama, baris=baris))


def _nilai(nama: str, s: str, i: int):
    try:
        return _DEKODER.raw_decode(s, i)
    except json.JSONDecodeError as e:
        # teks yang tidak ditutup sampai akhir berkas = berkas terpotong di tengah teks
        _rusak(nama, s, e.pos, _sebab(e.msg), terpotong=e.msg.startswith("Unterminated string"))
    except RecursionError:
        tolak("berkas JSON bersarang terlalu dalam; bukan ekspor SIPD-RI", Lokasi(nama))


_SEBAB = {
    "Expecting value": "nilai yang diharapkan tidak ada",
    "Expecting ',' delimiter": "koma pemisah tidak ada",
    "Expecting ':' delimiter": "titik dua tidak ada",
    "Unterminated string starting at": "teks tidak ditutup tanda petik",
    "Expecting property name enclosed in double quotes": "nama kolom harus diapit tanda petik ganda",
    "Invalid control character at": "karakter kendali di dalam teks",
    "Invalid \\escape": "garis miring terbalik yang tidak sah",
}


def _sebab(msg: str) -> str:
    for awal, arti in _SEBAB.items():
        if msg.startswith(awal):
            return arti
    return msg


def _larik(nama: str, s: str, i: int) -> tuple[list[Entri], int]:
    """Baca larik yang mulai di s[i] == '[' entri demi entri (raw_decode), mencatat baris awal setiap entri.
    Mengembalikan entri dan posisi sesudah ']'."""
    hasil: list[Entri] = []
    baris, posisi = 1, 0
    i = _spasi(s, i + 1)
    if i < len(s) and s[i] == "]":
        return hasil, i + 1
    while True:
        if i >= len(s):
            _rusak(nama, s, i, "larik data tidak ditutup")
        baris += s.count("\n", posisi, i)
        posisi = i
        obj, i = _nilai(nama, s, i)
        if len(hasil) >= MAKS_ENTRI_JSON:
            tolak(f"berkas berisi lebih dari {MAKS_ENTRI_JSON} entri; pecah per SKPD", Lokasi(nama))
        hasil.append(Entri(len(hasil) + 1, baris, obj))
        i = _spasi(s, i)
        if i >= len(s):
            _rusak(nama, s, i, "larik data tidak ditutup")
        if s[i] == ",":
            i = _spasi(s, i + 1)
            continue
        if s[i] == "]":
            return hasil, i + 1
        _rusak(nama, s, i, "koma pemisah antarentri tidak ada")


def _objek_data(nama: str, s: str, i: int) -> tuple[int | None, int]:
    """Posisi larik di kunci 'data' dari objek di s[i] == '{' (jawaban API utuh) atau None, dan posisi
    sesudah '}'."""
    posisi_data = None
    i = _spasi(s, i + 1)
    if i < len(s) and s[i] == "}":
        return None, i + 1
    while True:
        if i >= len(s):
            _rusak(nama, s, i, "objek tidak ditutup")
        kunci, i = _nilai(nama, s, i)
        i = _spasi(s, i)
        if i >= len(s) or s[i] != ":":
            _rusak(nama, s, i, "titik dua tidak ada")
        i = _spasi(s, i + 1)
        if kunci == "data" and i < len(s) and s[i] == "[":
            posisi_data = i
        elif kunci == "data" and i < len(s) and s[i] == '"':
            tolak("isi kunci 'data' berupa teks, bukan larik (jawaban API yang masih tersandi base64?); "
                  "simpan hasil yang sudah diurai (larik data)", Lokasi(nama))
        _, i = _nilai(nama, s, i)
        i = _spasi(s, i)
        if i >= len(s):
            _rusak(nama, s, i, "objek tidak ditutup")
        if s[i] == ",":
            i = _spasi(s, i + 1)
            continue
        if s[i] == "}":
            return posisi_data, i + 1
        _rusak(nama, s, i, "koma pemisah tidak ada")


def baca_json(path: Path, nama: str) -> list[Entri]:
    """Entri berkas JSON SIPD-RI. Melempar ``ImporGagal`` bila berkas bukan JSON yang utuh atau tidak
    memuat larik data."""
    periksa_ukuran(path, nama, MAKS_BITA_JSON, "JSON")
    data = path.read_bytes()
    try:
        s = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        tolak(f"berkas bukan teks UTF-8 (bita ke-{e.start + 1} tidak sah); bukan ekspor JSON SIPD-RI",
              Lokasi(nama))
    i = _spasi(s, 0)
    if i >= len(s):
        tolak("berkas JSON kosong; unduh ulang dari SIPD-RI", Lokasi(nama))
    if s[i] == "[":
        entri, akhir = _larik(nama, s, i)
    elif s[i] == "{":
        awal, akhir = _objek_data(nama, s, i)
        if awal is None:
            tolak("berkas JSON ini sebuah objek tanpa larik 'data'; ekspor SIPD-RI berupa larik entri "
                  "(atau jawaban API dengan larik di kunci 'data')", Lokasi(nama, baris=1))
        entri, _ = _larik(nama, s, awal)
    else:
        _nilai(nama, s, i)  # JSON rusak -> pesan baris/kolom
        tolak("berkas JSON ini berisi satu nilai, bukan larik entri SIPD-RI", Lokasi(nama, baris=1))
    if _spasi(s, akhir) < len(s):
        baris, kolom = _posisi(s, _spasi(s, akhir))
        tolak(f"ada isi lain sesudah JSON selesai (baris {baris} kolom {kolom}); berkas mungkin gabungan dua "
              "unduhan: simpan satu unduhan per berkas", Lokasi(nama, baris=baris))
    for e in entri:
        if not isinstance(e.isi, dict):
            tolak("entri data harus berupa objek {...} berisi kolom SIPD-RI", Lokasi(nama, e.nomor, e.baris))
    return entri
