"""Halaman Desk Urusan: pilihan urusan dan posisi slide (di URL), mode presentasi, mode biasa, catatan sesi (dengan
protokol bentrok versi) dan bahan rapat. Angka dari ``queries/desk_*.sql`` lewat ``data.tanya``; menulis catatan
lewat ``pantau.desk.catatan`` (izin, transaksi, riwayat di sana)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from pantau import desk
from pantau.aturan import aman
from pantau.aturan.format import format_waktu
from pantau.aturan.izin import TidakBerizin
from pantau.aturan.usulan import label_keputusan, label_status, mengapa
from pantau.db import GALAT_TULIS
from pantau.desk.bahan import kumpulkan
from pantau.keluaran import dek
from pantau.keluaran import grafik as g
from pantau.ui import data, dukungan_desk, masuk, url
from pantau.ui.bingkai import Konteks
from pantau.ui.komponen import (
    desimal_data,
    gambar,
    grafik,
    keterangan_filter,
    kolom_target_realisasi,
    kosong,
    rincian,
    slug,
    sumber_data,
    tabel,
    tautan_indikator,
)

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

CARA_KESELARASAN = (
    "Target kabupaten/kota tahun yang sama digabung lalu dibandingkan dengan target provinsi:\n"
    "- **cara menggabung** mengikuti `agregasi_wilayah` indikator provinsi; bila kosong: indikator "
    "*kumulatif* (arus, mis. jumlah kasus) **dijumlah**, indikator *akhir* (tingkat/rasio, mis. prevalensi) "
    "dirata-rata **tertimbang jumlah penduduk** (Dukcapil);\n"
    "- **selaras** bila gabungan ≥ target provinsi (indikator positif) atau ≤ target provinsi (negatif);\n"
    "- untuk tingkat/rasio, kabupaten/kota yang **targetnya lebih lemah** dari target provinsi ditandai, "
    "karena menarik gabungan menjauh dari target provinsi; untuk arus ditampilkan selisih jumlah terhadap "
    "target provinsi dan porsi tiap daerah;\n"
    "- indikator rentang dan kualitatif tidak diperiksa.")


@dataclass
class Desk:
    """Apa yang sedang dibahas: urusan, indikatornya, keselarasannya, dan posisi slide."""
    ctx: Konteks
    urusan: str
    nama_urusan: dict[str, str]
    ind: pd.DataFrame
    kes: pd.DataFrame
    urutan: list
    slide: int
    presentasi: bool
    kolom_atas: list | None

    @property
    def n(self) -> int:
        return len(self.urutan)

    @property
    def judul_urusan(self) -> str:
        return f"{self.urusan} {self.nama_urusan[self.urusan]}"

    @property
    def ctx_prov(self) -> Konteks:
        c = self.ctx
        return replace(c, daerah=c.provinsi, daerah_nama=f"Provinsi {c.provinsi_nama}", jenis="provinsi")

    def satu(self, induk_id):
        """(baris provinsi dan kab/kota, baris pertama, keselarasan) satu indikator provinsi. Mode biasa dan
        presentasi hanya memerlukan satu indikator (disaring sendiri); ikhtisar memerlukan semuanya (``semua``)."""
        if not hasattr(self, "_per_indikator"):
            self._per_indikator = {}
        if induk_id not in self._per_indikator:
            d = self.ind[self.ind["induk_id"] == induk_id]
            k = self.kes[self.kes["induk_id"] == induk_id] if not self.kes.empty else self.kes.iloc[0:0]
            self._per_indikator[induk_id] = (d, d.iloc[0], k)
        return self._per_indikator[induk_id]

    def semua(self):
        """``satu`` untuk setiap indikator urusan ini, urut slide; dikelompokkan sekali (menyaring per indikator
        ~1 ms x belasan indikator)."""
        kes = dict(tuple(self.kes.groupby("induk_id", sort=False))) if not self.kes.empty else {}
        self._per_indikator = {i: (d, d.iloc[0], kes.get(i, self.kes.iloc[0:0]))
                               for i, d in self.ind.groupby("induk_id", sort=False)}
        return [(i, self._per_indikator[i]) for i in self.urutan]

    def label_indikator(self) -> dict[int, str]:
        """Nomor slide -> "kode · nama" indikator provinsi, untuk pemilih (tanpa membentuk baris per indikator)."""
        pertama = (self.ind.drop_duplicates("induk_id").set_index("induk_id")[["induk_kode", "induk_nama"]]
                   .to_dict("index"))
        return {n: f"{n}. {_judul(pertama[i])}" for n, i in enumerate(self.urutan, start=1)}


def _geser(langkah: int) -> None:
    st.session_state["slide"] = st.session_state.get("slide", 1) + langkah


def siapkan(ctx: Konteks) -> Desk:
    """Urusan (pemilih, atau dari URL di mode presentasi), mode presentasi dan posisi slide, semuanya di URL.
    Provinsi tanpa indikator urusan tahun itu: penjelasan, lalu halaman berhenti."""
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
        st.session_state["slide"] = url.bilangan("slide", 1)
    atas = None if st.session_state["presentasi"] else st.columns([3, 1.2])
    if atas:
        with atas[0]:
            urusan = st.selectbox("Urusan", kode_urusan, index=url.indeks_awal("urusan", kode_urusan, kode_urusan[0]),
                                  key="urusan", format_func=lambda k: f"{k} {nama_urusan[k]}", placeholder="Pilih…")
    else:  # mode presentasi: tanpa pemilih, urusan dari URL (atau pilihan terakhir sesi ini)
        urusan = kode_urusan[url.indeks_awal("urusan", kode_urusan, kode_urusan[0])]
    st.query_params["urusan"] = urusan
    if st.session_state.get("urusan_slide", urusan) != urusan:  # urusan lain: mulai dari indikator pertamanya
        st.session_state["slide"] = 1
    st.session_state["urusan_slide"] = urusan
    ind = data.tanya("desk_indikator", provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun)
    kes = data.tanya("desk_keselarasan", provinsi=ctx.provinsi, urusan=urusan, tahun=ctx.tahun)
    urutan = list(dict.fromkeys(ind["induk_id"]))
    st.session_state["slide"] = min(max(1, int(st.session_state["slide"])), max(len(urutan), 1))
    presentasi = st.session_state["presentasi"]
    url.tulis("presentasi", "1" if presentasi else "")
    url.tulis("slide", str(st.session_state["slide"]) if presentasi or st.session_state["slide"] > 1 else "")
    if presentasi:
        st.markdown(CSS_PRESENTASI, unsafe_allow_html=True)
    dukungan_desk.gaya()
    return Desk(ctx, urusan, nama_urusan, ind, kes, urutan, st.session_state["slide"], presentasi, atas)


def _judul(r) -> str:
    return f"{r['induk_kode']} · {r['induk_nama']}"


def _tabel_angka(desk_: Desk, d: pd.DataFrame) -> pd.DataFrame:
    c = desk_.ctx
    return pd.DataFrame({
        "Daerah": d["daerah"],
        "Buka": ["Indikator?" + urlencode({"provinsi": c.provinsi, "daerah": k, "tahun": c.tahun, "indikator": int(i)})
                 for k, i in zip(d["daerah_kode"], d["indikator_id"])],
        **kolom_target_realisasi(d),
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


def _grafik_indikator(desk_: Desk, d, r, *, besar: bool) -> None:
    c = desk_.ctx
    if r["polaritas"] == "teks":
        kosong("Indikator kualitatif: tidak digambar; angkanya ada di tabel.")
        return
    if d["realisasi"].isna().all() and d["target"].isna().all() and d["target_min"].isna().all():
        kosong(f"Belum ada target maupun realisasi {c.tahun} untuk indikator ini di provinsi dan kabupaten/kotanya.")
        return
    fig = (gambar(g.desk_indikator, d, r["satuan"], ukuran_huruf=19, tinggi=g.tinggi_presentasi(len(d))) if besar
           else gambar(g.desk_indikator, d, r["satuan"]))
    grafik(fig, kunci=f"desk-{r['induk_id']}{'-p' if besar else ''}",
           nama_berkas=f"desk-{r['induk_kode']}-{c.provinsi}-{c.tahun}", judul=_judul(r),
           subjudul=f"{r['satuan']} · Provinsi {c.provinsi_nama} dan kabupaten/kota · {c.tahun}",
           sumber=sumber_data(d["sumber"]))


def presentasi(desk_: Desk) -> None:
    """Satu indikator per layar: judul, pengendali slide (juga PageUp/PageDown dan panah), grafik setinggi layar dan
    kesimpulannya di samping (pada proyektor 1280x720 kesimpulan tidak jatuh di bawah layar)."""
    c, n, slide = desk_.ctx, desk_.n, desk_.slide
    if n == 0:
        st.title(desk_.judul_urusan)
        kosong("Urusan ini belum punya indikator provinsi untuk tahun ini.")
        return
    d, r, k = desk_.satu(desk_.urutan[slide - 1])
    st.markdown(f"<h1 style='margin:0;padding:0'>{aman.html(_judul(r))}</h1>", unsafe_allow_html=True)
    kiri, k1, k2, k3, k4 = st.columns([3.0, 2.2, 0.7, 2.2, 2.2], vertical_alignment="center")
    status, _ = desk.kalimat_keselarasan(k) if not k.empty else (None, "")
    kiri.markdown(f"{desk_.judul_urusan} · {c.provinsi_nama} {c.tahun} · {aman.md(r['satuan'])} · ◆ provinsi"
                  + (f" · target kab/kota **{status}**" if status else ""))
    k1.button("◀ Sebelumnya", key="sebelumnya", on_click=_geser, args=(-1,), disabled=slide <= 1,
              width="stretch", shortcut="PageUp", help="Juga tombol PageUp atau panah kiri")
    k2.markdown(f"<div class='pantau-posisi' data-testid='posisi-slide'>{slide} / {n}</div>", unsafe_allow_html=True)
    k3.button("Berikutnya ▶", key="berikutnya", on_click=_geser, args=(1,), disabled=slide >= n,
              width="stretch", type="primary", shortcut="PageDown", help="Juga tombol PageDown atau panah kanan")
    k4.toggle("Mode presentasi", key="presentasi")
    with st.container(key="pintasan-panah"):  # tersembunyi (CSS_PRESENTASI); hanya pintasan papan ketik
        st.button("◀", key="sebelumnya-panah", on_click=_geser, args=(-1,), disabled=slide <= 1, shortcut="Left")
        st.button("▶", key="berikutnya-panah", on_click=_geser, args=(1,), disabled=slide >= n, shortcut="Right")
    grafik_kiri, kesimpulan = st.columns([2.5, 1], gap="medium")
    with kesimpulan:
        _keselarasan(k)
        dukungan_desk.ringkas_presentasi(provinsi=c.provinsi, urusan=desk_.urusan, tahun=c.tahun,
                                         induk_id=int(r["induk_id"]))
    with grafik_kiri:
        _grafik_indikator(desk_, d, r, besar=True)


def kepala(desk_: Desk) -> None:
    """Mode biasa: tombol mode presentasi, judul, cara memeriksa keselarasan dan ringkasan keselarasan."""
    c = desk_.ctx
    with desk_.kolom_atas[1]:
        st.toggle("Mode presentasi", key="presentasi",
                  help="Layar penuh untuk proyektor: tanpa panel samping, huruf besar, satu indikator per layar. "
                       "Tautan halaman ini (dengan ?presentasi=1&slide=…) membuka posisi yang sama di laptop lain.")
    st.title(f"Desk urusan {desk_.nama_urusan[desk_.urusan]} · {c.provinsi_nama} {c.tahun}")
    st.caption(f"{desk_.n} indikator provinsi urusan {desk_.judul_urusan}, dipasangkan dengan indikator "
               "kabupaten/kota yang mendukungnya (tautan indikator induk, atau kode yang sama). Indikator terlemah di "
               "atas; di tiap grafik provinsi (◆) di atas lalu kabupaten/kota dari capaian terendah. Label: realisasi "
               "· capaian · predikat.")
    with st.expander("Cara memeriksa keselarasan target"):
        st.markdown(CARA_KESELARASAN)
    if desk_.n == 0:
        kosong(f"Urusan {desk_.judul_urusan} belum punya indikator provinsi untuk {c.tahun}.")
        st.stop()
    ringkas = desk_.kes.drop_duplicates("induk_id")["selaras"]
    st.markdown(f"**Keselarasan target {c.tahun}:** {int((ringkas == True).sum())} selaras, "  # noqa: E712
                f"**{int((ringkas == False).sum())} tidak selaras**, "  # noqa: E712 (boolean bernilai NULL)
                f"{int(ringkas.isna().sum())} belum dapat diperiksa.")


#: Tab mode biasa (label tetap: pilihan tab bertahan saat urusan atau tahun diganti).
TAB_BAGIAN = ("Indikator yang dibahas", "Semua indikator", "Usulan kabupaten/kota")


def tab_bagian():
    """Mode biasa: tiga tab di kolom kiri. Hanya isi tab yang terbuka yang dijalankan (``on_change="rerun"``):
    halaman tidak membangun dan mengirim ikhtisar dan usulan selagi ruang rapat melihat satu indikator (isu #15)."""
    return st.tabs(list(TAB_BAGIAN), key="desk_bagian", on_change="rerun")


def _pilih_dari_daftar() -> None:
    st.session_state["slide"] = st.session_state["indikator_dibahas"]


def pilih_indikator(desk_: Desk) -> int:
    """Mode biasa: pemilih indikator yang dibahas. Posisinya sama dengan slide mode presentasi (dan ikut di URL),
    jadi berpindah mode tetap di indikator yang sama dan tautan membuka indikator yang sama."""
    n = desk_.n
    if st.session_state.get("indikator_dibahas") != desk_.slide:
        st.session_state["indikator_dibahas"] = desk_.slide
    label = desk_.label_indikator()
    st.selectbox(f"Indikator yang dibahas ({n} indikator, terlemah lebih dulu)", list(label), key="indikator_dibahas",
                 format_func=label.get, on_change=_pilih_dari_daftar)
    return desk_.slide


def indikator_terpilih(desk_: Desk) -> None:
    """Mode biasa: indikator yang dipilih dengan grafik, keselarasan, angka dan dukungan sub kegiatannya. Hanya satu
    indikator yang digambar (urusan provinsi besar punya belasan; semuanya ada di ikhtisar di bawahnya)."""
    c = desk_.ctx
    i = pilih_indikator(desk_)
    induk_id = desk_.urutan[i - 1]
    d, r, k = desk_.satu(induk_id)
    ket = keterangan_filter(desk_.ctx_prov, Urusan=desk_.judul_urusan)
    tautan_indikator(replace(desk_.ctx_prov, periode_id=int(r["periode_id"])), int(induk_id),
                     f"**{i}. {aman.md(_judul(r))}** ({aman.md(r['satuan'])})")
    _grafik_indikator(desk_, d, r, besar=False)
    _keselarasan(k)
    # Rincian di expander dibangun dan dikirim hanya saat dibuka (isu #15); terbuka tetap terbuka antarindikator.
    if (angka := rincian("Angka", kunci="desk-angka")) is not None:
        with angka:
            _angka(desk_, d, r, ket)
    dukungan_desk.daftar(provinsi=c.provinsi, urusan=desk_.urusan, tahun=c.tahun, induk_id=int(induk_id),
                         induk_kode=r["induk_kode"], pasangan=d[["daerah_kode", "daerah", "jenis", "indikator_id"]],
                         daerah_awal=c.daerah, keterangan=ket)


def _angka(desk_: Desk, d: pd.DataFrame, r, ket: dict[str, str]) -> None:
    c = desk_.ctx
    t = _tabel_angka(desk_, d)
    dp = desimal_data(t["Target"], t["Realisasi"])
    tabel(t, kunci=f"tabel-{r['induk_id']}", nama_berkas=f"desk-{r['induk_kode']}-{c.provinsi}-{c.tahun}",
          judul=_judul(r), keterangan=ket, desimal={"Target": dp, "Realisasi": dp, "Capaian (%)": 2},
          column_config={"Buka": st.column_config.LinkColumn("Buka", display_text="buka indikator")})


KESELARASAN = {True: "selaras", False: "tidak selaras"}


def tabel_ikhtisar(desk_: Desk) -> pd.DataFrame:
    """Satu baris per indikator provinsi urusan ini (urutan slide): capaian provinsi, rata-rata capaian provinsi dan
    kabupaten/kota (dasar urutan), daerah yang berdata, dan keselarasan target."""
    selaras = dict(zip(desk_.kes["induk_id"], desk_.kes["selaras"])) if not desk_.kes.empty else {}
    baris = []
    for i, (induk_id, (d, r, _)) in enumerate(desk_.semua(), start=1):
        prov = d[d["jenis"] == "provinsi"]
        p = prov.iloc[0] if not prov.empty else None
        s = selaras.get(induk_id)
        baris.append({
            "No": i, "Indikator": _judul(r), "Satuan": r["satuan"],
            "Capaian provinsi (%)": None if p is None or pd.isna(p["capaian"]) else float(p["capaian"]),
            "Predikat provinsi": None if p is None or pd.isna(p["predikat"]) else p["predikat"],
            "Rata-rata capaian (%)": None if pd.isna(r["rata_capaian"]) else float(r["rata_capaian"]),
            "Daerah berdata": f"{int(d['capaian'].notna().sum())} dari {len(d)}",
            "Keselarasan target": KESELARASAN.get(None if pd.isna(s) else bool(s), "belum dapat diperiksa")
            if induk_id in selaras else "belum dapat diperiksa",
        })
    return pd.DataFrame(baris)


def ikhtisar(desk_: Desk) -> None:
    """Mode biasa: semua indikator urusan ini dalam satu tabel (tanpa grafik), nomornya sama dengan pemilih."""
    c = desk_.ctx
    st.caption("Nomor = urutan di pemilih dan slide presentasi (terlemah lebih dulu). Rata-rata capaian: provinsi "
               "dan kabupaten/kota, tiap capaian dibatasi 100%. – = belum ada data tahun ini.")
    tabel(tabel_ikhtisar(desk_), kunci="ikhtisar", nama_berkas=f"desk-{desk_.urusan}-{c.provinsi}-{c.tahun}-ikhtisar",
          judul=f"Desk urusan {desk_.judul_urusan} · {c.provinsi_nama} {c.tahun}",
          keterangan=keterangan_filter(desk_.ctx_prov, Urusan=desk_.judul_urusan),
          desimal={"Capaian provinsi (%)": 2, "Rata-rata capaian (%)": 2})


def _isi_dari(catatan: dict | None) -> dict[str, str]:
    return {k: (catatan or {}).get(k) or "" for k in desk.KOLOM}


def catatan_sesi(desk_: Desk) -> None:
    """Catatan sesi (pendorong, penghambat, tindak lanjut) satu daerah. Protokol versi: yang dibuka penyimpan
    (``dasar``) dibandingkan dengan yang berlaku; simpan tidak pernah menimpa catatan orang lain."""
    c, urusan = desk_.ctx, desk_.urusan
    bd = data.basis_data()
    akun = masuk.pengguna()
    st.subheader("Catatan sesi")
    dae = data.tanya("daerah_dalam_provinsi", provinsi=c.provinsi)
    label = {kd: (f"Provinsi {nm}" if j == "provinsi" else nm)
             for kd, nm, j in zip(dae["kode"], dae["nama"], dae["jenis"])}
    kode = list(label)
    daerah = st.selectbox("Catatan untuk", kode, key="catatan_daerah", format_func=label.get,
                          index=url.indeks_awal("catatan_daerah", kode, c.daerah if c.daerah in kode else c.provinsi))
    st.query_params["catatan_daerah"] = daerah
    kunci = f"{urusan}|{daerah}|{c.tahun}"
    terkini = desk.catatan_terkini(bd, urusan=urusan, daerah=daerah, tahun=c.tahun)
    if f"dasar|{kunci}" not in st.session_state:
        st.session_state[f"dasar|{kunci}"] = int(terkini["versi"]) if terkini else 0
        st.session_state[f"isi|{kunci}"] = _isi_dari(terkini)
    dasar, isi = st.session_state[f"dasar|{kunci}"], st.session_state[f"isi|{kunci}"]

    def _muat_terbaru():
        t = desk.catatan_terkini(bd, urusan=urusan, daerah=daerah, tahun=c.tahun)
        st.session_state[f"dasar|{kunci}"] = int(t["versi"]) if t else 0
        st.session_state[f"isi|{kunci}"] = _isi_dari(t)

    if terkini and int(terkini["versi"]) > dasar:
        st.warning(f"{aman.md(terkini['oleh'])} menyimpan versi {terkini['versi']} pada "
                   f"{format_waktu(terkini['pada'])} sesudah Anda membuka catatan ini. Menyimpan tidak akan "
                   "menimpanya: keduanya disimpan.",
                   icon=":material/group:")
        st.button("Muat versi terbaru", on_click=_muat_terbaru, key=f"muat|{kunci}",
                  help="Teks yang belum Anda simpan akan diganti versi terbaru")
    elif terkini:
        st.caption(f"Versi {terkini['versi']} · {aman.md(terkini['oleh'])} · {format_waktu(terkini['pada'])}")
    boleh = akun is not None and akun.boleh("catatan_desk", daerah)
    if akun is None:
        masuk.minta_masuk("Masuk dulu untuk menulis catatan sesi: catatan dicatat atas nama akun Anda.")
    elif not boleh:
        st.caption(f"Akun {aman.md(akun.nama_pengguna)} ({akun.label_peran}) dapat membaca catatan; yang menulisnya "
                   "analis.")
    kirim = False
    if boleh:
        with st.form(f"form|{kunci}|{dasar}", border=True):
            nilai = {k: st.text_area(desk.LABEL[k], value=isi[k], key=f"{k}|{kunci}|{dasar}", height=90)
                     for k in desk.KOLOM}
            st.caption(f"Notulis: **{aman.md(akun.nama_lengkap)}** ({aman.md(akun.nama_pengguna)})")
            kirim = st.form_submit_button("Simpan catatan", type="primary", icon=":material/save:")
    if kirim:
        _simpan(bd, akun, desk_, daerah, kunci, dasar, nilai)
    _daftar_catatan(desk_)


def _simpan(bd, akun, desk_: Desk, daerah: str, kunci: str, dasar: int, nilai: dict) -> None:
    try:
        hasil = desk.simpan_catatan(bd, urusan=desk_.urusan, daerah=daerah, tahun=desk_.ctx.tahun, pengguna=akun,
                                    versi_dasar=dasar, **nilai)
    except TidakBerizin as e:
        st.error(aman.md(e), icon=":material/block:")
        return
    except GALAT_TULIS as e:  # berkas rusak, disk penuh, hanya-baca (isu #17)
        st.error(f"Catatan tidak tersimpan. {data.gagal_tulis(e, 'Catatan desk')}", icon=":material/error:")
        return
    if not hasil.tersimpan:
        st.info("Tidak ada perubahan untuk disimpan.")
        return
    data.segarkan()
    st.session_state[f"dasar|{kunci}"] = hasil.versi
    st.session_state[f"isi|{kunci}"] = dict(nilai)
    if not hasil.konflik:
        st.success(f"Catatan tersimpan (versi {hasil.versi}).", icon=":material/check:")
        return
    lain = "; ".join(f"versi {x['versi']} oleh {aman.md(x['oleh'])} ({format_waktu(x['pada'])})"
                     for x in hasil.versi_lain)
    st.warning(f"Tersimpan sebagai versi {hasil.versi}, tetapi sudah ada catatan lain yang disimpan sesudah Anda "
               f"membuka catatan ini: {lain}. Keduanya tersimpan; tidak ada yang hilang. "
               "Periksa dan gabungkan bila perlu.",
               icon=":material/warning:")
    for x in hasil.versi_lain:
        with st.expander(f"Versi {x['versi']} oleh {aman.md(x['oleh'])}"):
            for k in desk.KOLOM:
                st.markdown(f"**{desk.LABEL[k]}:** {aman.md(x[k]) or '–'}")


def _daftar_catatan(desk_: Desk) -> None:
    c = desk_.ctx
    semua = data.tanya("desk_catatan", provinsi=c.provinsi, urusan=desk_.urusan, tahun=c.tahun)
    st.markdown(f"**Catatan {desk_.nama_urusan[desk_.urusan]} {c.tahun} yang tersimpan**")
    if semua.empty:
        kosong("Belum ada catatan untuk urusan dan tahun ini.")
    for x in semua.itertuples():
        with st.expander(f"{x.daerah} · versi {x.versi} · {aman.md(x.oleh)}"):
            # Catatan = teks pengguna: Markdown yang diloloskan, tanpa HTML (keputusan #19).
            st.markdown("\n".join(f"- **{desk.LABEL[k]}:** {aman.md(getattr(x, k)) or '–'}" for k in desk.KOLOM))
            st.caption(f"{format_waktu(x.pada)} · {x.jumlah_versi} versi tersimpan")


def bahan_rapat(desk_: Desk) -> None:
    """Dek PowerPoint dan PDF; semua kueri dibaca saat tombol diklik (kesepakatan di fragmen indikator tidak
    menjalankan ulang bagian ini)."""
    c = desk_.ctx
    st.subheader("Bahan rapat")
    nama = slug(f"desk-{desk_.urusan}-{desk_.nama_urusan[desk_.urusan]}-{c.provinsi}-{c.tahun}")

    def bahan():
        return kumpulkan(data.tanya, provinsi=c.provinsi, urusan=desk_.urusan, tahun=c.tahun,
                         judul_urusan=desk_.judul_urusan, nama_provinsi=f"Provinsi {c.provinsi_nama}")

    st.download_button("Unduh PowerPoint", data=lambda: dek.bangun_dek(bahan()), file_name=f"{nama}.pptx",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       key="unduh-pptx", icon=":material/slideshow:", on_click="ignore", width="stretch")
    st.download_button("Unduh PDF", data=lambda: dek.bangun_pdf(bahan()), file_name=f"{nama}.pdf",
                       mime="application/pdf", key="unduh-pdf", icon=":material/picture_as_pdf:", on_click="ignore",
                       width="stretch")
    st.caption(f"Slide judul; untuk {desk_.n} indikator grafik, angka dan semua sub kegiatan pendukung; catatan sesi "
               "dan semua sub kegiatan yang disepakati. Huruf paling kecil 18 pt; yang panjang berlanjut ke slide "
               "berikutnya.")


def usulan_urusan(desk_: Desk) -> None:
    """Usulan kabupaten/kota yang berurusan ini (keputusan #20), di samping indikatornya; keputusan dicatat di
    halaman Usulan."""
    c = desk_.ctx
    u = data.tanya("desk_usulan", provinsi=c.provinsi, urusan=desk_.urusan, tahun=c.tahun)
    if u.empty:
        kosong(f"Tidak ada usulan kabupaten/kota berurusan {desk_.judul_urusan} untuk RKPD {c.tahun} atau "
               f"{c.tahun + 1}.")
        return
    st.caption(f"{len(u)} usulan, {int((u['status'] == 'sejalan').sum())} sejalan dengan prioritas provinsi. "
               "Keputusan dicatat di halaman Usulan.")
    tampil = pd.DataFrame({
        "Kabupaten/kota": u["daerah_nama"], "RKPD": u["tahun"].astype(int).astype(str), "No": u["nomor"].astype(int),
        "Judul": u["judul"], "Prioritas": u["prioritas_kode"].fillna("–"), "Status": u["status"].map(label_status),
        "Mengapa": [mengapa(r) for r in u.to_dict("records")], "Biaya (Rp)": u["biaya"],
        "Keputusan": u["keputusan"].map(label_keputusan)})
    tabel(tampil, kunci="desk-usulan", nama_berkas=f"usulan-{desk_.urusan}-{c.provinsi}-{c.tahun}",
          judul=f"Usulan kabupaten/kota urusan {desk_.judul_urusan}",
          keterangan=keterangan_filter(c, Urusan=desk_.judul_urusan), desimal={"Biaya (Rp)": 0})
    st.page_link("pages/9_Usulan.py", label="Catat keputusan di halaman Usulan", icon=":material/inbox:",
                 query_params={**c.params(), "u_urusan": desk_.urusan})
