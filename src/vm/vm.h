/* vm.h — the zkl1 VM: an RV64IM interpreter for zkVM guests (host code).
 *
 * A VM is created from a guest ELF (validated as the zkvm-standards say, see elf.h), given its
 * private input, run once, and then asked for the public output and a report. The guest talks
 * to the VM through the ecall ABI of src/guest/zkl1_ecall.h (IO, regions, accelerators, halt).
 *
 * Execution model: one cycle per retired instruction plus the documented cost of each
 * accelerator call (README.md). Misaligned loads and stores work (Zicclsm) and are counted.
 * Page 0, the stack guard and everything outside the ELF's segments trap, as do writes to R or
 * RX pages, fetches outside RX pages and jumps to addresses that are not 4-byte aligned.
 *
 * Host code: uses malloc and stdio. Not thread-safe per VM; separate VMs are independent.
 */
#ifndef ZK_VM_H
#define ZK_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct zk_vm zk_vm;

typedef struct zk_vm_config {
    uint64_t max_cycles; /* the run stops with ZK_VM_CYCLE_LIMIT beyond this (0: no limit) */
    uint64_t max_memory; /* bytes of guest pages (loaded, touched or input); 0: 4 GiB */
} zk_vm_config;

typedef enum zk_vm_status {
    ZK_VM_READY = 0,        /* created, not run yet */
    ZK_VM_HALTED,           /* the guest halted; see exit_code (0 = success) */
    ZK_VM_TRAP,             /* abnormal end: bad access, illegal instruction, bad ecall, ... */
    ZK_VM_CYCLE_LIMIT,      /* max_cycles reached */
    ZK_VM_MEMORY_LIMIT,     /* max_memory reached */
} zk_vm_status;

/* Validates and loads elf[0..len) (the bytes are copied as needed; the caller keeps nothing
 * alive). Returns NULL with a one-line reason in err on an invalid ELF or too little memory. */
zk_vm *zk_vm_new(const uint8_t *elf, size_t len, const zk_vm_config *config, char *err, size_t errlen);

/* Frees the VM and everything it owns. NULL is fine. */
void zk_vm_free(zk_vm *vm);

/* Gives the guest its private input (at most ZKL1_INPUT_MAX bytes). The bytes are copied into
 * read-only guest pages; call before zk_vm_run. Returns 0, or -1 with a reason in err. */
int zk_vm_set_input(zk_vm *vm, const uint8_t *input, size_t len, char *err, size_t errlen);

/* Runs the guest from its entry point to the end (halt, trap or limit). Once per VM. */
zk_vm_status zk_vm_run(zk_vm *vm);

/* After the run: the exit code (meaningful for ZK_VM_HALTED), a one-line description of a
 * trap or limit ("" otherwise), the output bytes (owned by the VM) and the counters. */
int zk_vm_exit_code(const zk_vm *vm);
const char *zk_vm_error(const zk_vm *vm);
const uint8_t *zk_vm_output(const zk_vm *vm, size_t *len);
uint64_t zk_vm_instructions(const zk_vm *vm); /* retired instructions */
uint64_t zk_vm_cycles(const zk_vm *vm);       /* instructions + accelerator cycles */
double zk_vm_wall_seconds(const zk_vm *vm);   /* time spent in zk_vm_run */

/* After the run: how often each instruction ran. Calls fn(user, pc, count) for every
 * instruction of the executable span that ran at least once, in ascending pc order (the
 * basis of a per-function profile: map pc to the ELF's symbols). Accelerator cycles are not
 * included. */
typedef void (*zk_vm_pc_count_fn)(void *user, uint64_t pc, uint64_t count);
void zk_vm_foreach_pc_count(const zk_vm *vm, zk_vm_pc_count_fn fn, void *user);

/* Writes the JSON report of the run (README.md lists the fields) to f. */
void zk_vm_write_report(const zk_vm *vm, FILE *f);

/* The documented cycle cost of accelerator n (ZKL1_ACCEL_*) for the given size arguments, as
 * charged by the VM: see README.md for each formula. Exposed for the report and the tests. */
uint64_t zk_vm_accel_cost(unsigned n, uint64_t len_a, uint64_t len_b, uint64_t len_c);

#endif
