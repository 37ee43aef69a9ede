/* test_ripemd160.c — RIPEMD-160 published test vectors (Bosselaers' page / ISO 10118-3), through
 * zkvm_ripemd160 (12 zero bytes then the digest) and the incremental API. */
#include "../../src/crypto/ripemd160.h"
#include "kat.h"
#include "zkvm_accelerators.h"

static void check(const char *msg, const char *want_digest)
{
    zkvm_ripemd160_hash h;
    size_t len = strlen(msg);
    KAT_CHECK(zkvm_ripemd160((const uint8_t *)msg, len, &h) == ZKVM_EOK);
    static const uint8_t zero[12];
    KAT_CHECK(memcmp(h.data, zero, 12) == 0);
    KAT_EQ_HEX(h.data + 12, 20, want_digest);
}

static void test_published_vectors(void)
{
    check("", "9c1185a5c5e9fc54612808977ee8f548b2258d31");
    check("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe");
    check("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
    check("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36");
    check("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc");
    check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b");
    check("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
          "b0e20b6e3116640286ed3a87a5713079b21f5189");
    check("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
          "9b752e45573d4b39f4dbd3323cab82bf63326bfb");
}

static void test_million_a_incremental(void)
{
    uint8_t chunk[997]; /* odd size: exercises partial-block buffering */
    memset(chunk, 'a', sizeof chunk);
    zk_ripemd160_ctx c;
    zk_ripemd160_init(&c);
    size_t left = 1000000;
    while (left > 0) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        zk_ripemd160_update(&c, chunk, n);
        left -= n;
    }
    uint8_t d[20];
    zk_ripemd160_final(&c, d);
    KAT_EQ_HEX(d, 20, "52783243c1697bdbe16d37f97f68f08325dc1528");
}

static void test_one_shot_equals_incremental(void)
{
    uint8_t msg[200];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)(i * 7 + 1);
    for (size_t len = 0; len <= sizeof msg; len++) {
        uint8_t a[20], b[20];
        zk_ripemd160(msg, len, a);
        zk_ripemd160_ctx c;
        zk_ripemd160_init(&c);
        for (size_t i = 0; i < len; i++)
            zk_ripemd160_update(&c, msg + i, 1);
        zk_ripemd160_final(&c, b);
        KAT_CHECK(memcmp(a, b, 20) == 0);
    }
}

int main(void)
{
    KAT_RUN(test_published_vectors);
    KAT_RUN(test_million_a_incremental);
    KAT_RUN(test_one_shot_equals_incremental);
    return kat_finish("ripemd160");
}
