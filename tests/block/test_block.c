/* test_block.c — unit tests of the block layer: transaction and header codecs (valid,
 * round trips, malformed input), signatures, and the header rules (base fee, gas limit,
 * blob gas, fields per fork). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "block/block.h"
#include "core/arena_malloc.h"
#include "core/hex.h"
#include "core/keccak.h"

static int failures;

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                     \
        }                                                                   \
    } while (0)

static zk_arena arena;

static zk_bytes unhex(const char *hex)
{
    size_t n = strlen(hex), len;
    uint8_t *buf = zk_arena_alloc(&arena, n / 2 + 1);
    if (zk_hex_decode(hex, n, buf, n / 2 + 1, &len) != ZK_OK) {
        fprintf(stderr, "bad test vector %s\n", hex);
        exit(2);
    }
    return (zk_bytes){buf, len};
}

static zk_hash hash_of(const char *hex)
{
    zk_hash h;
    zk_hex_decode_exact(hex, strlen(hex), h.b, 32);
    return h;
}

static u256 u(const char *hex)
{
    u256 v;
    zk_hex_to_u256(hex, strlen(hex), &v);
    return v;
}

/* ---- EIP-155 example transaction (from the EIP text) ---- */

static const char *EIP155_TX =
    "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195"
    "fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

static void test_legacy_eip155(void)
{
    zk_bytes raw = unhex(EIP155_TX);
    zk_tx tx;
    CHECK(zk_tx_decode(&arena, raw.ptr, raw.len, &tx) == ZK_OK);
    CHECK(tx.type == ZK_TX_LEGACY);
    CHECK(tx.nonce == 9);
    CHECK(tx.gas_limit == 21000);
    CHECK(tx.has_chain_id && tx.chain_id == 1);
    CHECK(tx.has_to);
    zk_hash sh;
    CHECK(zk_tx_signing_hash(&arena, &tx, &sh) == ZK_OK);
    zk_hash want = hash_of("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    CHECK(zk_hash_eq(&sh, &want));
    CHECK(zk_tx_recover_sender(&arena, &tx) == ZK_OK);
    zk_address sender;
    zk_hex_decode_exact("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f", 40, sender.b, 20);
    CHECK(zk_address_eq(&tx.sender, &sender));
    zk_hash h = keccak256(raw.ptr, raw.len);
    CHECK(zk_hash_eq(&h, &tx.hash));

    /* Re-encoding gives the same bytes. */
    zk_buf b;
    zk_buf_init(&b, &arena, 128);
    zk_tx_encode(&b, &tx);
    CHECK(b.len == raw.len && memcmp(b.data, raw.ptr, raw.len) == 0);

    /* Signature rules: s > n/2, r = 0, bad v. */
    zk_tx bad = tx;
    bad.s = u("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1");
    CHECK(zk_tx_recover_sender(&arena, &bad) == ZK_ERR_INVALID);
    bad = tx;
    bad.r = u256_zero();
    CHECK(zk_tx_recover_sender(&arena, &bad) == ZK_ERR_INVALID);
    bad = tx;
    bad.r = u("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    CHECK(zk_tx_recover_sender(&arena, &bad) == ZK_ERR_INVALID);
    bad = tx;
    bad.v = u256_from_u64(29);
    bad.has_chain_id = false;
    CHECK(zk_tx_recover_sender(&arena, &bad) == ZK_ERR_INVALID);
}

/* Every strict prefix, every appended byte and every single-byte change either decodes
 * or is rejected cleanly (ASan/UBSan check the "cleanly"). */
static void mutate_all(const zk_bytes raw)
{
    uint8_t *copy = malloc(raw.len + 1);
    for (size_t cut = 0; cut < raw.len; cut++) {
        zk_tx tx;
        memcpy(copy, raw.ptr, cut);
        CHECK(zk_tx_decode(&arena, copy, cut, &tx) != ZK_OK);
    }
    memcpy(copy, raw.ptr, raw.len);
    copy[raw.len] = 0;
    zk_tx tx;
    CHECK(zk_tx_decode(&arena, copy, raw.len + 1, &tx) != ZK_OK);
    for (size_t i = 0; i < raw.len; i++) {
        static const uint8_t deltas[] = {0x01, 0x80, 0xff};
        for (size_t d = 0; d < sizeof deltas; d++) {
            zk_arena_mark m = zk_arena_get_mark(&arena);
            memcpy(copy, raw.ptr, raw.len);
            copy[i] ^= deltas[d];
            zk_status st = zk_tx_decode(&arena, copy, raw.len, &tx);
            CHECK(st == ZK_OK || st == ZK_ERR_DECODE || st == ZK_ERR_RANGE);
            zk_arena_reset(&arena, m);
        }
    }
    free(copy);
}

static void test_malformed_txs(void)
{
    mutate_all(unhex(EIP155_TX));
    zk_tx tx;
    static const char *bad[] = {
        "",                 /* empty */
        "05c0",             /* unknown type */
        "00c0",             /* type 0 is never wrapped */
        "02c0",             /* too few fields */
        "c0",               /* legacy with no fields */
        "8180",             /* a string, not a list */
        /* legacy with a leading-zero nonce */
        "f84d820009808252089435353535353535353535353535353535353535358080258080",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        zk_bytes b = unhex(bad[i]);
        CHECK(zk_tx_decode(&arena, b.ptr, b.len, &tx) != ZK_OK);
    }
}

/* Builds a typed transaction, encodes, decodes and compares. */
static void test_typed_round_trip(void)
{
    static zk_hash keys[2];
    keys[0] = hash_of("0x0000000000000000000000000000000000000000000000000000000000000001");
    keys[1] = hash_of("0x00000000000000000000000000000000000000000000000000000000000000ff");
    static zk_access_entry al[1];
    memset(al, 0, sizeof al);
    al[0].address.b[19] = 0x42;
    al[0].keys = keys;
    al[0].num_keys = 2;
    static zk_hash blobs[1];
    blobs[0] = hash_of("0x0100000000000000000000000000000000000000000000000000000000000abc");
    static zk_authorization auths[1];
    memset(auths, 0, sizeof auths);
    auths[0].chain_id = u256_from_u64(1);
    auths[0].address.b[0] = 0xaa;
    auths[0].nonce = 7;
    auths[0].y_parity = u256_from_u64(1);
    auths[0].r = u("0x1234");
    auths[0].s = u("0x5678");

    for (uint8_t type = ZK_TX_ACCESS_LIST; type <= ZK_TX_SET_CODE; type++) {
        zk_tx tx;
        memset(&tx, 0, sizeof tx);
        tx.type = type;
        tx.chain_id = 1;
        tx.has_chain_id = true;
        tx.nonce = 3;
        tx.gas_price = u("0x3b9aca00");
        tx.max_priority_fee_per_gas = u("0x02");
        tx.max_fee_per_gas = u("0x3b9aca00");
        tx.gas_limit = 100000;
        tx.has_to = true;
        tx.to.b[19] = 7;
        tx.value = u("0x0de0b6b3a7640000");
        tx.data = unhex("0x6001600055");
        tx.access_list = al;
        tx.access_list_len = 1;
        if (type == ZK_TX_BLOB) {
            tx.max_fee_per_blob_gas = u("0x10");
            tx.blob_hashes = blobs;
            tx.num_blob_hashes = 1;
        }
        if (type == ZK_TX_SET_CODE) {
            tx.authorizations = auths;
            tx.num_authorizations = 1;
        }
        tx.v = u256_from_u64(1);
        tx.r = u("0x11");
        tx.s = u("0x22");

        zk_buf b;
        zk_buf_init(&b, &arena, 256);
        zk_tx_encode(&b, &tx);
        CHECK(!b.oom && b.data[0] == type);
        zk_tx back;
        CHECK(zk_tx_decode(&arena, b.data, b.len, &back) == ZK_OK);
        CHECK(back.type == type && back.nonce == 3 && back.gas_limit == 100000 && back.chain_id == 1);
        CHECK(u256_eq(&back.value, &tx.value) && back.data.len == 5);
        CHECK(back.access_list_len == 1 && back.access_list[0].num_keys == 2);
        CHECK(zk_hash_eq(&back.access_list[0].keys[1], &keys[1]));
        if (type >= ZK_TX_DYNAMIC_FEE)
            CHECK(u256_eq(&back.max_priority_fee_per_gas, &tx.max_priority_fee_per_gas));
        if (type == ZK_TX_BLOB)
            CHECK(back.num_blob_hashes == 1 && zk_hash_eq(&back.blob_hashes[0], &blobs[0]));
        if (type == ZK_TX_SET_CODE)
            CHECK(back.num_authorizations == 1 && back.authorizations[0].nonce == 7 &&
                  u256_eq(&back.authorizations[0].s, &auths[0].s));
        zk_buf again;
        zk_buf_init(&again, &arena, 256);
        zk_tx_encode(&again, &back);
        CHECK(again.len == b.len && memcmp(again.data, b.data, b.len) == 0);

        /* Inside a block body a typed tx is an RLP string: decode through the item. */
        zk_buf wrapped;
        zk_buf_init(&wrapped, &arena, 256);
        rlp_put_bytes(&wrapped, b.data, b.len);
        rlp_item item;
        CHECK(rlp_decode(wrapped.data, wrapped.len, &item) == ZK_OK);
        CHECK(zk_tx_decode_item(&arena, &item, &back) == ZK_OK && back.type == type);

        zk_bytes raw = {b.data, b.len};
        mutate_all(raw);
    }
}

/* ---- headers ---- */

static zk_header base_header(void)
{
    zk_header h;
    memset(&h, 0, sizeof h);
    h.ommers_hash = ZK_EMPTY_OMMERS_HASH;
    h.state_root = ZK_EMPTY_TRIE_ROOT;
    h.transactions_root = ZK_EMPTY_TRIE_ROOT;
    h.receipts_root = ZK_EMPTY_TRIE_ROOT;
    h.number = 1;
    h.gas_limit = 30000000;
    h.gas_used = 15000000;
    h.timestamp = 12;
    h.has_base_fee = true;
    h.base_fee_per_gas = u256_from_u64(7);
    h.has_withdrawals_root = true;
    h.withdrawals_root = ZK_EMPTY_TRIE_ROOT;
    h.has_blob_gas = true;
    h.has_parent_beacon_root = true;
    h.has_requests_hash = true;
    return h;
}

/* Encodes and decodes (which sets the hash). */
static zk_header sealed(zk_header h)
{
    zk_buf b;
    zk_buf_init(&b, &arena, 600);
    zk_header_encode(&b, &h);
    zk_header out;
    if (zk_header_decode(b.data, b.len, &out) != ZK_OK) {
        fprintf(stderr, "header round trip failed\n");
        failures++;
        return h;
    }
    return out;
}

static void test_header_codec(void)
{
    zk_header h = base_header();
    h.extra_data = unhex("0x616263");
    h.excess_blob_gas = 393216;
    zk_header back = sealed(h);
    CHECK(back.number == 1 && back.gas_limit == 30000000 && back.extra_data.len == 3);
    CHECK(back.has_requests_hash && !back.has_block_access_list_hash && back.excess_blob_gas == 393216);

    zk_buf b;
    zk_buf_init(&b, &arena, 600);
    zk_header_encode(&b, &h);
    /* Truncations and changed bytes never crash. */
    for (size_t cut = 0; cut < b.len; cut++) {
        zk_header x;
        CHECK(zk_header_decode(b.data, cut, &x) != ZK_OK);
    }
    for (size_t i = 0; i < b.len; i++) {
        uint8_t saved = b.data[i];
        b.data[i] ^= 0x80;
        zk_header x;
        zk_status st = zk_header_decode(b.data, b.len, &x);
        CHECK(st == ZK_OK || st == ZK_ERR_DECODE || st == ZK_ERR_RANGE);
        b.data[i] = saved;
    }
    /* A header with only one of the two blob gas fields is malformed. */
    h.has_blob_gas = false;
    h.has_parent_beacon_root = false;
    h.has_requests_hash = false;
    zk_buf c;
    zk_buf_init(&c, &arena, 600);
    size_t list = rlp_list_begin(&c);
    zk_buf tmp;
    zk_buf_init(&tmp, &arena, 600);
    zk_header_encode(&tmp, &h);
    rlp_item item;
    CHECK(rlp_decode(tmp.data, tmp.len, &item) == ZK_OK);
    zk_buf_append(&c, item.payload, item.payload_len);
    rlp_put_u64(&c, 0); /* blob_gas_used without excess_blob_gas */
    rlp_list_end(&c, list);
    zk_header x;
    CHECK(zk_header_decode(c.data, c.len, &x) == ZK_ERR_DECODE);
}

static zk_chain_config prague_config(void)
{
    zk_chain_config cfg;
    memset(&cfg, 0, sizeof cfg);
    CHECK(zk_chain_from_network("Prague", &cfg));
    cfg.chain_id = 1;
    return cfg;
}

static void test_base_fee(void)
{
    zk_header p = base_header();
    p.gas_limit = 30000000;
    p.base_fee_per_gas = u256_from_u64(1000000000);
    p.gas_used = 15000000; /* at target */
    u256 f = zk_expected_base_fee(&p);
    CHECK(f.w[0] == 1000000000);
    p.gas_used = 30000000; /* full: +12.5% */
    f = zk_expected_base_fee(&p);
    CHECK(f.w[0] == 1125000000);
    p.gas_used = 0; /* empty: -12.5% */
    f = zk_expected_base_fee(&p);
    CHECK(f.w[0] == 875000000);
    p.base_fee_per_gas = u256_from_u64(7);
    p.gas_used = 15000001; /* tiny increase: at least 1 */
    f = zk_expected_base_fee(&p);
    CHECK(f.w[0] == 8);
}

static void test_blob_fee(void)
{
    /* fake_exponential(1, numerator, denominator) vectors from EIP-4844. */
    static const struct {
        uint64_t num, den, want;
    } v[] = {{0, 1, 1}, {2, 1, 6}, {4, 2, 6}, {3, 1, 16}, {6, 2, 18}, {4, 1, 49},
             {8, 2, 50}, {5, 1, 136}, {5, 2, 11}, {50000000, 2225652, 5709098764ull}};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        u256 f = zk_blob_base_fee(v[i].num, v[i].den);
        CHECK(u256_fits_u64(&f) && f.w[0] == v[i].want);
    }
    u256 huge = zk_blob_base_fee(UINT64_MAX, 1); /* saturates instead of overflowing */
    CHECK(huge.w[3] == UINT64_MAX);

    zk_blob_params prague = {6, 9, 5007716};
    zk_header p = base_header();
    p.excess_blob_gas = 0;
    p.blob_gas_used = 7 * ZK_GAS_PER_BLOB; /* one above target */
    CHECK(zk_expected_excess_blob_gas(ZK_FORK_PRAGUE, &prague, &p) == ZK_GAS_PER_BLOB);
    p.blob_gas_used = 5 * ZK_GAS_PER_BLOB;
    CHECK(zk_expected_excess_blob_gas(ZK_FORK_PRAGUE, &prague, &p) == 0);
    /* EIP-7918: with a high execution base fee, excess grows by used * (max-target)/max. */
    p.base_fee_per_gas = u256_from_u64(1000000000);
    p.blob_gas_used = 9 * ZK_GAS_PER_BLOB;
    p.excess_blob_gas = 0;
    CHECK(zk_expected_excess_blob_gas(ZK_FORK_OSAKA, &prague, &p) == 9 * ZK_GAS_PER_BLOB * 3 / 9);
    CHECK(zk_expected_excess_blob_gas(ZK_FORK_PRAGUE, &prague, &p) == 3 * ZK_GAS_PER_BLOB);
    p.has_blob_gas = false; /* parent before Cancun */
    CHECK(zk_expected_excess_blob_gas(ZK_FORK_CANCUN, &prague, &p) == 0);
}

static void test_header_rules(void)
{
    zk_chain_config cfg = prague_config();
    char why[256];
    zk_header parent = sealed(base_header());
    zk_header good = base_header();
    good.number = 2;
    good.timestamp = 24;
    good.parent_hash = parent.hash;
    good.gas_used = 0;
    good.base_fee_per_gas = zk_expected_base_fee(&parent);
    good.excess_blob_gas = 0;
    zk_header h = sealed(good);
    CHECK(zk_header_validate(&cfg, &parent, &h, why, sizeof why) == ZK_OK);

#define EXPECT_INVALID(mutation, name)                                                   \
    do {                                                                                 \
        zk_header m = good;                                                              \
        mutation;                                                                        \
        m = sealed(m);                                                                   \
        CHECK(zk_header_validate(&cfg, &parent, &m, why, sizeof why) == ZK_ERR_INVALID); \
        CHECK(strncmp(why, name, strlen(name)) == 0);                                    \
    } while (0)

    EXPECT_INVALID(m.number = 3, "INVALID_BLOCK_NUMBER");
    EXPECT_INVALID(m.parent_hash.b[0] ^= 1, "UNKNOWN_PARENT");
    EXPECT_INVALID(m.timestamp = 12, "INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT");
    EXPECT_INVALID(m.gas_limit = 30000000 + 30000000 / 1024, "INVALID_GASLIMIT");
    EXPECT_INVALID(m.gas_limit = 30000000 - 30000000 / 1024, "INVALID_GASLIMIT");
    EXPECT_INVALID(m.gas_used = m.gas_limit + 1, "INVALID_GAS_USED_ABOVE_LIMIT");
    EXPECT_INVALID(m.base_fee_per_gas = u256_from_u64(8), "INVALID_BASEFEE_PER_GAS");
    EXPECT_INVALID(m.extra_data = unhex("0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"),
                   "EXTRA_DATA_TOO_BIG");
    EXPECT_INVALID(m.difficulty = u256_from_u64(1), "INVALID_DIFFICULTY");
    EXPECT_INVALID(m.nonce[7] = 1, "INVALID_BLOCK_NONCE");
    EXPECT_INVALID(m.ommers_hash = ZK_EMPTY_TRIE_ROOT, "INVALID_UNCLES_HASH");
    EXPECT_INVALID(m.excess_blob_gas = ZK_GAS_PER_BLOB, "INCORRECT_EXCESS_BLOB_GAS");
    EXPECT_INVALID(m.has_requests_hash = false, "INCORRECT_BLOCK_FORMAT");
    EXPECT_INVALID(m.has_block_access_list_hash = true, "INCORRECT_BLOCK_FORMAT");
#undef EXPECT_INVALID

    /* Gas limit just inside the bounds is fine. */
    zk_header m = good;
    m.gas_limit = 30000000 + 30000000 / 1024 - 1;
    m = sealed(m);
    CHECK(zk_header_validate(&cfg, &parent, &m, why, sizeof why) == ZK_OK);
}

static void test_block_decode(void)
{
    /* rlp([header, [tx], [], []]) with the EIP-155 tx. */
    zk_header h = base_header();
    zk_buf b;
    zk_buf_init(&b, &arena, 1024);
    size_t list = rlp_list_begin(&b);
    zk_header_encode(&b, &h);
    size_t txs = rlp_list_begin(&b);
    zk_bytes tx = unhex(EIP155_TX);
    rlp_put_raw(&b, tx.ptr, tx.len);
    rlp_list_end(&b, txs);
    size_t ommers = rlp_list_begin(&b);
    rlp_list_end(&b, ommers);
    size_t ws = rlp_list_begin(&b);
    zk_withdrawal w = {1, 2, {{0}}, 3};
    zk_withdrawal_encode(&b, &w);
    rlp_list_end(&b, ws);
    rlp_list_end(&b, list);

    zk_block blk;
    CHECK(zk_block_decode(&arena, b.data, b.len, &blk) == ZK_OK);
    CHECK(blk.num_txs == 1 && blk.num_ommers == 0 && blk.has_withdrawals && blk.num_withdrawals == 1);
    CHECK(blk.withdrawals[0].validator_index == 2 && blk.withdrawals[0].amount_gwei == 3);
    CHECK(blk.txs[0].nonce == 9);
    for (size_t cut = 0; cut < b.len; cut++) {
        zk_arena_mark m = zk_arena_get_mark(&arena);
        CHECK(zk_block_decode(&arena, b.data, cut, &blk) != ZK_OK);
        zk_arena_reset(&arena, m);
    }
    for (size_t i = 0; i < b.len; i++) {
        zk_arena_mark m = zk_arena_get_mark(&arena);
        b.data[i] ^= 0x40;
        zk_status st = zk_block_decode(&arena, b.data, b.len, &blk);
        CHECK(st == ZK_OK || st == ZK_ERR_DECODE || st == ZK_ERR_RANGE);
        b.data[i] ^= 0x40;
        zk_arena_reset(&arena, m);
    }
}

static void test_bloom(void)
{
    /* One log with address 0x0f572e5295c57f15886f9b263e2f6d2d6c7b5ec6 and no topics:
     * bits are taken from keccak(address). */
    zk_log log;
    memset(&log, 0, sizeof log);
    zk_hex_decode_exact("0f572e5295c57f15886f9b263e2f6d2d6c7b5ec6", 40, log.address.b, 20);
    zk_bloom bloom;
    memset(&bloom, 0, sizeof bloom);
    zk_bloom_add_log(&bloom, &log);
    zk_hash k = keccak256(log.address.b, 20);
    int set = 0;
    for (int i = 0; i < 256; i++)
        set += __builtin_popcount(bloom.b[i]);
    CHECK(set >= 1 && set <= 3);
    unsigned bit = ((unsigned)(k.b[0] << 8) | k.b[1]) & 2047u;
    CHECK(bloom.b[255 - bit / 8] & (1u << (bit % 8)));
}

int main(void)
{
    zk_arena_init_malloc(&arena, 1 << 20);
    test_legacy_eip155();
    test_malformed_txs();
    test_typed_round_trip();
    test_header_codec();
    test_base_fee();
    test_blob_fee();
    test_header_rules();
    test_block_decode();
    test_bloom();
    zk_arena_release(&arena);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("block unit tests passed\n");
    return 0;
}
