#!/usr/bin/env bash
# Pasang lalu jalankan dasbor Pantau pada basis data demo (dibangun otomatis pada start pertama
# bila $PANTAU_DB belum ada; bawaan data/pantau.duckdb). Buka http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/siapkan.sh
echo ">> Pantau berjalan di http://localhost:${PORT:-8501} (basis data: ${PANTAU_DB:-data/pantau.duckdb}; Ctrl+C untuk berhenti)"
exec .venv/bin/python -m streamlit run dashboard.py --server.port="${PORT:-8501}" "$@"
