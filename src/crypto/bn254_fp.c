/* bn254_fp.c — BN254 base field Fp (4 x 64-bit Montgomery) and its quadratic extension Fp2.
 *
 * Montgomery multiplication is CIOS with unsigned __int128, which compiles to mul/mulhu on rv64im.
 * p < 2^254, so sums of two reduced values never overflow 256 bits and one conditional
 * subtraction always restores a result < p.
 *
 * Limbs are copied one by one instead of with memcpy/memset: a freestanding build
 * (-ffreestanding implies -fno-builtin) turns those into calls to the guest's memcpy, which
 * used to cost more than the multiplication itself on rv64im.
 */
#include "bn254_field.h"

typedef unsigned __int128 u128;

static const bn254_fp FP_P = {{0x3c208c16d87cfd47ULL, 0x97816a916871ca8dULL, 0xb85045b68181585dULL,
                               0x30644e72e131a029ULL}};
/* -p^-1 mod 2^64 */
static const uint64_t FP_PINV = 0x87d20782e4866389ULL;
/* R = 2^256 mod p: the Montgomery form of 1. */
static const bn254_fp FP_ONE = {{0xd35d438dc58f0d9dULL, 0x0a78eb28f5c70b3dULL, 0x666ea36f7879462cULL,
                                 0x0e0a77c19a07df2fULL}};
/* R^2 mod p: multiplying by it converts into Montgomery form. */
static const bn254_fp FP_R2 = {{0xf32cfc5b538afa89ULL, 0xb5e71911d44501fbULL, 0x47ab1eff0a417ff6ULL,
                                0x06d89f71cab8351fULL}};
/* R^3 mod p: turns the plain inverse of a Montgomery representative back into Montgomery form. */
static const bn254_fp FP_R3 = {{0xb1cd6dafda1530dfULL, 0x62f210e6a7283db6ULL, 0xef7f0b0c0ada0afbULL,
                                0x20fd6e902d592544ULL}};

/* ---------------------------------------------------------------- raw 256-bit helpers */

static inline void copy256(uint64_t r[4], const uint64_t a[4]) {
    r[0] = a[0];
    r[1] = a[1];
    r[2] = a[2];
    r[3] = a[3];
}

/* r = a - b over 256 bits; returns the borrow (0 or 1). */
static uint64_t sub256(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        u128 d = (u128)a[i] - b[i] - borrow;
        r[i] = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
    }
    return borrow;
}

/* r = a + b over 256 bits; returns the carry. */
static uint64_t add256(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]) {
    uint64_t carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)a[i] + b[i] + carry;
        r[i] = (uint64_t)s;
        carry = (uint64_t)(s >> 64);
    }
    return carry;
}

/* a >= p ? (a is any 256-bit value) */
static bool geq_p(const uint64_t a[4]) {
    for (int i = 3; i >= 0; i--) {
        if (a[i] != FP_P.l[i]) return a[i] > FP_P.l[i];
    }
    return true;
}

/* Reduces a value known to be < 2p. */
static void reduce_once(uint64_t a[4]) {
    if (geq_p(a)) sub256(a, a, FP_P.l);
}

/* ---------------------------------------------------------------- Fp */

void bn254_fp_zero(bn254_fp *r) { r->l[0] = r->l[1] = r->l[2] = r->l[3] = 0; }
void bn254_fp_one(bn254_fp *r) { copy256(r->l, FP_ONE.l); }

bool bn254_fp_is_zero(const bn254_fp *a) { return (a->l[0] | a->l[1] | a->l[2] | a->l[3]) == 0; }

bool bn254_fp_eq(const bn254_fp *a, const bn254_fp *b) {
    return a->l[0] == b->l[0] && a->l[1] == b->l[1] && a->l[2] == b->l[2] && a->l[3] == b->l[3];
}

void bn254_fp_add(bn254_fp *r, const bn254_fp *a, const bn254_fp *b) {
    add256(r->l, a->l, b->l); /* < 2p < 2^255: no carry out */
    reduce_once(r->l);
}

void bn254_fp_sub(bn254_fp *r, const bn254_fp *a, const bn254_fp *b) {
    if (sub256(r->l, a->l, b->l)) add256(r->l, r->l, FP_P.l);
}

void bn254_fp_neg(bn254_fp *r, const bn254_fp *a) {
    if (bn254_fp_is_zero(a)) {
        bn254_fp_zero(r);
        return;
    }
    sub256(r->l, FP_P.l, a->l);
}

void bn254_fp_dbl(bn254_fp *r, const bn254_fp *a) { bn254_fp_add(r, a, a); }

/* a/2: Montgomery form is linear, so halving the representative halves the value. */
void bn254_fp_half(bn254_fp *r, const bn254_fp *a) {
    uint64_t t[4];
    copy256(t, a->l);
    if (t[0] & 1) add256(t, t, FP_P.l); /* a + p < 2^255, stays within 256 bits */
    for (int i = 0; i < 3; i++) t[i] = (t[i] >> 1) | (t[i + 1] << 63);
    t[3] >>= 1;
    copy256(r->l, t);
}

/* Montgomery product a*b*2^-256 mod p: CIOS with two carry chains ("no-carry" variant).
 * Each outer round computes t = (t + a*b[i] + m*p) / 2^64 with m making the low word vanish.
 * Because t < 2p < 2^255 stays true after every round, the round's true result fits in four
 * words, so its top word is exactly the sum of the two chains' final carries: the usual fifth
 * and sixth accumulator words are always zero and can be dropped (valid while p's top word is
 * below 2^63 - 1; here it is 0x30644e72e131a029). */
static inline void mont_round(uint64_t t[4], const uint64_t a[4], uint64_t bi) {
    u128 acc = (u128)a[0] * bi + t[0]; /* chain of t + a*b[i] */
    t[0] = (uint64_t)acc;
    uint64_t m = t[0] * FP_PINV;
    u128 red = (u128)m * FP_P.l[0] + t[0]; /* chain of + m*p, shifted down one word */
    for (int j = 1; j < 4; j++) {
        acc = (u128)a[j] * bi + t[j] + (uint64_t)(acc >> 64);
        t[j] = (uint64_t)acc;
        red = (u128)m * FP_P.l[j] + t[j] + (uint64_t)(red >> 64);
        t[j - 1] = (uint64_t)red;
    }
    t[3] = (uint64_t)(red >> 64) + (uint64_t)(acc >> 64);
}

void bn254_fp_mul(bn254_fp *r, const bn254_fp *a, const bn254_fp *b) {
    /* four explicit rounds: unrolled, the limbs stay in registers (about 20% fewer rv64 instructions) */
    uint64_t t[4] = {0, 0, 0, 0};
    mont_round(t, a->l, b->l[0]);
    mont_round(t, a->l, b->l[1]);
    mont_round(t, a->l, b->l[2]);
    mont_round(t, a->l, b->l[3]);
    reduce_once(t);
    copy256(r->l, t);
}

void bn254_fp_sqr(bn254_fp *r, const bn254_fp *a) { bn254_fp_mul(r, a, a); }

void bn254_fp_from_u64(bn254_fp *r, uint64_t v) {
    bn254_fp t = {{v, 0, 0, 0}};
    bn254_fp_mul(r, &t, &FP_R2); /* v < p, so v*R^2*R^-1 = v*R */
}

bool bn254_fp_from_bytes(bn254_fp *r, const uint8_t in[32]) {
    bn254_fp t;
    for (int i = 0; i < 4; i++) {
        uint64_t w = 0;
        for (int j = 0; j < 8; j++) w = (w << 8) | in[(3 - i) * 8 + j];
        t.l[i] = w;
    }
    if (geq_p(t.l)) return false;
    bn254_fp_mul(r, &t, &FP_R2);
    return true;
}

void bn254_fp_to_bytes(uint8_t out[32], const bn254_fp *a) {
    static const bn254_fp plain_one = {{1, 0, 0, 0}};
    bn254_fp t;
    bn254_fp_mul(&t, a, &plain_one); /* leaves Montgomery form */
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 8; j++) out[(3 - i) * 8 + j] = (uint8_t)(t.l[i] >> (56 - 8 * j));
    }
}

static bool is_one_plain(const uint64_t a[4]) { return a[0] == 1 && (a[1] | a[2] | a[3]) == 0; }

static void shr1(uint64_t a[4]) {
    for (int i = 0; i < 3; i++) a[i] = (a[i] >> 1) | (a[i + 1] << 63);
    a[3] >>= 1;
}

/* a >= b over 256 bits */
static bool geq256(const uint64_t a[4], const uint64_t b[4]) {
    for (int i = 3; i >= 0; i--) {
        if (a[i] != b[i]) return a[i] > b[i];
    }
    return true;
}

/* Binary extended Euclid on the representative A = a*R (variable time: all inputs are public).
 * Invariants: x1 * A == u and x2 * A == v (mod p); each round halves u or v, so it ends within
 * about 2 * 254 halvings. The plain inverse A^-1 = a^-1 R^-1 is then multiplied by R^3 in
 * Montgomery form, giving a^-1 R. About 4x faster than Fermat's a^(p-2). */
void bn254_fp_inv(bn254_fp *r, const bn254_fp *a) {
    if (bn254_fp_is_zero(a)) {
        bn254_fp_zero(r);
        return;
    }
    uint64_t u[4], v[4];
    bn254_fp x1 = {{1, 0, 0, 0}}, x2 = {{0, 0, 0, 0}};
    copy256(u, a->l);
    copy256(v, FP_P.l);
    while (!is_one_plain(u) && !is_one_plain(v)) {
        while ((u[0] & 1) == 0) {
            shr1(u);
            bn254_fp_half(&x1, &x1);
        }
        while ((v[0] & 1) == 0) {
            shr1(v);
            bn254_fp_half(&x2, &x2);
        }
        if (geq256(u, v)) {
            sub256(u, u, v);
            bn254_fp_sub(&x1, &x1, &x2);
        } else {
            sub256(v, v, u);
            bn254_fp_sub(&x2, &x2, &x1);
        }
    }
    bn254_fp_mul(r, is_one_plain(u) ? &x1 : &x2, &FP_R3);
}

/* ---------------------------------------------------------------- Fp2 */

void bn254_fp2_zero(bn254_fp2 *r) {
    bn254_fp_zero(&r->c0);
    bn254_fp_zero(&r->c1);
}

void bn254_fp2_one(bn254_fp2 *r) {
    bn254_fp_one(&r->c0);
    bn254_fp_zero(&r->c1);
}

bool bn254_fp2_is_zero(const bn254_fp2 *a) { return bn254_fp_is_zero(&a->c0) && bn254_fp_is_zero(&a->c1); }

bool bn254_fp2_eq(const bn254_fp2 *a, const bn254_fp2 *b) {
    return bn254_fp_eq(&a->c0, &b->c0) && bn254_fp_eq(&a->c1, &b->c1);
}

void bn254_fp2_add(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp2 *b) {
    bn254_fp_add(&r->c0, &a->c0, &b->c0);
    bn254_fp_add(&r->c1, &a->c1, &b->c1);
}

void bn254_fp2_sub(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp2 *b) {
    bn254_fp_sub(&r->c0, &a->c0, &b->c0);
    bn254_fp_sub(&r->c1, &a->c1, &b->c1);
}

void bn254_fp2_neg(bn254_fp2 *r, const bn254_fp2 *a) {
    bn254_fp_neg(&r->c0, &a->c0);
    bn254_fp_neg(&r->c1, &a->c1);
}

void bn254_fp2_dbl(bn254_fp2 *r, const bn254_fp2 *a) { bn254_fp2_add(r, a, a); }

void bn254_fp2_half(bn254_fp2 *r, const bn254_fp2 *a) {
    bn254_fp_half(&r->c0, &a->c0);
    bn254_fp_half(&r->c1, &a->c1);
}

/* Karatsuba: (a0 + a1 u)(b0 + b1 u) = (a0 b0 - a1 b1) + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) u */
void bn254_fp2_mul(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp2 *b) {
    bn254_fp t0, t1, sa, sb;
    bn254_fp_mul(&t0, &a->c0, &b->c0);
    bn254_fp_mul(&t1, &a->c1, &b->c1);
    bn254_fp_add(&sa, &a->c0, &a->c1);
    bn254_fp_add(&sb, &b->c0, &b->c1);
    bn254_fp_mul(&sa, &sa, &sb);
    bn254_fp_sub(&sa, &sa, &t0);
    bn254_fp_sub(&r->c1, &sa, &t1);
    bn254_fp_sub(&r->c0, &t0, &t1);
}

/* Complex squaring: (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u */
void bn254_fp2_sqr(bn254_fp2 *r, const bn254_fp2 *a) {
    bn254_fp s, d, m;
    bn254_fp_add(&s, &a->c0, &a->c1);
    bn254_fp_sub(&d, &a->c0, &a->c1);
    bn254_fp_mul(&m, &a->c0, &a->c1);
    bn254_fp_mul(&r->c0, &s, &d);
    bn254_fp_dbl(&r->c1, &m);
}

void bn254_fp2_mul_fp(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp *b) {
    bn254_fp_mul(&r->c0, &a->c0, b);
    bn254_fp_mul(&r->c1, &a->c1, b);
}

/* (a0 + a1 u)(9 + u) = (9 a0 - a1) + (a0 + 9 a1) u */
void bn254_fp2_mul_xi(bn254_fp2 *r, const bn254_fp2 *a) {
    bn254_fp n0, n1, t;
    /* 9a = 8a + a via three doublings */
    bn254_fp_dbl(&t, &a->c0);
    bn254_fp_dbl(&t, &t);
    bn254_fp_dbl(&t, &t);
    bn254_fp_add(&n0, &t, &a->c0);
    bn254_fp_dbl(&t, &a->c1);
    bn254_fp_dbl(&t, &t);
    bn254_fp_dbl(&t, &t);
    bn254_fp_add(&n1, &t, &a->c1);
    bn254_fp_sub(&n0, &n0, &a->c1);
    bn254_fp_add(&n1, &n1, &a->c0);
    r->c0 = n0;
    r->c1 = n1;
}

void bn254_fp2_conj(bn254_fp2 *r, const bn254_fp2 *a) {
    copy256(r->c0.l, a->c0.l);
    bn254_fp_neg(&r->c1, &a->c1);
}

/* (a0 + a1 u)^-1 = (a0 - a1 u) / (a0^2 + a1^2) */
void bn254_fp2_inv(bn254_fp2 *r, const bn254_fp2 *a) {
    bn254_fp n, t;
    bn254_fp_sqr(&n, &a->c0);
    bn254_fp_sqr(&t, &a->c1);
    bn254_fp_add(&n, &n, &t);
    bn254_fp_inv(&n, &n);
    bn254_fp_mul(&r->c0, &a->c0, &n);
    bn254_fp_mul(&t, &a->c1, &n);
    bn254_fp_neg(&r->c1, &t);
}
