/* logup.h — the LogUp lookup argument (eprint 2022/1530) over AIR auxiliary columns.
 *
 * A lookup of values f_j into a table t_i with multiplicities m_i holds iff
 *     sum_j 1/(alpha - f_j) = sum_i m_i/(alpha - t_i)
 * for a random alpha drawn after the main trace (f, t, m) is committed. Tuples are first
 * compressed to one element with a second challenge (a + beta·b + beta^2·c ...). The prover
 * keeps a running sum s in an extension column:
 *     s[0] = 0,  s[i+1] = s[i] + sum_k num_k[i] / den_k[i]
 * and the AIR constrains, on every row cyclically (STARK_ROWS_ALL),
 *     (s[i+1] - s[i]) · prod_k den_k[i] = sum_k num_k[i] · prod_{l != k} den_l[i],
 * which forces the total over all rows to be zero. With one lookup and one table column per
 * row the constraint has degree 3. A permutation argument is the special case m = 1 on both
 * sides; multiset equality with signed multiplicities (+1 send, -1 receive) is the bus the
 * RISC-V memory argument uses.
 *
 * Multiplicities are field elements: the identity is sound while every true multiplicity
 * is below p, i.e. for traces shorter than 2^63 rows, which Goldilocks gives for free.
 *
 * Freestanding.
 */
#ifndef ZK_STARK_LOGUP_H
#define ZK_STARK_LOGUP_H

#include "core/arena.h"
#include "field.h"

/* Fills s[0..n) with the running sum of n_frac fractions num[k][i]/den[k][i]. The den
 * arrays are overwritten (inverted). ZK_ERR_INVALID if a denominator is zero (the challenge
 * hit a pole: the prover must not produce a proof), ZK_ERR_NOMEM on arena exhaustion. */
zk_status stark_logup_running_sum(gl3 *s, size_t n, size_t n_frac, gl3 *const *num, gl3 *const *den,
                                  zk_arena *scratch);

/* Fills one row's fractions of a LogUp aux column: num[k][row] and den[k][row] for every
 * fraction k, from the main trace `main` and the challenges `ch`. */
typedef void (*stark_logup_row_fn)(const uint64_t *const *main, size_t row, const gl3 *ch, gl3 *const *num,
                                   gl3 *const *den);

/* Builds the aux column s[0..n) of an AIR whose rows each add n_frac fractions: fills scratch
 * numerator and denominator columns row by row with `fill`, then takes their running sum
 * (stark_logup_running_sum). The scratch columns are released before returning, in every case.
 * ZK_ERR_INVALID if a denominator is zero, ZK_ERR_NOMEM on arena exhaustion. */
zk_status stark_logup_build_column(gl3 *s, size_t n, size_t n_frac, stark_logup_row_fn fill,
                                   const uint64_t *const *main, const gl3 *ch, zk_arena *scratch);

/* Compresses a tuple: v[0] + beta·v[1] + beta^2·v[2] + ... */
gl3 stark_logup_compress(const gl3 *v, size_t width, gl3 beta);

#endif
