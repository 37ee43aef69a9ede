#!/bin/sh
# run_bench_guest.sh ZKL1 GUEST_DIR QEMU WORKDIR KECCAK_REF — the keccak benchmark guest
# (src/core/keccak.c for rv64im) gives the same hash in the VM (both ABIs) as the host build
# of the same code (KECCAK_REF), and the same under qemu-riscv64.
set -u
zkl1=$1 dir=$2 qemu=$3 work=$4 ref=$5
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
printf '\062\000\000\000' > "$work/in" # 50 rounds
"$zkl1" run "$dir/bench-keccak-zkl1.elf" --in "$work/in" --out "$work/zkl1.out" || fail "VM (zkl1 ABI)"
"$zkl1" run "$dir/bench-keccak-linux.elf" --in "$work/in" --out "$work/linux.out" || fail "VM (Linux ABI)"
cmp "$work/zkl1.out" "$work/linux.out" || fail "ABIs differ"
"$ref" 50 > "$work/host.out" || fail "host reference"
cmp "$work/host.out" "$work/zkl1.out" || fail "VM result differs from the host keccak256"
if [ -z "$qemu" ]; then exit 77; fi
"$qemu" -cpu rv64,c=false,a=false,f=false,d=false "$dir/bench-keccak-linux.elf" < "$work/in" > "$work/qemu.out" \
    || fail "qemu"
cmp "$work/qemu.out" "$work/linux.out" || fail "VM and qemu differ"
echo "keccak guest: VM and qemu agree"
