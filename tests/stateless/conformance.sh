#!/bin/sh
# conformance.sh ZKL1 SRC_DIR PATH... — `zkl1 blocktest --stateless` over the zkEVM fixtures:
# every block's validator output must equal statelessOutputBytes. Fails when a test outside
# known-failures.txt fails or fewer tests pass than pass-floor.txt says (so a regression
# cannot hide behind skips), as tests/block/conformance.sh.
set -eu
zkl1=$1; src=$2; shift 2
floor=$(awk '$1 == "zkevm" { print $2 }' "$src/pass-floor.txt")
exec "$zkl1" blocktest --stateless --format v0.3.3 --known-failures "$src/known-failures.txt" \
  --min-pass "${floor:-0}" "$@"
