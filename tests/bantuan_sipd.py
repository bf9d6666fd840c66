"""Bahan uji dan ukur SIPD-RI: salinan contoh nyata (tests/data/sipd), Renja sekabupaten tiruan dari contoh
itu, dan rekap xlsx (format D) buatan sendiri dengan harapan yang dihitung saat membangunnya."""
from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "sipd"
RENJA = DATA / "renja_lampiran_1.02.0.00.0.00.01.0000.json"
PAGU = DATA / "pagu_sub_bl_1.02.0.00.0.00.01.0000.json"
SKPD = DATA / "skpd.json"

JUDUL_REKAP = ["NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT",
               "NAMA SUB UNIT", "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM",
               "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KODE SUMBER DANA",
               "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING", "PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK",
               "PAGU"]


def muat(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def tulis_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def renja_kabupaten(folder: Path, salinan: int = 18) -> list[Path]:
    """Renja lampiran, daftar pagu dan daftar SKPD seukuran kabupaten: contoh nyata (124 entri, 24 unit) disalin
    ``salinan`` kali sebagai SKPD berkode lain (1.02.0.00.0.00.NN), satu berkas per SKPD seperti SIPD."""
    folder.mkdir(parents=True, exist_ok=True)
    renja, pagu, skpd = muat(RENJA), muat(PAGU), muat(SKPD)
    paths, daftar = [], []
    for s in range(salinan):
        lama, baru = "1.02.0.00.0.00.01.", f"1.02.0.00.0.00.{s + 1:02d}."
        r = copy.deepcopy(renja)
        p = copy.deepcopy(pagu)
        for e in r + p:
            for kol in ("kode_skpd", "kode_sub_skpd"):
                e[kol] = e[kol].replace(lama, baru)
            if s:
                e["nama_sub_skpd"] = f"{e['nama_sub_skpd']} ({s + 1})"
                e["nama_skpd"] = f"{e['nama_skpd']} ({s + 1})"
        paths.append(tulis_json(folder / f"renja_{baru}0000.json", r))
        paths.append(tulis_json(folder / f"pagu_{baru}0000.json", p))
        c = copy.deepcopy(skpd[1])
        c["kode_skpd"], c["nama_skpd"] = f"{baru}0000", r[0]["nama_skpd"]
        daftar.append(c)
    paths.append(tulis_json(folder / "skpd.json", daftar))
    return paths


@dataclass
class Rekap:
    """Baris rekap dan yang diharapkan darinya, dihitung saat membangun (bukan oleh pembaca)."""
    baris: list[list] = field(default_factory=list)
    pagu: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    induk: dict[str, str] = field(default_factory=dict)
    #: alasan -> (jumlah, pagu)
    dilewati: dict[str, list] = field(default_factory=dict)
    nol: set[tuple[str, str]] = field(default_factory=set)


def rekap_realistis(jumlah_skpd: int = 46, tahun: int = 2026, benih: int = 21) -> Rekap:
    """~7.000 baris (6.968): 46 SKPD, 1-4 unit, sub kegiatan yang sama di beberapa unit, rincian per rekening x sumber
    dana, sub kegiatan tanpa rincian (PAGU kosong), baris kegiatan tanpa sub kegiatan, pagu bersen."""
    acak = random.Random(benih)
    bidang = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.07", "2.08", "2.09", "2.10", "2.11", "2.12",
              "3.25", "3.26", "3.27", "4.01", "5.01", "5.02", "6.01", "7.01"]
    dana = [("1.2.01.08", "Dana Alokasi Umum (DAU)"), ("1.2.02.01", "DAK Fisik"), ("1.1.01.01", "PAD")]
    hasil = Rekap()
    no = 0
    for s in range(jumlah_skpd):
        b = bidang[s % len(bidang)]
        skpd = f"{b}.0.00.0.00.{s // len(bidang) + 1:02d}.0000"
        nama_skpd = f"Dinas {s + 1}"
        units = [skpd] + [f"{skpd[:-4]}{u:04d}" for u in range(1, acak.randint(1, 4))]
        subs = [f"{b}.{acak.randint(1, 5):02d}.2.{acak.randint(1, 12):02d}.{acak.randint(1, 40):04d}"
                for _ in range(acak.randint(14, 22))]
        subs = list(dict.fromkeys(subs))
        for u in units:
            hasil.induk[u] = skpd
            for sub in (subs if u == skpd else subs[:4]):
                giat, prog = sub[:-5], sub[:7]
                dasar = [no, tahun, b[0], "URUSAN", skpd, nama_skpd, u, f"Unit {u}", b, f"BIDANG {b}", prog,
                         f"PROGRAM {prog}", giat, f"KEGIATAN {giat}", sub, f"SUB KEGIATAN {sub}"]
                kunci = (u, sub)
                hasil.pagu.setdefault(kunci, Decimal(0))
                if acak.random() < 0.06:
                    # tanpa rincian: sekali, sumber dana, rekening dan PAGU kosong
                    no += 1
                    hasil.baris.append([no, *dasar[1:], None, None, None, None, None, None, None])
                    hasil.nol.add(kunci)
                    continue
                for _ in range(acak.randint(3, 10)):
                    kd, nd = acak.choice(dana)
                    rek = f"5.1.02.01.01.{acak.randint(1, 60):04d}"
                    if acak.random() < 0.15:
                        pagu = Decimal(acak.randint(1, 9_999_999)) + Decimal(acak.randint(1, 99)) / 100
                    else:
                        pagu = Decimal(acak.randint(1, 500) * 100_000)
                    hasil.pagu[kunci] += pagu
                    no += 1
                    hasil.baris.append([no, *dasar[1:], kd, nd, rek, f"Belanja {rek}", "Kelompok", "Paket",
                                        int(pagu) if pagu == pagu.to_integral_value() else float(pagu)])
            if acak.random() < 0.3:
                # baris kegiatan tanpa sub kegiatan (dilewati, pagunya tidak dihitung)
                giat = subs[0][:-5]
                no += 1
                pagu = Decimal(acak.randint(1, 50) * 1_000_000)
                hasil.baris.append([no, tahun, b[0], "URUSAN", skpd, nama_skpd, u, f"Unit {u}", b, f"BIDANG {b}",
                                    giat[:7], "PROGRAM", giat, f"KEGIATAN {giat}", None, None, None, None, None, None,
                                    None, None, int(pagu)])
                n, p = hasil.dilewati.setdefault("baris kegiatan tanpa kode sub kegiatan", [0, Decimal(0)])
                hasil.dilewati["baris kegiatan tanpa kode sub kegiatan"] = [n + 1, p + pagu]
    for kunci in hasil.nol:
        assert hasil.pagu[kunci] == 0
    return hasil


def tulis_rekap(path: Path, baris: list[list], judul: list[str] | None = None, lembar: str = "Sheet1",
                atas: list[list] | None = None) -> Path:
    """Rekap xlsx seperti unduhan SIPD-RI: satu lembar, baris judul, kode sebagai sel teks, PAGU angka."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(lembar)
    for r in atas or []:
        ws.append(r)
    ws.append(judul or JUDUL_REKAP)
    for r in baris:
        ws.append(r)
    wb.save(path)
    return path
