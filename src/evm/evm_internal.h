/* evm_internal.h — the zk_evm's private structures, shared by the files of src/evm.
 *
 * Layout of the module:
 *   fork.c     fork schedule, names, blob parameters
 *   state.c    journaled state cache over zk_state_backend, warm sets, commit
 *   interp.c   the interpreter: opcodes, gas, message calls and contract creation
 *   tx.c       transaction validation and execution, system calls, withdrawals
 *
 * Per-transaction flags (warm, created, destroyed, touched, transient) are stored as the
 * sequence number of the transaction that set them: a flag is set iff it equals
 * e->tx_seq. Starting a new transaction is then just ++tx_seq, with no clearing pass.
 * Every change made during a transaction is recorded in the journal so a failed frame
 * can be rolled back to its checkpoint. Freestanding.
 */
#ifndef ZK_EVM_INTERNAL_H
#define ZK_EVM_INTERNAL_H

#include <string.h>

#include "../core/keccak.h"
#include "evm.h"

#define EVM_STACK_LIMIT 1024
#define EVM_MAX_DEPTH 1024
#define EVM_MAX_CODE_SIZE 0x6000
#define EVM_MAX_INITCODE_SIZE (2 * EVM_MAX_CODE_SIZE)
#define EVM_DELEGATION_LEN 23 /* 0xef0100 || address (EIP-7702) */
#define EVM_MAX_CODE_SIZE_AMSTERDAM 0x8000 /* EIP-7954; init code limit is twice this */

/* EIP-8037 (Amsterdam): creating state costs "state gas", priced per state byte. */
#define EVM_STATE_BYTES_NEW_ACCOUNT 112
#define EVM_STATE_BYTES_STORAGE_SET 32
#define EVM_STATE_BYTES_AUTH_BASE 23

static inline size_t evm_max_code_size(zk_fork f)
{
    return f >= ZK_FORK_AMSTERDAM ? EVM_MAX_CODE_SIZE_AMSTERDAM : EVM_MAX_CODE_SIZE;
}
static inline size_t evm_max_initcode_size(zk_fork f) { return 2 * evm_max_code_size(f); }
/* EIP-8037 cost per state byte for a block with `gas_limit` (quantized to 5 significant bits). */
uint64_t evm_cost_per_state_byte(uint64_t gas_limit);

typedef struct evm_slot evm_slot;
struct bal_account;
struct bal_slot;
struct evm_bal;

/* One account as seen by execution: the backend's view (read once) plus the current one. */
typedef struct evm_account {
    zk_address addr;
    uint32_t hash;

    /* Current state. `exists` false means the account is absent from the state. */
    bool exists;
    uint64_t nonce;
    u256 balance;
    zk_hash code_hash;
    const uint8_t *code; /* valid when code_loaded */
    size_t code_len;
    bool code_loaded;
    const uint8_t *jumpdests; /* JUMPDEST bitmap of `code`, built on first execution */

    /* Backend view at block start. */
    bool existed;
    bool is_precompile;       /* precompiles are warm in every transaction (EIP-2929) */
    bool backend_has_storage; /* storage_root != empty trie root */

    /* Block-level bookkeeping for commit. */
    bool dirty;       /* account fields changed: put_account at commit */
    bool code_dirty;  /* code replaced: put_code at commit */
    bool wiped;       /* storage destroyed this block: wipe_storage at commit; slot reads give 0 */
    bool in_commit_list;
    struct evm_account *next_dirty; /* commit list, in order of first change */

    /* Per-transaction flags (== tx_seq when set). */
    uint32_t warm_seq;
    uint32_t created_seq;
    uint32_t destroyed_seq; /* SELFDESTRUCT registered it for deletion */
    uint32_t touched_seq;   /* EIP-161 touch */
    uint32_t burn_logged_seq; /* EIP-7708 finalization Burn log emitted */
    uint32_t state_refund_seq; /* EIP-8037 state gas of a created-and-destroyed account refunded */

    evm_slot *slots; /* this account's cached storage slots, newest first */
    struct bal_account *bal; /* EIP-7928 tracking record (bal.h), NULL until tracked */
} evm_account;

struct evm_slot {
    evm_account *acct;
    zk_hash key;
    uint32_t hash;
    u256 value;       /* current */
    u256 committed;   /* value in the backend (block start, or 0 after a wipe) */
    u256 tx_original; /* value at the start of the transaction that last wrote it */
    uint32_t tx_original_seq;
    uint32_t warm_seq;
    evm_slot *next_in_acct;
    struct bal_slot *bal; /* EIP-7928 tracking record (bal.h), NULL until tracked */
};

/* Transient storage entry (EIP-1153); valid only while seq == tx_seq. */
typedef struct evm_tslot {
    zk_address addr;
    zk_hash key;
    uint32_t hash;
    uint32_t seq;
    u256 value;
} evm_tslot;

/* Open-addressing hash table of pointers, power-of-two capacity, grown in the arena. */
typedef struct evm_table_entry {
    uint32_t hash;
    void *item; /* NULL: empty */
} evm_table_entry;

typedef struct evm_table {
    evm_table_entry *entries;
    size_t cap, count;
} evm_table;

typedef enum evm_journal_kind {
    J_BALANCE,   /* old balance */
    J_NONCE,     /* old nonce in old.w[0] */
    J_EXISTS,    /* old exists flag in old.w[0] */
    J_CODE,      /* old code: hash in old (as u256), pointer/length in aux */
    J_CREATED,   /* old created_seq in old.w[0] */
    J_DESTROYED, /* old destroyed_seq */
    J_TOUCHED,   /* old touched_seq */
    J_WARM_ACCT, /* account became warm */
    J_WARM_SLOT, /* slot became warm */
    J_STORAGE,   /* old slot value */
    J_TSTORAGE,  /* old transient value and seq */
} evm_journal_kind;

typedef struct evm_journal_entry {
    uint32_t kind;
    uint32_t aux32;
    void *ptr;
    u256 old;
    const uint8_t *aux_ptr;
    size_t aux_len;
} evm_journal_entry;

/* Memory buffer of one call depth, reused by every frame at that depth. */
typedef struct evm_depth_buf {
    uint8_t *mem;
    size_t mem_cap;
    u256 *stack;
    uint8_t *jumpdests; /* scratch bitmap for init code */
    size_t jumpdests_cap;
} evm_depth_buf;

struct zk_evm {
    zk_arena *arena;
    zk_state_backend *backend;
    zk_block_env env;
    zk_status fatal; /* first backend/arena error; execution stops once set */

    evm_table accounts;
    evm_table slots;
    evm_table tslots;
    evm_account *dirty_head, *dirty_tail;

    /* Per transaction. */
    uint32_t tx_seq;
    bool precompiles_warm; /* false inside system calls, which start with nothing warm */
    zk_address origin;
    u256 gas_price;
    const zk_hash *blob_hashes;
    size_t num_blob_hashes;
    evm_journal_entry *journal;
    size_t journal_len, journal_cap;
    zk_log *logs;
    size_t num_logs, logs_cap;
    evm_account **tx_accounts; /* accounts touched/destroyed in the tx (may repeat) */
    size_t num_tx_accounts, tx_accounts_cap;

    /* EIP-8037 two-dimensional gas (Amsterdam; all zero before). The reservoir is passed
     * whole to every child frame and handed back by assignment, so one per-transaction
     * value serves every depth; a failing frame restores it from its entry snapshot
     * (evm_state_gas_frame_failed). */
    int64_t cpsb;            /* cost per state byte of this block */
    int64_t state_reservoir; /* state gas left in the reservoir */
    int64_t state_used;      /* net state gas charged by execution in this transaction */
    int64_t state_refund;    /* inline state-gas refunds (SSTORE 0->x->0) credited to the reservoir */
    int64_t gas_not_regular; /* gas used that is not regular gas (EIP-7778 block accounting):
                              * state charges net of what went back to the reservoir */
    uint64_t block_regular_used, block_state_used; /* sums over the block's transactions */

    bool create_collision; /* the transaction's own creation collided (EIP-7610) */

    struct evm_bal *bal; /* EIP-7928 block access list tracker (Amsterdam), else NULL */

    /* Static per-fork opcode tables. */
    int16_t op_gas[256];      /* static gas; -1: undefined opcode */
    uint8_t op_stack_in[256]; /* items popped */
    int8_t op_stack_growth[256];

    evm_depth_buf depth[EVM_MAX_DEPTH + 1];
};

/* ---- fast big-endian conversions for the hot paths ----
 * (u256.h has the portable byte loops; these use 64-bit loads and byte swaps.)
 * __builtin_memcpy keeps the fixed-size copies inline under -ffreestanding, where a
 * plain memcpy would become a library call. */
static inline uint64_t evm_load_be64(const uint8_t *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}
static inline void evm_store_be64(uint8_t *p, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    __builtin_memcpy(p, &v, 8);
}
static inline u256 evm_word_load32(const uint8_t *p)
{
    u256 r = {{evm_load_be64(p + 24), evm_load_be64(p + 16), evm_load_be64(p + 8), evm_load_be64(p)}};
    return r;
}
static inline void evm_word_store32(const u256 *v, uint8_t *p)
{
    evm_store_be64(p, v->w[3]);
    evm_store_be64(p + 8, v->w[2]);
    evm_store_be64(p + 16, v->w[1]);
    evm_store_be64(p + 24, v->w[0]);
}
static inline u256 evm_word_from_address(const zk_address *a)
{
    uint32_t hi;
    __builtin_memcpy(&hi, a->b, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    hi = __builtin_bswap32(hi);
#endif
    u256 r = {{evm_load_be64(a->b + 12), evm_load_be64(a->b + 4), hi, 0}};
    return r;
}
static inline zk_address evm_word_to_address(const u256 *v)
{
    zk_address a;
    uint32_t hi = (uint32_t)v->w[2];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    hi = __builtin_bswap32(hi);
#endif
    __builtin_memcpy(a.b, &hi, 4);
    evm_store_be64(a.b + 4, v->w[1]);
    evm_store_be64(a.b + 12, v->w[0]);
    return a;
}
/* Big-endian value of p[0..n), 1 <= n <= 32, all bytes readable. */
static inline u256 evm_word_load_n(const uint8_t *p, size_t n)
{
    u256 r = {{0, 0, 0, 0}};
    int limb = 0;
    while (n >= 8) {
        r.w[limb++] = evm_load_be64(p + n - 8);
        n -= 8;
    }
    if (n) {
        uint64_t v = 0;
        for (size_t k = 0; k < n; k++)
            v = v << 8 | p[k];
        r.w[limb] = v;
    }
    return r;
}
static inline zk_hash evm_word_to_hash(const u256 *v)
{
    zk_hash h;
    evm_word_store32(v, h.b);
    return h;
}

/* EIP-8037: what a frame must remember to undo its state gas if it fails. */
typedef struct evm_state_gas_mark {
    int64_t used, refund;
} evm_state_gas_mark;
static inline evm_state_gas_mark evm_state_gas_enter(const zk_evm *e)
{
    evm_state_gas_mark m = {e->state_used, e->state_refund};
    return m;
}
/* A failed frame grew no state: the net state gas it charged (spilled or not) goes back
 * to the reservoir. Inline refunds credited inside a failed sub-frame are forfeited (they
 * are frame-scoped, like the refund counter); a failed top-level frame returns all. */
static inline void evm_state_gas_frame_failed(zk_evm *e, evm_state_gas_mark m, int depth)
{
    if (depth == 0 && e->env.amsterdam_rules == ZK_AMSTERDAM_ZKEVM_V0_3)
        return; /* that draft keeps a failed transaction's state gas */
    int64_t back = e->state_used - m.used;
    if (depth > 0)
        back -= e->state_refund - m.refund;
    e->state_reservoir += back;
    e->gas_not_regular -= back;
    e->state_used = m.used;
    e->state_refund = m.refund;
}

/* ---- state.c ---- */
void evm_state_init(zk_evm *e);
/* Looks up (reading through the backend on first use). NULL sets e->fatal. */
evm_account *evm_account_get(zk_evm *e, const zk_address *addr);
/* The cached account, or NULL without reading the backend (an uncached account is cold). */
evm_account *evm_account_peek(zk_evm *e, const zk_address *addr);
/* Makes the account's code available (reads it from the backend once). */
bool evm_account_load_code(zk_evm *e, evm_account *a);
evm_slot *evm_slot_get(zk_evm *e, evm_account *a, const zk_hash *key);
evm_tslot *evm_tslot_get(zk_evm *e, const zk_address *addr, const zk_hash *key);

static inline bool evm_account_is_empty(const evm_account *a)
{
    return a->nonce == 0 && u256_is_zero(&a->balance) && zk_hash_eq(&a->code_hash, &ZK_EMPTY_CODE_HASH);
}
/* EIP-161 "alive": exists and not empty. */
static inline bool evm_account_alive(const evm_account *a) { return a->exists && !evm_account_is_empty(a); }
bool evm_account_has_storage(zk_evm *e, evm_account *a);
static inline bool evm_is_warm(const zk_evm *e, const evm_account *a)
{
    return a->warm_seq == e->tx_seq || (a->is_precompile && e->precompiles_warm);
}

/* Journaled mutations. Each returns false only when the journal cannot grow (e->fatal). */
bool evm_set_balance(zk_evm *e, evm_account *a, const u256 *v);
bool evm_set_nonce(zk_evm *e, evm_account *a, uint64_t nonce);
bool evm_set_code(zk_evm *e, evm_account *a, const uint8_t *code, size_t len); /* copies nothing: code must outlive e */
bool evm_make_exist(zk_evm *e, evm_account *a);
bool evm_set_storage(zk_evm *e, evm_slot *s, const u256 *v);
bool evm_set_tstorage(zk_evm *e, evm_tslot *t, const u256 *v);
bool evm_mark_warm(zk_evm *e, evm_account *a);          /* returns false only on fatal */
bool evm_mark_slot_warm(zk_evm *e, evm_slot *s);
bool evm_mark_created(zk_evm *e, evm_account *a);
bool evm_mark_destroyed(zk_evm *e, evm_account *a);
bool evm_touch(zk_evm *e, evm_account *a);
/* Adds/subtracts wei; add fails (returns false) never except on fatal; sub requires balance >= v. */
bool evm_add_balance(zk_evm *e, evm_account *a, const u256 *v);
bool evm_sub_balance(zk_evm *e, evm_account *a, const u256 *v);

static inline size_t evm_checkpoint(const zk_evm *e) { return e->journal_len; }
void evm_revert_to(zk_evm *e, size_t checkpoint);

/* Deletes an account and its storage (end-of-transaction destruction; not journaled). */
void evm_destroy_account(zk_evm *e, evm_account *a);
/* Starts a new transaction's flag epoch and clears the journal and logs. */
void evm_begin_tx(zk_evm *e);
/* End of transaction: destroys SELFDESTRUCTed accounts and touched empty ones (EIP-161). */
void evm_finish_tx(zk_evm *e);

/* ---- interp.c ---- */
void evm_init_op_tables(zk_evm *e);

typedef struct evm_message {
    zk_address caller;
    zk_address target;       /* account whose storage and balance the code acts on */
    zk_address code_address; /* where the code came from (precompile dispatch) */
    u256 value;
    const uint8_t *input;
    size_t input_len;
    const uint8_t *code;
    size_t code_len;
    evm_account *code_owner; /* account whose jumpdest cache applies; NULL for init code */
    int64_t gas;
    int depth;
    bool is_static;
    bool is_create;
    bool transfer_value;
    bool disable_precompiles;
} evm_message;

typedef enum evm_outcome { EVM_SUCCESS, EVM_REVERT, EVM_FAILURE } evm_outcome;

typedef struct evm_result {
    evm_outcome outcome;
    int64_t gas_left;
    int64_t refund;
    const uint8_t *output;
    size_t output_len;
} evm_result;

/* Executes a message call (not a creation) including value transfer and precompiles.
 * Reverts its own state changes on failure. */
void evm_call_message(zk_evm *e, const evm_message *m, evm_result *r);
/* Executes a creation message at m->target (collision checks done by the caller). */
void evm_create_message(zk_evm *e, const evm_message *m, evm_result *r);

/* Address of a contract created by `sender` with `nonce` (CREATE and creation txs). */
zk_address evm_create_address(const zk_address *sender, uint64_t nonce);

/* Returns the 7702 delegate of `code`, if it is a delegation designator. */
bool evm_delegation_target(const uint8_t *code, size_t len, zk_address *out);

/* Appends a log (copies topics and data into the arena). False on arena exhaustion. */
bool evm_push_log(zk_evm *e, const zk_address *addr, const zk_hash *topics, size_t ntopics, const uint8_t *data,
                  size_t n);
/* EIP-7708 (Amsterdam; no-ops before, for zero values and for transfers to oneself). */
bool evm_emit_transfer_log(zk_evm *e, const zk_address *from, const zk_address *to, const u256 *value);
bool evm_emit_burn_log(zk_evm *e, const zk_address *account, const u256 *value);

/* ---- bal.c ---- */
zk_status evm_bal_init(zk_evm *e);

/* Arena helpers that record exhaustion in e->fatal. */
void *evm_alloc(zk_evm *e, size_t n);

#endif
