"""Halaman Usulan (desk provinsi, keputusan #20): usulan setiap kabupaten/kota untuk RKPD satu tahun, keselarasannya
dengan prioritas provinsi, keputusan yang dicatat di rapat, dan rekapitulasi untuk berita acara.

Angka dari ``queries/usulan_*.sql`` lewat ``data.tanya``; keputusan ditulis lewat ``pantau.desk.usulan``
(izin ``keputusan_usulan``, satu transaksi, riwayat, versi yang tidak pernah menimpa)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.format import format_angka, format_waktu, kosong
from pantau.aturan.izin import TidakBerizin
from pantau.aturan.usulan import DIALIHKAN_KE, KEPUTUSAN, KOLOM_MENGAPA, STATUS, label_keputusan, label_status, mengapa
from pantau.desk.usulan import KeputusanTidakSah, keputusan_terkini, simpan_keputusan
from pantau.keluaran import grafik as g
from pantau.keluaran.laporan.excel import excel_bytes
from pantau.keluaran.laporan.pdf import pdf_bytes
from pantau.keluaran.laporan.usulan import susun_rekap_usulan
from pantau.ui import data, masuk, url
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import gambar, grafik, pesan_sesudah_muat_ulang, tabel, tampilkan_pesan_tertunda
from pantau.ui.komponen import kosong as info_kosong

#: saringan daftar usulan, berurutan; di URL sebagai ``u_<nama>``
SARINGAN = ("daerah", "urusan", "prioritas", "status", "keputusan")
#: kunci URL halaman ini (tahun, usulan terpilih, saringan daftar)
KUNCI_URL_USULAN = ("tahun_usulan", "usulan", *(f"u_{k}" for k in SARINGAN))

#: kolom jumlah keputusan di queries/usulan_per_daerah.sql
KOLOM_KEPUTUSAN = {"belum_dibahas": None, "diterima": "diterima", "diterima_catatan": "diterima_catatan",
                   "dialihkan": "dialihkan", "ditunda": "ditunda", "ditolak": "ditolak"}


@dataclass
class Usulan:
    ctx: Konteks
    tahun: int
    per_daerah: pd.DataFrame
    daftar: pd.DataFrame


def rupiah(x) -> str:
    """Rupiah ringkas untuk layar: 1,25 M / 750 jt / Rp 0."""
    if kosong(x) or not x:
        return "Rp 0"
    if x >= 1e12:
        return f"Rp {format_angka(x / 1e12, 2)} T"
    if x >= 1e9:
        return f"Rp {format_angka(x / 1e9, 2)} M"
    return f"Rp {format_angka(x / 1e6, 0)} jt"


def siapkan(ctx: Konteks) -> Usulan | None:
    """Tahun RKPD usulan (di URL ``tahun_usulan``; bawaan tahun tampilan bila ada usulannya, selain itu yang
    terakhir) dan data halaman. None bila provinsi ini belum punya usulan."""
    th = data.tanya("usulan_tahun", provinsi=ctx.provinsi)
    st.title(f"Usulan kabupaten/kota · Provinsi {ctx.provinsi_nama}")
    if th.empty:
        info_kosong(f"Belum ada usulan kabupaten/kota kepada Provinsi {ctx.provinsi_nama}. Usulan diimpor lewat "
                    "halaman Impor (lembar `usulan`, lihat templat).")
        for k in KUNCI_URL_USULAN:  # pilihan dari provinsi lain tidak tertinggal di URL
            url.tulis(k, "")
        return None
    pilihan = [int(t) for t in th["tahun"]]
    bawaan = ctx.tahun if ctx.tahun in pilihan else pilihan[-1]
    tahun = st.selectbox("Tahun RKPD", pilihan, index=url.indeks_awal("tahun_usulan", pilihan, bawaan, ubah=int),
                         key="tahun_usulan", help="Tahun RKPD yang diusulkan (Rakortekrenbang tahun sebelumnya)")
    url.tulis("tahun_usulan", str(tahun))
    return Usulan(ctx, int(tahun), data.tanya("usulan_per_daerah", provinsi=ctx.provinsi, tahun=int(tahun)),
                  data.tanya("usulan_daftar", provinsi=ctx.provinsi, tahun=int(tahun)))


def kepala(u: Usulan) -> None:
    tampilkan_pesan_tertunda("usulan")
    p = u.per_daerah
    n, sejalan, belum = int(p["jumlah"].sum()), int(p["sejalan"].sum()), int(p["belum_dibahas"].sum())
    k1, k2, k3, k4 = st.columns(4)
    k1.metric("Usulan", f"{n}", help=f"Dari {int((p['jumlah'] > 0).sum())} kabupaten/kota untuk RKPD {u.tahun}")
    k2.metric("Sejalan dengan prioritas", f"{sejalan} dari {n}",
              delta=f"{format_angka(100 * sejalan / n, 0) if n else 0}%", delta_color="off", delta_arrow="off")
    k3.metric("Sudah diputuskan", f"{n - belum} dari {n}", delta=f"{belum} belum dibahas", delta_color="off",
              delta_arrow="off")
    k4.metric("Biaya usulan", rupiah(p["biaya"].sum()), delta=f"{rupiah(p['pagu_disepakati'].sum())} disepakati",
              delta_color="off", delta_arrow="off")


def grafik_daerah(u: Usulan) -> None:
    st.subheader("Per kabupaten/kota")
    keputusan = {kol: KEPUTUSAN[k] for kol, k in KOLOM_KEPUTUSAN.items()}
    fig = gambar(g.usulan_per_daerah, u.per_daerah, STATUS, keputusan)
    grafik(fig, kunci="usulan-daerah", nama_berkas=f"usulan-{u.ctx.provinsi}-{u.tahun}",
           judul="Usulan kabupaten/kota per status dan keputusan",
           subjudul=f"Provinsi {u.ctx.provinsi_nama} · RKPD {u.tahun}",
           sumber="usulan kabupaten/kota dan keputusan desk provinsi")
    per = u.daftar.groupby("status")["biaya"].agg(["count", "sum"])
    st.caption("Jumlah dan biaya per status: " + " · ".join(
        f"{label_status(s)} {int(per.loc[s, 'count'])} usulan, {rupiah(per.loc[s, 'sum'])}"
        for s in STATUS if s in per.index))


def _saring(u: Usulan) -> pd.DataFrame:
    d = u.daftar
    nama = dict(zip(u.per_daerah["daerah_kode"], u.per_daerah["nama_pendek"]))
    urusan = {k: f"{k} {n}" for k, n in zip(d["urusan_kode"], d["urusan_nama"].fillna(""))}
    prioritas = {k: f"{k} {n}" for k, n in zip(d["prioritas_kode"], d["prioritas_nama"]) if not kosong(k)}
    kep = ["belum", *[k for k in KEPUTUSAN if k]]
    pilih = {
        "daerah": ("Kabupaten/kota", sorted(nama), nama.get),
        "urusan": ("Urusan", sorted(urusan), urusan.get),
        "prioritas": ("Prioritas", sorted(prioritas), prioritas.get),
        "status": ("Status", list(STATUS), label_status),
        "keputusan": ("Keputusan", kep, lambda k: label_keputusan(None if k == "belum" else k)),
    }
    kolom = st.columns(len(SARINGAN))
    nilai = {}
    for kunci, c in zip(SARINGAN, kolom):
        label, opsi, fmt = pilih[kunci]
        with c:
            nilai[kunci] = st.multiselect(label, opsi, default=url.daftar(f"u_{kunci}", opsi), format_func=fmt,
                                          key=f"u_{kunci}", placeholder="Semua")
        url.tulis(f"u_{kunci}", ",".join(nilai[kunci]))
    m = pd.Series(True, index=d.index)
    if nilai["daerah"]:
        m &= d["daerah_kode"].isin(nilai["daerah"])
    if nilai["urusan"]:
        m &= d["urusan_kode"].isin(nilai["urusan"])
    if nilai["prioritas"]:
        m &= d["prioritas_kode"].isin(nilai["prioritas"])
    if nilai["status"]:
        m &= d["status"].isin(nilai["status"])
    if nilai["keputusan"]:
        m &= d["keputusan"].fillna("belum").isin(nilai["keputusan"])
    return d[m]


def daftar(u: Usulan) -> pd.DataFrame:
    """Daftar usulan tersaring dengan alasan statusnya; mengembalikan baris yang tersaring (untuk keputusan)."""
    st.subheader("Daftar usulan")
    d = _saring(u)
    st.caption(f"{len(d)} dari {len(u.daftar)} usulan. Status keselarasan: aturan pertama yang berlaku "
               "(bukan kewenangan provinsi, tanpa prioritas, perlu diperiksa, urusan tidak sesuai, sejalan).")
    pendek = dict(zip(u.per_daerah["daerah_kode"], u.per_daerah["nama_pendek"]))
    tampil = pd.DataFrame({
        "Kabupaten/kota": d["daerah_kode"].map(pendek), "No": d["nomor"].astype(int), "Judul": d["judul"],
        "Urusan": d["urusan_kode"] + " " + d["urusan_nama"].fillna(""),
        "Prioritas": d["prioritas_kode"].fillna("–"),
        "Status": d["status"].map(label_status),
        # hanya kolom yang dibaca: to_dict seluruh baris (kolom waktu) makan puluhan ms pada ratusan usulan
        "Mengapa": [mengapa(r) for r in d[KOLOM_MENGAPA].to_dict("records")],
        "Biaya (Rp)": d["biaya"],
        "Keputusan": d["keputusan"].map(label_keputusan),
        "Alasan": d["alasan"],
    })
    tabel(tampil, kunci="usulan-daftar", nama_berkas=f"usulan-{u.ctx.provinsi}-{u.tahun}",
          judul=f"Usulan kabupaten/kota kepada Provinsi {u.ctx.provinsi_nama}, RKPD {u.tahun}",
          keterangan={"Provinsi": u.ctx.provinsi_nama, "Tahun RKPD": str(u.tahun)}, desimal={"Biaya (Rp)": 0},
          tinggi=420)
    return d


def _label_usulan(r: dict) -> str:
    return f"{r['daerah_nama']} · no. {int(r['nomor'])} · {r['judul']}"


@st.fragment
def keputusan(u: Usulan, tersaring: pd.DataFrame) -> None:
    """Mencatat keputusan atas satu usulan (analis dan admin). Protokol versi seperti catatan desk.

    Fragmen (keputusan #15): memilih usulan lain atau mengisi formulir hanya menjalankan ulang bagian ini, bukan
    grafik dan daftar ratusan usulan di atasnya (nasional: 346 KB per pilihan). Sesudah menyimpan, seluruh halaman
    dijalankan ulang (``st.rerun`` bercakupan aplikasi) agar grafik dan rekap memuat keputusan baru."""
    st.subheader("Catat keputusan")
    akun = masuk.pengguna()
    if tersaring.empty:
        info_kosong("Tidak ada usulan pada saringan ini.")
        url.tulis("usulan", "")
        return
    baris = tersaring[["usulan_id", "daerah_nama", "nomor", "judul"]].to_dict("records")
    ids = [int(r["usulan_id"]) for r in baris]
    label = {int(r["usulan_id"]): _label_usulan(r) for r in baris}
    uid = st.selectbox("Usulan", ids, index=url.indeks_awal("usulan", ids, ids[0], ubah=int), format_func=label.get,
                       key="usulan_pilih")
    url.tulis("usulan", str(uid))
    r = tersaring[tersaring["usulan_id"] == uid].to_dict("records")[0]
    st.markdown(f"**{label_status(r['status'])}**: {aman.md(mengapa(r))}. Biaya {rupiah(r['biaya'])}"
                + (f" · {aman.md(r['lokasi'])}" if not kosong(r["lokasi"]) else ""))
    bd = data.basis_data()
    terkini = keputusan_terkini(bd, uid)
    kunci = f"dasar_usulan|{uid}"
    if kunci not in st.session_state:
        st.session_state[kunci] = int(terkini["versi"]) if terkini else 0
        st.session_state[f"isi_usulan|{uid}"] = dict(terkini) if terkini else {}
    # isian awal formulir dari versi yang dibuka (bukan yang berlaku sekarang): keputusan orang lain yang tersimpan
    # sementara tidak mengubah widget yang sedang diisi
    dasar, isi = st.session_state[kunci], st.session_state[f"isi_usulan|{uid}"]
    if terkini and int(terkini["versi"]) > dasar:
        st.warning(f"{aman.md(terkini['oleh'])} mencatat keputusan versi {terkini['versi']} "
                   f"(*{label_keputusan(terkini['keputusan'])}*) pada {format_waktu(terkini['pada'])} sesudah Anda "
                   "membuka usulan ini. Menyimpan tidak menimpanya: keduanya tersimpan, yang terakhir berlaku.",
                   icon=":material/group:")
    elif terkini:
        st.caption(f"Berlaku: {label_keputusan(terkini['keputusan'])} · versi {terkini['versi']} · "
                   f"{aman.md(terkini['oleh'])} · {format_waktu(terkini['pada'])}")
    if akun is None:
        masuk.minta_masuk("Masuk dulu untuk mencatat keputusan: keputusan dicatat atas nama akun Anda.")
        return
    if not akun.boleh("keputusan_usulan"):
        st.caption(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) dapat membaca keputusan; yang "
                   "mencatatnya analis atau administrator.")
        return
    pilihan = [k for k in KEPUTUSAN if k]
    awal = isi.get("keputusan") if isi.get("keputusan") in pilihan else "diterima"
    alih_awal = isi.get("dialihkan_ke") if isi.get("dialihkan_ke") in DIALIHKAN_KE else "apbd_kabkota"
    kk = f"{uid}|{dasar}"
    with st.form(f"form_keputusan|{kk}", border=True):
        k = st.radio("Keputusan", pilihan, index=pilihan.index(awal), format_func=label_keputusan, horizontal=True,
                     key=f"keputusan|{kk}")
        kiri, kanan = st.columns(2)
        alih = kiri.selectbox("Dialihkan ke", list(DIALIHKAN_KE), index=list(DIALIHKAN_KE).index(alih_awal),
                              format_func=DIALIHKAN_KE.get, help="Hanya untuk keputusan Dialihkan",
                              key=f"alih|{kk}")
        pagu_awal = isi.get("pagu_disepakati")
        pagu = kanan.text_input("Pagu disepakati (Rp)", key=f"pagu|{kk}",
                                value="" if kosong(pagu_awal) else format_angka(pagu_awal, 0))
        alasan = st.text_area("Alasan", value=isi.get("alasan") or "", height=80, key=f"alasan|{kk}",
                              help="Wajib untuk Dialihkan dan Ditolak")
        kirim = st.form_submit_button("Simpan keputusan", type="primary", icon=":material/gavel:")
    if kirim:
        try:
            hasil = simpan_keputusan(bd, usulan_id=uid, keputusan=k, alasan=alasan, dialihkan_ke=alih,
                                     pagu_disepakati=pagu or None, versi_dasar=dasar, pengguna=akun)
        except (KeputusanTidakSah, TidakBerizin) as e:
            st.error(aman.md(e), icon=":material/block:")
            return
        if not hasil.tersimpan:
            st.info("Tidak ada perubahan untuk disimpan.")
            return
        data.segarkan()
        st.session_state[kunci] = hasil.versi
        st.session_state[f"isi_usulan|{uid}"] = {"keputusan": k, "alasan": alasan, "dialihkan_ke": alih,
                                                  "pagu_disepakati": keputusan_terkini(bd, uid)["pagu_disepakati"]}
        pesan = f"Keputusan tersimpan (versi {hasil.versi}): {label_keputusan(k)}."
        if hasil.konflik:
            lain = "; ".join(f"versi {x['versi']} oleh {x['oleh']} ({label_keputusan(x['keputusan'])})"
                             for x in hasil.versi_lain)
            pesan += f" Sebelumnya tersimpan keputusan orang lain: {lain}."
        pesan_sesudah_muat_ulang("usulan", pesan)


def rekap(u: Usulan) -> None:
    st.subheader("Rekapitulasi untuk berita acara")
    st.caption("Satu baris per usulan dengan status dan keputusannya, jumlah per kabupaten/kota.")
    nama = f"rekap-usulan-{u.ctx.provinsi}-{u.tahun}"
    # satu tombol per baris, selebar kolom: label tidak terpotong di 1280x720
    st.download_button("Unduh Excel", data=lambda: excel_bytes(susun_rekap_usulan(data.tanya, provinsi=u.ctx.provinsi,
                                                                                  tahun=u.tahun)),
                       file_name=f"{nama}.xlsx", key="rekap-xlsx", icon=":material/table:", on_click="ignore",
                       width="stretch", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    st.download_button("Unduh PDF", data=lambda: pdf_bytes(susun_rekap_usulan(data.tanya, provinsi=u.ctx.provinsi,
                                                                               tahun=u.tahun)),
                       file_name=f"{nama}.pdf", key="rekap-pdf", icon=":material/picture_as_pdf:",
                       on_click="ignore", mime="application/pdf", width="stretch")
