/* kat.h — a small known-answer-test harness that builds both natively (ctest, ASan+UBSan) and for
 * the freestanding rv64im guest run under qemu-riscv64 (riscv/), so both run the SAME vectors.
 *
 * Usage in a test_*.c:
 *     static void test_abc(void) { KAT_EQ_HEX(out, 32, "ba7816bf..."); }
 *     int main(void) { KAT_RUN(test_abc); return kat_finish("sha256"); }
 * Natively, output goes to stdout; in the guest (ZK_KAT_GUEST defined), through the Linux write
 * ecall that qemu-user forwards. No allocation: vectors are decoded into caller buffers.
 */
#ifndef ZK_KAT_H
#define ZK_KAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef ZK_KAT_GUEST
static inline void kat_write(const char *s, size_t n)
{
    register long a0 __asm__("a0") = 1;
    register long a1 __asm__("a1") = (long)s;
    register long a2 __asm__("a2") = (long)n;
    register long a7 __asm__("a7") = 64; /* write */
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
}
#else
#include <stdio.h>
static inline void kat_write(const char *s, size_t n) { fwrite(s, 1, n, stdout); }
#endif

static int kat_checks;
static int kat_failures;

static inline void kat_puts(const char *s) { kat_write(s, strlen(s)); }

static inline void kat_put_uint(unsigned long v)
{
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    kat_write(buf + i, sizeof buf - i);
}

static inline void kat_put_hex(const uint8_t *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        char two[2] = {digits[p[i] >> 4], digits[p[i] & 15]};
        kat_write(two, 2);
    }
}

static inline void kat_fail(const char *file, int line, const char *what)
{
    kat_failures++;
    kat_puts("FAIL ");
    kat_puts(file);
    kat_puts(":");
    kat_put_uint((unsigned long)line);
    kat_puts(": ");
    kat_puts(what);
    kat_puts("\n");
}

static inline int kat_nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes hex (optional 0x, whitespace ignored) into out[0, cap); returns the byte count.
 * A malformed vector is a bug in the test: it counts as a failure and returns 0. */
static inline size_t kat_hex_at(const char *hex, uint8_t *out, size_t cap, const char *file, int line)
{
    size_t n = 0;
    int hi = -1;
    if (hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X'))
        hex += 2;
    for (; *hex; hex++) {
        if (*hex == ' ' || *hex == '\n')
            continue;
        int v = kat_nibble(*hex);
        if (v < 0 || (hi < 0 && n >= cap)) {
            kat_fail(file, line, "malformed or oversized hex vector");
            return 0;
        }
        if (hi < 0) {
            hi = v;
        } else {
            out[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    if (hi >= 0)
        kat_fail(file, line, "odd number of hex digits");
    return n;
}
#define kat_hex(hex, out, cap) kat_hex_at((hex), (out), (cap), __FILE__, __LINE__)

static inline bool kat_eq_hex_at(const uint8_t *got, size_t got_len, const char *hex, const char *file, int line)
{
    uint8_t want[1024];
    size_t want_len = kat_hex_at(hex, want, sizeof want, file, line);
    kat_checks++;
    if (want_len == got_len && memcmp(want, got, got_len) == 0)
        return true;
    kat_fail(file, line, "bytes differ");
    kat_puts("  want ");
    kat_put_hex(want, want_len);
    kat_puts("\n  got  ");
    kat_put_hex(got, got_len);
    kat_puts("\n");
    return false;
}
#define KAT_EQ_HEX(got, len, hex) kat_eq_hex_at((got), (len), (hex), __FILE__, __LINE__)

#define KAT_CHECK(cond)                                                                            \
    do {                                                                                           \
        kat_checks++;                                                                              \
        if (!(cond))                                                                               \
            kat_fail(__FILE__, __LINE__, #cond);                                                   \
    } while (0)

#define KAT_RUN(fn)                                                                                \
    do {                                                                                           \
        int before_ = kat_failures;                                                                \
        fn();                                                                                      \
        kat_puts(kat_failures == before_ ? "ok   " : "FAIL ");                                     \
        kat_puts(#fn);                                                                             \
        kat_puts("\n");                                                                            \
    } while (0)

/* Prints the summary; returns the process exit status (0 only when every check passed and at
 * least one ran, so an empty test cannot pass). */
static inline int kat_finish(const char *suite)
{
    kat_puts(suite);
    kat_puts(": ");
    kat_put_uint((unsigned long)kat_checks);
    kat_puts(" checks, ");
    kat_put_uint((unsigned long)kat_failures);
    kat_puts(" failures\n");
    return (kat_failures == 0 && kat_checks > 0) ? 0 : 1;
}

#endif
