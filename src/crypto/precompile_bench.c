/* precompile_bench.c — builds the precompile benchmark inputs (see precompile_bench.h).
 * Freestanding: state lives in a builder on the caller's stack, memory in its arena.
 */
#include "precompile_bench.h"

#include <string.h>

#include "../accel/zkvm_accelerators.h"

typedef struct zk_bench_builder {
    zk_arena *arena;
    zk_bench_case *cases;
    size_t count, max;
    uint64_t rng; /* xorshift state for the pseudo-random operands */
    bool failed;
} zk_bench_builder;

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Appends decoded hex to buf at *len (no checks beyond digits: the strings are constants here). */
static void put_hex(uint8_t *buf, size_t *len, const char *hex)
{
    for (; hex[0] && hex[1]; hex += 2)
        buf[(*len)++] = (uint8_t)(hexval(hex[0]) << 4 | hexval(hex[1]));
}

static void put_zeros(uint8_t *buf, size_t *len, size_t n)
{
    memset(buf + *len, 0, n);
    *len += n;
}

static void put_bytes(uint8_t *buf, size_t *len, const uint8_t *p, size_t n)
{
    memcpy(buf + *len, p, n);
    *len += n;
}

static uint8_t rnd8(zk_bench_builder *bb)
{
    bb->rng ^= bb->rng << 13, bb->rng ^= bb->rng >> 7, bb->rng ^= bb->rng << 17;
    return (uint8_t)bb->rng;
}

/* EIP-2537 padding: 16 zero bytes before each 48-byte field element. */
static void put_padded_fps(uint8_t *buf, size_t *len, const uint8_t *p, size_t num_fps)
{
    for (size_t i = 0; i < num_fps; i++) {
        put_zeros(buf, len, 16);
        put_bytes(buf, len, p + 48 * i, 48);
    }
}

static const char BN_G2[] = "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                            "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                            "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                            "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
static const char BLS_G1[] =
    "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
    "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";
static const char BLS_G2[] =
    "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
    "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
    "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"
    "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";

/* Starts a case with room for `cap` input bytes; NULL (and the builder marked failed) when the
 * arena or the case table is full. */
static uint8_t *new_case(zk_bench_builder *bb, const char *name, uint16_t address, size_t cap)
{
    if (bb->failed || bb->count == bb->max) {
        bb->failed = true;
        return NULL;
    }
    uint8_t *input = zk_arena_calloc(bb->arena, cap ? cap : 1);
    if (!input) {
        bb->failed = true;
        return NULL;
    }
    zk_bench_case *c = &bb->cases[bb->count++];
    c->name = name;
    c->address = address;
    c->input = input;
    c->len = 0;
    return input;
}

/* Declares the input buffer `b` and its length `n` of a new case; leaves the block on failure. */
#define CASE_BUF(name, addr, cap)                                                                  \
    uint8_t *b = new_case(bb, name, addr, cap);                                                    \
    if (!b)                                                                                        \
        return;                                                                                    \
    size_t *n = (size_t *)&bb->cases[bb->count - 1].len

static void add_hash_cases(zk_bench_builder *bb)
{
    {
        CASE_BUF("ecrecover", 0x01, 128);
        put_hex(b, n, "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
                      "000000000000000000000000000000000000000000000000000000000000001c"
                      "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
                      "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549");
    }
    static const struct { const char *name; uint16_t addr; size_t len; } sized[] = {
        {"sha256/32B", 0x02, 32},      {"sha256/1KiB", 0x02, 1024},    {"ripemd160/32B", 0x03, 32},
        {"ripemd160/1KiB", 0x03, 1024}, {"identity/1KiB", 0x04, 1024},
    };
    for (size_t i = 0; i < sizeof sized / sizeof sized[0]; i++) {
        CASE_BUF(sized[i].name, sized[i].addr, sized[i].len);
        for (size_t k = 0; k < sized[i].len; k++)
            b[(*n)++] = rnd8(bb);
    }
}

/* modexp with random operands of the given sizes (top bit of the modulus set, odd modulus). */
static void add_modexp(zk_bench_builder *bb, const char *name, size_t bl, size_t el, size_t ml)
{
    CASE_BUF(name, 0x05, 96 + bl + el + ml);
    put_zeros(b, n, 96);
    b[31] = (uint8_t)bl, b[30] = (uint8_t)(bl >> 8);
    b[63] = (uint8_t)el, b[62] = (uint8_t)(el >> 8);
    b[95] = (uint8_t)ml, b[94] = (uint8_t)(ml >> 8);
    for (size_t k = 0; k < bl + el + ml; k++)
        b[(*n)++] = rnd8(bb);
    b[96 + bl] |= 0x80;          /* full-length exponent */
    b[96 + bl + el] |= 0x80;     /* full-length modulus */
    b[96 + bl + el + ml - 1] |= 1;
}

static void add_bn254_cases(zk_bench_builder *bb)
{
    {
        CASE_BUF("bn254_add", 0x06, 128); /* G + 2G */
        put_hex(b, n, "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002"
                      "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4");
    }
    {
        CASE_BUF("bn254_mul", 0x07, 96);
        put_hex(b, n, "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4");
        for (int k = 0; k < 32; k++)
            b[(*n)++] = rnd8(bb);
        b[64] &= 0x1f;
    }
    {
        CASE_BUF("bn254_pairing/2", 0x08, 384); /* e(G1, G2) · e(-G1, G2) */
        put_hex(b, n, "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002");
        put_hex(b, n, BN_G2);
        put_hex(b, n, "000000000000000000000000000000000000000000000000000000000000000130644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45");
        put_hex(b, n, BN_G2);
    }
}

static void add_blake2f_case(zk_bench_builder *bb, const char *name, uint32_t rounds)
{
    CASE_BUF(name, 0x09, 213);
    b[0] = (uint8_t)(rounds >> 24), b[1] = (uint8_t)(rounds >> 16), b[2] = (uint8_t)(rounds >> 8), b[3] = (uint8_t)rounds;
    *n = 4;
    put_hex(b, n, "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b"
                  "6bbd41fbabd9831f79217e1319cde05b");
    put_hex(b, n, "616263");
    put_zeros(b, n, 125);
    put_hex(b, n, "03");
    put_zeros(b, n, 15);
    b[(*n)++] = 1;
}

static void add_point_evaluation(zk_bench_builder *bb)
{
    /* a c-kzg 4.1.0 proof (tests/crypto/test_kzg.c) with its versioned hash */
    uint8_t c[48];
    size_t cl = 0;
    put_hex(c, &cl, "90ebb2da6e050a13207ffbbc9ced4695a4c837a677d3693658fc6c198f7c14ad552ddcd530f313e0dc122025d18e38a9");
    zkvm_sha256_hash h;
    zkvm_sha256(c, 48, &h);
    h.data[0] = 1;
    CASE_BUF("point_evaluation", 0x0a, 192);
    put_bytes(b, n, h.data, 32);
    put_hex(b, n, "22b2819ac70e5e30a4eb2edcc348b8b744feb3a01f2f0d058544ecab34568ebd"
                  "682c9cfd5db93da5b729013950a1964793a2e546f7ad6d45c7a26609b057c96e");
    put_bytes(b, n, c, 48);
    put_hex(b, n, "adf36167a4b6d1e44938411010dc6936fed833c44153ed68cc5c90b0365a4bacf7f1742cf9bd6f571b58cc06ae1770d2");
}

static void add_bls_cases(zk_bench_builder *bb)
{
    zkvm_bls12_381_g1_point g1, g1x2;
    zkvm_bls12_381_g2_point g2, g2x2;
    size_t l = 0;
    put_hex(g1.data, &l, BLS_G1);
    l = 0;
    put_hex(g2.data, &l, BLS_G2);
    zkvm_bls12_g1_add(&g1, &g1, &g1x2);
    zkvm_bls12_g2_add(&g2, &g2, &g2x2);
    {
        CASE_BUF("bls_g1add", 0x0b, 256);
        put_padded_fps(b, n, g1.data, 2);
        put_padded_fps(b, n, g1x2.data, 2);
    }
    {
        CASE_BUF("bls_g2add", 0x0d, 512);
        put_padded_fps(b, n, g2.data, 4);
        put_padded_fps(b, n, g2x2.data, 4);
    }
    static const size_t ks[] = {1, 16, 128};
    static const char *g1names[] = {"bls_g1msm/1", "bls_g1msm/16", "bls_g1msm/128"};
    static const char *g2names[] = {"bls_g2msm/1", "bls_g2msm/16", "bls_g2msm/128"};
    for (int i = 0; i < 3; i++) {
        CASE_BUF(g1names[i], 0x0c, 160 * ks[i]);
        for (size_t k = 0; k < ks[i]; k++) {
            put_padded_fps(b, n, (k & 1 ? g1x2 : g1).data, 2);
            for (int j = 0; j < 32; j++)
                b[(*n)++] = rnd8(bb);
        }
    }
    for (int i = 0; i < 3; i++) {
        CASE_BUF(g2names[i], 0x0e, 288 * ks[i]);
        for (size_t k = 0; k < ks[i]; k++) {
            put_padded_fps(b, n, (k & 1 ? g2x2 : g2).data, 4);
            for (int j = 0; j < 32; j++)
                b[(*n)++] = rnd8(bb);
        }
    }
    {
        CASE_BUF("bls_pairing/2", 0x0f, 768);
        put_padded_fps(b, n, g1.data, 2);
        put_padded_fps(b, n, g2.data, 4);
        put_padded_fps(b, n, g1x2.data, 2);
        put_padded_fps(b, n, g2x2.data, 4);
    }
    {
        CASE_BUF("bls_map_fp_to_g1", 0x10, 64);
        put_zeros(b, n, 17);
        for (int j = 0; j < 47; j++)
            b[(*n)++] = rnd8(bb);
    }
    {
        CASE_BUF("bls_map_fp2_to_g2", 0x11, 128);
        for (int f = 0; f < 2; f++) {
            put_zeros(b, n, 17);
            for (int j = 0; j < 47; j++)
                b[(*n)++] = rnd8(bb);
        }
    }
}

static void add_p256(zk_bench_builder *bb)
{
    CASE_BUF("p256verify", 0x100, 160); /* RFC 6979 A.2.5, "sample" */
    zkvm_sha256_hash h;
    zkvm_sha256((const uint8_t *)"sample", 6, &h);
    put_bytes(b, n, h.data, 32);
    put_hex(b, n, "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                  "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"
                  "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
                  "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299");
}

size_t zk_precompile_bench_cases(zk_arena *a, zk_bench_case *cases, size_t max)
{
    zk_bench_builder builder = {.arena = a, .cases = cases, .max = max, .rng = 0x243f6a8885a308d3ull};
    zk_bench_builder *bb = &builder;
    add_hash_cases(bb);
    add_modexp(bb, "modexp/32B", 32, 32, 32);
    add_modexp(bb, "modexp/256B,e=3B", 256, 3, 256);
    add_modexp(bb, "modexp/256B", 256, 256, 256);
    add_modexp(bb, "modexp/1024B,e=32B", 1024, 32, 1024);
    add_bn254_cases(bb);
    add_blake2f_case(bb, "blake2f/12", 12);
    add_blake2f_case(bb, "blake2f/10000", 10000);
    add_point_evaluation(bb);
    add_bls_cases(bb);
    add_p256(bb);
    return bb->failed ? 0 : bb->count;
}
