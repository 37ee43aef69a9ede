/* string.h — the part of <string.h> that freestanding zkl1 code may use on rv64im guests.
 *
 * clang's resource directory ships <stdint.h>, <stddef.h> and <stdbool.h> for the bare
 * riscv64 target but no libc headers; zkl1's freestanding modules use exactly these four
 * functions, which the vendor libraries define (src/guest/common/mem.c).
 */
#ifndef ZKL1_GUEST_STRING_H
#define ZKL1_GUEST_STRING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#ifdef __cplusplus
}
#endif

#endif
