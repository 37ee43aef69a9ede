/* test_secp256k1.c — known answers and edge cases for zkvm_secp256k1_ecrecover / _verify.
 *
 * Signatures are also produced in the test with libsecp256k1 (RFC 6979, a context in a static
 * buffer, so it runs in the guest without malloc) to cover round trips, tampering and high s. */
#include <secp256k1.h>
#include <secp256k1_preallocated.h>
#include <secp256k1_recovery.h>

#include "kat.h"
#include "zkvm_accelerators.h"

static const char N_HEX[] = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
static const char P_HEX[] = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

static void address_of(const zkvm_secp256k1_pubkey *pub, uint8_t out[20])
{
    zkvm_keccak256_hash h;
    zkvm_keccak256(pub->data, 64, &h);
    memcpy(out, h.data + 12, 20);
}

/* s := n - s, big-endian */
static void negate_s(uint8_t s[32])
{
    uint8_t n[32];
    kat_hex(N_HEX, n, 32);
    unsigned borrow = 0;
    for (int i = 31; i >= 0; i--) {
        unsigned d = (unsigned)n[i] - s[i] - borrow;
        s[i] = (uint8_t)d;
        borrow = (d >> 8) & 1;
    }
}

/* The classic ECRECOVER precompile vector (go-ethereum, execution-specs): v = 28 and a high s.
 * The signer is the well-known test key 0x45a915e4..., address a94f5374.... */
static void test_recover_known_high_s(void)
{
    zkvm_secp256k1_hash msg;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub;
    kat_hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c", msg.data, 32);
    kat_hex("73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
            "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
            sig.data, 64);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, 1, &pub) == ZKVM_EOK);
    uint8_t addr[20];
    address_of(&pub, addr);
    KAT_EQ_HEX(addr, 20, "a94f5374fce5edbc8e2a8697c15331677e6ebf0b");

    /* The same key verifies the high-s signature (the interface accepts high s)... */
    bool ok = false;
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &sig, &pub, &ok) == ZKVM_EOK && ok);
    /* ...and its low-s twin recovers the same key with the other parity. */
    zkvm_secp256k1_signature low = sig;
    zkvm_secp256k1_pubkey pub2;
    negate_s(low.data + 32);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &low, 0, &pub2) == ZKVM_EOK);
    KAT_CHECK(memcmp(pub.data, pub2.data, 64) == 0);
    /* The wrong parity gives a different key. */
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &low, 1, &pub2) == ZKVM_EOK);
    KAT_CHECK(memcmp(pub.data, pub2.data, 64) != 0);
}

static secp256k1_context *signing_context(void)
{
    static _Alignas(16) unsigned char mem[1024];
    size_t need = secp256k1_context_preallocated_size(SECP256K1_CONTEXT_NONE);
    if (need > sizeof mem)
        return NULL;
    return secp256k1_context_preallocated_create(mem, SECP256K1_CONTEXT_NONE);
}

static void test_round_trips(void)
{
    secp256k1_context *ctx = signing_context();
    KAT_CHECK(ctx != NULL);
    if (!ctx)
        return;
    uint8_t key[32];
    kat_hex("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8", key, 32);
    secp256k1_pubkey pk;
    KAT_CHECK(secp256k1_ec_pubkey_create(ctx, &pk, key));
    uint8_t ser[65];
    size_t ser_len = 65;
    secp256k1_ec_pubkey_serialize(ctx, ser, &ser_len, &pk, SECP256K1_EC_UNCOMPRESSED);
    zkvm_secp256k1_pubkey expect;
    memcpy(expect.data, ser + 1, 64);
    uint8_t addr[20];
    address_of(&expect, addr);
    KAT_EQ_HEX(addr, 20, "a94f5374fce5edbc8e2a8697c15331677e6ebf0b");

    for (int i = 0; i < 8; i++) {
        zkvm_secp256k1_hash msg;
        uint8_t seed = (uint8_t)i;
        zkvm_keccak256(&seed, 1, &msg);
        secp256k1_ecdsa_recoverable_signature rsig;
        KAT_CHECK(secp256k1_ecdsa_sign_recoverable(ctx, &rsig, msg.data, key, NULL, NULL));
        zkvm_secp256k1_signature sig;
        int recid = -1;
        secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, sig.data, &recid, &rsig);

        zkvm_secp256k1_pubkey got;
        KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, (uint8_t)recid, &got) == ZKVM_EOK);
        KAT_CHECK(memcmp(got.data, expect.data, 64) == 0);
        bool ok = false;
        KAT_CHECK(zkvm_secp256k1_verify(&msg, &sig, &expect, &ok) == ZKVM_EOK && ok);

        /* high-s form: same key with flipped parity, still verifies */
        zkvm_secp256k1_signature high = sig;
        negate_s(high.data + 32);
        KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &high, (uint8_t)(recid ^ 1), &got) == ZKVM_EOK);
        KAT_CHECK(memcmp(got.data, expect.data, 64) == 0);
        KAT_CHECK(zkvm_secp256k1_verify(&msg, &high, &expect, &ok) == ZKVM_EOK && ok);

        /* tampered message: another key, and no verification */
        msg.data[31] ^= 1;
        if (zkvm_secp256k1_ecrecover(&msg, &sig, (uint8_t)recid, &got) == ZKVM_EOK)
            KAT_CHECK(memcmp(got.data, expect.data, 64) != 0);
        KAT_CHECK(zkvm_secp256k1_verify(&msg, &sig, &expect, &ok) == ZKVM_EOK && !ok);
    }
}

static void test_private_key_one(void)
{
    secp256k1_context *ctx = signing_context();
    uint8_t key[32] = {0};
    key[31] = 1;
    zkvm_secp256k1_hash msg;
    kat_hex("0000000000000000000000000000000000000000000000000000000000000001", msg.data, 32);
    secp256k1_ecdsa_recoverable_signature rsig;
    KAT_CHECK(secp256k1_ecdsa_sign_recoverable(ctx, &rsig, msg.data, key, NULL, NULL));
    zkvm_secp256k1_signature sig;
    int recid;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, sig.data, &recid, &rsig);
    zkvm_secp256k1_pubkey got;
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, (uint8_t)recid, &got) == ZKVM_EOK);
    KAT_EQ_HEX(got.data, 64,
               "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
               "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    uint8_t addr[20];
    address_of(&got, addr);
    KAT_EQ_HEX(addr, 20, "7e5f4552091a69125d5dfcb7b8c2659029395bdf");
}

static void test_recover_rejects(void)
{
    zkvm_secp256k1_hash msg;
    zkvm_secp256k1_signature sig, bad;
    zkvm_secp256k1_pubkey pub;
    kat_hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c", msg.data, 32);
    kat_hex("73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
            "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
            sig.data, 64);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, 4, &pub) == ZKVM_EFAIL);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, 255, &pub) == ZKVM_EFAIL);
    bad = sig; /* r = 0 */
    memset(bad.data, 0, 32);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 0, &pub) == ZKVM_EFAIL);
    bad = sig; /* s = 0 */
    memset(bad.data + 32, 0, 32);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 0, &pub) == ZKVM_EFAIL);
    bad = sig; /* r = n */
    kat_hex(N_HEX, bad.data, 32);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 0, &pub) == ZKVM_EFAIL);
    bad = sig; /* s = n */
    kat_hex(N_HEX, bad.data + 32, 32);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 0, &pub) == ZKVM_EFAIL);
    bad = sig; /* s = 2^256 - 1 */
    memset(bad.data + 32, 0xff, 32);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 1, &pub) == ZKVM_EFAIL);
    /* r = 5: x = 5 has no point on the curve (5^3 + 7 = 132 is a non-residue mod p). */
    bad = sig;
    memset(bad.data, 0, 32);
    bad.data[31] = 5;
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 0, &pub) == ZKVM_EFAIL);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &bad, 1, &pub) == ZKVM_EFAIL);
    /* recid 2/3 need r + n < p: false for this r, so they fail too. */
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, 2, &pub) == ZKVM_EFAIL);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, 3, &pub) == ZKVM_EFAIL);
}

static void test_verify_rejects(void)
{
    zkvm_secp256k1_hash msg;
    zkvm_secp256k1_signature sig, bad;
    zkvm_secp256k1_pubkey pub, badkey;
    kat_hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c", msg.data, 32);
    kat_hex("73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
            "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
            sig.data, 64);
    KAT_CHECK(zkvm_secp256k1_ecrecover(&msg, &sig, 1, &pub) == ZKVM_EOK);
    bool ok = true;
    /* off-curve key: invalid input */
    badkey = pub;
    badkey.data[63] ^= 1;
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &sig, &badkey, &ok) == ZKVM_EFAIL);
    /* x = p: not canonical */
    badkey = pub;
    kat_hex(P_HEX, badkey.data, 32);
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &sig, &badkey, &ok) == ZKVM_EFAIL);
    /* the point at infinity (all zeros) is no public key */
    memset(badkey.data, 0, 64);
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &sig, &badkey, &ok) == ZKVM_EFAIL);
    /* out-of-range signature values: a signature that does not verify */
    bad = sig;
    memset(bad.data, 0, 32);
    ok = true;
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &bad, &pub, &ok) == ZKVM_EOK && !ok);
    bad = sig;
    kat_hex(N_HEX, bad.data + 32, 32);
    ok = true;
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &bad, &pub, &ok) == ZKVM_EOK && !ok);
    bad = sig;
    bad.data[5] ^= 0x10;
    ok = true;
    KAT_CHECK(zkvm_secp256k1_verify(&msg, &bad, &pub, &ok) == ZKVM_EOK && !ok);
}

int main(void)
{
    KAT_RUN(test_recover_known_high_s);
    KAT_RUN(test_round_trips);
    KAT_RUN(test_private_key_one);
    KAT_RUN(test_recover_rejects);
    KAT_RUN(test_verify_rejects);
    return kat_finish("secp256k1");
}
