#!/bin/sh
# mem.sh ZKL1 GUEST_DIR [QEMU] — runs the mem* test guest (mem_guest.c) in the zkl1 VM with
# both vendor libraries and, when qemu-riscv64 is there, the Linux one under qemu.
set -eu
zkl1=$1; dir=$2; qemu=${3:-}
out=$("$zkl1" run "$dir/guest_mem_zkl1.elf" 2>/dev/null) || { echo "FAIL: zkl1 ABI in the VM"; exit 1; }
echo "VM, zkl1 ABI: $out"
out=$("$zkl1" run "$dir/guest_mem_linux.elf" 2>/dev/null) || { echo "FAIL: Linux ABI in the VM"; exit 1; }
echo "VM, Linux ABI: $out"
if [ -n "$qemu" ] && [ "$qemu" != "ZK_QEMU_RISCV64-NOTFOUND" ]; then
    out=$("$qemu" -cpu rv64,c=false,a=false,f=false,d=false "$dir/guest_mem_linux.elf" </dev/null) ||
        { echo "FAIL: under qemu"; exit 1; }
    echo "qemu: $out"
fi
