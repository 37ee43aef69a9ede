/* stateless_cli.h — host-only helpers shared by the stateless tools: `zkl1 stateless`,
 * `zkl1 blocktest --stateless` and `zkl1 bench stateless`.
 *
 * The zkEVM fixtures (tests-zkevm) are blockchain_test files whose blocks carry
 * `statelessInputBytes` and `statelessOutputBytes` (hex strings): the guest input and the
 * public output it must produce, byte for byte.
 */
#ifndef ZK_CLI_STATELESS_CLI_H
#define ZK_CLI_STATELESS_CLI_H

#include <jansson.h>

#include "../stateless/stateless.h"

/* "v0.3.3" or "canonical" -> format; false for anything else. */
bool sl_parse_format(const char *name, zk_stateless_format *out);

/* One block of a fixture test that carries stateless bytes. `input`/`expected` are
 * malloc'd by the iterator and freed after the callback returns. */
typedef struct sl_block {
    size_t index; /* position in the test's blocks[] */
    uint8_t *input;
    size_t input_len;
    uint8_t *expected;
    size_t expected_len;
} sl_block;

/* Calls fn for every block of `test` with statelessInputBytes and statelessOutputBytes.
 * Returns the number of such blocks, or -1 (reason in err) when the fixture is malformed
 * or fn returned non-zero (fn sets err itself then). */
typedef int (*sl_block_fn)(void *user, const sl_block *b, char *err, size_t err_len);
long sl_foreach_block(json_t *test, sl_block_fn fn, void *user, char *err, size_t err_len);

/* Runs the validator on every stateless block of one fixture test and compares the output
 * with statelessOutputBytes. Returns 0 when all match, 1 when the test has no stateless
 * blocks (skip), -1 with the first mismatch in `reason`. Used by `zkl1 blocktest
 * --stateless` (see cmd_blocktest.c). */
int bt_stateless_run(json_t *test, zk_stateless_format format, char *reason, size_t reason_len);

#endif
