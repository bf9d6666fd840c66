"""Pemanasan saat server menyala (dipasang aplikasi.py), agar pengunjung pertama sesudah server dinyalakan (ulang) tidak
menanggung biaya yang bukan miliknya (keputusan #15):

- ``panaskan`` (saat aplikasi.py dimuat): semua modul pantau.ui dan pantau.keluaran dimuat, Plotly membangun satu
  gambar dengan setiap jenis trace yang dipakai Pantau (dari kolom pandas, seperti halaman) dan menyandikannya ke
  JSON, satu tabel kecil diformat, dan katalog emoji/ikon Streamlit dimuat. Tanpa ini kunjungan pertama menanggung
  ~2-4 s memuat modul (pandas, DuckDB, Plotly dan validator propertinya, openpyxl, Pillow); tanpa bagian pandas,
  JSON dan katalog itu jalan skrip pertama masih ~0,3 s lebih lama dari jalan kedua (diukur, isu #15).
- ``lifespan`` (sesudah runtime Streamlit menyala, sebelum server menerima kunjungan): pemeriksaan sekali-per-proses
  Streamlit pada elemen pertama dijalankan (``_pemeriksaan_pertama_streamlit``), basis data dibuka, lalu
  tembolok kueri diisi ulang dengan kueri yang terakhir diminta halaman sebelum server dimatikan (daftarnya disimpan
  di samping basis data, ``<berkas>.panas.json``, setiap 30 detik dan saat server berhenti). Halaman yang kemarin
  dibuka Bappeda terbuka secepat kunjungan kedua; daerah lain membayar SQL-nya sekali seperti biasa.
  ``PANTAU_PANAS_DETIK`` (bawaan 30) membatasi lama pengisian; 0 mematikannya.

Galat apa pun hanya dicatat: server tetap menyala, dan halaman yang melaporkan basis data yang hilang atau rusak
dalam bahasa Indonesia."""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import threading
import time
from pathlib import Path

log = logging.getLogger("pantau")

SIMPAN_SETIAP_DETIK = 30


@contextlib.contextmanager
def _tanpa_peringatan(pencatat: str, pesan: str):
    """Saring satu peringatan Streamlit yang tidak berlaku di sini (pemanasan berjalan di luar skrip halaman)."""
    class Saring(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return pesan not in record.getMessage()

    log_st, saring = logging.getLogger(pencatat), Saring()
    log_st.addFilter(saring)
    try:
        yield
    finally:
        log_st.removeFilter(saring)


def panaskan() -> float:
    """Muat modul halaman, bangun satu gambar dengan setiap jenis trace dan format satu tabel; kembalikan lamanya
    (detik). Galat hanya dicatat: server tetap menyala, halaman yang akan melaporkannya."""
    mulai = time.perf_counter()
    try:
        # Dekorator st.cache_data memeriksa parameternya saat modul dimuat; sebelum runtime Streamlit ada, pemeriksaan
        # itu memperingatkan "No runtime found" (tembolok sebenarnya dibuat saat fungsi pertama dipanggil).
        with _tanpa_peringatan("streamlit.runtime.caching.cache_data_api", "No runtime found"):
            _muat_dan_bangun_contoh()
    except Exception:  # noqa: BLE001 - pemanasan tidak boleh menghentikan server
        log.exception("Pemanasan server gagal (halaman tetap berjalan, hanya kunjungan pertama lebih lambat)")
    return time.perf_counter() - mulai


def _muat_dan_bangun_contoh() -> None:
    import importlib
    import pkgutil

    import pandas as pd
    import plotly.graph_objects as go
    import plotly.io as pio
    from streamlit import string_util

    import pantau.keluaran
    import pantau.ui
    from pantau.keluaran.grafik import tata_letak
    from pantau.ui.komponen import format_tabel

    # Semua modul halaman dan keluaran (openpyxl, Pillow, kaleido ikut termuat lewat pantau.keluaran.ekspor).
    for paket in (pantau.ui, pantau.keluaran):
        for m in pkgutil.iter_modules(paket.__path__):
            importlib.import_module(f"{paket.__name__}.{m.name}")
    # Setiap jenis trace yang dipakai pantau.keluaran, dengan kolom pandas seperti di halaman (plotly.py memuat modul
    # narwhals untuk pandas saat pertama menerima Series) dan textfont: validator propertinya dimuat sekali, di sini.
    seri, teks = pd.Series([1.0]), pd.Series(["a"])
    fig = go.Figure([go.Bar(x=seri, y=teks, orientation="h", text=teks, textfont={"color": "#000"},
                            marker={"color": ["#000"]}),
                     go.Scatter(x=seri, y=teks, mode="text+markers", text=teks, textfont={"color": "#000"},
                                customdata=[["a"]]),
                     go.Heatmap(z=[[1.0]], x=["a"], y=["a"], text=[["a"]], textfont={"color": "#000"},
                                colorscale=[[0, "#fff"], [1, "#000"]]),
                     go.Choropleth(locations=["a"], z=[1.0], geojson={"type": "FeatureCollection", "features": []})])
    fig.add_annotation(text="a", x=0, y=0)
    fig.add_shape(type="line", x0=0, x1=1, y0=0, y1=1)
    pio.to_json(tata_letak(fig, tinggi=300, legenda=True), validate=False)  # seperti st.plotly_chart (to_dict, orjson)
    format_tabel(pd.DataFrame({"a": ["x"], "b": [1.5]}), {"b": 2})._compute()  # seperti st.dataframe(Styler)
    pd.DataFrame({"a": ["x"], "b": ["y"], "c": [1]}).pivot(index="a", columns="b", values="c")
    # Label dan ikon: Streamlit memeriksa emoji di label bukan-ASCII ("✓ Tercapai") dengan ekspresi reguler besar
    # yang dikompilasi saat pertama dipakai, dan nama ikon Material dari katalognya.
    string_util.extract_leading_emoji("✓ a")
    string_util.is_emoji("📊")
    string_util.is_material_icon("map")
    for nama in ("streamlit.runtime.scriptrunner.magic_funcs", "streamlit.web.skills"):
        importlib.import_module(nama)  # dimuat Streamlit saat skrip halaman pertama dijalankan


# -- kueri terakhir: disimpan saat server berjalan, diisi ulang saat menyala ----------------------------------------

def berkas_kunjungan(path_db: str) -> Path:
    p = Path(path_db)
    return p.with_name(p.name + ".panas.json")


def simpan_kunjungan(berkas: Path, kunjungan: list[tuple[str, tuple]]) -> None:
    """Tulis daftar kueri terakhir (terlama lebih dulu) utuh atau tidak sama sekali (berkas sementara lalu ganti)."""
    isi = {"versi": 1, "kueri": [{"nama": n, "parameter": dict(k)} for n, k in kunjungan]}
    sementara = berkas.with_name(berkas.name + ".tmp")
    sementara.write_text(json.dumps(isi, ensure_ascii=False), encoding="utf-8")
    os.replace(sementara, berkas)


def muat_kunjungan(berkas: Path, nama_sah: set[str]) -> list[tuple[str, tuple]]:
    """Daftar kueri dari berkas, hanya yang sah (nama berkas di queries/, parameter bernilai sederhana); berkas yang
    tidak ada atau rusak = daftar kosong."""
    try:
        isi = json.loads(berkas.read_text(encoding="utf-8"))
        kueri = isi["kueri"] if isinstance(isi, dict) and isi.get("versi") == 1 else []
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError) as e:
        log.warning("Daftar pemanasan %s tidak terbaca, dilewati: %s", berkas.name, e)
        return []
    from pantau.ui import data

    hasil = []
    for x in kueri if isinstance(kueri, list) else []:
        if not (isinstance(x, dict) and x.get("nama") in nama_sah and isinstance(x.get("parameter"), dict)):
            continue
        kunci = tuple(sorted(x["parameter"].items()))  # kunci objek JSON selalu teks
        if data.boleh_dicatat(x["nama"], kunci):
            hasil.append((x["nama"], kunci))
    return hasil


def isi_tembolok(batas_detik: float) -> tuple[int, int, float]:
    """Buka basis data dan jalankan kueri dari daftar kunjungan (terbaru lebih dulu) lewat tembolok halaman sampai
    ``batas_detik``. Kembalikan (terisi, jumlah di daftar, detik)."""
    from pantau.jalur import QUERIES_DIR
    from pantau.ui import data

    mulai = time.perf_counter()
    path = data.path_db()
    try:
        data._basis_data(path)  # galat berkas di sini dicatat; halaman yang menjelaskannya kepada pengunjung
    except Exception as e:  # noqa: BLE001 - halaman yang akan menjelaskan galatnya kepada pengunjung
        log.warning("Pemanasan: basis data belum dapat dibuka (%s); tembolok tidak diisi", e)
        return 0, 0, time.perf_counter() - mulai
    daftar = muat_kunjungan(berkas_kunjungan(path), {f.stem for f in QUERIES_DIR.glob("*.sql")})
    terisi = []
    for nama, kunci in reversed(daftar):  # terbaru lebih dulu, agar batas waktu memotong yang terlama
        if time.perf_counter() - mulai > batas_detik:
            break
        try:
            data.tanya(nama, **dict(kunci))  # jalan yang sama dengan halaman: tembolok dan daftar kunjungan
            terisi.append((nama, kunci))
        except Exception as e:  # noqa: BLE001 - kueri yang parameternya sudah berubah sejak disimpan
            log.info("Pemanasan: %s dilewati (%s)", nama, e)
    for nama, kunci in reversed(terisi):  # daftar kunjungan kembali ke urutan berkas (terlama lebih dulu)
        data._catat_kunjungan(nama, kunci)
    return len(terisi), len(daftar), time.perf_counter() - mulai


def _isi_tembolok_diam(batas_detik: float) -> tuple[int, int, float]:
    # Di luar skrip halaman Streamlit memperingatkan "missing ScriptRunContext" untuk setiap tembolok: tidak berlaku.
    with _tanpa_peringatan("streamlit.runtime.scriptrunner_utils.script_run_context", "missing ScriptRunContext"):
        return isi_tembolok(batas_detik)


def _simpan(path_db: str, tersimpan: list) -> list:
    """Tulis daftar kunjungan bila berubah sejak ``tersimpan`` (yang terakhir ditulis); kembalikan yang tertulis."""
    from pantau.ui import data

    kunjungan = data.kunjungan_terakhir()
    if kunjungan and kunjungan != tersimpan:
        try:
            simpan_kunjungan(berkas_kunjungan(path_db), kunjungan)
            return kunjungan
        except OSError as e:
            log.warning("Daftar pemanasan tidak dapat disimpan (%s); server tetap berjalan", e)
    return tersimpan


def _pemeriksaan_pertama_streamlit() -> None:
    """Streamlit memeriksa sekali per proses, saat elemen pertama dikirim, apakah ia dijalankan dari REPL
    (``inspect.stack()`` membaca sumber setiap bingkai: ~0,1 s pada jalan skrip pertama, diukur): lakukan di sini,
    sesudah runtime menyala (jadi tanpa peringatan "streamlit run"), bukan saat pengunjung pertama menunggu. Fungsi
    privat Streamlit: bila tidak ada di versi lain, dilewati."""
    from streamlit import delta_generator

    periksa = getattr(delta_generator, "_maybe_print_use_warning", None)
    if callable(periksa):
        periksa()


@contextlib.asynccontextmanager
async def lifespan(_app):
    """Untuk ``st.App(lifespan=…)``: isi tembolok sebelum server menerima kunjungan, simpan daftar kunjungan
    berkala dan saat berhenti."""
    from pantau.ui import data

    await asyncio.to_thread(_pemeriksaan_pertama_streamlit)
    batas = float(os.environ.get("PANTAU_PANAS_DETIK", "30") or 0)
    if batas <= 0:  # pemanasan dimatikan: tidak diisi, daftar juga tidak ditulis
        yield
        return
    terisi, jumlah, detik = await asyncio.to_thread(_isi_tembolok_diam, batas)
    log.info("Pemanasan: %d dari %d kueri terakhir diisi ke tembolok dalam %.1f s", terisi, jumlah, detik)
    path = data.path_db()
    berhenti = threading.Event()
    tersimpan = data.kunjungan_terakhir()  # yang baru dimuat sudah ada di berkas

    def berkala():
        nonlocal tersimpan
        while not berhenti.wait(SIMPAN_SETIAP_DETIK):
            tersimpan = _simpan(path, tersimpan)

    penyimpan = threading.Thread(target=berkala, name="pantau-simpan-kunjungan", daemon=True)
    penyimpan.start()
    try:
        yield
    finally:
        berhenti.set()
        penyimpan.join(timeout=5)
        _simpan(path, tersimpan)
