/* test_util.h — minimal assertions for the STARK tests. */
#ifndef ZK_STARK_TEST_UTIL_H
#define ZK_STARK_TEST_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int g_failures;

#define CHECK(cond)                                                                                                \
    do {                                                                                                           \
        if (!(cond)) {                                                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                               \
            g_failures++;                                                                                          \
        }                                                                                                          \
    } while (0)

#define REQUIRE(cond)                                                                                              \
    do {                                                                                                           \
        if (!(cond)) {                                                                                             \
            fprintf(stderr, "%s:%d: REQUIRE failed: %s\n", __FILE__, __LINE__, #cond);                             \
            exit(1);                                                                                               \
        }                                                                                                          \
    } while (0)

/* xorshift64*: deterministic test randomness. */
static uint64_t g_rng = 0x243f6a8885a308d3ull;
static inline uint64_t rnd(void)
{
    g_rng ^= g_rng >> 12;
    g_rng ^= g_rng << 25;
    g_rng ^= g_rng >> 27;
    return g_rng * 0x2545f4914f6cdd1dull;
}

static inline int test_finish(const char *name)
{
    if (g_failures) {
        fprintf(stderr, "%s: %d failure(s)\n", name, g_failures);
        return 1;
    }
    printf("%s: ok\n", name);
    return 0;
}

#endif
