/* blocktest_fixture.h — host-only: EEST blockchain_test fixtures (JSON) turned into
 * decoded blocks, chain configurations and in-memory states, and one test run end to end.
 * Shared by `zkl1 blocktest` and `zkl1 bench evm`.
 *
 * A fixture test is a JSON object with network, config (chainid, blobSchedule), pre,
 * genesisRLP, genesisBlockHeader, blocks[] (rlp, optional expectException), lastblockhash
 * and postState or postStateHash.
 */
#ifndef ZK_CLI_BLOCKTEST_FIXTURE_H
#define ZK_CLI_BLOCKTEST_FIXTURE_H

#include <jansson.h>
#include <stdio.h>

#include "../block/block.h"
#include "../core/arena.h"

typedef struct bt_block {
    zk_bytes rlp;           /* raw block bytes (arena) */
    bool expect_invalid;    /* the fixture has expectException */
    const char *expect;     /* the exception text, or NULL */
    bool decoded;           /* rlp decoded into blk */
    zk_block blk;
} bt_block;

typedef struct bt_test {
    const char *id;         /* the JSON key */
    const char *network;
    json_t *json;           /* borrowed */
    zk_chain_config cfg;
    zk_arena arena;         /* decoded blocks and genesis; released by bt_test_free */
    zk_header genesis;
    bt_block *blocks;
    size_t num_blocks;
    FILE *rejections;       /* if set: one line per expected rejection, with our reason */
} bt_test;

/* Parses the network, chain config, genesis and blocks of one test. Returns 0, or -1 with
 * a reason in err. bt_test_free must be called in both cases. */
int bt_test_prepare(bt_test *t, json_t *json, const char *id, char *err, size_t err_len);
void bt_test_free(bt_test *t);

/* An in-memory state loaded from a JSON account map (pre or postState), in `a`. Returns
 * NULL with a reason in err on malformed input. */
zk_state_backend *bt_state_load(zk_arena *a, json_t *accounts, char *err, size_t err_len);

/* Runs the whole test: genesis checks, every block (valid ones must import, blocks with
 * expectException must be rejected), lastblockhash and the post-state. Returns 0 when the
 * test passes, else -1 with the reason in `reason`. `gas_out` (may be NULL) gets the gas
 * of the imported blocks. */
int bt_test_run(bt_test *t, uint64_t *gas_out, char *reason, size_t reason_len);

/* Only execution: imports the blocks into a fresh copy of the pre-state, without the
 * post-state checks. Returns 0 when every block behaved as the fixture says. `seconds`
 * gets the time spent in block validation and execution alone. */
int bt_test_execute(bt_test *t, uint64_t *gas_out, double *seconds, char *reason, size_t reason_len);

/* The default network selection: Cancun, Prague, Osaka, BPO forks and transitions
 * among them. */
bool bt_network_is_default(const char *network);

#endif
