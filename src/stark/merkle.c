/* merkle.c — building, opening and checking binary Merkle trees. */
#include "merkle.h"

#include <string.h>

#include "hash.h"

typedef struct leaf_job {
    stark_merkle *t;
    size_t leaf_bytes, per_task;
    stark_leaf_fn leaf;
    const void *ctx;
    uint8_t *bufs; /* one leaf buffer per task */
} leaf_job;

static void hash_leaves_task(void *arg, size_t task)
{
    leaf_job *j = arg;
    uint8_t *buf = j->bufs + task * j->leaf_bytes;
    size_t begin = task * j->per_task, end = begin + j->per_task;
    if (end > j->t->n_leaves)
        end = j->t->n_leaves;
    for (size_t i = begin; i < end; i++) {
        j->leaf(j->ctx, i, buf);
        stark_hash_bytes(&j->t->nodes[j->t->n_leaves + i], buf, j->leaf_bytes);
    }
}

typedef struct level_job {
    zk_hash *nodes;
    size_t first, count, per_task; /* parents first .. first+count-1 */
} level_job;

static void hash_level_task(void *arg, size_t task)
{
    level_job *j = arg;
    size_t begin = task * j->per_task, end = begin + j->per_task;
    if (end > j->count)
        end = j->count;
    for (size_t k = j->first + begin; k < j->first + end; k++)
        stark_hash_pair(&j->nodes[k], &j->nodes[2 * k], &j->nodes[2 * k + 1]);
}

static size_t div_ceil(size_t a, size_t b) { return (a + b - 1) / b; }

zk_status stark_merkle_build(stark_merkle *t, size_t n_leaves, size_t leaf_bytes, stark_leaf_fn leaf,
                             const void *ctx, const stark_exec *ex, zk_arena *a)
{
    if (n_leaves == 0 || (n_leaves & (n_leaves - 1)) || leaf_bytes == 0)
        return ZK_ERR_RANGE;
    t->n_leaves = n_leaves;
    t->depth = 0;
    while (((size_t)1 << t->depth) < n_leaves)
        t->depth++;
    t->nodes = zk_arena_alloc(a, 2 * n_leaves * sizeof(zk_hash));
    if (!t->nodes)
        return ZK_ERR_NOMEM;

    size_t threads = stark_threads(ex);
    size_t tasks = threads > 1 ? threads * 8 : 1;
    if (tasks > n_leaves)
        tasks = n_leaves;
    zk_arena_mark mark = zk_arena_get_mark(a);
    leaf_job lj = {t, leaf_bytes, div_ceil(n_leaves, tasks), leaf, ctx, NULL};
    tasks = div_ceil(n_leaves, lj.per_task);
    lj.bufs = zk_arena_alloc(a, tasks * leaf_bytes);
    if (!lj.bufs)
        return ZK_ERR_NOMEM;
    stark_par_for(ex, tasks, hash_leaves_task, &lj);
    zk_arena_reset(a, mark);

    for (size_t count = n_leaves / 2; count >= 1; count /= 2) {
        level_job j = {t->nodes, count, count, count};
        size_t level_tasks = 1;
        if (threads > 1 && count >= 4096) {
            level_tasks = threads * 4;
            j.per_task = div_ceil(count, level_tasks);
            level_tasks = div_ceil(count, j.per_task);
        }
        stark_par_for(ex, level_tasks, hash_level_task, &j);
    }
    /* With a single leaf, its digest (node n + 0 = 1) is the root. */
    return ZK_OK;
}

void stark_merkle_open(const stark_merkle *t, size_t i, zk_hash *siblings)
{
    size_t k = t->n_leaves + i;
    for (unsigned d = 0; d < t->depth; d++, k >>= 1)
        siblings[d] = t->nodes[k ^ 1];
}

bool stark_merkle_verify(const zk_hash *root, unsigned depth, size_t i, const zk_hash *leaf,
                         const zk_hash *siblings)
{
    if (depth < 64 && (i >> depth) != 0)
        return false;
    zk_hash cur = *leaf;
    for (unsigned d = 0; d < depth; d++, i >>= 1) {
        if (i & 1)
            stark_hash_pair(&cur, &siblings[d], &cur);
        else
            stark_hash_pair(&cur, &cur, &siblings[d]);
    }
    return zk_hash_eq(&cur, root);
}

void stark_merkle_open_capped(const stark_merkle *t, size_t i, unsigned cap_log, zk_hash *siblings)
{
    unsigned levels = t->depth - stark_merkle_cap_log(t->depth, cap_log);
    size_t k = t->n_leaves + i;
    for (unsigned d = 0; d < levels; d++, k >>= 1)
        siblings[d] = t->nodes[k ^ 1];
}

bool stark_merkle_verify_capped(const zk_hash *cap, unsigned depth, unsigned cap_log, size_t i, const zk_hash *leaf,
                                const zk_hash *siblings)
{
    if (depth >= 64 || (i >> depth) != 0)
        return false;
    unsigned levels = depth - stark_merkle_cap_log(depth, cap_log);
    zk_hash cur = *leaf;
    for (unsigned d = 0; d < levels; d++, i >>= 1) {
        if (i & 1)
            stark_hash_pair(&cur, &siblings[d], &cur);
        else
            stark_hash_pair(&cur, &cur, &siblings[d]);
    }
    return zk_hash_eq(&cur, &cap[i]);
}
