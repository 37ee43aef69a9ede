/* test_secp256r1.c — zkvm_secp256r1_verify (src/crypto/p256.c): the RFC 6979 A.2.5 P-256/SHA-256
 * signatures, signatures made here (s = k^-1 (h + r d) mod n with libtommath and BearSSL's
 * fixed-base multiplication), the hash ≡ 0 (mod n) case that BearSSL gets wrong, high s, keys
 * ±G that make the double-scalar loop add equal and opposite points, a differential comparison
 * with BearSSL's verifier, and the EIP-7951 input rules.
 * The EIP-7951 / Wycheproof vectors run at the precompile level (test_precompiles.c and the
 * fixture test). */
#include <bearssl_ec.h>
#include <tommath.h>

#include "kat.h"
#include "zkvm_accelerators.h"

static const char N_HEX[] = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
static const char P_HEX[] = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
static const char D_HEX[] = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
static const char UX_HEX[] = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
static const char UY_HEX[] = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

static zkvm_secp256r1_pubkey public_key(const uint8_t d[32])
{
    uint8_t q[65];
    size_t n = br_ec_p256_m31.mulgen(q, d, 32, BR_EC_secp256r1);
    KAT_CHECK(n == 65);
    zkvm_secp256r1_pubkey pub;
    memcpy(pub.data, q + 1, 64);
    return pub;
}

/* ECDSA signing with an explicit nonce k: r = x(kG) mod n, s = k^-1 (h + r d) mod n. */
static bool sign(const uint8_t d[32], const uint8_t k[32], const uint8_t h[32], zkvm_secp256r1_signature *sig)
{
    uint8_t R[65];
    if (br_ec_p256_m31.mulgen(R, k, 32, BR_EC_secp256r1) != 65)
        return false;
    mp_int n, r, s, t, kk, dd, hh;
    if (mp_init_multi(&n, &r, &s, &t, &kk, &dd, &hh, NULL) != MP_OKAY)
        return false;
    uint8_t nb[32];
    kat_hex(N_HEX, nb, 32);
    bool ok = mp_from_ubin(&n, nb, 32) == MP_OKAY && mp_from_ubin(&r, R + 1, 32) == MP_OKAY &&
              mp_mod(&r, &n, &r) == MP_OKAY && mp_from_ubin(&kk, k, 32) == MP_OKAY &&
              mp_from_ubin(&dd, d, 32) == MP_OKAY && mp_from_ubin(&hh, h, 32) == MP_OKAY &&
              mp_mulmod(&r, &dd, &n, &t) == MP_OKAY && mp_add(&t, &hh, &t) == MP_OKAY &&
              mp_invmod(&kk, &n, &s) == MP_OKAY && mp_mulmod(&s, &t, &n, &s) == MP_OKAY;
    size_t w;
    memset(sig->data, 0, 64);
    ok = ok && mp_to_ubin(&r, sig->data + 32 - mp_ubin_size(&r), 32, &w) == MP_OKAY &&
         mp_to_ubin(&s, sig->data + 64 - mp_ubin_size(&s), 32, &w) == MP_OKAY;
    mp_clear_multi(&n, &r, &s, &t, &kk, &dd, &hh, NULL);
    return ok;
}

static bool verify(const zkvm_secp256r1_hash *h, const zkvm_secp256r1_signature *sig,
                   const zkvm_secp256r1_pubkey *pub, zkvm_status want)
{
    bool ok = false;
    zkvm_status st = zkvm_secp256r1_verify(h, sig, pub, &ok);
    KAT_CHECK(st == want);
    return st == ZKVM_EOK && ok;
}

static void test_rfc6979(void)
{
    uint8_t d[32];
    kat_hex(D_HEX, d, 32);
    zkvm_secp256r1_pubkey pub = public_key(d);
    KAT_EQ_HEX(pub.data, 32, UX_HEX);
    KAT_EQ_HEX(pub.data + 32, 32, UY_HEX);

    zkvm_secp256r1_hash h;
    zkvm_secp256r1_signature sig;
    zkvm_sha256((const uint8_t *)"sample", 6, &h);
    kat_hex("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
            "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
            sig.data, 64);
    KAT_CHECK(verify(&h, &sig, &pub, ZKVM_EOK));
    /* the same signature from the published nonce */
    uint8_t k[32];
    zkvm_secp256r1_signature mine;
    kat_hex("a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60", k, 32);
    KAT_CHECK(sign(d, k, h.data, &mine) && memcmp(mine.data, sig.data, 64) == 0);

    zkvm_sha256((const uint8_t *)"test", 4, &h);
    kat_hex("f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
            "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083",
            sig.data, 64);
    KAT_CHECK(verify(&h, &sig, &pub, ZKVM_EOK));
    sig.data[63] ^= 1;
    KAT_CHECK(!verify(&h, &sig, &pub, ZKVM_EOK));
}

static void test_signed_here(void)
{
    uint8_t d[32], k[32];
    kat_hex(D_HEX, d, 32);
    zkvm_secp256r1_pubkey pub = public_key(d);
    for (int i = 0; i < 6; i++) {
        zkvm_secp256r1_hash h;
        zkvm_secp256r1_signature sig;
        uint8_t seed[2] = {(uint8_t)i, 0x5a};
        zkvm_sha256(seed, 2, &h);
        zkvm_sha256(h.data, 32, (zkvm_sha256_hash *)k);
        k[0] &= 0x7f; /* < n */
        KAT_CHECK(sign(d, k, h.data, &sig));
        KAT_CHECK(verify(&h, &sig, &pub, ZKVM_EOK));
        /* (r, n - s) is valid too: P-256 has no low-s rule */
        zkvm_secp256r1_signature high = sig;
        uint8_t n[32];
        kat_hex(N_HEX, n, 32);
        unsigned borrow = 0;
        for (int b = 31; b >= 0; b--) {
            unsigned v = (unsigned)n[b] - high.data[32 + b] - borrow;
            high.data[32 + b] = (uint8_t)v;
            borrow = (v >> 8) & 1;
        }
        KAT_CHECK(verify(&h, &high, &pub, ZKVM_EOK));
        h.data[0] ^= 0x80;
        KAT_CHECK(!verify(&h, &sig, &pub, ZKVM_EOK));
    }
}

/* h = 0 and h = n both reduce to 0 mod n: u1 = 0, R = u2·Q. */
static void test_zero_hash(void)
{
    uint8_t d[32], k[32];
    kat_hex(D_HEX, d, 32);
    kat_hex("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", k, 32);
    zkvm_secp256r1_pubkey pub = public_key(d);
    zkvm_secp256r1_hash h = {{0}};
    zkvm_secp256r1_signature sig;
    KAT_CHECK(sign(d, k, h.data, &sig));
    KAT_CHECK(verify(&h, &sig, &pub, ZKVM_EOK));
    kat_hex(N_HEX, h.data, 32);
    KAT_CHECK(verify(&h, &sig, &pub, ZKVM_EOK));
    sig.data[40] ^= 4;
    KAT_CHECK(!verify(&h, &sig, &pub, ZKVM_EOK));
    memset(h.data, 0, 32);
    KAT_CHECK(!verify(&h, &sig, &pub, ZKVM_EOK));
}

static bool bearssl_verify(const zkvm_secp256r1_hash *h, const zkvm_secp256r1_signature *sig,
                           const zkvm_secp256r1_pubkey *pub)
{
    uint8_t q[65];
    q[0] = 4;
    memcpy(q + 1, pub->data, 64);
    br_ec_public_key pk = {.curve = BR_EC_secp256r1, .q = q, .qlen = 65};
    return br_ecdsa_i31_vrfy_raw(&br_ec_p256_m31, h->data, 32, &pk, sig->data, 64) == 1;
}

/* Random keys, nonces and hashes; valid signatures and corrupted ones: both verifiers agree. */
static void test_differential_bearssl(void)
{
    uint8_t seed[32] = {1};
    for (int i = 0; i < 48; i++) {
        uint8_t d[32], k[32];
        zkvm_sha256_hash t;
        zkvm_sha256(seed, 32, &t), memcpy(d, t.data, 32), memcpy(seed, t.data, 32);
        zkvm_sha256(seed, 32, &t), memcpy(k, t.data, 32), memcpy(seed, t.data, 32);
        d[0] &= 0x7f, k[0] &= 0x7f;
        zkvm_secp256r1_pubkey pub = public_key(d);
        zkvm_secp256r1_hash h;
        zkvm_sha256(seed, 31, &h);
        zkvm_secp256r1_signature sig;
        KAT_CHECK(sign(d, k, h.data, &sig));
        if (i % 3 == 1)
            sig.data[i % 64] ^= (uint8_t)(1 << (i % 8)); /* corrupt r or s */
        if (i % 3 == 2)
            h.data[i % 32] ^= 0x40; /* corrupt the hash */
        bool ok = false;
        KAT_CHECK(zkvm_secp256r1_verify(&h, &sig, &pub, &ok) == ZKVM_EOK);
        KAT_CHECK(ok == bearssl_verify(&h, &sig, &pub));
        KAT_CHECK(ok == (i % 3 == 0));
    }
}

/* Q = G and Q = -G: u1·G + u2·Q then adds equal or opposite points inside the window loop
 * (the doubling and infinity branches of the addition). d = 1 and d = n - 1. */
static void test_key_plus_minus_generator(void)
{
    uint8_t one[32] = {0}, minus_one[32], k[32];
    one[31] = 1;
    kat_hex(N_HEX, minus_one, 32);
    minus_one[31] -= 1;
    const uint8_t *keys[2] = {one, minus_one};
    for (int which = 0; which < 2; which++) {
        zkvm_secp256r1_pubkey pub = public_key(keys[which]);
        for (int i = 0; i < 8; i++) {
            zkvm_secp256r1_hash h;
            uint8_t m = (uint8_t)(i + 16 * which);
            zkvm_sha256(&m, 1, &h);
            zkvm_sha256(h.data, 32, (zkvm_sha256_hash *)k);
            k[0] &= 0x7f;
            zkvm_secp256r1_signature sig;
            KAT_CHECK(sign(keys[which], k, h.data, &sig));
            KAT_CHECK(verify(&h, &sig, &pub, ZKVM_EOK));
            KAT_CHECK(bearssl_verify(&h, &sig, &pub));
        }
        /* With d = 1 (Q = G), R = ((h + r)/s)·G: h = n - r makes R the point at infinity, which
         * must not verify. */
        if (which == 0) {
            zkvm_secp256r1_hash h;
            zkvm_secp256r1_signature sig;
            kat_hex("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", k, 32);
            uint8_t zero[32] = {0};
            KAT_CHECK(sign(one, k, zero, &sig));
            uint8_t n[32];
            kat_hex(N_HEX, n, 32);
            unsigned borrow = 0;
            for (int b = 31; b >= 0; b--) {
                unsigned v = (unsigned)n[b] - sig.data[b] - borrow;
                h.data[b] = (uint8_t)v;
                borrow = (v >> 8) & 1;
            }
            KAT_CHECK(!verify(&h, &sig, &pub, ZKVM_EOK));
        }
    }
}

static void test_input_rules(void)
{
    uint8_t d[32];
    kat_hex(D_HEX, d, 32);
    zkvm_secp256r1_pubkey pub = public_key(d), bad;
    zkvm_secp256r1_hash h;
    zkvm_secp256r1_signature sig, s2;
    zkvm_sha256((const uint8_t *)"sample", 6, &h);
    kat_hex("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
            "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
            sig.data, 64);
    /* r = 0, s = 0, r = n, s = n: not verified */
    s2 = sig, memset(s2.data, 0, 32);
    KAT_CHECK(!verify(&h, &s2, &pub, ZKVM_EOK));
    s2 = sig, memset(s2.data + 32, 0, 32);
    KAT_CHECK(!verify(&h, &s2, &pub, ZKVM_EOK));
    s2 = sig, kat_hex(N_HEX, s2.data, 32);
    KAT_CHECK(!verify(&h, &s2, &pub, ZKVM_EOK));
    s2 = sig, kat_hex(N_HEX, s2.data + 32, 32);
    KAT_CHECK(!verify(&h, &s2, &pub, ZKVM_EOK));
    /* keys: (0, 0), x = p, y + p does not fit, off the curve */
    memset(bad.data, 0, 64);
    verify(&h, &sig, &bad, ZKVM_EFAIL);
    bad = pub, kat_hex(P_HEX, bad.data, 32);
    verify(&h, &sig, &bad, ZKVM_EFAIL);
    bad = pub, bad.data[63] ^= 1;
    verify(&h, &sig, &bad, ZKVM_EFAIL);
}

int main(void)
{
    KAT_RUN(test_rfc6979);
    KAT_RUN(test_signed_here);
    KAT_RUN(test_zero_hash);
    KAT_RUN(test_differential_bearssl);
    KAT_RUN(test_key_plus_minus_generator);
    KAT_RUN(test_input_rules);
    return kat_finish("secp256r1");
}
