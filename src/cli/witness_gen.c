/* witness_gen.c — host-only: execution witnesses and v0.3.3 guest inputs for fixtures that
 * carry none (see witness_gen.h). */
#define _GNU_SOURCE
#include "witness_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../block/block.h"
#include "../block/state_mem.h"
#include "../core/arena_malloc.h"
#include "../core/keccak.h"
#include "../core/mpt.h"
#include "../core/rlp.h"
#include "../stateless/stateless.h"
#include "blocktest_fixture.h"

#define ARENA_CHUNK (1u << 22)

/* Appends one item to a malloc'd vector v[0..n) of capacity cap; exits on exhaustion (a
 * host benchmark tool has nothing better to do). */
#define PUSH(v, n, cap, item)                                                  \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            (cap) = (cap) ? 2 * (cap) : 64;                                    \
            void *grown_ = realloc((v), (cap) * sizeof *(v));                  \
            if (!grown_) {                                                     \
                fprintf(stderr, "zkl1: out of memory\n");                      \
                exit(2);                                                       \
            }                                                                  \
            (v) = grown_;                                                      \
        }                                                                      \
        (v)[(n)++] = (item);                                                   \
    } while (0)

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "zkl1: out of memory\n");
        exit(2);
    }
    return p;
}

/* ---- the pre-state's trie nodes, by hash ---- */

typedef struct db_node {
    zk_hash hash;
    uint8_t *enc;
    size_t len;
    bool used; /* resolved during the replay: part of the witness */
} db_node;

typedef struct node_db {
    db_node *v;
    size_t n, cap;
} node_db;

static zk_status db_add(void *user, const zk_hash *hash, const uint8_t *enc, size_t len)
{
    node_db *db = user;
    db_node node = {.hash = *hash, .enc = malloc(len ? len : 1), .len = len};
    if (!node.enc)
        return ZK_ERR_NOMEM;
    memcpy(node.enc, enc, len);
    PUSH(db->v, db->n, db->cap, node);
    return ZK_OK;
}

static int cmp_node(const void *a, const void *b)
{
    return memcmp(((const db_node *)a)->hash.b, ((const db_node *)b)->hash.b, 32);
}

static zk_status db_resolve(void *user, const zk_hash *hash, zk_bytes *node)
{
    node_db *db = user;
    db_node key = {.hash = *hash};
    db_node *found = bsearch(&key, db->v, db->n, sizeof *db->v, cmp_node);
    if (!found)
        return ZK_ERR_MISSING;
    found->used = true;
    node->ptr = found->enc;
    node->len = found->len;
    return ZK_OK;
}

static void db_free(node_db *db)
{
    for (size_t i = 0; i < db->n; i++)
        free(db->v[i].enc);
    free(db->v);
}

/* Pre-state storage roots by address (sorted for bsearch). */
typedef struct pre_account {
    zk_address addr;
    zk_hash storage_root;
} pre_account;

typedef struct prestate {
    zk_arena *arena;
    node_db *db;
    mpt accounts;
    pre_account *v;
    size_t n, cap;
    zk_state_backend *state;
} prestate;

static zk_status add_slot(void *user, const zk_hash *slot, const u256 *value)
{
    mpt *storage = user;
    zk_hash key = keccak256(slot->b, 32);
    uint8_t enc[40];
    zk_buf b = {enc, 0, sizeof enc, NULL, false};
    rlp_put_u256(&b, value);
    return mpt_put(storage, key.b, 32, b.data, b.len);
}

static zk_status encode_leaf(const zk_account *acct, zk_buf *b)
{
    size_t list = rlp_list_begin(b);
    rlp_put_u64(b, acct->nonce);
    rlp_put_u256(b, &acct->balance);
    rlp_put_hash(b, &acct->storage_root);
    rlp_put_hash(b, &acct->code_hash);
    rlp_list_end(b, list);
    return b->oom ? ZK_ERR_NOMEM : ZK_OK;
}

static zk_status add_account(void *user, const zk_address *addr, const zk_account *acct, zk_bytes code)
{
    prestate *p = user;
    mpt storage;
    mpt_init(&storage, p->arena);
    zk_status st = zk_state_mem_foreach_storage(p->state, addr, add_slot, &storage);
    zk_account a = *acct;
    if (st == ZK_OK)
        st = mpt_root(&storage, &a.storage_root);
    if (st == ZK_OK)
        st = mpt_visit_nodes(&storage, db_add, p->db);
    if (st != ZK_OK)
        return st;
    pre_account pa = {.addr = *addr, .storage_root = a.storage_root};
    PUSH(p->v, p->n, p->cap, pa);
    uint8_t enc[160];
    zk_buf b = {enc, 0, sizeof enc, NULL, false};
    if ((st = encode_leaf(&a, &b)) != ZK_OK)
        return st;
    zk_hash key = keccak256(addr->b, 20);
    return mpt_put(&p->accounts, key.b, 32, b.data, b.len);
}

static int cmp_pre(const void *a, const void *b)
{
    return memcmp(((const pre_account *)a)->addr.b, ((const pre_account *)b)->addr.b, 20);
}

static zk_hash pre_storage_root(const prestate *p, const zk_address *addr)
{
    pre_account key = {.addr = *addr};
    const pre_account *found = bsearch(&key, p->v, p->n, sizeof *p->v, cmp_pre);
    return found ? found->storage_root : ZK_EMPTY_TRIE_ROOT;
}

/* ---- recording backend: forwards to the in-memory state, notes reads and writes ---- */

typedef struct slot_ref {
    zk_address addr;
    zk_hash slot;
} slot_ref;

enum { W_WIPE, W_STORAGE, W_ACCOUNT };
typedef struct write_op {
    int kind;
    zk_address addr;
    zk_hash slot;
    u256 value;
    bool deleted;
    zk_account acct;
} write_op;

typedef struct recorder {
    zk_state_backend base;
    zk_state_backend *inner;
    zk_address *accounts;
    size_t n_accounts, cap_accounts;
    slot_ref *slots;
    size_t n_slots, cap_slots;
    zk_bytes *codes;
    size_t n_codes, cap_codes;
    uint64_t oldest_block; /* UINT64_MAX: no BLOCKHASH served */
    write_op *writes;
    size_t n_writes, cap_writes;
} recorder;

static recorder *as_rec(zk_state_backend *b) { return (recorder *)b; }

static zk_status r_get_account(zk_state_backend *b, const zk_address *addr, zk_account *out, bool *exists)
{
    recorder *r = as_rec(b);
    PUSH(r->accounts, r->n_accounts, r->cap_accounts, *addr);
    return r->inner->ops->get_account(r->inner, addr, out, exists);
}

static zk_status r_get_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, u256 *value)
{
    recorder *r = as_rec(b);
    slot_ref s = {*addr, *slot};
    PUSH(r->slots, r->n_slots, r->cap_slots, s);
    return r->inner->ops->get_storage(r->inner, addr, slot, value);
}

static zk_status r_get_code(zk_state_backend *b, const zk_address *addr, const zk_hash *code_hash, zk_bytes *code)
{
    recorder *r = as_rec(b);
    zk_status st = r->inner->ops->get_code(r->inner, addr, code_hash, code);
    if (st == ZK_OK && code->len > 0)
        PUSH(r->codes, r->n_codes, r->cap_codes, *code);
    return st;
}

static zk_status r_get_block_hash(zk_state_backend *b, uint64_t number, zk_hash *out, bool *available)
{
    recorder *r = as_rec(b);
    zk_status st = r->inner->ops->get_block_hash(r->inner, number, out, available);
    if (st == ZK_OK && *available && number < r->oldest_block)
        r->oldest_block = number;
    return st;
}

static zk_status r_wipe_storage(zk_state_backend *b, const zk_address *addr)
{
    recorder *r = as_rec(b);
    write_op w = {.kind = W_WIPE, .addr = *addr};
    PUSH(r->writes, r->n_writes, r->cap_writes, w);
    return r->inner->ops->wipe_storage(r->inner, addr);
}

static zk_status r_put_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, const u256 *value)
{
    recorder *r = as_rec(b);
    write_op w = {.kind = W_STORAGE, .addr = *addr, .slot = *slot, .value = *value};
    PUSH(r->writes, r->n_writes, r->cap_writes, w);
    return r->inner->ops->put_storage(r->inner, addr, slot, value);
}

static zk_status r_put_code(zk_state_backend *b, const zk_hash *code_hash, const uint8_t *code, size_t len)
{
    recorder *r = as_rec(b);
    return r->inner->ops->put_code(r->inner, code_hash, code, len);
}

static zk_status r_put_account(zk_state_backend *b, const zk_address *addr, const zk_account *acct)
{
    recorder *r = as_rec(b);
    write_op w = {.kind = W_ACCOUNT, .addr = *addr, .deleted = acct == NULL};
    if (acct)
        w.acct = *acct;
    PUSH(r->writes, r->n_writes, r->cap_writes, w);
    return r->inner->ops->put_account(r->inner, addr, acct);
}

static zk_status r_state_root(zk_state_backend *b, zk_hash *out)
{
    recorder *r = as_rec(b);
    return r->inner->ops->state_root(r->inner, out);
}

static const zk_state_backend_ops recorder_ops = {
    .get_account = r_get_account,
    .get_storage = r_get_storage,
    .get_code = r_get_code,
    .get_block_hash = r_get_block_hash,
    .wipe_storage = r_wipe_storage,
    .put_storage = r_put_storage,
    .put_code = r_put_code,
    .put_account = r_put_account,
    .state_root = r_state_root,
};

static void recorder_free(recorder *r)
{
    free(r->accounts);
    free(r->slots);
    free(r->codes);
    free(r->writes);
}

/* ---- replay on lazily resolved tries: which nodes does a stateless validator need? ---- */

typedef struct slot_value {
    zk_hash slot;
    u256 value;
} slot_value;

typedef struct touched {
    zk_address addr;
    bool storage_open, wiped, written, deleted;
    mpt storage;
    zk_account acct;
    slot_value *slots;
    size_t n_slots, cap_slots;
} touched;

typedef struct replay {
    prestate *pre;
    mpt accounts;
    touched *v;
    size_t n, cap;
} replay;

static touched *touch(replay *rp, const zk_address *addr)
{
    for (size_t i = 0; i < rp->n; i++)
        if (!memcmp(rp->v[i].addr.b, addr->b, 20))
            return &rp->v[i];
    touched t = {.addr = *addr};
    PUSH(rp->v, rp->n, rp->cap, t);
    return &rp->v[rp->n - 1];
}

static mpt *storage_of(replay *rp, touched *t)
{
    if (!t->storage_open) {
        zk_hash root = pre_storage_root(rp->pre, &t->addr);
        mpt_init_from_root(&t->storage, rp->pre->arena, &root, db_resolve, rp->pre->db);
        t->storage_open = true;
    }
    return &t->storage;
}

/* Reads, then the writes in the witness state's order (per storage trie inserts and updates
 * before deletes; then account leaves, updates before deletes), then the root. */
static zk_status replay_block(replay *rp, const recorder *r, zk_hash *root)
{
    zk_status st;
    bool found;
    zk_bytes v;
    for (size_t i = 0; i < r->n_accounts; i++) {
        zk_hash key = keccak256(r->accounts[i].b, 20);
        if ((st = mpt_get(&rp->accounts, key.b, 32, &v, &found)) != ZK_OK)
            return st;
    }
    for (size_t i = 0; i < r->n_slots; i++) {
        touched *t = touch(rp, &r->slots[i].addr);
        zk_hash key = keccak256(r->slots[i].slot.b, 32);
        if ((st = mpt_get(storage_of(rp, t), key.b, 32, &v, &found)) != ZK_OK)
            return st;
    }
    for (size_t i = 0; i < r->n_writes; i++) {
        const write_op *w = &r->writes[i];
        touched *t = touch(rp, &w->addr);
        if (w->kind == W_WIPE) {
            t->wiped = true;
            t->n_slots = 0;
        } else if (w->kind == W_STORAGE) {
            size_t j = 0;
            while (j < t->n_slots && memcmp(t->slots[j].slot.b, w->slot.b, 32) != 0)
                j++;
            slot_value sv = {w->slot, w->value};
            if (j < t->n_slots)
                t->slots[j] = sv;
            else
                PUSH(t->slots, t->n_slots, t->cap_slots, sv);
        } else {
            t->written = true;
            t->deleted = w->deleted;
            t->acct = w->acct;
        }
    }
    for (size_t i = 0; i < rp->n; i++) {
        touched *t = &rp->v[i];
        if (!t->written)
            continue;
        mpt *storage;
        if (t->wiped) {
            mpt_init(&t->storage, rp->pre->arena);
            t->storage_open = true;
        }
        storage = storage_of(rp, t);
        for (int pass = 0; pass < 2; pass++)
            for (size_t j = 0; j < t->n_slots; j++) {
                bool zero = u256_is_zero(&t->slots[j].value);
                if (zero != (pass == 1))
                    continue;
                zk_hash key = keccak256(t->slots[j].slot.b, 32);
                if (zero) {
                    st = mpt_delete(storage, key.b, 32);
                } else {
                    uint8_t enc[40];
                    zk_buf b = {enc, 0, sizeof enc, NULL, false};
                    rlp_put_u256(&b, &t->slots[j].value);
                    st = mpt_put(storage, key.b, 32, b.data, b.len);
                }
                if (st != ZK_OK)
                    return st;
            }
        if ((st = mpt_root(storage, &t->acct.storage_root)) != ZK_OK)
            return st;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < rp->n; i++) {
            touched *t = &rp->v[i];
            if (!t->written || t->deleted != (pass == 1))
                continue;
            zk_hash key = keccak256(t->addr.b, 20);
            if (t->deleted) {
                st = mpt_delete(&rp->accounts, key.b, 32);
            } else {
                uint8_t enc[160];
                zk_buf b = {enc, 0, sizeof enc, NULL, false};
                if ((st = encode_leaf(&t->acct, &b)) == ZK_OK)
                    st = mpt_put(&rp->accounts, key.b, 32, b.data, b.len);
            }
            if (st != ZK_OK)
                return st;
        }
    return mpt_root(&rp->accounts, root);
}

static void replay_free(replay *rp)
{
    for (size_t i = 0; i < rp->n; i++)
        free(rp->v[i].slots);
    free(rp->v);
}

/* ---- SSZ (tests-zkevm v0.3.3 StatelessInput) ---- */

typedef struct sbuf {
    uint8_t *p;
    size_t len, cap;
} sbuf;

static void put(sbuf *b, const void *data, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (!p) {
            fprintf(stderr, "zkl1: out of memory\n");
            exit(2);
        }
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, data, n);
    b->len += n;
}

static void put_u32(sbuf *b, size_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, x, 4);
}

static void put_u64(sbuf *b, uint64_t v)
{
    uint8_t x[8];
    for (int i = 0; i < 8; i++)
        x[i] = (uint8_t)(v >> (8 * i));
    put(b, x, 8);
}

static void set_u32(sbuf *b, size_t at, size_t v)
{
    for (int i = 0; i < 4; i++)
        b->p[at + i] = (uint8_t)(v >> (8 * i));
}

/* A list of byte strings: offset table, then the items. */
static void put_bytes_list(sbuf *b, const zk_bytes *items, size_t n)
{
    size_t table = 4 * n, off = table;
    for (size_t i = 0; i < n; i++) {
        put_u32(b, off);
        off += items[i].len;
    }
    for (size_t i = 0; i < n; i++)
        put(b, items[i].ptr, items[i].len);
}

static void encode_payload(sbuf *b, const zk_block *blk)
{
    const zk_header *h = &blk->header;
    size_t start = b->len;
    put(b, h->parent_hash.b, 32);
    put(b, h->coinbase.b, 20);
    put(b, h->state_root.b, 32);
    put(b, h->receipts_root.b, 32);
    put(b, h->logs_bloom.b, 256);
    put(b, h->mix_hash.b, 32);
    put_u64(b, h->number);
    put_u64(b, h->gas_limit);
    put_u64(b, h->gas_used);
    put_u64(b, h->timestamp);
    size_t off_extra = b->len;
    put_u32(b, 0);
    for (int i = 0; i < 4; i++)
        put_u64(b, h->base_fee_per_gas.w[i]);
    put(b, h->hash.b, 32);
    size_t off_txs = b->len;
    put_u32(b, 0);
    size_t off_wd = b->len;
    put_u32(b, 0);
    put_u64(b, h->blob_gas_used);
    put_u64(b, h->excess_blob_gas);
    size_t off_bal = b->len;
    put_u32(b, 0);
    put_u64(b, 0); /* slot number: none before Amsterdam */

    set_u32(b, off_extra, b->len - start);
    put(b, h->extra_data.ptr, h->extra_data.len);
    set_u32(b, off_txs, b->len - start);
    zk_bytes *txs = xcalloc(blk->num_txs, sizeof *txs);
    for (size_t i = 0; i < blk->num_txs; i++)
        txs[i] = blk->txs[i].encoded;
    put_bytes_list(b, txs, blk->num_txs);
    free(txs);
    set_u32(b, off_wd, b->len - start);
    for (size_t i = 0; i < blk->num_withdrawals; i++) {
        const zk_withdrawal *w = &blk->withdrawals[i];
        put_u64(b, w->index);
        put_u64(b, w->validator_index);
        put(b, w->address.b, 20);
        put_u64(b, w->amount_gwei);
    }
    set_u32(b, off_bal, b->len - start); /* empty block access list */
}

static void encode_input(sbuf *b, const zk_block *blk, uint64_t chain_id, const zk_bytes *nodes, size_t n_nodes,
                         const zk_bytes *codes, size_t n_codes, const zk_bytes *headers, size_t n_headers)
{
    /* StatelessInput: request (offset), witness (offset), chain_id, public keys (offset). */
    put_u32(b, 0);
    put_u32(b, 0);
    put_u64(b, chain_id);
    put_u32(b, 0);
    set_u32(b, 0, b->len);
    /* NewPayloadRequest: payload (offset), versioned hashes (offset), beacon root,
     * execution requests (offset; none). */
    size_t npr = b->len;
    put_u32(b, 0);
    put_u32(b, 0);
    put(b, blk->header.parent_beacon_block_root.b, 32);
    put_u32(b, 0);
    set_u32(b, npr, b->len - npr);
    encode_payload(b, blk);
    set_u32(b, npr + 4, b->len - npr);
    for (size_t i = 0; i < blk->num_txs; i++)
        for (size_t j = 0; j < blk->txs[i].num_blob_hashes; j++)
            put(b, blk->txs[i].blob_hashes[j].b, 32);
    set_u32(b, npr + 40, b->len - npr);
    /* ExecutionWitness: state, codes, headers. */
    set_u32(b, 4, b->len);
    size_t wit = b->len;
    put_u32(b, 0);
    put_u32(b, 0);
    put_u32(b, 0);
    set_u32(b, wit, b->len - wit);
    put_bytes_list(b, nodes, n_nodes);
    set_u32(b, wit + 4, b->len - wit);
    put_bytes_list(b, codes, n_codes);
    set_u32(b, wit + 8, b->len - wit);
    put_bytes_list(b, headers, n_headers);
    set_u32(b, 16, b->len); /* no public keys */
}

/* ---- one block ---- */

static int cmp_code(const void *a, const void *b)
{
    const zk_bytes *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return memcmp(x->ptr, y->ptr, x->len);
}

static zk_bytes header_rlp(zk_arena *a, const zk_header *h)
{
    zk_buf b;
    zk_buf_init(&b, a, 700 + h->extra_data.len);
    zk_header_encode(&b, h);
    return (zk_bytes){b.data, b.len};
}

typedef struct gen {
    bt_test *t;
    zk_state_backend *state;
    const zk_header **chain; /* chain[i]: header of block genesis.number + i */
    size_t chain_len;
} gen;

/* Executes block b on the state with recording, builds and checks its input, calls fn. */
static int one_block(gen *g, bt_block *b, size_t index, unsigned flags, zk_witness_block_fn fn, void *user,
                     char *err, size_t err_len)
{
    zk_arena a;
    zk_arena_init_malloc(&a, ARENA_CHUNK);
    node_db db = {0};
    prestate pre = {.arena = &a, .db = &db, .state = g->state};
    recorder rec = {.base = {&recorder_ops}, .inner = g->state, .oldest_block = UINT64_MAX};
    replay rp = {.pre = &pre};
    sbuf in = {0};
    zk_bytes *nodes = NULL, *headers = NULL;
    int rc = -1;
    const zk_header *parent = g->chain[g->chain_len - 1];

    /* The full pre-state tries: every node, by hash. */
    mpt_init(&pre.accounts, &a);
    zk_hash root;
    zk_status st = zk_state_mem_foreach_account(g->state, add_account, &pre);
    if (st == ZK_OK)
        st = mpt_root(&pre.accounts, &root);
    if (st == ZK_OK)
        st = mpt_visit_nodes(&pre.accounts, db_add, &db);
    if (st != ZK_OK || !zk_hash_eq(&root, &parent->state_root)) {
        snprintf(err, err_len, "block %zu: pre-state tries (status %d) do not give the parent's state root", index, st);
        goto done;
    }
    qsort(db.v, db.n, sizeof *db.v, cmp_node);
    qsort(pre.v, pre.n, sizeof *pre.v, cmp_pre);

    /* Stateful execution, recorded. */
    zk_arena exec;
    zk_arena_init_malloc(&exec, ARENA_CHUNK);
    zk_block_outcome out;
    char why[512] = "";
    st = zk_state_mem_checkpoint(g->state);
    if (st == ZK_OK)
        st = zk_block_apply_ex(&g->t->cfg, NULL, parent, &b->blk, &rec.base, &exec, &out, why, sizeof why);
    if (st == ZK_OK)
        zk_state_mem_commit(g->state);
    zk_arena_release(&exec);
    if (st != ZK_OK) {
        snprintf(err, err_len, "block %zu: stateful execution failed (%d): %s", index, st, why);
        goto done;
    }

    /* The nodes a stateless validator resolves. */
    mpt_init_from_root(&rp.accounts, &a, &parent->state_root, db_resolve, &db);
    zk_hash post;
    if ((st = replay_block(&rp, &rec, &post)) != ZK_OK || !zk_hash_eq(&post, &b->blk.header.state_root)) {
        snprintf(err, err_len, "block %zu: witness replay (status %d) does not give the block's state root", index,
                 st);
        goto done;
    }
    size_t n_nodes = 0;
    nodes = xcalloc(db.n, sizeof *nodes);
    for (size_t i = 0; i < db.n; i++)
        if (db.v[i].used)
            nodes[n_nodes++] = (zk_bytes){db.v[i].enc, db.v[i].len};
    size_t n_codes = 0;
    if (rec.n_codes > 1)
        qsort(rec.codes, rec.n_codes, sizeof *rec.codes, cmp_code);
    for (size_t i = 0; i < rec.n_codes; i++)
        if (n_codes == 0 || cmp_code(&rec.codes[n_codes - 1], &rec.codes[i]) != 0)
            rec.codes[n_codes++] = rec.codes[i];
    /* Headers: the oldest ancestor BLOCKHASH served up to the parent, ascending. */
    uint64_t base = g->chain[0]->number, first = parent->number;
    if (rec.oldest_block < first)
        first = rec.oldest_block < base ? base : rec.oldest_block;
    size_t n_headers = (size_t)(parent->number - first + 1);
    headers = xcalloc(n_headers, sizeof *headers);
    for (size_t i = 0; i < n_headers; i++)
        headers[i] = header_rlp(&a, g->chain[first - base + i]);

    encode_input(&in, &b->blk, g->t->cfg.chain_id, nodes, n_nodes, rec.codes, n_codes, headers, n_headers);

    if (flags & ZK_WITNESS_UNCHECKED) {
        rc = fn(user, index, in.p, in.len, NULL, 0, out.gas_used) == 0 ? 0 : 1;
        goto done;
    }
    /* The native validator under the test's rules must accept it, with the block's gas. */
    uint8_t result[ZK_STATELESS_OUTPUT_MAX];
    size_t result_len;
    zk_stateless_report rep;
    zk_arena check;
    zk_arena_init_malloc(&check, ARENA_CHUNK);
    st = zk_stateless_validate_rules(ZK_STATELESS_V033, &g->t->cfg, in.p, in.len, &check, result, &result_len, &rep);
    zk_arena_release(&check);
    if (st != ZK_OK || !rep.valid || rep.gas_used != out.gas_used) {
        snprintf(err, err_len, "block %zu: the generated input does not validate (status %d): %s", index, st,
                 rep.reason);
        goto done;
    }
    rc = fn(user, index, in.p, in.len, result, result_len, out.gas_used) == 0 ? 0 : 1;
done:
    free(in.p);
    free(nodes);
    free(headers);
    replay_free(&rp);
    recorder_free(&rec);
    free(pre.v);
    db_free(&db);
    zk_arena_release(&a);
    return rc;
}

long zk_witness_generate(json_t *test, const char *id, uint64_t max_gas, unsigned flags, zk_chain_config *rules,
                         zk_witness_block_fn fn, void *user, char *err, size_t err_len)
{
    bt_test t;
    long count = -1;
    zk_arena state_arena;
    zk_arena_init_malloc(&state_arena, ARENA_CHUNK);
    gen g = {.t = &t};
    if (bt_test_prepare(&t, test, id, err, err_len) != 0)
        goto done;
    *rules = t.cfg;
    if (!(g.state = bt_state_load(&state_arena, json_object_get(test, "pre"), err, err_len)))
        goto done;
    zk_state_mem_set_block_hash(g.state, t.genesis.number, &t.genesis.hash);
    g.chain = xcalloc(t.num_blocks + 1, sizeof *g.chain);
    g.chain[g.chain_len++] = &t.genesis;
    count = 0;
    for (size_t i = 0; i < t.num_blocks; i++) {
        bt_block *b = &t.blocks[i];
        if (!b->decoded || b->expect_invalid || (max_gas && b->blk.header.gas_used > max_gas))
            break;
        int rc = one_block(&g, b, i, flags, fn, user, err, err_len);
        if (rc < 0) {
            count = -1;
            break;
        }
        if (rc > 0)
            break;
        zk_state_mem_set_block_hash(g.state, b->blk.header.number, &b->blk.header.hash);
        g.chain[g.chain_len++] = &b->blk.header;
        count++;
    }
done:
    free(g.chain);
    bt_test_free(&t);
    zk_arena_release(&state_arena);
    return count;
}
