/* apply.c — block validation and execution (execution-specs forks/<fork>/fork.py:
 * state_transition, apply_body, process_transaction, process_withdrawals,
 * process_general_purpose_requests), Paris and later.
 *
 * Order of work, as in the spec: body-shape checks, header checks against the parent,
 * start-of-block system calls (EIP-4788 beacon root, EIP-2935 history), transactions,
 * withdrawals, end-of-block request system calls (EIP-7002, EIP-7251), then every
 * commitment in the header is recomputed and compared. Nothing is written into the state
 * backend before all commitments but the state root have been checked.
 */
#include "block.h"

#include <string.h>

#include "../accel/zkvm_accelerators.h"
#include "../core/keccak.h"
#include "../core/mpt.h"
#include "../evm/evm.h"
#include "msg.h"

#define MAX_RLP_BLOCK_SIZE (10485760u - 2097152u) /* EIP-7934 */
#define MAX_BLOBS_PER_TX 6u                       /* EIP-7594 */

const zk_address ZK_MAINNET_DEPOSIT_CONTRACT = {{0x00, 0x00, 0x00, 0x00, 0x21, 0x9a, 0xb5, 0x40, 0x35, 0x6c,
                                                 0xbb, 0x83, 0x9c, 0xbe, 0x05, 0x30, 0x3d, 0x77, 0x05, 0xfa}};

static const zk_address BEACON_ROOTS_ADDRESS = {{0x00, 0x0F, 0x3d, 0xf6, 0xD7, 0x32, 0x80, 0x7E, 0xf1, 0x31,
                                                 0x9f, 0xB7, 0xB8, 0xbB, 0x85, 0x22, 0xd0, 0xBe, 0xac, 0x02}};
static const zk_address HISTORY_STORAGE_ADDRESS = {{0x00, 0x00, 0xF9, 0x08, 0x27, 0xF1, 0xC5, 0x3a, 0x10, 0xcb,
                                                    0x7A, 0x02, 0x33, 0x5B, 0x17, 0x53, 0x20, 0x00, 0x29, 0x35}};
static const zk_address WITHDRAWAL_REQUEST_ADDRESS = {{0x00, 0x00, 0x09, 0x61, 0xEf, 0x48, 0x0E, 0xb5, 0x5e, 0x80,
                                                       0xD1, 0x9a, 0xd8, 0x35, 0x79, 0xA6, 0x4c, 0x00, 0x70, 0x02}};
static const zk_address CONSOLIDATION_REQUEST_ADDRESS = {{0x00, 0x00, 0xBB, 0xdD, 0xc7, 0xCE, 0x48, 0x86, 0x42,
                                                          0xfb, 0x57, 0x9F, 0x8B, 0x00, 0xf3, 0xa5, 0x90, 0x00,
                                                          0x72, 0x51}};
/* keccak256("DepositEvent(bytes,bytes,bytes,bytes,bytes)") */
static const zk_hash DEPOSIT_EVENT_SIGNATURE = {{0x64, 0x9b, 0xbc, 0x62, 0xd0, 0xe3, 0x13, 0x42, 0xaf, 0xea, 0x4e,
                                                0x5c, 0xd8, 0x2d, 0x40, 0x49, 0xe7, 0xe1, 0xee, 0x91, 0x2f, 0xc0,
                                                0x88, 0x9a, 0xa7, 0x90, 0x80, 0x3b, 0xe3, 0x90, 0x38, 0xc5}};

/* Everything one block execution carries around. */
typedef struct block_run {
    const zk_chain_config *cfg;
    const zk_block_options *opts;
    zk_block *blk;
    const zk_header *h;
    zk_fork fork;
    zk_blob_params blob;
    zk_state_backend *state;
    zk_arena *arena;
    zk_evm *evm;
    zk_msg msg;

    uint64_t gas_used;        /* counted against the block gas limit: max(regular_gas, state_gas) */
    uint64_t regular_gas;     /* EIP-7778 regular gas (all gas before Amsterdam) */
    uint64_t state_gas;       /* EIP-8037 state gas (Amsterdam) */
    uint64_t receipt_gas;     /* cumulative gas in receipts */
    uint64_t blob_gas_used;
    zk_bytes *receipts;       /* encoded receipts, one per transaction */
    zk_bloom bloom;
    zk_buf deposits;          /* EIP-6110 request data, 192 bytes per deposit */
} block_run;

static zk_status invalid(block_run *r, const char *what)
{
    zk_msg_str(&r->msg, what);
    return ZK_ERR_INVALID;
}

static zk_status invalid_tx(block_run *r, size_t i, const char *what)
{
    zk_msg_str(&r->msg, what);
    zk_msg_str(&r->msg, " (transaction ");
    zk_msg_u64(&r->msg, i);
    zk_msg_str(&r->msg, ")");
    return ZK_ERR_INVALID;
}

static zk_status internal(block_run *r, zk_status st, const char *where)
{
    zk_msg_str(&r->msg, st == ZK_ERR_NOMEM ? "out of memory in " : "backend or internal error in ");
    zk_msg_str(&r->msg, where);
    return st == ZK_ERR_INVALID || st == ZK_OK ? ZK_ERR_INTERNAL : st;
}

static zk_status mismatch(block_run *r, const char *what, const zk_hash *got, const zk_hash *want)
{
    zk_msg_str(&r->msg, what);
    zk_msg_str(&r->msg, ": header ");
    zk_msg_hex(&r->msg, want->b, 32);
    zk_msg_str(&r->msg, ", computed ");
    zk_msg_hex(&r->msg, got->b, 32);
    return ZK_ERR_INVALID;
}

/* ---- checks on the body's shape ---- */

static zk_fork tx_type_fork(uint8_t type)
{
    switch (type) {
    case ZK_TX_ACCESS_LIST: return ZK_FORK_BERLIN;
    case ZK_TX_DYNAMIC_FEE: return ZK_FORK_LONDON;
    case ZK_TX_BLOB: return ZK_FORK_CANCUN;
    case ZK_TX_SET_CODE: return ZK_FORK_PRAGUE;
    default: return ZK_FORK_FRONTIER;
    }
}

static zk_status check_body_shape(block_run *r)
{
    static const char *pre_fork[] = {"", "TYPE_1_TX_PRE_FORK", "TYPE_2_TX_PRE_FORK", "TYPE_3_TX_PRE_FORK",
                                     "TYPE_4_TX_PRE_FORK"};
    if (zk_fork_at_least(r->fork, ZK_FORK_OSAKA) && r->blk->raw.len > MAX_RLP_BLOCK_SIZE)
        return invalid(r, "RLP_BLOCK_LIMIT_EXCEEDED: block RLP is larger than MAX_RLP_BLOCK_SIZE");
    if (r->blk->num_ommers != 0)
        return invalid(r, "TOO_MANY_UNCLES: ommers are not allowed after the merge");
    if (r->blk->has_withdrawals != zk_fork_at_least(r->fork, ZK_FORK_SHANGHAI))
        return invalid(r, "INCORRECT_BLOCK_FORMAT: withdrawals list presence does not match the fork");
    for (size_t i = 0; i < r->blk->num_txs; i++) {
        uint8_t type = r->blk->txs[i].type;
        if (!zk_fork_at_least(r->fork, tx_type_fork(type)))
            return invalid_tx(r, i, pre_fork[type]);
    }
    return ZK_OK;
}

/* ---- roots of block data ---- */

static zk_status transactions_root(block_run *r, zk_hash *out)
{
    size_t n = r->blk->num_txs;
    zk_bytes *values = n ? zk_arena_alloc(r->arena, n * sizeof *values) : NULL;
    if (n && !values)
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        values[i] = r->blk->txs[i].encoded;
    return mpt_ordered_root(r->arena, n, values, out);
}

static zk_status withdrawals_root(block_run *r, zk_hash *out)
{
    size_t n = r->blk->num_withdrawals;
    zk_bytes *values = n ? zk_arena_alloc(r->arena, n * sizeof *values) : NULL;
    if (n && !values)
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        zk_buf b;
        zk_buf_init(&b, r->arena, 64);
        zk_withdrawal_encode(&b, &r->blk->withdrawals[i]);
        if (b.oom)
            return ZK_ERR_NOMEM;
        values[i].ptr = b.data;
        values[i].len = b.len;
    }
    return mpt_ordered_root(r->arena, n, values, out);
}

static zk_status check_data_roots(block_run *r)
{
    zk_hash root;
    zk_status st = transactions_root(r, &root);
    if (st != ZK_OK)
        return internal(r, st, "transactions root");
    if (!zk_hash_eq(&root, &r->h->transactions_root))
        return mismatch(r, "INVALID_TRANSACTIONS_ROOT", &root, &r->h->transactions_root);
    if (r->blk->has_withdrawals) {
        st = withdrawals_root(r, &root);
        if (st != ZK_OK)
            return internal(r, st, "withdrawals root");
        if (!zk_hash_eq(&root, &r->h->withdrawals_root))
            return mismatch(r, "INVALID_WITHDRAWALS_ROOT", &root, &r->h->withdrawals_root);
    }
    return ZK_OK;
}

/* ---- EIP-6110 deposits ---- */

static uint64_t be_word_small(const uint8_t *w, bool *ok)
{
    for (int i = 0; i < 24; i++)
        if (w[i])
            *ok = false;
    uint64_t v = 0;
    for (int i = 24; i < 32; i++)
        v = v << 8 | w[i];
    return v;
}

/* The DepositEvent ABI layout: five offsets, then five length-prefixed fields of fixed
 * sizes (pubkey 48, withdrawal credentials 32, amount 8, signature 96, index 8). */
static zk_status collect_deposit(block_run *r, const zk_log *log)
{
    static const uint64_t offsets[5] = {160, 256, 320, 384, 512};
    static const uint64_t sizes[5] = {48, 32, 8, 96, 8};
    const uint8_t *d = log->data.ptr;
    if (log->data.len != 576)
        return invalid(r, "INVALID_DEPOSIT_EVENT_LAYOUT: deposit event data is not 576 bytes");
    bool ok = true;
    for (int i = 0; i < 5; i++) {
        if (be_word_small(d + 32 * i, &ok) != offsets[i] || !ok)
            return invalid(r, "INVALID_DEPOSIT_EVENT_LAYOUT: wrong field offset in deposit event");
        if (be_word_small(d + offsets[i], &ok) != sizes[i] || !ok)
            return invalid(r, "INVALID_DEPOSIT_EVENT_LAYOUT: wrong field size in deposit event");
    }
    for (int i = 0; i < 5; i++)
        zk_buf_append(&r->deposits, d + offsets[i] + 32, sizes[i]);
    return r->deposits.oom ? ZK_ERR_NOMEM : ZK_OK;
}

static zk_status collect_deposits(block_run *r, const zk_tx_result *res)
{
    for (size_t i = 0; i < res->num_logs; i++) {
        const zk_log *log = &res->logs[i];
        if (!zk_address_eq(&log->address, &r->opts->deposit_contract))
            continue;
        if (log->num_topics == 0 || !zk_hash_eq(&log->topics[0], &DEPOSIT_EVENT_SIGNATURE))
            continue;
        zk_status st = collect_deposit(r, log);
        if (st != ZK_OK)
            return st;
    }
    return ZK_OK;
}

/* ---- transactions ---- */

static zk_status store_receipt(block_run *r, size_t i, const zk_tx *tx, const zk_tx_result *res)
{
    zk_receipt rc;
    memset(&rc, 0, sizeof rc);
    rc.tx_type = tx->type;
    rc.success = res->success;
    rc.cumulative_gas_used = r->receipt_gas;
    rc.logs = res->logs;
    rc.num_logs = res->num_logs;
    for (size_t k = 0; k < res->num_logs; k++)
        zk_bloom_add_log(&rc.bloom, &res->logs[k]);
    for (size_t k = 0; k < sizeof rc.bloom.b; k++)
        r->bloom.b[k] |= rc.bloom.b[k];
    zk_buf b;
    zk_buf_init(&b, r->arena, 300 + 128 * res->num_logs);
    zk_receipt_encode(&b, &rc);
    if (b.oom)
        return ZK_ERR_NOMEM;
    r->receipts[i].ptr = b.data;
    r->receipts[i].len = b.len;
    return ZK_OK;
}

/* Block-level admission of one transaction: what the EVM cannot know (chain, signature,
 * blob space left in the block). */
static zk_status admit_tx(block_run *r, size_t i, zk_tx *tx)
{
    if (tx->has_chain_id && tx->chain_id != r->cfg->chain_id)
        return invalid_tx(r, i, "INVALID_CHAINID: transaction chain id differs from the chain's");
    zk_status st = zk_tx_recover_sender(r->arena, tx);
    if (st == ZK_ERR_INVALID)
        return invalid_tx(r, i, "INVALID_SIGNATURE_VRS: bad or unrecoverable signature");
    if (st != ZK_OK)
        return internal(r, st, "sender recovery");
    if (tx->type == ZK_TX_BLOB) {
        /* The spec's order: room in the block first, then the per-transaction limit. */
        uint64_t max_blob_gas = r->blob.max * (uint64_t)ZK_GAS_PER_BLOB;
        if (tx->num_blob_hashes > r->blob.max || zk_tx_blob_gas(tx) > max_blob_gas - r->blob_gas_used)
            return invalid_tx(r, i, "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED: not enough blob gas left in the block");
        if (zk_fork_at_least(r->fork, ZK_FORK_OSAKA) && tx->num_blob_hashes > MAX_BLOBS_PER_TX)
            return invalid_tx(r, i, "TYPE_3_TX_BLOB_COUNT_EXCEEDED: more than 6 blobs in one transaction");
    }
    return ZK_OK;
}

static zk_status run_transactions(block_run *r)
{
    size_t n = r->blk->num_txs;
    r->receipts = n ? zk_arena_alloc(r->arena, n * sizeof *r->receipts) : NULL;
    if (n && !r->receipts)
        return internal(r, ZK_ERR_NOMEM, "receipts");
    for (size_t i = 0; i < n; i++) {
        zk_tx *tx = &r->blk->txs[i];
        zk_status st = admit_tx(r, i, tx);
        if (st != ZK_OK)
            return st;
        zk_tx_result res;
        memset(&res, 0, sizeof res);
        if (zk_fork_at_least(r->fork, ZK_FORK_AMSTERDAM) &&
            (st = zk_evm_bal_set_index(r->evm, (uint32_t)(i + 1))) != ZK_OK)
            return internal(r, st, "block access list");
        st = zk_evm_execute_tx(r->evm, tx, r->h->gas_limit - r->gas_used, &res);
        if (st != ZK_OK)
            return internal(r, st, "transaction execution");
        if (res.error != ZK_TXERR_NONE)
            return invalid_tx(r, i, zk_tx_error_name(res.error));
        if (res.block_gas_used > r->h->gas_limit - r->regular_gas ||
            res.block_state_gas_used > r->h->gas_limit - r->state_gas)
            return invalid_tx(r, i, "GAS_ALLOWANCE_EXCEEDED: block gas limit exceeded");
        r->regular_gas += res.block_gas_used;
        r->state_gas += res.block_state_gas_used;
        r->gas_used = r->regular_gas > r->state_gas ? r->regular_gas : r->state_gas;
        r->receipt_gas += res.gas_used;
        r->blob_gas_used += zk_tx_blob_gas(tx);
        st = store_receipt(r, i, tx, &res);
        if (st != ZK_OK)
            return internal(r, st, "receipt");
        if (zk_fork_at_least(r->fork, ZK_FORK_PRAGUE)) {
            st = collect_deposits(r, &res);
            if (st != ZK_OK)
                return st == ZK_ERR_INVALID ? st : internal(r, st, "deposits");
        }
    }
    return ZK_OK;
}

/* ---- system calls and requests ---- */

/* EIP-4788 / EIP-2935: called only if the contract has code; failure is ignored. */
static zk_status unchecked_system_call(block_run *r, const zk_address *to, const zk_hash *arg)
{
    bool called, success;
    zk_bytes out;
    zk_status st = zk_evm_system_call(r->evm, to, arg->b, 32, &called, &success, &out);
    return st == ZK_OK ? ZK_OK : internal(r, st, "start-of-block system call");
}

/* EIP-7002 / EIP-7251: the contract must have code and the call must succeed. */
static zk_status checked_system_call(block_run *r, const zk_address *to, zk_bytes *out)
{
    bool called, success;
    zk_status st = zk_evm_system_call(r->evm, to, (const uint8_t *)"", 0, &called, &success, out);
    if (st != ZK_OK)
        return internal(r, st, "request system call");
    if (!called) {
        zk_msg_str(&r->msg, "SYSTEM_CONTRACT_EMPTY: no code at ");
        zk_msg_hex(&r->msg, to->b, 20);
        return ZK_ERR_INVALID;
    }
    if (!success) {
        zk_msg_str(&r->msg, "SYSTEM_CONTRACT_CALL_FAILED: call to ");
        zk_msg_hex(&r->msg, to->b, 20);
        return ZK_ERR_INVALID;
    }
    return ZK_OK;
}

/* EIP-7685: sha256 over the sha256 of each non-empty request (type byte || data). */
static zk_status hash_request(block_run *r, uint8_t type, const uint8_t *data, size_t len, zk_buf *digests)
{
    if (len == 0)
        return ZK_OK;
    zk_arena_mark mark = zk_arena_get_mark(r->arena);
    uint8_t *req = zk_arena_alloc(r->arena, len + 1);
    if (!req)
        return ZK_ERR_NOMEM;
    req[0] = type;
    memcpy(req + 1, data, len);
    zkvm_sha256_hash d;
    zkvm_sha256(req, len + 1, &d);
    zk_arena_reset(r->arena, mark);
    zk_buf_append(digests, d.data, 32);
    return digests->oom ? ZK_ERR_NOMEM : ZK_OK;
}

static zk_status process_requests(block_run *r)
{
    zk_bytes withdrawals, consolidations;
    zk_status st = checked_system_call(r, &WITHDRAWAL_REQUEST_ADDRESS, &withdrawals);
    if (st != ZK_OK)
        return st;
    st = checked_system_call(r, &CONSOLIDATION_REQUEST_ADDRESS, &consolidations);
    if (st != ZK_OK)
        return st;

    zk_buf digests;
    zk_buf_init(&digests, r->arena, 96);
    if ((st = hash_request(r, 0, r->deposits.data, r->deposits.len, &digests)) != ZK_OK ||
        (st = hash_request(r, 1, withdrawals.ptr, withdrawals.len, &digests)) != ZK_OK ||
        (st = hash_request(r, 2, consolidations.ptr, consolidations.len, &digests)) != ZK_OK)
        return internal(r, st, "requests hash");
    zkvm_sha256_hash d;
    zkvm_sha256(digests.len ? digests.data : (const uint8_t *)"", digests.len, &d);
    zk_hash got;
    memcpy(got.b, d.data, 32);
    if (!zk_hash_eq(&got, &r->h->requests_hash))
        return mismatch(r, "INVALID_REQUESTS", &got, &r->h->requests_hash);
    return ZK_OK;
}

static zk_status process_withdrawals(block_run *r)
{
    /* EIP-7928: withdrawals and the request system calls share the index after the last
     * transaction. */
    if (zk_fork_at_least(r->fork, ZK_FORK_AMSTERDAM)) {
        zk_status st = zk_evm_bal_set_index(r->evm, (uint32_t)(r->blk->num_txs + 1));
        if (st != ZK_OK)
            return internal(r, st, "block access list");
    }
    for (size_t i = 0; i < r->blk->num_withdrawals; i++) {
        const zk_withdrawal *w = &r->blk->withdrawals[i];
        u256 gwei = u256_from_u64(w->amount_gwei), factor = u256_from_u64(1000000000u);
        u256 wei = u256_mul(&gwei, &factor); /* < 2^94: no overflow */
        zk_status st = zk_evm_add_balance(r->evm, &w->address, &wei);
        if (st != ZK_OK)
            return internal(r, st, "withdrawal");
    }
    return ZK_OK;
}

/* ---- final commitments ---- */

#define BLOCK_ACCESS_LIST_ITEM_COST 2000 /* EIP-7928: gas per address or storage key */

/* EIP-7928: the block access list built from execution must fit the gas limit and hash
 * to the header's block_access_list_hash. */
static zk_status check_block_access_list(block_run *r)
{
    zk_buf bal;
    zk_buf_init(&bal, r->arena, 4096);
    uint64_t items = 0;
    zk_status st = zk_evm_bal_encode(r->evm, &bal, &items);
    if (st != ZK_OK)
        return internal(r, st, "block access list");
    if (items > r->h->gas_limit / BLOCK_ACCESS_LIST_ITEM_COST) {
        zk_msg_str(&r->msg, "BLOCK_ACCESS_LIST_GAS_LIMIT_EXCEEDED: ");
        zk_msg_u64(&r->msg, items);
        zk_msg_str(&r->msg, " items");
        return ZK_ERR_INVALID;
    }
    zk_hash got = keccak256(bal.data, bal.len);
    if (!zk_hash_eq(&got, &r->h->block_access_list_hash))
        return mismatch(r, "INVALID_BLOCK_ACCESS_LIST", &got, &r->h->block_access_list_hash);
    return ZK_OK;
}

static zk_status check_outputs(block_run *r)
{
    if (r->gas_used != r->h->gas_used) {
        zk_msg_str(&r->msg, "INVALID_GAS_USED: header ");
        zk_msg_u64(&r->msg, r->h->gas_used);
        zk_msg_str(&r->msg, ", computed ");
        zk_msg_u64(&r->msg, r->gas_used);
        return ZK_ERR_INVALID;
    }
    if (r->h->has_blob_gas && r->blob_gas_used != r->h->blob_gas_used) {
        zk_msg_str(&r->msg, "INCORRECT_BLOB_GAS_USED: header ");
        zk_msg_u64(&r->msg, r->h->blob_gas_used);
        zk_msg_str(&r->msg, ", computed ");
        zk_msg_u64(&r->msg, r->blob_gas_used);
        return ZK_ERR_INVALID;
    }
    zk_hash root;
    zk_status st = mpt_ordered_root(r->arena, r->blk->num_txs, r->receipts, &root);
    if (st != ZK_OK)
        return internal(r, st, "receipts root");
    if (!zk_hash_eq(&root, &r->h->receipts_root))
        return mismatch(r, "INVALID_RECEIPTS_ROOT", &root, &r->h->receipts_root);
    if (zk_fork_at_least(r->fork, ZK_FORK_AMSTERDAM) && (st = check_block_access_list(r)) != ZK_OK)
        return st;
    if (memcmp(r->bloom.b, r->h->logs_bloom.b, sizeof r->bloom.b) != 0)
        return invalid(r, "INVALID_LOG_BLOOM: logs bloom differs from the header's");
    return ZK_OK;
}

static zk_status execute(block_run *r, zk_block_outcome *out)
{
    zk_block_env env;
    memset(&env, 0, sizeof env);
    env.fork = r->fork;
    env.chain_id = r->cfg->chain_id;
    env.number = r->h->number;
    env.timestamp = r->h->timestamp;
    env.gas_limit = r->h->gas_limit;
    env.coinbase = r->h->coinbase;
    env.base_fee = r->h->base_fee_per_gas;
    env.prev_randao = r->h->mix_hash;
    env.difficulty = r->h->difficulty;
    env.blob_params = r->blob;
    env.slot_number = r->h->has_slot_number ? r->h->slot_number : 0;
    env.amsterdam_rules = r->cfg->amsterdam_rules;
    if (r->h->has_blob_gas)
        env.blob_base_fee = zk_blob_base_fee(r->h->excess_blob_gas, r->blob.base_fee_update_fraction);

    r->evm = zk_evm_create(r->arena, r->state, &env);
    if (!r->evm)
        return internal(r, ZK_ERR_NOMEM, "EVM creation");
    zk_status st;
    if (zk_fork_at_least(r->fork, ZK_FORK_CANCUN) &&
        (st = unchecked_system_call(r, &BEACON_ROOTS_ADDRESS, &r->h->parent_beacon_block_root)) != ZK_OK)
        return st;
    if (zk_fork_at_least(r->fork, ZK_FORK_PRAGUE) &&
        (st = unchecked_system_call(r, &HISTORY_STORAGE_ADDRESS, &r->h->parent_hash)) != ZK_OK)
        return st;
    if ((st = run_transactions(r)) != ZK_OK)
        return st;
    if ((st = process_withdrawals(r)) != ZK_OK)
        return st;
    if (zk_fork_at_least(r->fork, ZK_FORK_PRAGUE) && (st = process_requests(r)) != ZK_OK)
        return st;
    if ((st = check_outputs(r)) != ZK_OK)
        return st;

    /* Every commitment but the state root holds: write the changes, then compare. */
    st = zk_evm_commit(r->evm);
    if (out)
        out->state_written = true;
    if (st != ZK_OK)
        return internal(r, st, "commit");
    zk_hash root;
    st = r->state->ops->state_root(r->state, &root);
    if (st != ZK_OK)
        return internal(r, st, "state root");
    if (!zk_hash_eq(&root, &r->h->state_root))
        return mismatch(r, "INVALID_STATE_ROOT", &root, &r->h->state_root);
    if (out)
        out->state_written = false;
    return ZK_OK;
}

zk_status zk_block_apply_ex(const zk_chain_config *cfg, const zk_block_options *opts, const zk_header *parent,
                            zk_block *blk, zk_state_backend *state, zk_arena *a, zk_block_outcome *out,
                            char *reason, size_t reason_len)
{
    zk_block_options mainnet;
    mainnet.deposit_contract = ZK_MAINNET_DEPOSIT_CONTRACT;
    block_run r;
    memset(&r, 0, sizeof r);
    r.cfg = cfg;
    r.opts = opts ? opts : &mainnet;
    r.blk = blk;
    r.h = &blk->header;
    r.fork = zk_chain_fork_at(cfg, blk->header.timestamp);
    r.blob = zk_chain_blob_params(cfg, r.fork);
    r.state = state;
    r.arena = a;
    r.msg = zk_msg_start(reason, reason_len);
    zk_buf_init(&r.deposits, a, 0);
    if (out)
        memset(out, 0, sizeof *out);

    zk_status st = zk_header_validate(cfg, parent, r.h, reason, reason_len);
    if (st != ZK_OK)
        return st;
    if ((st = check_body_shape(&r)) != ZK_OK || (st = check_data_roots(&r)) != ZK_OK ||
        (st = execute(&r, out)) != ZK_OK)
        return st;
    if (out) {
        out->gas_used = r.gas_used;
        out->blob_gas_used = r.blob_gas_used;
    }
    return ZK_OK;
}

zk_status zk_block_apply(const zk_chain_config *cfg, const zk_header *parent, zk_block *blk,
                         zk_state_backend *state, zk_arena *a, char *reason, size_t reason_len)
{
    return zk_block_apply_ex(cfg, NULL, parent, blk, state, a, NULL, reason, reason_len);
}
