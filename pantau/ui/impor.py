"""Halaman Impor: templat, lalu alur unggah -> periksa (tanpa menulis) -> pratinjau -> konfirmasi -> ringkasan.

Keadaan alur per berkas (sidik SHA-256) di ``st.session_state``: ``impor_periksa`` (hasil pemeriksaan dan pratinjau
berkas yang sedang dibuka) dan ``impor_selesai`` (ringkasan impor yang baru saja masuk). Membaca dan menulis lewat
``pantau.impor`` (izin, cadangan, satu transaksi dan riwayat di sana)."""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import judul_kolom, periode_label
from pantau.aturan.izin import Pengguna, TidakBerizin
from pantau.db import GALAT_TULIS
from pantau.impor import ImporGagal, impor_berkas, siapkan_impor
from pantau.impor.baca import BATAS_BERKAS_MB
from pantau.impor.pratinjau import pratinjau
from pantau.impor.templat import PERIODE_REALISASI, buat_templat, pilihan_bawaan
from pantau.impor.tulis import teks_dilewati
from pantau.ui import data, masuk
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import tabel

LEMBAR = ("indikator", "target", "realisasi", "dukungan", "prioritas", "indikator_prioritas", "usulan")
KOLOM_MASALAH = {"jenis": "Jenis", "lembar": "Lembar", "baris": "Baris", "kolom": "Kolom", "nilai": "Nilai",
                 "pesan": "Pesan"}
KOLOM_PRATINJAU = {"tabel": "Lembar", "daerah_kode": "Kode daerah", "indikator_kode": "Kode indikator",
                   "tahun": "Tahun",
                   "kunci": "Periode/dokumen/kode", "nilai_lama": "Nilai lama", "nilai_baru": "Nilai baru",
                   "baris": "Baris di berkas"}


@dataclass(frozen=True)
class Unggahan:
    nama: str
    isi: bytes
    sidik: str

    def ke_folder(self, folder: str) -> Path:
        path = Path(folder) / self.nama
        path.write_bytes(self.isi)
        return path


def bagian_templat(ctx: Konteks | None, bd) -> None:
    """Templat impor berisi indikator daerah yang sedang dipilih (tahun dan periode realisasi dapat dipilih)."""
    if ctx is None:
        st.info("Basis data ini belum berisi indikator RPJMD. Unggah berkas yang memuat lembar **indikator** "
                "(lalu **target** dan **realisasi**; kolomnya dijelaskan di dokumentasi format impor yang disertakan "
                "bersama Pantau). Templat berisi indikator daerah tersedia setelah indikatornya terdaftar.",
                icon=":material/info:")
        return
    with st.expander(f"Templat untuk {ctx.daerah_nama}", icon=":material/download:"):
        try:
            bawaan = pilihan_bawaan(bd, ctx.daerah)
        except ValueError as e:
            st.warning(f"Templat belum dapat dibuat: {aman.md(e)}")
            return
        tahun_pilihan = list(range(ctx.tahun_awal, ctx.tahun_akhir + 1))
        kiri, kanan = st.columns(2)
        tahun = kiri.multiselect("Tahun", tahun_pilihan, default=[t for t in bawaan.tahun if t in tahun_pilihan],
                                 key="templat_tahun")
        periode = kanan.multiselect("Periode realisasi", list(PERIODE_REALISASI), default=list(PERIODE_REALISASI),
                                    key="templat_periode", format_func=periode_label)
        if not (tahun and periode):
            st.caption("Pilih paling sedikit satu tahun dan satu periode.")
            return
        pilihan = pilihan_bawaan(bd, ctx.daerah, tahun=tahun, periode=periode,
                                 periode_rpjmd=f"{ctx.tahun_awal}-{ctx.tahun_akhir}")
        st.download_button(
            "Unduh templat (.xlsx)", data=lambda: buat_templat(bd, pilihan),
            file_name=f"templat-pantau-{ctx.daerah}-{'-'.join(map(str, pilihan.tahun))}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="templat_unduh", icon=":material/table:", on_click="ignore")
        st.caption("Berisi indikator daerah ini (kode, nama, satuan, polaritas), sel target dan realisasi "
                   "kosong, lembar *dukungan* (sub kegiatan dan anggaran yang sudah tercatat), lembar *usulan* "
                   "(kabupaten/kota) atau *prioritas* dan *indikator_prioritas* (provinsi), daftar pilihan "
                   "untuk kolom berkode, dan lembar *petunjuk*.")


MODE = {"lembar": "Lembar kerja Pantau (.xlsx/.csv)", "sipd": "Ekspor SIPD-RI (JSON/rekap .xlsx)"}


def pilih_mode() -> str:
    """Jenis berkas yang diimpor: lembar kerja Pantau atau ekspor SIPD-RI (tersimpan di URL, ``?mode=sipd``)."""
    bawaan = st.query_params.get("mode", "lembar")
    mode = st.radio("Jenis berkas", list(MODE), format_func=MODE.get, horizontal=True, key="impor_mode",
                    index=list(MODE).index(bawaan) if bawaan in MODE else 0)
    if mode == "lembar":
        st.query_params.pop("mode", None)
    else:
        st.query_params["mode"] = mode
    return mode


def pengimpor() -> Pengguna:
    """Akun yang mengimpor. Menulis selalu memerlukan masuk; peran tanpa izin impor berhenti di sini (izin
    diperiksa lagi oleh impor itu sendiri)."""
    akun = masuk.wajib_masuk("Masuk dulu untuk mengimpor: setiap perubahan dicatat di riwayat atas nama akun Anda, "
                             "dan operator hanya dapat mengubah angka daerahnya sendiri.")
    if not akun.boleh("impor", akun.daerah_kode):
        st.warning(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) tidak berwenang mengimpor data. Impor "
                   "dilakukan oleh operator daerah (untuk daerahnya) atau administrator.", icon=":material/block:")
        st.stop()
    if akun.peran == "operator":
        st.caption(f"Anda masuk sebagai **{aman.md(akun.nama_lengkap)}** (operator {akun.daerah_kode}): hanya baris "
                   f"daerah {akun.daerah_kode} yang diterima; berkas yang memuat baris daerah lain ditolak seluruhnya.")
    else:
        st.caption(f"Impor dicatat atas nama **{aman.md(akun.nama_lengkap)}** ({aman.md(akun.nama_pengguna)}).")
    return akun


#: Teks bawaan unggahan Streamlit ("Upload", "20MB per file • XLSX…") tidak dapat diatur lewat API: diganti dengan
#: CSS (teks asli berukuran 0, teks Indonesia sebagai ::after), hanya untuk unggahan halaman ini.
_CSS_UNGGAH = f"""<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{font-size: 0;}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
    content: "Pilih berkas"; font-size: 0.875rem;}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0;}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
    content: "Paling besar {BATAS_BERKAS_MB} MB per berkas · .xlsx, .xlsm, .csv, .xls"; font-size: 0.875rem;}}
</style>"""


def unggah() -> Unggahan:
    st.markdown(_CSS_UNGGAH, unsafe_allow_html=True)
    berkas = st.file_uploader("Berkas impor", type=["xlsx", "xlsm", "csv", "xls"], key="berkas",
                              help="Satu buku kerja .xlsx dengan lembar indikator/target/realisasi/dukungan (dan "
                                   "prioritas/indikator_prioritas/usulan), atau satu "
                                   ".csv bernama seperti lembarnya (misalnya realisasi_tw3.csv).")
    if berkas is None:
        st.session_state.pop("impor_periksa", None)
        st.stop()
    isi = berkas.getvalue()
    return Unggahan(Path(berkas.name).name, isi, hashlib.sha256(isi).hexdigest())


def tabel_masalah(u: Unggahan, ctx: Konteks | None, masalah, kunci: str, judul: str) -> None:
    df = pd.DataFrame([m.sebagai_baris() for m in masalah], columns=list(KOLOM_MASALAH)).rename(columns=KOLOM_MASALAH)
    df["Baris"] = df["Baris"].astype("Int64")
    tabel(df, kunci=kunci, nama_berkas=f"{judul}-{Path(u.nama).stem}", judul=f"{judul.capitalize()} impor {u.nama}",
          keterangan={"Berkas": u.nama, "SHA-256": u.sidik, "Daerah": ctx.daerah_nama if ctx else "–"},
          column_config={"Pesan": st.column_config.TextColumn("Pesan", width="large")})


def metrik_jumlah(j: dict) -> None:
    """Baru / berubah / tetap per lembar (indikator, target, realisasi, dukungan; prioritas dan usulan bila ada)."""
    # lembar prioritas dan usulan (keputusan #20) hanya bila berkas memuatnya, agar empat kolom angka tetap lebar
    lembar = [t for t in LEMBAR
              if t in ("indikator", "target", "realisasi", "dukungan") or any(j.get(t, {}).values())]
    for k, t in zip(st.columns(len(lembar)), lembar):
        x = j.get(t, {"tambah": 0, "ubah": 0, "sama": 0})
        k.metric(t.replace("_", " ").capitalize(), f"{x['tambah']} baru · {x['ubah']} berubah",
                 delta=f"{x['sama']} tetap", delta_color="off", delta_arrow="off")


def tampilkan_selesai(u: Unggahan, ctx: Konteks | None, akun: Pengguna) -> None:
    """Bila berkas ini baru saja diimpor: ringkasannya, lalu halaman berhenti."""
    selesai = st.session_state.get("impor_selesai")
    if not selesai or selesai["sidik"] != u.sidik:
        return
    st.success(f"Impor #{selesai['impor_id']} berhasil: {selesai['teks']}", icon=":material/check_circle:")
    metrik_jumlah(selesai["jumlah"])
    st.caption(f"Berkas {aman.md(u.nama)} (SHA-256 {u.sidik[:12]}…) oleh {aman.md(selesai['oleh'])}. Basis data "
               "dicadangkan sebelum impor. Halaman lain menampilkan data baru pada interaksi berikutnya.")
    if akun.boleh("batal_impor"):
        st.page_link("pages/8_Pengaturan.py", label=f"Membatalkan impor #{selesai['impor_id']}: halaman Pengaturan",
                     icon=":material/undo:")
    else:
        st.caption(f"Bila impor ini keliru, minta administrator membatalkan **impor #{selesai['impor_id']}** di "
                   "halaman Pengaturan; nilai lama dikembalikan dari riwayat.")
    if selesai["peringatan"]:
        with st.expander(f"{len(selesai['peringatan'])} peringatan"):
            tabel_masalah(u, ctx, selesai["peringatan"], "peringatan_selesai", "peringatan")
    st.stop()


def periksa(u: Unggahan, bd, akun: Pengguna) -> dict:
    """Periksa berkas (sekali per sidik): ``{"sidik", "gagal": ImporGagal|None, "peringatan", "pratinjau"}``."""
    hasil = st.session_state.get("impor_periksa")
    if hasil and hasil["sidik"] == u.sidik:
        return hasil
    with st.status(f"Memeriksa {aman.md(u.nama)} ({len(u.isi) / 1024:,.0f} KB)…".replace(",", "."),
                   expanded=True) as status:
        langkah = st.progress(0, text="Membaca dan memeriksa setiap sel…")
        with tempfile.TemporaryDirectory(prefix="pantau-unggah-") as folder:
            try:
                rencana = siapkan_impor(bd, u.ke_folder(folder), pengguna=akun)
            except TidakBerizin as e:
                st.error(aman.md(e), icon=":material/block:")
                st.stop()
            except ImporGagal as e:
                hasil = {"sidik": u.sidik, "gagal": e, "peringatan": e.peringatan, "pratinjau": None}
                status.update(label=f"{aman.md(u.nama)} ditolak: {len(e.masalah)} kesalahan", state="error",
                              expanded=False)
            else:
                langkah.progress(60, text="Membandingkan dengan data sekarang…")
                p = pratinjau(bd, rencana)
                langkah.progress(100, text="Selesai")
                hasil = {"sidik": u.sidik, "gagal": None, "peringatan": rencana.peringatan, "pratinjau": p,
                         "dilewati": rencana.dilewati}
                status.update(label=f"{aman.md(u.nama)} lolos pemeriksaan", state="complete", expanded=False)
    st.session_state["impor_periksa"] = hasil
    return hasil


def tampilkan_ditolak(u: Unggahan, ctx: Konteks | None, hasil: dict) -> None:
    e = hasil["gagal"]
    if e is None:
        return
    # Kesalahan seluruh berkas (jenis, ukuran, batas impor) juga sebagai teks, bukan hanya di tabel.
    seluruh = "".join(f"\n\n{aman.md(m)}" for m in e.masalah[:3] if m.lembar is None and m.baris is None)
    st.error(f"**Berkas ditolak: {len(e.masalah)} kesalahan. Tidak ada data yang ditulis.** Perbaiki sel-sel di "
             "bawah ini (baris dinomori seperti di Excel, judul kolom = baris 1), lalu unggah lagi." + seluruh,
             icon=":material/error:")
    tabel_masalah(u, ctx, e.masalah + e.peringatan, "kesalahan", "kesalahan")
    st.stop()


def tampilkan_pratinjau(u: Unggahan, ctx: Konteks | None, hasil: dict) -> None:
    p = hasil["pratinjau"]
    st.subheader("Pratinjau perubahan")
    metrik_jumlah(p.jumlah)
    dilewati = "; ".join(f"{lembar}{teks_dilewati(alasan).removeprefix(',')}"
                         for lembar, alasan in (hasil.get("dilewati") or {}).items() if alasan)
    if dilewati:
        st.info(f"Baris tanpa nilai tidak diimpor dan tidak menimpa apa pun: {aman.md(dilewati)}.",
                icon=":material/info:")
    if hasil["peringatan"]:
        with st.expander(f"{len(hasil['peringatan'])} peringatan (tidak menghalangi impor)", icon=":material/warning:"):
            tabel_masalah(u, ctx, hasil["peringatan"], "peringatan", "peringatan")
    tab_ubah, tab_baru = st.tabs([f"Berubah ({len(p.berubah)})", f"Baru ({len(p.baru)})"])
    with tab_ubah:
        if p.berubah.empty:
            st.caption("Tidak ada nilai yang berubah.")
        else:
            st.dataframe(judul_kolom(p.berubah, KOLOM_PRATINJAU), hide_index=True, width="stretch",
                         key="pratinjau_ubah", placeholder="–")
    with tab_baru:
        if p.baru.empty:
            st.caption("Tidak ada nilai baru.")
        else:
            st.dataframe(judul_kolom(p.baru.drop(columns=["nilai_lama"]), KOLOM_PRATINJAU), hide_index=True,
                         width="stretch", key="pratinjau_baru", placeholder="–")
    if p.kosong:
        st.info("Berkas ini tidak mengubah apa pun (semua sel kosong atau sama dengan data sekarang).")


def konfirmasi(u: Unggahan, bd, akun: Pengguna) -> None:
    """Tombol "Impor sekarang": berkas diperiksa ulang (data bisa berubah sejak pratinjau), dicadangkan, lalu ditulis
    dalam satu transaksi; pembaca tidak pernah melihat setengah impor."""
    if not st.button("Impor sekarang", type="primary", key="konfirmasi", icon=":material/upload:"):
        return
    with st.status("Mengimpor…", expanded=True) as status:
        st.write("Mencadangkan basis data…")
        with tempfile.TemporaryDirectory(prefix="pantau-unggah-") as folder:
            try:
                hasil = impor_berkas(bd, u.ke_folder(folder), pengguna=akun, cadangan=True)
            except TidakBerizin as e:
                status.update(label="Impor ditolak", state="error")
                st.error(aman.md(e), icon=":material/block:")
                st.stop()
            except ImporGagal as e:
                st.session_state["impor_periksa"] = {"sidik": u.sidik, "gagal": e, "peringatan": e.peringatan,
                                                     "pratinjau": None}
                status.update(label="Impor ditolak", state="error")
                st.rerun()
            except GALAT_TULIS as e:  # disk penuh, izin berubah (isu #17): pesan Indonesia, rincian ke log
                pesan = data.gagal_tulis(e, f"Impor {u.nama} oleh {akun.nama_pengguna}")
                status.update(label="Impor tidak tersimpan", state="error")
                st.error(pesan, icon=":material/error:")
                st.stop()
        status.update(label=f"Impor #{hasil.ringkasan.impor_id} selesai", state="complete")
    st.session_state["impor_selesai"] = {
        "sidik": u.sidik, "impor_id": hasil.ringkasan.impor_id, "teks": hasil.ringkasan.teks(),
        "jumlah": hasil.ringkasan.jumlah, "oleh": akun.nama_pengguna, "cadangan": hasil.cadangan,
        "peringatan": hasil.peringatan}
    st.session_state.pop("impor_periksa", None)
    data.segarkan()
    st.rerun()
