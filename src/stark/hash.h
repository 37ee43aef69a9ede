/* hash.h — the hash behind every STARK commitment and the Fiat–Shamir transcript.
 *
 * The proof format names its hash (STARK_HASH_SHA256 in proof v1); everything in src/stark
 * hashes through these two functions, so another 256-bit hash (BLAKE3, a zkVM SHA-256
 * accelerator, later Poseidon2) is a change of this file's implementation and of the id.
 * Digests are 32 bytes: 128-bit collision resistance, as the soundness argument assumes.
 *
 * Freestanding; no allocation; thread-safe (no shared state).
 */
#ifndef ZK_STARK_HASH_H
#define ZK_STARK_HASH_H

#include "core/zk_types.h"

#define STARK_HASH_SHA256 1

/* out = H(data[0..len)). */
void stark_hash_bytes(zk_hash *out, const void *data, size_t len);

/* out = H(left || right): the Merkle 2-to-1 compression (64-byte input). */
void stark_hash_pair(zk_hash *out, const zk_hash *left, const zk_hash *right);

#endif
