"""Pratinjau impor: apa yang akan berubah bila sebuah ``Rencana`` ditulis, dihitung dengan SQL terhadap
tabel sekarang TANPA menulis apa pun (hanya membaca, pada cursor sendiri)."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from pantau.impor.tulis import KOLOM_DUKUNGAN, sql_banding_dukungan
from pantau.impor.validasi import Rencana

KOLOM = ["tabel", "daerah_kode", "indikator_kode", "tahun", "kunci", "nilai_lama", "nilai_baru", "baris"]

_GABUNG = """
    LEFT JOIN periode p ON p.daerah_kode = v.daerah_kode
                       AND p.tahun_awal = v.tahun_awal AND p.tahun_akhir = v.tahun_akhir
    LEFT JOIN indikator i ON i.periode_id = p.id AND i.kode = v.indikator_kode
"""


@dataclass
class Pratinjau:
    baru: pd.DataFrame
    berubah: pd.DataFrame
    #: tabel -> jumlah baris yang tidak berubah
    sama: dict

    @property
    def jumlah(self) -> dict:
        hasil = {}
        for t in ("indikator", "target", "realisasi", "dukungan", "prioritas", "usulan"):
            hasil[t] = {"tambah": int((self.baru["tabel"] == t).sum()),
                        "ubah": int(self.berubah.loc[self.berubah["tabel"] == t, "baris"].nunique()),
                        "sama": int(self.sama.get(t, 0))}
        return hasil

    @property
    def kosong(self) -> bool:
        return self.baru.empty and self.berubah.empty


def _angka(x: pd.Series) -> pd.Series:
    return x.astype("float64")


def pratinjau(con: duckdb.DuckDBPyConnection, rencana: Rencana) -> Pratinjau:
    cur = con.cursor()
    bagian_baru, bagian_ubah, sama = [], [], {}
    try:
        if not rencana.target.empty:
            cur.register("v_target", rencana.target.assign(
                nilai=_angka(rencana.target["nilai"]), nilai_min=_angka(rencana.target["nilai_min"]),
                nilai_max=_angka(rencana.target["nilai_max"])))
            df = cur.execute(f"""
                SELECT 'target' AS tabel, v.daerah_kode, v.indikator_kode, v.tahun, v.dokumen AS kunci,
                       nilai_sebagai_teks(t.nilai, t.nilai_min, t.nilai_max, t.nilai_teks) AS nilai_lama,
                       nilai_sebagai_teks(v.nilai, v.nilai_min, v.nilai_max, v.nilai_teks) AS nilai_baru,
                       v.baris, t.indikator_id IS NOT NULL AS ada,
                       (t.nilai IS DISTINCT FROM v.nilai OR t.nilai_min IS DISTINCT FROM v.nilai_min
                        OR t.nilai_max IS DISTINCT FROM v.nilai_max OR t.nilai_teks IS DISTINCT FROM v.nilai_teks)
                           AS berubah
                FROM v_target v {_GABUNG}
                LEFT JOIN target t ON t.indikator_id = i.id AND t.tahun = v.tahun AND t.dokumen = v.dokumen
                ORDER BY v.baris
            """).df()
            cur.unregister("v_target")
            bagian_baru.append(df[~df["ada"]])
            bagian_ubah.append(df[df["ada"] & df["berubah"]])
            sama["target"] = int((df["ada"] & ~df["berubah"]).sum())
        if not rencana.realisasi.empty:
            cur.register("v_realisasi", rencana.realisasi.assign(nilai=_angka(rencana.realisasi["nilai"])))
            df = cur.execute(f"""
                WITH g AS (
                    SELECT v.*, r.indikator_id IS NOT NULL AS ada,
                           coalesce(r.nilai_teks, CAST(r.nilai AS VARCHAR)) AS lama,
                           coalesce(v.nilai_teks, CAST(v.nilai AS VARCHAR)) AS baru,
                           r.status AS lama_status, coalesce(v.status, r.status, 'tetap') AS baru_status,
                           r.sumber AS lama_sumber, coalesce(v.sumber, r.sumber) AS baru_sumber,
                           r.catatan AS lama_catatan, coalesce(v.catatan, r.catatan) AS baru_catatan,
                           (r.nilai IS DISTINCT FROM v.nilai
                            OR r.nilai_teks IS DISTINCT FROM v.nilai_teks) AS nilai_beda
                    FROM v_realisasi v {_GABUNG}
                    LEFT JOIN realisasi r ON r.indikator_id = i.id AND r.tahun = v.tahun AND r.periode = v.periode
                )
                SELECT 'realisasi' AS tabel, daerah_kode, indikator_kode, tahun, periode AS kunci,
                       lama AS nilai_lama, baru AS nilai_baru, baris, ada, true AS berubah, 'realisasi' AS kolom
                FROM g WHERE NOT ada OR nilai_beda
                UNION ALL
                SELECT 'realisasi', daerah_kode, indikator_kode, tahun, periode, lama_status, baru_status, baris,
                       ada, true, 'status' FROM g WHERE ada AND lama_status IS DISTINCT FROM baru_status
                UNION ALL
                SELECT 'realisasi', daerah_kode, indikator_kode, tahun, periode, lama_sumber, baru_sumber, baris,
                       ada, true, 'sumber' FROM g WHERE ada AND lama_sumber IS DISTINCT FROM baru_sumber
                UNION ALL
                SELECT 'realisasi', daerah_kode, indikator_kode, tahun, periode, lama_catatan, baru_catatan, baris,
                       ada, true, 'catatan' FROM g WHERE ada AND lama_catatan IS DISTINCT FROM baru_catatan
                UNION ALL
                SELECT 'realisasi', daerah_kode, indikator_kode, tahun, periode, lama, baru, baris, ada, false, NULL
                FROM g WHERE ada AND NOT nilai_beda AND lama_status IS NOT DISTINCT FROM baru_status
                     AND lama_sumber IS NOT DISTINCT FROM baru_sumber
                     AND lama_catatan IS NOT DISTINCT FROM baru_catatan
                ORDER BY baris, kolom
            """).df()
            cur.unregister("v_realisasi")
            bagian_baru.append(df[~df["ada"]].drop(columns=["kolom"]))
            ubah = df[df["ada"] & df["berubah"]].copy()
            ubah["kunci"] = ubah["kunci"] + ubah["kolom"].map(lambda k: "" if k == "realisasi" else f" ({k})")
            bagian_ubah.append(ubah.drop(columns=["kolom"]))
            sama["realisasi"] = int((df["ada"] & ~df["berubah"]).sum())
        if not rencana.indikator.empty:
            cur.register("v_indikator", rencana.indikator)
            df = cur.execute("""
                SELECT 'indikator' AS tabel, v.daerah_kode, v.kode AS indikator_kode, CAST(NULL AS INTEGER) AS tahun,
                       k.kolom AS kunci, k.lama AS nilai_lama, k.baru AS nilai_baru, v.baris,
                       i.id IS NOT NULL AS ada, k.kolom IS NOT NULL AS berubah
                FROM v_indikator v
                LEFT JOIN periode p ON p.daerah_kode = v.daerah_kode AND p.tahun_awal = v.tahun_awal
                     AND p.tahun_akhir = v.tahun_akhir
                LEFT JOIN indikator i ON i.periode_id = p.id AND i.kode = v.kode
                LEFT JOIN LATERAL (
                    SELECT * FROM (VALUES
                        ('nama', i.nama, v.nama), ('satuan', i.satuan, v.satuan),
                        ('polaritas', i.polaritas, v.polaritas), ('agregasi', i.agregasi, v.agregasi),
                        ('urusan_kode', i.urusan_kode, v.urusan_kode),
                        ('perangkat_daerah', i.perangkat_daerah, coalesce(v.perangkat_daerah, i.perangkat_daerah)),
                        ('sumber_data', i.sumber_data, coalesce(v.sumber_data, i.sumber_data)),
                        ('definisi', i.definisi, coalesce(v.definisi, i.definisi)),
                        ('kondisi_awal', i.kondisi_awal_teks, coalesce(v.kondisi_awal_teks, i.kondisi_awal_teks)),
                        ('target_akhir', nilai_sebagai_teks(i.target_akhir, i.target_akhir_min, i.target_akhir_max,
                                                            i.target_akhir_teks),
                         coalesce(nilai_sebagai_teks(v.target_akhir, v.target_akhir_min, v.target_akhir_max,
                                                     v.target_akhir_teks),
                                  nilai_sebagai_teks(i.target_akhir, i.target_akhir_min, i.target_akhir_max,
                                                     i.target_akhir_teks)))
                    ) AS t(kolom, lama, baru)
                    WHERE i.id IS NOT NULL AND lama IS DISTINCT FROM baru
                ) k ON true
                ORDER BY v.baris, k.kolom
            """).df()
            cur.unregister("v_indikator")
            baru = df[~df["ada"]].drop_duplicates("baris").assign(kunci="indikator baru", nilai_lama=None)
            baru["nilai_baru"] = rencana.indikator.set_index("baris").loc[baru["baris"], "nama"].values
            bagian_baru.append(baru)
            bagian_ubah.append(df[df["ada"] & df["berubah"]])
            sama["indikator"] = int(df[df["ada"]].groupby("baris")["berubah"].any().eq(False).sum())
        if not rencana.dukungan.empty:
            cur.register("v_dukungan", rencana.dukungan)
            ubah = " UNION ALL ".join(
                f"SELECT baris, daerah_kode, indikator_kode, tahun, sub_kegiatan_kode || ' ({k})' AS kunci, "
                f"CAST(lama_{k} AS VARCHAR) AS nilai_lama, CAST({k} AS VARCHAR) AS nilai_baru, ada, true AS berubah "
                f"FROM b WHERE ada AND lama_{k} IS DISTINCT FROM {k}" for k in KOLOM_DUKUNGAN)
            df = cur.execute(f"""
                WITH b AS ({sql_banding_dukungan('v_dukungan')})
                SELECT 'dukungan' AS tabel, * FROM (
                    SELECT baris, daerah_kode, indikator_kode, tahun, sub_kegiatan_kode AS kunci, NULL AS nilai_lama,
                           coalesce(sub_kegiatan_nama, sub_kegiatan_kode)
                               || coalesce(' · pagu ' || CAST(CAST(pagu AS BIGINT) AS VARCHAR), '') AS nilai_baru,
                           ada, true AS berubah
                    FROM b WHERE NOT ada
                    UNION ALL {ubah}
                    UNION ALL
                    SELECT baris, daerah_kode, indikator_kode, tahun, sub_kegiatan_kode, NULL, NULL, ada, false
                    FROM b WHERE ada AND NOT berubah
                )
                ORDER BY baris, kunci
            """).df()
            cur.unregister("v_dukungan")
            bagian_baru.append(df[~df["ada"]])
            bagian_ubah.append(df[df["ada"] & df["berubah"]])
            sama["dukungan"] = int((df["ada"] & ~df["berubah"]).sum())
    finally:
        cur.close()

    def gabung(bagian):
        bagian = [b[KOLOM] for b in bagian if not b.empty]
        if not bagian:
            return pd.DataFrame(columns=KOLOM)
        return pd.concat(bagian, ignore_index=True)

    baru, ubah = _prioritas_usulan(con, rencana, sama)
    return Pratinjau(gabung(bagian_baru + baru), gabung(bagian_ubah + ubah), sama)


_KOLOM_USULAN = ("judul", "urusan_kode", "biaya", "volume", "lokasi", "keputusan")


def _prioritas_usulan(con, rencana: Rencana, sama: dict) -> tuple[list, list]:
    """Pratinjau lembar prioritas dan usulan (keputusan #20) menurut kuncinya: baris baru (judul/nama), dan kolom
    utama yang berubah (prioritas: nama; usulan: judul, urusan, biaya, volume, lokasi, keputusan)."""
    baru, ubah = [], []
    cur = con.cursor()
    try:
        for r in rencana.prioritas:
            lama = cur.execute(
                "SELECT nama FROM prioritas WHERE daerah_kode IS NOT DISTINCT FROM $d AND dokumen = $dok AND kode = $k "
                "AND tahun_awal = $a AND tahun_akhir = $b",
                {"d": r["daerah_kode"], "dok": r["dokumen"], "k": r["kode"], "a": r["tahun_awal"],
                 "b": r["tahun_akhir"]}).fetchone()
            baris = {"tabel": "prioritas", "daerah_kode": r["daerah_kode"], "indikator_kode": None,
                     "tahun": r["tahun_awal"], "kunci": f"{r['dokumen']} {r['kode']}", "baris": r["baris"]}
            if lama is None:
                baru.append({**baris, "nilai_lama": None, "nilai_baru": r["nama"]})
            elif lama[0] != r["nama"]:
                ubah.append({**baris, "kunci": f"{baris['kunci']} nama", "nilai_lama": lama[0],
                             "nilai_baru": r["nama"]})
            else:
                sama["prioritas"] = sama.get("prioritas", 0) + 1
        for r in rencana.usulan:
            lama = cur.execute(
                "SELECT u.judul, u.urusan_kode, u.biaya, u.volume, u.lokasi, k.keputusan FROM usulan u "
                "LEFT JOIN keputusan_usulan_terkini k ON k.usulan_id = u.id "
                "WHERE u.daerah_kode = $d AND u.tahun = $t AND u.nomor = $n",
                {"d": r["daerah_kode"], "t": r["tahun"], "n": r["nomor"]}).fetchone()
            baris = {"tabel": "usulan", "daerah_kode": r["daerah_kode"], "indikator_kode": None, "tahun": r["tahun"],
                     "baris": r["baris"]}
            if lama is None:
                baru.append({**baris, "kunci": f"no. {r['nomor']}", "nilai_lama": None, "nilai_baru": r["judul"]})
                continue
            beda = [(k, a, r[k]) for k, a in zip(_KOLOM_USULAN, lama) if r[k] is not None and a != r[k]]
            for k, a, b in beda:
                ubah.append({**baris, "kunci": f"no. {r['nomor']} {k}", "nilai_lama": None if a is None else str(a),
                             "nilai_baru": str(b)})
            if not beda:
                sama["usulan"] = sama.get("usulan", 0) + 1
    finally:
        cur.close()
    kolom = lambda x: [pd.DataFrame(x, columns=KOLOM)] if x else []  # noqa: E731
    return kolom(baru), kolom(ubah)
