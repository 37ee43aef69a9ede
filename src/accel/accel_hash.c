/* accel_hash.c — software backend for the hash accelerators: keccak256 (src/core/keccak.c) and
 * SHA-256 (blst).
 *
 * SHA-256 comes from blst rather than BearSSL because blst is linked anyway (BLS12-381, KZG, whose
 * versioned hashes are SHA-256) and its host build picks the SHA-NI / SSSE3 assembly at run time,
 * several times faster than BearSSL's portable C; in the guest both are plain C of similar cost,
 * and one SHA-256 in the whole binary is easier to swap for an accelerator. Freestanding.
 */
#include "zkvm_accelerators.h"

#include <blst.h>
#include <string.h>

#include "../core/keccak.h"
#include "accel_internal.h"

zkvm_status zkvm_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output)
{
    ZK_ACCEL_REQUIRE(output);
    static const uint8_t empty[1] = {0};
    if (len == 0)
        data = empty; /* callers may pass NULL for an empty message */
    ZK_ACCEL_REQUIRE(data);
    zk_hash h = keccak256(data, len);
    memcpy(output->data, h.b, 32);
    return ZKVM_EOK;
}

zkvm_status zkvm_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output)
{
    ZK_ACCEL_REQUIRE(output);
    static const uint8_t empty[1] = {0};
    if (len == 0)
        data = empty; /* callers may pass NULL for an empty message */
    ZK_ACCEL_REQUIRE(data);
    blst_sha256(output->data, data, len);
    return ZKVM_EOK;
}
