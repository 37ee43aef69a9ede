/* air_perm.c — a LogUp permutation argument over 2-column tuples: the rows (b0, b1) are a
 * permutation of the rows (a0, a1). This is the shape of the offline memory check, where the
 * tuples are (address, timestamp, value) and the two sides are reads and writes.
 *
 * Challenges alpha and beta; each tuple is compressed to t = x0 + beta·x1, and the aux running
 * sum s accumulates 1/(alpha - t_a) - 1/(alpha - t_b), constrained on every row cyclically by
 * (s' - s)(alpha - t_a)(alpha - t_b) = (alpha - t_b) - (alpha - t_a) (degree 3), so the sums over
 * all rows agree: the two multisets of tuples are equal (with probability 1 - n·2·2/|F|). */
#include "airs.h"
#include "logup.h"

enum { COL_A0, COL_A1, COL_B0, COL_B1 };

static const stark_constraint perm_constraints[] = {
    {STARK_ROWS_FIRST, 1}, /* a0 = publics[0] (main only: eval_base) */
    {STARK_ROWS_ALL, 3},   /* the running sum (eval_mixed) */
};

/* (s' - s)(alpha - t_a)(alpha - t_b) - ((alpha - t_b) - (alpha - t_a)) */
static gl3 perm_sum(const gl3 *ch, gl3 a0, gl3 a1, gl3 b0, gl3 b1, gl3 s, gl3 s_next)
{
    gl3 alpha = ch[0], beta = ch[1];
    gl3 da = gl3_sub(alpha, gl3_add(a0, gl3_mul(beta, a1)));
    gl3 db = gl3_sub(alpha, gl3_add(b0, gl3_mul(beta, b1)));
    return gl3_sub(gl3_mul(gl3_mul(gl3_sub(s_next, s), da), db), gl3_sub(db, da));
}

static void perm_eval_ext(const void *ctx, const stark_frame *f, gl3 *out)
{
    (void)ctx;
    const gl3 *c = f->main_cur;
    out[0] = gl3_sub(c[COL_A0], gl3_from_base(f->publics[0]));
    out[1] = perm_sum(f->challenges, c[COL_A0], c[COL_A1], c[COL_B0], c[COL_B1], f->aux_cur[0], f->aux_next[0]);
}

static void perm_eval_base(const void *ctx, const uint64_t *cur, const uint64_t *next, const uint64_t *pub,
                           uint64_t *out)
{
    (void)ctx;
    (void)next;
    out[0] = gl_sub(cur[COL_A0], pub[0]);
}

static void perm_eval_mixed(const void *ctx, const uint64_t *cur, const uint64_t *next, const gl3 *aux_cur,
                            const gl3 *aux_next, const gl3 *ch, const uint64_t *pub, gl3 *out)
{
    (void)ctx;
    (void)next;
    (void)pub;
    out[0] = perm_sum(ch, gl3_from_base(cur[COL_A0]), gl3_from_base(cur[COL_A1]), gl3_from_base(cur[COL_B0]),
                      gl3_from_base(cur[COL_B1]), aux_cur[0], aux_next[0]);
}

/* Row i adds 1/(alpha - t_a) - 1/(alpha - t_b). */
static void perm_fill_row(const uint64_t *const *main, size_t i, const gl3 *ch, gl3 *const *num, gl3 *const *den)
{
    gl3 a[2] = {gl3_from_base(main[COL_A0][i]), gl3_from_base(main[COL_A1][i])};
    gl3 b[2] = {gl3_from_base(main[COL_B0][i]), gl3_from_base(main[COL_B1][i])};
    num[0][i] = gl3_one();
    den[0][i] = gl3_sub(ch[0], stark_logup_compress(a, 2, ch[1]));
    num[1][i] = gl3_from_base(GL_P - 1); /* -1 */
    den[1][i] = gl3_sub(ch[0], stark_logup_compress(b, 2, ch[1]));
}

static zk_status perm_build_aux(const void *ctx, const uint64_t *const *main, size_t n, const gl3 *ch,
                                gl3 *const *aux, zk_arena *scratch)
{
    (void)ctx;
    return stark_logup_build_column(aux[0], n, 2, perm_fill_row, main, ch, scratch);
}

static const stark_air perm_air = {
    .name = "zkl1/perm-tuples/v1",
    .n_main = 4,
    .n_aux = 1,
    .n_challenges = 2,
    .n_public = STARK_PERM_PUBLICS,
    .n_constraints = sizeof perm_constraints / sizeof perm_constraints[0],
    .constraints = perm_constraints,
    .logup_fractions_per_row = 2,
    .logup_tuple_width = 2,
    .eval_ext = perm_eval_ext,
    .n_base_constraints = 1,
    .eval_base = perm_eval_base,
    .eval_mixed = perm_eval_mixed,
    .build_aux = perm_build_aux,
};

const stark_air *stark_air_perm(void) { return &perm_air; }

zk_status stark_perm_trace(unsigned log_n, uint64_t seed, zk_arena *a, uint64_t ***main,
                           uint64_t publics[STARK_PERM_PUBLICS])
{
    if (log_n < 1 || log_n > 30)
        return ZK_ERR_RANGE;
    size_t n = (size_t)1 << log_n;
    uint64_t **cols = zk_arena_alloc(a, 4 * sizeof *cols);
    if (!cols)
        return ZK_ERR_NOMEM;
    for (int c = 0; c < 4; c++)
        if (!(cols[c] = zk_arena_alloc(a, n * 8)))
            return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        cols[COL_A0][i] = gl_from_u64(seed + i);
        cols[COL_A1][i] = gl_mul(cols[COL_A0][i], cols[COL_A0][i]);
    }
    /* i -> 5i + 3 (mod n) is a bijection for n a power of two. */
    for (size_t i = 0; i < n; i++) {
        size_t j = (5 * i + 3) & (n - 1);
        cols[COL_B0][j] = cols[COL_A0][i];
        cols[COL_B1][j] = cols[COL_A1][i];
    }
    publics[0] = cols[COL_A0][0];
    *main = cols;
    return ZK_OK;
}
