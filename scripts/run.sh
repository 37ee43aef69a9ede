#!/usr/bin/env bash
# run.sh BUILD_DIR — the main job, end to end on the bundled fixtures, box by box:
#   1. EVM + state transition: the EEST blockchain tests (Cancun, Prague, Osaka; Amsterdam);
#   2. stateless validator: each zkEVM fixture block's input bytes -> result bytes, natively;
#   3. the RISC-V guest in the zkl1 VM (accelerated) and under qemu (pure), same bytes;
#   4. the STARK prover and verifier on a LogUp AIR (proving the VM's own trace comes with
#      the RISC-V circuits);
#   5. the EVM benchmark.
set -euo pipefail
build=${1:-build}
fx="$build/fixtures"
zkl1="$build/zkl1"
guest="$build/guest"

step() { printf '\n== %s\n' "$*"; }

if [ ! -d "$fx/blockchain_tests" ]; then
  echo "run: no unpacked fixtures in $fx: give FIXTURES=DIR holding the EEST release archives" >&2
  echo "  (see ../shared/fixtures/README.md and scripts/unpack-fixtures.sh)" >&2
  exit 1
fi

step "zkl1 blocktest: EEST blockchain tests (tests-v5.4.0), Cancun/Prague/Osaka and transitions"
"$zkl1" blocktest "$fx/blockchain_tests" | tail -n 25

if [ -d "$fx/blockchain_tests_devnet" ]; then
  step "zkl1 blocktest --network Amsterdam: tests-bal@v5.7.0"
  "$zkl1" blocktest --network Amsterdam "$fx/blockchain_tests_devnet" | tail -n 25
fi

if [ -d "$fx/blockchain_tests_zkevm" ]; then
  step "zkl1 blocktest --stateless: tests-zkevm@v0.3.3 input bytes -> output bytes (native)"
  "$zkl1" blocktest --stateless "$fx/blockchain_tests_zkevm" | tail -n 25
  if [ -f "$guest/zkl1-guest-accel.elf" ]; then
    step "the accelerated RISC-V guest in the zkl1 VM ($(cut -c1-16 "$guest/zkl1-guest-accel.elf.sha256")...)"
    "$zkl1" blocktest --stateless --guest "$guest/zkl1-guest-accel.elf" --runner zkl1 \
      "$fx/blockchain_tests_zkevm" | tail -n 25
  fi
  if [ -f "$guest/zkl1-guest-pure.elf" ] && command -v qemu-riscv64 >/dev/null; then
    step "the pure RV64IM guest under qemu-riscv64 ($(cut -c1-16 "$guest/zkl1-guest-pure.elf.sha256")...)"
    "$zkl1" blocktest --stateless --guest "$guest/zkl1-guest-pure.elf" --runner qemu \
      "$fx/blockchain_tests_zkevm" | tail -n 25
  fi
fi

step "zkl1 prove / zkl1 verify: a LogUp lookup AIR, 2^14 rows"
proof=$(mktemp)
trap 'rm -f "$proof"' EXIT
"$zkl1" prove --air lookup --log-rows 14 --out "$proof"
"$zkl1" verify "$proof"

if [ -d "$fx/benchmark/blockchain_tests" ]; then
  step "zkl1 bench evm: EEST benchmark blocks (tests-benchmark@v0.0.7)"
  "$zkl1" bench evm "$fx/benchmark/blockchain_tests" | tail -n 5
fi
