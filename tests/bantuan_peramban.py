"""Uji peramban: server Streamlit sungguhan pada port bebas dan Chromium Debian (headless) lewat Playwright.
Dipasang sebagai plugin pytest oleh ``tests/conftest.py``: fixture ``server``, ``peramban`` dan ``halaman`` berlaku
untuk ``tests/browser/`` dan ``tests/serangan/``.

Polanya meniru e2e_playwright Streamlit: satu server per modul, menunggu status skrip aplikasi,
bukan jeda tetap. Tangkapan layar disimpan di tests/artefak/layar/ (lihat README).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

#: Yang diekspor ke ``tests/browser/conftest.py`` (alat bantu, bukan fixture: fixture dipasang sekali sebagai plugin).
__all__ = ["ROOT", "LAYAR", "CHROMIUM", "ARGS", "UKURAN", "port_bebas", "Server", "mulai_server", "hentikan",
           "tunggu_siap", "tangkap_layar", "tangkap_dua_ukuran", "buka_sampai_grafik", "tanpa_galat", "tunggu_rerun",
           "pilih", "catat_waktu", "hanya_lokal", "masuk", "buka_semua_rincian"]

ROOT = Path(__file__).resolve().parents[1]
LAYAR = ROOT / "tests" / "artefak" / "layar"
CHROMIUM = os.environ.get("PANTAU_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
UKURAN = {"1920x1080": {"width": 1920, "height": 1080}, "1280x720": {"width": 1280, "height": 720}}


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, url: str, proc: subprocess.Popen, log: Path, db: Path):
        self.url, self.proc, self.log, self.db = url, proc, log, db


def mulai_server(db: Path, log: Path, env_tambahan: dict | None = None, skrip: Path | None = None) -> Server:
    port = port_bebas()
    env = {**os.environ, "PANTAU_DB": str(db), "PYTHONUNBUFFERED": "1", **(env_tambahan or {})}
    f = open(log, "wb")
    proc = subprocess.Popen(
        # aplikasi.py = dashboard.py dan pages/ lewat st.App: jalur sesi (kuki) dan kepala keamanan
        # (keputusan #19 dan #22)
        [sys.executable, "-m", "streamlit", "run", str(skrip or ROOT / "aplikasi.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=ROOT, env=env, stdout=f, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    batas = time.time() + 60
    while time.time() < batas:
        if proc.poll() is not None:
            raise RuntimeError(f"server berhenti: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return Server(url, proc, log, db)
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server tidak siap dalam 60 detik")


def hentikan(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()


@pytest.fixture(scope="module")
def server(db_demo, tmp_path_factory):
    """Server baru (dingin) per modul uji, dengan salinan basis data demo."""
    folder = tmp_path_factory.mktemp("server")
    db = folder / "pantau.duckdb"
    shutil.copy(db_demo, db)
    s = mulai_server(db, folder / "server.log")
    yield s
    hentikan(s)


@pytest.fixture(scope="session")
def peramban():
    pw_mod = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}: pasang paket Debian 'chromium' "
                    "(scripts/uji.sh melakukannya)")
    with pw_mod.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def halaman(peramban, request):
    """Tab baru 1920x1080 berbahasa Indonesia; mencatat semua permintaan dan galat konsol."""
    ctx = peramban.new_context(viewport=UKURAN["1920x1080"], locale="id-ID", accept_downloads=True)
    page = ctx.new_page()
    page.permintaan = []
    page.galat = []
    page.on("request", lambda r: page.permintaan.append(r.url))
    page.on("pageerror", lambda e: page.galat.append(str(e)))
    yield page
    ctx.close()


def tunggu_siap(page, batas_ms: int = 60_000) -> None:
    """Tunggu sampai skrip Streamlit selesai berjalan dan tidak ada elemen yang masih basi."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=batas_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')", timeout=batas_ms)
    page.wait_for_timeout(300)  # beri Plotly waktu melukis setelah skrip selesai


def tangkap_layar(page, nama: str) -> Path:
    LAYAR.mkdir(parents=True, exist_ok=True)
    path = LAYAR / f"{nama}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def tangkap_dua_ukuran(page, awalan: str) -> None:
    """Tangkapan layar di setiap ukuran UKURAN (1920x1080, 1280x720): ``<awalan>-<ukuran>.png``."""
    for ukuran, vp in UKURAN.items():
        page.set_viewport_size(vp)
        page.wait_for_timeout(600)
        tangkap_layar(page, f"{awalan}-{ukuran}")


def buka_sampai_grafik(page, url: str, nama_waktu: str) -> None:
    """Buka ``url``, tunggu grafik Plotly pertama tergambar, catat waktunya sebagai ``nama_waktu``, lalu tunggu
    halaman selesai dijalankan."""
    mulai = time.perf_counter()
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    catat_waktu(nama_waktu, time.perf_counter() - mulai)
    tunggu_siap(page)


def tanpa_galat(page) -> None:
    """Tidak ada pengecualian Streamlit (juga yang ditampilkan sebagai pesan Indonesia oleh aplikasi.py) maupun
    galat JavaScript di halaman."""
    from pantau.ui.penjaga import PESAN_GALAT

    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]').first.inner_text()
    assert page.get_by_text(PESAN_GALAT).count() == 0, "galat halaman (lihat log server)"
    assert not page.galat, page.galat


def tunggu_rerun(page, batas_ms: int = 60_000) -> None:
    """Sesudah interaksi: tunggu rerun dimulai (bila sempat terlihat) lalu selesai."""
    try:
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=1500)
    except Exception:
        pass
    tunggu_siap(page, batas_ms)


def pilih(page, label: str, opsi: str) -> None:
    """Pilih opsi sebuah st.selectbox (combobox react-aria) lewat labelnya, seperti orang mengklik."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=opsi, exact=True).click()
    tunggu_rerun(page)


def catat_waktu(nama: str, detik: float) -> None:
    """Catat waktu terukur (untuk catatan isu dan README); bukan uji waktu."""
    import json

    LAYAR.parent.mkdir(parents=True, exist_ok=True)
    f = LAYAR.parent / "waktu_peramban.json"
    data = json.loads(f.read_text()) if f.exists() else {}
    data[nama] = round(detik, 2)
    f.write_text(json.dumps(data, indent=2, ensure_ascii=False))


def hanya_lokal(page, server) -> None:
    """Tidak ada permintaan yang keluar dari mesin ini."""
    from urllib.parse import urlparse

    luar = [u for u in page.permintaan
            if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert not luar, f"permintaan keluar mesin: {luar[:5]}"


def masuk(page, nama: str, sandi: str, di: str = "stMain") -> None:
    """Masuk lewat formulir di isi halaman (``di='stMain'``) atau di panel samping (``di='stSidebar'``)."""
    wadah = page.locator(f'[data-testid="{di}"]')
    if di == "stSidebar":
        wadah.get_by_text("Masuk", exact=True).first.click()
    wadah.get_by_role("textbox", name="Nama pengguna").fill(nama)
    wadah.get_by_role("textbox", name="Sandi").fill(sandi)
    wadah.get_by_role("button", name="Masuk").click()
    tunggu_rerun(page)
    # Kuki sesi dipasang oleh fetch dari halaman sesudah rerun itu (pantau.ui.sesi): uji yang langsung berpindah
    # halaman dengan goto() membatalkan fetch yang belum selesai dan kehilangan sesinya. Tunggu kukinya.
    from pantau.ui.sesi import NAMA_KUKI

    batas = time.monotonic() + 15
    while not any(k["name"] == NAMA_KUKI for k in page.context.cookies()):
        assert time.monotonic() < batas, f"kuki {NAMA_KUKI} tidak terpasang 15 s sesudah masuk sebagai {nama}"
        page.wait_for_timeout(100)


def buka_semua_rincian(page, maks: int = 8) -> int:
    """Klik setiap expander yang masih tertutup di isi halaman (rincian yang dibangun hanya saat dibuka, isu #15),
    satu per satu sambil menunggu rerun-nya; kembalikan berapa yang dibuka."""
    tertutup = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary')
    n = 0
    while n < maks and tertutup.count():
        tertutup.first.scroll_into_view_if_needed()
        tertutup.first.click()
        tunggu_rerun(page)
        n += 1
    return n
