#!/usr/bin/env bash
# unpack-fixtures.sh SRC DEST — unpacks the EEST fixture archives of SRC into DEST once.
# The archives are the official releases (see ../shared/fixtures/README.md): tests-v5.4.0,
# tests-bal@v5.7.0-alpha, tests-zkevm@v0.3.3 and tests-benchmark@v0.0.7, published as
# "fixtures_*.tar.gz" assets of github.com/ethereum/execution-spec-tests releases.
set -euo pipefail
src=$1; dest=$2
if [ ! -d "$src" ]; then
  # Not fatal: the unit tests still run; the conformance tests are then not registered.
  echo "unpack-fixtures: WARNING: no fixture directory at $src: conformance tests will not run." >&2
  echo "  Give FIXTURES=DIR holding eest-*.tar.zst archives of the official EEST releases" >&2
  echo "  (github.com/ethereum/execution-spec-tests releases tests-v5.4.0, tests-bal@v5.7.0-alpha," >&2
  echo "  tests-zkevm@v0.3.3, tests-benchmark@v0.0.7; see ../shared/fixtures/README.md)." >&2
  exit 0
fi
mkdir -p "$dest"
for f in "$src"/*.tar.zst; do
  [ -e "$f" ] || continue
  stamp="$dest/.$(basename "$f").done"
  if [ ! -e "$stamp" ] || [ "$f" -nt "$stamp" ]; then
    echo "unpacking $(basename "$f") into $dest"
    tar --zstd -xf "$f" -C "$dest"
    touch "$stamp"
  fi
done
