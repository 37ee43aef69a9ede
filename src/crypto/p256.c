/* p256.c — ECDSA verification on NIST P-256 (SEC 1 §4.1.4, FIPS 186-5 §6.4.2), written from the
 * standards.
 *
 * Arithmetic modulo p and modulo n uses one generic Montgomery implementation over four 64-bit
 * limbs (little-endian limb order), R = 2^256. Points are Jacobian (X : Y : Z) with X, Y, Z in
 * Montgomery form; Z = 0 is the point at infinity. The curve has a = -3, which the doubling
 * formula exploits. u1·G + u2·Q is computed by Straus' method with 4-bit windows: 256 doublings
 * and at most 128 additions. Variable time (public inputs only). Freestanding.
 */
#include "p256.h"

#include <stdbool.h>
#include <string.h>

typedef unsigned __int128 u128;

typedef struct fe {
    uint64_t v[4]; /* v[0] least significant */
} fe;

typedef struct mont_modulus {
    fe m;
    uint64_t m0inv; /* -m^-1 mod 2^64 */
    fe r2;          /* R^2 mod m: converts into Montgomery form */
    fe one;         /* R mod m: 1 in Montgomery form */
} mont_modulus;

/* Generated with Python from p and n (pow(m, -1, 2**64), pow(2, 512, m), pow(2, 256, m)). */
static const mont_modulus P256_P = {
    {{0xffffffffffffffffull, 0x00000000ffffffffull, 0x0000000000000000ull, 0xffffffff00000001ull}},
    0x0000000000000001ull,
    {{0x0000000000000003ull, 0xfffffffbffffffffull, 0xfffffffffffffffeull, 0x00000004fffffffdull}},
    {{0x0000000000000001ull, 0xffffffff00000000ull, 0xffffffffffffffffull, 0x00000000fffffffeull}},
};
static const mont_modulus P256_N = {
    {{0xf3b9cac2fc632551ull, 0xbce6faada7179e84ull, 0xffffffffffffffffull, 0xffffffff00000000ull}},
    0xccd1c8aaee00bc4full,
    {{0x83244c95be79eea2ull, 0x4699799c49bd6fa6ull, 0x2845b2392b6bec59ull, 0x66e12d94f3d95620ull}},
    {{0x0c46353d039cdaafull, 0x4319055258e8617bull, 0x0000000000000000ull, 0x00000000ffffffffull}},
};
static const fe P256_B = {{0x3bce3c3e27d2604bull, 0x651d06b0cc53b0f6ull, 0xb3ebbd55769886bcull, 0x5ac635d8aa3a93e7ull}};
static const fe P256_GX = {{0xf4a13945d898c296ull, 0x77037d812deb33a0ull, 0xf8bce6e563a440f2ull, 0x6b17d1f2e12c4247ull}};
static const fe P256_GY = {{0xcbb6406837bf51f5ull, 0x2bce33576b315eceull, 0x8ee7eb4a7c0f9e16ull, 0x4fe342e2fe1a7f9bull}};

/* --- 256-bit integers ----------------------------------------------------------------------------- */

static void fe_from_be(fe *out, const uint8_t b[32])
{
    for (int i = 0; i < 4; i++) {
        uint64_t w = 0;
        for (int k = 0; k < 8; k++)
            w = w << 8 | b[8 * (3 - i) + k];
        out->v[i] = w;
    }
}

static bool fe_is_zero(const fe *a) { return (a->v[0] | a->v[1] | a->v[2] | a->v[3]) == 0; }

static bool fe_eq(const fe *a, const fe *b)
{
    return ((a->v[0] ^ b->v[0]) | (a->v[1] ^ b->v[1]) | (a->v[2] ^ b->v[2]) | (a->v[3] ^ b->v[3])) == 0;
}

/* a < b as integers */
static bool fe_lt(const fe *a, const fe *b)
{
    for (int i = 3; i >= 0; i--)
        if (a->v[i] != b->v[i])
            return a->v[i] < b->v[i];
    return false;
}

/* out = a - b, returns the borrow */
static uint64_t fe_sub_raw(fe *out, const fe *a, const fe *b)
{
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        u128 d = (u128)a->v[i] - b->v[i] - borrow;
        out->v[i] = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
    }
    return borrow;
}

/* out = a + b, returns the carry */
static uint64_t fe_add_raw(fe *out, const fe *a, const fe *b)
{
    uint64_t carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)a->v[i] + b->v[i] + carry;
        out->v[i] = (uint64_t)s;
        carry = (uint64_t)(s >> 64);
    }
    return carry;
}

/* --- arithmetic modulo m (inputs < m) ------------------------------------------------------------- */

static void mod_add(fe *out, const fe *a, const fe *b, const mont_modulus *M)
{
    fe t;
    uint64_t carry = fe_add_raw(&t, a, b);
    if (carry || !fe_lt(&t, &M->m))
        fe_sub_raw(&t, &t, &M->m);
    *out = t;
}

static void mod_sub(fe *out, const fe *a, const fe *b, const mont_modulus *M)
{
    fe t;
    if (fe_sub_raw(&t, a, b))
        fe_add_raw(&t, &t, &M->m);
    *out = t;
}

/* out = a·b·R^-1 mod m (CIOS Montgomery multiplication). out may alias a or b. */
static void mont_mul(fe *out, const fe *a, const fe *b, const mont_modulus *M)
{
    uint64_t t[6] = {0};
    for (int i = 0; i < 4; i++) {
        uint64_t c = 0;
        for (int j = 0; j < 4; j++) {
            u128 x = (u128)a->v[j] * b->v[i] + t[j] + c;
            t[j] = (uint64_t)x;
            c = (uint64_t)(x >> 64);
        }
        u128 x = (u128)t[4] + c;
        t[4] = (uint64_t)x;
        t[5] = (uint64_t)(x >> 64);

        uint64_t q = t[0] * M->m0inv;
        x = (u128)q * M->m.v[0] + t[0];
        c = (uint64_t)(x >> 64);
        for (int j = 1; j < 4; j++) {
            x = (u128)q * M->m.v[j] + t[j] + c;
            t[j - 1] = (uint64_t)x;
            c = (uint64_t)(x >> 64);
        }
        x = (u128)t[4] + c;
        t[3] = (uint64_t)x;
        t[4] = t[5] + (uint64_t)(x >> 64);
    }
    fe r = {{t[0], t[1], t[2], t[3]}};
    if (t[4] || !fe_lt(&r, &M->m))
        fe_sub_raw(&r, &r, &M->m);
    *out = r;
}

static void to_mont(fe *out, const fe *a, const mont_modulus *M) { mont_mul(out, a, &M->r2, M); }

static void from_mont(fe *out, const fe *a, const mont_modulus *M)
{
    static const fe one = {{1, 0, 0, 0}};
    mont_mul(out, a, &one, M);
}

/* out = a^-1 (Montgomery form in and out; a != 0) by Fermat: a^(m-2). */
static void mont_inv(fe *out, const fe *a, const mont_modulus *M)
{
    fe e = M->m;
    e.v[0] -= 2; /* m[0] >= 2 for both moduli: no borrow */
    fe r = M->one;
    for (int i = 255; i >= 0; i--) {
        mont_mul(&r, &r, &r, M);
        if ((e.v[i / 64] >> (i % 64)) & 1)
            mont_mul(&r, &r, a, M);
    }
    *out = r;
}

/* --- points --------------------------------------------------------------------------------------- */

typedef struct point {
    fe x, y, z; /* Jacobian, Montgomery form mod p; z = 0 is infinity */
} point;

#define FMUL(o, a, b) mont_mul((o), (a), (b), &P256_P)
#define FADD(o, a, b) mod_add((o), (a), (b), &P256_P)
#define FSUB(o, a, b) mod_sub((o), (a), (b), &P256_P)

/* 2·P with a = -3 (dbl-2001-b): delta = Z², gamma = Y², beta = X·gamma,
 * alpha = 3(X - delta)(X + delta); X3 = alpha² - 8 beta; Z3 = (Y + Z)² - gamma - delta;
 * Y3 = alpha(4 beta - X3) - 8 gamma². Infinity stays infinity (Z3 = Y² - Y² = 0 when Z = 0). */
static void point_double(point *out, const point *p)
{
    fe delta, gamma, beta, alpha, t, u;
    FMUL(&delta, &p->z, &p->z);
    FMUL(&gamma, &p->y, &p->y);
    FMUL(&beta, &p->x, &gamma);
    FSUB(&t, &p->x, &delta);
    FADD(&u, &p->x, &delta);
    FMUL(&t, &t, &u);
    FADD(&alpha, &t, &t);
    FADD(&alpha, &alpha, &t);
    point r;
    FADD(&t, &beta, &beta);   /* 2 beta */
    FADD(&t, &t, &t);         /* 4 beta */
    FADD(&u, &t, &t);         /* 8 beta */
    FMUL(&r.x, &alpha, &alpha);
    FSUB(&r.x, &r.x, &u);
    FADD(&r.z, &p->y, &p->z);
    FMUL(&r.z, &r.z, &r.z);
    FSUB(&r.z, &r.z, &gamma);
    FSUB(&r.z, &r.z, &delta);
    FSUB(&t, &t, &r.x);       /* 4 beta - X3 */
    FMUL(&r.y, &alpha, &t);
    FMUL(&u, &gamma, &gamma); /* gamma² */
    FADD(&u, &u, &u);
    FADD(&u, &u, &u);
    FADD(&u, &u, &u);         /* 8 gamma² */
    FSUB(&r.y, &r.y, &u);
    *out = r;
}

/* P + Q (add-2007-bl), with the cases the formula does not cover: an operand at infinity, P = Q
 * (doubling) and P = -Q (infinity). */
static void point_add(point *out, const point *p, const point *q)
{
    if (fe_is_zero(&p->z)) {
        *out = *q;
        return;
    }
    if (fe_is_zero(&q->z)) {
        *out = *p;
        return;
    }
    fe z1z1, z2z2, u1, u2, s1, s2, h, i, j, r, v, t;
    FMUL(&z1z1, &p->z, &p->z);
    FMUL(&z2z2, &q->z, &q->z);
    FMUL(&u1, &p->x, &z2z2);
    FMUL(&u2, &q->x, &z1z1);
    FMUL(&s1, &p->y, &q->z);
    FMUL(&s1, &s1, &z2z2);
    FMUL(&s2, &q->y, &p->z);
    FMUL(&s2, &s2, &z1z1);
    FSUB(&h, &u2, &u1);
    FSUB(&r, &s2, &s1);
    if (fe_is_zero(&h)) {
        if (fe_is_zero(&r)) {
            point_double(out, p);
        } else {
            memset(out, 0, sizeof *out);
        }
        return;
    }
    FADD(&r, &r, &r);
    FADD(&i, &h, &h);
    FMUL(&i, &i, &i);   /* I = (2H)² */
    FMUL(&j, &h, &i);   /* J = H·I */
    FMUL(&v, &u1, &i);  /* V = U1·I */
    point o;
    FMUL(&o.x, &r, &r);
    FSUB(&o.x, &o.x, &j);
    FSUB(&o.x, &o.x, &v);
    FSUB(&o.x, &o.x, &v);
    FSUB(&t, &v, &o.x);
    FMUL(&o.y, &r, &t);
    FMUL(&t, &s1, &j);
    FADD(&t, &t, &t);
    FSUB(&o.y, &o.y, &t);
    FADD(&o.z, &p->z, &q->z);
    FMUL(&o.z, &o.z, &o.z);
    FSUB(&o.z, &o.z, &z1z1);
    FSUB(&o.z, &o.z, &z2z2);
    FMUL(&o.z, &o.z, &h);
    *out = o;
}

/* table[k] = k·P for k = 0..15 */
static void window_table(point table[16], const point *p)
{
    memset(&table[0], 0, sizeof table[0]);
    table[1] = *p;
    point_double(&table[2], p);
    for (int k = 3; k < 16; k++)
        point_add(&table[k], &table[k - 1], p);
}

static unsigned nibble(const fe *k, int i) { return (unsigned)(k->v[i / 16] >> (4 * (i % 16))) & 15; }

/* a·P + b·Q for plain (non-Montgomery) scalars a, b */
static void double_scalar_mul(point *out, const fe *a, const point *p, const fe *b, const point *q)
{
    point tp[16], tq[16];
    window_table(tp, p);
    window_table(tq, q);
    point acc;
    memset(&acc, 0, sizeof acc);
    for (int i = 63; i >= 0; i--) {
        for (int d = 0; d < 4; d++)
            point_double(&acc, &acc);
        unsigned na = nibble(a, i), nb = nibble(b, i);
        if (na)
            point_add(&acc, &acc, &tp[na]);
        if (nb)
            point_add(&acc, &acc, &tq[nb]);
    }
    *out = acc;
}

/* --- verification --------------------------------------------------------------------------------- */

/* Decodes and checks a public key: coordinates < p, on y² = x³ - 3x + b, not (0, 0) (which is
 * not on the curve since b != 0). */
static bool decode_public_key(point *q, const uint8_t pub[64])
{
    fe x, y;
    fe_from_be(&x, pub);
    fe_from_be(&y, pub + 32);
    if (!fe_lt(&x, &P256_P.m) || !fe_lt(&y, &P256_P.m))
        return false;
    fe xm, ym, lhs, rhs, t, b;
    to_mont(&xm, &x, &P256_P);
    to_mont(&ym, &y, &P256_P);
    to_mont(&b, &P256_B, &P256_P);
    FMUL(&lhs, &ym, &ym);
    FMUL(&rhs, &xm, &xm);
    FMUL(&rhs, &rhs, &xm);
    FADD(&t, &xm, &xm);
    FADD(&t, &t, &xm);
    FSUB(&rhs, &rhs, &t);
    FADD(&rhs, &rhs, &b);
    if (!fe_eq(&lhs, &rhs))
        return false;
    q->x = xm;
    q->y = ym;
    q->z = P256_P.one;
    return true;
}

zk_p256_result zk_p256_verify(const uint8_t hash[32], const uint8_t sig[64], const uint8_t pub[64])
{
    point q;
    if (!decode_public_key(&q, pub))
        return ZK_P256_BAD_KEY;

    fe r, s, e;
    fe_from_be(&r, sig);
    fe_from_be(&s, sig + 32);
    if (fe_is_zero(&r) || fe_is_zero(&s) || !fe_lt(&r, &P256_N.m) || !fe_lt(&s, &P256_N.m))
        return ZK_P256_INVALID;
    fe_from_be(&e, hash);
    if (!fe_lt(&e, &P256_N.m)) /* e < 2^256 < 2n: one subtraction reduces */
        fe_sub_raw(&e, &e, &P256_N.m);

    /* w = s^-1 mod n (Montgomery form); u1 = e·w, u2 = r·w. Multiplying a plain value by a
     * Montgomery one gives a plain product, which is what the scalar loop reads. */
    fe w, u1, u2;
    to_mont(&w, &s, &P256_N);
    mont_inv(&w, &w, &P256_N);
    mont_mul(&u1, &e, &w, &P256_N);
    mont_mul(&u2, &r, &w, &P256_N);

    point g, rp;
    to_mont(&g.x, &P256_GX, &P256_P);
    to_mont(&g.y, &P256_GY, &P256_P);
    g.z = P256_P.one;
    double_scalar_mul(&rp, &u1, &g, &u2, &q);
    if (fe_is_zero(&rp.z))
        return ZK_P256_INVALID;

    /* x = X / Z² (affine), then x mod n == r? */
    fe zinv, x;
    mont_inv(&zinv, &rp.z, &P256_P);
    FMUL(&zinv, &zinv, &zinv);
    FMUL(&x, &rp.x, &zinv);
    from_mont(&x, &x, &P256_P);
    if (!fe_lt(&x, &P256_N.m)) /* x < p < 2n */
        fe_sub_raw(&x, &x, &P256_N.m);
    return fe_eq(&x, &r) ? ZK_P256_VALID : ZK_P256_INVALID;
}
