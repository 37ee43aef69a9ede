/* bal.c — EIP-7928 block access list: tracking records, settling per index, RLP encoding.
 *
 * Encoding (as filled in the Amsterdam fixtures):
 *   rlp([AccountChanges, ...])                     sorted by address
 *   AccountChanges = [address, storage_changes, storage_reads, balance_changes,
 *                     nonce_changes, code_changes]
 *   storage_changes = [[slot, [[index, value], ...]], ...]  sorted by slot
 *   storage_reads   = [slot, ...]                           sorted by slot
 *   balance/nonce/code changes = [[index, value], ...]      ascending index
 * Slots, values, balances, nonces and indices are minimal big-endian integers.
 */
#include <string.h>

#include "../core/rlp.h"
#include "bal.h"

#define NO_INDEX UINT32_MAX

/* ---- tracking records ---- */

static bal_account *account_record(zk_evm *e, evm_account *a)
{
    if (a->bal != NULL)
        return a->bal;
    bal_account *r = evm_alloc(e, sizeof *r);
    if (r == NULL)
        return NULL;
    memset(r, 0, sizeof *r);
    r->acct = a;
    r->dirty_index = NO_INDEX;
    r->next_all = e->bal->all;
    e->bal->all = r;
    e->bal->num_accounts++;
    a->bal = r;
    return r;
}

static bal_slot *slot_record(zk_evm *e, evm_slot *s)
{
    if (s->bal != NULL)
        return s->bal;
    bal_account *ra = account_record(e, s->acct);
    if (ra == NULL)
        return NULL;
    bal_slot *r = evm_alloc(e, sizeof *r);
    if (r == NULL)
        return NULL;
    memset(r, 0, sizeof *r);
    r->slot = s;
    r->dirty_index = NO_INDEX;
    r->next_in_acct = ra->slots;
    ra->slots = r;
    ra->num_slots++;
    s->bal = r;
    return r;
}

bool evm_bal_track(zk_evm *e, evm_account *a) { return account_record(e, a) != NULL; }

bool evm_bal_track_slot_read(zk_evm *e, evm_slot *s) { return slot_record(e, s) != NULL; }

bool evm_bal_track_write(zk_evm *e, evm_account *a)
{
    bal_account *r = account_record(e, a);
    if (r == NULL)
        return false;
    if (r->dirty_index != e->bal->index) {
        /* First write in this index: what the account held when the index started. */
        r->dirty_index = e->bal->index;
        r->pre_balance = a->balance;
        r->pre_nonce = a->nonce;
        r->pre_code_hash = a->code_hash;
        r->next_dirty = e->bal->dirty;
        e->bal->dirty = r;
    }
    return true;
}

bool evm_bal_track_slot_write(zk_evm *e, evm_slot *s)
{
    bal_slot *r = slot_record(e, s);
    if (r == NULL)
        return false;
    if (r->dirty_index != e->bal->index) {
        r->dirty_index = e->bal->index;
        r->pre = s->value;
        r->next_dirty = e->bal->dirty_slots;
        e->bal->dirty_slots = r;
    }
    return true;
}

/* ---- settling an index ---- */

static bool append_change(zk_evm *e, bal_change **head, bal_change **tail, uint32_t index, const u256 *value,
                          const uint8_t *code, size_t code_len)
{
    bal_change *c = evm_alloc(e, sizeof *c);
    if (c == NULL)
        return false;
    c->next = NULL;
    c->index = index;
    c->value = *value;
    c->code = code;
    c->code_len = code_len;
    if (*tail != NULL)
        (*tail)->next = c;
    else
        *head = c;
    *tail = c;
    return true;
}

/* Records the net effect of the current index on every account and slot it wrote. */
static bool settle(zk_evm *e)
{
    evm_bal *b = e->bal;
    for (bal_account *r = b->dirty; r != NULL; r = r->next_dirty) {
        evm_account *a = r->acct;
        if (!u256_eq(&a->balance, &r->pre_balance) &&
            !append_change(e, &r->balance, &r->balance_tail, b->index, &a->balance, NULL, 0))
            return false;
        if (a->nonce != r->pre_nonce) {
            u256 n = u256_from_u64(a->nonce);
            if (!append_change(e, &r->nonce, &r->nonce_tail, b->index, &n, NULL, 0))
                return false;
        }
        if (!zk_hash_eq(&a->code_hash, &r->pre_code_hash)) {
            if (!evm_account_load_code(e, a))
                return false;
            u256 zero = u256_zero();
            if (!append_change(e, &r->code, &r->code_tail, b->index, &zero, a->code, a->code_len))
                return false;
        }
        r->dirty_index = NO_INDEX;
    }
    b->dirty = NULL;
    for (bal_slot *r = b->dirty_slots; r != NULL; r = r->next_dirty) {
        if (!u256_eq(&r->slot->value, &r->pre) &&
            !append_change(e, &r->changes, &r->changes_tail, b->index, &r->slot->value, NULL, 0))
            return false;
        r->dirty_index = NO_INDEX;
    }
    b->dirty_slots = NULL;
    return true;
}

zk_status zk_evm_bal_set_index(zk_evm *e, uint32_t index)
{
    if (e->fatal != ZK_OK)
        return e->fatal;
    if (e->bal == NULL)
        return ZK_OK;
    if (!settle(e))
        return e->fatal;
    e->bal->index = index;
    return ZK_OK;
}

/* ---- encoding ---- */

static int cmp_accounts(const void *x, const void *y)
{
    const bal_account *a = *(const bal_account *const *)x, *b = *(const bal_account *const *)y;
    return memcmp(a->acct->addr.b, b->acct->addr.b, 20);
}

static int cmp_slots(const void *x, const void *y)
{
    const bal_slot *a = *(const bal_slot *const *)x, *b = *(const bal_slot *const *)y;
    return memcmp(a->slot->key.b, b->slot->key.b, 32);
}

/* Bottom-up merge sort of n pointers (tmp has room for n). */
static void sort_ptrs(void **v, void **tmp, size_t n, int (*cmp)(const void *, const void *))
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
}

static void put_slot_key(zk_buf *out, const zk_hash *key)
{
    u256 k = u256_from_be(key->b, 32);
    rlp_put_u256(out, &k);
}

static void put_changes(zk_buf *out, const bal_change *c, int kind)
{
    size_t list = rlp_list_begin(out);
    for (; c != NULL; c = c->next) {
        size_t item = rlp_list_begin(out);
        rlp_put_u64(out, c->index);
        if (kind == 2)
            rlp_put_bytes(out, c->code, c->code_len);
        else if (kind == 1)
            rlp_put_u64(out, c->value.w[0]);
        else
            rlp_put_u256(out, &c->value);
        rlp_list_end(out, item);
    }
    rlp_list_end(out, list);
}

zk_status zk_evm_bal_encode(zk_evm *e, zk_buf *out, uint64_t *num_items)
{
    *num_items = 0;
    if (e->fatal != ZK_OK)
        return e->fatal;
    if (e->bal == NULL)
        return ZK_ERR_INVALID;
    if (!settle(e))
        return e->fatal;
    evm_bal *b = e->bal;
    size_t n = b->num_accounts, max_slots = 0;
    void **accts = evm_alloc(e, (n + 1) * sizeof *accts);
    void **tmp = evm_alloc(e, (n + 1) * sizeof *tmp);
    if (accts == NULL || tmp == NULL)
        return e->fatal;
    size_t i = 0;
    for (bal_account *r = b->all; r != NULL; r = r->next_all) {
        accts[i++] = r;
        if (r->num_slots > max_slots)
            max_slots = r->num_slots;
    }
    sort_ptrs(accts, tmp, n, cmp_accounts);
    void **slots = evm_alloc(e, (max_slots + 1) * sizeof *slots);
    void **stmp = evm_alloc(e, (max_slots + 1) * sizeof *stmp);
    if (slots == NULL || stmp == NULL)
        return e->fatal;

    uint64_t items = n;
    size_t top = rlp_list_begin(out);
    for (i = 0; i < n; i++) {
        const bal_account *r = accts[i];
        size_t k = 0;
        for (bal_slot *s = r->slots; s != NULL; s = s->next_in_acct)
            slots[k++] = s;
        sort_ptrs(slots, stmp, k, cmp_slots);
        items += k;

        size_t acct = rlp_list_begin(out);
        rlp_put_address(out, &r->acct->addr);
        size_t changes = rlp_list_begin(out);
        for (size_t j = 0; j < k; j++) {
            const bal_slot *s = slots[j];
            if (s->changes == NULL)
                continue;
            size_t sc = rlp_list_begin(out);
            put_slot_key(out, &s->slot->key);
            put_changes(out, s->changes, 0);
            rlp_list_end(out, sc);
        }
        rlp_list_end(out, changes);
        size_t reads = rlp_list_begin(out);
        for (size_t j = 0; j < k; j++) {
            const bal_slot *s = slots[j];
            if (s->changes == NULL)
                put_slot_key(out, &s->slot->key);
        }
        rlp_list_end(out, reads);
        put_changes(out, r->balance, 0);
        put_changes(out, r->nonce, 1);
        put_changes(out, r->code, 2);
        rlp_list_end(out, acct);
    }
    rlp_list_end(out, top);
    *num_items = items;
    return out->oom ? ZK_ERR_NOMEM : ZK_OK;
}

zk_status evm_bal_init(zk_evm *e)
{
    e->bal = evm_alloc(e, sizeof *e->bal);
    if (e->bal == NULL)
        return e->fatal;
    memset(e->bal, 0, sizeof *e->bal);
    return ZK_OK;
}
