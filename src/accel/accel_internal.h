/* accel_internal.h — helpers shared by the software backend of zkvm_accelerators.h.
 *
 * Not a public header: only the files of src/accel include it. Freestanding.
 */
#ifndef ZK_ACCEL_INTERNAL_H
#define ZK_ACCEL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The interface says a NULL pointer SHOULD panic: a caller bug, never an input error. */
#define ZK_ACCEL_REQUIRE(p)                                                                        \
    do {                                                                                           \
        if ((p) == NULL)                                                                           \
            __builtin_trap();                                                                      \
    } while (0)

/* Compares two 32-byte big-endian numbers: <0, 0, >0 like memcmp, in constant time per call. */
static inline int zk_be256_cmp(const uint8_t a[32], const uint8_t b[32])
{
    int result = 0;
    for (int i = 31; i >= 0; i--) {
        int d = (int)a[i] - (int)b[i];
        if (d != 0)
            result = d;
    }
    return result;
}

/* out = a - b over 32-byte big-endian numbers, modulo 2^256. out may alias a or b. */
static inline void zk_be256_sub(uint8_t out[32], const uint8_t a[32], const uint8_t b[32])
{
    unsigned borrow = 0;
    for (int i = 31; i >= 0; i--) {
        unsigned d = (unsigned)a[i] - (unsigned)b[i] - borrow;
        out[i] = (uint8_t)d;
        borrow = (d >> 8) & 1u;
    }
}

static inline bool zk_bytes_all_zero(const uint8_t *p, size_t n)
{
    uint8_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc |= p[i];
    return acc == 0;
}

#endif
