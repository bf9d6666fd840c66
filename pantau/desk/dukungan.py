"""Dukungan sub kegiatan di desk urusan: menambah, menyepakati (atau membatalkan kesepakatan) dan menghapus.

Setiap perubahan ditulis dalam satu transaksi bersama barisnya di ``riwayat`` (siapa, kapan, nilai lama dan
baru), sehingga "siapa menyepakati apa di desk" bisa dibaca lagi setahun kemudian. Izin ``dukungan_desk``
diperiksa di tempat data ditulis (``pantau.db.tulis``) (analis: semua daerah; operator: daerahnya sendiri).

Penghapusan benar-benar menghapus baris; isinya tetap terbaca di ``riwayat`` (aksi 'hapus', nilai lama
berisi kode, nama, perangkat daerah dan pagu).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from pantau.aturan.angka import BukanAngka, baca_rupiah
from pantau.aturan.kode import KODE_SUB_KEGIATAN, KODE_UNIT
from pantau.db.tulis import Penulis, tulis


class DukunganTidakSah(ValueError):
    """Isian dukungan tidak dapat disimpan; pesannya untuk pengguna (bahasa Indonesia)."""


@dataclass(frozen=True)
class Hasil:
    id: int
    pesan: str
    #: peringatan yang tidak menghalangi (mis. bidang urusan berbeda)
    peringatan: tuple[str, ...] = ()


def _rupiah(nama: str, v) -> float | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    try:
        return baca_rupiah(v).nilai
    except BukanAngka as e:
        raise DukunganTidakSah(f"{nama}: {e}") from None


def _catat(p: Penulis, aksi, baris: dict, kolom, lama, baru) -> None:
    p.catat("dukungan", aksi, indikator_id=baris["indikator_id"], daerah_kode=baris["daerah_kode"],
            indikator_kode=baris.get("indikator_kode"), tahun=baris["tahun"], kunci=kunci_riwayat(baris),
            kolom=kolom, lama=lama, baru=baru)


def kunci_riwayat(baris: dict) -> str:
    """Kunci baris dukungan di riwayat, sama dengan makro SQL kunci_dukungan: "unit sub_kegiatan", atau kode sub
    kegiatan saja bila unitnya tidak disebut."""
    unit = baris.get("perangkat_daerah_kode") or ""
    return f"{unit} {baris['sub_kegiatan_kode']}" if unit else baris["sub_kegiatan_kode"]


def _baris(cur, dukungan_id: int) -> dict:
    cur.execute(
        "SELECT d.*, i.kode AS indikator_kode FROM dukungan d LEFT JOIN indikator i ON i.id = d.indikator_id "
        "WHERE d.id = $id", {"id": int(dukungan_id)})
    kolom = [c[0] for c in cur.description]
    row = cur.fetchone()
    if row is None:
        raise DukunganTidakSah("Dukungan itu sudah tidak ada (mungkin baru dihapus orang lain); muat ulang halaman.")
    return dict(zip(kolom, row))


def tambah(con, *, daerah: str, tahun: int, indikator_id: int | None, sub_kegiatan_kode: str,
           sub_kegiatan_nama: str | None = None, perangkat_daerah: str | None = None, pagu=None,
           disepakati: bool = False, catatan: str | None = None, pengguna=None, oleh: str | None = None,
           perangkat_daerah_kode: str | None = None) -> Hasil:
    """Tambah satu sub kegiatan pendukung (dari desk). Kode diperiksa bentuknya; bidang urusan yang berbeda dari
    urusan indikator hanya peringatan. Kunci ganda (daerah, tahun, indikator, unit, kode) ditolak dengan pesan.

    ``perangkat_daerah_kode``: kode unit SIPD-RI (pilihan dari anggaran yang diimpor); pagu, nama sub kegiatan
    dan perangkat daerah yang dikosongkan lalu dibaca dari anggaran itu (view anggaran_dukungan)."""
    kode = "".join((sub_kegiatan_kode or "").split()).upper()
    if not KODE_SUB_KEGIATAN.fullmatch(kode):
        raise DukunganTidakSah(
            f"Kode sub kegiatan '{sub_kegiatan_kode}' tidak berbentuk U.BB.PP.K.KK.SSSS (misalnya 1.02.02.2.01.0001).")
    nilai_pagu = _rupiah("Pagu", pagu)
    nama = (sub_kegiatan_nama or "").strip() or None
    pd_ = (perangkat_daerah or "").strip() or None
    unit = "".join((perangkat_daerah_kode or "").split()).upper()
    if unit and not KODE_UNIT.fullmatch(unit):
        raise DukunganTidakSah(f"Kode unit '{perangkat_daerah_kode}' bukan kode unit SIPD-RI 8 bagian "
                               "(misalnya 1.02.0.00.0.00.01.0004).")
    cat = (catatan or "").strip() or None
    peringatan = []

    def kerja(p: Penulis) -> int:
        ind = None
        if indikator_id is not None:
            ind = p.cur.execute("SELECT kode, urusan_kode, daerah_kode FROM indikator WHERE id = $i",
                                {"i": int(indikator_id)}).fetchone()
            if ind is None or ind[2] != daerah:
                raise DukunganTidakSah("Indikator itu bukan milik daerah yang dipilih.")
            if ind[1] is not None and kode[:4] != ind[1]:
                peringatan.append(f"Bidang urusan sub kegiatan ({kode[:4]}) berbeda dengan urusan indikator "
                                  f"({ind[1]}); tetap disimpan.")
        ada = p.cur.execute(
            "SELECT id FROM dukungan WHERE daerah_kode = $d AND tahun = $t "
            "AND indikator_id IS NOT DISTINCT FROM $i AND sub_kegiatan_kode = $s AND perangkat_daerah_kode = $u",
            {"d": daerah, "t": int(tahun), "i": indikator_id, "s": kode, "u": unit}).fetchone()
        if ada:
            raise DukunganTidakSah(f"Sub kegiatan {kode}{' unit ' + unit if unit else ''} sudah tercatat mendukung "
                                   f"indikator ini pada {tahun}.")
        if unit:
            sipd = p.cur.execute(
                "SELECT sub_kegiatan_nama FROM anggaran_sipd WHERE daerah_kode = $d AND tahun = $t "
                "AND perangkat_daerah_kode = $u AND sub_kegiatan_kode = $s",
                {"d": daerah, "t": int(tahun), "u": unit, "s": kode}).fetchone()
            if sipd is None:
                raise DukunganTidakSah(f"Sub kegiatan {kode} unit {unit} tidak ada di anggaran SIPD-RI {tahun} yang "
                                       "diimpor untuk daerah ini.")
        elif nama is None:
            r = p.cur.execute("SELECT nama FROM sub_kegiatan WHERE kode = $k", {"k": kode}).fetchone()
            if r is None:
                raise DukunganTidakSah(
                    f"Kode {kode} tidak ada di nomenklatur yang dimuat Pantau; isi nama sub kegiatannya.")
        baru_id = p.cur.execute(
            "INSERT INTO dukungan (daerah_kode, tahun, indikator_id, perangkat_daerah_kode, sub_kegiatan_kode, "
            "sub_kegiatan_nama, perangkat_daerah, pagu, disepakati, disepakati_oleh, disepakati_pada, catatan, "
            "diubah_oleh, diubah_pada) VALUES ($d, $t, $i, $u, $s, $n, $pd, $p, $sp, $so, $sw, $c, $o, $w) "
            "RETURNING id",
            {"d": daerah, "t": int(tahun), "i": indikator_id, "u": unit, "s": kode, "n": nama, "pd": pd_,
             "p": nilai_pagu,
             "sp": bool(disepakati), "so": p.oleh if disepakati else None, "sw": p.waktu if disepakati else None,
             "c": cat, "o": p.oleh, "w": p.waktu}).fetchone()[0]
        baris = {"indikator_id": indikator_id, "daerah_kode": daerah, "tahun": int(tahun),
                 "sub_kegiatan_kode": kode, "perangkat_daerah_kode": unit, "indikator_kode": ind[0] if ind else None}
        _catat(p, "tambah", baris, None, None, nama or kode)
        if disepakati:
            _catat(p, "ubah", baris, "disepakati", "false", "true")
        return baru_id

    baru_id = tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="dukungan_desk", daerah=daerah)
    return Hasil(baru_id, f"Sub kegiatan {kode} ditambahkan{' dan disepakati' if disepakati else ''}.",
                 tuple(peringatan))


def sepakati(con, dukungan_id: int, disepakati: bool = True, *, pengguna=None, oleh: str | None = None) -> Hasil:
    """Tandai dukungan disepakati di desk (atau batalkan kesepakatannya), dengan siapa dan kapan."""
    def kerja(p: Penulis) -> tuple[dict, bool]:
        b = _baris(p.cur, dukungan_id)
        p.izinkan(b["daerah_kode"])
        if bool(b["disepakati"]) == bool(disepakati):
            return b, False
        p.cur.execute(
            "UPDATE dukungan SET disepakati = $s, disepakati_oleh = $so, disepakati_pada = $sw, "
            "diubah_oleh = $o, diubah_pada = $w WHERE id = $id",
            {"s": bool(disepakati), "so": p.oleh if disepakati else None, "sw": p.waktu if disepakati else None,
             "o": p.oleh, "w": p.waktu, "id": b["id"]})
        _catat(p, "ubah", b, "disepakati", str(bool(b["disepakati"])).lower(), str(bool(disepakati)).lower())
        return b, True

    b, berubah = tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="dukungan_desk")
    if not berubah:
        return Hasil(b["id"], "Tidak ada yang berubah.")
    kode = b["sub_kegiatan_kode"]
    return Hasil(b["id"], f"{kode} {'disepakati' if disepakati else 'tidak lagi ditandai disepakati'}.")


def hapus(con, dukungan_id: int, *, pengguna=None, oleh: str | None = None) -> Hasil:
    """Hapus satu dukungan; isinya disimpan di riwayat (nilai_lama, JSON)."""
    def kerja(p: Penulis) -> dict:
        b = _baris(p.cur, dukungan_id)
        p.izinkan(b["daerah_kode"])
        isi = {k: b[k] for k in ("sub_kegiatan_kode", "perangkat_daerah_kode",
                                 "sub_kegiatan_nama", "perangkat_daerah", "pagu",
                                 "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4",
                                 "realisasi_tahun", "disepakati", "catatan")}
        p.cur.execute("DELETE FROM dukungan WHERE id = $id", {"id": b["id"]})
        _catat(p, "hapus", b, None, json.dumps(isi, ensure_ascii=False, default=str), None)
        return b

    b = tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="dukungan_desk")
    return Hasil(b["id"], f"Sub kegiatan {b['sub_kegiatan_kode']} dihapus dari dukungan (tercatat di riwayat).")
