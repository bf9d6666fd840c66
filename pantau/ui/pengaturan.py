"""Halaman Pengaturan: formulir pengaturan (dari daftar ``pantau.aturan.pengaturan``), membatalkan impor, dan daftar
cadangan. Menulis lewat ``pantau.akun.pengaturan.ubah`` dan ``pantau.impor.batal.batalkan_impor`` (izin, transaksi
dan riwayat di sana)."""
from __future__ import annotations

import streamlit as st

from pantau.akun import pengaturan as akun_pengaturan
from pantau.aturan import aman
from pantau.aturan.format import format_waktu
from pantau.aturan.izin import Pengguna, TidakBerizin
from pantau.aturan.pengaturan import PENGATURAN, PengaturanTidakSah
from pantau.db import GALAT_TULIS, cadangan
from pantau.impor.batal import GagalBatal, batalkan_impor
from pantau.ui import data
from pantau.ui.komponen import kosong, pesan_sesudah_muat_ulang, tabel, tampilkan_pesan_tertunda

_BULAN_TW = ("I", "II", "III")


def _isian(kunci: str, tersimpan: dict[str, str], aktif: bool, **kw):
    """Satu isian dari daftar pengaturan: radio untuk pilihan, angka untuk bilangan/persen."""
    p = PENGATURAN[kunci]
    nilai = p.nilai(tersimpan.get(kunci))
    if p.jenis == "pilihan":
        kode = [n for n, _ in p.pilihan]
        return st.radio(p.label, kode, index=kode.index(nilai), horizontal=True, disabled=not aktif,
                        format_func=dict(p.pilihan).get, **kw)
    if p.jenis == "bilangan":
        return str(int(st.number_input(p.label, min_value=int(p.minimum), max_value=int(p.maksimum), value=nilai,
                                       step=5, disabled=not aktif, **kw)))
    x = st.number_input(p.label, min_value=float(p.minimum), max_value=float(p.maksimum), value=nilai, step=1.0,
                        format="%g", disabled=not aktif, **kw)
    return f"{x:g}"


def formulir_pengaturan(bd, akun: Pengguna) -> None:
    admin = akun.boleh("pengaturan")
    tersimpan = akun_pengaturan.baca_semua(bd)
    with st.form("pengaturan", border=True):
        k1, k2 = st.columns(2)
        with k1:
            baru = {
                "rumus_negatif": _isian("rumus_negatif", tersimpan, admin,
                                        help="Berlaku untuk semua halaman dan laporan sejak disimpan."),
                "baca_perlu_masuk": _isian("baca_perlu_masuk", tersimpan, admin,
                                           help="Menulis (impor, catatan, dukungan) selalu memerlukan masuk."),
                "menit_sesi": _isian("menit_sesi", tersimpan, admin),
            }
        with k2:
            st.markdown("**Kuadran kinerja vs anggaran** (Ringkasan dan Daerah)")
            baru["kuadran_batas_kinerja"] = _isian("kuadran_batas_kinerja", tersimpan, admin,
                                                   help="Bawaan 91: batas bawah predikat Sangat Tinggi.")
            baru["kuadran_batas_serapan"] = _isian("kuadran_batas_serapan", tersimpan, admin,
                                                   help="Untuk tahun yang anggarannya sudah dilaporkan setahun penuh.")
            p = PENGATURAN["kuadran_batas_serapan_triwulan"]
            st.markdown("Tahun berjalan: batas serapan kumulatif s.d. triwulan (belanja daerah menumpuk di akhir "
                        "tahun)")
            lama = p.nilai(tersimpan.get(p.kunci))
            kolom = st.columns(3)
            tw = [kolom[i].number_input(f"s.d. Triwulan {r} (%)", min_value=float(p.minimum),
                                        max_value=float(p.maksimum), value=lama[i], step=5.0, format="%g",
                                        disabled=not admin) for i, r in enumerate(_BULAN_TW)]
            baru[p.kunci] = ";".join(f"{x:g}" for x in tw)
        simpan = st.form_submit_button("Simpan pengaturan", type="primary", disabled=not admin,
                                       icon=":material/save:")
    if simpan and admin:
        try:
            berubah = akun_pengaturan.ubah(bd, pelaku=akun, nilai=baru)
        except (PengaturanTidakSah, TidakBerizin) as e:
            st.error(f"Tidak disimpan (tidak ada yang berubah): {aman.md(e)}", icon=":material/error:")
        except GALAT_TULIS as e:  # berkas rusak, disk penuh, hanya-baca (isu #17)
            st.error(f"Tidak disimpan. {data.gagal_tulis(e, 'Pengaturan')}", icon=":material/error:")
        else:
            if not berubah:
                st.info("Tidak ada yang berubah.", icon=":material/info:")
            else:
                data.segarkan()
                pesan_sesudah_muat_ulang("pengaturan", "Tersimpan: " + "; ".join(
                    f"{PENGATURAN[k].label}: {PENGATURAN[k].label_nilai(v)}" for k, v in berubah.items()))
    tampilkan_pesan_tertunda("pengaturan")


def bagian_batal_impor(bd, akun: Pengguna) -> None:
    st.caption("Pembatalan mengembalikan nilai lama yang tercatat di riwayat dan menghapus baris yang ditambah impor "
               "itu, dalam satu transaksi; pembatalannya sendiri tercatat sebagai impor baru. Ditolak bila impor "
               "sesudahnya mengubah data yang sama (batalkan yang lebih baru dulu).")
    imp = data.tanya("impor_terakhir", batas=50)
    if imp.empty:
        kosong("Belum ada impor di basis data ini.")
        return
    tampil = imp.assign(waktu=imp["waktu"].map(format_waktu))[["id", "berkas", "oleh", "waktu", "status",
                                                               "keterangan"]]
    tabel(tampil.rename(columns={"id": "Nomor", "berkas": "Berkas", "oleh": "Pengimpor", "waktu": "Waktu",
                                 "status": "Status", "keterangan": "Ringkasan"}),
          kunci="impor", nama_berkas="impor-terakhir", judul="Impor terakhir",
          keterangan={"Diunduh oleh": akun.nama_pengguna}, tinggi=min(420, 38 + 35 * len(tampil)))
    bisa = imp[imp["dapat_dibatalkan"]]
    if akun.boleh("batal_impor") and not bisa.empty:
        label = {r.id: f"#{r.id} · {r.berkas} · {r.oleh} · {format_waktu(r.waktu)}" for r in bisa.itertuples()}
        with st.form("batal"):
            nomor = st.selectbox("Impor yang dibatalkan", list(label), format_func=label.get)
            yakin = st.checkbox("Saya paham: angka dari impor ini dikembalikan ke nilai sebelumnya")
            batal = st.form_submit_button("Batalkan impor", icon=":material/undo:")
        if batal and not yakin:
            st.warning("Centang pernyataan di atas dulu.", icon=":material/warning:")
        elif batal:
            try:
                hasil = batalkan_impor(bd, int(nomor), pengguna=akun)
            except (GagalBatal, TidakBerizin) as e:
                st.error(f"Pembatalan ditolak, tidak ada yang berubah: {aman.md(e)}", icon=":material/error:")
            else:
                data.segarkan()
                # muat ulang agar tabel di atas langsung menyebut impor itu dibatalkan
                pesan_sesudah_muat_ulang("batal",
                                         f"Impor #{nomor} dibatalkan (impor #{hasil.impor_id}): {hasil.teks()}")
    tampilkan_pesan_tertunda("batal")


def bagian_cadangan() -> None:
    daftar = cadangan.daftar(data.path_db())
    if not daftar:
        kosong("Belum ada cadangan. Pantau membuat cadangan otomatis sebelum setiap impor.")
        return
    st.markdown(f"{len(daftar)} cadangan, terbaru {format_waktu(daftar[0].waktu)}. Memulihkan cadangan mengganti "
                "berkas basis data, jadi dilakukan di server saat dasbor dihentikan:")
    st.code(f"python -m pantau pulihkan --db {data.path_db()} --cadangan {daftar[0].nama}", language="bash")
    st.dataframe([{"Nama": c.nama, "Waktu": format_waktu(c.waktu), "Alasan": c.keterangan} for c in daftar[:20]],
                 hide_index=True, width="stretch", placeholder="–")
