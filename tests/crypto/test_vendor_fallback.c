/* test_vendor_fallback.c — a stand-in "vendor" defines strong zkvm_modexp, zkvm_bls12_pairing,
 * zkvm_bn254_pairing and zkvm_blake2f that refuse inputs beyond made-up limits (as ZisK refuses modexp operands over
 * 1056 bytes and more than 32 pairs) — the blake2f one also scribbles on its in/out state first.
 * The precompiles must still give the EVM's answers (the software backend decides after a vendor
 * EFAIL), and invalid inputs must still fail. Also checks that the strong definitions replaced
 * the weak software bindings. */
#include "../../src/accel/accel_software.h"
#include "../../src/crypto/precompiles.h"
#include "kat.h"

static int vendor_calls;

zkvm_status zkvm_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output)
{
    vendor_calls++;
    if (base_len > 64 || exp_len > 64 || mod_len > 64)
        return ZKVM_EFAIL;
    return zk_sw_modexp(base, base_len, exp, exp_len, modulus, mod_len, output);
}

zkvm_status zkvm_bls12_pairing(const zkvm_bls12_381_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    vendor_calls++;
    if (num_pairs > 2)
        return ZKVM_EFAIL;
    return zk_sw_bls12_pairing(pairs, num_pairs, verified);
}

zkvm_status zkvm_bn254_pairing(const zkvm_bn254_pairing_pair *pairs, size_t num_pairs, bool *verified)
{
    vendor_calls++;
    if (num_pairs > 2)
        return ZKVM_EFAIL;
    return zk_sw_bn254_pairing(pairs, num_pairs, verified);
}

zkvm_status zkvm_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f)
{
    vendor_calls++;
    memset(h->data, 0x5a, 64);
    return ZKVM_EFAIL;
}

static _Alignas(16) uint8_t arena_mem[1 << 20];

static zk_address precompile(uint16_t a)
{
    zk_address addr = {{0}};
    addr.b[18] = (uint8_t)(a >> 8), addr.b[19] = (uint8_t)a;
    return addr;
}

/* Addresses hidden from the optimiser (it may assume distinct names have distinct addresses). */
static uintptr_t address_of(uintptr_t f)
{
    __asm__("" : "+r"(f));
    return f;
}

static void test_binding_replaced(void)
{
    KAT_CHECK(address_of((uintptr_t)zkvm_modexp) != address_of((uintptr_t)zk_sw_modexp));
    /* not overridden: still the weak software binding */
    KAT_CHECK(address_of((uintptr_t)zkvm_sha256) == address_of((uintptr_t)zk_sw_sha256));
}

static void test_modexp_beyond_vendor_limit(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    /* 100-byte base, 1-byte exponent 2, 100-byte modulus 2^799 + 1: base^2 mod m */
    static uint8_t in[96 + 100 + 1 + 100];
    memset(in, 0, sizeof in);
    in[31] = 100, in[63] = 1, in[95] = 100;
    for (int i = 0; i < 100; i++)
        in[96 + i] = (uint8_t)(i + 1);
    in[196] = 2;
    in[197] = 0x80, in[296] = 1;
    uint8_t want[100];
    KAT_CHECK(zk_sw_modexp(in + 96, 100, in + 196, 1, in + 197, 100, want) == ZKVM_EOK);
    zk_address addr = precompile(5);
    uint64_t used;
    bool ok;
    zk_bytes out;
    vendor_calls = 0;
    KAT_CHECK(zk_precompile_run(ZK_FORK_OSAKA, &addr, in, sizeof in, 1000000, &a, &used, &ok, &out) == ZK_OK);
    KAT_CHECK(ok && out.len == 100 && memcmp(out.ptr, want, 100) == 0 && vendor_calls == 1);
}

static void test_pairing_beyond_vendor_limit(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    static uint8_t in[384 * 3];
    memset(in, 0, sizeof in); /* three (O, O) pairs: product 1 */
    zk_address addr = precompile(0x0f);
    uint64_t used;
    bool ok;
    zk_bytes out;
    vendor_calls = 0;
    KAT_CHECK(zk_precompile_run(ZK_FORK_PRAGUE, &addr, in, sizeof in, 1000000, &a, &used, &ok, &out) == ZK_OK);
    KAT_CHECK(ok && out.len == 32 && out.ptr[31] == 1 && vendor_calls == 1);
    /* an invalid point (x = 1, y = 1 is off the curve) still fails, after both refused it */
    in[63] = 1, in[127] = 1;
    KAT_CHECK(zk_precompile_run(ZK_FORK_PRAGUE, &addr, in, sizeof in, 1000000, &a, &used, &ok, &out) == ZK_OK);
    KAT_CHECK(!ok && used == 1000000);
}

static void test_bn254_pairing_beyond_vendor_limit(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    static uint8_t in[192 * 3];
    memset(in, 0, sizeof in); /* three (O, O) pairs: product 1 */
    zk_address addr = precompile(0x08);
    uint64_t used;
    bool ok;
    zk_bytes out;
    vendor_calls = 0;
    KAT_CHECK(zk_precompile_run(ZK_FORK_CANCUN, &addr, in, sizeof in, 1000000, &a, &used, &ok, &out) == ZK_OK);
    KAT_CHECK(ok && out.len == 32 && out.ptr[31] == 1 && vendor_calls == 1);
    /* G1 = (1, 1) is off the curve: fails after both refused it */
    in[31] = 1, in[63] = 1;
    KAT_CHECK(zk_precompile_run(ZK_FORK_CANCUN, &addr, in, sizeof in, 1000000, &a, &used, &ok, &out) == ZK_OK);
    KAT_CHECK(!ok && used == 1000000);
}

static void test_blake2f_state_restored(void)
{
    zk_arena a;
    zk_arena_init_fixed(&a, arena_mem, sizeof arena_mem);
    uint8_t in[213] = {0};
    in[3] = 12;
    kat_hex("48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b"
            "6bbd41fbabd9831f79217e1319cde05b",
            in + 4, 64);
    in[68] = 'a', in[69] = 'b', in[70] = 'c', in[196] = 3, in[212] = 1;
    zk_address addr = precompile(9);
    uint64_t used;
    bool ok;
    zk_bytes out;
    KAT_CHECK(zk_precompile_run(ZK_FORK_CANCUN, &addr, in, sizeof in, 100, &a, &used, &ok, &out) == ZK_OK);
    KAT_CHECK(ok && out.len == 64);
    if (out.len == 64)
        KAT_EQ_HEX(out.ptr, 64,
                   "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
                   "18d38aa8dbf1925ab92386edd4009923");
}

int main(void)
{
    KAT_RUN(test_binding_replaced);
    KAT_RUN(test_modexp_beyond_vendor_limit);
    KAT_RUN(test_pairing_beyond_vendor_limit);
    KAT_RUN(test_bn254_pairing_beyond_vendor_limit);
    KAT_RUN(test_blake2f_state_restored);
    return kat_finish("vendor fallback");
}
