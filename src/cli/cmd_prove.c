/* cmd_prove.c — `zkl1 prove --air NAME [--log-rows N] [--cols M] [--seed S] [--threads T] --out FILE`
 *
 * Builds the trace of a built-in AIR (fib, lookup, perm, bench; later the RISC-V circuits), proves
 * it with the pinned parameters (STARK_PARAMS_V1) and writes a proof file:
 *
 *   "ZKL1PRF" 0x01          8 bytes, file format version 1
 *   u16 name_len, name      the AIR's registry name
 *   u32 cols                bench column count (0 for other AIRs)
 *   u8  log_rows
 *   u32 n_public, u64 publics[n_public]
 *   u64 proof_len, proof    the STARK proof (format in src/stark/README.md)
 *
 * All integers little-endian. `zkl1 verify FILE` checks it. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/arena_malloc.h"
#include "stark/airs.h"
#include "stark/stark.h"
#include "stark_cli.h"

static void put_le(FILE *f, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        fputc((int)((v >> (8 * i)) & 0xff), f);
}

static int write_proof_file(const char *path, const char *name, uint32_t cols, unsigned log_rows,
                            const uint64_t *pub, uint32_t n_pub, const uint8_t *proof, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fwrite(ZK_PROOF_FILE_MAGIC, 1, ZK_PROOF_FILE_MAGIC_LEN, f);
    put_le(f, strlen(name), 2);
    fwrite(name, 1, strlen(name), f);
    put_le(f, cols, 4);
    put_le(f, log_rows, 1);
    put_le(f, n_pub, 4);
    for (uint32_t i = 0; i < n_pub; i++)
        put_le(f, pub[i], 8);
    put_le(f, len, 8);
    fwrite(proof, 1, len, f);
    int failed = ferror(f);
    return (fclose(f) == 0 && !failed) ? 0 : -1;
}

static int usage(void)
{
    fprintf(stderr, "usage: zkl1 prove --air fib|lookup|perm|bench [--log-rows N] [--cols M] [--seed S] "
                    "[--threads T] --out FILE\n");
    return 2;
}

int cmd_prove(int argc, char **argv)
{
    const char *air_name = NULL, *out = NULL;
    unsigned long log_rows = 10, cols = 64, seed = 1;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned long threads = ncpu > 0 ? (unsigned long)ncpu : 1;
    for (int i = 1; i < argc; i += 2) {
        if (i + 1 >= argc)
            return usage();
        const char *v = argv[i + 1];
        char *end = NULL;
        if (!strcmp(argv[i], "--air"))
            air_name = v;
        else if (!strcmp(argv[i], "--out"))
            out = v;
        else if (!strcmp(argv[i], "--log-rows"))
            log_rows = strtoul(v, &end, 10);
        else if (!strcmp(argv[i], "--cols"))
            cols = strtoul(v, &end, 10);
        else if (!strcmp(argv[i], "--seed"))
            seed = strtoul(v, &end, 10);
        else if (!strcmp(argv[i], "--threads"))
            threads = strtoul(v, &end, 10);
        else
            return usage();
        if (end && (*end || end == v))
            return usage();
    }
    if (!air_name || !out || log_rows < STARK_MIN_LOG_N || log_rows > 24 || threads < 1 || threads > 64)
        return usage();
    static stark_bench_air bench;
    const stark_air *air = stark_air_by_name(air_name, (uint32_t)cols, &bench);
    if (!air) {
        fprintf(stderr, "zkl1 prove: unknown AIR '%s' (or bad --cols)\n", air_name);
        return 2;
    }
    zk_arena arena;
    zk_arena_init_malloc(&arena, (size_t)64 << 20);
    uint64_t **main, pub[8];
    zk_status st;
    if (air == stark_air_fib())
        st = stark_fib_trace((unsigned)log_rows, seed, seed + 1, &arena, &main, pub);
    else if (air == stark_air_lookup())
        st = stark_lookup_trace((unsigned)log_rows, seed, &arena, &main, pub);
    else if (air == stark_air_perm())
        st = stark_perm_trace((unsigned)log_rows, seed, &arena, &main, pub);
    else
        st = stark_bench_trace(&bench, (unsigned)log_rows, seed, &arena, &main, pub);
    if (st != ZK_OK) {
        fprintf(stderr, "zkl1 prove: cannot build the trace (%d)\n", (int)st);
        return 1;
    }
    stark_exec ex;
    stark_exec_pthread_init(&ex, (unsigned)threads);
    stark_prove_opts opts = {.exec = &ex};
    uint8_t *proof;
    size_t len;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    st = stark_prove(air, &STARK_PARAMS_V1, (unsigned)log_rows, (const uint64_t *const *)main, pub, &opts, &arena,
                     &proof, &len);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    stark_exec_pthread_free(&ex);
    if (st != ZK_OK) {
        fprintf(stderr, "zkl1 prove: prover failed (%d)\n", (int)st);
        zk_arena_release(&arena);
        return 1;
    }
    int rc = write_proof_file(out, air_name, air == &bench.air ? (uint32_t)cols : 0, (unsigned)log_rows, pub,
                              air->n_public, proof, len);
    if (rc != 0)
        fprintf(stderr, "zkl1 prove: cannot write %s\n", out);
    else {
        printf("{\"air\":\"%s\",\"log_rows\":%lu,\"proof_bytes\":%zu,\"prove_seconds\":%.3f,\"out\":\"", air_name,
               log_rows, len, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
        zk_cli_print_json_string(out);
        printf("\"}\n");
    }
    zk_arena_release(&arena);
    return rc ? 1 : 0;
}
