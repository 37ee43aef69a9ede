#!/usr/bin/env bash
# run.sh BUILD_DIR — the main job, end to end on the bundled fixtures.
# Today: conformance of the EVM and block execution on the official EEST blockchain tests
# (Cancun, Prague, Osaka and the transitions between them), then the EVM benchmark.
set -euo pipefail
build=${1:-build}
fx="$build/fixtures"
zkl1="$build/zkl1"

echo "== zkl1 blocktest: EEST blockchain tests (tests-v5.4.0), default networks"
"$zkl1" blocktest "$fx/blockchain_tests" | tail -n 25 || true

if [ -d "$fx/benchmark/blockchain_tests" ]; then
  echo
  echo "== zkl1 bench evm: EEST benchmark blocks (tests-benchmark@v0.0.7)"
  "$zkl1" bench evm "$fx/benchmark/blockchain_tests" | tail -n 5
fi
