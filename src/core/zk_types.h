/* zk_types.h — basic fixed-size types shared by every zkl1 module.
 *
 * Freestanding: only <stdint.h>, <stddef.h>, <stdbool.h>. Safe for riscv64im guests.
 */
#ifndef ZK_TYPES_H
#define ZK_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A 32-byte hash (keccak-256, sha-256, trie roots), big-endian byte order as on the wire. */
typedef struct zk_hash {
    uint8_t b[32];
} zk_hash;

/* A 20-byte Ethereum address. */
typedef struct zk_address {
    uint8_t b[20];
} zk_address;

/* A 256-byte logs bloom. */
typedef struct zk_bloom {
    uint8_t b[256];
} zk_bloom;

/* A borrowed byte range: never owned by the holder. */
typedef struct zk_bytes {
    const uint8_t *ptr;
    size_t len;
} zk_bytes;

/* Status codes used across modules. ZK_OK is 0; errors are negative. */
typedef enum zk_status {
    ZK_OK = 0,
    ZK_ERR_NOMEM = -1,      /* arena exhausted */
    ZK_ERR_DECODE = -2,     /* malformed encoding (RLP, SSZ, hex, JSON field) */
    ZK_ERR_INVALID = -3,    /* well-formed but invalid by protocol rules */
    ZK_ERR_MISSING = -4,    /* state backend lacks data it must have (e.g. witness node) */
    ZK_ERR_RANGE = -5,      /* value out of the representable/allowed range */
    ZK_ERR_INTERNAL = -6,   /* a bug: invariant broken */
} zk_status;

static inline bool zk_hash_eq(const zk_hash *a, const zk_hash *b)
{
    for (int i = 0; i < 32; i++)
        if (a->b[i] != b->b[i])
            return false;
    return true;
}

static inline bool zk_address_eq(const zk_address *a, const zk_address *b)
{
    for (int i = 0; i < 20; i++)
        if (a->b[i] != b->b[i])
            return false;
    return true;
}

/* keccak256 of the empty string and of rlp(empty list) / the empty trie root. */
extern const zk_hash ZK_EMPTY_CODE_HASH;   /* c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470 */
extern const zk_hash ZK_EMPTY_TRIE_ROOT;   /* 56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421 */
extern const zk_hash ZK_EMPTY_OMMERS_HASH; /* 1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347 */

#endif
