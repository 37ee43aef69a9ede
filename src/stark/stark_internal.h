/* stark_internal.h — pieces shared by the prover and the verifier: the proof encoding,
 * the statement binding and the FRI fold. Not a public interface. */
#ifndef ZK_STARK_INTERNAL_H
#define ZK_STARK_INTERNAL_H

#include "stark.h"
#include "transcript.h"

/* The LDE and every FRI domain are cosets of a 2-power subgroup, shifted by the generator:
 * they never meet the trace domain <g>. */
#define STARK_COSET_SHIFT GL_GENERATOR

/* strlen without libc (freestanding rule: only mem* from <string.h>). */
static inline size_t stark_strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* ---- encoding: little-endian integers, canonical field elements ---- */

typedef struct stark_writer {
    uint8_t *buf;
    size_t off, cap;
} stark_writer;

static inline void stark_put_bytes(stark_writer *w, const void *src, size_t n)
{
    const uint8_t *s = src;
    for (size_t i = 0; i < n && w->off < w->cap; i++)
        w->buf[w->off++] = s[i];
}

static inline void stark_put_u64(stark_writer *w, uint64_t v)
{
    for (int i = 0; i < 8 && w->off < w->cap; i++)
        w->buf[w->off++] = (uint8_t)(v >> (8 * i));
}

static inline void stark_put_gl3(stark_writer *w, gl3 v)
{
    for (int i = 0; i < 3; i++)
        stark_put_u64(w, v.c[i]);
}

typedef struct stark_reader {
    const uint8_t *buf;
    size_t off, len;
    bool bad; /* set on overrun or a non-canonical element; later reads return zeros */
} stark_reader;

static inline const uint8_t *stark_get_bytes(stark_reader *r, size_t n)
{
    if (r->bad || n > r->len - r->off) {
        r->bad = true;
        return NULL;
    }
    const uint8_t *p = r->buf + r->off;
    r->off += n;
    return p;
}

static inline uint64_t stark_get_u64_raw(stark_reader *r)
{
    const uint8_t *p = stark_get_bytes(r, 8);
    if (!p)
        return 0;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* A base-field element: must be canonical. */
static inline uint64_t stark_get_gl(stark_reader *r)
{
    uint64_t v = stark_get_u64_raw(r);
    if (v >= GL_P) {
        r->bad = true;
        return 0;
    }
    return v;
}

static inline gl3 stark_get_gl3(stark_reader *r)
{
    gl3 v;
    for (int i = 0; i < 3; i++)
        v.c[i] = stark_get_gl(r);
    return v;
}

static inline void stark_get_hash(stark_reader *r, zk_hash *h)
{
    const uint8_t *p = stark_get_bytes(r, 32);
    for (int i = 0; i < 32; i++)
        h->b[i] = p ? p[i] : 0;
}

/* The 16-byte proof header (magic, version, hash, field, log_n and the parameters). */
void stark_encode_header(uint8_t out[STARK_HEADER_BYTES], const stark_params *p, unsigned log_n);

/* Absorbs the protocol header, the AIR's name and shape, and the public inputs: the first
 * three items of every transcript. */
void stark_bind_statement(stark_transcript *t, const stark_air *air, const stark_params *p, unsigned log_n,
                          const uint64_t *publics);

/* Draws the out-of-domain point: outside F_p, hence outside every evaluation domain and
 * never a root of x^n - 1. */
gl3 stark_draw_ood_point(stark_transcript *t);

/* ---- FRI ---- */

/* Folds one leaf: v[t] = f(x * zeta^t) for t < 2^log_arity, zeta a primitive 2^log_arity-th
 * root of unity, x_inv = 1/x. Returns g(x^(2^log_arity)) where g is the fold of f by beta,
 * i.e. log_arity rounds of g(u^2) = (f(u) + f(-u))/2 + beta_r (f(u) - f(-u))/(2u) with
 * beta_r = beta^(2^r). zeta_inv[k] = 1/(primitive 2^k-th root) for k <= log_arity, from
 * stark_fri_zeta_inv_table. v is overwritten. */
gl3 stark_fri_fold_leaf_tab(gl3 *v, unsigned log_arity, uint64_t x_inv, gl3 beta, const uint64_t *zeta_inv);
void stark_fri_zeta_inv_table(uint64_t *zeta_inv, unsigned log_arity);

/* Evaluates sum_i c[i] x^i (Horner) at a base-field point. */
gl3 stark_poly_eval_base_point(const gl3 *c, size_t n, uint64_t x);

/* ---- AIR evaluation at one point ---- */

/* Combines constraint values with powers of alpha per row set and divides by the row sets'
 * vanishing polynomials at x (all four given as inverses): the quotient value at x. */
typedef struct stark_divisors {
    gl3 inv_all;        /* 1/(x^n - 1) */
    gl3 transition_num; /* x - g^(n-1), times inv_all gives the transition divisor inverse */
    gl3 inv_first;      /* 1/(x - 1) */
    gl3 inv_last;       /* 1/(x - g^(n-1)) */
} stark_divisors;

gl3 stark_combine_constraints(const stark_air *air, const gl3 *values, gl3 alpha, const stark_divisors *d);

#endif
