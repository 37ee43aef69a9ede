#!/usr/bin/env bash
# build-deps.sh — builds the third-party crypto libraries for the rv64im guest (freestanding,
# lp64, no libc) into deps/riscv64/{lib,include}, from the sources scripts/fetch-deps.sh
# unpacked, with the same recipes as the host build (third_party/recipes.sh). Called by
# fetch-deps.sh; stamped, so quick when done. Env: ZK_DEPS_DIR, FORCE=1, JOBS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEPS=${ZK_DEPS_DIR:-$ROOT/deps}
SRC=$DEPS/src
OUT=$DEPS/riscv64
# shellcheck source=env.sh
. "$ROOT/riscv/env.sh"
# shellcheck source=../third_party/recipes.sh
. "$ROOT/third_party/recipes.sh"

if ! echo 'int x;' | $ZK_RV_CC -x c -c - -o /dev/null 2>/dev/null; then
    echo "riscv/build-deps: clang cannot target riscv64; skipping the guest build" >&2
    exit 0
fi
[ -d "$SRC/libsecp256k1-0.2.0" ] || { echo "riscv/build-deps: run scripts/fetch-deps.sh first" >&2; exit 1; }

key=$({ cat "$ROOT/third_party/SHA256SUMS" "$ROOT/riscv/env.sh" "$ROOT"/riscv/include/*.h
        echo "recipes $ZK_RECIPES_VERSION"; clang --version | head -1; } | sha256sum | cut -c1-64)
stamp=$DEPS/stamps/riscv64
if [ "${FORCE:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
    exit 0
fi

export CC="$ZK_RV_CC -isystem $ROOT/riscv/include"
export CFLAGS="-O2"
export AR="$ZK_RV_AR"
export JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
echo "riscv/build-deps: building rv64im libraries into $OUT"
rm -rf "$OUT"
zk_recipe_secp256k1 "$SRC/libsecp256k1-0.2.0" "$OUT" rv64im
zk_recipe_blst "$SRC/c-kzg-4.1.0/deps/blst" "$OUT" rv64im
zk_recipe_bearssl "$SRC/bearssl-0.6" "$OUT" rv64im
zk_recipe_tommath "$SRC/libtommath-1.2.0" "$OUT" rv64im
rm -rf "$OUT/obj"
mkdir -p "$DEPS/stamps"
echo "$key" >"$stamp"
echo "riscv/build-deps: rv64im libraries ready: $(cd "$OUT/lib" && echo *.a)"
