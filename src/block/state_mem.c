/* state_mem.c — in-memory state backend with incremental state-root computation.
 *
 * Accounts, storage slots, code and block hashes live in open-addressing hash tables of
 * pointers to arena-allocated entries (entries never move, so pointers to them stay
 * valid). Zero storage values and deleted accounts stay in the tables as tombstones:
 * nothing is ever removed, which keeps the probing simple.
 *
 * Writes mark what they change as dirty; state_root() pushes only the dirty slots into
 * their account's storage trie and only the dirty accounts into the state trie, then asks
 * the tries for their roots (which rehash only modified paths).
 *
 * A checkpoint records an undo log of writes. Reverting restores the old values and marks
 * them dirty again, so the next state_root() brings the tries back in line as well.
 */
#include "state_mem.h"

#include <string.h>

#include "../core/keccak.h"
#include "../core/mpt.h"
#include "../core/rlp.h"

/* ---- pointer hash table ---- */

/* Entries start with their key (key_len bytes); the table stores pointers to them. */
typedef struct ptr_table {
    void **slots;
    size_t cap; /* 0 or a power of two */
    size_t count;
    size_t key_len;
} ptr_table;

static uint64_t hash_key(const uint8_t *p, size_t n)
{
    uint64_t h = 0x243f6a8885a308d3ULL ^ n;
    while (n) {
        uint64_t w = 0;
        size_t take = n < 8 ? n : 8;
        memcpy(&w, p, take);
        h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 32;
        p += take;
        n -= take;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
}

static void table_init(ptr_table *t, size_t key_len)
{
    memset(t, 0, sizeof *t);
    t->key_len = key_len;
}

static void *table_get(const ptr_table *t, const void *key)
{
    if (!t->cap)
        return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = hash_key(key, t->key_len) & mask;; i = (i + 1) & mask) {
        void *e = t->slots[i];
        if (!e || memcmp(e, key, t->key_len) == 0)
            return e;
    }
}

static void table_place(void **slots, size_t cap, size_t key_len, void *entry)
{
    size_t mask = cap - 1;
    size_t i = hash_key(entry, key_len) & mask;
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = entry;
}

/* Adds an entry whose key is not in the table yet; keeps the load factor at most 1/2. */
static zk_status table_add(zk_arena *a, ptr_table *t, void *entry)
{
    if (2 * (t->count + 1) > t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 8;
        void **slots = zk_arena_calloc(a, cap * sizeof *slots);
        if (!slots)
            return ZK_ERR_NOMEM;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i])
                table_place(slots, cap, t->key_len, t->slots[i]);
        t->slots = slots;
        t->cap = cap;
    }
    table_place(t->slots, t->cap, t->key_len, entry);
    t->count++;
    return ZK_OK;
}

/* A growable array of pointers in the arena. */
typedef struct ptr_list {
    void **items;
    size_t len, cap;
} ptr_list;

static zk_status list_push(zk_arena *a, ptr_list *l, void *p)
{
    if (l->len == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        void **items = zk_arena_alloc(a, cap * sizeof *items);
        if (!items)
            return ZK_ERR_NOMEM;
        if (l->len)
            memcpy(items, l->items, l->len * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = p;
    return ZK_OK;
}

/* ---- entries ---- */

typedef struct mem_slot {
    zk_hash key;     /* table key: the slot number, big-endian */
    zk_hash hashed;  /* keccak(key): the storage-trie key */
    u256 value;      /* zero: absent */
    bool dirty;      /* listed in the account's dirty_slots */
} mem_slot;

typedef struct mem_account {
    zk_address addr;  /* table key */
    zk_hash hashed;   /* keccak(addr): the state-trie key */
    bool exists;
    bool dirty;       /* listed in the state's dirty_accounts */
    uint64_t nonce;
    u256 balance;
    zk_hash code_hash;
    zk_hash storage_root; /* valid when dirty_slots is empty */
    ptr_table storage;    /* mem_slot */
    size_t nonzero_slots;
    ptr_list dirty_slots; /* mem_slot, not yet in storage_trie */
    mpt storage_trie;
} mem_account;

typedef struct mem_code {
    zk_hash hash;
    const uint8_t *code;
    size_t len;
} mem_code;

typedef struct mem_block_hash {
    uint8_t number[8]; /* little-endian */
    zk_hash hash;
} mem_block_hash;

enum undo_kind { UNDO_ACCOUNT, UNDO_SLOT, UNDO_WIPE };

typedef struct undo_entry {
    enum undo_kind kind;
    mem_account *acct;
    union {
        struct {
            bool exists;
            uint64_t nonce;
            u256 balance;
            zk_hash code_hash;
        } account;
        struct {
            mem_slot *slot;
            u256 value;
        } slot;
        struct {
            ptr_table storage;
            size_t nonzero_slots;
            ptr_list dirty_slots;
            mpt storage_trie;
            zk_hash storage_root;
        } wipe;
    } u;
} undo_entry;

typedef struct zk_state_mem {
    zk_state_backend base; /* first: the backend pointer is the state pointer */
    zk_arena *arena;
    ptr_table accounts;    /* mem_account */
    ptr_table codes;       /* mem_code */
    ptr_table block_hashes; /* mem_block_hash */
    size_t existing_accounts;
    ptr_list dirty_accounts; /* mem_account, not yet in state_trie */
    mpt state_trie;
    bool recording;
    undo_entry *undo;
    size_t undo_len, undo_cap;
} zk_state_mem;

static const zk_state_backend_ops mem_ops;

static zk_state_mem *as_mem(zk_state_backend *b)
{
    return b && b->ops == &mem_ops ? (zk_state_mem *)b : NULL;
}

/* ---- lookups and dirty tracking ---- */

static mem_account *find_account(zk_state_mem *m, const zk_address *addr)
{
    return table_get(&m->accounts, addr);
}

/* The entry for addr, created (as not existing) when absent. */
static zk_status get_or_add_account(zk_state_mem *m, const zk_address *addr, mem_account **out)
{
    mem_account *a = find_account(m, addr);
    if (!a) {
        if (!(a = zk_arena_calloc(m->arena, sizeof *a)))
            return ZK_ERR_NOMEM;
        a->addr = *addr;
        a->hashed = keccak256(addr->b, 20);
        a->code_hash = ZK_EMPTY_CODE_HASH;
        a->storage_root = ZK_EMPTY_TRIE_ROOT;
        table_init(&a->storage, sizeof(zk_hash));
        mpt_init(&a->storage_trie, m->arena);
        zk_status st = table_add(m->arena, &m->accounts, a);
        if (st != ZK_OK)
            return st;
    }
    *out = a;
    return ZK_OK;
}

static zk_status mark_account(zk_state_mem *m, mem_account *a)
{
    if (a->dirty)
        return ZK_OK;
    a->dirty = true;
    return list_push(m->arena, &m->dirty_accounts, a);
}

static zk_status mark_slot(zk_state_mem *m, mem_account *a, mem_slot *s)
{
    if (!s->dirty) {
        zk_status st = list_push(m->arena, &a->dirty_slots, s);
        if (st != ZK_OK)
            return st;
        s->dirty = true;
    }
    return mark_account(m, a);
}

static zk_status record(zk_state_mem *m, const undo_entry *u)
{
    if (!m->recording)
        return ZK_OK;
    if (m->undo_len == m->undo_cap) {
        size_t cap = m->undo_cap ? 2 * m->undo_cap : 64;
        undo_entry *n = zk_arena_alloc(m->arena, cap * sizeof *n);
        if (!n)
            return ZK_ERR_NOMEM;
        if (m->undo_len)
            memcpy(n, m->undo, m->undo_len * sizeof *n);
        m->undo = n;
        m->undo_cap = cap;
    }
    m->undo[m->undo_len++] = *u;
    return ZK_OK;
}

/* ---- writes ---- */

static void set_account_existence(zk_state_mem *m, mem_account *a, bool exists)
{
    if (a->exists != exists)
        m->existing_accounts += exists ? 1 : (size_t)-1;
    a->exists = exists;
}

static zk_status write_account(zk_state_mem *m, mem_account *a, bool exists, uint64_t nonce, const u256 *balance,
                               const zk_hash *code_hash)
{
    undo_entry u = {.kind = UNDO_ACCOUNT, .acct = a};
    u.u.account.exists = a->exists;
    u.u.account.nonce = a->nonce;
    u.u.account.balance = a->balance;
    u.u.account.code_hash = a->code_hash;
    zk_status st = record(m, &u);
    if (st != ZK_OK)
        return st;
    set_account_existence(m, a, exists);
    a->nonce = nonce;
    a->balance = *balance;
    a->code_hash = *code_hash;
    return mark_account(m, a);
}

static zk_status write_slot(zk_state_mem *m, mem_account *a, const zk_hash *key, const u256 *value)
{
    mem_slot *s = table_get(&a->storage, key);
    if (!s) {
        if (u256_is_zero(value))
            return ZK_OK; /* absent stays absent */
        if (!(s = zk_arena_calloc(m->arena, sizeof *s)))
            return ZK_ERR_NOMEM;
        s->key = *key;
        s->hashed = keccak256(key->b, 32);
        zk_status st = table_add(m->arena, &a->storage, s);
        if (st != ZK_OK)
            return st;
    }
    if (u256_eq(&s->value, value))
        return ZK_OK;
    undo_entry u = {.kind = UNDO_SLOT, .acct = a};
    u.u.slot.slot = s;
    u.u.slot.value = s->value;
    zk_status st = record(m, &u);
    if (st != ZK_OK)
        return st;
    if (u256_is_zero(&s->value))
        a->nonzero_slots++;
    else if (u256_is_zero(value))
        a->nonzero_slots--;
    s->value = *value;
    return mark_slot(m, a, s);
}

/* Drops all storage of an account: a fresh table and an empty trie. */
static zk_status wipe(zk_state_mem *m, mem_account *a)
{
    if (a->storage.count == 0 && a->storage_trie.root == NULL && a->dirty_slots.len == 0)
        return ZK_OK; /* never had storage */
    undo_entry u = {.kind = UNDO_WIPE, .acct = a};
    u.u.wipe.storage = a->storage;
    u.u.wipe.nonzero_slots = a->nonzero_slots;
    u.u.wipe.dirty_slots = a->dirty_slots;
    u.u.wipe.storage_trie = a->storage_trie;
    u.u.wipe.storage_root = a->storage_root;
    zk_status st = record(m, &u);
    if (st != ZK_OK)
        return st;
    table_init(&a->storage, sizeof(zk_hash));
    a->nonzero_slots = 0;
    memset(&a->dirty_slots, 0, sizeof a->dirty_slots);
    mpt_init(&a->storage_trie, m->arena);
    a->storage_root = ZK_EMPTY_TRIE_ROOT;
    return mark_account(m, a);
}

static zk_status add_code(zk_state_mem *m, const zk_hash *hash, const uint8_t *code, size_t len)
{
    if (len == 0 || table_get(&m->codes, hash))
        return ZK_OK;
    mem_code *c = zk_arena_alloc(m->arena, sizeof *c);
    uint8_t *copy = zk_arena_dup(m->arena, code, len);
    if (!c || !copy)
        return ZK_ERR_NOMEM;
    c->hash = *hash;
    c->code = copy;
    c->len = len;
    return table_add(m->arena, &m->codes, c);
}

/* ---- tries ---- */

/* Pushes the dirty slots of `a` into its storage trie and refreshes storage_root. */
static zk_status sync_storage(zk_state_mem *m, mem_account *a)
{
    if (a->dirty_slots.len == 0)
        return ZK_OK;
    for (size_t i = 0; i < a->dirty_slots.len; i++) {
        mem_slot *s = a->dirty_slots.items[i];
        zk_status st;
        if (u256_is_zero(&s->value)) {
            st = mpt_delete(&a->storage_trie, s->hashed.b, 32);
        } else {
            uint8_t enc[33];
            zk_buf b = {enc, 0, sizeof enc, m->arena, false};
            rlp_put_u256(&b, &s->value);
            st = mpt_put(&a->storage_trie, s->hashed.b, 32, enc, b.len);
        }
        if (st != ZK_OK)
            return st;
        s->dirty = false;
    }
    a->dirty_slots.len = 0;
    return mpt_root(&a->storage_trie, &a->storage_root);
}

static zk_status put_account_leaf(zk_state_mem *m, mem_account *a)
{
    if (!a->exists)
        return mpt_delete(&m->state_trie, a->hashed.b, 32);
    /* rlp([nonce, balance, storage_root, code_hash]): at most 3 + 9 + 33 + 33 + 33 bytes */
    uint8_t enc[128];
    zk_buf b = {enc, 0, sizeof enc, m->arena, false};
    size_t list = rlp_list_begin(&b);
    rlp_put_u64(&b, a->nonce);
    rlp_put_u256(&b, &a->balance);
    rlp_put_hash(&b, &a->storage_root);
    rlp_put_hash(&b, &a->code_hash);
    rlp_list_end(&b, list);
    if (b.oom)
        return ZK_ERR_NOMEM;
    return mpt_put(&m->state_trie, a->hashed.b, 32, b.data, b.len);
}

/* ---- backend operations ---- */

static zk_status mem_get_account(zk_state_backend *b, const zk_address *addr, zk_account *out, bool *exists)
{
    zk_state_mem *m = as_mem(b);
    mem_account *a = m ? find_account(m, addr) : NULL;
    memset(out, 0, sizeof *out);
    *exists = false;
    if (!m)
        return ZK_ERR_INVALID;
    if (!a || !a->exists)
        return ZK_OK;
    zk_status st = sync_storage(m, a);
    if (st != ZK_OK)
        return st;
    *exists = true;
    out->nonce = a->nonce;
    out->balance = a->balance;
    out->code_hash = a->code_hash;
    out->storage_root = a->storage_root;
    return ZK_OK;
}

static zk_status mem_get_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, u256 *value)
{
    zk_state_mem *m = as_mem(b);
    *value = u256_zero();
    if (!m)
        return ZK_ERR_INVALID;
    mem_account *a = find_account(m, addr);
    if (!a || !a->exists)
        return ZK_OK;
    mem_slot *s = table_get(&a->storage, slot);
    if (s)
        *value = s->value;
    return ZK_OK;
}

static const uint8_t no_code[1];

static zk_status mem_get_code(zk_state_backend *b, const zk_address *addr, const zk_hash *code_hash, zk_bytes *code)
{
    zk_state_mem *m = as_mem(b);
    code->ptr = no_code;
    code->len = 0;
    if (!m)
        return ZK_ERR_INVALID;
    if (zk_hash_eq(code_hash, &ZK_EMPTY_CODE_HASH))
        return ZK_OK;
    mem_code *c = table_get(&m->codes, code_hash);
    if (!c)
        return ZK_ERR_MISSING;
    code->ptr = c->code;
    code->len = c->len;
    return ZK_OK;
}

static void number_key(uint64_t number, uint8_t key[8])
{
    for (int i = 0; i < 8; i++)
        key[i] = (uint8_t)(number >> (8 * i));
}

static zk_status mem_get_block_hash(zk_state_backend *b, uint64_t number, zk_hash *out, bool *available)
{
    zk_state_mem *m = as_mem(b);
    uint8_t key[8];
    memset(out, 0, sizeof *out);
    *available = false;
    if (!m)
        return ZK_ERR_INVALID;
    number_key(number, key);
    mem_block_hash *e = table_get(&m->block_hashes, key);
    if (e) {
        *out = e->hash;
        *available = true;
    }
    return ZK_OK;
}

static zk_status mem_wipe_storage(zk_state_backend *b, const zk_address *addr)
{
    zk_state_mem *m = as_mem(b);
    if (!m)
        return ZK_ERR_INVALID;
    mem_account *a = find_account(m, addr);
    return a ? wipe(m, a) : ZK_OK;
}

static zk_status mem_put_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, const u256 *value)
{
    zk_state_mem *m = as_mem(b);
    if (!m)
        return ZK_ERR_INVALID;
    mem_account *a;
    zk_status st = get_or_add_account(m, addr, &a);
    return st == ZK_OK ? write_slot(m, a, slot, value) : st;
}

static zk_status mem_put_code(zk_state_backend *b, const zk_hash *code_hash, const uint8_t *code, size_t len)
{
    zk_state_mem *m = as_mem(b);
    return m ? add_code(m, code_hash, code, len) : ZK_ERR_INVALID;
}

static zk_status mem_put_account(zk_state_backend *b, const zk_address *addr, const zk_account *acct)
{
    zk_state_mem *m = as_mem(b);
    if (!m)
        return ZK_ERR_INVALID;
    mem_account *a;
    if (!acct) {
        /* Deleting an account drops its storage with it. */
        a = find_account(m, addr);
        if (!a || !a->exists)
            return ZK_OK;
        zk_status st = wipe(m, a);
        if (st != ZK_OK)
            return st;
        return write_account(m, a, false, 0, &(u256){{0, 0, 0, 0}}, &ZK_EMPTY_CODE_HASH);
    }
    zk_status st = get_or_add_account(m, addr, &a);
    if (st != ZK_OK)
        return st;
    /* acct->storage_root is ignored: this backend maintains it. */
    return write_account(m, a, true, acct->nonce, &acct->balance, &acct->code_hash);
}

static zk_status mem_state_root(zk_state_backend *b, zk_hash *out)
{
    zk_state_mem *m = as_mem(b);
    if (!m)
        return ZK_ERR_INVALID;
    for (size_t i = 0; i < m->dirty_accounts.len; i++) {
        mem_account *a = m->dirty_accounts.items[i];
        zk_status st = sync_storage(m, a);
        if (st == ZK_OK)
            st = put_account_leaf(m, a);
        if (st != ZK_OK) {
            /* Keep the accounts not yet applied dirty, so a retry redoes them. */
            memmove(m->dirty_accounts.items, m->dirty_accounts.items + i, (m->dirty_accounts.len - i) * sizeof(void *));
            m->dirty_accounts.len -= i;
            return st;
        }
        a->dirty = false;
    }
    m->dirty_accounts.len = 0;
    return mpt_root(&m->state_trie, out);
}

static const zk_state_backend_ops mem_ops = {
    .get_account = mem_get_account,
    .get_storage = mem_get_storage,
    .get_code = mem_get_code,
    .get_block_hash = mem_get_block_hash,
    .wipe_storage = mem_wipe_storage,
    .put_storage = mem_put_storage,
    .put_code = mem_put_code,
    .put_account = mem_put_account,
    .state_root = mem_state_root,
};

/* ---- public functions ---- */

zk_state_backend *zk_state_mem_create(zk_arena *a)
{
    zk_state_mem *m = zk_arena_calloc(a, sizeof *m);
    if (!m)
        return NULL;
    m->base.ops = &mem_ops;
    m->arena = a;
    table_init(&m->accounts, sizeof(zk_address));
    table_init(&m->codes, sizeof(zk_hash));
    table_init(&m->block_hashes, 8);
    mpt_init(&m->state_trie, a);
    return &m->base;
}

zk_status zk_state_mem_set_account(zk_state_backend *s, const zk_address *addr, uint64_t nonce, const u256 *balance,
                                   const uint8_t *code, size_t code_len)
{
    zk_state_mem *m = as_mem(s);
    if (!m)
        return ZK_ERR_INVALID;
    zk_hash code_hash = code_len ? keccak256(code, code_len) : ZK_EMPTY_CODE_HASH;
    zk_status st = add_code(m, &code_hash, code, code_len);
    mem_account *a;
    if (st == ZK_OK)
        st = get_or_add_account(m, addr, &a);
    return st == ZK_OK ? write_account(m, a, true, nonce, balance, &code_hash) : st;
}

zk_status zk_state_mem_set_storage(zk_state_backend *s, const zk_address *addr, const zk_hash *slot, const u256 *value)
{
    return mem_put_storage(s, addr, slot, value);
}

zk_status zk_state_mem_set_block_hash(zk_state_backend *s, uint64_t number, const zk_hash *hash)
{
    zk_state_mem *m = as_mem(s);
    if (!m)
        return ZK_ERR_INVALID;
    uint8_t key[8];
    number_key(number, key);
    mem_block_hash *e = table_get(&m->block_hashes, key);
    if (e) {
        e->hash = *hash;
        return ZK_OK;
    }
    if (!(e = zk_arena_alloc(m->arena, sizeof *e)))
        return ZK_ERR_NOMEM;
    memcpy(e->number, key, 8);
    e->hash = *hash;
    return table_add(m->arena, &m->block_hashes, e);
}

zk_status zk_state_mem_foreach_account(zk_state_backend *s, zk_state_mem_account_fn fn, void *user)
{
    zk_state_mem *m = as_mem(s);
    if (!m)
        return ZK_ERR_INVALID;
    for (size_t i = 0; i < m->accounts.cap; i++) {
        mem_account *a = m->accounts.slots[i];
        if (!a || !a->exists)
            continue;
        zk_account acct;
        bool exists;
        zk_bytes code;
        zk_status st = mem_get_account(s, &a->addr, &acct, &exists);
        if (st == ZK_OK)
            st = mem_get_code(s, &a->addr, &a->code_hash, &code);
        if (st == ZK_OK)
            st = fn(user, &a->addr, &acct, code);
        if (st != ZK_OK)
            return st;
    }
    return ZK_OK;
}

zk_status zk_state_mem_foreach_storage(zk_state_backend *s, const zk_address *addr, zk_state_mem_slot_fn fn,
                                       void *user)
{
    zk_state_mem *m = as_mem(s);
    if (!m)
        return ZK_ERR_INVALID;
    mem_account *a = find_account(m, addr);
    if (!a || !a->exists)
        return ZK_OK;
    for (size_t i = 0; i < a->storage.cap; i++) {
        mem_slot *sl = a->storage.slots[i];
        if (!sl || u256_is_zero(&sl->value))
            continue;
        zk_status st = fn(user, &sl->key, &sl->value);
        if (st != ZK_OK)
            return st;
    }
    return ZK_OK;
}

size_t zk_state_mem_account_count(zk_state_backend *s)
{
    zk_state_mem *m = as_mem(s);
    return m ? m->existing_accounts : 0;
}

size_t zk_state_mem_storage_count(zk_state_backend *s, const zk_address *addr)
{
    zk_state_mem *m = as_mem(s);
    mem_account *a = m ? find_account(m, addr) : NULL;
    return a && a->exists ? a->nonzero_slots : 0;
}

zk_status zk_state_mem_checkpoint(zk_state_backend *s)
{
    zk_state_mem *m = as_mem(s);
    if (!m)
        return ZK_ERR_INVALID;
    m->recording = true;
    m->undo_len = 0;
    return ZK_OK;
}

void zk_state_mem_commit(zk_state_backend *s)
{
    zk_state_mem *m = as_mem(s);
    if (m) {
        m->recording = false;
        m->undo_len = 0;
    }
}

zk_status zk_state_mem_revert(zk_state_backend *s)
{
    zk_state_mem *m = as_mem(s);
    if (!m)
        return ZK_ERR_INVALID;
    m->recording = false; /* the restoring writes below are not themselves recorded */
    zk_status st = ZK_OK;
    while (m->undo_len && st == ZK_OK) {
        undo_entry *u = &m->undo[--m->undo_len];
        mem_account *a = u->acct;
        switch (u->kind) {
        case UNDO_ACCOUNT:
            set_account_existence(m, a, u->u.account.exists);
            a->nonce = u->u.account.nonce;
            a->balance = u->u.account.balance;
            a->code_hash = u->u.account.code_hash;
            st = mark_account(m, a);
            break;
        case UNDO_SLOT: {
            mem_slot *sl = u->u.slot.slot;
            bool was_zero = u256_is_zero(&sl->value), old_zero = u256_is_zero(&u->u.slot.value);
            if (was_zero && !old_zero)
                a->nonzero_slots++;
            else if (!was_zero && old_zero)
                a->nonzero_slots--;
            sl->value = u->u.slot.value;
            st = mark_slot(m, a, sl);
            break;
        }
        case UNDO_WIPE:
            /* The pre-wipe table and trie were left untouched by later writes. */
            a->storage = u->u.wipe.storage;
            a->nonzero_slots = u->u.wipe.nonzero_slots;
            a->dirty_slots = u->u.wipe.dirty_slots;
            a->storage_trie = u->u.wipe.storage_trie;
            a->storage_root = u->u.wipe.storage_root;
            st = mark_account(m, a);
            break;
        }
    }
    m->undo_len = 0;
    return st;
}
