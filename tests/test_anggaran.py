"""Kinerja vs anggaran (keputusan #10): pembuat gambar murni (pantau.keluaran.kuadran), halaman Ringkasan dan Daerah
(AppTest) dibanding SQL mandiri yang ditulis di sini dari tabel dasar, dan satu kasus kecil yang dihitung dengan
tangan."""
from __future__ import annotations

import pandas as pd
import pytest

from pantau.aturan.format import rupiah_ringkas
from pantau.db import buka
from pantau.keluaran import kuadran as kq
from tests.bantuan import db_baru, duk, impor_kasus, ind, rea, tgt
from tests.bantuan_halaman import RINCIAN_ANGGARAN, buka_rincian, spesifikasi

HALAMAN = {"ringkasan": None, "daerah": "pages/2_Daerah.py"}
KUADRAN = ["Efektif-efisien", "Efektif", "Tidak efektif-tidak efisien", "Belum optimal"]


# --- alat bantu ---------------------------------------------------------------------------------------------

def gambar_kuadran(at) -> dict | None:
    """Spesifikasi grafik kuadran di halaman (dikenali dari judul sumbu x), atau None."""
    for i in range(len(at.get("plotly_chart"))):
        s = spesifikasi(at, i)
        if ((s["layout"].get("xaxis") or {}).get("title") or {}).get("text") == kq.JUDUL_X:
            return s
    return None


def titik(spek: dict) -> dict[str, tuple[float, float, str]]:
    """{nama kelompok: (serapan x, kinerja y, nama jejak)} dari titik yang digambar."""
    hasil = {}
    for tr in spek["data"]:
        for x, y, c in zip(tr["x"], tr["y"], tr.get("customdata") or []):
            if x is None:
                continue
            assert c[0] not in hasil, f"{c[0]} digambar dua kali"
            hasil[c[0]] = (x, y, tr["name"])
    return hasil


def garis(spek: dict) -> dict[str, dict]:
    return {s["name"]: s for s in spek["layout"]["shapes"] if s.get("type") == "line"}


def tabel_kuadran(at) -> pd.DataFrame:
    """Tabel angka di balik kuadran; expander-nya dibuka dulu (isinya dibangun hanya saat dibuka, isu #15)."""
    assert not [d for d in at.dataframe if "Kuadran" in d.value.columns] or at.session_state["anggaran-angka"]
    buka_rincian(at, "anggaran-angka")
    return next(d.value for d in at.dataframe if "Kuadran" in d.value.columns)


# --- pembuat gambar murni ------------------------------------------------------------------------------------

def contoh_df() -> pd.DataFrame:
    return pd.DataFrame({
        "kelompok": ["Kesehatan", "Pendidikan", "Perhubungan", "Pertanian", "Tanpa anggaran"],
        "kinerja": [95.0, 99.5, 60.0, 70.0, 80.0],
        "serapan": [50.0, 95.0, 96.0, 40.0, None],
        "pagu": [1.25e9, 4e9, 7.5e8, 2e8, None],
        "realisasi_anggaran": [6.25e8, 3.8e9, 7.2e8, 8e7, None],
        "jumlah_indikator": [3, 2, 1, 1, 1], "jumlah_berdata": [2, 2, 1, 1, 1],
        "jumlah_sub_kegiatan": [2, 5, 1, 1, 0],
        # seperti kolom kuadran kueri kinerja-anggaran (makro SQL) terhadap batas 91 dan 67,5
        "kuadran": ["Efektif-efisien", "Efektif", "Tidak efektif-tidak efisien", "Belum optimal", None],
    })


def test_gambar_empat_kuadran_bernama_dan_garis_di_batas():
    fig = kq.gambar(contoh_df(), batas_kinerja=91, batas_serapan=67.5).to_plotly_json()
    nama_sudut = " ".join(a["text"] for a in fig["layout"]["annotations"])
    for k in KUADRAN:
        assert f"<b>{k}</b>" in nama_sudut
    g = garis({"layout": fig["layout"]})
    assert g["batas serapan"]["x0"] == g["batas serapan"]["x1"] == 67.5
    assert g["batas kinerja"]["y0"] == g["batas kinerja"]["y1"] == 91
    arsir = [s for s in fig["layout"]["shapes"] if s["type"] == "rect"]
    assert len(arsir) == 4 and all(s["opacity"] <= 0.1 for s in arsir)
    # Satu jejak per kuadran, simbol dan warna berbeda; legenda menyebut nama (warna bukan satu-satunya penanda).
    jejak = fig["data"]
    assert [t["name"].rsplit(" (", 1)[0] for t in jejak] == KUADRAN
    assert len({t["marker"]["symbol"] for t in jejak}) == 4 and len({t["marker"]["color"] for t in jejak}) == 4
    # Tiap kelompok di kuadrannya; kelompok tanpa serapan tidak digambar.
    letak = {c[0]: t["name"].rsplit(" (", 1)[0] for t in jejak for c in t["customdata"]}
    assert letak == {"Kesehatan": "Efektif-efisien", "Pendidikan": "Efektif",
                     "Perhubungan": "Tidak efektif-tidak efisien", "Pertanian": "Belum optimal"}
    # Hover: rupiah ringkas berkoma desimal, persen Indonesia, jumlah indikator dan sub kegiatan.
    kes = next(c for t in jejak for c in t["customdata"] if c[0] == "Kesehatan")
    assert kes[2:6] == ["95%", "50%", "Rp 1,25 M", "Rp 625 jt"] and kes[6:] == [3, 2, 2]
    assert "Pagu" in jejak[0]["hovertemplate"] and "sub kegiatan" in jejak[0]["hovertemplate"]
    # Pemisah Indonesia, judul sumbu, nilai batas tebal di sumbu
    assert fig["layout"]["separators"] == ",."
    assert fig["layout"]["xaxis"]["title"]["text"] == "Serapan anggaran (%)"
    assert fig["layout"]["yaxis"]["title"]["text"] == "Capaian kinerja (%)"
    assert "<b>67,5%</b>" in fig["layout"]["xaxis"]["ticktext"] and "<b>91%</b>" in fig["layout"]["yaxis"]["ticktext"]
    # Sedikit titik: semua berlabel
    assert sorted(x for t in jejak for x in t["text"]) == sorted(["Kesehatan", "Pendidikan", "Perhubungan",
                                                                   "Pertanian"])


def test_gambar_kuadran_kosong_tetap_di_legenda_dan_label_dibatasi():
    n = 20
    df = pd.DataFrame({"kelompok": [f"Dinas Nomor {i} dengan Nama Sangat Panjang" for i in range(n)],
                       "kinerja": [95.0 + i * 0.2 for i in range(n - 3)] + [50.0, 60.0, 70.0],
                       "serapan": [50.0 + i for i in range(n)], "pagu": [1e9] * n, "realisasi_anggaran": [5e8] * n,
                       "jumlah_indikator": [1] * n, "jumlah_berdata": [1] * n, "jumlah_sub_kegiatan": [1] * n})
    # kolom kuadran seperti dari kueri (makro SQL): 17 di atas garis kinerja dengan serapan < 90, 3 di bawahnya
    df["kuadran"] = ["Efektif-efisien"] * (n - 3) + ["Belum optimal"] * 3
    fig = kq.gambar(df, batas_kinerja=91, batas_serapan=90)
    nama = [t.name for t in fig.data]
    assert nama == ["Efektif-efisien (17)", "Efektif (0)", "Tidak efektif-tidak efisien (0)", "Belum optimal (3)"]
    label = [x for t in fig.data for x in (t.text or []) if x]
    assert len(label) == 3  # banyak titik: hanya yang di bawah garis kinerja
    assert all(len(x) <= 22 for x in label) and all(not x.startswith("Dinas ") for x in label)


@pytest.mark.parametrize("kinerja,serapan,harap", [
    (91, 89.99, "Efektif-efisien"), (91, 90, "Efektif"), (90.99, 90, "Tidak efektif-tidak efisien"),
    (90.99, 89.99, "Belum optimal"), (None, 50, None), (95, None, None)])
def test_makro_kuadran_batas_termasuk_sisi_atas_kanan(db_demo, kinerja, serapan, harap):
    """Satu definisi kuadran (makro SQL); harapan dihitung tangan terhadap batas 91 dan 90."""
    con = buka(db_demo)
    try:
        sql = con.execute("SELECT kuadran($k::DOUBLE, $s::DOUBLE, 91, 90)", {"k": kinerja, "s": serapan}).fetchone()[0]
    finally:
        con.close()
    assert sql == harap


def _kuadran_tangan(kinerja, serapan, batas_kinerja, batas_serapan) -> str:
    """Aturan kuadran ditulis ulang di uji sebagai pembanding mandiri (bukan salinan di kode produk)."""
    if kinerja >= batas_kinerja:
        return "Efektif" if serapan >= batas_serapan else "Efektif-efisien"
    return "Tidak efektif-tidak efisien" if serapan >= batas_serapan else "Belum optimal"


def test_keterangan_garis():
    assert kq.keterangan_garis(91, 90, 4) == "Garis: kinerja 91%, serapan 90%"
    assert kq.keterangan_garis(91, 60, 3) == ("Garis: kinerja 91%, serapan 60% (tahun berjalan, data anggaran "
                                              "s.d. Triwulan III: batas serapan kumulatif s.d. Triwulan III)")
    assert kq.keterangan_garis(91, 15, 1).endswith("s.d. Triwulan I: batas serapan kumulatif s.d. Triwulan I)")


# --- halaman dengan data demo, dibanding SQL mandiri ---------------------------------------------------------

#: Perhitungan mandiri dari tabel dasar (dukungan, indikator, capaian_tahunan, urusan), tidak memakai view
#: anggaran_dukungan, makro kinerja_anggaran maupun kueri halaman. Satu baris per kelompok yang punya kinerja
#: dan serapan: (kelompok, serapan, kinerja) tanpa pembulatan.
SQL_MANDIRI = """
WITH ind AS (
    SELECT id, urusan_kode, polaritas FROM indikator WHERE daerah_kode = $daerah AND periode_id = $periode
),
baris AS (   -- baris dukungan yang ikut: tanpa indikator, atau indikatornya di periode ini
    SELECT d.sub_kegiatan_kode, d.perangkat_daerah, d.indikator_id, d.pagu,
           CASE WHEN d.realisasi_tahun IS NOT NULL THEN d.realisasi_tahun
                WHEN d.realisasi_tw1 IS NULL AND d.realisasi_tw2 IS NULL AND d.realisasi_tw3 IS NULL
                     AND d.realisasi_tw4 IS NULL THEN NULL
                ELSE coalesce(d.realisasi_tw1, 0) + coalesce(d.realisasi_tw2, 0) + coalesce(d.realisasi_tw3, 0)
                     + coalesce(d.realisasi_tw4, 0) END AS realisasi
    FROM dukungan d
    WHERE d.daerah_kode = $daerah AND d.tahun = $tahun
      AND (d.indikator_id IS NULL OR d.indikator_id IN (SELECT id FROM ind))
),
sk AS (      -- setiap sub kegiatan (kode + perangkat daerah) sekali
    SELECT sub_kegiatan_kode, perangkat_daerah, max(pagu) AS pagu, max(realisasi) AS realisasi
    FROM baris GROUP BY sub_kegiatan_kode, perangkat_daerah
),
cap AS (
    SELECT ind.id, CASE WHEN c.capaian > 100 THEN 100 ELSE c.capaian END AS capaian
    FROM ind LEFT JOIN capaian_tahunan c ON c.indikator_id = ind.id AND c.tahun = $tahun
    WHERE ind.polaritas <> 'teks'
),
anggota AS (  -- kelompok -> sub kegiatan, tanpa ganda
    SELECT DISTINCT CASE WHEN $dimensi = 'urusan' THEN coalesce(u.nama, 'Lintas urusan')
                         ELSE coalesce(b.perangkat_daerah, '(perangkat daerah tidak diisi)') END AS kelompok,
           b.sub_kegiatan_kode, b.perangkat_daerah
    FROM baris b
    LEFT JOIN ind ON ind.id = b.indikator_id
    LEFT JOIN urusan u ON u.kode = ind.urusan_kode
    WHERE $dimensi = 'perangkat_daerah' OR b.indikator_id IS NOT NULL
),
ang AS (
    SELECT a.kelompok, sum(sk.pagu) AS pagu, sum(sk.realisasi) AS realisasi
    FROM anggota a JOIN sk ON sk.sub_kegiatan_kode = a.sub_kegiatan_kode
                          AND sk.perangkat_daerah IS NOT DISTINCT FROM a.perangkat_daerah
    GROUP BY a.kelompok
),
kin AS (
    SELECT k.kelompok, avg(cap.capaian) AS kinerja
    FROM (
        SELECT coalesce(u.nama, 'Lintas urusan') AS kelompok, ind.id
        FROM ind LEFT JOIN urusan u ON u.kode = ind.urusan_kode
        WHERE $dimensi = 'urusan'
        UNION
        SELECT coalesce(b.perangkat_daerah, '(perangkat daerah tidak diisi)'), b.indikator_id
        FROM baris b WHERE $dimensi = 'perangkat_daerah' AND b.indikator_id IS NOT NULL
    ) k JOIN cap ON cap.id = k.id
    GROUP BY k.kelompok
)
SELECT ang.kelompok, ang.realisasi / ang.pagu * 100 AS serapan, kin.kinerja
FROM ang JOIN kin USING (kelompok)
WHERE ang.pagu > 0 AND kin.kinerja IS NOT NULL
ORDER BY 1
"""


def triwulan_terakhir(con, daerah: str, tahun: int) -> int:
    return con.execute("""
        SELECT max(CASE WHEN realisasi_tahun IS NOT NULL OR realisasi_tw4 IS NOT NULL THEN 4
                        WHEN realisasi_tw3 IS NOT NULL THEN 3 WHEN realisasi_tw2 IS NOT NULL THEN 2
                        WHEN realisasi_tw1 IS NOT NULL THEN 1 END)
        FROM dukungan WHERE daerah_kode = $d AND tahun = $t""", {"d": daerah, "t": tahun}).fetchone()[0]


def periksa_sama_dengan_sql(at, con, daerah: str, tahun: int, dimensi: str) -> None:
    periode = con.execute("SELECT id FROM periode WHERE daerah_kode = $d AND $t BETWEEN tahun_awal AND tahun_akhir",
                          {"d": daerah, "t": tahun}).fetchone()[0]
    harap = {k: (s, kin) for k, s, kin in con.execute(
        SQL_MANDIRI, {"daerah": daerah, "periode": periode, "tahun": tahun, "dimensi": dimensi}).fetchall()}
    assert len(harap) >= 5, "data demo terlalu sedikit untuk uji ini"
    spek = gambar_kuadran(at)
    assert spek is not None, "grafik kuadran tidak tampil"
    dapat = titik(spek)
    assert sorted(dapat) == sorted(harap)
    for k, (s, kin) in harap.items():
        x, y, jejak = dapat[k]
        # Halaman membulatkan ke 2 desimal: selisih dengan nilai tak dibulatkan paling banyak 0,005.
        assert x == pytest.approx(s, abs=0.0051), (k, "serapan", x, s)
        assert y == pytest.approx(kin, abs=0.0051), (k, "kinerja", y, kin)
    # Garis batas: pengaturan bawaan (kinerja 91; serapan setahun 90, s.d. TW I/II/III 15/40/60), menurut
    # triwulan terakhir yang dilaporkan.
    tw = triwulan_terakhir(con, daerah, tahun)
    batas_serapan = {1: 15, 2: 40, 3: 60, 4: 90}[tw]
    g = garis(spek)
    assert g["batas kinerja"]["y0"] == 91
    assert g["batas serapan"]["x0"] == batas_serapan
    # Kuadran tiap titik sesuai aturannya terhadap garis itu.
    for k, (x, y, jejak) in dapat.items():
        assert jejak.rsplit(" (", 1)[0] == _kuadran_tangan(y, x, 91, batas_serapan), k
    # Tabel angka: satu baris per kelompok (juga yang tidak digambar), kuadran bersimbol.
    t = tabel_kuadran(at)
    assert set(harap) <= set(t.iloc[:, 0])
    assert {x for x in t["Kuadran"] if not x.startswith("–")} <= {kq.label_kuadran(k) for k in KUADRAN}


@pytest.mark.parametrize("halaman", ["ringkasan", "daerah"])
@pytest.mark.parametrize("provinsi,daerah", [("62", "62"), ("65", "65.01")])
@pytest.mark.parametrize("tahun", [2024, 2026])
def test_titik_kuadran_sama_dengan_sql_mandiri(app, con, halaman, provinsi, daerah, tahun):
    at = app(HALAMAN[halaman], provinsi=provinsi, daerah=daerah, tahun=tahun)
    assert at.segmented_control(key="anggaran-dimensi").value == "urusan"
    periksa_sama_dengan_sql(at, con, daerah, tahun, "urusan")
    # Dimensi lewat URL (tautan yang dibagikan)
    at = app(HALAMAN[halaman], provinsi=provinsi, daerah=daerah, tahun=tahun, kuadran="perangkat_daerah")
    assert at.segmented_control(key="anggaran-dimensi").value == "perangkat_daerah"
    periksa_sama_dengan_sql(at, con, daerah, tahun, "perangkat_daerah")


def test_ganti_dimensi_lewat_kontrol_menulis_url(app, con):
    at = app(provinsi="62", daerah="62", tahun=2024)
    assert "kuadran" not in at.query_params
    at.segmented_control(key="anggaran-dimensi").set_value("perangkat_daerah").run()
    assert not at.exception
    assert at.query_params["kuadran"] in ("perangkat_daerah", ["perangkat_daerah"])
    assert "Perangkat daerah" in tabel_kuadran(at).columns
    periksa_sama_dengan_sql(at, con, "62", 2024, "perangkat_daerah")
    at.segmented_control(key="anggaran-dimensi").set_value("urusan").run()
    assert "kuadran" not in at.query_params
    assert "Urusan" in tabel_kuadran(at).columns


@pytest.mark.parametrize("halaman", ["ringkasan", "daerah"])
def test_tanpa_dukungan_menjelaskan_cara_memuat(app, con, halaman):
    assert con.execute("SELECT count(*) FROM dukungan WHERE daerah_kode = '65' AND tahun = 2021").fetchone()[0] == 0
    at = app(HALAMAN[halaman], provinsi="65", daerah="65", tahun=2021)
    assert gambar_kuadran(at) is None
    pesan = [i.value for i in at.info if "dukungan" in i.value]
    assert pesan and "Belum ada data dukungan" in pesan[0] and "`dukungan`" in pesan[0] and "Impor" in pesan[0]
    assert not [d for d in at.dataframe if "Kuadran" in d.value.columns]
    assert any(s.value == "Kinerja vs anggaran · 2021" for s in at.subheader)


# --- kasus kecil dihitung dengan tangan ----------------------------------------------------------------------

SK_BERSAMA = "1.02.02.2.01.0014"   # mendukung KES-A dan KES-B: pagu/realisasinya dihitung SEKALI
SK_KEDUA = "1.02.02.2.01.0001"     # mendukung KES-A; angka setahun menang atas triwulan
SK_LEPAS = "1.02.01.2.01.0001"     # tidak mendukung indikator apa pun (Sekretariat Daerah)


@pytest.fixture
def db_tangan(tmp_path):
    path = db_baru(tmp_path / "tangan.duckdb")
    c = buka(path)
    impor_kasus(c, tmp_path / "kasus",
                indikator=[ind("KES-A"), ind("KES-B"), ind("KES-C"), ind("PDK-D", urusan_kode="1.01")],
                target=[tgt("KES-A", 2024, "80"), tgt("KES-B", 2024, "50"), tgt("KES-C", 2024, "10"),
                        tgt("PDK-D", 2024, "100")],
                realisasi=[rea("KES-A", 2024, "72"), rea("KES-B", 2024, "60"), rea("PDK-D", 2024, "50")],
                dukungan=[
                    duk("KES-A", 2024, SK_BERSAMA, pagu="1.000.000.000", realisasi_tw1="100.000.000",
                        realisasi_tw2="200.000.000", realisasi_tw3="150.000.000", realisasi_tw4="250.000.000"),
                    duk("KES-B", 2024, SK_BERSAMA, pagu="1.000.000.000", realisasi_tw1="100.000.000",
                        realisasi_tw2="200.000.000", realisasi_tw3="150.000.000", realisasi_tw4="250.000.000"),
                    duk("KES-A", 2024, SK_KEDUA, pagu="500.000.000", realisasi_tw1="100.000.000",
                        realisasi_anggaran="450.000.000"),
                    duk(None, 2024, SK_LEPAS, perangkat_daerah="Sekretariat Daerah", pagu="200.000.000",
                        realisasi_tw1="50.000.000"),
                ])
    c.close()
    return path


def test_kasus_tangan(app, db_tangan, monkeypatch):
    """Dihitung dengan tangan:
    - KES-A: 72/80 = 90 %; KES-B: 60/50 = 120 % -> dibatasi 100; KES-C bertarget tanpa realisasi (tidak dihitung,
      bukan 100 dan bukan 0). Kinerja Kesehatan = (90 + 100) / 2 = 95,00.
    - SK_BERSAMA: realisasi 100+200+150+250 = 700 jt dari pagu 1 M, dihitung sekali walau mendukung dua indikator;
      SK_KEDUA: angka setahun 450 jt (bukan TW I 100 jt) dari 500 jt. Serapan Kesehatan = 1.150 / 1.500 = 76,67 %
      (bila dihitung ganda: 1.850 / 2.500 = 74,00 %).
    - Pendidikan (PDK-D 50 %) tanpa anggaran, Sekretariat Daerah (SK_LEPAS 50/200 jt = 25 %) tanpa indikator:
      keduanya tidak digambar, tetapi disebut dan ada di tabel.
    """
    monkeypatch.setenv("PANTAU_DB", str(db_tangan))
    at = app("pages/2_Daerah.py", provinsi="65", daerah="65.01", tahun=2024)
    spek = gambar_kuadran(at)
    assert titik(spek) == {"Kesehatan": (76.67, 95.0, "Efektif-efisien (1)")}
    kes = next(c for tr in spek["data"] for c in (tr.get("customdata") or []))
    assert kes == ["Kesehatan", "● Efektif-efisien", "95%", "76,67%", "Rp 1,50 M", "Rp 1,15 M", 3, 2, 2]
    assert garis(spek)["batas serapan"]["x0"] == 90 and garis(spek)["batas kinerja"]["y0"] == 91
    ket = next(c.value for c in at.caption if c.value.startswith("Garis:"))
    assert ket.startswith("Garis: kinerja 91%, serapan 90%. ")
    assert "1 urusan tanpa data anggaran (Pendidikan)" in ket
    t = tabel_kuadran(at).set_index("Urusan")
    assert t.loc["Kesehatan", "Kinerja (%)"] == 95.0 and t.loc["Kesehatan", "Serapan (%)"] == 76.67
    assert t.loc["Kesehatan", "Pagu (Rp)"] == 1.5e9 and t.loc["Kesehatan", "Realisasi (Rp)"] == 1.15e9
    assert (t.loc["Kesehatan", "Jumlah indikator"], t.loc["Kesehatan", "Jumlah sub kegiatan"]) == (3, 2)
    assert t.loc["Pendidikan", "Kuadran"] == "– tanpa data anggaran" and t.loc["Pendidikan", "Kinerja (%)"] == 50.0
    ringkas = next(m.value for m in at.markdown if "sub kegiatan mendukung" in m.value)
    assert ("3 sub kegiatan mendukung 2 indikator · pagu Rp 1,70 M · realisasi Rp 1,20 M (serapan 70,6%, "
            "data anggaran setahun penuh)") in ringkas

    # Temuan: KES-C dan PDK-D bertarget tanpa sub kegiatan; SK_LEPAS tidak mendukung indikator.
    buka_rincian(at, *RINCIAN_ANGGARAN)
    temuan = {tuple(d.value.columns[:2]): d.value for d in at.dataframe}
    tanpa_dukungan = temuan[("Kode", "Indikator")]
    assert sorted(tanpa_dukungan["Kode"]) == ["KES-C", "PDK-D"]
    tanpa_indikator = temuan[("Kode", "Sub kegiatan")]
    assert list(tanpa_indikator["Kode"]) == [SK_LEPAS] and list(tanpa_indikator["Pagu (Rp)"]) == [2e8]
    assert any(e.label == f"Sub kegiatan yang tidak mendukung indikator (1 · pagu {rupiah_ringkas(2e8)})"
               for e in at.expander)

    # Per perangkat daerah
    at = app("pages/2_Daerah.py", provinsi="65", daerah="65.01", tahun=2024, kuadran="perangkat_daerah")
    assert titik(gambar_kuadran(at)) == {"Dinas Kesehatan": (76.67, 95.0, "Efektif-efisien (1)")}
    ket = next(c.value for c in at.caption if c.value.startswith("Garis:"))
    assert "1 perangkat daerah belum punya capaian kinerja (Sekretariat Daerah)" in ket
    t = tabel_kuadran(at).set_index("Perangkat daerah")
    assert t.loc["Sekretariat Daerah", "Serapan (%)"] == 25.0
    assert t.loc["Sekretariat Daerah", "Kuadran"] == "– belum ada capaian"


def test_kasus_tangan_tanpa_temuan(app, tmp_path, monkeypatch):
    """Semua indikator bertarget didukung dan semua sub kegiatan mendukung indikator: temuan kosong dijelaskan."""
    path = db_baru(tmp_path / "rapi.duckdb")
    c = buka(path)
    impor_kasus(c, tmp_path / "kasus", indikator=[ind("KES-A")], target=[tgt("KES-A", 2024, "80")],
                realisasi=[rea("KES-A", 2024, "80")],
                dukungan=[duk("KES-A", 2024, SK_BERSAMA, pagu="100.000.000", realisasi_tw1="25.000.000")])
    c.close()
    monkeypatch.setenv("PANTAU_DB", str(path))
    at = app(provinsi="65", daerah="65.01", tahun=2024)
    assert titik(gambar_kuadran(at)) == {"Kesehatan": (25.0, 100.0, "Efektif (1)")}
    # s.d. TW I: batas serapan kumulatif s.d. TW I (bawaan 15 %) -> 25 % sudah di atas batas (Efektif)
    assert garis(gambar_kuadran(at))["batas serapan"]["x0"] == 15.0
    info = [i.value for i in at.info]
    assert any("sudah didukung paling sedikit satu sub kegiatan" in i for i in info)
    assert any("mendukung paling sedikit satu indikator" in i for i in info)
