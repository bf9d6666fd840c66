"""Penjaga server untuk ``aplikasi.py`` (keputusan #19): kepala keamanan HTTP, jalur metrik ditutup, dan galat halaman
yang tidak terduga sebagai satu pesan Indonesia tanpa traceback.

README (bagian *Menjalankan untuk banyak pengguna*) memasang kepala yang sama dan menutup metrik di nginx juga;
di sini untuk server yang dijalankan tanpa proksi, atau proksi yang lupa.
"""
from __future__ import annotations

import logging

import streamlit as st
from starlette.responses import PlainTextResponse

log = logging.getLogger("pantau")

#: Kepala setiap jawaban HTTP. Bingkai hanya dari asal yang sama (komponen Streamlit memakai iframe asal sama):
#: situs lain tidak dapat membungkus Pantau untuk clickjacking.
KEPALA_KEAMANAN = {
    "x-frame-options": "SAMEORIGIN",
    "content-security-policy": "frame-ancestors 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
#: Jalur yang tidak untuk pengunjung: jumlah sesi, ukuran tembolok dan memori proses (Prometheus).
JALUR_TERTUTUP = ("/_stcore/metrics",)
PESAN_GALAT = ("Terjadi kesalahan di halaman ini. Rinciannya sudah dicatat di log server; coba muat ulang halaman, "
               "dan bila berulang, sampaikan waktu kejadiannya kepada administrator.")


class KepalaKeamanan:
    """Middleware ASGI: menambah ``KEPALA_KEAMANAN`` ke jawaban HTTP dan menjawab 404 untuk ``JALUR_TERTUTUP``
    (juga di bawah server.baseUrlPath). WebSocket diteruskan apa adanya."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        jalur = scope.get("path", "").rstrip("/")
        if any(jalur.endswith(t) for t in JALUR_TERTUTUP):
            await PlainTextResponse("Tidak ditemukan", status_code=404, headers=KEPALA_KEAMANAN)(scope, receive, send)
            return

        async def kirim(pesan):
            if pesan["type"] == "http.response.start":
                ada = {k.lower() for k, _ in pesan.get("headers", [])}
                pesan["headers"] = list(pesan.get("headers", [])) + [
                    (k.encode(), v.encode()) for k, v in KEPALA_KEAMANAN.items() if k.encode() not in ada]
            await send(pesan)

        await self.app(scope, receive, kirim)


def galat_halaman(e: Exception) -> bool:
    """``on_script_error``: pengunjung melihat satu pesan Indonesia, bukan jenis galat atau traceback (Streamlit
    sudah menulis traceback ke log; di sini satu baris lagi dengan logger Pantau)."""
    log.error("Galat tak terduga di halaman: %s: %s", type(e).__name__, e)
    st.error(PESAN_GALAT, icon=":material/error:")
    return True
