/* stdlib.h — allocation and abort for the freestanding rv64im guest build (riscv/rt). */
#ifndef ZK_RV_STDLIB_H
#define ZK_RV_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
_Noreturn void abort(void);
#endif
