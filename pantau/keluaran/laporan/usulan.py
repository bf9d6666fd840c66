"""Rekapitulasi usulan kabupaten/kota (keputusan #20) untuk berita acara Rakortekrenbang provinsi, dalam model
``Tabel`` laporan sehingga digambar oleh penyaji Excel dan PDF yang sama dengan laporan evaluasi.

Satu baris per usulan dengan status keselarasan dan keputusannya, dikelompokkan per kabupaten/kota, dengan baris
jumlah setiap kabupaten/kota dan jumlah provinsi di kaki. Angka dari ``queries/usulan_daftar.sql`` dan
``queries/usulan_per_daerah.sql``.
"""
from __future__ import annotations

from pantau.aturan.format import format_angka, kosong
from pantau.aturan.usulan import DIALIHKAN_KE, STATUS, label_keputusan, label_status
from pantau.db.kueri import penanya
from pantau.keluaran.laporan import Kolom, Tabel

KOLOM = [
    Kolom("No", lebar=5, jenis="teks"),
    Kolom("Nomor usulan", lebar=7, jenis="teks"),
    Kolom("Judul usulan", lebar=40, jenis="teks"),
    Kolom("Urusan", lebar=22, jenis="teks"),
    Kolom("Prioritas provinsi", lebar=26, jenis="teks"),
    Kolom("Lokasi", lebar=18, jenis="teks"),
    Kolom("Biaya (Rp)", lebar=16, jenis="rupiah"),
    Kolom("Status keselarasan", lebar=18, jenis="teks"),
    Kolom("Keputusan", lebar=18, jenis="teks"),
    Kolom("Alasan / catatan", lebar=36, jenis="teks"),
    Kolom("Pagu disepakati (Rp)", lebar=16, jenis="rupiah"),
]


def _n(x) -> float | None:
    return None if kosong(x) else float(x)


def susun_rekap_usulan(sumber, *, provinsi: str, tahun: int) -> Tabel:
    """``sumber``: koneksi/BasisData (perintah baris) atau ``data.tanya`` (halaman)."""
    tanya = penanya(sumber)
    prov = tanya("daftar_provinsi")
    nama_prov = dict(zip(prov["kode"], prov["nama"])).get(provinsi, provinsi)
    daftar = tanya("usulan_daftar", provinsi=provinsi, tahun=int(tahun))
    per = tanya("usulan_per_daerah", provinsi=provinsi, tahun=int(tahun))
    tabel = Tabel(judul=[f"Rekapitulasi usulan kabupaten/kota kepada Provinsi {nama_prov}",
                         f"Rakortekrenbang · RKPD tahun {tahun}"],
                  kolom=KOLOM, nama_berkas=f"rekap-usulan-{provinsi}-{tahun}", kertas="A4")
    no = 0
    for r in per.itertuples(index=False):
        bagian = daftar[daftar["daerah_kode"] == r.daerah_kode]
        if bagian.empty:
            continue
        tabel.baris.append(("urusan", [f"{r.daerah_kode} {r.daerah_nama} · {int(r.jumlah)} usulan, "
                                       f"{int(r.sejalan)} sejalan, {int(r.belum_dibahas)} belum dibahas"]))
        for u in bagian.itertuples(index=False):
            no += 1
            alasan = u.alasan if not kosong(u.alasan) else None
            if u.keputusan == "dialihkan" and not kosong(u.dialihkan_ke):
                alasan = f"ke {DIALIHKAN_KE.get(u.dialihkan_ke, u.dialihkan_ke)}" + (f": {alasan}" if alasan else "")
            tabel.baris.append(("data", [
                str(no), str(int(u.nomor)), u.judul,
                f"{u.urusan_kode} {u.urusan_nama or ''}".strip(),
                None if kosong(u.prioritas_kode) else f"{u.prioritas_kode} {u.prioritas_nama or ''}".strip(),
                None if kosong(u.lokasi) else u.lokasi, _n(u.biaya), label_status(u.status),
                label_keputusan(u.keputusan), alasan, _n(u.pagu_disepakati)]))
        tabel.baris.append(("data", [None, None, f"Jumlah {r.daerah_nama}", None, None, None, _n(r.biaya), None,
                                     None, None, _n(r.pagu_disepakati)]))
    jumlah = per[["jumlah", "biaya", "pagu_disepakati", "belum_dibahas", "diterima", "diterima_catatan",
                  "dialihkan", "ditunda", "ditolak", *STATUS]].sum()
    tabel.kaki = [
        ("Jumlah usulan", f"{int(jumlah['jumlah'])} usulan dari {int((per['jumlah'] > 0).sum())} kabupaten/kota, "
                          f"biaya Rp {format_angka(jumlah['biaya'], 0)}"),
        ("Keselarasan", "; ".join(f"{label_status(s)} {int(jumlah[s])}" for s in STATUS)),
        ("Keputusan", "; ".join(f"{label_keputusan(k)} {int(jumlah[c])}" for k, c in (
            (None, "belum_dibahas"), ("diterima", "diterima"), ("diterima_catatan", "diterima_catatan"),
            ("dialihkan", "dialihkan"), ("ditunda", "ditunda"), ("ditolak", "ditolak")))),
        ("Pagu disepakati", f"Rp {format_angka(jumlah['pagu_disepakati'], 0)}"),
    ]
    return tabel
