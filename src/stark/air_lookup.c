/* air_lookup.c — a LogUp table lookup: column f is looked up in the table column t, which
 * the constraints force to be 0, 1, ..., n-1 (a range table), with multiplicities m.
 *
 * Aux column s (extension field) is the running sum of m/(alpha - t) - 1/(alpha - f); the
 * cyclic constraint (s' - s)(alpha - f)(alpha - t) = m(alpha - f) - (alpha - t) makes the
 * sum over all rows zero, i.e. the multiset of f is contained in t with multiplicities m. */
#include "airs.h"
#include "logup.h"

enum { COL_F, COL_T, COL_M };

/* Main-only constraints first (eval_base), then the LogUp constraint (eval_mixed). */
static const stark_constraint lookup_constraints[] = {
    {STARK_ROWS_FIRST, 1},      /* t = 0 */
    {STARK_ROWS_TRANSITION, 1}, /* t' = t + 1 */
    {STARK_ROWS_FIRST, 1},      /* f = publics[0] */
    {STARK_ROWS_ALL, 3},        /* LogUp running sum */
};

/* (s' - s)(alpha - f)(alpha - t) - (m (alpha - f) - (alpha - t)) */
static gl3 lookup_sum(gl3 alpha, gl3 f, gl3 t, gl3 m, gl3 s, gl3 s_next)
{
    gl3 df = gl3_sub(alpha, f), dt = gl3_sub(alpha, t);
    return gl3_sub(gl3_mul(gl3_mul(gl3_sub(s_next, s), df), dt), gl3_sub(gl3_mul(m, df), dt));
}

static void lookup_eval_ext(const void *ctx, const stark_frame *fr, gl3 *out)
{
    (void)ctx;
    gl3 f = fr->main_cur[COL_F], t = fr->main_cur[COL_T], m = fr->main_cur[COL_M];
    out[0] = t;
    out[1] = gl3_sub(fr->main_next[COL_T], gl3_add_base(t, 1));
    out[2] = gl3_sub(f, gl3_from_base(fr->publics[0]));
    out[3] = lookup_sum(fr->challenges[0], f, t, m, fr->aux_cur[0], fr->aux_next[0]);
}

static void lookup_eval_base(const void *ctx, const uint64_t *cur, const uint64_t *next, const uint64_t *pub,
                             uint64_t *out)
{
    (void)ctx;
    out[0] = cur[COL_T];
    out[1] = gl_sub(next[COL_T], gl_add(cur[COL_T], 1));
    out[2] = gl_sub(cur[COL_F], pub[0]);
}

static void lookup_eval_mixed(const void *ctx, const uint64_t *cur, const uint64_t *next, const gl3 *aux_cur,
                              const gl3 *aux_next, const gl3 *ch, const uint64_t *pub, gl3 *out)
{
    (void)ctx;
    (void)next;
    (void)pub;
    out[0] = lookup_sum(ch[0], gl3_from_base(cur[COL_F]), gl3_from_base(cur[COL_T]), gl3_from_base(cur[COL_M]),
                        aux_cur[0], aux_next[0]);
}

/* Row i adds m/(alpha - t) - 1/(alpha - f). */
static void lookup_fill_row(const uint64_t *const *main, size_t i, const gl3 *ch, gl3 *const *num, gl3 *const *den)
{
    num[0][i] = gl3_from_base(main[COL_M][i]);
    den[0][i] = gl3_sub(ch[0], gl3_from_base(main[COL_T][i]));
    num[1][i] = gl3_from_base(GL_P - 1); /* -1 */
    den[1][i] = gl3_sub(ch[0], gl3_from_base(main[COL_F][i]));
}

static zk_status lookup_build_aux(const void *ctx, const uint64_t *const *main, size_t n, const gl3 *ch,
                                  gl3 *const *aux, zk_arena *scratch)
{
    (void)ctx;
    return stark_logup_build_column(aux[0], n, 2, lookup_fill_row, main, ch, scratch);
}

static const stark_air lookup_air = {
    .name = "zkl1/lookup-range/v1",
    .n_main = 3,
    .n_aux = 1,
    .n_challenges = 1,
    .n_public = STARK_LOOKUP_PUBLICS,
    .n_constraints = sizeof lookup_constraints / sizeof lookup_constraints[0],
    .constraints = lookup_constraints,
    .logup_fractions_per_row = 2,
    .logup_tuple_width = 1,
    .eval_ext = lookup_eval_ext,
    .n_base_constraints = 3,
    .eval_base = lookup_eval_base,
    .eval_mixed = lookup_eval_mixed,
    .build_aux = lookup_build_aux,
};

const stark_air *stark_air_lookup(void) { return &lookup_air; }

zk_status stark_lookup_trace(unsigned log_n, uint64_t seed, zk_arena *a, uint64_t ***main,
                             uint64_t publics[STARK_LOOKUP_PUBLICS])
{
    if (log_n < 1 || log_n > 30)
        return ZK_ERR_RANGE;
    size_t n = (size_t)1 << log_n;
    uint64_t **cols = zk_arena_alloc(a, 3 * sizeof *cols);
    if (!cols)
        return ZK_ERR_NOMEM;
    for (int c = 0; c < 3; c++)
        if (!(cols[c] = zk_arena_calloc(a, n * 8)))
            return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        uint64_t f = (uint64_t)((i * i + seed) & (n - 1));
        cols[COL_F][i] = f;
        cols[COL_T][i] = i;
        cols[COL_M][f]++;
    }
    publics[0] = cols[COL_F][0];
    *main = cols;
    return ZK_OK;
}
