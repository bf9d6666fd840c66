"""Pemanasan saat server menyala (dipanggil aplikasi.py): modul yang dipakai setiap halaman dimuat dan Plotly
membangun satu gambar lewat ``tata_letak``, sebelum pengunjung pertama datang.

Tanpa ini kunjungan pertama sesudah server dinyalakan menanggung ~2-4 s memuat modul (pandas, DuckDB, Plotly dan
validator propertinya, openpyxl, Pillow) di dalam skrip halaman, di depan ruangan yang menunggu (keputusan #15).
Tidak membuka basis data: galat berkas tetap dilaporkan halaman, dalam bahasa Indonesia."""
from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)


class _TanpaPeringatanRuntime(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "No runtime found" not in record.getMessage()


def panaskan() -> float:
    """Muat modul halaman dan bangun satu gambar kecil; kembalikan lamanya (detik). Galat hanya dicatat: server
    tetap menyala, halaman yang akan melaporkannya."""
    mulai = time.perf_counter()
    # Dekorator st.cache_data memeriksa parameternya saat modul dimuat; sebelum runtime Streamlit ada, pemeriksaan
    # itu memperingatkan "No runtime found" (tembolok sebenarnya dibuat saat fungsi pertama dipanggil, di runtime).
    pencatat = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    saring = _TanpaPeringatanRuntime()
    pencatat.addFilter(saring)
    try:
        import plotly.graph_objects as go

        import pantau.keluaran.ekspor  # noqa: F401 (openpyxl, Pillow)
        import pantau.keluaran.kuadran  # noqa: F401
        import pantau.keluaran.peta  # noqa: F401
        import pantau.ui.anggaran  # noqa: F401
        import pantau.ui.daerah  # noqa: F401
        import pantau.ui.desk  # noqa: F401
        import pantau.ui.indikator  # noqa: F401
        import pantau.ui.komponen  # noqa: F401
        from pantau.keluaran.grafik import tata_letak

        fig = go.Figure([go.Bar(x=[1.0], y=["a"], orientation="h"), go.Scatter(x=[1.0], y=["a"], mode="text")])
        tata_letak(fig, tinggi=300, legenda=True).to_dict()
    except Exception:  # noqa: BLE001 - pemanasan tidak boleh menghentikan server
        log.exception("Pemanasan server gagal (halaman tetap berjalan, hanya kunjungan pertama lebih lambat)")
    finally:
        pencatat.removeFilter(saring)
    return time.perf_counter() - mulai
