#!/usr/bin/env bash
# setup.sh — installs everything zkl1 needs on a fresh Debian 12 machine, idempotently:
#   1. Debian packages (compilers, CMake, Ninja, qemu-user, libraries);
#   2. pinned third-party sources (scripts/fetch-deps.sh: Debian source packages and npm
#      tarballs, each checked against third_party/SHA256SUMS), built for host and RISC-V.
# Quick when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential clang lld llvm cmake ninja-build pkg-config git zstd xz-utils ca-certificates
  libjansson-dev liblmdb-dev qemu-user dpkg-dev
)
# Tools that may already come from elsewhere (e.g. a NodeSource node ships its own npm,
# which conflicts with Debian's npm package): install the Debian package only if the
# command is missing.
declare -A TOOL_PACKAGES=([npm]=npm [python3]=python3)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for tool in "${!TOOL_PACKAGES[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${TOOL_PACKAGES[$tool]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ -x scripts/fetch-deps.sh ]; then
  scripts/fetch-deps.sh
fi
