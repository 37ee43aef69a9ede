#!/bin/sh
# bad_input.sh ZKL1 GUEST_DIR [QEMU] — inputs that are not a StatelessInput get the format's
# all-zero output (41 bytes) and a successful exit, in the VM (both flavours) and under qemu
# (pure): empty input, one byte, 64 KiB of 0xff, a truncated fixture-like prefix.
set -eu
zkl1=$1; dir=$2; qemu=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 41 /dev/zero > "$work/zero41"
: > "$work/empty"
printf '\001' > "$work/one"
head -c 65536 /dev/zero | tr '\000' '\377' > "$work/ff"
printf '\024\000\000\000\000\000\000\000\001\000\000\000\000\000\000\000\024\000\000\000' > "$work/offsets"
status=0
for input in empty one ff offsets; do
    for flavour in accel pure; do
        if ! "$zkl1" run "$dir/zkl1-guest-$flavour.elf" --in "$work/$input" --out "$work/out" 2>"$work/err"; then
            echo "FAIL: $flavour in the VM on '$input': $(cat "$work/err")"; status=1; continue
        fi
        cmp -s "$work/out" "$work/zero41" || { echo "FAIL: $flavour in the VM on '$input': output is not 41 zero bytes"; status=1; }
    done
    if [ -n "$qemu" ]; then
        if ! "$qemu" -cpu rv64,c=false,a=false,f=false,d=false "$dir/zkl1-guest-pure.elf" < "$work/$input" > "$work/out"; then
            echo "FAIL: pure under qemu on '$input': non-zero exit"; status=1; continue
        fi
        cmp -s "$work/out" "$work/zero41" || { echo "FAIL: pure under qemu on '$input': output is not 41 zero bytes"; status=1; }
    fi
done
[ $status -eq 0 ] && echo "bad inputs: all-zero output, exit 0, in every runner"
exit $status
