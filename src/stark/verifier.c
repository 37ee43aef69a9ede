/* verifier.c — the STARK verifier. Replays the transcript, checks the AIR at the
 * out-of-domain point, then every query: Merkle openings of the trace, aux and quotient
 * rows, the DEEP composition value, each FRI fold and the final polynomial.
 *
 * Parsing is strict: the proof must have exactly the size the layout predicts, every field
 * element must be canonical and every read is bounds-checked (stark_reader). Parameters come
 * from the caller, never from the proof.
 */
#include <string.h>

#include "hash.h"
#include "merkle.h"
#include "stark_internal.h"

/* Reads a tree's cap (2^min(cap_log, depth) digests) and absorbs it. */
static void read_cap(stark_reader *r, stark_transcript *tr, uint32_t tag, unsigned depth, unsigned cap_log,
                     zk_hash *cap)
{
    size_t count = (size_t)1 << stark_merkle_cap_log(depth, cap_log);
    for (size_t i = 0; i < count; i++)
        stark_get_hash(r, &cap[i]);
    stark_transcript_absorb(tr, tag, cap, count * sizeof(zk_hash));
}

/* Reads one row of `width` base elements and its Merkle path; checks it against the cap. */
static bool read_row(stark_reader *r, size_t width, unsigned depth, unsigned cap_log, size_t index,
                     const zk_hash *cap, uint64_t *vals, zk_hash *path)
{
    const uint8_t *bytes = stark_get_bytes(r, width * 8);
    if (!bytes)
        return false;
    stark_reader rr = {bytes, 0, width * 8, false};
    for (size_t c = 0; c < width; c++)
        vals[c] = stark_get_gl(&rr);
    unsigned levels = depth - stark_merkle_cap_log(depth, cap_log);
    for (unsigned d = 0; d < levels; d++)
        stark_get_hash(r, &path[d]);
    if (rr.bad || r->bad)
        return false;
    zk_hash leaf;
    stark_hash_bytes(&leaf, bytes, width * 8);
    return stark_merkle_verify_capped(cap, depth, cap_log, index, &leaf, path);
}

static gl3 ext_pow_u64(gl3 x, uint64_t e)
{
    uint64_t ee[3] = {e, 0, 0};
    return gl3_pow(x, ee);
}

/* Checks that the quotient pieces at z agree with the AIR's constraints at (z, z·g). */
static zk_status check_ood(const stark_air *air, const stark_layout *L, const gl3 *ood, const gl3 *challenges,
                           const uint64_t *publics, gl3 alpha, gl3 z, gl3 *values)
{
    size_t nm = air->n_main, na = air->n_aux, K = nm + na;
    stark_frame f = {ood, ood + K, ood + nm, ood + K + nm, challenges, publics};
    air->eval_ext(air->ctx, &f, values);

    uint64_t n = (uint64_t)1 << L->log_n;
    uint64_t g_last = gl_inv(gl_root_of_unity(L->log_n));
    gl3 zn = ext_pow_u64(z, n);
    stark_divisors d;
    d.inv_all = gl3_inv(gl3_sub(zn, gl3_one()));
    d.transition_num = gl3_sub(z, gl3_from_base(g_last));
    d.inv_first = gl3_inv(gl3_sub(z, gl3_one()));
    d.inv_last = gl3_inv(d.transition_num);
    gl3 lhs = stark_combine_constraints(air, values, alpha, &d);

    gl3 rhs = gl3_zero(), zp = gl3_one();
    for (unsigned t = 0; t < L->n_pieces; t++) {
        rhs = gl3_add(rhs, gl3_mul(zp, ood[2 * K + t]));
        zp = gl3_mul(zp, zn);
    }
    return gl3_eq(lhs, rhs) ? ZK_OK : ZK_ERR_INVALID;
}

zk_status stark_verify(const stark_air *air, const stark_params *p, unsigned log_n, const uint64_t *publics,
                       const uint8_t *proof, size_t len, zk_arena *scratch)
{
    stark_layout L;
    zk_status st = stark_layout_init(&L, air, p, log_n);
    if (st != ZK_OK)
        return st;
    if (!proof || len != L.proof_bytes)
        return ZK_ERR_DECODE;
    stark_reader r = {proof, 0, len, false};
    uint8_t header[STARK_HEADER_BYTES];
    stark_encode_header(header, p, log_n);
    const uint8_t *h = stark_get_bytes(&r, STARK_HEADER_BYTES);
    if (!h || memcmp(h, header, STARK_HEADER_BYTES) != 0)
        return ZK_ERR_DECODE;

    size_t nm = air->n_main, na = air->n_aux, np = L.n_pieces, K = nm + na;
    unsigned layers = L.n_fri_layers, log_arity = p->fri_log_arity;
    size_t arity = (size_t)1 << log_arity;
    zk_arena_mark mark = zk_arena_get_mark(scratch);
    gl3 *challenges = zk_arena_alloc(scratch, (air->n_challenges + 1) * sizeof(gl3));
    gl3 *ood = zk_arena_alloc(scratch, L.n_ood * sizeof(gl3));
    gl3 *values = zk_arena_alloc(scratch, air->n_constraints * sizeof(gl3));
    gl3 *coef = zk_arena_alloc(scratch, (nm + 3 * na + 3 * np) * sizeof(gl3));
    uint64_t *row = zk_arena_alloc(scratch, (nm + 3 * na + 3 * np) * sizeof(uint64_t));
    unsigned cap_log = p->merkle_cap_log;
    size_t cap_max = (size_t)1 << stark_merkle_cap_log(L.log_lde, cap_log);
    zk_hash *roots = zk_arena_alloc(scratch, (layers + 3) * cap_max * sizeof(zk_hash));
    gl3 *betas = zk_arena_alloc(scratch, (layers + 1) * sizeof(gl3));
    gl3 *final_poly = zk_arena_alloc(scratch, L.final_coeffs * sizeof(gl3));
    zk_hash *path = zk_arena_alloc(scratch, (L.log_lde + 1) * sizeof(zk_hash));
    gl3 *leaf = zk_arena_alloc(scratch, arity * sizeof(gl3));
    if (!challenges || !ood || !values || !coef || !row || !roots || !betas || !final_poly || !path || !leaf) {
        zk_arena_reset(scratch, mark);
        return ZK_ERR_NOMEM;
    }
#define FAIL(code)                                                                                                 \
    do {                                                                                                           \
        st = (code);                                                                                               \
        goto done;                                                                                                 \
    } while (0)

    stark_transcript tr;
    stark_bind_statement(&tr, air, p, log_n, publics);
    /* Commitments: caps of 2^min(cap_log, depth) digests, cap_max apart in `roots`. */
    zk_hash *main_cap = roots, *aux_cap = roots + cap_max, *quot_cap = roots + 2 * cap_max;
    zk_hash *fri_caps = roots + 3 * cap_max;
    read_cap(&r, &tr, STARK_TAG_MAIN_ROOT, L.log_lde, cap_log, main_cap);
    for (uint32_t i = 0; i < air->n_challenges; i++)
        challenges[i] = stark_transcript_challenge_ext(&tr);
    if (na) {
        read_cap(&r, &tr, STARK_TAG_AUX_ROOT, L.log_lde, cap_log, aux_cap);
    }
    gl3 alpha = stark_transcript_challenge_ext(&tr);
    read_cap(&r, &tr, STARK_TAG_QUOTIENT_ROOT, L.log_lde, cap_log, quot_cap);
    gl3 z = stark_draw_ood_point(&tr);
    for (size_t i = 0; i < L.n_ood; i++)
        ood[i] = stark_get_gl3(&r);
    if (r.bad)
        FAIL(ZK_ERR_DECODE);
    stark_transcript_absorb_u64s(&tr, STARK_TAG_OOD, (const uint64_t *)ood, 3 * L.n_ood);
    if ((st = check_ood(air, &L, ood, challenges, publics, alpha, z, values)) != ZK_OK)
        goto done;

    gl3 gamma = stark_transcript_challenge_ext(&tr);
    for (unsigned l = 0; l < layers; l++) {
        read_cap(&r, &tr, STARK_TAG_FRI_ROOT, L.log_lde - (l + 1) * log_arity, cap_log, fri_caps + l * cap_max);
        betas[l] = stark_transcript_challenge_ext(&tr);
    }
    for (size_t i = 0; i < L.final_coeffs; i++)
        final_poly[i] = stark_get_gl3(&r);
    uint64_t nonce = stark_get_u64_raw(&r);
    if (r.bad)
        FAIL(ZK_ERR_DECODE);
    stark_transcript_absorb_u64s(&tr, STARK_TAG_FRI_FINAL, (const uint64_t *)final_poly, 3 * L.final_coeffs);
    if (!stark_transcript_pow_ok(&tr, nonce, p->pow_bits))
        FAIL(ZK_ERR_INVALID);
    stark_transcript_absorb_u64s(&tr, STARK_TAG_POW_NONCE, &nonce, 1);

    /* DEEP weights, as in the prover: gamma^idx over main@z, aux@z, main@zg, aux@zg, pieces@z. */
    gl3 X[3] = {{{1, 0, 0}}, {{0, 1, 0}}, {{0, 0, 1}}};
    gl3 pw = gl3_one(), vz = gl3_zero(), vzg = gl3_zero();
    for (size_t c = 0; c < nm; c++) {
        coef[c] = pw;
        vz = gl3_add(vz, gl3_mul(pw, ood[c]));
        pw = gl3_mul(pw, gamma);
    }
    for (size_t c = 0; c < na; c++) {
        for (int e = 0; e < 3; e++)
            coef[nm + 3 * c + e] = gl3_mul(pw, X[e]);
        vz = gl3_add(vz, gl3_mul(pw, ood[nm + c]));
        pw = gl3_mul(pw, gamma);
    }
    gl3 gamma_k = pw;
    for (size_t c = 0; c < K; c++) {
        vzg = gl3_add(vzg, gl3_mul(pw, ood[K + c]));
        pw = gl3_mul(pw, gamma);
    }
    for (size_t t = 0; t < np; t++) {
        for (int e = 0; e < 3; e++)
            coef[nm + 3 * na + 3 * t + e] = gl3_mul(pw, X[e]);
        vz = gl3_add(vz, gl3_mul(pw, ood[2 * K + t]));
        pw = gl3_mul(pw, gamma);
    }
    gl3 zg = gl3_mul_base(z, gl_root_of_unity(log_n));
    uint64_t w_N = gl_root_of_unity(L.log_lde);
    size_t n = (size_t)1 << log_n, B = (size_t)1 << p->log_blowup, N = n * B;
    uint64_t zeta_inv[8];
    stark_fri_zeta_inv_table(zeta_inv, log_arity);

    for (unsigned q = 0; q < p->num_queries; q++) {
        size_t j0 = (size_t)stark_transcript_index(&tr, L.log_lde);
        size_t stidx = (j0 % B) * n + j0 / B;
        if (!read_row(&r, nm, L.log_lde, cap_log, stidx, main_cap, row, path))
            FAIL(r.bad ? ZK_ERR_DECODE : ZK_ERR_INVALID);
        if (na && !read_row(&r, 3 * na, L.log_lde, cap_log, stidx, aux_cap, row + nm, path))
            FAIL(r.bad ? ZK_ERR_DECODE : ZK_ERR_INVALID);
        if (!read_row(&r, 3 * np, L.log_lde, cap_log, stidx, quot_cap, row + nm + 3 * na, path))
            FAIL(r.bad ? ZK_ERR_DECODE : ZK_ERR_INVALID);

        /* DEEP composition at x = s·w_N^j0. */
        uint64_t x = gl_mul(STARK_COSET_SHIFT, gl_pow(w_N, j0));
        gl3 sma = gl3_zero(), sq = gl3_zero();
        for (size_t c = 0; c < nm + 3 * na; c++)
            sma = gl3_add(sma, gl3_mul_base(coef[c], row[c]));
        for (size_t c = nm + 3 * na; c < nm + 3 * na + 3 * np; c++)
            sq = gl3_add(sq, gl3_mul_base(coef[c], row[c]));
        gl3 d1 = gl3_inv(gl3_sub(gl3_from_base(x), z)), d2 = gl3_inv(gl3_sub(gl3_from_base(x), zg));
        gl3 value = gl3_mul(gl3_sub(gl3_add(sma, sq), vz), d1);
        value = gl3_add(value, gl3_mul(gl3_sub(gl3_mul(gamma_k, sma), vzg), d2));

        /* FRI: each layer's leaf must hold the running value; fold it into the next. */
        size_t jl = j0, size = N;
        uint64_t shift = STARK_COSET_SHIFT;
        unsigned log_size = L.log_lde;
        for (unsigned l = 0; l < layers; l++) {
            size_t leaves = size / arity, i = jl % leaves, t = jl / leaves;
            const uint8_t *bytes = stark_get_bytes(&r, arity * 24);
            if (!bytes)
                FAIL(ZK_ERR_DECODE);
            stark_reader lr = {bytes, 0, arity * 24, false};
            for (size_t k = 0; k < arity; k++)
                leaf[k] = stark_get_gl3(&lr);
            unsigned depth = log_size - log_arity, levels = depth - stark_merkle_cap_log(depth, cap_log);
            for (unsigned d = 0; d < levels; d++)
                stark_get_hash(&r, &path[d]);
            if (lr.bad || r.bad)
                FAIL(ZK_ERR_DECODE);
            zk_hash lh;
            stark_hash_bytes(&lh, bytes, arity * 24);
            if (!stark_merkle_verify_capped(fri_caps + l * cap_max, depth, cap_log, i, &lh, path) ||
                !gl3_eq(leaf[t], value))
                FAIL(ZK_ERR_INVALID);
            /* x_i = shift·w_size^i */
            uint64_t x_inv = gl_inv(gl_mul(shift, gl_pow(gl_root_of_unity(log_size), i)));
            value = stark_fri_fold_leaf_tab(leaf, log_arity, x_inv, betas[l], zeta_inv);
            jl = i;
            size = leaves;
            shift = gl_pow(shift, arity);
            log_size -= log_arity;
        }
        uint64_t xf = gl_mul(shift, gl_pow(gl_root_of_unity(log_size), jl));
        if (!gl3_eq(stark_poly_eval_base_point(final_poly, L.final_coeffs, xf), value))
            FAIL(ZK_ERR_INVALID);
    }
    st = (r.off == len && !r.bad) ? ZK_OK : ZK_ERR_DECODE;
done:
#undef FAIL
    zk_arena_reset(scratch, mark);
    return st;
}
