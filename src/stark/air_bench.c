/* air_bench.c — the benchmark AIR: `cols` columns, each updated by a degree-3 map that also
 * reads its neighbour, so every column is a full-degree polynomial and every constraint has
 * the maximum degree the prover supports. */
#include "airs.h"

static void bench_eval_ext(const void *ctx, const stark_frame *f, gl3 *out)
{
    const stark_bench_air *b = ctx;
    uint32_t m = b->cols;
    for (uint32_t c = 0; c < m; c++) {
        gl3 x = f->main_cur[c];
        gl3 cube = gl3_mul(gl3_sqr(x), x);
        out[c] = gl3_sub(f->main_next[c], gl3_add(cube, f->main_cur[(c + 1) % m]));
        uint64_t start = gl_add(f->publics[0], gl_mul(c, f->publics[1]));
        out[m + c] = gl3_sub(x, gl3_from_base(start));
    }
    out[2 * m] = gl3_sub(f->main_cur[0], gl3_from_base(f->publics[2]));
}

static void bench_eval_base(const void *ctx, const uint64_t *cur, const uint64_t *next, const uint64_t *pub,
                            uint64_t *out)
{
    const stark_bench_air *b = ctx;
    uint32_t m = b->cols;
    uint64_t start = pub[0]; /* pub[0] + c·pub[1], stepped */
    for (uint32_t c = 0; c < m; c++) {
        uint64_t x = cur[c];
        uint64_t nb = c + 1 < m ? cur[c + 1] : cur[0];
        out[c] = gl_sub(next[c], gl_add(gl_mul(gl_sqr(x), x), nb));
        out[m + c] = gl_sub(x, start);
        start = gl_add(start, pub[1]);
    }
    out[2 * m] = gl_sub(cur[0], pub[2]);
}

zk_status stark_bench_air_init(stark_bench_air *b, uint32_t cols)
{
    if (cols < 2 || cols > STARK_BENCH_MAX_COLS)
        return ZK_ERR_RANGE;
    b->cols = cols;
    for (uint32_t c = 0; c < cols; c++) {
        b->constraints[c] = (stark_constraint){STARK_ROWS_TRANSITION, 3};
        b->constraints[cols + c] = (stark_constraint){STARK_ROWS_FIRST, 1};
    }
    b->constraints[2 * cols] = (stark_constraint){STARK_ROWS_LAST, 1};
    b->air = (stark_air){
        .name = "zkl1/bench-cubic/v1",
        .n_main = cols,
        .n_public = STARK_BENCH_PUBLICS,
        .n_constraints = 2 * cols + 1,
        .constraints = b->constraints,
        .eval_ext = bench_eval_ext,
        .n_base_constraints = 2 * cols + 1,
        .eval_base = bench_eval_base,
        .ctx = b,
    };
    return ZK_OK;
}

zk_status stark_bench_trace(const stark_bench_air *b, unsigned log_n, uint64_t seed, zk_arena *a, uint64_t ***main,
                            uint64_t publics[STARK_BENCH_PUBLICS])
{
    if (log_n < 1 || log_n > 30)
        return ZK_ERR_RANGE;
    size_t n = (size_t)1 << log_n;
    uint32_t m = b->cols;
    uint64_t **cols = zk_arena_alloc(a, m * sizeof *cols);
    if (!cols)
        return ZK_ERR_NOMEM;
    for (uint32_t c = 0; c < m; c++)
        if (!(cols[c] = zk_arena_alloc(a, n * 8)))
            return ZK_ERR_NOMEM;
    publics[0] = gl_from_u64(seed);
    publics[1] = 0x9e3779b97f4a7c15ull % GL_P;
    for (uint32_t c = 0; c < m; c++)
        cols[c][0] = gl_add(publics[0], gl_mul(c, publics[1]));
    for (size_t i = 0; i + 1 < n; i++) {
        for (uint32_t c = 0; c < m; c++) {
            uint64_t x = cols[c][i];
            cols[c][i + 1] = gl_add(gl_mul(gl_sqr(x), x), cols[(c + 1) % m][i]);
        }
    }
    publics[2] = cols[0][n - 1];
    *main = cols;
    return ZK_OK;
}
