/* test_u256.c — u256 against a slow, independent reference.
 *
 * The reference works on 32-bit limbs with schoolbook multiplication and bit-by-bit long
 * division, shares no code with u256.c, and is compared on structured pseudo-random
 * inputs (limbs drawn from 0, 1, all-ones, the sign bit, neighbours of those, and random
 * values, at every length) that hit Knuth division's rare correction steps. Also built
 * with ZK_U256_PORTABLE to cover the non-x86 128-by-64 division.
 */
#include "check.h"
#include "core/u256.h"

/* ---- reference: 8 x 32-bit limbs, little-endian; wide values use 17 limbs ---- */

#define RL 17
typedef struct { uint32_t w[RL]; } ref;

static ref ref_from(const u256 *a)
{
    uint8_t be[32];
    ref r;
    memset(&r, 0, sizeof r);
    u256_to_be(a, be);
    for (int i = 0; i < 32; i++)
        r.w[i / 4] |= (uint32_t)be[31 - i] << (8 * (i % 4));
    return r;
}

static u256 ref_to(const ref *r)
{
    uint8_t be[32];
    for (int i = 0; i < 32; i++)
        be[31 - i] = (uint8_t)(r->w[i / 4] >> (8 * (i % 4)));
    return u256_from_be(be, 32);
}

static int ref_bit(const ref *r, int i) { return (r->w[i / 32] >> (i % 32)) & 1; }
static void ref_setbit(ref *r, int i, int v)
{
    if (v)
        r->w[i / 32] |= 1u << (i % 32);
    else
        r->w[i / 32] &= ~(1u << (i % 32));
}

static void ref_trunc(ref *r) { memset(r->w + 8, 0, (RL - 8) * 4); }

static ref ref_add(const ref *a, const ref *b)
{
    ref r;
    uint64_t c = 0;
    for (int i = 0; i < RL; i++) {
        c += (uint64_t)a->w[i] + b->w[i];
        r.w[i] = (uint32_t)c;
        c >>= 32;
    }
    return r;
}

static ref ref_not(const ref *a)
{
    ref r;
    for (int i = 0; i < RL; i++)
        r.w[i] = ~a->w[i];
    ref_trunc(&r);
    return r;
}

static ref ref_neg(const ref *a) /* modulo 2^256 */
{
    ref n = ref_not(a), one;
    memset(&one, 0, sizeof one);
    one.w[0] = 1;
    ref r = ref_add(&n, &one);
    ref_trunc(&r);
    return r;
}

static ref ref_mul_wide(const ref *a, const ref *b) /* both < 2^256, full 512-bit result */
{
    ref r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < 8; i++) {
        uint64_t c = 0;
        for (int j = 0; j < 8; j++) {
            c += (uint64_t)a->w[i] * b->w[j] + r.w[i + j];
            r.w[i + j] = (uint32_t)c;
            c >>= 32;
        }
        r.w[i + 8] = (uint32_t)c;
    }
    return r;
}

static int ref_cmp(const ref *a, const ref *b)
{
    for (int i = RL - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

static ref ref_sub(const ref *a, const ref *b) /* a >= b */
{
    ref r;
    int64_t br = 0;
    for (int i = 0; i < RL; i++) {
        int64_t d = (int64_t)a->w[i] - b->w[i] - br;
        br = d < 0;
        r.w[i] = (uint32_t)d;
    }
    return r;
}

static bool ref_is_zero(const ref *a)
{
    for (int i = 0; i < RL; i++)
        if (a->w[i])
            return false;
    return true;
}

/* Bit-by-bit long division of a (up to RL*32 bits) by b; b == 0 gives q = r = 0. */
static void ref_divmod(const ref *a, const ref *b, ref *q, ref *r)
{
    memset(q, 0, sizeof *q);
    memset(r, 0, sizeof *r);
    if (ref_is_zero(b))
        return;
    for (int i = RL * 32 - 1; i >= 0; i--) {
        /* r = 2r + bit */
        for (int k = RL - 1; k > 0; k--)
            r->w[k] = (r->w[k] << 1) | (r->w[k - 1] >> 31);
        r->w[0] = (r->w[0] << 1) | (uint32_t)ref_bit(a, i);
        if (ref_cmp(r, b) >= 0) {
            *r = ref_sub(r, b);
            ref_setbit(q, i, 1);
        }
    }
}

static bool ref_neg_sign(const ref *a) { return ref_bit(a, 255); }

/* ---- input generation ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static uint64_t special_limb(void)
{
    static const uint64_t specials[] = {0, 1, 2, UINT64_MAX, UINT64_MAX - 1, 0x8000000000000000ULL,
                                        0x7fffffffffffffffULL, 0x8000000000000001ULL, 0xffffffff,
                                        0x100000000ULL};
    switch (rnd() % 4) {
    case 0:
        return specials[rnd() % (sizeof specials / sizeof specials[0])];
    case 1:
        return rnd() >> (rnd() % 64);
    default:
        return rnd();
    }
}

static u256 gen(void)
{
    u256 v = u256_zero();
    int kind = (int)(rnd() % 8);
    int limbs = (int)(rnd() % 5); /* 0..4 significant limbs */
    for (int i = 0; i < limbs; i++)
        v.w[i] = kind < 4 ? special_limb() : rnd();
    if (kind == 7) /* a single set bit */
        v = u256_shl_bits(&(u256){{1, 0, 0, 0}}, (unsigned)(rnd() % 256));
    if (kind == 6) /* a negative number of small magnitude */
        v = u256_neg(&(u256){{rnd() % 1000, 0, 0, 0}});
    return v;
}

/* ---- comparisons against the reference ---- */

static void report(const char *op, const u256 *a, const u256 *b, const u256 *got, const u256 *want)
{
    fprintf(stderr, "%s mismatch:\n a=%016llx%016llx%016llx%016llx\n b=%016llx%016llx%016llx%016llx\n"
                    " got =%016llx%016llx%016llx%016llx\n want=%016llx%016llx%016llx%016llx\n",
            op, (unsigned long long)a->w[3], (unsigned long long)a->w[2], (unsigned long long)a->w[1],
            (unsigned long long)a->w[0], (unsigned long long)b->w[3], (unsigned long long)b->w[2],
            (unsigned long long)b->w[1], (unsigned long long)b->w[0], (unsigned long long)got->w[3],
            (unsigned long long)got->w[2], (unsigned long long)got->w[1], (unsigned long long)got->w[0],
            (unsigned long long)want->w[3], (unsigned long long)want->w[2], (unsigned long long)want->w[1],
            (unsigned long long)want->w[0]);
    if (++check_failures > 20)
        exit(1);
}

#define EXPECT(op, a, b, got, want)                                                            \
    do {                                                                                       \
        u256 g_ = (got), w_ = (want);                                                          \
        if (!u256_eq(&g_, &w_))                                                                \
            report(op, a, b, &g_, &w_);                                                        \
    } while (0)

static void check_binary(const u256 *a, const u256 *b, const u256 *m)
{
    ref ra = ref_from(a), rb = ref_from(b), rm = ref_from(m), q, r, t;

    t = ref_add(&ra, &rb);
    bool carry = t.w[8] != 0;
    ref_trunc(&t);
    EXPECT("add", a, b, u256_add(a, b), ref_to(&t));
    u256 s;
    CHECK(u256_add_overflow(&s, a, b) == carry);

    bool borrow = ref_cmp(&ra, &rb) < 0;
    ref nb = ref_neg(&rb);
    t = ref_add(&ra, &nb);
    ref_trunc(&t);
    EXPECT("sub", a, b, u256_sub(a, b), ref_to(&t));
    CHECK(u256_sub_borrow(&s, a, b) == borrow);

    t = ref_mul_wide(&ra, &rb);
    ref_trunc(&t);
    EXPECT("mul", a, b, u256_mul(a, b), ref_to(&t));

    ref_divmod(&ra, &rb, &q, &r);
    EXPECT("div", a, b, u256_div(a, b), ref_to(&q));
    EXPECT("mod", a, b, u256_mod(a, b), ref_to(&r));

    /* signed: divide magnitudes, fix signs (quotient: xor of signs; remainder: sign of a) */
    bool na = ref_neg_sign(&ra), nbs = ref_neg_sign(&rb);
    ref ma = na ? ref_neg(&ra) : ra, mb = nbs ? ref_neg(&rb) : rb;
    ref_divmod(&ma, &mb, &q, &r);
    if (na != nbs)
        q = ref_neg(&q);
    if (na)
        r = ref_neg(&r);
    ref_trunc(&q);
    EXPECT("sdiv", a, b, u256_sdiv(a, b), ref_to(&q));
    EXPECT("smod", a, b, u256_smod(a, b), ref_to(&r));

    t = ref_add(&ra, &rb); /* 257 bits kept */
    ref_divmod(&t, &rm, &q, &r);
    EXPECT("addmod", a, m, u256_addmod(a, b, m), ref_to(&r));
    t = ref_mul_wide(&ra, &rb);
    ref_divmod(&t, &rm, &q, &r);
    EXPECT("mulmod", a, m, u256_mulmod(a, b, m), ref_to(&r));

    int c = ref_cmp(&ra, &rb);
    CHECK_EQ_INT(u256_cmp(a, b), c);
    CHECK(u256_lt(a, b) == (c < 0));
    CHECK(u256_gt(a, b) == (c > 0));
    bool slt = na != nbs ? na : c < 0;
    CHECK(u256_slt(a, b) == slt);
    CHECK(u256_sgt(a, b) == (na != nbs ? nbs : c > 0));
}

/* Shifts, BYTE, SIGNEXTEND, CLZ against bit-level definitions. */
static void check_bits(const u256 *a, unsigned k)
{
    ref ra = ref_from(a), rs, rr, rl;
    memset(&rl, 0, sizeof rl);
    memset(&rr, 0, sizeof rr);
    memset(&rs, 0, sizeof rs);
    bool neg = ref_bit(&ra, 255);
    for (int i = 0; i < 256; i++) {
        if ((unsigned)i >= k && (unsigned)i - k < 256)
            ref_setbit(&rl, i, ref_bit(&ra, i - (int)k));
        if (i + k < 256)
            ref_setbit(&rr, i, ref_bit(&ra, i + (int)k));
        ref_setbit(&rs, i, i + k < 256 ? ref_bit(&ra, i + (int)k) : neg);
    }
    u256 sh = u256_from_u64(k);
    EXPECT("shl", a, &sh, u256_shl(a, &sh), ref_to(&rl));
    EXPECT("shr", a, &sh, u256_shr(a, &sh), ref_to(&rr));
    EXPECT("sar", a, &sh, u256_sar(a, &sh), ref_to(&rs));
    EXPECT("shl_bits", a, &sh, u256_shl_bits(a, k), ref_to(&rl));
    EXPECT("shr_bits", a, &sh, u256_shr_bits(a, k), ref_to(&rr));

    int top = -1;
    for (int i = 255; i >= 0; i--)
        if (ref_bit(&ra, i)) {
            top = i;
            break;
        }
    CHECK_EQ_INT(u256_clz(a), 255 - top);
    CHECK_EQ_INT(u256_bit_length(a), top + 1);
    CHECK_EQ_INT(u256_byte_length(a), (top + 8) / 8);
}

static void check_byte_signextend(const u256 *a)
{
    uint8_t be[32];
    u256_to_be(a, be);
    for (unsigned i = 0; i < 40; i++) {
        u256 idx = u256_from_u64(i);
        u256 want = u256_from_u64(i < 32 ? be[i] : 0);
        EXPECT("byte", a, &idx, u256_byte(&idx, a), want);

        ref ra = ref_from(a), rw = ra;
        if (i < 31) {
            int t = 8 * (int)i + 7;
            for (int j = t + 1; j < 256; j++)
                ref_setbit(&rw, j, ref_bit(&ra, t));
        }
        EXPECT("signextend", a, &idx, u256_signextend(&idx, a), ref_to(&rw));
    }
}

static u256 hexval(const char *h)
{
    uint8_t b[32];
    size_t n = test_unhex(h, b, 32);
    return u256_from_be(b, n);
}

int main(void)
{
    const u256 zero = u256_zero(), one = u256_from_u64(1), two = u256_from_u64(2);
    const u256 max = u256_not(&zero);
    const u256 min_signed = u256_shl_bits(&one, 255);
    const u256 minus_one = max, minus_two = u256_sub(&max, &one);
    const u256 edges[] = {zero, one, two, max, minus_two, min_signed, u256_sub(&min_signed, &one),
                          u256_from_u64(UINT64_MAX), hexval("010000000000000000"),
                          hexval("ffffffffffffffff0000000000000000ffffffffffffffff")};
    const size_t ne = sizeof edges / sizeof edges[0];

    /* Fixed EVM facts. */
    u256 r = u256_sdiv(&min_signed, &minus_one);
    CHECK(u256_eq(&r, &min_signed));
    r = u256_smod(&min_signed, &minus_one);
    CHECK(u256_is_zero(&r));
    u256 m7 = u256_neg(&(u256){{7, 0, 0, 0}}), three = u256_from_u64(3);
    r = u256_smod(&m7, &three); /* -7 smod 3 = -1 */
    CHECK(u256_eq(&r, &minus_one));
    u256 m3 = u256_neg(&three);
    r = u256_smod(&(u256){{7, 0, 0, 0}}, &m3); /* 7 smod -3 = 1 */
    CHECK(u256_eq(&r, &one));
    r = u256_sdiv(&m7, &three); /* -7 / 3 = -2 (truncation) */
    CHECK(u256_eq(&r, &minus_two));
    r = u256_div(&max, &zero);
    CHECK(u256_is_zero(&r));
    r = u256_mulmod(&max, &max, &zero);
    CHECK(u256_is_zero(&r));
    r = u256_addmod(&max, &max, &max);
    CHECK(u256_is_zero(&r));
    r = u256_addmod(&max, &two, &two); /* (2^256 + 1) mod 2 = 1: needs the 257th bit */
    CHECK(u256_eq(&r, &one));
    r = u256_mulmod(&max, &max, &(u256){{12, 0, 0, 0}}); /* (2^256-1)^2 mod 12 = 9 */
    CHECK(u256_eq(&r, &(u256){{9, 0, 0, 0}}));
    r = u256_exp(&two, &(u256){{255, 0, 0, 0}});
    CHECK(u256_eq(&r, &min_signed));
    r = u256_exp(&two, &(u256){{256, 0, 0, 0}});
    CHECK(u256_is_zero(&r));
    r = u256_exp(&zero, &zero);
    CHECK(u256_eq(&r, &one));
    r = u256_exp(&max, &max); /* (-1)^odd = -1 */
    CHECK(u256_eq(&r, &max));
    r = u256_exp(&(u256){{3, 0, 0, 0}}, &(u256){{40, 0, 0, 0}});
    u256 p40 = hexval("a8b8b452291fe821"); /* 3^40 = 12157665459056928801 */
    CHECK(u256_eq(&r, &p40));
    u256 huge = hexval("0100000000000000000000000000000000");
    r = u256_shl(&one, &huge);
    CHECK(u256_is_zero(&r));
    r = u256_sar(&min_signed, &huge);
    CHECK(u256_eq(&r, &max));
    r = u256_sar(&one, &huge);
    CHECK(u256_is_zero(&r));
    u256 big_index = hexval("010000000000000000");
    r = u256_byte(&big_index, &max);
    CHECK(u256_is_zero(&r));
    r = u256_signextend(&big_index, &(u256){{0xff, 0, 0, 0}});
    CHECK(u256_eq(&r, &(u256){{0xff, 0, 0, 0}}));
    r = u256_signextend(&zero, &(u256){{0xff, 0, 0, 0}});
    CHECK(u256_eq(&r, &max));
    CHECK_EQ_INT(u256_clz(&zero), 256);
    CHECK_EQ_INT(u256_clz(&max), 0);

    /* Conversions. */
    zk_address ad;
    for (int i = 0; i < 20; i++)
        ad.b[i] = (uint8_t)(i + 1);
    u256 av = u256_from_address(&ad);
    zk_address back = u256_to_address(&av);
    CHECK(zk_address_eq(&ad, &back));
    CHECK(av.w[0] == 0x0d0e0f1011121314ULL && av.w[2] == 0x01020304 && av.w[3] == 0);
    zk_hash hh = u256_to_hash(&min_signed);
    CHECK(hh.b[0] == 0x80 && hh.b[31] == 0);
    u256 hv = u256_from_hash(&hh);
    CHECK(u256_eq(&hv, &min_signed));
    uint8_t long_be[40];
    memset(long_be, 0xaa, 8);
    memset(long_be + 8, 0xff, 32);
    r = u256_from_be(long_be, 40); /* keeps the low 32 bytes */
    CHECK(u256_eq(&r, &max));

    /* Edge values against each other and the reference. */
    for (size_t i = 0; i < ne; i++) {
        for (size_t j = 0; j < ne; j++)
            for (size_t k = 0; k < ne; k++)
                check_binary(&edges[i], &edges[j], &edges[k]);
        static const unsigned shifts[] = {0, 1, 63, 64, 65, 127, 128, 191, 192, 255, 256, 257, 1000};
        for (size_t s = 0; s < sizeof shifts / sizeof shifts[0]; s++)
            check_bits(&edges[i], shifts[s]);
        check_byte_signextend(&edges[i]);
    }

    /* Pseudo-random structured inputs. */
    for (int iter = 0; iter < 20000; iter++) {
        u256 a = gen(), b = gen(), m = gen();
        check_binary(&a, &b, &m);
        if (iter % 8 == 0) {
            check_bits(&a, (unsigned)(rnd() % 300));
            check_byte_signextend(&a);
        }
        /* exp against repeated multiplication for small exponents */
        if (iter % 16 == 0) {
            unsigned e = (unsigned)(rnd() % 70);
            u256 want = one;
            for (unsigned i = 0; i < e; i++)
                want = u256_mul(&want, &a);
            u256 ev = u256_from_u64(e);
            EXPECT("exp", &a, &ev, u256_exp(&a, &ev), want);
        }
    }
#ifdef ZK_U256_PORTABLE
    return check_done("test_u256 (portable division)");
#else
    return check_done("test_u256");
#endif
}
