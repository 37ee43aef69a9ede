/* test_hash.c — SHA-256 (zkvm_sha256, blst) and keccak256 (zkvm_keccak256) known answers.
 * FIPS 180-2 examples for SHA-256, plus a differential check against BearSSL's SHA-256 over every
 * length from 0 to 300 bytes (all padding/block-boundary cases). */
#include <bearssl_hash.h>

#include "kat.h"
#include "zkvm_accelerators.h"

static void sha256_hex(const char *msg, size_t len, const char *want)
{
    zkvm_sha256_hash h;
    KAT_CHECK(zkvm_sha256((const uint8_t *)msg, len, &h) == ZKVM_EOK);
    KAT_EQ_HEX(h.data, 32, want);
}

static void test_sha256_fips(void)
{
    sha256_hex("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    zkvm_sha256_hash h;
    KAT_CHECK(zkvm_sha256(NULL, 0, &h) == ZKVM_EOK); /* NULL is fine for an empty message */
    KAT_EQ_HEX(h.data, 32, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static uint8_t million[1000000];

static void test_sha256_million_a(void)
{
    memset(million, 'a', sizeof million);
    zkvm_sha256_hash h;
    KAT_CHECK(zkvm_sha256(million, sizeof million, &h) == ZKVM_EOK);
    KAT_EQ_HEX(h.data, 32, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_sha256_vs_bearssl(void)
{
    uint8_t msg[300];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)(i * 131 + 7);
    for (size_t len = 0; len <= sizeof msg; len++) {
        zkvm_sha256_hash got;
        uint8_t want[32];
        br_sha256_context c;
        br_sha256_init(&c);
        br_sha256_update(&c, msg, len);
        br_sha256_out(&c, want);
        zkvm_sha256(msg, len, &got);
        KAT_CHECK(memcmp(got.data, want, 32) == 0);
    }
}

static void test_keccak256(void)
{
    zkvm_keccak256_hash h;
    KAT_CHECK(zkvm_keccak256((const uint8_t *)"", 0, &h) == ZKVM_EOK);
    KAT_EQ_HEX(h.data, 32, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    KAT_CHECK(zkvm_keccak256(NULL, 0, &h) == ZKVM_EOK);
    KAT_EQ_HEX(h.data, 32, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    KAT_CHECK(zkvm_keccak256((const uint8_t *)"abc", 3, &h) == ZKVM_EOK);
    KAT_EQ_HEX(h.data, 32, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    /* rlp of the empty list: the empty ommers hash */
    uint8_t c0 = 0xc0;
    zkvm_keccak256(&c0, 1, &h);
    KAT_EQ_HEX(h.data, 32, "1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
}

int main(void)
{
    KAT_RUN(test_sha256_fips);
    KAT_RUN(test_sha256_million_a);
    KAT_RUN(test_sha256_vs_bearssl);
    KAT_RUN(test_keccak256);
    return kat_finish("hash");
}
