"""Alat bantu uji serangan: sidik basis data (berkas + WAL) dan teks yang tampil di halaman AppTest.

Setiap serangan memeriksa yang diserangnya: basis data bita demi bita (``sidik``), isi tabelnya (``isi``) dan teks
halaman (``teks_halaman``), bukan hanya "tidak ada pengecualian".
"""
from __future__ import annotations

import hashlib
from pathlib import Path

#: Yang tidak boleh terlihat pengunjung: traceback, jenis galat Python/DuckDB, lokasi berkas, hash sandi.
BOCOR = ["Traceback", 'File "', ".py\"", "Exception", "Error:", "_duckdb", "Binder Error", "Parser Error",
         "Conversion Error", "Catalog Error", "IO Error", "argon2", "/tmp/", "/work/", "pytest"]

#: Tabel yang ditulis Pantau; ``isi`` menghitung barisnya dan menjumlah nilai angka.
TABEL = ["indikator", "target", "realisasi", "dukungan", "catatan_desk", "pengaturan", "pengguna", "sesi", "riwayat",
         "impor", "skala_predikat"]


def sidik(db: str | Path) -> str:
    """sha256 berkas basis data dan WAL-nya (bila ada): berubah bila satu bita saja ditulis."""
    h = hashlib.sha256()
    for p in (Path(db), Path(f"{db}.wal")):
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.exists() else b"<tidak ada>")
    return h.hexdigest()


def isi(con) -> dict:
    """Jumlah baris setiap tabel yang ditulis Pantau dan jumlah nilai realisasi/target (untuk 'lama atau baru')."""
    hasil = {}
    ada = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for t in TABEL:
        if t in ada:
            hasil[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # nama tabel dari daftar tetap
    hasil["jumlah_realisasi"] = con.execute("SELECT round(sum(nilai), 6) FROM realisasi").fetchone()[0]
    return hasil


def teks_halaman(at) -> str:
    """Semua teks tampil sebuah AppTest: judul, Markdown, keterangan, pesan, label widget, pengecualian."""
    bagian = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        for medan in ("body", "label", "value", "message", "help", "placeholder"):
            v = getattr(proto, medan, None) if proto is not None else None
            if isinstance(v, str) and v:
                bagian.append(v)
    bagian += [str(e.value) for e in at.exception]
    return "\n".join(bagian)


def bocor(teks: str) -> list[str]:
    return [b for b in BOCOR if b in teks]
