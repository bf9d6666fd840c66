"""Halaman Impor, mode SIPD-RI: pilih daerah dan tahun, unggah beberapa JSON (Renja lampiran, daftar pagu, daftar
SKPD) atau satu rekap xlsx, periksa (tanpa menulis), ringkasan yang dapat dicocokkan dengan SIPD, konfirmasi.

Keadaan alur di ``st.session_state``: ``sipd_periksa`` (hasil baca untuk sidik unggahan + daerah + tahun) dan
``sipd_selesai`` (ringkasan impor yang baru masuk). Membaca dan menulis lewat ``pantau.impor.sipd_tulis`` (izin,
cadangan, satu transaksi dan riwayat di sana); angka yang sudah tersimpan lewat ``data.tanya``."""
from __future__ import annotations

import hashlib
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import rupiah, rupiah_ringkas
from pantau.aturan.izin import Pengguna, TidakBerizin
from pantau.impor.masalah import ImporGagal
from pantau.impor.sipd_tulis import program_tak_berpasangan, siapkan_sipd, tulis_hasil_sipd
from pantau.ui import data
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import tabel

KOLOM_MASALAH = {"jenis": "Jenis", "berkas": "Berkas", "lembar": "Lembar", "entri": "Entri", "baris": "Baris",
                 "kolom": "Kolom", "nilai": "Nilai", "pesan": "Pesan"}
#: Batas unggahan sekaligus (daftar SKPD sekabupaten + Renja dan daftar pagu per SKPD)
TIPE = ["json", "xlsx"]


def pilih_daerah_tahun(ctx: Konteks | None, akun: Pengguna) -> tuple[str, int]:
    """Daerah pemilik berkas (operator: daerahnya sendiri) dan tahun anggaran; keduanya diperiksa terhadap setiap
    berkas (SIPD hanya memuat id_daerah internal, jadi kode Kemendagri dipilih di sini)."""
    daftar = data.tanya("daftar_daerah")
    if akun.peran == "operator":
        daftar = daftar[daftar["kode"] == akun.daerah_kode]
    kode = daftar["kode"].tolist()
    nama = dict(zip(daftar["kode"], daftar["nama"]))
    bawaan = ctx.daerah if ctx is not None and ctx.daerah in nama else (kode[0] if kode else None)
    kiri, kanan = st.columns([3, 1])
    daerah = kiri.selectbox("Daerah pemilik berkas SIPD-RI", kode, index=kode.index(bawaan) if bawaan else 0,
                            format_func=lambda k: f"{k} · {nama.get(k, k)}", key="sipd_daerah",
                            disabled=akun.peran == "operator")
    tahun = kanan.number_input("Tahun anggaran", min_value=2000, max_value=2100, step=1, key="sipd_tahun",
                               value=int(ctx.tahun) if ctx is not None else date.today().year)
    return daerah, int(tahun)


def unggah() -> list:
    berkas = st.file_uploader(
        "Berkas SIPD-RI", type=TIPE, accept_multiple_files=True, key="sipd_berkas",
        help="Beberapa JSON sekaligus: Renja lampiran per SKPD (wajib), daftar pagu sub kegiatan dan daftar SKPD "
             "(bila ada); atau satu rekap .xlsx dari menu analisis dan rekap.")
    if not berkas:
        st.session_state.pop("sipd_periksa", None)
        st.stop()
    return berkas


def _sidik(berkas, daerah: str, tahun: int) -> str:
    h = hashlib.sha256(f"{daerah}|{tahun}".encode())
    for b in sorted(berkas, key=lambda b: b.name):
        h.update(b.name.encode())
        h.update(b.getvalue())
    return h.hexdigest()


def _simpan(berkas, folder: str) -> tuple[list[Path], dict]:
    paths, nama = [], {}
    for i, b in enumerate(berkas):
        p = Path(folder) / f"{i:03d}-{Path(b.name).name}"
        p.write_bytes(b.getvalue())
        paths.append(p)
        nama[str(p)] = Path(b.name).name
    return paths, nama


def _nama_berkas(berkas) -> str:
    nama = ", ".join(Path(b.name).name for b in berkas[:3])
    return f"SIPD-RI: {nama}" + (f" (+{len(berkas) - 3} berkas)" if len(berkas) > 3 else "")


def tabel_masalah(masalah, kunci: str, judul: str, daerah: str, tahun: int) -> None:
    df = pd.DataFrame([m.sebagai_baris() for m in masalah], columns=list(KOLOM_MASALAH))
    df = df.reindex(columns=list(KOLOM_MASALAH)).rename(columns=KOLOM_MASALAH)
    for k in ("Baris", "Entri"):
        df[k] = pd.to_numeric(df[k], errors="coerce").astype("Int64")
    tabel(df, kunci=kunci, nama_berkas=f"{judul}-sipd-{daerah}-{tahun}", judul=f"{judul.capitalize()} impor SIPD-RI",
          keterangan={"Daerah": daerah, "Tahun": str(tahun)},
          column_config={"Pesan": st.column_config.TextColumn("Pesan", width="large")})


def tampilkan_selesai(sidik: str, akun: Pengguna) -> None:
    selesai = st.session_state.get("sipd_selesai")
    if not selesai or selesai["sidik"] != sidik:
        return
    st.success(f"Impor #{selesai['impor_id']} berhasil: {selesai['teks']}", icon=":material/check_circle:")
    st.caption(f"Oleh {aman.md(selesai['oleh'])}. Basis data dicadangkan sebelum impor.")
    if akun.boleh("batal_impor"):
        st.page_link("pages/8_Pengaturan.py", label=f"Membatalkan impor #{selesai['impor_id']}: halaman Pengaturan",
                     icon=":material/undo:")
    else:
        st.caption(f"Bila impor ini keliru, minta administrator membatalkan **impor #{selesai['impor_id']}** di "
                   "halaman Pengaturan; anggaran sebelumnya dikembalikan dari riwayat.")
    st.stop()


def periksa(berkas, daerah: str, tahun: int, bd, akun: Pengguna) -> dict:
    """Baca dan periksa sekali per sidik: ``{"sidik", "gagal": ImporGagal|None, "hasil": HasilSipd|None}``."""
    sidik = _sidik(berkas, daerah, tahun)
    ada = st.session_state.get("sipd_periksa")
    if ada and ada["sidik"] == sidik:
        return ada
    with st.status(f"Memeriksa {len(berkas)} berkas SIPD-RI…", expanded=False) as status:
        with tempfile.TemporaryDirectory(prefix="pantau-sipd-") as folder:
            paths, nama = _simpan(berkas, folder)
            try:
                hasil = siapkan_sipd(bd, paths, daerah=daerah, tahun=tahun, pengguna=akun, nama_berkas=nama)
            except TidakBerizin as e:
                st.error(aman.md(e), icon=":material/block:")
                st.stop()
            except ImporGagal as e:
                keadaan = {"sidik": sidik, "gagal": e, "hasil": None}
                status.update(label=f"Ditolak: {len(e.masalah)} kesalahan", state="error")
            else:
                keadaan = {"sidik": sidik, "gagal": None, "hasil": hasil}
                status.update(label="Lolos pemeriksaan", state="complete")
    st.session_state["sipd_periksa"] = keadaan
    return keadaan


def tampilkan_ditolak(keadaan: dict, daerah: str, tahun: int) -> None:
    e = keadaan["gagal"]
    if e is None:
        return
    pertama = "".join(f"\n\n{aman.md(m)}" for m in e.masalah[:3])
    st.error(f"**Berkas ditolak: {len(e.masalah)} kesalahan. Tidak ada data yang ditulis.**" + pertama,
             icon=":material/error:")
    tabel_masalah(e.masalah + e.peringatan, "sipd_kesalahan", "kesalahan", daerah, tahun)
    st.stop()


def tampilkan_ringkasan(keadaan: dict, daerah: str, tahun: int) -> None:
    """Ringkasan untuk dicocokkan dengan SIPD: berkas, unit, SKPD, sub kegiatan, pagu per SKPD (dan banding daftar
    SKPD), yang dilewati, program yang targetnya tidak dipasangkan, dan yang akan diganti di basis data."""
    h = keadaan["hasil"]
    r = h.ringkasan
    st.subheader("Ringkasan untuk dicocokkan dengan SIPD-RI")
    k = st.columns(5)
    k[0].metric("Berkas", len(r.berkas))
    k[1].metric("SKPD", r.jumlah_skpd)
    k[2].metric("Unit", r.jumlah_unit)
    k[3].metric("Sub kegiatan", r.jumlah_baris, help="Baris anggaran: satu per unit × kode sub kegiatan "
                f"({r.jumlah_sub_kegiatan} kode berbeda)")
    k[4].metric("Pagu seluruhnya", rupiah_ringkas(float(r.pagu_total)), help=rupiah(float(r.pagu_total)))
    st.caption(f"Pagu seluruhnya {rupiah(float(r.pagu_total))}: jumlah pagu setiap baris (unit × sub kegiatan), "
               "bukan kolom total yang diulang SIPD di setiap baris.")
    skpd = pd.DataFrame({
        "Kode SKPD": [p.kode for p in r.pagu_skpd],
        "SKPD": [p.nama or "–" for p in r.pagu_skpd],
        "Sub kegiatan": [p.jumlah_sub_kegiatan for p in r.pagu_skpd],
        "Pagu (Rp)": [float(p.pagu) for p in r.pagu_skpd],
        "Pagu daftar SKPD (Rp)": [None if p.pagu_daftar is None else float(p.pagu_daftar) for p in r.pagu_skpd],
        "Banding": [p.status or "daftar SKPD tidak diunggah" for p in r.pagu_skpd],
    })
    tabel(skpd, kunci="sipd_skpd", nama_berkas=f"pagu-skpd-sipd-{daerah}-{tahun}",
          judul=f"Pagu per SKPD, SIPD-RI {daerah} {tahun}", keterangan={"Daerah": daerah, "Tahun": str(tahun)},
          desimal={"Pagu (Rp)": 0, "Pagu daftar SKPD (Rp)": 0},
          column_config={"SKPD": st.column_config.TextColumn("SKPD", width="large")})
    catatan = [t for t in r.teks()[3:] if not t.startswith("  ")]
    if catatan:
        st.markdown("\n".join(f"- {aman.md(t)}" for t in catatan))
    tak = program_tak_berpasangan(h)
    if tak:
        with st.expander(f"{len(tak)} program yang targetnya tidak dipasangkan (beberapa indikator)"):
            st.caption("SIPD-RI mengurutkan nama indikator dan setiap kolom target masing-masing, jadi target "
                       "program berindikator lebih dari satu tidak dapat dipasangkan dengan aman dan tidak disimpan.")
            st.dataframe(pd.DataFrame(tak).rename(columns={"program_kode": "Kode program", "program_nama": "Program",
                                                           "unit": "Unit", "indikator": "Indikator per unit"}),
                         hide_index=True, width="stretch", key="sipd_program")
    if h.peringatan:
        with st.expander(f"{len(h.peringatan)} peringatan (tidak menghalangi impor)", icon=":material/warning:"):
            tabel_masalah(h.peringatan, "sipd_peringatan", "peringatan", daerah, tahun)
    with st.expander("Contoh baris anggaran yang akan disimpan"):
        contoh = h.tabel().head(200)
        st.dataframe(contoh.rename(columns={
            "perangkat_daerah_kode": "Kode unit", "perangkat_daerah": "Unit", "sub_kegiatan_kode": "Kode",
            "sub_kegiatan_nama": "Sub kegiatan", "pagu": "Pagu (Rp)", "indikator_keluaran": "Indikator keluaran",
            "target_keluaran": "Target", "target_keluaran_teks": "Target (teks)", "satuan_keluaran": "Satuan"}).drop(
            columns=["daerah_kode", "tahun", "perangkat_daerah_induk_kode", "sumber"]),
            hide_index=True, width="stretch", key="sipd_contoh", placeholder="–")
    lama = data.baris(data.tanya("anggaran_sipd_tersimpan", daerah=daerah, tahun=tahun))
    if lama.get("jumlah_baris"):
        st.warning(f"Sudah tersimpan anggaran SIPD-RI {daerah} {tahun}: {lama['jumlah_baris']} baris, "
                   f"{lama['jumlah_unit']} unit, pagu {rupiah(lama['pagu'])} (impor #{lama['impor_terakhir']}). "
                   "Impor ini menggantinya seluruhnya: baris yang tidak ada di berkas ini dihapus (tercatat di "
                   "riwayat dan dapat dibatalkan).", icon=":material/sync:")


def konfirmasi(berkas, daerah: str, tahun: int, bd, akun: Pengguna) -> None:
    """Berkas dibaca dan diperiksa ulang, basis data dicadangkan, lalu ditulis dalam satu transaksi."""
    if not st.button("Impor sekarang", type="primary", key="sipd_konfirmasi", icon=":material/upload:"):
        return
    sidik = _sidik(berkas, daerah, tahun)
    with st.status("Mengimpor…", expanded=True) as status:
        st.write("Mencadangkan basis data…")
        with tempfile.TemporaryDirectory(prefix="pantau-sipd-") as folder:
            paths, nama = _simpan(berkas, folder)
            try:
                hasil = siapkan_sipd(bd, paths, daerah=daerah, tahun=tahun, pengguna=akun, nama_berkas=nama)
                h = tulis_hasil_sipd(bd, hasil, berkas=_nama_berkas(berkas), sha256=sidik, pengguna=akun,
                                     cadangan=True)
            except TidakBerizin as e:
                status.update(label="Impor ditolak", state="error")
                st.error(aman.md(e), icon=":material/block:")
                st.stop()
            except ImporGagal as e:
                st.session_state["sipd_periksa"] = {"sidik": sidik, "gagal": e, "hasil": None}
                status.update(label="Impor ditolak", state="error")
                st.rerun()
        status.update(label=f"Impor #{h.ringkasan.impor_id} selesai", state="complete")
    st.session_state["sipd_selesai"] = {"sidik": sidik, "impor_id": h.ringkasan.impor_id,
                                        "teks": h.ringkasan.teks(), "oleh": akun.nama_pengguna}
    st.session_state.pop("sipd_periksa", None)
    data.segarkan()
    st.rerun()


def alur(ctx: Konteks | None, bd, akun: Pengguna) -> None:
    """Seluruh alur mode SIPD-RI (dipanggil halaman Impor)."""
    daerah, tahun = pilih_daerah_tahun(ctx, akun)
    berkas = unggah()
    tampilkan_selesai(_sidik(berkas, daerah, tahun), akun)
    keadaan = periksa(berkas, daerah, tahun, bd, akun)
    tampilkan_ditolak(keadaan, daerah, tahun)
    tampilkan_ringkasan(keadaan, daerah, tahun)
    konfirmasi(berkas, daerah, tahun, bd, akun)
