#!/bin/sh
# check_freestanding.sh CC NM SRC... — compiles each block-layer source for riscv64im,
# freestanding, with only a minimal <string.h>, and fails if an object needs any external
# symbol that is neither memcpy/memset/memmove/memcmp nor one of the project's own
# interfaces (zk_*, zkvm_*, mpt_*, rlp_*, keccak*, u256_*, ZK_*): no libc, no compiler
# runtime (e.g. __udivti3). Exits 77 (skipped) when the compiler cannot target riscv64.
set -u
cc=$1 nm=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/inc"
cat > "$tmp/inc/string.h" <<'H'
#include <stddef.h>
void *memcpy(void *, const void *, size_t);
void *memset(void *, int, size_t);
void *memmove(void *, const void *, size_t);
int memcmp(const void *, const void *, size_t);
H
flags="--target=riscv64-unknown-elf -march=rv64im -mabi=lp64 -ffreestanding -nostdlibinc -std=c17 -O2 -Wall -Wextra -Werror -Wno-unused-parameter"
echo 'int x;' > "$tmp/probe.c"
if ! $cc $flags -c "$tmp/probe.c" -o "$tmp/probe.o" 2>/dev/null; then
    echo "riscv64 target not available in $cc: skipped"
    exit 77
fi
status=0
for src in "$@"; do
    obj="$tmp/$(basename "$src").o"
    if ! $cc $flags -I"$tmp/inc" -c "$src" -o "$obj"; then
        echo "FAIL: $src does not compile freestanding for riscv64im"
        status=1
        continue
    fi
    for sym in $($nm "$obj" | awk '$1 == "U" {print $2}'); do
        case "$sym" in
        memcpy | memset | memmove | memcmp) ;;
        zk_* | zkvm_* | mpt_* | rlp_* | keccak* | u256_* | ZK_*) ;;
        *)
            echo "FAIL: $(basename "$src") needs external symbol $sym"
            status=1
            ;;
        esac
    done
done
[ $status -eq 0 ] && echo "block layer freestanding for riscv64im: ok ($# sources)"
exit $status
