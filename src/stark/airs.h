/* airs.h — the AIRs shipped with the proving core: test, example and benchmark circuits,
 * each with its trace generator. The RISC-V circuits will live beside them.
 *
 *   fib     2 columns (a, b): a' = b, b' = a + b; publics (a0, b0, b_last).
 *   lookup  3 columns (f, t, m) + 1 LogUp column: every f is in the table t = 0..n-1, m
 *           counts the lookups of each entry; publics (f0).
 *   perm    4 columns (a0, a1, b0, b1) + 1 LogUp column: the tuples (b0, b1) are a permutation
 *           of the tuples (a0, a1) (tuple compression with a second challenge); publics (a0[0]).
 *   bench   `cols` columns: next[c] = cur[c]^3 + cur[c+1 mod cols] (degree 3); row 0 fixed by
 *           publics (seed, step), publics[2] = the last row's column 0.
 *
 * Trace generators allocate the columns from the arena and fill the publics.
 * Freestanding.
 */
#ifndef ZK_STARK_AIRS_H
#define ZK_STARK_AIRS_H

#include "air.h"
#include "core/arena.h"

#define STARK_FIB_PUBLICS 3
const stark_air *stark_air_fib(void);
/* main[0..2) of 2^log_n rows starting from (a0, b0); publics[0..3). */
zk_status stark_fib_trace(unsigned log_n, uint64_t a0, uint64_t b0, zk_arena *a, uint64_t ***main,
                          uint64_t publics[STARK_FIB_PUBLICS]);

#define STARK_LOOKUP_PUBLICS 1
const stark_air *stark_air_lookup(void);
/* Looks up f[i] = (i^2 + seed) mod n. */
zk_status stark_lookup_trace(unsigned log_n, uint64_t seed, zk_arena *a, uint64_t ***main,
                             uint64_t publics[STARK_LOOKUP_PUBLICS]);

#define STARK_PERM_PUBLICS 1
const stark_air *stark_air_perm(void);
/* (a0, a1) = (seed + i, (seed + i)^2); (b0, b1) = the same rows permuted by i -> 5i + 3. */
zk_status stark_perm_trace(unsigned log_n, uint64_t seed, zk_arena *a, uint64_t ***main,
                           uint64_t publics[STARK_PERM_PUBLICS]);

#define STARK_BENCH_PUBLICS 3
#define STARK_BENCH_MAX_COLS 1024
typedef struct stark_bench_air {
    stark_air air;
    stark_constraint constraints[2 * STARK_BENCH_MAX_COLS + 1];
    uint32_t cols;
} stark_bench_air;
/* Describes the benchmark AIR with `cols` columns (2..STARK_BENCH_MAX_COLS) into *b. */
zk_status stark_bench_air_init(stark_bench_air *b, uint32_t cols);
zk_status stark_bench_trace(const stark_bench_air *b, unsigned log_n, uint64_t seed, zk_arena *a, uint64_t ***main,
                            uint64_t publics[STARK_BENCH_PUBLICS]);

/* The AIR named `name` ("fib", "lookup", "perm" or "bench"; bench uses `cols` columns and describes
 * itself into *bench_storage). NULL for an unknown name or an invalid column count. */
const stark_air *stark_air_by_name(const char *name, uint32_t cols, stark_bench_air *bench_storage);

#endif
