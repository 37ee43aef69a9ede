/* check.h — minimal assertion helpers for the core tests (host programs). */
#ifndef ZK_TEST_CHECK_H
#define ZK_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);           \
            if (++check_failures > 20)                                                         \
                exit(1);                                                                       \
        }                                                                                      \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                     \
    do {                                                                                       \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                        \
        if (check_a_ != check_b_) {                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld vs %lld)\n", __FILE__,        \
                    __LINE__, #a, #b, check_a_, check_b_);                                     \
            if (++check_failures > 20)                                                         \
                exit(1);                                                                       \
        }                                                                                      \
    } while (0)

/* Parses a hex string (no prefix handling needed in tests) into out; returns length. */
static inline size_t test_unhex(const char *s, unsigned char *out, size_t cap)
{
    size_t n = strlen(s), o = 0;
    if (n >= 2 && s[0] == '0' && s[1] == 'x')
        s += 2, n -= 2;
    for (size_t i = 0; i + 1 < n && o < cap; i += 2) {
        unsigned v;
        sscanf(s + i, "%2x", &v);
        out[o++] = (unsigned char)v;
    }
    return o;
}

static inline void test_tohex(const unsigned char *p, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", p[i]);
    out[2 * n] = 0;
}

static inline int check_done(const char *name)
{
    if (check_failures) {
        fprintf(stderr, "%s: %d failure(s)\n", name, check_failures);
        return 1;
    }
    printf("%s: ok\n", name);
    return 0;
}

#endif
