#!/usr/bin/env bash
# Pasang lalu jalankan seluruh rangkaian uji: unit (aturan domain, impor), halaman (AppTest)
# dan peramban (Playwright + Chromium Debian, headless). Tangkapan layar: tests/artefak/layar/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/siapkan.sh
exec .venv/bin/python -m pytest "$@"
