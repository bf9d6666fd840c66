"""Ringkasan dukungan sub kegiatan untuk tampilan (halaman Desk Urusan dan dek rapat): angka dari
``queries/desk_dukungan_jumlah.sql`` (jumlah dan serapan dihitung di SQL), teks pendeknya di sini. Tidak menulis
apa pun (aksi tulis ada di ``pantau.desk.dukungan``)."""
from __future__ import annotations

import weakref

import pandas as pd

from pantau.aturan.format import format_angka, format_waktu, kosong, rupiah_ringkas

#: Ringkasan tanpa dukungan (indikator atau daerah yang belum punya sub kegiatan pendukung).
KOSONG = {"jumlah": 0, "daerah": 0, "pagu": None, "realisasi": None, "serapan": None, "disepakati": 0}


def _ringkas_baris(r: dict) -> dict:
    return {"jumlah": int(r["jumlah"]), "daerah": int(r["jumlah_daerah"]),
            "pagu": None if kosong(r["pagu"]) else float(r["pagu"]),
            "realisasi": None if kosong(r["realisasi_anggaran"]) else float(r["realisasi_anggaran"]),
            "serapan": None if kosong(r["serapan"]) else float(r["serapan"]), "disepakati": int(r["disepakati"])}


#: Indeks (induk_id, daerah_kode atau None) -> ringkasan, satu per DataFrame ``desk_dukungan_jumlah`` yang hidup:
#: Desk satu provinsi besar meminta ratusan ringkasan dari DataFrame yang sama (menyaring DataFrame setiap kali
#: memakan ~2 ms per panggilan). Entri hilang bersama DataFrame-nya (weakref.finalize).
_INDEKS: dict[int, dict] = {}


def _indeks(jumlah_df: pd.DataFrame) -> dict:
    kunci = id(jumlah_df)
    indeks = _INDEKS.get(kunci)
    if indeks is None:
        indeks = {}
        for r in jumlah_df.to_dict("records"):
            daerah = None if kosong(r["daerah_kode"]) else r["daerah_kode"]
            indeks.setdefault((r["induk_id"], daerah), _ringkas_baris(r))
        _INDEKS[kunci] = indeks
        weakref.finalize(jumlah_df, _INDEKS.pop, kunci, None)
    return indeks


def jumlah(jumlah_df: pd.DataFrame | None, induk_id, daerah_kode: str | None = None) -> dict:
    """Ringkasan dukungan satu indikator (``daerah_kode=None``: semua daerahnya) dari baris
    ``queries/desk_dukungan_jumlah.sql``: jumlah sub kegiatan, daerah, pagu, realisasi, serapan dan yang disepakati.
    Jumlah dan serapan dihitung di SQL (makro ``serapan``), tidak di sini."""
    if jumlah_df is None or jumlah_df.empty:
        return dict(KOSONG)
    r = _indeks(jumlah_df).get((induk_id, daerah_kode))
    return dict(KOSONG) if r is None else dict(r)


def per_daerah(jumlah_df: pd.DataFrame, induk_id, rincian: pd.DataFrame) -> pd.DataFrame:
    """Satu baris per daerah yang punya dukungan (urutan rincian: provinsi dulu): daerah_kode, daerah, jenis, jumlah,
    disepakati, pagu, realisasi, serapan."""
    nama = rincian.drop_duplicates("daerah_kode")[["daerah_kode", "daerah", "jenis"]]
    baris = [{"daerah_kode": k, "daerah": n, "jenis": j, **{a: b for a, b in jumlah(jumlah_df, induk_id, k).items()
                                                            if a != "daerah"}}
             for k, n, j in zip(nama["daerah_kode"], nama["daerah"], nama["jenis"])]
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
