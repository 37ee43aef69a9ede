/* field.h — the Goldilocks field F_p, p = 2^64 - 2^32 + 1, and its cubic extension
 * F_p^3 = F_p[X]/(X^3 - X - 1) (about 2^192 elements).
 *
 * Base elements are uint64_t, always kept canonical (< p): every function here takes
 * canonical inputs and returns canonical outputs, so elements can be compared and
 * serialised directly. The reduction uses 2^64 = 2^32 - 1 and 2^96 = -1 (mod p).
 *
 * Extension elements are gl3 {c[0] + c[1] X + c[2] X^2}; X^3 = X + 1.
 *
 * Freestanding: header-only hot paths, gl_pow/gl_inv/gl3_inv in field.c.
 */
#ifndef ZK_STARK_FIELD_H
#define ZK_STARK_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GL_P 0xffffffff00000001ull
#define GL_EPS 0xffffffffull /* 2^64 mod p = 2^32 - 1 */
/* 7 generates F_p^*; p - 1 = 2^32 * 3 * 5 * 17 * 257 * 65537. */
#define GL_GENERATOR 7ull
#define GL_TWO_ADICITY 32

typedef struct gl3 {
    uint64_t c[3];
} gl3;
/* Arrays of gl3 are absorbed and hashed as arrays of 3n words. */
_Static_assert(sizeof(gl3) == 3 * sizeof(uint64_t), "gl3 must have no padding");

static inline uint64_t gl_add(uint64_t a, uint64_t b)
{
    uint64_t s = a + b;
    /* On carry the true sum is s + 2^64 = s + EPS (mod p) and stays below p. */
    s += (s < a) ? GL_EPS : 0;
    return s >= GL_P ? s - GL_P : s;
}

static inline uint64_t gl_sub(uint64_t a, uint64_t b)
{
    uint64_t d = a - b;
    /* On borrow the wrapped value is d = a - b + 2^64; we want a - b + p = d - EPS. */
    return (a < b) ? d - GL_EPS : d;
}

static inline uint64_t gl_neg(uint64_t a) { return a ? GL_P - a : 0; }

/* Reduces a 128-bit value: x = lo + 2^64 (hl + 2^32 hh) = lo + hl*EPS - hh (mod p). */
static inline uint64_t gl_reduce128(unsigned __int128 x)
{
    uint64_t lo = (uint64_t)x;
    uint64_t hi = (uint64_t)(x >> 64);
    uint64_t hh = hi >> 32, hl = hi & GL_EPS;
    uint64_t t = lo - hh;
    if (lo < hh)
        t -= GL_EPS; /* borrow: add p, i.e. subtract 2^64 - p */
    uint64_t m = hl * GL_EPS; /* < 2^64 */
    uint64_t r = t + m;
    if (r < m)
        r += GL_EPS; /* carry: 2^64 = EPS; cannot carry again */
    return r >= GL_P ? r - GL_P : r;
}

static inline uint64_t gl_mul(uint64_t a, uint64_t b)
{
    return gl_reduce128((unsigned __int128)a * b);
}

static inline uint64_t gl_sqr(uint64_t a) { return gl_mul(a, a); }

/* Reduces any uint64 (possibly >= p) to canonical form. */
static inline uint64_t gl_from_u64(uint64_t v) { return v >= GL_P ? v - GL_P : v; }

uint64_t gl_pow(uint64_t a, uint64_t e);
/* Inverse of a nonzero element; gl_inv(0) returns 0. */
uint64_t gl_inv(uint64_t a);
/* A primitive 2^log_n-th root of unity (log_n <= 32). */
uint64_t gl_root_of_unity(unsigned log_n);

/* ---- cubic extension ---- */

static inline gl3 gl3_zero(void) { gl3 r = {{0, 0, 0}}; return r; }
static inline gl3 gl3_one(void) { gl3 r = {{1, 0, 0}}; return r; }
static inline gl3 gl3_from_base(uint64_t a) { gl3 r = {{a, 0, 0}}; return r; }
static inline bool gl3_eq(gl3 a, gl3 b) { return a.c[0] == b.c[0] && a.c[1] == b.c[1] && a.c[2] == b.c[2]; }
static inline bool gl3_is_zero(gl3 a) { return (a.c[0] | a.c[1] | a.c[2]) == 0; }

static inline gl3 gl3_add(gl3 a, gl3 b)
{
    gl3 r = {{gl_add(a.c[0], b.c[0]), gl_add(a.c[1], b.c[1]), gl_add(a.c[2], b.c[2])}};
    return r;
}

static inline gl3 gl3_sub(gl3 a, gl3 b)
{
    gl3 r = {{gl_sub(a.c[0], b.c[0]), gl_sub(a.c[1], b.c[1]), gl_sub(a.c[2], b.c[2])}};
    return r;
}

static inline gl3 gl3_neg(gl3 a)
{
    gl3 r = {{gl_neg(a.c[0]), gl_neg(a.c[1]), gl_neg(a.c[2])}};
    return r;
}

static inline gl3 gl3_add_base(gl3 a, uint64_t b)
{
    a.c[0] = gl_add(a.c[0], b);
    return a;
}

static inline gl3 gl3_mul_base(gl3 a, uint64_t b)
{
    gl3 r = {{gl_mul(a.c[0], b), gl_mul(a.c[1], b), gl_mul(a.c[2], b)}};
    return r;
}

/* Sum of two products, reduced once: a*b + c*d with all inputs < p fits 129 bits, so the
 * sum is split to avoid overflow. */
static inline uint64_t gl_mul2_add(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    return gl_add(gl_mul(a, b), gl_mul(c, d));
}

/* (a0 + a1 X + a2 X^2)(b0 + b1 X + b2 X^2) with X^3 = X + 1, X^4 = X^2 + X. Karatsuba-style
 * sharing is not worth it at 64-bit limbs: nine products, five reductions of sums. */
static inline gl3 gl3_mul(gl3 a, gl3 b)
{
    uint64_t c0 = gl_mul(a.c[0], b.c[0]);
    uint64_t c1 = gl_mul2_add(a.c[0], b.c[1], a.c[1], b.c[0]);
    uint64_t c2 = gl_add(gl_mul2_add(a.c[0], b.c[2], a.c[1], b.c[1]), gl_mul(a.c[2], b.c[0]));
    uint64_t c3 = gl_mul2_add(a.c[1], b.c[2], a.c[2], b.c[1]);
    uint64_t c4 = gl_mul(a.c[2], b.c[2]);
    gl3 r = {{gl_add(c0, c3), gl_add(gl_add(c1, c3), c4), gl_add(c2, c4)}};
    return r;
}

static inline gl3 gl3_sqr(gl3 a) { return gl3_mul(a, a); }

/* Lazy dot products: sum of up to 2^32 products a_i·b_i kept as a 192-bit integer and
 * reduced once. 2^128 = -2^32 (mod p). */
typedef struct gl_acc {
    unsigned __int128 lo;
    uint64_t hi;
} gl_acc;

static inline void gl_acc_mul_add(gl_acc *acc, uint64_t a, uint64_t b)
{
    unsigned __int128 prod = (unsigned __int128)a * b;
    acc->lo += prod;
    acc->hi += acc->lo < prod;
}

static inline uint64_t gl_acc_reduce(const gl_acc *acc)
{
    return gl_add(gl_reduce128(acc->lo), gl_mul(gl_from_u64(acc->hi), GL_P - 0x100000000ull));
}

/* Three accumulators: sum of ext·base products. */
typedef struct gl3_acc {
    gl_acc c[3];
} gl3_acc;

static inline void gl3_acc_mul_add_base(gl3_acc *acc, gl3 a, uint64_t b)
{
    gl_acc_mul_add(&acc->c[0], a.c[0], b);
    gl_acc_mul_add(&acc->c[1], a.c[1], b);
    gl_acc_mul_add(&acc->c[2], a.c[2], b);
}

static inline gl3 gl3_acc_reduce(const gl3_acc *acc)
{
    gl3 r = {{gl_acc_reduce(&acc->c[0]), gl_acc_reduce(&acc->c[1]), gl_acc_reduce(&acc->c[2])}};
    return r;
}

gl3 gl3_pow(gl3 a, const uint64_t e[3]); /* e is a little-endian 192-bit exponent */
/* Inverse of a nonzero element; gl3_inv(0) returns 0. */
gl3 gl3_inv(gl3 a);

/* Replaces v[i] by 1/v[i] for i < n (Montgomery's trick); zeros stay zero.
 * `tmp` must hold n elements. */
void gl_batch_inv(uint64_t *v, uint64_t *tmp, size_t n);
void gl3_batch_inv(gl3 *v, gl3 *tmp, size_t n);

#endif
