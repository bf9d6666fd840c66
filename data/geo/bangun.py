"""Bangun ulang batas kabupaten/kota per provinsi di folder ini dari kabkota_indonesia.geojson.

    python data/geo/bangun.py /path/ke/kabkota_indonesia.geojson

Penyederhanaan Douglas-Peucker (toleransi 0,003 derajat ≈ 330 m), koordinat 3 desimal, pulau sangat kecil
dibuang (kecuali bila itulah satu-satunya bagian), cincin luar searah jarum jam dan lubang berlawanan
(konvensi go.Choropleth). Lihat SUMBER.md.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

TOLERANSI = 0.003
DESIMAL = 3
LUAS_MIN = 2e-5  # derajat persegi (~0,25 km²)


def _jarak_garis(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def douglas_peucker(titik: list, tol: float) -> list:
    if len(titik) < 3:
        return titik
    simpan = [False] * len(titik)
    simpan[0] = simpan[-1] = True
    tumpukan = [(0, len(titik) - 1)]
    while tumpukan:
        a, b = tumpukan.pop()
        jauh, idx = -1.0, -1
        for i in range(a + 1, b):
            d = _jarak_garis(titik[i], titik[a], titik[b])
            if d > jauh:
                jauh, idx = d, i
        if jauh > tol:
            simpan[idx] = True
            tumpukan += [(a, idx), (idx, b)]
    return [p for p, s in zip(titik, simpan) if s]


def luas_bertanda(cincin: list) -> float:
    """Shoelace: positif = berlawanan jarum jam (lon ke kanan, lat ke atas)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(cincin, cincin[1:] + cincin[:1])) / 2


def sederhanakan_cincin(cincin: list, luar: bool) -> list | None:
    terbuka = cincin[:-1] if cincin and cincin[0] == cincin[-1] else cincin
    # Pecah di titik terjauh dari titik awal agar cincin tertutup tidak runtuh menjadi satu garis.
    if len(terbuka) < 3:
        return None
    x0, y0 = terbuka[0]
    j = max(range(len(terbuka)), key=lambda i: (terbuka[i][0] - x0) ** 2 + (terbuka[i][1] - y0) ** 2)
    bagian = (douglas_peucker(terbuka[: j + 1], TOLERANSI)[:-1]
              + douglas_peucker(terbuka[j:] + [terbuka[0]], TOLERANSI)[:-1])
    hasil = []
    for x, y in bagian:
        p = [round(x, DESIMAL), round(y, DESIMAL)]
        if not hasil or hasil[-1] != p:
            hasil.append(p)
    if len(hasil) > 1 and hasil[0] == hasil[-1]:
        hasil.pop()
    if len(hasil) < 3 or abs(luas_bertanda(hasil)) == 0:
        return None
    searah_jarum_jam = luas_bertanda(hasil) < 0
    if searah_jarum_jam != luar:
        hasil.reverse()
    return hasil + [hasil[0]]


def sederhanakan_fitur(f: dict) -> dict:
    poligon = f["geometry"]["coordinates"]
    terbesar = max(poligon, key=lambda p: abs(luas_bertanda(p[0])))
    hasil = []
    for p in poligon:
        if p is not terbesar and abs(luas_bertanda(p[0])) < LUAS_MIN:
            continue
        luar = sederhanakan_cincin(p[0], True)
        if luar is None:
            continue
        lubang = [c for c in (sederhanakan_cincin(r, False) for r in p[1:]) if c is not None]
        hasil.append([luar, *lubang])
    if not hasil:  # pulau kecil: pakai apa adanya, dibulatkan
        hasil = [[[[round(x, DESIMAL), round(y, DESIMAL)] for x, y in terbesar[0]]]]
    pr = f["properties"]
    return {"type": "Feature", "id": pr["kode"],
            "properties": {"kode": pr["kode"], "nama": pr["nama"], "jenis": pr["jenis"], "kode_prov": pr["kode_prov"]},
            "geometry": {"type": "MultiPolygon", "coordinates": hasil}}


def main(sumber: str) -> None:
    g = json.loads(Path(sumber).read_text(encoding="utf-8"))
    per_prov = defaultdict(list)
    for f in g["features"]:
        per_prov[f["properties"]["kode_prov"]].append(sederhanakan_fitur(f))
    folder = Path(__file__).parent
    for prov, fitur in sorted(per_prov.items()):
        fitur.sort(key=lambda f: f["id"])
        teks = json.dumps({"type": "FeatureCollection", "features": fitur}, separators=(",", ":"), ensure_ascii=False)
        (folder / f"kabkota_{prov}.geojson").write_text(teks, encoding="utf-8")
    print(f"{len(per_prov)} provinsi, {sum(map(len, per_prov.values()))} kabupaten/kota")


if __name__ == "__main__":
    main(sys.argv[1])
