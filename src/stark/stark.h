/* stark.h — the zkl1 STARK: prove and verify that a trace satisfies an AIR (air.h).
 *
 * Protocol (README.md has the full description and the soundness argument):
 *   commit main trace (LDE, blowup 2^log_blowup) -> draw aux challenges -> commit aux columns
 *   -> draw alpha, commit the quotient pieces -> draw z, send the trace at z and z*g and the
 *   pieces at z -> draw gamma, DEEP composition -> FRI (folding by 2^fri_log_arity) -> grind
 *   -> draw query positions -> open every committed tree at each position.
 *
 * The verifier takes its parameters from the caller (pinned), never from the proof; the
 * proof header only repeats them so that a mismatch is reported clearly.
 *
 * Freestanding: the prover and the verifier allocate from the zk_arena they are given.
 */
#ifndef ZK_STARK_H
#define ZK_STARK_H

#include "air.h"
#include "core/arena.h"
#include "exec.h"

#define STARK_PROOF_MAGIC "ZKST"
#define STARK_PROOF_VERSION 1
#define STARK_FIELD_GOLDILOCKS3 1
#define STARK_HEADER_BYTES 16
#define STARK_MIN_LOG_N 2
#define STARK_MAX_LOG_N 26

typedef struct stark_params {
    uint8_t log_blowup;    /* rate rho = 2^-log_blowup */
    uint8_t fri_log_arity; /* FRI folds by 2^fri_log_arity per round */
    uint8_t fri_log_final; /* stop folding once the FRI domain has <= 2^fri_log_final points */
    uint8_t pow_bits;      /* proof-of-work bits before the query phase */
    uint16_t num_queries;
    uint8_t merkle_cap_log; /* trees are committed by 2^cap_log nodes (0: by their root) */
} stark_params;

/* The pinned parameters of proof format v1: rho = 1/4, 166 queries, 16 bits of grinding,
 * FRI arity 8, Merkle caps of 2^8 nodes. 128 bits of proven (unique-decoding) security; see
 * stark_security(). */
extern const stark_params STARK_PARAMS_V1;

/* Everything about a proof's shape that follows from (AIR, parameters, log_n). */
typedef struct stark_layout {
    unsigned log_n, log_lde;   /* trace rows, LDE domain size (log2) */
    unsigned n_pieces;         /* quotient pieces, each of degree < n */
    unsigned log_qdomain;      /* domain the quotient is evaluated on (log2) */
    unsigned n_fri_layers;     /* committed FRI layers */
    unsigned log_final_domain; /* FRI domain size after the last fold (log2) */
    size_t final_coeffs;       /* coefficients of the final FRI polynomial */
    size_t n_ood;              /* extension elements sent at z and z*g */
    size_t batch_size;         /* polynomials batched into the DEEP composition */
    size_t query_bytes;        /* bytes of one query's openings */
    size_t commit_bytes;       /* bytes before the queries (header, caps, OOD, FRI, nonce) */
    size_t proof_bytes;        /* exact size of the serialised proof */
} stark_layout;

/* Fills L; ZK_ERR_RANGE when log_n, the AIR's shape or the parameters are unsupported. */
zk_status stark_layout_init(stark_layout *L, const stark_air *air, const stark_params *p, unsigned log_n);

/* Round-by-round soundness of the protocol in bits (unique-decoding regime), as computed
 * in README.md; every term is filled so callers can print the breakdown. */
typedef struct stark_security_report {
    unsigned total;     /* floor of the minimum of the terms below */
    unsigned ali, deep, batching, fri_commit, query, logup, hash;
    unsigned query_millibits; /* query-phase bits * 1000, for display */
} stark_security_report;

zk_status stark_security(const stark_air *air, const stark_params *p, unsigned log_n, stark_security_report *r);

typedef struct stark_prove_stats {
    /* Nanoseconds spent per phase (0 when the executor has no clock). */
    uint64_t ns_lde, ns_commit, ns_aux, ns_quotient, ns_ood, ns_deep, ns_fri, ns_queries, ns_total;
} stark_prove_stats;

typedef struct stark_prove_opts {
    const stark_exec *exec;   /* NULL: single-threaded */
    bool skip_self_check;     /* TESTS ONLY: prove even a trace that violates the AIR */
    stark_prove_stats *stats; /* optional */
} stark_prove_opts;

/* Proves that main[c][0..2^log_n) for c < air->n_main (canonical elements) satisfies `air`
 * with publics[0..air->n_public).
 * On success *proof points to layout.proof_bytes bytes allocated from `a`.
 * ZK_ERR_INVALID when the trace violates the AIR or holds a value >= p (unless skip_self_check), ZK_ERR_NOMEM
 * when the arena is exhausted. Temporary memory is returned to `a` before returning. */
zk_status stark_prove(const stark_air *air, const stark_params *p, unsigned log_n, const uint64_t *const *main,
                      const uint64_t *publics, const stark_prove_opts *opts, zk_arena *a, uint8_t **proof,
                      size_t *proof_len);

/* Verifies a proof of `air` over 2^log_n rows with publics[0..air->n_public). ZK_OK when it
 * is valid; ZK_ERR_DECODE when the bytes are malformed (wrong length, non-canonical element,
 * header mismatch); ZK_ERR_INVALID when a check fails; ZK_ERR_NOMEM when `scratch` is too small. Never reads outside proof[0..len). */
zk_status stark_verify(const stark_air *air, const stark_params *p, unsigned log_n, const uint64_t *publics,
                       const uint8_t *proof, size_t len, zk_arena *scratch);

#endif
