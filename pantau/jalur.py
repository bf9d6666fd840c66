"""Letak berkas Pantau: akar repositori, data, kueri, dan basis data bawaan. Lantai paling bawah: tidak
mengimpor apa pun dari Pantau."""
from pathlib import Path

#: Akar repositori (berisi dashboard.py, pages/, queries/, data/).
ROOT = Path(__file__).resolve().parent.parent
PAKET = ROOT / "pantau"
QUERIES_DIR = ROOT / "queries"
DATA_DIR = ROOT / "data"
REFERENSI_DIR = DATA_DIR / "referensi"
SEED_DIR = DATA_DIR / "seed"
DEFAULT_DB = DATA_DIR / "pantau.duckdb"
#: Aturan domain (makro dan view SQL) dan migrasi skema.
ATURAN_SQL = PAKET / "aturan" / "aturan.sql"
MIGRASI_DIR = PAKET / "db" / "migrasi"
