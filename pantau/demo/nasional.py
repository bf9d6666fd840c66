"""Basis data sintetis skala nasional, untuk pengembangan dan benchmark (docs/DESAIN.md, "Kualitas").

``bangun_nasional(path)`` membuat basis data berisi SEMUA daerah tabel ``daerah`` (38 provinsi dan
514 kabupaten/kota), masing-masing satu periode RPJMD (bawaan 2021-2026) dengan ~150 indikator,
target per tahun (RPJMD, ditambah RKPD untuk ~10% indikator-tahun) dan realisasi per triwulan
(TW1-TW4 untuk tahun-tahun penuh, TW1-TW3 untuk tahun terakhir): ~83 ribu indikator, ~0,5 juta
target, ~1,9 juta realisasi.

Cara kerjanya: katalog ~150 templat indikator dibaca dari ``data/katalog/indikator.json`` (entri ber-
``nasional``, berkas yang sama dengan katalog demo; lihat ``data/katalog/README.md``) ke tabel sementara kecil,
lalu SEMUA baris dibentuk di dalam DuckDB dengan SQL berbasis himpunan (``range``, ``hash()`` sebagai bilangan
acak deterministik) dan disisipkan langsung ke tabel, tanpa jalur impor (terlalu lambat untuk jutaan baris) dan
tanpa perulangan baris demi baris di Python. SQL-nya satu berkas per langkah di ``pantau/demo/sql/``
(``01_makro.sql`` .. ``10_prioritas_usulan.sql``), nilai masuk sebagai parameter terikat.

Bilangan acak: ``seragam(hash(kunci, ...))`` memberi angka di [0, 1) yang hanya bergantung pada
kunci indikator (``hash(kode daerah, kode indikator, seed)``), tahun dan triwulan. Seed yang sama
menghasilkan isi tabel data yang sama (``diubah_pada`` pun tanggal pelaporan yang dihitung, bukan
jam pembuatan); yang berbeda antar-bangun hanya ``meta`` dan ``impor.waktu``. Daerah yang sama
mendapat angka yang sama walaupun dibangun dengan ``daerah_prefix``.

Baris ``riwayat`` sengaja tidak dibuat: ini data sintetis sekali-bangun, bukan perubahan oleh
pengguna; satu baris ``impor`` mencatat pembangunannya dan setiap baris target/realisasi merujuknya.

Jalankan: ``python -m pantau.demo.nasional /tmp/pantau-nasional.duckdb``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pantau.db import buka, siapkan, transaksi
from pantau.demo.katalog import Katalog, baca_katalog

#: Versi pembangkit; masuk ke sha256 parameter agar perubahan algoritme terlihat.
VERSI_PEMBANGKIT = "1"
OLEH = "demo-nasional"
SUMBER_DATA = "sintetis (skala nasional)"

# ---------------------------------------------------------------------------
# Katalog: entri ber-"nasional" di data/katalog/indikator.json; SQL: satu berkas per langkah di sql/
# ---------------------------------------------------------------------------

#: Berkas SQL pembangkit, satu per langkah (kepalanya menyebut parameter dan hasilnya).
SQL_DIR = Path(__file__).resolve().parent / "sql"

_KOLOM_KATALOG = [
    ("no", "INTEGER"), ("kode", "VARCHAR"), ("nama", "VARCHAR"), ("satuan", "VARCHAR"),
    ("urusan_kode", "VARCHAR"), ("polaritas", "VARCHAR"), ("agregasi", "VARCHAR"), ("iku", "BOOLEAN"),
    ("nilai_dasar", "DOUBLE"), ("dasar_min", "DOUBLE"), ("dasar_max", "DOUBLE"), ("batas", "DOUBLE"),
    ("desimal", "INTEGER"), ("skala", "VARCHAR[]"), ("awal_idx", "INTEGER"), ("target_idx", "INTEGER"),
    ("perangkat_daerah", "VARCHAR"), ("definisi", "VARCHAR"),
]


def katalog(n: int = 150, sumber: Katalog | None = None) -> list[dict]:
    """``n`` templat indikator ``N-001``..: varian ke-1 setiap entri nasional, lalu varian ke-2, dst.

    Entri dan variannya dari ``sumber`` (bawaan: ``data/katalog/indikator.json``), urut berkas. Urutan
    bergiliran ini membuat potongan kecil (``n=10``) tetap bercampur polaritas dan urusan. Bila ``n`` melebihi
    jumlah varian, katalog diulang dengan akhiran "(tambahan k)".
    """
    kat = sumber if sumber is not None else baca_katalog()
    entri = kat.nasional()
    if not entri:
        raise ValueError("katalog indikator tidak punya entri nasional")
    giliran = []
    for k in range(max(len(e.nasional) for e in entri)):
        for e in entri:
            if k < len(e.nasional):
                giliran.append((e, e.nasional[k]))
    hasil = []
    for i in range(n):
        e, v = giliran[i % len(giliran)]
        ulang = i // len(giliran)
        nama = v.nama + (f" (tambahan {ulang})" if ulang else "")
        teks = e.polaritas == "teks"
        hasil.append({
            "no": i + 1,
            "kode": f"N-{i + 1:03d}",
            "nama": nama,
            "satuan": v.satuan,
            "urusan_kode": v.urusan,
            "polaritas": e.polaritas,
            "agregasi": e.agregasi,
            "iku": v.iku and ulang == 0,
            "nilai_dasar": v.nilai,
            "dasar_min": v.pita[0] if v.pita else None,
            "dasar_max": v.pita[1] if v.pita else None,
            "batas": v.batas_atas,
            "desimal": e.desimal,
            "skala": list(e.skala) if teks else None,
            "awal_idx": v.skala_awal if teks else None,
            "target_idx": v.skala_target if teks else None,
            "perangkat_daerah": kat.perangkat(v.urusan),
            "definisi": f"{nama} ({v.satuan}); indikator sintetis untuk uji skala nasional.",
        })
    return hasil


def _sql(langkah: str) -> str:
    """Teks SQL satu langkah pembangunan (``sql/<langkah>.sql``); nilai masuk sebagai parameter terikat."""
    return (SQL_DIR / f"{langkah}.sql").read_text(encoding="utf-8")


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _isi(con, p: dict, parameter: dict, laporan) -> tuple[int, int, int, int]:
    """Sisipkan semua baris dalam SATU transaksi; mengembalikan jumlah daerah, indikator, target, realisasi."""
    seed, n = p["seed"], p["n"]
    sha = hashlib.sha256(json.dumps(parameter, sort_keys=True).encode()).hexdigest()
    con.execute(_sql("01_makro"))
    with transaksi(con):
        # Katalog: ~150 baris kecil dari data/katalog; semua baris besar dibentuk oleh SQL sql/*.sql.
        con.execute("CREATE OR REPLACE TEMP TABLE katalog ("
                    + ", ".join(f"{k} {t}" for k, t in _KOLOM_KATALOG) + ")")
        kat = katalog(n)
        con.executemany(
            f"INSERT INTO katalog VALUES ({', '.join('?' * len(_KOLOM_KATALOG))})",
            [[r[k] for k, _ in _KOLOM_KATALOG] for r in kat],
        )

        con.execute(_sql("02_pilih_daerah"), {"seed": seed, "prefix": p["prefix"]})
        n_daerah = con.execute("SELECT count(*) FROM pilih_daerah").fetchone()[0]
        if n_daerah == 0:
            raise ValueError(f"tidak ada daerah berkode awalan {p['prefix']!r}")

        waktu = datetime.now(UTC).replace(tzinfo=None)
        impor_id = con.execute(
            "INSERT INTO impor (berkas, sha256, oleh, waktu, keterangan) "
            "VALUES ('demo --skala nasional', $sha, $oleh, $waktu, $ket) RETURNING id",
            {"sha": sha, "oleh": OLEH, "waktu": waktu,
             "ket": "Basis data sintetis skala nasional; parameter: " + json.dumps(parameter, sort_keys=True)},
        ).fetchone()[0]
        p["impor_id"] = impor_id

        laporan("Membuat periode RPJMD...")
        con.execute(_sql("03_periode"), {k: p[k] for k in ("awal", "akhir")})
        laporan(f"Membuat periode RPJMD... {_angka(n_daerah)} baris")

        laporan("Menghitung parameter indikator dan target...")
        con.execute(_sql("04_parameter_indikator"), {k: p[k] for k in ("seed", "n")})
        con.execute(_sql("05_target_tahunan"), {k: p[k] for k in ("awal", "akhir")})

        def buat(label: str, tabel: str, sql: str, params: dict) -> int:
            """Satu langkah pembangunan: sisipkan, hitung barisnya, laporkan."""
            laporan(f"Membuat {label}...")
            con.execute(sql, params)
            n = con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]
            laporan(f"Membuat {label}... {_angka(n)} baris")
            return n

        n_indikator = buat("indikator", "indikator", _sql("06_indikator"),
                           {"awal": p["awal"], "oleh": OLEH, "sumber_data": SUMBER_DATA})
        n_target = buat("target", "target", _sql("07_target"), {k: p[k] for k in ("awal", "oleh", "impor_id")})
        n_realisasi = buat("realisasi", "realisasi", _sql("08_realisasi"),
                           {k: p[k] for k in ("akhir", "oleh", "impor_id")})
        n_dukungan = buat("dukungan sub kegiatan", "dukungan", _sql("09_dukungan"),
                          {k: p[k] for k in ("akhir", "oleh", "impor_id")})

        laporan("Membuat prioritas dan usulan...")
        # berkas langkah 10 berisi beberapa pernyataan: masing-masing dengan parameter yang disebutnya saja
        for bagian in _sql("10_prioritas_usulan").split(";\n"):
            pernyataan = "\n".join(b for b in bagian.splitlines() if not b.lstrip().startswith("--")).strip()
            if pernyataan:
                con.execute(pernyataan, {k: p[k] for k in set(re.findall(r"\$(\w+)", pernyataan))})
        n_usulan = con.execute("SELECT count(*) FROM usulan").fetchone()[0]
        laporan(f"Membuat prioritas dan usulan... {_angka(n_usulan)} usulan")
        for seq, tabel in (("seq_prioritas", "prioritas"), ("seq_usulan", "usulan"),
                           ("seq_keputusan_usulan", "keputusan_usulan")):
            con.execute(f"SELECT max(nextval('{seq}')) FROM {tabel}")
        # id disisipkan eksplisit (deterministik); majukan sequence agar sisipan berikutnya tidak bentrok.
        # (id berurutan 1..N, jadi satu nextval per baris membawa sequence ke N.)
        con.execute("SELECT max(nextval('seq_periode')) FROM periode")
        con.execute("SELECT max(nextval('seq_indikator')) FROM indikator")
        con.execute(
            "UPDATE impor SET baris_indikator = $i, baris_target = $t, baris_realisasi = $r, baris_dukungan = $d, "
            "keterangan = keterangan || $u WHERE id = $id",
            {"i": n_indikator, "t": n_target, "r": n_realisasi, "d": n_dukungan, "id": impor_id,
             "u": f"; {n_usulan} usulan"},
        )
        for tabel in ("katalog", "pilih_daerah", "ind", "tgt"):
            con.execute(f"DROP TABLE {tabel}")
    return n_daerah, n_indikator, n_target, n_realisasi


def _hapus(path: Path) -> list[Path]:
    """Hapus berkas basis data beserta WAL-nya; mengembalikan yang dihapus."""
    dihapus = []
    for berkas in (path, path.with_name(path.name + ".wal")):
        if berkas.exists():
            berkas.unlink()
            dihapus.append(berkas)
    return dihapus


def bangun_nasional(
    path: str | Path,
    *,
    seed: int = 2021,
    indikator_per_daerah: int = 150,
    tahun_awal: int = 2021,
    tahun_akhir: int = 2026,
    daerah_prefix: str | None = None,
    laporan: Callable[[str], object] = print,
) -> dict:
    """Bangun basis data sintetis skala nasional di ``path`` (berkas lama dihapus).

    ``daerah_prefix`` membatasi ke kode Kemendagri berawalan itu (``'65'``: Kalimantan Utara dan
    kabupaten/kotanya), untuk uji cepat. Mengembalikan jumlah baris dan lama pembangunan:
    ``{"daerah", "indikator", "target", "realisasi", "detik"}``.
    """
    if indikator_per_daerah < 1:
        raise ValueError("indikator_per_daerah minimal 1")
    if not (2000 <= tahun_awal <= tahun_akhir <= 2100 and tahun_akhir - tahun_awal <= 10):
        raise ValueError("periode RPJMD tidak sah: tahun_awal..tahun_akhir paling lama 11 tahun, 2000-2100")

    mulai = time.perf_counter()
    path = Path(path)
    for berkas in _hapus(path):
        laporan(f"Berkas lama dihapus: {berkas}")

    parameter = {"seed": seed, "indikator_per_daerah": indikator_per_daerah, "tahun_awal": tahun_awal,
                 "tahun_akhir": tahun_akhir, "daerah_prefix": daerah_prefix, "versi": VERSI_PEMBANGKIT}
    p = {"seed": seed, "awal": tahun_awal, "akhir": tahun_akhir, "n": indikator_per_daerah,
         "prefix": daerah_prefix, "oleh": OLEH}
    try:
        laporan(f"Menyiapkan skema dan data rujukan di {path}...")
        siapkan(path, baca_perlu_masuk=False)
        con = buka(path)
        try:
            n_daerah, n_indikator, n_target, n_realisasi = _isi(con, p, parameter, laporan)
            laporan("Menyimpan ke berkas (CHECKPOINT)...")
            con.execute("CHECKPOINT")
        finally:
            con.close()
    except BaseException:
        # jangan tinggalkan basis data setengah jadi
        _hapus(path)
        raise

    detik = round(time.perf_counter() - mulai, 2)
    laporan(f"Selesai dalam {detik:.1f} detik: {_angka(n_daerah)} daerah, {_angka(n_indikator)} indikator, "
            f"{_angka(n_target)} target, {_angka(n_realisasi)} realisasi.")
    return {"daerah": n_daerah, "indikator": n_indikator, "target": n_target,
            "realisasi": n_realisasi, "detik": detik}


if __name__ == "__main__":

    ap = argparse.ArgumentParser(description="Bangun basis data sintetis skala nasional.")
    ap.add_argument("db", help="berkas .duckdb tujuan (dihapus bila ada)")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--indikator", type=int, default=150, help="indikator per daerah")
    ap.add_argument("--daerah", default=None, help="awalan kode daerah, mis. 65")
    a = ap.parse_args()
    bangun_nasional(a.db, seed=a.seed, indikator_per_daerah=a.indikator, daerah_prefix=a.daerah)
