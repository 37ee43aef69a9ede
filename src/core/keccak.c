/* keccak.c — Keccak-256 as used by Ethereum (original Keccak padding 0x01, not SHA-3's 0x06).
 *
 * The permutation keeps the 25 lanes in local variables so the compiler can hold them in
 * registers; rho and pi are merged into one step with the rotation amounts and lane
 * moves written out (lane index = x + 5*y, rotation offsets from the Keccak reference).
 * Input bytes are loaded as little-endian lanes with explicit shifts, so the code gives the
 * same result on any host byte order and never reads unaligned words.
 */
#include "keccak.h"

#include <string.h>

#define KECCAK256_RATE 136 /* bytes: 1600 - 2*256 bits */

static const uint64_t round_constants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

static inline uint64_t rol64(uint64_t x, unsigned n) { return (x << n) | (x >> (64 - n)); }

static inline uint64_t load64_le(const uint8_t *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline void store64_le(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* The permutation body, instantiated twice on x86-64 hosts (see keccak_permute). */
static inline __attribute__((always_inline)) void permute_body(uint64_t st[25])
{
    uint64_t a00 = st[0];
    uint64_t a01 = st[1];
    uint64_t a02 = st[2];
    uint64_t a03 = st[3];
    uint64_t a04 = st[4];
    uint64_t a05 = st[5];
    uint64_t a06 = st[6];
    uint64_t a07 = st[7];
    uint64_t a08 = st[8];
    uint64_t a09 = st[9];
    uint64_t a10 = st[10];
    uint64_t a11 = st[11];
    uint64_t a12 = st[12];
    uint64_t a13 = st[13];
    uint64_t a14 = st[14];
    uint64_t a15 = st[15];
    uint64_t a16 = st[16];
    uint64_t a17 = st[17];
    uint64_t a18 = st[18];
    uint64_t a19 = st[19];
    uint64_t a20 = st[20];
    uint64_t a21 = st[21];
    uint64_t a22 = st[22];
    uint64_t a23 = st[23];
    uint64_t a24 = st[24];
    uint64_t b00, b01, b02, b03, b04, b05, b06, b07, b08, b09, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24;
    uint64_t c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;

    for (int round = 0; round < 24; round++) {
        /* theta: xor each lane with the parities of two neighbouring columns */
        c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
        c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
        c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
        c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
        c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
        d0 = c4 ^ rol64(c1, 1);
        d1 = c0 ^ rol64(c2, 1);
        d2 = c1 ^ rol64(c3, 1);
        d3 = c2 ^ rol64(c4, 1);
        d4 = c3 ^ rol64(c0, 1);

        /* rho and pi: rotate each lane and move it to position (y, 2x + 3y) */
        b00 = a00 ^ d0;
        b01 = rol64(a06 ^ d1, 44);
        b02 = rol64(a12 ^ d2, 43);
        b03 = rol64(a18 ^ d3, 21);
        b04 = rol64(a24 ^ d4, 14);
        b05 = rol64(a03 ^ d3, 28);
        b06 = rol64(a09 ^ d4, 20);
        b07 = rol64(a10 ^ d0, 3);
        b08 = rol64(a16 ^ d1, 45);
        b09 = rol64(a22 ^ d2, 61);
        b10 = rol64(a01 ^ d1, 1);
        b11 = rol64(a07 ^ d2, 6);
        b12 = rol64(a13 ^ d3, 25);
        b13 = rol64(a19 ^ d4, 8);
        b14 = rol64(a20 ^ d0, 18);
        b15 = rol64(a04 ^ d4, 27);
        b16 = rol64(a05 ^ d0, 36);
        b17 = rol64(a11 ^ d1, 10);
        b18 = rol64(a17 ^ d2, 15);
        b19 = rol64(a23 ^ d3, 56);
        b20 = rol64(a02 ^ d2, 62);
        b21 = rol64(a08 ^ d3, 55);
        b22 = rol64(a14 ^ d4, 39);
        b23 = rol64(a15 ^ d0, 41);
        b24 = rol64(a21 ^ d1, 2);

        /* chi: the only non-linear step, along rows */
        a00 = b00 ^ (~b01 & b02);
        a01 = b01 ^ (~b02 & b03);
        a02 = b02 ^ (~b03 & b04);
        a03 = b03 ^ (~b04 & b00);
        a04 = b04 ^ (~b00 & b01);
        a05 = b05 ^ (~b06 & b07);
        a06 = b06 ^ (~b07 & b08);
        a07 = b07 ^ (~b08 & b09);
        a08 = b08 ^ (~b09 & b05);
        a09 = b09 ^ (~b05 & b06);
        a10 = b10 ^ (~b11 & b12);
        a11 = b11 ^ (~b12 & b13);
        a12 = b12 ^ (~b13 & b14);
        a13 = b13 ^ (~b14 & b10);
        a14 = b14 ^ (~b10 & b11);
        a15 = b15 ^ (~b16 & b17);
        a16 = b16 ^ (~b17 & b18);
        a17 = b17 ^ (~b18 & b19);
        a18 = b18 ^ (~b19 & b15);
        a19 = b19 ^ (~b15 & b16);
        a20 = b20 ^ (~b21 & b22);
        a21 = b21 ^ (~b22 & b23);
        a22 = b22 ^ (~b23 & b24);
        a23 = b23 ^ (~b24 & b20);
        a24 = b24 ^ (~b20 & b21);

        /* iota */
        a00 ^= round_constants[round];
    }

    st[0] = a00;
    st[1] = a01;
    st[2] = a02;
    st[3] = a03;
    st[4] = a04;
    st[5] = a05;
    st[6] = a06;
    st[7] = a07;
    st[8] = a08;
    st[9] = a09;
    st[10] = a10;
    st[11] = a11;
    st[12] = a12;
    st[13] = a13;
    st[14] = a14;
    st[15] = a15;
    st[16] = a16;
    st[17] = a17;
    st[18] = a18;
    st[19] = a19;
    st[20] = a20;
    st[21] = a21;
    st[22] = a22;
    st[23] = a23;
    st[24] = a24;
}

/* On x86-64 Linux hosts the permutation is also compiled for BMI1/BMI2 (andn and rorx make
 * chi and the rotations cheaper: about 15% faster) and chosen when the CPU has them; the
 * check reads the CPU model the compiler runtime fills in at start-up. Guests (riscv64)
 * get the single portable version. */
#if defined(__x86_64__) && defined(__linux__) && !defined(ZK_NO_CPU_DISPATCH)
#define KECCAK_BMI_DISPATCH 1
__attribute__((target("bmi,bmi2"))) static void permute_bmi(uint64_t st[25]) { permute_body(st); }
#endif

static void keccak_permute(uint64_t st[25])
{
#ifdef KECCAK_BMI_DISPATCH
    if (__builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")) {
        permute_bmi(st);
        return;
    }
#endif
    permute_body(st);
}

void keccak_f1600(uint64_t st[25]) { keccak_permute(st); }

/* Absorbs one full rate-sized block. */
static void absorb_block(uint64_t st[25], const uint8_t *block)
{
    for (int i = 0; i < KECCAK256_RATE / 8; i++)
        st[i] ^= load64_le(block + 8 * i);
    keccak_permute(st);
}

/* XORs `len` bytes into the state starting at byte offset `pos` (within one block). */
static void xor_bytes(uint64_t st[25], size_t pos, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++, pos++)
        st[pos / 8] ^= (uint64_t)data[i] << (8 * (pos % 8));
}

/* Squeezes the 32-byte digest from the first four lanes. */
static zk_hash squeeze(const uint64_t st[25])
{
    zk_hash h;
    for (int i = 0; i < 4; i++)
        store64_le(h.b + 8 * i, st[i]);
    return h;
}

void keccak256_init(keccak256_ctx *c)
{
    memset(c, 0, sizeof *c);
}

void keccak256_update(keccak256_ctx *c, const uint8_t *data, size_t len)
{
    if (c->pos) {
        size_t take = KECCAK256_RATE - c->pos;
        if (take > len)
            take = len;
        xor_bytes(c->st, c->pos, data, take);
        c->pos += take;
        data += take;
        len -= take;
        if (c->pos < KECCAK256_RATE)
            return;
        keccak_permute(c->st);
        c->pos = 0;
    }
    while (len >= KECCAK256_RATE) {
        absorb_block(c->st, data);
        data += KECCAK256_RATE;
        len -= KECCAK256_RATE;
    }
    if (len) {
        xor_bytes(c->st, 0, data, len);
        c->pos = len;
    }
}

zk_hash keccak256_final(keccak256_ctx *c)
{
    /* Keccak pad10*1 with the 0x01 domain byte; both ends coincide when pos == 135. */
    c->st[c->pos / 8] ^= (uint64_t)0x01 << (8 * (c->pos % 8));
    c->st[(KECCAK256_RATE - 1) / 8] ^= (uint64_t)0x80 << (8 * ((KECCAK256_RATE - 1) % 8));
    keccak_permute(c->st);
    c->pos = 0;
    return squeeze(c->st);
}

zk_hash keccak256(const uint8_t *data, size_t len)
{
    /* One-shot: whole blocks straight from the input, then the tail padded in a local block
     * (cheaper than the byte-wise absorption the incremental interface needs). */
    uint64_t st[25] = {0};
    while (len >= KECCAK256_RATE) {
        absorb_block(st, data);
        data += KECCAK256_RATE;
        len -= KECCAK256_RATE;
    }
    uint8_t last[KECCAK256_RATE];
    if (len)
        memcpy(last, data, len);
    memset(last + len, 0, KECCAK256_RATE - len);
    last[len] = 0x01;
    last[KECCAK256_RATE - 1] |= 0x80;
    absorb_block(st, last);
    return squeeze(st);
}
