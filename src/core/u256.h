/* u256.h — 256-bit unsigned integers with EVM semantics.
 *
 * Representation: four 64-bit limbs, least significant first (w[0] is bits 0..63).
 * All operations are total (division by zero gives 0, as in the EVM) and never allocate.
 * Hot, simple operations are static inline; the heavy ones live in u256.c.
 * Freestanding; uses unsigned __int128 (available on x86_64 and riscv64).
 */
#ifndef ZK_U256_H
#define ZK_U256_H

#include "zk_types.h"

typedef struct u256 {
    uint64_t w[4];
} u256;

static inline u256 u256_from_u64(uint64_t v)
{
    u256 r = {{v, 0, 0, 0}};
    return r;
}
static inline u256 u256_zero(void) { return u256_from_u64(0); }
static inline bool u256_is_zero(const u256 *a) { return (a->w[0] | a->w[1] | a->w[2] | a->w[3]) == 0; }
static inline bool u256_eq(const u256 *a, const u256 *b)
{
    return a->w[0] == b->w[0] && a->w[1] == b->w[1] && a->w[2] == b->w[2] && a->w[3] == b->w[3];
}
/* True when the value fits in 64 bits. */
static inline bool u256_fits_u64(const u256 *a) { return (a->w[1] | a->w[2] | a->w[3]) == 0; }

/* Comparisons (inline: they sit on the interpreter's hot path). */
static inline int u256_cmp(const u256 *a, const u256 *b) /* -1, 0, 1 */
{
    for (int i = 3; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}
static inline bool u256_lt(const u256 *a, const u256 *b)
{
    /* a < b exactly when a - b borrows out of the top limb. */
    unsigned __int128 d = 0;
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        d = (unsigned __int128)a->w[i] - b->w[i] - borrow;
        borrow = (uint64_t)(d >> 64) & 1;
    }
    return borrow != 0;
}
static inline bool u256_gt(const u256 *a, const u256 *b) { return u256_lt(b, a); }
static inline bool u256_slt(const u256 *a, const u256 *b) /* signed (two's complement) */
{
    bool na = (a->w[3] >> 63) != 0, nb = (b->w[3] >> 63) != 0;
    return na != nb ? na : u256_lt(a, b); /* same sign: ordered like unsigned */
}
static inline bool u256_sgt(const u256 *a, const u256 *b) { return u256_slt(b, a); }

/* Arithmetic modulo 2^256. `carry`/`borrow` variants report overflow. */
static inline bool u256_add_overflow(u256 *r, const u256 *a, const u256 *b) /* true on carry out */
{
    uint64_t carry = 0;
    for (int i = 0; i < 4; i++) {
        unsigned __int128 s = (unsigned __int128)a->w[i] + b->w[i] + carry;
        r->w[i] = (uint64_t)s;
        carry = (uint64_t)(s >> 64);
    }
    return carry != 0;
}
static inline bool u256_sub_borrow(u256 *r, const u256 *a, const u256 *b) /* true if a < b */
{
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        unsigned __int128 d = (unsigned __int128)a->w[i] - b->w[i] - borrow;
        r->w[i] = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
    }
    return borrow != 0;
}
static inline u256 u256_add(const u256 *a, const u256 *b)
{
    u256 r;
    u256_add_overflow(&r, a, b);
    return r;
}
static inline u256 u256_sub(const u256 *a, const u256 *b)
{
    u256 r;
    u256_sub_borrow(&r, a, b);
    return r;
}
static inline u256 u256_mul(const u256 *a, const u256 *b)
{
    /* Schoolbook, keeping only the products that land below 2^256. */
    u256 r = {{0, 0, 0, 0}};
    for (int i = 0; i < 4; i++) {
        uint64_t carry = 0;
        for (int j = 0; i + j < 4; j++) {
            unsigned __int128 t = (unsigned __int128)a->w[i] * b->w[j] + r.w[i + j] + carry;
            r.w[i + j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
    }
    return r;
}
u256 u256_div(const u256 *a, const u256 *b);  /* 0 if b == 0 */
u256 u256_mod(const u256 *a, const u256 *b);  /* 0 if b == 0 */
u256 u256_sdiv(const u256 *a, const u256 *b); /* EVM SDIV: 0 if b == 0; -2^255 / -1 = -2^255 */
u256 u256_smod(const u256 *a, const u256 *b); /* EVM SMOD: sign of a */
u256 u256_addmod(const u256 *a, const u256 *b, const u256 *m); /* full 257-bit intermediate; 0 if m == 0 */
u256 u256_mulmod(const u256 *a, const u256 *b, const u256 *m); /* full 512-bit intermediate; 0 if m == 0 */
u256 u256_exp(const u256 *base, const u256 *exponent);
static inline u256 u256_neg(const u256 *a)
{
    u256 z = {{0, 0, 0, 0}};
    return u256_sub(&z, a);
}

/* Bitwise and shifts (EVM semantics: shift >= 256 gives 0, or all-ones for negative SAR). */
static inline u256 u256_and(const u256 *a, const u256 *b)
{
    u256 r = {{a->w[0] & b->w[0], a->w[1] & b->w[1], a->w[2] & b->w[2], a->w[3] & b->w[3]}};
    return r;
}
static inline u256 u256_or(const u256 *a, const u256 *b)
{
    u256 r = {{a->w[0] | b->w[0], a->w[1] | b->w[1], a->w[2] | b->w[2], a->w[3] | b->w[3]}};
    return r;
}
static inline u256 u256_xor(const u256 *a, const u256 *b)
{
    u256 r = {{a->w[0] ^ b->w[0], a->w[1] ^ b->w[1], a->w[2] ^ b->w[2], a->w[3] ^ b->w[3]}};
    return r;
}
static inline u256 u256_not(const u256 *a)
{
    u256 r = {{~a->w[0], ~a->w[1], ~a->w[2], ~a->w[3]}};
    return r;
}
u256 u256_shl(const u256 *a, const u256 *shift);
u256 u256_shr(const u256 *a, const u256 *shift);
u256 u256_sar(const u256 *a, const u256 *shift);
u256 u256_shl_bits(const u256 *a, unsigned bits); /* bits may be >= 256 */
u256 u256_shr_bits(const u256 *a, unsigned bits);
u256 u256_byte(const u256 *index, const u256 *a);      /* EVM BYTE */
u256 u256_signextend(const u256 *b, const u256 *a);    /* EVM SIGNEXTEND(b, x) */
unsigned u256_clz(const u256 *a);                      /* leading zeros, 256 for 0 (EIP-7939 CLZ) */
unsigned u256_bit_length(const u256 *a);               /* 0 for 0 */
unsigned u256_byte_length(const u256 *a);              /* minimal big-endian bytes, 0 for 0 */

/* The 128-bit value hi:lo divided by d; requires hi < d (the quotient then fits 64 bits).
 * The remainder goes to *rem. No __udivti3: safe on riscv64im. */
uint64_t u256_div128_by_64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem);

/* Conversions. Big-endian byte strings as in the EVM and RLP. */
u256 u256_from_be(const uint8_t *be, size_t len); /* len <= 32; shorter input is left-padded */
void u256_to_be(const u256 *a, uint8_t out[32]);
u256 u256_from_hash(const zk_hash *h);
zk_hash u256_to_hash(const u256 *a);
u256 u256_from_address(const zk_address *a);
zk_address u256_to_address(const u256 *a); /* low 160 bits */

#endif
