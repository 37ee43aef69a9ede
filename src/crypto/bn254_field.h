/* bn254_field.h — internal: the BN254 (alt_bn128) field tower used by the G1/G2 and pairing code.
 *
 *   Fp   : p = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47,
 *          4 x 64-bit little-endian limbs, always kept in Montgomery form (a * 2^256 mod p)
 *          and fully reduced (< p).
 *   Fp2  : Fp[u] / (u^2 + 1)            element c0 + c1*u
 *   Fp6  : Fp2[v] / (v^3 - xi), xi = 9+u element c0 + c1*v + c2*v^2
 *   Fp12 : Fp6[w] / (w^2 - v)           element c0 + c1*w
 *
 * All functions are pure (no global state, no allocation) and allow the output to alias any input.
 * Nothing here is constant-time: every input in the EVM is public.
 */
#ifndef ZK_CRYPTO_BN254_FIELD_H
#define ZK_CRYPTO_BN254_FIELD_H

#include <stdbool.h>
#include <stdint.h>

typedef struct bn254_fp { uint64_t l[4]; } bn254_fp;
typedef struct bn254_fp2 { bn254_fp c0, c1; } bn254_fp2;
typedef struct bn254_fp6 { bn254_fp2 c0, c1, c2; } bn254_fp6;
typedef struct bn254_fp12 { bn254_fp6 c0, c1; } bn254_fp12;

/* ---- Fp ---- */
void bn254_fp_zero(bn254_fp *r);
void bn254_fp_one(bn254_fp *r);
bool bn254_fp_is_zero(const bn254_fp *a);
bool bn254_fp_eq(const bn254_fp *a, const bn254_fp *b);
/* Parses 32 big-endian bytes; returns false (r untouched) when the value is >= p. */
bool bn254_fp_from_bytes(bn254_fp *r, const uint8_t in[32]);
/* Writes the canonical 32-byte big-endian encoding. */
void bn254_fp_to_bytes(uint8_t out[32], const bn254_fp *a);
void bn254_fp_from_u64(bn254_fp *r, uint64_t v);
void bn254_fp_add(bn254_fp *r, const bn254_fp *a, const bn254_fp *b);
void bn254_fp_sub(bn254_fp *r, const bn254_fp *a, const bn254_fp *b);
void bn254_fp_neg(bn254_fp *r, const bn254_fp *a);
void bn254_fp_dbl(bn254_fp *r, const bn254_fp *a);
void bn254_fp_half(bn254_fp *r, const bn254_fp *a);
void bn254_fp_mul(bn254_fp *r, const bn254_fp *a, const bn254_fp *b);
void bn254_fp_sqr(bn254_fp *r, const bn254_fp *a);
/* r = a^-1 (binary extended Euclid, variable time); the inverse of 0 is defined as 0. */
void bn254_fp_inv(bn254_fp *r, const bn254_fp *a);

/* ---- Fp2 ---- */
void bn254_fp2_zero(bn254_fp2 *r);
void bn254_fp2_one(bn254_fp2 *r);
bool bn254_fp2_is_zero(const bn254_fp2 *a);
bool bn254_fp2_eq(const bn254_fp2 *a, const bn254_fp2 *b);
void bn254_fp2_add(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp2 *b);
void bn254_fp2_sub(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp2 *b);
void bn254_fp2_neg(bn254_fp2 *r, const bn254_fp2 *a);
void bn254_fp2_dbl(bn254_fp2 *r, const bn254_fp2 *a);
void bn254_fp2_half(bn254_fp2 *r, const bn254_fp2 *a);
void bn254_fp2_mul(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp2 *b);
void bn254_fp2_sqr(bn254_fp2 *r, const bn254_fp2 *a);
void bn254_fp2_mul_fp(bn254_fp2 *r, const bn254_fp2 *a, const bn254_fp *b);
/* r = a * xi, xi = 9 + u (the Fp6 non-residue). */
void bn254_fp2_mul_xi(bn254_fp2 *r, const bn254_fp2 *a);
/* r = conjugate of a = a^p (the Frobenius map of Fp2). */
void bn254_fp2_conj(bn254_fp2 *r, const bn254_fp2 *a);
void bn254_fp2_inv(bn254_fp2 *r, const bn254_fp2 *a);

/* ---- Fp6 ---- */
void bn254_fp6_zero(bn254_fp6 *r);
void bn254_fp6_one(bn254_fp6 *r);
void bn254_fp6_add(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp6 *b);
void bn254_fp6_sub(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp6 *b);
void bn254_fp6_neg(bn254_fp6 *r, const bn254_fp6 *a);
void bn254_fp6_mul(bn254_fp6 *r, const bn254_fp6 *a, const bn254_fp6 *b);
/* r = a * v. */
void bn254_fp6_mul_v(bn254_fp6 *r, const bn254_fp6 *a);
void bn254_fp6_inv(bn254_fp6 *r, const bn254_fp6 *a);

/* ---- Fp12 ---- */
void bn254_fp12_one(bn254_fp12 *r);
bool bn254_fp12_is_one(const bn254_fp12 *a);
bool bn254_fp12_eq(const bn254_fp12 *a, const bn254_fp12 *b);
void bn254_fp12_mul(bn254_fp12 *r, const bn254_fp12 *a, const bn254_fp12 *b);
void bn254_fp12_sqr(bn254_fp12 *r, const bn254_fp12 *a);
/* r = a * (l0 + l1*w + l3*w^3): the sparse shape of a Miller-loop line value. */
void bn254_fp12_mul_line(bn254_fp12 *r, const bn254_fp12 *a, const bn254_fp2 *l0, const bn254_fp2 *l1,
                         const bn254_fp2 *l3);
/* r = c0 - c1*w = a^(p^6); the inverse of a when a is in the cyclotomic subgroup. */
void bn254_fp12_conj(bn254_fp12 *r, const bn254_fp12 *a);
void bn254_fp12_inv(bn254_fp12 *r, const bn254_fp12 *a);
/* r = a^(p^n) for n in {1, 2, 3}. */
void bn254_fp12_frobenius(bn254_fp12 *r, const bn254_fp12 *a, int n);
/* Granger–Scott squaring; valid only for a in the cyclotomic subgroup (after the easy part). */
void bn254_fp12_cyclotomic_sqr(bn254_fp12 *r, const bn254_fp12 *a);

/* xi^((p-1)/3) and xi^((p-1)/2): the constants of the Frobenius map on the twist (used by G2). */
extern const bn254_fp2 BN254_FROB_TWIST_X1, BN254_FROB_TWIST_Y1;
/* xi^((p^2-1)/3) (in Fp) and xi^((p^2-1)/2) = -1. */
extern const bn254_fp BN254_FROB_TWIST_X2;

#endif
