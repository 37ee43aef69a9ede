/* ssz.h — the stateless guest's input: SSZ decoding and hash_tree_root.
 *
 * Two wire formats are supported, chosen by the caller (never guessed from the bytes):
 *
 *   ZK_STATELESS_V033       tests-zkevm@v0.3.3: SSZ(StatelessInput) from byte 0, plain
 *                           List/Container merkleization with the limits of that release.
 *   ZK_STATELESS_CANONICAL  tests-zkevm@v0.8.x (EIP-8025 schema 0x1501): the 2-byte
 *                           big-endian schema id 15 01, then SSZ(StatelessInput) whose
 *                           payload, lists and execution requests merkleize progressively
 *                           (EIP-7916 lists, EIP-7495 containers).
 *
 * Decoding is strict: the first offset of every container or list is its fixed-part size,
 * offsets never decrease and stay inside their container, counts and byte lengths respect
 * the limits of the format, fixed-size items divide their list exactly, and nothing trails.
 * Any violation is ZK_ERR_DECODE; the decoder never reads outside [in, in+len).
 *
 * Memory: decoded structures borrow the input buffer; arrays (items, withdrawals) are
 * allocated in the arena. Hashing uses SHA-256 through zkvm_sha256 and takes scratch
 * memory from the arena (released before returning). Freestanding.
 */
#ifndef ZK_STATELESS_SSZ_H
#define ZK_STATELESS_SSZ_H

#include "../core/arena.h"
#include "../core/types.h"

typedef enum zk_stateless_format {
    ZK_STATELESS_V033 = 0,      /* tests-zkevm@v0.3.3: no prefix, 41-byte output */
    ZK_STATELESS_CANONICAL = 1, /* schema 0x1501 prefix, 43-byte output */
} zk_stateless_format;

/* The Amsterdam schema id of the canonical format (big-endian in the input, little-endian
 * in the output). */
#define ZK_STATELESS_SCHEMA_ID 0x1501u

/* EIP-7685 request types. Canonical requests are typed lists of fixed-size items; v0.3.3
 * carries the Engine-API wire form (type byte || data strings). */
enum {
    ZK_REQUEST_DEPOSIT = 0,         /* EIP-6110, 192-byte items */
    ZK_REQUEST_WITHDRAWAL = 1,      /* EIP-7002, 76-byte items */
    ZK_REQUEST_CONSOLIDATION = 2,   /* EIP-7251, 116-byte items */
    ZK_REQUEST_BUILDER_DEPOSIT = 3, /* EIP-8282, 184-byte items */
    ZK_REQUEST_BUILDER_EXIT = 4,    /* EIP-8282, 68-byte items */
    ZK_REQUEST_TYPES = 5
};

/* Item size of each request type's data (index = type). */
extern const uint16_t ZK_REQUEST_ITEM_SIZE[ZK_REQUEST_TYPES];

typedef struct zk_execution_payload {
    zk_hash parent_hash;
    zk_address fee_recipient;
    zk_hash state_root;
    zk_hash receipts_root;
    zk_bloom logs_bloom;
    zk_hash prev_randao;
    uint64_t block_number, gas_limit, gas_used, timestamp;
    zk_bytes extra_data;
    u256 base_fee_per_gas;
    zk_hash block_hash;
    zk_bytes *transactions; /* EIP-2718 encodings */
    size_t num_transactions;
    zk_withdrawal *withdrawals;
    size_t num_withdrawals;
    uint64_t blob_gas_used, excess_blob_gas;
    zk_bytes block_access_list; /* RLP of the EIP-7928 block access list */
    uint64_t slot_number;
} zk_execution_payload;

typedef struct zk_execution_requests {
    /* v0.3.3: the wire items as given (validated by the stateless layer, not here). */
    zk_bytes *wire;
    size_t num_wire;
    /* Canonical: the serialized items of each typed list (length a multiple of the item
     * size), which is exactly the EIP-7685 request data of that type. */
    zk_bytes typed[ZK_REQUEST_TYPES];
} zk_execution_requests;

typedef struct zk_new_payload_request {
    zk_execution_payload payload;
    const uint8_t *versioned_hashes; /* 32 bytes each */
    size_t num_versioned_hashes;
    zk_hash parent_beacon_block_root;
    zk_execution_requests requests;
} zk_new_payload_request;

typedef struct zk_stateless_input {
    zk_stateless_format format;
    zk_new_payload_request request;
    zk_bytes *state; /* witness trie nodes (RLP) */
    size_t num_state;
    zk_bytes *codes; /* witness bytecodes */
    size_t num_codes;
    zk_bytes *headers; /* witness headers (RLP), ascending, parent last */
    size_t num_headers;
    uint64_t chain_id;
    zk_bytes *public_keys; /* canonical: 65 bytes each (04 || x || y); v0.3.3: as given */
    size_t num_public_keys;
} zk_stateless_input;

/* Decodes a whole guest input of the given format. ZK_ERR_DECODE for anything that is not
 * a well-formed input of that format (for the canonical one: a missing or unknown schema
 * id too), ZK_ERR_NOMEM when the arena is exhausted. */
zk_status zk_ssz_decode_input(zk_arena *a, zk_stateless_format format, const uint8_t *in, size_t len,
                              zk_stateless_input *out);

/* hash_tree_root(NewPayloadRequest) as merkleized by `format`. */
zk_status zk_ssz_new_payload_request_root(zk_arena *a, zk_stateless_format format,
                                          const zk_new_payload_request *r, zk_hash *out);

/* ---- merkleization building blocks (exposed for tests) ---- */

/* merkleize(chunks, limit): `data` is split into 32-byte chunks (the last one zero-padded);
 * the tree has the next power of two >= limit_chunks leaves. ZK_ERR_RANGE when there are
 * more chunks than the limit. */
zk_status zk_ssz_merkleize(zk_arena *a, const uint8_t *data, size_t len, uint64_t limit_chunks, zk_hash *out);
/* merkleize_progressive(chunks) of EIP-7916 (subtrees of 1, 4, 16, ... leaves). */
zk_status zk_ssz_merkleize_progressive(zk_arena *a, const uint8_t *data, size_t len, zk_hash *out);
/* sha256(root || uint256 little-endian length). */
zk_hash zk_ssz_mix_in_length(const zk_hash *root, uint64_t length);
/* Roots of byte lists: ByteList[limit_bytes], and ProgressiveByteList. */
zk_status zk_ssz_bytelist_root(zk_arena *a, const uint8_t *data, size_t len, uint64_t limit_bytes, zk_hash *out);
zk_status zk_ssz_progressive_bytelist_root(zk_arena *a, const uint8_t *data, size_t len, zk_hash *out);

#endif
