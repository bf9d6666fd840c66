"""Halaman Impor (AppTest): unggah, pratinjau, konfirmasi, ringkasan; kesalahan untuk berkas buruk."""
from __future__ import annotations

import io

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from pantau.db import buka
from pantau.impor import impor_berkas
from pantau.jalur import ROOT
from tests.bantuan import isi_db
from tests.bantuan_halaman import jalankan_halaman, masuk
from tests.korpus_buruk import buat_korpus as korpus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def db_salinan(db_salinan, monkeypatch):
    """Salinan demo (tests/conftest.py) yang juga dibuka halaman (PANTAU_DB)."""
    monkeypatch.setenv("PANTAU_DB", str(db_salinan))
    return db_salinan


def halaman(**params) -> AppTest:
    return jalankan_halaman("pages/3_Impor.py", **{"provinsi": "65", "daerah": "65.01", **params})


def berkas_realisasi(rows) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "realisasi"
    ws.append(["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi", "status"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def nilai_db(path, kode, tahun, periode):
    con = buka(path)
    try:
        row = con.execute(
            "SELECT r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
            "WHERE i.daerah_kode = '65.01' AND i.kode = $k AND r.tahun = $t AND r.periode = $p",
            {"k": kode, "t": tahun, "p": periode}).fetchone()
        return None if row is None else row[0]
    finally:
        con.close()


def tabel_berkolom(at, kolom: str):
    """DataFrame pertama di halaman yang punya kolom ``kolom`` (AppTest tidak menyimpan key st.dataframe)."""
    for d in at.dataframe:
        if kolom in d.value.columns:
            return d.value
    raise AssertionError(f"tidak ada tabel berkolom {kolom}")


def semua_teks(at) -> str:
    bagian = [m.value for m in at.markdown] + [m.value for m in at.caption]
    bagian += [e.value for e in at.error] + [e.value for e in at.success] + [e.value for e in at.warning]
    bagian += [e.value for e in at.info]
    bagian += [m.label + " " + m.value for m in at.metric]
    return "\n".join(str(b) for b in bagian)


def test_unggah_pratinjau_konfirmasi_ringkasan(db_salinan):
    con = buka(db_salinan)
    kode, lama = con.execute(
        "SELECT i.kode, r.nilai FROM realisasi r JOIN indikator i ON i.id = r.indikator_id "
        "WHERE i.daerah_kode = '65.01' AND i.polaritas = 'positif' AND r.tahun = 2023 AND r.periode = 'TAHUN' "
        "AND i.satuan = 'indeks' ORDER BY i.kode LIMIT 1").fetchone()
    con.close()
    baru = round(lama + 1.25, 2)
    isi = berkas_realisasi([["65.01", kode, 2023, "TAHUN", baru, "tetap"]])

    at = halaman()
    # membaca terbuka (demo), menulis memerlukan masuk: belum ada unggahan sebelum masuk
    assert not at.file_uploader
    assert any("Masuk dulu untuk mengimpor" in i.value for i in at.info)
    masuk(at, "demo.operator.bulungan")
    assert at.file_uploader, "halaman harus punya st.file_uploader"
    at.file_uploader(key="berkas").set_value(("realisasi_tw.xlsx", isi, XLSX))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    # pratinjau: satu nilai berubah, lama -> baru, belum ada yang ditulis
    ubah = tabel_berkolom(at, "Nilai lama")
    assert len(ubah) == 1
    assert float(ubah.iloc[0]["Nilai lama"]) == lama and float(ubah.iloc[0]["Nilai baru"]) == baru
    assert nilai_db(db_salinan, kode, 2023, "TAHUN") == lama
    assert not [t for t in at.text_input if t.key == "pengimpor"]  # nama diambil dari akun yang masuk
    at.button(key="konfirmasi").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert nilai_db(db_salinan, kode, 2023, "TAHUN") == baru
    teks = semua_teks(at)
    assert "berhasil" in teks and "1 berubah" in teks
    # Operator tidak disuruh menjalankan perintah shell yang tidak dimilikinya: ia diberi tahu siapa yang dapat
    # membatalkan impor ini dan di mana.
    assert "python -m pantau" not in teks
    assert "minta administrator membatalkan" in teks and "halaman Pengaturan" in teks
    con = buka(db_salinan)
    oleh, berkas = con.execute(
        "SELECT r.oleh, im.berkas FROM riwayat r JOIN impor im ON im.id = r.impor_id "
        "ORDER BY r.id DESC LIMIT 1").fetchone()
    con.close()
    assert (oleh, berkas) == ("demo.operator.bulungan", "realisasi_tw.xlsx")
    assert list((db_salinan.parent / "pantau.duckdb.cadangan").iterdir()), "cadangan sebelum impor harus ada"


@pytest.mark.parametrize("berkas", ["teks_di_sel_angka.xlsx", "html_disimpan_sebagai.xls",
                                    "realisasi_cp1252_bom_titik_koma.csv"])
def test_berkas_buruk_menampilkan_kesalahan_per_sel(db_salinan, berkas, tmp_path):
    con = buka(db_salinan)
    impor_berkas(con, korpus.tulis_dasar(tmp_path), oleh="dasar")  # indikator yang dirujuk korpus
    con.close()
    at = halaman()  # halaman memasang skema (meta.diperbarui_pada) saat pertama membuka berkas
    masuk(at, "demo.admin")  # masuk mencatat pengguna.terakhir_masuk: sebelum potret isi basis data
    con = buka(db_salinan)
    sebelum = isi_db(con)
    con.close()
    at.file_uploader(key="berkas").set_value((berkas, (korpus.FOLDER / berkas).read_bytes(), XLSX))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Berkas ditolak" in e.value for e in at.error)
    df = tabel_berkolom(at, "Pesan")
    assert {"Lembar", "Baris", "Kolom", "Nilai", "Pesan"} <= set(df.columns)
    assert len(df) >= 1
    lembar, baris, kolom, potongan = next(k.harapan for k in korpus.KASUS if k.berkas == berkas)
    if baris is not None:
        assert ((df["Lembar"] == lembar) & (df["Baris"] == baris) & (df["Kolom"] == kolom)).any()
    assert df["Pesan"].str.contains(potongan, regex=False).any()
    # daftar kesalahan dapat diunduh; tidak ada tombol impor
    assert any(b.label == "Unduh CSV" for b in at.get("download_button"))
    assert not [b for b in at.button if b.key == "konfirmasi"]
    con = buka(db_salinan)
    assert isi_db(con) == sebelum
    con.close()


def test_templat_dapat_diunduh(db_salinan):
    at = halaman()
    assert any(b.label.startswith("Unduh templat") for b in at.get("download_button"))


# -- templat (perintah baris dan isi) ---------------------------------------------------------------

def test_cli_templat_terisi_dan_impor_tanpa_perubahan(db_salinan, tmp_path):
    import subprocess
    import sys

    keluar = tmp_path / "templat.xlsx"
    r = subprocess.run([sys.executable, "-m", "pantau", "templat", "--db", str(db_salinan), "--daerah", "65.01",
                        "--keluar", str(keluar), "--tahun", "2024", "--tahun", "2025", "--triwulan", "TW3",
                        "--triwulan", "TAHUN"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Templat ditulis" in r.stdout
    wb = openpyxl.load_workbook(keluar)
    assert wb.sheetnames == ["petunjuk", "indikator", "target", "realisasi", "dukungan", "usulan"]
    con = buka(db_salinan)
    n_ind = con.execute("SELECT count(*) FROM indikator WHERE periode_id = (SELECT id FROM periode "
                        "WHERE daerah_kode = '65.01' ORDER BY tahun_awal DESC LIMIT 1)").fetchone()[0]
    n_duk = con.execute("SELECT count(*) FROM dukungan WHERE daerah_kode = '65.01' AND tahun IN (2024, 2025)"
                        ).fetchone()[0]
    con.close()
    # lembar dukungan: baris yang sudah tercatat untuk tahun-tahun itu, dengan nilainya sekarang
    wd = wb["dukungan"]
    isi = [r for r in wd.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
    assert len(isi) == n_duk > 0
    jd = [c.value for c in wd[1]]
    assert {r[jd.index("tahun")] for r in isi} == {2024, 2025}
    assert all(isinstance(r[jd.index("pagu")], (int, float)) and r[jd.index("pagu")] > 0 for r in isi)
    assert any(dv.formula1.startswith("indikator!$D$2") for dv in wd.data_validations.dataValidation)
    wi, wr = wb["indikator"], wb["realisasi"]
    assert wi.max_row - 1 == n_ind > 0
    assert wr.max_row - 1 == n_ind * 2 * 2
    judul = [c.value for c in wr[1]]
    periode = {wr.cell(row=i, column=judul.index("periode") + 1).value for i in range(2, wr.max_row + 1)}
    assert periode == {"TW3", "TAHUN"}
    assert all(wr.cell(row=i, column=judul.index("realisasi") + 1).value is None for i in range(2, wr.max_row + 1))
    # daftar pilihan Excel untuk kolom berkode
    rumus = {dv.formula1 for ws in (wi, wb["target"], wr) for dv in ws.data_validations.dataValidation}
    assert '"positif,negatif,rentang,teks"' in rumus and '"TW1,TW2,TW3,TW4,TAHUN"' in rumus
    assert '"sementara,tetap"' in rumus and '"RPJMD,RKPD"' in rumus and '"kumulatif,akhir"' in rumus
    assert "petunjuk" in wb.sheetnames and wb["petunjuk"].max_row > 10

    # templat yang belum diisi: impor berhasil dan tidak mengubah apa pun selain catatan impornya
    con = buka(db_salinan)
    try:
        sebelum = isi_db(con)
        hasil = impor_berkas(con, keluar, oleh="uji")
        sesudah = isi_db(con)
    finally:
        con.close()
    assert hasil.ringkasan.jumlah["indikator"] == {"tambah": 0, "ubah": 0, "sama": n_ind}
    assert hasil.ringkasan.jumlah["realisasi"] == {"tambah": 0, "ubah": 0, "sama": 0}
    assert hasil.ringkasan.jumlah["dukungan"] == {"tambah": 0, "ubah": 0, "sama": n_duk}
    assert not [m for m in hasil.peringatan if "tidak dikenal" in m.pesan]
    assert len(sesudah.pop("impor")) == len(sebelum.pop("impor")) + 1
    assert sesudah == sebelum


def test_cli_templat_daerah_tidak_dikenal(db_salinan, tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "pantau", "templat", "--db", str(db_salinan), "--daerah", "99.99",
                        "--keluar", str(tmp_path / "t.xlsx")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "tidak dikenal" in r.stderr


# -- halaman Kualitas data ---------------------------------------------------------------------------

def test_halaman_kualitas_data(db_salinan):
    at = jalankan_halaman("pages/4_Kualitas_Data.py", provinsi="65", daerah="65.01")
    assert any("Kualitas data" in t.value for t in at.title)
    metrik = {m.label: m.value for m in at.metric}
    assert {"Indikator", "Belum lapor", "Ada angka sementara", "Angka usang"} <= metrik.keys()
    con = buka(db_salinan)
    from pantau.db import jalankan
    ringkas = jalankan(con, "kualitas_ringkasan", provinsi="65")
    con.close()
    assert metrik["Belum lapor"] == str(int(ringkas["belum_lapor"].sum()))
    daerah = tabel_berkolom(at, "Sudah lapor (%)")
    d = ringkas.drop_duplicates("daerah_kode")
    assert set(daerah["Daerah"]) == set(d["daerah"])
    # persen lapor per daerah = SQL (makro persen_lapor), dihitung mandiri dari ringkasan per urusan
    harap = (ringkas.groupby("daerah")
             .apply(lambda g: round(100 * (g["jumlah_indikator"].sum() - g["belum_lapor"].sum())
                                    / g["jumlah_indikator"].sum(), 1), include_groups=False))
    assert dict(zip(daerah["Daerah"], daerah["Sudah lapor (%)"])) == pytest.approx(harap.to_dict(), abs=0.051)
    assert {"Unduh CSV", "Unduh Excel"} <= {b.label for b in at.get("download_button")}


def test_kueri_kualitas_menandai_belum_lapor_sementara_usang(db_salinan):
    from pantau.db import jalankan

    con = buka(db_salinan)
    try:
        d = jalankan(con, "kualitas_indikator", provinsi="65")
        tahun, per = int(d["tahun_lapor"].iloc[0]), d["periode_lapor"].iloc[0]
        tw = d[(d["pelaporan"] == "triwulan") & d["sudah_lapor"] & (d["daerah_kode"] == "65.01")].iloc[0]
        th = d[(d["pelaporan"] == "tahunan") & ~d["usang"] & (d["daerah_kode"] == "65.01")].iloc[0]
        con.execute("DELETE FROM realisasi WHERE indikator_id = $i AND tahun = $t AND periode IN ($p, 'TAHUN')",
                    {"i": int(tw["indikator_id"]), "t": tahun, "p": per})
        con.execute("DELETE FROM realisasi WHERE indikator_id = $i AND tahun >= $t",
                    {"i": int(th["indikator_id"]), "t": tahun - 1})
        con.execute("UPDATE realisasi SET status = 'sementara', diubah_oleh = 'operator.x' "
                    "WHERE indikator_id = $i AND tahun < $t", {"i": int(th["indikator_id"]), "t": tahun - 1})
        sesudah = jalankan(con, "kualitas_indikator", provinsi="65").set_index("indikator_id")
        r = jalankan(con, "kualitas_ringkasan", provinsi="65")
    finally:
        con.close()
    assert not sesudah.loc[int(tw["indikator_id"]), "sudah_lapor"]
    b = sesudah.loc[int(th["indikator_id"])]
    assert b["usang"] and not b["sudah_lapor"] and b["jumlah_sementara"] > 0
    assert b["diubah_oleh"] == "operator.x"
    baris = r[(r["daerah_kode"] == "65.01")]
    assert baris["belum_lapor"].sum() == (~sesudah[sesudah["daerah_kode"] == "65.01"]["sudah_lapor"]).sum()
    assert baris["usang"].sum() == sesudah[sesudah["daerah_kode"] == "65.01"]["usang"].sum()


def test_basis_data_kosong_impor_lewat_halaman(tmp_path, monkeypatch):
    """Instalasi baru: `init` lalu isi lewat halaman Impor. Halaman lain menjelaskan bahwa belum ada data."""
    from pantau import akun
    from pantau.db import siapkan

    path = tmp_path / "baru.duckdb"
    siapkan(path)  # seperti `init`: membaca memerlukan masuk
    con = buka(path)
    akun.tambah_pengguna(con, pelaku=akun.sistem("root"), nama_pengguna="admin.bappeda", nama_lengkap="Admin Bappeda",
                         peran="admin", sandi="sandi-admin-uji-1")
    con.close()
    monkeypatch.setenv("PANTAU_DB", str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]
    masuk(at, "admin.bappeda", "sandi-admin-uji-1", tempat="utama")
    assert any("belum berisi indikator RPJMD" in i.value for i in at.info)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "indikator"
    ws.append(["daerah_kode", "periode_rpjmd", "urusan_kode", "indikator_kode", "nama", "satuan", "polaritas",
               "agregasi", "target_akhir"])
    ws.append(["65.02", "2025-2029", "1.02", "KES-01", "Prevalensi stunting", "persen", "negatif", "akhir", "12"])
    ws = wb.create_sheet("realisasi")
    ws.append(["daerah_kode", "indikator_kode", "tahun", "periode", "realisasi"])
    ws.append(["65.02", "KES-01", 2025, "TAHUN", "18,4"])
    buf = io.BytesIO()
    wb.save(buf)

    at.switch_page("pages/3_Impor.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("belum berisi indikator RPJMD" in i.value for i in at.info)
    at.file_uploader(key="berkas").set_value(("malinau.xlsx", buf.getvalue(), XLSX))
    at.run()
    at.button(key="konfirmasi").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    con = buka(path)
    try:
        assert con.execute("SELECT count(*) FROM indikator WHERE daerah_kode = '65.02'").fetchone()[0] == 1
        assert con.execute("SELECT nilai FROM realisasi").fetchone()[0] == 18.4
    finally:
        con.close()
