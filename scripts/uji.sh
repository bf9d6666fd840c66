#!/usr/bin/env bash
# Pasang lalu jalankan seluruh rangkaian uji: pemeriksaan kode (ruff), unit (aturan domain, impor), halaman
# (AppTest) dan peramban (Playwright + Chromium Debian, headless). Tangkapan layar: tests/artefak/layar/
# Tanpa uji peramban (lebih cepat): scripts/uji_cepat.sh. Argumen diteruskan ke pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/siapkan.sh
# Pemeriksaan kode lebih dulu (aturan di pyproject.toml, [tool.ruff]): gagal di sini, uji tidak dijalankan.
echo ">> Pemeriksaan kode: ruff check ."
if ! .venv/bin/ruff check .; then
  echo "!! Pemeriksaan kode gagal (ruff, lihat di atas); uji tidak dijalankan. Sebagian dapat diperbaiki otomatis:" \
       ".venv/bin/ruff check --fix ." >&2
  exit 1
fi
# Pembaca lama untuk uji kompatibilitas berkas (analis sering memakai DuckDB 1.4 di alat BI).
if [ ! -x .venv-duckdb14/bin/python ]; then
  echo ">> Membuat .venv-duckdb14 (duckdb 1.4.0) untuk uji kompatibilitas berkas"
  "${PYTHON:-python3}" -m venv .venv-duckdb14
  .venv-duckdb14/bin/python -m pip install -q duckdb==1.4.0
fi
exec .venv/bin/python -m pytest "$@"
