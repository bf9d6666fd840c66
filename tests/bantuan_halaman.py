"""Alat bantu uji halaman (AppTest): membaca gambar Plotly seperti yang dikirim ke peramban."""
from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest


def urai(v):
    """Plotly 7 menyandikan larik angka sebagai {'dtype', 'bdata'} (base64); kembalikan sebagai list."""
    if isinstance(v, dict) and "bdata" in v and "dtype" in v:
        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        if "shape" in v:
            arr = arr.reshape([int(x) for x in str(v["shape"]).split(",")])
        return arr.tolist()
    if isinstance(v, dict):
        return {k: urai(x) for k, x in v.items()}
    if isinstance(v, list):
        return [urai(x) for x in v]
    return v


def spesifikasi(at: AppTest, urutan: int) -> dict:
    """JSON gambar Plotly ke-``urutan`` di halaman, dengan larik angka sudah diurai."""
    return urai(json.loads(at.get("plotly_chart")[urutan].proto.spec))


def jalankan_halaman(halaman: str | None = None, **params) -> AppTest:
    """Jalankan ``halaman`` seperti dibuka lewat tautan dalam: server dimulai dari dashboard.py, lalu halaman dan
    parameter URL (basis data dari ``PANTAU_DB``). Gagal bila halaman melempar pengecualian."""
    from pantau.jalur import ROOT

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if halaman:
        at.switch_page(halaman)
    at.query_params.update({k: str(v) for k, v in params.items()})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sandi_demo(nama: str) -> str:
    from pantau.demo import AKUN_DEMO

    return {a[0]: a[4] for a in AKUN_DEMO}[nama]


def masuk(at: AppTest, nama: str, sandi: str | None = None, tempat: str = "samping") -> AppTest:
    """Masuk lewat formulir sungguhan (``tempat``: 'samping' = panel samping, 'utama' = isi halaman)."""
    at.text_input(key=f"masuk_nama_{tempat}").input(nama)
    at.text_input(key=f"masuk_sandi_{tempat}").input(sandi if sandi is not None else sandi_demo(nama))
    tombol = [b for b in at.button if b.label == "Masuk" and b.proto.form_id == f"masuk_{tempat}"]
    assert tombol, "tombol Masuk tidak ditemukan"
    tombol[0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def polos(sumber: str) -> str:
    """Teks yang tampil dari sumber Markdown yang nilainya diloloskan ``pantau.aturan.aman.md`` (garis miring terbalik
    dan penyambung kata tak terlihat dibuang), untuk membandingkan dengan teks yang diketik pengguna."""
    import re

    from pantau.aturan.aman import PENYAMBUNG

    return re.sub(r"\\(.)", r"\1", sumber).replace(PENYAMBUNG, "").replace("  \n", "\n")


#: Expander Desk Urusan yang isinya dibangun hanya saat dibuka (keputusan #15): "Angka" dan dukungan sub kegiatan.
RINCIAN_DESK = ("desk-angka", "dk-buka")


def buka_rincian(at: AppTest, *kunci: str) -> AppTest:
    """Buka expander/popover ber-``kunci`` yang isinya dibangun hanya saat dibuka (``komponen.rincian``), seperti
    orang mengkliknya: keadaannya bertahan pada rerun berikutnya."""
    if not all(k in at.session_state and at.session_state[k] for k in kunci):
        for k in kunci:
            at.session_state[k] = True
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def buka_rincian_desk(at: AppTest) -> AppTest:
    """Buka expander rincian Desk Urusan seperti orang mengkliknya (keadaannya bertahan antarindikator)."""
    return buka_rincian(at, *RINCIAN_DESK)


#: Rincian Kinerja vs anggaran (Ringkasan dan Daerah) yang dibangun hanya saat dibuka: angka kuadran dan temuan.
RINCIAN_ANGGARAN = ("anggaran-angka", "anggaran-temuan-dukungan", "anggaran-temuan-sub-kegiatan")


def setiap_indikator_desk(at: AppTest):
    """Desk Urusan mode biasa menggambar satu indikator, yang dipilih di "Indikator yang dibahas": pilih setiap
    indikator berurutan (urutan pemilih = urutan slide, terlemah dulu) dan kembalikan ``at`` sesudah tiap pilihan,
    dengan expander rinciannya terbuka."""
    buka_rincian_desk(at)
    pemilih = at.selectbox(key="indikator_dibahas")
    for i in range(1, len(pemilih.options) + 1):
        if at.selectbox(key="indikator_dibahas").value != i:
            at.selectbox(key="indikator_dibahas").set_value(i).run()
        assert not at.exception, at.exception
        yield at


def pilih_indikator_desk(at: AppTest, ada) -> AppTest:
    """Pilih indikator Desk Urusan yang pertama memenuhi ``ada(at)`` (mis. widget dukungan indikator tertentu)."""
    for _ in setiap_indikator_desk(at):
        if ada(at):
            return at
    raise AssertionError("tidak ada indikator Desk Urusan yang memenuhi syarat")


def kunci_widget(at: AppTest) -> set[str]:
    return {str(w.key) for jenis in (at.selectbox, at.toggle, at.button, at.text_input) for w in jenis}
