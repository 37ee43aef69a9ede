/* accel_shim.h — the one place where the precompiles call the accelerators.
 *
 * zk_accel_X calls zkvm_X (the zkVM's accelerator when one is linked, else zkl1's software
 * backend) and, if that returns ZKVM_EFAIL while a vendor implementation is bound, asks the
 * software backend (zk_sw_X) instead: a vendor may refuse inputs beyond its limits that the EVM
 * accepts, and only an input the software backend also rejects is really invalid
 * (docs/zkvm-standards.md §3). Changes to the standard (void functions, PR #19; keccak-f, PR #26)
 * touch this file only. Same signatures and contracts as zkvm_accelerators.h. Freestanding.
 */
#ifndef ZK_ACCEL_SHIM_H
#define ZK_ACCEL_SHIM_H

#include "../accel/zkvm_accelerators.h"

zkvm_status zk_accel_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output);
zkvm_status zk_accel_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                         uint8_t recid, zkvm_secp256k1_pubkey *output);
zkvm_status zk_accel_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output);
zkvm_status zk_accel_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output);
zkvm_status zk_accel_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                            const uint8_t *modulus, size_t mod_len, uint8_t *output);
zkvm_status zk_accel_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                                  zkvm_bn254_g1_point *result);
zkvm_status zk_accel_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                                  zkvm_bn254_g1_point *result);
zkvm_status zk_accel_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zk_accel_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                             const zkvm_blake2f_offset *t, uint8_t f);
zkvm_status zk_accel_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                    const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified);
zkvm_status zk_accel_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                                  zkvm_bls12_381_g1_point *result);
zkvm_status zk_accel_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                                  zkvm_bls12_381_g1_point *result);
zkvm_status zk_accel_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                                  zkvm_bls12_381_g2_point *result);
zkvm_status zk_accel_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                                  zkvm_bls12_381_g2_point *result);
zkvm_status zk_accel_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zk_accel_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result);
zkvm_status zk_accel_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result);
zkvm_status zk_accel_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                      const zkvm_secp256r1_pubkey *pubkey, bool *verified);

#endif
