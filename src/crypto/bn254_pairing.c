/* bn254_pairing.c — optimal ate pairing on BN254: Miller loop over 6x + 2 and final exponentiation.
 *
 * Miller loop. The running point T lives on the twist in homogeneous projective coordinates
 * (x = X/Z, y = Y/Z). A line through points of the twist, mapped to E(Fp12) by the untwist
 * (x, y) -> (x w^2, y w^3) and evaluated at P = (xP, yP) in G1, has the sparse shape
 *     l0 + l1 w + l3 w^3    with l0 = (Fp2) * yP, l1 = (Fp2) * xP, l3 in Fp2.
 * Each line is scaled by a nonzero Fp2 factor to clear denominators; such factors lie in a proper
 * subfield and are erased by the final exponentiation. Step formulas: Costello–Lange–Naehrig and
 * Aranha et al., "Faster explicit formulas for computing pairings over ordinary curves" (2011).
 *
 * Final exponentiation: (p^12 - 1)/r = (p^6 - 1)(p^2 + 1) * (p^4 - p^2 + 1)/r. The hard part uses
 * the Scott et al. vectorial addition chain, which computes exactly f^((p^4 - p^2 + 1)/r) from
 * f^x, f^(x^2), f^(x^3) and Frobenius powers (identity checked with exact integer arithmetic).
 */
#include "bn254_curve.h"

/* x = 4965661367192848881, the BN parameter (positive for BN254). */
static const uint64_t BN_X = 0x44e992b44a6909f1ULL;

/* 6x + 2 = 29793968203157093288 in non-adjacent form, most significant digit first. */
static const int8_t ATE_LOOP_NAF[66] = {
    1, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 0, -1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 1,
    0, 0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 1, 0, 0, 0, -1, 0, 0, -1, 0, 1, 0, 1, 0, 0, 0};

#define FP(a, b, c, d) {{a##ULL, b##ULL, c##ULL, d##ULL}}

/* 3 b' = 9 / (9 + u) (Montgomery form), used by the doubling step. */
static const bn254_fp2 TWIST_B3 = {
    FP(0x3baa927cb62e0d6a, 0xd71e7c52d1b664fd, 0x03873e63d95d4664, 0x0e75b5b1082ab8f4),
    FP(0xaab7c6667596fe35, 0x31d21a78bb6a27ba, 0x85dd7297680401ff, 0x03c52d6adf39a7e9)};

typedef struct miller_point { bn254_fp2 x, y, z; } miller_point;

typedef struct line { bn254_fp2 l0, l1, l3; } line;

/* T = 2T and the tangent line at T evaluated at P:
 *   A = XY/2, B = Y^2, C = Z^2, E = 3b'C, F = 3E, G = (B + F)/2, H = (Y + Z)^2 - (B + C) = 2YZ
 *   X' = A (B - F), Y' = G^2 - 3E^2, Z' = B H
 *   line * 2YZ = H yP - 3 X^2 xP w + (B - E) w^3 */
static void doubling_step(miller_point *t, line *l, const bn254_g1_affine *p) {
    bn254_fp2 A, B, C, E, F, G, H, J, s;
    bn254_fp2_mul(&A, &t->x, &t->y);
    bn254_fp2_half(&A, &A);
    bn254_fp2_sqr(&B, &t->y);
    bn254_fp2_sqr(&C, &t->z);
    bn254_fp2_mul(&E, &C, &TWIST_B3);
    bn254_fp2_dbl(&F, &E);
    bn254_fp2_add(&F, &F, &E);
    bn254_fp2_add(&G, &B, &F);
    bn254_fp2_half(&G, &G);
    bn254_fp2_add(&H, &t->y, &t->z);
    bn254_fp2_sqr(&H, &H);
    bn254_fp2_add(&s, &B, &C);
    bn254_fp2_sub(&H, &H, &s);
    bn254_fp2_sqr(&J, &t->x);

    /* line */
    bn254_fp2_mul_fp(&l->l0, &H, &p->y);
    bn254_fp2_dbl(&s, &J);
    bn254_fp2_add(&s, &s, &J);
    bn254_fp2_mul_fp(&s, &s, &p->x);
    bn254_fp2_neg(&l->l1, &s);
    bn254_fp2_sub(&l->l3, &B, &E);

    /* point */
    bn254_fp2_sub(&s, &B, &F);
    bn254_fp2_mul(&t->x, &A, &s);
    bn254_fp2_sqr(&G, &G);
    bn254_fp2_sqr(&s, &E);
    bn254_fp2_sub(&G, &G, &s);
    bn254_fp2_dbl(&s, &s);
    bn254_fp2_sub(&t->y, &G, &s);
    bn254_fp2_mul(&t->z, &B, &H);
}

/* T = T + Q (Q affine on the twist, Q != +-T) and the line through T and Q evaluated at P:
 *   theta = Y - yQ Z, lambda = X - xQ Z, C = theta^2, D = lambda^2, E = lambda^3, F = Z C,
 *   G = X D, H = E + F - 2G;  X' = lambda H, Y' = theta (G - H) - Y E, Z' = Z E
 *   line * lambda = lambda yP - theta xP w + (theta xQ - lambda yQ) w^3 */
static void addition_step(miller_point *t, line *l, const bn254_g2_affine *q, const bn254_g1_affine *p) {
    bn254_fp2 theta, lambda, C, D, E, F, G, H, s;
    bn254_fp2_mul(&s, &q->y, &t->z);
    bn254_fp2_sub(&theta, &t->y, &s);
    bn254_fp2_mul(&s, &q->x, &t->z);
    bn254_fp2_sub(&lambda, &t->x, &s);

    /* line */
    bn254_fp2_mul_fp(&l->l0, &lambda, &p->y);
    bn254_fp2_mul_fp(&s, &theta, &p->x);
    bn254_fp2_neg(&l->l1, &s);
    bn254_fp2_mul(&s, &theta, &q->x);
    bn254_fp2_mul(&l->l3, &lambda, &q->y);
    bn254_fp2_sub(&l->l3, &s, &l->l3);

    /* point */
    bn254_fp2_sqr(&C, &theta);
    bn254_fp2_sqr(&D, &lambda);
    bn254_fp2_mul(&E, &lambda, &D);
    bn254_fp2_mul(&F, &t->z, &C);
    bn254_fp2_mul(&G, &t->x, &D);
    bn254_fp2_add(&H, &E, &F);
    bn254_fp2_sub(&H, &H, &G);
    bn254_fp2_sub(&H, &H, &G);
    bn254_fp2_mul(&t->x, &lambda, &H);
    bn254_fp2_sub(&s, &G, &H);
    bn254_fp2_mul(&s, &theta, &s);
    bn254_fp2_mul(&t->y, &t->y, &E);
    bn254_fp2_sub(&t->y, &s, &t->y);
    bn254_fp2_mul(&t->z, &t->z, &E);
}

static void apply_line(bn254_fp12 *f, const line *l) { bn254_fp12_mul_line(f, f, &l->l0, &l->l1, &l->l3); }

void bn254_miller_loop_batch(bn254_fp12 *acc, const bn254_g1_affine *p, const bn254_g2_affine *q, size_t n) {
    const bn254_g1_affine *ps[BN254_MILLER_BATCH];
    bn254_g2_affine qs[BN254_MILLER_BATCH], neg_qs[BN254_MILLER_BATCH];
    miller_point t[BN254_MILLER_BATCH];
    size_t m = 0;

    /* Keep the pairs that contribute; e(O, Q) = e(P, O) = 1. */
    for (size_t i = 0; i < n && i < BN254_MILLER_BATCH; i++) {
        if (p[i].infinity || q[i].infinity) continue;
        ps[m] = &p[i];
        qs[m] = q[i];
        neg_qs[m] = q[i];
        bn254_fp2_neg(&neg_qs[m].y, &q[i].y);
        t[m].x = q[i].x;
        t[m].y = q[i].y;
        bn254_fp2_one(&t[m].z);
        m++;
    }
    if (m == 0) return;

    bn254_fp12 f;
    bn254_fp12_one(&f);
    line l;
    for (size_t i = 1; i < sizeof ATE_LOOP_NAF; i++) {
        if (i > 1) bn254_fp12_sqr(&f, &f);
        for (size_t j = 0; j < m; j++) {
            doubling_step(&t[j], &l, ps[j]);
            apply_line(&f, &l);
        }
        if (ATE_LOOP_NAF[i] == 0) continue;
        for (size_t j = 0; j < m; j++) {
            addition_step(&t[j], &l, ATE_LOOP_NAF[i] > 0 ? &qs[j] : &neg_qs[j], ps[j]);
            apply_line(&f, &l);
        }
    }

    /* The two extra lines of the optimal ate pairing: with Q1 = pi(Q) and Q2 = pi^2(Q) on the
     * twist, multiply by l_{T,Q1}(P), set T = T + Q1, then multiply by l_{T,-Q2}(P).
     * pi(x, y) = (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2));
     * pi^2(x, y) = (x xi^((p^2-1)/3), -y), so -Q2 = (x xi^((p^2-1)/3), y). */
    for (size_t j = 0; j < m; j++) {
        bn254_g2_affine q1, q2;
        bn254_fp2_conj(&q1.x, &qs[j].x);
        bn254_fp2_mul(&q1.x, &q1.x, &BN254_FROB_TWIST_X1);
        bn254_fp2_conj(&q1.y, &qs[j].y);
        bn254_fp2_mul(&q1.y, &q1.y, &BN254_FROB_TWIST_Y1);
        q1.infinity = false;
        bn254_fp2_mul_fp(&q2.x, &qs[j].x, &BN254_FROB_TWIST_X2);
        q2.y = qs[j].y;
        q2.infinity = false;
        addition_step(&t[j], &l, &q1, ps[j]);
        apply_line(&f, &l);
        addition_step(&t[j], &l, &q2, ps[j]);
        apply_line(&f, &l);
    }
    bn254_fp12_mul(acc, acc, &f);
}

void bn254_fp12_cyclotomic_pow_x(bn254_fp12 *r, const bn254_fp12 *f) {
    bn254_fp12 acc = *f;
    for (int i = 61; i >= 0; i--) { /* bit 62 is the leading one */
        bn254_fp12_cyclotomic_sqr(&acc, &acc);
        if ((BN_X >> i) & 1) bn254_fp12_mul(&acc, &acc, f);
    }
    *r = acc;
}

void bn254_final_exponentiation(bn254_fp12 *r, const bn254_fp12 *f_in) {
    bn254_fp12 f, t;

    /* easy part: f^((p^6 - 1)(p^2 + 1)); afterwards f is in the cyclotomic subgroup */
    bn254_fp12_inv(&t, f_in);
    bn254_fp12_conj(&f, f_in);
    bn254_fp12_mul(&f, &f, &t);
    bn254_fp12_frobenius(&t, &f, 2);
    bn254_fp12_mul(&f, &f, &t);

    /* hard part: f^((p^4 - p^2 + 1)/r) = y0 y1^2 y2^6 y3^12 y4^18 y5^30 y6^36 with
     *   y0 = f^(p + p^2 + p^3), y1 = f^-1, y2 = f^(x^2 p^2), y3 = f^(-x p),
     *   y4 = f^(-x - x^2 p), y5 = f^(-x^2), y6 = f^(-x^3 - x^3 p) */
    bn254_fp12 fx, fx2, fx3, y0, y1, y2, y3, y4, y5, y6, t0, t1;
    bn254_fp12_cyclotomic_pow_x(&fx, &f);
    bn254_fp12_cyclotomic_pow_x(&fx2, &fx);
    bn254_fp12_cyclotomic_pow_x(&fx3, &fx2);

    bn254_fp12_frobenius(&y0, &f, 1);
    bn254_fp12_frobenius(&t, &f, 2);
    bn254_fp12_mul(&y0, &y0, &t);
    bn254_fp12_frobenius(&t, &f, 3);
    bn254_fp12_mul(&y0, &y0, &t);

    bn254_fp12_conj(&y1, &f);
    bn254_fp12_frobenius(&y2, &fx2, 2);
    bn254_fp12_frobenius(&y3, &fx, 1);
    bn254_fp12_conj(&y3, &y3);
    bn254_fp12_frobenius(&y4, &fx2, 1);
    bn254_fp12_mul(&y4, &y4, &fx);
    bn254_fp12_conj(&y4, &y4);
    bn254_fp12_conj(&y5, &fx2);
    bn254_fp12_frobenius(&y6, &fx3, 1);
    bn254_fp12_mul(&y6, &y6, &fx3);
    bn254_fp12_conj(&y6, &y6);

    /* vectorial addition chain */
    bn254_fp12_cyclotomic_sqr(&t0, &y6);
    bn254_fp12_mul(&t0, &t0, &y4);
    bn254_fp12_mul(&t0, &t0, &y5);
    bn254_fp12_mul(&t1, &y3, &y5);
    bn254_fp12_mul(&t1, &t1, &t0);
    bn254_fp12_mul(&t0, &t0, &y2);
    bn254_fp12_cyclotomic_sqr(&t1, &t1);
    bn254_fp12_mul(&t1, &t1, &t0);
    bn254_fp12_cyclotomic_sqr(&t1, &t1);
    bn254_fp12_mul(&t0, &t1, &y1);
    bn254_fp12_mul(&t1, &t1, &y0);
    bn254_fp12_cyclotomic_sqr(&t0, &t0);
    bn254_fp12_mul(r, &t1, &t0);
}
