#!/usr/bin/env bash
# Installs everything the tests need — Debian packages (Chromium, socat, udev, barcode readers, poppler)
# PostgreSQL 15 for the upstream server tests (each starts a throwaway cluster on 127.0.0.1), and the npm
# dependencies — then runs lint, the type check and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium socat udev zbar-tools dmtx-utils poppler-utils postgresql)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian/Ubuntu system: install ${APT_PACKAGES[*]} with your package manager." >&2
fi

npm ci --no-audit --no-fund
npm run lint
npm run typecheck
npm test
