/* u256.c — 256-bit EVM arithmetic on four 64-bit limbs (least significant first).
 *
 * Multiplication uses 64x64->128 products (unsigned __int128). Division is Knuth's
 * algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit digits, shared by DIV/MOD/SDIV/SMOD and by
 * MULMOD's 512-by-256-bit reduction. Its 128-by-64-bit quotient step uses the x86-64
 * `div` instruction when available and a portable two-step 32-bit-digit division
 * otherwise (no compiler runtime helper such as __udivti3 is needed on riscv64); define
 * ZK_U256_PORTABLE to force the portable path (the tests do, to cover it on the host).
 */
#include "u256.h"

#include <string.h>

typedef unsigned __int128 u128;

/* ---- small helpers ---- */

static inline unsigned clz64(uint64_t x) { return x ? (unsigned)__builtin_clzll(x) : 64; }

static inline bool is_negative(const u256 *a) { return (a->w[3] >> 63) != 0; }

/* Number of significant limbs (0 for zero). */
static inline int limb_count(const uint64_t *w, int n)
{
    while (n > 0 && w[n - 1] == 0)
        n--;
    return n;
}

/* ---- multiplication ---- */

/* Full 256x256 -> 512-bit product, 8 limbs. */
static void mul_full(uint64_t out[8], const u256 *a, const u256 *b)
{
    memset(out, 0, 8 * sizeof out[0]);
    for (int i = 0; i < 4; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 4; j++) {
            u128 t = (u128)a->w[i] * b->w[j] + out[i + j] + carry;
            out[i + j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        out[i + 4] = carry;
    }
}

/* ---- division ---- */

/* Divides the 128-bit value hi:lo by d, requires hi < d (so the quotient fits 64 bits). */
static inline uint64_t div_128_by_64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
#if defined(__x86_64__) && !defined(ZK_U256_PORTABLE)
    uint64_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
    *rem = r;
    return q;
#else
    /* Hacker's Delight divlu: normalise d, then two 64/32-bit digit steps. */
    const uint64_t b = (uint64_t)1 << 32;
    unsigned s = clz64(d);
    d <<= s;
    uint64_t vn1 = d >> 32, vn0 = d & 0xffffffffu;
    uint64_t un32 = s ? (hi << s) | (lo >> (64 - s)) : hi;
    uint64_t un10 = lo << s;
    uint64_t un1 = un10 >> 32, un0 = un10 & 0xffffffffu;

    uint64_t q1 = un32 / vn1, rhat = un32 - q1 * vn1;
    while (q1 >= b || q1 * vn0 > b * rhat + un1) {
        q1--;
        rhat += vn1;
        if (rhat >= b)
            break;
    }
    uint64_t un21 = un32 * b + un1 - q1 * d;

    uint64_t q0 = un21 / vn1;
    rhat = un21 - q0 * vn1;
    while (q0 >= b || q0 * vn0 > b * rhat + un0) {
        q0--;
        rhat += vn1;
        if (rhat >= b)
            break;
    }
    *rem = (un21 * b + un0 - q0 * d) >> s;
    return q1 * b + q0;
#endif
}

uint64_t u256_div128_by_64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
    return div_128_by_64(hi, lo, d, rem);
}

/* Divides u[0..m) by the single limb d != 0: quotient to q[0..m), returns the remainder. */
static uint64_t divrem_1(uint64_t *q, const uint64_t *u, int m, uint64_t d)
{
    uint64_t r = 0;
    for (int i = m - 1; i >= 0; i--)
        q[i] = div_128_by_64(r, u[i], d, &r);
    return r;
}

/* Knuth algorithm D. u has m limbs, v has n >= 2 limbs with v[n-1] != 0, m >= n.
 * Writes the m-n+1 quotient limbs to q (if non-NULL) and the n remainder limbs to r. */
static void divrem_knuth(uint64_t *q, uint64_t *r, const uint64_t *u, int m, const uint64_t *v, int n)
{
    uint64_t un[9], vn[4]; /* m <= 8, n <= 4 */
    unsigned s = clz64(v[n - 1]);

    /* D1: normalise so that the top divisor limb has its high bit set. */
    for (int i = n - 1; i > 0; i--)
        vn[i] = s ? (v[i] << s) | (v[i - 1] >> (64 - s)) : v[i];
    vn[0] = v[0] << s;
    un[m] = s ? u[m - 1] >> (64 - s) : 0;
    for (int i = m - 1; i > 0; i--)
        un[i] = s ? (u[i] << s) | (u[i - 1] >> (64 - s)) : u[i];
    un[0] = u[0] << s;

    const uint64_t vtop = vn[n - 1], vnext = vn[n - 2];
    for (int j = m - n; j >= 0; j--) {
        /* D3: estimate qhat from the top two dividend limbs, correct it with the next. */
        uint64_t qhat, rhat;
        bool rhat_overflow = false;
        if (un[j + n] >= vtop) {
            /* Only equality is possible; the true quotient digit is b-1 or b-2. */
            qhat = UINT64_MAX;
            u128 t = (u128)un[j + n - 1] + vtop;
            rhat = (uint64_t)t;
            rhat_overflow = (t >> 64) != 0;
        } else {
            qhat = div_128_by_64(un[j + n], un[j + n - 1], vtop, &rhat);
        }
        while (!rhat_overflow && (u128)qhat * vnext > (((u128)rhat << 64) | un[j + n - 2])) {
            qhat--;
            u128 t = (u128)rhat + vtop;
            rhat = (uint64_t)t;
            rhat_overflow = (t >> 64) != 0;
        }

        /* D4: multiply and subtract qhat * vn from un[j .. j+n]. */
        uint64_t borrow = 0, carry = 0;
        for (int i = 0; i < n; i++) {
            u128 p = (u128)qhat * vn[i] + carry;
            carry = (uint64_t)(p >> 64);
            uint64_t plo = (uint64_t)p, x = un[i + j];
            uint64_t d1 = x - plo;
            uint64_t b1 = x < plo;
            un[i + j] = d1 - borrow;
            borrow = b1 | (d1 < borrow);
        }
        uint64_t x = un[j + n];
        uint64_t d1 = x - carry;
        uint64_t b1 = x < carry;
        un[j + n] = d1 - borrow;
        bool negative = b1 | (d1 < borrow);

        /* D6: qhat was one too large (rare): add the divisor back. */
        if (negative) {
            qhat--;
            uint64_t c = 0;
            for (int i = 0; i < n; i++) {
                u128 t = (u128)un[i + j] + vn[i] + c;
                un[i + j] = (uint64_t)t;
                c = (uint64_t)(t >> 64);
            }
            un[j + n] += c;
        }
        if (q)
            q[j] = qhat;
    }

    /* D8: un-normalise the remainder. */
    for (int i = 0; i < n; i++)
        r[i] = s ? (un[i] >> s) | (un[i + 1] << (64 - s)) : un[i];
}

/* Divides the m-limb u (m <= 8) by the 4-limb d != 0. Quotient: up to m limbs (q may be
 * NULL); remainder: 4 limbs. */
static void divrem_wide(uint64_t *q, int qcap, uint64_t rem[4], const uint64_t *u, int m, const u256 *d)
{
    int n = limb_count(d->w, 4);
    int mu = limb_count(u, m);
    if (q)
        memset(q, 0, (size_t)qcap * sizeof q[0]);
    memset(rem, 0, 4 * sizeof rem[0]);
    if (mu < n) { /* u < d */
        memcpy(rem, u, (size_t)mu * sizeof u[0]);
        return;
    }
    if (n == 1) {
        uint64_t tmp[8];
        rem[0] = divrem_1(q ? q : tmp, u, mu, d->w[0]);
        return;
    }
    divrem_knuth(q, rem, u, mu, d->w, n);
}

static void u256_divrem(const u256 *a, const u256 *b, u256 *quot, u256 *rem)
{
    if (u256_is_zero(b)) {
        if (quot)
            *quot = u256_zero();
        if (rem)
            *rem = u256_zero();
        return;
    }
    if (u256_fits_u64(a) && u256_fits_u64(b)) {
        if (quot)
            *quot = u256_from_u64(a->w[0] / b->w[0]);
        if (rem)
            *rem = u256_from_u64(a->w[0] % b->w[0]);
        return;
    }
    u256 q, r;
    divrem_wide(q.w, 4, r.w, a->w, 4, b);
    if (quot)
        *quot = q;
    if (rem)
        *rem = r;
}

u256 u256_div(const u256 *a, const u256 *b)
{
    u256 q;
    u256_divrem(a, b, &q, NULL);
    return q;
}

u256 u256_mod(const u256 *a, const u256 *b)
{
    u256 r;
    u256_divrem(a, b, NULL, &r);
    return r;
}

u256 u256_sdiv(const u256 *a, const u256 *b)
{
    bool na = is_negative(a), nb = is_negative(b);
    u256 ua = na ? u256_neg(a) : *a;
    u256 ub = nb ? u256_neg(b) : *b;
    u256 q = u256_div(&ua, &ub); /* -2^255 / -1 wraps back to -2^255, as the EVM wants */
    return na != nb ? u256_neg(&q) : q;
}

u256 u256_smod(const u256 *a, const u256 *b)
{
    bool na = is_negative(a), nb = is_negative(b);
    u256 ua = na ? u256_neg(a) : *a;
    u256 ub = nb ? u256_neg(b) : *b;
    u256 r = u256_mod(&ua, &ub);
    return na ? u256_neg(&r) : r;
}

u256 u256_addmod(const u256 *a, const u256 *b, const u256 *m)
{
    if (u256_is_zero(m))
        return u256_zero();
    /* With a, b < m the true sum is below 2m < 2^257: one conditional subtraction of m
     * (modulo 2^256) reduces it, even when the addition carried out of 256 bits. */
    u256 ra = u256_lt(a, m) ? *a : u256_mod(a, m);
    u256 rb = u256_lt(b, m) ? *b : u256_mod(b, m);
    u256 s;
    bool carry = u256_add_overflow(&s, &ra, &rb);
    if (carry || !u256_lt(&s, m))
        s = u256_sub(&s, m);
    return s;
}

u256 u256_mulmod(const u256 *a, const u256 *b, const u256 *m)
{
    if (u256_is_zero(m))
        return u256_zero();
    uint64_t prod[8];
    mul_full(prod, a, b);
    u256 r;
    divrem_wide(NULL, 0, r.w, prod, 8, m);
    return r;
}

u256 u256_exp(const u256 *base, const u256 *exponent)
{
    u256 result = u256_from_u64(1);
    u256 b = *base;
    unsigned bits = u256_bit_length(exponent);
    for (unsigned i = 0; i < bits; i++) {
        if ((exponent->w[i / 64] >> (i % 64)) & 1)
            result = u256_mul(&result, &b);
        if (i + 1 < bits)
            b = u256_mul(&b, &b);
    }
    return result;
}

/* ---- shifts ---- */

u256 u256_shl_bits(const u256 *a, unsigned bits)
{
    u256 r = u256_zero();
    if (bits >= 256)
        return r;
    unsigned limbs = bits / 64, s = bits % 64;
    for (int i = 3; i >= (int)limbs; i--) {
        uint64_t v = a->w[i - limbs] << s;
        if (s && i - (int)limbs - 1 >= 0)
            v |= a->w[i - limbs - 1] >> (64 - s);
        r.w[i] = v;
    }
    return r;
}

u256 u256_shr_bits(const u256 *a, unsigned bits)
{
    u256 r = u256_zero();
    if (bits >= 256)
        return r;
    unsigned limbs = bits / 64, s = bits % 64;
    for (unsigned i = 0; i + limbs < 4; i++) {
        uint64_t v = a->w[i + limbs] >> s;
        if (s && i + limbs + 1 < 4)
            v |= a->w[i + limbs + 1] << (64 - s);
        r.w[i] = v;
    }
    return r;
}

/* A shift amount as the EVM sees it: anything >= 256 behaves like 256. */
static unsigned shift_amount(const u256 *shift)
{
    return (u256_fits_u64(shift) && shift->w[0] < 256) ? (unsigned)shift->w[0] : 256;
}

u256 u256_shl(const u256 *a, const u256 *shift) { return u256_shl_bits(a, shift_amount(shift)); }
u256 u256_shr(const u256 *a, const u256 *shift) { return u256_shr_bits(a, shift_amount(shift)); }

u256 u256_sar(const u256 *a, const u256 *shift)
{
    if (!is_negative(a))
        return u256_shr(a, shift);
    /* For negative a: sar(a) = ~shr(~a), which fills with ones from the top. */
    u256 na = u256_not(a);
    u256 r = u256_shr(&na, shift);
    return u256_not(&r);
}

u256 u256_byte(const u256 *index, const u256 *a)
{
    if (!u256_fits_u64(index) || index->w[0] >= 32)
        return u256_zero();
    unsigned bit = (31 - (unsigned)index->w[0]) * 8; /* index 0 is the most significant byte */
    return u256_from_u64((a->w[bit / 64] >> (bit % 64)) & 0xff);
}

u256 u256_signextend(const u256 *b, const u256 *a)
{
    if (!u256_fits_u64(b) || b->w[0] >= 31)
        return *a;
    unsigned sign_bit = (unsigned)b->w[0] * 8 + 7;
    unsigned limb = sign_bit / 64, off = sign_bit % 64;
    bool negative = (a->w[limb] >> off) & 1;
    uint64_t keep = off == 63 ? UINT64_MAX : (((uint64_t)1 << (off + 1)) - 1);
    u256 r = *a;
    if (negative) {
        r.w[limb] |= ~keep;
        for (unsigned i = limb + 1; i < 4; i++)
            r.w[i] = UINT64_MAX;
    } else {
        r.w[limb] &= keep;
        for (unsigned i = limb + 1; i < 4; i++)
            r.w[i] = 0;
    }
    return r;
}

unsigned u256_clz(const u256 *a)
{
    for (int i = 3; i >= 0; i--)
        if (a->w[i])
            return (unsigned)(3 - i) * 64 + clz64(a->w[i]);
    return 256;
}

unsigned u256_bit_length(const u256 *a) { return 256 - u256_clz(a); }
unsigned u256_byte_length(const u256 *a) { return (u256_bit_length(a) + 7) / 8; }

/* ---- conversions ---- */

u256 u256_from_be(const uint8_t *be, size_t len)
{
    /* Longer input keeps its low 32 bytes (the value modulo 2^256). */
    if (len > 32) {
        be += len - 32;
        len = 32;
    }
    u256 r = u256_zero();
    for (size_t i = 0; i < len; i++) {
        size_t pos = len - 1 - i; /* byte significance */
        r.w[pos / 8] |= (uint64_t)be[i] << (8 * (pos % 8));
    }
    return r;
}

void u256_to_be(const u256 *a, uint8_t out[32])
{
    for (int i = 0; i < 32; i++) {
        int pos = 31 - i;
        out[i] = (uint8_t)(a->w[pos / 8] >> (8 * (pos % 8)));
    }
}

u256 u256_from_hash(const zk_hash *h) { return u256_from_be(h->b, 32); }

zk_hash u256_to_hash(const u256 *a)
{
    zk_hash h;
    u256_to_be(a, h.b);
    return h;
}

u256 u256_from_address(const zk_address *a) { return u256_from_be(a->b, 20); }

zk_address u256_to_address(const u256 *a)
{
    uint8_t be[32];
    u256_to_be(a, be);
    zk_address r;
    memcpy(r.b, be + 12, 20);
    return r;
}
