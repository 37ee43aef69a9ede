/* keccak_ref.c — host reference for the benchmark guest (guests/bench_keccak.c): the same
 * chained Keccak-256 computed natively with zk_core, written raw to stdout. */
#include <stdio.h>
#include <stdlib.h>

#include "core/keccak.h"

int main(int argc, char **argv)
{
    unsigned long rounds = argc > 1 ? strtoul(argv[1], NULL, 10) : 20000;
    uint8_t block[136];
    for (unsigned i = 0; i < sizeof block; i++)
        block[i] = (uint8_t)i;
    zk_hash h = {{0}};
    for (unsigned long r = 0; r < rounds; r++) {
        for (unsigned i = 0; i < 32; i++)
            block[i] = h.b[i];
        h = keccak256(block, sizeof block);
    }
    return fwrite(h.b, 1, 32, stdout) == 32 ? 0 : 1;
}
