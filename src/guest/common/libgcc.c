/* libgcc.c — the compiler-runtime helpers that clang emits calls to for rv64im and that no
 * Debian package provides for this target (compiler-rt for riscv is not packaged).
 *
 * Only what rv64im code generation actually needs: count-zeros (no Zbb) and 128-bit division.
 * Simple, obviously correct algorithms; guests that divide 128-bit numbers in a hot loop should
 * use a 128-by-64 routine of their own.
 */
#include <stdint.h>

int __clzdi2(uint64_t x);
int __ctzdi2(uint64_t x);
int __popcountdi2(uint64_t x);
unsigned __int128 __udivti3(unsigned __int128 n, unsigned __int128 d);
unsigned __int128 __umodti3(unsigned __int128 n, unsigned __int128 d);
__int128 __divti3(__int128 n, __int128 d);
__int128 __modti3(__int128 n, __int128 d);

/* Like the builtins, the result for x == 0 is undefined; these return 64. */
int __clzdi2(uint64_t x)
{
    int n = 0;
    if (x == 0)
        return 64;
    for (int shift = 32; shift > 0; shift >>= 1) {
        if ((x >> (64 - shift)) == 0) {
            n += shift;
            x <<= shift;
        }
    }
    return n;
}

int __ctzdi2(uint64_t x)
{
    int n = 0;
    if (x == 0)
        return 64;
    for (int shift = 32; shift > 0; shift >>= 1) {
        if ((x & ((UINT64_C(1) << shift) - 1)) == 0) {
            n += shift;
            x >>= shift;
        }
    }
    return n;
}

int __popcountdi2(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (int)((x * 0x0101010101010101ull) >> 56);
}

/* Shift-subtract long division; division by zero traps like the hardware-less libgcc does. */
static unsigned __int128 udivmod128(unsigned __int128 n, unsigned __int128 d, unsigned __int128 *rem)
{
    if (d == 0)
        __builtin_trap();
    unsigned __int128 q = 0, r = 0;
    if (d > n) {
        *rem = n;
        return 0;
    }
    for (int i = 127; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= (unsigned __int128)1 << i;
        }
    }
    *rem = r;
    return q;
}

unsigned __int128 __udivti3(unsigned __int128 n, unsigned __int128 d)
{
    unsigned __int128 r;
    return udivmod128(n, d, &r);
}

unsigned __int128 __umodti3(unsigned __int128 n, unsigned __int128 d)
{
    unsigned __int128 r;
    udivmod128(n, d, &r);
    return r;
}

static unsigned __int128 uabs128(__int128 v) { return v < 0 ? -(unsigned __int128)v : (unsigned __int128)v; }

__int128 __divti3(__int128 n, __int128 d)
{
    unsigned __int128 r;
    unsigned __int128 q = udivmod128(uabs128(n), uabs128(d), &r);
    return (__int128)((n < 0) != (d < 0) ? -q : q);
}

__int128 __modti3(__int128 n, __int128 d)
{
    unsigned __int128 r;
    udivmod128(uabs128(n), uabs128(d), &r);
    return (__int128)(n < 0 ? -r : r);
}
