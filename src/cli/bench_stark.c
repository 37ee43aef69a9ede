/* bench_stark.c — `zkl1 bench stark [--log-rows N] [--cols M] [--threads T] [--seed S]`:
 * proves and verifies the benchmark AIR (src/stark/air_bench.c), flips one random byte of
 * the proof and verifies again, and prints one JSON line with the figures and the prover's
 * phase timings. */
#define _DEFAULT_SOURCE /* getloadavg */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/arena_malloc.h"
#include "stark/airs.h"
#include "stark/stark.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static double peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* Linux reports KiB */
}

static int parse_uint(const char *s, unsigned long *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end)
        return -1;
    *out = v;
    return 0;
}

int bench_stark(int argc, char **argv)
{
    unsigned long log_rows = 16, cols = 64, seed = 1;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned long threads = ncpu > 0 ? (unsigned long)ncpu : 1;
    for (int i = 1; i < argc; i += 2) {
        unsigned long *dst = NULL;
        if (!strcmp(argv[i], "--log-rows"))
            dst = &log_rows;
        else if (!strcmp(argv[i], "--cols"))
            dst = &cols;
        else if (!strcmp(argv[i], "--threads"))
            dst = &threads;
        else if (!strcmp(argv[i], "--seed"))
            dst = &seed;
        if (!dst || i + 1 >= argc || parse_uint(argv[i + 1], dst) != 0) {
            fprintf(stderr, "usage: zkl1 bench stark [--log-rows N] [--cols M] [--threads T] [--seed S]\n");
            return 2;
        }
    }
    if (log_rows < STARK_MIN_LOG_N || log_rows > 24 || cols < 2 || cols > STARK_BENCH_MAX_COLS || threads < 1 ||
        threads > 64) {
        fprintf(stderr, "zkl1 bench stark: log-rows must be %d..24, cols 2..%d, threads 1..64\n", STARK_MIN_LOG_N,
                STARK_BENCH_MAX_COLS);
        return 2;
    }
    static stark_bench_air bench;
    if (stark_bench_air_init(&bench, (uint32_t)cols) != ZK_OK)
        return 2;
    const stark_params *params = &STARK_PARAMS_V1;
    stark_security_report sec;
    if (stark_security(&bench.air, params, (unsigned)log_rows, &sec) != ZK_OK) {
        fprintf(stderr, "zkl1 bench stark: unsupported shape\n");
        return 2;
    }

    zk_arena arena;
    /* Plain 4 KiB pages: on this VM, transparent huge pages made first-touch ~4x slower
     * (2 GiB: 9.2 s with MADV_HUGEPAGE versus 2.1 s without). */
    zk_arena_init_malloc(&arena, (size_t)64 << 20);
    uint64_t **main, pub[STARK_BENCH_PUBLICS];
    if (stark_bench_trace(&bench, (unsigned)log_rows, seed, &arena, &main, pub) != ZK_OK) {
        fprintf(stderr, "zkl1 bench stark: out of memory building the trace\n");
        return 1;
    }
    stark_exec ex;
    stark_exec_pthread_init(&ex, (unsigned)threads);
    stark_prove_stats stats;
    stark_prove_opts opts = {.exec = &ex, .stats = &stats};
    uint8_t *proof;
    size_t proof_len;
    double c0 = cpu_seconds(), t0 = now_s();
    zk_status st = stark_prove(&bench.air, params, (unsigned)log_rows, (const uint64_t *const *)main, pub, &opts,
                               &arena, &proof, &proof_len);
    double t1 = now_s(), c1 = cpu_seconds();
    if (st != ZK_OK) {
        fprintf(stderr, "zkl1 bench stark: prover failed (%d)\n", (int)st);
        return 1;
    }
    double t2 = now_s();
    bool verified = stark_verify(&bench.air, params, (unsigned)log_rows, pub, proof, proof_len, &arena) == ZK_OK;
    double t3 = now_s();
    /* Tamper: flip one random bit of one random byte (seeded by the clock). */
    uint64_t r = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ull ^ (uint64_t)(t3 * 1e9);
    r ^= r >> 29;
    size_t pos = (size_t)(r % proof_len);
    uint8_t mask = (uint8_t)(1u << ((r >> 40) & 7));
    proof[pos] ^= mask;
    bool tampered_rejected =
        stark_verify(&bench.air, params, (unsigned)log_rows, pub, proof, proof_len, &arena) != ZK_OK;
    proof[pos] ^= mask;

    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 1)
        load[0] = -1; /* other processes share the cores: the wall-clock figures depend on it */
    printf("{\"log_rows\":%lu,\"cols\":%lu,\"prove_seconds\":%.3f,\"verify_ms\":%.2f,\"proof_bytes\":%zu,"
           "\"security_bits\":%u,\"peak_rss_mb\":%.0f,\"verified\":%s,\"tampered_rejected\":%s,"
           "\"threads\":%lu,\"prove_cpu_seconds\":%.3f,\"load_avg_1m\":%.2f,\"tampered_byte\":%zu,"
           "\"phases_s\":{\"interpolate_lde\":%.3f,\"merkle\":%.3f,\"aux\":%.3f,\"quotient\":%.3f,\"ood\":%.3f,"
           "\"deep\":%.3f,\"fri\":%.3f,\"grind_queries\":%.3f}}\n",
           log_rows, cols, t1 - t0, (t3 - t2) * 1e3, proof_len, sec.total, peak_rss_mb(), verified ? "true" : "false",
           tampered_rejected ? "true" : "false", threads, c1 - c0, load[0], pos, stats.ns_lde * 1e-9, stats.ns_commit * 1e-9,
           stats.ns_aux * 1e-9, stats.ns_quotient * 1e-9, stats.ns_ood * 1e-9, stats.ns_deep * 1e-9,
           stats.ns_fri * 1e-9, stats.ns_queries * 1e-9);
    stark_exec_pthread_free(&ex);
    zk_arena_release(&arena);
    return verified && tampered_rejected ? 0 : 1;
}
