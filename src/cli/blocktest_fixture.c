/* blocktest_fixture.c — host-only: EEST blockchain_test fixtures, decoded and run. */
#define _GNU_SOURCE /* POSIX: fork, getline, strdup, clock_gettime, MAP_ANONYMOUS */
#include "blocktest_fixture.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../block/state_mem.h"
#include "../core/arena_malloc.h"
#include "../core/hex.h"
#include "../core/keccak.h"

#define ARENA_CHUNK (1u << 20)

static int failf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int failf(char *buf, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *hash_hex(const zk_hash *h, char out[67])
{
    zk_hex_encode(h->b, 32, out, true);
    return out;
}

/* ---- JSON field helpers ---- */

static const char *jstr(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* Decodes a "0x.." byte string into arena memory. */
static int hex_bytes(zk_arena *a, const char *hex, zk_bytes *out)
{
    if (!hex)
        return -1;
    size_t n = strlen(hex);
    size_t cap = n / 2 + 1;
    uint8_t *buf = zk_arena_alloc(a, cap);
    if (!buf)
        return -1;
    size_t len;
    if (zk_hex_decode(hex, n, buf, cap, &len) != ZK_OK)
        return -1;
    out->ptr = buf;
    out->len = len;
    return 0;
}

static int hex_hash(const char *hex, zk_hash *out)
{
    return hex && zk_hex_decode_exact(hex, strlen(hex), out->b, 32) == ZK_OK ? 0 : -1;
}

static int hex_u256(const char *hex, u256 *out)
{
    return hex && zk_hex_to_u256(hex, strlen(hex), out) == ZK_OK ? 0 : -1;
}

static int hex_u64(const char *hex, uint64_t *out)
{
    return hex && zk_hex_to_u64(hex, strlen(hex), out) == ZK_OK ? 0 : -1;
}

/* ---- networks and chain config ---- */

bool bt_network_is_default(const char *network)
{
    zk_chain_config c;
    if (!network || !zk_chain_from_network(network, &c))
        return false;
    if (c.base_fork < ZK_FORK_CANCUN || c.base_fork > ZK_FORK_BPO5)
        return false;
    for (size_t i = 0; i < c.num_activations; i++)
        if (c.activations[i].fork > ZK_FORK_BPO5)
            return false;
    return true;
}

static int load_config(bt_test *t, char *err, size_t err_len)
{
    if (!t->network)
        return failf(err, err_len, "missing network");
    memset(&t->cfg, 0, sizeof t->cfg);
    if (!zk_chain_from_network(t->network, &t->cfg))
        return failf(err, err_len, "unknown network '%s'", t->network);
    t->cfg.chain_id = 1;
    /* Amsterdam's EIP drafts differ between fixture releases (see zk_amsterdam_rules). */
    const char *url = jstr(json_object_get(t->json, "_info"), "url");
    if (url && strstr(url, "tests-zkevm@v0.3."))
        t->cfg.amsterdam_rules = ZK_AMSTERDAM_ZKEVM_V0_3;
    json_t *config = json_object_get(t->json, "config");
    if (!config)
        return 0;
    const char *chain_id = jstr(config, "chainid");
    if (chain_id && hex_u64(chain_id, &t->cfg.chain_id))
        return failf(err, err_len, "bad config.chainid '%s'", chain_id);
    json_t *schedule = json_object_get(config, "blobSchedule");
    const char *name;
    json_t *entry;
    json_object_foreach(schedule, name, entry) {
        zk_fork f;
        if (!zk_fork_from_name(name, strlen(name), &f))
            return failf(err, err_len, "unknown fork '%s' in blobSchedule", name);
        zk_blob_params *bp = &t->cfg.blob_params[f];
        if (hex_u64(jstr(entry, "target"), &bp->target) || hex_u64(jstr(entry, "max"), &bp->max) ||
            hex_u64(jstr(entry, "baseFeeUpdateFraction"), &bp->base_fee_update_fraction))
            return failf(err, err_len, "bad blobSchedule entry for %s", name);
        t->cfg.has_blob_params[f] = true;
    }
    return 0;
}

/* ---- preparing a test ---- */

int bt_test_prepare(bt_test *t, json_t *json, const char *id, char *err, size_t err_len)
{
    memset(t, 0, sizeof *t);
    zk_arena_init_malloc(&t->arena, ARENA_CHUNK);
    t->id = id;
    t->json = json;
    if (!json_is_object(json))
        return failf(err, err_len, "test is not a JSON object");
    t->network = jstr(json, "network");
    if (load_config(t, err, err_len))
        return -1;

    zk_bytes genesis_rlp;
    zk_block genesis;
    if (hex_bytes(&t->arena, jstr(json, "genesisRLP"), &genesis_rlp))
        return failf(err, err_len, "missing or malformed genesisRLP");
    if (zk_block_decode(&t->arena, genesis_rlp.ptr, genesis_rlp.len, &genesis) != ZK_OK)
        return failf(err, err_len, "genesisRLP does not decode as a block");
    t->genesis = genesis.header;
    zk_hash want;
    if (hex_hash(jstr(json_object_get(json, "genesisBlockHeader"), "hash"), &want))
        return failf(err, err_len, "missing or malformed genesisBlockHeader.hash");
    if (!zk_hash_eq(&want, &t->genesis.hash)) {
        char a[67], b[67];
        return failf(err, err_len, "genesis hash %s differs from genesisBlockHeader.hash %s",
                     hash_hex(&t->genesis.hash, a), hash_hex(&want, b));
    }

    json_t *blocks = json_object_get(json, "blocks");
    if (!json_is_array(blocks))
        return failf(err, err_len, "missing blocks array");
    t->num_blocks = json_array_size(blocks);
    t->blocks = t->num_blocks ? zk_arena_calloc(&t->arena, t->num_blocks * sizeof *t->blocks) : NULL;
    if (t->num_blocks && !t->blocks)
        return failf(err, err_len, "out of memory");
    for (size_t i = 0; i < t->num_blocks; i++) {
        json_t *b = json_array_get(blocks, i);
        bt_block *bb = &t->blocks[i];
        json_t *expect = json_object_get(b, "expectException");
        bb->expect_invalid = expect != NULL;
        bb->expect = json_string_value(expect);
        if (hex_bytes(&t->arena, jstr(b, "rlp"), &bb->rlp)) {
            if (bb->expect_invalid)
                continue; /* an undecodable invalid block is rejected anyway */
            return failf(err, err_len, "block %zu: missing or malformed rlp hex", i + 1);
        }
        bb->decoded = zk_block_decode(&t->arena, bb->rlp.ptr, bb->rlp.len, &bb->blk) == ZK_OK;
    }
    return 0;
}

void bt_test_free(bt_test *t)
{
    zk_arena_release(&t->arena);
}

/* ---- states ---- */

static int load_account(zk_state_backend *s, zk_arena *a, const char *addr_hex, json_t *acct, char *err,
                        size_t err_len)
{
    zk_address addr;
    if (zk_hex_decode_exact(addr_hex, strlen(addr_hex), addr.b, 20) != ZK_OK)
        return failf(err, err_len, "bad account address '%s'", addr_hex);
    uint64_t nonce;
    u256 balance;
    zk_bytes code;
    if (hex_u64(jstr(acct, "nonce"), &nonce) || hex_u256(jstr(acct, "balance"), &balance) ||
        hex_bytes(a, jstr(acct, "code"), &code))
        return failf(err, err_len, "bad nonce, balance or code for %s", addr_hex);
    if (zk_state_mem_set_account(s, &addr, nonce, &balance, code.ptr, code.len) != ZK_OK)
        return failf(err, err_len, "state backend refused account %s", addr_hex);
    const char *key;
    json_t *value;
    json_object_foreach(json_object_get(acct, "storage"), key, value) {
        u256 k, v;
        if (hex_u256(key, &k) || hex_u256(json_string_value(value), &v))
            return failf(err, err_len, "bad storage entry %s of %s", key, addr_hex);
        zk_hash slot = u256_to_hash(&k);
        if (zk_state_mem_set_storage(s, &addr, &slot, &v) != ZK_OK)
            return failf(err, err_len, "state backend refused storage of %s", addr_hex);
    }
    return 0;
}

zk_state_backend *bt_state_load(zk_arena *a, json_t *accounts, char *err, size_t err_len)
{
    if (!json_is_object(accounts)) {
        failf(err, err_len, "account map missing or not an object");
        return NULL;
    }
    zk_state_backend *s = zk_state_mem_create(a);
    if (!s) {
        failf(err, err_len, "out of memory");
        return NULL;
    }
    const char *addr;
    json_t *acct;
    json_object_foreach(accounts, addr, acct) {
        if (load_account(s, a, addr, acct, err, err_len))
            return NULL;
    }
    return s;
}

/* ---- running the chain ---- */

typedef struct chain {
    bt_test *t;
    zk_arena state_arena, exec_arena;
    zk_state_backend *state;
    const zk_header *head;
    uint64_t gas;
    double seconds;
} chain;

static int chain_reset_state(chain *c, char *err, size_t err_len)
{
    zk_arena_release(&c->state_arena);
    zk_arena_init_malloc(&c->state_arena, ARENA_CHUNK);
    c->state = bt_state_load(&c->state_arena, json_object_get(c->t->json, "pre"), err, err_len);
    if (!c->state)
        return -1;
    zk_state_mem_set_block_hash(c->state, c->t->genesis.number, &c->t->genesis.hash);
    c->head = &c->t->genesis;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Imports one block inside a state checkpoint, so that a block rejected after its changes
 * were written (state root mismatch) leaves the parent state behind. */
static zk_status import(chain *c, bt_block *b, zk_block_outcome *out, char *why, size_t why_len)
{
    zk_arena_mark mark = zk_arena_get_mark(&c->exec_arena);
    zk_status st = zk_state_mem_checkpoint(c->state);
    if (st != ZK_OK) {
        snprintf(why, why_len, "state checkpoint failed");
        return st;
    }
    double t0 = now();
    st = zk_block_apply_ex(&c->t->cfg, NULL, c->head, &b->blk, c->state, &c->exec_arena, out, why, why_len);
    c->seconds += now() - t0;
    zk_arena_reset(&c->exec_arena, mark);
    if (st == ZK_OK) {
        zk_state_mem_commit(c->state);
    } else if (zk_state_mem_revert(c->state) != ZK_OK) {
        snprintf(why + strlen(why), why_len - strlen(why), " (and the state could not be reverted)");
        return ZK_ERR_INTERNAL;
    }
    return st;
}

static int run_blocks(chain *c, char *reason, size_t reason_len)
{
    bt_test *t = c->t;
    for (size_t i = 0; i < t->num_blocks; i++) {
        bt_block *b = &t->blocks[i];
        if (!b->decoded) {
            if (b->expect_invalid) {
                if (t->rejections)
                    fprintf(t->rejections, "REJECT %s block %zu: expected %s; rejected: does not decode\n", t->id,
                            i + 1, b->expect ? b->expect : "?");
                continue;
            }
            return failf(reason, reason_len, "block %zu: valid block does not decode", i + 1);
        }
        char why[512];
        why[0] = 0;
        zk_block_outcome out;
        zk_status st = import(c, b, &out, why, sizeof why);
        if (st == ZK_OK) {
            if (b->expect_invalid)
                return failf(reason, reason_len, "block %zu: imported, but expected %s", i + 1,
                             b->expect ? b->expect : "an exception");
            zk_state_mem_set_block_hash(c->state, b->blk.header.number, &b->blk.header.hash);
            c->head = &b->blk.header;
            c->gas += out.gas_used;
            continue;
        }
        if (st != ZK_ERR_INVALID)
            return failf(reason, reason_len, "block %zu: error %d: %s", i + 1, (int)st, why);
        if (!b->expect_invalid)
            return failf(reason, reason_len, "block %zu rejected: %s", i + 1, why);
        if (t->rejections)
            fprintf(t->rejections, "REJECT %s block %zu: expected %s; rejected: %s\n", t->id, i + 1,
                    b->expect ? b->expect : "?", why);
    }
    return 0;
}

/* ---- post-state checks ---- */

typedef struct extra_ctx {
    json_t *accounts;
    char *out;
    size_t len;
    bool found;
} extra_ctx;

static zk_status find_extra_account(void *user, const zk_address *addr, const zk_account *acct, zk_bytes code)
{
    extra_ctx *x = user;
    char hex[43];
    zk_hex_encode(addr->b, 20, hex, true);
    if (json_object_get(x->accounts, hex))
        return ZK_OK;
    failf(x->out, x->len, "post-state: account %s (nonce %llu) exists but is not in postState", hex,
          (unsigned long long)acct->nonce);
    x->found = true;
    return ZK_ERR_RANGE; /* stop */
}

/* Explains how the actual state differs from the expected account map (the roots differ). */
static void diff_state(zk_state_backend *s, zk_arena *a, json_t *accounts, char *out, size_t len)
{
    const char *addr_hex;
    json_t *acct;
    json_object_foreach(accounts, addr_hex, acct) {
        zk_address addr;
        zk_account want, got;
        zk_bytes code;
        bool exists;
        memset(&want, 0, sizeof want);
        if (zk_hex_decode_exact(addr_hex, strlen(addr_hex), addr.b, 20) != ZK_OK ||
            hex_u64(jstr(acct, "nonce"), &want.nonce) || hex_u256(jstr(acct, "balance"), &want.balance) ||
            hex_bytes(a, jstr(acct, "code"), &code)) {
            failf(out, len, "postState entry %s is malformed", addr_hex);
            return;
        }
        if (s->ops->get_account(s, &addr, &got, &exists) != ZK_OK || !exists) {
            failf(out, len, "post-state: account %s missing", addr_hex);
            return;
        }
        if (got.nonce != want.nonce) {
            failf(out, len, "post-state: %s nonce %llu, expected %llu", addr_hex, (unsigned long long)got.nonce,
                  (unsigned long long)want.nonce);
            return;
        }
        if (!u256_eq(&got.balance, &want.balance)) {
            char g[67], w[67];
            zk_hash gh = u256_to_hash(&got.balance), wh = u256_to_hash(&want.balance);
            failf(out, len, "post-state: %s balance %s, expected %s", addr_hex, hash_hex(&gh, g), hash_hex(&wh, w));
            return;
        }
        zk_hash code_hash = code.len ? keccak256(code.ptr, code.len) : ZK_EMPTY_CODE_HASH;
        if (!zk_hash_eq(&code_hash, &got.code_hash)) {
            failf(out, len, "post-state: %s code differs", addr_hex);
            return;
        }
        const char *key;
        json_t *value;
        json_object_foreach(json_object_get(acct, "storage"), key, value) {
            u256 k, v, g;
            if (hex_u256(key, &k) || hex_u256(json_string_value(value), &v))
                continue;
            zk_hash slot = u256_to_hash(&k);
            if (s->ops->get_storage(s, &addr, &slot, &g) != ZK_OK || !u256_eq(&g, &v)) {
                char gs[67], ws[67];
                zk_hash gh = u256_to_hash(&g), wh = u256_to_hash(&v);
                failf(out, len, "post-state: %s storage[%s] = %s, expected %s", addr_hex, key, hash_hex(&gh, gs),
                      hash_hex(&wh, ws));
                return;
            }
        }
    }
    extra_ctx x = {accounts, out, len, false};
    zk_state_mem_foreach_account(s, find_extra_account, &x);
    if (!x.found)
        failf(out, len, "post-state: extra storage slots not in postState");
}

static int check_post(chain *c, char *reason, size_t reason_len)
{
    bt_test *t = c->t;
    char a[67], b[67];
    zk_hash want;
    if (hex_hash(jstr(t->json, "lastblockhash"), &want))
        return failf(reason, reason_len, "missing or malformed lastblockhash");
    if (!zk_hash_eq(&want, &c->head->hash))
        return failf(reason, reason_len, "last block hash %s, expected %s", hash_hex(&c->head->hash, a),
                     hash_hex(&want, b));

    zk_hash root;
    if (c->state->ops->state_root(c->state, &root) != ZK_OK)
        return failf(reason, reason_len, "state root computation failed");
    const char *post_hash = jstr(t->json, "postStateHash");
    if (post_hash) {
        if (hex_hash(post_hash, &want))
            return failf(reason, reason_len, "malformed postStateHash");
        if (!zk_hash_eq(&want, &root))
            return failf(reason, reason_len, "state root %s, expected postStateHash %s", hash_hex(&root, a),
                         hash_hex(&want, b));
        return 0;
    }
    json_t *post = json_object_get(t->json, "postState");
    if (!post)
        return failf(reason, reason_len, "neither postState nor postStateHash");
    zk_arena pa;
    zk_arena_init_malloc(&pa, ARENA_CHUNK);
    int rc = 0;
    zk_state_backend *expected = bt_state_load(&pa, post, reason, reason_len);
    if (!expected) {
        rc = -1;
    } else if (expected->ops->state_root(expected, &want) != ZK_OK) {
        rc = failf(reason, reason_len, "postState root computation failed");
    } else if (!zk_hash_eq(&want, &root)) {
        diff_state(c->state, &pa, post, reason, reason_len);
        rc = -1;
    }
    zk_arena_release(&pa);
    return rc;
}

static int run(bt_test *t, bool check, uint64_t *gas_out, double *seconds, char *reason, size_t reason_len)
{
    chain c;
    memset(&c, 0, sizeof c);
    c.t = t;
    zk_arena_init_malloc(&c.state_arena, ARENA_CHUNK);
    zk_arena_init_malloc(&c.exec_arena, ARENA_CHUNK);
    int rc = -1;
    if (chain_reset_state(&c, reason, reason_len))
        goto out;
    if (check) {
        zk_hash root;
        char a[67], b[67];
        if (c.state->ops->state_root(c.state, &root) != ZK_OK) {
            failf(reason, reason_len, "pre-state root computation failed");
            goto out;
        }
        if (!zk_hash_eq(&root, &t->genesis.state_root)) {
            failf(reason, reason_len, "pre-state root %s differs from the genesis state root %s", hash_hex(&root, a),
                  hash_hex(&t->genesis.state_root, b));
            goto out;
        }
    }
    if (run_blocks(&c, reason, reason_len))
        goto out;
    if (check && check_post(&c, reason, reason_len))
        goto out;
    rc = 0;
out:
    if (gas_out)
        *gas_out = c.gas;
    if (seconds)
        *seconds = c.seconds;
    zk_arena_release(&c.exec_arena);
    zk_arena_release(&c.state_arena);
    return rc;
}

int bt_test_run(bt_test *t, uint64_t *gas_out, char *reason, size_t reason_len)
{
    return run(t, true, gas_out, NULL, reason, reason_len);
}

int bt_test_execute(bt_test *t, uint64_t *gas_out, double *seconds, char *reason, size_t reason_len)
{
    return run(t, false, gas_out, seconds, reason, reason_len);
}
