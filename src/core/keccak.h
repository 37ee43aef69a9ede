/* keccak.h — Keccak-256 (Ethereum's hash: Keccak-f[1600], rate 136, padding 0x01..0x80).
 *
 * keccak_f1600 is the seam for a zkVM accelerator (zkvm-standards PR #26).
 * Freestanding; no allocation.
 */
#ifndef ZK_KECCAK_H
#define ZK_KECCAK_H

#include "zk_types.h"

/* The permutation, in place, on 25 little-endian lanes. */
void keccak_f1600(uint64_t state[25]);

/* One-shot hash. */
zk_hash keccak256(const uint8_t *data, size_t len);

/* Incremental hashing. */
typedef struct keccak256_ctx {
    uint64_t st[25];
    size_t pos; /* bytes absorbed into the current block */
} keccak256_ctx;

void keccak256_init(keccak256_ctx *c);
void keccak256_update(keccak256_ctx *c, const uint8_t *data, size_t len);
zk_hash keccak256_final(keccak256_ctx *c);

#endif
