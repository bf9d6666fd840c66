"""Keputusan atas usulan kabupaten/kota di desk provinsi (keputusan #20).

Seperti catatan desk (``pantau.desk.catatan``), tabel ``keputusan_usulan`` hanya ditambah: setiap keputusan menjadi
versi baru untuk usulannya dan versi terbesar yang berlaku. Dua orang yang memutuskan hampir bersamaan sama-sama
tersimpan (UNIQUE (usulan_id, versi) membuat yang kalah mengulang dengan versi berikutnya); bila versi yang
berlaku saat menyimpan bukan versi yang dilihat pemutus (``versi_dasar``), hasilnya ``konflik=True`` berisi
keputusan orang lain yang tersimpan di antaranya. Izin ``keputusan_usulan`` (analis dan admin) diperiksa di
``pantau.db.tulis``; riwayat mencatat tabel ``keputusan_usulan`` dengan kunci = nomor usulan.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pantau.aturan.angka import BukanAngka, baca_rupiah, kosong
from pantau.db.tulis import Penulis, tulis

KEPUTUSAN = ("diterima", "diterima_catatan", "dialihkan", "ditolak", "ditunda")
PERLU_ALASAN = ("dialihkan", "ditolak")
DIALIHKAN_KE = ("apbd_kabkota", "bantuan_keuangan", "dak", "apbn")

_USULAN = "SELECT daerah_kode, tahun, nomor FROM usulan WHERE id = $id"
_TERKINI = """
SELECT versi, keputusan, alasan, dialihkan_ke, pagu_disepakati, oleh, pada
FROM keputusan_usulan WHERE usulan_id = $id ORDER BY versi DESC LIMIT 1
"""
_SESUDAH = """
SELECT versi, keputusan, alasan, dialihkan_ke, pagu_disepakati, oleh, pada
FROM keputusan_usulan WHERE usulan_id = $id AND versi > $dari AND versi < $sampai ORDER BY versi
"""


class KeputusanTidakSah(ValueError):
    """Isian keputusan tidak sah; pesannya untuk pengguna."""


@dataclass
class HasilKeputusan:
    tersimpan: bool
    versi: int
    konflik: bool = False
    #: Keputusan orang lain yang tersimpan sesudah versi yang dilihat pemutus (bila konflik).
    versi_lain: list[dict] = field(default_factory=list)


def _baris(cur, sql: str, params: dict) -> list[dict]:
    cur.execute(sql, params)
    nama = [d[0] for d in cur.description]
    return [dict(zip(nama, r)) for r in cur.fetchall()]


def periksa_isian(keputusan: str | None, alasan: str | None, dialihkan_ke: str | None, pagu) -> tuple:
    """Isian yang sudah dibersihkan (keputusan, alasan, dialihkan_ke, pagu) atau ``KeputusanTidakSah``."""
    keputusan = (keputusan or "").strip() or None
    alasan = (alasan or "").strip() or None
    dialihkan_ke = (dialihkan_ke or "").strip() or None
    if keputusan is not None and keputusan not in KEPUTUSAN:
        raise KeputusanTidakSah(f"Keputusan '{keputusan}' tidak dikenal; pilih {', '.join(KEPUTUSAN)}.")
    if keputusan in PERLU_ALASAN and alasan is None:
        raise KeputusanTidakSah(f"Keputusan '{keputusan}' wajib disertai alasan.")
    if dialihkan_ke is not None and dialihkan_ke not in DIALIHKAN_KE:
        raise KeputusanTidakSah(f"Sumber dana '{dialihkan_ke}' tidak dikenal; pilih {', '.join(DIALIHKAN_KE)}.")
    if keputusan != "dialihkan":
        dialihkan_ke = None
    if pagu is not None and not kosong(pagu):
        try:
            pagu = baca_rupiah(pagu).nilai
        except BukanAngka as e:
            raise KeputusanTidakSah(f"Pagu yang disepakati: {e}.") from None
        if pagu < 0:
            raise KeputusanTidakSah("Pagu yang disepakati tidak boleh negatif.")
    else:
        pagu = None
    return keputusan, alasan, dialihkan_ke, pagu


def keputusan_terkini(con, usulan_id: int) -> dict | None:
    cur = con.cursor()
    try:
        rows = _baris(cur, _TERKINI, {"id": int(usulan_id)})
        return rows[0] if rows else None
    finally:
        cur.close()


def simpan_keputusan(con, *, usulan_id: int, keputusan: str | None, alasan: str | None = None,
                     dialihkan_ke: str | None = None, pagu_disepakati=None, versi_dasar: int,
                     pengguna=None, oleh: str | None = None, maks_percobaan: int = 8) -> HasilKeputusan:
    """Catat keputusan sebagai versi baru (tidak menimpa). ``versi_dasar``: versi yang dilihat pemutus (0 bila
    belum ada). Tanpa ``pengguna``: kode di server dengan nama ``oleh``."""
    isi = periksa_isian(keputusan, alasan, dialihkan_ke, pagu_disepakati)
    kolom = ("keputusan", "alasan", "dialihkan_ke", "pagu_disepakati")

    def kerja(p: Penulis) -> HasilKeputusan:
        u = _baris(p.cur, _USULAN, {"id": int(usulan_id)})
        if not u:
            raise KeputusanTidakSah(f"Usulan #{usulan_id} tidak ada.")
        u = u[0]
        lama = _baris(p.cur, _TERKINI, {"id": int(usulan_id)})
        lama = lama[0] if lama else None
        versi_kini = int(lama["versi"]) if lama else 0
        if lama is not None and versi_kini == versi_dasar and tuple(lama[k] for k in kolom) == isi:
            return HasilKeputusan(tersimpan=False, versi=versi_kini)
        if lama is None and isi[0] is None:
            return HasilKeputusan(tersimpan=False, versi=0)
        versi = versi_kini + 1
        p.cur.execute(
            "INSERT INTO keputusan_usulan (usulan_id, keputusan, alasan, dialihkan_ke, pagu_disepakati, versi, "
            "versi_dasar, oleh, pada) VALUES ($id, $k, $a, $al, $pg, $v, $vd, $oleh, $pada)",
            {"id": int(usulan_id), "k": isi[0], "a": isi[1], "al": isi[2], "pg": isi[3], "v": versi,
             "vd": int(versi_dasar), "oleh": p.oleh, "pada": p.waktu})
        for i, k in enumerate(kolom):
            nilai_lama = lama[k] if lama else None
            if lama is None or nilai_lama != isi[i]:
                p.catat("keputusan_usulan", "tambah" if lama is None else "ubah", daerah_kode=u["daerah_kode"],
                        tahun=int(u["tahun"]), kunci=str(u["nomor"]), kolom=k, lama=nilai_lama, baru=isi[i])
        konflik = versi_kini != versi_dasar
        lain = _baris(p.cur, _SESUDAH, {"id": int(usulan_id), "dari": int(versi_dasar), "sampai": versi}) \
            if konflik else []
        return HasilKeputusan(tersimpan=True, versi=versi, konflik=konflik, versi_lain=lain)

    return tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="keputusan_usulan", ulang=maks_percobaan)
