/* fuzz_common.h — the shared body of the per-precompile libFuzzer targets (fuzz_*.c, built with
 * -DZK_FUZZ=ON). Runs one precompile on the fuzz input in several forks and checks the contract
 * of zk_precompile_run on every input: no crash or sanitizer report, status OK (the arena is
 * large), gas_used <= gas, failure consumes all gas with empty output, and a successful call has
 * the output length its specification fixes. Gas is capped (1M) so BLAKE2F's round count stays
 * quick; the first input byte picks the gas level, so out-of-gas paths are reached too. */
#ifndef ZK_FUZZ_COMMON_H
#define ZK_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/arena_malloc.h"
#include "../../src/crypto/precompiles.h"

static void fuzz_fail(const char *what, uint16_t address, zk_fork fork)
{
    fprintf(stderr, "precompile 0x%x, fork %d: %s\n", address, (int)fork, what);
    abort();
}

/* Output length of a successful call, or -1 when it depends on the input (checked separately). */
static long fuzz_expected_len(uint16_t address, const uint8_t *in, size_t len)
{
    switch (address) {
    case 0x02: case 0x03: case 0x08: case 0x0f: return 32;
    case 0x04: return (long)len;
    case 0x06: case 0x07: case 0x09: case 0x0a: return 64;
    case 0x0b: case 0x0c: case 0x10: return 128;
    case 0x0d: case 0x0e: case 0x11: return 256;
    default: (void)in; return -1; /* 0x01, 0x100: 0 or 32; 0x05: mod_len */
    }
}

static int fuzz_precompile(uint16_t address, const uint8_t *data, size_t size)
{
    static const zk_fork forks[] = {ZK_FORK_BYZANTIUM, ZK_FORK_BERLIN, ZK_FORK_CANCUN, ZK_FORK_PRAGUE, ZK_FORK_OSAKA};
    static const uint64_t gas_levels[] = {0, 100, 3000, 50000, 1000000};
    uint64_t gas = size ? gas_levels[data[0] % 5] : 1000000;
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_address addr = {{0}};
    addr.b[18] = (uint8_t)(address >> 8);
    addr.b[19] = (uint8_t)address;
    for (size_t f = 0; f < sizeof forks / sizeof forks[0]; f++) {
        zk_fork fork = forks[f];
        if (!zk_precompile_exists(fork, &addr))
            continue;
        uint64_t used = 0;
        bool ok = false;
        zk_bytes out = {0};
        zk_status st = zk_precompile_run(fork, &addr, data, size, gas, &arena, &used, &ok, &out);
        if (st != ZK_OK)
            fuzz_fail("status not OK", address, fork);
        if (used > gas)
            fuzz_fail("used more gas than given", address, fork);
        if (!ok && (used != gas || out.len != 0))
            fuzz_fail("failure must consume all gas and return nothing", address, fork);
        if (ok) {
            long want = fuzz_expected_len(address, data, size);
            if (want >= 0 && out.len != (size_t)want)
                fuzz_fail("wrong output length", address, fork);
            if ((address == 0x01 || address == 0x100) && out.len != 0 && out.len != 32)
                fuzz_fail("signature precompile output must be empty or 32 bytes", address, fork);
            if (address == 0x04 && size && memcmp(out.ptr, data, size) != 0)
                fuzz_fail("identity must copy", address, fork);
            if ((address == 0x08 || address == 0x0f || address == 0x100) && out.len == 32 &&
                (out.ptr[31] > 1 || memcmp(out.ptr, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 31)))
                fuzz_fail("boolean output must be 0 or 1", address, fork);
        }
    }
    zk_arena_release(&arena);
    return 0;
}

#define ZK_FUZZ_TARGET(address)                                                                    \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                                  \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fuzz_precompile((address), data, size); }

#endif
