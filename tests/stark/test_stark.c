/* test_stark.c — end-to-end proofs and the soundness tests of issue 6:
 *   - Fibonacci, LogUp lookup and benchmark AIRs prove and verify;
 *   - a trace with any single cell changed, proved by the honest prover with its self
 *     check disabled, is rejected;
 *   - a wrong public input, any single changed byte of a proof, a proof for another AIR,
 *     other parameters, truncated and random bytes: all rejected, never a crash;
 *   - the multi-threaded prover gives the same bytes as the single-threaded one;
 *   - the pinned parameters give >= 128 bits. */
#include <string.h>

#include "airs.h"
#include "logup.h"
#include "stark_internal.h"
#include "core/arena_malloc.h"
#include "stark.h"
#include "test_util.h"

/* Small parameters for the exhaustive byte-flip tests: same code paths (FRI layers, grinding,
 * queries), few queries so that every byte can be flipped in reasonable time. */
static const stark_params TEST_PARAMS = {
    .log_blowup = 2, .fri_log_arity = 3, .fri_log_final = 5, .pow_bits = 4, .num_queries = 6};

/* The same with Merkle caps of 2^3 nodes (the pinned parameters use 2^8). */
static const stark_params TEST_PARAMS_CAP = {.log_blowup = 2,
                                             .fri_log_arity = 3,
                                             .fri_log_final = 5,
                                             .pow_bits = 4,
                                             .num_queries = 6,
                                             .merkle_cap_log = 3};

static zk_arena g_arena;

typedef struct proof_buf {
    uint8_t *bytes;
    size_t len;
} proof_buf;

static zk_status prove(const stark_air *air, const stark_params *p, unsigned log_n, uint64_t **main,
                       const uint64_t *pub, bool skip_check, const stark_exec *ex, proof_buf *out)
{
    stark_prove_opts o = {.exec = ex, .skip_self_check = skip_check};
    return stark_prove(air, p, log_n, (const uint64_t *const *)main, pub, &o, &g_arena, &out->bytes, &out->len);
}

static zk_status verify(const stark_air *air, const stark_params *p, unsigned log_n, const uint64_t *pub,
                        const uint8_t *bytes, size_t len)
{
    return stark_verify(air, p, log_n, pub, bytes, len, &g_arena);
}

static void test_roundtrips(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    for (unsigned lg = 2; lg <= 10; lg += 2) {
        uint64_t **main, pub[STARK_FIB_PUBLICS];
        REQUIRE(stark_fib_trace(lg, 1, 1, &g_arena, &main, pub) == ZK_OK);
        proof_buf pf;
        REQUIRE(prove(stark_air_fib(), &STARK_PARAMS_V1, lg, main, pub, false, NULL, &pf) == ZK_OK);
        CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, lg, pub, pf.bytes, pf.len) == ZK_OK);
        stark_layout L;
        REQUIRE(stark_layout_init(&L, stark_air_fib(), &STARK_PARAMS_V1, lg) == ZK_OK);
        CHECK(L.proof_bytes == pf.len);
    }
    for (unsigned lg = 3; lg <= 9; lg += 3) {
        uint64_t **main, pub[STARK_LOOKUP_PUBLICS];
        REQUIRE(stark_lookup_trace(lg, 5, &g_arena, &main, pub) == ZK_OK);
        proof_buf pf;
        REQUIRE(prove(stark_air_lookup(), &STARK_PARAMS_V1, lg, main, pub, false, NULL, &pf) == ZK_OK);
        CHECK(verify(stark_air_lookup(), &STARK_PARAMS_V1, lg, pub, pf.bytes, pf.len) == ZK_OK);
    }
    for (unsigned lg = 2; lg <= 8; lg += 3) {
        uint64_t **main, pub[STARK_PERM_PUBLICS];
        REQUIRE(stark_perm_trace(lg, 7, &g_arena, &main, pub) == ZK_OK);
        proof_buf pf;
        REQUIRE(prove(stark_air_perm(), &STARK_PARAMS_V1, lg, main, pub, false, NULL, &pf) == ZK_OK);
        CHECK(verify(stark_air_perm(), &STARK_PARAMS_V1, lg, pub, pf.bytes, pf.len) == ZK_OK);
    }
    static stark_bench_air bench;
    REQUIRE(stark_bench_air_init(&bench, 5) == ZK_OK);
    uint64_t **main, pub[STARK_BENCH_PUBLICS];
    REQUIRE(stark_bench_trace(&bench, 6, 42, &g_arena, &main, pub) == ZK_OK);
    proof_buf pf;
    REQUIRE(prove(&bench.air, &STARK_PARAMS_V1, 6, main, pub, false, NULL, &pf) == ZK_OK);
    CHECK(verify(&bench.air, &STARK_PARAMS_V1, 6, pub, pf.bytes, pf.len) == ZK_OK);

    /* A cell that is not a canonical field element is refused. */
    uint64_t **fm, fp[STARK_FIB_PUBLICS];
    REQUIRE(stark_fib_trace(3, 1, 1, &g_arena, &fm, fp) == ZK_OK);
    fm[0][2] = GL_P + fm[0][2];
    CHECK(prove(stark_air_fib(), &STARK_PARAMS_V1, 3, fm, fp, false, NULL, &pf) == ZK_ERR_INVALID);

    /* A lookup outside the table: the trace cannot be proved, even skipping the self check. */
    uint64_t **lm, lp[1];
    REQUIRE(stark_lookup_trace(4, 3, &g_arena, &lm, lp) == ZK_OK);
    lm[0][5] = 99; /* not in 0..15; no multiplicity accounts for it */
    CHECK(prove(stark_air_lookup(), &STARK_PARAMS_V1, 4, lm, lp, false, NULL, &pf) == ZK_ERR_INVALID);
    if (prove(stark_air_lookup(), &STARK_PARAMS_V1, 4, lm, lp, true, NULL, &pf) == ZK_OK)
        CHECK(verify(stark_air_lookup(), &STARK_PARAMS_V1, 4, lp, pf.bytes, pf.len) != ZK_OK);
    zk_arena_reset(&g_arena, m);
}

/* The FRI fold of a leaf equals the even/odd decomposition computed directly, and tuple
 * compression is the polynomial in beta. */
static void test_fold_and_compress(void)
{
    /* f(X) = sum c_i X^i of degree < 16; fold by 8 with beta: g(Y) = sum_i beta^(i mod 8)·c_i Y^(i/8). */
    gl3 c[16], beta = {{rnd() % GL_P, rnd() % GL_P, rnd() % GL_P}};
    for (int i = 0; i < 16; i++)
        c[i] = (gl3){{rnd() % GL_P, rnd() % GL_P, rnd() % GL_P}};
    uint64_t x = rnd() % GL_P, zeta = gl_root_of_unity(3), zeta_inv[8];
    stark_fri_zeta_inv_table(zeta_inv, 3);
    gl3 v[8];
    for (int t = 0; t < 8; t++) {
        uint64_t pt = gl_mul(x, gl_pow(zeta, (uint64_t)t));
        gl3 acc = gl3_zero();
        for (int i = 15; i >= 0; i--)
            acc = gl3_add(gl3_mul_base(acc, pt), c[i]);
        v[t] = acc;
    }
    gl3 folded = stark_fri_fold_leaf_tab(v, 3, gl_inv(x), beta, zeta_inv);
    uint64_t y = gl_pow(x, 8);
    gl3 expect = gl3_zero(), bp = gl3_one();
    for (int r = 0; r < 8; r++) { /* sum_r beta^r (c_r + c_(r+8) y) */
        expect = gl3_add(expect, gl3_mul(bp, gl3_add(c[r], gl3_mul_base(c[r + 8], y))));
        bp = gl3_mul(bp, beta);
    }
    CHECK(gl3_eq(folded, expect));
    gl3 tuple[3] = {c[0], c[1], c[2]};
    gl3 comp = stark_logup_compress(tuple, 3, beta);
    CHECK(gl3_eq(comp, gl3_add(c[0], gl3_mul(beta, gl3_add(c[1], gl3_mul(beta, c[2]))))));
}

/* The fast paths (eval_base, eval_mixed) must be the same polynomials as eval_ext. */
static void test_eval_consistency(void)
{
    static stark_bench_air bench;
    REQUIRE(stark_bench_air_init(&bench, 7) == ZK_OK);
    const stark_air *airs[] = {stark_air_fib(), &bench.air, stark_air_lookup(), stark_air_perm()};
    for (size_t k = 0; k < sizeof airs / sizeof airs[0]; k++) {
        const stark_air *air = airs[k];
        REQUIRE(air->eval_base);
        uint64_t cur[16], next[16], pub[4], outb[64];
        gl3 ecur[16], enext[16], acur[4], anext[4], ch[4], oute[64], outm[64];
        for (int it = 0; it < 200; it++) {
            for (uint32_t c = 0; c < air->n_main; c++) {
                cur[c] = rnd() % GL_P;
                next[c] = rnd() % GL_P;
                ecur[c] = gl3_from_base(cur[c]);
                enext[c] = gl3_from_base(next[c]);
            }
            for (uint32_t c = 0; c < 4; c++) {
                acur[c] = (gl3){{rnd() % GL_P, rnd() % GL_P, rnd() % GL_P}};
                anext[c] = (gl3){{rnd() % GL_P, rnd() % GL_P, rnd() % GL_P}};
                ch[c] = (gl3){{rnd() % GL_P, rnd() % GL_P, rnd() % GL_P}};
            }
            for (uint32_t i = 0; i < air->n_public; i++)
                pub[i] = rnd() % GL_P;
            stark_frame f = {ecur, enext, acur, anext, ch, pub};
            air->eval_ext(air->ctx, &f, oute);
            air->eval_base(air->ctx, cur, next, pub, outb);
            uint32_t nb = air->n_base_constraints;
            for (uint32_t i = 0; i < nb; i++)
                CHECK(gl3_eq(oute[i], gl3_from_base(outb[i])));
            if (nb < air->n_constraints) {
                air->eval_mixed(air->ctx, cur, next, acur, anext, ch, pub, outm);
                for (uint32_t i = nb; i < air->n_constraints; i++)
                    CHECK(gl3_eq(oute[i], outm[i - nb]));
            }
        }
    }
    /* An AIR with aux columns must give eval_mixed if it gives eval_base. */
    stark_air broken = *stark_air_lookup();
    broken.eval_mixed = NULL;
    stark_layout L;
    CHECK(stark_layout_init(&L, &broken, &STARK_PARAMS_V1, 5) == ZK_ERR_RANGE);
}

/* The generic extension-field path (no fast paths) gives the same proof bytes. */
static void test_slow_path_same_proof(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    const stark_air *airs[] = {stark_air_lookup(), stark_air_perm(), stark_air_fib()};
    for (size_t k = 0; k < 3; k++) {
        uint64_t **main, pub[4];
        if (k == 0)
            REQUIRE(stark_lookup_trace(6, 3, &g_arena, &main, pub) == ZK_OK);
        else if (k == 1)
            REQUIRE(stark_perm_trace(6, 3, &g_arena, &main, pub) == ZK_OK);
        else
            REQUIRE(stark_fib_trace(6, 3, 4, &g_arena, &main, pub) == ZK_OK);
        stark_air slow = *airs[k];
        slow.eval_base = NULL;
        slow.eval_mixed = NULL;
        proof_buf a, b;
        REQUIRE(prove(airs[k], &STARK_PARAMS_V1, 6, main, pub, false, NULL, &a) == ZK_OK);
        REQUIRE(prove(&slow, &STARK_PARAMS_V1, 6, main, pub, false, NULL, &b) == ZK_OK);
        CHECK(a.len == b.len && memcmp(a.bytes, b.bytes, a.len) == 0);
    }
    zk_arena_reset(&g_arena, m);
}

/* Every single-cell change of an honest trace, proved with the self check off, is rejected;
 * with the self check on the prover refuses. */
static void wrong_cells(const stark_air *air, unsigned log_n, uint64_t **main, const uint64_t *pub)
{
    size_t n = (size_t)1 << log_n;
    int rejected = 0, total = 0;
    for (uint32_t c = 0; c < air->n_main; c++) {
        for (size_t i = 0; i < n; i++) {
            zk_arena_mark m = zk_arena_get_mark(&g_arena);
            uint64_t saved = main[c][i];
            main[c][i] = gl_add(saved, 1 + (rnd() & 3));
            proof_buf pf;
            CHECK(prove(air, &STARK_PARAMS_V1, log_n, main, pub, false, NULL, &pf) == ZK_ERR_INVALID);
            zk_status st = prove(air, &STARK_PARAMS_V1, log_n, main, pub, true, NULL, &pf);
            total++;
            /* A LogUp pole makes the prover fail outright, which is also a rejection. */
            if (st != ZK_OK || verify(air, &STARK_PARAMS_V1, log_n, pub, pf.bytes, pf.len) != ZK_OK)
                rejected++;
            main[c][i] = saved;
            zk_arena_reset(&g_arena, m);
        }
    }
    CHECK(rejected == total);
}

static void test_wrong_trace(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    uint64_t **main, pub[4];
    REQUIRE(stark_fib_trace(3, 2, 3, &g_arena, &main, pub) == ZK_OK);
    wrong_cells(stark_air_fib(), 3, main, pub);
    REQUIRE(stark_lookup_trace(3, 1, &g_arena, &main, pub) == ZK_OK);
    wrong_cells(stark_air_lookup(), 3, main, pub);
    REQUIRE(stark_perm_trace(3, 4, &g_arena, &main, pub) == ZK_OK);
    wrong_cells(stark_air_perm(), 3, main, pub);
    /* Two tuples swapped between components (a multiset change no single-column check sees). */
    REQUIRE(stark_perm_trace(4, 4, &g_arena, &main, pub) == ZK_OK);
    uint64_t t = main[3][2];
    main[3][2] = main[3][5];
    main[3][5] = t;
    proof_buf pf;
    CHECK(prove(stark_air_perm(), &STARK_PARAMS_V1, 4, main, pub, false, NULL, &pf) == ZK_ERR_INVALID);
    if (prove(stark_air_perm(), &STARK_PARAMS_V1, 4, main, pub, true, NULL, &pf) == ZK_OK)
        CHECK(verify(stark_air_perm(), &STARK_PARAMS_V1, 4, pub, pf.bytes, pf.len) != ZK_OK);
    static stark_bench_air bench;
    REQUIRE(stark_bench_air_init(&bench, 3) == ZK_OK);
    REQUIRE(stark_bench_trace(&bench, 3, 9, &g_arena, &main, pub) == ZK_OK);
    wrong_cells(&bench.air, 3, main, pub);
    zk_arena_reset(&g_arena, m);
}

static void test_wrong_public(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    uint64_t **main, pub[STARK_FIB_PUBLICS];
    REQUIRE(stark_fib_trace(5, 1, 2, &g_arena, &main, pub) == ZK_OK);
    proof_buf pf;
    REQUIRE(prove(stark_air_fib(), &STARK_PARAMS_V1, 5, main, pub, false, NULL, &pf) == ZK_OK);
    CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 5, pub, pf.bytes, pf.len) == ZK_OK);
    for (int i = 0; i < STARK_FIB_PUBLICS; i++) {
        uint64_t bad[STARK_FIB_PUBLICS];
        memcpy(bad, pub, sizeof bad);
        bad[i] = gl_add(bad[i], 1);
        CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 5, bad, pf.bytes, pf.len) == ZK_ERR_INVALID);
    }
    /* The same proof under a different trace length or different parameters. */
    CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 6, pub, pf.bytes, pf.len) != ZK_OK);
    stark_params other = STARK_PARAMS_V1;
    other.num_queries--;
    CHECK(verify(stark_air_fib(), &other, 5, pub, pf.bytes, pf.len) != ZK_OK);
    other = STARK_PARAMS_V1;
    other.pow_bits = 20;
    CHECK(verify(stark_air_fib(), &other, 5, pub, pf.bytes, pf.len) != ZK_OK);
    zk_arena_reset(&g_arena, m);
}

/* Flips one bit in every byte (or in `samples` random bytes when nonzero). */
static void flip_bytes(const stark_air *air, const stark_params *p, unsigned log_n, const uint64_t *pub,
                       const proof_buf *pf, size_t samples)
{
    uint8_t *copy = zk_arena_alloc(&g_arena, pf->len);
    REQUIRE(copy);
    memcpy(copy, pf->bytes, pf->len);
    size_t count = samples ? samples : pf->len, accepted = 0;
    for (size_t k = 0; k < count; k++) {
        size_t pos = samples ? (size_t)(rnd() % pf->len) : k;
        uint8_t mask = (uint8_t)(1u << (rnd() & 7));
        copy[pos] ^= mask;
        if (verify(air, p, log_n, pub, copy, pf->len) == ZK_OK) {
            fprintf(stderr, "accepted a proof with byte %zu flipped\n", pos);
            accepted++;
        }
        copy[pos] ^= mask;
    }
    CHECK(accepted == 0);
    CHECK(verify(air, p, log_n, pub, copy, pf->len) == ZK_OK);
}

static void test_tampered_proofs(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    uint64_t **main, pub[4];
    proof_buf pf;
    REQUIRE(stark_fib_trace(6, 3, 5, &g_arena, &main, pub) == ZK_OK);
    REQUIRE(prove(stark_air_fib(), &TEST_PARAMS, 6, main, pub, false, NULL, &pf) == ZK_OK);
    REQUIRE(verify(stark_air_fib(), &TEST_PARAMS, 6, pub, pf.bytes, pf.len) == ZK_OK);
    flip_bytes(stark_air_fib(), &TEST_PARAMS, 6, pub, &pf, 0);

    REQUIRE(stark_lookup_trace(7, 11, &g_arena, &main, pub) == ZK_OK);
    REQUIRE(prove(stark_air_lookup(), &TEST_PARAMS, 7, main, pub, false, NULL, &pf) == ZK_OK);
    REQUIRE(verify(stark_air_lookup(), &TEST_PARAMS, 7, pub, pf.bytes, pf.len) == ZK_OK);
    flip_bytes(stark_air_lookup(), &TEST_PARAMS, 7, pub, &pf, 0);
    REQUIRE(stark_perm_trace(7, 2, &g_arena, &main, pub) == ZK_OK);
    REQUIRE(prove(stark_air_perm(), &TEST_PARAMS, 7, main, pub, false, NULL, &pf) == ZK_OK);
    flip_bytes(stark_air_perm(), &TEST_PARAMS, 7, pub, &pf, 0);
    REQUIRE(stark_lookup_trace(7, 11, &g_arena, &main, pub) == ZK_OK);
    REQUIRE(prove(stark_air_lookup(), &TEST_PARAMS_CAP, 7, main, pub, false, NULL, &pf) == ZK_OK);
    REQUIRE(verify(stark_air_lookup(), &TEST_PARAMS_CAP, 7, pub, pf.bytes, pf.len) == ZK_OK);
    CHECK(verify(stark_air_lookup(), &TEST_PARAMS, 7, pub, pf.bytes, pf.len) != ZK_OK);
    flip_bytes(stark_air_lookup(), &TEST_PARAMS_CAP, 7, pub, &pf, 0);

    /* Pinned parameters: every byte before the queries, then a sample of the rest. */
    REQUIRE(stark_fib_trace(4, 1, 1, &g_arena, &main, pub) == ZK_OK);
    REQUIRE(prove(stark_air_fib(), &STARK_PARAMS_V1, 4, main, pub, false, NULL, &pf) == ZK_OK);
    stark_layout L;
    REQUIRE(stark_layout_init(&L, stark_air_fib(), &STARK_PARAMS_V1, 4) == ZK_OK);
    proof_buf head = {pf.bytes, L.proof_bytes - (size_t)STARK_PARAMS_V1.num_queries * L.query_bytes};
    uint8_t *copy = zk_arena_dup(&g_arena, pf.bytes, pf.len);
    for (size_t pos = 0; pos < head.len; pos++) {
        copy[pos] ^= 0x01;
        CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 4, pub, copy, pf.len) != ZK_OK);
        copy[pos] ^= 0x01;
    }
    flip_bytes(stark_air_fib(), &STARK_PARAMS_V1, 4, pub, &pf, 400);
    zk_arena_reset(&g_arena, m);
}

static void test_other_air_and_garbage(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    uint64_t **main, pub[4];
    proof_buf pf;
    REQUIRE(stark_fib_trace(5, 1, 1, &g_arena, &main, pub) == ZK_OK);
    REQUIRE(prove(stark_air_fib(), &STARK_PARAMS_V1, 5, main, pub, false, NULL, &pf) == ZK_OK);
    /* Same shape, another name: a different AIR identity. */
    stark_air renamed = *stark_air_fib();
    renamed.name = "zkl1/fib-variant/v1";
    CHECK(verify(&renamed, &STARK_PARAMS_V1, 5, pub, pf.bytes, pf.len) == ZK_ERR_INVALID);
    /* Same name and shape, one constraint on another row set. */
    stark_constraint cons[5];
    memcpy(cons, stark_air_fib()->constraints, sizeof cons);
    cons[4].rows = STARK_ROWS_FIRST;
    stark_air moved = *stark_air_fib();
    moved.constraints = cons;
    CHECK(verify(&moved, &STARK_PARAMS_V1, 5, pub, pf.bytes, pf.len) != ZK_OK);
    CHECK(verify(stark_air_lookup(), &STARK_PARAMS_V1, 5, pub, pf.bytes, pf.len) != ZK_OK);
    static stark_bench_air bench;
    REQUIRE(stark_bench_air_init(&bench, 2) == ZK_OK);
    CHECK(verify(&bench.air, &STARK_PARAMS_V1, 5, pub, pf.bytes, pf.len) != ZK_OK);

    /* Truncations at every length and appended bytes. */
    for (size_t len = 0; len < pf.len; len += (len < 256 ? 1 : 97))
        CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 5, pub, pf.bytes, len) == ZK_ERR_DECODE);
    uint8_t *longer = zk_arena_alloc(&g_arena, pf.len + 1);
    memcpy(longer, pf.bytes, pf.len);
    longer[pf.len] = 0;
    CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 5, pub, longer, pf.len + 1) == ZK_ERR_DECODE);
    CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 5, pub, NULL, 0) == ZK_ERR_DECODE);
    /* Random bytes of the right length, with and without a valid header. */
    uint8_t *junk = zk_arena_alloc(&g_arena, pf.len);
    for (int it = 0; it < 50; it++) {
        for (size_t i = 0; i < pf.len; i++)
            junk[i] = (uint8_t)rnd();
        if (it & 1)
            memcpy(junk, pf.bytes, STARK_HEADER_BYTES);
        CHECK(verify(stark_air_fib(), &STARK_PARAMS_V1, 5, pub, junk, pf.len) != ZK_OK);
    }
    zk_arena_reset(&g_arena, m);
}

/* An AIR whose quotient needs three pieces (a degree-3 first-row constraint: 3n - 4 > 2n),
 * i.e. a quotient domain of 4n with the fourth piece dropped, evaluated through eval_ext only
 * (no base fast path), plus a degree-2 constraint on every row. Columns (a, b, c):
 * fib on (a, b), c = a·b on every row, a(0)^3 = publics[0]^3. */
static const stark_constraint cube_constraints[] = {
    {STARK_ROWS_TRANSITION, 1}, {STARK_ROWS_TRANSITION, 1}, {STARK_ROWS_ALL, 2}, {STARK_ROWS_FIRST, 3}};

static void cube_eval_ext(const void *ctx, const stark_frame *f, gl3 *out)
{
    (void)ctx;
    gl3 a = f->main_cur[0], b = f->main_cur[1], c = f->main_cur[2], p = gl3_from_base(f->publics[0]);
    out[0] = gl3_sub(f->main_next[0], b);
    out[1] = gl3_sub(f->main_next[1], gl3_add(a, b));
    out[2] = gl3_sub(c, gl3_mul(a, b));
    out[3] = gl3_sub(gl3_mul(gl3_sqr(a), a), gl3_mul(gl3_sqr(p), p));
}

static const stark_air cube_air = {
    .name = "test/cube-first",
    .n_main = 3,
    .n_public = 1,
    .n_constraints = 4,
    .constraints = cube_constraints,
    .eval_ext = cube_eval_ext,
};

static void test_three_pieces(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    stark_layout L;
    REQUIRE(stark_layout_init(&L, &cube_air, &STARK_PARAMS_V1, 5) == ZK_OK);
    CHECK(L.n_pieces == 3 && L.log_qdomain == 5 + 2);
    for (unsigned lg = 2; lg <= 7; lg++) {
        size_t n = (size_t)1 << lg;
        uint64_t **main, pub[4];
        REQUIRE(stark_fib_trace(lg, 5, 8, &g_arena, &main, pub) == ZK_OK);
        uint64_t **cols = zk_arena_alloc(&g_arena, 3 * sizeof *cols);
        cols[0] = main[0];
        cols[1] = main[1];
        cols[2] = zk_arena_alloc(&g_arena, n * 8);
        for (size_t i = 0; i < n; i++)
            cols[2][i] = gl_mul(cols[0][i], cols[1][i]);
        uint64_t cpub[1] = {5};
        proof_buf pf;
        REQUIRE(prove(&cube_air, &STARK_PARAMS_V1, lg, cols, cpub, false, NULL, &pf) == ZK_OK);
        CHECK(verify(&cube_air, &STARK_PARAMS_V1, lg, cpub, pf.bytes, pf.len) == ZK_OK);
        uint64_t wrong[1] = {6};
        CHECK(verify(&cube_air, &STARK_PARAMS_V1, lg, wrong, pf.bytes, pf.len) == ZK_ERR_INVALID);
        if (lg == 3)
            wrong_cells(&cube_air, lg, cols, cpub);
    }
    zk_arena_reset(&g_arena, m);
}

static void test_threads_deterministic(void)
{
    zk_arena_mark m = zk_arena_get_mark(&g_arena);
    stark_exec ex;
    REQUIRE(stark_exec_pthread_init(&ex, 3) == 0);
    static stark_bench_air bench;
    REQUIRE(stark_bench_air_init(&bench, 6) == ZK_OK);
    uint64_t **main, pub[4];
    REQUIRE(stark_bench_trace(&bench, 9, 1, &g_arena, &main, pub) == ZK_OK);
    proof_buf a, b;
    REQUIRE(prove(&bench.air, &STARK_PARAMS_V1, 9, main, pub, false, NULL, &a) == ZK_OK);
    REQUIRE(prove(&bench.air, &STARK_PARAMS_V1, 9, main, pub, false, &ex, &b) == ZK_OK);
    CHECK(a.len == b.len && memcmp(a.bytes, b.bytes, a.len) == 0);
    CHECK(verify(&bench.air, &STARK_PARAMS_V1, 9, pub, b.bytes, b.len) == ZK_OK);
    uint64_t **lm, lp[1];
    REQUIRE(stark_lookup_trace(9, 2, &g_arena, &lm, lp) == ZK_OK);
    REQUIRE(prove(stark_air_lookup(), &STARK_PARAMS_V1, 9, lm, lp, false, NULL, &a) == ZK_OK);
    REQUIRE(prove(stark_air_lookup(), &STARK_PARAMS_V1, 9, lm, lp, false, &ex, &b) == ZK_OK);
    CHECK(a.len == b.len && memcmp(a.bytes, b.bytes, a.len) == 0);
    /* The parallel self check finds a bad cell deep in a larger trace. */
    REQUIRE(stark_bench_trace(&bench, 13, 1, &g_arena, &main, pub) == ZK_OK);
    main[4][7000] = gl_add(main[4][7000], 1);
    CHECK(prove(&bench.air, &STARK_PARAMS_V1, 13, main, pub, false, &ex, &a) == ZK_ERR_INVALID);
    stark_exec_pthread_free(&ex);
    zk_arena_reset(&g_arena, m);
}

static void test_security(void)
{
    static stark_bench_air bench;
    REQUIRE(stark_bench_air_init(&bench, 64) == ZK_OK);
    for (unsigned lg = STARK_MIN_LOG_N; lg <= STARK_MAX_LOG_N; lg++) {
        stark_security_report r;
        REQUIRE(stark_security(&bench.air, &STARK_PARAMS_V1, lg, &r) == ZK_OK);
        CHECK(r.total >= 128);
        CHECK(r.query == 128); /* 166 · log2(8/5) + 16 = 128.56 */
        REQUIRE(stark_security(stark_air_lookup(), &STARK_PARAMS_V1, lg, &r) == ZK_OK);
        CHECK(r.total >= 128);
        REQUIRE(stark_security(stark_air_perm(), &STARK_PARAMS_V1, lg, &r) == ZK_OK);
        CHECK(r.total >= 128);
    }
    /* Fewer queries must lower the figure: it is computed, not a constant. */
    stark_params weaker = STARK_PARAMS_V1;
    weaker.num_queries = 100;
    stark_security_report r;
    REQUIRE(stark_security(stark_air_fib(), &weaker, 10, &r) == ZK_OK);
    CHECK(r.total == 83); /* 100 · 0.678 + 16 = 83.8 */
    weaker = STARK_PARAMS_V1;
    weaker.log_blowup = 1; /* rho = 1/2: 0.415 bits per query */
    REQUIRE(stark_security(stark_air_fib(), &weaker, 10, &r) == ZK_OK);
    CHECK(r.total == 84); /* 166 · 0.415 + 16 = 84.9 */
}

int main(void)
{
    zk_arena_init_malloc(&g_arena, 1 << 24);
    test_security();
    test_eval_consistency();
    test_fold_and_compress();
    test_slow_path_same_proof();
    test_roundtrips();
    test_wrong_public();
    test_wrong_trace();
    test_other_air_and_garbage();
    test_tampered_proofs();
    test_threads_deterministic();
    test_three_pieces();
    zk_arena_release(&g_arena);
    return test_finish("test_stark");
}
