/* precompile_bench.h — the benchmark inputs of the precompiles: one or more valid, full-work input
 * per precompile (generators, published vectors, fixed pseudo-random operands), built the same
 * way for `zkl1 bench precompiles` (host, wall time) and riscv/bench_guest.c (guest, cycles).
 * Freestanding; inputs live in the caller's arena.
 */
#ifndef ZK_PRECOMPILE_BENCH_H
#define ZK_PRECOMPILE_BENCH_H

#include "../core/arena.h"

typedef struct zk_bench_case {
    const char *name;     /* e.g. "modexp/256B", "bls_g1msm/128" */
    uint16_t address;     /* precompile address (0x01 ... 0x11, 0x100) */
    const uint8_t *input; /* in the arena */
    size_t len;
} zk_bench_case;

/* Fills cases[0, max) and returns how many were built; 0 when the arena or `max` is too small
 * (there are about 30 cases and 80 KiB of inputs). */
size_t zk_precompile_bench_cases(zk_arena *a, zk_bench_case *cases, size_t max);

#endif
