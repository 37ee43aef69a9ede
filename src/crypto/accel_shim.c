/* accel_shim.c — accelerator calls with the software fallback (see accel_shim.h).
 *
 * `zkvm_X == zk_sw_X` holds when no vendor overrides the weak binding; the fallback is then
 * skipped, as it would only repeat the same computation. Freestanding.
 */
#include "accel_shim.h"

#include <string.h>

#include "../accel/accel_software.h"

/* The address of a function, hidden from the optimiser: the compiler may otherwise assume that
 * two differently named functions never share an address and fold the comparison below, while
 * a weak alias makes them equal. */
static inline uintptr_t function_address(uintptr_t f)
{
    __asm__("" : "+r"(f));
    return f;
}

#define IS_VENDOR(name) (function_address((uintptr_t)zkvm_##name) != function_address((uintptr_t)zk_sw_##name))

/* Calls the bound accelerator; on EFAIL from a vendor implementation, the software one decides. */
#define WITH_FALLBACK(name, ...)                                                                   \
    do {                                                                                           \
        zkvm_status status_ = zkvm_##name(__VA_ARGS__);                                            \
        if (status_ != ZKVM_EOK && IS_VENDOR(name))                                    \
            status_ = zk_sw_##name(__VA_ARGS__);                                                   \
        return status_;                                                                            \
    } while (0)

zkvm_status zk_accel_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output)
{
    WITH_FALLBACK(keccak256, data, len, output);
}

zkvm_status zk_accel_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                         uint8_t recid, zkvm_secp256k1_pubkey *output)
{
    WITH_FALLBACK(secp256k1_ecrecover, msg, sig, recid, output);
}

zkvm_status zk_accel_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output)
{
    WITH_FALLBACK(sha256, data, len, output);
}

zkvm_status zk_accel_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output)
{
    WITH_FALLBACK(ripemd160, data, len, output);
}

zkvm_status zk_accel_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                            const uint8_t *modulus, size_t mod_len, uint8_t *output)
{
    WITH_FALLBACK(modexp, base, base_len, exp, exp_len, modulus, mod_len, output);
}

zkvm_status zk_accel_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                                  zkvm_bn254_g1_point *result)
{
    WITH_FALLBACK(bn254_g1_add, p1, p2, result);
}

zkvm_status zk_accel_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                                  zkvm_bn254_g1_point *result)
{
    WITH_FALLBACK(bn254_g1_mul, point, scalar, result);
}

zkvm_status zk_accel_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    WITH_FALLBACK(bn254_pairing, pairs, num_pairs, verified);
}

/* h is in/out: a vendor that fails may have written to it, so the fallback starts from a copy. */
zkvm_status zk_accel_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                             const zkvm_blake2f_offset *t, uint8_t f)
{
    zkvm_blake2f_state saved = *h;
    zkvm_status status = zkvm_blake2f(rounds, h, m, t, f);
    if (status != ZKVM_EOK && IS_VENDOR(blake2f)) {
        *h = saved;
        status = zk_sw_blake2f(rounds, h, m, t, f);
    }
    return status;
}

zkvm_status zk_accel_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                    const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified)
{
    WITH_FALLBACK(kzg_point_eval, commitment, z, y, proof, verified);
}

zkvm_status zk_accel_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                                  zkvm_bls12_381_g1_point *result)
{
    WITH_FALLBACK(bls12_g1_add, p1, p2, result);
}

zkvm_status zk_accel_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                                  zkvm_bls12_381_g1_point *result)
{
    WITH_FALLBACK(bls12_g1_msm, pairs, num_pairs, result);
}

zkvm_status zk_accel_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                                  zkvm_bls12_381_g2_point *result)
{
    WITH_FALLBACK(bls12_g2_add, p1, p2, result);
}

zkvm_status zk_accel_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                                  zkvm_bls12_381_g2_point *result)
{
    WITH_FALLBACK(bls12_g2_msm, pairs, num_pairs, result);
}

zkvm_status zk_accel_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    WITH_FALLBACK(bls12_pairing, pairs, num_pairs, verified);
}

zkvm_status zk_accel_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result)
{
    WITH_FALLBACK(bls12_map_fp_to_g1, field_element, result);
}

zkvm_status zk_accel_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result)
{
    WITH_FALLBACK(bls12_map_fp2_to_g2, field_element, result);
}

zkvm_status zk_accel_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                      const zkvm_secp256r1_pubkey *pubkey, bool *verified)
{
    WITH_FALLBACK(secp256r1_verify, msg, sig, pubkey, verified);
}
