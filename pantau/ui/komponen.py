"""Komponen yang dipakai lebih dari satu halaman: grafik dengan unduhan PNG, tabel dengan unduhan
CSV/Excel, tautan ke halaman Indikator, dan keadaan kosong yang menjelaskan dirinya."""
from __future__ import annotations

import math
import re
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau.aturan import aman
from pantau.aturan.angka import format_angka, format_rentang, format_ringkas
from pantau.aturan.format import KOSONG, format_waktu_kolom, judul_kolom, nama_kolom, periode_label
from pantau.keluaran import ekspor
from pantau.keluaran.grafik import KONFIG
from pantau.ui.bingkai import Konteks

HALAMAN_INDIKATOR = "pages/1_Indikator.py"


def slug(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")[:80] or "pantau"


#: Ukuran PNG unduhan: 1200 px CSS (huruf grafik 15 px tetap terbaca bila ditempel selebar halaman laporan),
#: digambar dua kali lebih rapat (2400 px) agar tajam saat dicetak.
PNG_LEBAR, PNG_SKALA = 1200, 2


def sumber_data(*nilai, maks: int = 3) -> str | None:
    """Sumber data untuk kaki PNG dari kolom ``sumber`` (urut kemunculan, tanpa ulangan): "BPS; Dinkes" atau
    "BPS; Dinkes; SSGI dan 2 sumber lain"; None bila tidak ada."""
    unik = list(dict.fromkeys(str(v).strip() for kolom in nilai for v in kolom
                              if isinstance(v, str) and v.strip() and v.strip() != "–"))
    if not unik:
        return None
    return "; ".join(unik[:maks]) + (f" dan {len(unik) - maks} sumber lain" if len(unik) > maks else "")


class GambarJadi(go.Figure):
    """Gambar Plotly yang sudah jadi: spesifikasinya (``to_dict``) diambil dari tembolok, tidak dibangun dan
    divalidasi ulang. ``st.plotly_chart`` hanya memanggil ``to_dict``; ``asli()`` membangun gambar Plotly utuh
    bila benar-benar diperlukan (PNG)."""

    def __init__(self, spek: dict):
        super().__init__()
        self._spek = spek

    def to_dict(self) -> dict:
        return self._spek

    def asli(self) -> go.Figure:
        return go.Figure(self._spek)


@st.cache_data(max_entries=512, show_spinner=False)
def _spek(nama: str, _fungsi, args: tuple, kwargs: dict) -> dict:
    return _fungsi(*args, **kwargs).to_dict()


def gambar(fungsi, *args, **kwargs) -> GambarJadi:
    """``fungsi(*args, **kwargs)`` (pembangun gambar di ``pantau.keluaran``) lewat tembolok: kuncinya nama fungsi
    dan ISI argumennya (DataFrame di-hash menurut isinya), jadi data yang berubah membangun gambar baru dan yang sama
    memakai spesifikasi yang sudah ada. Membangun satu gambar Plotly (validasi setiap properti) makan 30-200 ms;
    mengambilnya dari tembolok ~1 ms (keputusan #15)."""
    return GambarJadi(_spek(f"{fungsi.__module__}.{fungsi.__qualname__}", fungsi, args, kwargs))


def grafik(fig, *, kunci: str, nama_berkas: str, on_select=None, judul: str | None = None,
           subjudul: str | None = None, sumber: str | None = None) -> object:
    """Tampilkan gambar Plotly dan tombol 'Unduh PNG' (dibuat oleh kaleido saat diklik). PNG memuat ``judul``
    (bawaan: dari ``nama_berkas``), ``subjudul`` (indikator, daerah, tahun) dan baris sumber
    "Sumber: Pantau, data ``sumber``; diunduh <tanggal>" (lihat ``ekspor.png_bytes``)."""
    kw = {"on_select": on_select, "selection_mode": "points"} if on_select else {}
    hasil = st.plotly_chart(fig, key=kunci, config=KONFIG, width="stretch", **kw)
    judul_png = judul or nama_berkas.replace("-", " ")
    asli = fig.asli if isinstance(fig, GambarJadi) else (lambda: fig)
    st.download_button(
        "Unduh PNG", data=lambda: ekspor.png_bytes(asli(), lebar=PNG_LEBAR, skala=PNG_SKALA, judul=judul_png,
                                                   subjudul=subjudul, sumber=sumber),
        file_name=f"{slug(nama_berkas)}.png",
        mime="image/png", key=f"{kunci}-png", icon=":material/image:", type="tertiary", on_click="ignore",
    )
    return hasil


def desimal_data(*kolom, maks: int = 4) -> int:
    """Jumlah desimal yang benar-benar dipakai angka-angka ini, paling banyak ``maks``: presisi indikator untuk
    tampilan dan format Excel (Gini 0,307 -> 3, IPM 71,48 -> 2, jumlah kasus 75 -> 0)."""
    d = 0
    for nilai in kolom:
        for v in nilai:
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                continue
            while d < maks and abs(round(v, d) - v) > 1e-9 * max(1.0, abs(v)):
                d += 1
    return d


def target_angka(target, t_min, t_max):
    """Target sebagai angka untuk kolom angka: nilai tunggal, atau pita [x, x]; pita lebar dan teks -> None
    (tampil di kolom "Rentang/teks"), seperti tabel halaman Daerah."""
    if not pd.isna(target):
        return float(target)
    if not pd.isna(t_min) and t_min == t_max:
        return float(t_min)
    return None


def teks_rentang(t_min, t_max, t_teks=None, r_teks=None) -> str:
    """Isi kolom "Rentang/teks": target pita ("target 5,5–6,5") dan target/realisasi kualitatif."""
    bagian = []
    if not pd.isna(t_min) and not pd.isna(t_max) and t_min != t_max:
        bagian.append(f"target {format_rentang(t_min, t_max)}")
    if isinstance(t_teks, str):
        bagian.append(f"target {t_teks}")
    if isinstance(r_teks, str):
        bagian.append(f"realisasi {r_teks}")
    return "; ".join(bagian)


def kolom_target_realisasi(df: pd.DataFrame) -> dict[str, object]:
    """Kolom "Target", "Realisasi" (angka, tetap angka di unduhan) dan "Rentang/teks" (pita dan teks) dari kolom
    ``target``, ``target_min``, ``target_max``, ``target_teks``, ``realisasi``, ``realisasi_teks`` sebuah kueri: satu
    bentuk untuk setiap tabel yang menampilkan target dan realisasi."""
    return {
        "Target": np.array([target_angka(a, b, c) for a, b, c in zip(df["target"], df["target_min"], df["target_max"])],
                           dtype=float),
        "Realisasi": df["realisasi"].astype(float).to_numpy(),
        "Rentang/teks": [teks_rentang(b, c, t, r) for b, c, t, r in zip(
            df["target_min"], df["target_max"], df.get("target_teks", pd.Series([None] * len(df))),
            df.get("realisasi_teks", pd.Series([None] * len(df))))],
    }


#: Isi kolom ``tabel`` dan ``aksi`` riwayat sebagai kata untuk pembaca.
DATA_RIWAYAT = {"realisasi": "Realisasi", "target": "Target", "indikator": "Indikator", "dukungan": "Dukungan",
                "pengguna": "Akun", "pengaturan": "Pengaturan", "catatan_desk": "Catatan desk", "impor": "Impor",
                "skala_predikat": "Skala predikat"}
AKSI_RIWAYAT = {"tambah": "tambah", "ubah": "ubah", "hapus": "hapus", "batal": "batal"}


#: Kolom riwayat yang nilainya angka, disimpan apa adanya ("88.8", "1.5 - 3.5"): ditampilkan cara Indonesia.
KOLOM_ANGKA_RIWAYAT = {"target", "realisasi", "kondisi_awal", "target_akhir", "pagu", "realisasi_anggaran", "nilai"}
_ANGKA_RIWAYAT = re.compile(r"-?\d+(?:\.\d+)?")
_PITA_RIWAYAT = re.compile(r"(-?\d+(?:\.\d+)?)\s+-\s+(-?\d+(?:\.\d+)?)")


def nilai_riwayat(nilai, kolom) -> object:
    """Nilai lama/baru riwayat untuk pembaca: angka kolom angka "88.8" -> "88,8", pita "1.5 - 3.5" -> "1,5–3,5";
    teks lain apa adanya."""
    if not isinstance(nilai, str) or kolom not in KOLOM_ANGKA_RIWAYAT:
        return nilai
    if _ANGKA_RIWAYAT.fullmatch(nilai.strip()):
        return format_ringkas(float(nilai))
    m = _PITA_RIWAYAT.fullmatch(nilai.strip())
    return format_rentang(float(m.group(1)), float(m.group(2))) if m else nilai


def tabel_riwayat(riw: pd.DataFrame) -> pd.DataFrame:
    """Baris ``riwayat`` (kueri riwayat_perubahan/indikator_riwayat) untuk dibaca orang: nama data dan kolom dalam
    kata, triwulan "Triwulan I", waktu Indonesia. Satu bentuk untuk halaman Riwayat dan tab riwayat Indikator."""
    kolom = {
        "Waktu": format_waktu_kolom(riw["waktu"]), "Oleh": riw["oleh"],
        "Daerah": riw["daerah"] if "daerah" in riw else None,
        "Data": riw["tabel"].map(lambda t: DATA_RIWAYAT.get(t, nama_kolom(t)) if isinstance(t, str) else t),
        "Aksi": riw["aksi"].map(lambda a: AKSI_RIWAYAT.get(a, a)),
        "Indikator": riw["indikator_kode"] if "indikator_kode" in riw else None,
        "Tahun": riw["tahun"].astype("Int64").astype(object).where(riw["tahun"].notna(), None),
        "Periode/dokumen": riw["kunci"].map(
            lambda k: periode_label(k) if isinstance(k, str) and (k.startswith("TW") or k == "TAHUN") else k),
        "Kolom": riw["kolom"].map(lambda k: nama_kolom(k) if isinstance(k, str) else k),
        "Nilai lama": [nilai_riwayat(v, k) for v, k in zip(riw["nilai_lama"], riw["kolom"])],
        "Nilai baru": [nilai_riwayat(v, k) for v, k in zip(riw["nilai_baru"], riw["kolom"])],
        "Berkas impor": riw["berkas"]}
    return pd.DataFrame({k: v for k, v in kolom.items() if v is not None})


def _tampil_apa_adanya(kolom: pd.Series) -> bool:
    """Kolom yang tampil sama di grid dengan atau tanpa Styler: teks dan bilangan bulat (bukan boolean, pecahan,
    tanggal atau waktu, yang grid tampilkan dengan caranya sendiri)."""
    t = kolom.dtype
    if isinstance(t, pd.StringDtype):
        return True
    if pd.api.types.is_integer_dtype(t):
        return not pd.api.types.is_bool_dtype(t)
    return pd.api.types.is_object_dtype(t) and all(isinstance(v, str) for v in kolom)


def format_tabel(df: pd.DataFrame, desimal: dict[str, int],
                 isi_sel: dict[str, list[tuple[str, float] | None]] | None = None):
    """Styler yang menampilkan angka dengan format Indonesia tanpa mengubah nilai (urutan tetap numerik); tabel yang
    hanya berisi teks dan bilangan bulat dikembalikan sebagai DataFrame (tampilannya sama, tanpa biaya Styler).

    Sel kosong tampil "–": kolom angka yang berisi None dijadikan float (None -> NaN, yang diberi na_rep),
    kolom teks yang berisi None diisi "–" (hanya untuk tampilan; berkas unduhan tidak diubah). ``isi_sel``: untuk sel
    kosong sebuah kolom angka, per baris, ``(teks, nilai_urut)`` atau None: pita target "5,5–6,5" tampil di kolom
    Target yang angkanya kosong. Grid Streamlit menampilkan ``placeholder`` untuk setiap sel NULL walau Styler memberi
    teks, jadi sel itu diberi ``nilai_urut`` (titik tengah pita; teks: -inf, di ujung urutan) dan teks tampilannya.
    """
    tampil = df.reset_index(drop=True)
    for k in tampil.columns:
        if tampil[k].dtype == object:
            isi = tampil[k].dropna()
            if len(isi) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in isi):
                tampil[k] = pd.to_numeric(tampil[k])
            else:
                tampil[k] = tampil[k].where(tampil[k].notna(), KOSONG)
    if not isi_sel and not any(k in tampil for k in desimal) and all(_tampil_apa_adanya(tampil[k]) for k in tampil):
        # Hanya teks dan bilangan bulat: grid menampilkannya sama persis dengan Styler ("1234", teks apa adanya),
        # jadi Styler (~50 µs per sel di Python, dan nilai tampilan dikirim dua kali) dilewati (keputusan #15).
        return tampil
    # Kolom teks pandas 3 (Arrow) sebagai object: data yang dikirim sama seperti sebelum keputusan #15.
    tampil = tampil.astype({k: object for k in tampil.columns if isinstance(tampil[k].dtype, pd.StringDtype)})
    ganti = {}  # (baris, kolom) -> teks sel kosong kolom angka yang diisi (isi_sel)
    for k, isi in (isi_sel or {}).items():
        if k in tampil:
            kosong_k = tampil[k].isna().to_numpy()
            for i, x in enumerate(isi):
                if x and kosong_k[i]:
                    tampil.at[i, k] = x[1]
                    ganti[i, k] = x[0]
    return _gaya_jadi(tampil, desimal, ganti)


def _teks_sel(v, desimal: int | None) -> str:
    """Teks tampil satu sel, sama dengan ``Styler.format({kolom: format_angka}, na_rep="–")``: format Indonesia
    untuk kolom ``desimal``, selain itu format bawaan Styler (pecahan 6 angka di belakang titik, lainnya apa adanya)."""
    if pd.isna(v) is True:
        return KOSONG
    if desimal is not None:
        return format_angka(v, desimal)
    if isinstance(v, (float, complex, np.floating, np.complexfloating)):
        return f"{v:.6f}"
    return str(v)


def _gaya_jadi(tampil: pd.DataFrame, desimal: dict[str, int], ganti: dict[tuple[int, str], str]):
    """Styler ``tampil`` dengan nilai tampil yang sudah dihitung per kolom (keputusan #15).

    ``st.dataframe`` membaca Styler lewat ``_translate(False, False)["body"]``: untuk setiap sel ``rowR_colC`` teks
    tampilnya, yang menimpa ``str(nilai)`` (streamlit/elements/lib/pandas_styler_utils.py). Merender setiap sel lewat
    Styler makan ~6-15 µs per sel di Python (tabel 1.400 baris: ~80 ms per jalan); di sini hanya kolom yang teksnya
    berbeda dari ``str(nilai)`` yang dihitung, dan hasil yang diterima Streamlit sama persis."""
    sel = []
    for c, k in enumerate(tampil.columns):
        kol = tampil[k]
        diisi = {r: t for (r, kk), t in ganti.items() if kk == k}
        if k not in desimal and not diisi and _tampil_apa_adanya(kol) and not kol.isna().any():
            continue  # teks dan bilangan bulat: str(nilai) sudah teks tampilnya
        d = desimal.get(k)
        sel += [{"id": f"row{r}_col{c}", "display_value": diisi[r] if r in diisi else _teks_sel(v, d)}
                for r, v in enumerate(kol)]
    gaya = tampil.style
    gaya._translate = lambda *_a, **_k: {"body": [sel]}
    return gaya


def ada_kosong(df: pd.DataFrame) -> bool:
    """Ada sel tanpa nilai (None, NaN, teks kosong atau "–") yang akan tampil sebagai "–"."""
    for k in df.columns:
        kol = df[k]
        if kol.isna().any() or (kol.dtype == object and kol.map(lambda v: isinstance(v, str) and v.strip() in
                                                                ("", KOSONG)).any()):
            return True
    return False


def tabel(df: pd.DataFrame, *, kunci: str, nama_berkas: str, judul: str, keterangan: dict[str, str],
          desimal: dict[str, int] | None = None, tinggi: int | str = "auto", column_config=None,
          isi_sel: dict[str, list[tuple[str, float] | None]] | None = None,
          arti_kosong: str = "belum ada data") -> None:
    """Tabel bernomor Indonesia dengan tombol unduh CSV dan Excel (berformat, lembar keterangan). Judul kolom lewat
    ``judul_kolom`` (satu daftar untuk semua tabel); bila ada sel kosong, arti "–" (``arti_kosong``) ditulis di
    bawah tabel."""
    desimal = desimal or {}
    df = judul_kolom(df)
    st.dataframe(format_tabel(df, desimal, isi_sel), hide_index=True, width="stretch", height=tinggi,
                 placeholder=KOSONG, key=kunci, column_config=column_config)
    if ada_kosong(df):
        st.caption(f"{KOSONG} = {arti_kosong}.")
    # Kolom tautan hanya untuk layar; berkas unduhan berisi data saja.
    tautan = [k for k, c in (column_config or {}).items()
              if isinstance(c, dict) and (c.get("type_config") or {}).get("type") == "link"]
    unduhan_tabel(df.drop(columns=tautan), kunci=kunci, nama_berkas=nama_berkas, judul=judul, keterangan=keterangan,
                  desimal=desimal)


def unduhan_tabel(df: pd.DataFrame, *, kunci: str, nama_berkas: str, judul: str, keterangan: dict[str, str],
                  desimal: dict[str, int] | None = None) -> None:
    """Tombol "Unduh CSV" dan "Unduh Excel" (berformat, lembar keterangan) untuk ``df``; juga untuk tabel yang
    ditampilkan sendiri (HTML) oleh halaman."""
    desimal = desimal or {}
    kiri, kanan, _ = st.columns([1, 1, 4])
    with kiri:
        # Berkas dibuat saat tombol diklik (data=callable), bukan setiap kali halaman dijalankan (keputusan #15).
        st.download_button("Unduh CSV", data=lambda: ekspor.csv_bytes(df), file_name=f"{slug(nama_berkas)}.csv",
                           mime="text/csv", key=f"{kunci}-csv", icon=":material/download:", type="tertiary",
                           on_click="ignore")
    with kanan:
        fmt = {k: "#,##0" + ("." + "0" * d if d else "") for k, d in desimal.items()}
        st.download_button(
            "Unduh Excel",
            data=lambda: ekspor.excel_bytes(df, judul=judul, keterangan=keterangan, format_angka=fmt),
            file_name=f"{slug(nama_berkas)}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{kunci}-xlsx", icon=":material/table:", type="tertiary", on_click="ignore",
        )


def keterangan_filter(ctx: Konteks, **tambahan) -> dict[str, str]:
    return {"Daerah": f"{ctx.daerah_nama} ({ctx.daerah})", "Periode RPJMD": ctx.periode_label,
            "Tahun": str(ctx.tahun), **tambahan}


def url_indikator(ctx: Konteks, indikator_id) -> list[str]:
    """Alamat halaman Indikator untuk setiap id (kolom tautan "Buka" tabel), membawa daerah/periode/tahun tampilan
    ini: ``Indikator?provinsi=…&daerah=…&periode=…&tahun=…&indikator=12``."""
    dasar = "Indikator?" + urlencode(ctx.params())
    return [f"{dasar}&indikator={int(i)}" for i in indikator_id]


def tautan_indikator(ctx: Konteks, indikator_id: int, label: str, *, bantuan: str | None = None) -> None:
    """Tautan ke halaman Indikator untuk satu indikator, membawa daerah/periode/tahun tampilan ini."""
    st.page_link(HALAMAN_INDIKATOR, label=label, help=bantuan,
                 query_params={**ctx.params(), "indikator": str(int(indikator_id))}, width="stretch")


def kosong(pesan: str) -> None:
    st.info(pesan, icon=":material/info:")


def pesan_sesudah_muat_ulang(kunci: str, pesan: str) -> None:
    """Sesudah menulis: simpan pesan berhasil lalu jalankan ulang halaman, agar semua yang tampil (dibaca di awal
    skrip) sudah memuat perubahan itu; ``tampilkan_pesan_tertunda(kunci)`` menampilkannya sekali."""
    st.session_state[f"pesan_tertunda_{kunci}"] = pesan
    st.rerun()


def tampilkan_pesan_tertunda(kunci: str) -> None:
    pesan = st.session_state.pop(f"pesan_tertunda_{kunci}", None)
    if pesan:
        st.success(aman.md(pesan), icon=":material/check_circle:")


def rincian(label: str, *, kunci: str, icon: str | None = None):
    """Expander yang isinya dibangun dan dikirim hanya saat dibuka (isu #15), atau None selagi tertutup. Pakai:
    ``if (e := rincian(...)) is not None: with e: ...``. Terbuka tetap terbuka saat penyaring lain diganti."""
    e = st.expander(label, key=kunci, icon=icon, on_change="rerun")
    return e if e.open else None
