#!/usr/bin/env bash
# build-kat.sh OUTDIR [TEST...] — builds the crypto known-answer tests (tests/crypto/test_*.c that
# use kat.h) as freestanding rv64im ELFs: the same vectors as the native ctest, run under
#   qemu-riscv64 -cpu rv64,c=false,a=false,f=false,d=false OUTDIR/<test>.elf
# zkl1's freestanding crypto comes from riscv/build-crypto.sh, the third-party libraries from
# deps/riscv64 (build-deps.sh); riscv/rt supplies _start, the linker script, mem*, the heap and
# the compiler helpers.
# Also builds OUTDIR/bench_guest.elf (riscv/bench_guest.c, see riscv/bench-guest.sh).
# Checks that every ELF is pure RV64IM (Tag_RISCV_arch rv64i2p0_m2p0).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: build-kat.sh OUTDIR [TEST...]}
shift
DEPS=${ZK_DEPS_DIR:-$ROOT/deps}/riscv64
# shellcheck source=env.sh
. "$ROOT/riscv/env.sh"

for lib in secp256k1 blst bearssl tommath; do
    [ -f "$DEPS/lib/lib$lib.a" ] || { echo "build-kat: $DEPS/lib/lib$lib.a missing (riscv/build-deps.sh)" >&2; exit 1; }
done
mkdir -p "$OUT/obj"
CC="$ZK_RV_CC -O2 -std=c17 -Wall -Wextra -Werror -Wno-unused-parameter -isystem $ROOT/riscv/include -isystem $DEPS/include"
INC="-I$ROOT/src -I$ROOT/src/accel"

compile() { # SRC OBJ [FLAGS...]
    local src=$1 obj=$2
    shift 2
    # shellcheck disable=SC2086
    $CC $INC "$@" -c "$src" -o "$obj"
}

"$ROOT/riscv/build-crypto.sh" "$OUT"
rt_objs=("$OUT"/obj/rt_*.o)

# The tests: those written against kat.h are guest-capable.
if [ $# -eq 0 ]; then
    for f in "$ROOT"/tests/crypto/test_*.c; do
        grep -q '#include "kat.h"' "$f" && set -- "$@" "$(basename "${f%.c}")"
    done
fi
for t in "$@" bench_guest; do
    src=$ROOT/tests/crypto/$t.c
    [ "$t" = bench_guest ] && src=$ROOT/riscv/bench_guest.c
    compile "$src" "$OUT/obj/$t.o" -DZK_KAT_GUEST -I"$ROOT/tests/crypto"
    "$ZK_RV_LD" -static -nostdlib --gc-sections -T "$ROOT/riscv/rt/link.ld" "${rt_objs[@]}" "$OUT/obj/$t.o" \
        --start-group "$OUT/libzk_crypto_rv64.a" "$DEPS"/lib/*.a --end-group -o "$OUT/$t.elf"
    arch=$(llvm-readelf -A "$OUT/$t.elf" 2>/dev/null | sed -n 's/.*TagName: arch.*//;s/^ *Value: *\(rv64[a-z0-9_]*\).*/\1/p' | head -1)
    if [ -z "$arch" ]; then
        arch=$(llvm-readelf -A "$OUT/$t.elf" 2>/dev/null | grep -o 'rv64[a-z0-9_]*' | head -1)
    fi
    if [ "$arch" != "rv64i2p0_m2p0" ]; then
        echo "build-kat: $t.elf is '$arch', not rv64i2p0_m2p0" >&2
        exit 1
    fi
    echo "build-kat: $OUT/$t.elf ($arch, $(stat -c %s "$OUT/$t.elf") bytes)"
done
