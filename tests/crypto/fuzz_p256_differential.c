/* fuzz_p256_differential.c — libFuzzer target comparing src/crypto/p256.c with BearSSL 0.6 on
 * signatures that are mostly valid: the input supplies a private key d, a nonce k, a hash h and
 * an optional corruption; the harness signs (s = k^-1 (h + r d) mod n, libtommath + BearSSL's
 * fixed-base multiplication), corrupts, and requires both verifiers to agree — except for
 * h ≡ 0 (mod n), where BearSSL is known to reject valid signatures and p256.c must accept. */
#include <bearssl_ec.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tommath.h>

#include "../../src/crypto/p256.h"

static const uint8_t N[32] = {0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};

static bool sign(const uint8_t d[32], const uint8_t k[32], const uint8_t h[32], uint8_t sig[64])
{
    uint8_t R[65];
    if (br_ec_p256_m31.mulgen(R, k, 32, BR_EC_secp256r1) != 65)
        return false;
    mp_int n, r, s, t, kk, dd, hh;
    if (mp_init_multi(&n, &r, &s, &t, &kk, &dd, &hh, NULL) != MP_OKAY)
        return false;
    size_t w;
    bool ok = mp_from_ubin(&n, N, 32) == MP_OKAY && mp_from_ubin(&r, R + 1, 32) == MP_OKAY &&
              mp_mod(&r, &n, &r) == MP_OKAY && mp_from_ubin(&kk, k, 32) == MP_OKAY &&
              mp_from_ubin(&dd, d, 32) == MP_OKAY && mp_from_ubin(&hh, h, 32) == MP_OKAY &&
              mp_mulmod(&r, &dd, &n, &t) == MP_OKAY && mp_add(&t, &hh, &t) == MP_OKAY &&
              mp_invmod(&kk, &n, &s) == MP_OKAY && mp_mulmod(&s, &t, &n, &s) == MP_OKAY &&
              !mp_iszero(&r) && !mp_iszero(&s);
    memset(sig, 0, 64);
    ok = ok && mp_to_ubin(&r, sig + 32 - mp_ubin_size(&r), 32, &w) == MP_OKAY &&
         mp_to_ubin(&s, sig + 64 - mp_ubin_size(&s), 32, &w) == MP_OKAY;
    mp_clear_multi(&n, &r, &s, &t, &kk, &dd, &hh, NULL);
    return ok;
}

static bool scalar_ok(const uint8_t v[32])
{
    static const uint8_t zero[32];
    return memcmp(v, zero, 32) != 0 && memcmp(v, N, 32) < 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 96)
        return 0;
    const uint8_t *d = data, *k = data + 32;
    uint8_t h[32];
    memcpy(h, data + 64, 32);
    if (!scalar_ok(d) || !scalar_ok(k))
        return 0;
    uint8_t q[65], sig[64];
    if (br_ec_p256_m31.mulgen(q, d, 32, BR_EC_secp256r1) != 65 || !sign(d, k, h, sig))
        return 0;
    /* optional corruption: byte 96 picks a position in sig/h/q, byte 97 the xor mask */
    if (size >= 98 && data[97]) {
        unsigned pos = data[96] % 160;
        if (pos < 64)
            sig[pos] ^= data[97];
        else if (pos < 96)
            h[pos - 64] ^= data[97];
        else
            q[1 + pos - 96] ^= data[97];
    }
    zk_p256_result mine = zk_p256_verify(h, sig, q + 1);
    br_ec_public_key pk = {.curve = BR_EC_secp256r1, .q = q, .qlen = 65};
    bool theirs = br_ecdsa_i31_vrfy_raw(&br_ec_p256_m31, h, 32, &pk, sig, 64) == 1;
    static const uint8_t zero[32];
    bool hash_zero_mod_n = memcmp(h, zero, 32) == 0 || memcmp(h, N, 32) == 0;
    if (hash_zero_mod_n)
        return 0; /* BearSSL is wrong there; test_secp256r1.c covers it */
    if ((mine == ZK_P256_VALID) != theirs) {
        fprintf(stderr, "p256 differential: p256.c says %d, BearSSL says %d\n", (int)mine, theirs);
        abort();
    }
    if (!(size >= 98 && data[97]) && mine != ZK_P256_VALID) {
        fprintf(stderr, "p256 differential: an uncorrupted signature did not verify\n");
        abort();
    }
    return 0;
}
