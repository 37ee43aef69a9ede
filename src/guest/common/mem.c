/* mem.c — memcpy, memmove, memset and memcmp for freestanding rv64im guests.
 *
 * Compilers emit calls to these, and the standard lets a vendor export them as strong symbols
 * with exact C semantics at any alignment; the vendor library is linked whole-archive so these
 * win the link. Word-at-a-time when both sides are 8-byte aligned (the common case for
 * structs), byte loops otherwise: misaligned word accesses are legal (Zicclsm) but count as
 * unaligned accesses in the zkl1 VM's report and are slower on real zkVMs.
 *
 * Built with -fno-builtin so that the compiler does not turn these loops back into calls to
 * themselves.
 */
#include <stddef.h>
#include <stdint.h>

/* Word accesses through a may_alias type: these routines copy objects of any type. */
typedef uint64_t __attribute__((may_alias)) zk_word;

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
        for (; n >= 8; n -= 8, d += 8, s += 8)
            *(zk_word *)d = *(const zk_word *)s;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    /* Copying forward is safe unless the destination starts inside the source. */
    if ((uintptr_t)d - (uintptr_t)s >= n)
        return memcpy(dst, src, n);
    d += n;
    s += n;
    if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
        for (; n >= 8; n -= 8) {
            d -= 8;
            s -= 8;
            *(zk_word *)d = *(const zk_word *)s;
        }
    }
    while (n--)
        *--d = *--s;
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if (((uintptr_t)d & 7) == 0) {
        uint64_t word = (uint64_t)(unsigned char)c * 0x0101010101010101ull;
        for (; n >= 8; n -= 8, d += 8)
            *(zk_word *)d = word;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p < *q ? -1 : 1;
    return 0;
}
