/* types.h — decoded Ethereum block, header, transaction, receipt, log and withdrawal types.
 *
 * Byte-string fields borrow from the buffer they were decoded from (or from an arena);
 * these structs never own memory. Decoders and encoders live in src/block/.
 * Freestanding.
 */
#ifndef ZK_CORE_TYPES_H
#define ZK_CORE_TYPES_H

#include "u256.h"
#include "zk_types.h"

/* ---- transactions ---- */

enum {
    ZK_TX_LEGACY = 0,
    ZK_TX_ACCESS_LIST = 1, /* EIP-2930 */
    ZK_TX_DYNAMIC_FEE = 2, /* EIP-1559 */
    ZK_TX_BLOB = 3,        /* EIP-4844 */
    ZK_TX_SET_CODE = 4,    /* EIP-7702 */
};

typedef struct zk_access_entry {
    zk_address address;
    const zk_hash *keys;
    size_t num_keys;
} zk_access_entry;

typedef struct zk_authorization { /* EIP-7702 */
    u256 chain_id;
    zk_address address;
    uint64_t nonce;
    bool nonce_overflow; /* nonce did not fit u64 (authorization is then invalid, never the tx) */
    u256 y_parity, r, s;
} zk_authorization;

typedef struct zk_tx {
    uint8_t type;
    uint64_t chain_id;     /* legacy: from v (EIP-155), or 0 if pre-EIP-155 */
    bool has_chain_id;
    uint64_t nonce;
    u256 gas_price;                /* legacy / 2930 */
    u256 max_priority_fee_per_gas; /* 1559+ */
    u256 max_fee_per_gas;          /* 1559+ */
    uint64_t gas_limit;
    bool has_to;                   /* false: contract creation */
    zk_address to;
    u256 value;
    zk_bytes data;
    const zk_access_entry *access_list;
    size_t access_list_len;
    u256 max_fee_per_blob_gas;     /* blob */
    const zk_hash *blob_hashes;    /* blob */
    size_t num_blob_hashes;
    const zk_authorization *authorizations; /* set-code */
    size_t num_authorizations;
    u256 v, r, s;                  /* signature; typed txs: v is y_parity */

    /* Filled by the decoder / validator: */
    zk_hash hash;       /* keccak of the canonical encoding */
    zk_address sender;  /* recovered */
    zk_bytes encoded;   /* canonical encoding (typed: type byte || rlp payload) */
} zk_tx;

/* ---- withdrawals (EIP-4895) ---- */
typedef struct zk_withdrawal {
    uint64_t index;
    uint64_t validator_index;
    zk_address address;
    uint64_t amount_gwei;
} zk_withdrawal;

/* ---- header ---- */
typedef struct zk_header {
    zk_hash parent_hash;
    zk_hash ommers_hash;
    zk_address coinbase;
    zk_hash state_root;
    zk_hash transactions_root;
    zk_hash receipts_root;
    zk_bloom logs_bloom;
    u256 difficulty;
    uint64_t number;
    uint64_t gas_limit;
    uint64_t gas_used;
    uint64_t timestamp;
    zk_bytes extra_data;
    zk_hash mix_hash; /* prev_randao after the merge */
    uint8_t nonce[8];
    /* Optional fields, in order; each present only if all earlier ones are. */
    bool has_base_fee;          u256 base_fee_per_gas;           /* London */
    bool has_withdrawals_root;  zk_hash withdrawals_root;        /* Shanghai */
    bool has_blob_gas;          uint64_t blob_gas_used, excess_blob_gas; /* Cancun */
    bool has_parent_beacon_root; zk_hash parent_beacon_block_root; /* Cancun */
    bool has_requests_hash;     zk_hash requests_hash;           /* Prague */
    bool has_block_access_list_hash; zk_hash block_access_list_hash; /* Amsterdam */
    bool has_slot_number;       uint64_t slot_number;            /* Amsterdam (EIP-7843) */
    /* Filled by the decoder: */
    zk_hash hash;     /* keccak of the RLP encoding */
} zk_header;

/* ---- logs and receipts ---- */
typedef struct zk_log {
    zk_address address;
    const zk_hash *topics;
    size_t num_topics;
    zk_bytes data;
} zk_log;

typedef struct zk_receipt {
    uint8_t tx_type;
    bool success;
    uint64_t cumulative_gas_used;
    zk_bloom bloom;
    const zk_log *logs;
    size_t num_logs;
} zk_receipt;

/* ---- block ---- */
typedef struct zk_block {
    zk_header header;
    zk_tx *txs;
    size_t num_txs;
    const zk_header *ommers;
    size_t num_ommers;
    bool has_withdrawals;
    const zk_withdrawal *withdrawals;
    size_t num_withdrawals;
    zk_bytes raw; /* the whole block RLP */
} zk_block;

#endif
