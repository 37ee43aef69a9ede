#!/bin/sh
# check_freestanding.sh CC NM [-I DIR | -isystem DIR | --allow PATTERN]... -- SRC...
#
# Compiles each source for riscv64im, freestanding, against a minimal <string.h> (the four
# mem* functions only, no libc headers), and fails if any object needs an external symbol
# that is not memcpy/memset/memmove/memcmp, not defined by one of the given sources, and
# matches no --allow shell pattern (e.g. 'zk_*' for another module's API). So the code needs
# no libc and no compiler runtime (e.g. __udivti3). Exits 77 (skipped) when the compiler
# cannot target riscv64.
set -u
cc=$1 nm=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
includes="" allowed=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    case "$1" in
    -I | -isystem) includes="$includes $1 $2"; shift 2 ;;
    --allow) allowed="$allowed $2"; shift 2 ;;
    *) echo "check_freestanding: unknown option $1" >&2; exit 2 ;;
    esac
done
[ $# -gt 0 ] && shift # the "--"

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
mkdir -p "$tmp/obj"
for src in "$@"; do
    # shellcheck disable=SC2086 # includes is a list of options
    if ! $cc $flags -I"$tmp/inc" $includes -c "$src" -o "$tmp/obj/$(basename "$src").o"; then
        echo "FAIL: $src does not compile freestanding for riscv64im"
        status=1
    fi
done
$nm --defined-only "$tmp"/obj/*.o 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u > "$tmp/defined"

allowed_symbol() {
    case "$1" in memcpy | memset | memmove | memcmp) return 0 ;; esac
    grep -qx "$1" "$tmp/defined" && return 0
    for pattern in $allowed; do
        # shellcheck disable=SC2254 # the pattern is meant to glob
        case "$1" in $pattern) return 0 ;; esac
    done
    return 1
}

for obj in "$tmp"/obj/*.o; do
    [ -e "$obj" ] || continue
    # Strong references only ("U"): a weak one ("w") may stay unresolved by design.
    for sym in $($nm -u "$obj" | awk '$1 == "U" {print $2}'); do
        if ! allowed_symbol "$sym"; then
            echo "FAIL: $(basename "$obj" .o) needs external symbol $sym"
            status=1
        fi
    done
done
[ $status -eq 0 ] && echo "freestanding riscv64im: ok ($# sources)"
exit $status
