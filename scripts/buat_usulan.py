"""Membuat data demo prioritas dan usulan (keputusan #20), terpisah dari ``scripts/buat_seed.py``.

    python scripts/buat_usulan.py

Masukan: ``data/prioritas/prioritas_kaltara_dan_nasional.csv`` (rumusan asli, lihat ``data/prioritas/SUMBER.md``).
Keluaran dalam format impor (docs/FORMAT_IMPOR.md, "Prioritas dan usulan"):

- ``data/seed/prioritas.csv``: baris asli apa adanya, ditambah urusan dan PN ilustrasi untuk prioritas Kaltara;
- ``data/seed/indikator_prioritas.csv``: indikator provinsi Kaltara yang melayani setiap prioritas (ilustrasi);
- ``data/seed/usulan.csv``: 18 usulan setiap kabupaten/kota Kaltara untuk RKPD 2026 (ilustrasi), tersebar di
  setiap status keselarasan dan setiap keputusan (termasuk belum dibahas).

Acak tetapi tetap: setiap kabupaten/kota punya ``random.Random`` sendiri dari SEED, jadi dua kali jalan memberi
berkas yang sama persis.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASUK = ROOT / "data" / "prioritas" / "prioritas_kaltara_dan_nasional.csv"
SEED_DIR = ROOT / "data" / "seed"
SEED = 20262
TAHUN = 2026
ILUSTRASI = "ilustrasi demo (urusan dan PN yang dilayani tidak disebut sumber)"

#: Prioritas Kaltara -> (urusan yang melayani, PN RKP 2026 yang dilayani, indikator provinsi tertaut). Ilustrasi.
#: P06 tanpa daftar urusan (urusannya lewat indikator tertaut); P10 tanpa urusan dan tanpa indikator.
PETA = {
    "P01": ("3.29, 1.03", "2, 5", ["ESD-01"]),
    "P02": ("3.31, 2.18", "5", ["IND-01", "PM-01"]),
    "P03": ("2.09, 3.27, 3.25", "2", ["PGN-01", "TAN-01", "TAN-02", "IKN-01"]),
    "P04": ("1.03, 2.15", "3", ["PU-01", "PU-02", "HUB-01"]),
    "P05": ("1.03, 1.04, 2.13", "6", ["PRK-01", "PMD-01", "PU-03"]),
    "P06": ("", "3", ["IKU-03", "IKU-06", "DAG-01", "PAR-01"]),
    "P07": ("1.01, 1.02", "4", ["IKU-01", "PDK-03", "PDK-04", "KES-01", "KES-03"]),
    "P08": ("2.07", "3", ["IKU-04", "NAK-01", "NAK-02"]),
    "P09": ("2.17", "3", ["UKM-01"]),
    "P10": ("", "6", []),
}

KABKOTA = {
    "65.01": ["Tanjung Selor", "Tanjung Palas", "Sekatak", "Peso", "Tanjung Palas Timur"],
    "65.02": ["Malinau Kota", "Mentarang", "Kayan Hulu", "Malinau Barat", "Sungai Boh"],
    "65.03": ["Nunukan", "Sebatik", "Krayan", "Lumbis", "Sembakung"],
    "65.04": ["Sesayap", "Sesayap Hilir", "Tana Lia", "Betayau", "Muruk Rian"],
    "65.71": ["Tarakan Barat", "Tarakan Timur", "Tarakan Tengah", "Tarakan Utara"],
}

# judul, urusan, prioritas, sub kegiatan (K = 1 kegiatan provinsi, 2 kabupaten/kota), satuan, perangkat daerah
# provinsi, permasalahan. Status yang dihasilkan aturan keselarasan di komentar.
USULAN = [
    ("Peningkatan jalan provinsi ruas {lok}", "1.03", "P04", "1.03.10.1.01.0012", "km", "Dinas PUPR-Perkim",
     "akses jalan provinsi rusak berat saat musim hujan"),                                      # sejalan
    ("Pembangunan jembatan penghubung {lok}", "1.03", "P04", "1.03.10.1.01.0015", "unit", "Dinas PUPR-Perkim",
     "desa terisolasi tanpa jembatan"),                                                         # sejalan
    ("Perluasan SPAM regional {lok}", "1.03", "P05", "1.03.03.1.01.0032", "SR", "Dinas PUPR-Perkim",
     "cakupan air minum perpipaan rendah"),                                                     # sejalan
    ("Rehabilitasi rumah tidak layak huni {lok}", "1.04", "P05", None, "unit", "Dinas PUPR-Perkim",
     "rumah tidak layak huni di kawasan perbatasan"),                                           # sejalan
    ("Bantuan alat dan mesin pertanian kelompok tani {lok}", "3.27", "P03", "3.27.02.1.01.0002", "paket",
     "Dinas Pertanian dan Ketahanan Pangan", "produktivitas padi rendah"),                     # sejalan
    ("Sarana penangkapan ikan nelayan kecil {lok}", "3.25", "P03", "3.25.03.1.01.0004", "paket",
     "Dinas Kelautan dan Perikanan", "armada nelayan kecil terbatas"),                        # sejalan
    ("Pelatihan berbasis kompetensi pencari kerja {lok}", "2.07", "P08", "2.07.03.1.01.0001", "orang",
     "Dinas Tenaga Kerja dan Transmigrasi", "pengangguran usia muda"),                         # sejalan
    ("Pendampingan koperasi dan UMKM {lok}", "2.17", "P09", "2.17.03.1.01.0003", "unit usaha",
     "Dinas Koperasi dan UKM", "akses pembiayaan usaha mikro"),                                 # sejalan
    ("Pengembangan daya tarik wisata {lok}", "3.26", "P06", None, "paket", "Dinas Kebudayaan dan Pariwisata",
     "kunjungan wisatawan rendah"),                                                              # sejalan (indikator)
    ("Rehabilitasi ruang kelas SMA {lok}", "1.01", "P07", "1.01.02.1.01.0006", "ruang", "Dinas Pendidikan dan "
     "Kebudayaan", "ruang kelas rusak"),                                                          # sejalan
    ("Penanganan stunting terpadu {lok}", "1.02", "P07", None, "desa", "Dinas Kesehatan",
     "prevalensi stunting di atas rata-rata provinsi"),                                         # sejalan
    ("Jaringan listrik desa {lok}", "3.29", "P01", None, "km", "Dinas ESDM",
     "desa belum teraliri listrik"),                                                             # sejalan
    ("Pembangunan jalan akses sekolah {lok}", "1.03", "P07", "1.03.10.1.01.0012", "km", "Dinas PUPR-Perkim",
     "akses ke sekolah sulit"),                                                                  # urusan tidak sesuai
    ("Festival budaya daerah {lok}", "2.22", "P06", None, "kegiatan", "Dinas Kebudayaan dan Pariwisata",
     "pelestarian budaya lokal"),                                                                # urusan tidak sesuai
    ("Pengadaan mobil ambulans desa {lok}", "1.02", "P04", None, "unit", "Dinas Kesehatan",
     "rujukan pasien dari desa terpencil"),                                                      # urusan tidak sesuai
    ("Insentif ketua RT {lok}", "2.13", "P10", None, "orang", "Dinas PMD",
     "penghasilan ketua RT rendah"),                                                             # perlu diperiksa
    ("Peningkatan penghasilan aparat desa {lok}", "2.13", "P10", None, "orang", "Dinas PMD",
     "penghasilan aparat desa di bawah UMP"),                                                    # perlu diperiksa
    ("Gedung olahraga serbaguna {lok}", "2.19", None, None, "unit", "Dinas Pemuda dan Olahraga",
     "sarana olahraga terbatas"),                                                                # tanpa prioritas
    ("Pembangunan kantor kecamatan {lok}", "4.01", None, None, "unit", "Biro Pemerintahan",
     "kantor kecamatan tidak layak"),                                                            # tanpa prioritas
    ("Semenisasi jalan lingkungan {lok}", "1.03", "P05", "1.03.10.2.01.0012", "m", "Dinas PUPR-Perkim",
     "jalan lingkungan becek"),                                                                  # bukan kewenangan
    ("Rehabilitasi puskesmas {lok}", "1.02", "P07", "1.02.02.2.01.0009", "unit", "Dinas Kesehatan",
     "puskesmas rusak ringan"),                                                                  # bukan kewenangan
    ("Pembangunan SD satu atap {lok}", "1.01", "P07", "1.01.02.2.01.0006", "unit", "Dinas Pendidikan dan "
     "Kebudayaan", "daya tampung SD kurang"),                                                    # bukan kewenangan
]

#: keputusan menurut status: (keputusan, bobot). "" = belum dibahas.
KEPUTUSAN = {
    "sejalan": [("", 30), ("diterima", 45), ("diterima_catatan", 15), ("ditunda", 10)],
    "urusan_tidak_sesuai": [("", 35), ("diterima_catatan", 25), ("dialihkan", 20), ("ditunda", 20)],
    "perlu_diperiksa": [("", 40), ("ditunda", 40), ("dialihkan", 20)],
    "tanpa_prioritas": [("", 35), ("ditolak", 40), ("dialihkan", 25)],
    "bukan_kewenangan_provinsi": [("", 25), ("dialihkan", 55), ("ditolak", 20)],
}
ALASAN = {
    "dialihkan": {"apbd_kabkota": "Kewenangan kabupaten/kota; dianggarkan di APBD kabupaten/kota",
                  "bantuan_keuangan": "Diusulkan melalui bantuan keuangan provinsi",
                  "dak": "Menu DAK fisik tersedia; diusulkan melalui DAK",
                  "apbn": "Kewenangan pusat; diteruskan ke Musrenbangnas"},
    "ditolak": "Tidak sejalan dengan prioritas pembangunan provinsi dan pagu indikatif terbatas",
}


def status_ilustrasi(urusan: str, prioritas: str | None, sub_kegiatan: str | None) -> str:
    """Status yang diharapkan menurut aturan keselarasan (hanya untuk memilih keputusan yang masuk akal; status yang
    tampil dihitung basis data)."""
    if sub_kegiatan and sub_kegiatan.split(".")[3] != "1":
        return "bukan_kewenangan_provinsi"
    if not prioritas:
        return "tanpa_prioritas"
    daftar, _, indikator = PETA[prioritas]
    if not daftar and not indikator:
        return "perlu_diperiksa"
    sah = {u.strip() for u in daftar.split(",") if u.strip()}
    if prioritas == "P06":
        sah |= {"3.30", "3.26"}  # urusan indikator tertaut DAG-01, PAR-01 (IKU-03/IKU-06 lintas urusan)
    return "sejalan" if urusan in sah else "urusan_tidak_sesuai"


def _tulis(nama: str, kolom: list[str], rows: list[dict]) -> None:
    with (SEED_DIR / nama).open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=kolom, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in kolom})


def prioritas() -> list[dict]:
    with MASUK.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["daerah_kode"] == "65" and r["jenis"] == "prioritas":
            urusan, pn, _ = PETA[r["kode"]]
            r["urusan_kode"], r["pn_kode"] = urusan, pn
            r["sumber"] = f"{r['sumber']}; urusan dan PN: {ILUSTRASI}"
    return rows


def usulan() -> list[dict]:
    hasil = []
    for daerah, lokasi in KABKOTA.items():
        rng = random.Random(f"{SEED}-{daerah}")
        pilih = rng.sample(USULAN, 18)
        for nomor, (judul, urusan, pri, sk, satuan, pd, masalah) in enumerate(pilih, start=1):
            lok = rng.choice(lokasi)
            status = status_ilustrasi(urusan, pri, sk)
            pilihan, bobot = zip(*KEPUTUSAN[status])
            kep = rng.choices(pilihan, weights=bobot)[0]
            biaya = rng.randrange(10, 400) * 50_000_000
            alih = rng.choice(sorted(ALASAN["dialihkan"])) if kep == "dialihkan" else None
            if status == "bukan_kewenangan_provinsi" and kep == "dialihkan":
                alih = "apbd_kabkota"
            alasan = (ALASAN["dialihkan"][alih] if alih else ALASAN["ditolak"] if kep == "ditolak"
                      else "Disesuaikan dengan pagu indikatif perangkat daerah" if kep == "diterima_catatan"
                      else "Menunggu hasil verifikasi lapangan" if kep == "ditunda" else None)
            pagu = (biaya if kep == "diterima" else biaya * rng.choice((5, 6, 7, 8)) // 10
                    if kep == "diterima_catatan" else None)
            hasil.append({
                "daerah_kode": daerah, "tahun": TAHUN, "nomor": nomor, "judul": judul.format(lok=lok),
                "urusan_kode": urusan, "prioritas_kode": pri, "permasalahan": f"Ilustrasi demo: {masalah}",
                "lokasi": f"Kecamatan {lok}", "volume": rng.randrange(1, 20), "satuan": satuan, "biaya": biaya,
                "sub_kegiatan_kode": sk, "perangkat_daerah": pd,
                "sumber": rng.choices(("pemda", "pokir", "masyarakat"), weights=(6, 2, 2))[0],
                "keputusan": kep or None, "alasan": alasan, "dialihkan_ke": alih, "pagu_disepakati": pagu,
            })
    return hasil


def main() -> None:
    pr = prioritas()
    _tulis("prioritas.csv", ["tingkat", "daerah_kode", "dokumen", "jenis", "kode", "nama", "induk_kode",
                             "tahun_awal", "tahun_akhir", "urusan_kode", "pn_kode", "sumber", "catatan"], pr)
    ip = [{"daerah_kode": "65", "periode_rpjmd": "2021-2026", "indikator_kode": ind, "prioritas_kode": kode}
          for kode, (_, _, daftar) in PETA.items() for ind in daftar]
    _tulis("indikator_prioritas.csv", ["daerah_kode", "periode_rpjmd", "indikator_kode", "prioritas_kode"], ip)
    us = usulan()
    _tulis("usulan.csv", ["daerah_kode", "tahun", "nomor", "judul", "urusan_kode", "prioritas_kode", "permasalahan",
                          "lokasi", "volume", "satuan", "biaya", "sub_kegiatan_kode", "perangkat_daerah", "sumber",
                          "keputusan", "alasan", "dialihkan_ke", "pagu_disepakati"], us)
    hitung: dict = {}
    for u in us:
        s = status_ilustrasi(u["urusan_kode"], u["prioritas_kode"], u["sub_kegiatan_kode"])
        hitung.setdefault(s, {}).setdefault(u["keputusan"] or "belum", 0)
        hitung[s][u["keputusan"] or "belum"] += 1
    print(f"prioritas.csv {len(pr)} baris, indikator_prioritas.csv {len(ip)}, usulan.csv {len(us)}")
    for s, k in sorted(hitung.items()):
        print(f"  {s}: {dict(sorted(k.items()))}")


if __name__ == "__main__":
    main()
