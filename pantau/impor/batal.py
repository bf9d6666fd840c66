"""Membatalkan satu impor dari ``riwayat``: nilai lama yang tercatat dikembalikan, baris yang ditambah
impor itu dihapus, dalam SATU transaksi; pembatalan sendiri tercatat sebagai impor baru di ``impor`` dan
setiap perubahannya di ``riwayat``.

Pembatalan ditolak (tanpa mengubah apa pun) bila nilai sekarang bukan lagi nilai yang ditulis impor
itu (impor sesudahnya mengubah kunci yang sama: batalkan impor itu dulu), atau bila impor itu sudah
dibatalkan. ``catatan`` realisasi tidak tercatat di riwayat, jadi tidak dikembalikan.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pantau.aturan.angka import BukanAngka, baca_rentang
from pantau.db.tulis import Penulis, tulis
from pantau.impor.sipd_tulis import TABEL_SIPD, json_baris
from pantau.impor.tulis import Ringkasan

_KOLOM_ANGKA = {"kondisi_awal", "target_akhir", "target_akhir_min", "target_akhir_max"}
_KOLOM_BULAT = {"tahun_kondisi_awal"}
_KOLOM_BOOL = {"iku"}


@dataclass
class HasilBatal(Ringkasan):
    #: kode indikator yang ditambah impor itu dan tetap terdaftar (tanpa data)
    tetap_terdaftar: list = field(default_factory=list)

    def teks(self) -> str:
        t = _teks(self)
        if self.tetap_terdaftar:
            t += f"; indikator tetap terdaftar tanpa data: {', '.join(self.tetap_terdaftar)}"
        return t


class GagalBatal(Exception):
    """Pembatalan ditolak; pesannya untuk pengguna."""


def _nilai_kolom(kolom: str, teks):
    if teks is None:
        return None
    if kolom in _KOLOM_ANGKA:
        return float(teks)
    if kolom in _KOLOM_BULAT:
        return int(float(teks))
    if kolom in _KOLOM_BOOL:
        return str(teks).lower() in ("true", "1", "ya")
    return teks


def _nilai_target(polaritas: str, teks):
    """Teks ``nilai_sebagai_teks`` kembali menjadi (nilai, nilai_min, nilai_max, nilai_teks)."""
    if teks is None:
        return None, None, None, None
    if polaritas == "teks":
        return None, None, None, teks
    if polaritas == "rentang":
        try:
            r = baca_rentang(teks.replace(" - ", "-") if teks.count("-") == 1 and not teks.startswith("-") else teks)
        except BukanAngka:
            a, b = teks.split(" - ")
            return None, float(a), float(b), None
        return None, r.nilai_min, r.nilai_max, None
    return float(teks), None, None, None


def batalkan_impor(con, impor_id: int, *, oleh: str | None = None, pengguna=None) -> HasilBatal:
    """Batalkan satu impor, lewat ``pantau.db.tulis``. Dengan ``pengguna`` (halaman) izin ``batal_impor`` diperiksa
    (hanya admin) dan riwayat mencatat namanya; tanpa ``pengguna``: perintah baris di server (admin) dengan nama
    ``oleh``. ``con``: ``BasisData`` (kunci tulisnya dipakai) atau koneksi DuckDB."""
    def kerja(p: Penulis) -> HasilBatal:
        cur, oleh, waktu = p.cur, p.oleh, p.waktu
        imp = cur.execute("SELECT berkas FROM impor WHERE id = $id", {"id": impor_id}).fetchone()
        if imp is None:
            raise GagalBatal(f"impor #{impor_id} tidak ada")
        sudah = cur.execute("SELECT id FROM impor WHERE berkas = $b", {"b": f"pembatalan impor #{impor_id}"}).fetchone()
        if sudah:
            raise GagalBatal(f"impor #{impor_id} sudah dibatalkan oleh impor #{sudah[0]}")
        rows = cur.execute(
            """
            SELECT r.id, r.tabel, r.aksi, r.indikator_id, r.daerah_kode, r.indikator_kode, r.tahun, r.kunci, r.kolom,
                   r.nilai_lama, r.nilai_baru
            FROM riwayat r WHERE r.impor_id = $id ORDER BY r.id DESC
            """, {"id": impor_id}).fetchall()
        if not rows:
            raise GagalBatal(f"impor #{impor_id} tidak mengubah apa pun; tidak ada yang dibatalkan")
        lain = sorted({r[1] for r in rows} & {"prioritas", "indikator_prioritas", "usulan", "keputusan_usulan"})
        if lain:  # keputusan #20: belum dapat dikembalikan dari riwayat; lebih baik menolak daripada setengah batal
            raise GagalBatal(f"impor #{impor_id} mengubah {', '.join(lain)}; pembatalan impor prioritas dan usulan "
                             "belum didukung. Impor ulang berkas yang benar, atau pulihkan cadangan sebelum impor itu")
        baru_id = cur.execute(
            "INSERT INTO impor (berkas, sha256, oleh, waktu, keterangan) VALUES ($b, $s, $o, $w, $k) RETURNING id",
            {"b": f"pembatalan impor #{impor_id}", "s": hashlib.sha256(f"batal-{impor_id}".encode()).hexdigest(),
             "o": oleh, "w": waktu, "k": f"membatalkan impor #{impor_id} ({imp[0]})"}).fetchone()[0]
        p.impor_id = baru_id
        ringkasan = HasilBatal(baru_id, {t: {"tambah": 0, "ubah": 0, "sama": 0} for t in
                                         ("indikator", "target", "realisasi", "dukungan")})
        hapus_indikator = []

        def catat(tabel, aksi, ind_id, d, k, tahun, kunci, kolom, lama, baru):
            p.catat(tabel, aksi, indikator_id=ind_id, daerah_kode=d, indikator_kode=k, tahun=tahun, kunci=kunci,
                    kolom=kolom, lama=lama, baru=baru)

        def konflik(apa, sekarang, harap):
            raise GagalBatal(
                f"{apa} sekarang bernilai {sekarang!r}, bukan {harap!r} yang ditulis impor #{impor_id}: ada impor "
                "sesudahnya yang mengubahnya. Batalkan impor itu lebih dulu.")

        # tabel SIPD-RI: sekaligus per tabel (ribuan baris), riwayat berisi baris lama/baru sebagai JSON
        for tabel in TABEL_SIPD:
            if any(r[1] == tabel for r in rows):
                ringkasan.jumlah[tabel] = _batal_sipd(p, tabel, impor_id, konflik)
        rows = [r for r in rows if r[1] not in TABEL_SIPD]
        # indikator lebih dulu (polaritas lama dibutuhkan untuk mengembalikan target)
        rows = sorted(rows, key=lambda r: (r[1] != "indikator", -r[0]))
        for _rid, tabel, aksi, ind_id, d, k, tahun, kunci, kolom, lama, baru in rows:
            if tabel == "realisasi":
                now = cur.execute(
                    "SELECT coalesce(nilai_teks, CAST(nilai AS VARCHAR)), status, sumber FROM realisasi "
                    "WHERE indikator_id = $i AND tahun = $t AND periode = $p", {"i": ind_id, "t": tahun, "p": kunci}
                ).fetchone()
                apa = f"realisasi {k} {tahun} {kunci}"
                if now is None:
                    konflik(apa, None, baru)
                if aksi == "tambah":
                    if kolom == "realisasi" and now[0] != baru:
                        konflik(apa, now[0], baru)
                    cur.execute("DELETE FROM realisasi WHERE indikator_id = $i AND tahun = $t AND periode = $p",
                                {"i": ind_id, "t": tahun, "p": kunci})
                    catat("realisasi", "hapus", ind_id, d, k, tahun, kunci, "realisasi", now[0], None)
                    ringkasan.jumlah["realisasi"]["tambah"] += 1
                    continue
                pos = {"realisasi": 0, "status": 1, "sumber": 2}[kolom]
                if now[pos] != baru:
                    konflik(f"{apa} ({kolom})", now[pos], baru)
                if kolom == "realisasi":
                    pol = cur.execute("SELECT polaritas FROM indikator WHERE id = $i", {"i": ind_id}).fetchone()[0]
                    nilai, teks = (None, lama) if pol == "teks" else (None if lama is None else float(lama), None)
                    cur.execute("UPDATE realisasi SET nilai = $n, nilai_teks = $x, diubah_oleh = $o, diubah_pada = $w, "
                                "impor_id = $im WHERE indikator_id = $i AND tahun = $t AND periode = $p",
                                {"n": nilai, "x": teks, "o": oleh, "w": waktu, "im": baru_id, "i": ind_id,
                                 "t": tahun, "p": kunci})
                else:
                    cur.execute(f"UPDATE realisasi SET {kolom} = $v, diubah_oleh = $o, diubah_pada = $w, "
                                "impor_id = $im WHERE indikator_id = $i AND tahun = $t AND periode = $p",
                                {"v": lama, "o": oleh, "w": waktu, "im": baru_id, "i": ind_id, "t": tahun, "p": kunci})
                catat("realisasi", "ubah", ind_id, d, k, tahun, kunci, kolom, baru, lama)
                ringkasan.jumlah["realisasi"]["ubah"] += 1
            elif tabel == "target":
                now = cur.execute(
                    "SELECT nilai_sebagai_teks(t.nilai, t.nilai_min, t.nilai_max, t.nilai_teks), i.polaritas "
                    "FROM target t JOIN indikator i ON i.id = t.indikator_id "
                    "WHERE t.indikator_id = $i AND t.tahun = $t AND t.dokumen = $k",
                    {"i": ind_id, "t": tahun, "k": kunci}).fetchone()
                apa = f"target {k} {tahun} {kunci}"
                if now is None or now[0] != baru:
                    konflik(apa, None if now is None else now[0], baru)
                if aksi == "tambah":
                    cur.execute("DELETE FROM target WHERE indikator_id = $i AND tahun = $t AND dokumen = $k",
                                {"i": ind_id, "t": tahun, "k": kunci})
                    catat("target", "hapus", ind_id, d, k, tahun, kunci, "target", now[0], None)
                    ringkasan.jumlah["target"]["tambah"] += 1
                    continue
                n, mn, mx, tx = _nilai_target(now[1], lama)
                cur.execute("UPDATE target SET nilai = $n, nilai_min = $mn, nilai_max = $mx, nilai_teks = $tx, "
                            "diubah_oleh = $o, diubah_pada = $w, impor_id = $im "
                            "WHERE indikator_id = $i AND tahun = $t AND dokumen = $k",
                            {"n": n, "mn": mn, "mx": mx, "tx": tx, "o": oleh, "w": waktu, "im": baru_id,
                             "i": ind_id, "t": tahun, "k": kunci})
                catat("target", "ubah", ind_id, d, k, tahun, kunci, "target", baru, lama)
                ringkasan.jumlah["target"]["ubah"] += 1
            elif tabel == "dukungan":
                _batal_dukungan(cur, aksi, ind_id, d, k, tahun, kunci, kolom, lama, baru, catat, konflik,
                                {"o": oleh, "w": waktu, "im": baru_id})
                ringkasan.jumlah["dukungan"]["tambah" if aksi == "tambah" else "ubah"] += 1
            elif tabel == "indikator":
                if aksi == "tambah":
                    hapus_indikator.append((ind_id, d, k, baru))
                    continue
                now = cur.execute(f'SELECT CAST("{kolom}" AS VARCHAR) FROM indikator WHERE id = $i',
                                  {"i": ind_id}).fetchone()
                if kolom not in _KOLOM_ANGKA and now[0] != baru:
                    konflik(f"indikator {k} ({kolom})", now[0], baru)
                cur.execute(f'UPDATE indikator SET "{kolom}" = $v, diubah_oleh = $o, diubah_pada = $w WHERE id = $i',
                            {"v": _nilai_kolom(kolom, lama), "o": oleh, "w": waktu, "i": ind_id})
                catat("indikator", "ubah", ind_id, d, k, None, None, kolom, baru, lama)
                ringkasan.jumlah["indikator"]["ubah"] += 1
        # Indikator yang ditambah impor itu: DuckDB menolak menghapus baris yang barisan rujukannya dihapus
        # dalam transaksi yang sama (batasan foreign key DuckDB), jadi indikator yang datanya baru saja
        # dihapus tetap terdaftar tanpa data; yang tidak pernah punya data dihapus.
        dihapus_datanya = {r[3] for r in rows if r[1] in ("target", "realisasi")}
        for ind_id, d, k, nama in hapus_indikator:
            sisa = cur.execute(
                "SELECT (SELECT count(*) FROM target WHERE indikator_id = $i) "
                "+ (SELECT count(*) FROM realisasi WHERE indikator_id = $i) "
                "+ (SELECT count(*) FROM dukungan WHERE indikator_id = $i)", {"i": ind_id}).fetchone()[0]
            if sisa:
                raise GagalBatal(f"indikator {k} (ditambah impor #{impor_id}) sudah punya data dari impor lain; "
                                 "batalkan impor itu lebih dulu")
            if ind_id in dihapus_datanya:
                ringkasan.tetap_terdaftar.append(k)
                continue
            cur.execute("DELETE FROM indikator WHERE id = $i", {"i": ind_id})
            catat("indikator", "hapus", ind_id, d, k, None, None, None, nama, None)
            ringkasan.jumlah["indikator"]["tambah"] += 1
        cur.execute("UPDATE impor SET keterangan = $k WHERE id = $id",
                    {"k": f"membatalkan impor #{impor_id}: " + ringkasan.teks(), "id": baru_id})
        return ringkasan

    return tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="batal_impor")


def _batal_sipd(p: Penulis, tabel: str, impor_id: int, konflik) -> dict:
    """Kembalikan baris ``tabel`` SIPD (anggaran_sipd, outcome_program_sipd) yang diubah impor itu: baris yang
    ditambah dihapus, yang diganti atau dihapus dikembalikan dari JSON lamanya. Ditolak bila baris sekarang bukan
    lagi yang ditulis impor itu (impor sesudahnya mengubahnya)."""
    cur = p.cur
    kedua, kolom = TABEL_SIPD[tabel]
    jenis = dict(cur.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = $t", {"t": tabel}).fetchall())
    cur.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _sipd_batal AS
        SELECT r.aksi, r.daerah_kode, r.tahun, r.kunci, r.nilai_lama, r.nilai_baru,
               split_part(r.kunci, ' ', 1) AS unit, split_part(r.kunci, ' ', 2) AS kedua,
               CASE WHEN s.perangkat_daerah_kode IS NULL THEN NULL ELSE {json_baris(tabel, 's')} END AS sekarang
        FROM riwayat r
        LEFT JOIN {tabel} s ON s.daerah_kode = r.daerah_kode AND s.tahun = r.tahun
             AND s.perangkat_daerah_kode = split_part(r.kunci, ' ', 1) AND s.{kedua} = split_part(r.kunci, ' ', 2)
        WHERE r.impor_id = $id AND r.tabel = $tabel
        """, {"id": impor_id, "tabel": tabel})
    salah = cur.execute("SELECT kunci, daerah_kode, tahun, sekarang, nilai_baru FROM _sipd_batal "
                        "WHERE sekarang IS DISTINCT FROM nilai_baru ORDER BY kunci LIMIT 1").fetchone()
    if salah:
        konflik(f"{tabel} {salah[1]} {salah[2]} {salah[0]}", "baris lain" if salah[3] else None,
                "baris yang ditulis" if salah[4] else None)
    n = dict(cur.execute("SELECT aksi, count(*) FROM _sipd_batal GROUP BY aksi").fetchall())
    cur.execute(
        f"""
        DELETE FROM {tabel} USING _sipd_batal b
        WHERE b.aksi IN ('tambah', 'ubah') AND {tabel}.daerah_kode = b.daerah_kode AND {tabel}.tahun = b.tahun
          AND {tabel}.perangkat_daerah_kode = b.unit AND {tabel}.{kedua} = b.kedua
        """)
    isi = ", ".join(f"CAST(json_extract_string(b.nilai_lama, '$.{k}') AS {jenis[k]})" for k in kolom)
    cur.execute(f"INSERT INTO {tabel} ({', '.join(kolom)}, impor_id) SELECT {isi}, $im FROM _sipd_batal b "
                "WHERE b.aksi IN ('ubah', 'hapus')", {"im": p.impor_id})
    p.catat_dari(
        f"""
        SELECT $waktu, $oleh, '{tabel}', CASE aksi WHEN 'tambah' THEN 'hapus' WHEN 'hapus' THEN 'tambah'
               ELSE 'ubah' END, NULL, daerah_kode, NULL, tahun, kunci, NULL, nilai_baru, nilai_lama, $impor_id
        FROM _sipd_batal ORDER BY kunci
        """)
    cur.execute("DROP TABLE _sipd_batal")
    return {"tambah": n.get("tambah", 0), "ubah": n.get("ubah", 0) + n.get("hapus", 0), "sama": 0}


_KOLOM_DUKUNGAN_ANGKA = {"pagu", "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4", "realisasi_tahun"}


def _batal_dukungan(cur, aksi, ind_id, d, k, tahun, kunci, kolom, lama, baru, catat, konflik, p):
    """Kembalikan satu perubahan dukungan yang ditulis impor: baris baru dihapus, kolom yang berubah
    dikembalikan ke nilai lamanya (ditolak bila nilainya sudah diubah lagi sesudah impor itu)."""
    cari = ("FROM dukungan WHERE daerah_kode = $d AND tahun = $t AND indikator_id IS NOT DISTINCT FROM $i "
            "AND sub_kegiatan_kode = $s AND perangkat_daerah_kode = $u")
    unit, _, sub = kunci.rpartition(" ")  # kunci_dukungan: "unit sub_kegiatan" atau kode sub kegiatan saja
    kunci_p = {"d": d, "t": tahun, "i": ind_id, "s": sub, "u": unit}
    apa = f"dukungan {kunci} ({k or 'tanpa indikator'}, {d}, {tahun})"
    if aksi == "tambah":
        ada = cur.execute(f"SELECT id {cari}", kunci_p).fetchone()
        if ada is None:
            konflik(apa, None, "baris yang ditambah")
        cur.execute(f"DELETE {cari}", kunci_p)
        catat("dukungan", "hapus", ind_id, d, k, tahun, kunci, None, baru, None)
        return
    now = cur.execute(f'SELECT CAST("{kolom}" AS VARCHAR) {cari}', kunci_p).fetchone()
    if now is None or now[0] != baru:
        konflik(f"{apa} ({kolom})", None if now is None else now[0], baru)
    nilai = lama
    if lama is not None and kolom in _KOLOM_DUKUNGAN_ANGKA:
        nilai = float(lama)
    elif lama is not None and kolom == "disepakati":
        nilai = lama.lower() == "true"
    tambahan = ""
    if kolom == "disepakati":
        tambahan = ", disepakati_oleh = NULL, disepakati_pada = NULL" if not nilai else ""
    cur.execute(f'UPDATE dukungan SET "{kolom}" = $v, diubah_oleh = $o, diubah_pada = $w, impor_id = $im{tambahan} '
                f"WHERE daerah_kode = $d AND tahun = $t AND indikator_id IS NOT DISTINCT FROM $i "
                f"AND sub_kegiatan_kode = $s AND perangkat_daerah_kode = $u", {**kunci_p, "v": nilai, **p})
    catat("dukungan", "ubah", ind_id, d, k, tahun, kunci, kolom, baru, lama)


def _teks(r: Ringkasan) -> str:
    return "; ".join(f"{t}: {j['tambah']} dihapus, {j['ubah']} dikembalikan" for t, j in r.jumlah.items())
