"""Laporan impor yang menunjuk penyebab sebenarnya (isu #16, keputusan #16), dengan berkas buatan tangan:

- baris target/realisasi milik indikator yang ditolak di barisnya sendiri (kondisi awal "13.02-") dilaporkan SEKALI,
  tepat di bawah kesalahan penyebabnya, dengan jumlah dan nomor barisnya, bukan sebagai "indikator tidak dikenal …
  mungkin maksudnya …" per baris;
- kode yang memang tidak dikenal tetap dilaporkan per baris;
- baris tanpa nilai ("-" atau kosong) dihitung dan disebut alasannya di ringkasan impor.
"""
from __future__ import annotations

import pytest

from pantau.impor import ImporGagal
from pantau.impor.tulis import teks_dilewati
from tests.bantuan import impor_kasus, ind, rea, tgt


def test_akibat_indikator_ditolak_dilaporkan_sekali_di_bawah_penyebabnya(db_kosong, tmp_path):
    indikator = [ind("BU-326", kondisi_awal="12,5"),            # baris 2: sah
                 ind("BU-327", kondisi_awal="13.02-")]          # baris 3: ditolak (kondisi awal bukan angka)
    target = ([tgt("BU-326", 2022, "13")]                       # baris 2
              + [tgt("BU-327", t, "14") for t in range(2021, 2027)]  # baris 3-8: milik indikator yang ditolak
              + [tgt("BU-999", 2022, "1")])                     # baris 9: kode yang memang tidak ada
    realisasi = [rea("BU-327", 2022, "13,1"), rea("BU-327", 2023, "13,4"),  # baris 2-3
                 rea("BU-326", 2022, "12,9")]                   # baris 4
    with pytest.raises(ImporGagal) as e:
        impor_kasus(db_kosong, tmp_path / "k", indikator=indikator, target=target, realisasi=realisasi)
    m = e.value.masalah
    teks = [str(x) for x in m]
    # penyebab, lalu tepat di bawahnya akibatnya per lembar, lalu kode yang memang tidak dikenal
    assert m[0].lembar == "indikator" and m[0].baris == 3 and m[0].kolom == "kondisi_awal", teks
    assert (m[1].lembar, m[1].baris, m[1].nilai) == ("target", 3, "BU-327"), teks
    assert m[1].pesan.startswith("6 baris target milik indikator BU-327 (daerah 65.01) yang ditolak di baris 3 "
                                 "lembar 'indikator' (baris 3, 4, 5, 6, 7, 8)"), m[1].pesan
    assert (m[2].lembar, m[2].baris) == ("realisasi", 2), teks
    assert m[2].pesan.startswith("2 baris realisasi milik indikator BU-327 (daerah 65.01) yang ditolak di baris 3 "
                                 "lembar 'indikator' (baris 2, 3)"), m[2].pesan
    assert len(m) == 4, teks  # 2 kesalahan sebenarnya + 2 ringkasan akibat, bukan 1 + 8 + 1
    assert (m[3].lembar, m[3].baris, m[3].nilai) == ("target", 9, "BU-999")
    assert "indikator tidak dikenal" in m[3].pesan
    assert not any("BU-327" in x.pesan and "tidak dikenal" in x.pesan for x in m), teks


def test_baris_tanpa_nilai_dihitung_dan_disebut_di_ringkasan(db_kosong, tmp_path):
    hasil = impor_kasus(db_kosong, tmp_path / "k", indikator=[ind("A")],
                        target=[tgt("A", 2022, "10"), tgt("A", 2023, "-"), tgt("A", 2024, ""), tgt("A", 2025, "12"),
                                tgt("A", 2026, " - ")],
                        realisasi=[rea("A", 2022, "9"), rea("A", 2023, "–")])
    r = hasil.ringkasan
    assert r.jumlah["target"]["tambah"] == 2 and r.jumlah["realisasi"]["tambah"] == 1
    assert r.dilewati == {"target": {"sel target berisi '-'": [3, 6], "sel target kosong": [4]},
                          "realisasi": {"sel realisasi berisi '–'": [3]}}
    teks = r.teks()
    assert "target: 2 baru, 0 berubah, 0 tetap, 3 dilewati: 2 sel target berisi '-' (baris 3, 6), " \
           "1 sel target kosong (baris 4)" in teks, teks
    assert "realisasi: 1 baru, 0 berubah, 0 tetap, 1 dilewati: sel realisasi berisi '–' (baris 3)" in teks, teks
    assert "indikator: 1 baru, 0 berubah, 0 tetap;" in teks  # lembar tanpa baris dilewati: tanpa tambahan


def test_ringkasan_satu_baris_dilewati_seperti_isu():
    assert teks_dilewati({"sel target berisi '-'": [2362]}) == ", 1 dilewati: sel target berisi '-' (baris 2362)"
    assert teks_dilewati({}) == "" and teks_dilewati(None) == ""
    assert teks_dilewati({"sel target kosong": list(range(2, 10))}) == \
        ", 8 dilewati: sel target kosong (baris 2, 3, 4, 5, 6 dan 3 lainnya)"


def test_ringkasan_angka_indonesia_seperti_isu():
    from pantau.impor.tulis import Ringkasan

    r = Ringkasan(7, {"target": {"tambah": 2361, "ubah": 0, "sama": 1200}},
                  {"target": {"sel target berisi '-'": [2362]}})
    assert r.teks() == "target: 2.361 baru, 0 berubah, 1.200 tetap, 1 dilewati: sel target berisi '-' (baris 2362)"
