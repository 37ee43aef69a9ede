/* evm.h — executing transactions and block-level state changes against a state backend.
 *
 * One zk_evm lives for one block. It holds the journaled state cache (accounts, storage,
 * code read from the backend and changed by execution), the per-transaction sets
 * (warm addresses/slots, transient storage, created and destroyed accounts) and the
 * interpreter. The block layer (src/block) drives it:
 *
 *     zk_evm *e = zk_evm_create(arena, backend, &env);
 *     zk_evm_system_call(e, beacon_roots_addr, ...);        // EIP-4788, EIP-2935 ...
 *     for each tx: zk_evm_execute_tx(e, &tx, gas_left_in_block, &res);
 *     zk_evm_system_call(...);                               // EIP-7002, EIP-7251 requests
 *     for each withdrawal: zk_evm_add_balance(e, &addr, &amount_wei);
 *     zk_evm_commit(e);  backend->ops->state_root(...)
 *
 * Every allocation comes from the arena given at creation. Freestanding.
 */
#ifndef ZK_EVM_H
#define ZK_EVM_H

#include "../core/arena.h"
#include "../core/rlp.h"
#include "../core/types.h"
#include "fork.h"
#include "state.h"

typedef struct zk_block_env {
    zk_fork fork;
    uint64_t chain_id;
    uint64_t number;
    uint64_t timestamp;
    uint64_t gas_limit;
    zk_address coinbase;
    u256 base_fee;       /* BASEFEE */
    zk_hash prev_randao; /* PREVRANDAO (mix_hash after the merge) */
    u256 difficulty;     /* pre-merge DIFFICULTY (unused from Paris on) */
    u256 blob_base_fee;  /* BLOBBASEFEE, computed by the block layer from excess_blob_gas */
    zk_blob_params blob_params;
    uint64_t slot_number; /* SLOTNUM (EIP-7843, Amsterdam) */
    zk_amsterdam_rules amsterdam_rules;
} zk_block_env;

/* Why a transaction is invalid (it then invalidates its block). Names follow EEST's
 * TransactionException where one exists. */
typedef enum zk_tx_error {
    ZK_TXERR_NONE = 0,
    ZK_TXERR_INTRINSIC_GAS_TOO_LOW,
    ZK_TXERR_INTRINSIC_GAS_BELOW_FLOOR_GAS_COST, /* EIP-7623 */
    ZK_TXERR_GAS_ALLOWANCE_EXCEEDED,              /* tx gas > block gas left */
    ZK_TXERR_GAS_LIMIT_EXCEEDS_MAXIMUM,           /* EIP-7825 */
    ZK_TXERR_NONCE_MISMATCH_TOO_LOW,
    ZK_TXERR_NONCE_MISMATCH_TOO_HIGH,
    ZK_TXERR_NONCE_IS_MAX,
    ZK_TXERR_INSUFFICIENT_ACCOUNT_FUNDS,
    ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_GAS,        /* fee cap < base fee */
    ZK_TXERR_PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS,
    ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_BLOB_GAS,
    ZK_TXERR_SENDER_NOT_EOA,                      /* EIP-3607 */
    ZK_TXERR_INITCODE_SIZE_EXCEEDED,              /* EIP-3860 */
    ZK_TXERR_TYPE_NOT_SUPPORTED,
    ZK_TXERR_TYPE_3_TX_ZERO_BLOBS,
    ZK_TXERR_TYPE_3_TX_CONTRACT_CREATION,
    ZK_TXERR_TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH,
    ZK_TXERR_TYPE_3_TX_BLOB_COUNT_EXCEEDED,
    ZK_TXERR_TYPE_4_EMPTY_AUTHORIZATION_LIST,
    ZK_TXERR_TYPE_4_TX_CONTRACT_CREATION,
    ZK_TXERR_INVALID_CHAINID,
    ZK_TXERR_GASLIMIT_PRICE_PRODUCT_OVERFLOW,
    ZK_TXERR_OTHER,
} zk_tx_error;

const char *zk_tx_error_name(zk_tx_error e);

typedef struct zk_tx_result {
    zk_tx_error error;       /* ZK_TXERR_NONE for a valid (included) transaction */
    bool success;            /* execution did not revert or fail */
    uint64_t gas_used;       /* gas charged to the sender (receipt's per-tx gas) */
    uint64_t block_gas_used; /* gas counted against the block gas limit (differs from gas_used from Amsterdam on:
                              * EIP-7778 regular gas before refunds, at least the calldata floor) */
    uint64_t block_state_gas_used; /* EIP-8037 state gas (Amsterdam; 0 before). The header's gas_used is
                                    * max(sum of block_gas_used, sum of block_state_gas_used). */
    uint64_t blob_gas_used;
    const zk_log *logs;      /* arena memory, valid for the zk_evm's lifetime */
    size_t num_logs;
    zk_bytes output;         /* return or revert data */
} zk_tx_result;

typedef struct zk_evm zk_evm; /* opaque */

/* Creates the execution state for one block. Returns NULL if the arena is exhausted. */
zk_evm *zk_evm_create(zk_arena *a, zk_state_backend *backend, const zk_block_env *env);

/* Validates and executes one transaction whose sender has been recovered into tx->sender.
 * `block_gas_left` is the block gas limit minus gas already used by earlier transactions
 * (before Amsterdam; from Amsterdam on the zk_evm checks the regular and state dimensions
 * against its own sums of the block's earlier transactions and ignores it).
 * Returns ZK_OK with res->error set (NONE or why the tx is invalid; an invalid tx leaves
 * state untouched), or a backend/arena error (ZK_ERR_MISSING, ZK_ERR_NOMEM), after which
 * the zk_evm must not be used further. */
zk_status zk_evm_execute_tx(zk_evm *e, const zk_tx *tx, uint64_t block_gas_left, zk_tx_result *res);

/* A system call (EIP-4788, EIP-2935, EIP-7002, EIP-7251): a message call from
 * SYSTEM_ADDRESS (0xff..fe) to `to` with 30,000,000 gas, no value, no fee, not counted in
 * block gas. *called is false when `to` has no code; *success is false when the call
 * failed. *output is the return data (arena memory). */
zk_status zk_evm_system_call(zk_evm *e, const zk_address *to, const uint8_t *data, size_t len,
                             bool *called, bool *success, zk_bytes *output);

/* Adds `amount` wei to `addr`'s balance (withdrawals), creating the account if needed. */
zk_status zk_evm_add_balance(zk_evm *e, const zk_address *addr, const u256 *amount);

/* Writes every change of the block into the backend (order documented in state.h). */
zk_status zk_evm_commit(zk_evm *e);

/* ---- EIP-7928 block access list (Amsterdam; a zk_evm of an earlier fork has none) ----
 * The EVM records every account and slot execution accesses and the net change of each
 * block access index: 0 for the system calls before the transactions (the default),
 * i + 1 for transaction i, n + 1 for withdrawals and the request system calls. */

/* Settles the current index and starts `index` (ascending). */
zk_status zk_evm_bal_set_index(zk_evm *e, uint32_t index);
/* Settles the current index and appends rlp(block access list) to `out`; *num_items is
 * the number of addresses plus storage keys (the EIP-7928 size bound counts these).
 * ZK_ERR_INVALID when the fork has no block access list. */
zk_status zk_evm_bal_encode(zk_evm *e, zk_buf *out, uint64_t *num_items);

/* Gas used by EIP-7623-style intrinsic computation, exposed for tests and the block layer. */
uint64_t zk_tx_intrinsic_gas(zk_fork fork, const zk_tx *tx);
/* EIP-7623 calldata floor (21000 + 10 per token) from Prague on, 0 before. A transaction
 * whose gas limit is below it is invalid; one that uses less is charged the floor. */
uint64_t zk_tx_floor_gas(zk_fork fork, const zk_tx *tx);
/* EIP-8037 intrinsic state gas (creation and EIP-7702 authorizations, priced per state
 * byte for a block with `block_gas_limit`); 0 before Amsterdam. zk_tx_intrinsic_gas is the
 * regular part. */
uint64_t zk_tx_intrinsic_state_gas(zk_fork fork, uint64_t block_gas_limit, const zk_tx *tx);

#endif
