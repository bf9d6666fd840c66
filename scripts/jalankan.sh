#!/usr/bin/env bash
# Pasang lalu jalankan dasbor Pantau. Tanpa $PANTAU_DB: basis data demo data/pantau.duckdb, dibangun otomatis
# pada start pertama. $PANTAU_DB yang menunjuk berkas yang belum ada dijelaskan di halaman (buat dengan
# `python -m pantau init` atau `demo`). Buka http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/siapkan.sh
echo ">> Pantau berjalan di http://localhost:${PORT:-8501} (basis data: ${PANTAU_DB:-data/pantau.duckdb}; Ctrl+C untuk berhenti)"
# aplikasi.py = dashboard.py dan pages/ lewat st.App (jalur sesi dan kepala keamanan, lihat README)
exec .venv/bin/python -m streamlit run aplikasi.py --server.port="${PORT:-8501}" "$@"
