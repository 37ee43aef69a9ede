/* witness_state.h — a zk_state_backend over an execution witness (stateless validation).
 *
 * The pre-state is the parent's state root plus the witness: trie nodes keyed by
 * keccak(node), bytecodes keyed by keccak(code), and the hashes of the ancestor headers.
 * The account trie and each storage trie are MPTs opened from their roots that resolve
 * nodes lazily from the node DB; reaching a node the witness lacks gives ZK_ERR_MISSING
 * (the block is then invalid, never "the account is absent"). Lookup is by hash, so the
 * order of the witness lists does not matter and duplicates are harmless.
 *
 * Writes (zk_evm_commit) are buffered per account and applied by state_root(), in the
 * order of execution-specs `compute_state_root_and_trie_changes`: per storage trie the
 * inserts and updates before the deletes (a delete that collapses a branch needs the
 * sibling node, an insert done first can avoid that), then the account leaves, updates
 * before deletes. A wiped storage restarts from the empty trie.
 *
 * Memory: everything lives in the arena given to zk_witness_state_create; the witness
 * bytes are borrowed and must outlive the backend. Freestanding.
 */
#ifndef ZK_STATELESS_WITNESS_STATE_H
#define ZK_STATELESS_WITNESS_STATE_H

#include "../core/arena.h"
#include "../evm/state.h"

typedef struct zk_witness_state zk_witness_state;

/* Builds the node DB from `nodes`, the code DB from `codes`, and opens the account trie
 * at `state_root`. Returns ZK_OK and *out, or ZK_ERR_NOMEM. */
zk_status zk_witness_state_create(zk_arena *a, const zk_bytes *nodes, size_t num_nodes, const zk_bytes *codes,
                                  size_t num_codes, const zk_hash *state_root, zk_witness_state **out);

/* The ancestors BLOCKHASH may ask for: hashes[i] is the hash of block first_number + i.
 * The array is borrowed. Numbers outside the range are reported unavailable. */
void zk_witness_state_set_block_hashes(zk_witness_state *w, uint64_t first_number, const zk_hash *hashes, size_t n);

/* The backend interface of `w` (valid as long as `w`). */
zk_state_backend *zk_witness_state_backend(zk_witness_state *w);

/* The first read or update that failed for lack of witness data (diagnostics). */
enum {
    ZK_GAP_NONE = 0,
    ZK_GAP_ACCOUNT,        /* reading `address` reached a node not in the witness */
    ZK_GAP_STORAGE,        /* reading slot `key` of `address` */
    ZK_GAP_CODE,           /* code `key` (a code hash) of `address` is not in the witness */
    ZK_GAP_STORAGE_UPDATE, /* writing the storage of `address` (e.g. a collapse sibling) */
    ZK_GAP_ACCOUNT_UPDATE, /* writing the account leaf of `address` */
    ZK_GAP_BLOCK_HASH,     /* BLOCKHASH of the block whose number is `key` (big-endian) */
};
typedef struct zk_witness_gap {
    int kind;
    zk_address address;
    zk_hash key;
} zk_witness_gap;
zk_witness_gap zk_witness_state_gap(const zk_witness_state *w);

#endif
