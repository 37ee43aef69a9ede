/* string.h for the freestanding check: the only libc functions src/evm may use. */
#ifndef ZK_FREESTANDING_STRING_H
#define ZK_FREESTANDING_STRING_H
#include <stddef.h>
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
#endif
