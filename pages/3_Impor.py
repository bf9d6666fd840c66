"""Impor: unduh templat, unggah berkas, lihat pratinjau perubahan, konfirmasi, ringkasan."""
import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from pantau.akun import TidakBerizin
from pantau.impor import ImporGagal, impor_berkas, siapkan_impor
from pantau.impor.pratinjau import pratinjau
from pantau.impor.templat import PERIODE_REALISASI, buat_templat, pilihan_bawaan
from pantau.ui import aman, data
from pantau.ui import masuk
from pantau.ui.bingkai import mulai_halaman, pengguna
from pantau.ui.komponen import tabel

ctx = mulai_halaman("Impor", "📥", wajib_data=False)
bd = data.basis_data()
akun = pengguna()

st.title("Impor data")
st.caption("Unggah target dan realisasi dari Excel (.xlsx) atau CSV. Berkas diperiksa seluruhnya lebih dulu; "
           "tidak ada yang ditulis sebelum Anda menekan **Impor sekarang**, dan impor masuk seluruhnya atau "
           "tidak sama sekali. Basis data dicadangkan otomatis sebelum setiap impor.")

# -- templat ------------------------------------------------------------------------------------------
if ctx is None:
    st.info("Basis data ini belum berisi indikator RPJMD. Unggah berkas yang memuat lembar **indikator** "
            "(lalu **target** dan **realisasi**); formatnya dijelaskan di docs/FORMAT_IMPOR.md. Templat berisi "
            "indikator daerah tersedia setelah indikatornya terdaftar.", icon=":material/info:")
else:
    with st.expander(f"Templat untuk {ctx.daerah_nama}", icon=":material/download:"):
        try:
            bawaan = pilihan_bawaan(bd.con, ctx.daerah)
            tahun_pilihan = list(range(ctx.tahun_awal, ctx.tahun_akhir + 1))
            kiri, kanan = st.columns(2)
            tahun = kiri.multiselect("Tahun", tahun_pilihan, default=[t for t in bawaan.tahun if t in tahun_pilihan],
                                     key="templat_tahun")
            periode = kanan.multiselect("Periode realisasi", list(PERIODE_REALISASI), default=list(PERIODE_REALISASI),
                                        key="templat_periode")
            label_periode = f"{ctx.tahun_awal}-{ctx.tahun_akhir}"
            if tahun and periode:
                pilihan = pilihan_bawaan(bd.con, ctx.daerah, tahun=tahun, periode=periode, periode_rpjmd=label_periode)
                st.download_button(
                    "Unduh templat (.xlsx)", data=lambda: buat_templat(bd.con, pilihan),
                    file_name=f"templat-pantau-{ctx.daerah}-{'-'.join(map(str, pilihan.tahun))}.xlsx",
                    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    key="templat_unduh", icon=":material/table:", on_click="ignore")
                st.caption("Berisi indikator daerah ini (kode, nama, satuan, polaritas), sel target dan realisasi "
                           "kosong, lembar *dukungan* (sub kegiatan dan anggaran yang sudah tercatat), daftar pilihan "
                           "untuk kolom berkode, dan lembar *petunjuk*.")
            else:
                st.caption("Pilih paling sedikit satu tahun dan satu periode.")
        except ValueError as e:
            st.warning(f"Templat belum dapat dibuat: {aman.md(e)}")

# -- siapa yang mengimpor -------------------------------------------------------------------------------
# Menulis selalu memerlukan masuk, juga bila membaca tidak. Izin diperiksa lagi oleh impor itu sendiri.
akun = masuk.wajib_masuk("Masuk dulu untuk mengimpor: setiap perubahan dicatat di riwayat atas nama akun Anda, "
                      "dan operator hanya dapat mengubah angka daerahnya sendiri.")
if not akun.boleh("impor", akun.daerah_kode):
    st.warning(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) tidak berwenang mengimpor data. Impor dilakukan oleh "
               "operator daerah (untuk daerahnya) atau administrator.", icon=":material/block:")
    st.stop()
oleh = akun.nama_pengguna
if akun.peran == "operator":
    st.caption(f"Anda masuk sebagai **{aman.md(akun.nama_lengkap)}** (operator {akun.daerah_kode}): hanya baris daerah "
               f"{akun.daerah_kode} yang diterima; berkas yang memuat baris daerah lain ditolak seluruhnya.")
else:
    st.caption(f"Impor dicatat atas nama **{aman.md(akun.nama_lengkap)}** ({aman.md(oleh)}).")

# -- unggah -------------------------------------------------------------------------------------------
unggahan = st.file_uploader("Berkas impor", type=["xlsx", "xlsm", "csv", "xls"], key="berkas",
                            help="Satu buku kerja .xlsx dengan lembar indikator/target/realisasi/dukungan, atau satu .csv "
                                 "bernama seperti lembarnya (misalnya realisasi_tw3.csv).")
if unggahan is None:
    st.session_state.pop("impor_periksa", None)
    st.stop()

isi = unggahan.getvalue()
sidik = hashlib.sha256(isi).hexdigest()
nama = Path(unggahan.name).name


def _berkas_sementara(folder: str) -> Path:
    path = Path(folder) / nama
    path.write_bytes(isi)
    return path


def _tabel_masalah(masalah, kunci: str, judul: str) -> None:
    df = pd.DataFrame([m.sebagai_baris() for m in masalah],
                      columns=["jenis", "lembar", "baris", "kolom", "nilai", "pesan"])
    df["baris"] = df["baris"].astype("Int64")
    tabel(df, kunci=kunci, nama_berkas=f"{judul}-{Path(nama).stem}", judul=f"{judul.capitalize()} impor {nama}",
          keterangan={"Berkas": nama, "SHA-256": sidik, "Daerah": ctx.daerah_nama if ctx else "–"},
          column_config={"pesan": st.column_config.TextColumn("pesan", width="large")})


def _metrik_jumlah(j: dict) -> None:
    """Baru / berubah / tetap per lembar (indikator, target, realisasi, dukungan)."""
    lembar = ("indikator", "target", "realisasi", "dukungan")
    for k, t in zip(st.columns(len(lembar)), lembar):
        x = j.get(t, {"tambah": 0, "ubah": 0, "sama": 0})
        k.metric(t.capitalize(), f"{x['tambah']} baru · {x['ubah']} berubah", delta=f"{x['sama']} tetap",
                 delta_color="off", delta_arrow="off")


selesai = st.session_state.get("impor_selesai")
if selesai and selesai["sidik"] == sidik:
    st.success(f"Impor #{selesai['impor_id']} berhasil: {selesai['teks']}", icon=":material/check_circle:")
    j = selesai["jumlah"]
    _metrik_jumlah(j)
    st.caption(f"Berkas {aman.md(nama)} (SHA-256 {sidik[:12]}…) oleh {aman.md(selesai['oleh'])}. Basis data dicadangkan sebelum "
               "impor. Halaman lain menampilkan data baru pada interaksi berikutnya.")
    if akun.boleh("batal_impor"):
        st.page_link("pages/8_Pengaturan.py", label=f"Membatalkan impor #{selesai['impor_id']}: halaman Pengaturan",
                     icon=":material/undo:")
    else:
        st.caption(f"Bila impor ini keliru, minta administrator membatalkan **impor #{selesai['impor_id']}** di "
                   "halaman Pengaturan; nilai lama dikembalikan dari riwayat.")
    if selesai["peringatan"]:
        with st.expander(f"{len(selesai['peringatan'])} peringatan"):
            _tabel_masalah(selesai["peringatan"], "peringatan_selesai", "peringatan")
    st.stop()

periksa = st.session_state.get("impor_periksa")
if not periksa or periksa["sidik"] != sidik:
    with st.status(f"Memeriksa {aman.md(nama)} ({len(isi) / 1024:,.0f} KB)…", expanded=True) as status:
        langkah = st.progress(0, text="Membaca dan memeriksa setiap sel…")
        with tempfile.TemporaryDirectory(prefix="pantau-unggah-") as folder:
            try:
                rencana = siapkan_impor(bd.con, _berkas_sementara(folder), pengguna=akun)
            except TidakBerizin as e:
                st.error(aman.md(e), icon=":material/block:")
                st.stop()
            except ImporGagal as e:
                periksa = {"sidik": sidik, "gagal": e, "rencana": None, "pratinjau": None}
                status.update(label=f"{aman.md(nama)} ditolak: {len(e.masalah)} kesalahan", state="error", expanded=False)
            else:
                langkah.progress(60, text="Membandingkan dengan data sekarang…")
                p = pratinjau(bd.con, rencana)
                langkah.progress(100, text="Selesai")
                periksa = {"sidik": sidik, "gagal": None, "peringatan": rencana.peringatan, "pratinjau": p}
                status.update(label=f"{aman.md(nama)} lolos pemeriksaan", state="complete", expanded=False)
    st.session_state["impor_periksa"] = periksa

if periksa["gagal"] is not None:
    e = periksa["gagal"]
    # Kesalahan seluruh berkas (jenis, ukuran, batas impor) juga sebagai teks, bukan hanya di tabel.
    seluruh = "".join(f"\n\n{aman.md(m)}" for m in e.masalah[:3] if m.lembar is None and m.baris is None)
    st.error(f"**Berkas ditolak: {len(e.masalah)} kesalahan. Tidak ada data yang ditulis.** Perbaiki sel-sel di "
             "bawah ini (baris dinomori seperti di Excel, judul kolom = baris 1), lalu unggah lagi." + seluruh,
             icon=":material/error:")
    _tabel_masalah(e.masalah + e.peringatan, "kesalahan", "kesalahan")
    st.stop()

p = periksa["pratinjau"]
j = p.jumlah
st.subheader("Pratinjau perubahan")
_metrik_jumlah(j)
if periksa["peringatan"]:
    with st.expander(f"{len(periksa['peringatan'])} peringatan (tidak menghalangi impor)", icon=":material/warning:"):
        _tabel_masalah(periksa["peringatan"], "peringatan", "peringatan")

kol_tampil = {"tabel": "tabel", "daerah_kode": "daerah", "indikator_kode": "indikator", "tahun": "tahun",
              "kunci": "kunci", "nilai_lama": "lama", "nilai_baru": "baru", "baris": "baris di berkas"}
tab_ubah, tab_baru = st.tabs([f"Berubah ({len(p.berubah)})", f"Baru ({len(p.baru)})"])
with tab_ubah:
    if p.berubah.empty:
        st.caption("Tidak ada nilai yang berubah.")
    else:
        st.dataframe(p.berubah.rename(columns=kol_tampil), hide_index=True, width="stretch", key="pratinjau_ubah")
with tab_baru:
    if p.baru.empty:
        st.caption("Tidak ada nilai baru.")
    else:
        st.dataframe(p.baru.drop(columns=["nilai_lama"]).rename(columns=kol_tampil), hide_index=True,
                     width="stretch", key="pratinjau_baru")

if p.kosong:
    st.info("Berkas ini tidak mengubah apa pun (semua sel kosong atau sama dengan data sekarang).")
if st.button("Impor sekarang", type="primary", key="konfirmasi", icon=":material/upload:"):
    with st.status("Mengimpor…", expanded=True) as status:
        st.write("Mencadangkan basis data…")
        # Satu penulis sekaligus di proses ini; pembaca memakai cursor sendiri dan tidak pernah melihat
        # setengah impor (satu transaksi). Berkas diperiksa ulang: data bisa berubah sejak pratinjau.
        with tempfile.TemporaryDirectory(prefix="pantau-unggah-") as folder:
            try:
                hasil = impor_berkas(bd, _berkas_sementara(folder), pengguna=akun, cadangan=True)
            except TidakBerizin as e:
                status.update(label="Impor ditolak", state="error")
                st.error(aman.md(e), icon=":material/block:")
                st.stop()
            except ImporGagal as e:
                st.session_state["impor_periksa"] = {"sidik": sidik, "gagal": e, "rencana": None, "pratinjau": None}
                status.update(label="Impor ditolak", state="error")
                st.rerun()
        status.update(label=f"Impor #{hasil.ringkasan.impor_id} selesai", state="complete")
    st.session_state["impor_selesai"] = {
        "sidik": sidik, "impor_id": hasil.ringkasan.impor_id, "teks": hasil.ringkasan.teks(),
        "jumlah": hasil.ringkasan.jumlah, "oleh": oleh, "cadangan": hasil.cadangan,
        "peringatan": hasil.peringatan}
    st.session_state.pop("impor_periksa", None)
    data.segarkan()
    st.rerun()
