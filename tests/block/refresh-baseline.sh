#!/bin/sh
# refresh-baseline.sh BUILD_DIR — reruns every conformance shard with BUILD_DIR/zkl1 and
# rewrites pass-floor.txt (each shard's pass count) and known-failures.txt (every failing
# test, with the runner's reason as its cause; edit the causes into words afterwards).
# Use after a change that makes tests pass, to lock the gain in.
set -eu
build=$1
here=$(cd "$(dirname "$0")" && pwd)
shards="$build/tests/block/conformance-shards.txt"
[ -s "$shards" ] || { echo "no $shards: configure with ZK_FIXTURES_UNPACKED" >&2; exit 1; }
floor="$here/pass-floor.txt.new"; known="$here/known-failures.txt.new"
{
  echo "# Minimum number of passing tests per conformance shard (tests/block/CMakeLists.txt)."
  echo "# Written by refresh-baseline.sh; a drop below a floor fails the shard."
} > "$floor"
{
  echo "# Known failures of \`zkl1 blocktest\` on the EEST blockchain tests (tests-v5.4.0; Amsterdam shards: tests-bal@v5.7.0-alpha devnet, tests-zkevm@v0.3.3)."
  echo "# One test per line, as printed after FAIL: \`<test id> [<network>]\`, then \` # cause\`."
} > "$known"
while read -r shard paths; do
  # shellcheck disable=SC2086
  out=$("$build/zkl1" blocktest $paths || true)
  echo "$out" | tail -n 1 | awk -v s="$shard" '{ print s, $1 }' >> "$floor"
  echo "$out" | sed -n "s/^FAIL \\(.* \\[[A-Za-z0-9]*\\]\\): \\(.*\\)$/\\1 # \\2/p" | cut -c1-400 >> "$known"
  echo "$shard: $(echo "$out" | tail -n 1)"
done < "$shards"
mv "$floor" "$here/pass-floor.txt"
mv "$known" "$here/known-failures.txt"
