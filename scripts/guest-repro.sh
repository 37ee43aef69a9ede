#!/bin/sh
# guest-repro.sh REFERENCE_GUEST_DIR [WORK_DIR] — the stateless guest builds reproducibly:
# copies the source tree (tracked and untracked, not ignored, files: no build or deps
# directories) to a new directory, configures a fresh build there, builds only the guest
# ELFs, and compares their SHA-256 with the ELFs in REFERENCE_GUEST_DIR (e.g. build/guest).
# The third-party rv64im libraries (deps/riscv64) are shared, not rebuilt. Prints both hashes
# of each ELF; exits 0 when all are byte-identical, 1 otherwise, 77 when nothing to compare.
set -eu
ref=$(cd "${1:?usage: guest-repro.sh REFERENCE_GUEST_DIR [WORK_DIR]}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${2:-}
if [ -z "$work" ]; then
    work=$(mktemp -d /tmp/zkl1-guest-repro-XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
deps=${ZK_DEPS_DIR:-$root/deps}
elfs=$(cd "$ref" && ls zkl1-guest-*.elf 2>/dev/null || true)
if [ -z "$elfs" ]; then
    echo "guest-repro: no zkl1-guest-*.elf in $ref: skipped"
    exit 77
fi

if ! git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    echo "guest-repro: $root is not a git checkout (the copy lists files with git): skipped"
    exit 77
fi

# A second source directory and a second build directory, both at other paths.
mkdir -p "$work/src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - 2>/dev/null) |
    (cd "$work/src" && tar xf -)
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_C_COMPILER="${CC:-clang}" -DZK_DEPS_DIR="$deps" >"$work/cmake.log" 2>&1 ||
    { cat "$work/cmake.log"; exit 1; }
targets=$(for e in $elfs; do basename "$e" .elf; done)
# shellcheck disable=SC2086
nice ninja -C "$work/build" $targets >"$work/ninja.log" 2>&1 || { tail -30 "$work/ninja.log"; exit 1; }

status=0
for e in $elfs; do
    a=$(sha256sum "$ref/$e" | cut -c1-64)
    b=$(sha256sum "$work/build/guest/$e" | cut -c1-64)
    if [ "$a" = "$b" ]; then
        echo "$e: $a (identical)"
    else
        echo "$e: DIFFERS: $a (reference) vs $b (clean build in $work; if sources changed since the reference was built, rebuild it first)"
        status=1
    fi
done
exit $status
