/* tx.c — transaction validation and execution, system calls and withdrawals.
 *
 * Follows process_transaction / check_transaction / validate_transaction of
 * ethereum/execution-specs (cancun, prague, osaka). A transaction found invalid leaves the
 * state untouched: every check happens before the first mutation.
 */
#include <string.h>

#include "../accel/zkvm_accelerators.h"
#include "../crypto/precompiles.h"
#include "bal.h"

enum {
    TX_BASE_COST = 21000,
    TX_CREATE_COST = 32000,
    TX_DATA_ZERO = 4,
    TX_DATA_NONZERO = 16,
    TX_DATA_NONZERO_FRONTIER = 68,
    TX_ACCESS_LIST_ADDRESS = 2400,
    TX_ACCESS_LIST_KEY = 1900,
    TX_INITCODE_WORD = 2,
    TX_FLOOR_PER_TOKEN = 10,
    TX_FLOOR_PER_TOKEN_AMSTERDAM = 16, /* EIP-7976 */
    TX_CREATE_COST_AMSTERDAM = 9000,   /* EIP-8037: the rest is state gas */
    PER_AUTH_BASE_COST_AMSTERDAM = 7500,
    PER_EMPTY_ACCOUNT_COST = 25000,
    PER_AUTH_BASE_COST = 12500,
    GAS_PER_BLOB = 1 << 17,
    OSAKA_MAX_BLOBS_PER_TX = 6,
};

#define TX_MAX_GAS_LIMIT (UINT64_C(1) << 24) /* EIP-7825 */
#define SYSTEM_CALL_GAS 30000000

static const zk_address SYSTEM_ADDRESS = {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                           0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe}};

/* secp256k1 group order n and n/2, big-endian. */
static const uint8_t SECP256K1_N[32] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                        0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48,
                                        0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};

const char *zk_tx_error_name(zk_tx_error err)
{
    switch (err) {
    case ZK_TXERR_NONE: return "NONE";
    case ZK_TXERR_INTRINSIC_GAS_TOO_LOW: return "INTRINSIC_GAS_TOO_LOW";
    case ZK_TXERR_INTRINSIC_GAS_BELOW_FLOOR_GAS_COST: return "INTRINSIC_GAS_BELOW_FLOOR_GAS_COST";
    case ZK_TXERR_GAS_ALLOWANCE_EXCEEDED: return "GAS_ALLOWANCE_EXCEEDED";
    case ZK_TXERR_GAS_LIMIT_EXCEEDS_MAXIMUM: return "GAS_LIMIT_EXCEEDS_MAXIMUM";
    case ZK_TXERR_NONCE_MISMATCH_TOO_LOW: return "NONCE_MISMATCH_TOO_LOW";
    case ZK_TXERR_NONCE_MISMATCH_TOO_HIGH: return "NONCE_MISMATCH_TOO_HIGH";
    case ZK_TXERR_NONCE_IS_MAX: return "NONCE_IS_MAX";
    case ZK_TXERR_INSUFFICIENT_ACCOUNT_FUNDS: return "INSUFFICIENT_ACCOUNT_FUNDS";
    case ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_GAS: return "INSUFFICIENT_MAX_FEE_PER_GAS";
    case ZK_TXERR_PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS: return "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS";
    case ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_BLOB_GAS: return "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS";
    case ZK_TXERR_SENDER_NOT_EOA: return "SENDER_NOT_EOA";
    case ZK_TXERR_INITCODE_SIZE_EXCEEDED: return "INITCODE_SIZE_EXCEEDED";
    case ZK_TXERR_TYPE_NOT_SUPPORTED: return "TYPE_NOT_SUPPORTED";
    case ZK_TXERR_TYPE_3_TX_ZERO_BLOBS: return "TYPE_3_TX_ZERO_BLOBS";
    case ZK_TXERR_TYPE_3_TX_CONTRACT_CREATION: return "TYPE_3_TX_CONTRACT_CREATION";
    case ZK_TXERR_TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH: return "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH";
    case ZK_TXERR_TYPE_3_TX_BLOB_COUNT_EXCEEDED: return "TYPE_3_TX_BLOB_COUNT_EXCEEDED";
    case ZK_TXERR_TYPE_4_EMPTY_AUTHORIZATION_LIST: return "TYPE_4_EMPTY_AUTHORIZATION_LIST";
    case ZK_TXERR_TYPE_4_TX_CONTRACT_CREATION: return "TYPE_4_TX_CONTRACT_CREATION";
    case ZK_TXERR_INVALID_CHAINID: return "INVALID_CHAINID";
    case ZK_TXERR_GASLIMIT_PRICE_PRODUCT_OVERFLOW: return "GASLIMIT_PRICE_PRODUCT_OVERFLOW";
    case ZK_TXERR_OTHER: return "OTHER";
    }
    return "UNKNOWN";
}

/* ---- intrinsic gas ---- */

static uint64_t calldata_tokens(const zk_tx *tx, uint64_t *zeros, uint64_t *nonzeros)
{
    uint64_t z = 0;
    for (size_t i = 0; i < tx->data.len; i++)
        z += tx->data.ptr[i] == 0;
    *zeros = z;
    *nonzeros = tx->data.len - z;
    return z + 4 * (tx->data.len - z);
}

/* EIP-7981: access-list data priced as calldata, 4 floor tokens per byte (20 per address,
 * 32 per key). */
static uint64_t access_list_tokens(const zk_tx *tx)
{
    uint64_t bytes = 0;
    for (size_t i = 0; i < tx->access_list_len; i++)
        bytes += 20 + 32 * (uint64_t)tx->access_list[i].num_keys;
    return 4 * bytes;
}

uint64_t zk_tx_intrinsic_gas(zk_fork fork, const zk_tx *tx)
{
    bool amsterdam = fork >= ZK_FORK_AMSTERDAM;
    uint64_t zeros, nonzeros;
    calldata_tokens(tx, &zeros, &nonzeros);
    uint64_t gas = TX_BASE_COST;
    gas += zeros * TX_DATA_ZERO;
    gas += nonzeros * (fork >= ZK_FORK_ISTANBUL ? TX_DATA_NONZERO : TX_DATA_NONZERO_FRONTIER);
    if (!tx->has_to) {
        if (fork >= ZK_FORK_HOMESTEAD)
            gas += amsterdam ? TX_CREATE_COST_AMSTERDAM : TX_CREATE_COST;
        if (fork >= ZK_FORK_SHANGHAI)
            gas += TX_INITCODE_WORD * ((tx->data.len + 31) / 32);
    }
    for (size_t i = 0; i < tx->access_list_len; i++)
        gas += TX_ACCESS_LIST_ADDRESS + TX_ACCESS_LIST_KEY * (uint64_t)tx->access_list[i].num_keys;
    if (amsterdam)
        gas += TX_FLOOR_PER_TOKEN_AMSTERDAM * access_list_tokens(tx);
    gas += (amsterdam ? PER_AUTH_BASE_COST_AMSTERDAM : PER_EMPTY_ACCOUNT_COST) * (uint64_t)tx->num_authorizations;
    return gas;
}

uint64_t zk_tx_floor_gas(zk_fork fork, const zk_tx *tx)
{
    if (fork < ZK_FORK_PRAGUE)
        return 0;
    if (fork >= ZK_FORK_AMSTERDAM) /* EIP-7976: every calldata byte is 4 tokens; EIP-7981 */
        return TX_BASE_COST + TX_FLOOR_PER_TOKEN_AMSTERDAM * (4 * (uint64_t)tx->data.len + access_list_tokens(tx));
    uint64_t zeros, nonzeros;
    return TX_BASE_COST + TX_FLOOR_PER_TOKEN * calldata_tokens(tx, &zeros, &nonzeros);
}

uint64_t zk_tx_intrinsic_state_gas(zk_fork fork, uint64_t block_gas_limit, const zk_tx *tx)
{
    if (fork < ZK_FORK_AMSTERDAM)
        return 0;
    uint64_t cpsb = evm_cost_per_state_byte(block_gas_limit);
    uint64_t bytes = (uint64_t)tx->num_authorizations * (EVM_STATE_BYTES_NEW_ACCOUNT + EVM_STATE_BYTES_AUTH_BASE);
    if (!tx->has_to)
        bytes += EVM_STATE_BYTES_NEW_ACCOUNT;
    return bytes * cpsb;
}

uint64_t evm_cost_per_state_byte(uint64_t gas_limit)
{
    /* EIP-8037: ceil(gas_limit * BLOCKS_PER_YEAR / (2 * TARGET_STATE_GROWTH)), offset and
     * rounded down to 5 significant bits. A gas limit too large to multiply saturates. */
    const uint64_t blocks_per_year = 2628000, offset = 9578;
    const uint64_t denom = UINT64_C(2) * 100 * (UINT64_C(1) << 30);
    uint64_t num = gas_limit > UINT64_MAX / blocks_per_year ? UINT64_MAX : gas_limit * blocks_per_year;
    uint64_t raw = num / denom + (num % denom != 0);
    uint64_t shifted = raw + offset;
    int bits = 64 - __builtin_clzll(shifted);
    int shift = bits > 5 ? bits - 5 : 0;
    uint64_t q = (shifted >> shift) << shift;
    return q > offset ? q - offset : 1;
}

/* ---- creation ---- */

zk_evm *zk_evm_create(zk_arena *a, zk_state_backend *backend, const zk_block_env *env)
{
    zk_evm *e = zk_arena_calloc(a, sizeof *e);
    if (e == NULL)
        return NULL;
    e->arena = a;
    e->backend = backend;
    e->env = *env;
    e->fatal = ZK_OK;
    e->tx_seq = 0;
    if (env->fork >= ZK_FORK_AMSTERDAM)
        e->cpsb = (int64_t)evm_cost_per_state_byte(env->gas_limit);
    evm_state_init(e);
    evm_init_op_tables(e);
    if (env->fork >= ZK_FORK_AMSTERDAM && evm_bal_init(e) != ZK_OK)
        return NULL;
    return e;
}

/* ---- validation ---- */

static bool type_supported(zk_fork fork, uint8_t type)
{
    switch (type) {
    case ZK_TX_LEGACY: return true;
    case ZK_TX_ACCESS_LIST: return fork >= ZK_FORK_BERLIN;
    case ZK_TX_DYNAMIC_FEE: return fork >= ZK_FORK_LONDON;
    case ZK_TX_BLOB: return fork >= ZK_FORK_CANCUN;
    case ZK_TX_SET_CODE: return fork >= ZK_FORK_PRAGUE;
    default: return false;
    }
}

/* a * b as u256, false on overflow past 2^256. */
static bool mul_checked(const u256 *a, uint64_t b, u256 *out)
{
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; i++) {
        unsigned __int128 p = (unsigned __int128)a->w[i] * b + carry;
        out->w[i] = (uint64_t)p;
        carry = p >> 64;
    }
    return carry == 0;
}

typedef struct tx_costs {
    uint64_t intrinsic, floor;
    uint64_t intrinsic_state; /* EIP-8037 (Amsterdam) */
    u256 effective_gas_price;
    u256 blob_fee; /* blob gas * blob base fee, burnt */
} tx_costs;

static zk_tx_error validate(zk_evm *e, const zk_tx *tx, uint64_t block_gas_left, evm_account *sender, tx_costs *c)
{
    const zk_block_env *env = &e->env;
    zk_fork fork = env->fork;
    bool fee_market = tx->type >= ZK_TX_DYNAMIC_FEE;

    if (!type_supported(fork, tx->type))
        return ZK_TXERR_TYPE_NOT_SUPPORTED;
    bool amsterdam = fork >= ZK_FORK_AMSTERDAM;
    c->intrinsic = zk_tx_intrinsic_gas(fork, tx);
    c->intrinsic_state = zk_tx_intrinsic_state_gas(fork, env->gas_limit, tx);
    c->floor = zk_tx_floor_gas(fork, tx);
    if (c->intrinsic > tx->gas_limit || c->intrinsic_state > tx->gas_limit - c->intrinsic)
        return ZK_TXERR_INTRINSIC_GAS_TOO_LOW;
    /* EIP-8037: the gas limit may exceed the EIP-7825 cap (the excess feeds the state-gas
     * reservoir), but the regular intrinsic cost and the floor must fit under it. */
    if (amsterdam && (c->intrinsic > TX_MAX_GAS_LIMIT || c->floor > TX_MAX_GAS_LIMIT))
        return ZK_TXERR_INTRINSIC_GAS_TOO_LOW;
    if (c->floor > tx->gas_limit)
        return ZK_TXERR_INTRINSIC_GAS_BELOW_FLOOR_GAS_COST;
    if (tx->nonce == UINT64_MAX)
        return ZK_TXERR_NONCE_IS_MAX;
    if (!tx->has_to && fork >= ZK_FORK_SHANGHAI && tx->data.len > evm_max_initcode_size(fork))
        return ZK_TXERR_INITCODE_SIZE_EXCEEDED;
    if (fork >= ZK_FORK_OSAKA && !amsterdam && tx->gas_limit > TX_MAX_GAS_LIMIT)
        return ZK_TXERR_GAS_LIMIT_EXCEEDS_MAXIMUM;

    if (amsterdam) {
        /* Both block dimensions must fit the worst case: regular gas is capped per
         * transaction, state gas is at most what the intrinsic regular cost leaves. */
        uint64_t regular_max = tx->gas_limit < TX_MAX_GAS_LIMIT ? tx->gas_limit : TX_MAX_GAS_LIMIT;
        uint64_t regular_left = env->gas_limit > e->block_regular_used ? env->gas_limit - e->block_regular_used : 0;
        uint64_t state_left = env->gas_limit > e->block_state_used ? env->gas_limit - e->block_state_used : 0;
        if (regular_max > regular_left || tx->gas_limit - c->intrinsic > state_left)
            return ZK_TXERR_GAS_ALLOWANCE_EXCEEDED;
    } else if (tx->gas_limit > block_gas_left) {
        return ZK_TXERR_GAS_ALLOWANCE_EXCEEDED;
    }
    if (tx->has_chain_id && tx->chain_id != env->chain_id)
        return ZK_TXERR_INVALID_CHAINID;

    u256 max_fee = fee_market ? tx->max_fee_per_gas : tx->gas_price;
    if (fee_market) {
        if (u256_lt(&tx->max_fee_per_gas, &tx->max_priority_fee_per_gas))
            return ZK_TXERR_PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS;
        if (u256_lt(&tx->max_fee_per_gas, &env->base_fee))
            return ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_GAS;
        u256 headroom = u256_sub(&tx->max_fee_per_gas, &env->base_fee);
        const u256 *prio = u256_lt(&tx->max_priority_fee_per_gas, &headroom) ? &tx->max_priority_fee_per_gas
                                                                              : &headroom;
        c->effective_gas_price = u256_add(prio, &env->base_fee);
    } else {
        if (fork >= ZK_FORK_LONDON && u256_lt(&tx->gas_price, &env->base_fee))
            return ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_GAS;
        c->effective_gas_price = tx->gas_price;
    }
    u256 max_cost;
    if (!mul_checked(&max_fee, tx->gas_limit, &max_cost))
        return ZK_TXERR_GASLIMIT_PRICE_PRODUCT_OVERFLOW;

    c->blob_fee = u256_zero();
    if (tx->type == ZK_TX_BLOB) {
        if (tx->num_blob_hashes == 0)
            return ZK_TXERR_TYPE_3_TX_ZERO_BLOBS;
        if ((fork >= ZK_FORK_OSAKA && tx->num_blob_hashes > OSAKA_MAX_BLOBS_PER_TX) ||
            tx->num_blob_hashes > env->blob_params.max)
            return ZK_TXERR_TYPE_3_TX_BLOB_COUNT_EXCEEDED;
        for (size_t i = 0; i < tx->num_blob_hashes; i++)
            if (tx->blob_hashes[i].b[0] != 0x01)
                return ZK_TXERR_TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH;
        if (u256_lt(&tx->max_fee_per_blob_gas, &env->blob_base_fee))
            return ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_BLOB_GAS;
        uint64_t blob_gas = (uint64_t)tx->num_blob_hashes * GAS_PER_BLOB;
        u256 max_blob_cost;
        if (!mul_checked(&tx->max_fee_per_blob_gas, blob_gas, &max_blob_cost) ||
            u256_add_overflow(&max_cost, &max_cost, &max_blob_cost))
            return ZK_TXERR_INSUFFICIENT_ACCOUNT_FUNDS;
        if (!mul_checked(&env->blob_base_fee, blob_gas, &c->blob_fee))
            return ZK_TXERR_INSUFFICIENT_ACCOUNT_FUNDS;
    }
    if (!tx->has_to && tx->type == ZK_TX_BLOB)
        return ZK_TXERR_TYPE_3_TX_CONTRACT_CREATION;
    if (!tx->has_to && tx->type == ZK_TX_SET_CODE)
        return ZK_TXERR_TYPE_4_TX_CONTRACT_CREATION;
    if (tx->type == ZK_TX_SET_CODE && tx->num_authorizations == 0)
        return ZK_TXERR_TYPE_4_EMPTY_AUTHORIZATION_LIST;

    if (sender->nonce > tx->nonce)
        return ZK_TXERR_NONCE_MISMATCH_TOO_LOW;
    if (sender->nonce < tx->nonce)
        return ZK_TXERR_NONCE_MISMATCH_TOO_HIGH;
    u256 total;
    if (u256_add_overflow(&total, &max_cost, &tx->value) || u256_lt(&sender->balance, &total))
        return ZK_TXERR_INSUFFICIENT_ACCOUNT_FUNDS;
    if (!zk_hash_eq(&sender->code_hash, &ZK_EMPTY_CODE_HASH)) {
        if (!evm_account_load_code(e, sender))
            return ZK_TXERR_OTHER; /* e->fatal is set; the caller reports it */
        zk_address ignored;
        if (fork < ZK_FORK_PRAGUE || !evm_delegation_target(sender->code, sender->code_len, &ignored))
            return ZK_TXERR_SENDER_NOT_EOA;
    }
    return ZK_TXERR_NONE;
}

/* ---- EIP-7702 authorizations ---- */

static void rlp_put_be(uint8_t *buf, size_t *len, const uint8_t *be, size_t n)
{
    while (n > 0 && be[0] == 0) {
        be++;
        n--;
    }
    if (n == 1 && be[0] < 0x80) {
        buf[(*len)++] = be[0];
        return;
    }
    buf[(*len)++] = (uint8_t)(0x80 + n);
    memcpy(buf + *len, be, n);
    *len += n;
}

/* keccak256(0x05 || rlp([chain_id, address, nonce])) */
static zk_hash authorization_hash(const zk_authorization *auth)
{
    uint8_t payload[80];
    size_t plen = 0;
    uint8_t be[32];
    u256_to_be(&auth->chain_id, be);
    rlp_put_be(payload, &plen, be, 32);
    payload[plen++] = 0x94;
    memcpy(payload + plen, auth->address.b, 20);
    plen += 20;
    uint8_t nonce_be[8];
    for (int i = 0; i < 8; i++)
        nonce_be[i] = (uint8_t)(auth->nonce >> (56 - 8 * i));
    rlp_put_be(payload, &plen, nonce_be, 8);

    uint8_t msg[84];
    size_t mlen = 0;
    msg[mlen++] = 0x05;
    if (plen < 56) {
        msg[mlen++] = (uint8_t)(0xc0 + plen);
    } else {
        msg[mlen++] = 0xf8;
        msg[mlen++] = (uint8_t)plen;
    }
    memcpy(msg + mlen, payload, plen);
    mlen += plen;
    return keccak256(msg, mlen);
}

static bool recover_authority(const zk_authorization *auth, zk_address *out)
{
    u256 n = u256_from_be(SECP256K1_N, 32);
    u256 half_n = u256_shr_bits(&n, 1);
    u256 one = u256_from_u64(1);
    if (u256_gt(&auth->y_parity, &one))
        return false;
    if (u256_is_zero(&auth->r) || !u256_lt(&auth->r, &n))
        return false;
    if (u256_is_zero(&auth->s) || u256_gt(&auth->s, &half_n))
        return false;
    zk_hash h = authorization_hash(auth);
    zkvm_secp256k1_hash msg;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub;
    memcpy(msg.data, h.b, 32);
    u256_to_be(&auth->r, sig.data);
    u256_to_be(&auth->s, sig.data + 32);
    if (zkvm_secp256k1_ecrecover(&msg, &sig, (uint8_t)auth->y_parity.w[0], &pub) != ZKVM_EOK)
        return false;
    zk_hash ph = keccak256(pub.data, 64);
    memcpy(out->b, ph.b + 12, 20);
    return true;
}

/* Applies the authorization list; returns the refund earned for already-existing authorities. */
static int64_t apply_authorizations(zk_evm *e, const zk_tx *tx)
{
    int64_t refund = 0;
    u256 chain = u256_from_u64(e->env.chain_id);
    for (size_t i = 0; i < tx->num_authorizations; i++) {
        const zk_authorization *auth = &tx->authorizations[i];
        if (!u256_is_zero(&auth->chain_id) && !u256_eq(&auth->chain_id, &chain))
            continue;
        if (auth->nonce_overflow || auth->nonce == UINT64_MAX)
            continue;
        zk_address authority;
        if (!recover_authority(auth, &authority))
            continue;
        evm_account *a = evm_account_get(e, &authority);
        if (a == NULL || !evm_mark_warm(e, a) || !evm_account_load_code(e, a) || !evm_bal_access(e, a))
            return refund;
        zk_address ignored;
        if (a->code_len != 0 && !evm_delegation_target(a->code, a->code_len, &ignored))
            continue;
        if (a->nonce != auth->nonce)
            continue;
        if (a->exists) /* EIP-8037: the account-creation state gas, credited to the reservoir */
            refund += e->env.fork >= ZK_FORK_AMSTERDAM ? EVM_STATE_BYTES_NEW_ACCOUNT * e->cpsb
                                                       : PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST;
        bool ok;
        static const zk_address null_address;
        if (!zk_address_eq(&auth->address, &null_address)) {
            uint8_t *code = evm_alloc(e, EVM_DELEGATION_LEN);
            if (code == NULL)
                return refund;
            code[0] = 0xef;
            code[1] = 0x01;
            code[2] = 0x00;
            memcpy(code + 3, auth->address.b, 20);
            ok = evm_set_code(e, a, code, EVM_DELEGATION_LEN);
        } else {
            ok = evm_set_code(e, a, NULL, 0);
        }
        if (!ok || !evm_set_nonce(e, a, a->nonce + 1))
            return refund;
    }
    return refund;
}

/* ---- execution ---- */

static bool copy_out(zk_evm *e, const uint8_t *p, size_t n, zk_bytes *out)
{
    out->ptr = NULL;
    out->len = 0;
    if (n == 0)
        return true;
    uint8_t *c = evm_alloc(e, n);
    if (c == NULL)
        return false;
    memcpy(c, p, n);
    out->ptr = c;
    out->len = n;
    return true;
}

static bool warm_access_list(zk_evm *e, const zk_tx *tx)
{
    for (size_t i = 0; i < tx->access_list_len; i++) {
        const zk_access_entry *ae = &tx->access_list[i];
        evm_account *a = evm_account_get(e, &ae->address);
        if (a == NULL || !evm_mark_warm(e, a))
            return false;
        for (size_t k = 0; k < ae->num_keys; k++) {
            evm_slot *s = evm_slot_get(e, a, &ae->keys[k]);
            if (s == NULL || !evm_mark_slot_warm(e, s))
                return false;
        }
    }
    return true;
}

/* Runs the transaction's message (call or creation) and reports gas left and refund. */
static void run_tx_message(zk_evm *e, const zk_tx *tx, evm_account *sender, int64_t gas, evm_result *r,
                           int64_t *auth_refund)
{
    evm_message m;
    memset(&m, 0, sizeof m);
    m.caller = tx->sender;
    m.value = tx->value;
    m.gas = gas;
    m.depth = 0;
    m.transfer_value = true;
    *auth_refund = 0;
    r->outcome = EVM_FAILURE;
    r->gas_left = 0;
    r->refund = 0;
    r->output = NULL;
    r->output_len = 0;

    if (!tx->has_to) {
        zk_address addr = evm_create_address(&tx->sender, sender->nonce - 1);
        evm_account *na = evm_account_get(e, &addr);
        if (na == NULL || !evm_mark_warm(e, na) || !evm_bal_access(e, na))
            return;
        if (na->nonce != 0 || !zk_hash_eq(&na->code_hash, &ZK_EMPTY_CODE_HASH) || evm_account_has_storage(e, na)) {
            /* EIP-7610 collision: all gas consumed; from Amsterdam the burnt execution gas
             * counts in neither block dimension. */
            if (e->env.fork >= ZK_FORK_AMSTERDAM)
                e->create_collision = true;
            return;
        }
        m.target = addr;
        m.code_address = addr;
        m.code = tx->data.ptr;
        m.code_len = tx->data.len;
        m.is_create = true;
        evm_create_message(e, &m, r);
        return;
    }

    if (tx->type == ZK_TX_SET_CODE)
        *auth_refund = apply_authorizations(e, tx);
    if (e->fatal != ZK_OK)
        return;
    if (e->env.fork >= ZK_FORK_AMSTERDAM) /* EIP-8037: refunded through the reservoir */
        e->state_reservoir += *auth_refund;
    evm_account *to = evm_account_get(e, &tx->to);
    if (to == NULL || !evm_account_load_code(e, to))
        return;
    m.target = tx->to;
    m.code_address = tx->to;
    m.input = tx->data.ptr;
    m.input_len = tx->data.len;
    m.code = to->code;
    m.code_len = to->code_len;
    m.code_owner = to;
    zk_address delegate;
    if (e->env.fork >= ZK_FORK_PRAGUE && evm_delegation_target(to->code, to->code_len, &delegate)) {
        evm_account *d = evm_account_get(e, &delegate);
        if (d == NULL || !evm_mark_warm(e, d) || !evm_account_load_code(e, d) || !evm_bal_access(e, d))
            return;
        m.code = d->code;
        m.code_len = d->code_len;
        m.code_owner = d;
        m.code_address = delegate;
        m.disable_precompiles = true;
    }
    evm_call_message(e, &m, r);
}

/* EIP-8037: an account created and destroyed in the same transaction (EIP-6780) leaves
 * no state behind, so the state gas of its creation, its non-zero slots and its code goes
 * back to the reservoir (at most what execution charged). */
static void refund_ephemeral_accounts(zk_evm *e)
{
    int64_t refund = 0;
    for (size_t i = 0; i < e->num_tx_accounts; i++) {
        evm_account *a = e->tx_accounts[i];
        if (a->destroyed_seq != e->tx_seq || a->created_seq != e->tx_seq || a->state_refund_seq == e->tx_seq)
            continue;
        a->state_refund_seq = e->tx_seq;
        int64_t bytes = EVM_STATE_BYTES_NEW_ACCOUNT + (int64_t)a->code_len;
        for (const evm_slot *sl = a->slots; sl != NULL; sl = sl->next_in_acct)
            if (!u256_is_zero(&sl->value))
                bytes += EVM_STATE_BYTES_STORAGE_SET;
        refund += bytes * e->cpsb;
    }
    if (refund > e->state_used)
        refund = e->state_used > 0 ? e->state_used : 0;
    e->state_reservoir += refund;
    e->state_used -= refund;
    e->gas_not_regular -= refund;
}

/* EIP-7708: accounts destroyed by this transaction that still hold ETH (received after
 * their SELFDESTRUCT) burn it; one Burn log each, in address order. */
static bool emit_finalization_burn_logs(zk_evm *e)
{
    for (;;) {
        evm_account *next = NULL;
        for (size_t i = 0; i < e->num_tx_accounts; i++) {
            evm_account *a = e->tx_accounts[i];
            if (a->destroyed_seq != e->tx_seq || !a->exists || u256_is_zero(&a->balance))
                continue;
            if (a->burn_logged_seq == e->tx_seq)
                continue;
            if (next == NULL || memcmp(a->addr.b, next->addr.b, 20) < 0)
                next = a;
        }
        if (next == NULL)
            return true;
        next->burn_logged_seq = e->tx_seq;
        if (!evm_emit_burn_log(e, &next->addr, &next->balance))
            return false;
    }
}

static bool finalize_logs(zk_evm *e, zk_tx_result *res)
{
    res->logs = NULL;
    res->num_logs = e->num_logs;
    if (e->num_logs == 0)
        return true;
    zk_log *logs = evm_alloc(e, e->num_logs * sizeof *logs);
    if (logs == NULL)
        return false;
    memcpy(logs, e->logs, e->num_logs * sizeof *logs);
    res->logs = logs;
    return true;
}

zk_status zk_evm_execute_tx(zk_evm *e, const zk_tx *tx, uint64_t block_gas_left, zk_tx_result *res)
{
    memset(res, 0, sizeof *res);
    if (e->fatal != ZK_OK)
        return e->fatal;
    zk_fork fork = e->env.fork;

    evm_begin_tx(e);
    evm_account *sender = evm_account_get(e, &tx->sender);
    if (sender == NULL)
        return e->fatal;
    tx_costs c;
    zk_tx_error err = validate(e, tx, block_gas_left, sender, &c);
    if (e->fatal != ZK_OK)
        return e->fatal;
    if (err != ZK_TXERR_NONE) {
        res->error = err;
        return ZK_OK;
    }

    /* Buy gas and bump the nonce. */
    e->origin = tx->sender;
    e->gas_price = c.effective_gas_price;
    e->blob_hashes = tx->blob_hashes;
    e->num_blob_hashes = tx->type == ZK_TX_BLOB ? tx->num_blob_hashes : 0;
    e->precompiles_warm = fork >= ZK_FORK_BERLIN;
    u256 gas_cost;
    mul_checked(&c.effective_gas_price, tx->gas_limit, &gas_cost);
    u256 upfront = u256_add(&gas_cost, &c.blob_fee);
    if (!evm_set_nonce(e, sender, sender->nonce + 1) || !evm_sub_balance(e, sender, &upfront))
        return e->fatal;

    /* EIP-2929 / EIP-2930 / EIP-3651: what is warm from the start. */
    if (!evm_mark_warm(e, sender) || !warm_access_list(e, tx) || !evm_bal_access(e, sender))
        return e->fatal;
    if (tx->has_to) {
        evm_account *to = evm_account_get(e, &tx->to);
        if (to == NULL || !evm_mark_warm(e, to) || !evm_bal_access(e, to))
            return e->fatal;
    }
    if (fork >= ZK_FORK_SHANGHAI) {
        evm_account *cb = evm_account_get(e, &e->env.coinbase);
        if (cb == NULL || !evm_mark_warm(e, cb))
            return e->fatal;
    }

    evm_result r;
    int64_t auth_refund = 0;
    uint64_t exec_gas = tx->gas_limit - c.intrinsic - c.intrinsic_state;
    e->state_reservoir = 0;
    e->state_used = 0;
    e->state_refund = 0;
    e->gas_not_regular = 0;
    e->create_collision = false;
    if (fork >= ZK_FORK_AMSTERDAM) {
        /* EIP-8037: regular gas up to the EIP-7825 cap, the rest is the state reservoir. */
        uint64_t regular_budget = TX_MAX_GAS_LIMIT - c.intrinsic;
        uint64_t regular = exec_gas < regular_budget ? exec_gas : regular_budget;
        /* Bounded by the block gas limit; clamped so that absurd limits cannot overflow. */
        uint64_t reservoir = exec_gas - regular;
        e->state_reservoir = reservoir < (UINT64_C(1) << 62) ? (int64_t)reservoir : (INT64_C(1) << 62);
        exec_gas = regular;
    }
    run_tx_message(e, tx, sender, exec_gas > INT64_MAX ? INT64_MAX : (int64_t)exec_gas, &r, &auth_refund);
    if (e->fatal != ZK_OK)
        return e->fatal;

    bool draft_v0_3 = e->env.amsterdam_rules == ZK_AMSTERDAM_ZKEVM_V0_3;
    if (fork >= ZK_FORK_AMSTERDAM && r.outcome == EVM_SUCCESS && !draft_v0_3)
        refund_ephemeral_accounts(e);
    /* Unused regular gas and the unused reservoir both go back to the sender. */
    uint64_t used = tx->gas_limit - (uint64_t)r.gas_left - (uint64_t)e->state_reservoir;
    int64_t refund_counter = (fork >= ZK_FORK_AMSTERDAM ? 0 : auth_refund) + (r.outcome == EVM_SUCCESS ? r.refund : 0);
    if (refund_counter < 0)
        refund_counter = 0;
    uint64_t max_refund = used / (fork >= ZK_FORK_LONDON ? 5 : 2);
    uint64_t refund = (uint64_t)refund_counter < max_refund ? (uint64_t)refund_counter : max_refund;
    uint64_t charged = used - refund;
    if (charged < c.floor)
        charged = c.floor;
    /* EIP-7778 / EIP-8037: the block counts gas before refunds, split in two dimensions. */
    uint64_t block_regular = charged, block_state = 0;
    if (fork >= ZK_FORK_AMSTERDAM) {
        int64_t state = (int64_t)c.intrinsic_state + e->state_used - (draft_v0_3 ? auth_refund : 0);
        block_state = state > 0 ? (uint64_t)state : 0;
        /* Regular gas is what was used less what went to state charges: the worst-case
         * intrinsic state gas (an authority that already existed got its share back through
         * the reservoir) and execution's net state charges. State gas a failed frame spilled
         * and forfeited is in neither dimension. */
        int64_t regular = (int64_t)used + auth_refund - (int64_t)c.intrinsic_state - e->gas_not_regular;
        block_regular = regular > 0 ? (uint64_t)regular : 0;
        if (e->create_collision)
            block_regular = c.intrinsic;
        if (block_regular < c.floor)
            block_regular = c.floor;
        e->block_regular_used += block_regular;
        e->block_state_used += block_state;
    }

    /* Return unused gas, pay the coinbase its priority fee; the base fee is burnt. */
    u256 back, fee;
    u256 left = u256_from_u64(tx->gas_limit - charged);
    back = u256_mul(&left, &c.effective_gas_price);
    u256 prio = u256_sub(&c.effective_gas_price, &e->env.base_fee);
    if (fork < ZK_FORK_LONDON)
        prio = c.effective_gas_price;
    u256 charged_w = u256_from_u64(charged);
    fee = u256_mul(&charged_w, &prio);
    evm_account *cb = evm_account_get(e, &e->env.coinbase);
    if (cb == NULL || !evm_add_balance(e, sender, &back) || !evm_add_balance(e, cb, &fee) || !evm_touch(e, cb))
        return e->fatal;
    if (fork >= ZK_FORK_AMSTERDAM && r.outcome == EVM_SUCCESS && !emit_finalization_burn_logs(e))
        return e->fatal;
    if (!finalize_logs(e, res) || !copy_out(e, r.output, r.output_len, &res->output))
        return e->fatal;
    evm_finish_tx(e);
    if (e->fatal != ZK_OK)
        return e->fatal;

    res->error = ZK_TXERR_NONE;
    res->success = r.outcome == EVM_SUCCESS;
    res->gas_used = charged;
    res->block_gas_used = block_regular;
    res->block_state_gas_used = block_state;
    res->blob_gas_used = tx->type == ZK_TX_BLOB ? (uint64_t)tx->num_blob_hashes * GAS_PER_BLOB : 0;
    return ZK_OK;
}

zk_status zk_evm_system_call(zk_evm *e, const zk_address *to, const uint8_t *data, size_t len, bool *called,
                             bool *success, zk_bytes *output)
{
    *called = false;
    *success = false;
    output->ptr = NULL;
    output->len = 0;
    if (e->fatal != ZK_OK)
        return e->fatal;
    evm_begin_tx(e);
    e->precompiles_warm = false;
    e->state_reservoir = 0; /* EIP-8037: state gas spills into the 30M call gas */
    e->state_used = 0;
    e->state_refund = 0;
    e->gas_not_regular = 0;
    e->origin = SYSTEM_ADDRESS;
    e->gas_price = e->env.base_fee;
    e->blob_hashes = NULL;
    e->num_blob_hashes = 0;
    evm_account *target = evm_account_get(e, to);
    if (target == NULL || !evm_account_load_code(e, target) || !evm_bal_access(e, target))
        return e->fatal;
    if (target->code_len == 0) {
        evm_finish_tx(e);
        return ZK_OK;
    }
    evm_message m;
    memset(&m, 0, sizeof m);
    m.caller = SYSTEM_ADDRESS;
    m.target = *to;
    m.code_address = *to;
    m.input = data;
    m.input_len = len;
    m.code = target->code;
    m.code_len = target->code_len;
    m.code_owner = target;
    m.gas = SYSTEM_CALL_GAS;
    m.transfer_value = false;
    evm_result r;
    evm_call_message(e, &m, &r);
    if (e->fatal != ZK_OK)
        return e->fatal;
    if (!copy_out(e, r.output, r.output_len, output))
        return e->fatal;
    evm_finish_tx(e);
    *called = true;
    *success = r.outcome == EVM_SUCCESS;
    return e->fatal;
}

zk_status zk_evm_add_balance(zk_evm *e, const zk_address *addr, const u256 *amount)
{
    if (e->fatal != ZK_OK)
        return e->fatal;
    evm_begin_tx(e);
    evm_account *a = evm_account_get(e, addr);
    if (a == NULL || !evm_bal_access(e, a))
        return e->fatal;
    if (!u256_is_zero(amount) && !evm_add_balance(e, a, amount))
        return e->fatal;
    /* EIP-161: a zero withdrawal to an existing empty account removes it. */
    if (a->exists && evm_account_is_empty(a))
        evm_destroy_account(e, a);
    evm_finish_tx(e);
    return e->fatal;
}
