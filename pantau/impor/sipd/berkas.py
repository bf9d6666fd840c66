"""Satu berkas SIPD-RI yang sudah dikenali formatnya (``deteksi.kenali``): jalur, nama, format A-D, sidik, dan
isinya (entri JSON bernomor, atau letak judul lembar rekap)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pantau.impor.sipd.bacajson import Entri

LABEL = {
    "A": "Renja lampiran (JSON)",
    "B": "daftar pagu sub kegiatan (JSON)",
    "C": "daftar SKPD (JSON)",
    "D": "rekap SIPD-RI (xlsx)",
}

@dataclass
class Berkas:
    path: Path
    nama: str
    jenis: str
    sha256: str
    #: JSON: entri bernomor
    entri: list[Entri] = field(default_factory=list)
    #: rekap: lembar, nomor baris judul seperti di Excel, judul per indeks kolom (sudah dinormalkan)
    lembar: str | None = None
    baris_judul: int | None = None
    judul: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABEL[self.jenis]
