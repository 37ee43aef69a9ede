/* fork.h — fork identifiers, the chain's fork schedule and blob parameters.
 *
 * Fork rules are selected by comparing zk_fork values (`fork >= ZK_FORK_PRAGUE`).
 * BPO forks (blob-parameter-only) change only the blob schedule; for EVM rules they
 * behave as the fork they extend (Osaka). Freestanding.
 */
#ifndef ZK_FORK_H
#define ZK_FORK_H

#include "../core/zk_types.h"

typedef enum zk_fork {
    ZK_FORK_FRONTIER = 0,
    ZK_FORK_HOMESTEAD,
    ZK_FORK_TANGERINE,
    ZK_FORK_SPURIOUS,
    ZK_FORK_BYZANTIUM,
    ZK_FORK_CONSTANTINOPLE,
    ZK_FORK_PETERSBURG,
    ZK_FORK_ISTANBUL,
    ZK_FORK_BERLIN,
    ZK_FORK_LONDON,
    ZK_FORK_PARIS,
    ZK_FORK_SHANGHAI,
    ZK_FORK_CANCUN,
    ZK_FORK_PRAGUE,
    ZK_FORK_OSAKA,
    ZK_FORK_BPO1,
    ZK_FORK_BPO2,
    ZK_FORK_BPO3,
    ZK_FORK_BPO4,
    ZK_FORK_BPO5,
    ZK_FORK_AMSTERDAM,
    ZK_FORK_COUNT
} zk_fork;

/* EVM/protocol rules of a fork: BPOn behave as Osaka. */
static inline bool zk_fork_at_least(zk_fork f, zk_fork g) { return f >= g; }

typedef struct zk_blob_params {
    uint64_t target;                   /* blobs per block */
    uint64_t max;
    uint64_t base_fee_update_fraction;
} zk_blob_params;

/* One activation in a schedule: from `timestamp` on (timestamp-based forks, Shanghai+)
 * the chain runs `fork`. Block-number forks up to Paris are not scheduled here: a chain
 * starts at its base fork. */
typedef struct zk_fork_activation {
    zk_fork fork;
    uint64_t timestamp;
} zk_fork_activation;

/* Amsterdam is still a devnet fork: EEST releases pin different drafts of its EIPs. The
 * default follows tests-bal@v5.7.0 (execution-specs forks/amsterdam of that release). */
typedef enum zk_amsterdam_rules {
    ZK_AMSTERDAM_BAL_V5_7 = 0,
    /* tests-zkevm@v0.3.3 (an earlier EIP-8037 draft): the block's state gas counts the
     * intrinsic state gas net of EIP-7702 refunds and keeps the state gas of a failed
     * transaction; a failed CREATE and accounts created and destroyed in one transaction
     * refund nothing. */
    ZK_AMSTERDAM_ZKEVM_V0_3,
} zk_amsterdam_rules;

typedef struct zk_chain_config {
    uint64_t chain_id;
    zk_fork base_fork;                      /* fork at genesis */
    zk_fork_activation activations[4];      /* later forks, ascending timestamps */
    size_t num_activations;
    bool has_blob_params[ZK_FORK_COUNT];    /* from the test's config.blobSchedule */
    zk_blob_params blob_params[ZK_FORK_COUNT];
    zk_amsterdam_rules amsterdam_rules;
} zk_chain_config;

/* The fork in force for a block at `timestamp`. */
zk_fork zk_chain_fork_at(const zk_chain_config *c, uint64_t timestamp);
/* Blob parameters in force for `fork` (falls back to the nearest earlier fork that has
 * them, then to the protocol defaults: Cancun 3/6/3338477, Prague 6/9/5007716). */
zk_blob_params zk_chain_blob_params(const zk_chain_config *c, zk_fork fork);

/* Name <-> fork ("Cancun", "Prague", "Osaka", "BPO1", "Amsterdam", ...). */
const char *zk_fork_name(zk_fork f);
bool zk_fork_from_name(const char *name, size_t len, zk_fork *out);

/* Parses an EEST network name into a chain schedule: plain forks ("Osaka") and
 * transitions ("PragueToOsakaAtTime15k", "OsakaToBPO1AtTime15k", "BPO2ToAmsterdamAtTime15k").
 * Returns false for names it does not know. chain_id and blob params are left to the caller. */
bool zk_chain_from_network(const char *network, zk_chain_config *out);

#endif
