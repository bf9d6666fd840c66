"""Halaman Usulan di peramban sungguhan (keputusan #20): tergambar di 1920x1080 dan 1280x720 tanpa teks grafik
terpotong, dan keputusan yang dicatat analis masih terlihat sesudah halaman dimuat ulang."""
from __future__ import annotations

from pantau.demo import AKUN_DEMO
from tests.browser.conftest import (
    UKURAN,
    buka_sampai_grafik,
    hanya_lokal,
    masuk,
    tangkap_dua_ukuran,
    tanpa_galat,
    tunggu_rerun,
    tunggu_siap,
)

URL = "/Usulan?provinsi=65&daerah=65&tahun_usulan=2026"
SANDI = {a[0]: a[4] for a in AKUN_DEMO}

UKUR = """() => {
  const g = document.querySelector('[data-testid="stPlotlyChart"]');
  const k = g.getBoundingClientRect();
  const keluar = [];
  for (const t of g.querySelectorAll('.main-svg text')) {
    if (!t.textContent.trim()) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < k.left - 1 || r.right > k.right + 1) keluar.push(t.textContent);
  }
  return {keluar, gulir: document.documentElement.scrollWidth, lebar: window.innerWidth};
}"""


def test_usulan_dua_ukuran_dan_keputusan_bertahan(server, halaman):
    for ukuran in ("1920x1080", "1280x720"):
        halaman.set_viewport_size(UKURAN[ukuran])
        buka_sampai_grafik(halaman, server.url + URL, f"usulan_{ukuran}_grafik_pertama_detik")
        tanpa_galat(halaman)
        ukur = halaman.evaluate(UKUR)
        assert not ukur["keluar"], f"{ukuran}: teks grafik terpotong {ukur['keluar'][:5]}"
        assert ukur["gulir"] <= ukur["lebar"], f"{ukuran}: halaman melebar melewati layar"
    tangkap_dua_ukuran(halaman, "usulan")

    halaman.set_viewport_size(UKURAN["1920x1080"])
    buka_sampai_grafik(halaman, server.url + URL + "&u_daerah=65.04&u_keputusan=belum", "usulan_saring_detik")
    masuk(halaman, "demo.analis", SANDI["demo.analis"], di="stSidebar")
    utama = halaman.locator('[data-testid="stMain"]')
    halaman.wait_for_function("() => location.search.includes('usulan=')")
    uid = dict(p.split("=", 1) for p in halaman.url.split("?", 1)[1].split("&"))["usulan"]  # usulan terpilih
    utama.get_by_role("radiogroup").get_by_text("Ditolak", exact=True).click()
    utama.get_by_role("textbox", name="Alasan").fill("Uji peramban: kewenangan kabupaten")
    utama.get_by_role("button", name="Simpan keputusan").click()
    tunggu_rerun(halaman)
    tanpa_galat(halaman)
    assert halaman.get_by_text("Keputusan tersimpan").count() == 1
    # muat ulang (tab baru dengan tautan ke usulan itu): keputusan yang berlaku terbaca dari basis data
    halaman.goto(server.url + URL + f"&u_daerah=65.04&usulan={uid}")
    tunggu_siap(halaman)
    tanpa_galat(halaman)
    teks = halaman.locator('[data-testid="stMain"]').inner_text()
    assert "Berlaku: Ditolak" in teks and "demo.analis" in teks, teks[-1500:]
    hanya_lokal(halaman, server)
