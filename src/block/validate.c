/* validate.c — header rules that need only the parent (execution-specs validate_header,
 * calculate_base_fee_per_gas, check_gas_limit, calculate_excess_blob_gas), Paris and later.
 */
#include "block.h"

#include <string.h>

#include "msg.h"

#define GAS_LIMIT_ADJUSTMENT_FACTOR 1024u
#define GAS_LIMIT_MINIMUM 5000u
#define ELASTICITY_MULTIPLIER 2u
#define BASE_FEE_MAX_CHANGE_DENOMINATOR 8u
#define BLOB_BASE_COST 8192u /* EIP-7918 */
#define MAX_EXTRA_DATA 32u

/* ---- wide arithmetic: a u256 times a u64 needs 320 bits ---- */

typedef struct wide320 {
    uint64_t w[5]; /* least significant first */
} wide320;

static wide320 mul_u64(const u256 *a, uint64_t m)
{
    wide320 r;
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; i++) {
        unsigned __int128 t = (unsigned __int128)a->w[i] * m + carry;
        r.w[i] = (uint64_t)t;
        carry = t >> 64;
    }
    r.w[4] = (uint64_t)carry;
    return r;
}

/* Floor division by a nonzero u64. */
static wide320 div_u64(const wide320 *a, uint64_t d)
{
    wide320 q;
    uint64_t rem = 0;
    for (int i = 4; i >= 0; i--)
        q.w[i] = u256_div128_by_64(rem, a->w[i], d, &rem);
    return q;
}

static bool wide_fits(const wide320 *a) { return a->w[4] == 0; }

static u256 wide_low(const wide320 *a)
{
    u256 r = {{a->w[0], a->w[1], a->w[2], a->w[3]}};
    return r;
}

static const u256 U256_MAX = {{UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX}};

/* ---- EIP-1559 ---- */

u256 zk_expected_base_fee(const zk_header *parent)
{
    uint64_t target = parent->gas_limit / ELASTICITY_MULTIPLIER;
    const u256 *base = &parent->base_fee_per_gas;
    if (target == 0 || parent->gas_used == target)
        return *base;
    /* delta = base * |used - target| / target / 8; floor(floor(x/a)/b) = floor(x/(a*b)). */
    bool up = parent->gas_used > target;
    uint64_t diff = up ? parent->gas_used - target : target - parent->gas_used;
    wide320 x = mul_u64(base, diff);
    x = div_u64(&x, target);
    x = div_u64(&x, BASE_FEE_MAX_CHANGE_DENOMINATOR);
    u256 delta = wide_low(&x); /* diff <= target + 1 keeps this below 2 * base */
    if (up) {
        if (u256_is_zero(&delta))
            delta = u256_from_u64(1);
        u256 r;
        return u256_add_overflow(&r, base, &delta) ? U256_MAX : r;
    }
    return u256_sub(base, &delta);
}

/* ---- EIP-4844 / EIP-7918 ---- */

u256 zk_blob_base_fee(uint64_t excess_blob_gas, uint64_t update_fraction)
{
    if (update_fraction == 0)
        return U256_MAX;
    /* fake_exponential(1, excess, fraction): sum of fraction * (excess/fraction)^i / i!,
     * divided by fraction at the end. */
    u256 acc = u256_from_u64(update_fraction);
    u256 out = u256_zero();
    for (uint64_t i = 1; !u256_is_zero(&acc); i++) {
        if (u256_add_overflow(&out, &out, &acc))
            return U256_MAX;
        wide320 t = mul_u64(&acc, excess_blob_gas);
        t = div_u64(&t, update_fraction);
        t = div_u64(&t, i);
        if (!wide_fits(&t))
            return U256_MAX;
        acc = wide_low(&t);
    }
    u256 frac = u256_from_u64(update_fraction);
    return u256_div(&out, &frac);
}

uint64_t zk_expected_excess_blob_gas(zk_fork fork, const zk_blob_params *bp, const zk_header *parent)
{
    if (!parent->has_blob_gas)
        return 0; /* the first Cancun block */
    uint64_t excess = parent->excess_blob_gas, used = parent->blob_gas_used;
    unsigned __int128 parent_blob_gas = (unsigned __int128)excess + used;
    unsigned __int128 target_gas = (unsigned __int128)bp->target * ZK_GAS_PER_BLOB;
    if (parent_blob_gas < target_gas)
        return 0;
    if (zk_fork_at_least(fork, ZK_FORK_OSAKA) && parent->has_base_fee && bp->max > 0) {
        /* EIP-7918: while the execution cost of a blob (BLOB_BASE_COST * base fee)
         * exceeds its blob-gas price, excess only grows (scaled by (max-target)/max). */
        u256 price = zk_blob_base_fee(excess, bp->base_fee_update_fraction);
        wide320 target_price = mul_u64(&price, ZK_GAS_PER_BLOB);
        wide320 reserve = mul_u64(&parent->base_fee_per_gas, BLOB_BASE_COST);
        bool reserve_higher = false;
        for (int i = 4; i >= 0; i--) {
            if (reserve.w[i] != target_price.w[i]) {
                reserve_higher = reserve.w[i] > target_price.w[i];
                break;
            }
        }
        if (reserve_higher) {
            uint64_t span = bp->max > bp->target ? bp->max - bp->target : 0;
            u256 used256 = u256_from_u64(used);
            wide320 scaled = mul_u64(&used256, span);
            scaled = div_u64(&scaled, bp->max); /* < used: fits 64 bits */
            return excess + scaled.w[0];
        }
    }
    return (uint64_t)(parent_blob_gas - target_gas);
}

/* ---- header validation ---- */

static bool check_gas_limit(uint64_t gas_limit, uint64_t parent_gas_limit)
{
    uint64_t delta = parent_gas_limit / GAS_LIMIT_ADJUSTMENT_FACTOR;
    if ((unsigned __int128)gas_limit >= (unsigned __int128)parent_gas_limit + delta)
        return false;
    if (gas_limit <= parent_gas_limit - delta)
        return false;
    return gas_limit >= GAS_LIMIT_MINIMUM;
}

static bool is_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

static zk_status fail(zk_msg *m, const char *what)
{
    zk_msg_str(m, what);
    return ZK_ERR_INVALID;
}

static zk_status fail_u64(zk_msg *m, const char *what, uint64_t got, uint64_t want)
{
    zk_msg_str(m, what);
    zk_msg_str(m, ": header ");
    zk_msg_u64(m, got);
    zk_msg_str(m, ", expected ");
    zk_msg_u64(m, want);
    return ZK_ERR_INVALID;
}

/* The optional fields a fork's headers carry: exactly those, no more, no fewer. */
static zk_status check_field_presence(zk_fork fork, const zk_header *h, zk_msg *m)
{
    bool ok = h->has_base_fee == zk_fork_at_least(fork, ZK_FORK_LONDON) &&
              h->has_withdrawals_root == zk_fork_at_least(fork, ZK_FORK_SHANGHAI) &&
              h->has_blob_gas == zk_fork_at_least(fork, ZK_FORK_CANCUN) &&
              h->has_parent_beacon_root == zk_fork_at_least(fork, ZK_FORK_CANCUN) &&
              h->has_requests_hash == zk_fork_at_least(fork, ZK_FORK_PRAGUE) &&
              h->has_block_access_list_hash == zk_fork_at_least(fork, ZK_FORK_AMSTERDAM) &&
              h->has_slot_number == zk_fork_at_least(fork, ZK_FORK_AMSTERDAM);
    if (ok)
        return ZK_OK;
    zk_msg_str(m, "INCORRECT_BLOCK_FORMAT: header fields do not match fork ");
    zk_msg_str(m, zk_fork_name(fork));
    return ZK_ERR_INVALID;
}

zk_status zk_header_validate(const zk_chain_config *cfg, const zk_header *parent, const zk_header *h,
                             char *reason, size_t reason_len)
{
    zk_msg m = zk_msg_start(reason, reason_len);
    zk_fork fork = zk_chain_fork_at(cfg, h->timestamp);
    if (!zk_fork_at_least(fork, ZK_FORK_PARIS))
        return fail(&m, "UNSUPPORTED_FORK: only Paris and later are implemented");
    zk_status st = check_field_presence(fork, h, &m);
    if (st != ZK_OK)
        return st;
    if (h->number < 1 || parent->number == UINT64_MAX || h->number != parent->number + 1)
        return fail_u64(&m, "INVALID_BLOCK_NUMBER", h->number, parent->number + 1);
    if (!zk_hash_eq(&h->parent_hash, &parent->hash))
        return fail(&m, "UNKNOWN_PARENT: parent hash does not match the parent header");
    if (h->timestamp <= parent->timestamp)
        return fail_u64(&m, "INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT", h->timestamp, parent->timestamp + 1);

    if (h->has_blob_gas) {
        zk_blob_params bp = zk_chain_blob_params(cfg, fork);
        uint64_t want = zk_expected_excess_blob_gas(fork, &bp, parent);
        if (h->excess_blob_gas != want)
            return fail_u64(&m, "INCORRECT_EXCESS_BLOB_GAS", h->excess_blob_gas, want);
        /* blob_gas_used is checked after execution against the transactions' blob gas,
         * which reports the transaction at fault (as the spec does). */
    }
    if (h->gas_used > h->gas_limit)
        return fail_u64(&m, "INVALID_GAS_USED_ABOVE_LIMIT", h->gas_used, h->gas_limit);
    if (!check_gas_limit(h->gas_limit, parent->gas_limit))
        return fail_u64(&m, "INVALID_GASLIMIT", h->gas_limit, parent->gas_limit);

    if (parent->has_base_fee) {
        u256 want = zk_expected_base_fee(parent);
        if (!u256_eq(&want, &h->base_fee_per_gas)) {
            zk_msg_str(&m, "INVALID_BASEFEE_PER_GAS: header ");
            zk_msg_u256(&m, &h->base_fee_per_gas);
            zk_msg_str(&m, ", expected ");
            zk_msg_u256(&m, &want);
            return ZK_ERR_INVALID;
        }
    } else {
        /* The London transition block starts at the initial base fee. */
        u256 initial = u256_from_u64(1000000000u);
        if (!u256_eq(&initial, &h->base_fee_per_gas))
            return fail(&m, "INVALID_BASEFEE_PER_GAS: the first London block must have 1 gwei");
    }
    if (h->extra_data.len > MAX_EXTRA_DATA)
        return fail_u64(&m, "EXTRA_DATA_TOO_BIG", h->extra_data.len, MAX_EXTRA_DATA);
    if (!u256_is_zero(&h->difficulty))
        return fail(&m, "INVALID_DIFFICULTY: must be 0 after the merge");
    if (!is_zero(h->nonce, sizeof h->nonce))
        return fail(&m, "INVALID_BLOCK_NONCE: must be 0 after the merge");
    if (!zk_hash_eq(&h->ommers_hash, &ZK_EMPTY_OMMERS_HASH))
        return fail(&m, "INVALID_UNCLES_HASH: must be the empty list hash after the merge");
    return ZK_OK;
}
