/* ripemd160.h — RIPEMD-160 (Dobbertin, Bosselaers, Preneel 1996), for the 0x03 precompile.
 *
 * Freestanding; no allocation.
 */
#ifndef ZK_RIPEMD160_H
#define ZK_RIPEMD160_H

#include <stddef.h>
#include <stdint.h>

typedef struct zk_ripemd160_ctx {
    uint32_t h[5];
    uint64_t total;     /* bytes absorbed so far */
    uint8_t block[64];  /* pending partial block */
    size_t fill;        /* bytes in block */
} zk_ripemd160_ctx;

void zk_ripemd160_init(zk_ripemd160_ctx *c);
void zk_ripemd160_update(zk_ripemd160_ctx *c, const uint8_t *data, size_t len);
/* Writes the 20-byte digest; the context must be re-initialised before reuse. */
void zk_ripemd160_final(zk_ripemd160_ctx *c, uint8_t digest[20]);

/* One call: digest of data[0, len). data may be NULL when len is 0. */
void zk_ripemd160(const uint8_t *data, size_t len, uint8_t digest[20]);

#endif
