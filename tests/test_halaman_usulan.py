"""Halaman Usulan (AppTest): angka sama dengan SQL, saringan di URL, alur keputusan, bentrok versi dan izin;
rekapitulasi Excel/PDF dan perintah rekap-usulan (keputusan #20)."""
from __future__ import annotations

import os
import re

import pytest

from pantau.db import buka
from tests.bantuan_halaman import jalankan_halaman, masuk, spesifikasi

HALAMAN = "pages/9_Usulan.py"
Q = {"provinsi": "65", "daerah": "65", "tahun_usulan": 2026}


@pytest.fixture
def app_tulis(db_salinan, monkeypatch):
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    return lambda **params: jalankan_halaman(HALAMAN, **params)


def _metrik(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_angka_dan_grafik_sama_dengan_sql(app, con):
    at = app(HALAMAN, **Q)
    n, sejalan, belum = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE status = 'sejalan'), count(*) FILTER (WHERE keputusan IS NULL) "
        "FROM keselarasan_usulan WHERE provinsi_kode = '65' AND tahun = 2026").fetchone()
    assert n == 90  # 18 usulan x 5 kabupaten/kota (data demo)
    m = _metrik(at)
    assert m["Usulan"] == "90"
    assert m["Sejalan dengan prioritas"] == f"{sejalan} dari 90"
    assert m["Sudah diputuskan"] == f"{90 - belum} dari 90"
    fig = spesifikasi(at, 0)
    sejalan_grafik = [t for t in fig["data"] if t["name"] == "Sejalan"][0]
    per = dict(con.execute("SELECT daerah_kode, count(*) FROM keselarasan_usulan WHERE provinsi_kode = '65' AND "
                           "tahun = 2026 AND status = 'sejalan' GROUP BY ALL").fetchall())
    assert sum(sejalan_grafik["x"]) == sum(per.values()) == sejalan
    assert len(sejalan_grafik["y"]) == 5 and "Bulungan" in sejalan_grafik["y"][-1]  # kab/kota pertama di atas
    teks = " ".join(str(x) for t in fig["data"] for x in t["y"]) + " ".join(t["name"] for t in fig["data"])
    assert not re.search(r"\b(None|nan|NaN)\b", teks)
    per_status = " ".join(c.value for c in at.caption if c.value.startswith("Jumlah dan biaya per status"))
    assert f"Sejalan {sejalan} usulan" in per_status


def test_saringan_di_url_dan_alasan_status(app, con):
    at = app(HALAMAN, **Q, u_status="urusan_tidak_sesuai", u_daerah="65.01")
    df = at.dataframe[0].value
    harap = con.execute("SELECT count(*) FROM keselarasan_usulan WHERE daerah_kode = '65.01' AND tahun = 2026 "
                        "AND status = 'urusan_tidak_sesuai'").fetchone()[0]
    assert len(df) == harap > 0
    assert set(df["Status"]) == {"Urusan tidak sesuai"}
    assert all(m.startswith("Urusan ") and "tidak melayani prioritas" in m for m in df["Mengapa"])


def test_pimpinan_dan_operator_tidak_dapat_memutuskan(app_tulis):
    for nama in ("demo.pimpinan", "demo.operator.bulungan"):
        at = app_tulis(**Q)
        masuk(at, nama)
        assert not [b for b in at.button if b.label == "Simpan keputusan"]
        assert any("yang mencatatnya analis atau administrator" in c.value for c in at.caption)


def test_analis_mencatat_keputusan_dan_terlihat_sesudah_muat_ulang(app_tulis):
    con = buka(os.environ["PANTAU_DB"])
    uid, nomor = con.execute("SELECT usulan_id, nomor FROM keselarasan_usulan WHERE daerah_kode = '65.02' AND "
                             "keputusan IS NULL ORDER BY nomor LIMIT 1").fetchone()
    con.close()
    at = app_tulis(**Q, usulan=uid, u_keputusan="belum", u_daerah="65.02")
    masuk(at, "demo.analis")
    at.radio[0].set_value("ditolak")
    at.button[[b.label for b in at.button].index("Simpan keputusan")].click().run()
    assert any("wajib disertai alasan" in e.value for e in at.error)  # ditolak tanpa alasan: tidak tersimpan
    at.text_area[0].input("Bukan kewenangan provinsi")
    at.button[[b.label for b in at.button].index("Simpan keputusan")].click().run()
    assert not at.exception
    assert any("Keputusan tersimpan (versi 1): Ditolak" in s.value for s in at.success)
    con = buka(os.environ["PANTAU_DB"])
    r = con.execute("SELECT keputusan, alasan, oleh, versi FROM keputusan_usulan WHERE usulan_id = $u",
                    {"u": uid}).fetchall()
    riwayat = con.execute("SELECT count(*) FROM riwayat WHERE tabel = 'keputusan_usulan' AND oleh = 'demo.analis'"
                          ).fetchone()[0]
    con.close()
    assert r == [("ditolak", "Bukan kewenangan provinsi", "demo.analis", 1)] and riwayat >= 2
    baru = app_tulis(**Q, u_daerah="65.02", u_keputusan="ditolak")  # sesi baru (muat ulang): terlihat di daftar
    df = baru.dataframe[0].value
    assert "Bukan kewenangan provinsi" in set(df["Alasan"])


def test_dua_pemutus_keduanya_tersimpan_dan_diberi_tahu(app_tulis):
    """Isian formulir berasal dari versi yang dibuka, jadi keputusan orang lain yang tersimpan sementara tidak
    mengganti pilihan yang sedang diisi."""
    con = buka(os.environ["PANTAU_DB"])
    uid = con.execute("SELECT usulan_id FROM keselarasan_usulan WHERE daerah_kode = '65.03' AND keputusan = 'ditunda' "
                      "ORDER BY nomor LIMIT 1").fetchone()[0]
    con.close()
    q = {**Q, "usulan": uid, "u_daerah": "65.03"}
    a, b = app_tulis(**q), app_tulis(**q)
    masuk(a, "demo.analis")
    masuk(b, "demo.admin")
    a.radio[0].set_value("diterima")
    a.button[[x.label for x in a.button].index("Simpan keputusan")].click().run()
    b.radio[0].set_value("ditunda")
    b.button[[x.label for x in b.button].index("Simpan keputusan")].click().run()
    assert not b.exception, b.exception
    # usulan yang sudah ditunda (versi 1, data demo): analis menerimanya (versi 2); admin, yang membuka versi 1 dan
    # memilih Ditunda (isian awal formulirnya), tetap menyimpan Ditunda sebagai versi 3 dan diberi tahu
    assert any("Keputusan tersimpan (versi 2): Diterima" in s.value for s in a.success)
    pesan = " ".join(s.value for s in b.success)
    assert "versi 3): Ditunda" in pesan, (pesan, [e.value for e in b.error])
    assert "Sebelumnya tersimpan keputusan orang lain" in pesan and "demo.analis" in pesan
    con = buka(os.environ["PANTAU_DB"])
    k = con.execute("SELECT keputusan, keputusan_versi FROM keselarasan_usulan WHERE usulan_id = $u",
                    {"u": uid}).fetchone()
    n = con.execute("SELECT count(*) FROM keputusan_usulan WHERE usulan_id = $u", {"u": uid}).fetchone()[0]
    con.close()
    assert k[0] == "ditunda" and n == k[1]  # tidak ada yang ditimpa: setiap keputusan satu versi


def test_rekap_excel_pdf_dan_perintah(con, db_salinan, tmp_path):
    import openpyxl

    from pantau.cli import main as utama
    from pantau.keluaran.laporan.excel import excel_bytes
    from pantau.keluaran.laporan.usulan import susun_rekap_usulan

    t = susun_rekap_usulan(con, provinsi="65", tahun=2026)
    data = [b for j, b in t.baris if j == "data" and b[0] is not None]
    assert len(data) == 90
    jumlah = [b for j, b in t.baris if j == "data" and b[0] is None]
    biaya = con.execute("SELECT sum(biaya) FROM usulan WHERE daerah_kode = '65.01' AND tahun = 2026").fetchone()[0]
    assert jumlah[0][2] == "Jumlah Kabupaten Bulungan" and jumlah[0][6] == biaya
    wb = openpyxl.load_workbook(__import__("io").BytesIO(excel_bytes(t)))
    assert "Rekapitulasi usulan" in wb.active["A1"].value
    keluar = tmp_path / "rekap.pdf"
    assert utama(["rekap-usulan", "--provinsi", "65", "--tahun", "2026", "--keluar", str(keluar),
                  "--db", str(db_salinan)]) == 0
    assert keluar.read_bytes()[:4] == b"%PDF"
    assert utama(["rekap-usulan", "--provinsi", "65", "--tahun", "2019", "--keluar", str(tmp_path / "x.xlsx"),
                  "--db", str(db_salinan)]) == 1


@pytest.mark.parametrize("daerah,lembar", [("65", {"prioritas", "indikator_prioritas"}), ("65.01", {"usulan"}),
                                           ("62.01", {"usulan"})])
def test_templat_prioritas_usulan_impor_ulang_tanpa_perubahan(db_salinan, tmp_path, daerah, lembar):
    """Templat berisi yang sudah tercatat (62.01 belum punya usulan: 18 nomor kosong); diimpor ulang apa adanya
    tidak mengubah apa pun."""
    import openpyxl

    from pantau.impor import impor_berkas
    from pantau.impor.templat import buat_templat, pilihan_bawaan
    from tests.bantuan import isi_db

    con = buka(db_salinan)
    try:
        berkas = tmp_path / "templat.xlsx"
        berkas.write_bytes(buat_templat(con, pilihan_bawaan(con, daerah)))
        wb = openpyxl.load_workbook(berkas)
        assert lembar <= set(wb.sheetnames)
        assert "keputusan" not in [c.value for c in wb["usulan"][1]] if "usulan" in lembar else True
        sebelum = {k: v for k, v in isi_db(con).items() if k not in ("impor", "riwayat")}
        hasil = impor_berkas(con, berkas, oleh="uji")
        sesudah = {k: v for k, v in isi_db(con).items() if k not in ("impor", "riwayat")}
    finally:
        con.close()
    assert sesudah == sebelum
    for nama in lembar:
        j = hasil.ringkasan.jumlah.get(nama, {"tambah": 0, "ubah": 0})
        assert (j["tambah"], j["ubah"]) == (0, 0), (nama, j)


def test_ringkasan_kemajuan_per_prioritas(app, con):
    """Ringkasan provinsi: satu batang per prioritas, jumlah per predikat sama dengan capaian_prioritas; tautan ke
    indikator di balik prioritas terpilih; kabupaten tanpa prioritas tidak menampilkan bagian ini."""
    at = app("dashboard.py", provinsi="65", daerah="65", tahun=2025, prioritas="")
    fig = next(f for f in (spesifikasi(at, i) for i in range(len(at.get("plotly_chart"))))
               if any(t.get("name", "").endswith("Sangat Tinggi") for t in f["data"]) and len(f["data"][0]["y"]) == 10)
    st_ = [t for t in fig["data"] if t["name"].endswith("Sangat Tinggi")][0]
    harap = dict(con.execute("SELECT kode, sangat_tinggi FROM capaian_prioritas WHERE daerah_kode = '65' AND "
                             "tahun = 2025 AND jenis = 'prioritas'").fetchall())
    assert {y.split(" ")[0]: x for y, x in zip(st_["y"], st_["x"])} == harap
    assert any("PN " in str(c) for c in st_["customdata"])
    n_ind = con.execute("SELECT count(*) FROM indikator_prioritas ip JOIN prioritas p ON p.id = ip.prioritas_id "
                        "WHERE p.kode = 'P01' AND p.daerah_kode = '65'").fetchone()[0]
    tautan = [x for x in at.get("page_link") if "Indikator" in str(x.proto.page) and "%" in x.proto.label]
    assert len(tautan) >= n_ind
    kab = app("dashboard.py", provinsi="65", daerah="65.01", tahun=2025)
    assert not any("prioritas pembangunan" in h.value for h in kab.subheader)


def test_desk_urusan_menampilkan_usulan_urusannya_dan_dek(app, con):
    at = app("pages/5_Desk_Urusan.py", provinsi="65", daerah="65", tahun=2025, urusan="1.03")
    assert not any("Mengapa" in d.value.columns for d in at.dataframe)  # tab usulan belum dibuka
    at.session_state["desk_bagian"] = "Usulan kabupaten/kota"
    at.run()
    harap = con.execute("SELECT count(*) FROM keselarasan_usulan WHERE provinsi_kode = '65' AND urusan_kode = '1.03' "
                        "AND tahun IN (2025, 2026)").fetchone()[0]
    df = next(d.value for d in at.dataframe if "Mengapa" in d.value.columns)
    assert len(df) == harap > 0 and set(df["RKPD"]) == {"2026"}
    from pantau.desk.bahan import kumpulkan
    from pantau.keluaran.dek import rencana

    bahan = kumpulkan(con, provinsi="65", urusan="1.03", tahun=2025, judul_urusan="1.03 PU",
                      nama_provinsi="Provinsi Kalimantan Utara")
    judul = [" ".join(s.judul) for s in rencana(bahan)]
    assert any(j.startswith("Usulan kabupaten/kota") for j in judul)


def _buku_usulan(rows) -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "usulan"
    ws.append(["daerah_kode", "tahun", "nomor", "judul", "urusan_kode", "prioritas_kode", "biaya", "keputusan"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_operator_mengimpor_usulan_lewat_halaman_impor(db_salinan, monkeypatch):
    """Halaman Impor: pratinjau usulan (baru dan berubah), kesalahan per sel untuk kolom keputusan operator, lalu
    impor usulan daerahnya sendiri."""
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at = jalankan_halaman("pages/3_Impor.py", provinsi="65", daerah="65.01")
    masuk(at, "demo.operator.bulungan")
    at.file_uploader(key="berkas").set_value(("usulan.xlsx", _buku_usulan(
        [["65.01", 2026, 3, "Usulan baru operator", "1.03", "P04", 1_000_000_000, "diterima"]]), xlsx))
    at.run()
    salah = next(d.value for d in at.dataframe if "Pesan" in d.value.columns or "pesan" in d.value.columns)
    teks = " ".join(str(v) for v in salah.astype(str).values.ravel())
    assert "usulan" in teks and "keputusan" in teks and "2" in teks
    at.file_uploader(key="berkas").set_value(("usulan2.xlsx", _buku_usulan(
        [["65.01", 2026, 3, "Usulan baru operator", "1.03", "P04", 1_000_000_000, None],
         ["65.01", 2026, 19, "Usulan ke-19", "1.03", "P04", 5_000_000, None]]), xlsx))
    at.run()
    assert not at.exception
    assert any(m.label == "Usulan" and "1 baru · 1 berubah" in m.value for m in at.metric)
    at.button(key="konfirmasi").click()
    at.run()
    assert not at.exception
    con = buka(db_salinan)
    judul = con.execute("SELECT judul FROM usulan WHERE daerah_kode = '65.01' AND tahun = 2026 AND nomor = 3"
                        ).fetchone()[0]
    n = con.execute("SELECT count(*) FROM usulan WHERE daerah_kode = '65.01' AND tahun = 2026").fetchone()[0]
    con.close()
    assert (judul, n) == ("Usulan baru operator", 19)
