#!/bin/sh
# run_isa.sh ZKL1 GUEST_DIR QEMU WORKDIR — the ISA test guest in the zkl1 VM and under
# qemu-riscv64 must produce byte-identical output and succeed (its self-checks passed).
#   the same Linux-ABI ELF: zkl1 VM vs qemu-riscv64
#   the same object linked for the zkl1 VM: must match too
# Exit 77 (skipped) when qemu-riscv64 is not installed: the self-checks still run in the VM.
set -u
zkl1=$1 dir=$2 qemu=$3 work=$4
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

printf 'input' > "$work/in"
"$zkl1" run "$dir/vm_isa_zkl1.elf" --in "$work/in" --out "$work/vm-zkl1.out" --report "$work/vm-zkl1.json" \
    || fail "zkl1 VM: isa guest (zkl1 ABI) failed (exit $?)"
"$zkl1" run "$dir/vm_isa_linux.elf" --in "$work/in" --out "$work/vm-linux.out" \
    || fail "zkl1 VM: isa guest (Linux ABI) failed (exit $?)"
cmp "$work/vm-zkl1.out" "$work/vm-linux.out" || fail "zkl1 ABI and Linux ABI outputs differ in the VM"
size=$(wc -c < "$work/vm-zkl1.out")
[ "$size" -gt 50000 ] || fail "isa output suspiciously short ($size bytes)"
echo "zkl1 VM: $size bytes of results, self-checks passed"
grep -q '"status": "halted"' "$work/vm-zkl1.json" || fail "report does not say halted"
# The per-class and per-opcode counts come from a prefix sum over straight-line runs: they
# must add up to the retired instruction count exactly.
total=$(sed -n 's/^  "instructions": \([0-9]*\),$/\1/p' "$work/vm-zkl1.json")
by_class=$(sed -n 's/^  "instructions_by_class": {\(.*\)},$/\1/p' "$work/vm-zkl1.json" | tr ',' '\n' | awk -F': ' '{ s += $2 } END { print s }')
by_op=$(sed -n 's/^  "instructions_by_opcode": {\(.*\)},$/\1/p' "$work/vm-zkl1.json" | tr ',' '\n' | awk -F': ' '{ s += $2 } END { print s }')
[ -n "$total" ] && [ "$total" = "$by_class" ] && [ "$total" = "$by_op" ] \
    || fail "instruction counts disagree: total $total, by class $by_class, by opcode $by_op"
echo "report: $total instructions = sum by class = sum by opcode"

if [ -z "$qemu" ]; then
    echo "qemu-riscv64 not found: VM-vs-qemu comparison skipped"
    exit 77
fi
"$qemu" -cpu rv64,c=false,a=false,f=false,d=false "$dir/vm_isa_linux.elf" < "$work/in" > "$work/qemu.out" \
    || fail "qemu: isa guest failed (exit $?)"
cmp "$work/qemu.out" "$work/vm-linux.out" || fail "zkl1 VM and qemu-riscv64 outputs differ"
echo "qemu-riscv64: identical output"
