"""Ringkasan dukungan sub kegiatan untuk tampilan (halaman Desk Urusan dan dek rapat), dari baris
``queries/desk_dukungan.sql``: jumlah, pagu, realisasi, serapan dan kesepakatan, serta teks pendeknya.
Tidak menulis apa pun (aksi tulis ada di ``pantau.desk.dukungan``)."""
from __future__ import annotations

import math

import pandas as pd

from pantau.aturan.format import format_angka, format_waktu, kosong, rupiah_ringkas


def ringkas(baris) -> dict:
    """Jumlah sub kegiatan, daerah, pagu, realisasi anggaran, serapan (jumlah realisasi / jumlah pagu x 100,
    seperti kinerja_anggaran) dan jumlah yang disepakati, dari baris-baris ``desk_dukungan`` (DataFrame atau
    daftar dict ``to_dict('records')``: tabel per indikator dibangun dari dict, jauh lebih cepat dari
    iterasi DataFrame)."""
    if isinstance(baris, pd.DataFrame):
        baris = baris.to_dict("records")
    pagu = [float(r["pagu"]) for r in baris if not kosong(r["pagu"])]
    real = [float(r["realisasi_anggaran"]) for r in baris if not kosong(r["realisasi_anggaran"])]
    pagu_j = math.fsum(pagu) if pagu else None
    real_j = math.fsum(real) if real else None
    serapan = round(real_j / pagu_j * 100, 2) if pagu_j and real_j is not None else None
    return {"jumlah": len(baris), "daerah": len({r["daerah_kode"] for r in baris}), "pagu": pagu_j,
            "realisasi": real_j, "serapan": serapan,
            "disepakati": sum(1 for r in baris if not kosong(r["disepakati"]) and bool(r["disepakati"]))}


def per_daerah(df):
    """Satu baris per daerah (urutan kueri: provinsi dulu): daerah_kode, daerah, jenis, jumlah, disepakati,
    pagu, realisasi, serapan."""
    baris = []
    for kode, d in df.groupby("daerah_kode", sort=False):
        r = ringkas(d)
        baris.append({"daerah_kode": kode, "daerah": d["daerah"].iloc[0], "jenis": d["jenis"].iloc[0],
                      "jumlah": r["jumlah"], "disepakati": r["disepakati"], "pagu": r["pagu"],
                      "realisasi": r["realisasi"], "serapan": r["serapan"]})
    return pd.DataFrame(baris, columns=["daerah_kode", "daerah", "jenis", "jumlah", "disepakati", "pagu",
                                        "realisasi", "serapan"])


def keterangan_sepakat(disepakati, oleh, pada) -> str:
    """'disepakati oleh demo.analis, 3 Mei 2026, 10.15' atau 'belum disepakati'."""
    if kosong(disepakati) or not bool(disepakati):
        return "belum disepakati"
    teks = "disepakati"
    if isinstance(oleh, str) and oleh:
        teks += f" oleh {oleh}"
    if not kosong(pada):
        teks += f", {format_waktu(pada)}"
    return teks


def teks_serapan(x) -> str:
    return "–" if kosong(x) else f"{format_angka(x, 1)}%"


def kalimat_ringkas(r: dict, tahun: int) -> str:
    """Dari ``ringkas``: '24 sub kegiatan di 12 daerah · pagu Rp 25,3 M · realisasi Rp 20,1 M (serapan 79,5%)
    · ✓ 20 disepakati'."""
    if not r["jumlah"]:
        return f"belum ada sub kegiatan pendukung yang tercatat untuk {tahun}."
    return (f"{r['jumlah']} sub kegiatan di {r['daerah']} daerah · pagu {rupiah_ringkas(r['pagu'])} · realisasi "
            f"{rupiah_ringkas(r['realisasi'])} (serapan {teks_serapan(r['serapan'])}) · ✓ {r['disepakati']} disepakati")


def nama_daerah(daerah: str, jenis: str) -> str:
    return f"Provinsi {daerah}" if jenis == "provinsi" else daerah


def pendek(teks, maks: int) -> str:
    """Potong teks panjang dengan '…' (untuk sel tabel dek dan label)."""
    teks = "" if teks is None or (isinstance(teks, float) and teks != teks) else str(teks)
    return teks if len(teks) <= maks else teks[: maks - 1].rstrip() + "…"
