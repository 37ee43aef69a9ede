/* logup.c — running sums for LogUp auxiliary columns. */
#include "logup.h"

zk_status stark_logup_running_sum(gl3 *s, size_t n, size_t n_frac, gl3 *const *num, gl3 *const *den,
                                  zk_arena *scratch)
{
    zk_arena_mark mark = zk_arena_get_mark(scratch);
    gl3 *tmp = zk_arena_alloc(scratch, n * sizeof(gl3));
    if (!tmp)
        return ZK_ERR_NOMEM;
    for (size_t k = 0; k < n_frac; k++) {
        for (size_t i = 0; i < n; i++) {
            if (gl3_is_zero(den[k][i])) {
                zk_arena_reset(scratch, mark);
                return ZK_ERR_INVALID;
            }
        }
        gl3_batch_inv(den[k], tmp, n);
    }
    gl3 acc = gl3_zero();
    for (size_t i = 0; i < n; i++) {
        s[i] = acc;
        for (size_t k = 0; k < n_frac; k++)
            acc = gl3_add(acc, gl3_mul(num[k][i], den[k][i]));
    }
    zk_arena_reset(scratch, mark);
    return ZK_OK;
}

zk_status stark_logup_build_column(gl3 *s, size_t n, size_t n_frac, stark_logup_row_fn fill,
                                   const uint64_t *const *main, const gl3 *ch, zk_arena *scratch)
{
    zk_arena_mark mark = zk_arena_get_mark(scratch);
    zk_status st = ZK_ERR_NOMEM;
    gl3 **num = zk_arena_alloc(scratch, n_frac * sizeof *num);
    gl3 **den = zk_arena_alloc(scratch, n_frac * sizeof *den);
    if (!num || !den)
        goto out;
    for (size_t k = 0; k < n_frac; k++) {
        num[k] = zk_arena_alloc(scratch, n * sizeof(gl3));
        den[k] = zk_arena_alloc(scratch, n * sizeof(gl3));
        if (!num[k] || !den[k])
            goto out;
    }
    for (size_t i = 0; i < n; i++)
        fill(main, i, ch, num, den);
    st = stark_logup_running_sum(s, n, n_frac, num, den, scratch);
out:
    zk_arena_reset(scratch, mark);
    return st;
}

gl3 stark_logup_compress(const gl3 *v, size_t width, gl3 beta)
{
    gl3 acc = gl3_zero();
    for (size_t i = width; i-- > 0;)
        acc = gl3_add(gl3_mul(acc, beta), v[i]);
    return acc;
}
