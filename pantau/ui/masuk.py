"""Masuk dan sesi di dasbor: formulir masuk, akun yang sedang masuk, batas waktu sesi, keluar, dan masuk
lewat penyedia OpenID Connect (``st.login``) bila daerah mengaturnya di ``.streamlit/secrets.toml``.

Izin TIDAK diputuskan di sini: halaman memakai ``pantau.akun`` (satu tabel izin), dan fungsi yang menulis
memeriksanya lagi di tempat data ditulis.

Setiap masuk adalah satu baris ``sesi`` di basis data (keputusan #22). Tab yang masuk memegang id-nya di
``st.session_state``; peramban memegang kuki HttpOnly (``pantau.ui.sesi``) sehingga muat ulang, tab baru dan tautan
yang dibagikan tetap masuk selama sesi itu berlaku. Keluar, akun dinonaktifkan, sandi diganti atau
``menit_sesi`` tanpa aktivitas mengakhiri sesi itu di semua tab.
"""
from __future__ import annotations

import time
from dataclasses import asdict

import streamlit as st

from pantau import akun
from pantau.akun import kelola, pengaturan
from pantau.aturan import aman
from pantau.db import GALAT_TULIS
from pantau.ui import data, sesi

KUNCI = "akun"            # session_state: dict Pengguna
KUNCI_AKTIF = "akun_aktif_terakhir"
KUNCI_SESI = "akun_sesi_id"  # session_state: id baris sesi


def baca_perlu_masuk() -> bool:
    return pengaturan.baca(data.basis_data(), "baca_perlu_masuk") != "tidak"


def menit_sesi() -> int:
    return pengaturan.baca(data.basis_data(), "menit_sesi")


def ada_akun() -> bool:
    return kelola.ada_akun_aktif(data.basis_data())


def oidc_diatur() -> bool:
    """Apakah ``[auth]`` ada di secrets.toml. Tanpa itu tidak ada tombol OIDC dan tidak ada galat."""
    try:
        # Modul dalam Streamlit, bukan API publik: bila berubah, OIDC dianggap tidak diatur, halaman tidak gagal.
        from streamlit.auth_util import get_secrets_auth_section

        return bool(get_secrets_auth_section())
    except Exception:  # noqa: BLE001 - berkas rahasia rusak/tiada: anggap tidak diatur
        return False


def _simpan(p: akun.Pengguna, sesi_id: int | None = None) -> None:
    st.session_state[KUNCI] = asdict(p)
    st.session_state[KUNCI_AKTIF] = time.time()
    st.session_state[KUNCI_SESI] = sesi_id


def keluar(karena: str = "keluar") -> None:
    """Akhiri sesi tab ini: baris sesinya dicabut (juga untuk tab lain dan kuki peramban) dan, bila jalur sesi
    terpasang, halaman berikutnya meminta server menghapus kukinya."""
    sesi_id = st.session_state.pop(KUNCI_SESI, None)
    if sesi_id is not None:
        akun.cabut_sesi(data.basis_data(), sesi_id=sesi_id, karena=karena)
    st.session_state.pop(KUNCI, None)
    st.session_state.pop(KUNCI_AKTIF, None)
    st.session_state.pop("sesi_kode", None)
    st.session_state["akun_keluar"] = True
    if sesi.aktif():
        st.session_state["sesi_hapus_kuki"] = True


def _lepas() -> None:
    """Sesi tab ini sudah tidak berlaku di basis data (dicabut di tab lain, akun dinonaktifkan, kedaluwarsa)."""
    for k in (KUNCI, KUNCI_AKTIF, KUNCI_SESI, "sesi_kode"):
        st.session_state.pop(k, None)


def _dari_kuki() -> akun.Pengguna | None:
    """Muat ulang, tab baru atau tautan yang dibagikan: sesi dari kuki HttpOnly peramban, diperiksa sekali per nilai
    kuki per sesi Streamlit (kuki yang ditolak tidak diperiksa ulang pada setiap klik)."""
    nilai = sesi.kuki()
    if not nilai or st.session_state.get("sesi_kuki_ditolak") == nilai:
        return None
    kunci = sesi.rahasia()
    if kunci is None:
        return None
    bd = data.basis_data()
    hasil = akun.sesi_dari_kuki(bd, kunci, nilai, menit_sesi=menit_sesi())
    if hasil.pengguna is None:
        st.session_state["sesi_kuki_ditolak"] = nilai
        if hasil.alasan == "kedaluwarsa":
            st.session_state["akun_kedaluwarsa"] = True
        return None
    _simpan(hasil.pengguna, hasil.sesi_id)
    return hasil.pengguna


def pengguna() -> akun.Pengguna | None:
    """Akun yang sedang masuk di sesi ini, atau None. Menerapkan batas waktu sesi (menit tanpa aktivitas),
    membaca ulang akun dan sesinya (dinonaktifkan, sandi diganti, keluar di tab lain = keluar), memulihkan sesi
    dari kuki peramban dan memetakan surel OIDC ke akun Pantau."""
    simpanan = st.session_state.get(KUNCI)
    sekarang = time.time()
    if simpanan:
        terakhir = st.session_state.get(KUNCI_AKTIF, sekarang)
        if sekarang - terakhir > menit_sesi() * 60:
            keluar("tanpa aktivitas")
            st.session_state["akun_kedaluwarsa"] = True
            return None
        sesi_id = st.session_state.get(KUNCI_SESI)
        if sesi_id is not None:
            hasil = akun.periksa_sesi(data.basis_data(), sesi_id, menit_sesi=menit_sesi())
            if hasil.pengguna is None:
                _lepas()
                if hasil.alasan == "kedaluwarsa":
                    st.session_state["akun_kedaluwarsa"] = True
                return None
        p = akun.masih_aktif(data.basis_data(), akun.Pengguna(**simpanan))
        if p is None:
            keluar("akun dinonaktifkan")
            return None
        st.session_state[KUNCI_AKTIF] = sekarang
        return p
    p = _dari_kuki() if not st.session_state.get("akun_keluar") else None
    if p is not None:
        return p
    if oidc_diatur() and not st.session_state.get("akun_keluar"):
        try:
            masuk_oidc = bool(st.user.is_logged_in)
        except Exception:  # noqa: BLE001
            masuk_oidc = False
        if masuk_oidc:
            p = akun.cari_surel(data.basis_data(), st.user.get("email"))
            if p is not None:
                _simpan(p)
                return p
            st.session_state["akun_oidc_asing"] = st.user.get("email") or "(tanpa surel)"
    return None


def formulir(tempat: str) -> None:
    """Formulir masuk (nama pengguna + sandi), dan tombol penyedia OIDC bila diatur."""
    if st.session_state.pop("akun_kedaluwarsa", False):
        st.info(f"Sesi berakhir karena tidak ada aktivitas selama {menit_sesi()} menit. Silakan masuk lagi.",
                icon=":material/schedule:")
    asing = st.session_state.get("akun_oidc_asing")
    if asing:
        st.warning(f"Surel {aman.md(asing)} belum terdaftar sebagai pengguna Pantau. "
                   "Minta administrator menambahkannya.",
                   icon=":material/person_off:")
    with st.form(f"masuk_{tempat}", clear_on_submit=True, border=tempat == "utama"):
        nama = st.text_input("Nama pengguna", key=f"masuk_nama_{tempat}", autocomplete="username")
        sandi = st.text_input("Sandi", type="password", key=f"masuk_sandi_{tempat}", autocomplete="current-password")
        kirim = st.form_submit_button("Masuk", type="primary", icon=":material/login:",
                                      width="stretch" if tempat == "samping" else "content")
    if kirim:
        bd = data.basis_data()
        try:
            p = akun.masuk(bd, nama, sandi)
            sesi_id, kode = akun.buat_kode_sesi(bd, p)
        except akun.GagalMasuk as e:
            st.error(str(e), icon=":material/lock:")
        except GALAT_TULIS as e:  # masuk menulis (hitungan gagal, sesi): berkas rusak, disk penuh (isu #17)
            st.error(f"Tidak dapat masuk sekarang. {data.gagal_tulis(e, 'Masuk')}", icon=":material/error:")
        else:
            st.session_state.pop("akun_keluar", None)
            st.session_state.pop("akun_oidc_asing", None)
            st.session_state.pop("sesi_hapus_kuki", None)
            _simpan(p, sesi_id)
            if sesi.aktif():
                st.session_state["sesi_kode"] = kode  # ditukar peramban menjadi kuki di halaman berikutnya
            st.rerun()
    if oidc_diatur():
        st.button("Masuk dengan akun instansi", key=f"masuk_oidc_{tempat}", on_click=_mulai_oidc,
                  icon=":material/badge:", width="stretch" if tempat == "samping" else "content")


def _mulai_oidc() -> None:
    st.session_state.pop("akun_keluar", None)
    st.session_state.pop("akun_oidc_asing", None)
    st.login()


def _keluar_klik() -> None:
    keluar()
    if oidc_diatur():
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:  # noqa: BLE001
            pass


def kuki_sesi() -> None:
    """Sekali sesudah masuk/keluar: peramban memasang atau menghapus kuki sesi lewat jalur HTTP server."""
    kode = st.session_state.pop("sesi_kode", None)
    if kode and KUNCI in st.session_state:
        sesi.pasang_kuki(kode)
    elif st.session_state.pop("sesi_hapus_kuki", False):
        sesi.hapus_kuki()


def panel_samping(p: akun.Pengguna | None) -> None:
    """Di panel samping: nama dan peran akun yang masuk beserta tombol Keluar, atau kendali Masuk."""
    kuki_sesi()
    if p is not None:
        st.markdown(f"<div class='pantau-akun'><b data-testid='akun-nama'>{aman.html(p.nama_lengkap)}</b><br>"
                    f"<span class='pantau-kecil' data-testid='akun-peran'>{aman.html(p.label_peran)} · "
                    f"{aman.html(p.nama_pengguna)}</span></div>", unsafe_allow_html=True)
        st.button("Keluar", key="keluar", on_click=_keluar_klik, icon=":material/logout:", type="tertiary")
    else:
        with st.expander("Masuk", icon=":material/login:", expanded=False):
            st.caption("Masuk diperlukan untuk mengubah data.")
            formulir("samping")


def wajib_masuk(alasan: str) -> akun.Pengguna:
    """Akun yang masuk; bila belum ada, jelaskan ``alasan``, tampilkan formulir dan hentikan halaman."""
    p = pengguna()
    if p is None:
        minta_masuk(alasan)
        st.stop()
    return p


def minta_masuk(alasan: str) -> None:
    """Di isi halaman: jelaskan bahwa menulis memerlukan masuk dan tampilkan formulir."""
    st.info(alasan, icon=":material/lock:")
    formulir("utama")

