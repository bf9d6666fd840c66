"""Laporan evaluasi Permendagri 86/2017: Evaluasi terhadap Hasil RKPD dan Evaluasi terhadap Hasil RPJMD.

Satu model tabel (``Tabel``) diisi dari kueri ``queries/laporan_*.sql`` dan digambar oleh dua penyaji:
``pantau.keluaran.laporan.excel`` (buku kerja berformat) dan ``pantau.keluaran.laporan.pdf`` (PDF tanpa unduhan saat
berjalan). Tidak ada rumus capaian di sini: semua angka datang dari view aturan.

    from pantau.keluaran.laporan import susun_rkpd
    tabel = susun_rkpd(con, daerah="65", periode_id=1, tahun=2024)
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pantau.aturan.format import RUMUS_NEGATIF, format_angka, format_ringkas, kosong, nilai_target
from pantau.db.kueri import Tanya, penanya

ROMAWI = ["I", "II", "III", "IV"]


@dataclass(frozen=True)
class Kolom:
    label: str
    grup: str | None = None   # judul atas yang digabung untuk kolom berurutan dengan grup sama
    lebar: float = 10         # lebar relatif (karakter Excel)
    jenis: str = "angka"      # 'teks', 'angka', 'persen', 'rupiah'


@dataclass
class Tabel:
    judul: list[str]
    kolom: list[Kolom]
    #: ('urusan', [label]) untuk baris kelompok, ('data', [nilai per kolom]) untuk baris indikator
    baris: list[tuple[str, list]] = field(default_factory=list)
    kaki: list[tuple[str, str]] = field(default_factory=list)
    nama_berkas: str = "laporan"
    kertas: str = "A4"


def blok_kepala(kolom: list[Kolom]) -> list[tuple[int, int, str | None]]:
    """Blok judul kolom untuk kedua penyaji: (kolom awal, kolom akhir, grup). Kolom berurutan dengan grup
    sama menjadi satu blok (digabung mendatar di baris judul atas); kolom tanpa grup adalah blok sendiri
    dengan grup None (digabung menurun bila tabel punya grup)."""
    blok, j = [], 0
    while j < len(kolom):
        akhir = j
        while kolom[j].grup and akhir + 1 < len(kolom) and kolom[akhir + 1].grup == kolom[j].grup:
            akhir += 1
        blok.append((j, akhir, kolom[j].grup))
        j = akhir + 1
    return blok


def _sel(nilai=None, t_min=None, t_max=None, teks=None):
    """Nilai sel: angka tetap angka; pita dan teks sebagai teks; kosong sebagai None."""
    if not kosong(teks):
        return str(teks)
    if not kosong(t_min):
        return float(t_min) if t_min == t_max else nilai_target(None, t_min, t_max)
    return None if kosong(nilai) else float(nilai)


def _angka(x):
    return None if kosong(x) else float(x)


def _info_daerah(tanya: Tanya, daerah: str, periode_id: int) -> tuple[str, int, int]:
    r = tanya("laporan_kepala", daerah=daerah, periode_id=periode_id).iloc[0]
    nama = f"Provinsi {r['nama']}" if r["jenis"] == "provinsi" else r["nama"]
    return nama, int(r["tahun_awal"]), int(r["tahun_akhir"])


def _kelompok(df: pd.DataFrame, isi) -> list[tuple[str, list]]:
    baris, no = [], 0
    for (kode, nama), bagian in df.groupby(["urusan_kode", "urusan"], dropna=False, sort=False):
        label = nama if kosong(kode) else f"{kode} {nama}"
        baris.append(("urusan", [label]))
        for r in bagian.itertuples(index=False):
            no += 1
            baris.append(("data", [str(no), *isi(r)]))
    return baris


def catatan_desk(tanya: Tanya, *, daerah: str, tahun: int) -> dict[str, str]:
    """Faktor pendorong, penghambat dan tindak lanjut dari catatan desk urusan (versi terbaru per urusan),
    digabung per urusan: "1.02 Kesehatan: ...; 1.01 Pendidikan: ..."."""
    df = tanya("laporan_catatan", daerah=daerah, tahun=tahun)
    hasil = {}
    for kolom in ("pendorong", "penghambat", "tindak_lanjut"):
        bagian = [f"{r.urusan_kode} {r.urusan}: {getattr(r, kolom).strip()}" for r in df.itertuples(index=False)
                  if isinstance(getattr(r, kolom), str) and getattr(r, kolom).strip()]
        hasil[kolom] = "; ".join(bagian)
    return hasil


def susun_rkpd(sumber, *, daerah: str, periode_id: int, tahun: int,
               catatan: dict[str, str] | None = None) -> Tabel:
    """Tabel Evaluasi terhadap Hasil RKPD tahun ``tahun``: kinerja (K) dan anggaran (Rp) sub kegiatan yang
    mendukung setiap indikator (tabel ``dukungan``)."""
    tanya = penanya(sumber)
    nama, awal, akhir = _info_daerah(tanya, daerah, periode_id)
    df = tanya("laporan_rkpd", daerah=daerah, periode_id=periode_id, tahun=tahun)
    rp = {r.indikator_id: r for r in tanya("laporan_anggaran", daerah=daerah, periode_id=periode_id,
                                              tahun=tahun).itertuples(index=False)}
    grup_rp = f"Anggaran sub kegiatan pendukung {tahun} (Rp)"
    rata = tanya("rata_capaian_daerah", daerah=daerah, periode_id=periode_id, tahun=tahun).iloc[0]
    # Tahun yang belum lengkap disebut di judul kolomnya: realisasi s.d. triwulan terakhir, bukan setahun.
    k = None if kosong(rata["triwulan_data"]) else int(rata["triwulan_data"])
    sd = f" s.d. TW {ROMAWI[k - 1]}" if k is not None and k < 4 else ""
    kolom = [
        Kolom("No", lebar=5, jenis="teks"),
        Kolom("Urusan / Indikator kinerja", lebar=44, jenis="teks"),
        Kolom("Kode", lebar=9, jenis="teks"),
        Kolom("Satuan", lebar=11, jenis="teks"),
        Kolom(f"Target RPJMD akhir periode ({akhir})"),
        Kolom(f"Realisasi RPJMD s.d. {tahun - 1}"),
        Kolom(f"Target RKPD {tahun}"),
        *[Kolom(r, grup=f"Realisasi kinerja triwulan tahun {tahun}", lebar=9) for r in ROMAWI],
        Kolom(f"Realisasi {tahun}{sd}"),
        Kolom(f"Tingkat capaian {tahun}{sd} terhadap target {tahun} (%)" if sd else f"Tingkat capaian {tahun} (%)",
              jenis="persen"),
        Kolom(f"Realisasi RPJMD s.d. {tahun}{sd}"),
        Kolom(f"Tingkat capaian RPJMD s.d. {tahun} (%)", jenis="persen"),
        Kolom("Pagu", grup=grup_rp, lebar=15, jenis="rupiah"),
        *[Kolom(f"Realisasi TW {r}", grup=grup_rp, lebar=14, jenis="rupiah") for r in ROMAWI],
        Kolom("Realisasi", grup=grup_rp, lebar=15, jenis="rupiah"),
        Kolom("Serapan (%)", grup=grup_rp, lebar=9, jenis="persen"),
        Kolom(f"Realisasi anggaran RPJMD s.d. {tahun} (Rp)", lebar=15, jenis="rupiah"),
        Kolom(f"Predikat {tahun}", lebar=13, jenis="teks"),
        Kolom("Perangkat daerah penanggung jawab", lebar=26, jenis="teks"),
    ]

    def anggaran(indikator_id):
        a = rp.get(indikator_id)
        if a is None:
            return [None] * 8
        return [_angka(a.pagu), _angka(a.rp_tw1), _angka(a.rp_tw2), _angka(a.rp_tw3), _angka(a.rp_tw4),
                _angka(a.realisasi_anggaran), _angka(a.serapan), _angka(a.realisasi_anggaran_sd)]

    def isi(r):
        return [
            r.nama, r.indikator_kode, r.satuan,
            _sel(r.target_akhir, r.target_akhir_min, r.target_akhir_max, r.target_akhir_teks),
            _sel(r.realisasi_rpjmd_lalu, teks=r.realisasi_rpjmd_lalu_teks),
            _sel(r.target, r.target_min, r.target_max, r.target_teks),
            _angka(r.tw1), _angka(r.tw2), _angka(r.tw3), _angka(r.tw4),
            _sel(r.realisasi, teks=r.realisasi_teks),
            _angka(r.capaian),
            _sel(r.realisasi_rpjmd, teks=r.realisasi_rpjmd_teks),
            _angka(r.capaian_rpjmd),
            *anggaran(r.indikator_id),
            r.predikat if isinstance(r.predikat, str) else None,
            r.perangkat_daerah if isinstance(r.perangkat_daerah, str) else None,
        ]

    rumus = tanya("versi_data").iloc[0]["rumus_negatif"]
    catatan = catatan if catatan is not None else catatan_desk(tanya, daerah=daerah, tahun=tahun)
    rata_teks = "–" if kosong(rata["rata_capaian"]) else format_angka(rata["rata_capaian"], 2)
    if sd and not kosong(rata["rata_capaian_setahun"]):
        # sama dengan angka di dasbor (target sebanding), dengan angka terhadap target setahun sebagai pembanding
        rata_teks += (f"{sd}, indikator kumulatif dibanding {k}/4 target setahun (seperti di dasbor); terhadap "
                      f"target setahun: {format_angka(rata['rata_capaian_setahun'], 2)}")
    kaki = [
        ("Rata-rata capaian kinerja (%)", rata_teks),
        ("Predikat kinerja", rata["predikat"] if isinstance(rata["predikat"], str) else "–"),
        ("Indikator berdata",
         f"{int(rata['jumlah_berdata'])} dari {int(rata['jumlah_indikator'])} indikator kuantitatif"),
        ("Serapan anggaran sub kegiatan pendukung", _teks_serapan(tanya, daerah, tahun)),
        ("Faktor pendorong keberhasilan pencapaian", catatan.get("pendorong") or "–"),
        ("Faktor penghambat pencapaian kinerja", catatan.get("penghambat") or "–"),
        ("Tindak lanjut yang diperlukan", catatan.get("tindak_lanjut") or "–"),
        ("Keterangan", f"Capaian indikator negatif dihitung dengan {RUMUS_NEGATIF.get(rumus, rumus)}; "
                       "rata-rata membatasi tiap capaian pada 100%. Sumber: Pantau."),
    ]
    return Tabel(
        judul=[f"EVALUASI TERHADAP HASIL RKPD {nama.upper()} TAHUN {tahun}",
               f"Periode RPJMD {awal}–{akhir} · Permendagri 86/2017"],
        kolom=kolom, baris=_kelompok(df, isi), kaki=kaki,
        nama_berkas=f"evaluasi-rkpd-{daerah}-{tahun}", kertas="A3",
    )


def _teks_serapan(tanya: Tanya, daerah: str, tahun: int) -> str:
    """Jumlah realisasi / pagu semua sub kegiatan daerah itu pada tahun itu (setiap sub kegiatan dihitung sekali):
    kueri yang sama dengan ringkasan Kinerja vs anggaran di halaman, sehingga angkanya sama."""
    r = tanya("ringkasan_dukungan", daerah=daerah, tahun=tahun).iloc[0]
    if kosong(r["pagu"]) or not r["pagu"]:
        return "belum ada data dukungan sub kegiatan untuk tahun ini"
    real = 0 if kosong(r["realisasi_anggaran"]) else r["realisasi_anggaran"]
    return (f"Rp {format_angka(real, 0)} dari pagu Rp {format_angka(r['pagu'], 0)} "
            f"({format_angka(r['serapan'], 2) if not kosong(r['serapan']) else '–'}%), "
            f"{int(r['jumlah_sub_kegiatan'])} sub kegiatan; setiap sub kegiatan dihitung sekali")


def _data_sd(r) -> str | None:
    """Sampai kapan realisasi periode dihitung: '2025', atau 'TW III 2026' bila tahun terakhirnya belum lengkap
    (capaian akhir periode tahun berjalan tidak dibaca sebagai setahun penuh)."""
    if kosong(r.tahun_terakhir):
        return None
    sd = r.realisasi_terakhir_sd
    if isinstance(sd, str) and sd.startswith("TW") and sd != "TW4":
        return f"TW {ROMAWI[int(sd[2]) - 1]} {int(r.tahun_terakhir)}"
    return str(int(r.tahun_terakhir))


def susun_rpjmd(sumber, *, daerah: str, periode_id: int) -> Tabel:
    """Tabel Evaluasi terhadap Hasil RPJMD: kondisi awal, target akhir, target/realisasi/capaian tiap tahun
    periode (tahun tidak pernah ditulis mati), capaian akhir periode (s.d. tahun terakhir berdata)."""
    tanya = penanya(sumber)
    nama, awal, akhir = _info_daerah(tanya, daerah, periode_id)
    ind = tanya("laporan_rpjmd_indikator", daerah=daerah, periode_id=periode_id)
    th = tanya("laporan_rpjmd_tahunan", daerah=daerah, periode_id=periode_id)
    per_tahun = {(r.indikator_id, r.tahun): r for r in th.itertuples(index=False)}
    tahun = list(range(awal, akhir + 1))
    kolom = [
        Kolom("No", lebar=5, jenis="teks"),
        Kolom("Urusan / Indikator kinerja", lebar=40, jenis="teks"),
        Kolom("Kode", lebar=9, jenis="teks"),
        Kolom("Satuan", lebar=10, jenis="teks"),
        Kolom("Kondisi awal"),
        Kolom(f"Target akhir ({akhir})"),
    ]
    for t in tahun:
        kolom += [Kolom("Target", grup=str(t), lebar=9), Kolom("Realisasi", grup=str(t), lebar=9),
                  Kolom("Capaian (%)", grup=str(t), lebar=9, jenis="persen")]
    kolom += [Kolom("Realisasi s.d. tahun terakhir"), Kolom("Data s.d.", lebar=11, jenis="teks"),
              Kolom("Capaian akhir periode (%)", jenis="persen"),
              Kolom("Predikat", lebar=13, jenis="teks"), Kolom("Perangkat daerah", lebar=24, jenis="teks")]

    def isi(r):
        sel = [r.nama, r.indikator_kode, r.satuan,
               _sel(r.kondisi_awal, teks=r.kondisi_awal_teks if r.polaritas == "teks" else None),
               _sel(r.target_akhir, r.target_akhir_min, r.target_akhir_max, r.target_akhir_teks)]
        for t in tahun:
            x = per_tahun.get((r.indikator_id, t))
            if x is None:
                sel += [None, None, None]
            else:
                sel += [_sel(x.target, x.target_min, x.target_max, x.target_teks),
                        _sel(x.realisasi, teks=x.realisasi_teks), _angka(x.capaian)]
        sel += [_sel(r.realisasi_periode, teks=r.realisasi_terakhir_teks), _data_sd(r),
                _angka(r.capaian_periode),
                r.predikat_periode if isinstance(r.predikat_periode, str) else None,
                r.perangkat_daerah if isinstance(r.perangkat_daerah, str) else None]
        return sel

    return Tabel(
        judul=[f"EVALUASI TERHADAP HASIL RPJMD {nama.upper()} PERIODE {awal}–{akhir}",
               "Permendagri 86/2017 · capaian akhir periode dihitung s.d. tahun terakhir yang berdata"],
        kolom=kolom, baris=_kelompok(ind, isi), kaki=[],
        nama_berkas=f"evaluasi-rpjmd-{daerah}-{awal}-{akhir}", kertas="A3",
    )


def teks_sel(nilai, jenis: str) -> str:
    """Nilai sel sebagai teks Indonesia (PDF dan pratinjau): persen dua desimal, angka secukupnya, kosong '–'."""
    if nilai is None:
        return "–"
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        if jenis == "rupiah":
            return format_angka(nilai, 0)
        return format_angka(nilai, 2) if jenis == "persen" else format_ringkas(nilai)
    return str(nilai)


def sebagai_dataframe(tabel: Tabel) -> pd.DataFrame:
    """Baris indikator sebagai teks untuk pratinjau di layar (kolom bergrup diberi awalan grup). Sel berisi
    angka dan pita/teks sekaligus, jadi semuanya ditampilkan sebagai teks berformat Indonesia."""
    nama = [f"{k.grup} · {k.label}" if k.grup else k.label for k in tabel.kolom]
    urusan, baris = None, []
    for jenis, isi in tabel.baris:
        if jenis == "urusan":
            urusan = isi[0]
        else:
            baris.append([urusan, *(teks_sel(v, k.jenis) for v, k in zip(isi, tabel.kolom))])
    return pd.DataFrame(baris, columns=["Urusan", *nama])
