/* guest_cli.h — host-only: running the stateless guest ELF (guest/main.c) on block inputs,
 * for `zkl1 blocktest --stateless --guest` (blocktest_guest.c) and `zkl1 bench vm
 * --fixtures` (bench_vm_guest.c).
 *
 * Two runners: the zkl1 VM, in process (cycles, regions and accelerator calls come back),
 * and qemu-riscv64 (user mode, RV64IM only: the Linux-ABI guest, i.e. the pure flavour),
 * as a child process with the input on stdin and the output read from stdout.
 */
#ifndef ZK_CLI_GUEST_CLI_H
#define ZK_CLI_GUEST_CLI_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../stateless/stateless.h"

typedef enum zk_guest_runner { ZK_GUEST_RUNNER_ZKL1 = 0, ZK_GUEST_RUNNER_QEMU } zk_guest_runner;

/* One guest: the ELF (read once, owned) and how to run it. */
typedef struct zk_guest {
    const char *path;
    uint8_t *elf;
    size_t elf_len;
    zk_guest_runner runner;
    const char *qemu;           /* qemu-riscv64 command (runner QEMU) */
    zk_stateless_format format; /* the format the guest was built for (native comparison) */
    uint64_t max_cycles;        /* VM cycle limit per block (0: none) */
    /* Optional, runner ZKL1: after each successful run, called for every instruction
     * that ran (see zk_vm_foreach_pc_count), for per-function profiles. */
    void (*pc_count)(void *user, uint64_t pc, uint64_t count);
    void *pc_count_user;
} zk_guest;

/* "zkl1" or "qemu" -> runner; false for anything else. */
bool zk_guest_parse_runner(const char *name, zk_guest_runner *out);

/* Reads the ELF at `path` into g (other fields keep their values). Returns 0, or -1 with
 * the reason on stderr. zk_guest_free releases the bytes. */
int zk_guest_load(zk_guest *g, const char *path);
void zk_guest_free(zk_guest *g);

/* Figures of one VM run (runner ZKL1); the report is the VM's JSON report (README of
 * src/vm), owned by the caller (json_decref). */
typedef struct zk_guest_run {
    uint64_t cycles;       /* total cycles: instructions + accelerator cycles */
    uint64_t instructions;
    json_t *report;        /* NULL for qemu runs */
} zk_guest_run;

/* Runs the guest on in[0..len): on success (the guest halted with exit code 0) returns 0
 * with the malloc'd output in *out / *out_len and, when `run` is not NULL, the figures.
 * Returns -1 with a one-line reason in err when the guest trapped, aborted, hit a limit or
 * could not be started. */
int zk_guest_exec(const zk_guest *g, const uint8_t *in, size_t len, uint8_t **out, size_t *out_len,
                  zk_guest_run *run, char *err, size_t err_len);

/* Every stateless block of one fixture test through the guest: the output must equal the
 * native validator's (else the reason starts with ZK_GUEST_DIFFERS_FROM_NATIVE) and then
 * statelessOutputBytes. Returns 0 when all match, 1 when the test has no stateless blocks,
 * -1 with the first mismatch in `reason`. */
#define ZK_GUEST_DIFFERS_FROM_NATIVE "guest differs from the native validator"
int bt_guest_run(json_t *test, const zk_guest *g, char *reason, size_t reason_len);

#endif
