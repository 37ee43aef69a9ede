#!/bin/sh
# check_freestanding.sh CC NM SRC_ROOT DEPS_INCLUDE SRC... — compiles each STARK source for
# riscv64im, freestanding, with only a minimal <string.h>, and fails if an object needs an
# external symbol other than memcpy/memset/memmove/memcmp, the zk_arena functions (src/core),
# blst_sha256 (the hash dependency) or a function defined by the other sources.
# Exits 77 (skipped) when the compiler cannot target riscv64.
set -u
cc=$1 nm=$2 root=$3 deps_inc=$4
shift 4
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
defined="$tmp/defined"
: > "$defined"
for src in "$@"; do
    obj="$tmp/$(basename "$src").o"
    if ! $cc $flags -I"$tmp/inc" -I"$root/src" -I"$root/src/stark" -isystem "$deps_inc" -c "$src" -o "$obj"; then
        echo "FAIL: $src does not compile freestanding for riscv64im"
        status=1
        continue
    fi
    $nm "$obj" | awk '$2 ~ /^[TDRB]$/ {print $3}' >> "$defined"
done
for obj in "$tmp"/*.c.o; do
    [ -e "$obj" ] || continue
    for sym in $($nm "$obj" | awk '$1 == "U" {print $2}'); do
        case "$sym" in
        memcpy | memset | memmove | memcmp | zk_arena_* | blst_sha256) ;;
        *)
            if ! grep -qx "$sym" "$defined"; then
                echo "FAIL: $(basename "$obj" .o) needs external symbol $sym"
                status=1
            fi
            ;;
        esac
    done
done
[ $status -eq 0 ] && echo "freestanding riscv64im: ok ($# sources)"
exit $status
