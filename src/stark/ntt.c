/* ntt.c — recursive radix-2 NTTs over Goldilocks (see ntt.h for the conventions). */
#include "ntt.h"

/* Below this size a transform fits comfortably in L1/L2 and the loop form is used. */
#define NTT_LEAF_LOG 12

/* x86-64 hosts with AVX-512F run the butterfly layers eight lanes at a time (chosen at run
 * time; the scalar code below is the reference and the only path on other targets). */
#if defined(__x86_64__) && defined(__clang__) && !defined(ZK_STARK_NO_SIMD)
#define NTT_AVX512 1
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f")))

/* Lane-wise Goldilocks arithmetic on canonical values (< p). */
AVX512 static inline __m512i v_add(__m512i a, __m512i b)
{
    const __m512i eps = _mm512_set1_epi64((long long)GL_EPS), p = _mm512_set1_epi64((long long)GL_P);
    __m512i s = _mm512_add_epi64(a, b);
    s = _mm512_mask_add_epi64(s, _mm512_cmplt_epu64_mask(s, a), s, eps); /* carry: + 2^64 mod p */
    return _mm512_mask_sub_epi64(s, _mm512_cmpge_epu64_mask(s, p), s, p);
}

AVX512 static inline __m512i v_sub(__m512i a, __m512i b)
{
    const __m512i eps = _mm512_set1_epi64((long long)GL_EPS);
    __m512i d = _mm512_sub_epi64(a, b);
    return _mm512_mask_sub_epi64(d, _mm512_cmplt_epu64_mask(a, b), d, eps); /* borrow: + p */
}

AVX512 static inline __m512i v_mul(__m512i a, __m512i b)
{
    const __m512i eps = _mm512_set1_epi64((long long)GL_EPS), p = _mm512_set1_epi64((long long)GL_P);
    const __m512i one_hi = _mm512_set1_epi64((long long)0x100000000ull);
    __m512i ah = _mm512_srli_epi64(a, 32), bh = _mm512_srli_epi64(b, 32);
    __m512i ll = _mm512_mul_epu32(a, b), lh = _mm512_mul_epu32(a, bh);
    __m512i hl = _mm512_mul_epu32(ah, b), hh = _mm512_mul_epu32(ah, bh);
    /* 128-bit product (hi, lo) = hh·2^64 + (lh + hl)·2^32 + ll */
    __m512i mid = _mm512_add_epi64(lh, hl);
    __mmask8 mid_carry = _mm512_cmplt_epu64_mask(mid, lh);
    __m512i lo = _mm512_add_epi64(ll, _mm512_slli_epi64(mid, 32));
    __mmask8 lo_carry = _mm512_cmplt_epu64_mask(lo, ll);
    __m512i hi = _mm512_add_epi64(hh, _mm512_srli_epi64(mid, 32));
    hi = _mm512_mask_add_epi64(hi, mid_carry, hi, one_hi);
    hi = _mm512_mask_add_epi64(hi, lo_carry, hi, _mm512_set1_epi64(1));
    /* reduce: lo + (hi mod 2^32)·EPS - (hi >> 32) */
    __m512i hi_hi = _mm512_srli_epi64(hi, 32);
    __m512i t = _mm512_sub_epi64(lo, hi_hi);
    t = _mm512_mask_sub_epi64(t, _mm512_cmplt_epu64_mask(lo, hi_hi), t, eps);
    __m512i hl32 = _mm512_and_si512(hi, eps);
    __m512i m = _mm512_sub_epi64(_mm512_slli_epi64(hl32, 32), hl32); /* hl32·(2^32 - 1) */
    __m512i r = _mm512_add_epi64(t, m);
    r = _mm512_mask_add_epi64(r, _mm512_cmplt_epu64_mask(r, m), r, eps);
    return _mm512_mask_sub_epi64(r, _mm512_cmpge_epu64_mask(r, p), r, p);
}

AVX512 static void dif_layer_avx512(uint64_t *a, size_t m, const uint64_t *w)
{
    for (size_t i = 0; i < m; i += 8) {
        __m512i u = _mm512_loadu_si512(a + i), v = _mm512_loadu_si512(a + i + m);
        __m512i t = _mm512_loadu_si512(w + i);
        _mm512_storeu_si512(a + i, v_add(u, v));
        _mm512_storeu_si512(a + i + m, v_mul(v_sub(u, v), t));
    }
}

AVX512 static void dit_layer_avx512(uint64_t *a, size_t m, const uint64_t *w)
{
    for (size_t i = 0; i < m; i += 8) {
        __m512i u = _mm512_loadu_si512(a + i);
        __m512i v = v_mul(_mm512_loadu_si512(a + i + m), _mm512_loadu_si512(w + i));
        _mm512_storeu_si512(a + i, v_add(u, v));
        _mm512_storeu_si512(a + i + m, v_sub(u, v));
    }
}

/* The three smallest layers (m = 1, 2, 4) inside each 8-element block, with lane permutes:
 * every lane fetches the low and high element of its butterfly, and the high lanes keep the
 * difference. Lane twiddles: layer m uses w_2m^(lane mod m). */
AVX512 static void dit_first3_avx512(uint64_t *a, size_t n, const uint64_t *tw)
{
    const __m512i lo1 = _mm512_set_epi64(6, 6, 4, 4, 2, 2, 0, 0), hi1 = _mm512_set_epi64(7, 7, 5, 5, 3, 3, 1, 1);
    const __m512i lo2 = _mm512_set_epi64(5, 4, 5, 4, 1, 0, 1, 0), hi2 = _mm512_set_epi64(7, 6, 7, 6, 3, 2, 3, 2);
    const __m512i lo4 = _mm512_set_epi64(3, 2, 1, 0, 3, 2, 1, 0), hi4 = _mm512_set_epi64(7, 6, 5, 4, 7, 6, 5, 4);
    const __m512i w2 = _mm512_set_epi64((long long)tw[3], (long long)tw[2], (long long)tw[3], (long long)tw[2],
                                        (long long)tw[3], (long long)tw[2], (long long)tw[3], (long long)tw[2]);
    const __m512i w4 = _mm512_set_epi64((long long)tw[7], (long long)tw[6], (long long)tw[5], (long long)tw[4],
                                        (long long)tw[7], (long long)tw[6], (long long)tw[5], (long long)tw[4]);
    for (size_t b = 0; b < n; b += 8) {
        __m512i x = _mm512_loadu_si512(a + b), lo, hi;
        lo = _mm512_permutexvar_epi64(lo1, x);
        hi = _mm512_permutexvar_epi64(hi1, x);
        x = _mm512_mask_blend_epi64(0xAA, v_add(lo, hi), v_sub(lo, hi));
        lo = _mm512_permutexvar_epi64(lo2, x);
        hi = v_mul(_mm512_permutexvar_epi64(hi2, x), w2);
        x = _mm512_mask_blend_epi64(0xCC, v_add(lo, hi), v_sub(lo, hi));
        lo = _mm512_permutexvar_epi64(lo4, x);
        hi = v_mul(_mm512_permutexvar_epi64(hi4, x), w4);
        x = _mm512_mask_blend_epi64(0xF0, v_add(lo, hi), v_sub(lo, hi));
        _mm512_storeu_si512(a + b, x);
    }
}

AVX512 static void dif_last3_avx512(uint64_t *a, size_t n, const uint64_t *tw)
{
    const __m512i lo1 = _mm512_set_epi64(6, 6, 4, 4, 2, 2, 0, 0), hi1 = _mm512_set_epi64(7, 7, 5, 5, 3, 3, 1, 1);
    const __m512i lo2 = _mm512_set_epi64(5, 4, 5, 4, 1, 0, 1, 0), hi2 = _mm512_set_epi64(7, 6, 7, 6, 3, 2, 3, 2);
    const __m512i lo4 = _mm512_set_epi64(3, 2, 1, 0, 3, 2, 1, 0), hi4 = _mm512_set_epi64(7, 6, 5, 4, 7, 6, 5, 4);
    const __m512i w2 = _mm512_set_epi64((long long)tw[3], (long long)tw[2], (long long)tw[3], (long long)tw[2],
                                        (long long)tw[3], (long long)tw[2], (long long)tw[3], (long long)tw[2]);
    const __m512i w4 = _mm512_set_epi64((long long)tw[7], (long long)tw[6], (long long)tw[5], (long long)tw[4],
                                        (long long)tw[7], (long long)tw[6], (long long)tw[5], (long long)tw[4]);
    for (size_t b = 0; b < n; b += 8) {
        __m512i x = _mm512_loadu_si512(a + b), lo, hi;
        lo = _mm512_permutexvar_epi64(lo4, x);
        hi = _mm512_permutexvar_epi64(hi4, x);
        x = _mm512_mask_blend_epi64(0xF0, v_add(lo, hi), v_mul(v_sub(lo, hi), w4));
        lo = _mm512_permutexvar_epi64(lo2, x);
        hi = _mm512_permutexvar_epi64(hi2, x);
        x = _mm512_mask_blend_epi64(0xCC, v_add(lo, hi), v_mul(v_sub(lo, hi), w2));
        lo = _mm512_permutexvar_epi64(lo1, x);
        hi = _mm512_permutexvar_epi64(hi1, x);
        x = _mm512_mask_blend_epi64(0xAA, v_add(lo, hi), v_sub(lo, hi));
        _mm512_storeu_si512(a + b, x);
    }
}

static bool have_avx512(void) { return __builtin_cpu_supports("avx512f"); }
#endif

zk_status ntt_tables_init(ntt_tables *t, unsigned log_max, zk_arena *a)
{
    if (log_max > GL_TWO_ADICITY)
        return ZK_ERR_RANGE;
    size_t n = (size_t)1 << log_max;
    t->log_max = log_max;
    t->fwd = zk_arena_alloc(a, (n < 2 ? 2 : n) * sizeof(uint64_t));
    t->inv = zk_arena_alloc(a, (n < 2 ? 2 : n) * sizeof(uint64_t));
    if (!t->fwd || !t->inv)
        return ZK_ERR_NOMEM;
    t->fwd[0] = t->inv[0] = 0; /* unused */
    for (unsigned lg = 1; lg <= log_max; lg++) {
        size_t m = (size_t)1 << (lg - 1); /* half size; roots of order 2m */
        uint64_t w = gl_root_of_unity(lg), wi = gl_inv(w);
        t->fwd[m] = t->inv[m] = 1;
        for (size_t i = 1; i < m; i++) {
            t->fwd[m + i] = gl_mul(t->fwd[m + i - 1], w);
            t->inv[m + i] = gl_mul(t->inv[m + i - 1], wi);
        }
    }
    return ZK_OK;
}

/* One DIF layer: butterflies (a[i], a[i+m]) -> (a+b, (a-b) w^i). */
static void dif_layer_scalar(uint64_t *a, size_t m, const uint64_t *w)
{
    for (size_t i = 0; i < m; i++) {
        uint64_t u = a[i], v = a[i + m];
        a[i] = gl_add(u, v);
        a[i + m] = gl_mul(gl_sub(u, v), w[i]);
    }
}

/* One DIT layer: butterflies (a[i], a[i+m]) -> (a + b w^i, a - b w^i). */
static void dit_layer_scalar(uint64_t *a, size_t m, const uint64_t *w)
{
    for (size_t i = 0; i < m; i++) {
        uint64_t u = a[i], v = gl_mul(a[i + m], w[i]);
        a[i] = gl_add(u, v);
        a[i + m] = gl_sub(u, v);
    }
}

/* The m = 1 layer, where the twiddle is 1 and DIF and DIT agree: (a[b], a[b+1]) -> (a+b, a-b)
 * for every pair of the n values. */
static void unit_layer_scalar(uint64_t *a, size_t n)
{
    for (size_t b = 0; b + 1 < n; b += 2) {
        uint64_t u = a[b], v = a[b + 1];
        a[b] = gl_add(u, v);
        a[b + 1] = gl_sub(u, v);
    }
}

static void dif_layer(uint64_t *a, size_t m, const uint64_t *w, bool simd)
{
#ifdef NTT_AVX512
    if (simd && m >= 8) {
        dif_layer_avx512(a, m, w);
        return;
    }
#endif
    (void)simd;
    dif_layer_scalar(a, m, w);
}

static void dit_layer(uint64_t *a, size_t m, const uint64_t *w, bool simd)
{
#ifdef NTT_AVX512
    if (simd && m >= 8) {
        dit_layer_avx512(a, m, w);
        return;
    }
#endif
    (void)simd;
    dit_layer_scalar(a, m, w);
}

static void dif_iterative(uint64_t *a, size_t n, const uint64_t *tw, bool simd)
{
#ifdef NTT_AVX512
    if (simd && n >= 8) {
        for (size_t m = n >> 1; m >= 8; m >>= 1)
            for (size_t b = 0; b < n; b += 2 * m)
                dif_layer(a + b, m, tw + m, simd);
        dif_last3_avx512(a, n, tw);
        return;
    }
#endif
    for (size_t m = n >> 1; m >= 2; m >>= 1)
        for (size_t b = 0; b < n; b += 2 * m)
            dif_layer(a + b, m, tw + m, simd);
    unit_layer_scalar(a, n);
}

static void dit_iterative(uint64_t *a, size_t n, const uint64_t *tw, bool simd)
{
#ifdef NTT_AVX512
    if (simd && n >= 8) {
        dit_first3_avx512(a, n, tw);
        for (size_t m = 8; m < n; m <<= 1)
            for (size_t b = 0; b < n; b += 2 * m)
                dit_layer(a + b, m, tw + m, simd);
        return;
    }
#endif
    unit_layer_scalar(a, n);
    for (size_t m = 2; m < n; m <<= 1)
        for (size_t b = 0; b < n; b += 2 * m)
            dit_layer(a + b, m, tw + m, simd);
}

static void dif_recursive(uint64_t *a, unsigned log_n, const uint64_t *tw, bool simd)
{
    size_t n = (size_t)1 << log_n;
    if (log_n <= NTT_LEAF_LOG) {
        dif_iterative(a, n, tw, simd);
        return;
    }
    dif_layer(a, n / 2, tw + n / 2, simd);
    dif_recursive(a, log_n - 1, tw, simd);
    dif_recursive(a + n / 2, log_n - 1, tw, simd);
}

static void dit_recursive(uint64_t *a, unsigned log_n, const uint64_t *tw, bool simd)
{
    size_t n = (size_t)1 << log_n;
    if (log_n <= NTT_LEAF_LOG) {
        dit_iterative(a, n, tw, simd);
        return;
    }
    dit_recursive(a, log_n - 1, tw, simd);
    dit_recursive(a + n / 2, log_n - 1, tw, simd);
    dit_layer(a, n / 2, tw + n / 2, simd);
}

static bool use_simd(void)
{
#ifdef NTT_AVX512
    return have_avx512();
#else
    return false;
#endif
}

void ntt_dif(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    if (log_n > 0)
        dif_recursive(a, log_n, tw, use_simd());
}

void ntt_dit(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    if (log_n > 0)
        dit_recursive(a, log_n, tw, use_simd());
}

void ntt_dif_scalar(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    if (log_n > 0)
        dif_recursive(a, log_n, tw, false);
}

void ntt_dit_scalar(uint64_t *a, unsigned log_n, const uint64_t *tw)
{
    if (log_n > 0)
        dit_recursive(a, log_n, tw, false);
}

void ntt_bitrev_permute(uint64_t *a, unsigned log_n)
{
    size_t n = (size_t)1 << log_n;
    for (size_t i = 0; i < n; i++) {
        size_t j = ntt_bitrev(i, log_n);
        if (i < j) {
            uint64_t t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

void ntt_interpolate_coset(uint64_t *a, unsigned log_n, uint64_t shift, const ntt_tables *t)
{
    size_t n = (size_t)1 << log_n;
    ntt_dif(a, log_n, t->inv);
    ntt_bitrev_permute(a, log_n);
    /* a now holds n·c_i·shift^i; undo both factors. */
    uint64_t inv_shift = gl_inv(shift), s = gl_inv(gl_from_u64(n));
    for (size_t i = 0; i < n; i++) {
        a[i] = gl_mul(a[i], s);
        s = gl_mul(s, inv_shift);
    }
}

void ntt_evaluate_coset(uint64_t *a, unsigned log_n, uint64_t shift, const ntt_tables *t)
{
    size_t n = (size_t)1 << log_n;
    uint64_t s = 1;
    for (size_t i = 0; i < n; i++) {
        a[i] = gl_mul(a[i], s);
        s = gl_mul(s, shift);
    }
    ntt_dif(a, log_n, t->fwd);
    ntt_bitrev_permute(a, log_n);
}
