/* bench_precompiles.c — `zkl1 bench precompiles`: cost of each precompile as zk_precompile_run
 * executes it (EVM glue + software accelerators), in ns per call and gas per second.
 *
 *   zkl1 bench precompiles [--min-time SECONDS] [--fork NAME] [FILTER...]
 *
 * Each case runs repeatedly until --min-time (default 0.2 s) has passed; FILTERs keep the cases
 * whose name contains one of them. Gas is the price under --fork (default Osaka). A low Mgas/s
 * marks a precompile that is underpriced relative to this implementation (the EVM interpreter runs
 * at very roughly 100-300 Mgas/s on the same machine). The inputs (src/crypto/precompile_bench.c)
 * are valid, so every call does the full work; riscv/bench_guest.c measures the same cases in
 * guest cycles.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../accel/zkvm_accelerators.h"
#include "../core/arena_malloc.h"
#include "../crypto/precompile_bench.h"
#include "../crypto/precompiles.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const struct {
    const char *name;
    zk_fork fork;
} FORKS[] = {{"Cancun", ZK_FORK_CANCUN}, {"Prague", ZK_FORK_PRAGUE}, {"Osaka", ZK_FORK_OSAKA}};

int bench_precompiles(int argc, char **argv)
{
    double min_time = 0.2;
    zk_fork fork = ZK_FORK_OSAKA;
    const char *fork_name = "Osaka";
    const char **filters = calloc((size_t)argc + 1, sizeof *filters);
    size_t num_filters = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--min-time") && i + 1 < argc) {
            min_time = atof(argv[++i]);
        } else if (!strcmp(argv[i], "--fork") && i + 1 < argc) {
            fork_name = argv[++i];
            bool known = false;
            for (size_t f = 0; f < sizeof FORKS / sizeof FORKS[0]; f++)
                if (!strcmp(FORKS[f].name, fork_name))
                    fork = FORKS[f].fork, known = true;
            if (!known) {
                fprintf(stderr, "bench precompiles: --fork takes Cancun, Prague or Osaka\n");
                return 2;
            }
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: zkl1 bench precompiles [--min-time SECONDS] [--fork NAME] [FILTER...]\n");
            return 2;
        } else {
            filters[num_filters++] = argv[i];
        }
    }

    zk_arena inputs, arena;
    zk_arena_init_malloc(&inputs, 1 << 20);
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_bench_case cases[64];
    size_t num_cases = zk_precompile_bench_cases(&inputs, cases, 64);
    if (num_cases == 0) {
        fprintf(stderr, "bench precompiles: could not build the inputs\n");
        return 2;
    }
    printf("precompile benchmark, gas as of %s (min %.2f s per case)\n", fork_name, min_time);
    printf("%-20s %7s %8s %12s %10s\n", "case", "bytes", "gas", "ns/call", "Mgas/s");
    int errors = 0;
    for (size_t i = 0; i < num_cases; i++) {
        const zk_bench_case *c = &cases[i];
        bool keep = num_filters == 0;
        for (size_t f = 0; f < num_filters; f++)
            keep = keep || strstr(c->name, filters[f]) != NULL;
        zk_address addr = {{0}};
        addr.b[18] = (uint8_t)(c->address >> 8);
        addr.b[19] = (uint8_t)c->address;
        if (!keep || !zk_precompile_exists(fork, &addr))
            continue;
        uint64_t gas = 0;
        long calls = 0;
        double start = now_seconds(), elapsed = 0;
        bool ok = true;
        do {
            zk_arena_mark m = zk_arena_get_mark(&arena);
            uint64_t used;
            bool success;
            zk_bytes out;
            zk_status st = zk_precompile_run(fork, &addr, c->input, c->len, 100000000, &arena, &used, &success, &out);
            ok = st == ZK_OK && success;
            gas = used;
            zk_arena_reset(&arena, m);
            calls++;
            elapsed = now_seconds() - start;
        } while (ok && elapsed < min_time);
        if (!ok) {
            printf("%-20s %7zu   FAILED (invalid benchmark input)\n", c->name, c->len);
            errors++;
            continue;
        }
        double ns = elapsed * 1e9 / (double)calls;
        printf("%-20s %7zu %8llu %12.0f %10.1f\n", c->name, c->len, (unsigned long long)gas, ns,
               (double)gas / ns * 1e3);
    }
    zk_arena_release(&arena);
    zk_arena_release(&inputs);
    free(filters);
    return errors ? 1 : 0;
}
