/* test_precompiles.c — zk_precompile_run end to end: a subset of the official EEST vectors
 * (vectors_precompiles.h, see gen_precompile_kat.py) plus hand-written gas and edge cases:
 * existence per fork, modexp pricing in three forks, EIP-7823 bounds, u256 lengths that must be a
 * gas error and never an allocation, BLAKE2F's 2^32-1 rounds, padding, and arena discipline. */
#include "../../src/core/keccak.h"
#include "../../src/crypto/precompiles.h"
#include "kat.h"
#include "vectors_precompiles.h"

static _Alignas(16) uint8_t arena_mem[8 << 20];

static zk_address precompile_address(uint16_t a)
{
    zk_address addr = {{0}};
    addr.b[18] = (uint8_t)(a >> 8);
    addr.b[19] = (uint8_t)a;
    return addr;
}

static bool fork_by_name(const char *s, zk_fork *f)
{
    static const struct {
        const char *name;
        zk_fork fork;
    } names[] = {{"Frontier", ZK_FORK_FRONTIER},   {"Homestead", ZK_FORK_HOMESTEAD}, {"Byzantium", ZK_FORK_BYZANTIUM},
                 {"ConstantinopleFix", ZK_FORK_PETERSBURG}, {"Istanbul", ZK_FORK_ISTANBUL}, {"Berlin", ZK_FORK_BERLIN},
                 {"London", ZK_FORK_LONDON},       {"Paris", ZK_FORK_PARIS},         {"Shanghai", ZK_FORK_SHANGHAI},
                 {"Cancun", ZK_FORK_CANCUN},       {"Prague", ZK_FORK_PRAGUE},       {"Osaka", ZK_FORK_OSAKA},
                 {"Amsterdam", ZK_FORK_AMSTERDAM}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *f = names[i].fork;
            return true;
        }
    return false;
}

typedef struct run_result {
    zk_status status;
    uint64_t gas_used;
    bool success;
    zk_bytes out;
} run_result;

static run_result run(zk_arena *a, zk_fork fork, uint16_t address, const uint8_t *in, size_t len, uint64_t gas)
{
    run_result r;
    zk_address addr = precompile_address(address);
    r.status = zk_precompile_run(fork, &addr, in, len, gas, a, &r.gas_used, &r.success, &r.out);
    return r;
}

static void test_eest_vectors(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    for (size_t i = 0; i < sizeof PRECOMPILE_VECTORS / sizeof PRECOMPILE_VECTORS[0]; i++) {
        const struct precompile_vector *v = &PRECOMPILE_VECTORS[i];
        zk_fork fork;
        if (!fork_by_name(v->fork, &fork)) {
            kat_fail(__FILE__, __LINE__, v->id);
            continue;
        }
        zk_arena_mark m = zk_arena_get_mark(&a);
        run_result r = run(&a, fork, v->address, v->input, v->input_len, v->gas);
        bool ok = r.status == ZK_OK && r.success == (v->success == 1);
        if (ok && v->out_len >= 0)
            ok = (long)r.out.len == v->out_len;
        if (ok && v->keccak) {
            zk_hash h = keccak256(r.out.ptr, r.out.len);
            ok = memcmp(h.b, v->keccak, 32) == 0;
        }
        for (size_t w = 0; ok && w < v->num_words; w++) {
            const struct precompile_word_check *c = &v->words[w];
            for (size_t k = 0; k < 32; k++) {
                uint8_t got = c->offset + k < r.out.len ? r.out.ptr[c->offset + k] : c->fallback[k];
                ok = ok && got == c->want[k];
            }
        }
        kat_checks++;
        if (!ok)
            kat_fail(__FILE__, __LINE__, v->id);
        zk_arena_reset(&a, m);
    }
}

static void test_existence_per_fork(void)
{
    zk_address a;
    a = precompile_address(0x01);
    KAT_CHECK(zk_precompile_exists(ZK_FORK_FRONTIER, &a));
    a = precompile_address(0x05);
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_HOMESTEAD, &a) && zk_precompile_exists(ZK_FORK_BYZANTIUM, &a));
    a = precompile_address(0x09);
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_PETERSBURG, &a) && zk_precompile_exists(ZK_FORK_ISTANBUL, &a));
    a = precompile_address(0x0a);
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_SHANGHAI, &a) && zk_precompile_exists(ZK_FORK_CANCUN, &a));
    a = precompile_address(0x11);
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_CANCUN, &a) && zk_precompile_exists(ZK_FORK_PRAGUE, &a));
    a = precompile_address(0x100);
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_PRAGUE, &a) && zk_precompile_exists(ZK_FORK_OSAKA, &a));
    KAT_CHECK(zk_precompile_exists(ZK_FORK_AMSTERDAM, &a));
    a = precompile_address(0x12); /* EIP-7932 SIGRECOVER was declined */
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_AMSTERDAM, &a));
    a = precompile_address(0x00);
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_AMSTERDAM, &a));
    a = precompile_address(0x01);
    a.b[0] = 1;
    KAT_CHECK(!zk_precompile_exists(ZK_FORK_AMSTERDAM, &a));
    uint64_t used;
    bool ok;
    zk_bytes out;
    zk_arena ar;
    zk_arena_init_fixed(&ar, arena_mem, sizeof arena_mem);
    KAT_CHECK(zk_precompile_run(ZK_FORK_AMSTERDAM, &a, NULL, 0, 100, &ar, &used, &ok, &out) == ZK_ERR_INVALID);
}

/* MODEXP header: three 32-byte lengths. */
static size_t modexp_input(uint8_t *buf, uint64_t bl, uint64_t el, uint64_t ml)
{
    memset(buf, 0, 96);
    for (int i = 0; i < 8; i++) {
        buf[31 - i] = (uint8_t)(bl >> (8 * i));
        buf[63 - i] = (uint8_t)(el >> (8 * i));
        buf[95 - i] = (uint8_t)(ml >> (8 * i));
    }
    return 96;
}

static void test_modexp_gas_per_fork(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    /* EIP-198 example 1: 3^(p-2) mod p, p the secp256k1 prime; iterations = 255. */
    uint8_t in[96 + 1 + 64];
    size_t n = modexp_input(in, 1, 32, 32);
    in[n++] = 3;
    kat_hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
            in + n, 64);
    n += 64;
    run_result r = run(&a, ZK_FORK_BYZANTIUM, 5, in, n, 1000000);
    KAT_CHECK(r.success && r.gas_used == 32 * 32 * 255 / 20); /* 13056 */
    KAT_CHECK(r.out.len == 32 && r.out.ptr[31] == 1);
    r = run(&a, ZK_FORK_BERLIN, 5, in, n, 1000000);
    KAT_CHECK(r.success && r.gas_used == 4 * 4 * 255 / 3); /* 1360 */
    r = run(&a, ZK_FORK_OSAKA, 5, in, n, 1000000);
    KAT_CHECK(r.success && r.gas_used == 16 * 255); /* 4080 */
    /* one gas short: out of gas, everything consumed, no output */
    r = run(&a, ZK_FORK_OSAKA, 5, in, n, 4079);
    KAT_CHECK(r.status == ZK_OK && !r.success && r.gas_used == 4079 && r.out.len == 0);

    /* minimums: 200 (Berlin) and 500 (Osaka); Byzantium has none */
    n = modexp_input(in, 1, 1, 1);
    in[n++] = 2, in[n++] = 1, in[n++] = 7;
    r = run(&a, ZK_FORK_BERLIN, 5, in, n, 100000);
    KAT_CHECK(r.success && r.gas_used == 200 && r.out.len == 1 && r.out.ptr[0] == 2);
    r = run(&a, ZK_FORK_OSAKA, 5, in, n, 100000);
    KAT_CHECK(r.success && r.gas_used == 500);
    r = run(&a, ZK_FORK_BYZANTIUM, 5, in, n, 100000);
    KAT_CHECK(r.success && r.gas_used == 0);
}

static void test_modexp_huge_lengths(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    uint8_t in[96];
    /* base_len = 2^256 - 1: a gas error, never an allocation */
    modexp_input(in, 0, 0, 1);
    memset(in, 0xff, 32);
    run_result r = run(&a, ZK_FORK_PRAGUE, 5, in, 96, UINT64_MAX);
    KAT_CHECK(r.status == ZK_OK && !r.success && r.gas_used == UINT64_MAX);
    r = run(&a, ZK_FORK_BYZANTIUM, 5, in, 96, UINT64_MAX);
    KAT_CHECK(r.status == ZK_OK && !r.success);
    /* exp_len = 2^255 with empty base and modulus: complexity 0, so it costs the minimum and
     * returns nothing (pre-Osaka); Osaka rejects the length (EIP-7823). */
    modexp_input(in, 0, 0, 0);
    in[32] = 0x80;
    r = run(&a, ZK_FORK_PRAGUE, 5, in, 96, 1000);
    KAT_CHECK(r.status == ZK_OK && r.success && r.gas_used == 200 && r.out.len == 0);
    r = run(&a, ZK_FORK_BYZANTIUM, 5, in, 96, 1000);
    KAT_CHECK(r.status == ZK_OK && r.success && r.gas_used == 0 && r.out.len == 0);
    r = run(&a, ZK_FORK_OSAKA, 5, in, 96, 1000);
    KAT_CHECK(r.status == ZK_OK && !r.success && r.gas_used == 1000);
    /* mod_len = 2^64: huge gas, no allocation */
    modexp_input(in, 0, 0, 0);
    in[87] = 1;
    r = run(&a, ZK_FORK_PRAGUE, 5, in, 96, UINT64_MAX);
    KAT_CHECK(r.status == ZK_OK && !r.success);
}

static void test_modexp_eip7823_bounds(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    static uint8_t in[96 + 1025 + 1 + 1];
    memset(in, 0, sizeof in);
    size_t n = modexp_input(in, 1025, 1, 1) + 1025;
    in[n++] = 3; /* exponent */
    in[n++] = 7; /* modulus */
    run_result r = run(&a, ZK_FORK_OSAKA, 5, in, n, 10000000);
    KAT_CHECK(r.status == ZK_OK && !r.success && r.gas_used == 10000000);
    r = run(&a, ZK_FORK_PRAGUE, 5, in, n, 10000000);
    KAT_CHECK(r.status == ZK_OK && r.success && r.out.len == 1 && r.out.ptr[0] == 0);
    /* 1024 is allowed */
    n = modexp_input(in, 1024, 1, 1) + 1024;
    in[n++] = 3;
    in[n++] = 7;
    r = run(&a, ZK_FORK_OSAKA, 5, in, n, 10000000);
    KAT_CHECK(r.status == ZK_OK && r.success && r.out.len == 1);
}

static void test_modexp_padding(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    /* the input stops after the base: exponent and modulus read as zeros -> modulus 0 -> zeros */
    uint8_t in[96 + 2];
    size_t n = modexp_input(in, 2, 2, 3);
    in[n++] = 5, in[n++] = 6;
    run_result r = run(&a, ZK_FORK_OSAKA, 5, in, n, 100000);
    KAT_CHECK(r.success && r.out.len == 3 && r.out.ptr[0] == 0 && r.out.ptr[1] == 0 && r.out.ptr[2] == 0);
}

static void test_blake2f(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    uint8_t in[214];
    /* EIP-152 vector 4 (12 rounds): rounds, h, m ("abc"), t = 3, f = 1 */
    memset(in, 0, sizeof in);
    in[3] = 12;
    KAT_CHECK(kat_hex("48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b"
                      "6bbd41fbabd9831f79217e1319cde05b",
                      in + 4, 64) == 64);
    in[68] = 'a', in[69] = 'b', in[70] = 'c';
    in[196] = 3;
    in[212] = 1;
    run_result r = run(&a, ZK_FORK_ISTANBUL, 9, in, 213, 12);
    KAT_CHECK(r.success && r.gas_used == 12 && r.out.len == 64);
    if (r.out.len == 64)
        KAT_EQ_HEX(r.out.ptr, 64,
                   "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
                   "18d38aa8dbf1925ab92386edd4009923");
    r = run(&a, ZK_FORK_ISTANBUL, 9, in, 213, 11);
    KAT_CHECK(!r.success && r.gas_used == 11);
    r = run(&a, ZK_FORK_ISTANBUL, 9, in, 212, 1000); /* EIP-152 vector 1: wrong length */
    KAT_CHECK(!r.success && r.gas_used == 1000);
    r = run(&a, ZK_FORK_ISTANBUL, 9, in, 214, 1000); /* vector 2 */
    KAT_CHECK(!r.success);
    in[212] = 2; /* vector 3: bad final flag */
    r = run(&a, ZK_FORK_ISTANBUL, 9, in, 213, 1000);
    KAT_CHECK(!r.success && r.gas_used == 1000);
    /* vector 8: 2^32 - 1 rounds must be priced before anything runs */
    in[212] = 1;
    in[0] = in[1] = in[2] = in[3] = 0xff;
    r = run(&a, ZK_FORK_ISTANBUL, 9, in, 213, 30000000);
    KAT_CHECK(!r.success && r.gas_used == 30000000);
}

static void test_simple_prices_and_padding(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    uint8_t in[65];
    memset(in, 0xab, sizeof in);
    run_result r = run(&a, ZK_FORK_CANCUN, 4, in, 65, 1000);
    KAT_CHECK(r.success && r.gas_used == 15 + 3 * 3 && r.out.len == 65 && memcmp(r.out.ptr, in, 65) == 0);
    r = run(&a, ZK_FORK_CANCUN, 4, NULL, 0, 1000);
    KAT_CHECK(r.success && r.gas_used == 15 && r.out.len == 0);
    r = run(&a, ZK_FORK_CANCUN, 2, in, 33, 1000);
    KAT_CHECK(r.success && r.gas_used == 60 + 12 * 2 && r.out.len == 32);
    r = run(&a, ZK_FORK_CANCUN, 3, in, 32, 1000);
    KAT_CHECK(r.success && r.gas_used == 600 + 120 && r.out.len == 32);
    r = run(&a, ZK_FORK_CANCUN, 3, in, 32, 719);
    KAT_CHECK(!r.success && r.gas_used == 719);
    r = run(&a, ZK_FORK_CANCUN, 2, NULL, 0, 1000);
    KAT_CHECK(r.success && r.out.len == 32);
    KAT_EQ_HEX(r.out.ptr, 32, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_ecrecover_edges(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    uint8_t in[128];
    kat_hex("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
            "000000000000000000000000000000000000000000000000000000000000001c"
            "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
            "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549",
            in, 128);
    run_result r = run(&a, ZK_FORK_FRONTIER, 1, in, 128, 3000);
    KAT_CHECK(r.success && r.gas_used == 3000 && r.out.len == 32);
    if (r.out.len == 32)
        KAT_EQ_HEX(r.out.ptr, 32, "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    r = run(&a, ZK_FORK_FRONTIER, 1, in, 128, 2999);
    KAT_CHECK(!r.success && r.gas_used == 2999);
    /* extra input is ignored */
    uint8_t longer[160];
    memcpy(longer, in, 128);
    memset(longer + 128, 0x77, 32);
    r = run(&a, ZK_FORK_FRONTIER, 1, longer, 160, 3000);
    KAT_CHECK(r.success && r.out.len == 32);
    /* v = 29, v with a high byte set, r = 0: success with empty output, gas still charged */
    in[63] = 29;
    r = run(&a, ZK_FORK_FRONTIER, 1, in, 128, 3000);
    KAT_CHECK(r.success && r.gas_used == 3000 && r.out.len == 0);
    in[63] = 28;
    in[32] = 1;
    r = run(&a, ZK_FORK_FRONTIER, 1, in, 128, 3000);
    KAT_CHECK(r.success && r.out.len == 0);
    in[32] = 0;
    memset(in + 64, 0, 32);
    r = run(&a, ZK_FORK_FRONTIER, 1, in, 128, 3000);
    KAT_CHECK(r.success && r.out.len == 0);
    /* short input: padded with zeros, so v = 0: empty output */
    r = run(&a, ZK_FORK_FRONTIER, 1, in, 10, 3000);
    KAT_CHECK(r.success && r.out.len == 0);
}

static void test_bn254_add_doubling(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    uint8_t in[128] = {0};
    in[31] = 1, in[63] = 2, in[95] = 1, in[127] = 2; /* G + G */
    run_result r = run(&a, ZK_FORK_ISTANBUL, 6, in, 128, 150);
    KAT_CHECK(r.success && r.gas_used == 150 && r.out.len == 64);
    if (r.out.len == 64)
        KAT_EQ_HEX(r.out.ptr, 64,
                   "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
                   "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4");
    r = run(&a, ZK_FORK_BYZANTIUM, 6, in, 128, 499);
    KAT_CHECK(!r.success && r.gas_used == 499);
    r = run(&a, ZK_FORK_BYZANTIUM, 6, in, 64, 500); /* G + (0, 0) padded */
    KAT_CHECK(r.success && r.gas_used == 500 && r.out.len == 64 && r.out.ptr[31] == 1 && r.out.ptr[63] == 2);
    in[63] = 3; /* (1, 3) is off the curve: failure */
    r = run(&a, ZK_FORK_ISTANBUL, 6, in, 128, 10000);
    KAT_CHECK(!r.success && r.gas_used == 10000);
    /* pairing: empty input is the empty product, 1; a length not a multiple of 192 fails */
    r = run(&a, ZK_FORK_ISTANBUL, 8, NULL, 0, 45000);
    KAT_CHECK(r.success && r.gas_used == 45000 && r.out.len == 32 && r.out.ptr[31] == 1);
    r = run(&a, ZK_FORK_BYZANTIUM, 8, NULL, 0, 100000);
    KAT_CHECK(r.success && r.gas_used == 100000);
    r = run(&a, ZK_FORK_ISTANBUL, 8, in, 100, 1000000);
    KAT_CHECK(!r.success && r.gas_used == 1000000);
}

static void test_bls_msm_gas(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    /* k points at infinity with zero scalars are valid inputs; gas follows the discount table */
    static uint8_t in[288 * 130];
    memset(in, 0, sizeof in);
    static const struct {
        uint16_t address;
        size_t pair, k;
        uint64_t gas;
    } cases[] = {
        {0x0c, 160, 1, 12000},           {0x0c, 160, 2, 2 * 12000 * 949 / 1000},
        {0x0c, 160, 128, 128 * 12000 * 519 / 1000}, {0x0c, 160, 130, 130 * 12000 * 519 / 1000},
        {0x0e, 288, 1, 22500},           {0x0e, 288, 2, 2 * 22500},
        {0x0e, 288, 3, 3 * 22500 * 923 / 1000},     {0x0e, 288, 129, 129 * 22500 * 524 / 1000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zk_arena_mark m = zk_arena_get_mark(&a);
        run_result r = run(&a, ZK_FORK_PRAGUE, cases[i].address, in, cases[i].pair * cases[i].k, 100000000);
        KAT_CHECK(r.success && r.gas_used == cases[i].gas && r.out.len == (cases[i].pair == 160 ? 128u : 256u));
        r = run(&a, ZK_FORK_PRAGUE, cases[i].address, in, cases[i].pair * cases[i].k, cases[i].gas - 1);
        KAT_CHECK(!r.success && r.gas_used == cases[i].gas - 1);
        zk_arena_reset(&a, m);
    }
    /* empty input and a partial pair fail */
    run_result r = run(&a, ZK_FORK_PRAGUE, 0x0c, in, 0, 100000);
    KAT_CHECK(!r.success && r.gas_used == 100000);
    r = run(&a, ZK_FORK_PRAGUE, 0x0c, in, 161, 100000);
    KAT_CHECK(!r.success);
    /* pairing: 32600 k + 37700 */
    r = run(&a, ZK_FORK_PRAGUE, 0x0f, in, 384 * 2, 200000);
    KAT_CHECK(r.success && r.gas_used == 2 * 32600 + 37700 && r.out.len == 32 && r.out.ptr[31] == 1);
    /* a non-zero byte in the 16-byte padding of a field element fails */
    in[0] = 1;
    r = run(&a, ZK_FORK_PRAGUE, 0x0b, in, 256, 375);
    KAT_CHECK(!r.success && r.gas_used == 375);
    in[0] = 0;
    r = run(&a, ZK_FORK_PRAGUE, 0x0b, in, 256, 375); /* O + O = O */
    KAT_CHECK(r.success && r.out.len == 128);
}

static void test_arena_discipline(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    static uint8_t in[160 * 3];
    memset(in, 0, sizeof in);
    zk_arena_mark before = zk_arena_get_mark(&a);
    run_result r = run(&a, ZK_FORK_PRAGUE, 0x0c, in, sizeof in, 100000);
    KAT_CHECK(r.success && r.out.len == 128);
    /* only the 128-byte output remains allocated (the MSM pairs are released) */
    KAT_CHECK(a.total_used - before.total_used <= 128 + 16);
    zk_arena_mark after = zk_arena_get_mark(&a);
    r = run(&a, ZK_FORK_PRAGUE, 0x0c, in, sizeof in, 10); /* out of gas: nothing kept */
    KAT_CHECK(!r.success && a.total_used == after.total_used);
    /* an exhausted arena is reported, not a crash */
    static _Alignas(16) uint8_t tiny[64];
    zk_arena t;
    zk_arena_init_fixed(&t, tiny, sizeof tiny);
    r = run(&t, ZK_FORK_PRAGUE, 0x0c, in, sizeof in, 100000);
    KAT_CHECK(r.status == ZK_ERR_NOMEM);
}

int main(void)
{
    KAT_RUN(test_eest_vectors);
    KAT_RUN(test_existence_per_fork);
    KAT_RUN(test_modexp_gas_per_fork);
    KAT_RUN(test_modexp_huge_lengths);
    KAT_RUN(test_modexp_eip7823_bounds);
    KAT_RUN(test_modexp_padding);
    KAT_RUN(test_blake2f);
    KAT_RUN(test_simple_prices_and_padding);
    KAT_RUN(test_ecrecover_edges);
    KAT_RUN(test_bn254_add_doubling);
    KAT_RUN(test_bls_msm_gas);
    KAT_RUN(test_arena_discipline);
    return kat_finish("precompiles");
}
