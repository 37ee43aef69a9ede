/* test_field.c — Goldilocks and its cubic extension against slow reference arithmetic and
 * known values. */
#include "field.h"
#include "test_util.h"

typedef unsigned __int128 u128;

static uint64_t ref_mul(uint64_t a, uint64_t b) { return (uint64_t)(((u128)a * b) % GL_P); }
static uint64_t ref_add(uint64_t a, uint64_t b) { return (uint64_t)(((u128)a + b) % GL_P); }
static uint64_t ref_sub(uint64_t a, uint64_t b) { return (uint64_t)(((u128)a + GL_P - b) % GL_P); }

static uint64_t rnd_elem(void)
{
    /* Bias toward edge values: 0, 1, p-1, 2^32 boundaries. */
    static const uint64_t edges[] = {0, 1, 2, GL_P - 1, GL_P - 2, 0xffffffff, 0x100000000ull, GL_P - 0xffffffff,
                                     0xfffffffeffffffffull, 0x8000000000000000ull};
    uint64_t r = rnd();
    if ((r & 7) == 0)
        return edges[(r >> 3) % (sizeof edges / sizeof edges[0])];
    return rnd() % GL_P;
}

/* Schoolbook product in F_p[X] then reduction by X^3 = X + 1, all with ref arithmetic. */
static gl3 ref_ext_mul(gl3 a, gl3 b)
{
    uint64_t c[5] = {0};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            c[i + j] = ref_add(c[i + j], ref_mul(a.c[i], b.c[j]));
    for (int k = 4; k >= 3; k--) { /* X^k = X^(k-2) + X^(k-3) */
        c[k - 2] = ref_add(c[k - 2], c[k]);
        c[k - 3] = ref_add(c[k - 3], c[k]);
        c[k] = 0;
    }
    gl3 r = {{c[0], c[1], c[2]}};
    return r;
}

static gl3 rnd_ext(void)
{
    gl3 r = {{rnd_elem(), rnd_elem(), rnd_elem()}};
    return r;
}

static void test_base(void)
{
    for (int i = 0; i < 200000; i++) {
        uint64_t a = rnd_elem(), b = rnd_elem();
        CHECK(gl_add(a, b) == ref_add(a, b));
        CHECK(gl_sub(a, b) == ref_sub(a, b));
        CHECK(gl_mul(a, b) == ref_mul(a, b));
        CHECK(gl_neg(a) == ref_sub(0, a));
        uint64_t raw = rnd();
        CHECK(gl_from_u64(raw) == raw % GL_P);
        u128 wide = ((u128)rnd() << 64) | rnd();
        CHECK(gl_reduce128(wide) == (uint64_t)(wide % GL_P));
    }
    /* Known values. */
    CHECK(gl_mul(GL_P - 1, GL_P - 1) == 1);
    CHECK(gl_add(GL_P - 1, 1) == 0);
    CHECK(gl_mul(0x100000000ull, 0x100000000ull) == 0xffffffffull); /* 2^64 = 2^32 - 1 */
    CHECK(gl_mul(gl_mul(0x100000000ull, 0x100000000ull), 0x100000000ull) == GL_P - 1); /* 2^96 = -1 */
    for (int i = 0; i < 2000; i++) {
        uint64_t a = rnd_elem();
        if (a)
            CHECK(gl_mul(a, gl_inv(a)) == 1);
    }
    CHECK(gl_inv(0) == 0);
    /* 7 generates F_p^*: 7^((p-1)/q) != 1 for every prime q | p - 1. */
    static const uint64_t primes[] = {2, 3, 5, 17, 257, 65537};
    for (size_t i = 0; i < 6; i++)
        CHECK(gl_pow(GL_GENERATOR, (GL_P - 1) / primes[i]) != 1);
    CHECK(gl_pow(GL_GENERATOR, GL_P - 1) == 1);
    /* Roots of unity have exact order. */
    for (unsigned k = 1; k <= 32; k++) {
        uint64_t w = gl_root_of_unity(k);
        CHECK(gl_pow(w, (uint64_t)1 << (k - 1)) == GL_P - 1);
    }
    /* Known vector: the 2^32-th root 7^((p-1)/2^32) (independently: 1753635133440165772). */
    CHECK(gl_root_of_unity(32) == 1753635133440165772ull);
    uint64_t v[64], tmp[64], orig[64];
    for (int i = 0; i < 64; i++)
        orig[i] = v[i] = (i % 9 == 0) ? 0 : rnd_elem();
    gl_batch_inv(v, tmp, 64);
    for (int i = 0; i < 64; i++)
        CHECK(orig[i] ? gl_mul(v[i], orig[i]) == 1 : v[i] == 0);
}

static void test_ext(void)
{
    for (int i = 0; i < 50000; i++) {
        gl3 a = rnd_ext(), b = rnd_ext();
        CHECK(gl3_eq(gl3_mul(a, b), ref_ext_mul(a, b)));
        gl3 s = gl3_add(a, b);
        for (int k = 0; k < 3; k++)
            CHECK(s.c[k] == ref_add(a.c[k], b.c[k]));
        CHECK(gl3_eq(gl3_sub(s, b), a));
    }
    for (int i = 0; i < 200; i++) {
        gl3 a = rnd_ext();
        if (!gl3_is_zero(a))
            CHECK(gl3_eq(gl3_mul(a, gl3_inv(a)), gl3_one()));
    }
    CHECK(gl3_is_zero(gl3_inv(gl3_zero())));
    gl3 X = {{0, 1, 0}};
    gl3 X3 = gl3_mul(gl3_mul(X, X), X);
    gl3 expect = {{1, 1, 0}};
    CHECK(gl3_eq(X3, expect));
    /* X^3 - X - 1 is irreducible over F_p: it is separable (discriminant -23 != 0) and, in
     * R = F_p[X]/(f), X^p != X (f does not split into linears) while X^(p^3) = X (no
     * linear-times-irreducible-quadratic factorisation, where X^(p^3) = X fails in the
     * F_(p^2) component). */
    uint64_t e_p[3] = {GL_P, 0, 0};
    gl3 xp = gl3_pow(X, e_p);
    CHECK(!gl3_eq(xp, X));
    gl3 xp3 = gl3_pow(gl3_pow(xp, e_p), e_p);
    CHECK(gl3_eq(xp3, X));
    for (int i = 0; i < 5000; i++) { /* and, redundantly, no root among random points */
        uint64_t x = rnd_elem();
        CHECK(gl_sub(gl_sub(gl_mul(gl_sqr(x), x), x), 1) != 0);
    }
    gl3 v[33], tmp[33], orig[33];
    for (int i = 0; i < 33; i++)
        orig[i] = v[i] = (i % 7 == 3) ? gl3_zero() : rnd_ext();
    gl3_batch_inv(v, tmp, 33);
    for (int i = 0; i < 33; i++)
        CHECK(gl3_is_zero(orig[i]) ? gl3_is_zero(v[i]) : gl3_eq(gl3_mul(v[i], orig[i]), gl3_one()));
}

static void test_lazy_dot(void)
{
    for (int it = 0; it < 200; it++) {
        size_t len = (size_t)(rnd() % 300);
        gl_acc acc = {0};
        gl3_acc acc3 = {0};
        uint64_t ref = 0;
        gl3 ref3 = gl3_zero();
        for (size_t i = 0; i < len; i++) {
            uint64_t a = (it & 1) ? GL_P - 1 - (rnd() & 3) : rnd_elem(), b = (it & 1) ? GL_P - 1 : rnd_elem();
            gl3 e = rnd_ext();
            gl_acc_mul_add(&acc, a, b);
            gl3_acc_mul_add_base(&acc3, e, b);
            ref = ref_add(ref, ref_mul(a, b));
            ref3 = gl3_add(ref3, gl3_mul_base(e, b));
        }
        CHECK(gl_acc_reduce(&acc) == ref);
        CHECK(gl3_eq(gl3_acc_reduce(&acc3), ref3));
    }
}

int main(void)
{
    test_lazy_dot();
    test_base();
    test_ext();
    return test_finish("test_field");
}
