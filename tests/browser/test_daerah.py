"""Halaman Daerah di peramban sungguhan: peta tanpa internet, arahkan kursor, klik memilih daerah, unduhan PNG,
tangkapan layar 1920x1080 dan 1280x720, dan waktu ubah penyaring pada basis data skala nasional."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.conftest import (
    ROOT,
    UKURAN,
    catat_waktu,
    hanya_lokal,
    hentikan,
    mulai_server,
    tangkap_layar,
    tanpa_galat,
    tunggu_rerun,
    tunggu_siap,
)

WILAYAH = ".choroplethlayer path"
NASIONAL = Path(os.environ.get("PANTAU_DB_NASIONAL", "/tmp/pantau-nasional.duckdb"))


def nama_wilayah(provinsi: str) -> dict[str, str]:
    gj = json.loads((ROOT / "data" / "geo" / f"kabkota_{provinsi}.geojson").read_text(encoding="utf-8"))
    return {f["id"]: f["properties"]["nama"] for f in gj["features"]}


def buka_peta(page, server, provinsi: str, **tambahan) -> None:
    q = "&".join(f"{k}={v}" for k, v in {"provinsi": provinsi, "daerah": provinsi, "tahun": 2024, **tambahan}.items())
    page.goto(f"{server.url}/Daerah?{q}")
    tunggu_siap(page)
    page.wait_for_selector(WILAYAH, state="attached", timeout=30_000)
    page.locator(".choroplethlayer").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)


def arahkan(page, i: int) -> str:
    page.locator(WILAYAH).nth(i).hover(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", state="attached", timeout=5_000)
    return page.locator(".hoverlayer .hovertext").first.text_content() or ""


@pytest.mark.parametrize("provinsi", ["65", "62"])
def test_peta_tanpa_internet_dan_arahkan_kursor(server, halaman, provinsi):
    buka_peta(halaman, server, provinsi)
    nama = nama_wilayah(provinsi)
    assert halaman.locator(WILAYAH).count() == len(nama)
    teks = arahkan(halaman, 0)
    assert any(n in teks for n in nama.values()), teks
    assert "Predikat" in teks and "Nilai" in teks
    assert any(u.endswith("/app/static/world_110m.json") for u in halaman.permintaan)
    tanpa_galat(halaman)
    hanya_lokal(halaman, server)
    for ukuran, vp in UKURAN.items():
        halaman.set_viewport_size(vp)
        halaman.locator("h1").first.scroll_into_view_if_needed()
        halaman.wait_for_timeout(600)
        tangkap_layar(halaman, f"daerah-{provinsi}-atas-{ukuran}")
        halaman.locator(".choroplethlayer").first.scroll_into_view_if_needed()
        halaman.wait_for_timeout(600)
        tangkap_layar(halaman, f"daerah-{provinsi}-peta-{ukuran}")


def test_klik_wilayah_memilih_daerah(server, halaman):
    buka_peta(halaman, server, "65", bandingkan="KES-01")
    nama = nama_wilayah("65")
    teks = arahkan(halaman, 1)
    dipilih = next(k for k, n in nama.items() if n in teks)
    halaman.locator(WILAYAH).nth(1).click(force=True)
    tunggu_rerun(halaman)
    halaman.wait_for_url(re.compile(rf"daerah={re.escape(dipilih)}"), timeout=20_000)
    tunggu_siap(halaman)
    assert halaman.locator("h1").first.inner_text().startswith(nama[dipilih])
    assert "bandingkan=KES-01" in halaman.url
    # Panel kiri ikut: pilihan daerah pada bingkai
    kotak = halaman.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Daerah", exact=True)
    assert nama[dipilih] in (kotak.input_value() or kotak.inner_text())
    tanpa_galat(halaman)
    hanya_lokal(halaman, server)


def test_ganti_warna_peta_dan_unduh_png(server, halaman, tmp_path):
    buka_peta(halaman, server, "62")
    halaman.get_by_text("Nilai realisasi", exact=True).click()
    tunggu_rerun(halaman)
    assert "warna=nilai" in halaman.url
    halaman.wait_for_selector(".colorbar", state="attached", timeout=20_000)
    with halaman.expect_download(timeout=60_000) as unduh:
        # tombol PNG peta (bukan .last: bagian kinerja vs anggaran di bawahnya punya tombol PNG sendiri)
        halaman.locator(".st-key-peta-kabkota-png").get_by_role("button", name=re.compile("Unduh PNG")).click()
    png = tmp_path / "peta.png"
    unduh.value.save_as(png)
    assert unduh.value.suggested_filename.startswith("peta-")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    tanpa_galat(halaman)
    hanya_lokal(halaman, server)


@pytest.fixture(scope="module")
def server_nasional(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nasional")
    db = folder / "pantau.duckdb"
    if NASIONAL.exists():
        shutil.copy(NASIONAL, db)
    else:
        subprocess.run([sys.executable, "-m", "pantau", "demo", "--skala", "nasional", "--db", str(db)],
                       cwd=ROOT, check=True, capture_output=True)
    s = mulai_server(db, folder / "server.log")
    yield s
    hentikan(s)


def _jumlah(page) -> str:
    return page.locator("text=/\\d+ dari \\d+ indikator/").first.inner_text()


def _ukur(page, nama: str, aksi) -> float:
    sebelum = _jumlah(page)
    mulai = time.perf_counter()
    aksi()
    # Tabel baru = teks "N dari M indikator" berubah dan skrip selesai (tanpa jeda tetap tunggu_rerun).
    page.wait_for_function(
        "s => { const e = [...document.querySelectorAll('.pantau-kecil')]"
        ".find(x => / dari \\d+ indikator/.test(x.innerText));"
        " return e && e.innerText !== s"
        " && document.querySelector('[data-testid=\"stApp\"][data-test-script-state=\"notRunning\"]')"
        " && !document.querySelector('[data-stale=\"true\"]'); }", arg=sebelum, timeout=30_000, polling=50)
    detik = time.perf_counter() - mulai
    catat_waktu(nama, detik)
    tunggu_siap(page)
    return detik


@pytest.mark.parametrize("daerah", ["35", "35.07"])
def test_waktu_ubah_penyaring_nasional(server_nasional, halaman, daerah):
    halaman.goto(f"{server_nasional.url}/Daerah?provinsi=35&daerah={daerah}&tahun=2024")
    tunggu_siap(halaman)
    halaman.wait_for_selector(WILAYAH, state="attached", timeout=60_000)
    assert halaman.locator(WILAYAH).count() == len(nama_wilayah("35"))
    label = daerah.replace(".", "_")
    halaman.locator(".choroplethlayer").first.scroll_into_view_if_needed()
    halaman.wait_for_timeout(500)
    tangkap_layar(halaman, f"daerah-nasional-{label}-peta-1920x1080")
    halaman.locator("h1").first.scroll_into_view_if_needed()
    waktu = [
        _ukur(halaman, f"daerah_{label}_nasional_toggle_iku_detik",
              lambda: halaman.get_by_text("Hanya IKU", exact=True).click()),
        _ukur(halaman, f"daerah_{label}_nasional_cari_detik",
              lambda: (halaman.get_by_placeholder("nama atau kode…").fill("indeks"),
                       halaman.get_by_placeholder("nama atau kode…").press("Enter"))),
        _ukur(halaman, f"daerah_{label}_nasional_lepas_iku_detik",
              lambda: halaman.get_by_text("Hanya IKU", exact=True).click()),
    ]
    print(f"\nwaktu ubah penyaring {daerah} (detik):", [round(w, 2) for w in waktu])
    assert "cari=indeks" in halaman.url
    tanpa_galat(halaman)
    hanya_lokal(halaman, server_nasional)
