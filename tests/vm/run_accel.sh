#!/bin/sh
# run_accel.sh ZKL1 GUEST_DIR QEMU WORKDIR — behaviours case 16 calls zkvm_keccak256 and
# zkvm_sha256. Linked for the zkl1 VM they run natively through ecalls; linked for Linux they
# are the software backend compiled for rv64im. VM (both ELFs) and qemu must agree byte for byte.
set -u
zkl1=$1 dir=$2 qemu=$3 work=$4
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
printf '\020' > "$work/in"
"$zkl1" run "$dir/vm_behaviours.elf" --in "$work/in" --out "$work/vm.out" || fail "VM, zkl1 ABI"
"$zkl1" run "$dir/vm_behaviours_linux.elf" --in "$work/in" --out "$work/vm-linux.out" || fail "VM, Linux ABI"
"$qemu" -cpu rv64,c=false,a=false,f=false,d=false "$dir/vm_behaviours_linux.elf" < "$work/in" > "$work/qemu.out" \
    || fail "qemu"
cmp "$work/vm.out" "$work/qemu.out" || fail "native accelerators (VM) and software ones (qemu) differ"
cmp "$work/vm.out" "$work/vm-linux.out" || fail "software accelerators differ between the VM and qemu"
echo "keccak256/sha256: VM native, VM software and qemu software agree"

# All 19 accelerators (guests/accel_all.c): native in the VM vs software under qemu.
"$zkl1" run "$dir/vm_accel_all.elf" --out "$work/all-vm.out" --report "$work/all-vm.json" || fail "VM, accel_all"
"$qemu" -cpu rv64,c=false,a=false,f=false,d=false "$dir/vm_accel_all_linux.elf" < /dev/null > "$work/all-qemu.out" \
    || fail "qemu, accel_all"
cmp "$work/all-vm.out" "$work/all-qemu.out" || fail "accel_all: native (VM) and software (qemu) outputs differ"
calls=$(grep -c '"calls"' "$work/all-vm.json")
[ "$calls" = 19 ] || fail "accel_all: the report lists $calls accelerators, not 19"
echo "all 19 accelerators: native in the VM = software under qemu ($(wc -c < "$work/all-vm.out") bytes)"
