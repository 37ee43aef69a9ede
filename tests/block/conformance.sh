#!/bin/sh
# conformance.sh ZKL1 SHARD SRC_DIR PATH... — one shard of the EEST blockchain-test run.
# Fails when a test outside known-failures.txt fails, or when fewer tests pass than the
# shard's floor in pass-floor.txt (so that a regression cannot hide behind skips).
set -eu
zkl1=$1; shard=$2; src=$3; shift 3
floor=$(awk -v s="$shard" '$1 == s { print $2 }' "$src/pass-floor.txt")
exec "$zkl1" blocktest --known-failures "$src/known-failures.txt" --min-pass "${floor:-0}" "$@"
