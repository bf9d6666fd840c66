#!/usr/bin/env bash
# Pasang lalu jalankan seluruh rangkaian uji: unit (aturan domain, impor), halaman (AppTest)
# dan peramban (Playwright + Chromium Debian, headless). Tangkapan layar: tests/artefak/layar/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/siapkan.sh
# Pembaca lama untuk uji kompatibilitas berkas (analis sering memakai DuckDB 1.4 di alat BI).
if [ ! -x .venv-duckdb14/bin/python ]; then
  echo ">> Membuat .venv-duckdb14 (duckdb 1.4.0) untuk uji kompatibilitas berkas"
  "${PYTHON:-python3}" -m venv .venv-duckdb14
  .venv-duckdb14/bin/python -m pip install -q duckdb==1.4.0
fi
exec .venv/bin/python -m pytest "$@"
