/* accel_regions.c — the pure flavour's accelerator bindings: every standard zkvm_* function
 * except the hashes is the software backend's zk_sw_* (src/accel, src/crypto), wrapped in a
 * cycle region of the function's name, so that the zkl1 VM's report shows what signature
 * recovery and each precompile cost in plain RV64IM — the same names under which the
 * accelerated flavour's report lists its accelerator calls.
 *
 * These strong definitions replace the weak zkvm_* -> zk_sw_* aliases of src/accel. Keccak-256
 * and SHA-256 are left unwrapped: they run thousands of times per block (tries, SSZ
 * merkleization), and a region per call would cost more than the breakdown is worth.
 * Never linked into the accelerated flavour, whose vendor library defines these names.
 */
#include "accel_software.h"
#include "zkl1_guest.h"
#include "zkvm_accelerators.h"

/* Defines zkvm_NAME(PARAMS) as zk_sw_NAME(ARGS) inside the region "NAME". */
#define WRAP(name, params, args)                        \
    zkvm_status zkvm_##name params                      \
    {                                                   \
        zkl1_region_begin(#name);                       \
        zkvm_status status = zk_sw_##name args;         \
        zkl1_region_end(#name);                         \
        return status;                                  \
    }

WRAP(secp256k1_verify,
     (const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig, const zkvm_secp256k1_pubkey *pubkey,
      bool *verified),
     (msg, sig, pubkey, verified))
WRAP(secp256k1_ecrecover,
     (const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig, uint8_t recid,
      zkvm_secp256k1_pubkey *output),
     (msg, sig, recid, output))
WRAP(ripemd160, (const uint8_t *data, size_t len, zkvm_ripemd160_hash *output), (data, len, output))
WRAP(modexp,
     (const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len, const uint8_t *modulus,
      size_t mod_len, uint8_t *output),
     (base, base_len, exp, exp_len, modulus, mod_len, output))
WRAP(bn254_g1_add, (const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2, zkvm_bn254_g1_point *result),
     (p1, p2, result))
WRAP(bn254_g1_mul,
     (const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar, zkvm_bn254_g1_point *result),
     (point, scalar, result))
WRAP(bn254_pairing, (const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified),
     (pairs, num_pairs, verified))
WRAP(blake2f,
     (uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m, const zkvm_blake2f_offset *t,
      uint8_t f),
     (rounds, h, m, t, f))
WRAP(kzg_point_eval,
     (const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z, const zkvm_kzg_field_element *y,
      const zkvm_kzg_proof *proof, bool *verified),
     (commitment, z, y, proof, verified))
WRAP(bls12_g1_add,
     (const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2, zkvm_bls12_381_g1_point *result),
     (p1, p2, result))
WRAP(bls12_g1_msm,
     (const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs, zkvm_bls12_381_g1_point *result),
     (pairs, num_pairs, result))
WRAP(bls12_g2_add,
     (const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2, zkvm_bls12_381_g2_point *result),
     (p1, p2, result))
WRAP(bls12_g2_msm,
     (const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs, zkvm_bls12_381_g2_point *result),
     (pairs, num_pairs, result))
WRAP(bls12_pairing, (const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified),
     (pairs, num_pairs, verified))
WRAP(bls12_map_fp_to_g1, (const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result),
     (field_element, result))
WRAP(bls12_map_fp2_to_g2, (const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result),
     (field_element, result))
WRAP(secp256r1_verify,
     (const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig, const zkvm_secp256r1_pubkey *pubkey,
      bool *verified),
     (msg, sig, pubkey, verified))
