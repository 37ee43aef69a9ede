/* state.c — the journaled state cache between execution and a zk_state_backend.
 *
 * Accounts and storage slots are read through the backend once, then kept in arena
 * hash tables for the rest of the block. Every mutation during a transaction pushes the
 * old value onto the journal, so a failing frame is rolled back by popping entries down
 * to its checkpoint. At the end of the block zk_evm_commit hands the net changes to the
 * backend in the order state.h documents.
 */
#include <string.h>

#include "../crypto/precompiles.h"
#include "bal.h"

void *evm_alloc(zk_evm *e, size_t n)
{
    void *p = zk_arena_alloc(e->arena, n ? n : 1);
    if (p == NULL && e->fatal == ZK_OK)
        e->fatal = ZK_ERR_NOMEM;
    return p;
}

/* ---- hashing and tables ---- */

static uint32_t hash_bytes(const uint8_t *p, size_t n, uint64_t seed)
{
    /* FNV-1a over the bytes, then a final avalanche: addresses used by tests are
     * mostly zero bytes, so every byte must influence the result. */
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return (uint32_t)h;
}

static bool table_insert(zk_evm *e, evm_table *t, uint32_t hash, void *item);

static bool table_grow(zk_evm *e, evm_table *t)
{
    size_t new_cap = t->cap ? t->cap * 2 : 1024;
    evm_table_entry *old = t->entries;
    size_t old_cap = t->cap;
    evm_table_entry *fresh = zk_arena_calloc(e->arena, new_cap * sizeof *fresh);
    if (fresh == NULL) {
        if (e->fatal == ZK_OK)
            e->fatal = ZK_ERR_NOMEM;
        return false;
    }
    t->entries = fresh;
    t->cap = new_cap;
    t->count = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].item != NULL)
            table_insert(e, t, old[i].hash, old[i].item);
    return true;
}

static bool table_insert(zk_evm *e, evm_table *t, uint32_t hash, void *item)
{
    if ((t->count + 1) * 4 > t->cap * 3 && !table_grow(e, t))
        return false;
    size_t mask = t->cap - 1;
    size_t i = hash & mask;
    while (t->entries[i].item != NULL)
        i = (i + 1) & mask;
    t->entries[i].hash = hash;
    t->entries[i].item = item;
    t->count++;
    return true;
}

/* ---- accounts ---- */

static void commit_list_add(zk_evm *e, evm_account *a)
{
    if (a->in_commit_list)
        return;
    a->in_commit_list = true;
    a->next_dirty = NULL;
    if (e->dirty_tail)
        e->dirty_tail->next_dirty = a;
    else
        e->dirty_head = a;
    e->dirty_tail = a;
}

void evm_state_init(zk_evm *e)
{
    memset(&e->accounts, 0, sizeof e->accounts);
    memset(&e->slots, 0, sizeof e->slots);
    memset(&e->tslots, 0, sizeof e->tslots);
    e->dirty_head = e->dirty_tail = NULL;
}

static evm_account *account_lookup(zk_evm *e, const zk_address *addr, uint32_t h)
{
    evm_table *t = &e->accounts;
    if (t->cap) {
        size_t mask = t->cap - 1;
        for (size_t i = h & mask; t->entries[i].item != NULL; i = (i + 1) & mask) {
            evm_account *a = t->entries[i].item;
            if (t->entries[i].hash == h && zk_address_eq(&a->addr, addr))
                return a;
        }
    }
    return NULL;
}

evm_account *evm_account_peek(zk_evm *e, const zk_address *addr)
{
    return account_lookup(e, addr, hash_bytes(addr->b, 20, 0));
}

evm_account *evm_account_get(zk_evm *e, const zk_address *addr)
{
    uint32_t h = hash_bytes(addr->b, 20, 0);
    evm_table *t = &e->accounts;
    evm_account *cached = account_lookup(e, addr, h);
    if (cached != NULL)
        return cached;
    if (e->fatal != ZK_OK)
        return NULL;

    zk_account acct;
    bool exists = false;
    memset(&acct, 0, sizeof acct);
    zk_status st = e->backend->ops->get_account(e->backend, addr, &acct, &exists);
    if (st != ZK_OK) {
        e->fatal = st;
        return NULL;
    }
    evm_account *a = zk_arena_calloc(e->arena, sizeof *a);
    if (a == NULL) {
        e->fatal = ZK_ERR_NOMEM;
        return NULL;
    }
    a->addr = *addr;
    a->hash = h;
    a->exists = a->existed = exists;
    a->is_precompile = zk_precompile_exists(e->env.fork, addr);
    if (exists) {
        a->nonce = acct.nonce;
        a->balance = acct.balance;
        a->code_hash = acct.code_hash;
        a->backend_has_storage = !zk_hash_eq(&acct.storage_root, &ZK_EMPTY_TRIE_ROOT);
    } else {
        a->code_hash = ZK_EMPTY_CODE_HASH;
    }
    if (zk_hash_eq(&a->code_hash, &ZK_EMPTY_CODE_HASH)) {
        a->code_loaded = true;
        a->code = NULL;
        a->code_len = 0;
    }
    if (!table_insert(e, t, h, a))
        return NULL;
    return a;
}

bool evm_account_load_code(zk_evm *e, evm_account *a)
{
    if (a->code_loaded)
        return true;
    if (e->fatal != ZK_OK)
        return false;
    zk_bytes code = {NULL, 0};
    zk_status st = e->backend->ops->get_code(e->backend, &a->addr, &a->code_hash, &code);
    if (st != ZK_OK) {
        e->fatal = st;
        return false;
    }
    a->code = code.ptr;
    a->code_len = code.len;
    a->code_loaded = true;
    return true;
}

/* ---- storage ---- */

static uint32_t slot_hash(const evm_account *a, const zk_hash *key)
{
    return hash_bytes(key->b, 32, (uint64_t)a->hash * 0x9e3779b97f4a7c15ull);
}

evm_slot *evm_slot_get(zk_evm *e, evm_account *a, const zk_hash *key)
{
    uint32_t h = slot_hash(a, key);
    evm_table *t = &e->slots;
    if (t->cap) {
        size_t mask = t->cap - 1;
        for (size_t i = h & mask; t->entries[i].item != NULL; i = (i + 1) & mask) {
            evm_slot *s = t->entries[i].item;
            if (t->entries[i].hash == h && s->acct == a && zk_hash_eq(&s->key, key))
                return s;
        }
    }
    if (e->fatal != ZK_OK)
        return NULL;

    u256 value = u256_zero();
    /* An account absent from the backend, with an empty storage root, or whose storage
     * was destroyed in this block has nothing to read. */
    if (a->existed && a->backend_has_storage && !a->wiped) {
        zk_status st = e->backend->ops->get_storage(e->backend, &a->addr, key, &value);
        if (st != ZK_OK) {
            e->fatal = st;
            return NULL;
        }
    }
    evm_slot *s = zk_arena_calloc(e->arena, sizeof *s);
    if (s == NULL) {
        e->fatal = ZK_ERR_NOMEM;
        return NULL;
    }
    s->acct = a;
    s->key = *key;
    s->hash = h;
    s->value = value;
    s->committed = value;
    s->next_in_acct = a->slots;
    a->slots = s;
    if (!table_insert(e, t, h, s))
        return NULL;
    return s;
}

bool evm_account_has_storage(zk_evm *e, evm_account *a)
{
    (void)e;
    if (a->backend_has_storage && !a->wiped)
        return true;
    for (const evm_slot *s = a->slots; s != NULL; s = s->next_in_acct)
        if (!u256_is_zero(&s->value))
            return true;
    return false;
}

evm_tslot *evm_tslot_get(zk_evm *e, const zk_address *addr, const zk_hash *key)
{
    uint32_t h = hash_bytes(key->b, 32, hash_bytes(addr->b, 20, 7));
    evm_table *t = &e->tslots;
    if (t->cap) {
        size_t mask = t->cap - 1;
        for (size_t i = h & mask; t->entries[i].item != NULL; i = (i + 1) & mask) {
            evm_tslot *s = t->entries[i].item;
            if (t->entries[i].hash == h && zk_address_eq(&s->addr, addr) && zk_hash_eq(&s->key, key)) {
                if (s->seq != e->tx_seq) { /* stale entry from an earlier transaction */
                    s->seq = e->tx_seq;
                    s->value = u256_zero();
                }
                return s;
            }
        }
    }
    evm_tslot *s = evm_alloc(e, sizeof *s);
    if (s == NULL)
        return NULL;
    s->addr = *addr;
    s->key = *key;
    s->hash = h;
    s->seq = e->tx_seq;
    s->value = u256_zero();
    if (!table_insert(e, t, h, s))
        return NULL;
    return s;
}

/* ---- journal ---- */

static evm_journal_entry *journal_push(zk_evm *e, evm_journal_kind kind, void *ptr)
{
    if (e->journal_len == e->journal_cap) {
        size_t cap = e->journal_cap ? e->journal_cap * 2 : 4096;
        evm_journal_entry *j = evm_alloc(e, cap * sizeof *j);
        if (j == NULL)
            return NULL;
        if (e->journal_len)
            memcpy(j, e->journal, e->journal_len * sizeof *j);
        e->journal = j;
        e->journal_cap = cap;
    }
    evm_journal_entry *en = &e->journal[e->journal_len++];
    en->kind = kind;
    en->ptr = ptr;
    return en;
}

static bool tx_accounts_add(zk_evm *e, evm_account *a)
{
    if (e->num_tx_accounts == e->tx_accounts_cap) {
        size_t cap = e->tx_accounts_cap ? e->tx_accounts_cap * 2 : 256;
        evm_account **n = evm_alloc(e, cap * sizeof *n);
        if (n == NULL)
            return false;
        if (e->num_tx_accounts)
            memcpy(n, e->tx_accounts, e->num_tx_accounts * sizeof *n);
        e->tx_accounts = n;
        e->tx_accounts_cap = cap;
    }
    e->tx_accounts[e->num_tx_accounts++] = a;
    return true;
}

bool evm_make_exist(zk_evm *e, evm_account *a)
{
    if (a->exists)
        return true;
    if (!evm_bal_before_write(e, a))
        return false;
    evm_journal_entry *j = journal_push(e, J_EXISTS, a);
    if (j == NULL)
        return false;
    j->old.w[0] = 0;
    a->exists = true;
    a->dirty = true;
    commit_list_add(e, a);
    return true;
}

bool evm_set_balance(zk_evm *e, evm_account *a, const u256 *v)
{
    if (!evm_make_exist(e, a) || !evm_bal_before_write(e, a))
        return false;
    evm_journal_entry *j = journal_push(e, J_BALANCE, a);
    if (j == NULL)
        return false;
    commit_list_add(e, a);
    j->old = a->balance;
    a->balance = *v;
    a->dirty = true;
    return true;
}

bool evm_add_balance(zk_evm *e, evm_account *a, const u256 *v)
{
    u256 nb = u256_add(&a->balance, v);
    return evm_set_balance(e, a, &nb);
}

bool evm_sub_balance(zk_evm *e, evm_account *a, const u256 *v)
{
    u256 nb = u256_sub(&a->balance, v);
    return evm_set_balance(e, a, &nb);
}

bool evm_set_nonce(zk_evm *e, evm_account *a, uint64_t nonce)
{
    if (!evm_make_exist(e, a) || !evm_bal_before_write(e, a))
        return false;
    evm_journal_entry *j = journal_push(e, J_NONCE, a);
    if (j == NULL)
        return false;
    commit_list_add(e, a);
    j->old.w[0] = a->nonce;
    a->nonce = nonce;
    a->dirty = true;
    return true;
}

bool evm_set_code(zk_evm *e, evm_account *a, const uint8_t *code, size_t len)
{
    if (!evm_make_exist(e, a) || !evm_bal_before_write(e, a))
        return false;
    evm_journal_entry *j = journal_push(e, J_CODE, a);
    if (j == NULL)
        return false;
    commit_list_add(e, a);
    memcpy(&j->old, a->code_hash.b, 32);
    j->aux_ptr = a->code;
    j->aux_len = a->code_len;
    j->aux32 = a->code_loaded;
    a->code = code;
    a->code_len = len;
    a->code_loaded = true;
    a->code_hash = len ? keccak256(code, len) : ZK_EMPTY_CODE_HASH;
    a->jumpdests = NULL;
    a->dirty = true;
    a->code_dirty = true;
    return true;
}

bool evm_set_storage(zk_evm *e, evm_slot *s, const u256 *v)
{
    if (s->tx_original_seq != e->tx_seq) {
        s->tx_original = s->value;
        s->tx_original_seq = e->tx_seq;
    }
    if (!evm_bal_before_slot_write(e, s))
        return false;
    evm_journal_entry *j = journal_push(e, J_STORAGE, s);
    if (j == NULL)
        return false;
    j->old = s->value;
    s->value = *v;
    commit_list_add(e, s->acct);
    return true;
}

bool evm_set_tstorage(zk_evm *e, evm_tslot *t, const u256 *v)
{
    evm_journal_entry *j = journal_push(e, J_TSTORAGE, t);
    if (j == NULL)
        return false;
    j->old = t->value;
    t->value = *v;
    return true;
}

bool evm_mark_warm(zk_evm *e, evm_account *a)
{
    if (a->warm_seq == e->tx_seq)
        return true;
    evm_journal_entry *j = journal_push(e, J_WARM_ACCT, a);
    if (j == NULL)
        return false;
    j->aux32 = a->warm_seq;
    a->warm_seq = e->tx_seq;
    return true;
}

bool evm_mark_slot_warm(zk_evm *e, evm_slot *s)
{
    if (s->warm_seq == e->tx_seq)
        return true;
    evm_journal_entry *j = journal_push(e, J_WARM_SLOT, s);
    if (j == NULL)
        return false;
    j->aux32 = s->warm_seq;
    s->warm_seq = e->tx_seq;
    return true;
}

static bool set_seq_flag(zk_evm *e, evm_account *a, uint32_t *flag, evm_journal_kind kind, bool remember)
{
    if (*flag == e->tx_seq)
        return true;
    evm_journal_entry *j = journal_push(e, kind, a);
    if (j == NULL)
        return false;
    j->aux32 = *flag;
    *flag = e->tx_seq;
    return remember ? tx_accounts_add(e, a) : true;
}

bool evm_mark_created(zk_evm *e, evm_account *a) { return set_seq_flag(e, a, &a->created_seq, J_CREATED, false); }
bool evm_mark_destroyed(zk_evm *e, evm_account *a) { return set_seq_flag(e, a, &a->destroyed_seq, J_DESTROYED, true); }
bool evm_touch(zk_evm *e, evm_account *a) { return set_seq_flag(e, a, &a->touched_seq, J_TOUCHED, true); }

void evm_revert_to(zk_evm *e, size_t checkpoint)
{
    while (e->journal_len > checkpoint) {
        evm_journal_entry *j = &e->journal[--e->journal_len];
        evm_account *a = j->ptr;
        switch ((evm_journal_kind)j->kind) {
        case J_BALANCE:
            a->balance = j->old;
            break;
        case J_NONCE:
            a->nonce = j->old.w[0];
            break;
        case J_EXISTS:
            a->exists = j->old.w[0] != 0;
            break;
        case J_CODE:
            memcpy(a->code_hash.b, &j->old, 32);
            a->code = j->aux_ptr;
            a->code_len = j->aux_len;
            a->code_loaded = j->aux32 != 0;
            a->jumpdests = NULL;
            break;
        case J_CREATED:
            a->created_seq = j->aux32;
            break;
        case J_DESTROYED:
            a->destroyed_seq = j->aux32;
            break;
        case J_TOUCHED:
            a->touched_seq = j->aux32;
            break;
        case J_WARM_ACCT:
            a->warm_seq = j->aux32;
            break;
        case J_WARM_SLOT:
            ((evm_slot *)j->ptr)->warm_seq = j->aux32;
            break;
        case J_STORAGE:
            ((evm_slot *)j->ptr)->value = j->old;
            break;
        case J_TSTORAGE:
            ((evm_tslot *)j->ptr)->value = j->old;
            break;
        }
    }
}

/* ---- transaction boundaries ---- */

void evm_destroy_account(zk_evm *e, evm_account *a)
{
    /* Arena exhaustion here is caught by the caller through e->fatal. */
    if (e->bal != NULL) {
        evm_bal_track_write(e, a);
        for (evm_slot *s = a->slots; s != NULL; s = s->next_in_acct)
            evm_bal_track_slot_write(e, s);
    }
    a->exists = false;
    a->nonce = 0;
    a->balance = u256_zero();
    a->code_hash = ZK_EMPTY_CODE_HASH;
    a->code = NULL;
    a->code_len = 0;
    a->code_loaded = true;
    a->jumpdests = NULL;
    a->code_dirty = false;
    a->wiped = true;
    a->backend_has_storage = false;
    for (evm_slot *s = a->slots; s != NULL; s = s->next_in_acct)
        s->value = u256_zero();
    a->dirty = true;
    commit_list_add(e, a);
}

void evm_begin_tx(zk_evm *e)
{
    e->tx_seq++;
    e->journal_len = 0;
    e->num_logs = 0;
    e->num_tx_accounts = 0;
}

void evm_finish_tx(zk_evm *e)
{
    for (size_t i = 0; i < e->num_tx_accounts; i++) {
        evm_account *a = e->tx_accounts[i];
        if (a->destroyed_seq == e->tx_seq && a->exists)
            evm_destroy_account(e, a);
    }
    for (size_t i = 0; i < e->num_tx_accounts; i++) {
        evm_account *a = e->tx_accounts[i];
        if (a->touched_seq == e->tx_seq && a->exists && evm_account_is_empty(a))
            evm_destroy_account(e, a);
    }
    e->journal_len = 0;
    e->num_tx_accounts = 0;
}

/* ---- commit ---- */

static zk_status commit_account(zk_evm *e, evm_account *a)
{
    zk_state_backend *b = e->backend;
    zk_status st;
    if (a->wiped && a->existed) {
        st = b->ops->wipe_storage(b, &a->addr);
        if (st != ZK_OK)
            return st;
    }
    for (evm_slot *s = a->slots; s != NULL; s = s->next_in_acct) {
        bool changed = a->wiped ? !u256_is_zero(&s->value) : !u256_eq(&s->value, &s->committed);
        if (!changed || !a->exists)
            continue;
        st = b->ops->put_storage(b, &a->addr, &s->key, &s->value);
        if (st != ZK_OK)
            return st;
    }
    if (a->exists && a->code_dirty && a->code_len > 0) {
        st = b->ops->put_code(b, &a->code_hash, a->code, a->code_len);
        if (st != ZK_OK)
            return st;
    }
    if (a->exists) {
        zk_account acct;
        acct.nonce = a->nonce;
        acct.balance = a->balance;
        acct.code_hash = a->code_hash;
        acct.storage_root = ZK_EMPTY_TRIE_ROOT; /* recomputed by the backend */
        st = b->ops->put_account(b, &a->addr, &acct);
    } else if (a->existed) {
        st = b->ops->put_account(b, &a->addr, NULL);
    } else {
        st = ZK_OK;
    }
    return st;
}

zk_status zk_evm_commit(zk_evm *e)
{
    if (e->fatal != ZK_OK)
        return e->fatal;
    for (evm_account *a = e->dirty_head; a != NULL; a = a->next_dirty) {
        zk_status st = commit_account(e, a);
        if (st != ZK_OK)
            return e->fatal = st;
    }
    /* The backend now holds everything: make the cache's "backend view" match it. */
    for (evm_account *a = e->dirty_head; a != NULL;) {
        evm_account *next = a->next_dirty;
        a->existed = a->exists;
        a->backend_has_storage = evm_account_has_storage(e, a);
        a->wiped = false;
        a->dirty = a->code_dirty = false;
        a->in_commit_list = false;
        a->next_dirty = NULL;
        for (evm_slot *s = a->slots; s != NULL; s = s->next_in_acct)
            s->committed = s->value;
        a = next;
    }
    e->dirty_head = e->dirty_tail = NULL;
    return ZK_OK;
}
