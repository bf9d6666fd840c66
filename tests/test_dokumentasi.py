"""Dokumentasi skema tetap jujur: setiap tabel, view dan kolom di basis data tercantum di docs/SKEMA.md."""
from __future__ import annotations

import re

from pantau.db import buka
from pantau.jalur import ROOT

SKEMA = (ROOT / "docs" / "SKEMA.md").read_text(encoding="utf-8")


def bagian(nama: str) -> str:
    m = re.search(rf"^### `{re.escape(nama)}`\n(.*?)(?=^### |\Z)", SKEMA, flags=re.S | re.M)
    assert m, f"docs/SKEMA.md tidak punya bagian untuk `{nama}`"
    return m.group(1)


def test_setiap_tabel_view_dan_kolom_terdokumentasi(db_demo):
    con = buka(db_demo)
    try:
        objek = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
        assert len(objek) >= 18
        for (nama,) in objek:
            isi = bagian(nama)
            kolom = [k for (k,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = $t", {"t": nama}).fetchall()]
            hilang = [k for k in kolom
                      if f"`{k}`" not in isi
                      and not (nama == "tahunan" and k not in ("ada_target", "ada_realisasi")
                               and f"`{k}`" in bagian("capaian_tahunan"))]
            assert not hilang, f"kolom {nama}.{hilang} tidak tercantum di docs/SKEMA.md"
    finally:
        con.close()


def _berkas_teks():
    import subprocess

    daftar = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / p for p in daftar if p.endswith((".py", ".sql", ".md", ".sh", ".toml")) and (ROOT / p).exists()]


def _jangkar(judul: str) -> str:
    """Jangkar judul Markdown seperti GitHub: huruf kecil, tanda baca dibuang, spasi menjadi '-'."""
    return re.sub(r"[^\w\- ]", "", judul.strip().lower()).replace(" ", "-")


def test_rujukan_dokumen_ada_di_repositori():
    """Kode dan dokumen menunjuk dokumen di repositori ini (docs/…), tidak ke ../shared yang tidak dimiliki
    pendatang baru; setiap dokumen docs/… yang disebut ada, dan setiap tautan [..](X.md#jangkar) di docs/ menuju judul
    yang ada."""
    salah = []
    for p in _berkas_teks():
        teks = p.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"docs/([A-Z_]+\.md)", teks):
            if not (ROOT / "docs" / m.group(1)).exists():
                salah.append(f"{p.relative_to(ROOT)}: docs/{m.group(1)} tidak ada")
        for pola in ("DESIGN bagian", "PRACTICES", "../shared/"):
            if pola in teks and p.name != "test_dokumentasi.py":
                salah.append(f"{p.relative_to(ROOT)}: menyebut {pola!r}")
    for p in (ROOT / "docs").glob("*.md"):
        for m in re.finditer(r"\]\(([A-Z_]+\.md)(?:#([\w\-]+))?\)", p.read_text(encoding="utf-8")):
            tujuan = ROOT / "docs" / m.group(1)
            if not tujuan.exists():
                salah.append(f"docs/{p.name}: tautan ke {m.group(1)} yang tidak ada")
            elif m.group(2):
                judul = {_jangkar(j) for j in re.findall(r"^#+ (.+)$", tujuan.read_text(encoding="utf-8"), re.M)}
                if m.group(2) not in judul:
                    salah.append(f"docs/{p.name}: jangkar #{m.group(2)} tidak ada di {m.group(1)}")
    assert not salah, "\n".join(salah)


def test_setiap_nomor_keputusan_tercatat():
    """Setiap 'keputusan #N' yang disebut kode ada barisnya di docs/KEPUTUSAN.md."""
    tercatat = set(re.findall(r"^\| (\d+) \|", (ROOT / "docs" / "KEPUTUSAN.md").read_text(encoding="utf-8"), re.M))
    disebut = {}
    for p in _berkas_teks():
        for n in re.findall(r"keputusan #(\d+)", p.read_text(encoding="utf-8", errors="replace")):
            disebut.setdefault(n, p.relative_to(ROOT))
        for n in re.findall(r"keputusan #\d+ dan #(\d+)", p.read_text(encoding="utf-8", errors="replace")):
            disebut.setdefault(n, p.relative_to(ROOT))
    hilang = {n: str(p) for n, p in disebut.items() if n not in tercatat}
    assert not hilang, f"nomor keputusan tanpa baris di docs/KEPUTUSAN.md: {hilang}"
