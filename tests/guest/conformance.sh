#!/bin/sh
# conformance.sh ZKL1 ELF RUNNER STATELESS_TESTS_DIR PATH... — `zkl1 blocktest --stateless
# --guest ELF --runner RUNNER` over the zkEVM fixtures. Every block's guest output must equal
# the native validator's, without exception (a known failure does not excuse a difference
# between the two), and statelessOutputBytes, gated like stateless.conformance by
# tests/stateless/known-failures.txt and pass-floor.txt (the guest must fail exactly where
# the native validator does).
set -eu
zkl1=$1; elf=$2; runner=$3; sl=$4; shift 4
floor=$(awk '$1 == "zkevm" { print $2 }' "$sl/pass-floor.txt")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$zkl1" blocktest --stateless --format v0.3.3 --guest "$elf" --runner "$runner" \
    --known-failures "$sl/known-failures.txt" --min-pass "${floor:-0}" "$@" >"$out" 2>&1 || status=$?
cat "$out"
if grep -q "guest differs from the native validator" "$out"; then
    echo "FAIL: the guest's output differs from the native validator's (above)"
    exit 1
fi
exit $status
