"""Catatan sesi desk urusan (Rakortekrenbang): faktor pendorong, penghambat dan tindak lanjut.

Tabel ``catatan_desk`` hanya ditambah (migrasi 002): setiap simpan menjadi versi baru untuk
(urusan, daerah, tahun) dan versi terbesar yang berlaku. Dua orang yang menyimpan hampir bersamaan
sama-sama tersimpan: UNIQUE (urusan, daerah, tahun, versi) membuat transaksi yang kalah gagal, lalu
diulang dengan versi berikutnya. Bila versi yang berlaku saat menyimpan bukan versi yang dibuka
penyimpan (``versi_dasar``), hasilnya ``konflik=True`` dan memuat catatan orang lain yang tersimpan
di antaranya, agar pengguna diberi tahu dan dapat menggabungkannya. Setiap simpan dicatat di
``riwayat`` (tabel ``catatan_desk``, kunci = kode urusan), satu baris per kolom yang berubah.

Semua nilai lewat parameter terikat, pada ``cursor()`` sendiri, dalam satu transaksi.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

KOLOM = ("pendorong", "penghambat", "tindak_lanjut")
LABEL = {"pendorong": "Faktor pendorong", "penghambat": "Faktor penghambat", "tindak_lanjut": "Tindak lanjut"}

_TERKINI = """
SELECT id, versi, pendorong, penghambat, tindak_lanjut, oleh, pada
FROM catatan_desk
WHERE urusan_kode = $urusan AND daerah_kode = $daerah AND tahun = $tahun
ORDER BY versi DESC
LIMIT 1
"""

_SESUDAH = """
SELECT id, versi, pendorong, penghambat, tindak_lanjut, oleh, pada
FROM catatan_desk
WHERE urusan_kode = $urusan AND daerah_kode = $daerah AND tahun = $tahun AND versi > $dari AND versi < $sampai
ORDER BY versi
"""


@dataclass
class HasilSimpan:
    """Akibat sebuah simpan, untuk ditampilkan kepada pengguna."""
    tersimpan: bool
    versi: int
    konflik: bool = False
    #: Catatan orang lain yang tersimpan sesudah versi yang dibuka penyimpan (bila konflik).
    versi_lain: list[dict] = field(default_factory=list)
    percobaan: int = 1


def _baris(cur, sql: str, params: dict) -> list[dict]:
    cur.execute(sql, params)
    nama = [d[0] for d in cur.description]
    return [dict(zip(nama, r)) for r in cur.fetchall()]


def _bersih(teks: str | None) -> str | None:
    teks = (teks or "").strip()
    return teks or None


def catatan_terkini(con, *, urusan: str, daerah: str, tahun: int) -> dict | None:
    """Catatan yang berlaku (versi terbesar) untuk satu urusan, daerah dan tahun, atau None."""
    cur = con.cursor()
    try:
        rows = _baris(cur, _TERKINI, {"urusan": urusan, "daerah": daerah, "tahun": int(tahun)})
        return rows[0] if rows else None
    finally:
        cur.close()


def simpan_catatan(con, *, urusan: str, daerah: str, tahun: int, pendorong: str | None,
                   penghambat: str | None, tindak_lanjut: str | None, oleh: str | None = None, versi_dasar: int,
                   maks_percobaan: int = 8, pengguna=None) -> HasilSimpan:
    """Simpan catatan sebagai versi baru. ``con`` adalah koneksi DuckDB atau BasisData (punya ``cursor()``).

    ``versi_dasar`` = versi yang sedang dibuka pengguna (0 bila belum ada). Tidak menimpa apa pun:
    bila orang lain sudah menyimpan versi yang lebih baru, catatan ini tetap disimpan sebagai versi
    berikutnya dan ``konflik=True`` beserta catatan orang lain itu dikembalikan.
    """
    if pengguna is not None:
        # Halaman: izin diperiksa di sini, tempat catatan ditulis; riwayat mencatat nama pengguna yang masuk.
        # Tanpa pengguna: kode di server (shell, uji) dengan nama ``oleh``.
        from pantau.akun import periksa_izin

        periksa_izin(pengguna, "catatan_desk", daerah=daerah)
        oleh = pengguna.nama_pengguna
    oleh = (oleh or "").strip()
    if not oleh:
        raise ValueError("Nama notulis wajib diisi.")
    isi = {"pendorong": _bersih(pendorong), "penghambat": _bersih(penghambat),
           "tindak_lanjut": _bersih(tindak_lanjut)}
    kunci = {"urusan": urusan, "daerah": daerah, "tahun": int(tahun)}
    terakhir_galat: Exception | None = None
    for percobaan in range(1, maks_percobaan + 1):
        cur = con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            lama = _baris(cur, _TERKINI, kunci)
            lama = lama[0] if lama else None
            versi_kini = int(lama["versi"]) if lama else 0
            if lama is not None and versi_kini == versi_dasar and all(lama[k] == isi[k] for k in KOLOM):
                cur.execute("ROLLBACK")
                return HasilSimpan(tersimpan=False, versi=versi_kini, percobaan=percobaan)
            versi = versi_kini + 1
            pada = datetime.now().replace(microsecond=0)
            cur.execute(
                "INSERT INTO catatan_desk (urusan_kode, daerah_kode, tahun, pendorong, penghambat, tindak_lanjut, "
                "versi, versi_dasar, oleh, pada) VALUES ($urusan, $daerah, $tahun, $pendorong, $penghambat, "
                "$tindak_lanjut, $versi, $versi_dasar, $oleh, $pada)",
                {**kunci, **isi, "versi": versi, "versi_dasar": int(versi_dasar), "oleh": oleh, "pada": pada})
            aksi = "tambah" if lama is None else "ubah"
            for k in KOLOM:
                nilai_lama = lama[k] if lama else None
                if nilai_lama != isi[k] or lama is None:
                    cur.execute(
                        "INSERT INTO riwayat (waktu, oleh, tabel, aksi, daerah_kode, tahun, kunci, kolom, "
                        "nilai_lama, nilai_baru) VALUES ($pada, $oleh, 'catatan_desk', $aksi, $daerah, $tahun, "
                        "$urusan, $kolom, $lama, $baru)",
                        {**kunci, "pada": pada, "oleh": oleh, "aksi": aksi, "kolom": k, "lama": nilai_lama,
                         "baru": isi[k]})
            lain = _baris(cur, _SESUDAH, {**kunci, "dari": int(versi_dasar), "sampai": versi}) \
                if versi_kini != versi_dasar else []
            cur.execute("COMMIT")
            return HasilSimpan(tersimpan=True, versi=versi, konflik=versi_kini != versi_dasar,
                               versi_lain=lain, percobaan=percobaan)
        except (duckdb.TransactionException, duckdb.ConstraintException) as e:
            # Transaksi lain menyimpan versi yang sama lebih dulu: ulangi dengan versi berikutnya.
            terakhir_galat = e
            try:
                cur.execute("ROLLBACK")
            except duckdb.Error:
                pass
            time.sleep(random.uniform(0.005, 0.03) * percobaan)
        except Exception:
            try:
                cur.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        finally:
            cur.close()
    raise RuntimeError(f"Catatan tidak dapat disimpan setelah {maks_percobaan} percobaan: {terakhir_galat}")


# -- teks keselarasan (angka dari queries/desk_keselarasan.sql; di sini hanya dirangkai jadi kalimat) ----

CARA = {"jumlah": "jumlah target kabupaten/kota",
        "rerata": "rata-rata sederhana target kabupaten/kota",
        "rerata_tertimbang": "rata-rata target kabupaten/kota tertimbang jumlah penduduk"}


def kalimat_keselarasan(kes) -> tuple[str | None, str]:
    """(status, kalimat) satu indikator dari baris-baris ``desk_keselarasan`` (DataFrame satu induk_id).

    status: 'selaras', 'tidak selaras' atau None (tidak dapat diperiksa).
    """
    from pantau.format import format_angka, format_ringkas, kosong

    r = kes.iloc[0]
    satuan = r["satuan"] or ""
    if r["polaritas"] not in ("positif", "negatif"):
        return None, "Keselarasan tidak diperiksa untuk indikator rentang atau kualitatif."
    if kosong(r["target_provinsi"]):
        return None, "Provinsi belum punya target tahun ini, jadi keselarasan belum dapat diperiksa."
    if kosong(r["gabungan"]):
        return None, "Belum ada kabupaten/kota dengan target tahun ini untuk indikator ini."
    arah = "≥" if r["polaritas"] == "positif" else "≤"
    lengkap = (f"{int(r['jumlah_bertarget'])} dari {int(r['jumlah_kabkota'])} kabupaten/kota bertarget")
    dasar = (f"{CARA[r['cara']].capitalize()} = {format_ringkas(r['gabungan'])} {satuan}; target provinsi "
             f"{format_ringkas(r['target_provinsi'])} {satuan} (harus {arah} target provinsi; {lengkap}).")
    status = "selaras" if r["selaras"] else "tidak selaras"
    if r["cara"] == "jumlah":
        selisih = r["selisih"]
        besar = kes.dropna(subset=["porsi"]).sort_values("porsi", ascending=False).head(3)
        porsi = ", ".join(f"{d} {format_angka(p * 100, 0)}%" for d, p in zip(besar["daerah"], besar["porsi"]))
        tambahan = (f" Selisih jumlah terhadap target provinsi: {format_ringkas(selisih)} {satuan}."
                    + (f" Porsi terbesar: {porsi}." if porsi else ""))
    else:
        tarik = kes[kes["menarik_turun"] == True]  # noqa: E712 (nullable boolean)
        if len(tarik):
            nama = ", ".join(f"{d} ({format_ringkas(t)})" for d, t in zip(tarik["daerah"], tarik["target_daerah"]))
            tambahan = f" Target lebih lemah dari target provinsi: {nama}."
        else:
            tambahan = " Tidak ada kabupaten/kota yang targetnya lebih lemah dari target provinsi."
    return status, dasar + tambahan
