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
