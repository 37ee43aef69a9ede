/* bn254_curve.h — internal: BN254 groups G1 (E: y^2 = x^3 + 3 over Fp) and G2 (the sextic D-twist
 * E': y^2 = x^3 + 3/(9+u) over Fp2), in Jacobian coordinates (x = X/Z^2, y = Y/Z^3, Z = 0 is the
 * point at infinity), plus the pairing entry points used by the zkvm_bn254_* functions.
 *
 * G1 is the whole of E(Fp) (cofactor 1), so an on-curve check suffices there. E'(Fp2) has a large
 * cofactor, so G2 inputs also need bn254_g2_in_subgroup.
 */
#ifndef ZK_CRYPTO_BN254_CURVE_H
#define ZK_CRYPTO_BN254_CURVE_H

#include <stddef.h>

#include "bn254_field.h"

typedef struct bn254_g1 { bn254_fp x, y, z; } bn254_g1;
typedef struct bn254_g2 { bn254_fp2 x, y, z; } bn254_g2;

/* Affine points as used by the pairing; `infinity` set means x, y are meaningless. */
typedef struct bn254_g1_affine { bn254_fp x, y; bool infinity; } bn254_g1_affine;
typedef struct bn254_g2_affine { bn254_fp2 x, y; bool infinity; } bn254_g2_affine;

/* ---- G1 ---- */
void bn254_g1_set_infinity(bn254_g1 *r);
bool bn254_g1_is_infinity(const bn254_g1 *a);
void bn254_g1_from_affine(bn254_g1 *r, const bn254_g1_affine *a);
void bn254_g1_to_affine(bn254_g1_affine *r, const bn254_g1 *a);
/* y^2 == x^3 + 3 (the point at infinity is on the curve). */
bool bn254_g1_affine_on_curve(const bn254_g1_affine *a);
void bn254_g1_dbl(bn254_g1 *r, const bn254_g1 *a);
/* Complete addition: handles a == b, a == -b and infinities. */
void bn254_g1_add(bn254_g1 *r, const bn254_g1 *a, const bn254_g1 *b);
void bn254_g1_neg(bn254_g1 *r, const bn254_g1 *a);
/* r = [k] a for a 256-bit scalar given as 32 big-endian bytes (any value, not reduced mod r). */
void bn254_g1_mul(bn254_g1 *r, const bn254_g1 *a, const uint8_t k[32]);
/* Jacobian equality (compares the represented affine points). */
bool bn254_g1_eq(const bn254_g1 *a, const bn254_g1 *b);

/* ---- G2 ---- */
void bn254_g2_set_infinity(bn254_g2 *r);
bool bn254_g2_is_infinity(const bn254_g2 *a);
void bn254_g2_from_affine(bn254_g2 *r, const bn254_g2_affine *a);
void bn254_g2_to_affine(bn254_g2_affine *r, const bn254_g2 *a);
/* y^2 == x^3 + 3/(9+u) on the twist. */
bool bn254_g2_affine_on_curve(const bn254_g2_affine *a);
void bn254_g2_dbl(bn254_g2 *r, const bn254_g2 *a);
void bn254_g2_add(bn254_g2 *r, const bn254_g2 *a, const bn254_g2 *b);
void bn254_g2_neg(bn254_g2 *r, const bn254_g2 *a);
void bn254_g2_mul(bn254_g2 *r, const bn254_g2 *a, const uint8_t k[32]);
bool bn254_g2_eq(const bn254_g2 *a, const bn254_g2 *b);
/* The untwist-Frobenius-twist endomorphism psi(x, y) = (x^p xi^((p-1)/3), y^p xi^((p-1)/2)). */
void bn254_g2_psi(bn254_g2 *r, const bn254_g2 *a);
/* Membership in the order-r subgroup G2 of an on-curve point (infinity is a member). */
bool bn254_g2_in_subgroup(const bn254_g2_affine *q);

/* ---- pairing (bn254_pairing.c) ---- */
/* f = f * prod_i miller_loop(P_i, Q_i) for up to BN254_MILLER_BATCH pairs sharing one loop.
 * Pairs where either point is infinity are skipped (they contribute 1). Inputs must be valid. */
#define BN254_MILLER_BATCH 8
void bn254_miller_loop_batch(bn254_fp12 *f, const bn254_g1_affine *p, const bn254_g2_affine *q, size_t n);
/* r = f^((p^12 - 1) / r). */
void bn254_final_exponentiation(bn254_fp12 *r, const bn254_fp12 *f);
/* Exposed for tests: f^x for f in the cyclotomic subgroup, x = 4965661367192848881. */
void bn254_fp12_cyclotomic_pow_x(bn254_fp12 *r, const bn254_fp12 *f);

#endif
