"""Pengaturan (administrator): rumus indikator negatif, batas kuadran kinerja-anggaran, sesi dan akses baca,
pembatalan impor, dan daftar cadangan. Setiap perubahan lewat fungsi yang memeriksa izin di tempat data
ditulis (pantau.akun.ubah_pengaturan, pantau.impor.batal.batalkan_impor) dan tercatat di riwayat."""
import pandas as pd
import streamlit as st

from pantau import cadangan
from pantau.akun import KesalahanAkun, TidakBerizin, pengaturan_sah, ubah_pengaturan
from pantau.format import format_waktu
from pantau.impor.batal import GagalBatal, batalkan_impor
from pantau.ui import aman, data, masuk
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.komponen import kosong, tabel

mulai_halaman("Pengaturan", "⚙️", wajib_data=False)
st.title("Pengaturan")
st.caption("Aturan perhitungan yang berlaku untuk seluruh basis data, pembatalan impor dan cadangan. Hanya "
           "administrator yang dapat mengubahnya; setiap perubahan tercatat di Riwayat.")
akun = masuk.wajib_masuk("Masuk dulu untuk membuka pengaturan.")
admin = akun.boleh("pengaturan")
if not admin:
    st.info(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) dapat melihat pengaturan tetapi tidak mengubahnya; "
            "hubungi administrator.", icon=":material/lock:")

bd = data.basis_data()
cur = bd.cursor()
try:
    nilai = dict(cur.execute("SELECT kunci, nilai FROM pengaturan").fetchall())
finally:
    cur.close()


LABEL = {"rumus_negatif": "rumus indikator negatif", "baca_perlu_masuk": "membaca perlu masuk",
         "menit_sesi": "menit sesi", "kuadran_batas_kinerja": "batas kinerja kuadran (%)",
         "kuadran_batas_serapan": "batas serapan kuadran (%)",
         "kuadran_batas_serapan_triwulan": "batas serapan s.d. TW I;II;III (%)"}


def _angka_triwulan() -> list[str]:
    bagian = str(nilai.get("kuadran_batas_serapan_triwulan", "15;40;60")).split(";")
    try:
        return [str(float(b.replace(",", "."))) for b in bagian][:3] if len(bagian) == 3 else ["15", "40", "60"]
    except ValueError:
        return ["15", "40", "60"]


def _angka(kunci: str, bawaan: float) -> float:
    try:
        return float(str(nilai.get(kunci, bawaan)).replace(",", "."))
    except ValueError:
        return bawaan


st.subheader("Aturan perhitungan dan akses")
with st.form("pengaturan", border=True):
    k1, k2 = st.columns(2)
    with k1:
        rumus = st.radio(
            "Rumus capaian indikator negatif (makin rendah makin baik)", ["2T-R", "T/R"],
            index=0 if nilai.get("rumus_negatif", "2T-R") == "2T-R" else 1, horizontal=True, disabled=not admin,
            format_func={"2T-R": "(2T − R) / T × 100", "T/R": "T / R × 100"}.get,
            help="Berlaku untuk semua halaman dan laporan sejak disimpan.")
        baca = st.radio("Membaca dasbor memerlukan masuk", ["ya", "tidak"],
                        index=0 if nilai.get("baca_perlu_masuk", "ya") == "ya" else 1, horizontal=True,
                        disabled=not admin, help="Menulis (impor, catatan, dukungan) selalu memerlukan masuk.")
        menit = st.number_input("Sesi berakhir setelah tidak ada aktivitas (menit)", min_value=1, max_value=1440,
                                value=int(_angka("menit_sesi", 60)), step=5, disabled=not admin)
    with k2:
        st.markdown("**Kuadran kinerja vs anggaran** (Ringkasan dan Daerah)")
        b_kinerja = st.number_input("Batas capaian kinerja yang dianggap efektif (%)", min_value=1.0,
                                    max_value=150.0, value=_angka("kuadran_batas_kinerja", 91.0), step=1.0,
                                    format="%.1f", disabled=not admin,
                                    help="Bawaan 91: batas bawah predikat Sangat Tinggi.")
        b_serapan = st.number_input("Batas serapan anggaran setahun yang dianggap tinggi (%)", min_value=1.0,
                                    max_value=100.0, value=_angka("kuadran_batas_serapan", 90.0), step=1.0,
                                    format="%.1f", disabled=not admin,
                                    help="Untuk tahun yang anggarannya sudah dilaporkan setahun penuh.")
        st.markdown("Tahun berjalan: batas serapan kumulatif s.d. triwulan (belanja daerah menumpuk di akhir tahun)")
        tw_lama = [float(x) for x in _angka_triwulan()]
        kol = st.columns(3)
        b_tw = [kol[i].number_input(f"s.d. Triwulan {r} (%)", min_value=1.0, max_value=100.0, value=tw_lama[i],
                                    step=5.0, format="%.1f", disabled=not admin)
                for i, r in enumerate(("I", "II", "III"))]
    simpan = st.form_submit_button("Simpan pengaturan", type="primary", disabled=not admin,
                                   icon=":material/save:")

if simpan and admin:
    baru = {"rumus_negatif": rumus, "baca_perlu_masuk": baca, "menit_sesi": str(int(menit)),
            "kuadran_batas_kinerja": f"{b_kinerja:g}", "kuadran_batas_serapan": f"{b_serapan:g}",
            "kuadran_batas_serapan_triwulan": ";".join(f"{x:g}" for x in b_tw)}
    berubah = {k: v for k, v in baru.items() if str(nilai.get(k)) != v}  # kunci bawaan selalu ada (pasang_skema)
    salah = [LABEL[k] for k, v in berubah.items() if not pengaturan_sah(k, v)]
    if salah:
        st.error("Tidak disimpan (tidak ada yang berubah): nilai tidak sah untuk " + ", ".join(salah)
                 + ". Batas serapan s.d. Triwulan I, II, III harus naik atau sama.", icon=":material/error:")
    elif not berubah:
        st.info("Tidak ada yang berubah.", icon=":material/info:")
    else:
        try:
            with bd.kunci_tulis:
                for k, v in berubah.items():
                    ubah_pengaturan(bd.con, pelaku=akun, kunci=k, nilai=v)
        except (KesalahanAkun, TidakBerizin) as e:
            st.error(str(e), icon=":material/error:")
        else:
            data.segarkan()
            # muat ulang agar formulir menampilkan nilai yang tersimpan (dibaca di awal skrip)
            st.session_state["pengaturan_tersimpan"] = "Tersimpan: " + "; ".join(
                f"{LABEL[k]}: {v.replace('.', ',')}" for k, v in berubah.items())
            st.rerun()
pesan = st.session_state.pop("pengaturan_tersimpan", None)
if pesan:
    st.success(pesan, icon=":material/check_circle:")

st.subheader("Membatalkan impor")
st.caption("Pembatalan mengembalikan nilai lama yang tercatat di riwayat dan menghapus baris yang ditambah impor itu, "
           "dalam satu transaksi; pembatalannya sendiri tercatat sebagai impor baru. Ditolak bila impor sesudahnya "
           "mengubah data yang sama (batalkan yang lebih baru dulu).")
imp = data.tanya("impor_terakhir", batas=50)
if imp.empty:
    kosong("Belum ada impor di basis data ini.")
else:
    tampil = imp.assign(
        waktu=imp["waktu"].map(format_waktu),
        status=[("pembatalan" if p else "berlaku" if pd.isna(b) else f"dibatalkan oleh #{int(b)}")
                for p, b in zip(imp["pembatalan"], imp["dibatalkan_oleh_impor"])],
    )[["id", "berkas", "oleh", "waktu", "status", "keterangan"]].rename(
        columns={"id": "nomor", "oleh": "pengimpor", "keterangan": "ringkasan"})
    tabel(tampil, kunci="impor", nama_berkas="impor-terakhir", judul="Impor terakhir",
          keterangan={"Diunduh oleh": akun.nama_pengguna}, tinggi=min(420, 38 + 35 * len(tampil)))
    bisa = imp[imp["dibatalkan_oleh_impor"].isna() & ~imp["pembatalan"]]
    if admin and not bisa.empty:
        pilihan = list(bisa["id"])
        label = {r.id: f"#{r.id} · {r.berkas} · {r.oleh} · {format_waktu(r.waktu)}" for r in bisa.itertuples()}
        with st.form("batal"):
            nomor = st.selectbox("Impor yang dibatalkan", pilihan, format_func=label.get)
            yakin = st.checkbox("Saya paham: angka dari impor ini dikembalikan ke nilai sebelumnya")
            batal = st.form_submit_button("Batalkan impor", icon=":material/undo:")
        if batal:
            if not yakin:
                st.warning("Centang pernyataan di atas dulu.", icon=":material/warning:")
            else:
                try:
                    with bd.kunci_tulis:
                        hasil = batalkan_impor(bd.con, int(nomor), pengguna=akun)
                except (GagalBatal, TidakBerizin) as e:
                    st.error(f"Pembatalan ditolak, tidak ada yang berubah: {aman.md(e)}", icon=":material/error:")
                else:
                    data.segarkan()
                    # muat ulang agar tabel di atas langsung menyebut impor itu dibatalkan
                    st.session_state["batal_tersimpan"] = (f"Impor #{nomor} dibatalkan (impor #{hasil.impor_id}): "
                                                           f"{hasil.teks()}")
                    st.rerun()
    pesan_batal = st.session_state.pop("batal_tersimpan", None)
    if pesan_batal:
        st.success(pesan_batal, icon=":material/check_circle:")

st.subheader("Cadangan")
daftar = cadangan.daftar(data.path_db())
if not daftar:
    kosong("Belum ada cadangan. Pantau membuat cadangan otomatis sebelum setiap impor.")
else:
    st.markdown(f"{len(daftar)} cadangan, terbaru {format_waktu(daftar[0].waktu)}. Memulihkan cadangan mengganti "
                "berkas basis data, jadi dilakukan di server saat dasbor dihentikan:")
    st.code(f"python -m pantau pulihkan --db {data.path_db()} --cadangan {daftar[0].nama}", language="bash")
    st.dataframe([{"nama": c.nama, "waktu": format_waktu(c.waktu), "alasan": c.keterangan} for c in daftar[:20]],
                 hide_index=True, width="stretch")
