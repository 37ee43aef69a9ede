/* fuzz_stateless.c — libFuzzer target: arbitrary bytes as the guest input, in both formats.
 * The validator must return a deterministic output (or ZK_ERR_NOMEM when the fixed 256 MiB
 * arena runs out), never crash, read out of bounds or hang. Build with -DZK_FUZZ=ON. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "stateless/stateless.h"

#define ARENA_BYTES (256u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static void *mem;
    if (!mem && !(mem = malloc(ARENA_BYTES)))
        return 0;
    static const uint8_t zero[ZK_STATELESS_OUTPUT_MAX];
    for (int f = 0; f < 2; f++) {
        zk_stateless_format format = f ? ZK_STATELESS_CANONICAL : ZK_STATELESS_V033;
        zk_arena a;
        zk_arena_init_fixed(&a, mem, ARENA_BYTES);
        uint8_t out[ZK_STATELESS_OUTPUT_MAX];
        size_t out_len;
        zk_stateless_report rep;
        zk_status st = zk_stateless_validate_ex(format, data, size, &a, out, &out_len, &rep);
        if (st == ZK_ERR_NOMEM)
            continue;
        if (st != ZK_OK || out_len != zk_stateless_output_size(format) || out[32] > 1 ||
            (!rep.decoded && memcmp(out, zero, out_len) != 0))
            abort();
    }
    return 0;
}
