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


# -- pengaturan server (isu #17, kelas 8): XSRF, batas unggah, hanya static/, tanpa toolbar pengembang ------------

def test_pengaturan_server_di_config():
    """Nilai yang dijanjikan README (bagian *Menjalankan untuk banyak pengguna*) ada di .streamlit/config.toml, dan
    perintah layanan/skrip tidak mematikannya."""
    import tomllib

    from pantau.impor.baca import BATAS_BERKAS_MB
    from pantau.jalur import ROOT

    k = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server, client = k["server"], k["client"]
    assert server.get("enableXsrfProtection", True) is True and server.get("enableCORS", True) is True
    assert server["maxUploadSize"] == BATAS_BERKAS_MB == 20
    assert client["toolbarMode"] in ("viewer", "minimal")  # tanpa menu pengembang (rerun, settings, deploy)
    assert client["showErrorDetails"] == "none" and server["runOnSave"] is False
    assert k.get("global", {}).get("developmentMode", False) is False
    assert sorted(p.name for p in (ROOT / "static").iterdir()) == ["world_110m.json", "world_50m.json"]
    for berkas in [ROOT / "scripts" / "jalankan.sh", ROOT / "README.md", ROOT / "aplikasi.py"]:
        teks = berkas.read_text()
        for mati in ("enableXsrfProtection=false", "enableXsrfProtection false", "toolbarMode=developer",
                     "maxUploadSize=2", "enableCORS=false", "developmentMode=true"):
            assert mati not in teks, (berkas.name, mati)
    readme = (ROOT / "README.md").read_text()
    bagian = readme[readme.index("## Menjalankan untuk banyak pengguna"):readme.index("## Struktur")]
    for janji in ("enableXsrfProtection", "maxUploadSize", "static/", "toolbarMode"):
        assert janji in bagian, janji


def _put(url: str, ukuran: int, kepala: dict | None = None):
    """PUT mentah ke jalur unggah Streamlit; (status, isi) atau ('putus', galat) bila server memutus sambungan."""
    import http.client
    from urllib.parse import urlparse

    u = urlparse(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        c.request("PUT", u.path, body=b"x" * ukuran,
                  headers={"Content-Type": "application/octet-stream", **(kepala or {})})
        r = c.getresponse()
        return r.status, r.read()[:200]
    except (ConnectionError, http.client.HTTPException, OSError) as e:
        return "putus", str(e)
    finally:
        c.close()


def test_unggahan_tanpa_token_xsrf_ditolak(server):
    """Unggah berkas dari situs lain (tanpa token XSRF, kuki _streamlit_xsrf) ditolak 403 sebelum sampai ke sesi."""
    for kepala in ({}, {"Origin": "http://penyerang.contoh"}, {"X-Xsrftoken": "tebakan", "Cookie": "_xsrf=lain"}):
        status, isi = _put(server.url + "/_stcore/upload_file/sesi-tebakan/berkas-1", 1000, kepala)
        assert status == 403 and b"XSRF" in isi, (kepala, status, isi)


def test_unggahan_di_atas_batas_tidak_diterima(server):
    """Dengan token XSRF yang sah pun, PUT 21 MB ke sesi yang tidak ada ditolak (400), dan server yang dijalankan dari
    folder ini memakai server.maxUploadSize = 20 (Streamlit menjawab 413 di atasnya untuk sesi yang sah, lewat
    Content-Length maupun saat membaca aliran). Isi berkas tidak pernah disimpan."""
    import subprocess
    import sys
    import urllib.request

    from pantau.jalur import ROOT

    with urllib.request.urlopen(server.url + "/_stcore/health", timeout=15) as r:
        kuki = [c for c in r.headers.get_all("Set-Cookie") or [] if c.startswith("_streamlit_xsrf=")]
    assert kuki, "server tidak memberi kuki XSRF"
    token = kuki[0].split(";")[0].split("=", 1)[1]
    status, isi = _put(server.url + "/_stcore/upload_file/sesi-tebakan/b", 21 * 1024 * 1024,
                       {"X-Xsrftoken": token, "Cookie": f"_streamlit_xsrf={token}"})
    assert status in (400, 413, "putus"), (status, isi)
    r = subprocess.run([sys.executable, "-c", "from streamlit import config; config.get_config_options("
                        "force_reparse=True); print(config.get_option('server.maxUploadSize'), "
                        "config.get_option('server.enableXsrfProtection'), config.get_option('client.toolbarMode'))"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == ["20", "True", "minimal"], r.stdout + r.stderr


@pytest.mark.parametrize("jalur", [
    "/app/static/../pantau.duckdb", "/app/static/%2e%2e/aplikasi.py", "/app/static/..%2faplikasi.py",
    "/app/static/%2e%2e%2f.streamlit/config.toml", "/app/static//etc/passwd", "/app/static/%2fetc%2fpasswd",
    "/app/static/", "/aplikasi.py", "/.streamlit/config.toml", "/.streamlit/secrets.toml", "/data/pantau.duckdb",
    "/pantau.duckdb", "/pantau.duckdb.rahasia", "/pages/3_Impor.py", "/app/static/../../../../etc/passwd"])
def test_tidak_ada_berkas_di_luar_static(server, jalur):
    """Yang dilayani di luar static/ hanyalah halaman aplikasi (SPA), tidak pernah isi berkas server."""
    status, _, isi = _minta(server.url + jalur)
    assert status in (200, 400, 403, 404), (jalur, status)
    for isi_berkas in (b"DUCK", b"import streamlit", b"[server]", b"root:x:0", b"st.App(", b"PANTAU_DB"):
        assert isi_berkas not in isi, (jalur, isi_berkas)
    if status == 200:
        assert isi.lstrip().startswith(b"<!--") or isi.lstrip().lower().startswith(b"<!doctype"), (jalur, isi[:80])
