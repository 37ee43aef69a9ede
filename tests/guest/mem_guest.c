/* mem_guest.c — the vendor libraries' memcpy, memmove, memset and memcmp (src/guest/common/
 * mem.c) against byte-by-byte references, as a guest: every source and destination offset
 * 0..15 within 8-byte words, every length 0..200, overlapping memmove both ways, memcmp
 * signs; guard bytes around each destination must stay untouched. Aborts at the first
 * mismatch; on success writes "mem ok <cases>" (run in the zkl1 VM and under qemu-riscv64).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "zkvm_io.h"

#define SPAN 256
#define MAX_LEN 200

static _Alignas(8) unsigned char src_buf[SPAN + 32], dst_buf[SPAN + 32], ref_buf[SPAN + 32];

/* Byte loops through volatile pointers: the compiler cannot turn them into mem* calls. */
static void ref_copy(volatile unsigned char *d, const volatile unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}

static void ref_move(volatile unsigned char *d, const volatile unsigned char *s, size_t n)
{
    unsigned char tmp[SPAN];
    for (size_t i = 0; i < n; i++)
        tmp[i] = s[i];
    for (size_t i = 0; i < n; i++)
        d[i] = tmp[i];
}

static void fill(volatile unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed * 131u + i * 7u + 1u);
}

static void same_or_abort(void)
{
    const volatile unsigned char *a = dst_buf, *b = ref_buf;
    for (size_t i = 0; i < sizeof dst_buf; i++)
        if (a[i] != b[i])
            abort();
}

static unsigned long cases;

static void check_copy_set(void)
{
    for (size_t so = 0; so < 16; so++)
        for (size_t d_off = 0; d_off < 16; d_off++)
            for (size_t n = 0; n <= MAX_LEN; n++) {
                fill(src_buf, sizeof src_buf, (unsigned)(so + n));
                fill(dst_buf, sizeof dst_buf, 99);
                fill(ref_buf, sizeof ref_buf, 99);
                if (memcpy(dst_buf + d_off, src_buf + so, n) != dst_buf + d_off)
                    abort();
                ref_copy(ref_buf + d_off, src_buf + so, n);
                same_or_abort();
                if (so == 0) {
                    if (memset(dst_buf + d_off, (int)(n + 0x1a5), n) != dst_buf + d_off)
                        abort();
                    for (size_t i = 0; i < n; i++)
                        ((volatile unsigned char *)ref_buf)[d_off + i] = (unsigned char)(n + 0x1a5);
                    same_or_abort();
                }
                cases++;
            }
}

/* memmove within one buffer, source before and after the destination. */
static void check_move(void)
{
    for (size_t so = 0; so < 24; so++)
        for (size_t d_off = 0; d_off < 24; d_off++)
            for (size_t n = 0; n <= MAX_LEN; n += (n < 40 ? 1 : 7)) {
                fill(dst_buf, sizeof dst_buf, (unsigned)n);
                fill(ref_buf, sizeof ref_buf, (unsigned)n);
                if (memmove(dst_buf + d_off, dst_buf + so, n) != dst_buf + d_off)
                    abort();
                ref_move(ref_buf + d_off, ref_buf + so, n);
                same_or_abort();
                cases++;
            }
}

static int sign(int x) { return (x > 0) - (x < 0); }

static void check_compare(void)
{
    for (size_t n = 1; n <= 64; n++)
        for (size_t at = 0; at < n; at++) {
            fill(src_buf, n, 5);
            fill(dst_buf, n, 5);
            if (memcmp(src_buf, dst_buf, n) != 0)
                abort();
            ((volatile unsigned char *)dst_buf)[at] = (unsigned char)(src_buf[at] + 1);
            if (sign(memcmp(src_buf, dst_buf, n)) != (src_buf[at] < dst_buf[at] ? -1 : 1) ||
                sign(memcmp(dst_buf, src_buf, n)) != -sign(memcmp(src_buf, dst_buf, n)))
                abort();
            cases++;
        }
}

int main(void)
{
    check_copy_set();
    check_move();
    check_compare();
    char msg[32] = "mem ok ";
    size_t len = 7;
    char digits[20];
    size_t k = 0;
    for (unsigned long c = cases; c || k == 0; c /= 10)
        digits[k++] = (char)('0' + c % 10);
    while (k)
        msg[len++] = digits[--k];
    msg[len++] = '\n';
    write_output((const uint8_t *)msg, len);
    return 0;
}
