/* ntt.h — number-theoretic transforms over the Goldilocks multiplicative subgroups.
 *
 * Two in-place radix-2 transforms, both recursive so that sub-transforms run out of cache:
 *   ntt_dif: natural-order input  -> bit-reversed output (Gentleman–Sande);
 *   ntt_dit: bit-reversed input   -> natural-order output (Cooley–Tukey).
 * With the forward twiddles, ntt_dif maps coefficients c to evaluations A[rev(k)] = c(w^k);
 * with the inverse twiddles it maps evaluations to n·coefficients (bit-reversed). The prover
 * chains "DIF with inverse twiddles" (interpolation) and "DIT with forward twiddles" (coset
 * evaluation) so that no bit-reversal pass is ever needed on large columns.
 *
 * Twiddle tables hold w_{2m}^i at index m + i for every power of two m < 2^log_max, so a
 * table built for 2^log_max serves every smaller size too.
 *
 * Freestanding; tables are allocated from a zk_arena.
 */
#ifndef ZK_STARK_NTT_H
#define ZK_STARK_NTT_H

#include "core/arena.h"
#include "field.h"

typedef struct ntt_tables {
    unsigned log_max;
    uint64_t *fwd; /* roots w_{2m}^i */
    uint64_t *inv; /* roots w_{2m}^{-i} */
} ntt_tables;

/* Builds both tables for transforms of size up to 2^log_max (log_max <= 32). */
zk_status ntt_tables_init(ntt_tables *t, unsigned log_max, zk_arena *a);

void ntt_dif(uint64_t *a, unsigned log_n, const uint64_t *tw);
void ntt_dit(uint64_t *a, unsigned log_n, const uint64_t *tw);
/* The portable scalar paths (ntt_dif/ntt_dit use AVX-512 when the host has it): for tests. */
void ntt_dif_scalar(uint64_t *a, unsigned log_n, const uint64_t *tw);
void ntt_dit_scalar(uint64_t *a, unsigned log_n, const uint64_t *tw);

static inline size_t ntt_bitrev(size_t i, unsigned bits)
{
    size_t r = 0;
    for (unsigned b = 0; b < bits; b++) {
        r = (r << 1) | (i & 1);
        i >>= 1;
    }
    return r;
}

/* In-place bit-reversal permutation (for small arrays and tests). */
void ntt_bitrev_permute(uint64_t *a, unsigned log_n);

/* Small helpers in natural order (O(n log n), used for the FRI final polynomial and tests):
 * evaluations on the coset shift·<w_n> <-> coefficients. */
void ntt_interpolate_coset(uint64_t *a, unsigned log_n, uint64_t shift, const ntt_tables *t);
void ntt_evaluate_coset(uint64_t *a, unsigned log_n, uint64_t shift, const ntt_tables *t);

#endif
