/* bn254.c — the BN254 (alt_bn128) accelerators of zkvm_accelerators.h: G1 addition, G1 scalar
 * multiplication and the pairing check used by the EVM precompiles 0x06, 0x07 and 0x08.
 *
 * Encoding: 32-byte big-endian field elements; G1 = x || y; G2 = x_im || x_re || y_im || y_re
 * (EVM order); the all-zero encoding is the point at infinity. A coordinate >= p, a point off
 * its curve, or (pairing only) a G2 point outside the order-r subgroup gives ZKVM_EFAIL.
 */
#include "../accel/accel_software.h"
#include "bn254_curve.h"

/* Decodes and validates a G1 point (G1 = E(Fp), so on-curve is the whole membership check). */
static bool decode_g1(bn254_g1_affine *out, const uint8_t in[64]) {
    if (!bn254_fp_from_bytes(&out->x, in) || !bn254_fp_from_bytes(&out->y, in + 32)) return false;
    out->infinity = bn254_fp_is_zero(&out->x) && bn254_fp_is_zero(&out->y);
    return bn254_g1_affine_on_curve(out);
}

/* Decodes a G2 point and checks it lies on the twist; subgroup membership is checked separately. */
static bool decode_g2(bn254_g2_affine *out, const uint8_t in[128]) {
    if (!bn254_fp_from_bytes(&out->x.c1, in) || !bn254_fp_from_bytes(&out->x.c0, in + 32) ||
        !bn254_fp_from_bytes(&out->y.c1, in + 64) || !bn254_fp_from_bytes(&out->y.c0, in + 96)) {
        return false;
    }
    out->infinity = bn254_fp2_is_zero(&out->x) && bn254_fp2_is_zero(&out->y);
    return bn254_g2_affine_on_curve(out);
}

static void encode_g1(uint8_t out[64], const bn254_g1 *a) {
    bn254_g1_affine r;
    bn254_g1_to_affine(&r, a); /* infinity comes back as (0, 0) */
    bn254_fp_to_bytes(out, &r.x);
    bn254_fp_to_bytes(out + 32, &r.y);
}

zkvm_status zk_sw_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result) {
    if (!p1 || !p2 || !result) return ZKVM_EFAIL;
    bn254_g1_affine a, b;
    if (!decode_g1(&a, p1->data) || !decode_g1(&b, p2->data)) return ZKVM_EFAIL;
    bn254_g1 ja, jb, sum;
    bn254_g1_from_affine(&ja, &a);
    bn254_g1_from_affine(&jb, &b);
    bn254_g1_add(&sum, &ja, &jb);
    encode_g1(result->data, &sum);
    return ZKVM_EOK;
}

zkvm_status zk_sw_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result) {
    if (!point || !scalar || !result) return ZKVM_EFAIL;
    bn254_g1_affine a;
    if (!decode_g1(&a, point->data)) return ZKVM_EFAIL;
    bn254_g1 ja, prod;
    bn254_g1_from_affine(&ja, &a);
    bn254_g1_mul(&prod, &ja, scalar->data);
    encode_g1(result->data, &prod);
    return ZKVM_EOK;
}

/* Pairs are decoded, validated and fed to the Miller loop BN254_MILLER_BATCH at a time (a bounded
 * stack footprint for any number of pairs); one final exponentiation covers the whole product. */
zkvm_status zk_sw_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified) {
    if (!verified || (num_pairs > 0 && !pairs)) return ZKVM_EFAIL;
    bn254_fp12 acc;
    bn254_fp12_one(&acc);
    for (size_t start = 0; start < num_pairs; start += BN254_MILLER_BATCH) {
        size_t n = num_pairs - start < BN254_MILLER_BATCH ? num_pairs - start : BN254_MILLER_BATCH;
        bn254_g1_affine p[BN254_MILLER_BATCH];
        bn254_g2_affine q[BN254_MILLER_BATCH];
        for (size_t i = 0; i < n; i++) {
            const zkvm_bn254_pairing_pair *pair = &pairs[start + i];
            if (!decode_g1(&p[i], pair->g1.data) || !decode_g2(&q[i], pair->g2.data)) return ZKVM_EFAIL;
            if (!bn254_g2_in_subgroup(&q[i])) return ZKVM_EFAIL;
        }
        bn254_miller_loop_batch(&acc, p, q, n);
    }
    bn254_fp12 result;
    bn254_final_exponentiation(&result, &acc);
    *verified = bn254_fp12_is_one(&result);
    return ZKVM_EOK;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(bn254_g1_add);
ZK_ACCEL_BIND(bn254_g1_mul);
ZK_ACCEL_BIND(bn254_pairing);
