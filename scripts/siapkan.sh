#!/usr/bin/env bash
# Memasang apa yang Pantau butuhkan di mesin Debian dengan Python 3.11:
# paket Debian (chromium untuk ekspor PNG dan uji peramban, poppler-utils untuk memeriksa PDF),
# lingkungan virtual .venv, dan paket pip yang dipatok di requirements.txt.
# Aman dijalankan berulang: yang sudah terpasang dilewati.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

perlu_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || perlu_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || perlu_apt+=(poppler-utils)
# Huruf: DejaVu untuk dek PDF (simbol ◆ ▲), fontconfig untuk Chromium kaleido; Source Sans 3 ikut di pantau/huruf.
{ [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v fc-match >/dev/null 2>&1; } || perlu_apt+=(fonts-dejavu-core fontconfig)
PY="${PYTHON:-python3}"
if ! "$PY" -c "import venv, ensurepip" >/dev/null 2>&1; then perlu_apt+=(python3-venv); fi
if [ "${#perlu_apt[@]}" -gt 0 ]; then
  echo ">> Memasang paket Debian: ${perlu_apt[*]}"
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${perlu_apt[@]}" >/dev/null
  else
    echo "!! Tidak bisa memasang ${perlu_apt[*]} (perlu apt-get dan hak root). Pasang manual lalu ulangi." >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo ">> Membuat lingkungan virtual .venv"
  "$PY" -m venv .venv
fi
# Pasang ulang hanya bila requirements.txt berubah sejak pemasangan terakhir.
tanda=".venv/.requirements.sha256"
if ! sha256sum -c "$tanda" >/dev/null 2>&1; then
  echo ">> Memasang paket Python (requirements.txt)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  sha256sum requirements.txt > "$tanda"
fi
