"""Alat bantu uji: membangun kasus kecil LEWAT JALUR IMPOR (jalur yang sama dengan pengguna).

    from tests.bantuan import ind, tgt, rea, impor_kasus, isi_db

Setiap uji menulis indikator.csv / target.csv / realisasi.csv / dukungan.csv berisi tepat kasus yang ia
butuhkan, lalu mengimpornya dengan ``impor_berkas``.
"""
from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

import duckdb

from pantau.impor import HasilImpor, impor_berkas

DAERAH = "65.01"  # Kabupaten Bulungan (Kemendagri)
PERIODE = "2021-2026"
URUSAN = "1.02"  # Kesehatan

_TEMPLAT: Path | None = None


def db_baru(path: str | Path) -> Path:
    """Salin basis data kosong buatan ``siapkan`` ke ``path`` (dibuat sekali per proses uji)."""
    global _TEMPLAT
    from pantau.db import siapkan

    if _TEMPLAT is None or not _TEMPLAT.exists():
        folder = Path(tempfile.mkdtemp(prefix="pantau-templat-"))
        _TEMPLAT = folder / "kosong.duckdb"
        siapkan(_TEMPLAT, baca_perlu_masuk=False)
    path = Path(path)
    shutil.copyfile(_TEMPLAT, path)
    return path


def tulis_csv(folder: str | Path, nama: str, rows: list[dict]) -> Path:
    """Tulis ``folder/<nama>.csv`` (nama: indikator, target atau realisasi).

    Kolom = gabungan kunci semua baris, menurut urutan kemunculan; None ditulis sebagai sel kosong.
    Nilai ditulis apa adanya dengan ``str`` (CSV selalu teks).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nama = nama[:-4] if nama.endswith(".csv") else nama
    kolom: list[str] = []
    for r in rows:
        for k in r:
            if k not in kolom:
                kolom.append(k)
    path = folder / f"{nama}.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(kolom)
        for r in rows:
            w.writerow(["" if r.get(k) is None else str(r.get(k)) for k in kolom])
    return path


# -- pembuat baris dengan nilai bawaan yang sah ------------------------------------------------------

def ind(kode: str, polaritas: str = "positif", agregasi: str = "akhir", **kw) -> dict:
    """Satu baris lembar indikator."""
    row = {
        "daerah_kode": DAERAH,
        "periode_rpjmd": PERIODE,
        "urusan_kode": URUSAN,
        "indikator_kode": kode,
        "nama": f"Indikator {kode}",
        "satuan": "%",
        "polaritas": polaritas,
        "agregasi": agregasi,
    }
    row.update(kw)
    return row


def tgt(kode: str, tahun: int, target, **kw) -> dict:
    """Satu baris lembar target."""
    row = {"daerah_kode": DAERAH, "indikator_kode": kode, "tahun": tahun, "target": target}
    row.update(kw)
    return row


def rea(kode: str, tahun: int, realisasi, periode: str = "TAHUN", **kw) -> dict:
    """Satu baris lembar realisasi."""
    row = {"daerah_kode": DAERAH, "indikator_kode": kode, "tahun": tahun, "periode": periode,
           "realisasi": realisasi}
    row.update(kw)
    return row


def duk(kode_indikator: str | None, tahun: int, sub_kegiatan: str = "1.02.02.2.01.0014", **kw) -> dict:
    """Satu baris lembar dukungan (indikator kosong = sub kegiatan yang tidak mendukung indikator)."""
    row = {"daerah_kode": DAERAH, "tahun": tahun, "indikator_kode": kode_indikator,
           "sub_kegiatan_kode": sub_kegiatan, "perangkat_daerah": "Dinas Kesehatan"}
    row.update(kw)
    return row


def tulis_kasus(folder: str | Path, *, indikator=None, target=None, realisasi=None, dukungan=None) -> Path:
    """Tulis sebuah folder impor baru (di dalam ``folder``) berisi lembar yang diberikan saja."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tujuan = Path(tempfile.mkdtemp(prefix="impor-", dir=folder))
    for nama, rows in (("indikator", indikator), ("target", target), ("realisasi", realisasi),
                       ("dukungan", dukungan)):
        if rows is not None:
            tulis_csv(tujuan, nama, rows)
    return tujuan


def impor_kasus(con: duckdb.DuckDBPyConnection, folder: str | Path, *, indikator=None, target=None,
                realisasi=None, dukungan=None, oleh: str = "uji") -> HasilImpor:
    """Tulis lembar-lembar ke folder baru lalu impor lewat ``impor_berkas``."""
    path = tulis_kasus(folder, indikator=indikator, target=target, realisasi=realisasi, dukungan=dukungan)
    return impor_berkas(con, path, oleh=oleh)


# -- membaca basis data ------------------------------------------------------------------------------

def tabel_dasar(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()]


def isi_db(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Salinan lengkap isi setiap tabel (untuk membandingkan sebelum/sesudah)."""
    return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY ALL').fetchall() for t in tabel_dasar(con)}


def satu_baris(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> dict:
    """Jalankan kueri yang harus menghasilkan tepat satu baris; kembalikan sebagai dict."""
    cur = con.execute(sql, params or {})
    kolom = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, f"diharapkan 1 baris, dapat {len(rows)}: {rows}"
    return dict(zip(kolom, rows[0]))


def baris(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or {})
    kolom = [d[0] for d in cur.description]
    return [dict(zip(kolom, r)) for r in cur.fetchall()]


#: Pemasangan indikator desk urusan ditulis ulang untuk uji, terpisah dari makro ``pasangan_desk``: CTE ``prov``
#: (indikator provinsi urusan itu) dan ``anggota(induk, ind)`` (provinsi sendiri + kabupaten/kota yang menunjuk
#: induknya atau berkode sama, periodenya mencakup tahun itu). Parameter: $prov, $urusan, $tahun.
ANGGOTA_DESK = """prov AS (
            SELECT i.id, i.kode FROM indikator i JOIN periode p ON p.id = i.periode_id
            WHERE i.daerah_kode = $prov AND i.urusan_kode = $urusan AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
        ),
        anggota AS (
            SELECT prov.kode AS induk, prov.id AS ind FROM prov
            UNION ALL
            SELECT prov.kode, k.id FROM prov
            JOIN indikator k ON coalesce(k.induk_kode, k.kode) = prov.kode
                            AND coalesce(k.induk_daerah_kode, $prov) = $prov
            JOIN periode p ON p.id = k.periode_id AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
            JOIN daerah d ON d.kode = k.daerah_kode AND d.kode_induk = $prov
        )"""
