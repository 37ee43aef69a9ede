# recipes.sh — how each pinned third-party library is compiled, for the host or the rv64im guest.
#
# Sourced (not executed) by scripts/fetch-deps.sh (host build) and riscv/build-deps.sh (guest
# build), so that both targets compile exactly the same file lists with the same configuration
# macros; only the target-specific switches differ (assembly natively, -D__BLST_NO_ASM__ and the
# allocator hooks in the guest).
#
# Interface: set CC (may include flags such as --target), CFLAGS, AR and JOBS, then call
#   zk_recipe_<lib> SRC_DIR OUT_DIR TARGET
# with TARGET one of: host, rv64im. The recipe writes OUT_DIR/lib/lib<lib>.a and copies the public
# headers to OUT_DIR/include. Third-party code is never modified: everything is configured through
# -D switches.
#
# Bump ZK_RECIPES_VERSION whenever a recipe changes, so stamped builds are redone.
ZK_RECIPES_VERSION=3

# Compiles ZK_FILES (absolute paths) with $CC $CFLAGS ZK_FLAGS into the archive $1, using the object
# directory $2; runs up to $JOBS compilers at once. Returns non-zero when any compile fails.
zk_compile_archive() {
    local archive=$1 objdir=$2 f o p rc=0
    local -a objs=() pids=()
    rm -rf "$objdir"
    mkdir -p "$objdir" "$(dirname "$archive")"
    for f in "${ZK_FILES[@]}"; do
        o="$objdir/$(basename "$(dirname "$f")")_$(basename "${f%.*}").o"
        objs+=("$o")
        # shellcheck disable=SC2086  # CC and CFLAGS are word lists on purpose
        $CC $CFLAGS "${ZK_FLAGS[@]}" -c "$f" -o "$o" &
        pids+=($!)
        if [ "${#pids[@]}" -ge "${JOBS:-2}" ]; then
            wait "${pids[0]}" || rc=1
            pids=("${pids[@]:1}")
        fi
    done
    for p in "${pids[@]}"; do wait "$p" || rc=1; done
    [ "$rc" -eq 0 ] || { echo "recipes: compile failed for $archive" >&2; return 1; }
    rm -f "$archive"
    "$AR" rcs "$archive" "${objs[@]}"
}

zk_is_x86_64() { $CC -dM -E -x c /dev/null 2>/dev/null | grep -q '__x86_64__'; }
zk_is_aarch64() { $CC -dM -E -x c /dev/null 2>/dev/null | grep -q '__aarch64__'; }

# libsecp256k1 0.2.0: recovery module; precomputed tables compiled in (window 15, gen 4 bits); the
# default illegal/error callbacks are external (zkl1 defines them in src/accel/secp256k1_callbacks.c)
# so the library has no stdio. Callers use secp256k1_context_static: no malloc is ever reached.
zk_recipe_secp256k1() {
    local src=$1 out=$2 target=$3
    ZK_FLAGS=(-I"$src/include" -I"$src/src" -DENABLE_MODULE_RECOVERY=1 -DUSE_EXTERNAL_DEFAULT_CALLBACKS=1
              -DECMULT_WINDOW_SIZE=15 -DECMULT_GEN_PREC_BITS=4 -w)
    if [ "$target" = host ] && zk_is_x86_64; then
        ZK_FLAGS+=(-DUSE_ASM_X86_64=1)
    fi
    ZK_FILES=("$src/src/secp256k1.c" "$src/src/precomputed_ecmult.c" "$src/src/precomputed_ecmult_gen.c")
    zk_compile_archive "$out/lib/libsecp256k1.a" "$out/obj/secp256k1" || return 1
    mkdir -p "$out/include"
    cp "$src/include/secp256k1.h" "$src/include/secp256k1_recovery.h" "$src/include/secp256k1_preallocated.h" \
        "$out/include/"
}

# blst (from c-kzg 4.1.0): natively server.c plus its assembly; __BLST_PORTABLE__ makes the x86_64
# build pick ADX/SHA-NI at run time instead of at build time, so a library built here runs on any
# x86_64. The guest has no assembly: __BLST_NO_ASM__ selects the portable C with 32-bit limbs.
zk_recipe_blst() {
    local src=$1 out=$2 target=$3
    ZK_FLAGS=(-fno-builtin -w)
    ZK_FILES=("$src/src/server.c")
    if [ "$target" = rv64im ]; then
        ZK_FLAGS+=(-D__BLST_NO_ASM__)
    elif zk_is_x86_64; then
        ZK_FLAGS+=(-D__BLST_PORTABLE__)
        ZK_FILES+=("$src/build/assembly.S")
    elif zk_is_aarch64; then
        ZK_FILES+=("$src/build/assembly.S")
    else
        ZK_FLAGS+=(-D__BLST_NO_ASM__)
    fi
    zk_compile_archive "$out/lib/libblst.a" "$out/obj/blst" || return 1
    mkdir -p "$out/include"
    cp "$src/bindings/blst.h" "$src/bindings/blst_aux.h" "$out/include/"
}

# BearSSL 0.6: the elliptic-curve code, the big-integer code it rests on, SHA-2 and the codecs.
# Pure C, no allocation. zkl1 uses br_ecdsa_i31_vrfy_raw with br_ec_p256_m31.
zk_recipe_bearssl() {
    local src=$1 out=$2 target=$3
    ZK_FLAGS=(-I"$src/inc" -I"$src/src" -w)
    ZK_FILES=("$src"/src/ec/*.c "$src"/src/int/*.c "$src/src/hash/sha2small.c"
              "$src/src/codec/dec32be.c" "$src/src/codec/enc32be.c" "$src/src/codec/dec32le.c"
              "$src/src/codec/enc32le.c" "$src/src/codec/ccopy.c")
    zk_compile_archive "$out/lib/libbearssl.a" "$out/obj/bearssl" || return 1
    mkdir -p "$out/include"
    cp "$src"/inc/*.h "$out/include/"
}

# libtommath 1.2.0 (with Debian's CVE-2023-36328 fix): every source file, no FILE* API. The host uses
# libc malloc/realloc/calloc/free; the guest build routes them to zk_mp_malloc/zk_mp_realloc/
# zk_mp_calloc/zk_mp_free, which the guest binary defines (src/crypto/mp_alloc.h) — typically over
# _heap_start/_heap_end. The OS random sources are compiled out there.
zk_recipe_tommath() {
    local src=$1 out=$2 target=$3
    ZK_FLAGS=(-I"$src" -DMP_NO_FILE -w)
    if [ "$target" = rv64im ]; then
        ZK_FLAGS+=(-DMP_NO_DEV_URANDOM -DMP_MALLOC=zk_mp_malloc -DMP_REALLOC=zk_mp_realloc
                   -DMP_CALLOC=zk_mp_calloc -DMP_FREE=zk_mp_free)
    fi
    ZK_FILES=("$src"/bn_*.c)
    zk_compile_archive "$out/lib/libtommath.a" "$out/obj/tommath" || return 1
    mkdir -p "$out/include"
    cp "$src/tommath.h" "$out/include/"
}
