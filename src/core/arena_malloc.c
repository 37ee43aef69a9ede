/* arena_malloc.c — malloc-backed chunks for zk_arena (host only). */
#include "arena_malloc.h"

#include <stdint.h>
#include <stdlib.h>

/* The preferred chunk size travels in the arena's user pointer: no extra allocation is
 * needed to remember it. */
static void *malloc_grow(void *user, size_t min_bytes, size_t *got)
{
    size_t size = (size_t)(uintptr_t)user;
    if (size < min_bytes)
        size = min_bytes;
    void *p = malloc(size);
    *got = p ? size : 0;
    return p;
}

static void malloc_free(void *user, void *block)
{
    (void)user;
    free(block);
}

void zk_arena_init_malloc(zk_arena *a, size_t chunk_size)
{
    if (chunk_size < 4096)
        chunk_size = 4096;
    zk_arena_init_growable(a, malloc_grow, malloc_free, (void *)(uintptr_t)chunk_size);
}
