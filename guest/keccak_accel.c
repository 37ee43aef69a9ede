/* keccak_accel.c — the accelerated flavour's Keccak-256: src/core's one-shot keccak256(),
 * which the tries, RLP hashing and the EVM's KECCAK256 all use, routed to the zkVM's
 * zkvm_keccak256 accelerator. It replaces src/core/keccak.c in that flavour only (the pure
 * flavour links the software permutation). Nothing else of keccak.h is used by the
 * validator; a caller of the incremental API would fail to link, not fall back silently.
 */
#include <string.h>

#include "core/keccak.h"
#include "zkvm_accelerators.h"
#include "zkvm_io.h"

zk_hash keccak256(const uint8_t *data, size_t len)
{
    zkvm_keccak256_hash h;
    /* Keccak-256 is defined for every input: a failure is a broken zkVM, not an answer. */
    if (zkvm_keccak256(data, len, &h) != ZKVM_EOK)
        abort();
    zk_hash out;
    memcpy(out.b, h.data, 32);
    return out;
}
