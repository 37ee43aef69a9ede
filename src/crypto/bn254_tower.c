/* bn254_tower.c — the Fp6 and Fp12 extensions of BN254 (see bn254_field.h for the tower).
 *
 * Frobenius: write an Fp12 element as sum_k g_k w^k (k = 0..5, g_k in Fp2, w^6 = xi). Then
 * (g w^k)^(p^n) = g^(p^n) * w^k * xi^(k (p^n - 1) / 6), so each power of the Frobenius is a
 * conjugation (odd n) and a multiplication of g_k by the constant gamma_{n,k} = xi^(k(p^n-1)/6).
 * In the tower layout g_0 = c0.c0, g_2 = c0.c1, g_4 = c0.c2, g_1 = c1.c0, g_3 = c1.c1, g_5 = c1.c2.
 * The constants below were derived with exact integer arithmetic and are in Montgomery form.
 */
#include "bn254_field.h"

#include <string.h>

#define FP(a, b, c, d) {{a##ULL, b##ULL, c##ULL, d##ULL}}

/* gamma_{1,k} = xi^(k(p-1)/6), k = 1..5 */
static const bn254_fp2 GAMMA1[5] = {
    {FP(0xaf9ba69633144907, 0xca6b1d7387afb78a, 0x11bded5ef08a2087, 0x02f34d751a1f3a7c),
     FP(0xa222ae234c492d72, 0xd00f02a4565de15b, 0xdc2ff3a253dfc926, 0x10a75716b3899551)},
    {FP(0xb5773b104563ab30, 0x347f91c8a9aa6454, 0x7a007127242e0991, 0x1956bcd8118214ec),
     FP(0x6e849f1ea0aa4757, 0xaa1c7b6d89f89141, 0xb6e713cdfae0ca3a, 0x26694fbb4e82ebc3)},
    {FP(0xe4bbdd0c2936b629, 0xbb30f162e133bacb, 0x31a9d1b6f9645366, 0x253570bea500f8dd),
     FP(0xa1d77ce45ffe77c7, 0x07affd117826d1db, 0x6d16bd27bb7edc6b, 0x2c87200285defecc)},
    {FP(0x7361d77f843abe92, 0xa5bb2bd3273411fb, 0x9c941f314b3e2399, 0x15df9cddbb9fd3ec),
     FP(0x5dddfd154bd8c949, 0x62cb29a5a4445b60, 0x37bc870a0c7dd2b9, 0x24830a9d3171f0fd)},
    {FP(0xc970692f41690fe7, 0xe240342127694b0b, 0x32bee66b83c459e8, 0x12aabced0ab08841),
     FP(0x0d485d2340aebfa9, 0x05193418ab2fcc57, 0xd3b0a40b8a4910f5, 0x2f21ebb535d2925a)},
};

/* gamma_{2,k} = xi^(k(p^2-1)/6), k = 1..5; these lie in Fp. */
static const bn254_fp GAMMA2[5] = {
    FP(0xca8d800500fa1bf2, 0xf0c5d61468b39769, 0x0e201271ad0d4418, 0x04290f65bad856e6),
    FP(0x3350c88e13e80b9c, 0x7dce557cdb5e56b9, 0x6001b4b8b615564a, 0x2682e617020217e0),
    FP(0x68c3488912edefaa, 0x8d087f6872aabf4f, 0x51e1a24709081231, 0x2259d6b14729c0fa),
    FP(0x71930c11d782e155, 0xa6bb947cffbe3323, 0xaa303344d4741444, 0x2c3b3f0d26594943),
    FP(0x08cfc388c494f1ab, 0x19b315148d1373d4, 0x584e90fdcb6c0213, 0x09e1685bdf2f8849),
};

/* gamma_{3,k} = xi^(k(p^3-1)/6), k = 1..5 */
static const bn254_fp2 GAMMA3[5] = {
    {FP(0x365316184e46d97d, 0x0af7129ed4c96d9f, 0x659da72fca1009b5, 0x08116d8983a20d23),
     FP(0xb1df4af7c39c1939, 0x3d9f02878a73bf7f, 0x9b2220928caf0ae0, 0x26684515eff054a6)},
    {FP(0xc9af22f716ad6bad, 0xb311782a4aa662b2, 0x19eeaf64e248c7f4, 0x20273e77e3439f82),
     FP(0xacc02860f7ce93ac, 0x3933d5817ba76b4c, 0x69e6188b446c8467, 0x0a46036d4417cc55)},
    {FP(0x5764af0aaf46471e, 0xdc50792e873e0fc1, 0x86a673ff881d04f6, 0x0b2eddb43c30a74c),
     FP(0x9a490f32787e8580, 0x8fd16d7ff04af8b1, 0x4b39888ec6027bf2, 0x03dd2e705b52a15d)},
    {FP(0x448a93a57b6762df, 0xbfd62df528fdeadf, 0xd858f5d00e9bd47a, 0x06b03d4d3476ec58),
     FP(0x2b19daf4bcc936d1, 0xa1a54e7a56f4299f, 0xb533eee05adeaef1, 0x170c812b84dda0b2)},
    {FP(0xe0bc4b2275cf559f, 0xc238b945c154e60f, 0x803982a5929a7d5e, 0x15ce052df7e4a37e),
     FP(0x2d28efbdbf3799a7, 0x9b097e3c1ad60773, 0x982d4113af4a535b, 0x24e18991e3056063)},
};

/* The twist Frobenius constants are gamma_{1,2}, gamma_{1,3} and gamma_{2,2}. */
const bn254_fp2 BN254_FROB_TWIST_X1 = {
    FP(0xb5773b104563ab30, 0x347f91c8a9aa6454, 0x7a007127242e0991, 0x1956bcd8118214ec),
    FP(0x6e849f1ea0aa4757, 0xaa1c7b6d89f89141, 0xb6e713cdfae0ca3a, 0x26694fbb4e82ebc3)};
const bn254_fp2 BN254_FROB_TWIST_Y1 = {
    FP(0xe4bbdd0c2936b629, 0xbb30f162e133bacb, 0x31a9d1b6f9645366, 0x253570bea500f8dd),
    FP(0xa1d77ce45ffe77c7, 0x07affd117826d1db, 0x6d16bd27bb7edc6b, 0x2c87200285defecc)};
const bn254_fp BN254_FROB_TWIST_X2 =
    FP(0x3350c88e13e80b9c, 0x7dce557cdb5e56b9, 0x6001b4b8b615564a, 0x2682e617020217e0);

/* ---------------------------------------------------------------- Fp6 */

void bn254_fp6_zero(bn254_fp6 *r) { memset(r, 0, sizeof *r); }

void bn254_fp6_one(bn254_fp6 *r) {
    bn254_fp6_zero(r);
    bn254_fp2_one(&r->c0);
}

void bn254_fp6_add(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp6 *b) {
    bn254_fp2_add(&r->c0, &a->c0, &b->c0);
    bn254_fp2_add(&r->c1, &a->c1, &b->c1);
    bn254_fp2_add(&r->c2, &a->c2, &b->c2);
}

void bn254_fp6_sub(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp6 *b) {
    bn254_fp2_sub(&r->c0, &a->c0, &b->c0);
    bn254_fp2_sub(&r->c1, &a->c1, &b->c1);
    bn254_fp2_sub(&r->c2, &a->c2, &b->c2);
}

void bn254_fp6_neg(bn254_fp6 *r, const bn254_fp6 *a) {
    bn254_fp2_neg(&r->c0, &a->c0);
    bn254_fp2_neg(&r->c1, &a->c1);
    bn254_fp2_neg(&r->c2, &a->c2);
}

/* Karatsuba over the three coefficients (6 Fp2 multiplications). */
/* The Karatsuba cross term x0 y1 + x1 y0 = (x0 + x1)(y0 + y1) - t0 - t1, given the products
 * t0 = x0 y0 and t1 = x1 y1: one multiplication instead of two. */
static inline void fp2_karatsuba_cross(bn254_fp2 *r, const bn254_fp2 *x0, const bn254_fp2 *x1, const bn254_fp2 *y0,
                                       const bn254_fp2 *y1, const bn254_fp2 *t0, const bn254_fp2 *t1) {
    bn254_fp2 s, u;
    bn254_fp2_add(&s, x0, x1);
    bn254_fp2_add(&u, y0, y1);
    bn254_fp2_mul(&s, &s, &u);
    bn254_fp2_sub(&s, &s, t0);
    bn254_fp2_sub(r, &s, t1);
}

void bn254_fp6_mul(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp6 *b) {
    bn254_fp2 t0, t1, t2, s, u, c0, c1, c2;
    bn254_fp2_mul(&t0, &a->c0, &b->c0);
    bn254_fp2_mul(&t1, &a->c1, &b->c1);
    bn254_fp2_mul(&t2, &a->c2, &b->c2);

    /* c0 = t0 + xi ((a1 + a2)(b1 + b2) - t1 - t2) */
    fp2_karatsuba_cross(&s, &a->c1, &a->c2, &b->c1, &b->c2, &t1, &t2);
    bn254_fp2_mul_xi(&s, &s);
    bn254_fp2_add(&c0, &s, &t0);

    /* c1 = (a0 + a1)(b0 + b1) - t0 - t1 + xi t2 */
    fp2_karatsuba_cross(&s, &a->c0, &a->c1, &b->c0, &b->c1, &t0, &t1);
    bn254_fp2_mul_xi(&u, &t2);
    bn254_fp2_add(&c1, &s, &u);

    /* c2 = (a0 + a2)(b0 + b2) - t0 - t2 + t1 */
    fp2_karatsuba_cross(&s, &a->c0, &a->c2, &b->c0, &b->c2, &t0, &t2);
    bn254_fp2_add(&c2, &s, &t1);

    r->c0 = c0;
    r->c1 = c1;
    r->c2 = c2;
}

/* (a0 + a1 v + a2 v^2) v = xi a2 + a0 v + a1 v^2 */
void bn254_fp6_mul_v(bn254_fp6 *r, const bn254_fp6 *a) {
    bn254_fp2 t;
    bn254_fp2_mul_xi(&t, &a->c2);
    r->c2 = a->c1;
    r->c1 = a->c0;
    r->c0 = t;
}

/* a * (b0 + b1 v), the shape of the w-part of a line value (5 Fp2 multiplications). */
static void fp6_mul_01(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp2 *b0, const bn254_fp2 *b1) {
    bn254_fp2 t0, t1, s, c0, c1, c2;
    bn254_fp2_mul(&t0, &a->c0, b0);
    bn254_fp2_mul(&t1, &a->c1, b1);

    /* c0 = a0 b0 + xi a2 b1 */
    bn254_fp2_mul(&s, &a->c2, b1);
    bn254_fp2_mul_xi(&s, &s);
    bn254_fp2_add(&c0, &s, &t0);

    /* c1 = a0 b1 + a1 b0 = (a0 + a1)(b0 + b1) - t0 - t1 */
    fp2_karatsuba_cross(&c1, &a->c0, &a->c1, b0, b1, &t0, &t1);

    /* c2 = a1 b1 + a2 b0 */
    bn254_fp2_mul(&s, &a->c2, b0);
    bn254_fp2_add(&c2, &s, &t1);

    r->c0 = c0;
    r->c1 = c1;
    r->c2 = c2;
}

static void fp6_mul_fp2(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp2 *b) {
    bn254_fp2_mul(&r->c0, &a->c0, b);
    bn254_fp2_mul(&r->c1, &a->c1, b);
    bn254_fp2_mul(&r->c2, &a->c2, b);
}

/* Inverse via the adjugate: with
 *   A = a0^2 - xi a1 a2,  B = xi a2^2 - a0 a1,  C = a1^2 - a0 a2,
 * a * (A + B v + C v^2) = a0 A + xi (a2 B + a1 C), an element of Fp2. */
void bn254_fp6_inv(bn254_fp6 *r, const bn254_fp6 *a) {
    bn254_fp2 A, B, C, t, n;
    bn254_fp2_sqr(&A, &a->c0);
    bn254_fp2_mul(&t, &a->c1, &a->c2);
    bn254_fp2_mul_xi(&t, &t);
    bn254_fp2_sub(&A, &A, &t);

    bn254_fp2_sqr(&B, &a->c2);
    bn254_fp2_mul_xi(&B, &B);
    bn254_fp2_mul(&t, &a->c0, &a->c1);
    bn254_fp2_sub(&B, &B, &t);

    bn254_fp2_sqr(&C, &a->c1);
    bn254_fp2_mul(&t, &a->c0, &a->c2);
    bn254_fp2_sub(&C, &C, &t);

    bn254_fp2_mul(&n, &a->c2, &B);
    bn254_fp2_mul(&t, &a->c1, &C);
    bn254_fp2_add(&n, &n, &t);
    bn254_fp2_mul_xi(&n, &n);
    bn254_fp2_mul(&t, &a->c0, &A);
    bn254_fp2_add(&n, &n, &t);
    bn254_fp2_inv(&n, &n);

    bn254_fp2_mul(&r->c0, &A, &n);
    bn254_fp2_mul(&r->c1, &B, &n);
    bn254_fp2_mul(&r->c2, &C, &n);
}

/* ---------------------------------------------------------------- Fp12 */

void bn254_fp12_one(bn254_fp12 *r) {
    bn254_fp6_one(&r->c0);
    bn254_fp6_zero(&r->c1);
}

bool bn254_fp12_eq(const bn254_fp12 *a, const bn254_fp12 *b) {
    const bn254_fp2 *x = &a->c0.c0, *y = &b->c0.c0;
    /* the struct is six consecutive Fp2 values */
    for (int i = 0; i < 6; i++) {
        if (!bn254_fp2_eq(&x[i], &y[i])) return false;
    }
    return true;
}

bool bn254_fp12_is_one(const bn254_fp12 *a) {
    bn254_fp12 one;
    bn254_fp12_one(&one);
    return bn254_fp12_eq(a, &one);
}

/* Karatsuba: (a0 + a1 w)(b0 + b1 w) = (a0 b0 + v a1 b1) + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) w */
void bn254_fp12_mul(bn254_fp12 *r, const bn254_fp12 *a, const bn254_fp12 *b) {
    bn254_fp6 t0, t1, s, u;
    bn254_fp6_mul(&t0, &a->c0, &b->c0);
    bn254_fp6_mul(&t1, &a->c1, &b->c1);
    bn254_fp6_add(&s, &a->c0, &a->c1);
    bn254_fp6_add(&u, &b->c0, &b->c1);
    bn254_fp6_mul(&s, &s, &u);
    bn254_fp6_sub(&s, &s, &t0);
    bn254_fp6_sub(&r->c1, &s, &t1);
    bn254_fp6_mul_v(&t1, &t1);
    bn254_fp6_add(&r->c0, &t0, &t1);
}

/* Complex squaring: with t = a0 a1,
 * (a0 + a1 w)^2 = ((a0 + a1)(a0 + v a1) - t - v t) + 2 t w */
void bn254_fp12_sqr(bn254_fp12 *r, const bn254_fp12 *a) {
    bn254_fp6 t, s, u;
    bn254_fp6_mul(&t, &a->c0, &a->c1);
    bn254_fp6_add(&s, &a->c0, &a->c1);
    bn254_fp6_mul_v(&u, &a->c1);
    bn254_fp6_add(&u, &u, &a->c0);
    bn254_fp6_mul(&s, &s, &u);
    bn254_fp6_sub(&s, &s, &t);
    bn254_fp6_mul_v(&u, &t);
    bn254_fp6_sub(&r->c0, &s, &u);
    bn254_fp6_add(&r->c1, &t, &t);
}

/* The line is L0 + L1 w with L0 = (l0, 0, 0) and L1 = (l1, l3, 0) in Fp6:
 * a L = a0 L0 + v a1 L1 + ((a0 + a1)(L0 + L1) - a0 L0 - a1 L1) w. 13 Fp2 multiplications. */
void bn254_fp12_mul_line(bn254_fp12 *r, const bn254_fp12 *a, const bn254_fp2 *l0, const bn254_fp2 *l1,
                         const bn254_fp2 *l3) {
    bn254_fp6 t0, t1, s;
    bn254_fp2 m;
    fp6_mul_fp2(&t0, &a->c0, l0);
    fp6_mul_01(&t1, &a->c1, l1, l3);
    bn254_fp6_add(&s, &a->c0, &a->c1);
    bn254_fp2_add(&m, l0, l1);
    fp6_mul_01(&s, &s, &m, l3);
    bn254_fp6_sub(&s, &s, &t0);
    bn254_fp6_sub(&r->c1, &s, &t1);
    bn254_fp6_mul_v(&t1, &t1);
    bn254_fp6_add(&r->c0, &t0, &t1);
}

void bn254_fp12_conj(bn254_fp12 *r, const bn254_fp12 *a) {
    r->c0 = a->c0;
    bn254_fp6_neg(&r->c1, &a->c1);
}

/* (a0 + a1 w)^-1 = (a0 - a1 w) / (a0^2 - v a1^2) */
void bn254_fp12_inv(bn254_fp12 *r, const bn254_fp12 *a) {
    bn254_fp6 t0, t1;
    bn254_fp6_mul(&t0, &a->c0, &a->c0);
    bn254_fp6_mul(&t1, &a->c1, &a->c1);
    bn254_fp6_mul_v(&t1, &t1);
    bn254_fp6_sub(&t0, &t0, &t1);
    bn254_fp6_inv(&t0, &t0);
    bn254_fp6_mul(&r->c0, &a->c0, &t0);
    bn254_fp6_mul(&r->c1, &a->c1, &t0);
    bn254_fp6_neg(&r->c1, &r->c1);
}

void bn254_fp12_frobenius(bn254_fp12 *r, const bn254_fp12 *a, int n) {
    /* g[k] points at the coefficient of w^k */
    bn254_fp2 g[6] = {a->c0.c0, a->c1.c0, a->c0.c1, a->c1.c1, a->c0.c2, a->c1.c2};
    if (n & 1) {
        for (int k = 0; k < 6; k++) bn254_fp2_conj(&g[k], &g[k]);
    }
    for (int k = 1; k < 6; k++) {
        if (n == 1) {
            bn254_fp2_mul(&g[k], &g[k], &GAMMA1[k - 1]);
        } else if (n == 2) {
            bn254_fp2_mul_fp(&g[k], &g[k], &GAMMA2[k - 1]);
        } else {
            bn254_fp2_mul(&g[k], &g[k], &GAMMA3[k - 1]);
        }
    }
    r->c0.c0 = g[0];
    r->c1.c0 = g[1];
    r->c0.c1 = g[2];
    r->c1.c1 = g[3];
    r->c0.c2 = g[4];
    r->c1.c2 = g[5];
}

/* (x0 + x1 s)^2 in Fp4 = Fp2[s]/(s^2 - xi): returns (x0^2 + xi x1^2, 2 x0 x1). */
static void fp4_sqr(bn254_fp2 *r0, bn254_fp2 *r1, const bn254_fp2 *x0, const bn254_fp2 *x1) {
    bn254_fp2 t0, t1, s;
    bn254_fp2_sqr(&t0, x0);
    bn254_fp2_sqr(&t1, x1);
    bn254_fp2_add(&s, x0, x1);
    bn254_fp2_sqr(&s, &s);
    bn254_fp2_sub(&s, &s, &t0);
    bn254_fp2_sub(r1, &s, &t1);
    bn254_fp2_mul_xi(&t1, &t1);
    bn254_fp2_add(r0, &t0, &t1);
}

/* Granger–Scott. With s = w^3 (s^2 = xi), an Fp12 element is A + B w + C w^2 over
 * Fp4 = Fp2[s]: A = g0 + g3 s, B = g1 + g4 s, C = g2 + g5 s. For a in the cyclotomic subgroup
 *   a^2 = (3 A^2 - 2 conj(A)) + (3 s C^2 + 2 conj(B)) w + (3 B^2 - 2 conj(C)) w^2,
 * conj being s -> -s. */
void bn254_fp12_cyclotomic_sqr(bn254_fp12 *r, const bn254_fp12 *a) {
    const bn254_fp2 *g0 = &a->c0.c0, *g1 = &a->c1.c0, *g2 = &a->c0.c1;
    const bn254_fp2 *g3 = &a->c1.c1, *g4 = &a->c0.c2, *g5 = &a->c1.c2;
    bn254_fp2 a0, a1, b0, b1, c0, c1, t;
    bn254_fp2 h0, h1, h2, h3, h4, h5;
    fp4_sqr(&a0, &a1, g0, g3);
    fp4_sqr(&b0, &b1, g1, g4);
    fp4_sqr(&c0, &c1, g2, g5);

    /* A' = 3 A^2 - 2 conj(A): (3 a0 - 2 g0, 3 a1 + 2 g3) */
    bn254_fp2_sub(&t, &a0, g0);
    bn254_fp2_dbl(&t, &t);
    bn254_fp2_add(&h0, &t, &a0);
    bn254_fp2_add(&t, &a1, g3);
    bn254_fp2_dbl(&t, &t);
    bn254_fp2_add(&h3, &t, &a1);

    /* B' = 3 s C^2 + 2 conj(B); s (c0 + c1 s) = xi c1 + c0 s: (3 xi c1 + 2 g1, 3 c0 - 2 g4) */
    bn254_fp2 xc1;
    bn254_fp2_mul_xi(&xc1, &c1);
    bn254_fp2_add(&t, &xc1, g1);
    bn254_fp2_dbl(&t, &t);
    bn254_fp2_add(&h1, &t, &xc1);
    bn254_fp2_sub(&t, &c0, g4);
    bn254_fp2_dbl(&t, &t);
    bn254_fp2_add(&h4, &t, &c0);

    /* C' = 3 B^2 - 2 conj(C): (3 b0 - 2 g2, 3 b1 + 2 g5) */
    bn254_fp2_sub(&t, &b0, g2);
    bn254_fp2_dbl(&t, &t);
    bn254_fp2_add(&h2, &t, &b0);
    bn254_fp2_add(&t, &b1, g5);
    bn254_fp2_dbl(&t, &t);
    bn254_fp2_add(&h5, &t, &b1);

    r->c0.c0 = h0;
    r->c1.c0 = h1;
    r->c0.c1 = h2;
    r->c1.c1 = h3;
    r->c0.c2 = h4;
    r->c1.c2 = h5;
}
