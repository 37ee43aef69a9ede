/* test_block_apply.c — zk_block_apply on a hand-built Cancun chain: the EIP-155 example
 * transaction (1 ether, 21000 gas at 20 gwei) in block 1. The expected post-state is built
 * independently (balances worked out here) and its root becomes the header's state root;
 * then every header commitment and body rule is broken in turn and must be rejected with
 * the right reason, leaving the parent state intact (checkpoint/revert of state_mem). */
#include <stdio.h>
#include <string.h>

#include "block/block.h"
#include "block/state_mem.h"
#include "core/arena_malloc.h"
#include "core/hex.h"
#include "core/keccak.h"
#include "core/mpt.h"

static int failures;

#define CHECK(cond)                                                                     \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
            failures++;                                                                 \
        }                                                                               \
    } while (0)

static const char *TX_HEX =
    "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195"
    "fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

static zk_arena arena;
static uint8_t tx_bytes[200];
static size_t tx_len;
static zk_address sender, recipient, coinbase;

#define GWEI 1000000000ull
#define BASE_FEE 7ull

static u256 ether(uint64_t n)
{
    u256 a = u256_from_u64(n), b = u256_from_u64(1000000000000000000ull);
    return u256_mul(&a, &b);
}

static zk_state_backend *pre_state(zk_arena *a)
{
    zk_state_backend *s = zk_state_mem_create(a);
    u256 bal = ether(2);
    zk_state_mem_set_account(s, &sender, 9, &bal, NULL, 0);
    return s;
}

static zk_header genesis_header(zk_state_backend *s)
{
    zk_header g;
    memset(&g, 0, sizeof g);
    g.ommers_hash = ZK_EMPTY_OMMERS_HASH;
    s->ops->state_root(s, &g.state_root);
    g.transactions_root = ZK_EMPTY_TRIE_ROOT;
    g.receipts_root = ZK_EMPTY_TRIE_ROOT;
    g.gas_limit = 30000000;
    g.gas_used = 15000000; /* at target: the child keeps the base fee */
    g.has_base_fee = true;
    g.base_fee_per_gas = u256_from_u64(BASE_FEE);
    g.has_withdrawals_root = true;
    g.withdrawals_root = ZK_EMPTY_TRIE_ROOT;
    g.has_blob_gas = true;
    g.has_parent_beacon_root = true;
    zk_buf b;
    zk_buf_init(&b, &arena, 600);
    zk_header_encode(&b, &g);
    g.hash = keccak256(b.data, b.len);
    return g;
}

/* The state after block 1, computed by hand. */
static zk_hash expected_state_root(void)
{
    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 16);
    zk_state_backend *s = zk_state_mem_create(&a);
    u256 fee = u256_from_u64(21000 * 20 * GWEI), one = ether(1), two = ether(2);
    u256 spent = u256_add(&fee, &one);
    u256 left = u256_sub(&two, &spent);
    zk_state_mem_set_account(s, &sender, 10, &left, NULL, 0);
    zk_state_mem_set_account(s, &recipient, 0, &one, NULL, 0);
    u256 tip = u256_from_u64(21000 * (20 * GWEI - BASE_FEE));
    zk_state_mem_set_account(s, &coinbase, 0, &tip, NULL, 0);
    zk_hash root;
    s->ops->state_root(s, &root);
    zk_arena_release(&a);
    return root;
}

typedef struct body {
    bool with_tx;
    bool with_withdrawals;
    bool with_ommer;
} body;

/* Encodes rlp([header, txs, ommers, withdrawals]) and decodes it into blk. */
static void build_block(const zk_header *h, body bd, zk_block *blk)
{
    zk_buf b;
    zk_buf_init(&b, &arena, 2048);
    size_t list = rlp_list_begin(&b);
    zk_header_encode(&b, h);
    size_t txs = rlp_list_begin(&b);
    if (bd.with_tx)
        rlp_put_raw(&b, tx_bytes, tx_len);
    rlp_list_end(&b, txs);
    size_t ommers = rlp_list_begin(&b);
    if (bd.with_ommer)
        zk_header_encode(&b, h);
    rlp_list_end(&b, ommers);
    if (bd.with_withdrawals) {
        size_t ws = rlp_list_begin(&b);
        rlp_list_end(&b, ws);
    }
    rlp_list_end(&b, list);
    if (zk_block_decode(&arena, b.data, b.len, blk) != ZK_OK) {
        fprintf(stderr, "test block does not decode\n");
        failures++;
    }
}

static zk_header good_header(const zk_header *parent, zk_hash state_root)
{
    zk_header h = *parent;
    h.parent_hash = parent->hash;
    h.coinbase = coinbase;
    h.number = 1;
    h.timestamp = 12;
    h.gas_used = 21000;
    h.base_fee_per_gas = u256_from_u64(BASE_FEE);
    h.state_root = state_root;
    zk_bytes tx = {tx_bytes, tx_len};
    mpt_ordered_root(&arena, 1, &tx, &h.transactions_root);
    /* Receipt: legacy, success, cumulative 21000, no logs. */
    zk_receipt r;
    memset(&r, 0, sizeof r);
    r.success = true;
    r.cumulative_gas_used = 21000;
    zk_buf rb;
    zk_buf_init(&rb, &arena, 300);
    zk_receipt_encode(&rb, &r);
    zk_bytes rv = {rb.data, rb.len};
    mpt_ordered_root(&arena, 1, &rv, &h.receipts_root);
    return h;
}

static zk_chain_config cancun(void)
{
    zk_chain_config cfg;
    memset(&cfg, 0, sizeof cfg);
    zk_chain_from_network("Cancun", &cfg);
    cfg.chain_id = 1;
    return cfg;
}

/* Applies `h` with body `bd` to a fresh pre-state; checks the verdict and, for rejections,
 * that the reason starts with `want` and the state is still the parent's. */
static void expect(const char *what, const zk_chain_config *cfg, const zk_header *parent, zk_header h, body bd,
                   const char *want)
{
    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 20);
    zk_state_backend *s = pre_state(&a);
    zk_hash before;
    s->ops->state_root(s, &before);
    zk_block blk;
    build_block(&h, bd, &blk);
    char why[512] = "";
    zk_block_outcome out;
    zk_state_mem_checkpoint(s);
    zk_status st = zk_block_apply_ex(cfg, NULL, parent, &blk, s, &a, &out, why, sizeof why);
    if (!want) {
        if (st != ZK_OK) {
            fprintf(stderr, "%s: rejected: %s\n", what, why);
            failures++;
        }
        CHECK(out.gas_used == 21000);
        zk_hash root;
        s->ops->state_root(s, &root);
        CHECK(zk_hash_eq(&root, &h.state_root));
    } else {
        if (st != ZK_ERR_INVALID || strncmp(why, want, strlen(want)) != 0) {
            fprintf(stderr, "%s: status %d, reason '%s', expected %s\n", what, (int)st, why, want);
            failures++;
        }
        if (out.state_written)
            CHECK(zk_state_mem_revert(s) == ZK_OK);
        zk_hash root;
        s->ops->state_root(s, &root);
        CHECK(zk_hash_eq(&root, &before));
    }
    zk_arena_release(&a);
}

int main(void)
{
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_hex_decode(TX_HEX, strlen(TX_HEX), tx_bytes, sizeof tx_bytes, &tx_len);
    zk_hex_decode_exact("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f", 40, sender.b, 20);
    memset(recipient.b, 0x35, 20);
    memset(coinbase.b, 0xcb, 20);

    zk_arena ga;
    zk_arena_init_malloc(&ga, 1 << 16);
    zk_header parent = genesis_header(pre_state(&ga));
    zk_chain_config cfg = cancun();
    zk_header good = good_header(&parent, expected_state_root());
    body full = {true, true, false};

    expect("valid block", &cfg, &parent, good, full, NULL);

    zk_header h = good;
    h.gas_used = 21001;
    expect("gas used", &cfg, &parent, h, full, "INVALID_GAS_USED");
    h = good;
    h.receipts_root.b[0] ^= 1;
    expect("receipts root", &cfg, &parent, h, full, "INVALID_RECEIPTS_ROOT");
    h = good;
    h.transactions_root.b[0] ^= 1;
    expect("transactions root", &cfg, &parent, h, full, "INVALID_TRANSACTIONS_ROOT");
    h = good;
    h.withdrawals_root.b[0] ^= 1;
    expect("withdrawals root", &cfg, &parent, h, full, "INVALID_WITHDRAWALS_ROOT");
    h = good;
    h.logs_bloom.b[7] = 1;
    expect("logs bloom", &cfg, &parent, h, full, "INVALID_LOG_BLOOM");
    h = good;
    h.state_root.b[0] ^= 1;
    expect("state root", &cfg, &parent, h, full, "INVALID_STATE_ROOT");
    h = good;
    h.blob_gas_used = ZK_GAS_PER_BLOB;
    expect("blob gas used", &cfg, &parent, h, full, "INCORRECT_BLOB_GAS_USED");
    expect("ommers", &cfg, &parent, good, (body){true, true, true}, "TOO_MANY_UNCLES");
    expect("no withdrawals", &cfg, &parent, good, (body){true, false, false}, "INCORRECT_BLOCK_FORMAT");
    h = good;
    h.gas_used = 0;
    expect("missing transaction", &cfg, &parent, h, (body){false, true, false}, "INVALID_TRANSACTIONS_ROOT");

    zk_chain_config other = cfg;
    other.chain_id = 5;
    expect("chain id", &other, &parent, good, full, "INVALID_CHAINID");

    zk_header expensive = parent;
    expensive.base_fee_per_gas = u256_from_u64(30 * GWEI); /* child base fee above the tx's 20 gwei */
    zk_buf eb;
    zk_buf_init(&eb, &arena, 600);
    zk_header_encode(&eb, &expensive);
    expensive.hash = keccak256(eb.data, eb.len);
    h = good;
    h.parent_hash = expensive.hash;
    h.base_fee_per_gas = u256_from_u64(30 * GWEI);
    expect("fee cap below base fee", &cfg, &expensive, h, full, "INSUFFICIENT_MAX_FEE_PER_GAS");

    zk_arena_release(&ga);
    zk_arena_release(&arena);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("block apply tests passed\n");
    return 0;
}
