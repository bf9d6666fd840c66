"""Perintah ``python -m pantau rekap-usulan``: rekapitulasi usulan kabupaten/kota sebagai .xlsx atau .pdf
(keputusan #20)."""
from __future__ import annotations

import sys
from pathlib import Path

from pantau.db import buka, jalankan


def daftarkan(perintah) -> None:
    sp = perintah("rekap-usulan", "tulis rekapitulasi usulan kabupaten/kota kepada provinsi (berita acara "
                                  "Rakortekrenbang) sebagai Excel atau PDF")
    sp.add_argument("--provinsi", required=True, help="kode Kemendagri provinsi, mis. 65")
    sp.add_argument("--tahun", type=int, required=True, help="tahun RKPD yang diusulkan, mis. 2026")
    sp.add_argument("--keluar", required=True, help="berkas .xlsx atau .pdf")


def jalankan_rekap(a) -> int:
    from pantau.keluaran.laporan.excel import excel_bytes
    from pantau.keluaran.laporan.pdf import pdf_bytes
    from pantau.keluaran.laporan.usulan import susun_rekap_usulan

    keluar = Path(a.keluar)
    if keluar.suffix.lower() not in (".xlsx", ".pdf"):
        print("Kesalahan: --keluar harus berakhiran .xlsx atau .pdf.", file=sys.stderr)
        return 2
    con = buka(a.db, baca_saja=True)
    try:
        ada = jalankan(con, "usulan_tahun", provinsi=a.provinsi)
        if a.tahun not in set(int(t) for t in ada["tahun"]):
            tahun = ", ".join(str(int(t)) for t in ada["tahun"]) or "tidak ada"
            print(f"Kesalahan: tidak ada usulan kepada provinsi {a.provinsi} untuk RKPD {a.tahun} (tahun yang ada: "
                  f"{tahun}).", file=sys.stderr)
            return 1
        tabel = susun_rekap_usulan(con, provinsi=a.provinsi, tahun=a.tahun)
        keluar.parent.mkdir(parents=True, exist_ok=True)
        keluar.write_bytes(excel_bytes(tabel) if keluar.suffix.lower() == ".xlsx" else pdf_bytes(tabel))
        print(f"Ditulis: {keluar}")
        return 0
    finally:
        con.close()
