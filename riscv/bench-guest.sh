#!/usr/bin/env bash
# bench-guest.sh ZKL1 [OUTDIR] — guest cycles of every precompile benchmark case: builds
# riscv/bench_guest.c for rv64im (riscv/build-kat.sh), runs it in the zkl1 VM (`ZKL1 run
# --report`), and prints cycles, gas and cycles per gas per case, software path only (no
# accelerator ecalls: the crypto is plain rv64im code, blst without assembly).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ZKL1=${1:?usage: bench-guest.sh ZKL1_BINARY [OUTDIR]}
OUT=${2:-$ROOT/build-rv64-bench}
"$ROOT/riscv/build-kat.sh" "$OUT" test_hash >/dev/null
"$ZKL1" run "$OUT/bench_guest.elf" --out "$OUT/bench_guest.out" --report "$OUT/bench_guest.json"
python3 - "$OUT/bench_guest.out" "$OUT/bench_guest.json" <<'PY'
import json, sys
lines = [l.split() for l in open(sys.argv[1]) if l.strip()]
regions = json.load(open(sys.argv[2]))['regions']
print('%-20s %10s %14s %12s' % ('case', 'gas', 'guest cycles', 'cycles/gas'))
for name, gas, ok in lines:
    cyc = regions.get(name, {}).get('cycles')
    print('%-20s %10s %14s %12s %s' % (name, gas, cyc, '%.0f' % (cyc / int(gas)) if cyc and int(gas) else '-',
                                       '' if ok == 'ok' else ok))
PY
