"""Waktu halaman Pantau di Chromium headless sampai GRAFIK TERAKHIR tergambar, dibanding halaman lantai (isu #15).

    .venv/bin/python -m bench.halaman_peramban --db /tmp/ukur15/nasional.duckdb
    .venv/bin/python -m bench.halaman_peramban --db PATH --ulang 5 --halaman Ringkasan Desk
    .venv/bin/python -m bench.halaman_peramban --periksa        # periksa alat ukur dengan halaman yang sengaja lambat

"Tergambar" (lihat ``PANTAU_UKUR`` di bawah; skrip itu dipasang di setiap dokumen sebelum Streamlit dimuat):
  - ``[data-testid="stApp"]`` berstatus ``notRunning`` (skrip selesai; sesudah navigasi status awalnya ``initial``,
    bukan ``notRunning``, jadi halaman yang belum menjalankan skrip tidak terhitung selesai),
  - tidak ada ``stSkeleton`` dan tidak ada elemen basi (``data-stale="true"``),
  - SETIAP ``[data-testid="stPlotlyChart"]`` yang ada memuat ``.main-svg`` (bukan grafik pertama),
  - dan semua itu bertahan ``STABIL_MS`` tanpa pesan websocket baru, tanpa perubahan jumlah grafik dan tanpa perubahan
    DOM di dalam grafik mana pun. Waktu yang dicatat adalah awal rentang stabil itu: maks(kondisi terpenuhi, pesan
    websocket terakhir tiba, perubahan DOM grafik terakhir), diperiksa setiap bingkai animasi (requestAnimationFrame).
  - Di sisi Python, pesan ``script_finished`` Streamlit (ForwardMsg) harus sudah diterima sejak navigasi/masukan.
Awal waktu: navigasi = ``performance.timeOrigin`` dokumen baru; ganti filter/slide = ``timeStamp`` peristiwa
``pointerdown``/``keydown`` pertama sesudah ditandai (klik opsi, tombol PageDown), bukan saat Python memanggil.

Urutan dalam satu putaran per halaman (server lantai dan server Pantau sama-sama baru dinyalakan): A dingin, B dingin,
A hangat (tab baru, cache peramban terisi), B hangat, A ganti, B ganti filter ..., A profil baru, B profil baru.
A = halaman lantai (bench/lantai), B = halaman Pantau. Median dari N putaran, dan rasio B/A.
Bita websocket = jumlah panjang muatan bingkai server -> peramban (sesudah dekompresi) per tampilan.
Pengukuran, bukan uji: tidak ada yang gagal kecuali alat ukurnya sendiri.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bantuan_peramban import ARGS, CHROMIUM, hentikan, mulai_server  # noqa: E402

LANTAI = ROOT / "bench" / "lantai" / "aplikasi.py"
PERIKSA = ROOT / "bench" / "lantai" / "lambat.py"
VIEWPORT = {"width": 1920, "height": 1080}
STABIL_MS = 750
BATAS_MS = 180_000
DASAR = "provinsi=35&daerah=35&tahun=2025"

PANTAU_UKUR = r"""
(() => {
  if (window.__ukur) return;
  const u = window.__ukur = {masuk: 0, pesan: 0, byte: 0, pesanSejak: 0, byteSejak: 0, pesanTerakhir: -1,
                             grafikBerubah: -1, awal: null, n: -1, keadaan: [], pertama: null, selesaiPertama: null};
  const W = window.WebSocket;
  window.WebSocket = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', e => {
        const d = e.data;
        u.pesan++; u.pesanTerakhir = performance.now();
        u.byte += (d && (d.byteLength ?? d.size ?? d.length)) || 0;
      });
    }
  };
  const tandaMasuk = e => { if (u.masuk === null) u.masuk = e.timeStamp; };
  window.addEventListener('pointerdown', tandaMasuk, true);
  window.addEventListener('keydown', tandaMasuk, true);
  u.tandai = () => { u.masuk = null; u.pesanSejak = u.pesan; u.byteSejak = u.byte; u.awal = null; u.n = -1;
                     u.keadaan = []; u.pertama = null; u.selesaiPertama = null; };
  new MutationObserver(ms => { for (const m of ms) {
      const k = m.target.getAttribute('data-test-script-state');
      u.keadaan.push([Math.round(performance.now()), k]);
      if (k === 'notRunning' && u.selesaiPertama === null && u.masuk !== null) u.selesaiPertama = performance.now();
    } })
    .observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
  const amati = new MutationObserver(() => { u.grafikBerubah = performance.now(); });
  const diamati = new WeakSet();
  const kondisi = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return -1;
    if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return -1;
    const g = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    let n = 0;
    for (const c of g) {
      if (!diamati.has(c)) {
        diamati.add(c); amati.observe(c, {childList: true, subtree: true}); u.grafikBerubah = performance.now();
      }
      if (!c.querySelector('.main-svg')) return -1;
      n++;
    }
    return n;
  };
  const detak = () => {
    const n = kondisi();
    const t = performance.now();
    if (u.pertama === null && u.masuk !== null && document.querySelector('[data-testid="stPlotlyChart"] .main-svg'))
      u.pertama = t;
    if (n < 0) { u.awal = null; }
    else if (u.awal === null || n !== u.n || u.pesanTerakhir > u.awal || u.grafikBerubah > u.awal) {
      u.awal = t; u.n = n;
    }
    requestAnimationFrame(detak);
  };
  requestAnimationFrame(detak);
  u.hasil = stabil => {
    if (u.awal === null || u.masuk === null || u.pesan <= u.pesanSejak) return null;
    if (performance.now() - u.awal < stabil) return null;
    const g = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return {ms: u.awal - u.masuk, grafik: u.n, pertama: u.pertama === null ? null : u.pertama - u.masuk,
            selesai: u.selesaiPertama === null ? null : u.selesaiPertama - u.masuk,
            tersembunyi: g.filter(c => c.offsetParent === null).length,
            byte: u.byte - u.byteSejak, pesan: u.pesan - u.pesanSejak, keadaan: u.keadaan.slice(-12)};
  };
})();
"""


# -- skenario --------------------------------------------------------------------------------------
@dataclass
class Ganti:
    """Satu ganti filter: pilih ``opsi`` di selectbox ``label`` (None = opsi lain pertama) atau di radio ``label``."""
    label: str
    opsi: str | None = None
    jenis: str = "pilih"        # pilih | radio
    wadah: str = ""              # "stMain" / "stSidebar" bila label ada di dua tempat
    kembali: bool = True         # ukur juga kembali ke nilai awal (tembolok server sudah terisi)


@dataclass
class Halaman:
    judul: str
    url: str
    skrip: str | None
    ganti: list[Ganti] = field(default_factory=list)
    slide: int = 0               # jumlah "slide berikutnya" (PageDown) di mode presentasi


HALAMAN = [
    Halaman("Ringkasan", f"/?{DASAR}", None, [Ganti("Daerah", "Kabupaten Malang", wadah="stSidebar")]),
    Halaman("Indikator", f"/Indikator?{DASAR}", "pages/1_Indikator.py",
            [Ganti("Indikator"), Ganti("Tahun", "2024", wadah="stSidebar", kembali=False)]),
    Halaman("Daerah", f"/Daerah?{DASAR}", "pages/2_Daerah.py",
            [Ganti("Daerah", "Kabupaten Malang", wadah="stSidebar")]),
    Halaman("Desk Urusan", f"/Desk_Urusan?{DASAR}", "pages/5_Desk_Urusan.py",
            [Ganti("Tahun", "2024", wadah="stSidebar"), Ganti("Urusan", kembali=False)], slide=2),
    Halaman("Kualitas data", f"/Kualitas_Data?{DASAR}", "pages/4_Kualitas_Data.py",
            [Ganti("Daerah", "Kabupaten Malang", wadah="stMain", kembali=False)]),
    Halaman("Laporan", f"/Laporan?{DASAR}", "pages/6_Laporan.py",
            [Ganti("Jenis laporan", "Evaluasi hasil RPJMD", jenis="radio", kembali=False)]),
    Halaman("Usulan", f"/Usulan?{DASAR}", "pages/9_Usulan.py", [Ganti("Usulan", kembali=False)]),
]

#: Skenario yang dimulai dengan navigasi (waktu sejak performance.timeOrigin); lainnya sejak klik/tombol.
DINGIN_BARU = "dingin (tanpa daftar pemanasan)"
DINGIN_ULANG = "dingin (nyala ulang, daftar pemanasan ada)"
NAVIGASI = ("dingin", DINGIN_BARU, DINGIN_ULANG, "hangat", "profil baru", "presentasi")
#: Skenario Pantau -> skenario lantai pembandingnya.
PASANGAN = {"dingin": "dingin", DINGIN_BARU: "dingin", DINGIN_ULANG: "dingin", "hangat": "hangat",
            "profil baru": "profil baru", "presentasi": "hangat"}


class Galat(RuntimeError):
    pass


# -- alat --------------------------------------------------------------------------------------------
class Tab:
    """Satu tab Playwright yang dipasangi pengukur dan penghitung bingkai websocket (sisi Python)."""

    def __init__(self, ctx):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._fm = ForwardMsg
        self.page = ctx.new_page()
        self.selesai = 0          # pesan script_finished diterima
        self.byte = 0
        self.galat_js: list[str] = []
        self.page.on("websocket", self._ws)
        self.page.on("pageerror", lambda e: self.galat_js.append(str(e)))

    def _ws(self, ws):
        def terima(muatan):
            data = muatan if isinstance(muatan, bytes) else muatan.encode()
            self.byte += len(data)
            if len(data) < 512:  # script_finished kecil; muatan besar (delta) tidak perlu diurai
                m = self._fm()
                try:
                    m.ParseFromString(data)
                except Exception:  # noqa: BLE001 - bukan ForwardMsg
                    return
                if m.WhichOneof("type") == "script_finished":
                    self.selesai += 1

        ws.on("framereceived", terima)

    def tunggu(self, selesai_awal: int, byte_awal: int, label: str) -> dict:
        batas = time.monotonic() + BATAS_MS / 1000
        while True:
            sisa = int((batas - time.monotonic()) * 1000)
            if sisa <= 0:
                raise Galat(f"{label}: tidak tergambar dalam {BATAS_MS / 1000:.0f} s "
                            f"({self.page.evaluate('JSON.stringify(window.__ukur && window.__ukur.keadaan)')})")
            h = self.page.wait_for_function("s => window.__ukur && window.__ukur.hasil(s)", arg=STABIL_MS,
                                            timeout=sisa, polling=100).json_value()
            if self.selesai > selesai_awal:
                break
            self.page.wait_for_timeout(100)  # script_finished belum sampai di Python: tunggu lagi
        from pantau.ui.penjaga import PESAN_GALAT

        if self.page.locator('[data-testid="stException"]').count() or self.page.get_by_text(PESAN_GALAT).count():
            raise Galat(f"{label}: halaman menampilkan galat")
        h["byte_py"] = self.byte - byte_awal
        return h

    def buka(self, url: str, label: str) -> dict:
        s0, b0 = self.selesai, self.byte
        self.page.goto(url, wait_until="commit")
        return self.tunggu(s0, b0, label)

    def masukan(self, aksi, label: str) -> dict:
        """``aksi(tandai)``: menyiapkan (mis. membuka daftar opsi), memanggil ``tandai()``, lalu satu klik/tombol."""
        s0, b0 = self.selesai, self.byte

        def tandai():
            self.page.evaluate("window.__ukur.tandai()")

        self.cek = None
        aksi(tandai)
        self.page.mouse.move(2, 2)  # jangan biarkan kursor di atas grafik (hover = perubahan DOM)
        h = self.tunggu(s0, b0, label)
        salah = self.cek() if self.cek else True
        if salah is not True:
            raise Galat(f"{label}: pilihan tidak berlaku ({salah})")
        return h

    def tutup(self):
        self.page.close()


def _wadah(page, nama: str):
    return page.locator(f'[data-testid="{nama}"]') if nama else page


def aksi_ganti(tab: Tab, g: Ganti, opsi: str | None):
    """Aksi untuk ``Tab.masukan``; mengembalikan (aksi, nilai sebelum) agar bisa kembali."""
    page = tab.page
    w = _wadah(page, g.wadah)
    if g.jenis == "pilih":
        kotak = w.get_by_role("combobox", name=g.label, exact=True)
        sebelum = kotak.input_value()

        def aksi(tandai):
            daftar = page.get_by_role("option")
            for coba in range(4):  # daftar kadang belum terbuka pada klik pertama (halaman sedang digulir)
                kotak.click()
                if opsi:
                    kotak.fill(opsi)  # daftar opsi virtual: opsi di bawah belum dirender sebelum disaring
                try:
                    daftar.first.wait_for(timeout=5_000)
                    break
                except Exception:  # noqa: BLE001
                    page.keyboard.press("Escape")
                    if coba == 3:
                        raise
            if opsi is None:
                nama = [x.strip() for x in daftar.all_inner_texts()]
                pilihan = next(x for x in nama if x and x != sebelum)
                target = page.get_by_role("option", name=pilihan, exact=True)
            else:
                target = page.get_by_role("option", name=opsi, exact=True)
            target.wait_for()
            harap = target.inner_text().strip()
            tandai()
            target.click()
            tab.cek = lambda: kotak.input_value() == harap or f"{g.label}: {kotak.input_value()!r}, bukan {harap!r}"
        return aksi, sebelum
    if g.jenis == "radio":
        def aksi(tandai):
            target = w.get_by_text(opsi, exact=False).first
            tandai()
            target.click()
            tombol = w.get_by_role("radio", name=re.compile(re.escape(opsi)))
            tab.cek = lambda: tombol.is_checked() or f"{g.label}: {opsi!r} tidak terpilih"
        return aksi, None
    raise ValueError(g.jenis)


def aksi_tombol(tab: Tab, tombol: str):
    def aksi(tandai):
        tandai()
        tab.page.keyboard.press(tombol)
    return aksi


# -- pengukuran ------------------------------------------------------------------------------------
@dataclass
class Catatan:
    nilai: dict = field(default_factory=dict)   # (halaman, skenario, lantai?) -> [dict hasil]

    def tambah(self, halaman: str, skenario: str, h: dict, lantai: bool = False) -> None:
        self.nilai.setdefault((halaman, skenario, lantai), []).append(h)
        pertama = f"  (grafik pertama {h['pertama']:.0f} ms)" if skenario in NAVIGASI and h["pertama"] else ""
        siapa = "  lantai" if lantai else halaman
        print(f"    {siapa:14s} {skenario:36s} {h['ms']:8.0f} ms  {h['byte'] / 1024:8.1f} KB  "
              f"{h['grafik']:3d} grafik  {h['pesan']:4d} pesan{pertama}", flush=True)


def ukur_halaman(b, hal: Halaman, salinan: Path, folder: Path, ulang: int, cat: Catatan) -> None:
    ctxarg = {"viewport": VIEWPORT, "locale": "id-ID"}
    for i in range(ulang):
        print(f"  {hal.judul}: putaran {i + 1}/{ulang}", flush=True)
        # Putaran genap: server Pantau menyala tanpa daftar kueri terakhir (basis data yang belum pernah dibuka);
        # putaran ganjil: nyala ulang sesudah putaran sebelumnya (daftarnya ditulis saat server itu berhenti).
        panas = salinan.with_name(salinan.name + ".panas.json")
        if i % 2 == 0:
            panas.unlink(missing_ok=True)
        dingin = DINGIN_ULANG if panas.exists() else DINGIN_BARU
        sa = mulai_server(salinan, folder / f"lantai-{hal.judul}-{i}.log", skrip=LANTAI)
        sb = mulai_server(salinan, folder / f"pantau-{hal.judul}-{i}.log")
        try:
            ctx_a, ctx_b = b.new_context(**ctxarg), b.new_context(**ctxarg)
            for c in (ctx_a, ctx_b):
                c.add_init_script(PANTAU_UKUR)
            # dingin: kunjungan pertama sesudah server menyala, profil peramban kosong
            for ctx, s, url, siapa in ((ctx_a, sa, "/", "A"), (ctx_b, sb, hal.url, "B")):
                t = Tab(ctx)
                h = t.buka(s.url + url, f"{siapa} dingin")
                cat.tambah(hal.judul, "dingin" if siapa == "A" else dingin, h, lantai=siapa == "A")
                t.tutup()
            # hangat: tab baru di profil yang sama (cache peramban terisi); tab itu dipakai untuk ganti filter
            ta, tb = Tab(ctx_a), Tab(ctx_b)
            cat.tambah(hal.judul, "hangat", ta.buka(sa.url + "/", "A hangat"), lantai=True)
            cat.tambah(hal.judul, "hangat", tb.buka(sb.url + hal.url, "B hangat"))
            for j, g in enumerate(hal.ganti):
                aksi, sebelum = aksi_ganti(tb, g, g.opsi)
                langkah = [(f"ganti {g.label}", aksi)]
                if g.kembali and sebelum:
                    langkah.append((f"ganti {g.label} kembali (tembolok)", aksi_ganti_kembali(tb, g, sebelum)))
                for nama, aksi_b in langkah:
                    rerun_a = ta.masukan(aksi_ganti(ta, Ganti("Seri"), None)[0], "A rerun")
                    cat.tambah(hal.judul, "rerun (selectbox)", rerun_a,
                               lantai=True)
                    cat.tambah(hal.judul, nama, tb.masukan(aksi_b, f"B {nama}"))
                if not g.kembali and j < len(hal.ganti) - 1:  # kembalikan keadaan untuk ganti berikutnya tanpa diukur
                    tb.buka(sb.url + hal.url, "B muat ulang")
            tb.tutup()
            if hal.slide:
                tp = Tab(ctx_b)
                cat.tambah(hal.judul, "hangat", ta.buka(sa.url + "/", "A hangat"), lantai=True)
                cat.tambah(hal.judul, "presentasi", tp.buka(sb.url + hal.url + "&presentasi=1&slide=1", "B presentasi"))
                for k in range(hal.slide):
                    rerun_a = ta.masukan(aksi_ganti(ta, Ganti("Seri"), None)[0], "A rerun")
                    cat.tambah(hal.judul, "rerun (selectbox)", rerun_a,
                               lantai=True)
                    h = tp.masukan(aksi_tombol(tp, "PageDown"), "B slide berikutnya")
                    posisi = tp.page.locator('[data-testid="posisi-slide"]').first.inner_text().strip()
                    if not posisi.startswith(f"{k + 2} /"):
                        raise Galat(f"slide berikutnya: posisi {posisi!r}, diharapkan {k + 2} / …")
                    cat.tambah(hal.judul, "slide berikutnya (PageDown)", h)
                tp.tutup()
            ta.tutup()
            ctx_a.close()
            ctx_b.close()
            # profil peramban baru, server hangat
            for s, url, siapa in ((sa, "/", "A"), (sb, hal.url, "B")):
                ctx = b.new_context(**ctxarg)
                ctx.add_init_script(PANTAU_UKUR)
                t = Tab(ctx)
                cat.tambah(hal.judul, "profil baru", t.buka(s.url + url, f"{siapa} profil baru"), lantai=siapa == "A")
                ctx.close()
        finally:
            hentikan(sa)
            hentikan(sb)


def aksi_ganti_kembali(tab: Tab, g: Ganti, sebelum: str):
    def aksi(tandai):
        return aksi_ganti(tab, g, sebelum)[0](tandai)
    return aksi


# -- ringkasan ------------------------------------------------------------------------------------
def _med(xs):
    return statistics.median(xs) if xs else None


def ringkas(cat: Catatan) -> list[dict]:
    """Satu baris per (halaman, skenario), halaman lantai lebih dulu: median/min/maks ms, median lantai pasangannya
    yang diukur berselang-seling dengan halaman itu, rasio, KB websocket, jumlah grafik, grafik pertama."""
    def baris_dari(judul, sk, v, lt_v):
        ms = [h["ms"] for h in v]
        pertama = [h["pertama"] for h in v if h["pertama"] is not None] if sk in NAVIGASI else []
        lt = _med([h["ms"] for h in lt_v]) if lt_v else None
        return {"halaman": judul, "skenario": sk, "n": len(ms), "nilai": ms, "median": _med(ms), "min": min(ms),
                "maks": max(ms), "pertama": _med(pertama), "lantai": lt, "rasio": _med(ms) / lt if lt else None,
                "kb": _med([h["byte"] / 1024 for h in v]),
                "kb_lantai": _med([h["byte"] / 1024 for h in lt_v]) if lt_v else None,
                "grafik": _med([h["grafik"] for h in v]), "tersembunyi": _med([h["tersembunyi"] for h in v])}

    baris = []
    semua_lantai: dict[str, list] = {}
    for (_judul, sk, lantai), v in cat.nilai.items():
        if lantai:
            semua_lantai.setdefault(sk, []).extend(v)
    for sk, v in semua_lantai.items():
        baris.append(baris_dari("lantai", sk, v, None))
    for (judul, sk, lantai), v in cat.nilai.items():
        if not lantai:
            baris.append(baris_dari(judul, sk, v, cat.nilai.get((judul, PASANGAN.get(sk, "rerun (selectbox)"), True))))
    return baris


def cetak(baris: list[dict]) -> None:
    print(f"\n{'halaman':14s} {'skenario':36s} {'median':>7s} {'min':>7s} {'maks':>7s} {'lantai':>7s} {'rasio':>6s} "
          f"{'KB ws':>8s} {'grafik':>6s} {'pertama':>7s}  n   (ms; rasio = median / median lantai pasangannya)")
    for r in baris:
        lt = f"{r['lantai']:7.0f}" if r["lantai"] else "      -"
        ra = f"x{r['rasio']:5.2f}" if r["rasio"] else "     -"
        pe = f"{r['pertama']:7.0f}" if r["pertama"] else "      -"
        print(f"{r['halaman']:14s} {r['skenario']:36s} {r['median']:7.0f} {r['min']:7.0f} {r['maks']:7.0f} {lt} {ra} "
              f"{r['kb']:8.1f} {r['grafik']:6.0f} {pe}  {r['n']}")


def beban() -> str:
    return "beban rata-rata (1/5/15 menit): " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def jalankan(db: Path, ulang: int = 5, halaman: list[str] | None = None) -> list[dict]:
    """Ukur halaman terpilih (None = semua); kembalikan baris ringkasan (dipakai bench/jalankan.py)."""
    from playwright.sync_api import sync_playwright

    pilih = [h for h in HALAMAN if not halaman or any(h.judul.lower().startswith(x.lower()) for x in halaman)]
    folder = Path(tempfile.mkdtemp(prefix="ukur-peramban-"))
    salinan = folder / "pantau.duckdb"
    shutil.copy(db, salinan)
    cat = Catatan()
    print(f"  {beban()}", flush=True)
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for hal in pilih:
                if hal.skrip and not (ROOT / hal.skrip).exists():
                    print(f"  {hal.judul}: halaman belum ada, dilewati")
                    continue
                ukur_halaman(b, hal, salinan, folder, ulang, cat)
            b.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"  {beban()}", flush=True)
    return ringkas(cat)


# -- periksa alat ukur ------------------------------------------------------------------------------
def periksa() -> None:
    """Halaman yang sengaja lambat (bench/lantai/lambat.py): definisi "tergambar" harus menunggu grafik terakhir,
    rerun otomatis sesudah skrip sempat selesai, gambar berat yang masih digambar sesudah skrip selesai, dan rerun
    yang lambat. Dibandingkan dengan cara lama (grafik pertama terlihat) dan dengan "skrip selesai pertama kali".
    Setiap mode dibuka dua kali di profil yang sama (kedua: bagian Plotly sudah di cache peramban)."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="ukur-periksa-"))
    s = mulai_server(ROOT / "bench" / "tidak-ada.duckdb", folder / "periksa.log", skrip=PERIKSA)
    gagal = 0

    def lapor(judul, h, ok, syarat):
        nonlocal gagal
        gagal += not ok
        print(f"  {judul:28s} grafik pertama {h['pertama'] or -1:6.0f} ms | skrip selesai pertama kali "
              f"{h['selesai'] or -1:6.0f} ms | tergambar {h['ms']:6.0f} ms | {h['grafik']} grafik | "
              f"[{'ok' if ok else 'GAGAL'}: {syarat}]", flush=True)

    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for mode in ("dua", "ulang", "berat"):
                ctx = b.new_context(viewport=VIEWPORT, locale="id-ID")
                ctx.add_init_script(PANTAU_UKUR)
                for kali in ("dingin", "hangat"):
                    t = Tab(ctx)
                    h = t.buka(f"{s.url}/?mode={mode}", mode)
                    if mode == "dua":
                        # skrip tidur 4 s di antara kedua grafik: "tergambar" tidak mungkin < 4 s
                        ok = h["ms"] >= 4000 and h["ms"] >= h["selesai"] and h["grafik"] == 2
                        lapor(f"dua grafik, {kali}", h, ok,
                              ">= 4000 ms dan >= skrip selesai, 2 grafik")
                    elif mode == "ulang":
                        lapor(f"rerun otomatis, {kali}", h, h["ms"] >= h["selesai"] + 1000 and h["grafik"] == 2,
                              ">= skrip selesai pertama + 1000 ms, 2 grafik")
                        print(f"    keadaan skrip: {h['keadaan']}")
                    else:
                        lapor(f"gambar berat, {kali}", h, h["ms"] >= h["selesai"], ">= skrip selesai")
                    if mode == "dua" and kali == "hangat":
                        h2 = t.masukan(aksi_ganti(t, Ganti("Tunda"), "1")[0], "tunda")
                        lapor("ganti Tunda=1 (rerun lambat)", h2, h2["ms"] >= 2500, ">= 1000 + 1500 ms sesudah klik")
                    t.tutup()
                ctx.close()
            b.close()
    finally:
        hentikan(s)
        shutil.rmtree(folder, ignore_errors=True)
    print("  alat ukur: " + ("semua pemeriksaan lolos" if not gagal else f"{gagal} pemeriksaan GAGAL"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="basis data nasional (disalin dulu; tidak pernah ditulis)")
    ap.add_argument("--ulang", type=int, default=5, help="putaran per halaman (median dari N); bawaan 5")
    ap.add_argument("--halaman", nargs="*",
                    help="awal judul halaman: Ringkasan Indikator Daerah Desk Kualitas Laporan Usulan")
    ap.add_argument("--periksa", action="store_true", help="periksa alat ukur dengan halaman yang sengaja lambat")
    a = ap.parse_args()
    if a.periksa:
        periksa()
        return
    if not a.db:
        ap.error("--db wajib (mis. /tmp/ukur15/nasional.duckdb; buat dengan python -m pantau demo --skala nasional)")
    cetak(jalankan(a.db, a.ulang, a.halaman))


if __name__ == "__main__":
    main()
