/* witness_state.c — the witness-backed state backend (see witness_state.h).
 *
 * Node and code DBs are open-addressing tables keyed by keccak hashes (whose first bytes
 * are already uniform, so they index the table directly). Accounts touched by execution
 * get an entry holding the pre-state leaf, the storage trie opened lazily from its root,
 * and the writes buffered by zk_evm_commit until state_root() applies them.
 */
#include "witness_state.h"

#include <string.h>

#include "../core/keccak.h"
#include "../core/mpt.h"
#include "../core/rlp.h"
#include "regions.h"

/* ---- hash-keyed byte-string table ---- */

typedef struct blob_entry {
    zk_hash key;
    zk_bytes value;
    bool used;
} blob_entry;

typedef struct blob_table {
    blob_entry *slots;
    size_t cap; /* a power of two, more than twice the capacity asked for */
} blob_table;

static uint64_t key_index(const zk_hash *h)
{
    uint64_t v;
    memcpy(&v, h->b, sizeof v);
    return v;
}

static zk_status blob_table_init(zk_arena *a, blob_table *t, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    t->cap = cap;
    t->slots = zk_arena_calloc(a, cap * sizeof *t->slots);
    return t->slots ? ZK_OK : ZK_ERR_NOMEM;
}

static blob_entry *blob_find_slot(const blob_table *t, const zk_hash *key)
{
    size_t mask = t->cap - 1;
    for (size_t i = key_index(key) & mask;; i = (i + 1) & mask)
        if (!t->slots[i].used || zk_hash_eq(&t->slots[i].key, key))
            return &t->slots[i];
}

/* Adds key -> value unless present (duplicates in the witness are harmless). The table
 * was sized for every insertion at init, so it never fills. */
static void blob_put(blob_table *t, const zk_hash *key, zk_bytes value)
{
    blob_entry *e = blob_find_slot(t, key);
    if (e->used)
        return;
    e->used = true;
    e->key = *key;
    e->value = value;
}

static const blob_entry *blob_get(const blob_table *t, const zk_hash *key)
{
    const blob_entry *e = blob_find_slot(t, key);
    return e->used ? e : NULL;
}

/* ---- accounts ---- */

typedef struct slot_write {
    zk_hash hashed; /* keccak(slot): the storage-trie key */
    u256 value;     /* zero: delete */
} slot_write;

typedef struct wit_account {
    zk_address addr;
    zk_hash hashed;   /* keccak(addr) */
    bool loaded;      /* pre-state leaf read */
    bool exists;      /* current existence (pre-state until written) */
    zk_account acct;  /* current value; storage_root is the trie's root as of the last state_root() */
    bool storage_open;
    mpt storage;

    /* Buffered writes, applied by state_root(). */
    bool listed;      /* in the touched list */
    bool written;     /* put_account seen */
    bool deleted;     /* put_account(NULL) */
    zk_account post;
    bool wiped;
    slot_write *slots;
    size_t num_slots, cap_slots;
} wit_account;

struct zk_witness_state {
    zk_state_backend base; /* first: a backend pointer is a state pointer */
    zk_arena *arena;
    blob_table nodes;
    blob_table codes;
    size_t extra_codes;    /* room left in `codes` for put_code */
    mpt accounts_trie;
    wit_account **table;   /* open addressing by keccak(addr) */
    size_t table_cap, table_count;
    wit_account **touched; /* written accounts, in order of first write */
    size_t num_touched, cap_touched;
    uint64_t first_block;
    const zk_hash *block_hashes;
    size_t num_block_hashes;
    zk_witness_gap gap;    /* the first thing the witness lacked */
};

static zk_status missing(zk_witness_state *w, zk_status st, int kind, const zk_address *addr, const zk_hash *key)
{
    if (st == ZK_ERR_MISSING && w->gap.kind == ZK_GAP_NONE) {
        w->gap.kind = kind;
        if (addr)
            w->gap.address = *addr;
        if (key)
            w->gap.key = *key;
    }
    return st;
}

static const zk_state_backend_ops witness_ops;

static zk_witness_state *as_witness(zk_state_backend *b)
{
    return (zk_witness_state *)b;
}

static zk_status resolve_node(void *user, const zk_hash *hash, zk_bytes *node)
{
    const blob_entry *e = blob_get(&((zk_witness_state *)user)->nodes, hash);
    if (!e)
        return ZK_ERR_MISSING;
    *node = e->value;
    return ZK_OK;
}

static wit_account **account_slot(zk_witness_state *w, const zk_hash *hashed, const zk_address *addr)
{
    size_t mask = w->table_cap - 1;
    for (size_t i = key_index(hashed) & mask;; i = (i + 1) & mask)
        if (!w->table[i] || zk_address_eq(&w->table[i]->addr, addr))
            return &w->table[i];
}

static zk_status grow_accounts(zk_witness_state *w)
{
    size_t cap = w->table_cap ? 2 * w->table_cap : 64;
    wit_account **t = zk_arena_calloc(w->arena, cap * sizeof *t);
    if (!t)
        return ZK_ERR_NOMEM;
    wit_account **old = w->table;
    size_t old_cap = w->table_cap;
    w->table = t;
    w->table_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            *account_slot(w, &old[i]->hashed, &old[i]->addr) = old[i];
    return ZK_OK;
}

/* Decodes an account leaf rlp([nonce, balance, storage_root, code_hash]). */
static zk_status decode_account(const zk_bytes *leaf, zk_account *out)
{
    rlp_item list, f[4];
    rlp_iter it;
    zk_status st = rlp_decode(leaf->ptr, leaf->len, &list);
    if (st != ZK_OK)
        return st;
    if ((st = rlp_iter_init(&list, &it)) != ZK_OK)
        return st;
    for (int i = 0; i < 4; i++)
        if ((st = rlp_iter_next(&it, &f[i])) != ZK_OK)
            return ZK_ERR_DECODE;
    rlp_item extra;
    if (rlp_iter_next(&it, &extra) != ZK_ERR_RANGE)
        return ZK_ERR_DECODE;
    if ((st = rlp_get_u64(&f[0], &out->nonce)) != ZK_OK || (st = rlp_get_u256(&f[1], &out->balance)) != ZK_OK ||
        (st = rlp_get_hash(&f[2], &out->storage_root)) != ZK_OK || (st = rlp_get_hash(&f[3], &out->code_hash)) != ZK_OK)
        return st == ZK_ERR_RANGE ? ZK_ERR_DECODE : st;
    return ZK_OK;
}

/* The entry for addr with its pre-state loaded from the account trie. */
static zk_status get_entry(zk_witness_state *w, const zk_address *addr, wit_account **out)
{
    zk_hash hashed = keccak256(addr->b, 20);
    if (2 * (w->table_count + 1) > w->table_cap) {
        zk_status st = grow_accounts(w);
        if (st != ZK_OK)
            return st;
    }
    wit_account **slot = account_slot(w, &hashed, addr);
    wit_account *e = *slot;
    if (!e) {
        if (!(e = zk_arena_calloc(w->arena, sizeof *e)))
            return ZK_ERR_NOMEM;
        e->addr = *addr;
        e->hashed = hashed;
        *slot = e;
        w->table_count++;
    }
    if (!e->loaded) {
        zk_bytes leaf;
        bool found;
        zk_status st = mpt_get(&w->accounts_trie, hashed.b, 32, &leaf, &found);
        if (st != ZK_OK)
            return missing(w, st, ZK_GAP_ACCOUNT, addr, NULL);
        if (found && (st = decode_account(&leaf, &e->acct)) != ZK_OK)
            return st;
        if (!found) {
            memset(&e->acct, 0, sizeof e->acct);
            e->acct.code_hash = ZK_EMPTY_CODE_HASH;
            e->acct.storage_root = ZK_EMPTY_TRIE_ROOT;
        }
        e->exists = found;
        e->loaded = true;
    }
    *out = e;
    return ZK_OK;
}

static void open_storage(zk_witness_state *w, wit_account *e)
{
    if (e->storage_open)
        return;
    mpt_init_from_root(&e->storage, w->arena, &e->acct.storage_root, resolve_node, w);
    e->storage_open = true;
}

static zk_status touch(zk_witness_state *w, wit_account *e)
{
    if (e->listed)
        return ZK_OK;
    if (w->num_touched == w->cap_touched) {
        size_t cap = w->cap_touched ? 2 * w->cap_touched : 32;
        wit_account **t = zk_arena_alloc(w->arena, cap * sizeof *t);
        if (!t)
            return ZK_ERR_NOMEM;
        if (w->num_touched)
            memcpy(t, w->touched, w->num_touched * sizeof *t);
        w->touched = t;
        w->cap_touched = cap;
    }
    w->touched[w->num_touched++] = e;
    e->listed = true;
    return ZK_OK;
}

/* ---- reads ---- */

static zk_status w_get_account(zk_state_backend *b, const zk_address *addr, zk_account *out, bool *exists)
{
    zk_witness_state *w = as_witness(b);
    wit_account *e;
    zk_status st = get_entry(w, addr, &e);
    memset(out, 0, sizeof *out);
    *exists = false;
    if (st != ZK_OK)
        return st;
    if (e->written) {
        *exists = !e->deleted;
        if (*exists)
            *out = e->post;
        return ZK_OK;
    }
    *exists = e->exists;
    if (e->exists)
        *out = e->acct;
    return ZK_OK;
}

static zk_status w_get_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, u256 *value)
{
    zk_witness_state *w = as_witness(b);
    wit_account *e;
    *value = u256_zero();
    zk_status st = get_entry(w, addr, &e);
    if (st != ZK_OK)
        return st;
    if (!e->exists || e->wiped || zk_hash_eq(&e->acct.storage_root, &ZK_EMPTY_TRIE_ROOT))
        return ZK_OK;
    open_storage(w, e);
    zk_hash key = keccak256(slot->b, 32);
    zk_bytes leaf;
    bool found;
    if ((st = mpt_get(&e->storage, key.b, 32, &leaf, &found)) != ZK_OK || !found)
        return missing(w, st, ZK_GAP_STORAGE, addr, slot);
    rlp_item item;
    if ((st = rlp_decode(leaf.ptr, leaf.len, &item)) != ZK_OK)
        return st;
    st = rlp_get_u256(&item, value);
    return st == ZK_ERR_RANGE ? ZK_ERR_DECODE : st;
}

static const uint8_t no_code[1];

static zk_status w_get_code(zk_state_backend *b, const zk_address *addr, const zk_hash *code_hash, zk_bytes *code)
{
    zk_witness_state *w = as_witness(b);
    code->ptr = no_code;
    code->len = 0;
    if (zk_hash_eq(code_hash, &ZK_EMPTY_CODE_HASH))
        return ZK_OK;
    const blob_entry *e = blob_get(&w->codes, code_hash);
    if (!e)
        return missing(w, ZK_ERR_MISSING, ZK_GAP_CODE, addr, code_hash);
    *code = e->value;
    return ZK_OK;
}

static zk_status w_get_block_hash(zk_state_backend *b, uint64_t number, zk_hash *out, bool *available)
{
    zk_witness_state *w = as_witness(b);
    memset(out, 0, sizeof *out);
    *available = false;
    if (number >= w->first_block && number - w->first_block < w->num_block_hashes) {
        *out = w->block_hashes[number - w->first_block];
        *available = true;
    } else if (w->gap.kind == ZK_GAP_NONE) {
        /* The EVM asks only inside the 256-block window, where no answer is an error. */
        w->gap.kind = ZK_GAP_BLOCK_HASH;
        for (int i = 0; i < 8; i++)
            w->gap.key.b[31 - i] = (uint8_t)(number >> (8 * i));
    }
    return ZK_OK;
}

/* ---- buffered writes ---- */

static zk_status w_wipe_storage(zk_state_backend *b, const zk_address *addr)
{
    zk_witness_state *w = as_witness(b);
    wit_account *e;
    zk_status st = get_entry(w, addr, &e);
    if (st != ZK_OK)
        return st;
    e->wiped = true;
    e->num_slots = 0;
    return touch(w, e);
}

static zk_status w_put_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, const u256 *value)
{
    zk_witness_state *w = as_witness(b);
    wit_account *e;
    zk_status st = get_entry(w, addr, &e);
    if (st != ZK_OK)
        return st;
    if (e->num_slots == e->cap_slots) {
        size_t cap = e->cap_slots ? 2 * e->cap_slots : 8;
        slot_write *s = zk_arena_alloc(w->arena, cap * sizeof *s);
        if (!s)
            return ZK_ERR_NOMEM;
        if (e->num_slots)
            memcpy(s, e->slots, e->num_slots * sizeof *s);
        e->slots = s;
        e->cap_slots = cap;
    }
    slot_write *s = &e->slots[e->num_slots++];
    s->hashed = keccak256(slot->b, 32);
    s->value = *value;
    return touch(w, e);
}

static zk_status w_put_code(zk_state_backend *b, const zk_hash *code_hash, const uint8_t *code, size_t len)
{
    zk_witness_state *w = as_witness(b);
    if (len == 0 || blob_get(&w->codes, code_hash))
        return ZK_OK;
    if (w->extra_codes == 0) { /* keep the load factor: rebuild larger */
        blob_table bigger;
        size_t n = w->codes.cap; /* at least twice the entries: room for as many again */
        zk_status st = blob_table_init(w->arena, &bigger, n);
        if (st != ZK_OK)
            return st;
        for (size_t i = 0; i < w->codes.cap; i++)
            if (w->codes.slots[i].used)
                blob_put(&bigger, &w->codes.slots[i].key, w->codes.slots[i].value);
        w->codes = bigger;
        w->extra_codes = n / 2;
    }
    uint8_t *copy = zk_arena_dup(w->arena, code, len);
    if (!copy)
        return ZK_ERR_NOMEM;
    zk_bytes v = {copy, len};
    blob_put(&w->codes, code_hash, v);
    w->extra_codes--;
    return ZK_OK;
}

static zk_status w_put_account(zk_state_backend *b, const zk_address *addr, const zk_account *acct)
{
    zk_witness_state *w = as_witness(b);
    wit_account *e;
    zk_status st = get_entry(w, addr, &e);
    if (st != ZK_OK)
        return st;
    e->written = true;
    e->deleted = acct == NULL;
    if (acct)
        e->post = *acct;
    return touch(w, e);
}

/* ---- state root ---- */

/* Applies the buffered slot writes of `e` to its storage trie: inserts and updates, then
 * deletes. Sets e->acct.storage_root to the new root. */
static zk_status apply_storage(zk_witness_state *w, wit_account *e)
{
    if (e->wiped) {
        mpt_init(&e->storage, w->arena);
        e->storage_open = true;
    } else {
        open_storage(w, e);
    }
    zk_status st;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < e->num_slots; i++) {
            const slot_write *s = &e->slots[i];
            bool zero = u256_is_zero(&s->value);
            if (zero != (pass == 1))
                continue;
            if (zero) {
                st = mpt_delete(&e->storage, s->hashed.b, 32);
            } else {
                uint8_t enc[40];
                zk_buf buf = {enc, 0, sizeof enc, w->arena, false};
                rlp_put_u256(&buf, &s->value);
                st = mpt_put(&e->storage, s->hashed.b, 32, buf.data, buf.len);
            }
            if (st != ZK_OK)
                return st;
        }
    }
    return mpt_root(&e->storage, &e->acct.storage_root);
}

static zk_status put_leaf(zk_witness_state *w, wit_account *e)
{
    uint8_t enc[128];
    zk_buf b = {enc, 0, sizeof enc, w->arena, false};
    size_t list = rlp_list_begin(&b);
    rlp_put_u64(&b, e->acct.nonce);
    rlp_put_u256(&b, &e->acct.balance);
    rlp_put_hash(&b, &e->acct.storage_root);
    rlp_put_hash(&b, &e->acct.code_hash);
    rlp_list_end(&b, list);
    if (b.oom)
        return ZK_ERR_NOMEM;
    return mpt_put(&w->accounts_trie, e->hashed.b, 32, b.data, b.len);
}

/* Folds the buffered writes of `e` into its current state (storage first). */
static zk_status settle_account(zk_witness_state *w, wit_account *e)
{
    bool gone = e->written ? e->deleted : !e->exists;
    if (!gone && (e->wiped || e->num_slots)) {
        zk_status st = apply_storage(w, e);
        if (st != ZK_OK)
            return missing(w, st, ZK_GAP_STORAGE_UPDATE, &e->addr, NULL);
    } else if (gone) {
        e->acct.storage_root = ZK_EMPTY_TRIE_ROOT;
        e->storage_open = false;
    }
    if (e->written && !e->deleted) {
        zk_hash root = e->acct.storage_root;
        e->acct = e->post;
        e->acct.storage_root = root;
    }
    e->exists = !gone;
    return ZK_OK;
}

static zk_status state_root_of_writes(zk_witness_state *w, zk_hash *out);

static zk_status w_state_root(zk_state_backend *b, zk_hash *out)
{
    zk_region_begin("state_root");
    zk_status st = state_root_of_writes(as_witness(b), out);
    zk_region_end("state_root");
    return st;
}

/* Applies the buffered writes to the tries and computes the new state root. */
static zk_status state_root_of_writes(zk_witness_state *w, zk_hash *out)
{
    zk_status st;
    for (size_t i = 0; i < w->num_touched; i++)
        if ((st = settle_account(w, w->touched[i])) != ZK_OK)
            return st;
    /* Account leaves: updates and inserts, then deletes. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < w->num_touched; i++) {
            wit_account *e = w->touched[i];
            if (e->exists == (pass == 1))
                continue;
            st = e->exists ? put_leaf(w, e) : mpt_delete(&w->accounts_trie, e->hashed.b, 32);
            if (st != ZK_OK)
                return missing(w, st, ZK_GAP_ACCOUNT_UPDATE, &e->addr, NULL);
        }
    }
    for (size_t i = 0; i < w->num_touched; i++) {
        wit_account *e = w->touched[i];
        e->listed = e->written = e->deleted = e->wiped = false;
        e->num_slots = 0;
    }
    w->num_touched = 0;
    return mpt_root(&w->accounts_trie, out);
}

static const zk_state_backend_ops witness_ops = {
    .get_account = w_get_account,
    .get_storage = w_get_storage,
    .get_code = w_get_code,
    .get_block_hash = w_get_block_hash,
    .wipe_storage = w_wipe_storage,
    .put_storage = w_put_storage,
    .put_code = w_put_code,
    .put_account = w_put_account,
    .state_root = w_state_root,
};

/* ---- construction ---- */

zk_status zk_witness_state_create(zk_arena *a, const zk_bytes *nodes, size_t num_nodes, const zk_bytes *codes,
                                  size_t num_codes, const zk_hash *state_root, zk_witness_state **out)
{
    *out = NULL;
    zk_witness_state *w = zk_arena_calloc(a, sizeof *w);
    if (!w)
        return ZK_ERR_NOMEM;
    w->base.ops = &witness_ops;
    w->arena = a;
    zk_status st = blob_table_init(a, &w->nodes, num_nodes);
    if (st == ZK_OK)
        st = blob_table_init(a, &w->codes, num_codes + 16);
    if (st != ZK_OK)
        return st;
    w->extra_codes = 16;
    for (size_t i = 0; i < num_nodes; i++) {
        zk_hash h = keccak256(nodes[i].ptr, nodes[i].len);
        blob_put(&w->nodes, &h, nodes[i]);
    }
    for (size_t i = 0; i < num_codes; i++) {
        zk_hash h = keccak256(codes[i].ptr, codes[i].len);
        blob_put(&w->codes, &h, codes[i]);
    }
    mpt_init_from_root(&w->accounts_trie, a, state_root, resolve_node, w);
    if (!zk_hash_eq(state_root, &ZK_EMPTY_TRIE_ROOT) && !w->accounts_trie.root)
        return ZK_ERR_NOMEM;
    *out = w;
    return ZK_OK;
}

void zk_witness_state_set_block_hashes(zk_witness_state *w, uint64_t first_number, const zk_hash *hashes, size_t n)
{
    w->first_block = first_number;
    w->block_hashes = hashes;
    w->num_block_hashes = n;
}

zk_state_backend *zk_witness_state_backend(zk_witness_state *w)
{
    return &w->base;
}

zk_witness_gap zk_witness_state_gap(const zk_witness_state *w)
{
    return w->gap;
}
