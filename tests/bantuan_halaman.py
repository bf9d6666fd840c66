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
