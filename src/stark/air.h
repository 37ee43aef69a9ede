/* air.h — how an algebraic intermediate representation (AIR) is described to the prover.
 *
 * A trace has n = 2^log_n rows and n_main base-field columns, plus n_aux extension-field
 * columns that the prover builds after the main trace is committed, from n_challenges
 * random extension elements (LogUp running sums, see logup.h).
 *
 * Each constraint is a polynomial of degree <= 3 in the current and next row's cells (next
 * of the last row is row 0), the challenges and the public inputs, and applies to a set of
 * rows:
 *   STARK_ROWS_TRANSITION  rows 0 .. n-2 (divisor (x^n - 1)/(x - g^(n-1)))
 *   STARK_ROWS_ALL         every row, cyclically (divisor x^n - 1)
 *   STARK_ROWS_FIRST       row 0 (divisor x - 1)
 *   STARK_ROWS_LAST        row n-1 (divisor x - g^(n-1))
 * eval_ext writes every constraint's value for one row frame in the cubic extension (the
 * verifier calls it at the out-of-domain point). The prover's fast paths are optional:
 * eval_base writes constraints [0, n_base_constraints) — those that read only main cells and
 * publics — over F_p, and eval_mixed writes the rest [n_base_constraints, n_constraints) from
 * base-field main cells and extension aux cells and challenges. An AIR without aux columns may
 * give eval_base alone with n_base_constraints = n_constraints. The fast paths must compute
 * the same polynomials as eval_ext: tests/stark checks it on random frames.
 */
#ifndef ZK_STARK_AIR_H
#define ZK_STARK_AIR_H

#include "core/arena.h"
#include "field.h"

enum { STARK_ROWS_TRANSITION = 0, STARK_ROWS_ALL = 1, STARK_ROWS_FIRST = 2, STARK_ROWS_LAST = 3 };
#define STARK_ROW_SETS 4
#define STARK_MAX_DEGREE 3

typedef struct stark_constraint {
    uint8_t rows;   /* STARK_ROWS_* */
    uint8_t degree; /* total degree in the trace cells, 1..3 */
} stark_constraint;

typedef struct stark_frame {
    const gl3 *main_cur, *main_next; /* n_main each */
    const gl3 *aux_cur, *aux_next;   /* n_aux each */
    const gl3 *challenges;           /* n_challenges */
    const uint64_t *publics;         /* n_public */
} stark_frame;

typedef struct stark_air {
    const char *name;      /* unique, bound into the transcript: a proof is for one AIR */
    uint32_t n_main;       /* base-field columns */
    uint32_t n_aux;        /* extension-field columns built by build_aux */
    uint32_t n_challenges; /* extension challenges drawn after the main commitment */
    uint32_t n_public;
    uint32_t n_constraints;
    const stark_constraint *constraints;
    /* For the soundness computation: LogUp fractions summed per row and the number of
     * cells compressed into one denominator (0 when the AIR has no lookups). */
    uint32_t logup_fractions_per_row;
    uint32_t logup_tuple_width;

    void (*eval_ext)(const void *ctx, const stark_frame *f, gl3 *out);
    uint32_t n_base_constraints;
    void (*eval_base)(const void *ctx, const uint64_t *cur, const uint64_t *next, const uint64_t *publics,
                      uint64_t *out);
    void (*eval_mixed)(const void *ctx, const uint64_t *cur, const uint64_t *next, const gl3 *aux_cur,
                       const gl3 *aux_next, const gl3 *challenges, const uint64_t *publics, gl3 *out);
    /* Prover only: fills aux[j][0..n) for j < n_aux from main[c][0..n). Returns ZK_OK, or an
     * error (e.g. ZK_ERR_INVALID when a challenge hits a LogUp pole). */
    zk_status (*build_aux)(const void *ctx, const uint64_t *const *main, size_t n, const gl3 *challenges,
                           gl3 *const *aux, zk_arena *scratch);
    const void *ctx;
} stark_air;

#endif
