/* air_fib.c — the Fibonacci AIR: the smallest complete example of transition, first-row
 * and last-row constraints with public inputs. */
#include "airs.h"

static const stark_constraint fib_constraints[] = {
    {STARK_ROWS_TRANSITION, 1}, /* a' = b */
    {STARK_ROWS_TRANSITION, 1}, /* b' = a + b */
    {STARK_ROWS_FIRST, 1},      /* a = publics[0] */
    {STARK_ROWS_FIRST, 1},      /* b = publics[1] */
    {STARK_ROWS_LAST, 1},       /* b = publics[2] */
};

static void fib_eval_ext(const void *ctx, const stark_frame *f, gl3 *out)
{
    (void)ctx;
    gl3 a = f->main_cur[0], b = f->main_cur[1];
    out[0] = gl3_sub(f->main_next[0], b);
    out[1] = gl3_sub(f->main_next[1], gl3_add(a, b));
    out[2] = gl3_sub(a, gl3_from_base(f->publics[0]));
    out[3] = gl3_sub(b, gl3_from_base(f->publics[1]));
    out[4] = gl3_sub(b, gl3_from_base(f->publics[2]));
}

static void fib_eval_base(const void *ctx, const uint64_t *cur, const uint64_t *next, const uint64_t *pub,
                          uint64_t *out)
{
    (void)ctx;
    out[0] = gl_sub(next[0], cur[1]);
    out[1] = gl_sub(next[1], gl_add(cur[0], cur[1]));
    out[2] = gl_sub(cur[0], pub[0]);
    out[3] = gl_sub(cur[1], pub[1]);
    out[4] = gl_sub(cur[1], pub[2]);
}

static const stark_air fib_air = {
    .name = "zkl1/fib/v1",
    .n_main = 2,
    .n_public = STARK_FIB_PUBLICS,
    .n_constraints = sizeof fib_constraints / sizeof fib_constraints[0],
    .constraints = fib_constraints,
    .eval_ext = fib_eval_ext,
    .n_base_constraints = sizeof fib_constraints / sizeof fib_constraints[0],
    .eval_base = fib_eval_base,
};

const stark_air *stark_air_fib(void) { return &fib_air; }

zk_status stark_fib_trace(unsigned log_n, uint64_t a0, uint64_t b0, zk_arena *a, uint64_t ***main,
                          uint64_t publics[STARK_FIB_PUBLICS])
{
    if (log_n < 1 || log_n > 30)
        return ZK_ERR_RANGE;
    size_t n = (size_t)1 << log_n;
    uint64_t **cols = zk_arena_alloc(a, 2 * sizeof *cols);
    if (!cols || !(cols[0] = zk_arena_alloc(a, n * 8)) || !(cols[1] = zk_arena_alloc(a, n * 8)))
        return ZK_ERR_NOMEM;
    cols[0][0] = gl_from_u64(a0);
    cols[1][0] = gl_from_u64(b0);
    for (size_t i = 0; i + 1 < n; i++) {
        cols[0][i + 1] = cols[1][i];
        cols[1][i + 1] = gl_add(cols[0][i], cols[1][i]);
    }
    publics[0] = cols[0][0];
    publics[1] = cols[1][0];
    publics[2] = cols[1][n - 1];
    *main = cols;
    return ZK_OK;
}
