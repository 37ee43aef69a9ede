/* arena_malloc.h — host-only: a growable zk_arena whose chunks come from malloc.
 *
 * Not freestanding (links against libc); part of the zk_core_host library. Guests use
 * zk_arena_init_fixed over their heap region instead.
 */
#ifndef ZK_ARENA_MALLOC_H
#define ZK_ARENA_MALLOC_H

#include "arena.h"

/* A growable arena taking chunks of `chunk_size` bytes from malloc (larger requests get
 * a chunk of their own size). Release everything with zk_arena_release(a). */
void zk_arena_init_malloc(zk_arena *a, size_t chunk_size);

#endif
