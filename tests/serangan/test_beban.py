"""Serangan: beban (isu #17, kelas 7) — 20 sesi peramban membaca selagi impor besar ditulis lewat halaman Impor.

Server sungguhan (aplikasi.py) pada salinan basis data demo dan satu Chromium dengan 21 konteks: 20 pembaca terus
memuat ulang Ringkasan Kabupaten Bulungan 2024, dan admin mengunggah lalu mengonfirmasi impor ±28.700 baris
realisasi (semua daerah, satu transaksi) lewat halaman Impor. (AppTest tidak dipakai di sini: beberapa AppTest di
beberapa thread berbagi keadaan Streamlit global dan saling mengganggu.)

Yang harus bertahan: tidak ada pembaca yang melihat pengecualian atau pesan galat, dan angka "Rata-rata capaian" yang
dilihat setiap pemuatan sama dengan angka sebelum impor ATAU sesudah impor (satu kueri = satu potret; impor separuh
akan memberi angka lain). Waktu impor dan waktu tanggap pembaca terburuk dicatat di tests/artefak/beban.json dan
docs/SERANGAN.md.
"""
from __future__ import annotations

import json
import shutil
import time

import pytest

from pantau.jalur import ROOT
from tests.bantuan_halaman import sandi_demo
from tests.serangan.test_gangguan import _berkas_besar

pytestmark = [pytest.mark.peramban, pytest.mark.lambat]

PEMBACA = 20
ARTEFAK = ROOT / "tests" / "artefak" / "beban.json"
JALUR = "/?provinsi=65&daerah=65.01&tahun=2024"
#: Nilai metrik bila halaman selesai dijalankan di dokumen baru (bukan dokumen sebelum muat ulang), atau null.
BACA = """() => {
  if (window.__lama) return null;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  if (document.querySelector('[data-stale="true"]')) return null;
  if (document.querySelector('[data-testid="stSkeleton"]')) return null;
  const galat = !!document.querySelector('[data-testid="stException"]')
      || document.body.innerText.includes('Terjadi kesalahan') || document.body.innerText.includes('Traceback');
  const m = [...document.querySelectorAll('[data-testid="stMetric"]')].find(x => x.innerText.includes('Rata-rata'));
  if (!m && !galat) return null;
  return {nilai: m ? m.querySelector('[data-testid="stMetricValue"]').innerText : null, galat};
}"""


def _baca(page):
    try:
        return page.evaluate(BACA)
    except Exception:  # noqa: BLE001 - konteks eksekusi hilang saat berpindah dokumen: belum siap
        return None


def _muat_ulang(page) -> float:
    page.evaluate("() => { window.__lama = true; location.reload(); }")
    return time.perf_counter()


def _tunggu_nilai(page, batas: float = 120) -> dict:
    akhir = time.time() + batas
    while time.time() < akhir:
        r = _baca(page)
        if r:
            return r
        page.wait_for_timeout(100)
    raise AssertionError("halaman tidak selesai dimuat")


def test_20_pembaca_selagi_impor_lewat_halaman(db_demo, tmp_path, peramban):
    from tests.bantuan_peramban import UKURAN, hentikan, masuk, mulai_server, tunggu_rerun, tunggu_siap

    db = tmp_path / "pantau.duckdb"
    shutil.copy(db_demo, db)
    berkas, n_baris = _berkas_besar(db, tmp_path)
    s = mulai_server(db, tmp_path / "server.log")
    konteks = []
    try:
        def halaman_baru():
            ctx = peramban.new_context(viewport=UKURAN["1280x720"], locale="id-ID")
            konteks.append(ctx)
            return ctx.new_page()

        pertama = halaman_baru()
        pertama.goto(s.url + JALUR)
        lama = _tunggu_nilai(pertama)
        assert not lama["galat"] and lama["nilai"]

        admin = halaman_baru()
        admin.goto(s.url + "/Impor?provinsi=65&daerah=65.01&tahun=2024")
        tunggu_siap(admin)
        masuk(admin, "demo.admin", sandi_demo("demo.admin"))
        admin.set_input_files('input[type="file"]', str(berkas))
        admin.get_by_role("button", name="Impor sekarang").wait_for(timeout=180_000)

        pembaca = [halaman_baru() for _ in range(PEMBACA)]
        mulai = {}
        for p in pembaca:
            p.goto(s.url + JALUR, wait_until="commit")
            mulai[p] = time.perf_counter()
        terlihat: list[tuple[float, dict, bool]] = []  # (waktu tanggap, hasil, selama impor)
        t_impor, detik_impor, sesudah = None, None, None

        def putar(selama: bool):
            for p in pembaca:
                r = _baca(p)
                if r:
                    terlihat.append((time.perf_counter() - mulai[p], r, selama))
                    mulai[p] = _muat_ulang(p)

        batas = time.time() + 400
        while time.time() < batas:
            putar(t_impor is not None and detik_impor is None)
            if t_impor is None and len(terlihat) >= PEMBACA:  # semua pembaca sudah memuat sekali: mulai impor
                admin.get_by_role("button", name="Impor sekarang").click()
                t_impor = time.perf_counter()
            elif t_impor is not None and detik_impor is None:
                if admin.get_by_text("Impor #", exact=False).count() or admin.get_by_text(
                        "Impor ditolak").count() or admin.get_by_text("tidak tersimpan").count():
                    detik_impor = time.perf_counter() - t_impor
                    sesudah = time.time()
            elif detik_impor is not None and time.time() - sesudah > 8:
                break
            pertama.wait_for_timeout(50)
        assert detik_impor is not None, "impor tidak selesai dalam batas waktu"
        tunggu_rerun(admin)
        assert admin.get_by_text("Impor ditolak").count() == 0 and admin.get_by_text("tidak tersimpan").count() == 0
        pertama.reload()
        baru = _tunggu_nilai(pertama)
        assert baru["nilai"] != lama["nilai"], "impor harus mengubah angka yang dibaca"

        galat = [r for _, r, _ in terlihat if r["galat"]]
        assert not galat, f"{len(galat)} pemuatan melihat galat"
        campuran = [r["nilai"] for _, r, _ in terlihat if r["nilai"] not in (lama["nilai"], baru["nilai"])]
        assert not campuran, f"pemuatan melihat sebagian impor: {campuran[:5]}"
        selama = [r for _, r, m in terlihat if m]
        assert selama, "tidak ada pemuatan selama impor"
        tanggap = sorted(dt for dt, _, _ in terlihat)
        hasil = {"pembaca": PEMBACA, "baris_impor": n_baris, "detik_impor_halaman": round(detik_impor, 1),
                 "pemuatan_pembaca": len(terlihat), "pemuatan_selama_impor": len(selama),
                 "melihat_lama": sum(1 for _, r, _ in terlihat if r["nilai"] == lama["nilai"]),
                 "melihat_baru": sum(1 for _, r, _ in terlihat if r["nilai"] == baru["nilai"]),
                 "tanggap_terburuk_detik": round(tanggap[-1], 1),
                 "tanggap_median_detik": round(tanggap[len(tanggap) // 2], 1),
                 "rata_rata_capaian_lama": lama["nilai"], "rata_rata_capaian_baru": baru["nilai"]}
        ARTEFAK.parent.mkdir(parents=True, exist_ok=True)
        ARTEFAK.write_text(json.dumps(hasil, indent=2, ensure_ascii=False))
        print(hasil)
        assert "Traceback" not in s.log.read_text(errors="replace")
    finally:
        for ctx in konteks:
            ctx.close()
        hentikan(s)
