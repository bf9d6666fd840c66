"""Mengenali format setiap berkas SIPD-RI dari ISINYA (nama berkas sering diganti saat diunduh):

- A Renja lampiran (JSON): entri sub kegiatan per unit dengan indikator keluaran dan outcome program;
- B daftar pagu sub kegiatan (JSON): entri sub kegiatan dengan pagu, SKPD induk dan unit, tanpa indikator;
- C daftar SKPD (JSON): entri SKPD dengan ``set_pagu_skpd``;
- D rekap "analisis dan rekap" (xlsx): satu lembar dengan baris judul KODE SUB UNIT, KODE SUB KEGIATAN, PAGU ...

Selain itu ditolak: JSON yang bukan SIPD-RI, PDF, HTML, .xls lama, buku kerja yang bukan rekap.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pantau.impor.baca import jenis_isi
from pantau.impor.sipd.bacajson import Entri, baca_json
from pantau.impor.sipd.berkas import LABEL, Berkas
from pantau.impor.sipd.masalah import Laporan, Lokasi, tolak
from pantau.impor.sipd.rekap import kenali_rekap

#: Kolom yang menandai setiap format JSON (harus ada di setiap entri; isinya boleh kosong).
CIRI = {
    "A": ("kode_sub_skpd", "nama_sub_skpd", "kode_sub_giat", "nama_sub_giat", "pagu", "tolak_ukur_output",
          "target_teks_output", "indikator_outcome"),
    "B": ("kode_skpd", "kode_sub_skpd", "kode_sub_giat", "nama_sub_giat", "pagu"),
    "C": ("kode_skpd", "nama_skpd", "set_pagu_skpd"),
}
#: Kolom yang tidak boleh ada: B tanpa indikator (membedakannya dari A), C tanpa sub kegiatan.
BUKAN = {"B": ("tolak_ukur_output", "target_teks_output", "indikator_outcome"), "C": ("kode_sub_giat",)}

_PESAN_JENIS = {
    "kosong": "berkas kosong (0 bita); unduh ulang dari SIPD-RI",
    "ole": "berkas berformat Excel 97-2003 (.xls) atau berkata sandi; rekap SIPD-RI diunduh sebagai .xlsx",
    "pdf": "berkas PDF (laporan cetak), bukan data; unduh JSON atau rekap xlsx dari SIPD-RI",
    "html": "berkas halaman web (HTML), bukan data; unduh JSON atau rekap xlsx dari SIPD-RI",
    "xml2003": "berkas 'XML Spreadsheet 2003'; buka di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)'",
}


def _sidik(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def jenis_json(entri: list[Entri], nama: str) -> str:
    """Format A/B/C dari kolom entri pertama; ``ImporGagal`` bila bukan ekspor SIPD-RI yang dikenal."""
    if not entri:
        tolak("berkas JSON berisi larik kosong (tidak ada entri); unduh ulang dari SIPD-RI", Lokasi(nama))
    pertama = entri[0]
    kolom = set(pertama.isi)
    for jenis in ("A", "B", "C"):
        if set(CIRI[jenis]) <= kolom and not (set(BUKAN.get(jenis, ())) & kolom):
            return jenis
    # paling mirip: sebut kolom yang kurang, bukan hanya "tidak dikenal"
    mirip = max(("A", "B", "C"), key=lambda j: (not set(BUKAN.get(j, ())) & kolom,
                                                len(set(CIRI[j]) & kolom) / len(CIRI[j])))
    ada = set(CIRI[mirip]) & kolom
    di = Lokasi(nama, pertama.nomor, pertama.baris)
    if len(ada) >= 2:
        kurang = ", ".join(k for k in CIRI[mirip] if k not in kolom)
        tolak(f"mirip {LABEL[mirip]} SIPD-RI tetapi kolom {kurang} tidak ada; unduh ulang berkas itu dari SIPD-RI",
              di)
    contoh = ", ".join(sorted(kolom)[:6]) or "(tanpa kolom)"
    tolak("bukan ekspor SIPD-RI yang dikenal: entri pertama tidak memuat kolom Renja lampiran "
          "(kode_sub_skpd, kode_sub_giat, tolak_ukur_output, ...), daftar pagu (kode_skpd, kode_sub_skpd, "
          f"kode_sub_giat, pagu) atau daftar SKPD (kode_skpd, nama_skpd, set_pagu_skpd); kolomnya: {contoh}", di)


def periksa_kolom(b: Berkas, lapor: Laporan) -> None:
    """Setiap entri memuat kolom ciri formatnya (entri pertama sudah diperiksa oleh ``jenis_json``)."""
    for e in b.entri[1:]:
        kurang = [k for k in CIRI[b.jenis] if k not in e.isi]
        if kurang:
            lapor.salah(Lokasi(b.nama, e.nomor, e.baris), f"kolom {', '.join(kurang)} tidak ada di entri ini, "
                        f"padahal ada di entri pertama ({b.label}); berkas mungkin gabungan dua ekspor berbeda",
                        kolom=kurang[0], jenis="kolom tidak ada")


def kenali(path: Path, nama: str) -> Berkas:
    """Baca dan kenali satu berkas; ``ImporGagal`` bila bukan ekspor SIPD-RI yang dikenal."""
    if not path.is_file():
        tolak("berkas tidak ditemukan", Lokasi(nama))
    with path.open("rb") as f:
        awal = f.read(4096)
    jenis = jenis_isi(awal)
    if jenis == "zip":

        b = Berkas(path, nama, "D", _sidik(path))
        b.lembar, b.baris_judul, b.judul = kenali_rekap(path, nama)
        return b
    if jenis in _PESAN_JENIS:
        tolak(_PESAN_JENIS[jenis], Lokasi(nama))
    awal_teks = awal.lstrip(b"\xef\xbb\xbf").lstrip()
    if not awal_teks.startswith((b"[", b"{")):
        tolak("isi berkas bukan larik/objek JSON ([...] atau {...}) ataupun buku kerja xlsx: ekspor SIPD-RI berupa "
              "JSON (Renja lampiran, daftar pagu, daftar SKPD) atau rekap xlsx", Lokasi(nama))
    entri = baca_json(path, nama)
    return Berkas(path, nama, jenis_json(entri, nama), _sidik(path), entri=entri)
