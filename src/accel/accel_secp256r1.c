/* accel_secp256r1.c — software backend for zkvm_secp256r1_verify (P-256 ECDSA, EIP-7951) over
 * src/crypto/p256.c.
 *
 * Verdicts: a public key that is not a valid curve point (coordinate >= p, off the curve, or the
 * all-zero infinity encoding) is invalid input: ZKVM_EFAIL. A signature with r or s outside
 * [1, n-1], or one that does not match, gives ZKVM_EOK with *verified = false. Any s in range is
 * accepted (P-256 has no low-s rule).
 *
 * Why not BearSSL, the dependency docs/crypto-deps.md planned for this: its 0.6 release has only
 * the constant-time 31-bit P-256 code, about 3x slower (~11 Mgas/s at 6900 gas on this loaded machine,
 * a cheap way to fill a block with work), and it cannot add the point at infinity, so it rejects
 * valid signatures of a hash ≡ 0 (mod n). BearSSL remains the differential oracle of the tests.
 * Freestanding.
 */
#include "zkvm_accelerators.h"

#include "../crypto/p256.h"
#include "accel_internal.h"
#include "accel_software.h"

zkvm_status zk_sw_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified)
{
    ZK_ACCEL_REQUIRE(msg);
    ZK_ACCEL_REQUIRE(sig);
    ZK_ACCEL_REQUIRE(pubkey);
    ZK_ACCEL_REQUIRE(verified);
    zk_p256_result r = zk_p256_verify(msg->data, sig->data, pubkey->data);
    *verified = r == ZK_P256_VALID;
    return r == ZK_P256_BAD_KEY ? ZKVM_EFAIL : ZKVM_EOK;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(secp256r1_verify);
