/* bal.h — the EIP-7928 block access list tracker inside the EVM (Amsterdam).
 *
 * A zk_evm of an Amsterdam block records, per block access index (0: system calls before
 * the transactions, i + 1: transaction i, n + 1: withdrawals and request system calls after
 * them), every account and storage slot that execution accessed and the net change each
 * index made to balances, nonces, code and storage. Hooks in the EVM feed it:
 *
 *   - evm_bal_access(e, a)   an account was accessed (opcodes after their gas check,
 *                            transaction sender/recipient/coinbase, authorities, system
 *                            call targets, withdrawal recipients);
 *   - evm_bal_slot_read(e,s) a storage slot was read (SLOAD, SSTORE);
 *   - evm_bal_before_write   state.c calls these before it changes an account or a slot,
 *                            so the value at the start of the index is kept.
 *
 * Changes are settled when the next index starts (zk_evm_bal_set_index) or the list is
 * encoded: a value that ends the index where it started is no change (reverted frames,
 * net-zero transfers, no-op writes), and a written slot without any change in the block
 * is a read. Everything lives in the zk_evm's arena; before Amsterdam e->bal is NULL and
 * every hook is a single pointer test. Freestanding.
 */
#ifndef ZK_EVM_BAL_H
#define ZK_EVM_BAL_H

#include "evm_internal.h"

typedef struct bal_change bal_change;
typedef struct bal_slot bal_slot;

/* Per-account tracking record, hung off evm_account.bal. */
typedef struct bal_account {
    evm_account *acct;
    struct bal_account *next_all;   /* every tracked account */
    struct bal_account *next_dirty; /* accounts written in the current index */
    uint32_t dirty_index;           /* index whose start values are below (UINT32_MAX: none) */
    u256 pre_balance;
    uint64_t pre_nonce;
    zk_hash pre_code_hash;
    bal_change *balance, *balance_tail;
    bal_change *nonce, *nonce_tail;
    bal_change *code, *code_tail;
    bal_slot *slots; /* tracked slots of this account */
    size_t num_slots;
} bal_account;

/* Per-slot tracking record, hung off evm_slot.bal. */
struct bal_slot {
    evm_slot *slot;
    bal_slot *next_in_acct;
    bal_slot *next_dirty;
    uint32_t dirty_index;
    u256 pre;
    bal_change *changes, *changes_tail;
};

struct bal_change {
    bal_change *next;
    uint32_t index;
    u256 value;          /* balance, nonce (w[0]) or storage value */
    const uint8_t *code; /* code changes */
    size_t code_len;
};

typedef struct evm_bal {
    uint32_t index; /* current block access index */
    bal_account *all;
    size_t num_accounts;
    bal_account *dirty;
    bal_slot *dirty_slots;
} evm_bal;

/* Hooks (no-ops when e->bal is NULL). False only when the arena is exhausted (e->fatal). */
bool evm_bal_track(zk_evm *e, evm_account *a);
static inline bool evm_bal_access(zk_evm *e, evm_account *a) { return e->bal == NULL || evm_bal_track(e, a); }
bool evm_bal_track_slot_read(zk_evm *e, evm_slot *s);
static inline bool evm_bal_slot_read(zk_evm *e, evm_slot *s)
{
    return e->bal == NULL || evm_bal_track_slot_read(e, s);
}
bool evm_bal_track_write(zk_evm *e, evm_account *a);
bool evm_bal_track_slot_write(zk_evm *e, evm_slot *s);
static inline bool evm_bal_before_write(zk_evm *e, evm_account *a) { return e->bal == NULL || evm_bal_track_write(e, a); }
static inline bool evm_bal_before_slot_write(zk_evm *e, evm_slot *s)
{
    return e->bal == NULL || evm_bal_track_slot_write(e, s);
}

#endif
