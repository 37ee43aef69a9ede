/* accel_hash.c — software backend for the hash accelerators: keccak256 (src/core/keccak.c),
 * SHA-256 (blst), RIPEMD-160 and BLAKE2F (src/crypto, written in-project).
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
#include "../crypto/blake2f.h"
#include "../crypto/ripemd160.h"
#include "accel_internal.h"
#include "accel_software.h"

zkvm_status zk_sw_keccak256(const uint8_t *data, size_t len, zkvm_keccak256_hash *output)
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

zkvm_status zk_sw_sha256(const uint8_t *data, size_t len, zkvm_sha256_hash *output)
{
    ZK_ACCEL_REQUIRE(output);
    static const uint8_t empty[1] = {0};
    if (len == 0)
        data = empty; /* callers may pass NULL for an empty message */
    ZK_ACCEL_REQUIRE(data);
    blst_sha256(output->data, data, len);
    return ZKVM_EOK;
}

zkvm_status zk_sw_ripemd160(const uint8_t *data, size_t len, zkvm_ripemd160_hash *output)
{
    ZK_ACCEL_REQUIRE(output);
    if (len > 0)
        ZK_ACCEL_REQUIRE(data);
    memset(output->data, 0, 12);
    zk_ripemd160(data, len, output->data + 12);
    return ZKVM_EOK;
}

static uint64_t load_le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static void store_le64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

zkvm_status zk_sw_blake2f(uint32_t rounds, zkvm_blake2f_state *h, const zkvm_blake2f_message *m,
                         const zkvm_blake2f_offset *t, uint8_t f)
{
    ZK_ACCEL_REQUIRE(h);
    ZK_ACCEL_REQUIRE(m);
    ZK_ACCEL_REQUIRE(t);
    if (f > 1)
        return ZKVM_EFAIL;
    uint64_t hw[8], mw[16], tw[2];
    for (int i = 0; i < 8; i++)
        hw[i] = load_le64(h->data + 8 * i);
    for (int i = 0; i < 16; i++)
        mw[i] = load_le64(m->data + 8 * i);
    tw[0] = load_le64(t->data);
    tw[1] = load_le64(t->data + 8);
    zk_blake2b_compress(rounds, hw, mw, tw, f == 1);
    for (int i = 0; i < 8; i++)
        store_le64(h->data + 8 * i, hw[i]);
    return ZKVM_EOK;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(keccak256);
ZK_ACCEL_BIND(sha256);
ZK_ACCEL_BIND(ripemd160);
ZK_ACCEL_BIND(blake2f);
