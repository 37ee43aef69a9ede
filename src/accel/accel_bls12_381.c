/* accel_bls12_381.c — software backend for the seven BLS12-381 accelerators (EIP-2537) over blst.
 *
 * Byte formats (zkvm_accelerators.h): an Fp element is 48 bytes big-endian and must be < p; a G1
 * point is x || y, a G2 point x_c0 || x_c1 || y_c0 || y_c1; the point at infinity is all zeros.
 * Every decoded point must be on its curve. The subgroup rules follow EIP-2537: none for
 * addition, required for MSM and pairing (the point at infinity passes). Any violation returns
 * ZKVM_EFAIL. The EVM's 64-byte padded field encoding is the precompile glue's business.
 *
 * MSM runs blst's Pippenger in batches of MSM_BATCH points with the scratch space on the stack,
 * so memory use is bounded without an allocator. blst itself uses up to ~150 KiB of stack
 * (alloca) in MSM and pairing. Freestanding.
 */
#include "zkvm_accelerators.h"

#include <blst.h>
#include <string.h>

#include "accel_internal.h"
#include "accel_software.h"

/* The base-field modulus p, big-endian. */
static const uint8_t BLS12_381_P[48] = {
    0x1a, 0x01, 0x11, 0xea, 0x39, 0x7f, 0xe6, 0x9a, 0x4b, 0x1b, 0xa7, 0xb6, 0x43, 0x4b, 0xac, 0xd7,
    0x64, 0x77, 0x4b, 0x84, 0xf3, 0x85, 0x12, 0xbf, 0x67, 0x30, 0xd2, 0xa0, 0xf6, 0xb0, 0xf6, 0x24,
    0x1e, 0xab, 0xff, 0xfe, 0xb1, 0x53, 0xff, 0xff, 0xb9, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xaa, 0xab};

/* Points per Pippenger batch: bounds the stack used by the affine copies, scalars and buckets. */
#define MSM_BATCH 64

/* --- field elements and points <-> bytes --------------------------------------------------------- */

static bool fp_decode(blst_fp *out, const uint8_t in[48])
{
    if (memcmp(in, BLS12_381_P, 48) >= 0) /* equal-length big-endian: memcmp orders numerically */
        return false;
    blst_fp_from_bendian(out, in);
    return true;
}

static bool fp2_decode(blst_fp2 *out, const uint8_t in[96])
{
    return fp_decode(&out->fp[0], in) && fp_decode(&out->fp[1], in + 48);
}

/* Decodes a G1 point; with `subgroup`, also requires it to be in the order-r subgroup. */
static bool g1_decode(blst_p1_affine *out, const uint8_t in[96], bool subgroup)
{
    if (zk_bytes_all_zero(in, 96)) {
        memset(out, 0, sizeof *out); /* blst's affine infinity is (0, 0) */
        return true;
    }
    if (!fp_decode(&out->x, in) || !fp_decode(&out->y, in + 48))
        return false;
    if (!blst_p1_affine_on_curve(out))
        return false;
    return !subgroup || blst_p1_affine_in_g1(out);
}

static bool g2_decode(blst_p2_affine *out, const uint8_t in[192], bool subgroup)
{
    if (zk_bytes_all_zero(in, 192)) {
        memset(out, 0, sizeof *out);
        return true;
    }
    if (!fp2_decode(&out->x, in) || !fp2_decode(&out->y, in + 96))
        return false;
    if (!blst_p2_affine_on_curve(out))
        return false;
    return !subgroup || blst_p2_affine_in_g2(out);
}

static void g1_encode(uint8_t out[96], const blst_p1 *p)
{
    if (blst_p1_is_inf(p)) {
        memset(out, 0, 96);
        return;
    }
    blst_p1_affine a;
    blst_p1_to_affine(&a, p);
    blst_bendian_from_fp(out, &a.x);
    blst_bendian_from_fp(out + 48, &a.y);
}

static void g2_encode(uint8_t out[192], const blst_p2 *p)
{
    if (blst_p2_is_inf(p)) {
        memset(out, 0, 192);
        return;
    }
    blst_p2_affine a;
    blst_p2_to_affine(&a, p);
    blst_bendian_from_fp(out, &a.x.fp[0]);
    blst_bendian_from_fp(out + 48, &a.x.fp[1]);
    blst_bendian_from_fp(out + 96, &a.y.fp[0]);
    blst_bendian_from_fp(out + 144, &a.y.fp[1]);
}

/* --- addition ------------------------------------------------------------------------------------- */

zkvm_status zk_sw_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result)
{
    ZK_ACCEL_REQUIRE(p1);
    ZK_ACCEL_REQUIRE(p2);
    ZK_ACCEL_REQUIRE(result);
    blst_p1_affine a, b;
    if (!g1_decode(&a, p1->data, false) || !g1_decode(&b, p2->data, false))
        return ZKVM_EFAIL;
    blst_p1 sum;
    blst_p1_from_affine(&sum, &a);
    blst_p1_add_or_double_affine(&sum, &sum, &b);
    g1_encode(result->data, &sum);
    return ZKVM_EOK;
}

zkvm_status zk_sw_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result)
{
    ZK_ACCEL_REQUIRE(p1);
    ZK_ACCEL_REQUIRE(p2);
    ZK_ACCEL_REQUIRE(result);
    blst_p2_affine a, b;
    if (!g2_decode(&a, p1->data, false) || !g2_decode(&b, p2->data, false))
        return ZKVM_EFAIL;
    blst_p2 sum;
    blst_p2_from_affine(&sum, &a);
    blst_p2_add_or_double_affine(&sum, &sum, &b);
    g2_encode(result->data, &sum);
    return ZKVM_EOK;
}

/* --- multi-scalar multiplication ------------------------------------------------------------------ */

/* Scalars are any 256-bit values. The points are in the order-r subgroup (checked), so k·P equals
 * (k mod r)·P: reduce, and report whether the reduced scalar is zero (its term then vanishes). */
static bool scalar_reduce(blst_scalar *out, const uint8_t be[32])
{
    return blst_scalar_from_be_bytes(out, be, 32);
}

/* Sum of the batch's terms by Pippenger (blst treats pointer arrays whose second entry is NULL
 * as one contiguous array). */
static void g1_batch_sum(blst_p1 *acc, const blst_p1_affine *points, const blst_scalar *scalars, size_t n)
{
    if (n == 0)
        return;
    blst_p1 part;
    if (n == 1) {
        blst_p1_from_affine(&part, &points[0]);
        blst_p1_mult(&part, &part, scalars[0].b, 255);
    } else {
        union {
            limb_t limbs[1];
            uint8_t bytes[MSM_BATCH * 4 * 48]; /* buckets: far more than Pippenger needs for MSM_BATCH */
        } scratch;
        if (blst_p1s_mult_pippenger_scratch_sizeof(n) > sizeof scratch)
            __builtin_trap(); /* MSM_BATCH and the buffer disagree: a build bug */
        const blst_p1_affine *pts[2] = {points, NULL};
        const byte *scs[2] = {scalars[0].b, NULL};
        blst_p1s_mult_pippenger(&part, pts, n, scs, 255, (limb_t *)scratch.limbs);
    }
    blst_p1_add_or_double(acc, acc, &part);
}

static void g2_batch_sum(blst_p2 *acc, const blst_p2_affine *points, const blst_scalar *scalars, size_t n)
{
    if (n == 0)
        return;
    blst_p2 part;
    if (n == 1) {
        blst_p2_from_affine(&part, &points[0]);
        blst_p2_mult(&part, &part, scalars[0].b, 255);
    } else {
        union {
            limb_t limbs[1];
            uint8_t bytes[MSM_BATCH * 4 * 96];
        } scratch;
        if (blst_p2s_mult_pippenger_scratch_sizeof(n) > sizeof scratch)
            __builtin_trap();
        const blst_p2_affine *pts[2] = {points, NULL};
        const byte *scs[2] = {scalars[0].b, NULL};
        blst_p2s_mult_pippenger(&part, pts, n, scs, 255, (limb_t *)scratch.limbs);
    }
    blst_p2_add_or_double(acc, acc, &part);
}

zkvm_status zk_sw_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result)
{
    ZK_ACCEL_REQUIRE(result);
    if (num_pairs > 0)
        ZK_ACCEL_REQUIRE(pairs);
    blst_p1 acc;
    memset(&acc, 0, sizeof acc); /* Jacobian infinity: Z = 0 */
    blst_p1_affine points[MSM_BATCH];
    blst_scalar scalars[MSM_BATCH];
    size_t n = 0;
    for (size_t i = 0; i < num_pairs; i++) {
        if (!g1_decode(&points[n], pairs[i].point.data, true))
            return ZKVM_EFAIL;
        /* blst's Pippenger does not take the point at infinity; such terms are zero anyway */
        if (blst_p1_affine_is_inf(&points[n]) || !scalar_reduce(&scalars[n], pairs[i].scalar.data))
            continue;
        if (++n == MSM_BATCH) {
            g1_batch_sum(&acc, points, scalars, n);
            n = 0;
        }
    }
    g1_batch_sum(&acc, points, scalars, n);
    g1_encode(result->data, &acc);
    return ZKVM_EOK;
}

zkvm_status zk_sw_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result)
{
    ZK_ACCEL_REQUIRE(result);
    if (num_pairs > 0)
        ZK_ACCEL_REQUIRE(pairs);
    blst_p2 acc;
    memset(&acc, 0, sizeof acc);
    blst_p2_affine points[MSM_BATCH];
    blst_scalar scalars[MSM_BATCH];
    size_t n = 0;
    for (size_t i = 0; i < num_pairs; i++) {
        if (!g2_decode(&points[n], pairs[i].point.data, true))
            return ZKVM_EFAIL;
        if (blst_p2_affine_is_inf(&points[n]) || !scalar_reduce(&scalars[n], pairs[i].scalar.data))
            continue;
        if (++n == MSM_BATCH) {
            g2_batch_sum(&acc, points, scalars, n);
            n = 0;
        }
    }
    g2_batch_sum(&acc, points, scalars, n);
    g2_encode(result->data, &acc);
    return ZKVM_EOK;
}

/* --- pairing -------------------------------------------------------------------------------------- */

zkvm_status zk_sw_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    ZK_ACCEL_REQUIRE(verified);
    if (num_pairs > 0)
        ZK_ACCEL_REQUIRE(pairs);
    *verified = false;
    blst_fp12 product;
    bool any = false;
    for (size_t i = 0; i < num_pairs; i++) {
        blst_p1_affine p;
        blst_p2_affine q;
        if (!g1_decode(&p, pairs[i].g1.data, true) || !g2_decode(&q, pairs[i].g2.data, true))
            return ZKVM_EFAIL;
        if (blst_p1_affine_is_inf(&p) || blst_p2_affine_is_inf(&q))
            continue; /* e(O, Q) = e(P, O) = 1 */
        blst_fp12 ml;
        blst_miller_loop(&ml, &q, &p);
        if (any)
            blst_fp12_mul(&product, &product, &ml);
        else
            product = ml;
        any = true;
    }
    if (!any) {
        *verified = true; /* the empty product is 1 */
        return ZKVM_EOK;
    }
    blst_final_exp(&product, &product);
    *verified = blst_fp12_is_one(&product);
    return ZKVM_EOK;
}

/* --- hash-to-curve maps --------------------------------------------------------------------------- */

zkvm_status zk_sw_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result)
{
    ZK_ACCEL_REQUIRE(field_element);
    ZK_ACCEL_REQUIRE(result);
    blst_fp u;
    if (!fp_decode(&u, field_element->data))
        return ZKVM_EFAIL;
    blst_p1 p;
    blst_map_to_g1(&p, &u, NULL); /* simplified SWU on the 11-isogenous curve, isogeny, clear cofactor */
    g1_encode(result->data, &p);
    return ZKVM_EOK;
}

zkvm_status zk_sw_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result)
{
    ZK_ACCEL_REQUIRE(field_element);
    ZK_ACCEL_REQUIRE(result);
    blst_fp2 u;
    if (!fp2_decode(&u, field_element->data))
        return ZKVM_EFAIL;
    blst_p2 p;
    blst_map_to_g2(&p, &u, NULL); /* simplified SWU on the 3-isogenous curve, isogeny, clear cofactor */
    g2_encode(result->data, &p);
    return ZKVM_EOK;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(bls12_g1_add);
ZK_ACCEL_BIND(bls12_g2_add);
ZK_ACCEL_BIND(bls12_g1_msm);
ZK_ACCEL_BIND(bls12_g2_msm);
ZK_ACCEL_BIND(bls12_pairing);
ZK_ACCEL_BIND(bls12_map_fp_to_g1);
ZK_ACCEL_BIND(bls12_map_fp2_to_g2);
