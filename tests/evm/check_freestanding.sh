#!/bin/sh
# Compiles src/evm for riscv64im without a C library and checks that the objects need
# nothing from libc beyond memcpy/memmove/memset/memcmp (everything else must come from
# zkl1's own modules). Usage: check_freestanding.sh SRC_DIR CLANG LLVM_NM
set -eu
src=$1 cc=$2 nm=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$src"/src/evm/*.c; do
    "$cc" --target=riscv64-unknown-elf -march=rv64im -mabi=lp64 -ffreestanding -std=c17 -O2 \
        -Wall -Wextra -Werror -Wno-unused-parameter -isystem "$src/tests/evm/freestanding" \
        -I"$src/src" -c "$f" -o "$out/$(basename "$f").o"
done
"$nm" --defined-only "$out"/*.o | awk 'NF == 3 { print $3 }' | sort -u > "$out/defined"
"$nm" -u "$out"/*.o | awk 'NF == 2 { print $2 }' | sort -u > "$out/undefined"
# Undefined and not defined by src/evm itself: must be mem* or another zkl1 module's API.
bad=$(comm -23 "$out/undefined" "$out/defined" |
      grep -v -E '^(memcpy|memmove|memset|memcmp|zk_|u256_|keccak|zkvm_|ZK_|rlp_)' || true)
if [ -n "$bad" ]; then
    echo "src/evm needs symbols outside the freestanding set:"
    echo "$bad"
    exit 1
fi
echo "src/evm is freestanding for rv64im"
