/* accel_secp256r1.c — software backend for zkvm_secp256r1_verify (P-256 ECDSA, EIP-7951) over
 * BearSSL's constant-time i31 ECDSA with the m31 P-256 implementation.
 *
 * Verdicts: a public key that is not a valid curve point (coordinate >= p, off the curve, or the
 * all-zero infinity encoding) is invalid input: ZKVM_EFAIL. A signature with r or s outside
 * [1, n-1], or one that does not match, gives ZKVM_EOK with *verified = false. Any s in range is
 * accepted (P-256 has no low-s rule).
 *
 * One gap of BearSSL is closed here: its combined u1·G + u2·Q cannot add the point at infinity,
 * so a hash that is 0 mod n (u1 = 0) would be rejected even for a valid signature. That case is
 * computed as R = u2·Q directly, with u2 = r/s mod n from libtommath. Freestanding.
 */
#include "zkvm_accelerators.h"

#include <bearssl_ec.h>
#include <string.h>
#include <tommath.h>

#include "accel_internal.h"

/* The group order n and the field prime p of P-256, big-endian. */
static const uint8_t P256_N[32] = {
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};

static bool scalar_in_range(const uint8_t v[32])
{
    return !zk_bytes_all_zero(v, 32) && zk_be256_cmp(v, P256_N) < 0;
}

/* True when the public key 04 || x || y decodes as a curve point (BearSSL checks x, y < p and the
 * curve equation while decoding; multiplying by 1 is the cheapest call that decodes). */
static bool pubkey_valid(const uint8_t q[65])
{
    uint8_t copy[65];
    static const uint8_t one = 1;
    memcpy(copy, q, 65);
    return br_ec_p256_m31.mul(copy, sizeof copy, &one, 1, BR_EC_secp256r1) == 1;
}

/* The u1 = 0 case: R = (r/s)·Q; the signature holds when x(R) mod n == r. */
static zkvm_status verify_zero_hash(const uint8_t q[65], const uint8_t rs[64], bool *verified)
{
    mp_int r, s, n, u2;
    if (mp_init_multi(&r, &s, &n, &u2, NULL) != MP_OKAY)
        return ZKVM_EFAIL;
    zkvm_status status = ZKVM_EFAIL;
    uint8_t u2_bytes[32] = {0};
    size_t need, written;
    if (mp_from_ubin(&r, rs, 32) != MP_OKAY || mp_from_ubin(&s, rs + 32, 32) != MP_OKAY ||
        mp_from_ubin(&n, P256_N, 32) != MP_OKAY || mp_invmod(&s, &n, &u2) != MP_OKAY ||
        mp_mulmod(&u2, &r, &n, &u2) != MP_OKAY)
        goto done;
    need = mp_ubin_size(&u2);
    if (need > 32 || mp_to_ubin(&u2, u2_bytes + (32 - need), need, &written) != MP_OKAY)
        goto done;

    /* u2 is in [1, n-1] and Q has prime order n, so u2·Q is never the point at infinity. */
    uint8_t point[65];
    memcpy(point, q, 65);
    if (br_ec_p256_m31.mul(point, sizeof point, u2_bytes, 32, BR_EC_secp256r1) != 1)
        goto done;
    uint8_t x_mod_n[32];
    memcpy(x_mod_n, point + 1, 32);
    if (zk_be256_cmp(x_mod_n, P256_N) >= 0) /* x < p < 2n: one subtraction reduces */
        zk_be256_sub(x_mod_n, x_mod_n, P256_N);
    *verified = memcmp(x_mod_n, rs, 32) == 0;
    status = ZKVM_EOK;
done:
    mp_clear_multi(&r, &s, &n, &u2, NULL);
    return status;
}

zkvm_status zkvm_secp256r1_verify(const zkvm_secp256r1_hash *msg, const zkvm_secp256r1_signature *sig,
                                  const zkvm_secp256r1_pubkey *pubkey, bool *verified)
{
    ZK_ACCEL_REQUIRE(msg);
    ZK_ACCEL_REQUIRE(sig);
    ZK_ACCEL_REQUIRE(pubkey);
    ZK_ACCEL_REQUIRE(verified);
    *verified = false;

    uint8_t q[65];
    q[0] = 0x04;
    memcpy(q + 1, pubkey->data, 64);
    if (!pubkey_valid(q))
        return ZKVM_EFAIL;
    if (!scalar_in_range(sig->data) || !scalar_in_range(sig->data + 32))
        return ZKVM_EOK;

    /* The hash as an integer mod n (256-bit hash, 256-bit n: no truncation) is 0 iff h is 0 or n. */
    if (zk_bytes_all_zero(msg->data, 32) || memcmp(msg->data, P256_N, 32) == 0)
        return verify_zero_hash(q, sig->data, verified);

    br_ec_public_key pk = {.curve = BR_EC_secp256r1, .q = q, .qlen = sizeof q};
    *verified = br_ecdsa_i31_vrfy_raw(&br_ec_p256_m31, msg->data, 32, &pk, sig->data, 64) == 1;
    return ZKVM_EOK;
}
