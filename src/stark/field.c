/* field.c — the non-inline parts of the Goldilocks field and its cubic extension. */
#include "field.h"

uint64_t gl_pow(uint64_t a, uint64_t e)
{
    uint64_t r = 1;
    while (e) {
        if (e & 1)
            r = gl_mul(r, a);
        a = gl_sqr(a);
        e >>= 1;
    }
    return r;
}

uint64_t gl_inv(uint64_t a)
{
    return gl_pow(a, GL_P - 2); /* Fermat; 0 maps to 0 */
}

uint64_t gl_root_of_unity(unsigned log_n)
{
    if (log_n > GL_TWO_ADICITY)
        return 0;
    return gl_pow(GL_GENERATOR, (GL_P - 1) >> log_n);
}

gl3 gl3_pow(gl3 a, const uint64_t e[3])
{
    gl3 r = gl3_one();
    for (int limb = 0; limb < 3; limb++) {
        uint64_t bits = e[limb];
        for (int i = 0; i < 64; i++) {
            if (bits & 1)
                r = gl3_mul(r, a);
            a = gl3_sqr(a);
            bits >>= 1;
        }
    }
    return r;
}

/* |F_p^3| - 2 = p^3 - 2 as three little-endian limbs, computed rather than transcribed. */
static void ext_order_minus_two(uint64_t out[3])
{
    /* p^2 = 2 limbs */
    unsigned __int128 p = GL_P;
    unsigned __int128 sq = p * p; /* p^2 < 2^128 */
    uint64_t s0 = (uint64_t)sq, s1 = (uint64_t)(sq >> 64);
    /* (s1:s0) * p */
    unsigned __int128 t0 = (unsigned __int128)s0 * GL_P;
    unsigned __int128 t1 = (unsigned __int128)s1 * GL_P + (uint64_t)(t0 >> 64);
    out[0] = (uint64_t)t0;
    out[1] = (uint64_t)t1;
    out[2] = (uint64_t)(t1 >> 64);
    /* subtract 2 (p^3 is odd and large: the borrow chain never runs past limb 0 for real) */
    uint64_t old = out[0];
    out[0] -= 2;
    if (old < 2) {
        if (out[1]-- == 0)
            out[2]--;
    }
}

gl3 gl3_inv(gl3 a)
{
    uint64_t e[3];
    ext_order_minus_two(e);
    return gl3_pow(a, e);
}

void gl_batch_inv(uint64_t *v, uint64_t *tmp, size_t n)
{
    uint64_t acc = 1;
    for (size_t i = 0; i < n; i++) {
        tmp[i] = acc;
        if (v[i])
            acc = gl_mul(acc, v[i]);
    }
    uint64_t inv = gl_inv(acc);
    for (size_t i = n; i-- > 0;) {
        if (!v[i])
            continue;
        uint64_t vi = v[i];
        v[i] = gl_mul(inv, tmp[i]);
        inv = gl_mul(inv, vi);
    }
}

void gl3_batch_inv(gl3 *v, gl3 *tmp, size_t n)
{
    gl3 acc = gl3_one();
    for (size_t i = 0; i < n; i++) {
        tmp[i] = acc;
        if (!gl3_is_zero(v[i]))
            acc = gl3_mul(acc, v[i]);
    }
    gl3 inv = gl3_inv(acc);
    for (size_t i = n; i-- > 0;) {
        if (gl3_is_zero(v[i]))
            continue;
        gl3 vi = v[i];
        v[i] = gl3_mul(inv, tmp[i]);
        inv = gl3_mul(inv, vi);
    }
}
