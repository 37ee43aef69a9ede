#!/bin/sh
# run_behaviours.sh ZKL1 GUEST WORKDIR — every way a run can end (guests/behaviours.c): the
# exit status of `zkl1 run`, the message on stderr and, where it matters, the report.
set -u
zkl1=$1 elf=$2 work=$3
mkdir -p "$work"
failures=0

# case N EXPECTED_STATUS REGEX [extra zkl1 args...]
case_() {
    n=$1 want=$2 regex=$3
    shift 3
    printf "\\$(printf '%03o' "$n")" > "$work/in$n"
    "$zkl1" run "$elf" --in "$work/in$n" --out "$work/out$n" --report "$work/report$n.json" "$@" \
        2> "$work/err$n"
    got=$?
    if [ "$got" != "$want" ] || ! grep -Eq "$regex" "$work/err$n"; then
        echo "FAIL case $n: exit $got (want $want), stderr:"
        cat "$work/err$n"
        echo "  (expected /$regex/)"
        failures=$((failures + 1))
    else
        echo "ok   case $n: $(head -c 200 "$work/err$n")"
    fi
}
report_has() {
    if ! grep -Eq "$2" "$work/report$1.json"; then
        echo "FAIL case $1: report lacks /$2/"
        cat "$work/report$1.json"
        failures=$((failures + 1))
    fi
}

case_ 0 0 'halted with exit code 0'
[ "$(cat "$work/out0")" = ok ] || { echo "FAIL case 0: output"; failures=$((failures + 1)); }
report_has 0 '"status": "halted"'
report_has 0 '"instructions_per_second": [0-9]+'
case_ 1 3 'load at 0x0: address is unmapped .*pc 0x'
case_ 2 3 'store at 0x[0-9a-f]+: address is read-only'
case_ 3 3 'store at 0x[0-9a-f]+: address is unmapped'
case_ 4 3 'to misaligned address 0x[0-9a-f]+'
case_ 5 3 'outside every executable segment'
case_ 6 3 'illegal or unsupported instruction 0xc0001073'
case_ 7 3 'ebreak'
case_ 8 3 'cycle limit of 1000000 reached' --max-cycles 1000000
report_has 8 '"status": "cycle_limit"'
case_ 9 3 'memory limit of 67108864 bytes reached' --max-memory 64
report_has 9 '"status": "memory_limit"'
case_ 10 1 'halted with exit code 134'
case_ 11 1 'halted with exit code 3'
case_ 12 3 'unknown ecall number 30583'
case_ 13 0 'halted with exit code 0'
report_has 13 '"outer": \{"cycles": [0-9]+, "count": 1\}'
report_has 13 '"inner": \{"cycles": [0-9]+, "count": 1\}'
case_ 14 3 'region end does not name the innermost open region'
case_ 15 0 'halted with exit code 0'
report_has 15 '"unaligned_accesses": \{"loads": 10, "stores": 10, "total": 20\}'
case_ 16 0 'halted with exit code 0'
report_has 16 '"keccak256": \{"calls": 1, "cycles": 450,'
report_has 16 '"sha256": \{"calls": 1, "cycles": 500,'
# keccak256("abc") and sha256("abc")
hex=$(od -An -tx1 -v "$work/out16" | tr -d ' \n')
want="4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
[ "$hex" = "$want" ] || { echo "FAIL case 16: hashes $hex"; failures=$((failures + 1)); }
case_ 17 3 'NULL pointer'
case_ 18 3 'ecall argument read at 0x3000: address is unmapped'
case_ 19 3 'cycle limit of 100000000 reached \(accelerator 10 would cost' --max-cycles 100000000
case_ 20 3 'store at 0xc0000000: address is read-only'
case_ 21 0 'halted with exit code 0'
[ "$(cat "$work/out21")" = x ] || { echo "FAIL case 21: output"; failures=$((failures + 1)); }
case_ 22 0 'halted with exit code 0'
[ "$(cat "$work/out22")" = ZD ] || { echo "FAIL case 22: constructor/destructor output '$(cat "$work/out22")'"; failures=$((failures + 1)); }

# Region cycles: the inner loop runs inside both regions, so inner < outer.
inner=$(sed -n 's/.*"inner": {"cycles": \([0-9]*\).*/\1/p' "$work/report13.json")
outer=$(sed -n 's/.*"outer": {"cycles": \([0-9]*\).*/\1/p' "$work/report13.json")
if [ -z "$inner" ] || [ -z "$outer" ] || [ "$inner" -lt 1000 ] || [ "$inner" -ge "$outer" ]; then
    echo "FAIL: region cycles inner=$inner outer=$outer"
    failures=$((failures + 1))
fi

[ "$failures" = 0 ] || { echo "$failures failures"; exit 1; }
echo "all behaviours as expected"
