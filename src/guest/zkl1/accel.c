/* accel.c — the 19 functions of zkvm_accelerators.h for the zkl1 VM.
 *
 * Each is one ecall: a7 = ZKL1_ECALL_ACCEL_BASE + the accelerator's number (zkl1_ecall.h), the
 * arguments in a0..a6 in prototype order, the zkvm_status back in a0. The VM runs the host
 * implementation natively and charges the documented cycle cost (src/vm/README.md). A NULL
 * pointer makes the VM trap (page 0 is never mapped), which is the panic the standard asks for.
 */
#include <stdint.h>

#include "zkl1_ecall.h"
#include "zkvm_accelerators.h"

static inline long accel_call(long id, long x0, long x1, long x2, long x3, long x4, long x5, long x6)
{
    register long a0 __asm__("a0") = x0;
    register long a1 __asm__("a1") = x1;
    register long a2 __asm__("a2") = x2;
    register long a3 __asm__("a3") = x3;
    register long a4 __asm__("a4") = x4;
    register long a5 __asm__("a5") = x5;
    register long a6 __asm__("a6") = x6;
    register long a7 __asm__("a7") = ZKL1_ECALL_ACCEL_BASE + id;
    __asm__ volatile("ecall"
                     : "+r"(a0)
                     : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7)
                     : "memory");
    return a0;
}

#define P(x) ((long)(uintptr_t)(x))
#define STATUS(call) ((call) == 0 ? ZKVM_EOK : ZKVM_EFAIL)

zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output)
{
    return STATUS(accel_call(ZKL1_ACCEL_KECCAK256, P(data), (long)len, P(output), 0, 0, 0, 0));
}

zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified)
{
    return STATUS(accel_call(ZKL1_ACCEL_SECP256K1_VERIFY, P(msg), P(sig), P(pubkey), P(verified), 0, 0, 0));
}

zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output)
{
    return STATUS(accel_call(ZKL1_ACCEL_SECP256K1_ECRECOVER, P(msg), P(sig), recid, P(output), 0, 0, 0));
}

zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output)
{
    return STATUS(accel_call(ZKL1_ACCEL_SHA256, P(data), (long)len, P(output), 0, 0, 0, 0));
}

zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output)
{
    return STATUS(accel_call(ZKL1_ACCEL_RIPEMD160, P(data), (long)len, P(output), 0, 0, 0, 0));
}

zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output)
{
    return STATUS(accel_call(ZKL1_ACCEL_MODEXP, P(base), (long)base_len, P(exp), (long)exp_len, P(modulus),
                             (long)mod_len, P(output)));
}

zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BN254_G1_ADD, P(p1), P(p2), P(result), 0, 0, 0, 0));
}

zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BN254_G1_MUL, P(point), P(scalar), P(result), 0, 0, 0, 0));
}

zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    return STATUS(accel_call(ZKL1_ACCEL_BN254_PAIRING, P(pairs), (long)num_pairs, P(verified), 0, 0, 0, 0));
}

zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLAKE2F, (long)rounds, P(h), P(m), P(t), f, 0, 0));
}

zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified)
{
    return STATUS(accel_call(ZKL1_ACCEL_KZG_POINT_EVAL, P(commitment), P(z), P(y), P(proof), P(verified), 0, 0));
}

zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_G1_ADD, P(p1), P(p2), P(result), 0, 0, 0, 0));
}

zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_G1_MSM, P(pairs), (long)num_pairs, P(result), 0, 0, 0, 0));
}

zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_G2_ADD, P(p1), P(p2), P(result), 0, 0, 0, 0));
}

zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_G2_MSM, P(pairs), (long)num_pairs, P(result), 0, 0, 0, 0));
}

zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_PAIRING, P(pairs), (long)num_pairs, P(verified), 0, 0, 0, 0));
}

zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_MAP_FP_TO_G1, P(field_element), P(result), 0, 0, 0, 0, 0));
}

zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result)
{
    return STATUS(accel_call(ZKL1_ACCEL_BLS12_MAP_FP2_TO_G2, P(field_element), P(result), 0, 0, 0, 0, 0));
}

zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified)
{
    return STATUS(accel_call(ZKL1_ACCEL_SECP256R1_VERIFY, P(msg), P(sig), P(pubkey), P(verified), 0, 0, 0));
}
