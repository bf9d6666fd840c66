"""Yang dipakai beberapa perintah baris: pesan bila berkas basis data belum ada."""
from __future__ import annotations

import sys
from pathlib import Path


def db_tidak_ada(db: str | Path) -> bool:
    """True (dan pesan ke stderr) bila berkas basis data ``db`` belum ada: perintah yang membacanya berhenti."""
    if Path(db).exists():
        return False
    print(f"Berkas basis data {db} tidak ada. Buat dulu dengan: python -m pantau init --db {db}", file=sys.stderr)
    return True
