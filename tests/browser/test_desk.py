"""Desk urusan di peramban sungguhan: mode presentasi di proyektor 1280x720, berpindah slide, unduh dek."""
from __future__ import annotations

import io
import re
import time

from tests.browser.conftest import (
    UKURAN,
    buka_sampai_grafik,
    catat_waktu,
    hanya_lokal,
    tangkap_layar,
    tanpa_galat,
    tunggu_rerun,
    tunggu_siap,
)

GRAFIK = '[data-testid="stPlotlyChart"] .main-svg'
URL = "/Desk_Urusan?provinsi=62&daerah=62&tahun=2024&urusan=1.02"

UKUR_TEKS = """() => {
  const svg = document.querySelector('[data-testid="stPlotlyChart"]');
  const kotak = svg.getBoundingClientRect();
  const hasil = [];
  for (const t of svg.querySelectorAll('.main-svg text')) {
    if (!t.textContent.trim()) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    hasil.push({teks: t.textContent, px: parseFloat(getComputedStyle(t).fontSize),
                keluar: r.left < kotak.left - 1 || r.right > kotak.right + 1 || r.top < kotak.top - 1
                        || r.bottom > kotak.bottom + 1});
  }
  return {teks: hasil, bawah: kotak.bottom, kanan: kotak.right, lebar: window.innerWidth,
          tinggi: window.innerHeight, gulir: document.documentElement.scrollWidth};
}"""


def posisi(page) -> str:
    return page.locator('[data-testid="posisi-slide"]').first.inner_text().strip()


def test_presentasi_1280x720_huruf_besar_dan_tidak_terpotong(server, halaman):
    halaman.set_viewport_size(UKURAN["1280x720"])
    buka_sampai_grafik(halaman, server.url + URL + "&presentasi=1&slide=1",
                       "desk_presentasi_dingin_grafik_pertama_detik")
    halaman.wait_for_timeout(500)
    tanpa_galat(halaman)
    assert not halaman.locator('[data-testid="stSidebar"]').is_visible()
    assert not halaman.locator('[data-testid="stHeader"]').is_visible()
    assert posisi(halaman) == "1 / 4"
    tangkap_layar(halaman, "desk-presentasi-1280x720")
    ukur = halaman.evaluate(UKUR_TEKS)
    assert ukur["teks"], "tidak ada teks di grafik"
    kecil = [t for t in ukur["teks"] if t["px"] < 18]
    assert not kecil, f"teks grafik di bawah 18 px: {kecil[:5]}"
    keluar = [t["teks"] for t in ukur["teks"] if t["keluar"]]
    assert not keluar, f"teks terpotong di luar grafik: {keluar[:5]}"
    assert ukur["bawah"] <= ukur["tinggi"], "grafik melewati layar 720 px"
    assert ukur["gulir"] <= ukur["lebar"], "halaman melebar melewati layar"
    judul = halaman.locator("h1").first
    assert float(judul.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 30
    # Kesimpulan slide (selaras/tidak selaras) dan ringkasan dukungan terlihat tanpa menggulir di proyektor 720 px.
    kesimpulan = halaman.get_by_text(re.compile(r"^(Tidak selaras|Selaras)\.")).first
    kotak = kesimpulan.bounding_box()
    assert kotak and kotak["y"] + kotak["height"] <= 720, f"kesimpulan di bawah layar: {kotak}"
    ringkas = halaman.get_by_test_id("dukungan-ringkas").first.bounding_box()
    assert ringkas and ringkas["y"] + ringkas["height"] <= 720, f"ringkasan dukungan di bawah layar: {ringkas}"
    # Tidak ada tombol unduh di layar rapat (mengalihkan perhatian; ada di mode biasa).
    assert not halaman.get_by_role("button", name=re.compile("Unduh PNG")).first.is_visible()
    hanya_lokal(halaman, server)


def test_pengendali_presentasi_pageup_pagedown_dan_panah(server, halaman):
    """Clicker presenter mengirim PageDown/PageUp (sebagian panah kanan/kiri): keduanya menggeser slide."""
    halaman.set_viewport_size(UKURAN["1280x720"])
    halaman.goto(server.url + URL + "&presentasi=1&slide=1")
    tunggu_siap(halaman)
    halaman.wait_for_timeout(800)  # pintasan dipasang komponen tombol setelah tergambar
    for tombol, harap in [("PageDown", "2 / 4"), ("PageDown", "3 / 4"), ("PageUp", "2 / 4"), ("ArrowRight", "3 / 4"),
                          ("ArrowLeft", "2 / 4"), ("ArrowLeft", "1 / 4"), ("ArrowLeft", "1 / 4")]:
        halaman.locator("body").press(tombol)
        tunggu_rerun(halaman)
        assert posisi(halaman) == harap, f"sesudah {tombol}: {posisi(halaman)} (harap {harap})"
    halaman.wait_for_function("() => location.search.includes('slide=1')", timeout=10_000)
    tanpa_galat(halaman)


def test_berikutnya_sebelumnya_mengubah_posisi_dan_url(server, halaman, peramban):
    halaman.set_viewport_size(UKURAN["1280x720"])
    halaman.goto(server.url + URL + "&presentasi=1&slide=1")
    tunggu_siap(halaman)
    judul1 = halaman.locator("h1").first.inner_text()
    halaman.get_by_role("button", name="Berikutnya ▶").click()
    tunggu_rerun(halaman)
    assert posisi(halaman) == "2 / 4"
    halaman.wait_for_function("() => location.search.includes('slide=2')", timeout=10_000)
    judul2 = halaman.locator("h1").first.inner_text()
    assert judul2 != judul1
    tangkap_layar(halaman, "desk-presentasi-slide2-1280x720")
    # Laptop kedua membuka URL yang sama dan melihat slide yang sama.
    ctx2 = peramban.new_context(viewport=UKURAN["1280x720"], locale="id-ID")
    kedua = ctx2.new_page()
    kedua.goto(halaman.url)
    tunggu_siap(kedua)
    assert posisi(kedua) == "2 / 4"
    assert kedua.locator("h1").first.inner_text() == judul2
    ctx2.close()
    halaman.get_by_role("button", name="◀ Sebelumnya").click()
    tunggu_rerun(halaman)
    assert posisi(halaman) == "1 / 4"
    halaman.wait_for_function("() => location.search.includes('slide=1')", timeout=10_000)
    assert halaman.get_by_role("button", name="◀ Sebelumnya").is_disabled()
    tanpa_galat(halaman)


def test_mode_biasa_dan_unduh_dek(server, halaman, tmp_path):
    from pptx import Presentation

    halaman.goto(server.url + URL)
    halaman.wait_for_selector(GRAFIK, timeout=60_000)
    tunggu_siap(halaman)
    tanpa_galat(halaman)
    assert "Desk urusan Kesehatan" in halaman.locator("h1").first.inner_text()
    assert halaman.locator('[data-testid="stSidebar"]').is_visible()
    tangkap_layar(halaman, "desk-biasa-1920x1080")
    mulai = time.perf_counter()
    with halaman.expect_download(timeout=120_000) as unduh:
        halaman.get_by_role("button", name=re.compile("Unduh PowerPoint")).click()
    path = tmp_path / unduh.value.suggested_filename
    unduh.value.save_as(path)
    catat_waktu("desk_unduh_pptx_detik", time.perf_counter() - mulai)
    assert path.suffix == ".pptx"
    prs = Presentation(io.BytesIO(path.read_bytes()))
    judul = [" ".join(s.text_frame.text for s in sl.shapes if s.has_text_frame).split("\n")[0] for sl in prs.slides]
    assert judul[0].startswith("Desk urusan 1.02 Kesehatan")
    # Per indikator beberapa slide (grafik, angka, sub kegiatan; berlanjut bila panjang), lalu catatan dan
    # sub kegiatan yang disepakati (keputusan #22).
    kode = [j.split(" · ")[0] for j in judul[1:] if j.startswith("KES-")]
    assert list(dict.fromkeys(kode)) == ["KES-02", "KES-01", "KES-03", "KES-04"], judul
    assert [j for j in judul if j.startswith("Catatan sesi")]
    assert judul[-1].startswith("Sub kegiatan yang disepakati"), judul
    with halaman.expect_download(timeout=120_000) as unduh_pdf:
        halaman.get_by_role("button", name=re.compile("Unduh PDF")).click()
    assert unduh_pdf.value.suggested_filename.endswith(".pdf")
    # Beralih ke mode presentasi dari tombol di halaman.
    halaman.get_by_text("Mode presentasi").first.click()
    tunggu_rerun(halaman)
    halaman.wait_for_function("() => location.search.includes('presentasi=1')", timeout=10_000)
    assert not halaman.locator('[data-testid="stSidebar"]').is_visible()
    tanpa_galat(halaman)


def _judul_grid(page) -> list[list[str]]:
    """Judul kolom setiap tabel yang terlihat (grid Streamlit menyimpan teksnya di grid ARIA, bukan di DOM biasa)."""
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
        .filter(g => g.offsetParent !== null).every(g => g.querySelector('[role="columnheader"]'))""", timeout=30_000)
    return page.evaluate("""() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
        .filter(g => g.offsetParent !== null)
        .map(g => [...g.querySelectorAll('[role="columnheader"]')].map(el => (el.textContent || '').trim()))""")


def test_tab_semua_indikator_dan_usulan_dibangun_saat_dibuka(server, halaman):
    """Mode biasa: tab "Semua indikator" dan "Usulan kabupaten/kota" dan expander "Angka" berisi apa yang diharapkan
    orang saat diklik (isinya dibangun saat dibuka, keputusan #15), pada 1920x1080 dan 1280x720."""
    halaman.goto(server.url + "/Desk_Urusan?provinsi=65&daerah=65&tahun=2025&urusan=1.03")
    halaman.wait_for_selector(GRAFIK, timeout=60_000)
    tunggu_siap(halaman)
    utama = halaman.locator('[data-testid="stMain"]')
    assert utama.get_by_role("tab", name="Indikator yang dibahas").get_attribute("aria-selected") == "true"
    assert utama.locator('[data-testid="stDataFrame"]').count() == 0  # ikhtisar dan usulan belum dibangun
    # Angka indikator yang dibahas: expander dibuka, tabelnya datang.
    utama.get_by_text("Angka", exact=True).click()
    utama.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    tunggu_siap(halaman)
    assert any("Capaian (%)" in j for j in _judul_grid(halaman))

    utama.get_by_role("tab", name="Semua indikator").click()
    tunggu_rerun(halaman)
    halaman.get_by_text(re.compile(r"^Nomor = urutan di pemilih")).wait_for(timeout=30_000)
    assert halaman.locator(GRAFIK).count() == 0  # grafik indikator yang dibahas tidak dibangun di tab ini
    judul = _judul_grid(halaman)
    assert any("Rata-rata capaian (%)" in j for j in judul), judul  # kolom di luar layar grid tidak di ARIA
    tanpa_galat(halaman)
    tangkap_layar(halaman, "desk-tab-semua-indikator-1920x1080")

    utama.get_by_role("tab", name="Usulan kabupaten/kota").click()
    tunggu_rerun(halaman)
    halaman.get_by_text(re.compile(r"sejalan dengan prioritas provinsi")).wait_for(timeout=30_000)
    assert any("Kabupaten/kota" in j and "Judul" in j for j in _judul_grid(halaman))
    assert utama.get_by_role("link", name=re.compile("Catat keputusan di halaman Usulan")).is_visible()
    tanpa_galat(halaman)
    tangkap_layar(halaman, "desk-tab-usulan-1920x1080")
    halaman.set_viewport_size(UKURAN["1280x720"])
    halaman.wait_for_timeout(500)
    assert halaman.evaluate("document.documentElement.scrollWidth") <= 1280
    tangkap_layar(halaman, "desk-tab-usulan-1280x720")
