#!/usr/bin/env bash
# run-fuzz.sh BUILD_DIR SECONDS [VECTOR_FILE] — runs every precompile libFuzzer target of a build
# configured with -DZK_FUZZ=ON for SECONDS each. Corpora live in BUILD_DIR/fuzz/corpus/<target>;
# with VECTOR_FILE (extract_precompile_vectors.py output) they are seeded with the EEST inputs of
# the target's precompile. Stops at the first crash (the reproducer is left in the current dir).
set -euo pipefail
BUILD=${1:?usage: run-fuzz.sh BUILD_DIR SECONDS [VECTOR_FILE]}
SECONDS_EACH=${2:?usage: run-fuzz.sh BUILD_DIR SECONDS [VECTOR_FILE]}
VECTORS=${3:-}
declare -A ADDRESS=(
    [ecrecover]=1 [sha256]=2 [ripemd160]=3 [identity]=4 [modexp]=5 [bn254_add]=6 [bn254_mul]=7
    [bn254_pairing]=8 [blake2f]=9 [point_evaluation]=a [bls_g1add]=b [bls_g1msm]=c [bls_g2add]=d
    [bls_g2msm]=e [bls_pairing]=f [bls_map_fp_to_g1]=10 [bls_map_fp2_to_g2]=11 [p256verify]=100)
for bin in "$BUILD"/fuzz/fuzz_*; do
    name=$(basename "$bin")
    target=${name#fuzz_}
    corpus=$BUILD/fuzz/corpus/$target
    mkdir -p "$corpus"
    if [ -n "$VECTORS" ] && [ -f "$VECTORS" ] && [ -z "$(ls -A "$corpus")" ]; then
        awk -v a="${ADDRESS[$target]:-none}" -v dir="$corpus" \
            '$3 == a && $5 != "-" && length($5) <= 40000 && n < 64 { print $5 > (dir "/seed" n); n++ }' "$VECTORS"
        for f in "$corpus"/seed*; do [ -f "$f" ] && xxd -r -p "$f" >"$f.bin" && rm "$f"; done
    fi
    printf '%-28s ' "$name"
    log=$BUILD/fuzz/$name.log
    if "$bin" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 "$corpus" >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
        echo "ok: $runs runs, coverage $cov, corpus $(ls "$corpus" | wc -l)"
    else
        echo "FAILED (see $log)"
        tail -30 "$log"
        exit 1
    fi
done
