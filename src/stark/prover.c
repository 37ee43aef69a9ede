/* prover.c — the STARK prover (protocol in stark.h and README.md).
 *
 * Data layout. Every committed polynomial is handled as base-field columns (an extension
 * column is three base columns, one per coefficient of 1, X, X^2):
 *   coeffs[c][p]  n·(coefficient rev(p)): the interpolant in bit-reversed order, produced by a
 *                 DIF inverse transform without a bit-reversal pass. Stored only for the
 *                 quotient pieces; trace columns are interpolated inside their LDE buffer;
 *   lde[c][k·n+i] the value at s·w_N^k·g^i (N = B·n, g = w_N^B): B cosets of the trace
 *                 domain, each in natural order, produced by DIT transforms.
 * LDE point (k, i) is point j = B·i + k of the FRI domain s·<w_N>, and its next row (x·g)
 * is (k, i+1 mod n): constraint evaluation reads two consecutive entries of each coset.
 * Merkle leaves are the rows of lde in storage order (k·n + i).
 */
#include <string.h>

#include "hash.h"
#include "merkle.h"
#include "ntt.h"
#include "stark_internal.h"

typedef struct poly_group {
    size_t width;      /* base columns */
    uint64_t **coeffs; /* [width][n], quotient pieces only (NULL otherwise) */
    uint64_t **lde;    /* [width][N] */
    stark_merkle tree;
} poly_group;

typedef struct prover {
    const stark_air *air;
    const stark_params *p;
    stark_layout L;
    const stark_exec *ex;
    zk_arena *a;
    size_t n, N, B;
    unsigned log_n, log_B;
    ntt_tables tw;
    uint64_t **scale; /* [B][n]: (s·w_N^k)^rev(p) / n, the coset evaluation scaling */
    poly_group main, aux, quot;
    gl3 *challenges;
    gl3 alpha, z, gamma;
    gl3 *ood; /* L.n_ood values */
} prover;

static size_t div_ceil(size_t a, size_t b) { return (a + b - 1) / b; }

/* Columns live in one block, each padded by one cache line: with power-of-two lengths the
 * column starts would otherwise all map to the same cache sets, and loops that read one
 * element from each of many columns (Merkle leaves, quotient, DEEP) would thrash L1/L2. */
#define COLUMN_PAD 8

static uint64_t **alloc_columns(zk_arena *a, size_t width, size_t len)
{
    uint64_t **cols = zk_arena_alloc(a, (width ? width : 1) * sizeof *cols);
    if (!cols)
        return NULL;
    if (width == 0)
        return cols;
    uint64_t *block = zk_arena_alloc(a, width * (len + COLUMN_PAD) * sizeof(uint64_t));
    if (!block)
        return NULL;
    for (size_t c = 0; c < width; c++)
        cols[c] = block + c * (len + COLUMN_PAD);
    return cols;
}

/* ---- interpolation and low-degree extension ---- */

typedef struct column_job {
    prover *pv;
    poly_group *g;
    const uint64_t *const *values; /* natural-order evaluations on <g>, or NULL: coeffs are ready */
} column_job;

/* Interpolates column c (unless its coefficients are given) and evaluates it on the B cosets.
 * Without stored coefficients the last coset block serves as the coefficient buffer and is
 * transformed in place last, so the column needs no memory beyond its LDE. */
static void extend_task(void *arg, size_t c)
{
    column_job *j = arg;
    prover *pv = j->pv;
    uint64_t *lde = j->g->lde[c];
    const uint64_t *coef = j->g->coeffs ? j->g->coeffs[c] : NULL;
    if (j->values) {
        uint64_t *buf = lde + (pv->B - 1) * pv->n;
        memcpy(buf, j->values[c], pv->n * sizeof(uint64_t));
        ntt_dif(buf, pv->log_n, pv->tw.inv);
        coef = buf;
    }
    for (size_t k = 0; k < pv->B; k++) {
        uint64_t *dst = lde + k * pv->n;
        const uint64_t *sc = pv->scale[k];
        for (size_t i = 0; i < pv->n; i++)
            dst[i] = gl_mul(coef[i], sc[i]); /* in place for the last block when coef == dst */
        ntt_dit(dst, pv->log_n, pv->tw.fwd);
    }
}

static void row_leaf(const void *ctx, size_t i, uint8_t *buf)
{
    const poly_group *g = ctx;
    for (size_t c = 0; c < g->width; c++) {
        uint64_t v = g->lde[c][i];
        for (int b = 0; b < 8; b++)
            buf[8 * c + b] = (uint8_t)(v >> (8 * b));
    }
}

/* Allocates the group's LDE and, for groups whose values on <g> are not at hand (the quotient
 * pieces), room for their coefficients. */
static zk_status group_alloc(prover *pv, poly_group *g, size_t width, bool with_coeffs)
{
    g->width = width;
    g->coeffs = with_coeffs ? alloc_columns(pv->a, width, pv->n) : NULL;
    g->lde = alloc_columns(pv->a, width, pv->N);
    return ((g->coeffs || !with_coeffs) && g->lde) ? ZK_OK : ZK_ERR_NOMEM;
}

/* Extends every column (from `values`, or from the stored coefficients) and commits the rows. */
static zk_status group_extend_and_commit(prover *pv, poly_group *g, const uint64_t *const *values,
                                         stark_prove_stats *st)
{
    column_job j = {pv, g, values};
    uint64_t t0 = stark_now(pv->ex);
    stark_par_for(pv->ex, g->width, extend_task, &j);
    uint64_t t1 = stark_now(pv->ex);
    zk_status s = stark_merkle_build(&g->tree, pv->N, g->width * 8, row_leaf, g, pv->ex, pv->a);
    uint64_t t2 = stark_now(pv->ex);
    if (st) {
        st->ns_lde += t1 - t0;
        st->ns_commit += t2 - t1;
    }
    return s;
}

static zk_status build_scale_tables(prover *pv)
{
    pv->scale = alloc_columns(pv->a, pv->B, pv->n);
    if (!pv->scale)
        return ZK_ERR_NOMEM;
    uint64_t w_N = gl_root_of_unity(pv->log_n + pv->log_B);
    uint64_t inv_n = gl_inv(gl_from_u64(pv->n));
    uint64_t shift = STARK_COSET_SHIFT;
    for (size_t k = 0; k < pv->B; k++) {
        uint64_t *sc = pv->scale[k], pw = inv_n;
        for (size_t i = 0; i < pv->n; i++) {
            sc[ntt_bitrev(i, pv->log_n)] = pw;
            pw = gl_mul(pw, shift);
        }
        shift = gl_mul(shift, w_N);
    }
    return ZK_OK;
}

/* ---- self check: the trace satisfies every constraint on its rows ---- */

static bool constraint_applies(unsigned rows, size_t i, size_t n)
{
    return rows == STARK_ROWS_ALL || (rows == STARK_ROWS_TRANSITION && i + 1 < n) ||
           (rows == STARK_ROWS_FIRST && i == 0) || (rows == STARK_ROWS_LAST && i + 1 == n);
}

typedef struct check_job {
    prover *pv;
    const uint64_t *const *main;
    gl3 *const *aux;
    const uint64_t *publics;
    size_t chunk;
    uint8_t *scratch; /* per task */
    size_t scratch_bytes;
    bool *failed;     /* per task */
} check_job;

static void self_check_task(void *arg, size_t task)
{
    check_job *j = arg;
    prover *pv = j->pv;
    const stark_air *air = pv->air;
    size_t nm = air->n_main, na = air->n_aux, nc = air->n_constraints;
    uint8_t *mem = j->scratch + task * j->scratch_bytes;
    gl3 *mc = (gl3 *)mem, *mn = mc + nm, *ac = mn + nm, *an = ac + na, *out = an + na;
    uint64_t *bc = (uint64_t *)(out + nc), *bn = bc + nm, *bout = bn + nm;
    size_t begin = task * j->chunk, end = begin + j->chunk < pv->n ? begin + j->chunk : pv->n;
    bool failed = false;
    for (size_t c = 0; c < nm && !failed; c++)
        for (size_t i = begin; i < end; i++)
            if (j->main[c][i] >= GL_P)
                failed = true; /* not a field element: the verifier would reject the rows */
    for (size_t i = begin; i < end && !failed; i++) {
        size_t nx = (i + 1) & (pv->n - 1);
        if (air->eval_base) { /* the fast paths: same constraints, base main cells */
            size_t nb = air->n_base_constraints;
            for (size_t c = 0; c < nm; c++) {
                bc[c] = j->main[c][i];
                bn[c] = j->main[c][nx];
            }
            air->eval_base(air->ctx, bc, bn, j->publics, bout);
            for (size_t k = 0; k < nb; k++)
                if (constraint_applies(air->constraints[k].rows, i, pv->n) && bout[k] != 0)
                    failed = true;
            if (nb < nc) {
                for (size_t c = 0; c < na; c++) {
                    ac[c] = j->aux[c][i];
                    an[c] = j->aux[c][nx];
                }
                air->eval_mixed(air->ctx, bc, bn, ac, an, pv->challenges, j->publics, out);
                for (size_t k = nb; k < nc; k++)
                    if (constraint_applies(air->constraints[k].rows, i, pv->n) && !gl3_is_zero(out[k - nb]))
                        failed = true;
            }
            continue;
        }
        for (size_t c = 0; c < nm; c++) {
            mc[c] = gl3_from_base(j->main[c][i]);
            mn[c] = gl3_from_base(j->main[c][nx]);
        }
        for (size_t c = 0; c < na; c++) {
            ac[c] = j->aux[c][i];
            an[c] = j->aux[c][nx];
        }
        stark_frame f = {mc, mn, ac, an, pv->challenges, j->publics};
        air->eval_ext(air->ctx, &f, out);
        for (size_t k = 0; k < nc; k++)
            if (constraint_applies(air->constraints[k].rows, i, pv->n) && !gl3_is_zero(out[k]))
                failed = true;
    }
    j->failed[task] = failed;
}

/* Checks every constraint on the trace's own rows: an honest prover refuses a bad trace. */
static zk_status self_check(prover *pv, const uint64_t *const *main, gl3 *const *aux, const uint64_t *publics)
{
    const stark_air *air = pv->air;
    size_t nm = air->n_main, na = air->n_aux, nc = air->n_constraints;
    zk_arena_mark mark = zk_arena_get_mark(pv->a);
    check_job j = {pv, main, aux, publics, 0, NULL, 0, NULL};
    size_t threads = stark_threads(pv->ex);
    size_t tasks = threads > 1 && pv->n >= 4096 ? 4 * threads : 1;
    j.chunk = div_ceil(pv->n, tasks);
    tasks = div_ceil(pv->n, j.chunk);
    j.scratch_bytes = ((2 * (nm + na) + nc) * sizeof(gl3) + (2 * nm + nc) * sizeof(uint64_t) + 63) & ~(size_t)63;
    j.scratch = zk_arena_alloc(pv->a, tasks * j.scratch_bytes);
    j.failed = zk_arena_alloc(pv->a, tasks * sizeof(bool));
    if (!j.scratch || !j.failed)
        return ZK_ERR_NOMEM;
    stark_par_for(pv->ex, tasks, self_check_task, &j);
    zk_status st = ZK_OK;
    for (size_t t = 0; t < tasks; t++)
        if (j.failed[t])
            st = ZK_ERR_INVALID;
    zk_arena_reset(pv->a, mark);
    return st;
}

/* ---- quotient ---- */

typedef struct quotient_job {
    prover *pv;
    const uint64_t *publics;
    gl3 *apow;          /* alpha^i */
    size_t qb, stride;  /* quotient cosets; LDE cosets between two of them */
    size_t chunk;       /* rows per task */
    size_t tasks_per_coset;
    uint64_t *q[3];     /* output: quotient values on the quotient domain, per component */
    uint8_t *scratch;   /* per-task buffers */
    size_t scratch_bytes;
} quotient_job;

static void quotient_task(void *arg, size_t task)
{
    quotient_job *j = arg;
    prover *pv = j->pv;
    const stark_air *air = pv->air;
    size_t kq = task / j->tasks_per_coset, k = kq * j->stride;
    size_t begin = (task % j->tasks_per_coset) * j->chunk, end = begin + j->chunk;
    if (end > pv->n)
        end = pv->n;
    size_t nm = air->n_main, na = air->n_aux, nc = air->n_constraints, len = end - begin;

    uint8_t *mem = j->scratch + task * j->scratch_bytes;
    uint64_t *inv_first = (uint64_t *)mem, *inv_last = inv_first + len, *tmp = inv_last + len;
    uint64_t *bcur = tmp + len, *bnext = bcur + nm, *bout = bnext + nm;
    gl3 *ecur = (gl3 *)(bout + nc), *enext = ecur + nm, *acur = enext + nm, *anext = acur + na, *eout = anext + na;

    /* x = s·w_N^k·g^i; x^n = (s·w_N^k)^n is constant on the coset. */
    uint64_t g = gl_root_of_unity(pv->log_n), g_last = gl_inv(g);
    uint64_t x0 = gl_mul(STARK_COSET_SHIFT, gl_pow(gl_root_of_unity(pv->log_n + pv->log_B), k));
    uint64_t inv_all = gl_inv(gl_sub(gl_pow(x0, pv->n), 1));
    uint64_t x = gl_mul(x0, gl_pow(g, begin));
    for (size_t i = 0; i < len; i++) {
        inv_first[i] = gl_sub(x, 1);
        inv_last[i] = gl_sub(x, g_last);
        x = gl_mul(x, g);
    }
    gl_batch_inv(inv_first, tmp, len);
    gl_batch_inv(inv_last, tmp, len);

    const uint64_t *const *lde = (const uint64_t *const *)pv->main.lde;
    x = gl_mul(x0, gl_pow(g, begin));
    for (size_t r = 0; r < len; r++, x = gl_mul(x, g)) {
        size_t i = begin + r, cur = k * pv->n + i, nxt = k * pv->n + ((i + 1) & (pv->n - 1));
        gl3 acc[STARK_ROW_SETS] = {gl3_zero(), gl3_zero(), gl3_zero(), gl3_zero()};
        if (air->eval_base) {
            size_t nb = air->n_base_constraints;
            for (size_t c = 0; c < nm; c++) {
                bcur[c] = lde[c][cur];
                bnext[c] = lde[c][nxt];
            }
            air->eval_base(air->ctx, bcur, bnext, j->publics, bout);
            gl3_acc lazy[STARK_ROW_SETS] = {0};
            for (size_t c = 0; c < nb; c++)
                gl3_acc_mul_add_base(&lazy[air->constraints[c].rows], j->apow[c], bout[c]);
            for (int rs = 0; rs < STARK_ROW_SETS; rs++)
                acc[rs] = gl3_acc_reduce(&lazy[rs]);
            if (nb < nc) { /* constraints on aux cells: extension values, base main cells */
                for (size_t c = 0; c < na; c++) {
                    for (int e = 0; e < 3; e++) {
                        acur[c].c[e] = pv->aux.lde[3 * c + e][cur];
                        anext[c].c[e] = pv->aux.lde[3 * c + e][nxt];
                    }
                }
                air->eval_mixed(air->ctx, bcur, bnext, acur, anext, pv->challenges, j->publics, eout);
                for (size_t c = nb; c < nc; c++) {
                    unsigned rows = air->constraints[c].rows;
                    acc[rows] = gl3_add(acc[rows], gl3_mul(j->apow[c], eout[c - nb]));
                }
            }
        } else {
            for (size_t c = 0; c < nm; c++) {
                ecur[c] = gl3_from_base(lde[c][cur]);
                enext[c] = gl3_from_base(lde[c][nxt]);
            }
            for (size_t c = 0; c < na; c++) {
                for (int e = 0; e < 3; e++) {
                    acur[c].c[e] = pv->aux.lde[3 * c + e][cur];
                    anext[c].c[e] = pv->aux.lde[3 * c + e][nxt];
                }
            }
            stark_frame f = {ecur, enext, acur, anext, pv->challenges, j->publics};
            air->eval_ext(air->ctx, &f, eout);
            for (size_t c = 0; c < nc; c++) {
                unsigned rows = air->constraints[c].rows;
                acc[rows] = gl3_add(acc[rows], gl3_mul(j->apow[c], eout[c]));
            }
        }
        gl3 q = gl3_mul_base(gl3_add(gl3_mul_base(acc[STARK_ROWS_TRANSITION], gl_sub(x, g_last)),
                                     acc[STARK_ROWS_ALL]),
                             inv_all);
        q = gl3_add(q, gl3_mul_base(acc[STARK_ROWS_FIRST], inv_first[r]));
        q = gl3_add(q, gl3_mul_base(acc[STARK_ROWS_LAST], inv_last[r]));
        size_t m = j->qb * i + kq; /* natural index on the quotient domain */
        for (int e = 0; e < 3; e++)
            j->q[e][m] = q.c[e];
    }
}

typedef struct qinterp_job {
    prover *pv;
    uint64_t *q[3];
} qinterp_job;

static void qinterp_task(void *arg, size_t e)
{
    qinterp_job *j = arg;
    ntt_dif(j->q[e], j->pv->L.log_qdomain, j->pv->tw.inv);
}

static zk_status compute_quotient(prover *pv, const uint64_t *publics)
{
    const stark_air *air = pv->air;
    size_t log_qb = pv->L.log_qdomain - pv->log_n, qb = (size_t)1 << log_qb, Dq = qb * pv->n;
    zk_arena_mark mark = zk_arena_get_mark(pv->a);
    quotient_job j = {.pv = pv, .publics = publics, .qb = qb, .stride = pv->B / qb};
    j.apow = zk_arena_alloc(pv->a, air->n_constraints * sizeof(gl3));
    for (int e = 0; e < 3; e++)
        j.q[e] = zk_arena_alloc(pv->a, Dq * sizeof(uint64_t));
    if (!j.apow || !j.q[0] || !j.q[1] || !j.q[2])
        return ZK_ERR_NOMEM;
    gl3 pw = gl3_one();
    for (uint32_t i = 0; i < air->n_constraints; i++) {
        j.apow[i] = pw;
        pw = gl3_mul(pw, pv->alpha);
    }
    size_t threads = stark_threads(pv->ex);
    j.chunk = pv->n < 1024 ? pv->n : (threads > 1 ? div_ceil(pv->n, 8 * threads) : pv->n);
    if (j.chunk > 16384)
        j.chunk = 16384;
    j.tasks_per_coset = div_ceil(pv->n, j.chunk);
    size_t nm = air->n_main, na = air->n_aux, nc = air->n_constraints;
    j.scratch_bytes = 3 * j.chunk * 8 + (2 * nm + nc) * 8 + (2 * nm + 2 * na + nc) * sizeof(gl3);
    j.scratch_bytes = (j.scratch_bytes + 63) & ~(size_t)63;
    size_t tasks = qb * j.tasks_per_coset;
    j.scratch = zk_arena_alloc(pv->a, tasks * j.scratch_bytes);
    if (!j.scratch)
        return ZK_ERR_NOMEM;
    stark_par_for(pv->ex, tasks, quotient_task, &j);

    /* Interpolate: DIF with inverse twiddles gives Dq·c'_rev(p), where Q(x) = Q'(x/s). */
    qinterp_job qj = {pv, {j.q[0], j.q[1], j.q[2]}};
    stark_par_for(pv->ex, 3, qinterp_task, &qj);

    /* Split Q = sum_t x^(t·n) Q_t. Coefficient c = t·n + r sits at position
     * rev_Dq(c) = rev_n(r)·qb + rev_qb(t); piece t in the "n·coefficient, bit-reversed" form
     * of coeffs[] needs the factor s^-c · n/Dq. */
    uint64_t s_inv = gl_inv(STARK_COSET_SHIFT);
    uint64_t *sinv_br = zk_arena_alloc(pv->a, pv->n * sizeof(uint64_t));
    if (!sinv_br)
        return ZK_ERR_NOMEM;
    uint64_t pwr = gl_inv(gl_from_u64(qb));
    for (size_t r = 0; r < pv->n; r++) {
        sinv_br[ntt_bitrev(r, pv->log_n)] = pwr;
        pwr = gl_mul(pwr, s_inv);
    }
    uint64_t s_inv_n = gl_pow(s_inv, pv->n), piece_factor = 1;
    for (unsigned t = 0; t < pv->L.n_pieces; t++) {
        size_t off = ntt_bitrev(t, (unsigned)log_qb);
        for (int e = 0; e < 3; e++) {
            uint64_t *dst = pv->quot.coeffs[3 * t + e];
            for (size_t pp = 0; pp < pv->n; pp++)
                dst[pp] = gl_mul(gl_mul(j.q[e][pp * qb + off], sinv_br[pp]), piece_factor);
        }
        piece_factor = gl_mul(piece_factor, s_inv_n);
    }
    zk_arena_reset(pv->a, mark);
    return ZK_OK;
}

/* ---- out-of-domain evaluation ----
 *
 * Trace columns (main, aux components) are evaluated from their values on <g> with the
 * barycentric formula f(z) = (z^n - 1)/n · sum_i f_i·w_i, w_i = g^i/(z - g^i); at z·g the
 * weights are the same shifted by one row: f(zg) = (z^n - 1)/n · sum_i f_i·w_(i-1). The
 * quotient pieces, known by their coefficients, are evaluated as sum_p c_p·z^rev(p). */

typedef struct ood_job {
    size_t n;
    const uint64_t *const *cols; /* values on <g> (natural order) or bit-reversed coefficients */
    const gl3 *w;                /* weights: barycentric w_i, or z^rev(p) for coefficients */
    bool also_next;              /* trace columns: also evaluate at z·g */
    gl3 scale;                   /* (z^n - 1)/n, or 1/n for coefficients (scaled by n) */
    gl3 *out_z, *out_zg;         /* per column */
} ood_job;

static void ood_task(void *arg, size_t c)
{
    ood_job *j = arg;
    const uint64_t *v = j->cols[c];
    gl3_acc lz = {0};
    for (size_t i = 0; i < j->n; i++)
        gl3_acc_mul_add_base(&lz, j->w[i], v[i]);
    j->out_z[c] = gl3_mul(gl3_acc_reduce(&lz), j->scale);
    if (j->also_next) {
        gl3_acc lzg = {0};
        gl3_acc_mul_add_base(&lzg, j->w[j->n - 1], v[0]);
        for (size_t i = 1; i < j->n; i++)
            gl3_acc_mul_add_base(&lzg, j->w[i - 1], v[i]);
        j->out_zg[c] = gl3_mul(gl3_acc_reduce(&lzg), j->scale);
    }
}

static gl3 ext_from_components(const gl3 *comp)
{
    /* comp[0] + comp[1]·X + comp[2]·X^2 */
    gl3 X = {{0, 1, 0}}, X2 = {{0, 0, 1}};
    return gl3_add(comp[0], gl3_add(gl3_mul(comp[1], X), gl3_mul(comp[2], X2)));
}

static zk_status compute_ood(prover *pv, const uint64_t *const *main, const uint64_t *const *aux_comp)
{
    zk_arena_mark mark = zk_arena_get_mark(pv->a);
    size_t n = pv->n, nm = pv->air->n_main, na = pv->air->n_aux, np = pv->L.n_pieces;
    gl3 *w = zk_arena_alloc(pv->a, n * sizeof(gl3)), *tmp = zk_arena_alloc(pv->a, n * sizeof(gl3));
    gl3 *vz = zk_arena_alloc(pv->a, (nm + 3 * na + 3 * np) * sizeof(gl3));
    gl3 *vzg = zk_arena_alloc(pv->a, (nm + 3 * na) * sizeof(gl3));
    if (!w || !tmp || !vz || !vzg)
        return ZK_ERR_NOMEM;
    uint64_t g = gl_root_of_unity(pv->log_n), gi = 1;
    for (size_t i = 0; i < n; i++, gi = gl_mul(gi, g))
        w[i] = gl3_sub(pv->z, gl3_from_base(gi)); /* nonzero: z is not in F_p */
    gl3_batch_inv(w, tmp, n);
    gi = 1;
    for (size_t i = 0; i < n; i++, gi = gl_mul(gi, g))
        w[i] = gl3_mul_base(w[i], gi);
    uint64_t inv_n = gl_inv(gl_from_u64(n));
    uint64_t e_n[3] = {n, 0, 0};
    gl3 bary = gl3_mul_base(gl3_sub(gl3_pow(pv->z, e_n), gl3_one()), inv_n);
    ood_job jm = {n, main, w, true, bary, vz, vzg};
    stark_par_for(pv->ex, nm, ood_task, &jm);
    if (na) {
        ood_job ja = {n, aux_comp, w, true, bary, vz + nm, vzg + nm};
        stark_par_for(pv->ex, 3 * na, ood_task, &ja);
    }
    /* Pieces: reuse w as the table z^rev(p). */
    gl3 zp = gl3_one();
    for (size_t i = 0; i < n; i++) {
        w[ntt_bitrev(i, pv->log_n)] = zp;
        zp = gl3_mul(zp, pv->z);
    }
    ood_job jq = {n, (const uint64_t *const *)pv->quot.coeffs, w, false, gl3_from_base(inv_n), vz + nm + 3 * na,
                  NULL};
    stark_par_for(pv->ex, 3 * np, ood_task, &jq);

    /* Order: main@z, aux@z, main@zg, aux@zg, pieces@z. */
    gl3 *o = pv->ood;
    for (size_t c = 0; c < nm; c++)
        *o++ = vz[c];
    for (size_t c = 0; c < na; c++)
        *o++ = ext_from_components(vz + nm + 3 * c);
    for (size_t c = 0; c < nm; c++)
        *o++ = vzg[c];
    for (size_t c = 0; c < na; c++)
        *o++ = ext_from_components(vzg + nm + 3 * c);
    for (size_t t = 0; t < np; t++)
        *o++ = ext_from_components(vz + nm + 3 * na + 3 * t);
    zk_arena_reset(pv->a, mark);
    return ZK_OK;
}

/* ---- DEEP composition ---- */

/* 1/(x - w) for base x without extension inversions: with m_w(x) = (x - w)(x - w^p)(x - w^(p^2))
 * the minimal polynomial of w (base coefficients, no root in F_p),
 *     1/(x - w) = (x^2 + b·x + c) / m_w(x),  b = -(w^p + w^(p^2)),  c = w^(p+p^2),
 * so only m_w(x) needs inverting, in the base field. */
typedef struct deep_point {
    gl3 b, c;
    uint64_t m[3]; /* m_w(x) = x^3 + m[2] x^2 + m[1] x + m[0] */
} deep_point;

static deep_point deep_point_init(gl3 w)
{
    uint64_t e_p[3] = {GL_P, 0, 0};
    gl3 w1 = gl3_pow(w, e_p), w2 = gl3_pow(w1, e_p);
    deep_point d;
    d.b = gl3_neg(gl3_add(w1, w2));
    d.c = gl3_mul(w1, w2);
    gl3 m2 = gl3_sub(d.b, w), m1 = gl3_sub(d.c, gl3_mul(w, d.b)), m0 = gl3_neg(gl3_mul(w, d.c));
    d.m[0] = m0.c[0]; /* the X and X^2 parts are zero: m_w has base coefficients */
    d.m[1] = m1.c[0];
    d.m[2] = m2.c[0];
    return d;
}

static uint64_t deep_point_min_poly(const deep_point *d, uint64_t x)
{
    return gl_add(gl_mul(gl_add(gl_mul(gl_add(x, d->m[2]), x), d->m[1]), x), d->m[0]);
}

/* (x^2 + b x + c) / m_w(x), given inv_m = 1/m_w(x). */
static gl3 deep_point_inverse(const deep_point *d, uint64_t x, uint64_t inv_m)
{
    gl3 q = gl3_add_base(gl3_add(gl3_mul_base(d->b, x), d->c), gl_sqr(x));
    return gl3_mul_base(q, inv_m);
}

/* The trace part of the DEEP sum, A(x) = sum_k coef_k·f_k(x), is linear in the columns, so
 * it is formed on the n trace rows (from the values the prover already has) and extended
 * like a column: 3 interpolations + 3·B coset transforms instead of combining every column
 * at all B·n LDE points. */
typedef struct combine_job {
    const uint64_t *const *cols; /* main then aux components, values on <g> */
    size_t width, n, chunk;
    const gl3 *coef;
    uint64_t *out[3]; /* A's three components on <g> */
    gl3_acc *acc;     /* chunk accumulators per task */
} combine_job;

static void combine_task(void *arg, size_t task)
{
    combine_job *j = arg;
    size_t begin = task * j->chunk, end = begin + j->chunk < j->n ? begin + j->chunk : j->n;
    gl3_acc *acc = j->acc + task * j->chunk;
    memset(acc, 0, (end - begin) * sizeof *acc);
    for (size_t c = 0; c < j->width; c++) {
        const uint64_t *v = j->cols[c] + begin;
        gl3 w = j->coef[c];
        for (size_t r = 0; r < end - begin; r++)
            gl3_acc_mul_add_base(&acc[r], w, v[r]);
    }
    for (size_t r = 0; r < end - begin; r++) {
        gl3 a = gl3_acc_reduce(&acc[r]);
        for (int e = 0; e < 3; e++)
            j->out[e][begin + r] = a.c[e];
    }
}

typedef struct deep_job {
    prover *pv;
    const poly_group *comb; /* A on the LDE, three components */
    const gl3 *coef_q;      /* per base column of the quotient pieces */
    gl3 vz, vzg, gamma_k;
    deep_point pz, pzg;
    size_t chunk, tasks_per_coset;
    gl3 *out; /* F on the FRI domain, natural order */
    uint64_t *scratch;
} deep_job;

static void deep_task(void *arg, size_t task)
{
    deep_job *j = arg;
    prover *pv = j->pv;
    size_t k = task / j->tasks_per_coset;
    size_t begin = (task % j->tasks_per_coset) * j->chunk, end = begin + j->chunk;
    if (end > pv->n)
        end = pv->n;
    size_t len = end - begin, nq = pv->quot.width;
    uint64_t *m1 = j->scratch + task * 3 * j->chunk, *m2 = m1 + len, *tmp = m2 + len;

    uint64_t g = gl_root_of_unity(pv->log_n);
    uint64_t x = gl_mul(gl_mul(STARK_COSET_SHIFT, gl_pow(gl_root_of_unity(pv->log_n + pv->log_B), k)),
                        gl_pow(g, begin));
    uint64_t xi = x;
    for (size_t r = 0; r < len; r++, xi = gl_mul(xi, g)) {
        m1[r] = deep_point_min_poly(&j->pz, xi);
        m2[r] = deep_point_min_poly(&j->pzg, xi);
    }
    gl_batch_inv(m1, tmp, len);
    gl_batch_inv(m2, tmp, len);
    xi = x;
    for (size_t r = 0; r < len; r++) {
        size_t st = k * pv->n + begin + r;
        gl3_acc lq = {0};
        for (size_t c = 0; c < nq; c++)
            gl3_acc_mul_add_base(&lq, j->coef_q[c], pv->quot.lde[c][st]);
        gl3 sma = {{j->comb->lde[0][st], j->comb->lde[1][st], j->comb->lde[2][st]}};
        gl3 sq = gl3_acc_reduce(&lq);
        gl3 d1 = deep_point_inverse(&j->pz, xi, m1[r]), d2 = deep_point_inverse(&j->pzg, xi, m2[r]);
        gl3 f = gl3_mul(gl3_sub(gl3_add(sma, sq), j->vz), d1);
        f = gl3_add(f, gl3_mul(gl3_sub(gl3_mul(j->gamma_k, sma), j->vzg), d2));
        j->out[pv->B * (begin + r) + k] = f;
        xi = gl_mul(xi, g);
    }
}

static zk_status compute_deep(prover *pv, const uint64_t *const *main, const uint64_t *const *aux_comp, gl3 *F)
{
    const stark_air *air = pv->air;
    size_t nm = air->n_main, na = air->n_aux, np = pv->L.n_pieces, K = nm + na;
    zk_arena_mark mark = zk_arena_get_mark(pv->a);
    gl3 *coef_ma = zk_arena_alloc(pv->a, (nm + 3 * na) * sizeof(gl3));
    gl3 *coef_q = zk_arena_alloc(pv->a, 3 * np * sizeof(gl3));
    const uint64_t **cols = zk_arena_alloc(pv->a, (nm + 3 * na) * sizeof *cols);
    if (!coef_ma || !coef_q || !cols)
        return ZK_ERR_NOMEM;
    gl3 X[3] = {{{1, 0, 0}}, {{0, 1, 0}}, {{0, 0, 1}}};
    /* gamma^idx over the OOD order main@z, aux@z, main@zg, aux@zg, pieces@z. */
    gl3 pw = gl3_one(), vz = gl3_zero(), vzg = gl3_zero();
    for (size_t c = 0; c < nm; c++) {
        coef_ma[c] = pw;
        cols[c] = main[c];
        vz = gl3_add(vz, gl3_mul(pw, pv->ood[c]));
        pw = gl3_mul(pw, pv->gamma);
    }
    for (size_t c = 0; c < na; c++) {
        for (int e = 0; e < 3; e++) {
            coef_ma[nm + 3 * c + e] = gl3_mul(pw, X[e]);
            cols[nm + 3 * c + e] = aux_comp[3 * c + e];
        }
        vz = gl3_add(vz, gl3_mul(pw, pv->ood[nm + c]));
        pw = gl3_mul(pw, pv->gamma);
    }
    gl3 gamma_k = pw;
    for (size_t c = 0; c < K; c++) {
        vzg = gl3_add(vzg, gl3_mul(pw, pv->ood[K + c]));
        pw = gl3_mul(pw, pv->gamma);
    }
    for (size_t t = 0; t < np; t++) {
        for (int e = 0; e < 3; e++)
            coef_q[3 * t + e] = gl3_mul(pw, X[e]);
        vz = gl3_add(vz, gl3_mul(pw, pv->ood[2 * K + t]));
        pw = gl3_mul(pw, pv->gamma);
    }

    /* A = sum_k coef_k f_k on the trace rows, then on the LDE. */
    poly_group comb;
    uint64_t **avals = alloc_columns(pv->a, 3, pv->n);
    if (!avals || group_alloc(pv, &comb, 3, false) != ZK_OK)
        return ZK_ERR_NOMEM;
    combine_job cj = {cols, nm + 3 * na, pv->n, 0, coef_ma, {avals[0], avals[1], avals[2]}, NULL};
    cj.chunk = pv->n < 1024 ? pv->n : 1024;
    size_t ctasks = div_ceil(pv->n, cj.chunk);
    cj.acc = zk_arena_alloc(pv->a, ctasks * cj.chunk * sizeof(gl3_acc));
    if (!cj.acc)
        return ZK_ERR_NOMEM;
    stark_par_for(pv->ex, ctasks, combine_task, &cj);
    column_job ej = {pv, &comb, (const uint64_t *const *)avals};
    stark_par_for(pv->ex, 3, extend_task, &ej);

    deep_job j = {pv, &comb, coef_q, vz, vzg, gamma_k, deep_point_init(pv->z),
                  deep_point_init(gl3_mul_base(pv->z, gl_root_of_unity(pv->log_n))), 0, 0, F, NULL};
    j.chunk = pv->n < 4096 ? pv->n : 4096;
    j.tasks_per_coset = div_ceil(pv->n, j.chunk);
    size_t tasks = pv->B * j.tasks_per_coset;
    j.scratch = zk_arena_alloc(pv->a, tasks * 3 * j.chunk * sizeof(uint64_t));
    if (!j.scratch)
        return ZK_ERR_NOMEM;
    stark_par_for(pv->ex, tasks, deep_task, &j);
    zk_arena_reset(pv->a, mark);
    return ZK_OK;
}

/* ---- FRI ---- */

typedef struct fri_layer_ctx {
    const gl3 *v;
    size_t leaves; /* N_l / arity */
    size_t arity;
} fri_layer_ctx;

static void fri_leaf(const void *ctx, size_t i, uint8_t *buf)
{
    const fri_layer_ctx *c = ctx;
    for (size_t t = 0; t < c->arity; t++) {
        gl3 v = c->v[i + t * c->leaves];
        for (int e = 0; e < 3; e++)
            for (int b = 0; b < 8; b++)
                *buf++ = (uint8_t)(v.c[e] >> (8 * b));
    }
}

typedef struct fold_job {
    const gl3 *in;
    gl3 *out;
    size_t leaves, chunk;
    unsigned log_arity, log_size;
    uint64_t shift;
    gl3 beta;
    const uint64_t *zeta_inv;
} fold_job;

static void fold_task(void *arg, size_t task)
{
    fold_job *j = arg;
    size_t begin = task * j->chunk, end = begin + j->chunk, arity = (size_t)1 << j->log_arity;
    if (end > j->leaves)
        end = j->leaves;
    uint64_t w_inv = gl_inv(gl_root_of_unity(j->log_size));
    uint64_t x_inv = gl_mul(gl_inv(j->shift), gl_pow(w_inv, begin));
    gl3 v[16];
    for (size_t i = begin; i < end; i++, x_inv = gl_mul(x_inv, w_inv)) {
        for (size_t t = 0; t < arity; t++)
            v[t] = j->in[i + t * j->leaves];
        j->out[i] = stark_fri_fold_leaf_tab(v, j->log_arity, x_inv, j->beta, j->zeta_inv);
    }
}

/* ---- the proof ---- */

/* Writes a tree's cap into the proof and the transcript. */
static void commit_tree(stark_writer *w, stark_transcript *tr, uint32_t tag, const stark_merkle *t, unsigned cap_log)
{
    size_t bytes = ((size_t)1 << stark_merkle_cap_log(t->depth, cap_log)) * sizeof(zk_hash);
    stark_put_bytes(w, stark_merkle_cap(t, cap_log), bytes);
    stark_transcript_absorb(tr, tag, stark_merkle_cap(t, cap_log), bytes);
}

static void put_row(stark_writer *w, const poly_group *g, size_t st, unsigned w_cap_log)
{
    for (size_t c = 0; c < g->width; c++)
        stark_put_u64(w, g->lde[c][st]);
    zk_hash path[40];
    unsigned cap_log = w_cap_log;
    stark_merkle_open_capped(&g->tree, st, cap_log, path);
    stark_put_bytes(w, path, (g->tree.depth - stark_merkle_cap_log(g->tree.depth, cap_log)) * sizeof(zk_hash));
}

zk_status stark_prove(const stark_air *air, const stark_params *p, unsigned log_n, const uint64_t *const *main,
                      const uint64_t *publics, const stark_prove_opts *opts, zk_arena *a, uint8_t **proof,
                      size_t *proof_len)
{
    static const stark_prove_opts no_opts = {0};
    if (!opts)
        opts = &no_opts;
    prover pv_s = {0}, *pv = &pv_s;
    zk_status st = stark_layout_init(&pv->L, air, p, log_n);
    if (st != ZK_OK)
        return st;
    stark_prove_stats *stats = opts->stats;
    if (stats)
        memset(stats, 0, sizeof *stats);
    pv->air = air;
    pv->p = p;
    pv->ex = opts->exec;
    pv->a = a;
    pv->log_n = log_n;
    pv->log_B = p->log_blowup;
    pv->n = (size_t)1 << log_n;
    pv->B = (size_t)1 << p->log_blowup;
    pv->N = pv->n * pv->B;
    uint64_t t_start = stark_now(pv->ex);

    uint8_t *out = zk_arena_alloc(a, pv->L.proof_bytes);
    if (!out)
        return ZK_ERR_NOMEM;
    zk_arena_mark mark = zk_arena_get_mark(a);
    stark_writer w = {out, 0, pv->L.proof_bytes};
    stark_transcript tr;

#define TRY(expr)                                                                                                  \
    do {                                                                                                           \
        if ((st = (expr)) != ZK_OK)                                                                                \
            goto done;                                                                                             \
    } while (0)
#define NEED(ptr) TRY((ptr) ? ZK_OK : ZK_ERR_NOMEM)

    unsigned log_tw = pv->L.log_qdomain;
    if (pv->L.log_final_domain > log_tw)
        log_tw = pv->L.log_final_domain;
    TRY(ntt_tables_init(&pv->tw, log_tw, a));
    TRY(build_scale_tables(pv));
    pv->challenges = zk_arena_alloc(a, (air->n_challenges ? air->n_challenges : 1) * sizeof(gl3));
    pv->ood = zk_arena_alloc(a, pv->L.n_ood * sizeof(gl3));
    NEED(pv->challenges && pv->ood);

    /* 1. Statement and main trace commitment. */
    uint8_t header[STARK_HEADER_BYTES];
    stark_encode_header(header, p, log_n);
    stark_put_bytes(&w, header, sizeof header);
    stark_bind_statement(&tr, air, p, log_n, publics);

    TRY(group_alloc(pv, &pv->main, air->n_main, false));
    TRY(group_extend_and_commit(pv, &pv->main, main, stats));
    commit_tree(&w, &tr, STARK_TAG_MAIN_ROOT, &pv->main.tree, p->merkle_cap_log);

    /* 2. Auxiliary columns from challenges drawn after the main commitment. */
    for (uint32_t i = 0; i < air->n_challenges; i++)
        pv->challenges[i] = stark_transcript_challenge_ext(&tr);
    gl3 **aux_vals = NULL;
    uint64_t **comp = NULL, t0;
    if (air->n_aux) {
        t0 = stark_now(pv->ex);
        aux_vals = zk_arena_alloc(a, air->n_aux * sizeof *aux_vals);
        NEED(aux_vals);
        for (uint32_t c = 0; c < air->n_aux; c++)
            NEED(aux_vals[c] = zk_arena_alloc(a, pv->n * sizeof(gl3)));
        TRY(air->build_aux(air->ctx, main, pv->n, pv->challenges, aux_vals, a));
        TRY(group_alloc(pv, &pv->aux, 3 * (size_t)air->n_aux, false));
        comp = alloc_columns(a, 3 * (size_t)air->n_aux, pv->n);
        NEED(comp);
        for (uint32_t c = 0; c < air->n_aux; c++)
            for (size_t i = 0; i < pv->n; i++)
                for (int e = 0; e < 3; e++)
                    comp[3 * c + e][i] = aux_vals[c][i].c[e];
        if (stats)
            stats->ns_aux += stark_now(pv->ex) - t0;
        TRY(group_extend_and_commit(pv, &pv->aux, (const uint64_t *const *)comp, stats));
        commit_tree(&w, &tr, STARK_TAG_AUX_ROOT, &pv->aux.tree, p->merkle_cap_log);
    }
    if (!opts->skip_self_check)
        TRY(self_check(pv, main, aux_vals, publics));

    /* 3. Quotient. */
    pv->alpha = stark_transcript_challenge_ext(&tr);
    t0 = stark_now(pv->ex);
    TRY(group_alloc(pv, &pv->quot, 3 * (size_t)pv->L.n_pieces, true));
    TRY(compute_quotient(pv, publics));
    if (stats)
        stats->ns_quotient += stark_now(pv->ex) - t0;
    TRY(group_extend_and_commit(pv, &pv->quot, NULL, stats));
    commit_tree(&w, &tr, STARK_TAG_QUOTIENT_ROOT, &pv->quot.tree, p->merkle_cap_log);

    /* 4. Out-of-domain evaluations. */
    pv->z = stark_draw_ood_point(&tr);
    t0 = stark_now(pv->ex);
    TRY(compute_ood(pv, main, (const uint64_t *const *)comp));
    if (stats)
        stats->ns_ood += stark_now(pv->ex) - t0;
    for (size_t i = 0; i < pv->L.n_ood; i++)
        stark_put_gl3(&w, pv->ood[i]);
    stark_transcript_absorb_u64s(&tr, STARK_TAG_OOD, (const uint64_t *)pv->ood, 3 * pv->L.n_ood);

    /* 5. DEEP composition on the FRI domain. */
    pv->gamma = stark_transcript_challenge_ext(&tr);
    t0 = stark_now(pv->ex);
    unsigned layers = pv->L.n_fri_layers, log_arity = p->fri_log_arity;
    size_t arity = (size_t)1 << log_arity;
    gl3 **fri_vals = zk_arena_alloc(a, (layers + 1) * sizeof *fri_vals);
    stark_merkle *fri_trees = zk_arena_alloc(a, (layers ? layers : 1) * sizeof *fri_trees);
    NEED(fri_vals && fri_trees);
    NEED(fri_vals[0] = zk_arena_alloc(a, pv->N * sizeof(gl3)));
    TRY(compute_deep(pv, main, (const uint64_t *const *)comp, fri_vals[0]));
    uint64_t t1 = stark_now(pv->ex);
    if (stats)
        stats->ns_deep += t1 - t0;

    /* 6. FRI commit phase. */
    uint64_t zeta_inv[8];
    stark_fri_zeta_inv_table(zeta_inv, log_arity);
    uint64_t shift = STARK_COSET_SHIFT;
    unsigned log_size = pv->L.log_lde;
    for (unsigned l = 0; l < layers; l++) {
        size_t leaves = ((size_t)1 << log_size) / arity;
        fri_layer_ctx lc = {fri_vals[l], leaves, arity};
        TRY(stark_merkle_build(&fri_trees[l], leaves, arity * 24, fri_leaf, &lc, pv->ex, a));
        commit_tree(&w, &tr, STARK_TAG_FRI_ROOT, &fri_trees[l], p->merkle_cap_log);
        gl3 beta = stark_transcript_challenge_ext(&tr);
        NEED(fri_vals[l + 1] = zk_arena_alloc(a, leaves * sizeof(gl3)));
        fold_job fj = {fri_vals[l], fri_vals[l + 1], leaves, 0, log_arity, log_size, shift, beta, zeta_inv};
        size_t tasks = leaves >= 4096 ? 4 * stark_threads(pv->ex) : 1;
        fj.chunk = div_ceil(leaves, tasks);
        stark_par_for(pv->ex, div_ceil(leaves, fj.chunk), fold_task, &fj);
        shift = gl_pow(shift, arity);
        log_size -= log_arity;
    }
    /* Final polynomial: interpolate the last layer and send its low coefficients. */
    size_t nf = (size_t)1 << log_size;
    uint64_t *fc = zk_arena_alloc(a, 3 * nf * sizeof(uint64_t));
    gl3 *final_poly = zk_arena_alloc(a, nf * sizeof(gl3));
    NEED(fc && final_poly);
    for (int e = 0; e < 3; e++) {
        for (size_t i = 0; i < nf; i++)
            fc[e * nf + i] = fri_vals[layers][i].c[e];
        ntt_interpolate_coset(fc + e * nf, log_size, shift, &pv->tw);
    }
    for (size_t i = 0; i < nf; i++) {
        gl3 c = {{fc[i], fc[nf + i], fc[2 * nf + i]}};
        final_poly[i] = c;
        if (i >= pv->L.final_coeffs && !gl3_is_zero(c)) {
            st = ZK_ERR_INTERNAL; /* the DEEP composition is low-degree by construction */
            goto done;
        }
    }
    for (size_t i = 0; i < pv->L.final_coeffs; i++)
        stark_put_gl3(&w, final_poly[i]);
    stark_transcript_absorb_u64s(&tr, STARK_TAG_FRI_FINAL, (const uint64_t *)final_poly, 3 * pv->L.final_coeffs);
    uint64_t t2 = stark_now(pv->ex);
    if (stats)
        stats->ns_fri += t2 - t1;

    /* 7. Grinding and queries. */
    uint64_t nonce = stark_transcript_grind(&tr, p->pow_bits);
    stark_put_u64(&w, nonce);
    stark_transcript_absorb_u64s(&tr, STARK_TAG_POW_NONCE, &nonce, 1);
    for (unsigned q = 0; q < p->num_queries; q++) {
        size_t j0 = (size_t)stark_transcript_index(&tr, pv->L.log_lde);
        size_t stidx = (j0 % pv->B) * pv->n + j0 / pv->B;
        put_row(&w, &pv->main, stidx, p->merkle_cap_log);
        if (air->n_aux)
            put_row(&w, &pv->aux, stidx, p->merkle_cap_log);
        put_row(&w, &pv->quot, stidx, p->merkle_cap_log);
        size_t jl = j0, size = pv->N;
        for (unsigned l = 0; l < layers; l++) {
            size_t leaves = size / arity, i = jl % leaves;
            for (size_t t = 0; t < arity; t++)
                stark_put_gl3(&w, fri_vals[l][i + t * leaves]);
            zk_hash path[40];
            const stark_merkle *ft = &fri_trees[l];
            stark_merkle_open_capped(ft, i, p->merkle_cap_log, path);
            stark_put_bytes(&w, path, (ft->depth - stark_merkle_cap_log(ft->depth, p->merkle_cap_log)) * sizeof(zk_hash));
            jl = i;
            size = leaves;
        }
    }
    if (stats) {
        stats->ns_queries += stark_now(pv->ex) - t2;
        stats->ns_total = stark_now(pv->ex) - t_start;
    }
    st = w.off == pv->L.proof_bytes ? ZK_OK : ZK_ERR_INTERNAL;

done:
#undef TRY
#undef NEED
    zk_arena_reset(a, mark);
    if (st == ZK_OK) {
        *proof = out;
        *proof_len = pv->L.proof_bytes;
    }
    return st;
}
