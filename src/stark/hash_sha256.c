/* hash_sha256.c — SHA-256 through blst (assembly with SHA-NI dispatch on x86-64, portable C
 * with __BLST_NO_ASM__ in guests). */
#include "hash.h"

#include <string.h>

#include "blst.h"
#include "blst_aux.h"

void stark_hash_bytes(zk_hash *out, const void *data, size_t len)
{
    blst_sha256(out->b, (const byte *)data, len);
}

void stark_hash_pair(zk_hash *out, const zk_hash *left, const zk_hash *right)
{
    uint8_t buf[64];
    memcpy(buf, left->b, 32);
    memcpy(buf + 32, right->b, 32);
    blst_sha256(out->b, buf, sizeof buf);
}
