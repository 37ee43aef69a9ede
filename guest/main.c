/* main.c — the zkl1 stateless guest: one block's witness in, the public output out.
 *
 *   read_input -> zk_stateless_validate (src/stateless) -> write_output
 *
 * The input is the block's `statelessInputBytes` in the format chosen at build time
 * (ZKL1_GUEST_FORMAT_CANONICAL selects the EIP-8025 canonical format; the default is
 * tests-zkevm v0.3.3); the output is the 41- (or 43-) byte `statelessOutputBytes`. An
 * invalid block is an answer (ok byte 0) and the guest succeeds; only running out of memory
 * has no answer, and then the guest aborts, so that no proof can claim a verdict it did not
 * reach (zkvm-standards: failure through abort(), never a return code alone).
 *
 * Chain rules: Amsterdam's (the validator's default, the only fork the input formats were
 * made for). ZKL1_GUEST_RULES_OSAKA builds a guest for Osaka blocks instead (the benchmark
 * fixtures, through witnesses made by `zkl1 bench vm`): the input carries no fork, so the
 * rules are part of the program.
 *
 * Memory: the vendor library's linker script gives the heap _heap_start.._heap_end. The
 * guest allocator (riscv/rt/heap.c) hands almost all of it to the validator's arena in one
 * block and keeps MP_RESERVE for libtommath (MODEXP in software), which allocates through
 * the zk_mp_* hooks of the same allocator. The VM maps pages on first touch, so an unused
 * arena costs nothing.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "stateless/stateless.h"
#include "zkvm_io.h"

#ifdef ZKL1_GUEST_FORMAT_CANONICAL
#define GUEST_FORMAT ZK_STATELESS_CANONICAL
#else
#define GUEST_FORMAT ZK_STATELESS_V033
#endif

/* Heap left to libtommath: a 1024-byte-operand MODEXP needs well under 1 MiB at a time. */
#define MP_RESERVE ((size_t)64 << 20)

void *malloc(size_t size); /* riscv/rt/heap.c */

extern uint8_t _heap_start[], _heap_end[];

/* The chain rules the guest validates under (chain id from the input); NULL: Amsterdam. */
static const zk_chain_config *guest_rules(zk_chain_config *cfg)
{
#ifdef ZKL1_GUEST_RULES_OSAKA
    memset(cfg, 0, sizeof *cfg);
    cfg->base_fork = ZK_FORK_OSAKA;
    cfg->has_blob_params[ZK_FORK_OSAKA] = true;
    cfg->blob_params[ZK_FORK_OSAKA] = (zk_blob_params){6, 9, 5007716}; /* EIP-7892 Osaka defaults */
    return cfg;
#else
    (void)cfg;
    return NULL;
#endif
}

int main(void)
{
    const uint8_t *in;
    size_t len;
    read_input(&in, &len);

    size_t heap = (size_t)(_heap_end - _heap_start);
    if (heap <= 2 * MP_RESERVE)
        abort();
    size_t arena_size = heap - MP_RESERVE;
    void *mem = malloc(arena_size);
    if (!mem)
        abort();
    zk_arena arena;
    zk_arena_init_fixed(&arena, mem, arena_size);

    uint8_t out[ZK_STATELESS_OUTPUT_MAX];
    size_t out_len;
    zk_chain_config cfg;
    if (zk_stateless_validate_rules(GUEST_FORMAT, guest_rules(&cfg), in, len, &arena, out, &out_len, NULL) != ZK_OK)
        abort();
    write_output(out, out_len);
    return 0;
}
