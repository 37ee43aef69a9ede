/* ripemd160.c — RIPEMD-160, written from the algorithm's published description.
 *
 * Two parallel lines of 80 steps each (left and right) over 16 little-endian message words; the
 * right line uses the boolean functions in reverse order. Tables below are the specification's
 * message-word selections (R), rotation amounts (S) and additive constants (K).
 * Freestanding.
 */
#include "ripemd160.h"

#include <string.h>

static const uint8_t R_LEFT[80] = {
    0, 1, 2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15,
    7, 4, 13, 1,  10, 6,  15, 3,  12, 0, 9,  5,  2,  14, 11, 8,
    3, 10, 14, 4, 9,  15, 8,  1,  2,  7, 0,  6,  13, 11, 5,  12,
    1, 9, 11, 10, 0,  8,  12, 4,  13, 3, 7,  15, 14, 5,  6,  2,
    4, 0, 5,  9,  7,  12, 2,  10, 14, 1, 3,  8,  11, 6,  15, 13};
static const uint8_t R_RIGHT[80] = {
    5,  14, 7,  0, 9, 2,  11, 4,  13, 6,  15, 8,  1,  10, 3,  12,
    6,  11, 3,  7, 0, 13, 5,  10, 14, 15, 8,  12, 4,  9,  1,  2,
    15, 5,  1,  3, 7, 14, 6,  9,  11, 8,  12, 2,  10, 0,  4,  13,
    8,  6,  4,  1, 3, 11, 15, 0,  5,  12, 2,  13, 9,  7,  10, 14,
    12, 15, 10, 4, 1, 5,  8,  7,  6,  2,  13, 14, 0,  3,  9,  11};
static const uint8_t S_LEFT[80] = {
    11, 14, 15, 12, 5,  8,  7,  9,  11, 13, 14, 15, 6,  7,  9,  8,
    7,  6,  8,  13, 11, 9,  7,  15, 7,  12, 15, 9,  11, 7,  13, 12,
    11, 13, 6,  7,  14, 9,  13, 15, 14, 8,  13, 6,  5,  12, 7,  5,
    11, 12, 14, 15, 14, 15, 9,  8,  9,  14, 5,  6,  8,  6,  5,  12,
    9,  15, 5,  11, 6,  8,  13, 12, 5,  12, 13, 14, 11, 8,  5,  6};
static const uint8_t S_RIGHT[80] = {
    8,  9,  9,  11, 13, 15, 15, 5,  7,  7,  8,  11, 14, 14, 12, 6,
    9,  13, 15, 7,  12, 8,  9,  11, 7,  7,  12, 7,  6,  15, 13, 11,
    9,  7,  15, 11, 8,  6,  6,  14, 12, 13, 5,  14, 13, 13, 7,  5,
    15, 5,  8,  11, 14, 14, 6,  14, 6,  9,  12, 9,  12, 5,  15, 8,
    8,  5,  12, 9,  12, 5,  14, 6,  8,  13, 6,  5,  15, 13, 11, 11};
static const uint32_t K_LEFT[5] = {0x00000000u, 0x5a827999u, 0x6ed9eba1u, 0x8f1bbcdcu, 0xa953fd4eu};
static const uint32_t K_RIGHT[5] = {0x50a28be6u, 0x5c4dd124u, 0x6d703ef3u, 0x7a6d76e9u, 0x00000000u};

static inline uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

/* The five boolean functions, selected by round (0..4). */
static inline uint32_t boolean_fn(unsigned round, uint32_t x, uint32_t y, uint32_t z)
{
    switch (round) {
    case 0: return x ^ y ^ z;
    case 1: return (x & y) | (~x & z);
    case 2: return (x | ~y) ^ z;
    case 3: return (x & z) | (y & ~z);
    default: return x ^ (y | ~z);
    }
}

/* The five working words of one line. */
typedef struct line_state {
    uint32_t a, b, c, d, e;
} line_state;

/* One step of a line: a new word from a, f(b, c, d), the message word x and the round
 * constant k, rotated by s and added to e; the words then shift along (c rotated by 10). */
static inline void line_step(line_state *l, unsigned fn, uint32_t x, uint32_t k, unsigned s)
{
    uint32_t t = rol32(l->a + boolean_fn(fn, l->b, l->c, l->d) + x + k, s) + l->e;
    l->a = l->e;
    l->e = l->d;
    l->d = rol32(l->c, 10);
    l->c = l->b;
    l->b = t;
}

static void compress(uint32_t h[5], const uint8_t block[64])
{
    uint32_t x[16];
    for (int i = 0; i < 16; i++)
        x[i] = (uint32_t)block[4 * i] | (uint32_t)block[4 * i + 1] << 8 | (uint32_t)block[4 * i + 2] << 16 |
               (uint32_t)block[4 * i + 3] << 24;

    line_state left = {h[0], h[1], h[2], h[3], h[4]};
    line_state right = left;
    for (unsigned j = 0; j < 80; j++) {
        unsigned round = j / 16;
        line_step(&left, round, x[R_LEFT[j]], K_LEFT[round], S_LEFT[j]);
        line_step(&right, 4 - round, x[R_RIGHT[j]], K_RIGHT[round], S_RIGHT[j]);
    }
    uint32_t t = h[1] + left.c + right.d;
    h[1] = h[2] + left.d + right.e;
    h[2] = h[3] + left.e + right.a;
    h[3] = h[4] + left.a + right.b;
    h[4] = h[0] + left.b + right.c;
    h[0] = t;
}

void zk_ripemd160_init(zk_ripemd160_ctx *c)
{
    c->h[0] = 0x67452301u;
    c->h[1] = 0xefcdab89u;
    c->h[2] = 0x98badcfeu;
    c->h[3] = 0x10325476u;
    c->h[4] = 0xc3d2e1f0u;
    c->total = 0;
    c->fill = 0;
}

void zk_ripemd160_update(zk_ripemd160_ctx *c, const uint8_t *data, size_t len)
{
    c->total += len;
    if (c->fill > 0) {
        size_t take = 64 - c->fill < len ? 64 - c->fill : len;
        memcpy(c->block + c->fill, data, take);
        c->fill += take;
        data += take;
        len -= take;
        if (c->fill < 64)
            return;
        compress(c->h, c->block);
        c->fill = 0;
    }
    for (; len >= 64; data += 64, len -= 64)
        compress(c->h, data);
    if (len > 0) {
        memcpy(c->block, data, len);
        c->fill = len;
    }
}

void zk_ripemd160_final(zk_ripemd160_ctx *c, uint8_t digest[20])
{
    uint64_t bits = c->total * 8;
    /* Padding: 0x80, zeros up to 56 mod 64, then the bit length as a little-endian u64. */
    c->block[c->fill++] = 0x80;
    if (c->fill > 56) {
        memset(c->block + c->fill, 0, 64 - c->fill);
        compress(c->h, c->block);
        c->fill = 0;
    }
    memset(c->block + c->fill, 0, 56 - c->fill);
    for (int i = 0; i < 8; i++)
        c->block[56 + i] = (uint8_t)(bits >> (8 * i));
    compress(c->h, c->block);
    for (int i = 0; i < 5; i++)
        for (int b = 0; b < 4; b++)
            digest[4 * i + b] = (uint8_t)(c->h[i] >> (8 * b));
}

void zk_ripemd160(const uint8_t *data, size_t len, uint8_t digest[20])
{
    zk_ripemd160_ctx c;
    zk_ripemd160_init(&c);
    if (len > 0)
        zk_ripemd160_update(&c, data, len);
    zk_ripemd160_final(&c, digest);
}
