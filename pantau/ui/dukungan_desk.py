"""Dukungan sub kegiatan di halaman Desk Urusan: per indikator provinsi, sub kegiatan yang mendukungnya di
provinsi dan setiap kabupaten/kota (per daerah, dengan jumlah), mana yang sudah disepakati (oleh siapa, kapan),
dan kendali rapat (sepakati, tambah, hapus) bagi akun yang berizin ``dukungan_desk``.

Data dari ``queries/desk_dukungan.sql``. Penulisan lewat ``pantau.desk.dukungan`` (izin diperiksa di sana, satu
transaksi + riwayat), di bawah kunci tulis basis data, lalu ``data.segarkan()``. Aksi berjalan di callback
widget, sebelum skrip dijalankan ulang, sehingga daftar yang tampil sesudahnya sudah memuat perubahan. Isian
formulir tambah yang gagal disimpan tetap ada (kunci widget sama); yang berhasil dikosongkan (kunci formulir
baru). Setiap indikator adalah satu ``st.fragment``: menyepakati satu baris tidak menggambar ulang grafik.
"""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from pantau.akun import TidakBerizin
from pantau.aturan import aman
from pantau.aturan.format import BULAN, kosong, rupiah, rupiah_ringkas
from pantau.db import GALAT_TULIS
from pantau.desk import dukungan as dk
from pantau.desk import ringkas as dr
from pantau.ui import data, masuk
from pantau.ui.komponen import rincian, unduhan_tabel

GAYA = """
<style>
.pantau-dk {overflow-x: auto; margin: 0.2rem 0 0.6rem 0;}
.pantau-dk table {width: 100%; border-collapse: collapse; font-size: 0.9rem; line-height: 1.3;}
.pantau-dk th, .pantau-dk td {padding: 0.25rem 0.45rem; border: none;
    border-bottom: 1px solid rgba(128, 128, 128, 0.25); vertical-align: top; text-align: left;}
.pantau-dk th {font-weight: 600; background: rgba(128, 128, 128, 0.10);}
.pantau-dk .a {text-align: right; white-space: nowrap;}
.pantau-dk .kode {font-family: monospace; font-size: 0.85em; white-space: nowrap;}
.pantau-dk td.sk {min-width: 11rem;}
.pantau-dk th.sp {min-width: 7.5rem;}
.pantau-dk .kecil {font-size: 0.85em; color: var(--st-gray-color, #666); font-weight: 400;}
.pantau-dk tr.daerah td {font-weight: 600; background: rgba(128, 128, 128, 0.06);}
.pantau-dk tr.jumlah td {font-weight: 700; border-top: 2px solid rgba(128, 128, 128, 0.5);}
.pantau-dk .ok {color: #1a7f37; font-weight: 600;}
.pantau-dk .belum {color: #8a6d00;}
.pantau-dk-besar, .pantau-dk-besar table {font-size: 18px !important; line-height: 1.2; margin: 0;}
/* provinsi dengan puluhan kabupaten/kota: tabel per daerah bergulir di dalam jendela, judul kolom tetap */
.pantau-dk-besar {max-height: 68vh; overflow-y: auto;}
.pantau-dk-besar thead th {position: sticky; top: 0; background: var(--background-color, #fff); z-index: 1;}
.pantau-dk-besar th, .pantau-dk-besar td {padding: 0.12rem 0.6rem; font-size: 18px !important;}
.pantau-dk td.n {white-space: nowrap;}
.pantau-dk-ringkas-besar, .pantau-dk-ringkas-besar b {font-size: 1.2rem; line-height: 1.4;}
</style>
"""

#: Kode sub kegiatan di awal teks yang diketik ("1.02.02.2.01.0024 Nama ..."); sisanya dipakai sebagai nama.
_KODE_DI_DEPAN = re.compile(r"^\s*([0-9Xx]\.[0-9Xx]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4})\s*[-–·:]?\s*(.*)$")


def gaya() -> None:
    """Gaya tabel dukungan; panggil sekali per halaman."""
    st.markdown(GAYA, unsafe_allow_html=True)


_e = aman.html  # setiap nilai di tabel HTML dukungan


_serapan = dr.teks_serapan
kalimat_ringkas = dr.kalimat_ringkas


def _tanggal_pendek(w) -> str:
    """'24 Nov 2026' (tabel); waktu lengkap ada di keterangan saat kursor di atasnya."""
    if kosong(w):
        return ""
    w = pd.Timestamp(w)
    return f"{w.day} {BULAN[w.month - 1][:3]} {w.year}"


def _sel_sepakat(disepakati, oleh, pada) -> str:
    if kosong(disepakati) or not bool(disepakati):
        return "<span class='belum'>belum</span>"
    lengkap = dr.keterangan_sepakat(True, oleh, pada)
    teks = "disepakati" + (f" oleh {_e(oleh)}" if isinstance(oleh, str) else "")
    tanggal = f"<br><span class='kecil'>{_tanggal_pendek(pada)}</span>" if not kosong(pada) else ""
    return f"<span class='ok'>✓</span> <span title='{_e(lengkap)}'>{teks}{tanggal}</span>"


def _sel_rp(nilai, serapan=None) -> str:
    teks = f"<span title='{_e(rupiah(nilai))}'>{rupiah_ringkas(nilai)}</span>"
    return teks if serapan is None else f"{teks}<br><span class='kecil'>{_serapan(serapan)}</span>"


def tabel_html(d: pd.DataFrame, j: pd.DataFrame) -> str:
    """Tabel rincian: per daerah satu baris jumlah lalu sub kegiatannya (kode, nama, perangkat daerah), pagu,
    realisasi dengan serapan, tanda disepakati; di akhir baris jumlah semua daerah. Empat kolom saja, agar
    terbaca di kolom halaman yang sempit (1280 px dengan panel samping). Dibangun dari dict (bukan iterasi
    DataFrame): Desk satu provinsi besar menggambar belasan tabel ini setiap kali dijalankan. ``j``: baris
    ``desk_dukungan_jumlah`` (jumlah dan serapan per daerah dan semua daerah, dihitung di SQL)."""
    semua = d.to_dict("records")
    induk_id = semua[0]["induk_id"] if semua else None
    per_daerah: dict[str, list[dict]] = {}
    for x in semua:
        per_daerah.setdefault(x["daerah_kode"], []).append(x)
    baris = ["<div class='pantau-dk' data-testid='dukungan-tabel'><table><thead><tr>"
             "<th>Sub kegiatan · perangkat daerah</th><th class='a'>Pagu</th><th class='a'>Realisasi<br>serapan</th>"
             "<th class='sp'>Disepakati</th></tr></thead><tbody>"]
    for g in per_daerah.values():
        r = dr.jumlah(j, induk_id, g[0]["daerah_kode"])
        nama = dr.nama_daerah(g[0]["daerah"], g[0]["jenis"])
        tanda = "◆ " if g[0]["jenis"] == "provinsi" else ""
        baris.append(
            f"<tr class='daerah'><td>{tanda}{_e(nama)} · {r['jumlah']} sub kegiatan</td>"
            f"<td class='a'>{_sel_rp(r['pagu'])}</td><td class='a'>{_sel_rp(r['realisasi'], r['serapan'])}</td>"
            f"<td>{r['disepakati']} dari {r['jumlah']}</td></tr>")
        for x in g:
            program = f"{x['program_kode']} {x['program_nama']}" if isinstance(x["program_nama"], str) else ""
            baris.append(
                f"<tr data-dukungan-id='{int(x['id'])}' data-disepakati='{int(bool(x['disepakati']))}'>"
                f"<td class='sk' title='{_e(program)}'><span class='kode'>{_e(x['sub_kegiatan_kode'])}</span> "
                f"{_e(x['sub_kegiatan_nama'])}<br><span class='kecil'>"
                f"{_e(x['perangkat_daerah']) or 'perangkat daerah –'}"
                f"</span></td><td class='a'>{_sel_rp(x['pagu'])}</td>"
                f"<td class='a'>{_sel_rp(x['realisasi_anggaran'], x['serapan'])}</td>"
                f"<td>{_sel_sepakat(x['disepakati'], x['disepakati_oleh'], x['disepakati_pada'])}</td></tr>")
    r = dr.jumlah(j, induk_id)
    baris.append(
        f"<tr class='jumlah'><td>Jumlah {r['daerah']} daerah · {r['jumlah']} sub kegiatan</td>"
        f"<td class='a'>{_sel_rp(r['pagu'])}</td><td class='a'>{_sel_rp(r['realisasi'], r['serapan'])}</td>"
        f"<td>{r['disepakati']} dari {r['jumlah']}</td></tr>")
    baris.append("</tbody></table></div>")
    return "".join(baris)


def tabel_per_daerah_html(d: pd.DataFrame, j: pd.DataFrame, induk_id, *, besar: bool = False) -> str:
    """Ringkasan per daerah (mode presentasi): disepakati dari jumlah sub kegiatan, pagu, serapan. Empat kolom
    tanpa lipatan, agar satu provinsi dengan belasan kabupaten/kota muat di layar 1280x720 dengan huruf 18 px."""
    pdh = dr.per_daerah(j, induk_id, d)
    kelas = "pantau-dk pantau-dk-besar" if besar else "pantau-dk"
    baris = [f"<div class='{kelas}' data-testid='dukungan-per-daerah'><table><thead><tr><th>Daerah</th>"
             "<th class='a'>Disepakati</th><th class='a'>Pagu</th><th class='a'>Serapan</th></tr></thead><tbody>"]
    for x in pdh.itertuples():
        baris.append(f"<tr><td class='n'>{'◆ ' if x.jenis == 'provinsi' else ''}{_e(x.daerah)}</td>"
                     f"<td class='a'>{x.disepakati} dari {x.jumlah}</td><td class='a'>{rupiah_ringkas(x.pagu)}</td>"
                     f"<td class='a'>{_serapan(x.serapan)}</td></tr>")
    r = dr.jumlah(j, induk_id)
    baris.append(f"<tr class='jumlah'><td class='n'>Jumlah {r['daerah']} daerah</td>"
                 f"<td class='a'>{r['disepakati']} dari {r['jumlah']}</td>"
                 f"<td class='a'>{rupiah_ringkas(r['pagu'])}</td><td class='a'>{_serapan(r['serapan'])}</td>"
                 "</tr></tbody></table></div>")
    return "".join(baris)


def tabel_unduh(d: pd.DataFrame) -> pd.DataFrame:
    """Isi berkas unduhan CSV/Excel: angka penuh, tanpa format."""
    return pd.DataFrame({
        "Daerah": [dr.nama_daerah(a, b) for a, b in zip(d["daerah"], d["jenis"])],
        "Indikator": d["indikator_kode"], "Kode sub kegiatan": d["sub_kegiatan_kode"],
        "Sub kegiatan": d["sub_kegiatan_nama"], "Program": d["program_nama"],
        "Perangkat daerah": d["perangkat_daerah"], "Pagu (Rp)": d["pagu"],
        "Realisasi anggaran (Rp)": d["realisasi_anggaran"], "Serapan (%)": d["serapan"],
        "Disepakati": ["ya" if bool(v) else "tidak" for v in d["disepakati"].fillna(False)],
        "Disepakati oleh": d["disepakati_oleh"], "Disepakati pada": d["disepakati_pada"], "Catatan": d["catatan"],
    })


# -- aksi (callback widget) -----------------------------------------------------------------------------

def _kunci_pesan(induk_id) -> str:
    return f"dk-pesan|{induk_id}"


def _tulis(induk_id, aksi) -> dk.Hasil | None:
    """Jalankan ``aksi(bd, akun)``; pesan hasil atau galat disimpan untuk ditampilkan."""
    akun = masuk.pengguna()
    if akun is None:
        st.session_state[_kunci_pesan(induk_id)] = [("error", "Sesi Anda sudah berakhir; masuk lagi lalu ulangi.")]
        return None
    bd = data.basis_data()
    try:
        hasil = aksi(bd, akun)  # izin, kunci tulis, transaksi dan riwayat: pantau.db.tulis
    except (dk.DukunganTidakSah, TidakBerizin) as e:
        st.session_state[_kunci_pesan(induk_id)] = [("error", str(e))]
        return None
    except GALAT_TULIS as e:  # berkas rusak, disk penuh, hanya-baca (isu #17)
        st.session_state[_kunci_pesan(induk_id)] = [("error", "Tidak tersimpan. "
                                                     + data.gagal_tulis(e, "Dukungan desk"))]
        return None
    data.segarkan()
    st.session_state[_kunci_pesan(induk_id)] = [("success", hasil.pesan)] + [("warning", p) for p in hasil.peringatan]
    return hasil


def _ubah_sepakat(induk_id, dukungan_id: int, kunci: str) -> None:
    nilai = bool(st.session_state.get(kunci))
    _tulis(induk_id, lambda bd, akun: dk.sepakati(bd, dukungan_id, nilai, pengguna=akun))


def _hapus(induk_id, dukungan_id: int) -> None:
    _tulis(induk_id, lambda bd, akun: dk.hapus(bd, dukungan_id, pengguna=akun))


def urai_pilihan(pilihan) -> tuple[str, str]:
    """(kode, nama yang ikut diketik) dari nilai pemilih sub kegiatan: kode nomenklatur, atau teks bebas
    '1.02.02.1.02.0003 Nama …'. Teks yang tidak diawali kode dikembalikan utuh sebagai kode (lalu ditolak
    dengan pesan bentuk kode oleh pantau.desk.dukungan)."""
    teks = (pilihan or "").strip()
    m = _KODE_DI_DEPAN.match(teks)
    if m:
        return m.group(1).upper(), m.group(2).strip()
    return teks, ""


def _tambah(induk_id, kf: str, kunci_n: str, daerah: str, tahun: int, indikator_id: int) -> None:
    ss = st.session_state
    sipd = ss.get(f"{kf}|sipd")
    if sipd:
        # dari anggaran SIPD-RI yang diimpor: unit + kode; pagu, nama dan perangkat daerah dibaca dari sana
        unit, kode = sipd.split(" ", 1)
        hasil = _tulis(induk_id, lambda bd, akun: dk.tambah(
            bd, daerah=daerah, tahun=tahun, indikator_id=indikator_id, sub_kegiatan_kode=kode,
            perangkat_daerah_kode=unit, disepakati=bool(ss.get(f"{kf}|sepakat")), catatan=ss.get(f"{kf}|catatan"),
            pengguna=akun))
        if hasil is not None:
            ss[kunci_n] = ss.get(kunci_n, 0) + 1
        return
    kode, nama_ketik = urai_pilihan(ss.get(f"{kf}|kode"))
    if not kode:
        ss[_kunci_pesan(induk_id)] = [("error", "Pilih sub kegiatan dari daftar nomenklatur, atau ketik kodenya "
                                                 "(U.BB.PP.K.KK.SSSS).")]
        return
    nama = (ss.get(f"{kf}|nama") or "").strip() or nama_ketik or None
    hasil = _tulis(induk_id, lambda bd, akun: dk.tambah(
        bd, daerah=daerah, tahun=tahun, indikator_id=indikator_id, sub_kegiatan_kode=kode, sub_kegiatan_nama=nama,
        perangkat_daerah=ss.get(f"{kf}|pd"), pagu=ss.get(f"{kf}|pagu"), disepakati=bool(ss.get(f"{kf}|sepakat")),
        catatan=ss.get(f"{kf}|catatan"), pengguna=akun))
    if hasil is not None:
        ss[kunci_n] = ss.get(kunci_n, 0) + 1  # formulir baru yang kosong


# -- tampilan -------------------------------------------------------------------------------------------

def _pesan(induk_id) -> None:
    for jenis, teks in st.session_state.pop(_kunci_pesan(induk_id), []):
        {"success": st.success, "warning": st.warning, "error": st.error}[jenis](
            aman.md(teks), icon={"success": ":material/check:", "warning": ":material/warning:",
                        "error": ":material/error:"}[jenis])


def _alasan_baca_saja(akun) -> str:
    if akun is None:
        return ("Masuk sebagai analis (atau operator untuk daerahnya sendiri) untuk menyepakati, menambah atau "
                "menghapus sub kegiatan pendukung.")
    return (f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) dapat membaca dukungan; yang menyepakati, "
            "menambah atau menghapusnya analis, atau operator untuk daerahnya sendiri.")


def _panel_ubah(d: pd.DataFrame, *, induk_id, tahun: int, pasangan: pd.DataFrame, akun, urusan: str,
                daerah_awal: str) -> None:
    """Kendali rapat untuk satu daerah pilihan: sepakati/batalkan, hapus (dengan konfirmasi), tambah."""
    boleh = [k for k in pasangan["daerah_kode"] if akun.boleh("dukungan_desk", k)]
    if not boleh:
        st.caption(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) hanya boleh mengubah dukungan "
                   "daerahnya sendiri, yang tidak punya indikator pasangan untuk indikator ini.")
        return
    label = {k: dr.nama_daerah(n, j) for k, n, j in zip(pasangan["daerah_kode"], pasangan["daerah"], pasangan["jenis"])}
    ind_daerah = dict(zip(pasangan["daerah_kode"], pasangan["indikator_id"]))
    daerah = st.selectbox("Daerah yang dibahas", boleh, index=boleh.index(daerah_awal) if daerah_awal in boleh else 0,
                          key=f"dk-daerah|{induk_id}", format_func=label.get,
                          help="Sepakati, tambah atau hapus sub kegiatan pendukung daerah ini untuk indikator ini.")
    baris = d[d["daerah_kode"] == daerah]
    if baris.empty:
        st.caption(f"{label[daerah]} belum punya sub kegiatan pendukung untuk indikator ini pada {tahun}.")
    else:
        st.caption("Geser tombol untuk menandai sub kegiatan **disepakati** di desk; geser kembali untuk membatalkan.")
    for x in baris.itertuples():
        kunci = f"dk-sepakat|{int(x.id)}"
        st.session_state[kunci] = bool(x.disepakati)  # selalu sesuai basis data (juga bila simpan gagal)
        kiri, kanan = st.columns([14, 1], vertical_alignment="top")
        with kiri:
            st.toggle(f"**{aman.md(x.sub_kegiatan_kode)}** {aman.md(x.sub_kegiatan_nama)}", key=kunci,
                      on_change=_ubah_sepakat, args=(induk_id, int(x.id), kunci))
            tanda = "✓ " if bool(x.disepakati) else ""
            st.caption(f"{aman.md(x.perangkat_daerah) or 'perangkat daerah belum diisi'} · pagu {rupiah(x.pagu)} · "
                       f"realisasi {rupiah(x.realisasi_anggaran)} (serapan {_serapan(x.serapan)}) · **{tanda}"
                       f"{aman.md(dr.keterangan_sepakat(x.disepakati, x.disepakati_oleh, x.disepakati_pada))}**")
        with kanan.popover("", icon=":material/delete:", help="Hapus dari dukungan", key=f"dk-hapus-tanya|{int(x.id)}"):
            st.markdown(f"Hapus **{aman.md(x.sub_kegiatan_kode)}** {aman.md(x.sub_kegiatan_nama)} dari dukungan "
                        f"{label[daerah]} untuk indikator ini? Isinya tetap tercatat di riwayat.")
            st.button("Ya, hapus", key=f"dk-hapus|{int(x.id)}", type="primary", icon=":material/delete:",
                      on_click=_hapus, args=(induk_id, int(x.id)))

    nomen = data.tanya("nomenklatur_sub_kegiatan", urusan=urusan)
    nama_nomen = dict(zip(nomen["kode"], nomen["nama"]))
    kunci_n = f"dk-tambah-n|{induk_id}|{daerah}"
    kf = f"dk-tambah|{induk_id}|{daerah}|{st.session_state.get(kunci_n, 0)}"
    with st.form(kf, border=True):
        st.markdown(f"**Tambah sub kegiatan pendukung** · {label[daerah]} · {tahun}")
        sipd = data.tanya("anggaran_sipd_urusan", daerah=daerah, tahun=tahun, urusan=urusan)
        if not sipd.empty:
            pilihan_sipd = {f"{u} {k}": f"{k} · {n or '–'} · {p or u} · {rupiah(g)}" for u, p, k, n, g in zip(
                sipd["perangkat_daerah_kode"], sipd["perangkat_daerah"], sipd["sub_kegiatan_kode"],
                sipd["sub_kegiatan_nama"], sipd["pagu"])}
            st.selectbox(
                f"Dari anggaran SIPD-RI {tahun} ({len(sipd)} sub kegiatan bidang {urusan})", list(pilihan_sipd),
                index=None, key=f"{kf}|sipd", format_func=pilihan_sipd.get,
                placeholder="Pilih sub kegiatan dan unitnya (pagu ikut dari SIPD-RI)",
                help="Sub kegiatan yang diimpor dari SIPD-RI untuk daerah dan tahun ini, per unit (Puskesmas, UPTD, "
                     "...), dengan pagunya. Bila dipilih, isian di bawah selain catatan tidak dipakai.")
        st.selectbox(
            "Sub kegiatan", list(nama_nomen), index=None, key=f"{kf}|kode", accept_new_options=True,
            format_func=lambda k: f"{k} · {nama_nomen[k]}" if k in nama_nomen else k,
            placeholder="Pilih dari nomenklatur, atau ketik kode U.BB.PP.K.KK.SSSS",
            help=f"Daftar: nomenklatur sub kegiatan bidang urusan {urusan} (kode kabupaten/kota, segmen ke-4 = 2). "
                 "Kode lain, misalnya sub kegiatan provinsi (segmen ke-4 = 1), boleh diketik langsung; isi juga "
                 "namanya.")
        a, b = st.columns(2)
        a.text_input("Nama sub kegiatan", key=f"{kf}|nama",
                     help="Wajib bila kodenya tidak ada di nomenklatur; bila kosong dipakai nama nomenklatur.")
        b.text_input("Perangkat daerah", key=f"{kf}|pd", placeholder="mis. Dinas Kesehatan")
        a.text_input("Pagu (Rp)", key=f"{kf}|pagu", placeholder="mis. Rp 1.250.000.000",
                     help="Rupiah dengan titik ribuan, misalnya 1.250.000.000 atau Rp 1.250.000.000,00.")
        b.text_input("Catatan", key=f"{kf}|catatan")
        st.checkbox("Langsung tandai disepakati", key=f"{kf}|sepakat")
        st.form_submit_button("Tambah sub kegiatan", type="primary", icon=":material/add:", on_click=_tambah,
                              args=(induk_id, kf, kunci_n, daerah, tahun, int(ind_daerah[daerah])))


JUDUL_RINCIAN = "Sub kegiatan pendukung dan kesepakatan desk"


@st.fragment
def daftar(*, provinsi: str, urusan: str, tahun: int, induk_id: int, induk_kode: str, pasangan: pd.DataFrame,
           daerah_awal: str, keterangan: dict[str, str]) -> None:
    """Dukungan satu indikator provinsi di mode biasa: kalimat ringkas, lalu (dalam expander) tabel per daerah
    dengan jumlah, unduhan, dan kendali rapat bagi akun yang berizin."""
    semua = data.tanya("desk_dukungan", provinsi=provinsi, urusan=urusan, tahun=tahun)
    j = data.tanya("desk_dukungan_jumlah", provinsi=provinsi, urusan=urusan, tahun=tahun)
    d = semua[semua["induk_id"] == induk_id]
    akun = masuk.pengguna()
    st.markdown(f"<div data-testid='dukungan-ringkas'><b>Dukungan sub kegiatan {tahun}:</b> "
                f"{_e(kalimat_ringkas(dr.jumlah(j, induk_id), tahun))}</div>", unsafe_allow_html=True)
    # Tabel dan kendali dibangun dan dikirim hanya saat expander dibuka (isu #15: ~37 KB HTML per indikator provinsi
    # besar); terbuka tetap terbuka saat indikator lain dipilih atau kesepakatan disimpan.
    if (buka := rincian(JUDUL_RINCIAN, kunci="dk-buka", icon=":material/payments:")) is None:
        return
    with buka:
        _pesan(induk_id)
        if not d.empty:
            st.markdown(tabel_html(d, j), unsafe_allow_html=True)
            unduhan_tabel(tabel_unduh(d), kunci=f"dk|{induk_id}",
                          nama_berkas=f"dukungan-{induk_kode}-{provinsi}-{tahun}",
                          judul=f"Dukungan sub kegiatan {induk_kode} {tahun}", keterangan=keterangan,
                          desimal={"Pagu (Rp)": 0, "Realisasi anggaran (Rp)": 0, "Serapan (%)": 2})
        if akun is None or not (akun.boleh("dukungan_desk", akun.daerah_kode) if akun.daerah_kode
                                else akun.boleh("dukungan_desk", provinsi)):
            st.caption(f":material/lock: {_alasan_baca_saja(akun)}")
            return
        _panel_ubah(d, induk_id=induk_id, tahun=tahun, pasangan=pasangan, akun=akun, urusan=urusan,
                    daerah_awal=daerah_awal)


@st.fragment
def ringkas_presentasi(*, provinsi: str, urusan: str, tahun: int, induk_id: int) -> None:
    """Mode presentasi: satu kalimat ringkas di samping grafik dan tombol yang membuka tabel per daerah."""
    semua = data.tanya("desk_dukungan", provinsi=provinsi, urusan=urusan, tahun=tahun)
    j = data.tanya("desk_dukungan_jumlah", provinsi=provinsi, urusan=urusan, tahun=tahun)
    d = semua[semua["induk_id"] == induk_id]
    r = dr.jumlah(j, induk_id)
    if r["jumlah"]:
        kalimat = (f"{r['jumlah']} sub kegiatan · {r['daerah']} daerah · pagu {rupiah_ringkas(r['pagu'])} · "
                   f"serapan {_serapan(r['serapan'])} · ✓ {r['disepakati']} disepakati")
    else:
        kalimat = kalimat_ringkas(r, tahun)
    st.markdown(f"<div data-testid='dukungan-ringkas' class='pantau-dk-ringkas-besar'><b>Dukungan {tahun}:</b> "
                f"{_e(kalimat)}</div>", unsafe_allow_html=True)
    if not d.empty:
        with st.popover("Per daerah", icon=":material/table:", width="stretch", key="dk-presentasi-per-daerah"):
            st.markdown(tabel_per_daerah_html(d, j, induk_id, besar=True), unsafe_allow_html=True)
