/* arena.c — bump allocator over a fixed buffer or a chain of grown chunks.
 *
 * Layout of a chunk: a zk_arena_chunk header at the start of the block, then the data
 * area starting at the first 16-byte boundary after the header. `used` counts bytes of
 * the data area handed out; every allocation is rounded up to 16 so the next one stays
 * aligned.
 */
#include "arena.h"

#include <string.h>

#define ZK_ARENA_ALIGN 16u

static uintptr_t align_up(uintptr_t v, uintptr_t to) { return (v + (to - 1)) & ~(to - 1); }

static uint8_t *chunk_data(zk_arena_chunk *c)
{
    return (uint8_t *)align_up((uintptr_t)(c + 1), ZK_ARENA_ALIGN);
}

/* Places a chunk header in [block, block+size); NULL when the block is too small. */
static zk_arena_chunk *chunk_setup(void *block, size_t size, zk_arena_chunk *prev)
{
    uintptr_t start = align_up((uintptr_t)block, _Alignof(zk_arena_chunk));
    uintptr_t end = (uintptr_t)block + size;
    if (end < start || end - start < sizeof(zk_arena_chunk))
        return NULL;
    zk_arena_chunk *c = (zk_arena_chunk *)start;
    uintptr_t data = (uintptr_t)chunk_data(c);
    c->prev = prev;
    c->cap = data <= end ? (size_t)(end - data) : 0;
    c->used = 0;
    return c;
}

void zk_arena_init_fixed(zk_arena *a, void *mem, size_t size)
{
    memset(a, 0, sizeof *a);
    a->cur = mem ? chunk_setup(mem, size, NULL) : NULL;
}

void zk_arena_init_growable(zk_arena *a, zk_arena_grow_fn grow, zk_arena_free_fn free_block, void *user)
{
    memset(a, 0, sizeof *a);
    a->grow = grow;
    a->free_block = free_block;
    a->user = user;
}

/* Asks the grow callback for a chunk able to hold `n` data bytes. */
static bool arena_grow(zk_arena *a, size_t n)
{
    if (!a->grow)
        return false;
    /* Room for the header, its alignment padding and the request itself. */
    size_t overhead = sizeof(zk_arena_chunk) + 2 * ZK_ARENA_ALIGN;
    if (n > SIZE_MAX - overhead)
        return false;
    zk_arena_chunk *spare = a->spare;
    if (spare && spare->cap >= n) {
        a->spare = NULL;
        spare->prev = a->cur;
        spare->used = 0;
        a->cur = spare;
        return true;
    }
    size_t got = 0;
    void *block = a->grow(a->user, n + overhead, &got);
    if (!block)
        return false;
    zk_arena_chunk *c = chunk_setup(block, got, a->cur);
    if (!c || c->cap < n) {
        if (a->free_block)
            a->free_block(a->user, block);
        return false;
    }
    a->cur = c;
    return true;
}

void *zk_arena_alloc(zk_arena *a, size_t n)
{
    if (n > SIZE_MAX - ZK_ARENA_ALIGN)
        return NULL;
    size_t rounded = (n + (ZK_ARENA_ALIGN - 1)) & ~(size_t)(ZK_ARENA_ALIGN - 1);
    zk_arena_chunk *c = a->cur;
    if (!c || c->cap - c->used < rounded) {
        if (!arena_grow(a, rounded))
            return NULL;
        c = a->cur;
    }
    uint8_t *p = chunk_data(c) + c->used;
    c->used += rounded;
    a->total_used += rounded;
    if (a->total_used > a->high_water)
        a->high_water = a->total_used;
    return p;
}

void *zk_arena_calloc(zk_arena *a, size_t n)
{
    void *p = zk_arena_alloc(a, n);
    if (p && n)
        memset(p, 0, n);
    return p;
}

void *zk_arena_dup(zk_arena *a, const void *src, size_t n)
{
    void *p = zk_arena_alloc(a, n);
    if (p && n)
        memcpy(p, src, n);
    return p;
}

zk_arena_mark zk_arena_get_mark(const zk_arena *a)
{
    zk_arena_mark m = {a->cur, a->cur ? a->cur->used : 0, a->total_used};
    return m;
}

void zk_arena_reset(zk_arena *a, zk_arena_mark m)
{
    /* Chunks obtained after the mark go back to the owner of the memory, except the
     * largest, kept as the spare for the next growth. */
    while (a->cur && a->cur != m.chunk) {
        zk_arena_chunk *c = a->cur;
        a->cur = c->prev;
        if (!a->spare || c->cap > a->spare->cap) {
            zk_arena_chunk *old = a->spare;
            a->spare = c;
            c = old;
        }
        if (c && a->free_block)
            a->free_block(a->user, c);
    }
    if (a->cur)
        a->cur->used = m.used;
    a->total_used = m.total_used;
}

void zk_arena_release(zk_arena *a)
{
    if (!a->grow) {
        /* A fixed arena: just empty its single chunk. */
        if (a->cur)
            a->cur->used = 0;
        a->total_used = 0;
        return;
    }
    zk_arena_mark empty = {NULL, 0, 0};
    zk_arena_reset(a, empty);
    if (a->spare && a->free_block)
        a->free_block(a->user, a->spare);
    a->spare = NULL;
}
