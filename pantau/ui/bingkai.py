"""Bingkai yang dipakai setiap halaman (docs/PRAKTIK.md, "Halaman dan bingkai").

Setiap skrip halaman memanggil ``mulai_halaman`` sebagai hal pertama: konfigurasi halaman, gaya,
navigasi berbahasa Indonesia, pilihan daerah (provinsi dulu, lalu kabupaten/kota), periode RPJMD
dan tahun. Pilihan itu tersimpan di URL (``?provinsi=65&daerah=65.01&periode=1&tahun=2024``) sehingga
setiap tampilan dapat dibagikan sebagai tautan, dan tetap terbawa ketika berpindah halaman.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import RUMUS_NEGATIF, format_waktu, kosong, label_triwulan
from pantau.aturan.izin import Pengguna
from pantau.ui import data, masuk, url

#: (skrip, label, ikon) — urutan navigasi.
HALAMAN = [
    ("dashboard.py", "Ringkasan", ":material/dashboard:"),
    ("pages/1_Indikator.py", "Indikator", ":material/monitoring:"),
    ("pages/2_Daerah.py", "Daerah", ":material/map:"),
    ("pages/3_Impor.py", "Impor", ":material/upload_file:"),
    ("pages/4_Kualitas_Data.py", "Kualitas data", ":material/fact_check:"),
    ("pages/5_Desk_Urusan.py", "Desk Urusan", ":material/groups:"),
    ("pages/9_Usulan.py", "Usulan", ":material/inbox:"),
    ("pages/6_Laporan.py", "Laporan", ":material/description:"),
    ("pages/7_Riwayat.py", "Riwayat", ":material/history:"),
    ("pages/8_Pengaturan.py", "Pengaturan", ":material/settings:"),
]

_CSS = """
<style>
.block-container {padding-top: 2.3rem; padding-bottom: 1.5rem; max-width: 100%;}
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"] {display: none;}
[data-testid="stSidebarHeader"] {padding-bottom: 0;}
[data-testid="stHeader"] {height: 2.2rem; background: transparent;}
[data-testid="stMetricValue"] {font-size: 2.0rem;}
h1 {font-size: 1.9rem !important; padding-top: 0 !important;}
h3 {font-size: 1.25rem !important; padding-bottom: 0.2rem !important;}
[data-testid="stMain"] a[data-testid="stPageLink-NavLink"] {height: auto; align-items: flex-start;
    padding-top: 0.1rem; padding-bottom: 0.1rem;}
[data-testid="stMain"] a[data-testid="stPageLink-NavLink"] p {line-height: 1.35;}
[data-testid="stMain"] a[data-testid="stPageLink-NavLink"] * {white-space: normal !important;
    overflow: visible !important; text-overflow: clip !important;}
.pantau-kecil {font-size: 0.85rem; color: var(--st-gray-color, #666);}
.pantau-akun {line-height: 1.35; margin-bottom: 0.3rem;}
</style>
"""


@dataclass(frozen=True)
class Konteks:
    provinsi: str
    provinsi_nama: str
    daerah: str
    daerah_nama: str
    jenis: str
    periode_id: int
    tahun_awal: int
    tahun_akhir: int
    tahun: int
    rumus_negatif: str
    #: triwulan terakhir yang dilaporkan tahun itu (4 = setahun penuh, None = belum ada realisasi)
    triwulan_data: int | None = None

    @property
    def is_provinsi(self) -> bool:
        return self.jenis == "provinsi"

    @property
    def tahun_belum_lengkap(self) -> bool:
        """Tahun berjalan: realisasi baru sampai TW I-III (capaian dibanding target yang sebanding)."""
        return self.triwulan_data is not None and self.triwulan_data < 4

    @property
    def label_tahun(self) -> str:
        """'2025', atau '2026 s.d. Triwulan III' untuk tahun yang belum lengkap."""
        if self.tahun_belum_lengkap:
            return f"{self.tahun} s.d. {label_triwulan(self.triwulan_data)}"
        return str(self.tahun)

    @property
    def periode_label(self) -> str:
        return f"{self.tahun_awal}–{self.tahun_akhir}"

    def params(self) -> dict[str, str]:
        """Parameter URL tampilan ini, untuk tautan ke halaman lain."""
        return {"provinsi": self.provinsi, "daerah": self.daerah, "periode": str(self.periode_id),
                "tahun": str(self.tahun)}


def _nama_daerah(nama: str, jenis: str) -> str:
    return f"Provinsi {nama}" if jenis == "provinsi" else nama


def _filter() -> Konteks | None:
    prov = data.tanya("daftar_provinsi")
    if prov.empty:
        return None
    nama_prov = dict(zip(prov["kode"], prov["nama"]))
    kode_prov = list(prov["kode"])
    provinsi = st.selectbox("Provinsi", kode_prov, index=url.indeks_awal("provinsi", kode_prov, kode_prov[0]),
                            key="provinsi", format_func=nama_prov.get,
                            persist_state="session", placeholder="Pilih…")

    dae = data.tanya("daerah_dalam_provinsi", provinsi=provinsi)
    label = {k: _nama_daerah(n, j) for k, n, j in zip(dae["kode"], dae["nama"], dae["jenis"])}
    jenis = dict(zip(dae["kode"], dae["jenis"]))
    kode_dae = list(dae["kode"])
    daerah = st.selectbox("Daerah", kode_dae,
                          index=url.indeks_awal("daerah", kode_dae, provinsi if provinsi in label else kode_dae[0]),
                          key="daerah", format_func=label.get, persist_state="session", placeholder="Pilih…",
                          help="Provinsi itu sendiri, atau salah satu kabupaten/kotanya")

    per = data.tanya("periode_daerah", daerah=daerah)
    per_label = {int(i): f"RPJMD {a}–{b}" for i, a, b in zip(per["id"], per["tahun_awal"], per["tahun_akhir"])}
    periode_id = st.selectbox("Periode", list(per_label),
                              index=url.indeks_awal("periode", list(per_label), int(per["id"].iloc[0]), ubah=int),
                              key="periode", format_func=per_label.get,
                              persist_state="session", placeholder="Pilih…")
    baris = per[per["id"] == periode_id].iloc[0]

    th = data.tanya("tahun_periode", periode_id=periode_id)
    # Bawaan: tahun terakhir yang cukup lengkap (>= separuh jumlah indikator berealisasi tahun terlengkap),
    # bukan tahun berjalan yang baru berisi beberapa angka triwulan.
    ada = th[(th["jumlah_berealisasi"] > 0)
             & (th["jumlah_berealisasi"] >= th["jumlah_berealisasi"].max() / 2)]["tahun"]
    tahun_label = {int(t): (f"{t} · belum ada realisasi" if n == 0 else
                            f"{t} · s.d. {label_triwulan(k)}" if not kosong(k) and k < 4 else str(t))
                   for t, n, k in zip(th["tahun"], th["jumlah_berealisasi"], th["triwulan_data"])}
    triwulan_data = dict(zip(th["tahun"].astype(int), th["triwulan_data"]))
    bawaan_tahun = int(ada.iloc[-1]) if len(ada) else int(th["tahun"].iloc[0])
    tahun = st.selectbox("Tahun", list(tahun_label),
                         index=url.indeks_awal("tahun", list(tahun_label), bawaan_tahun, ubah=int),
                         key="tahun", format_func=tahun_label.get,
                         persist_state="session", placeholder="Pilih…")

    ctx = Konteks(
        provinsi=provinsi, provinsi_nama=nama_prov[provinsi], daerah=daerah,
        daerah_nama=label[daerah], jenis=jenis[daerah], periode_id=int(periode_id),
        tahun_awal=int(baris["tahun_awal"]), tahun_akhir=int(baris["tahun_akhir"]), tahun=int(tahun),
        rumus_negatif=data.versi()[2],
        triwulan_data=None if kosong(triwulan_data.get(int(tahun))) else int(triwulan_data[int(tahun)]),
    )
    st.query_params.update(ctx.params())
    return ctx


def _navigasi(ctx: Konteks | None) -> None:
    params = ctx.params() if ctx else None
    for skrip, label, ikon in HALAMAN:
        st.page_link(skrip, label=label, icon=ikon, query_params=params)


def _keterangan(ctx: Konteks) -> None:
    info = data.info_kesegaran()
    rumus = RUMUS_NEGATIF.get(ctx.rumus_negatif, ctx.rumus_negatif)
    impor = int(info["impor_terakhir"])
    segar = (f"Data terakhir diimpor {format_waktu(info['waktu_impor_terakhir'])} (impor #{impor})"
             if impor else "Belum ada data yang diimpor")
    st.markdown(
        f"<div class='pantau-kecil'>Capaian indikator negatif: <b>{aman.html(rumus)}</b><br>{aman.html(segar)}</div>",
        unsafe_allow_html=True,
    )


def pengguna() -> Pengguna | None:
    """Akun yang sedang masuk (sesudah ``mulai_halaman``), atau None."""
    return masuk.pengguna()


def _layar_masuk(judul: str) -> None:
    """Membaca memerlukan masuk dan belum ada yang masuk: hanya formulir, sebelum isi halaman apa pun."""
    with st.sidebar:
        st.markdown("## :material/monitoring: Pantau")
        st.markdown("<div class='pantau-kecil'>Masuk untuk membuka dasbor.</div>", unsafe_allow_html=True)
        masuk.kuki_sesi()  # sesudah Keluar: kuki sesi peramban dihapus juga di layar masuk
    kiri, _ = st.columns([1.1, 1.6])
    with kiri:
        st.title("Masuk ke Pantau")
        st.caption(f"Halaman *{judul}* memerlukan masuk. Pemantauan capaian indikator RPJMD daerah: akun dibuat "
                   "oleh administrator Bappeda.")
        masuk.formulir("utama")
        if not masuk.ada_akun():
            st.info("Basis data ini belum punya akun. Administrator server membuat akun admin pertama dengan "
                    "`python -m pantau pengguna tambah NAMA --peran admin --db …` (lihat README, bagian "
                    "*Akun, peran dan riwayat*).", icon=":material/person_add:")
    st.stop()


def mulai_halaman(judul: str, ikon: str = "📊", *, wajib_data: bool = True) -> Konteks | None:
    """Panggil pertama di setiap halaman: konfigurasi, pemeriksaan masuk, panel samping dan filter.

    Bila pengaturan ``baca_perlu_masuk`` = ``ya`` dan belum ada yang masuk, hanya formulir masuk yang tampil
    (tautan dalam ke halaman mana pun juga). Bila basis data belum berisi indikator RPJMD, halaman dihentikan
    dengan penjelasan, kecuali ``wajib_data=False`` (halaman Impor: justru dipakai untuk mengisi data);
    halaman itu lalu menerima ``None``."""
    st.set_page_config(
        page_title=f"{judul} · Pantau", page_icon=ikon, layout="wide", initial_sidebar_state="expanded",
        menu_items={"About": "Pantau — pemantauan capaian indikator RPJMD daerah."},
    )
    st.markdown(_CSS, unsafe_allow_html=True)
    data.basis_data()
    akun = masuk.pengguna()
    if akun is None and masuk.baca_perlu_masuk():
        _layar_masuk(judul)
    with st.sidebar:
        st.markdown("## :material/monitoring: Pantau")
        masuk.panel_samping(akun)
        nav = st.container()
        ctx = _filter()
        with nav:
            _navigasi(ctx)
        st.divider()
        if ctx is None:
            st.markdown("<div class='pantau-kecil'>Belum ada data RPJMD.</div>", unsafe_allow_html=True)
        else:
            _keterangan(ctx)
    if ctx is None and wajib_data:
        st.title(judul)
        st.info("Basis data ini belum berisi indikator RPJMD. Impor berkas daerah dengan "
                "`python -m pantau impor BERKAS --db …` (lihat README, bagian *Memuat data daerah sendiri*).")
        st.stop()
    return ctx
