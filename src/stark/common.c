/* common.c — statement binding, FRI folding and constraint combination, shared by the
 * prover and the verifier so that both compute exactly the same thing. */
#include <string.h>

#include "hash.h"
#include "stark_internal.h"

#define GL_INV2 0x7fffffff80000001ull /* (p + 1) / 2 */

void stark_encode_header(uint8_t out[STARK_HEADER_BYTES], const stark_params *p, unsigned log_n)
{
    memcpy(out, STARK_PROOF_MAGIC, 4);
    out[4] = STARK_PROOF_VERSION & 0xff;
    out[5] = STARK_PROOF_VERSION >> 8;
    out[6] = STARK_HASH_SHA256;
    out[7] = STARK_FIELD_GOLDILOCKS3;
    out[8] = (uint8_t)log_n;
    out[9] = p->log_blowup;
    out[10] = p->fri_log_arity;
    out[11] = p->fri_log_final;
    out[12] = p->pow_bits;
    out[13] = p->merkle_cap_log;
    out[14] = (uint8_t)(p->num_queries & 0xff);
    out[15] = (uint8_t)(p->num_queries >> 8);
}

void stark_bind_statement(stark_transcript *t, const stark_air *air, const stark_params *p, unsigned log_n,
                          const uint64_t *publics)
{
    uint8_t header[STARK_HEADER_BYTES];
    stark_encode_header(header, p, log_n);
    stark_transcript_init(t, "zkl1/stark/v1");
    stark_transcript_absorb(t, STARK_TAG_PROTOCOL, header, sizeof header);

    stark_transcript_absorb(t, STARK_TAG_AIR, air->name, stark_strlen(air->name));
    uint64_t shape[7] = {air->n_main, air->n_aux, air->n_challenges, air->n_public, air->n_constraints,
                         air->logup_fractions_per_row, air->logup_tuple_width};
    stark_transcript_absorb_u64s(t, STARK_TAG_AIR, shape, 7);
    for (uint32_t i = 0; i < air->n_constraints; i += 64) {
        uint64_t kinds[64];
        uint32_t k = air->n_constraints - i < 64 ? air->n_constraints - i : 64;
        for (uint32_t j = 0; j < k; j++)
            kinds[j] = (uint64_t)air->constraints[i + j].rows << 8 | air->constraints[i + j].degree;
        stark_transcript_absorb_u64s(t, STARK_TAG_AIR, kinds, k);
    }
    stark_transcript_absorb_u64s(t, STARK_TAG_PUBLIC, publics, air->n_public);
}

gl3 stark_draw_ood_point(stark_transcript *t)
{
    for (;;) {
        gl3 z = stark_transcript_challenge_ext(t);
        if (z.c[1] | z.c[2])
            return z;
    }
}

void stark_fri_zeta_inv_table(uint64_t *zeta_inv, unsigned log_arity)
{
    for (unsigned k = 0; k <= log_arity; k++)
        zeta_inv[k] = gl_inv(gl_root_of_unity(k));
}

gl3 stark_fri_fold_leaf_tab(gl3 *v, unsigned log_arity, uint64_t x_inv, gl3 beta, const uint64_t *zeta_inv)
{
    size_t len = (size_t)1 << log_arity;
    uint64_t y_inv = x_inv;
    for (unsigned log_len = log_arity; log_len > 0; log_len--, len /= 2) {
        size_t half = len / 2;
        uint64_t u_inv = y_inv; /* 1/u for u = y * zeta_len^t */
        for (size_t t = 0; t < half; t++) {
            gl3 a = v[t], b = v[t + half]; /* f(u), f(-u) */
            gl3 even = gl3_add(a, b);
            gl3 odd = gl3_mul_base(gl3_sub(a, b), u_inv);
            v[t] = gl3_mul_base(gl3_add(even, gl3_mul(beta, odd)), GL_INV2);
            u_inv = gl_mul(u_inv, zeta_inv[log_len]);
        }
        y_inv = gl_sqr(y_inv);
        beta = gl3_sqr(beta);
    }
    return v[0];
}

gl3 stark_poly_eval_base_point(const gl3 *c, size_t n, uint64_t x)
{
    gl3 acc = gl3_zero();
    for (size_t i = n; i-- > 0;)
        acc = gl3_add(gl3_mul_base(acc, x), c[i]);
    return acc;
}

gl3 stark_combine_constraints(const stark_air *air, const gl3 *values, gl3 alpha, const stark_divisors *d)
{
    gl3 acc[STARK_ROW_SETS] = {gl3_zero(), gl3_zero(), gl3_zero(), gl3_zero()};
    gl3 pw = gl3_one();
    for (uint32_t i = 0; i < air->n_constraints; i++) {
        unsigned rows = air->constraints[i].rows;
        acc[rows] = gl3_add(acc[rows], gl3_mul(pw, values[i]));
        pw = gl3_mul(pw, alpha);
    }
    gl3 q = gl3_mul(gl3_add(gl3_mul(acc[STARK_ROWS_TRANSITION], d->transition_num), acc[STARK_ROWS_ALL]),
                    d->inv_all);
    q = gl3_add(q, gl3_mul(acc[STARK_ROWS_FIRST], d->inv_first));
    q = gl3_add(q, gl3_mul(acc[STARK_ROWS_LAST], d->inv_last));
    return q;
}
