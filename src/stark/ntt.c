/* ntt.c — recursive radix-2 NTTs over Goldilocks (see ntt.h for the conventions). */
#include "ntt.h"

/* Below this size a transform fits comfortably in L1/L2 and the loop form is used. */
#define NTT_LEAF_LOG 12

zk_status ntt_tables_init(ntt_tables *t, unsigned log_max, zk_arena *a)
{
    if (log_max > GL_TWO_ADICITY)
        return ZK_ERR_RANGE;
    size_t n = (size_t)1 << log_max;
    t->log_max = log_max;
    t->fwd = zk_arena_alloc(a, (n < 2 ? 2 : n) * sizeof(uint64_t));
    t->inv = zk_arena_alloc(a, (n < 2 ? 2 : n) * sizeof(uint64_t));
    if (!t->fwd || !t->inv)
        return ZK_ERR_NOMEM;
    t->fwd[0] = t->inv[0] = 0; /* unused */
    for (unsigned lg = 1; lg <= log_max; lg++) {
        size_t m = (size_t)1 << (lg - 1); /* half size; roots of order 2m */
        uint64_t w = gl_root_of_unity(lg), wi = gl_inv(w);
        t->fwd[m] = t->inv[m] = 1;
        for (size_t i = 1; i < m; i++) {
            t->fwd[m + i] = gl_mul(t->fwd[m + i - 1], w);
            t->inv[m + i] = gl_mul(t->inv[m + i - 1], wi);
        }
    }
    return ZK_OK;
}

/* One DIF layer: butterflies (a[i], a[i+m]) -> (a+b, (a-b) w^i). */
static void dif_layer(uint64_t *a, size_t m, const uint64_t *w)
{
    for (size_t i = 0; i < m; i++) {
        uint64_t u = a[i], v = a[i + m];
        a[i] = gl_add(u, v);
        a[i + m] = gl_mul(gl_sub(u, v), w[i]);
    }
}

/* One DIT layer: butterflies (a[i], a[i+m]) -> (a + b w^i, a - b w^i). */
static void dit_layer(uint64_t *a, size_t m, const uint64_t *w)
{
    for (size_t i = 0; i < m; i++) {
        uint64_t u = a[i], v = gl_mul(a[i + m], w[i]);
        a[i] = gl_add(u, v);
        a[i + m] = gl_sub(u, v);
    }
}

static void dif_iterative(uint64_t *a, size_t n, const uint64_t *tw)
{
    for (size_t m = n >> 1; m >= 2; m >>= 1)
        for (size_t b = 0; b < n; b += 2 * m)
            dif_layer(a + b, m, tw + m);
    for (size_t b = 0; b + 1 < n; b += 2) { /* m = 1: the twiddle is 1 */
        uint64_t u = a[b], v = a[b + 1];
        a[b] = gl_add(u, v);
        a[b + 1] = gl_sub(u, v);
    }
}

static void dit_iterative(uint64_t *a, size_t n, const uint64_t *tw)
{
    for (size_t b = 0; b + 1 < n; b += 2) {
        uint64_t u = a[b], v = a[b + 1];
        a[b] = gl_add(u, v);
        a[b + 1] = gl_sub(u, v);
    }
    for (size_t m = 2; m < n; m <<= 1)
        for (size_t b = 0; b < n; b += 2 * m)
            dit_layer(a + b, m, tw + m);
}

static void dif_recursive(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    size_t n = (size_t)1 << log_n;
    if (log_n <= NTT_LEAF_LOG) {
        dif_iterative(a, n, tw);
        return;
    }
    dif_layer(a, n / 2, tw + n / 2);
    dif_recursive(a, log_n - 1, tw);
    dif_recursive(a + n / 2, log_n - 1, tw);
}

static void dit_recursive(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    size_t n = (size_t)1 << log_n;
    if (log_n <= NTT_LEAF_LOG) {
        dit_iterative(a, n, tw);
        return;
    }
    dit_recursive(a, log_n - 1, tw);
    dit_recursive(a + n / 2, log_n - 1, tw);
    dit_layer(a, n / 2, tw + n / 2);
}

void ntt_dif(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    if (log_n > 0)
        dif_recursive(a, log_n, tw);
}

void ntt_dit(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    if (log_n > 0)
        dit_recursive(a, log_n, tw);
}

void ntt_bitrev_permute(uint64_t *a, unsigned log_n)
{
    size_t n = (size_t)1 << log_n;
    for (size_t i = 0; i < n; i++) {
        size_t j = ntt_bitrev(i, log_n);
        if (i < j) {
            uint64_t t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

void ntt_interpolate_coset(uint64_t *a, unsigned log_n, uint64_t shift, const ntt_tables *t)
{
    size_t n = (size_t)1 << log_n;
    ntt_dif(a, log_n, t->inv);
    ntt_bitrev_permute(a, log_n);
    /* a now holds n·c_i·shift^i; undo both factors. */
    uint64_t inv_shift = gl_inv(shift), s = gl_inv(gl_from_u64(n));
    for (size_t i = 0; i < n; i++) {
        a[i] = gl_mul(a[i], s);
        s = gl_mul(s, inv_shift);
    }
}

void ntt_evaluate_coset(uint64_t *a, unsigned log_n, uint64_t shift, const ntt_tables *t)
{
    size_t n = (size_t)1 << log_n;
    uint64_t s = 1;
    for (size_t i = 0; i < n; i++) {
        a[i] = gl_mul(a[i], s);
        s = gl_mul(s, shift);
    }
    ntt_dif(a, log_n, t->fwd);
    ntt_bitrev_permute(a, log_n);
}
