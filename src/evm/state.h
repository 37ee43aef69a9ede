/* state.h — the one interface through which execution reads and writes world state.
 *
 * Three backends plug in here: in-memory (tests, blocktest), witness-backed (stateless
 * guest) and database-backed (the node). Every read the EVM makes goes through these
 * calls, so a backend (or a recording wrapper) observes each access — witness generation
 * depends on that. Execution caches what it read in its own journaled state; the backend
 * sees each key at most once per read path, and writes only at commit time.
 *
 * Memory: data returned by a backend (code bytes) stays valid until the backend is
 * destroyed. Freestanding.
 */
#ifndef ZK_STATE_H
#define ZK_STATE_H

#include "../core/u256.h"
#include "../core/zk_types.h"

typedef struct zk_account {
    uint64_t nonce;
    u256 balance;
    zk_hash code_hash;    /* ZK_EMPTY_CODE_HASH for no code */
    zk_hash storage_root; /* ZK_EMPTY_TRIE_ROOT for no storage; maintained by the backend */
} zk_account;

typedef struct zk_state_backend zk_state_backend;

typedef struct zk_state_backend_ops {
    /* Reads. ZK_ERR_MISSING when the backend cannot answer (e.g. witness lacks a node). */
    zk_status (*get_account)(zk_state_backend *b, const zk_address *addr, zk_account *out, bool *exists);
    zk_status (*get_storage)(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, u256 *value);
    zk_status (*get_code)(zk_state_backend *b, const zk_address *addr, const zk_hash *code_hash, zk_bytes *code);
    /* Hash of block `number` (an ancestor of the block being executed); *available false
     * when the backend has no such block (BLOCKHASH then returns 0 if out of the 256 window,
     * else it is a ZK_ERR_MISSING condition for the caller to decide). */
    zk_status (*get_block_hash)(zk_state_backend *b, uint64_t number, zk_hash *out, bool *available);

    /* Writes, issued by zk_evm_commit at the end of a block, per account in this order:
     * wipe_storage (if the account was destroyed or re-created), put_storage for each changed
     * slot (zero value = delete), put_code for new code, then put_account (NULL = delete). */
    zk_status (*wipe_storage)(zk_state_backend *b, const zk_address *addr);
    zk_status (*put_storage)(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, const u256 *value);
    zk_status (*put_code)(zk_state_backend *b, const zk_hash *code_hash, const uint8_t *code, size_t len);
    zk_status (*put_account)(zk_state_backend *b, const zk_address *addr, const zk_account *acct);

    /* The state root after all writes so far (recomputes storage roots as needed). */
    zk_status (*state_root)(zk_state_backend *b, zk_hash *out);
} zk_state_backend_ops;

struct zk_state_backend {
    const zk_state_backend_ops *ops;
};

#endif
