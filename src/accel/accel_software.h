/* accel_software.h — zkl1's software implementations of the zkvm_accelerators.h functions.
 *
 * Each zkvm_X of the interface is implemented as zk_sw_X (same signature and contract) and bound
 * to the standard name by a weak alias (ZK_ACCEL_BIND). A zkVM vendor library that defines a
 * strong zkvm_X (in an always-linked object, or with --whole-archive, as zkvm-standards
 * requires) therefore replaces the binding while zk_sw_X stays available: the precompile glue
 * (src/crypto/accel_shim.c) falls back to it when an accelerator refuses an input with
 * ZKVM_EFAIL, since vendors reject inputs beyond their limits (ZisK: modexp operands over 1056
 * bytes, more than 32 pairing pairs) that the EVM allows.
 *
 * The BN254 functions are implemented in src/crypto/bn254.c. Freestanding.
 */
#ifndef ZK_ACCEL_SOFTWARE_H
#define ZK_ACCEL_SOFTWARE_H

#include "zkvm_accelerators.h"

zkvm_status zk_sw_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output);
zkvm_status zk_sw_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                   const zkvm_secp256k1_pubkey *pubkey, bool *verified);
zkvm_status zk_sw_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                      uint8_t recid, zkvm_secp256k1_pubkey *output);
zkvm_status zk_sw_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output);
zkvm_status zk_sw_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output);
zkvm_status zk_sw_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                         const uint8_t *modulus, size_t mod_len, uint8_t *output);
zkvm_status zk_sw_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                               zkvm_bn254_g1_point *result);
zkvm_status zk_sw_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                               zkvm_bn254_g1_point *result);
zkvm_status zk_sw_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zk_sw_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                          const zkvm_blake2f_offset *t, uint8_t f);
zkvm_status zk_sw_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                 const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified);
zkvm_status zk_sw_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                               zkvm_bls12_381_g1_point *result);
zkvm_status zk_sw_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                               zkvm_bls12_381_g1_point *result);
zkvm_status zk_sw_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                               zkvm_bls12_381_g2_point *result);
zkvm_status zk_sw_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                               zkvm_bls12_381_g2_point *result);
zkvm_status zk_sw_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zk_sw_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result);
zkvm_status zk_sw_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result);
zkvm_status zk_sw_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                   const zkvm_secp256r1_pubkey *pubkey, bool *verified);

/* Binds the standard name zkvm_<name> to zk_sw_<name>, weakly (see above). Used once per
 * function, in the file that implements it. */
#define ZK_ACCEL_BIND(name) \
    extern __typeof__(zk_sw_##name) zkvm_##name __attribute__((weak, alias("zk_sw_" #name)))

#endif
