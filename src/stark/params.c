/* params.c — pinned parameters, proof layout and the soundness computation.
 *
 * The security terms follow ethereum/soundcalc (FRI-based circuits, unique-decoding regime)
 * and BCIKS20 / the ethSTARK documentation; README.md derives each one. All arithmetic is in
 * integers: log2 values are fixed point with 16 fractional bits and every rounding goes in
 * the direction that lowers the reported security.
 */
#include "stark.h"

#include "stark_internal.h"

const stark_params STARK_PARAMS_V1 = {
    .log_blowup = 2,
    .fri_log_arity = 3,
    .fri_log_final = 8,
    .pow_bits = 16,
    .num_queries = 166,
    .merkle_cap_log = 8,
};

/* Quotient degree + 1 contributed by one constraint, relative to trace length n. */
static uint64_t quotient_degree_bound(const stark_constraint *c, uint64_t n)
{
    uint64_t num = (uint64_t)c->degree * (n - 1); /* degree of the numerator */
    uint64_t div;
    switch (c->rows) {
    case STARK_ROWS_TRANSITION: div = n - 1; break;
    case STARK_ROWS_ALL: div = n; break;
    default: div = 1; break;
    }
    return num > div ? num - div + 1 : 1;
}

zk_status stark_layout_init(stark_layout *L, const stark_air *air, const stark_params *p, unsigned log_n)
{
    if (log_n < STARK_MIN_LOG_N || log_n > STARK_MAX_LOG_N)
        return ZK_ERR_RANGE;
    if (p->log_blowup < 1 || p->log_blowup > 4 || p->fri_log_arity < 1 || p->fri_log_arity > 4 ||
        p->fri_log_final < p->log_blowup + p->fri_log_arity || p->num_queries == 0 || p->pow_bits > 32 ||
        p->merkle_cap_log > 16)
        return ZK_ERR_RANGE;
    if (air->n_main == 0 || air->n_main > 4096 || air->n_aux > 1024 || air->n_challenges > 64 ||
        air->n_public > 4096 || air->n_constraints == 0 || air->n_constraints > 65536 || !air->eval_ext ||
        (air->n_aux && !air->build_aux))
        return ZK_ERR_RANGE;
    /* Fast paths: eval_base covers [0, n_base); eval_mixed the rest, and is needed if any. */
    if (air->eval_base && (air->n_base_constraints > air->n_constraints ||
                           (air->n_base_constraints < air->n_constraints && !air->eval_mixed)))
        return ZK_ERR_RANGE;
    if (air->eval_mixed && !air->eval_base)
        return ZK_ERR_RANGE;
    uint64_t n = (uint64_t)1 << log_n, max_q = 1;
    for (uint32_t i = 0; i < air->n_constraints; i++) {
        const stark_constraint *c = &air->constraints[i];
        if (c->degree < 1 || c->degree > STARK_MAX_DEGREE || c->rows >= STARK_ROW_SETS)
            return ZK_ERR_RANGE;
        uint64_t q = quotient_degree_bound(c, n);
        if (q > max_q)
            max_q = q;
    }
    L->log_n = log_n;
    L->log_lde = log_n + p->log_blowup;
    L->n_pieces = (unsigned)((max_q + n - 1) / n);
    unsigned log_qb = 0;
    while ((1u << log_qb) < L->n_pieces)
        log_qb++;
    if (log_qb > p->log_blowup)
        return ZK_ERR_RANGE;
    L->log_qdomain = log_n + log_qb;

    unsigned log_dom = L->log_lde, layers = 0;
    while (log_dom > p->fri_log_final) {
        log_dom -= p->fri_log_arity;
        layers++;
    }
    L->n_fri_layers = layers;
    L->log_final_domain = log_dom;
    L->final_coeffs = (size_t)1 << (log_dom - p->log_blowup);

    size_t nm = air->n_main, na = air->n_aux, arity = (size_t)1 << p->fri_log_arity;
    L->n_ood = 2 * nm + 2 * na + L->n_pieces;
    L->batch_size = L->n_ood;

    /* A tree of depth d is committed by 2^h nodes (h = min(cap_log, d)); paths have d - h nodes. */
    unsigned d_trace = L->log_lde, h_trace = d_trace < p->merkle_cap_log ? d_trace : p->merkle_cap_log;
    size_t trees = na ? 3 : 2;
    size_t q = 0, caps = trees * ((size_t)32 << h_trace);
    q += nm * 8 + (size_t)(d_trace - h_trace) * 32;
    if (na)
        q += na * 24 + (size_t)(d_trace - h_trace) * 32;
    q += (size_t)L->n_pieces * 24 + (size_t)(d_trace - h_trace) * 32;
    for (unsigned l = 0; l < layers; l++) {
        unsigned d = L->log_lde - (l + 1) * p->fri_log_arity, h = d < p->merkle_cap_log ? d : p->merkle_cap_log;
        q += arity * 24 + (size_t)(d - h) * 32;
        caps += (size_t)32 << h;
    }
    L->query_bytes = q;
    L->commit_bytes = STARK_HEADER_BYTES + caps + L->n_ood * 24 + L->final_coeffs * 24 + 8;
    L->proof_bytes = L->commit_bytes + (size_t)p->num_queries * q;
    return ZK_OK;
}

/* ---- soundness ---- */

#define FIX 16 /* fractional bits */
/* log2 |F_p^3| >= 191: p > 2^63.99, so p^3 > 2^191.99. */
#define LOG2_FIELD_FLOOR 191u

static unsigned ilog2_floor(uint64_t x)
{
    unsigned r = 0;
    while (x >>= 1)
        r++;
    return r;
}

static unsigned ilog2_ceil(uint64_t x)
{
    unsigned f = ilog2_floor(x);
    return ((uint64_t)1 << f) == x ? f : f + 1;
}

/* floor(2^FIX * log2(x)) for x >= 1, never above the true value. */
static uint64_t log2_fixed(uint64_t x)
{
    unsigned ip = ilog2_floor(x);
    /* y = x / 2^ip in [1, 2), as a Q2.62 number. */
    unsigned __int128 y = ip <= 62 ? (unsigned __int128)x << (62 - ip) : (unsigned __int128)(x >> (ip - 62));
    uint64_t frac = 0;
    for (int i = FIX - 1; i >= 0; i--) {
        y = (y * y) >> 62; /* truncation only lowers y, hence the result */
        if (y >= ((unsigned __int128)2 << 62)) {
            y >>= 1;
            frac |= (uint64_t)1 << i;
        }
    }
    return ((uint64_t)ip << FIX) | frac;
}

/* Bits of an error term num/|F|: floor(log2|F|) - ceil(log2 num). */
static unsigned field_term_bits(uint64_t num)
{
    unsigned c = ilog2_ceil(num ? num : 1);
    return c >= LOG2_FIELD_FLOOR ? 0 : LOG2_FIELD_FLOOR - c;
}

zk_status stark_security(const stark_air *air, const stark_params *p, unsigned log_n, stark_security_report *r)
{
    stark_layout L;
    zk_status st = stark_layout_init(&L, air, p, log_n);
    if (st != ZK_OK)
        return st;
    uint64_t n = (uint64_t)1 << log_n, D = (uint64_t)1 << L.log_lde;
    unsigned max_deg = 1;
    for (uint32_t i = 0; i < air->n_constraints; i++)
        if (air->constraints[i].degree > max_deg)
            max_deg = air->constraints[i].degree;

    /* ALI: constraints combined with powers of alpha (list size 1 in UDR). */
    r->ali = field_term_bits(air->n_constraints);
    /* DEEP: L·(d·(n + openings − 1) + (n − 1)) / (|F| − n − D), openings = 2 (rows x and gx).
     * |F| − n − D > 2^191 for D <= 2^32, so the floor bound still holds. */
    r->deep = field_term_bits((uint64_t)max_deg * (n + 1) + (n - 1));
    /* Batching the DEEP quotients with powers of gamma: (batch − 1)·D/|F| (BCIKS20 Thm 1.5). */
    r->batching = field_term_bits((L.batch_size - 1) * D);
    /* FRI commit rounds: round i errs with (arity − 1)·(D / arity^(i+1))/|F|; the first round
     * is the largest. */
    uint64_t arity = (uint64_t)1 << p->fri_log_arity;
    r->fri_commit = L.n_fri_layers ? field_term_bits((arity - 1) * (D / arity)) : 255;
    /* Queries: (1 − θ)^q · 2^−pow with θ = (1 − ρ)/2, so 1 − θ = (2^k + 1)/2^(k+1), k = log_blowup.
     * Bits per query = (k + 1) − log2(2^k + 1); the +1 ulp makes log2 an upper bound. */
    uint64_t k = p->log_blowup;
    uint64_t per_query = ((k + 1) << FIX) - (log2_fixed(((uint64_t)1 << k) + 1) + 1);
    uint64_t query_fixed = per_query * p->num_queries + ((uint64_t)p->pow_bits << FIX);
    r->query = (unsigned)(query_fixed >> FIX);
    r->query_millibits = (unsigned)((query_fixed * 1000) >> FIX);
    /* LogUp: the rational identity in alpha (and the tuple compression) has degree at most
     * n·fractions·width after clearing denominators (Schwartz–Zippel). */
    r->logup = air->logup_fractions_per_row
                   ? field_term_bits(n * air->logup_fractions_per_row *
                                     (air->logup_tuple_width ? air->logup_tuple_width : 1))
                   : 255;
    /* Merkle trees and Fiat–Shamir: collision resistance of a 256-bit digest. */
    r->hash = 128;

    unsigned m = r->ali;
    unsigned terms[] = {r->deep, r->batching, r->fri_commit, r->query, r->logup, r->hash};
    for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++)
        if (terms[i] < m)
            m = terms[i];
    r->total = m;
    return ZK_OK;
}
