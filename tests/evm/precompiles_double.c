/* precompiles_double.c — a test double for src/crypto/precompiles.h, linked into test_evm
 * only while the real implementation (src/crypto/precompiles.c) is absent from the tree.
 * It knows which addresses are precompiles per fork and runs IDENTITY (0x04); any other
 * precompile fails as if given invalid input. */
#include <string.h>

#include "crypto/precompiles.h"

bool zk_precompile_exists(zk_fork fork, const zk_address *addr)
{
    for (int i = 0; i < 18; i++)
        if (addr->b[i] != 0)
            return false;
    unsigned v = (unsigned)addr->b[18] << 8 | addr->b[19];
    unsigned last = fork >= ZK_FORK_PRAGUE ? 0x11 : 0x0a;
    return (v >= 1 && v <= last) || (v == 0x100 && fork >= ZK_FORK_OSAKA);
}

zk_status zk_precompile_run(zk_fork fork, const zk_address *addr, const uint8_t *input, size_t input_len,
                            uint64_t gas, zk_arena *a, uint64_t *gas_used, bool *success, zk_bytes *output)
{
    output->ptr = NULL;
    output->len = 0;
    uint64_t cost = 15 + 3 * ((input_len + 31) / 32);
    if (addr->b[19] != 4 || cost > gas) {
        *gas_used = gas;
        *success = false;
        return ZK_OK;
    }
    uint8_t *out = input_len ? zk_arena_alloc(a, input_len) : NULL;
    if (input_len && out == NULL)
        return ZK_ERR_NOMEM;
    if (input_len)
        memcpy(out, input, input_len);
    output->ptr = out;
    output->len = input_len;
    *gas_used = cost;
    *success = true;
    return ZK_OK;
}
