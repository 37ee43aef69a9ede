/* mpt.h — the Merkle-Patricia trie (Yellow Paper appendix D).
 *
 * An in-memory trie whose nodes live in an arena. A trie can start empty, or from a root
 * hash whose nodes are fetched lazily through a resolver (witness-backed or database-
 * backed tries); a node that is needed but cannot be resolved makes the operation fail
 * with ZK_ERR_MISSING. Keys are raw byte strings (callers hash them for the "secure"
 * state and storage tries). Values are byte strings (already RLP-encoded by the caller
 * where the protocol says so). Node hashes are cached and recomputed only along modified
 * paths. Freestanding.
 */
#ifndef ZK_MPT_H
#define ZK_MPT_H

#include "arena.h"
#include "zk_types.h"

/* Looks up the RLP encoding of the node whose keccak256 is `hash`. Returns ZK_OK and
 * sets *node (memory must stay valid for the trie's lifetime), or ZK_ERR_MISSING. */
typedef zk_status (*mpt_resolve_fn)(void *user, const zk_hash *hash, zk_bytes *node);

typedef struct mpt_node mpt_node; /* opaque */

typedef struct mpt {
    zk_arena *arena;
    mpt_node *root;
    mpt_resolve_fn resolve; /* may be NULL for purely in-memory tries */
    void *resolve_user;
    zk_status init_error;   /* ZK_ERR_NOMEM when mpt_init_from_root could not allocate the
                             * root reference; every operation then fails with it */
} mpt;

/* An empty trie. */
void mpt_init(mpt *t, zk_arena *a);
/* A trie whose root is `root`; nodes are fetched with `resolve` when first touched.
 * The empty-trie root gives an empty trie. If the arena cannot hold the root reference,
 * every later operation on the trie returns ZK_ERR_NOMEM. */
void mpt_init_from_root(mpt *t, zk_arena *a, const zk_hash *root, mpt_resolve_fn resolve, void *user);

/* Lookup: *found false when absent. The value borrows trie/arena memory. */
zk_status mpt_get(mpt *t, const uint8_t *key, size_t key_len, zk_bytes *value, bool *found);
/* Insert or update; an empty value (len 0) deletes the key. The value is copied. */
zk_status mpt_put(mpt *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len);
zk_status mpt_delete(mpt *t, const uint8_t *key, size_t key_len);
/* Like mpt_put but without copying: `value` must stay valid and unchanged for the trie's
 * lifetime (e.g. it already lives in the trie's arena). */
zk_status mpt_put_borrowed(mpt *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len);
/* Root hash (the empty-trie root for an empty trie). */
zk_status mpt_root(mpt *t, zk_hash *out);

/* Calls `fn` for every node of the trie that is referenced by hash (the root, and every
 * node whose encoding is 32 bytes or longer) and is held in memory (resolved), with its
 * hash and RLP encoding; the encoding is only valid during the call. Used to persist a
 * trie's nodes (node database, witness tests). Stops at and returns the first non-OK
 * status of `fn`. Unresolved parts of the trie are not visited. `fn` must not allocate
 * from the trie's arena (scratch memory there is released when this returns). */
typedef zk_status (*mpt_visit_fn)(void *user, const zk_hash *hash, const uint8_t *enc, size_t len);
zk_status mpt_visit_nodes(mpt *t, mpt_visit_fn fn, void *user);

/* The Merkle proof for `key` (present or absent), as in eth_getProof: calls `fn` for each
 * hash-referenced node on the path from the root towards the key, root first (embedded
 * nodes are part of their parent's encoding). Resolves nodes as needed. The same rules
 * for `fn` as for mpt_visit_nodes apply. A trie rebuilt from just these nodes answers
 * mpt_get for `key` exactly like this one. Keys up to 64 bytes (ZK_ERR_RANGE beyond). */
zk_status mpt_prove(mpt *t, const uint8_t *key, size_t key_len, mpt_visit_fn fn, void *user);

/* Root of the trie mapping rlp(i) -> values[i] for i in [0, n): transactions, receipts,
 * withdrawals tries. Scratch memory comes from `a`. */
zk_status mpt_ordered_root(zk_arena *a, size_t n, const zk_bytes *values, zk_hash *out);

#endif
