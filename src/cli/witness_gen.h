/* witness_gen.h — host-only: stateless guest inputs for fixtures that carry none.
 *
 * The benchmark fixtures (EEST blockchain_tests, Osaka) have no statelessInputBytes. This
 * executes each block statefully from the test's `pre` (in-memory state), records what the
 * block reads and writes, and builds the block's execution witness the way a client would:
 * every trie node the stateless validator resolves (the pre-state paths of the accounts and
 * slots read, plus the nodes the writes and deletes need for the new root: replayed on tries
 * that resolve lazily from the full pre-state and record each node they fetch), the codes
 * read, and the ancestor headers back to the oldest BLOCKHASH served. The result is encoded
 * as a tests-zkevm v0.3.3 StatelessInput (no execution requests; public keys empty) and
 * checked with the native validator under the test's own chain rules
 * (zk_stateless_validate_rules): it must say valid, with the block's gas.
 */
#ifndef ZK_CLI_WITNESS_GEN_H
#define ZK_CLI_WITNESS_GEN_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../evm/fork.h"

/* Called for each valid block, in order: `input` (v0.3.3 bytes), the native validator's
 * output for it (41 bytes, ok = 1; NULL with ZK_WITNESS_UNCHECKED), and the gas the block
 * used; all valid only during the call. A non-zero return stops the walk. */
typedef int (*zk_witness_block_fn)(void *user, size_t index, const uint8_t *input, size_t len, const uint8_t *output,
                                   size_t output_len, uint64_t gas_used);

/* Walks the blocks of one fixture test, stopping at the first block the fixture expects to
 * be invalid or whose header says more than max_gas gas (0: no limit; later blocks build on
 * it). `rules` receives the test's chain rules. Returns the number of blocks given to fn,
 * or -1 with the reason in err. */
long zk_witness_generate(json_t *test, const char *id, uint64_t max_gas, unsigned flags, zk_chain_config *rules,
                         zk_witness_block_fn fn, void *user, char *err, size_t err_len);

/* flags: skip the native validation of each input. For comparing the witness alone (e.g.
 * with a fixture's own for Amsterdam blocks, whose payload needs the block access list,
 * which this encoder leaves empty). */
#define ZK_WITNESS_UNCHECKED 1u

#endif
