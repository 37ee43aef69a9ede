/* block.h — Ethereum blocks: decoding, encoding, validation and execution.
 *
 * The block layer sits between the wire (RLP bytes of headers, transactions, blocks) and
 * the EVM (src/evm/evm.h). It
 *   - decodes transactions of every type (legacy/EIP-155, EIP-2930, EIP-1559, EIP-4844 in
 *     its block-body form, EIP-7702), headers and blocks, strictly: any malformed or
 *     non-canonical input gives ZK_ERR_DECODE or ZK_ERR_RANGE, never a crash;
 *   - encodes them canonically and computes transaction and signing hashes;
 *   - recovers transaction senders (secp256k1 through zkvm_secp256k1_ecrecover);
 *   - validates a header against its parent and executes a block against a state
 *     backend, following execution-specs `forks/<fork>/fork.py` (Paris and later).
 *
 * Memory: decoded structures borrow the input buffer and the arena passed in; nothing
 * is freed individually. Freestanding.
 */
#ifndef ZK_BLOCK_H
#define ZK_BLOCK_H

#include "../core/arena.h"
#include "../core/rlp.h"
#include "../core/types.h"
#include "../evm/fork.h"
#include "../evm/state.h"

/* ---- transactions ---- */

/* Decodes a transaction in its canonical (EIP-2718) form: an RLP list for legacy
 * transactions, `type || rlp(payload)` for typed ones. Arrays (access list, blob hashes,
 * authorizations) are allocated in `a`; byte fields borrow `data`. Fills tx->hash and
 * tx->encoded, not tx->sender. Blob transactions must be in their block form (no blobs).
 * Returns ZK_OK, ZK_ERR_DECODE/ZK_ERR_RANGE for malformed input, ZK_ERR_NOMEM. */
zk_status zk_tx_decode(zk_arena *a, const uint8_t *data, size_t len, zk_tx *tx);

/* Decodes one element of a block's transaction list: an RLP list (legacy) or an RLP
 * string holding the typed encoding. Same contract as zk_tx_decode. */
zk_status zk_tx_decode_item(zk_arena *a, const rlp_item *item, zk_tx *tx);

/* Appends the canonical encoding of `tx` (typed: type byte || rlp payload) to `b`. */
void zk_tx_encode(zk_buf *b, const zk_tx *tx);

/* The hash the sender signed (EIP-155 replay protection for legacy txs with a chain id). */
zk_status zk_tx_signing_hash(zk_arena *a, const zk_tx *tx, zk_hash *out);

/* Checks the signature values (EIP-2: 0 < r < n, 0 < s <= n/2; v/y_parity well formed)
 * and recovers tx->sender. ZK_ERR_INVALID for a bad or unrecoverable signature. */
zk_status zk_tx_recover_sender(zk_arena *a, zk_tx *tx);

/* Blob gas a transaction consumes (GAS_PER_BLOB per blob hash; 0 for other types). */
uint64_t zk_tx_blob_gas(const zk_tx *tx);

/* ---- headers, withdrawals, blocks ---- */

/* Decodes a header that spans exactly [data, data+len) and sets h->hash. Optional fields
 * (base fee .. block access list hash) are accepted in order; which ones a fork requires
 * is checked by zk_header_validate. */
zk_status zk_header_decode(const uint8_t *data, size_t len, zk_header *h);
zk_status zk_header_decode_item(const rlp_item *item, zk_header *h);
/* Appends the RLP encoding of `h` (the fields present per its has_* flags). */
void zk_header_encode(zk_buf *b, const zk_header *h);

/* Appends rlp([index, validator_index, address, amount]). */
void zk_withdrawal_encode(zk_buf *b, const zk_withdrawal *w);

/* Decodes rlp([header, transactions, ommers(, withdrawals)]) spanning [data, data+len).
 * Transactions are decoded (senders not yet recovered); blk->raw is the input. */
zk_status zk_block_decode(zk_arena *a, const uint8_t *data, size_t len, zk_block *blk);

/* ---- receipts ---- */

/* Sets the bits of `log` in `bloom` (address and topics, 3 bits each). */
void zk_bloom_add_log(zk_bloom *bloom, const zk_log *log);
/* Appends the receipt's consensus encoding: rlp([status, cumulative_gas, bloom, logs]),
 * prefixed by the type byte for typed transactions. */
void zk_receipt_encode(zk_buf *b, const zk_receipt *r);

/* ---- fork rules used by validation (exposed for tests) ---- */

#define ZK_GAS_PER_BLOB 131072u /* 2^17 */

/* EIP-1559 expected base fee of a child of `parent` (whose fields must be present). */
u256 zk_expected_base_fee(const zk_header *parent);
/* fake_exponential(1, excess_blob_gas, update_fraction): the blob base fee, saturated
 * at 2^256-1 if it does not fit. */
u256 zk_blob_base_fee(uint64_t excess_blob_gas, uint64_t update_fraction);
/* Expected excess blob gas of a block running `fork` with blob parameters `bp` whose
 * parent is `parent` (zero when the parent predates Cancun). Applies EIP-7918 from Osaka. */
uint64_t zk_expected_excess_blob_gas(zk_fork fork, const zk_blob_params *bp, const zk_header *parent);

/* Checks everything about `h` that needs only its parent: number, parent hash, timestamp,
 * gas limit bounds, gas used, extra data, post-merge constants, base fee, the optional
 * fields a fork requires, excess blob gas. ZK_ERR_INVALID with a reason otherwise.
 * The fork is taken from `cfg` at h->timestamp. */
zk_status zk_header_validate(const zk_chain_config *cfg, const zk_header *parent, const zk_header *h,
                             char *reason, size_t reason_len);

/* ---- execution ---- */

/* Where the block layer finds the EIP-6110 deposit contract. */
extern const zk_address ZK_MAINNET_DEPOSIT_CONTRACT; /* 0x00000000219ab540356cbb839cbe05303d7705fa */

typedef struct zk_block_options {
    zk_address deposit_contract; /* EIP-6110 deposit contract of the chain */
} zk_block_options;

typedef struct zk_block_outcome {
    uint64_t gas_used;      /* header-level gas used (on success) */
    uint64_t blob_gas_used;
    /* True when the block was rejected only after its changes were written into the
     * backend (the state root did not match): the backend no longer holds the parent's
     * state and the caller must rebuild it. False whenever ZK_OK is returned, or when the
     * backend was left untouched. */
    bool state_written;
} zk_block_outcome;

/* Validates `blk` against `parent` and executes it on `state`, which must hold the
 * parent's post-state and serve ancestor hashes through get_block_hash. Senders are
 * recovered here (blk->txs[i].sender is written). On ZK_OK the backend holds the block's
 * post-state. ZK_ERR_INVALID means the block is invalid; `reason` (NUL-terminated,
 * truncated to reason_len) says why, starting with the EEST exception name where one
 * applies. Other errors (ZK_ERR_NOMEM, ZK_ERR_MISSING) are the backend's or the arena's.
 * Scratch memory comes from `a`. `opts` and `out` may be NULL.
 * Amsterdam: the block access list built during execution (EIP-7928) must fit the gas limit
 * and match block_access_list_hash; the EIP-8282 request call is not implemented. */
zk_status zk_block_apply_ex(const zk_chain_config *cfg, const zk_block_options *opts, const zk_header *parent,
                            zk_block *blk, zk_state_backend *state, zk_arena *a, zk_block_outcome *out,
                            char *reason, size_t reason_len);

/* zk_block_apply_ex with mainnet options and no outcome. */
zk_status zk_block_apply(const zk_chain_config *cfg, const zk_header *parent, zk_block *blk,
                         zk_state_backend *state, zk_arena *a, char *reason, size_t reason_len);

#endif
