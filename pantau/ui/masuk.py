"""Masuk dan sesi di dasbor: formulir masuk, akun yang sedang masuk, batas waktu sesi, keluar, dan masuk
lewat penyedia OpenID Connect (``st.login``) bila daerah mengaturnya di ``.streamlit/secrets.toml``.

Izin TIDAK diputuskan di sini: halaman memakai ``pantau.akun`` (satu tabel izin), dan fungsi yang menulis
memeriksanya lagi di tempat data ditulis.
"""
from __future__ import annotations

import time
from dataclasses import asdict

import streamlit as st

from pantau import akun
from pantau.ui import aman, data

KUNCI = "akun"            # session_state: dict Pengguna
KUNCI_AKTIF = "akun_aktif_terakhir"
MENIT_SESI_BAWAAN = 60


def baca_perlu_masuk() -> bool:
    return akun.baca_pengaturan(data.basis_data(), "baca_perlu_masuk", "ya") != "tidak"


def menit_sesi() -> int:
    nilai = akun.baca_pengaturan(data.basis_data(), "menit_sesi", str(MENIT_SESI_BAWAAN))
    try:
        return max(1, int(nilai))
    except (TypeError, ValueError):
        return MENIT_SESI_BAWAAN


def ada_akun() -> bool:
    cur = data.basis_data().cursor()
    try:
        return bool(cur.execute("SELECT count(*) FROM pengguna WHERE aktif").fetchone()[0])
    finally:
        cur.close()


def oidc_diatur() -> bool:
    """Apakah ``[auth]`` ada di secrets.toml. Tanpa itu tidak ada tombol OIDC dan tidak ada galat."""
    try:
        from streamlit.auth_util import get_secrets_auth_section

        return bool(get_secrets_auth_section())
    except Exception:  # noqa: BLE001 - berkas rahasia rusak/tiada: anggap tidak diatur
        return False


def _simpan(p: akun.Pengguna) -> None:
    st.session_state[KUNCI] = asdict(p)
    st.session_state[KUNCI_AKTIF] = time.time()


def keluar() -> None:
    st.session_state.pop(KUNCI, None)
    st.session_state.pop(KUNCI_AKTIF, None)
    st.session_state["akun_keluar"] = True


def pengguna() -> akun.Pengguna | None:
    """Akun yang sedang masuk di sesi ini, atau None. Menerapkan batas waktu sesi (menit tanpa aktivitas),
    membaca ulang akun (dinonaktifkan = keluar) dan memetakan surel OIDC ke akun Pantau."""
    simpanan = st.session_state.get(KUNCI)
    sekarang = time.time()
    if simpanan:
        terakhir = st.session_state.get(KUNCI_AKTIF, sekarang)
        if sekarang - terakhir > menit_sesi() * 60:
            keluar()
            st.session_state["akun_kedaluwarsa"] = True
            return None
        p = akun.masih_aktif(data.basis_data(), akun.Pengguna(**simpanan))
        if p is None:
            keluar()
            return None
        st.session_state[KUNCI_AKTIF] = sekarang
        return p
    if oidc_diatur() and not st.session_state.get("akun_keluar"):
        try:
            masuk_oidc = bool(st.user.is_logged_in)
        except Exception:  # noqa: BLE001
            masuk_oidc = False
        if masuk_oidc:
            bd = data.basis_data()
            with bd.kunci_tulis:
                p = akun.cari_surel(bd, st.user.get("email"))
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
        st.warning(f"Surel {aman.md(asing)} belum terdaftar sebagai pengguna Pantau. Minta administrator menambahkannya.",
                   icon=":material/person_off:")
    with st.form(f"masuk_{tempat}", clear_on_submit=True, border=tempat == "utama"):
        nama = st.text_input("Nama pengguna", key=f"masuk_nama_{tempat}", autocomplete="username")
        sandi = st.text_input("Sandi", type="password", key=f"masuk_sandi_{tempat}", autocomplete="current-password")
        kirim = st.form_submit_button("Masuk", type="primary", icon=":material/login:",
                                      width="stretch" if tempat == "samping" else "content")
    if kirim:
        bd = data.basis_data()
        try:
            with bd.kunci_tulis:
                p = akun.masuk(bd, nama, sandi)
        except akun.GagalMasuk as e:
            st.error(str(e), icon=":material/lock:")
        else:
            st.session_state.pop("akun_keluar", None)
            st.session_state.pop("akun_oidc_asing", None)
            _simpan(p)
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


def panel_samping(p: akun.Pengguna | None) -> None:
    """Di panel samping: nama dan peran akun yang masuk beserta tombol Keluar, atau kendali Masuk."""
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

