"""Desk urusan (Rakortekrenbang): indikator satu urusan, provinsi dan kabupaten/kota berdampingan,
keselarasan target, mode presentasi, catatan sesi, dan dek PowerPoint/PDF."""
from dataclasses import replace
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import streamlit as st

from pantau import desk

from pantau.keluaran import dek
from pantau.keluaran import grafik as g
from pantau.aturan.format import format_waktu
from pantau.ui import aman, data
from pantau.ui import dukungan_desk
from pantau.akun import TidakBerizin
from pantau.ui import masuk
from pantau.ui.bingkai import indeks_awal, mulai_halaman, pengguna
from pantau.ui.komponen import (_slug, desimal_data, grafik, keterangan_filter, kosong, sumber_data, tabel,
                                target_angka, tautan_indikator, teks_rentang)

ctx = mulai_halaman("Desk Urusan", "🗂️")

CSS_PRESENTASI = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
[data-testid="stHeader"], header, [data-testid="stToolbar"], [data-testid="stDecoration"] {display: none !important;}
.block-container {padding-top: 0.6rem !important; padding-bottom: 0.2rem !important;}
[data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] button {font-size: 1.2rem !important;}
h1 {font-size: 2.1rem !important;}
.pantau-posisi {font-size: 1.6rem; font-weight: 600; text-align: center; padding-top: 0.2rem;}
/* Unduhan tidak perlu di layar rapat (tersedia di mode biasa); tombol pintasan panah tidak terlihat. */
[data-testid="stMain"] [data-testid="stDownloadButton"], .st-key-pintasan-panah {display: none !important;}
/* Blok yang hanya berisi <style> tidak memakan jarak baris (gaya tetap berlaku). */
[data-testid="stElementContainer"]:has(style):not(:has(p, table, h1, button, img)) {display: none;}
</style>
"""

# -- pilihan: urusan, mode presentasi dan posisi slide, semuanya di URL ------------------------------
daftar = data.tanya("desk_urusan", provinsi=ctx.provinsi, tahun=ctx.tahun)
if daftar.empty:
    st.title("Desk urusan")
    kosong(f"Provinsi {ctx.provinsi_nama} belum punya indikator urusan untuk {ctx.tahun}.")
    st.stop()
nama_urusan = dict(zip(daftar["urusan_kode"], daftar["urusan"]))
kode_urusan = list(nama_urusan)

if "presentasi" not in st.session_state:
    st.session_state["presentasi"] = st.query_params.get("presentasi") == "1"
if "slide" not in st.session_state:
    try:
        st.session_state["slide"] = int(st.query_params.get("slide", "1"))
    except ValueError:
        st.session_state["slide"] = 1


def _geser(langkah: int) -> None:
    st.session_state["slide"] = st.session_state.get("slide", 1) + langkah


atas = st.columns([3, 1.2]) if not st.session_state["presentasi"] else None
if atas:
    with atas[0]:
        urusan = st.selectbox("Urusan", kode_urusan, index=indeks_awal("urusan", kode_urusan, kode_urusan[0]),
                              key="urusan", format_func=lambda k: f"{k} {nama_urusan[k]}", placeholder="Pilih…")
else:  # mode presentasi: tanpa pemilih, urusan dari URL (atau pilihan terakhir sesi ini)
    urusan = kode_urusan[indeks_awal("urusan", kode_urusan, kode_urusan[0])]
st.query_params["urusan"] = urusan

ind = data.tanya("desk_indikator", provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun)
kes = data.tanya("desk_keselarasan", provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun)
urutan = list(dict.fromkeys(ind["induk_id"]))
n = len(urutan)
st.session_state["slide"] = min(max(1, int(st.session_state["slide"])), max(n, 1))
slide = st.session_state["slide"]
presentasi = st.session_state["presentasi"]
if presentasi:
    st.query_params["presentasi"] = "1"
    st.query_params["slide"] = str(slide)
    st.markdown(CSS_PRESENTASI, unsafe_allow_html=True)
else:
    st.query_params.pop("presentasi", None)
    st.query_params.pop("slide", None)

judul_urusan = f"{urusan} {nama_urusan[urusan]}"
dukungan_desk.gaya()
ctx_prov = replace(ctx, daerah=ctx.provinsi, daerah_nama=f"Provinsi {ctx.provinsi_nama}", jenis="provinsi")


def _satu(induk_id):
    d = ind[ind["induk_id"] == induk_id]
    return d, d.iloc[0], kes[kes["induk_id"] == induk_id]


def _judul(r) -> str:
    return f"{r['induk_kode']} · {r['induk_nama']}"


def _tabel_angka(d: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Daerah": d["daerah"],
        "Buka": ["Indikator?" + urlencode({"provinsi": ctx.provinsi, "daerah": k, "tahun": ctx.tahun, "indikator": int(i)})
                 for k, i in zip(d["daerah_kode"], d["indikator_id"])],
        "Target": np.array([target_angka(a, b, c) for a, b, c in zip(d["target"], d["target_min"], d["target_max"])],
                           dtype=float),
        "Realisasi": d["realisasi"].astype(float),
        "Rentang/teks": [teks_rentang(b, c, t, r) for b, c, t, r in
                         zip(d["target_min"], d["target_max"], d["target_teks"], d["realisasi_teks"])],
        "Status": d["status"],
        "Capaian (%)": d["capaian"],
        "Predikat": d["predikat"],
    })


def _keselarasan(k: pd.DataFrame) -> None:
    if k.empty:
        return
    status, kalimat = desk.kalimat_keselarasan(k)
    tanda = {"selaras": ":material/check_circle: **Selaras.**",
             "tidak selaras": ":material/warning: **Tidak selaras.**"}.get(status, ":material/info:")
    st.markdown(f"{tanda} {aman.md(kalimat)}")


def _grafik_indikator(d, r, *, besar: bool) -> None:
    if r["polaritas"] == "teks":
        kosong("Indikator kualitatif: tidak digambar; angkanya ada di tabel.")
        return
    if d["realisasi"].isna().all() and d["target"].isna().all() and d["target_min"].isna().all():
        kosong(f"Belum ada target maupun realisasi {ctx.tahun} untuk indikator ini di provinsi dan kabupaten/kotanya.")
        return
    if besar:
        fig = g.desk_indikator(d, r["satuan"], ukuran_huruf=19, tinggi=g.tinggi_presentasi(len(d)))
    else:
        fig = g.desk_indikator(d, r["satuan"])
    grafik(fig, kunci=f"desk-{r['induk_id']}{'-p' if besar else ''}",
           nama_berkas=f"desk-{r['induk_kode']}-{ctx.provinsi}-{ctx.tahun}", judul=_judul(r),
           subjudul=f"{r['satuan']} · Provinsi {ctx.provinsi_nama} dan kabupaten/kota · {ctx.tahun}",
           sumber=sumber_data(d["sumber"]))


# -- mode presentasi: satu indikator per layar ---------------------------------------------------------
if presentasi:
    if n == 0:
        st.title(judul_urusan)
        kosong("Urusan ini belum punya indikator provinsi untuk tahun ini.")
    else:
        d, r, k = _satu(urutan[slide - 1])
        st.markdown(f"<h1 style='margin:0;padding:0'>{aman.html(_judul(r))}</h1>", unsafe_allow_html=True)
        kiri, k1, k2, k3, k4 = st.columns([3.0, 2.2, 0.7, 2.2, 2.2], vertical_alignment="center")
        status, _ = desk.kalimat_keselarasan(k) if not k.empty else (None, "")
        kiri.markdown(f"{judul_urusan} · {ctx.provinsi_nama} {ctx.tahun} · {aman.md(r['satuan'])} · ◆ provinsi"
                      + (f" · target kab/kota **{status}**" if status else ""))
        # Pengendali presentasi (clicker) mengirim PageUp/PageDown, sebagian panah kiri/kanan: keduanya menggeser.
        k1.button("◀ Sebelumnya", key="sebelumnya", on_click=_geser, args=(-1,), disabled=slide <= 1,
                  width="stretch", shortcut="PageUp", help="Juga tombol PageUp atau panah kiri")
        k2.markdown(f"<div class='pantau-posisi' data-testid='posisi-slide'>{slide} / {n}</div>",
                    unsafe_allow_html=True)
        k3.button("Berikutnya ▶", key="berikutnya", on_click=_geser, args=(1,), disabled=slide >= n,
                  width="stretch", type="primary", shortcut="PageDown", help="Juga tombol PageDown atau panah kanan")
        k4.toggle("Mode presentasi", key="presentasi")
        with st.container(key="pintasan-panah"):  # tersembunyi (CSS_PRESENTASI); hanya pintasan papan ketik
            st.button("◀", key="sebelumnya-panah", on_click=_geser, args=(-1,), disabled=slide <= 1,
                      shortcut="Left")
            st.button("▶", key="berikutnya-panah", on_click=_geser, args=(1,), disabled=slide >= n,
                      shortcut="Right")
        # Grafik dan kesimpulannya berdampingan: pada proyektor 1280x720 kesimpulan keselarasan dan dukungan tidak
        # jatuh di bawah layar, dan grafik tetap setinggi layar.
        grafik_kiri, kesimpulan = st.columns([2.5, 1], gap="medium")
        with kesimpulan:
            _keselarasan(k)
            dukungan_desk.ringkas_presentasi(provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun,
                                             induk_id=int(r["induk_id"]))
        with grafik_kiri:
            _grafik_indikator(d, r, besar=True)
    st.stop()

# -- mode biasa -----------------------------------------------------------------------------------------
with atas[1]:
    st.toggle("Mode presentasi", key="presentasi",
              help="Layar penuh untuk proyektor: tanpa panel samping, huruf besar, satu indikator per layar. "
                   "Tautan halaman ini (dengan ?presentasi=1&slide=…) membuka posisi yang sama di laptop lain.")

st.title(f"Desk urusan {nama_urusan[urusan]} · {ctx.provinsi_nama} {ctx.tahun}")
st.caption(f"{n} indikator provinsi urusan {judul_urusan}, dipasangkan dengan indikator kabupaten/kota yang "
           "mendukungnya (tautan indikator induk, atau kode yang sama). Indikator terlemah di atas; di tiap grafik "
           "provinsi (◆) di atas lalu kabupaten/kota dari capaian terendah. Label: realisasi · capaian · predikat.")
with st.expander("Cara memeriksa keselarasan target"):
    st.markdown(
        "Target kabupaten/kota tahun yang sama digabung lalu dibandingkan dengan target provinsi:\n"
        "- **cara menggabung** mengikuti `agregasi_wilayah` indikator provinsi; bila kosong: indikator "
        "*kumulatif* (arus, mis. jumlah kasus) **dijumlah**, indikator *akhir* (tingkat/rasio, mis. prevalensi) "
        "dirata-rata **tertimbang jumlah penduduk** (Dukcapil);\n"
        "- **selaras** bila gabungan ≥ target provinsi (indikator positif) atau ≤ target provinsi (negatif);\n"
        "- untuk tingkat/rasio, kabupaten/kota yang **targetnya lebih lemah** dari target provinsi ditandai, "
        "karena menarik gabungan menjauh dari target provinsi; untuk arus ditampilkan selisih jumlah terhadap "
        "target provinsi dan porsi tiap daerah;\n"
        "- indikator rentang dan kualitatif tidak diperiksa.")

if n == 0:
    kosong(f"Urusan {judul_urusan} belum punya indikator provinsi untuk {ctx.tahun}.")
    st.stop()

ringkas = kes.drop_duplicates("induk_id")
tidak = int((ringkas["selaras"] == False).sum())  # noqa: E712 (boolean bernilai NULL)
st.markdown(f"**Keselarasan target {ctx.tahun}:** {int((ringkas['selaras'] == True).sum())} selaras, "  # noqa: E712
            f"**{tidak} tidak selaras**, {int(ringkas['selaras'].isna().sum())} belum dapat diperiksa.")

kiri, kanan = st.columns([2.2, 1], gap="large")
ket = keterangan_filter(ctx_prov, Urusan=judul_urusan)
with kiri:
    for i, induk_id in enumerate(urutan, start=1):
        d, r, k = _satu(induk_id)
        tautan_indikator(replace(ctx_prov, periode_id=int(r["periode_id"])), int(induk_id),
                         f"**{i}. {aman.md(_judul(r))}** ({aman.md(r['satuan'])})")
        _grafik_indikator(d, r, besar=False)
        _keselarasan(k)
        with st.expander("Angka"):
            t = _tabel_angka(d)
            dp = desimal_data(t["Target"], t["Realisasi"])
            tabel(t, kunci=f"tabel-{induk_id}", nama_berkas=f"desk-{r['induk_kode']}-{ctx.provinsi}-{ctx.tahun}",
                  judul=_judul(r), keterangan=ket, desimal={"Target": dp, "Realisasi": dp, "Capaian (%)": 2},
                  column_config={"Buka": st.column_config.LinkColumn("Buka", display_text="buka indikator")})
        dukungan_desk.daftar(provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun, induk_id=int(induk_id),
                             induk_kode=r["induk_kode"], pasangan=d[["daerah_kode", "daerah", "jenis", "indikator_id"]],
                             daerah_awal=ctx.daerah, keterangan=ket)

# -- catatan sesi ---------------------------------------------------------------------------------------
bd = data.basis_data()
akun = pengguna()
with kanan:
    st.subheader("Catatan sesi")
    dae = data.tanya("daerah_dalam_provinsi", provinsi=ctx.provinsi)
    label_dae = {kd: (f"Provinsi {nm}" if j == "provinsi" else nm) for kd, nm, j in zip(dae["kode"], dae["nama"], dae["jenis"])}
    kode_dae = list(label_dae)
    daerah = st.selectbox("Catatan untuk", kode_dae, index=indeks_awal("catatan_daerah", kode_dae, ctx.daerah if ctx.daerah in kode_dae else ctx.provinsi),
                          key="catatan_daerah", format_func=label_dae.get)
    st.query_params["catatan_daerah"] = daerah
    kunci = f"{urusan}|{daerah}|{ctx.tahun}"
    terkini = desk.catatan_terkini(bd, urusan=urusan, daerah=daerah, tahun=ctx.tahun)
    if f"dasar|{kunci}" not in st.session_state:
        st.session_state[f"dasar|{kunci}"] = int(terkini["versi"]) if terkini else 0
        st.session_state[f"isi|{kunci}"] = {c: (terkini or {}).get(c) or "" for c in desk.KOLOM}
    dasar = st.session_state[f"dasar|{kunci}"]
    isi = st.session_state[f"isi|{kunci}"]

    def _muat_terbaru():
        t = desk.catatan_terkini(bd, urusan=urusan, daerah=daerah, tahun=ctx.tahun)
        st.session_state[f"dasar|{kunci}"] = int(t["versi"]) if t else 0
        st.session_state[f"isi|{kunci}"] = {c: (t or {}).get(c) or "" for c in desk.KOLOM}

    if terkini and int(terkini["versi"]) > dasar:
        st.warning(f"{aman.md(terkini['oleh'])} menyimpan versi {terkini['versi']} pada {format_waktu(terkini['pada'])} "
                   "sesudah Anda membuka catatan ini. Menyimpan tidak akan menimpanya: keduanya disimpan.",
                   icon=":material/group:")
        st.button("Muat versi terbaru", on_click=_muat_terbaru, key=f"muat|{kunci}",
                  help="Teks yang belum Anda simpan akan diganti versi terbaru")
    elif terkini:
        st.caption(f"Versi {terkini['versi']} · {aman.md(terkini['oleh'])} · {format_waktu(terkini['pada'])}")
    boleh_tulis = akun is not None and akun.boleh("catatan_desk", daerah)
    if akun is None:
        masuk.minta_masuk("Masuk dulu untuk menulis catatan sesi: catatan dicatat atas nama akun Anda.")
    elif not boleh_tulis:
        st.caption(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) dapat membaca catatan; yang menulisnya analis.")
    if boleh_tulis:
        with st.form(f"form|{kunci}|{dasar}", border=True):
            nilai = {c: st.text_area(desk.LABEL[c], value=isi[c], key=f"{c}|{kunci}|{dasar}", height=90) for c in desk.KOLOM}
            st.caption(f"Notulis: **{aman.md(akun.nama_lengkap)}** ({aman.md(akun.nama_pengguna)})")
            kirim = st.form_submit_button("Simpan catatan", type="primary", icon=":material/save:")
    else:
        kirim = False
    if kirim:
        try:
            hasil = desk.simpan_catatan(bd, urusan=urusan, daerah=daerah, tahun=ctx.tahun, pengguna=akun,
                                        versi_dasar=dasar, **nilai)
        except TidakBerizin as e:
            st.error(str(e), icon=":material/block:")
        else:
            if not hasil.tersimpan:
                st.info("Tidak ada perubahan untuk disimpan.")
            else:
                st.session_state[f"dasar|{kunci}"] = hasil.versi
                st.session_state[f"isi|{kunci}"] = {c: nilai[c] for c in desk.KOLOM}
                if hasil.konflik:
                    lain = "; ".join(f"versi {x['versi']} oleh {aman.md(x['oleh'])} ({format_waktu(x['pada'])})" for x in hasil.versi_lain)
                    st.warning(f"Tersimpan sebagai versi {hasil.versi}, tetapi sudah ada catatan lain yang disimpan "
                               f"sesudah Anda membuka catatan ini: {lain}. Keduanya tersimpan; tidak ada yang hilang. "
                               "Periksa dan gabungkan bila perlu.", icon=":material/warning:")
                    for x in hasil.versi_lain:
                        with st.expander(f"Versi {x['versi']} oleh {aman.md(x['oleh'])}"):
                            for c in desk.KOLOM:
                                st.markdown(f"**{desk.LABEL[c]}:** {aman.md(x[c]) or '–'}")
                else:
                    st.success(f"Catatan tersimpan (versi {hasil.versi}).", icon=":material/check:")

    semua = bd.tanya("desk_catatan", provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun)
    st.markdown(f"**Catatan {nama_urusan[urusan]} {ctx.tahun} yang tersimpan**")
    if semua.empty:
        kosong("Belum ada catatan untuk urusan dan tahun ini.")
    for c in semua.itertuples():
        with st.expander(f"{c.daerah} · versi {c.versi} · {aman.md(c.oleh)}"):
            # Catatan = teks pengguna: Markdown yang diloloskan, tanpa HTML (isu #19).
            st.markdown("\n".join(f"- **{desk.LABEL[k]}:** {aman.md(getattr(c, k)) or '–'}" for k in desk.KOLOM))
            st.caption(f"{format_waktu(c.pada)} · {c.jumlah_versi} versi tersimpan")

    st.subheader("Bahan rapat")
    nama_dek = _slug(f"desk-{urusan}-{nama_urusan[urusan]}-{ctx.provinsi}-{ctx.tahun}")
    masukan = dict(urusan=judul_urusan, provinsi=f"Provinsi {ctx.provinsi_nama}", tahun=ctx.tahun,
                   indikator=ind, keselarasan=kes, catatan=semua)
    # Dukungan dibaca saat tombol diklik: kesepakatan di fragmen indikator tidak menjalankan ulang bagian ini.
    def _dukungan():
        return bd.tanya("desk_dukungan", provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun)

    st.download_button("Unduh PowerPoint", data=lambda: dek.bangun_dek(**masukan, dukungan=_dukungan()), file_name=f"{nama_dek}.pptx",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       key="unduh-pptx", icon=":material/slideshow:", on_click="ignore", width="stretch")
    st.download_button("Unduh PDF", data=lambda: dek.bangun_pdf(**masukan, dukungan=_dukungan()), file_name=f"{nama_dek}.pdf",
                       mime="application/pdf", key="unduh-pdf", icon=":material/picture_as_pdf:", on_click="ignore",
                       width="stretch")
    st.caption(f"Slide judul; untuk {n} indikator grafik, angka dan semua sub kegiatan pendukung; catatan sesi dan "
               "semua sub kegiatan yang disepakati. Huruf paling kecil 18 pt; yang panjang berlanjut ke slide berikutnya.")
