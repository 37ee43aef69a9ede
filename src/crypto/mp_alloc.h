/* mp_alloc.h — the allocator hooks of the freestanding (guest) build of libtommath.
 *
 * libtommath, which backs zkvm_modexp, needs malloc/realloc/calloc/free. The host build uses
 * libc's. The guest build (riscv/build-deps.sh) compiles libtommath with MP_MALLOC & co. renamed
 * to the four functions below, which the guest binary must define — typically over the region
 * between _heap_start and _heap_end (riscv/rt/heap.c is a small first-fit implementation used by
 * the qemu tests). They follow the C library's contracts; `old_size`/`size` in realloc/free are
 * the sizes libtommath allocated, given as hints. Returning NULL makes zkvm_modexp fail.
 */
#ifndef ZK_MP_ALLOC_H
#define ZK_MP_ALLOC_H

#include <stddef.h>

void *zk_mp_malloc(size_t size);
void *zk_mp_realloc(void *ptr, size_t old_size, size_t new_size);
void *zk_mp_calloc(size_t count, size_t size);
void zk_mp_free(void *ptr, size_t size);

#endif
