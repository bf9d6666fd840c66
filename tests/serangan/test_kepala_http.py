"""Serangan lewat HTTP (keputusan #19 dan #22): server aplikasi.py memasang kepala anti-bingkai di setiap
jawaban, menutup /_stcore/metrics, dan jalur sesi hanya menerima permintaan dari halaman Pantau sendiri."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from pantau.ui.penjaga import KEPALA_KEAMANAN


def _minta(url: str, *, metode: str = "GET", data: bytes | None = None, kepala: dict | None = None):
    req = urllib.request.Request(url, data=data, method=metode, headers=kepala or {})
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.mark.parametrize("jalur", ["/", "/Desk_Urusan?urusan=1.02", "/_stcore/health", "/app/static/world_110m.json"])
def test_kepala_anti_bingkai_di_setiap_jawaban(server, jalur):
    status, kepala, _ = _minta(server.url + jalur)
    assert status == 200, jalur
    kepala = {k.lower(): v for k, v in kepala.items()}
    for k, v in KEPALA_KEAMANAN.items():
        assert kepala.get(k) == v, (jalur, k, kepala.get(k))


@pytest.mark.parametrize("jalur", ["/_stcore/metrics", "/_stcore/metrics/", "/_stcore/metrics?x=1"])
def test_metrik_server_tertutup(server, jalur):
    status, _, isi = _minta(server.url + jalur)
    assert status == 404 and b"session" not in isi.lower()


@pytest.mark.parametrize("kasus", ["formulir_situs_lain", "tanpa_kepala", "asal_lain", "kode_tebakan", "get"])
def test_jalur_sesi_menolak_permintaan_asing(server, kasus):
    """Hanya fetch dari halaman Pantau (JSON + kepala X-Pantau-Sesi, asal sama) yang dilayani; kode tebakan tidak
    menghasilkan kuki."""
    badan = json.dumps({"kode": "tebakan"}).encode()
    json_ = {"Content-Type": "application/json"}
    permintaan = {
        "formulir_situs_lain": dict(metode="POST", data=b"kode=tebakan",
                                     kepala={"Content-Type": "application/x-www-form-urlencoded",
                                             "Origin": "http://penyerang.contoh"}),
        "tanpa_kepala": dict(metode="POST", data=badan, kepala=json_),
        "asal_lain": dict(metode="POST", data=badan, kepala={**json_, "X-Pantau-Sesi": "1",
                                                             "Origin": "http://penyerang.contoh"}),
        "kode_tebakan": dict(metode="POST", data=badan, kepala={**json_, "X-Pantau-Sesi": "1"}),
        "get": dict(metode="GET"),
    }[kasus]
    status, kepala, _ = _minta(server.url + "/sesi/pasang", **permintaan)
    if kasus == "get":
        assert status in (200, 405)  # GET jatuh ke halaman aplikasi Streamlit (SPA), bukan ke jalur sesi
    else:
        assert status == 403, (kasus, status)
    assert "pantau_sesi" not in " ".join(v for k, v in kepala.items() if k.lower() == "set-cookie")
