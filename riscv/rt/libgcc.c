/* libgcc.c — the compiler-runtime helpers that clang emits calls to for rv64im and that the
 * crypto code needs (compiler-rt for riscv is not packaged in Debian 12): 64-bit count-leading/
 * trailing-zeros (libsecp256k1) and 128-bit division (libtommath's double-digit arithmetic).
 * Written here rather than installing the 1 GB riscv64-unknown-elf-gcc for its libgcc.a. */
#include <stdint.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

int __ctzdi2(uint64_t x);
int __clzdi2(uint64_t x);
u128 __udivti3(u128 n, u128 d);
u128 __umodti3(u128 n, u128 d);
i128 __divti3(i128 n, i128 d);
i128 __modti3(i128 n, i128 d);

/* Both are undefined for 0 in libgcc; return 64 rather than loop forever. */
int __ctzdi2(uint64_t x)
{
    if (x == 0)
        return 64;
    int n = 0;
    while (!(x & 1))
        x >>= 1, n++;
    return n;
}

int __clzdi2(uint64_t x)
{
    if (x == 0)
        return 64;
    int n = 0;
    while (!(x >> 63))
        x <<= 1, n++;
    return n;
}

static int clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? __clzdi2(hi) : 64 + __clzdi2((uint64_t)x);
}

/* Shift-and-subtract long division, starting at the divisor's aligned position (so at most
 * 128 - clz(d) + clz(n) steps); a 64-by-64 division is done directly. Division by 0 traps,
 * as it would in C. */
static u128 udivmod128(u128 n, u128 d, u128 *rem)
{
    if (d == 0)
        __builtin_trap();
    if (d > n) {
        *rem = n;
        return 0;
    }
    if ((n >> 64) == 0) {
        uint64_t nn = (uint64_t)n, dd = (uint64_t)d;
        *rem = nn % dd;
        return nn / dd;
    }
    int shift = clz128(d) - clz128(n);
    d <<= shift;
    u128 q = 0;
    for (int i = 0; i <= shift; i++) {
        q <<= 1;
        if (n >= d) {
            n -= d;
            q |= 1;
        }
        d >>= 1;
    }
    *rem = n;
    return q;
}

u128 __udivti3(u128 n, u128 d)
{
    u128 r;
    return udivmod128(n, d, &r);
}

u128 __umodti3(u128 n, u128 d)
{
    u128 r;
    udivmod128(n, d, &r);
    return r;
}

i128 __divti3(i128 n, i128 d)
{
    int neg = (n < 0) != (d < 0);
    u128 r, q = udivmod128(n < 0 ? -(u128)n : (u128)n, d < 0 ? -(u128)d : (u128)d, &r);
    return neg ? -(i128)q : (i128)q;
}

i128 __modti3(i128 n, i128 d)
{
    u128 r;
    udivmod128(n < 0 ? -(u128)n : (u128)n, d < 0 ? -(u128)d : (u128)d, &r);
    return n < 0 ? -(i128)r : (i128)r;
}
