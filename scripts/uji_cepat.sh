#!/usr/bin/env bash
# Rangkaian uji cepat: pemasangan, pemeriksaan kode (ruff) dan semua uji KECUALI uji peramban (penanda
# `peramban`: tests/browser/ dan uji Chromium di tests/serangan/, lihat pyproject.toml). Untuk sebelum commit;
# scripts/uji.sh menjalankan semuanya. Argumen diteruskan ke pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/uji.sh -m "not peramban" "$@"
