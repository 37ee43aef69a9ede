/* bench_keccak.c — a compute-heavy guest for `zkl1 bench vm`: repeated Keccak-256 of a
 * 136-byte block (src/core/keccak.c, compiled for rv64im), chained. The input is an optional
 * little-endian u32 round count (default 20000); the output is the final hash. */
#include <stdint.h>

#include "core/keccak.h"
#include "zkvm_io.h"

int main(void)
{
    const uint8_t *in;
    size_t len;
    read_input(&in, &len);
    uint32_t rounds = 20000;
    if (len >= 4)
        rounds = (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
    uint8_t block[136];
    for (unsigned i = 0; i < sizeof block; i++)
        block[i] = (uint8_t)i;
    zk_hash h = {{0}};
    for (uint32_t r = 0; r < rounds; r++) {
        for (unsigned i = 0; i < 32; i++)
            block[i] = h.b[i];
        h = keccak256(block, sizeof block);
    }
    write_output(h.b, 32);
    return 0;
}
