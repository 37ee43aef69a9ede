#!/usr/bin/env bash
# build-crypto.sh OUTDIR — builds zkl1's freestanding crypto for an rv64im guest:
#   OUTDIR/libzk_crypto_rv64.a   src/crypto, src/accel, src/core/{keccak,arena}.c
#   OUTDIR/obj/rt_*.o            the qemu test runtime (riscv/rt: _start, mem*, heap, helpers)
# with the flags of docs/crypto-deps.md §4 and the project's warnings as errors. A guest links
#   --start-group OUTDIR/libzk_crypto_rv64.a deps/riscv64/lib/*.a --end-group
# and supplies mem*, the zk_mp_* allocator hooks and the compiler helpers (see src/crypto/README.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?usage: build-crypto.sh OUTDIR}
DEPS=${ZK_DEPS_DIR:-$ROOT/deps}/riscv64
# shellcheck source=env.sh
. "$ROOT/riscv/env.sh"

for lib in secp256k1 blst bearssl tommath; do
    [ -f "$DEPS/lib/lib$lib.a" ] || { echo "build-crypto: $DEPS/lib/lib$lib.a missing (riscv/build-deps.sh)" >&2; exit 1; }
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

# The runtime (no warnings relaxed; -fno-builtin keeps mem* loops from becoming calls to mem*).
rt_objs=()
for f in "$ROOT"/riscv/rt/*.c "$ROOT"/riscv/rt/*.S; do
    o="$OUT/obj/rt_$(basename "${f%.*}").o"
    compile "$f" "$o" -fno-builtin
    rt_objs+=("$o")
done

# zkl1's freestanding crypto, as one archive so --gc-sections keeps what each test uses.
lib_objs=()
for f in "$ROOT"/src/crypto/*.c "$ROOT"/src/accel/*.c "$ROOT/src/core/keccak.c" "$ROOT/src/core/arena.c"; do
    o="$OUT/obj/$(basename "$(dirname "$f")")_$(basename "${f%.c}").o"
    compile "$f" "$o" &
    lib_objs+=("$o")
    [ "$(jobs -r | wc -l)" -lt "${JOBS:-2}" ] || wait -n
done
wait
rm -f "$OUT/libzk_crypto_rv64.a"
"$ZK_RV_AR" rcs "$OUT/libzk_crypto_rv64.a" "${lib_objs[@]}"

