/* merkle.h — binary Merkle trees over fixed-size leaves, with the hash of hash.h.
 *
 * A leaf's digest is H(leaf bytes); an inner node is H(left || right). Trees are complete
 * (the leaf count is a power of two) and the verifier always knows their depth from the
 * proof parameters, so leaves and inner nodes cannot be confused.
 *
 * Layout: nodes[1] is the root, node k has children 2k and 2k+1, leaf i is node n + i.
 * Freestanding; the tree is allocated from a zk_arena.
 */
#ifndef ZK_STARK_MERKLE_H
#define ZK_STARK_MERKLE_H

#include "core/arena.h"
#include "exec.h"

/* Writes the `leaf_bytes` bytes of leaf `i` into buf. Called concurrently from tasks. */
typedef void (*stark_leaf_fn)(const void *ctx, size_t i, uint8_t *buf);

typedef struct stark_merkle {
    size_t n_leaves;
    unsigned depth; /* log2(n_leaves) */
    zk_hash *nodes; /* 2 * n_leaves entries; index 0 unused */
} stark_merkle;

/* Builds the tree over n_leaves (a power of two) leaves produced by `leaf`. */
zk_status stark_merkle_build(stark_merkle *t, size_t n_leaves, size_t leaf_bytes, stark_leaf_fn leaf,
                             const void *ctx, const stark_exec *ex, zk_arena *a);

static inline const zk_hash *stark_merkle_root(const stark_merkle *t) { return &t->nodes[1]; }

/* Writes the depth sibling digests of leaf i, bottom-up, into siblings. */
void stark_merkle_open(const stark_merkle *t, size_t i, zk_hash *siblings);

/* Checks that leaf i with digest `leaf` lies under `root` in a tree of the given depth. */
bool stark_merkle_verify(const zk_hash *root, unsigned depth, size_t i, const zk_hash *leaf,
                         const zk_hash *siblings);

/* Caps: a tree can be committed by its 2^h nodes at height depth - h (h = min(cap_log, depth))
 * instead of its root; each opening then needs only depth - h siblings. With q openings per
 * tree, h near log2(q) minimises the proof size (q paths share their top levels). */
static inline unsigned stark_merkle_cap_log(unsigned depth, unsigned cap_log)
{
    return cap_log < depth ? cap_log : depth;
}

/* The 2^h cap nodes, left to right. */
static inline const zk_hash *stark_merkle_cap(const stark_merkle *t, unsigned cap_log)
{
    return &t->nodes[(size_t)1 << stark_merkle_cap_log(t->depth, cap_log)];
}

/* Writes the depth - h sibling digests of leaf i, bottom-up. */
void stark_merkle_open_capped(const stark_merkle *t, size_t i, unsigned cap_log, zk_hash *siblings);

/* Checks leaf i against cap[i >> (depth - h)] with depth - h siblings. */
bool stark_merkle_verify_capped(const zk_hash *cap, unsigned depth, unsigned cap_log, size_t i, const zk_hash *leaf,
                                const zk_hash *siblings);

#endif
