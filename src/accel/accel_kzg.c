/* accel_kzg.c — software backend for zkvm_kzg_point_eval (EIP-4844 KZG proof check) over blst.
 *
 * Checks that the polynomial committed in C takes the value y at z, given the proof π:
 *     e(C - [y]G1, G2) == e(π, [τ]G2 - [z]G2)
 * (the equation of c-kzg's verify_kzg_proof), evaluated in an equivalent cheaper form below. Only one point of the trusted setup
 * is needed, [τ]G2, hard-coded below, so no setup file is loaded. The versioned-hash check and
 * the EVM encodings belong to the 0x0a precompile glue. Freestanding.
 */
#include "zkvm_accelerators.h"

#include <blst.h>
#include <string.h>

#include "accel_internal.h"
#include "accel_software.h"

/* [τ]G2: the second G2 point of the mainnet KZG ceremony output, line 4100 of
 * c-kzg-4.1.0/deps/c-kzg/trusted_setup.txt, compressed "b5bfd7dd8cdeb128...c1def2". Stored here
 * uncompressed in blst's (ZCash) serialization — x.c1, x.c0, y.c1, y.c0 — to skip the square
 * root of decompression; tests/crypto/test_kzg.c recompresses it and compares with the file. */
static const uint8_t TAU_G2_SERIALIZED[192] = {
    0x15, 0xbf, 0xd7, 0xdd, 0x8c, 0xde, 0xb1, 0x28, 0x84, 0x3b, 0xc2, 0x87, 0x23, 0x0a, 0xf3, 0x89,
    0x26, 0x18, 0x70, 0x75, 0xcb, 0xfb, 0xef, 0xa8, 0x10, 0x09, 0xa2, 0xce, 0x61, 0x5a, 0xc5, 0x3d,
    0x29, 0x14, 0xe5, 0x87, 0x0c, 0xb4, 0x52, 0xd2, 0xaf, 0xaa, 0xab, 0x24, 0xf3, 0x49, 0x9f, 0x72,
    0x18, 0x5c, 0xbf, 0xee, 0x53, 0x49, 0x27, 0x14, 0x73, 0x44, 0x29, 0xb7, 0xb3, 0x86, 0x08, 0xe2,
    0x39, 0x26, 0xc9, 0x11, 0xcc, 0xec, 0xea, 0xc9, 0xa3, 0x68, 0x51, 0x47, 0x7b, 0xa4, 0xc6, 0x0b,
    0x08, 0x70, 0x41, 0xde, 0x62, 0x10, 0x00, 0xed, 0xc9, 0x8e, 0xda, 0xda, 0x20, 0xc1, 0xde, 0xf2,
    0x16, 0x66, 0xc5, 0x4b, 0x0a, 0x32, 0x52, 0x95, 0x03, 0x43, 0x2f, 0xca, 0xe0, 0x18, 0x1b, 0x4b,
    0xef, 0x79, 0xde, 0x09, 0xfc, 0x63, 0x67, 0x1f, 0xda, 0x5e, 0xd1, 0xba, 0x9b, 0xfa, 0x07, 0x89,
    0x94, 0x95, 0x34, 0x6f, 0x3d, 0x7a, 0xc9, 0xcd, 0x23, 0x04, 0x8e, 0xf3, 0x0d, 0x0a, 0x15, 0x4f,
    0x01, 0x43, 0x53, 0xbd, 0xb9, 0x6b, 0x62, 0x6d, 0xd7, 0xd5, 0xee, 0x85, 0x99, 0xd1, 0xfc, 0xa2,
    0x13, 0x15, 0x69, 0x49, 0x0e, 0x28, 0xde, 0x18, 0xe8, 0x24, 0x51, 0xa4, 0x96, 0xa9, 0xc9, 0x79,
    0x4c, 0xe2, 0x6d, 0x10, 0x59, 0x41, 0xf3, 0x83, 0xee, 0x68, 0x9b, 0xfb, 0xbb, 0x83, 0x2a, 0x99};

/* Exposed for the tests only (declared there): the constant above, decoded. */
bool zk_kzg_tau_g2(blst_p2_affine *out);

bool zk_kzg_tau_g2(blst_p2_affine *out)
{
    return blst_p2_deserialize(out, TAU_G2_SERIALIZED) == BLST_SUCCESS;
}

/* A compressed G1 point in the subgroup (the infinity encoding 0xc0 00.. is accepted). */
static bool g1_decompress(blst_p1_affine *out, const uint8_t in[48])
{
    return blst_p1_uncompress(out, in) == BLST_SUCCESS && blst_p1_affine_in_g1(out);
}

/* A 32-byte big-endian field element of the scalar field, canonical (< r). */
static bool fr_decode(blst_scalar *out, const uint8_t in[32])
{
    blst_scalar_from_bendian(out, in);
    return blst_scalar_fr_check(out);
}

zkvm_status zk_sw_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified)
{
    ZK_ACCEL_REQUIRE(commitment);
    ZK_ACCEL_REQUIRE(z);
    ZK_ACCEL_REQUIRE(y);
    ZK_ACCEL_REQUIRE(proof);
    ZK_ACCEL_REQUIRE(verified);
    *verified = false;

    blst_p1_affine c_aff, pi_aff;
    blst_scalar z_s, y_s;
    blst_p2_affine tau;
    if (!g1_decompress(&c_aff, commitment->data) || !g1_decompress(&pi_aff, proof->data) ||
        !fr_decode(&z_s, z->data) || !fr_decode(&y_s, y->data))
        return ZKVM_EFAIL;
    if (!zk_kzg_tau_g2(&tau))
        return ZKVM_EFAIL; /* unreachable: the constant is a valid point */

    /* The check e(C - [y]G1, G2) == e(π, [τ]G2 - [z]G2) is rearranged, by bilinearity, into
     *     e(C - [y]G1 + [z]π, G2) == e(π, [τ]G2)
     * so that both scalar multiplications happen in G1, which is several times cheaper than G2. */
    blst_p1 acc, term;
    blst_p1_from_affine(&acc, &c_aff);
    blst_p1_mult(&term, blst_p1_generator(), y_s.b, 255);
    blst_p1_cneg(&term, true);
    blst_p1_add_or_double(&acc, &acc, &term); /* C - [y]G1 */
    blst_p1_from_affine(&term, &pi_aff);
    blst_p1_mult(&term, &term, z_s.b, 255);
    blst_p1_add_or_double(&acc, &acc, &term); /* + [z]π */
    blst_p1_affine lhs;
    blst_p1_to_affine(&lhs, &acc);

    /* A point at infinity makes its Miller loop 1 (blst special-cases it), which is exactly the
     * factor e(O, ·) = 1. */
    blst_fp12 left, right;
    blst_miller_loop(&left, blst_p2_affine_generator(), &lhs);
    blst_miller_loop(&right, &tau, &pi_aff);
    *verified = blst_fp12_finalverify(&left, &right);
    return ZKVM_EOK;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(kzg_point_eval);
