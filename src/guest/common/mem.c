/* mem.c — memcpy, memmove, memset and memcmp for freestanding rv64im guests.
 *
 * Compilers emit calls to these, and the standard lets a vendor export them as strong symbols
 * with exact C semantics at any alignment; the vendor library is linked whole-archive so these
 * win the link. Only aligned word accesses: misaligned ones are legal (Zicclsm) but count as
 * unaligned accesses in the zkl1 VM's report and are slower on real zkVMs. Copies and
 * memset go to an 8-byte boundary of the destination with byte stores, then move whole
 * words (from a source aligned differently by merging two aligned loads with shifts);
 * calls under 16 bytes are byte loops.
 *
 * Built with -fno-builtin so that the compiler does not turn these loops back into calls to
 * themselves.
 */
#include <stddef.h>
#include <stdint.h>

/* Word accesses through a may_alias type: these routines copy objects of any type. */
typedef uint64_t __attribute__((may_alias)) zk_word;

/* The copies below are in program order with may_alias words and no `restrict`, so memmove
 * may use them on overlapping buffers: forward when the destination starts before the
 * source, backward when after. Loads only from aligned words: where the source is not
 * aligned like the destination, each destination word merges two aligned source words
 * with shifts. Such a load may touch bytes of the source's first or last word outside the
 * buffer, never another word, so it stays within pages that hold source bytes. */

static void copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= 16) {
        while ((uintptr_t)d & 7) { /* to d's 8-byte boundary */
            *d++ = *s++;
            n--;
        }
        unsigned off = (unsigned)((uintptr_t)s & 7);
        if (off == 0) {
            for (; n >= 32; n -= 32, d += 32, s += 32) {
                zk_word *w = (zk_word *)d;
                const zk_word *v = (const zk_word *)s;
                w[0] = v[0];
                w[1] = v[1];
                w[2] = v[2];
                w[3] = v[3];
            }
            for (; n >= 8; n -= 8, d += 8, s += 8)
                *(zk_word *)d = *(const zk_word *)s;
        } else {
            unsigned shift = off * 8;
            const zk_word *ws = (const zk_word *)(s - off);
            uint64_t lo = *ws;
            for (; n >= 8; n -= 8, d += 8, s += 8) {
                uint64_t hi = *++ws;
                *(zk_word *)d = lo >> shift | hi << (64 - shift);
                lo = hi;
            }
        }
    }
    while (n--)
        *d++ = *s++;
}

/* Copies n bytes ending at d_end from the n bytes ending at s_end, last byte first. */
static void copy_backward(unsigned char *d_end, const unsigned char *s_end, size_t n)
{
    unsigned char *d = d_end;
    const unsigned char *s = s_end;
    if (n >= 16) {
        while ((uintptr_t)d & 7) { /* to d's 8-byte boundary, from the end */
            *--d = *--s;
            n--;
        }
        unsigned off = (unsigned)((uintptr_t)s & 7);
        if (off == 0) {
            for (; n >= 8; n -= 8) {
                d -= 8;
                s -= 8;
                *(zk_word *)d = *(const zk_word *)s;
            }
        } else {
            unsigned shift = off * 8;
            const zk_word *ws = (const zk_word *)(s - off);
            uint64_t hi = *ws;
            for (; n >= 8; n -= 8) {
                uint64_t lo = *--ws;
                d -= 8;
                s -= 8;
                *(zk_word *)d = lo >> shift | hi << (64 - shift);
                hi = lo;
            }
        }
    }
    while (n--)
        *--d = *--s;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    copy_forward(dst, src, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    /* Forward is safe unless the destination starts inside the source. */
    if ((uintptr_t)d - (uintptr_t)s >= n)
        copy_forward(d, s, n);
    else
        copy_backward(d + n, s + n, n);
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if (n >= 16) {
        uint64_t word = (uint64_t)(unsigned char)c * 0x0101010101010101ull;
        while ((uintptr_t)d & 7) {
            *d++ = (unsigned char)c;
            n--;
        }
        for (; n >= 32; n -= 32, d += 32) {
            zk_word *w = (zk_word *)d;
            w[0] = word;
            w[1] = word;
            w[2] = word;
            w[3] = word;
        }
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
