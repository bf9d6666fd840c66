"""Basis data sintetis skala nasional (pantau/demo/nasional.py), diuji pada potongan kecil: Kalimantan Utara."""
from __future__ import annotations

import re
from collections import Counter

import duckdb
import pytest

from pantau.db.kueri import parameter_kueri
from pantau.demo import nasional
from pantau.demo.nasional import bangun_nasional, katalog

PREFIX = "65"  # Kalimantan Utara: 1 provinsi + 5 kabupaten/kota
N = 150

SIDIK_REALISASI = """
    SELECT count(*), sum(hash(indikator_id, tahun, periode, nilai, nilai_teks, status, diubah_pada))
    FROM realisasi
"""
SIDIK_TARGET = """
    SELECT count(*), sum(hash(indikator_id, tahun, dokumen, nilai, nilai_min, nilai_max, nilai_teks))
    FROM target
"""
SIDIK_DUKUNGAN = """
    SELECT count(*), sum(hash(id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, pagu, realisasi_tw1,
                              realisasi_tw4, disepakati, diubah_pada))
    FROM dukungan
"""
SIDIK_INDIKATOR = """
    SELECT count(*), sum(hash(id, daerah_kode, kode, nama, polaritas, kondisi_awal, target_akhir,
                              target_akhir_min, target_akhir_teks, induk_kode))
    FROM indikator
"""


def _bangun(path, **kw):
    pesan = []
    jumlah = bangun_nasional(path, daerah_prefix=PREFIX, indikator_per_daerah=N, laporan=pesan.append, **kw)
    return jumlah, pesan


@pytest.fixture(scope="module")
def hasil(tmp_path_factory):
    path = tmp_path_factory.mktemp("nasional") / "nasional.duckdb"
    jumlah, pesan = _bangun(path)
    return path, jumlah, pesan


@pytest.fixture
def con(hasil):
    c = duckdb.connect(str(hasil[0]), read_only=True)
    yield c
    c.close()


def _satu(con, sql, params=None):
    return con.execute(sql, params or {}).fetchone()[0]


def test_jumlah_dan_laporan(hasil, con):
    _, jumlah, pesan = hasil
    assert set(jumlah) == {"daerah", "indikator", "target", "realisasi", "detik"}
    assert jumlah["daerah"] == 6
    assert jumlah["indikator"] == 6 * N
    assert jumlah["target"] > 6 * 6 * N  # RPJMD + sebagian RKPD
    assert jumlah["realisasi"] > 15 * 6 * N
    assert jumlah["detik"] > 0
    for tabel in ("indikator", "target", "realisasi"):
        assert _satu(con, f"SELECT count(*) FROM {tabel}") == jumlah[tabel]
    assert _satu(con, "SELECT count(*) FROM periode") == jumlah["daerah"]
    assert any(p.startswith("Membuat indikator...") and "900 baris" in p for p in pesan)
    assert any(p.startswith("Membuat realisasi...") for p in pesan)
    # satu baris impor menjelaskan pembangunan, dengan jumlah baris yang benar
    imp = con.execute("SELECT id, berkas, oleh, baris_indikator, baris_target, baris_realisasi, length(sha256) "
                      "FROM impor").fetchall()
    assert imp == [(1, "demo --skala nasional", "demo-nasional",
                    jumlah["indikator"], jumlah["target"], jumlah["realisasi"], 64)]
    assert _satu(con, "SELECT count(*) FROM riwayat") == 0


def test_periode_dan_target_lengkap(con):
    assert con.execute("SELECT DISTINCT tahun_awal, tahun_akhir FROM periode").fetchall() == [(2021, 2026)]
    # setiap indikator punya tepat 6 target RPJMD, 2021..2026
    salah = con.execute("""
        SELECT i.id, count(t.tahun), min(t.tahun), max(t.tahun)
        FROM indikator i LEFT JOIN target t ON t.indikator_id = i.id AND t.dokumen = 'RPJMD'
        GROUP BY i.id
        HAVING count(t.tahun) <> 6 OR min(t.tahun) <> 2021 OR max(t.tahun) <> 2026
    """).fetchall()
    assert salah == []
    rkpd = _satu(con, "SELECT count(*) FROM target WHERE dokumen = 'RKPD'")
    assert 0.05 < rkpd / _satu(con, "SELECT count(*) FROM target WHERE dokumen = 'RPJMD'") < 0.15
    # bentuk nilai target sesuai polaritas
    bentuk = dict(con.execute("""
        SELECT i.polaritas,
               bool_and(CASE i.polaritas
                   WHEN 'rentang' THEN t.nilai_min IS NOT NULL AND t.nilai_min <= t.nilai_max AND t.nilai IS NULL
                   WHEN 'teks' THEN t.nilai_teks IS NOT NULL AND t.nilai IS NULL
                   ELSE t.nilai > 0 AND t.nilai_min IS NULL END)
        FROM target t JOIN indikator i ON i.id = t.indikator_id
        GROUP BY ALL
    """).fetchall())
    assert bentuk == {"positif": True, "negatif": True, "rentang": True, "teks": True}


def test_realisasi_dalam_periode(con):
    assert con.execute("SELECT min(tahun), max(tahun) FROM realisasi").fetchone() == (2021, 2026)
    periode = {r[0] for r in con.execute("SELECT DISTINCT periode FROM realisasi").fetchall()}
    assert periode == {"TW1", "TW2", "TW3", "TW4", "TAHUN"}
    # tahun terakhir baru sampai TW3, seluruhnya sementara
    assert _satu(con, "SELECT count(*) FROM realisasi WHERE tahun = 2026 AND periode IN ('TW4', 'TAHUN')") == 0
    assert _satu(con, "SELECT count(*) FROM realisasi WHERE tahun = 2026 AND status <> 'sementara'") == 0
    status = dict(con.execute("SELECT status, count(*) FROM realisasi GROUP BY ALL").fetchall())
    assert status["tetap"] > 3 * status["sementara"] > 0
    # teks: nilai_teks; lainnya: nilai
    assert _satu(con, """
        SELECT count(*) FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
        WHERE (i.polaritas = 'teks') <> (r.nilai_teks IS NOT NULL) OR (i.polaritas <> 'teks') <> (r.nilai IS NOT NULL)
    """) == 0
    # ada data yang hilang (belum dilaporkan), tapi sedikit
    penuh = _satu(con, "SELECT count(*) FROM indikator WHERE polaritas <> 'teks'") * (5 * 4 + 3)
    tw = _satu(con, "SELECT count(*) FROM realisasi WHERE periode <> 'TAHUN'")
    assert 0.85 * penuh < tw < penuh
    assert _satu(con, "SELECT count(*) FROM realisasi WHERE periode = 'TAHUN'") > 0
    # jejak: pengubah, waktu dan impor terisi di setiap baris
    for tabel in ("target", "realisasi"):
        assert _satu(con, f"SELECT count(*) FROM {tabel} WHERE diubah_oleh <> 'demo-nasional' "
                          "OR diubah_pada IS NULL OR impor_id <> 1") == 0
    assert _satu(con, "SELECT count(*) FROM indikator WHERE diubah_oleh <> 'demo-nasional' OR diubah_pada IS NULL") == 0
    # tanggal pelaporan yang dihitung: setelah triwulannya berakhir
    assert _satu(con, """
        SELECT count(*) FROM realisasi
        WHERE diubah_pada < make_timestamp(tahun, 3 * CASE periode WHEN 'TAHUN' THEN 4
                                                       ELSE CAST(right(periode, 1) AS INTEGER) END, 28, 0, 0, 0)
    """) == 0


def test_indikator(con):
    # kode unik per daerah; katalog sama di setiap daerah
    assert _satu(con, "SELECT count(DISTINCT kode) FROM indikator") == N
    # urusan yang dipakai ada di tabel urusan; sebagian lintas urusan (NULL)
    assert _satu(con, "SELECT count(*) FROM indikator WHERE urusan_kode NOT IN (SELECT kode FROM urusan)") == 0
    assert _satu(con, "SELECT count(DISTINCT urusan_kode) FROM indikator") >= 20
    assert _satu(con, "SELECT count(*) FROM indikator WHERE urusan_kode IS NULL") > 0
    # kab/kota menunjuk indikator berkode sama milik provinsinya
    assert _satu(con, """
        SELECT count(*) FROM indikator i JOIN daerah d ON d.kode = i.daerah_kode
        WHERE d.jenis <> 'provinsi' AND NOT EXISTS (
            SELECT 1 FROM indikator p WHERE p.daerah_kode = i.induk_daerah_kode AND p.kode = i.induk_kode
              AND p.daerah_kode = d.kode_induk AND p.kode = i.kode)
    """) == 0
    assert _satu(con, "SELECT count(*) FROM indikator WHERE daerah_kode = '65' AND induk_kode IS NOT NULL") == 0
    # kondisi awal dan target akhir menurut polaritas
    assert _satu(con, """
        SELECT count(*) FROM indikator WHERE tahun_kondisi_awal <> 2020 OR NOT CASE polaritas
            WHEN 'teks' THEN kondisi_awal_teks IS NOT NULL AND target_akhir_teks IS NOT NULL
            WHEN 'rentang' THEN kondisi_awal IS NOT NULL AND target_akhir_min <= target_akhir_max
            ELSE kondisi_awal IS NOT NULL AND target_akhir > 0 END
    """) == 0
    # target akhir kumulatif = jumlah target RPJMD tahunan
    assert _satu(con, """
        SELECT count(*) FROM indikator i
        JOIN (SELECT indikator_id, sum(nilai) AS s FROM target WHERE dokumen = 'RPJMD' GROUP BY 1) t
          ON t.indikator_id = i.id
        WHERE i.agregasi = 'kumulatif' AND abs(i.target_akhir - t.s) > 1e-6
    """) == 0
    assert _satu(con, "SELECT count(*) FILTER (WHERE iku) FROM indikator WHERE daerah_kode = '65'") == 10


def test_katalog_bercampur():
    kat = katalog(150)
    assert [k["kode"] for k in kat[:2]] == ["N-001", "N-002"] and kat[-1]["kode"] == "N-150"
    assert len({k["nama"] for k in kat}) == 150
    pol = Counter(k["polaritas"] for k in kat)
    assert 0.6 < pol["positif"] / 150 < 0.75 and 0.15 < pol["negatif"] / 150 < 0.25
    assert 0.03 < pol["rentang"] / 150 < 0.08 and 0.03 < pol["teks"] / 150 < 0.08
    assert 0.2 < Counter(k["agregasi"] for k in kat)["kumulatif"] / 150 < 0.3
    assert 8 <= sum(k["iku"] for k in kat) <= 12
    # potongan kecil tetap bercampur; katalog lebih panjang dari 150 tetap berkode unik
    assert len({k["polaritas"] for k in katalog(10)}) >= 3
    assert len({k["kode"] for k in katalog(400)}) == 400


def test_capaian_menyebar_ke_semua_predikat(con):
    skala = {r[0] for r in con.execute("SELECT predikat FROM skala_predikat").fetchall()}
    assert len(skala) == 5
    ct = con.execute("SELECT count(*), count(capaian), min(capaian) FROM capaian_tahunan").fetchone()
    assert ct[1] > 0.85 * ct[0] and ct[2] >= 0
    pred = {r[0] for r in con.execute(
        "SELECT DISTINCT predikat FROM capaian_tahunan WHERE predikat IS NOT NULL").fetchall()}
    assert pred == skala
    # setiap tahun juga menyebar
    per_tahun = con.execute(
        "SELECT tahun, count(DISTINCT predikat) FROM capaian_tahunan GROUP BY 1 ORDER BY 1").fetchall()
    assert [t for t, _ in per_tahun] == list(range(2021, 2027))
    assert all(n == 5 for _, n in per_tahun)
    cp = con.execute("SELECT count(*), count(capaian_periode), count(on_track), "
                     "count(*) FILTER (WHERE on_track) FROM capaian_periode").fetchone()
    assert cp[0] == 6 * N and cp[1] > 0.8 * cp[0] and cp[2] > 0.8 * cp[0] and 0 < cp[3] < cp[2]
    pred_p = {r[0] for r in con.execute(
        "SELECT DISTINCT predikat_periode FROM capaian_periode WHERE predikat_periode IS NOT NULL").fetchall()}
    assert pred_p == skala


def test_deterministik(hasil, tmp_path):
    path1 = hasil[0]
    path2 = tmp_path / "ulang.duckdb"
    _bangun(path2)
    path3 = tmp_path / "seed_lain.duckdb"
    _bangun(path3, seed=7)

    def sidik(path):
        with duckdb.connect(str(path), read_only=True) as c:
            return [c.execute(q).fetchone() for q in (SIDIK_REALISASI, SIDIK_TARGET, SIDIK_INDIKATOR, SIDIK_DUKUNGAN)]

    s1, s2, s3 = sidik(path1), sidik(path2), sidik(path3)
    assert s1 == s2
    assert s1[0] != s3[0] and s1[1] != s3[1]


def test_bangun_ulang_menimpa_dan_sequence_maju(tmp_path):
    path = tmp_path / "kecil.duckdb"
    path.write_bytes(b"bukan basis data")
    pesan = []
    j = bangun_nasional(path, daerah_prefix="65.01", indikator_per_daerah=10, laporan=pesan.append)
    assert any("Berkas lama dihapus" in p for p in pesan)
    assert (j["daerah"], j["indikator"]) == (1, 10)
    with duckdb.connect(str(path)) as c:
        # provinsi tidak ikut dibangun: tidak ada indikator induk yang ditunjuk
        assert c.execute("SELECT count(induk_kode) FROM indikator").fetchone()[0] == 0
        # id disisipkan eksplisit; sequence sudah dimajukan sehingga sisipan biasa tidak bentrok
        pid = c.execute("INSERT INTO periode (daerah_kode, tahun_awal, tahun_akhir) "
                        "VALUES ('65.01', 2025, 2029) RETURNING id").fetchone()[0]
        iid = c.execute("INSERT INTO indikator (periode_id, daerah_kode, kode, nama, satuan, polaritas, agregasi) "
                        "VALUES ($p, '65.01', 'X', 'x', '%', 'positif', 'akhir') RETURNING id",
                        {"p": pid}).fetchone()[0]
        assert (pid, iid) == (2, 11)


def test_prefix_tanpa_daerah(tmp_path):
    with pytest.raises(ValueError, match="tidak ada daerah"):
        bangun_nasional(tmp_path / "x.duckdb", daerah_prefix="99", laporan=lambda _: None)
    # tidak ada basis data setengah jadi yang tertinggal
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", sorted(nasional.SQL_DIR.glob("*.sql")), ids=lambda p: p.name)
def test_berkas_sql_berkepala_dan_dipakai(path):
    """Setiap langkah SQL: kepala menyebut langkah dan parameternya (persis yang dipakai), dan dibaca pembangkit."""
    teks = path.read_text(encoding="utf-8")
    kepala = "\n".join(b for b in teks.splitlines() if b.startswith("--")).split("\n-- Hasil")[0]
    assert teks.startswith("-- Langkah ") and "\n-- Parameter: " in kepala and "\n-- Hasil: " in teks, path.name
    assert set(re.findall(r"\$([a-z_]+)", kepala)) == parameter_kueri(teks), path.name
    assert f'_sql("{path.stem}")' in (nasional.SQL_DIR.parent / "nasional.py").read_text(encoding="utf-8")


def test_langkah_sql_lengkap():
    assert [p.stem for p in sorted(nasional.SQL_DIR.glob("*.sql"))] == [
        "01_makro", "02_pilih_daerah", "03_periode", "04_parameter_indikator", "05_target_tahunan",
        "06_indikator", "07_target", "08_realisasi", "09_dukungan", "10_prioritas_usulan"]


def test_prioritas_dan_usulan(con, hasil, tmp_path):
    """Keputusan #20: 10 prioritas per provinsi (+ 8 PN), 18 usulan per kabupaten/kota dengan keputusan versi 1,
    sama di setiap pembangunan."""
    assert _satu(con, "SELECT count(*) FROM prioritas WHERE jenis = 'prioritas' AND daerah_kode = '65'") == 10
    assert _satu(con, "SELECT count(*) FROM prioritas WHERE jenis = 'PN' AND daerah_kode IS NULL") == 8
    assert _satu(con, "SELECT count(*) FROM usulan") == 18 * 5
    assert _satu(con, "SELECT count(DISTINCT nomor) FROM usulan") == 18
    assert _satu(con, "SELECT count(*) FROM keselarasan_usulan WHERE provinsi_kode = '65'") == 90
    assert _satu(con, "SELECT count(DISTINCT status) FROM keselarasan_usulan") >= 3
    assert 0 < _satu(con, "SELECT count(*) FROM keputusan_usulan WHERE versi = 1") < 90
    assert _satu(con, "SELECT count(*) FROM indikator_prioritas") > 0
    q = "SELECT sum(hash(id, daerah_kode, nomor, urusan_kode, prioritas_id, biaya, sub_kegiatan_kode)) FROM usulan"
    path2 = tmp_path / "ulang.duckdb"
    _bangun(path2)
    with duckdb.connect(str(path2), read_only=True) as c2:
        assert c2.execute(q).fetchone() == con.execute(q).fetchone()
