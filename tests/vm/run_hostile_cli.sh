#!/bin/sh
# run_hostile_cli.sh ZKL1 DIR — `zkl1 run` on the hostile ELFs that test_vm_elf_hostile wrote:
# each must end with exit status 2 and a one-line "zkl1 run: FILE: reason" on stderr, never a
# crash or a sanitizer report.
set -u
zkl1=$1 dir=$2
failures=0 count=0
for elf in "$dir"/*.elf; do
    count=$((count + 1))
    "$zkl1" run "$elf" > /dev/null 2> "$dir/stderr"
    rc=$?
    if [ "$rc" != 2 ] || ! grep -q "^zkl1 run: $elf: " "$dir/stderr" || [ "$(wc -l < "$dir/stderr")" != 1 ]; then
        echo "FAIL $elf: exit $rc"
        cat "$dir/stderr"
        failures=$((failures + 1))
    fi
done
[ "$count" -gt 20 ] || { echo "FAIL: only $count hostile files"; exit 1; }
[ "$failures" = 0 ] || exit 1
echo "$count hostile ELFs rejected with a clear error"
