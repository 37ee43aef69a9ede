#!/bin/sh
# cli.sh ZKL1 FIXTURE — `zkl1 stateless` end to end: hex and raw input/output, --in/--out,
# format selection, the all-zero outputs, usage errors, and one fixture block's output.
set -u
zkl1=$1; fixture=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check NAME GOT WANT
    if [ "$2" != "$3" ]; then echo "FAIL $1: got '$2', want '$3'"; fail=1; else echo "ok   $1"; fi
}
zeros() { printf '0x'; i=0; while [ $i -lt "$1" ]; do printf '00'; i=$((i + 1)); done; }

check "undecodable hex, v0.3.3" "$(echo 0x00 | "$zkl1" stateless)" "$(zeros 41)"
check "undecodable hex, canonical" "$(printf '0x1501\n' | "$zkl1" stateless --format canonical)" "$(zeros 43)"
check "v0.3.3 bytes read as canonical" "$(printf '0x1400000000\n' | "$zkl1" stateless --format canonical)" "$(zeros 43)"
printf 'junk' > "$tmp/raw.bin"
"$zkl1" stateless --in "$tmp/raw.bin" --out "$tmp/out.bin"
check "raw in, raw out: size" "$(wc -c < "$tmp/out.bin" | tr -d ' ')" "41"
check "raw out: all zero" "$(od -An -v -tx1 "$tmp/out.bin" | tr -d ' \n' | tr -d 0)" ""
"$zkl1" stateless --format bogus < /dev/null 2>/dev/null; check "unknown format: exit 2" "$?" "2"
echo 0xzz | "$zkl1" stateless > /dev/null 2>&1; check "bad hex: exit 2" "$?" "2"
"$zkl1" stateless --in "$tmp/none" > /dev/null 2>&1; check "missing file: exit 2" "$?" "2"

# The first block of a fixture: the output must be its statelessOutputBytes.
input=$(grep -o '"statelessInputBytes": *"0x[0-9a-f]*"' "$fixture" | head -1 | sed 's/.*"\(0x[0-9a-f]*\)"/\1/')
want=$(grep -o '"statelessOutputBytes": *"0x[0-9a-f]*"' "$fixture" | head -1 | sed 's/.*"\(0x[0-9a-f]*\)"/\1/')
check "fixture block (stdin hex)" "$(echo "$input" | "$zkl1" stateless)" "$want"
echo "$input" > "$tmp/in.hex"
"$zkl1" stateless --in "$tmp/in.hex" --out "$tmp/out.hex" -v 2> "$tmp/verdict"
check "fixture block (--in/--out)" "$(cat "$tmp/out.hex")" "$want"
check "verbose verdict" "$(cut -c1-5 "$tmp/verdict")" "valid"
exit $fail
