"""Menulis hasil baca SIPD-RI (``pantau.impor.sipd.baca_sipd``) ke ``anggaran_sipd`` dan ``outcome_program_sipd``
dalam SATU transaksi lewat ``pantau.db.tulis`` (izin ``impor``, riwayat setiap baris), sesudah cadangan.

    from pantau.impor.sipd_tulis import impor_sipd
    hasil = impor_sipd(con, ["renja.json", "pagu.json", "skpd.json"], daerah="17.03", tahun=2026, oleh="budi")

Impor ulang daerah dan tahun yang sama menggantinya: baris yang tidak ada lagi di berkas dihapus, yang berubah
diganti, yang sama dibiarkan. Riwayat menyimpan isi baris lama/baru sebagai JSON (kunci "unit sub_kegiatan" atau
"unit program"), sehingga ``pantau.impor.batal`` dapat membatalkannya seperti impor lembar kerja. Pagu ditulis
sebagai DECIMAL(18,2) dari ``Decimal`` pembaca (tidak melewati float); total selalu dijumlah dari baris, tidak
pernah dari kolom ``total_*`` (pembaca tidak membacanya); nama operator tidak ada di objek yang ditulis.
"""
from __future__ import annotations

import hashlib
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pantau.aturan.izin import Pengguna, periksa_izin, sistem
from pantau.db import cadangan as modul_cadangan
from pantau.db.tulis import Penulis, tulis
from pantau.impor.masalah import ImporGagal
from pantau.impor.sipd import HasilSipd, baca_sipd
from pantau.impor.sipd.masalah import MasalahSipd

#: Tabel SIPD: kolom kunci kedua (sesudah daerah, tahun, unit) dan kolom isi (urutan tabel, tanpa impor_id).
TABEL_SIPD: dict[str, tuple[str, tuple[str, ...]]] = {
    "anggaran_sipd": ("sub_kegiatan_kode", (
        "daerah_kode", "tahun", "perangkat_daerah_kode", "perangkat_daerah", "perangkat_daerah_induk_kode",
        "perangkat_daerah_induk", "sub_kegiatan_kode", "sub_kegiatan_nama", "pagu", "indikator_keluaran",
        "target_keluaran", "target_keluaran_teks", "satuan_keluaran", "sumber")),
    "outcome_program_sipd": ("program_kode", (
        "daerah_kode", "tahun", "perangkat_daerah_kode", "perangkat_daerah_induk_kode", "program_kode",
        "program_nama", "outcome", "indikator", "target_akhir", "target_akhir_teks", "realisasi_capaian",
        "realisasi_capaian_teks", "prakiraan", "prakiraan_teks", "target_maju_1", "target_maju_1_teks", "sumber")),
}


def json_baris(tabel: str, alias: str) -> str:
    """Ekspresi SQL isi satu baris ``tabel`` (alias ``alias``) sebagai JSON: nilai riwayat dan pembanding."""
    _, kolom = TABEL_SIPD[tabel]
    return "to_json({" + ", ".join(f"'{k}': {alias}.{k}" for k in kolom) + "})"


def kunci_baris(tabel: str, alias: str) -> str:
    """Ekspresi SQL kunci riwayat: "unit sub_kegiatan" atau "unit program"."""
    return f"{alias}.perangkat_daerah_kode || ' ' || {alias}.{TABEL_SIPD[tabel][0]}"


@dataclass
class RingkasanSipd:
    impor_id: int
    #: tabel -> {"tambah", "ubah", "hapus", "sama"}
    jumlah: dict = field(default_factory=dict)

    def teks(self) -> str:
        nama = {"anggaran_sipd": "anggaran sub kegiatan", "outcome_program_sipd": "outcome program"}
        return "; ".join(f"{nama[t]}: {j['tambah']} baru, {j['ubah']} berubah, {j['hapus']} dihapus, "
                         f"{j['sama']} tetap" for t, j in self.jumlah.items())


@dataclass
class HasilImporSipd:
    ringkasan: RingkasanSipd
    baca: HasilSipd
    peringatan: list[MasalahSipd]
    cadangan: str | None = None


def _tabel_anggaran(h: HasilSipd) -> pd.DataFrame:
    _, kolom = TABEL_SIPD["anggaran_sipd"]
    rows = []
    for b in h.baris:
        r = {k: getattr(b, k) for k in kolom if k != "perangkat_daerah_induk"}
        r["perangkat_daerah_induk"] = h.nama.skpd.get(b.perangkat_daerah_induk_kode)
        r["pagu"] = str(b.pagu)  # teks -> DECIMAL di SQL: rupiah tepat
        rows.append(r)
    df = pd.DataFrame(rows, columns=list(kolom))
    return df.astype({"target_keluaran": "float64", "tahun": "int64"}).astype(
        {k: "object" for k in kolom if k not in ("target_keluaran", "tahun")})


def _tabel_outcome(h: HasilSipd) -> pd.DataFrame:
    _, kolom = TABEL_SIPD["outcome_program_sipd"]
    df = pd.DataFrame([{k: getattr(c, k) for k in kolom} for c in h.capaian_program], columns=list(kolom))
    angka = ("target_akhir", "realisasi_capaian", "prakiraan", "target_maju_1")
    return df.astype({**{k: "float64" for k in angka}, "tahun": "int64"}).astype(
        {k: "object" for k in kolom if k not in angka and k != "tahun"})


def _tulis_tabel(p: Penulis, tabel: str, df: pd.DataFrame, daerah: str, tahun: int) -> dict:
    """Ganti baris (daerah, tahun) ``tabel`` dengan ``df``: tambah, ubah, hapus dengan riwayat JSON per baris."""
    cur = p.cur
    kedua, kolom = TABEL_SIPD[tabel]
    cur.register("v_sipd", df)
    pilih = ", ".join(f"CAST(v.{k} AS DECIMAL(18, 2)) AS {k}" if k == "pagu" else
                      f"CAST(v.{k} AS INTEGER) AS {k}" if k == "tahun" else f"v.{k}" for k in kolom)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _sipd_baru AS SELECT {pilih} FROM v_sipd v")
    cur.unregister("v_sipd")
    cur.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _sipd_banding AS
        WITH lama AS (SELECT * FROM {tabel} WHERE daerah_kode = $d AND tahun = $t)
        SELECT coalesce(b.perangkat_daerah_kode, l.perangkat_daerah_kode) AS unit,
               coalesce(b.{kedua}, l.{kedua}) AS kedua,
               CASE WHEN l.{kedua} IS NULL THEN NULL ELSE {json_baris(tabel, 'l')} END AS lama,
               CASE WHEN b.{kedua} IS NULL THEN NULL ELSE {json_baris(tabel, 'b')} END AS baru
        FROM _sipd_baru b
        FULL JOIN lama l ON l.perangkat_daerah_kode = b.perangkat_daerah_kode AND l.{kedua} = b.{kedua}
        """, {"d": daerah, "t": tahun})
    tambah, ubah, hapus, sama = cur.execute(
        "SELECT count(*) FILTER (WHERE lama IS NULL), count(*) FILTER (WHERE lama IS NOT NULL AND baru IS NOT NULL "
        "AND lama <> baru), count(*) FILTER (WHERE baru IS NULL), count(*) FILTER (WHERE lama = baru) "
        "FROM _sipd_banding").fetchone()
    p.catat_dari(
        f"""
        SELECT $waktu, $oleh, '{tabel}', CASE WHEN lama IS NULL THEN 'tambah' WHEN baru IS NULL THEN 'hapus'
               ELSE 'ubah' END, NULL, $d, NULL, $t, unit || ' ' || kedua, NULL, lama, baru, $impor_id
        FROM _sipd_banding WHERE lama IS DISTINCT FROM baru ORDER BY unit, kedua
        """, {"d": daerah, "t": tahun})
    cur.execute(
        f"""
        DELETE FROM {tabel} USING _sipd_banding s
        WHERE {tabel}.daerah_kode = $d AND {tabel}.tahun = $t AND {tabel}.perangkat_daerah_kode = s.unit
          AND {tabel}.{kedua} = s.kedua AND s.lama IS NOT NULL AND s.lama IS DISTINCT FROM s.baru
        """, {"d": daerah, "t": tahun})
    cur.execute(
        f"""
        INSERT INTO {tabel} ({", ".join(kolom)}, impor_id)
        SELECT {", ".join(f"b.{k}" for k in kolom)}, $impor_id
        FROM _sipd_baru b JOIN _sipd_banding s ON s.unit = b.perangkat_daerah_kode AND s.kedua = b.{kedua}
        WHERE s.lama IS DISTINCT FROM s.baru
        """, {"impor_id": p.impor_id})
    cur.execute("DROP TABLE _sipd_baru")
    cur.execute("DROP TABLE _sipd_banding")
    return {"tambah": tambah, "ubah": ubah, "hapus": hapus, "sama": sama}


def tulis_sipd(con, hasil: HasilSipd, *, berkas: str, sha256: str, pengguna: Pengguna | None = None,
               oleh: str | None = None, kunci=None) -> RingkasanSipd:
    """Tulis seluruh hasil baca atau tidak sama sekali (satu transaksi, riwayat dengan nomor impor ini)."""
    d, t = hasil.daerah_kode, int(hasil.tahun)

    def kerja(p: Penulis) -> RingkasanSipd:
        p.impor_id = p.cur.execute(
            "INSERT INTO impor (berkas, sha256, oleh, waktu, baris_anggaran, keterangan) "
            "VALUES ($b, $s, $o, $w, $n, $k) RETURNING id",
            {"b": berkas, "s": sha256, "o": p.oleh, "w": p.waktu, "n": len(hasil.baris),
             "k": f"SIPD-RI {d} {t}"}).fetchone()[0]
        r = RingkasanSipd(p.impor_id)
        r.jumlah["anggaran_sipd"] = _tulis_tabel(p, "anggaran_sipd", _tabel_anggaran(hasil), d, t)
        r.jumlah["outcome_program_sipd"] = _tulis_tabel(p, "outcome_program_sipd", _tabel_outcome(hasil), d, t)
        p.cur.execute("UPDATE impor SET keterangan = $k WHERE id = $id",
                      {"k": f"SIPD-RI {d} {t}: {r.teks()}", "id": p.impor_id})
        return r

    return tulis(con, kerja, pengguna=pengguna, oleh=oleh, aksi="impor", daerah=d, kunci=kunci)


def program_tak_berpasangan(hasil) -> list[dict]:
    """Program yang targetnya tidak dipasangkan (beberapa indikator), satu baris per program: berapa unit dan
    berapa indikator per unit (rentang)."""
    per: dict = {}
    for t in hasil.ringkasan.program_tak_berpasangan:
        per.setdefault(t.program_kode, (t.program_nama or "", []))[1].append(t)
    hasil_ = []
    for kode, (nama, daftar) in sorted(per.items()):
        n = sorted({t.jumlah_indikator for t in daftar})
        hasil_.append({"program_kode": kode, "program_nama": nama,
                       "unit": len({t.perangkat_daerah_kode for t in daftar}),
                       "indikator": str(n[0]) if len(n) == 1 else f"{n[0]}–{n[-1]}"})
    return hasil_


def _pelaku(pengguna: Pengguna | None, oleh: str | None) -> Pengguna:
    if pengguna is not None:
        return pengguna
    if not (oleh or "").strip():
        raise ValueError("oleh wajib diisi bila impor dijalankan tanpa pengguna yang masuk")
    return sistem(oleh.strip())


def sidik(paths) -> str:
    """SHA-256 isi semua berkas (folder: setiap berkasnya), urut nama."""
    h = hashlib.sha256()
    semua = []
    for p in map(Path, [paths] if isinstance(paths, (str, Path)) else paths):
        semua += sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p]
    for f in sorted(semua):
        h.update(f.read_bytes())
    return h.hexdigest()


def siapkan_sipd(con, paths, *, daerah: str, tahun: int, pengguna: Pengguna | None = None,
                 nama_berkas=None) -> HasilSipd:
    """Baca dan periksa tanpa menulis: izin impor untuk ``daerah``, daerah terdaftar di Pantau, lalu
    ``baca_sipd``. Melempar ``ImporGagal`` (pesan Indonesia) atau ``TidakBerizin``."""
    if pengguna is not None:
        periksa_izin(pengguna, "impor", daerah=daerah)
    ada = con.cursor().execute("SELECT nama FROM daerah WHERE kode = $d", {"d": (daerah or "").strip()}).fetchone()
    if ada is None:
        raise ImporGagal([MasalahSipd(None, None, "daerah", daerah,
                                      f"daerah {daerah} tidak terdaftar di Pantau; pilih kode daerah Kemendagri "
                                      "yang ada (misalnya 17.03)")])
    return baca_sipd(paths, daerah=daerah.strip(), tahun=int(tahun), nama_berkas=nama_berkas)


def tulis_hasil_sipd(con, hasil: HasilSipd, *, berkas: str, sha256: str, oleh: str | None = None,
                     pengguna: Pengguna | None = None, cadangan: bool = False) -> HasilImporSipd:
    """Tulis hasil yang sudah diperiksa; bila ``cadangan``, salin basis data dulu (pantau.db.cadangan)."""
    pelaku = _pelaku(pengguna, oleh)
    periksa_izin(pelaku, "impor", daerah=hasil.daerah_kode)
    ringkasan, nama_cadangan = modul_cadangan.tulis_dengan_cadangan(
        con, lambda: tulis_sipd(con, hasil, berkas=berkas, sha256=sha256, pengguna=pelaku, kunci=nullcontext()),
        cadangan=cadangan)
    return HasilImporSipd(ringkasan, hasil, hasil.peringatan, nama_cadangan)


def impor_sipd(con, paths, *, daerah: str, tahun: int, oleh: str | None = None, pengguna: Pengguna | None = None,
               cadangan: bool = False, nama_berkas=None) -> HasilImporSipd:
    """Periksa lalu tulis ekspor SIPD-RI (berkas dan/atau folder) untuk ``daerah`` dan ``tahun``."""
    pelaku = _pelaku(pengguna, oleh)
    hasil = siapkan_sipd(con, paths, daerah=daerah, tahun=tahun, pengguna=pelaku, nama_berkas=nama_berkas)
    daftar = [paths] if isinstance(paths, (str, Path)) else list(paths)
    nama = ", ".join(b.nama for b in hasil.ringkasan.berkas[:3]) + (
        f" (+{len(hasil.ringkasan.berkas) - 3} berkas)" if len(hasil.ringkasan.berkas) > 3 else "")
    return tulis_hasil_sipd(con, hasil, berkas=f"SIPD-RI: {nama}", sha256=sidik(daftar), pengguna=pelaku,
                            cadangan=cadangan)
