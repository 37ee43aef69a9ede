/* heap.c — a small first-fit allocator over [_heap_start, _heap_end) for the rv64im test guests:
 * malloc/calloc/realloc/free and the zk_mp_* hooks through which the guest build of libtommath
 * allocates (src/crypto/mp_alloc.h). Single-threaded, like a zkVM guest.
 *
 * Blocks lie end to end from _heap_start up to `top`; each has a 16-byte header with its payload
 * size and a used flag. malloc takes the first free block that fits (merging free neighbours as
 * it scans, splitting what is left over), else bumps `top`; freeing the last block lowers `top`.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/crypto/mp_alloc.h"

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

extern uint8_t _heap_start[], _heap_end[];

typedef struct header {
    size_t size; /* payload bytes, a multiple of 16 */
    size_t used;
} header;

static uint8_t *top; /* end of the last block; NULL before the first allocation */

static header *next_block(header *h) { return (header *)((uint8_t *)(h + 1) + h->size); }

void *malloc(size_t size)
{
    if (!top)
        top = _heap_start;
    if (size == 0)
        size = 1;
    if (size > (size_t)(_heap_end - _heap_start))
        return NULL;
    size = (size + 15) & ~(size_t)15;
    for (header *h = (header *)_heap_start; (uint8_t *)h < top; h = next_block(h)) {
        if (h->used)
            continue;
        while ((uint8_t *)next_block(h) < top && !next_block(h)->used) /* merge free neighbours */
            h->size += sizeof(header) + next_block(h)->size;
        if (h->size < size)
            continue;
        if (h->size >= size + sizeof(header) + 16) { /* split */
            header *rest = (header *)((uint8_t *)(h + 1) + size);
            rest->size = h->size - size - sizeof(header);
            rest->used = 0;
            h->size = size;
        }
        h->used = 1;
        return h + 1;
    }
    if ((size_t)(_heap_end - top) < sizeof(header) + size)
        return NULL;
    header *h = (header *)top;
    h->size = size;
    h->used = 1;
    top = (uint8_t *)(h + 1) + size;
    return h + 1;
}

void free(void *ptr)
{
    if (!ptr)
        return;
    header *h = (header *)ptr - 1;
    h->used = 0;
    if ((uint8_t *)next_block(h) == top)
        top = (uint8_t *)h;
}

void *calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *realloc(void *ptr, size_t size)
{
    if (!ptr)
        return malloc(size);
    header *h = (header *)ptr - 1;
    if (size <= h->size)
        return ptr;
    void *p = malloc(size);
    if (!p)
        return NULL;
    memcpy(p, ptr, h->size);
    free(ptr);
    return p;
}

void *zk_mp_malloc(size_t size) { return malloc(size); }
void *zk_mp_realloc(void *ptr, size_t old_size, size_t new_size)
{
    (void)old_size;
    return realloc(ptr, new_size);
}
void *zk_mp_calloc(size_t count, size_t size) { return calloc(count, size); }
void zk_mp_free(void *ptr, size_t size)
{
    (void)size;
    free(ptr);
}
