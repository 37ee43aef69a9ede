/* arena.h — bump allocation over caller-provided memory.
 *
 * The core, EVM and stateless code never call malloc: every allocation goes through a
 * zk_arena. The caller decides where memory comes from:
 *   - a single fixed buffer (guest: the region between _heap_start and _heap_end), or
 *   - a chain of chunks obtained from a `grow` callback (host: malloc-backed).
 * Allocation is O(1); memory is released only by zk_arena_reset() to an earlier mark
 * (stack discipline) or by dropping the whole arena.
 *
 * Freestanding.
 */
#ifndef ZK_ARENA_H
#define ZK_ARENA_H

#include "zk_types.h"

typedef struct zk_arena_chunk {
    struct zk_arena_chunk *prev; /* previous chunk in the chain, NULL for the first */
    size_t cap;                  /* usable bytes after this header */
    size_t used;
    /* data follows, 16-byte aligned */
} zk_arena_chunk;

/* Called when the current chunk is exhausted: must return a block of at least `min_bytes`
 * bytes (the arena puts a zk_arena_chunk header at its start) and store its real size in
 * *got, or return NULL when no more memory is available. */
typedef void *(*zk_arena_grow_fn)(void *user, size_t min_bytes, size_t *got);
/* Gives a block obtained from grow back (only called by zk_arena_release). May be NULL. */
typedef void (*zk_arena_free_fn)(void *user, void *block);

typedef struct zk_arena {
    zk_arena_chunk *cur;  /* current chunk; NULL before the first allocation */
    zk_arena_grow_fn grow;
    zk_arena_free_fn free_block;
    void *user;
    size_t total_used;    /* bytes handed out, all chunks, for statistics */
    size_t high_water;    /* maximum of total_used seen */
    zk_arena_chunk *spare; /* one chunk kept back by zk_arena_reset for the next growth,
                            * so allocating and resetting across a chunk boundary in a loop
                            * does not call grow/free_block every time */
} zk_arena;

/* A position in an arena, for zk_arena_reset. */
typedef struct zk_arena_mark {
    zk_arena_chunk *chunk;
    size_t used;
    size_t total_used;
} zk_arena_mark;

/* Arena over one fixed buffer [mem, mem+size). No growth. */
void zk_arena_init_fixed(zk_arena *a, void *mem, size_t size);
/* Arena that asks `grow` for chunks of at least `min_chunk` bytes. */
void zk_arena_init_growable(zk_arena *a, zk_arena_grow_fn grow, zk_arena_free_fn free_block, void *user);

/* Returns `n` bytes aligned to 16, or NULL when memory is exhausted. Contents undefined. */
void *zk_arena_alloc(zk_arena *a, size_t n);
/* Same, zero-filled. */
void *zk_arena_calloc(zk_arena *a, size_t n);
/* Copies `n` bytes of `src` into the arena; NULL on exhaustion. */
void *zk_arena_dup(zk_arena *a, const void *src, size_t n);

zk_arena_mark zk_arena_get_mark(const zk_arena *a);
/* Frees everything allocated after `m` (chunks obtained after it are kept for reuse
 * only if they are the current chain; simplest correct behaviour is fine). */
void zk_arena_reset(zk_arena *a, zk_arena_mark m);
/* Returns every chunk through free_block (growable arenas) and empties the arena. */
void zk_arena_release(zk_arena *a);

#endif
