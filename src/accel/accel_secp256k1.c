/* accel_secp256k1.c — software backend for the secp256k1 accelerators (libsecp256k1 0.2.0).
 *
 * Only secp256k1_context_static is used: verification and recovery need no context tables
 * (libsecp256k1 0.2 ships its multiplication tables as constants), so nothing is allocated.
 * Freestanding.
 */
#include "zkvm_accelerators.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <string.h>

#include "accel_internal.h"
#include "accel_software.h"

/* libsecp256k1 is built with USE_EXTERNAL_DEFAULT_CALLBACKS so that it pulls in no stdio. The
 * illegal-argument callback fires only on API misuse (e.g. NULL), the error callback only on
 * failed allocation in context_create, which zkl1 never calls: both are bugs, so trap. */
void secp256k1_default_illegal_callback_fn(const char *message, void *data);
void secp256k1_default_error_callback_fn(const char *message, void *data);

void secp256k1_default_illegal_callback_fn(const char *message, void *data)
{
    (void)message;
    (void)data;
    __builtin_trap();
}

void secp256k1_default_error_callback_fn(const char *message, void *data)
{
    (void)message;
    (void)data;
    __builtin_trap();
}

/* The group order n and n/2 (rounded down), big-endian. */
static const uint8_t SECP256K1_N[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};
static const uint8_t SECP256K1_HALF_N[32] = {
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0};

zkvm_status zk_sw_secp256k1_ecrecover(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                     uint8_t recid, zkvm_secp256k1_pubkey *output)
{
    ZK_ACCEL_REQUIRE(msg);
    ZK_ACCEL_REQUIRE(sig);
    ZK_ACCEL_REQUIRE(output);
    if (recid > 3)
        return ZKVM_EFAIL;

    /* Normalise a high s to n - s and flip the parity bit of recid: (r, s, v) and (r, n-s, v^1)
     * recover the same key. libsecp256k1 would accept either; normalising keeps this backend's
     * behaviour identical to accelerators that accept only low s. s >= n is left alone here
     * and rejected by the parser below. */
    uint8_t rs[64];
    memcpy(rs, sig->data, 64);
    if (zk_be256_cmp(rs + 32, SECP256K1_HALF_N) > 0 && zk_be256_cmp(rs + 32, SECP256K1_N) < 0) {
        zk_be256_sub(rs + 32, SECP256K1_N, rs + 32);
        recid ^= 1;
    }

    const secp256k1_context *ctx = secp256k1_context_static;
    secp256k1_ecdsa_recoverable_signature rsig;
    /* Fails when r or s >= n. r = 0 or s = 0 make the recovery fail. */
    if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, rs, recid))
        return ZKVM_EFAIL;
    secp256k1_pubkey key;
    if (!secp256k1_ecdsa_recover(ctx, &key, &rsig, msg->data))
        return ZKVM_EFAIL;

    uint8_t uncompressed[65];
    size_t len = sizeof uncompressed;
    if (!secp256k1_ec_pubkey_serialize(ctx, uncompressed, &len, &key, SECP256K1_EC_UNCOMPRESSED) || len != 65)
        return ZKVM_EFAIL;
    memcpy(output->data, uncompressed + 1, 64);
    return ZKVM_EOK;
}

zkvm_status zk_sw_secp256k1_verify(const zkvm_secp256k1_hash *msg, const zkvm_secp256k1_signature *sig,
                                  const zkvm_secp256k1_pubkey *pubkey, bool *verified)
{
    ZK_ACCEL_REQUIRE(msg);
    ZK_ACCEL_REQUIRE(sig);
    ZK_ACCEL_REQUIRE(pubkey);
    ZK_ACCEL_REQUIRE(verified);
    *verified = false;

    const secp256k1_context *ctx = secp256k1_context_static;
    /* An invalid public key (coordinates >= p, not on the curve) is invalid input. */
    uint8_t uncompressed[65];
    uncompressed[0] = 0x04;
    memcpy(uncompressed + 1, pubkey->data, 64);
    secp256k1_pubkey key;
    if (!secp256k1_ec_pubkey_parse(ctx, &key, uncompressed, sizeof uncompressed))
        return ZKVM_EFAIL;

    /* A signature with r or s outside [1, n-1] is a signature that does not verify. */
    secp256k1_ecdsa_signature parsed;
    if (!secp256k1_ecdsa_signature_parse_compact(ctx, &parsed, sig->data))
        return ZKVM_EOK;
    /* The interface accepts high s; libsecp256k1's verify insists on low s, so normalise. */
    secp256k1_ecdsa_signature normal;
    secp256k1_ecdsa_signature_normalize(ctx, &normal, &parsed);
    *verified = secp256k1_ecdsa_verify(ctx, &normal, msg->data, &key) == 1;
    return ZKVM_EOK;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(secp256k1_ecrecover);
ZK_ACCEL_BIND(secp256k1_verify);
