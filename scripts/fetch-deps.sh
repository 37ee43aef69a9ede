#!/usr/bin/env bash
# fetch-deps.sh — obtains the pinned third-party crypto sources, checks them, unpacks them and
# builds the host static libraries (and the rv64im guest ones when riscv/build-deps.sh exists).
#
#   deps/dl/     downloaded files, each checked against third_party/SHA256SUMS
#   deps/src/    unpacked sources: libsecp256k1-0.2.0, bearssl-0.6, libtommath-1.2.0, c-kzg-4.1.0
#   deps/host/   lib/lib{secp256k1,blst,bearssl,tommath}.a and include/  (used by cmake/deps.cmake)
#   deps/stamps/ one stamp per finished step; a step whose stamp matches is skipped
#
# Sources (docs/crypto-deps.md §2–3): Debian bookworm source packages libsecp256k1 0.2.0-2,
# bearssl 0.6+dfsg.1-3 and libtommath 1.2.0-6+deb12u1 (through a temporary deb-src entry), and the
# npm tarball c-kzg@4.1.0 (for blst and the KZG trusted setup). Third-party code is never committed.
#
# Idempotent: when everything is in place it only re-hashes the downloads (well under a second).
# Options: --force (redo every step), --no-riscv (skip the guest build). Env: CC (default clang),
# ZK_DEPS_DIR (default <repo>/deps), JOBS (default: number of CPUs).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEPS=${ZK_DEPS_DIR:-$ROOT/deps}
SUMS=$ROOT/third_party/SHA256SUMS
DL=$DEPS/dl
SRC=$DEPS/src
STAMPS=$DEPS/stamps
FORCE=0
RISCV=1
for arg in "$@"; do
    case $arg in
    --force) FORCE=1 ;;
    --no-riscv) RISCV=0 ;;
    *) echo "usage: $0 [--force] [--no-riscv]" >&2; exit 2 ;;
    esac
done

DEBIAN_PKGS=(libsecp256k1=0.2.0-2 bearssl=0.6+dfsg.1-3 libtommath=1.2.0-6+deb12u1)
NPM_PKG=c-kzg@4.1.0

# shellcheck source=../third_party/recipes.sh
. "$ROOT/third_party/recipes.sh"

log() { echo "fetch-deps: $*"; }
die() { echo "fetch-deps: error: $*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# --- stamps -------------------------------------------------------------------------------------
# A stamp holds a key (hash of what the step depends on); the step is done when the key matches.
stamp_key() { { cat "$SUMS"; echo "recipes $ZK_RECIPES_VERSION"; echo "$*"; } | sha256sum | cut -c1-64; }
stamp_ok() { [ "$FORCE" -eq 0 ] && [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$2" ]; }
stamp_set() { mkdir -p "$STAMPS"; echo "$2" >"$STAMPS/$1"; }

# --- 1. download ----------------------------------------------------------------------------------
# Files listed in SHA256SUMS that are absent from deps/dl or do not match their hash.
missing_downloads() {
    local sum name
    while read -r sum name; do
        [ -n "$name" ] || continue
        if [ ! -f "$DL/$name" ] || [ "$(sha256sum "$DL/$name" | cut -c1-64)" != "$sum" ]; then
            echo "$name"
        fi
    done <"$SUMS"
}

# The temporary deb-src entry mirrors every stanza of the stock debian.sources (same URIs, suites
# and Signed-By), only with `Types: deb-src`. It is removed again on any exit.
DEBSRC_FILE=/etc/apt/sources.list.d/zkl1-src.sources
remove_debsrc() {
    if [ -f "$DEBSRC_FILE" ]; then
        $SUDO rm -f "$DEBSRC_FILE"
        $SUDO apt-get update -qq >/dev/null 2>&1 || true
    fi
}

download_debian_sources() {
    local scratch=$1 stock=/etc/apt/sources.list.d/debian.sources
    [ -f "$stock" ] || die "$stock not found (expected a Debian 12 deb822 apt configuration)"
    trap remove_debsrc EXIT
    awk 'BEGIN { RS = ""; ORS = "\n\n" }
         /(^|\n)Types:[ \t]*deb([ \t]|\n|$)/ { sub(/Types:[ \t]*deb/, "Types: deb-src"); print }' \
        "$stock" | $SUDO tee "$DEBSRC_FILE" >/dev/null
    grep -q deb-src "$DEBSRC_FILE" || die "could not derive a deb-src entry from $stock"
    log "apt-get update with a temporary deb-src entry"
    $SUDO apt-get update -qq
    # Root gets a harmless "unsandboxed ... _apt" warning; keep the chatter in a log.
    (cd "$scratch" && apt-get source --download-only "${DEBIAN_PKGS[@]}" >apt-source.log 2>&1) ||
        { cat "$scratch/apt-source.log" >&2; die "apt-get source failed"; }
    remove_debsrc
    trap - EXIT
}

download_npm() {
    local scratch=$1
    command -v npm >/dev/null || die "npm not found (apt-get install npm)"
    (cd "$scratch" && npm pack --silent "$NPM_PKG" >/dev/null)
}

fetch() {
    local todo scratch name sum need_deb=0 need_npm=0
    todo=$(missing_downloads)
    [ -n "$todo" ] || return 0
    for name in $todo; do
        case $name in
        *.tgz) need_npm=1 ;;
        *) need_deb=1 ;;
        esac
    done
    mkdir -p "$DL"
    scratch=$(mktemp -d "$DEPS/dl.tmp.XXXXXX")
    [ "$need_deb" -eq 0 ] || download_debian_sources "$scratch"
    [ "$need_npm" -eq 0 ] || download_npm "$scratch"
    # Verify each file before it enters deps/dl: a file that fails stays out.
    while read -r sum name; do
        [ -n "$name" ] || continue
        [ -f "$scratch/$name" ] || continue
        if [ "$(sha256sum "$scratch/$name" | cut -c1-64)" != "$sum" ]; then
            rm -rf "$scratch"
            die "SHA-256 mismatch for $name (expected $sum)"
        fi
        mv -f "$scratch/$name" "$DL/$name"
    done <"$SUMS"
    rm -rf "$scratch"
    todo=$(missing_downloads)
    [ -z "$todo" ] || die "still missing or corrupt after download: $todo"
    log "downloaded and verified: $(wc -l <"$SUMS") files"
}

# --- 2. unpack ------------------------------------------------------------------------------------
unpack_dsc() { # DSC DESTNAME: dpkg-source applies Debian's patches (e.g. libtommath's CVE fix)
    local dsc=$1 dest=$2
    command -v dpkg-source >/dev/null || die "dpkg-source not found (apt-get install dpkg-dev)"
    rm -rf "${SRC:?}/$dest"
    (cd "$SRC" && dpkg-source --no-copy -x "$DL/$dsc" "$dest" >/dev/null 2>&1) ||
        die "dpkg-source -x $dsc failed"
}

unpack() {
    local key
    key=$(stamp_key unpack)
    stamp_ok unpack "$key" && return 0
    mkdir -p "$SRC"
    unpack_dsc libsecp256k1_0.2.0-2.dsc libsecp256k1-0.2.0
    unpack_dsc bearssl_0.6+dfsg.1-3.dsc bearssl-0.6
    unpack_dsc libtommath_1.2.0-6+deb12u1.dsc libtommath-1.2.0
    rm -rf "$SRC/c-kzg-4.1.0" "$SRC/c-kzg.tmp"
    mkdir -p "$SRC/c-kzg.tmp"
    tar -xzf "$DL/c-kzg-4.1.0.tgz" -C "$SRC/c-kzg.tmp"
    mv "$SRC/c-kzg.tmp/package" "$SRC/c-kzg-4.1.0"
    rmdir "$SRC/c-kzg.tmp"
    [ -f "$SRC/c-kzg-4.1.0/deps/blst/src/server.c" ] || die "c-kzg tarball has no deps/blst"
    stamp_set unpack "$key"
    log "unpacked into $SRC"
}

# --- 3. host build --------------------------------------------------------------------------------
build_host() {
    local out=$DEPS/host key lib
    export CC=${CC:-clang}
    export CFLAGS="-O2"
    export AR
    AR=$(command -v llvm-ar || command -v ar)
    export JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
    key=$(stamp_key "host $($CC --version | head -1) $CFLAGS")
    stamp_ok host "$key" && return 0
    log "building host libraries with $CC $CFLAGS into $out"
    rm -rf "$out"
    zk_recipe_secp256k1 "$SRC/libsecp256k1-0.2.0" "$out" host || die "libsecp256k1 build failed"
    zk_recipe_blst "$SRC/c-kzg-4.1.0/deps/blst" "$out" host || die "blst build failed"
    zk_recipe_bearssl "$SRC/bearssl-0.6" "$out" host || die "BearSSL build failed"
    zk_recipe_tommath "$SRC/libtommath-1.2.0" "$out" host || die "libtommath build failed"
    rm -rf "$out/obj"
    for lib in secp256k1 blst bearssl tommath; do
        [ -s "$out/lib/lib$lib.a" ] || die "missing $out/lib/lib$lib.a"
    done
    stamp_set host "$key"
    log "host libraries ready: $(cd "$out/lib" && echo *.a)"
}

mkdir -p "$DEPS"
[ -f "$SUMS" ] || die "$SUMS not found"
fetch
unpack
build_host
if [ "$RISCV" -eq 1 ] && [ -x "$ROOT/riscv/build-deps.sh" ]; then
    ZK_DEPS_DIR=$DEPS FORCE=$FORCE "$ROOT/riscv/build-deps.sh"
fi
