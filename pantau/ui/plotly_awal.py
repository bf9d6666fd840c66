"""Muat Plotly lebih awal (keputusan #15): middleware ASGI untuk ``aplikasi.py`` yang menyisipkan dua tag ke dokumen
halaman (index.html Streamlit) agar peramban menyiapkan bagian Plotly Streamlit (``static/js/PlotlyChart.<hash>.js``,
4,6 MB) selagi ia menunggu server menjalankan skrip halaman, bukan sesudah seluruh isi halaman lain digambar.

Mengapa: setiap tab baru menjalankan modul itu sekali (~0,7 s di Chromium, juga dari cache peramban). Tanpa sisipan
Streamlit baru memintanya saat merender grafik pertama; di Ringkasan itu sesudah teks, metrik dan tombol digambar,
jadi grafik terakhir tergambar ~2,8 s sesudah navigasi. Dengan sisipan:
- ``<link rel="modulepreload">``: berkasnya diunduh dan dikompilasi sejak dokumen diurai (cache peramban: ~0,1 s);
- skrip modul kecil menjalankan ``import()`` modul yang sama begitu Streamlit menandai skrip halaman sedang berjalan
  di server (``data-test-script-state="running"``; paling lambat 5 s), yaitu saat peramban menunggu jawaban server.
Modulnya sama persis (URL yang sama dengan yang diminta Streamlit sendiri, relatif terhadap skrip utamanya, jadi benar
juga di bawah server.baseUrlPath): tidak ada yang dijalankan dua kali. Bila berkasnya tidak ditemukan (versi Streamlit
lain) tidak ada yang disisipkan dan halaman berjalan seperti biasa; halaman tanpa grafik (``TANPA_GRAFIK``) tidak
disisipi.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("pantau")

#: Jalur yang bukan dokumen halaman: aset, websocket dan API Streamlit, media, komponen.
BUKAN_DOKUMEN = ("/static/", "/_stcore/", "/media/", "/component/", "/app/static/")
#: Halaman (jalur URL, dari nama berkas di pages/ tanpa nomor urut) yang tidak pernah menggambar grafik Plotly: di
#: sana Plotly tidak dimuat lebih awal, agar halaman itu tidak menanggung ~0,7 s menjalankannya (uji
#: tests/test_plotly_awal.py memeriksa daftar ini terhadap isi halaman).
TANPA_GRAFIK = frozenset({"Impor", "Kualitas_Data", "Laporan", "Riwayat", "Pengaturan"})


def potongan_plotly() -> str | None:
    """Nama berkas bagian Plotly di aset Streamlit yang terpasang (``PlotlyChart.D9Z0_fxz.js``), atau None."""
    import streamlit

    calon = sorted((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    return calon[0].name if len(calon) == 1 else None


#: Skrip yang disisipkan; ``NAMA`` diganti nama berkas bagian Plotly.
SKRIP = """
const utama = document.querySelector('script[type="module"][src*="/static/js/index."]');
if (utama) {
  let muat = () => {
    muat = () => {};
    pengamat.disconnect();
    import(new URL("NAMA", utama.src).href).catch(() => {});
  };
  const pengamat = new MutationObserver(() => {
    const app = document.querySelector("[data-test-script-state]");
    if (app && app.getAttribute("data-test-script-state") === "running") muat();
  });
  pengamat.observe(document, {subtree: true, attributes: true, attributeFilter: ["data-test-script-state"]});
  setTimeout(() => muat(), 5000);
}
"""


def sisipan(nama: str) -> bytes:
    """Tag yang disisipkan sebelum ``</head>``: modulepreload dan skrip modul ``SKRIP``."""
    return (f'<link rel="modulepreload" crossorigin href="./static/js/{nama}">'
            f'<script type="module">{SKRIP.replace("NAMA", nama)}</script>').encode()


class MuatPlotlyAwal:
    """Middleware ASGI: jawaban HTML untuk jalur dokumen mendapat ``sisipan``; semua jawaban lain diteruskan apa
    adanya. Permintaan dokumen diteruskan tanpa ``accept-encoding`` (index.html ~2 KB) agar isinya dapat disisipi."""

    def __init__(self, app, nama: str | None = None):
        self.app = app
        nama = nama or potongan_plotly()
        self.tag = sisipan(nama) if nama else None
        if not nama:
            log.info("Bagian Plotly Streamlit tidak ditemukan; halaman dimuat tanpa memuat Plotly lebih awal")

    async def __call__(self, scope, receive, send):
        jalur = scope.get("path", "") if scope["type"] == "http" else ""
        if (self.tag is None or scope["type"] != "http" or scope.get("method") != "GET"
                or any(b in jalur for b in BUKAN_DOKUMEN) or jalur.rstrip("/").rsplit("/", 1)[-1] in TANPA_GRAFIK):
            await self.app(scope, receive, send)
            return
        scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]}
        awal: dict | None = None
        isi: list[bytes] = []

        async def kirim(pesan):
            nonlocal awal
            if pesan["type"] == "http.response.start":
                kepala = {k.lower(): v for k, v in pesan.get("headers", [])}
                if kepala.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in kepala:
                    awal = pesan
                    return
            elif pesan["type"] == "http.response.body" and awal is not None:
                isi.append(pesan.get("body", b""))
                if pesan.get("more_body"):
                    return
                badan = b"".join(isi).replace(b"</head>", self.tag + b"</head>", 1)
                # Tanpa ETag/Last-Modified berkas asli: isi yang dikirim bukan berkas itu (dokumen ~2 KB, selalu baru).
                kepala = [(k, v) for k, v in awal.get("headers", [])
                          if k.lower() not in (b"content-length", b"etag", b"last-modified")]
                await send({**awal, "headers": kepala + [(b"content-length", str(len(badan)).encode())]})
                await send({"type": "http.response.body", "body": badan})
                return
            await send(pesan)

        await self.app(scope, receive, kirim)
