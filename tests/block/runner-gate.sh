#!/bin/sh
# runner-gate.sh ZKL1 FIXTURE.json — checks that `zkl1 blocktest` itself can fail: a good
# fixture passes; the same fixture with a wrong lastblockhash fails; listing that failure
# as known makes the run pass again (XFAIL); a pass floor above the count fails; a
# truncated file is a failure with a reason, and the run goes on.
set -u
zkl1=$1; good=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
check() { # check DESCRIPTION EXPECTED_EXIT ACTUAL_EXIT
  if [ "$2" != "$3" ]; then echo "runner-gate: $1: exit $3, expected $2"; status=1; fi
}

out=$("$zkl1" blocktest -j 1 "$good"); rc=$?
check "good fixture" 0 $rc
echo "$out" | tail -n 1 | grep -q '^[1-9][0-9]* passed, 0 failed, 0 skipped$' || { echo "runner-gate: good: $out"; status=1; }

sed 's/"lastblockhash": "0x[0-9a-f]*"/"lastblockhash": "0x0000000000000000000000000000000000000000000000000000000000000000"/' \
  "$good" > "$tmp/bad.json"
out=$("$zkl1" blocktest -j 1 "$tmp/bad.json"); rc=$?
check "wrong lastblockhash" 1 $rc
echo "$out" | grep -q '^FAIL .*: last block hash' || { echo "runner-gate: bad: $out"; status=1; }

echo "$out" | sed -n 's/^FAIL \(.* \[[A-Za-z0-9]*\]\): .*$/\1 # deliberately broken copy/p' > "$tmp/known.txt"
out=$("$zkl1" blocktest -j 1 --known-failures "$tmp/known.txt" "$tmp/bad.json"); rc=$?
check "known failure" 0 $rc
echo "$out" | grep -q '^XFAIL ' || { echo "runner-gate: known: $out"; status=1; }

"$zkl1" blocktest -j 1 --min-pass 1000000 "$good" > /dev/null; rc=$?
check "pass floor" 1 $rc

head -c 1000 "$good" > "$tmp/truncated.json"
out=$("$zkl1" blocktest -j 2 "$tmp/truncated.json" "$good"); rc=$?
check "truncated file" 1 $rc
echo "$out" | grep -q "^FAIL $tmp/truncated.json: " || { echo "runner-gate: truncated: $out"; status=1; }
echo "$out" | tail -n 1 | grep -q '^[1-9][0-9]* passed, 1 failed' || { echo "runner-gate: truncated: $out"; status=1; }

[ $status -eq 0 ] && echo "runner-gate: ok"
exit $status
