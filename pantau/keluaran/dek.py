"""Dek rapat desk urusan: PowerPoint (python-pptx) dan PDF (reportlab) dari rencana slide yang sama.

Fungsi murni: DataFrame ``queries/desk_indikator.sql``, ``desk_keselarasan.sql``, ``desk_catatan.sql`` (dan
``desk_dukungan.sql``) masuk, ``bytes`` keluar. Terbaca dari belakang ruang rapat (keputusan #22): semua teks >= 18 pt
(judul 28 pt, sampul 40 pt), grafik digambar seukuran tempatnya di slide (96 px per inci, huruf 24 px = 18 pt,
lewat ``pantau.keluaran.ekspor.png_bytes``; tidak ada unduhan saat berjalan), dan tidak ada yang dipotong: tabel dan
daftar yang panjang berlanjut ke slide berikutnya ("halaman 2/3"), dengan kepala tabel diulang.

Susunan: sampul (judul di tengah); per indikator: grafik (daerah yang tidak muat dipecah ke slide berikutnya,
provinsi diulang di atas sebagai acuan, sumbu x sama), tabel angka dengan kalimat keselarasan target, dan bila
``dukungan`` diberikan tabel semua
sub kegiatan pendukungnya (provinsi dulu, lalu pagu terbesar); lalu catatan sesi dan daftar semua sub kegiatan
yang disepakati (dengan siapa yang menyepakati).
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pantau import desk
from pantau.aturan.format import format_angka, format_waktu, kosong, nilai_realisasi, nilai_target, rupiah_ringkas
from pantau.aturan.usulan import label_keputusan, label_status
from pantau.desk import ringkas as dr
from pantau.desk.bahan import BahanRapat
from pantau.keluaran import ekspor
from pantau.keluaran import grafik as g

#: Slide 16:9 (inci) dan bidang isi: tepi 0,5 inci kiri-kanan, jadi setiap kotak selebar bidang ini berada di tengah.
LEBAR_SLIDE, TINGGI_SLIDE = 13.333, 7.5
X0 = 0.5
LEBAR_ISI = LEBAR_SLIDE - 2 * X0
Y_JUDUL, BATAS_BAWAH = 0.3, 7.2
#: Ukuran huruf (pt): isi >= 18 agar terbaca dari belakang ruang rapat, judul lebih besar.
UKURAN_ISI, UKURAN_JUDUL, UKURAN_SAMPUL, UKURAN_SAMPUL_SUB = 18, 28, 40, 24
JARAK_BARIS = 1.2  # tinggi baris = 1,2 x ukuran huruf
#: Grafik: px CSS per inci tempatnya di slide (huruf 24 px = 18 pt), digambar 2x lebih rapat agar tajam.
DPI_GRAFIK, SKALA_GRAFIK, HURUF_GRAFIK_PX = 96, 2, 24
#: Jarak baris grafik paling sedikit (px) untuk huruf 24 px (1,33 x tinggi huruf) dan tinggi sumbu x; daerah yang
#: tidak muat dipecah ke slide berikutnya (Kalimantan Tengah, 15 baris, muat satu slide juga di bawah judul dua
#: baris; Jawa Timur, 39 baris, tiga slide).
PX_PER_BARIS_GRAFIK, PX_SUMBU_GRAFIK = 32, 40
#: Tabel: bantalan sel (inci).
PAD_ATAS, PAD_SAMPING = 0.05, 0.08
#: Kolom tabel angka (inci): Daerah, Target, Realisasi, Capaian, Predikat.
KOLOM_TABEL = (3.0, 1.9, 1.9, 1.7, 3.833)
JUDUL_TABEL = ["Daerah", "Target", "Realisasi", "Capaian", "Predikat"]
#: Kolom tabel dukungan (inci): Daerah · perangkat daerah, Sub kegiatan, Pagu, Realisasi · serapan, Disepakati.
KOLOM_DUKUNGAN = (2.9, 4.663, 1.45, 1.62, 1.7)
JUDUL_DUKUNGAN = ["Daerah · perangkat daerah", "Sub kegiatan", "Pagu", "Realisasi · serapan", "Disepakati"]
WARNA_TEKS, WARNA_SUB, WARNA_KEPALA_TABEL, WARNA_GARIS = "1A1A1A", "404040", "DDEBF7", "8C8C8C"

# -- ukuran teks: diukur dengan DejaVu Sans (huruf PDF; lebih lebar dari Calibri PowerPoint, jadi aman untuk keduanya)

_HURUF_PDF = {}


def _huruf_pdf() -> tuple[str, str]:
    """(biasa, tebal) untuk reportlab: DejaVu Sans sistem (memuat ◆ ▲ ▼ ● ✓), cadangan Helvetica."""
    if not _HURUF_PDF:
        folder = Path("/usr/share/fonts/truetype/dejavu")
        if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
            if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVu", str(folder / "DejaVuSans.ttf")))
                pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(folder / "DejaVuSans-Bold.ttf")))
            _HURUF_PDF["n"] = ("DejaVu", "DejaVu-Bold")
        else:
            _HURUF_PDF["n"] = ("Helvetica", "Helvetica-Bold")
    return _HURUF_PDF["n"]


def lebar_teks(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Lebar teks dalam inci."""
    biasa, tb = _huruf_pdf()
    return pdfmetrics.stringWidth(teks, tb if tebal else biasa, ukuran) / 72


def bungkus(teks: str, lebar: float, ukuran: float = UKURAN_ISI, tebal: bool = False,
            indentasi: str = "") -> list[str]:
    """Pecah teks menjadi baris selebar paling banyak ``lebar`` inci (kata terlalu panjang dipecah); tidak ada
    yang dibuang. Baris lanjutan sebuah paragraf diawali ``indentasi``."""
    def muat(x: str) -> bool:
        return lebar_teks(x, ukuran, tebal) <= lebar

    hasil: list[str] = []
    for paragraf in str(teks).split("\n"):
        kini = ""  # baris yang sedang diisi (baris lanjutan sudah berisi indentasi)
        for kata in paragraf.split():
            coba = kini + (" " if kini.strip() else "") + kata
            if muat(coba):
                kini = coba
                continue
            if kini.strip():
                hasil.append(kini)
                kini = indentasi
                coba = kini + kata
            while not muat(coba) and len(coba) > len(kini) + 1:  # kata lebih panjang dari satu baris
                n = len(coba) - 1
                while n > len(kini) + 1 and not muat(coba[:n]):
                    n -= 1
                hasil.append(coba[:n])
                kini = indentasi
                coba = kini + coba[n:]
            kini = coba
        hasil.append(kini)
    return hasil


def tinggi_baris(ukuran: float = UKURAN_ISI) -> float:
    return ukuran * JARAK_BARIS / 72


# -- rencana slide --------------------------------------------------------------------------------------------

@dataclass
class Tabel:
    kepala: list[str]
    baris: list[list[str]]  # sel sudah dibungkus (baris dipisah "\n")
    kolom: tuple[float, ...]
    kanan: tuple[int, ...] = ()  # kolom rata kanan

    def tinggi_baris(self, i: int) -> float:
        sel = self.kepala if i < 0 else self.baris[i]
        return max(x.count("\n") + 1 for x in sel) * tinggi_baris() + 2 * PAD_ATAS


@dataclass
class Slide:
    judul: list[str]  # baris judul (sudah dibungkus)
    subjudul: list[str] = field(default_factory=list)
    gambar: bytes | None = None
    tinggi_gambar: float = 0.0
    tabel: Tabel | None = None
    baris: list[tuple[str, bool]] = field(default_factory=list)  # (teks, tebal)
    kaki: list[str] = field(default_factory=list)
    sampul: bool = False

    @property
    def y_isi(self) -> float:
        return Y_JUDUL + len(self.judul) * tinggi_baris(UKURAN_JUDUL) + len(self.subjudul) * tinggi_baris() + 0.15

    @property
    def y_kaki(self) -> float:
        return BATAS_BAWAH - len(self.kaki) * tinggi_baris()


def _indikator(indikator: pd.DataFrame):
    for induk_id in dict.fromkeys(indikator["induk_id"]):
        d = indikator[indikator["induk_id"] == induk_id]
        yield induk_id, d, d.iloc[0]


def _judul(r) -> str:
    return f"{r['induk_kode']} · {r['induk_nama']}"


def _sel(teks: str, lebar: float, tebal: bool = False) -> str:
    return "\n".join(bungkus(teks, lebar - 2 * PAD_SAMPING, tebal=tebal))


def _tabel(kepala: list[str], rows: list[list[str]], kolom: tuple[float, ...], kanan: tuple[int, ...] = ()) -> Tabel:
    return Tabel([_sel(k, w, True) for k, w in zip(kepala, kolom)],
                 [[_sel(v, w) for v, w in zip(r, kolom)] for r in rows], kolom, kanan)


def _baris_tabel(d: pd.DataFrame) -> list[list[str]]:
    rows = []
    for x in d.itertuples():
        rows.append([
            ("◆ " if x.jenis == "provinsi" else "") + x.daerah,
            nilai_target(x.target, x.target_min, x.target_max, x.target_teks),
            nilai_realisasi(x.realisasi, x.realisasi_teks),
            "–" if kosong(x.capaian) else f"{format_angka(x.capaian, 2)}%",
            f"{x.simbol} {x.predikat}" if isinstance(x.predikat, str) else "belum ada data",
        ])
    return rows


def _baris_dukungan(d: pd.DataFrame) -> list[list[str]]:
    """Semua sub kegiatan pendukung satu indikator: provinsi dulu, lalu pagu terbesar (tidak ada yang diringkas)."""
    urut = d.assign(_kab=d["jenis"] != "provinsi", _pagu=-d["pagu"].fillna(0)).sort_values(
        ["_kab", "_pagu", "daerah_kode", "sub_kegiatan_kode"])
    rows = []
    for x in urut.itertuples():
        oleh = x.disepakati_oleh if isinstance(x.disepakati_oleh, str) and x.disepakati_oleh else ""
        rows.append([
            f"{'◆ ' if x.jenis == 'provinsi' else ''}{x.daerah}\n{x.perangkat_daerah or '–'}",
            f"{x.sub_kegiatan_kode} {x.sub_kegiatan_nama or ''}".strip(),
            rupiah_ringkas(x.pagu),
            f"{rupiah_ringkas(x.realisasi_anggaran)}\n{dr.teks_serapan(x.serapan)}",
            (f"✓ {oleh}".strip() if bool(x.disepakati) else "belum"),
        ])
    return rows


def _kalimat_dukungan(bahan: BahanRapat, induk_id) -> str:
    return f"Dukungan {bahan.tahun}: {dr.kalimat_ringkas(dr.jumlah(bahan.dukungan_jumlah, induk_id), bahan.tahun)}"


def _kalimat(keselarasan: pd.DataFrame, induk_id) -> str:
    k = keselarasan[keselarasan["induk_id"] == induk_id]
    if k.empty:
        return ""
    status, kalimat = desk.kalimat_keselarasan(k)
    return (f"{status.capitalize()}. " if status else "") + kalimat


def _catatan_baris(catatan: pd.DataFrame) -> list[tuple[str, list[tuple[str, str]], str]]:
    out = []
    for c in catatan.itertuples():
        isi = [(desk.LABEL[k], getattr(c, k) or "–") for k in desk.KOLOM]
        out.append((c.daerah if c.jenis != "provinsi" else f"Provinsi {c.daerah}", isi,
                    f"versi {c.versi} · {c.oleh} · {format_waktu(c.pada)}"))
    return out


def _bagi_rata(ukuran: list[float], muat: float) -> list[list[int]]:
    """Bagi butir berurutan (tinggi ``ukuran``) ke halaman setinggi ``muat``: sesedikit mungkin halaman, isinya
    serata mungkin (bukan 14 + 1). Butir yang lebih tinggi dari satu halaman tetap mendapat halamannya sendiri."""
    def isi_rakus(batas_butir: int) -> list[list[int]]:
        halaman, kini, tinggi = [], [], 0.0
        for i, u in enumerate(ukuran):
            if kini and (tinggi + u > muat + 1e-9 or len(kini) >= batas_butir):
                halaman.append(kini)
                kini, tinggi = [], 0.0
            kini.append(i)
            tinggi += u
        if kini:
            halaman.append(kini)
        return halaman

    rakus = isi_rakus(len(ukuran) + 1)
    rata = isi_rakus(math.ceil(len(ukuran) / max(len(rakus), 1)))
    return rata if len(rata) <= len(rakus) else rakus


def _lanjutan(sub: str, i: int, n: int) -> str:
    return sub + (f" · halaman {i}/{n}" if n > 1 else "")


def _slide_tabel(judul: list[str], sub: str, tabel: Tabel, kaki: list[str] | None = None) -> list[Slide]:
    """Slide tabel dengan kepala diulang; berlanjut ke slide berikutnya bila tidak muat."""
    contoh = Slide(judul=judul, subjudul=bungkus(_lanjutan(sub, 9, 9), LEBAR_ISI), kaki=kaki or [])
    muat = contoh.y_kaki - 0.1 - contoh.y_isi - tabel.tinggi_baris(-1)
    halaman = _bagi_rata([tabel.tinggi_baris(i) for i in range(len(tabel.baris))], muat)
    out = []
    for i, idx in enumerate(halaman, start=1):
        out.append(Slide(judul=judul, subjudul=bungkus(_lanjutan(sub, i, len(halaman)), LEBAR_ISI),
                         tabel=Tabel(tabel.kepala, [tabel.baris[j] for j in idx], tabel.kolom, tabel.kanan),
                         kaki=(kaki or []) if i == len(halaman) else []))
    return out


def _slide_baris(judul: list[str], sub: str, butir: list[list[tuple[str, bool]]]) -> list[Slide]:
    """Slide berisi daftar; setiap butir (beberapa baris) tidak dipisah, daftar berlanjut ke slide berikutnya."""
    contoh = Slide(judul=judul, subjudul=bungkus(_lanjutan(sub, 9, 9), LEBAR_ISI))
    muat = contoh.y_kaki - contoh.y_isi
    halaman = _bagi_rata([len(b) * tinggi_baris() for b in butir], muat)
    return [Slide(judul=judul, subjudul=bungkus(_lanjutan(sub, i, len(halaman)), LEBAR_ISI),
                  baris=[x for j in idx for x in butir[j]]) for i, idx in enumerate(halaman, start=1)]


def _potongan_grafik(d: pd.DataFrame, maks: int) -> list[pd.DataFrame]:
    """Baris grafik per slide (paling banyak ``maks``): semuanya bila muat, selain itu provinsi (diulang di setiap
    slide sebagai acuan) + kabupaten/kota dibagi rata."""
    if len(d) <= maks:
        return [d]
    prov, kab = d[d["jenis"] == "provinsi"], d[d["jenis"] != "provinsi"]
    n = math.ceil(len(kab) / max(1, maks - len(prov)))
    ukuran = math.ceil(len(kab) / n)
    return [pd.concat([prov, kab.iloc[i:i + ukuran]]) for i in range(0, len(kab), ukuran)]


def _gambar(d: pd.DataFrame, r, lebar: float, tinggi: float, rentang_x) -> bytes:
    fig = g.desk_indikator(d, r["satuan"], ukuran_huruf=HURUF_GRAFIK_PX, tinggi=round(tinggi * DPI_GRAFIK),
                           rentang_x=rentang_x, legenda=False)
    fig.update_xaxes(title={"text": ""})  # satuan ada di subjudul slide; ruangnya untuk baris daerah
    return ekspor.png_bytes(fig, lebar=round(lebar * DPI_GRAFIK), tinggi=round(tinggi * DPI_GRAFIK),
                            skala=SKALA_GRAFIK)


def _ruang_grafik(judul: list[str], sub: str) -> tuple[float, int]:
    """(tinggi gambar dalam inci, baris daerah yang muat) di bawah judul dan subjudul ini."""
    contoh = Slide(judul=judul, subjudul=bungkus(sub, LEBAR_ISI))
    t = contoh.y_kaki - 0.1 - contoh.y_isi
    return t, int((t * DPI_GRAFIK - PX_SUMBU_GRAFIK) // PX_PER_BARIS_GRAFIK)


def rencana(bahan: BahanRapat) -> list[Slide]:
    """Daftar slide dek (sama untuk PowerPoint dan PDF)."""
    urusan, provinsi, tahun = bahan.urusan, bahan.provinsi, bahan.tahun
    indikator, keselarasan, catatan, dukungan = bahan.indikator, bahan.keselarasan, bahan.catatan, bahan.dukungan
    slides = [Slide(judul=bungkus(f"Desk urusan {urusan}", LEBAR_ISI, UKURAN_SAMPUL, True), sampul=True,
                    subjudul=[x for t in (f"{provinsi} dan kabupaten/kota · Rakortekrenbang {tahun}",
                                          f"Capaian dan keselarasan target {tahun}",
                                          f"dibuat {format_waktu(datetime.now())}")
                              for x in bungkus(t, LEBAR_ISI, UKURAN_SAMPUL_SUB)])]
    for induk_id, d, r in _indikator(indikator):
        judul = bungkus(_judul(r), LEBAR_ISI, UKURAN_JUDUL, True)
        kaki = bungkus(_kalimat(keselarasan, induk_id), LEBAR_ISI)
        dapat_digambar = r["polaritas"] != "teks" and not (
            d["realisasi"].isna().all() and d["target"].isna().all() and d["target_min"].isna().all())
        sub = f"{r['satuan']} · {tahun} · ◆ = provinsi · garis = target · label: realisasi, capaian"
        tinggi_gambar, maks = _ruang_grafik(judul, sub)
        if len(d) > maks:  # dipecah: subjudul mendapat "halaman i/n" dan mungkin satu baris lagi
            tinggi_gambar, maks = _ruang_grafik(judul, _lanjutan(sub, 9, 9))
        potongan = _potongan_grafik(d, maks) if dapat_digambar else []
        for i, p in enumerate(potongan, start=1):
            slides.append(Slide(judul=judul, subjudul=bungkus(_lanjutan(sub, i, len(potongan)), LEBAR_ISI),
                                tinggi_gambar=tinggi_gambar,
                                gambar=_gambar(p, r, LEBAR_ISI, tinggi_gambar, g.rentang_desk(d))))
        duk = None if dukungan is None else dukungan[dukungan["induk_id"] == induk_id]
        kaki_angka = kaki
        if duk is not None and duk.empty:
            kaki_angka = kaki_angka + bungkus(_kalimat_dukungan(bahan, induk_id), LEBAR_ISI)
        if not potongan:
            kaki_angka = bungkus("Indikator kualitatif atau belum berdata: tidak digambar.", LEBAR_ISI) + kaki_angka
        slides += _slide_tabel(judul, f"Angka {tahun} · {r['satuan']} · ◆ = provinsi",
                               _tabel(JUDUL_TABEL, _baris_tabel(d), KOLOM_TABEL, (1, 2, 3)), kaki_angka)
        if duk is not None and not duk.empty:
            slides += _slide_tabel(judul, _kalimat_dukungan(bahan, induk_id),
                                   _tabel(JUDUL_DUKUNGAN, _baris_dukungan(duk), KOLOM_DUKUNGAN, (2, 3)))

    judul = bungkus(f"Catatan sesi · {urusan} · {tahun}", LEBAR_ISI, UKURAN_JUDUL, True)
    butir = []
    for daerah, isi, siapa in _catatan_baris(catatan):
        b = [(x, True) for x in bungkus(f"{daerah} ({siapa})", LEBAR_ISI, tebal=True)]
        for k, v in isi:
            b += [(x, False) for x in bungkus(f"{k}: {v}", LEBAR_ISI, indentasi="    ")]
        butir.append(b)
    butir = butir or [[("Belum ada catatan yang disimpan untuk urusan dan tahun ini.", False)]]
    slides += _slide_baris(judul, f"{provinsi} dan kabupaten/kota", butir)

    if bahan.usulan is not None and not bahan.usulan.empty:  # usulan kabupaten/kota urusan ini (keputusan #20)
        u = bahan.usulan
        judul = bungkus(f"Usulan kabupaten/kota · {urusan}", LEBAR_ISI, UKURAN_JUDUL, True)
        sub = (f"{len(u)} usulan RKPD {', '.join(str(int(t)) for t in sorted(u['tahun'].unique()))} · "
               f"{int((u['status'] == 'sejalan').sum())} sejalan dengan prioritas provinsi")
        butir = [[(x, False) for x in bungkus(
            f"{x.daerah_nama} no. {int(x.nomor)} ({int(x.tahun)}) · {x.judul} · {label_status(x.status)} · "
            f"{label_keputusan(x.keputusan)}", LEBAR_ISI, indentasi="    ")] for x in u.itertuples()]
        slides += _slide_baris(judul, sub, butir)

    if dukungan is not None:
        ok = dukungan[dukungan["disepakati"].fillna(False).astype(bool)]
        judul = bungkus(f"Sub kegiatan yang disepakati ({len(ok)} dari {len(dukungan)})", LEBAR_ISI,
                        UKURAN_JUDUL, True)
        if ok.empty:
            butir = [[("Belum ada sub kegiatan yang disepakati untuk urusan dan tahun ini.", False)]]
            sub = f"{urusan} · {tahun}"
        else:
            urut = ok.assign(_kab=ok["jenis"] != "provinsi").sort_values(
                ["_kab", "daerah_kode", "induk_kode", "sub_kegiatan_kode"])
            oleh = urut["disepakati_oleh"].fillna("–").value_counts()
            sub = f"{urusan} · {tahun} · oleh " + ", ".join(f"{n} ({j})" for n, j in oleh.items())
            butir = [[(x, False) for x in bungkus(
                f"{'◆ ' if x.jenis == 'provinsi' else ''}{x.daerah} · {x.induk_kode} · {x.sub_kegiatan_kode} "
                f"{x.sub_kegiatan_nama or ''}".strip(), LEBAR_ISI, indentasi="    ")] for x in urut.itertuples()]
        slides += _slide_baris(judul, sub, butir)
    return slides


# -- PowerPoint -----------------------------------------------------------------------------------------------

def bangun_dek(bahan: BahanRapat) -> bytes:
    """PowerPoint 16:9 dari ``rencana``."""
    # python-pptx (~0,3 s saat dimuat) hanya saat dek diunduh, bukan setiap kali halaman Desk dibuka.
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(LEBAR_SLIDE), Inches(TINGGI_SLIDE)
    kosong_layout = prs.slide_layouts[6]

    def kotak(slide, baris, x, y, w, ukuran, *, tebal=False, warna=WARNA_TEKS, tengah=False, nama=None):
        """Kotak teks tanpa bantalan; satu paragraf per baris yang sudah dibungkus."""
        tb = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(len(baris) * tinggi_baris(ukuran)))
        if nama:
            tb.name = nama
        tf = tb.text_frame
        tf.word_wrap = True
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        for i, item in enumerate(baris):
            teks, tb_ = item if isinstance(item, tuple) else (item, tebal)
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.alignment = PP_ALIGN.CENTER if tengah else PP_ALIGN.LEFT
            p.line_spacing = Pt(ukuran * JARAK_BARIS)  # tepat, bukan kelipatan tinggi baris huruf
            run = p.add_run()
            run.text = teks
            run.font.size = Pt(ukuran)
            run.font.bold = tb_
            run.font.color.rgb = RGBColor.from_string(warna)
        return tb

    def tabel(slide, t: Tabel, y: float):
        tinggi = [t.tinggi_baris(-1)] + [t.tinggi_baris(i) for i in range(len(t.baris))]
        shp = slide.shapes.add_table(len(t.baris) + 1, len(t.kolom), Inches(X0), Inches(y), Inches(sum(t.kolom)),
                                     Inches(sum(tinggi)))
        tbl = shp.table
        for j, w in enumerate(t.kolom):
            tbl.columns[j].width = Inches(w)
        for i, sel_baris in enumerate([t.kepala] + t.baris):
            tbl.rows[i].height = Inches(tinggi[i])
            for j, v in enumerate(sel_baris):
                sel = tbl.cell(i, j)
                sel.margin_top = sel.margin_bottom = Inches(PAD_ATAS)
                sel.margin_left = sel.margin_right = Inches(PAD_SAMPING)
                sel.vertical_anchor = MSO_ANCHOR.MIDDLE
                tf = sel.text_frame
                for k, teks in enumerate(v.split("\n")):
                    p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                    p.alignment = PP_ALIGN.RIGHT if j in t.kanan and i > 0 else PP_ALIGN.LEFT
                    p.line_spacing = Pt(UKURAN_ISI * JARAK_BARIS)
                    run = p.add_run()
                    run.text = teks
                    run.font.size = Pt(UKURAN_ISI)
                    run.font.bold = i == 0
                    run.font.color.rgb = RGBColor.from_string(WARNA_TEKS)
                if i == 0:
                    sel.fill.solid()
                    sel.fill.fore_color.rgb = RGBColor.from_string(WARNA_KEPALA_TABEL)
                else:
                    sel.fill.solid()
                    sel.fill.fore_color.rgb = RGBColor.from_string("FFFFFF" if i % 2 else "F4F6F9")
        return shp

    for sl in rencana(bahan):
        s = prs.slides.add_slide(kosong_layout)
        if sl.sampul:
            tj = len(sl.judul) * tinggi_baris(UKURAN_SAMPUL)
            ts = len(sl.subjudul) * tinggi_baris(UKURAN_SAMPUL_SUB)
            y = (TINGGI_SLIDE - tj - 0.3 - ts) / 2
            kotak(s, sl.judul, X0, y, LEBAR_ISI, UKURAN_SAMPUL, tebal=True, tengah=True, nama="Judul")
            kotak(s, sl.subjudul, X0, y + tj + 0.3, LEBAR_ISI, UKURAN_SAMPUL_SUB, warna=WARNA_SUB, tengah=True,
                  nama="Subjudul")
            continue
        kotak(s, sl.judul, X0, Y_JUDUL, LEBAR_ISI, UKURAN_JUDUL, tebal=True, nama="Judul")
        if sl.subjudul:
            kotak(s, sl.subjudul, X0, Y_JUDUL + len(sl.judul) * tinggi_baris(UKURAN_JUDUL), LEBAR_ISI, UKURAN_ISI,
                  warna=WARNA_SUB, nama="Subjudul")
        if sl.gambar:
            s.shapes.add_picture(io.BytesIO(sl.gambar), Inches(X0), Inches(sl.y_isi), width=Inches(LEBAR_ISI),
                                 height=Inches(sl.tinggi_gambar))
        if sl.tabel:
            tabel(s, sl.tabel, sl.y_isi)
        if sl.baris:
            kotak(s, sl.baris, X0, sl.y_isi, LEBAR_ISI, UKURAN_ISI, nama="Isi")
        if sl.kaki:
            kotak(s, sl.kaki, X0, sl.y_kaki, LEBAR_ISI, UKURAN_ISI, nama="Kaki")

    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


# -- PDF ------------------------------------------------------------------------------------------------------

def bangun_pdf(bahan: BahanRapat) -> bytes:
    """PDF lanskap 16:9 dari ``rencana`` yang sama dengan dek PowerPoint (reportlab; huruf DejaVu sistem)."""
    # reportlab.platypus/pdfgen (~0,15 s saat dimuat) hanya saat PDF dek diunduh; pdfmetrics (ukuran teks) di kepala.
    from reportlab.lib import colors
    from reportlab.lib.units import inch
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    huruf, tebal = _huruf_pdf()
    W, H = LEBAR_SLIDE * inch, TINGGI_SLIDE * inch
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H))
    c.setTitle(f"Desk urusan {bahan.urusan} {bahan.tahun}")

    def tulis(baris, x, y, ukuran, *, tb=False, warna=WARNA_TEKS, tengah=False):
        """Baris-baris teks dari ``y`` (inci dari atas) ke bawah."""
        for item in baris:
            teks, tb_ = item if isinstance(item, tuple) else (item, tb)
            c.setFont(tebal if tb_ else huruf, ukuran)
            c.setFillColor(colors.HexColor("#" + warna))
            garis_dasar = H - (y * inch + ukuran * (JARAK_BARIS + 0.8) / 2)
            if tengah:
                c.drawCentredString(W / 2, garis_dasar, teks)
            else:
                c.drawString(x * inch, garis_dasar, teks)
            y += tinggi_baris(ukuran)

    for sl in rencana(bahan):
        if sl.sampul:
            tj = len(sl.judul) * tinggi_baris(UKURAN_SAMPUL)
            ts = len(sl.subjudul) * tinggi_baris(UKURAN_SAMPUL_SUB)
            y = (TINGGI_SLIDE - tj - 0.3 - ts) / 2
            tulis(sl.judul, X0, y, UKURAN_SAMPUL, tb=True, tengah=True)
            tulis(sl.subjudul, X0, y + tj + 0.3, UKURAN_SAMPUL_SUB, warna=WARNA_SUB, tengah=True)
            c.showPage()
            continue
        tulis(sl.judul, X0, Y_JUDUL, UKURAN_JUDUL, tb=True)
        tulis(sl.subjudul, X0, Y_JUDUL + len(sl.judul) * tinggi_baris(UKURAN_JUDUL), UKURAN_ISI, warna=WARNA_SUB)
        if sl.gambar:
            c.drawImage(ImageReader(io.BytesIO(sl.gambar)), X0 * inch, H - (sl.y_isi + sl.tinggi_gambar) * inch,
                        width=LEBAR_ISI * inch, height=sl.tinggi_gambar * inch)
        if sl.tabel:
            t = sl.tabel
            tinggi = [t.tinggi_baris(-1)] + [t.tinggi_baris(i) for i in range(len(t.baris))]
            tbl = Table([t.kepala] + t.baris, colWidths=[w * inch for w in t.kolom],
                        rowHeights=[h * inch for h in tinggi])
            gaya = [("FONT", (0, 0), (-1, -1), huruf, UKURAN_ISI), ("FONT", (0, 0), (-1, 0), tebal, UKURAN_ISI),
                    ("LEADING", (0, 0), (-1, -1), UKURAN_ISI * JARAK_BARIS),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), PAD_ATAS * inch),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_ATAS * inch),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD_SAMPING * inch),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD_SAMPING * inch),
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#" + WARNA_GARIS)),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + WARNA_KEPALA_TABEL)),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4F6F9")])]
            gaya += [("ALIGN", (j, 1), (j, -1), "RIGHT") for j in t.kanan]
            tbl.setStyle(TableStyle(gaya))
            _, th = tbl.wrap(sum(t.kolom) * inch, H)
            tbl.drawOn(c, X0 * inch, H - sl.y_isi * inch - th)
        if sl.baris:
            tulis(sl.baris, X0, sl.y_isi, UKURAN_ISI)
        if sl.kaki:
            tulis(sl.kaki, X0, sl.y_kaki, UKURAN_ISI)
        c.showPage()
    c.save()
    return buf.getvalue()
