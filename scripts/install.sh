#!/usr/bin/env bash
# Installs everything claimdex needs on a fresh Debian machine: system packages (Tesseract, Redis
# for the embedded broker, Poppler) and a Python virtual environment in .venv.
#   bash scripts/install.sh          the product
#   bash scripts/install.sh --dev    + test and benchmark tools (OCRmyPDF, Chromium, pytest, ruff…)
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"

packages=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd redis-server poppler-utils fonts-dejavu-core)
[ "$DEV" = "1" ] && packages+=(ocrmypdf qpdf ghostscript chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing system packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
if [ "$DEV" = "1" ]; then
  .venv/bin/pip install -q -e ".[dev]"
else
  .venv/bin/pip install -q -e .
fi
# The model artifacts the pipeline reads (record types), built from the repository's own data.
.venv/bin/claimdex train --no-corrections >&2
echo "claimdex installed: .venv/bin/claimdex" >&2
