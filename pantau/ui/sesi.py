"""Sesi masuk yang bertahan saat halaman dimuat ulang, dibuka di tab baru atau lewat tautan yang dibagikan
(keputusan #22), dengan kuki HttpOnly yang dipasang server.

Streamlit 1.67 membaca kuki (``st.context.cookies``, dari jabat tangan WebSocket) tetapi skrip halaman tidak dapat
memasangnya: halaman berbicara lewat WebSocket, dan hanya jawaban HTTP yang dapat memasang kuki HttpOnly. Cara
yang didukung Streamlit untuk menambah jalur HTTP adalah ``st.App`` (``aplikasi.py``: ``streamlit run
aplikasi.py``), yang memasang dua jalur dari modul ini:

- ``POST /sesi/pasang`` {"kode": …}: menukar kode serah sekali pakai (dibuat saat masuk, berlaku 2 menit) dengan
  kuki ``pantau_sesi`` (HttpOnly, SameSite=Strict, Secure bila HTTPS, Path=/, Max-Age 12 jam) berisi token acak
  bertanda tangan HMAC-SHA256. Token dibuat di sini, tidak pernah lewat halaman.
- ``POST /sesi/keluar``: mencabut sesi kuki itu di basis data dan menghapus kukinya.

Keduanya hanya menerima permintaan dari halaman Pantau sendiri: JSON, kepala ``X-Pantau-Sesi`` (formulir situs
lain tidak dapat mengirimnya tanpa izin CORS, yang tidak pernah diberikan) dan ``Origin`` yang sama dengan ``Host``
bila ada. Halaman memanggilnya dengan ``fetch`` dari potongan JavaScript buatan kode ini (``st.html``), satu kali
sesudah masuk atau keluar; isinya hanya jalur dan kode acak, tidak ada nilai dari pengguna.

Kunci HMAC: berkas ``<basis data>.rahasia`` (atau ``$PANTAU_RAHASIA_SESI``) dengan mode 0600, dibuat sekali;
tidak di basis data (berkas itu diberikan ke analis) dan tidak di ``static/``. Bila berkas itu tidak dapat dibuat,
atau dasbor dijalankan tanpa ``aplikasi.py`` (``streamlit run dashboard.py``, AppTest), masuk tetap berlaku untuk
tab itu saja seperti sebelumnya.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import threading
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route
from streamlit import config

from pantau import akun

NAMA_KUKI = "pantau_sesi"
JALUR_PASANG = "/sesi/pasang"
JALUR_KELUAR = "/sesi/keluar"
KEPALA = "X-Pantau-Sesi"

log = logging.getLogger("pantau")
#: True bila jalur di atas terpasang di server ini (``rute()`` dipanggil oleh aplikasi.py).
_terpasang = False
_kunci_rahasia = threading.Lock()
_rahasia: dict[str, bytes] = {}


def aktif() -> bool:
    return _terpasang


def _dasar() -> str:
    return "/" + (config.get_option("server.baseUrlPath") or "").strip("/")


def jalur(x: str) -> str:
    """Jalur di bawah server.baseUrlPath (bila Pantau dilayani di bawah awalan, misalnya /pantau/)."""
    d = _dasar().rstrip("/")
    return d + x


def path_rahasia() -> Path:
    # pantau.ui.data dimuat saat dipakai, bukan di kepala modul: aplikasi.py mengimpor modul ini sebelum runtime
    # Streamlit ada, dan st.cache_data di pantau.ui.data lalu mencatat "No runtime found" di log server.
    from pantau.ui import data

    return Path(os.environ.get("PANTAU_RAHASIA_SESI") or data.path_db() + ".rahasia")


def rahasia() -> bytes | None:
    """Kunci HMAC kuki (32 bita acak), dibaca atau dibuat sekali (O_EXCL, mode 0600). None bila tidak dapat."""
    path = path_rahasia()
    with _kunci_rahasia:
        if str(path) in _rahasia:
            return _rahasia[str(path)]
        try:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                isi = path.read_bytes().strip()
            else:
                isi = secrets.token_hex(32).encode()
                with os.fdopen(fd, "wb") as f:
                    f.write(isi)
        except OSError as e:
            log.warning("Kunci sesi %s tidak dapat dibaca atau dibuat (%s): sesi hanya berlaku per tab", path, e)
            return None
        if len(isi) < 32:
            log.warning("Kunci sesi %s terlalu pendek: sesi hanya berlaku per tab", path)
            return None
        _rahasia[str(path)] = isi
        return isi


def kuki() -> str | None:
    """Nilai kuki sesi yang dikirim peramban saat halaman ini dibuka (None di AppTest / tanpa kuki)."""
    try:
        return st.context.cookies.get(NAMA_KUKI)
    except Exception:  # noqa: BLE001 - di luar sesi peramban
        return None


def _skrip(jalur_: str, badan: dict, penanda: str) -> str:
    """Potongan JavaScript buatan kode (tanpa nilai pengguna): fetch POST ke ``jalur_``, lalu menandai hasilnya di
    ``<html data-pantau-sesi=…>`` (untuk uji peramban)."""
    return ("<script>(function(){var h=document.documentElement;"
            f"fetch({json.dumps(jalur_)},{{method:'POST',credentials:'same-origin',"
            f"headers:{{'Content-Type':'application/json',{json.dumps(KEPALA)}:'1'}},"
            f"body:{json.dumps(json.dumps(badan))}}})"
            f".then(function(r){{h.dataset.pantauSesi=r.ok?{json.dumps(penanda)}:'gagal';}})"
            ".catch(function(){h.dataset.pantauSesi='gagal';});})();</script>")


def pasang_kuki(kode: str) -> None:
    """Di halaman sesudah masuk: peramban menukar ``kode`` dengan kuki HttpOnly (sekali)."""
    st.html(_skrip(jalur(JALUR_PASANG), {"kode": kode}, "terpasang"), unsafe_allow_javascript=True)


def hapus_kuki() -> None:
    """Di halaman sesudah keluar: server mencabut sesi kuki dan menghapusnya."""
    st.html(_skrip(jalur(JALUR_KELUAR), {}, "keluar"), unsafe_allow_javascript=True)


# -- jalur HTTP (Starlette, dipasang oleh aplikasi.py) -----------------------------------------------------------

def _permintaan_sah(request) -> bool:
    if request.headers.get(KEPALA) != "1" or "application/json" not in request.headers.get("content-type", ""):
        return False
    asal = request.headers.get("origin")
    if asal and urlparse(asal).netloc != request.headers.get("host", ""):
        return False
    return True


def _https(request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"


def _basis_data():
    from pantau.ui import data  # saat dipakai: lihat path_rahasia

    return data._basis_data(data.path_db())


async def _pasang(request):
    if not _permintaan_sah(request):
        return JSONResponse({"ok": False}, status_code=403)
    try:
        kode = str((await request.json()).get("kode") or "")
    except (ValueError, AttributeError):
        return JSONResponse({"ok": False}, status_code=400)

    def tukar():
        kunci = rahasia()
        if kunci is None:
            return None
        return akun.tukar_kode_sesi(_basis_data(), kode, kunci)

    try:
        nilai = await run_in_threadpool(tukar)
    except Exception:  # noqa: BLE001 - basis data tidak dapat dibuka: masuk tetap berlaku untuk tab itu
        log.exception("Kode sesi tidak dapat ditukar")
        return JSONResponse({"ok": False}, status_code=503)
    if not nilai:
        return JSONResponse({"ok": False}, status_code=403)
    jawab = JSONResponse({"ok": True}, headers={"Cache-Control": "no-store"})
    jawab.set_cookie(NAMA_KUKI, nilai, max_age=akun.JAM_SESI_MAKS * 3600, path=_dasar(), httponly=True,
                     samesite="strict", secure=_https(request))
    return jawab


async def _keluar(request):
    if not _permintaan_sah(request):
        return JSONResponse({"ok": False}, status_code=403)
    nilai = request.cookies.get(NAMA_KUKI)

    def cabut():
        kunci = rahasia()
        token, _ = akun.token_dari_kuki(kunci, nilai) if kunci and nilai else (None, "")
        if token:
            akun.cabut_sesi(_basis_data(), token=token, karena="keluar")

    try:
        await run_in_threadpool(cabut)
    except Exception:  # noqa: BLE001 - kuki tetap dihapus; sesi tab sudah dicabut oleh skrip halaman
        log.exception("Sesi kuki tidak dapat dicabut")
    jawab = JSONResponse({"ok": True}, headers={"Cache-Control": "no-store"})
    jawab.delete_cookie(NAMA_KUKI, path=_dasar(), httponly=True, samesite="strict", secure=_https(request))
    return jawab


def rute() -> list:
    """Jalur HTTP sesi untuk ``st.App(routes=…)``."""
    global _terpasang

    _terpasang = True
    return [Route(jalur(JALUR_PASANG), _pasang, methods=["POST"]),
            Route(jalur(JALUR_KELUAR), _keluar, methods=["POST"])]
