/* transcript.h — the Fiat–Shamir transcript: a hash chain over everything the verifier sees.
 *
 *   absorb(tag, data):   state = H(state || "A" || tag || len || H(data))
 *   squeeze:             state = H(state || "S" || counter); the new state is the output
 *   grind(bits):         nonce with H(state || "W" || nonce) starting with `bits` zero bits
 *
 * Tags are small integers naming each absorbed item (STARK_TAG_*), so two different items
 * can never be read as one another. Field challenges are drawn by rejection sampling on
 * 64-bit words (no modular bias); query positions take the low bits of one squeeze each.
 *
 * Freestanding; no allocation.
 */
#ifndef ZK_STARK_TRANSCRIPT_H
#define ZK_STARK_TRANSCRIPT_H

#include "core/zk_types.h"
#include "field.h"

enum {
    STARK_TAG_PROTOCOL = 1, /* protocol id, version, parameters */
    STARK_TAG_AIR,          /* AIR name and shape */
    STARK_TAG_PUBLIC,       /* public inputs */
    STARK_TAG_MAIN_ROOT,
    STARK_TAG_AUX_ROOT,
    STARK_TAG_QUOTIENT_ROOT,
    STARK_TAG_OOD,
    STARK_TAG_FRI_ROOT,
    STARK_TAG_FRI_FINAL,
    STARK_TAG_POW_NONCE,
};

typedef struct stark_transcript {
    zk_hash state;
    uint64_t squeezes;
} stark_transcript;

void stark_transcript_init(stark_transcript *t, const char *domain);
void stark_transcript_absorb(stark_transcript *t, uint32_t tag, const void *data, size_t len);
void stark_transcript_absorb_u64s(stark_transcript *t, uint32_t tag, const uint64_t *v, size_t n);

/* Next 32 pseudo-random bytes. */
zk_hash stark_transcript_squeeze(stark_transcript *t);
uint64_t stark_transcript_challenge_base(stark_transcript *t);
gl3 stark_transcript_challenge_ext(stark_transcript *t);
/* A uniform integer below 2^bits (bits <= 64). */
uint64_t stark_transcript_index(stark_transcript *t, unsigned bits);

/* Proof of work: true iff nonce meets `bits` of work at the current state. */
bool stark_transcript_pow_ok(const stark_transcript *t, uint64_t nonce, unsigned bits);
/* Finds the smallest nonce meeting `bits` (prover side). */
uint64_t stark_transcript_grind(const stark_transcript *t, unsigned bits);

#endif
