"""'Paling perlu perhatian' di Ringkasan (keputusan #22): urutan menurut aturan yang tertulis di layar, alasan terlihat
tanpa tooltip, dan semua indikatornya dapat dilihat."""
from __future__ import annotations

import re

import pytest

from pantau.db import jalankan


def _periode(con, daerah):
    return con.execute("SELECT id FROM periode WHERE daerah_kode = $d ORDER BY tahun_awal DESC",
                       {"d": daerah}).fetchone()[0]


@pytest.mark.parametrize("daerah,tahun", [("65.01", 2025), ("62", 2021), ("62", 2026), ("65", 2024)])
def test_urutan_kelompok_lalu_capaian(con, daerah, tahun):
    df = jalankan(con, "indikator_berisiko", daerah=daerah, periode_id=_periode(con, daerah), tahun=tahun, batas=1000)
    assert len(df)
    # Hitungan mandiri dari view: kelompok 1 = capaian (sebanding) di bawah 76, kelompok 2 = proyeksi meleset.
    rows = con.execute("""
        SELECT c.indikator_id, c.capaian_sd, p.on_track
        FROM capaian_periode p LEFT JOIN capaian_tahunan c ON c.indikator_id = p.indikator_id AND c.tahun = $t
        WHERE p.daerah_kode = $d AND p.periode_id = $pid""", {"d": daerah, "t": tahun,
                                                              "pid": _periode(con, daerah)}).fetchall()
    harap1 = {i for i, c, o in rows if c is not None and c < 76}
    harap2 = {i for i, c, o in rows if not (c is not None and c < 76) and o is False}
    assert set(df.loc[df["kelompok"] == 1, "indikator_id"]) == harap1
    assert set(df.loc[df["kelompok"] == 2, "indikator_id"]) == harap2
    # Semua kelompok 1 di atas kelompok 2; di dalam kelompok 1 capaian naik.
    k = list(df["kelompok"])
    assert k == sorted(k)
    c1 = list(df.loc[df["kelompok"] == 1, "capaian"])
    assert c1 == sorted(c1)
    # Tidak ada indikator Sangat Tinggi di atas indikator yang capaiannya di bawah Tinggi.
    if harap1:
        pertama_baik = next(i for i, x in enumerate(k) if x == 2) if 2 in k else len(k)
        assert all(p != "Sangat Tinggi" for p in df["predikat"].iloc[:pertama_baik])


def test_ringkasan_bulungan_2025_produksi_padi_di_atas_dan_alasan_terlihat(app):
    at = app(provinsi="65", daerah="65.01", tahun=2025)
    tautan = [e for e in at.get("page_link") if "indikator=" in str(e.proto.query_string)]
    label = [e.proto.label for e in tautan]
    assert label, "daftar perhatian kosong"
    # Produksi Padi (Sedang, 67,22%) yang pertama; TPT Sangat Tinggi (105,9%) tidak mendahuluinya.
    assert "Produksi Padi" in label[0] and "67,22%" in label[0]
    assert not any(x.startswith("▲▲") for x in label[:1])
    # Alasan tertulis di labelnya sendiri (terlihat di proyektor), bukan hanya di tooltip.
    assert any(re.search(r"proyeksi 2026: \d+,\d\d%", x) for x in label[1:5])
    # Aturan urutannya tertulis di layar.
    assert any("di bawah predikat Tinggi" in c.value and "proyeksi" in c.value for c in at.caption)
    # Semua 24 indikator dapat dilihat, dengan kolom alasan.
    metrik = {m.label: m.value for m in at.metric}
    n = int(metrik["Perlu perhatian"].split()[0])
    # Tabelnya dibangun hanya saat dialognya dibuka (isu #15).
    assert not [d for d in at.dataframe if "Alasan" in d.value.columns]
    at.button(key="perhatian-buka").click().run()
    tabel = [d for d in at.dataframe if "Alasan" in d.value.columns]
    assert tabel and len(tabel[0].value) == n


def test_ringkasan_tahun_berjalan_menyebut_triwulan(app):
    at = app(provinsi="62", daerah="62", tahun=2026)
    assert at.title[0].value == "Provinsi Kalimantan Tengah · capaian 2026 s.d. Triwulan III"
    metrik = {m.label: m for m in at.metric}
    assert "Rata-rata capaian s.d. TW III" in metrik
    # Kumulatif dibanding target proporsional: rata-rata tidak lagi 'Sedang' karena TW III dibanding target setahun.
    assert "Sedang" not in str(metrik["Rata-rata capaian s.d. TW III"].proto.delta)
    assert any("belum lengkap" in c.value for c in at.caption)
    assert "2026 · s.d. Triwulan III" in at.selectbox(key="tahun").options
