/* bench_core.c — throughput of the core primitives (not a test: prints numbers only).
 * Build without sanitizers for meaningful figures:
 *   cmake -B build-rel -DCMAKE_BUILD_TYPE=Release && ninja -C build-rel bench_core */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include "core/arena_malloc.h"
#include "core/keccak.h"
#include "core/mpt.h"
#include "core/u256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile uint64_t sink;

static uint64_t rng = 0x243f6a8885a308d3ULL;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

#define N_VALUES 1024
static u256 xs[N_VALUES], ys[N_VALUES], ms[N_VALUES];

typedef u256 (*binop)(const u256 *, const u256 *);

/* The machine may be shared: every figure is the best of REPS runs. */
#define REPS 7

static void bench_binop(const char *name, binop f, int iters)
{
    double dt = 1e30;
    for (int rep = 0; rep < REPS; rep++) {
        double t0 = now();
        uint64_t acc = 0;
        for (int k = 0; k < iters; k++)
            for (int i = 0; i < N_VALUES; i++) {
                u256 r = f(&xs[i], &ys[i]);
                acc += r.w[0];
            }
        double d = now() - t0;
        dt = d < dt ? d : dt;
        sink = acc;
    }
    printf("  %-28s %8.2f ns/op\n", name, dt * 1e9 / ((double)iters * N_VALUES));
}

/* For the inline operations: a dependency chain, so the compiler can neither hoist nor
 * batch the work out of the loop (this measures latency). */
static void bench_chain(const char *name, binop f, int iters)
{
    double dt = 1e30;
    for (int rep = 0; rep < REPS; rep++) {
        double t0 = now();
        u256 x = xs[0];
        for (int k = 0; k < iters; k++)
            for (int i = 0; i < N_VALUES; i++) {
                x = f(&x, &ys[i]);
                x.w[0] |= 1;
            }
        double d = now() - t0;
        dt = d < dt ? d : dt;
        sink = x.w[0] + x.w[3];
    }
    printf("  %-28s %8.2f ns/op (latency)\n", name, dt * 1e9 / ((double)iters * N_VALUES));
}

static void bench_ternary(const char *name, u256 (*f)(const u256 *, const u256 *, const u256 *), int iters)
{
    double dt = 1e30;
    for (int rep = 0; rep < REPS; rep++) {
        double t0 = now();
        uint64_t acc = 0;
        for (int k = 0; k < iters; k++)
            for (int i = 0; i < N_VALUES; i++) {
                u256 r = f(&xs[i], &ys[i], &ms[i]);
                acc += r.w[0];
            }
        double d = now() - t0;
        dt = d < dt ? d : dt;
        sink = acc;
    }
    printf("  %-28s %8.2f ns/op\n", name, dt * 1e9 / ((double)iters * N_VALUES));
}

static void fill(int x_limbs, int y_limbs)
{
    for (int i = 0; i < N_VALUES; i++) {
        xs[i] = ys[i] = ms[i] = u256_zero();
        for (int j = 0; j < x_limbs; j++)
            xs[i].w[j] = rnd();
        for (int j = 0; j < y_limbs; j++)
            ys[i].w[j] = rnd();
        for (int j = 0; j < 4; j++)
            ms[i].w[j] = rnd();
        if (u256_is_zero(&ys[i]))
            ys[i].w[0] = 1;
    }
}

int main(void)
{
    /* keccak */
    size_t big = 1 << 22;
    uint8_t *buf = malloc(big);
    for (size_t i = 0; i < big; i++)
        buf[i] = (uint8_t)i;
    double dt_big = 1e30, dt_small = 1e30, dt_perm = 1e30;
    const int small_iters = 200000;
    zk_hash h = {{0}};
    uint64_t st[25] = {0};
    for (int rep = 0; rep < REPS; rep++) {
        double t0 = now();
        h = keccak256(buf, big);
        double d = now() - t0;
        dt_big = d < dt_big ? d : dt_big;
        t0 = now();
        for (int i = 0; i < small_iters; i++)
            h = keccak256(h.b, 32);
        d = now() - t0;
        dt_small = d < dt_small ? d : dt_small;
        t0 = now();
        for (int i = 0; i < small_iters; i++)
            keccak_f1600(st);
        d = now() - t0;
        dt_perm = d < dt_perm ? d : dt_perm;
    }
    sink = h.b[0] + st[0];
    printf("keccak256 (best of %d):\n", REPS);
    printf("  %-28s %8.1f MB/s\n", "4 MiB message", big / dt_big / 1e6);
    printf("  %-28s %8.1f ns/hash\n", "32-byte input", dt_small * 1e9 / small_iters);
    printf("  %-28s %8.1f ns\n", "keccak-f[1600] permutation", dt_perm * 1e9 / small_iters);
    free(buf);
    double t0, dt;

    /* u256 */
    printf("u256 (best of %d):\n", REPS);
    fill(4, 4);
    bench_chain("add", u256_add, 2000);
    bench_chain("mul (256x256)", u256_mul, 2000);
    bench_binop("div 256/256 (q ~ 1 limb)", u256_div, 500);
    bench_ternary("addmod (256-bit m)", u256_addmod, 500);
    bench_ternary("mulmod (256-bit m)", u256_mulmod, 500);
    fill(4, 2);
    bench_binop("div 256/128", u256_div, 500);
    bench_binop("mod 256/128", u256_mod, 500);
    bench_binop("sdiv 256/128", u256_sdiv, 500);
    fill(4, 1);
    bench_binop("div 256/64", u256_div, 500);
    fill(1, 1);
    bench_binop("div 64/64", u256_div, 2000);
    for (int i = 0; i < N_VALUES; i++)
        ys[i] = u256_from_u64(rnd() % 256); /* shift amounts */
    bench_binop("shl", u256_shl, 2000);
    bench_binop("sar", u256_sar, 2000);
    fill(4, 4);
    for (int i = 0; i < N_VALUES; i++)
        ys[i] = u256_from_u64(rnd()); /* 64-bit exponents */
    bench_binop("exp (64-bit exponent)", u256_exp, 20);
    for (int i = 0; i < N_VALUES; i++) {
        ys[i] = xs[(i + 1) % N_VALUES]; /* full 256-bit exponents */
    }
    bench_binop("exp (256-bit exponent)", u256_exp, 5);

    /* MPT */
    printf("mpt (secure keys, 32-byte values):\n");
    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 24);
    mpt t;
    mpt_init(&t, &a);
    const int n = 200000;
    t0 = now();
    for (int i = 0; i < n; i++) {
        zk_hash k = keccak256((const uint8_t *)&i, sizeof i);
        mpt_put(&t, k.b, 32, k.b, 32);
    }
    double t_ins = now() - t0;
    t0 = now();
    zk_hash root;
    mpt_root(&t, &root);
    double t_root = now() - t0;
    printf("  %-28s %8.0f ns/key\n", "insert 200k keys", t_ins * 1e9 / n);
    printf("  %-28s %8.1f ms (%.0f ns/key)\n", "first root over 200k keys", t_root * 1e3, t_root * 1e9 / n);
    t0 = now();
    for (int i = 0; i < 1000; i++) {
        int j = (int)(rnd() % n);
        zk_hash k = keccak256((const uint8_t *)&j, sizeof j);
        mpt_put(&t, k.b, 32, root.b, 32);
    }
    mpt_root(&t, &root);
    dt = now() - t0;
    printf("  %-28s %8.2f ms\n", "update 1000 keys + root", dt * 1e3);
    printf("  arena: %.1f MiB used\n", a.total_used / 1048576.0);
    zk_arena_release(&a);
    return 0;
}
