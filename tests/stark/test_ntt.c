/* test_ntt.c — transforms against a naive DFT, round trips, coset evaluation. */
#include "core/arena_malloc.h"
#include "ntt.h"
#include "test_util.h"

static uint64_t naive_eval(const uint64_t *c, size_t n, uint64_t x)
{
    uint64_t acc = 0;
    for (size_t i = n; i-- > 0;)
        acc = gl_add(gl_mul(acc, x), c[i]);
    return acc;
}

int main(void)
{
    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 20);
    ntt_tables t;
    REQUIRE(ntt_tables_init(&t, 14, &a) == ZK_OK);
    uint64_t *c = zk_arena_alloc(&a, 8 << 14), *v = zk_arena_alloc(&a, 8 << 14), *w = zk_arena_alloc(&a, 8 << 14);
    REQUIRE(c && v && w);
    for (unsigned lg = 0; lg <= 14; lg++) {
        size_t n = (size_t)1 << lg;
        for (size_t i = 0; i < n; i++)
            c[i] = v[i] = rnd() % GL_P;
        /* DIF forward: bit-reversed evaluations at w^k. */
        ntt_dif(v, lg, t.fwd);
        uint64_t root = gl_root_of_unity(lg);
        size_t checks = n < 64 ? n : 64;
        for (size_t s = 0; s < checks; s++) {
            size_t k = (s * 2654435761u) & (n - 1);
            CHECK(v[ntt_bitrev(k, lg)] == naive_eval(c, n, gl_pow(root, k)));
        }
        /* DIT with inverse twiddles on bit-reversed evaluations = n·coefficients, natural. */
        for (size_t i = 0; i < n; i++)
            w[i] = v[i];
        ntt_dit(w, lg, t.inv);
        uint64_t inv_n = gl_inv(gl_from_u64(n));
        for (size_t i = 0; i < n; i++)
            CHECK(gl_mul(w[i], inv_n) == c[i]);
        /* DIF inverse then DIT forward (the prover's chain) is n·identity. */
        for (size_t i = 0; i < n; i++)
            w[i] = c[i];
        ntt_dif(w, lg, t.inv);
        ntt_dit(w, lg, t.fwd);
        for (size_t i = 0; i < n; i++)
            CHECK(gl_mul(w[i], inv_n) == c[i]);
        /* Coset helpers. */
        uint64_t shift = 7;
        for (size_t i = 0; i < n; i++)
            w[i] = c[i];
        ntt_evaluate_coset(w, lg, shift, &t);
        for (size_t s = 0; s < checks; s++) {
            size_t k = (s * 40503u) & (n - 1);
            CHECK(w[k] == naive_eval(c, n, gl_mul(shift, gl_pow(root, k))));
        }
        ntt_interpolate_coset(w, lg, shift, &t);
        for (size_t i = 0; i < n; i++)
            CHECK(w[i] == c[i]);
    }
    /* The vector path (when the host has one) equals the scalar path bit for bit, also on
     * edge values that exercise every carry and borrow of the lane arithmetic. */
    static const uint64_t edges[] = {0, 1, GL_P - 1, GL_P - 2, 0xffffffffull, 0x100000000ull, 0xfffffffeffffffffull,
                                     0x8000000000000000ull, 0x7fffffffffffffffull, GL_P - 0x100000000ull};
    for (unsigned lg = 3; lg <= 14; lg++) {
        size_t n = (size_t)1 << lg;
        for (int variant = 0; variant < 3; variant++) {
            for (size_t i = 0; i < n; i++)
                c[i] = variant == 0 ? rnd() % GL_P : variant == 1 ? edges[rnd() % 10] : GL_P - 1;
            for (size_t i = 0; i < n; i++)
                v[i] = w[i] = c[i];
            ntt_dif(v, lg, t.inv);
            ntt_dif_scalar(w, lg, t.inv);
            for (size_t i = 0; i < n; i++)
                CHECK(v[i] == w[i]);
            ntt_dit(v, lg, t.fwd);
            ntt_dit_scalar(w, lg, t.fwd);
            for (size_t i = 0; i < n; i++)
                CHECK(v[i] == w[i]);
        }
    }
    zk_arena_release(&a);
    return test_finish("test_ntt");
}
