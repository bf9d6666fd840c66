"""Menulis rencana impor ke basis data dalam SATU transaksi, dengan riwayat setiap perubahan.

Bila apa pun gagal di tengah jalan, transaksi dibatalkan: basis data tetap seperti sebelumnya,
dan pembaca lain (halaman dasbor) tidak pernah melihat setengah impor.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pantau.aturan.angka import format_angka
from pantau.aturan.izin import Pengguna
from pantau.db.tulis import Penulis, tulis
from pantau.impor.validasi import Rencana

# Kolom metadata indikator yang dicatat di riwayat bila berubah.
_KOLOM_META = ["urusan_kode", "nama", "satuan", "polaritas", "agregasi", "kondisi_awal", "kondisi_awal_teks",
               "tahun_kondisi_awal", "target_akhir", "target_akhir_min", "target_akhir_max",
               "target_akhir_teks", "iku", "perangkat_daerah", "sumber_data", "definisi",
               "induk_daerah_kode", "induk_kode", "agregasi_wilayah"]


@dataclass
class Ringkasan:
    impor_id: int
    #: tabel -> {"tambah": n, "ubah": n, "sama": n}
    jumlah: dict = field(default_factory=dict)
    #: baris tanpa nilai yang dilewati: tabel -> alasan -> nomor baris (``Rencana.dilewati``)
    dilewati: dict = field(default_factory=dict)

    def teks(self) -> str:
        """"target: 2361 baru, 0 berubah, 0 tetap, 1 dilewati: sel target berisi '-' (baris 17)"."""
        bagian = []
        for tabel, j in self.jumlah.items():
            teks = (f"{tabel}: {format_angka(j['tambah'], 0)} baru, {format_angka(j['ubah'], 0)} berubah, "
                    f"{format_angka(j['sama'], 0)} tetap")
            teks += teks_dilewati(self.dilewati.get(tabel))
            bagian.append(teks)
        return "; ".join(bagian)


def teks_dilewati(alasan: dict[str, list[int]] | None, batas: int = 5) -> str:
    """", 1 dilewati: sel target berisi '-' (baris 17)" untuk satu lembar; "" bila tidak ada yang dilewati."""
    if not alasan:
        return ""
    n = sum(len(b) for b in alasan.values())
    rinci = []
    for sebab, baris in alasan.items():
        daftar = ", ".join(str(b) for b in baris[:batas]) + (f" dan {len(baris) - batas} lainnya"
                                                             if len(baris) > batas else "")
        rinci.append(f"{len(baris)} {sebab} (baris {daftar})" if len(alasan) > 1 else f"{sebab} (baris {daftar})")
    return f", {format_angka(n, 0)} dilewati: " + ", ".join(rinci)


_GABUNG_INDIKATOR = """
    JOIN periode p ON p.daerah_kode = v.daerah_kode AND p.tahun_awal = v.tahun_awal AND p.tahun_akhir = v.tahun_akhir
    JOIN indikator i ON i.periode_id = p.id AND i.kode = v.indikator_kode
"""


def _sama(a, b) -> bool:
    if a is None or (isinstance(a, float) and pd.isna(a)):
        return b is None or (isinstance(b, float) and pd.isna(b))
    if b is None or (isinstance(b, float) and pd.isna(b)):
        return False
    return a == b


def _tulis_indikator(p: Penulis, df: pd.DataFrame) -> dict:
    cur, oleh, waktu = p.cur, p.oleh, p.waktu
    jumlah = {"tambah": 0, "ubah": 0, "sama": 0}
    if df.empty:
        return jumlah
    cur.register("v_indikator", df.drop(columns=["baris"]))
    lama = cur.execute(
        f"""
        SELECT v.daerah_kode, v.tahun_awal, v.tahun_akhir, v.kode, i.id, {", ".join("i." + k for k in _KOLOM_META)}
        FROM v_indikator v
        JOIN periode p ON p.daerah_kode = v.daerah_kode
                      AND p.tahun_awal = v.tahun_awal AND p.tahun_akhir = v.tahun_akhir
        JOIN indikator i ON i.periode_id = p.id AND i.kode = v.kode
        """
    ).df()
    lama_per_kunci = {
        (r.daerah_kode, r.tahun_awal, r.tahun_akhir, r.kode): r._asdict() for r in lama.itertuples(index=False)
    }
    riwayat = []
    ditulis = []  # hanya baris baru atau berubah yang ditulis: impor ulang tidak mengubah diubah_oleh/_pada
    for r in df.itertuples(index=False):
        baru = r._asdict()
        old = lama_per_kunci.get((r.daerah_kode, r.tahun_awal, r.tahun_akhir, r.kode))
        ditulis.append(old is None)
        if old is None:
            jumlah["tambah"] += 1
            riwayat.append(("tambah", r.daerah_kode, r.kode, None, None, baru["nama"], None))
            continue
        berubah = False
        for k in _KOLOM_META:
            b = baru[k]
            if b is None or (isinstance(b, float) and pd.isna(b)):
                if k not in ("urusan_kode",):
                    continue  # sel kosong tidak menimpa
            if not _sama(old[k], b):
                berubah = True
                riwayat.append(("ubah", r.daerah_kode, r.kode, k, old[k], b, old["id"]))
        jumlah["ubah" if berubah else "sama"] += 1
        ditulis[-1] = berubah
    cur.unregister("v_indikator")
    if not any(ditulis):
        return jumlah
    cur.register("v_indikator", df[ditulis].drop(columns=["baris"]))
    kolom = ["urusan_kode", "nama", "satuan", "polaritas", "agregasi", "kondisi_awal", "kondisi_awal_teks",
             "tahun_kondisi_awal", "target_akhir", "target_akhir_min", "target_akhir_max", "target_akhir_teks",
             "iku", "perangkat_daerah", "sumber_data", "definisi", "induk_daerah_kode", "induk_kode",
             "agregasi_wilayah", "diubah_oleh", "diubah_pada"]
    # Sel kosong tidak menimpa: nilai lama (l.*) dipakai bila sel berkas kosong. Kondisi awal dan
    # target akhir diganti sebagai satu kesatuan (angka, pita atau teks).
    cur.execute(
        f"""
        INSERT INTO indikator (periode_id, daerah_kode, kode, {", ".join(kolom)})
        SELECT p.id, v.daerah_kode, v.kode, v.urusan_kode, v.nama, v.satuan, v.polaritas, v.agregasi,
            CASE WHEN v.kondisi_awal_teks IS NULL THEN l.kondisi_awal ELSE v.kondisi_awal END,
            coalesce(v.kondisi_awal_teks, l.kondisi_awal_teks),
            coalesce(v.tahun_kondisi_awal, l.tahun_kondisi_awal),
            CASE WHEN ta.kosong THEN l.target_akhir ELSE v.target_akhir END,
            CASE WHEN ta.kosong THEN l.target_akhir_min ELSE v.target_akhir_min END,
            CASE WHEN ta.kosong THEN l.target_akhir_max ELSE v.target_akhir_max END,
            CASE WHEN ta.kosong THEN l.target_akhir_teks ELSE v.target_akhir_teks END,
            coalesce(v.iku, l.iku, false),
            coalesce(v.perangkat_daerah, l.perangkat_daerah),
            coalesce(v.sumber_data, l.sumber_data),
            coalesce(v.definisi, l.definisi),
            coalesce(v.induk_daerah_kode, l.induk_daerah_kode),
            coalesce(v.induk_kode, l.induk_kode),
            coalesce(v.agregasi_wilayah, l.agregasi_wilayah),
            $oleh, $waktu
        FROM v_indikator v
        JOIN periode p ON p.daerah_kode = v.daerah_kode
                      AND p.tahun_awal = v.tahun_awal AND p.tahun_akhir = v.tahun_akhir
        LEFT JOIN indikator l ON l.periode_id = p.id AND l.kode = v.kode
        CROSS JOIN LATERAL (SELECT v.target_akhir IS NULL AND v.target_akhir_min IS NULL
                                   AND v.target_akhir_teks IS NULL AS kosong) ta
        ON CONFLICT (daerah_kode, periode_id, kode) DO UPDATE SET
            {", ".join(f"{k} = excluded.{k}" for k in kolom)}
        """,
        {"oleh": oleh, "waktu": waktu},
    )
    if riwayat:
        ids = dict(
            ((d, k), i) for d, k, i in cur.execute(
                "SELECT i.daerah_kode, i.kode, i.id FROM indikator i JOIN v_indikator v "
                "ON v.daerah_kode = i.daerah_kode AND v.kode = i.kode "
                "JOIN periode p ON p.id = i.periode_id "
                "AND p.tahun_awal = v.tahun_awal AND p.tahun_akhir = v.tahun_akhir"
            ).fetchall()
        )
        # satu INSERT ... SELECT dari tabel sementara (executemany per baris lambat: ~0,6 ms per baris)
        teks = lambda x: None if x is None or (isinstance(x, float) and pd.isna(x)) else str(x)  # noqa: E731
        rw = pd.DataFrame(
            [(aksi, ids.get((d, k)), d, k, kol, teks(lama), teks(baru)) for aksi, d, k, kol, lama, baru, _ in riwayat],
            columns=["aksi", "indikator_id", "daerah_kode", "indikator_kode", "kolom", "nilai_lama", "nilai_baru"],
        ).astype({"indikator_id": "Int64", "kolom": "object", "nilai_lama": "object", "nilai_baru": "object"})
        cur.register("v_riwayat_indikator", rw)
        p.catat_dari(
            "SELECT $waktu, $oleh, 'indikator', aksi, indikator_id, daerah_kode, indikator_kode, NULL, NULL, "
            "CAST(kolom AS VARCHAR), CAST(nilai_lama AS VARCHAR), CAST(nilai_baru AS VARCHAR), $impor_id "
            "FROM v_riwayat_indikator")
        cur.unregister("v_riwayat_indikator")
    cur.unregister("v_indikator")
    return jumlah


def _tulis_target(p: Penulis, df: pd.DataFrame) -> dict:
    cur, oleh, waktu, impor_id = p.cur, p.oleh, p.waktu, p.impor_id
    jumlah = {"tambah": 0, "ubah": 0, "sama": 0}
    if df.empty:
        return jumlah
    cur.register("v_target", df.drop(columns=["baris"]))
    cur.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _baru_target AS
        SELECT i.id AS indikator_id, v.daerah_kode, v.indikator_kode, v.tahun, v.dokumen,
               v.nilai, v.nilai_min, v.nilai_max, v.nilai_teks,
               t.indikator_id IS NOT NULL AS ada,
               nilai_sebagai_teks(t.nilai, t.nilai_min, t.nilai_max, t.nilai_teks) AS lama_teks,
               (t.indikator_id IS NULL
                OR t.nilai IS DISTINCT FROM v.nilai OR t.nilai_min IS DISTINCT FROM v.nilai_min
                OR t.nilai_max IS DISTINCT FROM v.nilai_max OR t.nilai_teks IS DISTINCT FROM v.nilai_teks) AS berubah
        FROM v_target v {_GABUNG_INDIKATOR}
        LEFT JOIN target t ON t.indikator_id = i.id AND t.tahun = v.tahun AND t.dokumen = v.dokumen
        """
    )
    jumlah.update(_hitung(cur, "_baru_target"))
    p.catat_dari(
        """
        SELECT $waktu, $oleh, 'target', CASE WHEN ada THEN 'ubah' ELSE 'tambah' END, indikator_id, daerah_kode,
               indikator_kode, tahun, dokumen, 'target', lama_teks,
               nilai_sebagai_teks(nilai, nilai_min, nilai_max, nilai_teks), $impor_id
        FROM _baru_target WHERE berubah
        """)
    cur.execute(
        """
        INSERT INTO target (indikator_id, tahun, dokumen, nilai, nilai_min, nilai_max, nilai_teks,
                            diubah_oleh, diubah_pada, impor_id)
        SELECT indikator_id, tahun, dokumen, nilai, nilai_min, nilai_max, nilai_teks, $oleh, $waktu, $impor_id
        FROM _baru_target WHERE berubah
        ON CONFLICT (indikator_id, tahun, dokumen) DO UPDATE SET
            nilai = excluded.nilai, nilai_min = excluded.nilai_min, nilai_max = excluded.nilai_max,
            nilai_teks = excluded.nilai_teks, diubah_oleh = excluded.diubah_oleh,
            diubah_pada = excluded.diubah_pada, impor_id = excluded.impor_id
        """,
        {"waktu": waktu, "oleh": oleh, "impor_id": impor_id},
    )
    cur.execute("DROP TABLE _baru_target")
    cur.unregister("v_target")
    return jumlah


def _tulis_realisasi(p: Penulis, df: pd.DataFrame) -> dict:
    cur, oleh, waktu, impor_id = p.cur, p.oleh, p.waktu, p.impor_id
    jumlah = {"tambah": 0, "ubah": 0, "sama": 0}
    if df.empty:
        return jumlah
    cur.register("v_realisasi", df.drop(columns=["baris"]))
    cur.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _baru_realisasi AS
        WITH gabung AS (
            SELECT i.id AS indikator_id, v.daerah_kode, v.indikator_kode, v.tahun, v.periode,
                   v.nilai, v.nilai_teks,
                   coalesce(v.sumber, r.sumber) AS sumber,
                   coalesce(v.status, r.status, 'tetap') AS status,
                   coalesce(v.catatan, r.catatan) AS catatan,
                   r.indikator_id IS NOT NULL AS ada,
                   r.nilai AS lama_nilai, r.nilai_teks AS lama_nilai_teks, r.status AS lama_status,
                   r.sumber AS lama_sumber, r.catatan AS lama_catatan
            FROM v_realisasi v {_GABUNG_INDIKATOR}
            LEFT JOIN realisasi r ON r.indikator_id = i.id AND r.tahun = v.tahun AND r.periode = v.periode
        )
        SELECT *,
               (NOT ada OR lama_nilai IS DISTINCT FROM nilai OR lama_nilai_teks IS DISTINCT FROM nilai_teks)
                   AS nilai_berubah,
               (NOT ada OR lama_nilai IS DISTINCT FROM nilai OR lama_nilai_teks IS DISTINCT FROM nilai_teks
                OR lama_status IS DISTINCT FROM status OR lama_sumber IS DISTINCT FROM sumber
                OR lama_catatan IS DISTINCT FROM catatan) AS berubah
        FROM gabung
        """
    )
    jumlah.update(_hitung(cur, "_baru_realisasi"))
    p.catat_dari(
        """
        SELECT $waktu, $oleh, 'realisasi', CASE WHEN ada THEN 'ubah' ELSE 'tambah' END, indikator_id,
               daerah_kode, indikator_kode, tahun, periode, kolom, lama, baru, $impor_id
        FROM (
            SELECT *, 'realisasi' AS kolom, coalesce(lama_nilai_teks, CAST(lama_nilai AS VARCHAR)) AS lama,
                   coalesce(nilai_teks, CAST(nilai AS VARCHAR)) AS baru
            FROM _baru_realisasi WHERE nilai_berubah
            UNION ALL
            SELECT *, 'status', lama_status, status FROM _baru_realisasi
            WHERE ada AND lama_status IS DISTINCT FROM status
            UNION ALL
            SELECT *, 'sumber', lama_sumber, sumber FROM _baru_realisasi
            WHERE ada AND lama_sumber IS DISTINCT FROM sumber
        )
        """)
    cur.execute(
        """
        INSERT INTO realisasi (indikator_id, tahun, periode, nilai, nilai_teks, sumber, status, catatan,
                               diubah_oleh, diubah_pada, impor_id)
        SELECT indikator_id, tahun, periode, nilai, nilai_teks, sumber, status, catatan, $oleh, $waktu, $impor_id
        FROM _baru_realisasi WHERE berubah
        ON CONFLICT (indikator_id, tahun, periode) DO UPDATE SET
            nilai = excluded.nilai, nilai_teks = excluded.nilai_teks, sumber = excluded.sumber,
            status = excluded.status, catatan = excluded.catatan, diubah_oleh = excluded.diubah_oleh,
            diubah_pada = excluded.diubah_pada, impor_id = excluded.impor_id
        """,
        {"waktu": waktu, "oleh": oleh, "impor_id": impor_id},
    )
    cur.execute("DROP TABLE _baru_realisasi")
    cur.unregister("v_realisasi")
    return jumlah


#: Kolom dukungan yang ditulis impor dan dicatat di riwayat bila berubah.
KOLOM_DUKUNGAN = ["sub_kegiatan_nama", "perangkat_daerah", "pagu", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3",
                  "realisasi_tw4", "realisasi_tahun", "disepakati", "sumber", "catatan"]


def sql_banding_dukungan(tampilan: str) -> str:
    """SELECT yang membandingkan baris dukungan berkas (view terdaftar ``tampilan``) dengan tabel dukungan:
    nilai baru (sel kosong tidak menimpa), nilai lama, ``ada`` dan ``berubah``. Dipakai penulis dan pratinjau."""
    baru = ",\n".join(
        f"coalesce(v.{k}, d.{k}{', false' if k == 'disepakati' else ''}) AS {k}, d.{k} AS lama_{k}"
        for k in KOLOM_DUKUNGAN)
    beda = " OR ".join(f"d.{k} IS DISTINCT FROM coalesce(v.{k}, d.{k}{', false' if k == 'disepakati' else ''})"
                       for k in KOLOM_DUKUNGAN)
    return f"""
        WITH v AS (
            SELECT v.*, i.id AS indikator_id
            FROM {tampilan} v
            LEFT JOIN periode p ON p.daerah_kode = v.daerah_kode AND p.tahun_awal = v.tahun_awal
                               AND p.tahun_akhir = v.tahun_akhir
            LEFT JOIN indikator i ON i.periode_id = p.id AND i.kode = v.indikator_kode
        )
        SELECT v.baris, v.daerah_kode, v.tahun, v.indikator_id, v.indikator_kode, v.sub_kegiatan_kode,
               coalesce(v.perangkat_daerah_kode, '') AS perangkat_daerah_kode,
               d.id AS lama_id, d.id IS NOT NULL AS ada, d.disepakati_oleh AS lama_disepakati_oleh,
               d.disepakati_pada AS lama_disepakati_pada,
               {baru},
               (d.id IS NULL OR {beda}) AS berubah
        FROM v
        LEFT JOIN dukungan d ON d.daerah_kode = v.daerah_kode AND d.tahun = v.tahun
                            AND d.indikator_id IS NOT DISTINCT FROM v.indikator_id
                            AND d.sub_kegiatan_kode = v.sub_kegiatan_kode
                            AND d.perangkat_daerah_kode = coalesce(v.perangkat_daerah_kode, '')
    """


def _tulis_dukungan(p: Penulis, df: pd.DataFrame) -> dict:
    cur, oleh, waktu, impor_id = p.cur, p.oleh, p.waktu, p.impor_id
    jumlah = {"tambah": 0, "ubah": 0, "sama": 0}
    if df.empty:
        return jumlah
    cur.register("v_dukungan", df)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _baru_dukungan AS {sql_banding_dukungan('v_dukungan')}")
    jumlah.update(_hitung(cur, "_baru_dukungan"))
    par = {"waktu": waktu, "oleh": oleh, "impor_id": impor_id}
    ubah = " UNION ALL ".join(
        f"SELECT *, '{k}' AS kolom, CAST(lama_{k} AS VARCHAR) AS lama, CAST({k} AS VARCHAR) AS baru "
        f"FROM _baru_dukungan WHERE ada AND lama_{k} IS DISTINCT FROM {k}" for k in KOLOM_DUKUNGAN)
    p.catat_dari(
        f"""
        SELECT $waktu, $oleh, 'dukungan', 'tambah', indikator_id, daerah_kode, indikator_kode, tahun,
               kunci_dukungan(perangkat_daerah_kode, sub_kegiatan_kode), NULL, NULL,
               coalesce(sub_kegiatan_nama, sub_kegiatan_kode), $impor_id
        FROM _baru_dukungan WHERE NOT ada
        UNION ALL
        SELECT $waktu, $oleh, 'dukungan', 'ubah', indikator_id, daerah_kode, indikator_kode, tahun,
               kunci_dukungan(perangkat_daerah_kode, sub_kegiatan_kode), kolom, lama, baru, $impor_id
        FROM ({ubah})
        """)
    # siapa dan kapan menyepakati: baru disepakati -> pengimpor, tetap -> yang lama, tidak -> kosong
    sepakat_oleh = ("CASE WHEN NOT disepakati THEN NULL WHEN coalesce(lama_disepakati, false) "
                    "THEN lama_disepakati_oleh ELSE $oleh END")
    sepakat_pada = ("CASE WHEN NOT disepakati THEN NULL WHEN coalesce(lama_disepakati, false) "
                    "THEN lama_disepakati_pada ELSE $waktu END")
    cur.execute(
        f"""
        UPDATE dukungan SET {", ".join(f"{k} = b.{k}" for k in KOLOM_DUKUNGAN)},
            disepakati_oleh = b.sepakat_oleh, disepakati_pada = b.sepakat_pada,
            diubah_oleh = $oleh, diubah_pada = $waktu, impor_id = $impor_id
        FROM (SELECT *, {sepakat_oleh} AS sepakat_oleh, {sepakat_pada} AS sepakat_pada
              FROM _baru_dukungan WHERE ada AND berubah) b
        WHERE dukungan.id = b.lama_id
        """, par)
    cur.execute(
        f"""
        INSERT INTO dukungan (daerah_kode, tahun, indikator_id, perangkat_daerah_kode, sub_kegiatan_kode,
                              {", ".join(KOLOM_DUKUNGAN)}, disepakati_oleh, disepakati_pada, diubah_oleh,
                              diubah_pada, impor_id)
        SELECT daerah_kode, tahun, indikator_id, perangkat_daerah_kode, sub_kegiatan_kode,
               {", ".join(KOLOM_DUKUNGAN)},
               {sepakat_oleh},
               {sepakat_pada},
               $oleh, $waktu, $impor_id
        FROM _baru_dukungan WHERE NOT ada
        """, par)
    cur.execute("DROP TABLE _baru_dukungan")
    cur.unregister("v_dukungan")
    return jumlah


def _hitung(cur, tabel: str) -> dict:
    tambah, ubah, sama = cur.execute(
        f"SELECT count(*) FILTER (WHERE NOT ada), count(*) FILTER (WHERE ada AND berubah), "
        f"count(*) FILTER (WHERE NOT berubah) FROM {tabel}"
    ).fetchone()
    return {"tambah": tambah, "ubah": ubah, "sama": sama}


def tulis_impor(con, rencana: Rencana, *, pengguna: Pengguna | None = None, oleh: str | None = None, berkas: str,
                sha256: str, kunci=None) -> Ringkasan:
    """Tulis seluruh rencana atau tidak sama sekali, lewat ``pantau.db.tulis`` (izin ``impor``, satu transaksi,
    riwayat dengan nomor impor ini). ``kunci``: kunci tulis yang sudah dipegang pemanggil."""
    def kerja(p: Penulis) -> Ringkasan:
        cur = p.cur
        p.impor_id = cur.execute(
            """
            INSERT INTO impor (berkas, sha256, oleh, waktu, baris_indikator, baris_target, baris_realisasi,
                               baris_dukungan)
            VALUES ($berkas, $sha, $oleh, $waktu, $bi, $bt, $br, $bd) RETURNING id
            """,
            {"berkas": berkas, "sha": sha256, "oleh": p.oleh, "waktu": p.waktu, "bi": len(rencana.indikator),
             "bt": len(rencana.target), "br": len(rencana.realisasi), "bd": len(rencana.dukungan)},
        ).fetchone()[0]
        if not rencana.periode_baru.empty:
            cur.register("v_periode", rencana.periode_baru)
            cur.execute(
                "INSERT INTO periode (daerah_kode, tahun_awal, tahun_akhir) "
                "SELECT daerah_kode, tahun_awal, tahun_akhir FROM v_periode ON CONFLICT DO NOTHING"
            )
            cur.unregister("v_periode")
        ringkasan = Ringkasan(p.impor_id, dilewati=rencana.dilewati)
        ringkasan.jumlah["indikator"] = _tulis_indikator(p, rencana.indikator)
        ringkasan.jumlah["target"] = _tulis_target(p, rencana.target)
        ringkasan.jumlah["realisasi"] = _tulis_realisasi(p, rencana.realisasi)
        ringkasan.jumlah["dukungan"] = _tulis_dukungan(p, rencana.dukungan)
        for nama, fungsi in (("prioritas", _tulis_prioritas), ("indikator_prioritas", _tulis_indikator_prioritas),
                             ("usulan", _tulis_usulan)):
            if getattr(rencana, nama):
                ringkasan.jumlah[nama] = fungsi(p, getattr(rencana, nama))
        cur.execute("UPDATE impor SET keterangan = $k WHERE id = $id", {"k": ringkasan.teks(), "id": p.impor_id})
        return ringkasan

    return tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="impor", kunci=kunci)


# -- prioritas dan usulan (keputusan #20) ------------------------------------------------------------------------
_KOLOM_PRIORITAS = ("tingkat", "jenis", "nama", "induk_kode", "sumber")
_KOLOM_USULAN = ("judul", "urusan_kode", "prioritas_id", "permasalahan", "lokasi", "volume", "satuan", "biaya",
                 "sub_kegiatan_kode", "perangkat_daerah", "sumber")


def _id_prioritas(cur, kunci: tuple) -> int:
    d, dok, kode, a, b = kunci
    return cur.execute(
        "SELECT id FROM prioritas WHERE daerah_kode IS NOT DISTINCT FROM $d AND dokumen = $dok AND kode = $k "
        "AND tahun_awal = $a AND tahun_akhir = $b", {"d": d, "dok": dok, "k": kode, "a": a, "b": b}).fetchone()[0]


def _tulis_prioritas(p: Penulis, rows: list[dict]) -> dict:
    cur, jumlah = p.cur, {"tambah": 0, "ubah": 0, "sama": 0}
    for r in rows:
        kunci = (r["daerah_kode"], r["dokumen"], r["kode"], r["tahun_awal"], r["tahun_akhir"])
        lama = cur.execute(
            "SELECT id, tingkat, jenis, nama, induk_kode, sumber FROM prioritas WHERE daerah_kode IS NOT DISTINCT "
            "FROM $d AND dokumen = $dok AND kode = $k AND tahun_awal = $a AND tahun_akhir = $b",
            dict(zip(("d", "dok", "k", "a", "b"), kunci))).fetchone()
        baru = {k: r[k] for k in _KOLOM_PRIORITAS}
        catat = {"daerah_kode": r["daerah_kode"], "tahun": r["tahun_awal"], "kunci": f"{r['dokumen']} {r['kode']}"}
        if lama is None:
            pid = cur.execute(
                "INSERT INTO prioritas (tingkat, daerah_kode, dokumen, jenis, kode, nama, induk_kode, tahun_awal, "
                "tahun_akhir, sumber, diubah_oleh, diubah_pada, impor_id) VALUES ($tingkat, $d, $dok, $jenis, $k, "
                "$nama, $induk_kode, $a, $b, $sumber, $oleh, $waktu, $impor_id) RETURNING id",
                {**baru, "d": kunci[0], "dok": kunci[1], "k": kunci[2], "a": kunci[3], "b": kunci[4], "oleh": p.oleh,
                 "waktu": p.waktu, "impor_id": p.impor_id}).fetchone()[0]
            p.catat("prioritas", "tambah", kolom="nama", baru=r["nama"], **catat)
            jumlah["tambah"] += 1
            berubah = True
        else:
            pid = lama[0]
            ubah = {k: v for k, v in baru.items() if v is not None and v != dict(zip(_KOLOM_PRIORITAS, lama[1:]))[k]}
            for k, v in ubah.items():
                cur.execute(f"UPDATE prioritas SET {k} = $v, diubah_oleh = $oleh, diubah_pada = $waktu, "
                            "impor_id = $impor_id WHERE id = $id",
                            {"v": v, "oleh": p.oleh, "waktu": p.waktu, "impor_id": p.impor_id, "id": pid})
                p.catat("prioritas", "ubah", kolom=k, lama=dict(zip(_KOLOM_PRIORITAS, lama[1:]))[k], baru=v, **catat)
            berubah = bool(ubah)
        for tabel, kolom, daftar in (("prioritas_urusan", "urusan_kode", r["urusan"]),
                                     ("prioritas_pn", "pn_kode", r["pn"])):
            if daftar is None:
                continue  # sel kosong tidak mengubah apa pun
            ada = sorted(x[0] for x in cur.execute(f"SELECT {kolom} FROM {tabel} WHERE prioritas_id = $id",
                                                   {"id": pid}).fetchall())
            if ada != sorted(set(daftar)):
                cur.execute(f"DELETE FROM {tabel} WHERE prioritas_id = $id", {"id": pid})
                for x in sorted(set(daftar)):
                    cur.execute(f"INSERT INTO {tabel} VALUES ($id, $x)", {"id": pid, "x": x})
                p.catat("prioritas", "ubah" if lama is not None else "tambah", kolom=kolom, lama=", ".join(ada) or None,
                        baru=", ".join(sorted(set(daftar))), **catat)
                berubah = True
        if lama is not None:
            jumlah["ubah" if berubah else "sama"] += 1
    return jumlah


def _tulis_indikator_prioritas(p: Penulis, rows: list[dict]) -> dict:
    cur, jumlah = p.cur, {"tambah": 0, "ubah": 0, "sama": 0}
    for r in rows:
        iid = cur.execute(
            "SELECT i.id FROM indikator i JOIN periode pr ON pr.id = i.periode_id WHERE i.daerah_kode = $d AND "
            "pr.tahun_awal = $a AND pr.tahun_akhir = $b AND i.kode = $k",
            {"d": r["daerah_kode"], "a": r["tahun_awal"], "b": r["tahun_akhir"], "k": r["indikator_kode"]}
        ).fetchone()[0]
        pid = _id_prioritas(cur, r["prioritas"])
        if cur.execute("SELECT 1 FROM indikator_prioritas WHERE indikator_id = $i AND prioritas_id = $p",
                       {"i": iid, "p": pid}).fetchone():
            jumlah["sama"] += 1
            continue
        cur.execute("INSERT INTO indikator_prioritas VALUES ($i, $p, $oleh, $waktu, $impor_id)",
                    {"i": iid, "p": pid, "oleh": p.oleh, "waktu": p.waktu, "impor_id": p.impor_id})
        p.catat("indikator_prioritas", "tambah", indikator_id=iid, daerah_kode=r["daerah_kode"],
                indikator_kode=r["indikator_kode"], kunci=r["prioritas"][2], kolom="prioritas_kode",
                baru=r["prioritas"][2])
        jumlah["tambah"] += 1
    return jumlah


def _tulis_usulan(p: Penulis, rows: list[dict]) -> dict:
    cur, jumlah = p.cur, {"tambah": 0, "ubah": 0, "sama": 0}
    for r in rows:
        baru = {k: r[k] for k in _KOLOM_USULAN if k != "prioritas_id"}
        baru["prioritas_id"] = _id_prioritas(cur, r["prioritas"]) if r["prioritas"] else None
        kunci = {"d": r["daerah_kode"], "t": r["tahun"], "n": r["nomor"]}
        catat = {"daerah_kode": r["daerah_kode"], "tahun": r["tahun"], "kunci": str(r["nomor"])}
        lama = cur.execute(f"SELECT id, {', '.join(_KOLOM_USULAN)} FROM usulan WHERE daerah_kode = $d AND "
                           "tahun = $t AND nomor = $n", kunci).fetchone()
        if lama is None:
            uid = cur.execute(
                f"INSERT INTO usulan (daerah_kode, tahun, nomor, {', '.join(_KOLOM_USULAN)}, diubah_oleh, diubah_pada, "
                f"impor_id) VALUES ($d, $t, $n, {', '.join('$' + k for k in _KOLOM_USULAN)}, $oleh, $waktu, "
                "$impor_id) RETURNING id",
                {**kunci, **baru, "oleh": p.oleh, "waktu": p.waktu, "impor_id": p.impor_id}).fetchone()[0]
            p.catat("usulan", "tambah", kolom="judul", baru=r["judul"], **catat)
            jumlah["tambah"] += 1
            berubah = True
        else:
            uid, lama_kolom = lama[0], dict(zip(_KOLOM_USULAN, lama[1:]))
            # sel kosong tidak menimpa (prioritas_kode kosong pun tidak menghapus prioritas yang ada)
            ubah = {k: v for k, v in baru.items() if v is not None and not _sama(v, lama_kolom[k])}
            for k, v in ubah.items():
                cur.execute(f"UPDATE usulan SET {k} = $v, diubah_oleh = $oleh, diubah_pada = $waktu, "
                            "impor_id = $impor_id WHERE id = $id",
                            {"v": v, "oleh": p.oleh, "waktu": p.waktu, "impor_id": p.impor_id, "id": uid})
                p.catat("usulan", "ubah", kolom=k, lama=lama_kolom[k], baru=v, **catat)
            berubah = bool(ubah)
        if r["keputusan"] is not None:
            k_lama = cur.execute(
                "SELECT keputusan, alasan, dialihkan_ke, pagu_disepakati, versi FROM keputusan_usulan_terkini "
                "WHERE usulan_id = $u", {"u": uid}).fetchone()
            isi = (r["keputusan"], r["alasan"], r["dialihkan_ke"], r["pagu_disepakati"])
            if k_lama is None or tuple(k_lama[:4]) != isi:
                versi = (k_lama[4] if k_lama else 0) + 1
                cur.execute(
                    "INSERT INTO keputusan_usulan (usulan_id, keputusan, alasan, dialihkan_ke, pagu_disepakati, "
                    "versi, versi_dasar, oleh, pada, impor_id) VALUES ($u, $k, $a, $al, $pg, $v, $vd, $oleh, $waktu, "
                    "$impor_id)",
                    {"u": uid, "k": isi[0], "a": isi[1], "al": isi[2], "pg": isi[3], "v": versi, "vd": versi - 1,
                     "oleh": p.oleh, "waktu": p.waktu, "impor_id": p.impor_id})
                p.catat("keputusan_usulan", "tambah" if k_lama is None else "ubah", kolom="keputusan",
                        lama=k_lama[0] if k_lama else None, baru=isi[0], **catat)
                berubah = True
        if lama is not None:
            jumlah["ubah" if berubah else "sama"] += 1
    return jumlah
