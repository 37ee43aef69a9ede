/* p256.h — ECDSA signature verification on NIST P-256 (secp256r1), for P256VERIFY (EIP-7951).
 *
 * Written in-project for speed: 4×64-bit Montgomery arithmetic with 128-bit products (also
 * plain rv64im code) and a 4-bit-window double-scalar multiplication, about 3x faster than the
 * constant-time 31-bit code of BearSSL 0.6, which the tests keep as a differential oracle.
 * Variable time: every input of a signature check is public. Freestanding; no allocation.
 */
#ifndef ZK_P256_H
#define ZK_P256_H

#include <stdint.h>

typedef enum zk_p256_result {
    ZK_P256_BAD_KEY = -1, /* the public key is not a curve point (coordinate >= p, off the curve, (0, 0)) */
    ZK_P256_INVALID = 0,  /* r or s outside [1, n-1], or the signature does not match */
    ZK_P256_VALID = 1,
} zk_p256_result;

/* Verifies the signature (r ‖ s) of the 32-byte message hash `hash` under the public key
 * (x ‖ y); all values big-endian. The hash is used as an integer reduced mod n (no truncation:
 * it is 256 bits like n). Any s in [1, n-1] is accepted (no low-s rule). */
zk_p256_result zk_p256_verify(const uint8_t hash[32], const uint8_t sig[64], const uint8_t pub[64]);

#endif
