/* string.h — the part of <string.h> the freestanding rv64im guest build uses (zkl1 code and the
 * third-party crypto libraries). Implemented by riscv/rt/rt.c, or by a zkVM vendor library. */
#ifndef ZK_RV_STRING_H
#define ZK_RV_STRING_H
#include <stddef.h>
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
#endif
