/* zkvm_accelerators.h — the eth-act zkvm-standards accelerator C interface, written from the
 * specification (standards/c-interface-accelerators): 19 functions, their byte types and the
 * status type. Raw primitives, not EVM byte formats; EVM rules (gas, padding) stay in the caller.
 *
 * Contract (all functions): every pointer must be valid; the caller owns all memory; the
 * return value is ZKVM_EOK or ZKVM_EFAIL (invalid input: non-canonical, off-curve or
 * wrong-subgroup point, bad recovery id, ...); checks report their verdict in *verified.
 * Points are big-endian x || y; infinity is all zeros. BN254 G2 uses the EVM order
 * (imaginary part first); BLS12-381 G2 is x_c0 || x_c1 || y_c0 || y_c1.
 *
 * zkl1 ships a software implementation (src/accel + src/crypto); a zkVM may supply its own.
 */
#ifndef ZKVM_ACCELERATORS_H
#define ZKVM_ACCELERATORS_H

#if !defined(__cplusplus) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L)
#error "zkvm_accelerators.h needs C11 or later"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define ZKVM_ALIGN8 alignas(8)
extern "C" {
#else
#define ZKVM_ALIGN8 _Alignas(8)
#endif

typedef enum zkvm_status { ZKVM_EOK = 0, ZKVM_EFAIL = -1 } zkvm_status;

typedef struct zkvm_bytes_16 { ZKVM_ALIGN8 uint8_t data[16]; } zkvm_bytes_16;
typedef struct zkvm_bytes_32 { ZKVM_ALIGN8 uint8_t data[32]; } zkvm_bytes_32;
typedef struct zkvm_bytes_48 { ZKVM_ALIGN8 uint8_t data[48]; } zkvm_bytes_48;
typedef struct zkvm_bytes_64 { ZKVM_ALIGN8 uint8_t data[64]; } zkvm_bytes_64;
typedef struct zkvm_bytes_96 { ZKVM_ALIGN8 uint8_t data[96]; } zkvm_bytes_96;
typedef struct zkvm_bytes_128 { ZKVM_ALIGN8 uint8_t data[128]; } zkvm_bytes_128;
typedef struct zkvm_bytes_192 { ZKVM_ALIGN8 uint8_t data[192]; } zkvm_bytes_192;

typedef zkvm_bytes_32 zkvm_keccak256_hash;
typedef zkvm_bytes_32 zkvm_sha256_hash;
typedef zkvm_bytes_32 zkvm_ripemd160_hash; /* bytes 0..11 zero, digest in 12..31 */
typedef zkvm_bytes_32 zkvm_secp256k1_hash;
typedef zkvm_bytes_32 zkvm_secp256r1_hash;
typedef zkvm_bytes_64 zkvm_secp256k1_signature; /* r || s */
typedef zkvm_bytes_64 zkvm_secp256r1_signature; /* r || s */
typedef zkvm_bytes_64 zkvm_secp256k1_pubkey;    /* x || y, no 04 prefix */
typedef zkvm_bytes_64 zkvm_secp256r1_pubkey;    /* x || y, no 04 prefix */
typedef zkvm_bytes_64 zkvm_bn254_g1_point;
typedef zkvm_bytes_128 zkvm_bn254_g2_point;
typedef zkvm_bytes_32 zkvm_bn254_scalar;
typedef zkvm_bytes_96 zkvm_bls12_381_g1_point;
typedef zkvm_bytes_192 zkvm_bls12_381_g2_point;
typedef zkvm_bytes_32 zkvm_bls12_381_scalar;
typedef zkvm_bytes_48 zkvm_bls12_381_fp;
typedef zkvm_bytes_96 zkvm_bls12_381_fp2;
typedef zkvm_bytes_64 zkvm_blake2f_state;   /* 8 little-endian u64 */
typedef zkvm_bytes_128 zkvm_blake2f_message; /* 16 little-endian u64 */
typedef zkvm_bytes_16 zkvm_blake2f_offset;  /* 2 little-endian u64 */
typedef zkvm_bytes_48 zkvm_kzg_commitment;
typedef zkvm_bytes_48 zkvm_kzg_proof;
typedef zkvm_bytes_32 zkvm_kzg_field_element;

typedef struct zkvm_bn254_pairing_pair {
    zkvm_bn254_g1_point g1;
    zkvm_bn254_g2_point g2;
} zkvm_bn254_pairing_pair;
typedef struct zkvm_bls12_381_g1_msm_pair {
    zkvm_bls12_381_g1_point point;
    zkvm_bls12_381_scalar scalar;
} zkvm_bls12_381_g1_msm_pair;
typedef struct zkvm_bls12_381_g2_msm_pair {
    zkvm_bls12_381_g2_point point;
    zkvm_bls12_381_scalar scalar;
} zkvm_bls12_381_g2_msm_pair;
typedef struct zkvm_bls12_381_pairing_pair {
    zkvm_bls12_381_g1_point g1;
    zkvm_bls12_381_g2_point g2;
} zkvm_bls12_381_pairing_pair;

zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output);
zkvm_status zkvm_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified);
zkvm_status zkvm_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output);
zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output);
zkvm_status zkvm_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output);
zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output);
zkvm_status zkvm_bn254_g1_add(const zkvm_bn254_g1_point *p1, const zkvm_bn254_g1_point *p2,
                              zkvm_bn254_g1_point *result);
zkvm_status zkvm_bn254_g1_mul(const zkvm_bn254_g1_point *point, const zkvm_bn254_scalar *scalar,
                              zkvm_bn254_g1_point *result);
zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f);
zkvm_status zkvm_kzg_point_eval(const zkvm_kzg_commitment *commitment, const zkvm_kzg_field_element *z,
                                const zkvm_kzg_field_element *y, const zkvm_kzg_proof *proof, bool *verified);
zkvm_status zkvm_bls12_g1_add(const zkvm_bls12_381_g1_point *p1, const zkvm_bls12_381_g1_point *p2,
                              zkvm_bls12_381_g1_point *result);
zkvm_status zkvm_bls12_g1_msm(const zkvm_bls12_381_g1_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g1_point *result);
zkvm_status zkvm_bls12_g2_add(const zkvm_bls12_381_g2_point *p1, const zkvm_bls12_381_g2_point *p2,
                              zkvm_bls12_381_g2_point *result);
zkvm_status zkvm_bls12_g2_msm(const zkvm_bls12_381_g2_msm_pair *pairs, size_t num_pairs,
                              zkvm_bls12_381_g2_point *result);
zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified);
zkvm_status zkvm_bls12_map_fp_to_g1(const zkvm_bls12_381_fp *field_element, zkvm_bls12_381_g1_point *result);
zkvm_status zkvm_bls12_map_fp2_to_g2(const zkvm_bls12_381_fp2 *field_element, zkvm_bls12_381_g2_point *result);
zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified);

#ifdef __cplusplus
}
#endif

#endif
