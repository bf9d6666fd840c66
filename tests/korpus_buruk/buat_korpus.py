"""Membuat korpus berkas impor yang SALAH, secara deterministik (bita yang sama setiap kali dijalankan).

    python tests/korpus_buruk/buat_korpus.py        # menulis ulang berkas di folder ini

Setiap berkas dinamai menurut kasusnya. ``KASUS`` menyebut, per berkas, kesalahan yang harus
dilaporkan: (lembar, baris, kolom, potongan pesan). ``tests/test_korpus.py`` mengimpor setiap berkas
ke basis data berisi ``DASAR`` dan memeriksa bahwa impor ditolak dengan kesalahan itu dan bahwa basis
data (isi maupun bita berkasnya) tidak berubah.

Berkas yang sangat besar (200.000 baris) tidak disimpan di sini: uji membuatnya saat berjalan
(``buku_besar``).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

FOLDER = Path(__file__).resolve().parent
D = "65.01"
P = "2021-2026"
_WAKTU = (2024, 1, 1, 0, 0, 0)

# Isi basis data sebelum setiap berkas korpus diimpor (lewat jalur impor yang sama).
DASAR = {
    "indikator": [
        ["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan", "polaritas", "agregasi"],
        [D, P, "1.02", "IPM", "Indeks Pembangunan Manusia", "indeks", "positif", "akhir"],
        [D, P, "1.02", "MISKIN", "Persentase penduduk miskin", "persen", "negatif", "akhir"],
        [D, P, "1.03", "JALAN", "Panjang jalan dibangun", "km", "positif", "kumulatif"],
        [D, P, "", "PE", "Pertumbuhan ekonomi", "persen", "rentang", "akhir"],
    ],
    "target": [
        ["daerah_kode", "indikator_kode", "tahun", "target"],
        [D, "IPM", 2023, 72],
        [D, "MISKIN", 2023, 6],
        [D, "PE", 2023, "5,5 - 6,5"],
    ],
    "realisasi": [
        ["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi", "status"],
        [D, "IPM", 2023, "TAHUN", 71.5, "tetap"],
        [D, "MISKIN", 2023, "TW1", "6,4", "sementara"],
        [D, "JALAN", 2023, "TW1", 12, "tetap"],
    ],
}

JUDUL_R = ["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi"]
JUDUL_T = ["daerah_kode", "indikator_kode", "tahun", "target"]
JUDUL_I = DASAR["indikator"][0]


JUDUL_D = ["daerah_kode", "tahun", "indikator_kode", "sub_kegiatan_kode", "perangkat_daerah", "pagu",
           "realisasi_tw1"]


def d(indikator="IPM", sk="1.02.02.2.01.0014", pagu="1.250.000.000", tw1="125.000.000", tahun=2024):
    return [D, tahun, indikator, sk, "Dinas Kesehatan", pagu, tw1]


def r(kode="IPM", tahun=2024, periode="TAHUN", nilai="72,1", daerah=D):
    return [daerah, kode, tahun, periode, nilai]


@dataclass
class Kasus:
    berkas: str
    #: (lembar, baris, kolom, potongan pesan) yang harus ada di antara kesalahan
    harapan: tuple
    keterangan: str


# -- alat tulis deterministik -----------------------------------------------------------------------

def _zip_tetap(data: bytes) -> bytes:
    """Tulis ulang zip dengan cap waktu tetap (openpyxl memakai waktu sekarang)."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            isi = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":
                isi = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", isi)
            zi = zipfile.ZipInfo(info.filename, date_time=_WAKTU)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, isi)
    return keluar.getvalue()


def buku(lembar: dict[str, list[list]], ubah=None) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, rows in lembar.items():
        ws = wb.create_sheet(nama)
        for row in rows:
            ws.append(row)
    if ubah:
        ubah(wb)
    wb.properties.created = dt.datetime(2024, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return _zip_tetap(buf.getvalue())


def realisasi(*rows, judul=JUDUL_R) -> bytes:
    return buku({"realisasi": [judul, *rows]})


def csv_bytes(rows: list[list], pemisah=",", enc="utf-8", bom=False) -> bytes:
    teks = "\r\n".join(pemisah.join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + teks.encode(enc)


def buku_besar(n: int = 200_000, salah_di_akhir: bool = True) -> bytes:
    """Buku kerja dengan lembar indikator (kode B00000, B00001, ...) dan n baris realisasi sah berkunci
    berbeda (30 per indikator: 6 tahun x 5 periode); bila ``salah_di_akhir``, sel realisasi baris
    terakhir berisi 'abc'."""
    wb = openpyxl.Workbook(write_only=True)
    n_ind = (n + 29) // 30
    wi = wb.create_sheet("indikator")
    wi.append(JUDUL_I)
    for j in range(n_ind):
        wi.append([D, P, "1.02", f"B{j:05d}", f"Indikator besar {j}", "indeks", "positif", "akhir"])
    ws = wb.create_sheet("realisasi")
    ws.append(JUDUL_R + ["periode_rpjmd"])
    per = ("TW1", "TW2", "TW3", "TW4", "TAHUN")
    for i in range(n):
        nilai = "abc" if salah_di_akhir and i == n - 1 else f"{i % 97},{i % 10}"
        ws.append([D, f"B{i // 30:05d}", 2021 + (i // 5) % 6, per[i % 5], nilai, P])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- kasus ------------------------------------------------------------------------------------------

def _rumus(wb):
    wb["realisasi"]["E3"] = "=B2*2"  # openpyxl menulis rumus tanpa nilai tersimpan


def _gabung(wb):
    ws = wb["realisasi"]
    ws.merge_cells("A2:A4")


def _tanggal(wb):
    ws = wb["realisasi"]
    ws["C3"] = dt.datetime(2024, 1, 1)
    ws["C3"].number_format = "dd/mm/yyyy"


def _persen_negatif(wb):
    ws = wb["realisasi"]
    ws["E2"] = -0.05
    ws["E2"].number_format = "0.00%"


_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
_HTML = ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta charset=\"utf-8\"></head><body>"
         "<table><tr><td>daerah_kode</td><td>indikator_kode</td><td>tahun</td><td>periode</td><td>realisasi</td></tr>"
         f"<tr><td>{D}</td><td>IPM</td><td>2024</td><td>TAHUN</td><td>72,1</td></tr></table></body></html>").encode()
# Tanda tangan berkas OLE (Excel 97-2003) diikuti isi palsu: cukup untuk dikenali sebagai .xls
_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Workbook" + bytes(512)


def _kasus() -> list[tuple[Kasus, bytes]]:
    k: list[tuple[Kasus, bytes]] = []

    def tambah(berkas, isi, harapan, keterangan):
        k.append((Kasus(berkas, harapan, keterangan), isi))

    tambah("kolom_wajib_realisasi_hilang.xlsx",
           realisasi([D, "IPM", 2024, "TAHUN"], judul=JUDUL_R[:4]),
           ("realisasi", 1, "realisasi", "kolom wajib tidak ada"), "kolom 'realisasi' tidak ada")
    tambah("kolom_salah_nama_thn.xlsx",
           realisasi(r(), judul=["daerah_kode", "indikator_kode", "thn", "periode", "realisasi"]),
           ("realisasi", 1, "tahun", "kolom wajib tidak ada"), "kolom 'tahun' ditulis 'thn'")
    tambah("kolom_judul_dobel.xlsx",
           realisasi(r() + [2024], judul=JUDUL_R + ["tahun"]),
           ("realisasi", 1, "tahun", "lebih dari sekali"), "dua kolom bernama 'tahun'")
    tambah("lembar_bernama_sheet1.xlsx",
           buku({"Sheet1": [JUDUL_R, r()]}),
           (None, None, None, "lembar yang ada: 'Sheet1'"), "lembar tidak bernama indikator/target/realisasi")
    tambah("lembar_bernama_realisasi_tw3.xlsx",
           buku({"Realisasi TW3": [JUDUL_R, r()]}),
           (None, None, None, "ganti nama lembar 'Realisasi TW3' menjadi 'realisasi'"), "lembar diganti nama")
    tambah("teks_di_sel_angka.xlsx",
           realisasi(r(), r(tahun=2025, nilai="tujuh puluh dua")),
           ("realisasi", 3, "realisasi", "bukan angka"), "teks di sel angka")
    tambah("angka_gaya_inggris_1,234.5.xlsx",
           realisasi(r("JALAN", nilai="1,234.5")),
           ("realisasi", 2, "realisasi", "gaya Inggris"), "\"1,234.5\" (koma ribuan) ditolak")
    tambah("daerah_tidak_dikenal.xlsx",
           realisasi(r(daerah="99.99")),
           ("realisasi", 2, "daerah_kode", "tidak dikenal"), "kode daerah tidak ada")
    tambah("daerah_pakai_kode_bps.xlsx",
           realisasi(r(daerah="6502")),
           ("realisasi", 2, "daerah_kode", "kode BPS"), "kode BPS, bukan Kemendagri")
    tambah("indikator_tidak_dikenal.xlsx",
           realisasi(r("IPMM")),
           ("realisasi", 2, "indikator_kode", "mungkin maksudnya IPM"), "kode indikator salah ketik")
    tambah("urusan_tidak_dikenal.xlsx",
           buku({"indikator": [JUDUL_I, [D, P, "9.99", "BARU", "Indikator baru", "persen", "positif", "akhir"]]}),
           ("indikator", 2, "urusan_kode", "tidak dikenal"), "kode urusan tidak ada")
    tambah("polaritas_salah.xlsx",
           buku({"indikator": [JUDUL_I, [D, P, "1.02", "BARU", "Indikator baru", "persen", "naik", "akhir"]]}),
           ("indikator", 2, "polaritas", "harus salah satu"), "polaritas 'naik'")
    tambah("periode_rpjmd_salah.xlsx",
           buku({"indikator": [JUDUL_I, [D, "2021/2026", "1.02", "BARU", "Indikator baru", "persen", "positif",
                                         "akhir"]]}),
           ("indikator", 2, "periode_rpjmd", "bukan periode RPJMD"), "periode RPJMD '2021/2026'")
    tambah("baris_dobel.xlsx",
           realisasi(r(), r("JALAN", nilai=3), r(nilai="72,5")),
           ("realisasi", 4, None, "baris 2 dan 4"), "dua baris berkunci sama")
    tambah("tahun_di_luar_periode.xlsx",
           realisasi(r(tahun=2030)),
           ("realisasi", 2, "tahun", "di luar periode"), "tahun 2030 untuk RPJMD 2021-2026")
    tambah("tahun_bukan_angka.xlsx",
           realisasi(r(tahun="dua ribu dua puluh empat")),
           ("realisasi", 2, "tahun", "bukan tahun"), "tahun ditulis dengan huruf")
    tambah("tahun_berisi_tanggal.xlsx",
           buku({"realisasi": [JUDUL_R, r(), r(tahun=2025)]}, ubah=_tanggal),
           ("realisasi", 3, "tahun", "berisi tanggal"), "sel tahun berformat tanggal")
    tambah("triwulan_5.xlsx",
           realisasi(r(periode="TW5")),
           ("realisasi", 2, "periode", "triwulan 5 tidak ada"), "TW5")
    tambah("periode_kosong.xlsx",
           realisasi(r(periode=None)),
           ("realisasi", 2, "periode", "wajib diisi"), "periode realisasi kosong")
    tambah("status_salah.xlsx",
           buku({"realisasi": [JUDUL_R + ["status"], r() + ["final"]]}),
           ("realisasi", 2, "status", "sementara"), "status 'final'")
    tambah("dokumen_target_salah.xlsx",
           buku({"target": [JUDUL_T + ["dokumen"], [D, "IPM", 2024, 73, "RENSTRA"]]}),
           ("target", 2, "dokumen", "RPJMD atau RKPD"), "dokumen 'RENSTRA'")
    tambah("realisasi_negatif_persen.xlsx",
           realisasi(r("MISKIN", nilai="-1,5")),
           ("realisasi", 2, "realisasi", "tidak boleh negatif"), "persentase negatif")
    tambah("realisasi_negatif_sel_persen_excel.xlsx",
           buku({"realisasi": [JUDUL_R, r("MISKIN", nilai=0)]}, ubah=_persen_negatif),
           ("realisasi", 2, "realisasi", "tidak boleh negatif"), "sel Excel -5,00% untuk satuan persen")
    tambah("target_negatif_km.xlsx",
           buku({"target": [JUDUL_T, [D, "JALAN", 2024, -10]]}),
           ("target", 2, "target", "tidak boleh negatif"), "panjang jalan negatif")
    tambah("rumus_tanpa_nilai_tersimpan.xlsx",
           buku({"realisasi": [JUDUL_R, r(), r(tahun=2025)]}, ubah=_rumus),
           ("realisasi", 3, "realisasi", "rumus tanpa nilai tersimpan"), "rumus tulisan openpyxl (tanpa <v>)")
    tambah("sel_digabung.xlsx",
           buku({"realisasi": [JUDUL_R, r(), r(daerah=None, tahun=2025), r(daerah=None, tahun=2026)]}, ubah=_gabung),
           ("realisasi", 2, "daerah_kode", "sel digabung (merge) A2:A4"), "kode daerah digabung ke bawah")
    tambah("judul_tidak_di_baris_1.xlsx",
           buku({"realisasi": [["Realisasi TW III Kabupaten Bulungan"], [], JUDUL_R, r(),
                               r(tahun=2025, nilai="7,2x")]}),
           ("realisasi", 5, "realisasi", "bukan angka"),
           "judul laporan di baris 1, judul kolom di baris 3: nomor baris tetap seperti di Excel")
    tambah("kode_spasi_tak_terlihat.xlsx",
           realisasi([D + "\u00a0", " IPM\u200b", 2024, "TAHUN", "72,1"],
                     [" 65.01 ", "JALAN\u00a0", 2024, "tw 1", "3"],
                     [D, "MISKIN", 2024, "TW1", "enam"]),
           ("realisasi", 4, "realisasi", "bukan angka"),
           "spasi, spasi tak putus dan spasi nol-lebar di kode dibersihkan; yang tersisa hanya sel salah di baris 4")
    tambah("xlsx_kosong_0_bita.xlsx", b"", (None, None, None, "kosong (0 bita)"), "berkas 0 bita")
    tambah("pdf_dinamai_xlsx.xlsx", _PDF, (None, None, None, "adalah PDF"), "PDF diberi akhiran .xlsx")
    tambah("teks_dinamai_xlsx.xlsx", b"daerah_kode;indikator_kode\n65.01;IPM\n",
           (None, None, None, "teks biasa"), "berkas teks diberi akhiran .xlsx")
    tambah("xlsx_terpotong.xlsx", realisasi(r(), r(tahun=2025))[:1500],
           (None, None, None, "bukan buku kerja Excel"), "unduhan terputus: zip terpotong")
    tambah("excel_97_2003.xls", _XLS, (None, None, None, "Excel 97-2003"), "format .xls lama")
    tambah("html_disimpan_sebagai.xls", _HTML, (None, None, None, "halaman web (HTML)"),
           "ekspor 'Excel' aplikasi web yang sebenarnya HTML")
    tambah("realisasi_cp1252_bom_titik_koma.csv",
           csv_bytes([JUDUL_R + ["catatan"], r() + ["angka BPS – rilis Februari"],
                      r("MISKIN", periode="TW2", nilai="6,1") + ["sumber: Susenas, café data"],
                      r("JALAN", periode="TW2", nilai="12,5 km") + ["ruas Tanjung Selor–Tanjung Palas"]],
                     pemisah=";", enc="cp1252", bom=True),
           ("realisasi", 4, "realisasi", "bukan angka"),
           "CSV Windows-1252 dengan BOM, pemisah ';', koma desimal: terbaca, sel salah di baris 4")
    tambah("realisasi_titik_koma_desimal_koma.csv",
           csv_bytes([JUDUL_R, r(nilai="72,15"), r("MISKIN", periode="TW2", nilai="7,2x")], pemisah=";"),
           ("realisasi", 3, "realisasi", "bukan angka"), "CSV ';' dengan koma desimal, satu sel salah")
    tambah("realisasi_kosong_0_bita.csv", b"", (None, None, None, "kosong (0 bita)"), "CSV 0 bita")
    tambah("realisasi_sebenarnya_xlsx.csv", realisasi(r()),
           (None, None, None, "diberi nama .csv"), "buku kerja Excel diberi akhiran .csv")
    tambah("laporan_tanpa_nama_lembar.csv", csv_bytes([JUDUL_R, r()]),
           (None, None, None, "nama berkas CSV harus memuat"), "nama CSV tidak menyebut lembarnya")
    # lembar dukungan (sub kegiatan dan anggaran, keputusan #10)
    tambah("dukungan_kode_tanpa_titik.xlsx",
           buku({"dukungan": [JUDUL_D, d(), d("MISKIN", sk="1020220100 14")]}),
           ("dukungan", 3, "sub_kegiatan_kode", "U.BB.PP.K.KK.SSSS"),
           "kode sub kegiatan disalin dari aplikasi tanpa titik")
    tambah("dukungan_pagu_singkatan_miliar.xlsx",
           buku({"dukungan": [JUDUL_D, d(pagu="1,5 M")]}),
           ("dukungan", 2, "pagu", "tanpa singkatan"), "pagu ditulis '1,5 M'")
    tambah("dukungan_apbd_2025.csv",
           csv_bytes([JUDUL_D, d(), d("MISKIN", pagu="Rp satu miliar")], pemisah=";"),
           ("dukungan", 3, "pagu", "rupiah"), "CSV dukungan, pagu berupa teks")
    tambah("dukungan_indikator_tidak_dikenal.xlsx",
           buku({"dukungan": [JUDUL_D, d("IPM2")]}),
           ("dukungan", 2, "indikator_kode", "mungkin maksudnya IPM"), "kode indikator salah ketik")
    tambah("dukungan_kolom_kode_hilang.xlsx",
           buku({"dukungan": [JUDUL_D[:3] + JUDUL_D[4:], d()[:3] + d()[4:]]}),
           ("dukungan", 1, "sub_kegiatan_kode", "kolom wajib tidak ada"), "kolom sub_kegiatan_kode tidak ada")
    return k


KASUS: list[Kasus] = [k for k, _ in _kasus()]


def tulis_dasar(folder: Path) -> Path:
    """Tulis isi DASAR sebagai satu buku kerja (untuk diimpor uji sebelum korpus)."""
    path = Path(folder) / "dasar.xlsx"
    path.write_bytes(buku(DASAR))
    return path


def main() -> int:
    ditulis = 0
    nama = set()
    for kasus, isi in _kasus():
        assert kasus.berkas not in nama, kasus.berkas
        nama.add(kasus.berkas)
        (FOLDER / kasus.berkas).write_bytes(isi)
        ditulis += 1
    for f in FOLDER.iterdir():
        if f.is_file() and f.suffix in (".xlsx", ".xls", ".csv") and f.name not in nama:
            f.unlink()
    print(f"{ditulis} berkas korpus ditulis di {FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
