"""Templat impor untuk satu daerah (docs/FORMAT_IMPOR.md): buku kerja berisi lembar ``petunjuk``,
``indikator`` (terisi indikator daerah itu), ``target`` dan ``realisasi`` (kode terisi, sel nilai
kosong), ``dukungan`` (sub kegiatan yang sudah tercatat untuk tahun-tahun itu, dengan nilainya sekarang,
agar realisasi anggaran triwulan berikutnya tinggal ditambahkan), dengan daftar pilihan (validasi data)
untuk polaritas, agregasi, periode, status, dokumen, disepakati dan kode indikator.

Mengimpor templat yang belum diisi berhasil dan tidak mengubah apa pun: sel kosong bukan nilai.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import duckdb
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from pantau.impor.validasi import AGREGASI, DOKUMEN, POLARITAS, SATUAN_TAK_NEGATIF, STATUS

PERIODE_REALISASI = ("TW1", "TW2", "TW3", "TW4", "TAHUN")

KOLOM_INDIKATOR = ["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan", "polaritas",
                   "agregasi", "kondisi_awal", "tahun_kondisi_awal", "target_akhir", "iku", "perangkat_daerah",
                   "sumber_data", "definisi"]
KOLOM_TARGET = ["daerah_kode", "periode_rpjmd", "indikator_kode", "nama_indikator", "satuan", "tahun", "dokumen",
                "target"]
KOLOM_REALISASI = ["daerah_kode", "periode_rpjmd", "indikator_kode", "nama_indikator", "satuan", "tahun", "periode",
                   "realisasi", "status", "sumber", "catatan"]
KOLOM_DUKUNGAN = ["daerah_kode", "periode_rpjmd", "tahun", "indikator_kode", "nama_indikator", "sub_kegiatan_kode",
                  "sub_kegiatan_nama", "perangkat_daerah", "pagu", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3",
                  "realisasi_tw4", "realisasi_anggaran", "disepakati", "sumber", "catatan"]

#: Lembar prioritas dan usulan (keputusan #20). Templat usulan tanpa kolom keputusan: keputusan diambil di desk
#: provinsi (halaman Usulan), bukan oleh operator pengusul.
KOLOM_PRIORITAS = ["tingkat", "daerah_kode", "dokumen", "jenis", "kode", "nama", "induk_kode", "tahun_awal",
                   "tahun_akhir", "urusan_kode", "pn_kode", "sumber"]
KOLOM_INDIKATOR_PRIORITAS = ["daerah_kode", "periode_rpjmd", "indikator_kode", "nama_indikator", "prioritas_kode"]
KOLOM_USULAN = ["daerah_kode", "tahun", "nomor", "judul", "urusan_kode", "prioritas_kode", "permasalahan", "lokasi",
                "volume", "satuan", "biaya", "sub_kegiatan_kode", "perangkat_daerah", "sumber"]

PETUNJUK = [
    ("Umum", None, "Isi lembar 'target' dan/atau 'realisasi', lalu unggah di halaman Impor Pantau atau jalankan "
                   "'python -m pantau impor BERKAS'. Lembar 'petunjuk' ini diabaikan saat impor."),
    ("Umum", None, "Sel kosong atau berisi '-' berarti tidak ada nilai: tidak menimpa data yang sudah ada. "
                   "Baris yang tidak Anda isi boleh dibiarkan atau dihapus."),
    ("Umum", None, "Jangan mengganti nama lembar atau judul kolom (baris 1). Jangan menggabungkan sel (merge) dan "
                   "jangan memakai rumus yang merujuk berkas lain; tempel sebagai nilai."),
    ("Umum", None, "Angka boleh memakai koma desimal (6,32) atau titik desimal (6.32); 1.234,5 dibaca cara Indonesia. "
                   "Jangan memakai koma sebagai pemisah ribuan (1,234.5 ditolak)."),
    ("indikator", "daerah_kode", "Kode daerah Kemendagri (65 = provinsi, 65.01 = kabupaten/kota). Bukan kode BPS."),
    ("indikator", "periode_rpjmd", "Periode RPJMD, misalnya 2021-2026."),
    ("indikator", "urusan_kode", "Kode bidang urusan (Permendagri 90/2019), misalnya 1.02 Kesehatan. Kosongkan untuk "
                                 "indikator makro lintas urusan (IPM, pertumbuhan ekonomi, kemiskinan)."),
    ("indikator", "indikator_kode", "Kode indikator, unik dalam satu daerah dan periode. Jangan diubah."),
    ("indikator", "nama / satuan", "Nama indikator dan satuannya (persen, indeks, orang, km, ...)."),
    ("indikator", "polaritas", "positif (makin tinggi makin baik), negatif (makin rendah makin baik), rentang (target "
                               "berupa pita, misalnya 5,5 - 6,5), teks (kualitatif, misalnya opini BPK)."),
    ("indikator", "agregasi", "kumulatif (arus: dijumlah antar triwulan dan tahun) atau akhir (tingkat/rasio: angka "
                              "terakhir, tidak dijumlah)."),
    ("indikator", "kondisi_awal / tahun_kondisi_awal / target_akhir",
     "Opsional. Kosongkan bila tidak berubah. Ditulis seperti target indikator itu."),
    ("indikator", "iku", "ya atau tidak (Indikator Kinerja Utama). Kosong = tidak berubah."),
    ("target", "tahun", "Tahun target, di dalam periode RPJMD. Tulis sebagai angka (2025), bukan tanggal."),
    ("target", "dokumen", "RPJMD (bawaan) atau RKPD bila RKPD tahun itu menetapkan target sendiri."),
    ("target", "target", "Angka; untuk polaritas rentang dua angka dengan tanda hubung (5,5 - 6,5); untuk teks "
                         "teks bebas."),
    ("realisasi", "periode", "TW1, TW2, TW3, TW4 (triwulan) atau TAHUN (angka setahun, mengalahkan angka triwulan)."),
    ("realisasi", "realisasi", "Angka realisasi. Satuan hitungan dan persentase ("
                               + ", ".join(sorted(s for s in SATUAN_TAK_NEGATIF if len(s) > 2)[:12])
                               + ", ...) tidak boleh negatif, kecuali indikator pertumbuhan/laju/perubahan."),
    ("realisasi", "status", "tetap (bawaan) atau sementara (angka sementara yang masih akan direvisi)."),
    ("realisasi", "sumber / catatan", "Sumber angka (misalnya BPS, Susenas Maret 2024) dan catatan bebas."),
    ("target / realisasi", "nama_indikator / satuan", "Hanya keterangan agar mudah diisi; diabaikan saat impor."),
    ("dukungan", None, "Sub kegiatan yang mendukung indikator, dengan pagu dan realisasi anggaran. Baris yang sudah "
                       "tercatat ditampilkan dengan nilainya sekarang; tambahkan baris baru di bawahnya."),
    ("dukungan", "sub_kegiatan_kode",
     "Kode Permendagri 90/2019 berbentuk U.BB.PP.K.KK.SSSS, misalnya 1.02.02.2.01.0001 (angka ke-4: 1 provinsi, "
     "2 kabupaten/kota). Kode yang tidak dikenal tetap diterima; isi sub_kegiatan_nama-nya."),
    ("dukungan", "indikator_kode",
     "Indikator yang didukung (pilih dari daftar). Kosongkan untuk sub kegiatan yang belum mendukung indikator apa "
     "pun. Satu sub kegiatan untuk dua indikator: dua baris dengan pagu yang sama."),
    ("dukungan", "pagu / realisasi_tw1..realisasi_tw4 / realisasi_anggaran",
     "Rupiah penuh (1.250.000.000 atau 1250000000; bukan 1,25 M). Realisasi triwulan = belanja DALAM triwulan itu "
     "(bukan kumulatif). realisasi_anggaran = angka setahun, bila diisi mengalahkan jumlah triwulan."),
    ("dukungan", "disepakati", "ya bila disepakati dalam desk urusan Rakortekrenbang, tidak bila belum."),
    ("prioritas", None, "Hanya di templat provinsi: visi, misi, prioritas RPJMD dan tema RKPD provinsi (baris "
                        "nasional PN: tingkat nasional, dokumen RKP, daerah_kode kosong)."),
    ("prioritas", "urusan_kode / pn_kode", "Urusan yang melayani prioritas dan PN RKP yang dilayaninya; beberapa "
                                          "kode dipisah koma (1.03, 2.15). Sel kosong tidak mengubah daftar yang ada."),
    ("indikator_prioritas", None, "Hanya di templat provinsi: indikator yang melayani setiap prioritas (kode "
                                  "prioritas daerah itu)."),
    ("usulan", None, "Hanya di templat kabupaten/kota: usulan kepada provinsi untuk RKPD tahun itu, nomor 1..18 "
                     "(kuota). prioritas_kode = kode prioritas PROVINSI (misalnya P04)."),
    ("usulan", "biaya / volume", "biaya rupiah penuh (1.250.000.000); volume angka >= 0 dengan satuannya."),
    ("usulan", "sub_kegiatan_kode", "Opsional. Angka ke-4 kode 1 = kegiatan provinsi; 2 = kegiatan kabupaten/kota "
                                    "(ditandai bukan kewenangan provinsi)."),
    ("usulan", "sumber", "pemda, pokir (pokok pikiran DPRD) atau masyarakat."),
]


@dataclass(frozen=True)
class PilihanTemplat:
    daerah: str
    periode_id: int
    periode_rpjmd: str
    tahun: tuple[int, ...]
    periode: tuple[str, ...]


def pilihan_bawaan(con: duckdb.DuckDBPyConnection, daerah: str, *, tahun=None, periode=None,
                   periode_rpjmd: str | None = None) -> PilihanTemplat:
    """Periode RPJMD terakhir daerah itu; tahun = tahun terakhir yang sudah berealisasi (atau tahun awal
    periode); periode realisasi = TW1..TW4 dan TAHUN. Melempar ValueError dengan pesan Indonesia."""
    cur = con.cursor()
    try:
        if cur.execute("SELECT count(*) FROM daerah WHERE kode = $d", {"d": daerah}).fetchone()[0] == 0:
            raise ValueError(f"kode daerah {daerah} tidak dikenal")
        per = cur.execute(
            "SELECT id, tahun_awal, tahun_akhir FROM periode WHERE daerah_kode = $d ORDER BY tahun_awal DESC, id DESC",
            {"d": daerah}).fetchall()
        if not per:
            raise ValueError(f"daerah {daerah} belum punya periode RPJMD; impor lembar 'indikator' lebih dulu")
        if periode_rpjmd:
            cocok = [p for p in per if f"{p[1]}-{p[2]}" == periode_rpjmd.replace(" ", "")]
            if not cocok:
                ada = ", ".join(f"{a}-{b}" for _, a, b in per)
                raise ValueError(f"periode RPJMD {periode_rpjmd} tidak ada untuk daerah {daerah} (yang ada: {ada})")
            pid, awal, akhir = cocok[0]
        else:
            pid, awal, akhir = per[0]
        if not tahun:
            t = cur.execute(
                "SELECT max(r.tahun) FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
                "WHERE i.periode_id = $p", {"p": pid}).fetchone()[0]
            tahun = (int(t) if t is not None else awal,)
        for t in tahun:
            if not awal <= int(t) <= akhir:
                raise ValueError(f"tahun {t} di luar periode RPJMD {awal}-{akhir}")
        periode = tuple(p.upper() for p in (periode or PERIODE_REALISASI))
        for p in periode:
            if p not in PERIODE_REALISASI:
                raise ValueError(f"periode {p} tidak dikenal; gunakan {', '.join(PERIODE_REALISASI)}")
        return PilihanTemplat(daerah, pid, f"{awal}-{akhir}", tuple(sorted({int(t) for t in tahun})), periode)
    finally:
        cur.close()


def _baris(ws, nilai: list) -> None:
    """``ws.append`` yang menjaga teks tetap teks: openpyxl menjadikan setiap teks berawalan '=' sebuah rumus
    (nama indikator '=HYPERLINK(…)' akan menjadi tautan hidup di lembar kerja operator; keputusan #19)."""
    ws.append(nilai)
    for i, v in enumerate(nilai, start=1):
        if isinstance(v, str) and v.startswith("="):
            ws.cell(row=ws.max_row, column=i).data_type = "s"


def _judul(ws, kolom: list[str]) -> None:
    ws.append(kolom)
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    ws.freeze_panes = "A2"
    for i, k in enumerate(kolom, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = max(12, min(45, len(k) + 4))


def _daftar(ws, kolom: list[str], nama: str, nilai, n: int) -> None:
    huruf = ws.cell(row=1, column=kolom.index(nama) + 1).column_letter
    dv = DataValidation(type="list", formula1='"' + ",".join(nilai) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Nilai tidak dikenal",
                        error=f"Pilih salah satu: {', '.join(nilai)}")
    dv.add(f"{huruf}2:{huruf}{max(n + 1, 2) + 500}")
    ws.add_data_validation(dv)


def _teks(ws, kolom: list[str], nama: list[str], n: int) -> None:
    """Kolom kode berformat teks (@) agar Excel tidak mengubah 65.10 menjadi 65.1."""
    for k in nama:
        i = kolom.index(k) + 1
        for r in range(2, n + 2):
            ws.cell(row=r, column=i).number_format = "@"


def buat_templat(con: duckdb.DuckDBPyConnection, pilihan: PilihanTemplat) -> bytes:
    """Buku kerja templat (.xlsx) sebagai bita."""
    cur = con.cursor()
    try:
        ind = cur.execute(
            """
            SELECT i.daerah_kode, i.urusan_kode, i.kode, i.nama, i.satuan, i.polaritas, i.agregasi
            FROM indikator i WHERE i.periode_id = $p ORDER BY i.urusan_kode NULLS FIRST, i.kode
            """, {"p": pilihan.periode_id}).fetchall()
        nama_daerah = cur.execute("SELECT nama FROM daerah WHERE kode = $d", {"d": pilihan.daerah}).fetchone()[0]
    finally:
        cur.close()

    wb = Workbook()
    wp = wb.active
    wp.title = "petunjuk"
    _baris(wp, [f"Templat impor Pantau: {nama_daerah} ({pilihan.daerah}), RPJMD {pilihan.periode_rpjmd}, "
               f"tahun {', '.join(map(str, pilihan.tahun))}, periode {', '.join(pilihan.periode)}"])
    wp["A1"].font = Font(bold=True, size=13)
    wp.append([])
    wp.append(["lembar", "kolom", "penjelasan"])
    for c in wp[3]:
        c.font = Font(bold=True)
    for row in PETUNJUK:
        wp.append(list(row))
    wp.column_dimensions["A"].width = 20
    wp.column_dimensions["B"].width = 34
    wp.column_dimensions["C"].width = 110
    for row in wp.iter_rows(min_row=4):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")

    wi = wb.create_sheet("indikator")
    _judul(wi, KOLOM_INDIKATOR)
    for d, u, k, n, s, pol, agr in ind:
        _baris(wi, [d, pilihan.periode_rpjmd, u, k, n, s, pol, agr] + [None] * (len(KOLOM_INDIKATOR) - 8))
    _teks(wi, KOLOM_INDIKATOR, ["daerah_kode", "urusan_kode", "indikator_kode"],
          len(ind))
    _daftar(wi, KOLOM_INDIKATOR, "polaritas", POLARITAS, len(ind))
    _daftar(wi, KOLOM_INDIKATOR, "agregasi", AGREGASI, len(ind))
    _daftar(wi, KOLOM_INDIKATOR, "iku", ("ya", "tidak"), len(ind))

    wt = wb.create_sheet("target")
    _judul(wt, KOLOM_TARGET)
    n_t = 0
    for t in pilihan.tahun:
        for d, _u, k, n, s, _pol, _agr in ind:
            _baris(wt, [d, pilihan.periode_rpjmd, k, n, s, t, "RPJMD", None])
            n_t += 1
    _teks(wt, KOLOM_TARGET, ["daerah_kode", "indikator_kode"], n_t)
    _daftar(wt, KOLOM_TARGET, "dokumen", DOKUMEN, n_t)

    wr = wb.create_sheet("realisasi")
    _judul(wr, KOLOM_REALISASI)
    n_r = 0
    for t in pilihan.tahun:
        for p in pilihan.periode:
            for d, _u, k, n, s, _pol, _agr in ind:
                _baris(wr, [d, pilihan.periode_rpjmd, k, n, s, t, p, None, None, None, None])
                n_r += 1
    _teks(wr, KOLOM_REALISASI, ["daerah_kode", "indikator_kode"], n_r)
    _daftar(wr, KOLOM_REALISASI, "periode", PERIODE_REALISASI, n_r)
    _daftar(wr, KOLOM_REALISASI, "status", STATUS, n_r)

    wd = wb.create_sheet("dukungan")
    _judul(wd, KOLOM_DUKUNGAN)
    cur = con.cursor()
    try:
        duk = cur.execute(
            """
            SELECT d.daerah_kode, d.tahun, i.kode, i.nama, d.sub_kegiatan_kode, d.sub_kegiatan_nama, d.perangkat_daerah,
                   d.pagu, d.realisasi_tw1, d.realisasi_tw2, d.realisasi_tw3, d.realisasi_tw4, d.realisasi_tahun,
                   d.disepakati, d.sumber, d.catatan
            FROM dukungan d LEFT JOIN indikator i ON i.id = d.indikator_id
            WHERE d.daerah_kode = $d AND list_contains($tahun, d.tahun)
              AND (d.indikator_id IS NULL OR i.periode_id = $p)
            ORDER BY d.tahun, i.kode NULLS LAST, d.sub_kegiatan_kode
            """, {"d": pilihan.daerah, "tahun": list(pilihan.tahun), "p": pilihan.periode_id}).fetchall()
    finally:
        cur.close()
    for (d, t, k, n, sk, skn, pd_, pagu, tw1, tw2, tw3, tw4, th, sepakat, sumber, cat) in duk:
        _baris(wd, [d, pilihan.periode_rpjmd, t, k, n, sk, skn, pd_, pagu, tw1, tw2, tw3, tw4, th,
                   "ya" if sepakat else "tidak", sumber, cat])
    n_d = len(duk) + 200   # ruang untuk baris baru, dengan format dan daftar pilihan yang sama
    _teks(wd, KOLOM_DUKUNGAN, ["daerah_kode", "indikator_kode", "sub_kegiatan_kode"], n_d)
    for kol in ("pagu", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4", "realisasi_anggaran"):
        i = KOLOM_DUKUNGAN.index(kol) + 1
        for r in range(2, n_d + 2):
            wd.cell(row=r, column=i).number_format = "#,##0"
    _daftar(wd, KOLOM_DUKUNGAN, "disepakati", ("ya", "tidak"), n_d)
    if ind:
        huruf = wd.cell(row=1, column=KOLOM_DUKUNGAN.index("indikator_kode") + 1).column_letter
        dv = DataValidation(type="list", formula1=f"indikator!$D$2:$D${len(ind) + 1}", allow_blank=True,
                            showErrorMessage=True, errorTitle="Indikator tidak dikenal",
                            error="Pilih kode indikator dari lembar 'indikator', atau kosongkan.")
        dv.add(f"{huruf}2:{huruf}{n_d + 1}")
        wd.add_data_validation(dv)

    _lembar_prioritas_usulan(con, wb, pilihan)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _lembar_prioritas_usulan(con: duckdb.DuckDBPyConnection, wb, pilihan: PilihanTemplat) -> None:
    """Provinsi: lembar prioritas dan indikator_prioritas berisi yang sudah tercatat. Kabupaten/kota: lembar usulan
    berisi usulan tahun usulan terakhir (atau 18 nomor kosong untuk tahun sesudah tahun templat)."""
    cur = con.cursor()
    try:
        jenis = cur.execute("SELECT jenis FROM daerah WHERE kode = $d", {"d": pilihan.daerah}).fetchone()[0]
        if jenis == "provinsi":
            pri = cur.execute(
                """
                SELECT p.tingkat, p.daerah_kode, p.dokumen, p.jenis, p.kode, p.nama, p.induk_kode, p.tahun_awal,
                       p.tahun_akhir,
                       (SELECT string_agg(urusan_kode, ', ' ORDER BY urusan_kode) FROM prioritas_urusan
                        WHERE prioritas_id = p.id),
                       (SELECT string_agg(pn_kode, ', ' ORDER BY pn_kode) FROM prioritas_pn WHERE prioritas_id = p.id),
                       p.sumber
                FROM prioritas p WHERE p.daerah_kode = $d ORDER BY p.dokumen, p.tahun_awal, p.id
                """, {"d": pilihan.daerah}).fetchall()
            ip = cur.execute(
                """
                SELECT i.daerah_kode, i.kode, i.nama, p.kode FROM indikator_prioritas ip
                JOIN indikator i ON i.id = ip.indikator_id JOIN prioritas p ON p.id = ip.prioritas_id
                WHERE i.daerah_kode = $d AND i.periode_id = $per ORDER BY p.kode, i.kode
                """, {"d": pilihan.daerah, "per": pilihan.periode_id}).fetchall()
            wp = wb.create_sheet("prioritas")
            _judul(wp, KOLOM_PRIORITAS)
            for r in pri:
                _baris(wp, list(r))
            _teks(wp, KOLOM_PRIORITAS, ["daerah_kode", "kode", "induk_kode", "urusan_kode", "pn_kode"], len(pri) + 50)
            wi = wb.create_sheet("indikator_prioritas")
            _judul(wi, KOLOM_INDIKATOR_PRIORITAS)
            for d, k, n, pk in ip:
                _baris(wi, [d, pilihan.periode_rpjmd, k, n, pk])
            _teks(wi, KOLOM_INDIKATOR_PRIORITAS, ["daerah_kode", "indikator_kode", "prioritas_kode"], len(ip) + 100)
            return
        terakhir = cur.execute("SELECT max(tahun) FROM usulan WHERE daerah_kode = $d",
                               {"d": pilihan.daerah}).fetchone()[0]
        kolom = ", ".join(f"u.{k}" for k in KOLOM_USULAN if k not in ("prioritas_kode",))
        usl = cur.execute(
            f"SELECT {kolom}, p.kode FROM usulan u LEFT JOIN prioritas p ON p.id = u.prioritas_id "
            "WHERE u.daerah_kode = $d AND u.tahun = $t ORDER BY u.nomor",
            {"d": pilihan.daerah, "t": terakhir}).fetchall() if terakhir is not None else []
        kuota = int(cur.execute("SELECT nilai FROM pengaturan_berlaku WHERE kunci = 'kuota_usulan'").fetchone()[0])
    finally:
        cur.close()
    wu = wb.create_sheet("usulan")
    _judul(wu, KOLOM_USULAN)
    tanpa_pri = [k for k in KOLOM_USULAN if k != "prioritas_kode"]
    for r in usl:
        isi = dict(zip(tanpa_pri, r[:-1]), prioritas_kode=r[-1])
        _baris(wu, [isi[k] for k in KOLOM_USULAN])
    if not usl:
        for no in range(1, kuota + 1):
            _baris(wu, [pilihan.daerah, max(pilihan.tahun) + 1, no] + [None] * (len(KOLOM_USULAN) - 3))
    n = max(len(usl), kuota) + 20
    _teks(wu, KOLOM_USULAN, ["daerah_kode", "urusan_kode", "prioritas_kode", "sub_kegiatan_kode"], n)
    i = KOLOM_USULAN.index("biaya") + 1
    for r in range(2, n + 2):
        wu.cell(row=r, column=i).number_format = "#,##0"
    _daftar(wu, KOLOM_USULAN, "sumber", ("pemda", "pokir", "masyarakat"), n)
