/* zkl1_ecall.h — the ecall ABI between a guest and the zkl1 VM (src/vm).
 *
 * One header for both sides: the guest vendor library (src/guest/zkl1) issues these calls and
 * the VM (src/vm/ecall.c) serves them, so the numbers cannot drift apart. Plain #defines only;
 * safe to include from C, assembly and host code.
 *
 * Calling convention (like Linux): the call number goes in a7, arguments in a0..a6, the result
 * comes back in a0 (and a1 where stated). Registers other than a0/a1 are preserved.
 *
 *   a7 = 93  HALT          a0 = exit code. 0 is success; anything else is failure.
 *   a7 = 94  HALT          (exit_group, same as 93)
 *   a7 = 63  read(fd, buf, n)     Linux-compatible: fd 0 reads the private input sequentially.
 *   a7 = 64  write(fd, buf, n)    Linux-compatible: fd 1 appends to the public output,
 *                                 fd 2 goes to the host's stderr. Returns n.
 *   a7 = ZKL1_ECALL_READ_INPUT    returns a0 = address of the whole input, a1 = its size.
 *                                 The input is mapped read-only at ZKL1_INPUT_BASE.
 *   a7 = ZKL1_ECALL_WRITE_OUTPUT  a0 = buffer, a1 = size: appends to the public output.
 *   a7 = ZKL1_ECALL_REGION_BEGIN  a0 = name, a1 = name length: opens a named cycle region.
 *   a7 = ZKL1_ECALL_REGION_END    a0 = name, a1 = name length: closes the innermost open
 *                                 region, which must have the same name.
 *   a7 = ZKL1_ECALL_ACCEL_BASE + n  accelerator n of zkvm_accelerators.h (the numbering
 *                                 below, the standard's order); arguments in a0..a6 exactly as
 *                                 the C prototype lists them; returns zkvm_status in a0.
 *
 * The Linux-compatible calls let an ELF built against the Linux user-mode vendor library
 * (src/guest/linux) run unchanged in the zkl1 VM, so the VM and qemu-riscv64 can be compared
 * on the very same ELF.
 */
#ifndef ZKL1_ECALL_H
#define ZKL1_ECALL_H

#define ZKL1_ECALL_LINUX_READ 63
#define ZKL1_ECALL_LINUX_WRITE 64
#define ZKL1_ECALL_EXIT 93
#define ZKL1_ECALL_EXIT_GROUP 94

#define ZKL1_ECALL_READ_INPUT 0x1000
#define ZKL1_ECALL_WRITE_OUTPUT 0x1001
#define ZKL1_ECALL_REGION_BEGIN 0x1002
#define ZKL1_ECALL_REGION_END 0x1003

#define ZKL1_ECALL_ACCEL_BASE 0x1100
#define ZKL1_ACCEL_KECCAK256 1
#define ZKL1_ACCEL_SECP256K1_VERIFY 2
#define ZKL1_ACCEL_SECP256K1_ECRECOVER 3
#define ZKL1_ACCEL_SHA256 4
#define ZKL1_ACCEL_RIPEMD160 5
#define ZKL1_ACCEL_MODEXP 6
#define ZKL1_ACCEL_BN254_G1_ADD 7
#define ZKL1_ACCEL_BN254_G1_MUL 8
#define ZKL1_ACCEL_BN254_PAIRING 9
#define ZKL1_ACCEL_BLAKE2F 10
#define ZKL1_ACCEL_KZG_POINT_EVAL 11
#define ZKL1_ACCEL_BLS12_G1_ADD 12
#define ZKL1_ACCEL_BLS12_G1_MSM 13
#define ZKL1_ACCEL_BLS12_G2_ADD 14
#define ZKL1_ACCEL_BLS12_G2_MSM 15
#define ZKL1_ACCEL_BLS12_PAIRING 16
#define ZKL1_ACCEL_BLS12_MAP_FP_TO_G1 17
#define ZKL1_ACCEL_BLS12_MAP_FP2_TO_G2 18
#define ZKL1_ACCEL_SECP256R1_VERIFY 19
#define ZKL1_ACCEL_COUNT 19

/* The exit code that abort() reports (as a shell reports SIGABRT). */
#define ZKL1_ABORT_EXIT_CODE 134

/* Guest address space of the zkl1 VM: 4 GiB. ELF segments must lie in [0x1000, INPUT_BASE);
 * the input is mapped read-only from INPUT_BASE up (at most 1 GiB). Page 0 never maps. */
#define ZKL1_ADDRESS_SPACE_BITS 32
#define ZKL1_INPUT_BASE 0xC0000000u
#define ZKL1_INPUT_MAX 0x40000000u

#endif
