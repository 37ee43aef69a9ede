/* test_evm.c — unit tests for the EVM: opcodes, exact gas, journaling, transaction rules.
 *
 * A small in-memory zk_state_backend (a test double around the code under test) holds a
 * few accounts; each test builds a transaction, runs it through zk_evm_execute_tx, commits
 * and checks gas, storage, balances and backend reads. Host program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena_malloc.h"
#include "core/keccak.h"
#include "evm/evm.h"

static int failures;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
            failures++;                                                                  \
        }                                                                                \
    } while (0)

#define CHECK_EQ(a, b)                                                                   \
    do {                                                                                 \
        unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b);   \
        if (a_ != b_) {                                                                  \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%llu vs %llu)\n", __FILE__,  \
                    __LINE__, #a, #b, a_, b_);                                           \
            failures++;                                                                  \
        }                                                                                \
    } while (0)

/* ---- in-memory backend ---- */

#define MAX_ACCTS 16
#define MAX_SLOTS 64

typedef struct mem_slot {
    zk_hash key;
    u256 value;
} mem_slot;

typedef struct mem_acct {
    bool used;
    zk_address addr;
    zk_account acct;
    uint8_t code[256];
    size_t code_len;
    mem_slot slots[MAX_SLOTS];
    size_t num_slots;
} mem_acct;

typedef struct mem_backend {
    zk_state_backend base;
    mem_acct accts[MAX_ACCTS];
    int account_reads, storage_reads, wipes;
} mem_backend;

static mem_acct *find(mem_backend *m, const zk_address *a, bool create)
{
    for (int i = 0; i < MAX_ACCTS; i++)
        if (m->accts[i].used && zk_address_eq(&m->accts[i].addr, a))
            return &m->accts[i];
    if (!create)
        return NULL;
    for (int i = 0; i < MAX_ACCTS; i++)
        if (!m->accts[i].used) {
            memset(&m->accts[i], 0, sizeof m->accts[i]);
            m->accts[i].used = true;
            m->accts[i].addr = *a;
            m->accts[i].acct.code_hash = ZK_EMPTY_CODE_HASH;
            m->accts[i].acct.storage_root = ZK_EMPTY_TRIE_ROOT;
            return &m->accts[i];
        }
    abort();
}

static zk_status mb_get_account(zk_state_backend *b, const zk_address *addr, zk_account *out, bool *exists)
{
    mem_backend *m = (mem_backend *)b;
    m->account_reads++;
    mem_acct *a = find(m, addr, false);
    *exists = a != NULL;
    if (a) {
        *out = a->acct;
        out->storage_root = a->num_slots ? ZK_EMPTY_CODE_HASH /* any non-empty root */ : ZK_EMPTY_TRIE_ROOT;
    }
    return ZK_OK;
}

static zk_status mb_get_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, u256 *value)
{
    mem_backend *m = (mem_backend *)b;
    m->storage_reads++;
    *value = u256_zero();
    mem_acct *a = find(m, addr, false);
    if (a)
        for (size_t i = 0; i < a->num_slots; i++)
            if (zk_hash_eq(&a->slots[i].key, slot))
                *value = a->slots[i].value;
    return ZK_OK;
}

static zk_status mb_get_code(zk_state_backend *b, const zk_address *addr, const zk_hash *h, zk_bytes *code)
{
    mem_acct *a = find((mem_backend *)b, addr, false);
    if (!a || !zk_hash_eq(&a->acct.code_hash, h))
        return ZK_ERR_MISSING;
    code->ptr = a->code;
    code->len = a->code_len;
    return ZK_OK;
}

static zk_status mb_get_block_hash(zk_state_backend *b, uint64_t n, zk_hash *out, bool *available)
{
    memset(out->b, 0, 32);
    out->b[31] = (uint8_t)n;
    *available = true;
    return ZK_OK;
}

static zk_status mb_wipe(zk_state_backend *b, const zk_address *addr)
{
    mem_backend *m = (mem_backend *)b;
    m->wipes++;
    mem_acct *a = find(m, addr, false);
    if (a)
        a->num_slots = 0;
    return ZK_OK;
}

static zk_status mb_put_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, const u256 *v)
{
    mem_acct *a = find((mem_backend *)b, addr, true);
    for (size_t i = 0; i < a->num_slots; i++)
        if (zk_hash_eq(&a->slots[i].key, slot)) {
            if (u256_is_zero(v))
                a->slots[i] = a->slots[--a->num_slots];
            else
                a->slots[i].value = *v;
            return ZK_OK;
        }
    if (!u256_is_zero(v)) {
        a->slots[a->num_slots].key = *slot;
        a->slots[a->num_slots++].value = *v;
    }
    return ZK_OK;
}

static uint8_t pending_code[256];
static size_t pending_len;

static zk_status mb_put_code(zk_state_backend *b, const zk_hash *h, const uint8_t *code, size_t len)
{
    if (len > sizeof pending_code)
        return ZK_ERR_RANGE;
    memcpy(pending_code, code, len);
    pending_len = len;
    return ZK_OK;
}

static zk_status mb_put_account(zk_state_backend *b, const zk_address *addr, const zk_account *acct)
{
    mem_backend *m = (mem_backend *)b;
    if (acct == NULL) {
        mem_acct *a = find(m, addr, false);
        if (a)
            a->used = false;
        return ZK_OK;
    }
    mem_acct *a = find(m, addr, true);
    bool new_code = !zk_hash_eq(&a->acct.code_hash, &acct->code_hash);
    a->acct = *acct;
    if (new_code) {
        zk_hash h = keccak256(pending_code, pending_len);
        if (zk_hash_eq(&h, &acct->code_hash)) {
            memcpy(a->code, pending_code, pending_len);
            a->code_len = pending_len;
        } else {
            a->code_len = 0;
        }
    }
    return ZK_OK;
}

static zk_status mb_state_root(zk_state_backend *b, zk_hash *out)
{
    memset(out, 0, sizeof *out);
    return ZK_OK;
}

static const zk_state_backend_ops mem_ops = {
    mb_get_account, mb_get_storage, mb_get_code, mb_get_block_hash,
    mb_wipe, mb_put_storage, mb_put_code, mb_put_account, mb_state_root,
};

/* ---- fixtures ---- */

static zk_address addr_of(uint8_t tag)
{
    zk_address a;
    memset(&a, 0, sizeof a);
    a.b[0] = tag;
    a.b[19] = tag;
    return a;
}

#define SENDER 0x5e
#define CONTRACT 0xc0
#define OTHER 0xd0
#define COINBASE 0xcb

static void put_account(mem_backend *m, uint8_t tag, uint64_t balance, const uint8_t *code, size_t len)
{
    zk_address a = addr_of(tag);
    mem_acct *ma = find(m, &a, true);
    ma->acct.balance = u256_from_u64(balance);
    if (len) {
        memcpy(ma->code, code, len);
        ma->code_len = len;
        ma->acct.code_hash = keccak256(code, len);
        ma->acct.nonce = 1;
    }
}

static u256 slot_value(mem_backend *m, uint8_t tag, uint64_t key)
{
    zk_address a = addr_of(tag);
    zk_hash k = u256_to_hash(&(u256){{key, 0, 0, 0}});
    u256 v;
    mb_get_storage(&m->base, &a, &k, &v);
    return v;
}

static uint64_t balance_of(mem_backend *m, uint8_t tag)
{
    zk_address a = addr_of(tag);
    mem_acct *ma = find(m, &a, false);
    return ma ? ma->acct.balance.w[0] : 0;
}

static void backend_init(mem_backend *m)
{
    memset(m, 0, sizeof *m);
    m->base.ops = &mem_ops;
    put_account(m, SENDER, 1000000000000ull, NULL, 0);
}

static zk_block_env env_for(zk_fork fork)
{
    zk_block_env env;
    memset(&env, 0, sizeof env);
    env.fork = fork;
    env.chain_id = 1;
    env.number = 10;
    env.timestamp = 1000;
    env.gas_limit = 30000000;
    env.coinbase = addr_of(COINBASE);
    env.base_fee = u256_from_u64(7);
    env.blob_base_fee = u256_from_u64(1);
    env.blob_params = (zk_blob_params){6, 9, 5007716};
    return env;
}

static zk_tx call_tx(uint8_t to, uint64_t gas, uint64_t value)
{
    zk_tx tx;
    memset(&tx, 0, sizeof tx);
    tx.type = ZK_TX_DYNAMIC_FEE;
    tx.chain_id = 1;
    tx.has_chain_id = true;
    tx.max_fee_per_gas = u256_from_u64(10);
    tx.max_priority_fee_per_gas = u256_from_u64(1);
    tx.gas_limit = gas;
    tx.has_to = true;
    tx.to = addr_of(to);
    tx.value = u256_from_u64(value);
    tx.sender = addr_of(SENDER);
    return tx;
}

/* Runs one transaction in a fresh block and commits. */
static zk_status run_one(mem_backend *m, zk_fork fork, const zk_tx *tx, zk_tx_result *res)
{
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(fork);
    zk_evm *e = zk_evm_create(&arena, &m->base, &env);
    zk_status st = zk_evm_execute_tx(e, tx, env.gas_limit, res);
    if (st == ZK_OK)
        st = zk_evm_commit(e);
    /* Results referencing arena memory are only inspected for scalars after release. */
    res->logs = NULL;
    res->output.ptr = NULL;
    zk_arena_release(&arena);
    return st;
}

/* ---- tests ---- */

static void test_fork_names(void)
{
    zk_chain_config c;
    CHECK(zk_chain_from_network("Cancun", &c));
    CHECK_EQ(c.base_fork, ZK_FORK_CANCUN);
    CHECK_EQ(c.num_activations, 0);
    CHECK(zk_chain_from_network("PragueToOsakaAtTime15k", &c));
    CHECK_EQ(c.base_fork, ZK_FORK_PRAGUE);
    CHECK_EQ(c.activations[0].fork, ZK_FORK_OSAKA);
    CHECK_EQ(c.activations[0].timestamp, 15000);
    CHECK_EQ(zk_chain_fork_at(&c, 14999), ZK_FORK_PRAGUE);
    CHECK_EQ(zk_chain_fork_at(&c, 15000), ZK_FORK_OSAKA);
    CHECK(zk_chain_from_network("BPO1ToBPO2AtTime15k", &c));
    CHECK_EQ(c.base_fork, ZK_FORK_BPO1);
    CHECK_EQ(c.activations[0].fork, ZK_FORK_BPO2);
    CHECK(zk_chain_from_network("OsakaToBPO1AtTime15k", &c));
    CHECK(zk_chain_from_network("CancunToPragueAtTime15k", &c));
    CHECK(zk_chain_from_network("BPO2ToAmsterdamAtTime15k", &c));
    CHECK_EQ(c.base_fork, ZK_FORK_BPO2);
    CHECK_EQ(c.activations[0].fork, ZK_FORK_AMSTERDAM);
    CHECK_EQ(zk_chain_fork_at(&c, 15000), ZK_FORK_AMSTERDAM);
    CHECK(zk_chain_from_network("Amsterdam", &c));
    CHECK_EQ(c.base_fork, ZK_FORK_AMSTERDAM);
    CHECK(!zk_chain_from_network("Osaka2", &c));
    CHECK(!zk_chain_from_network("PragueToCancunAtTime15k", &c));
    CHECK(!zk_chain_from_network("CancunToPragueAtTime15x", &c));
    zk_blob_params p = zk_chain_blob_params(NULL, ZK_FORK_CANCUN);
    CHECK_EQ(p.max, 6);
    p = zk_chain_blob_params(NULL, ZK_FORK_OSAKA);
    CHECK_EQ(p.target, 6);
    CHECK_EQ(p.base_fee_update_fraction, 5007716);
    memset(&c, 0, sizeof c);
    c.has_blob_params[ZK_FORK_PRAGUE] = true;
    c.blob_params[ZK_FORK_PRAGUE] = (zk_blob_params){1, 2, 3};
    p = zk_chain_blob_params(&c, ZK_FORK_OSAKA);
    CHECK_EQ(p.max, 2);
    CHECK(strcmp(zk_fork_name(ZK_FORK_OSAKA), "Osaka") == 0);
}

static void test_intrinsic(void)
{
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    uint8_t data[4] = {0, 1, 0, 2};
    tx.data.ptr = data;
    tx.data.len = 4;
    CHECK_EQ(zk_tx_intrinsic_gas(ZK_FORK_CANCUN, &tx), 21000 + 2 * 4 + 2 * 16);
    CHECK_EQ(zk_tx_floor_gas(ZK_FORK_CANCUN, &tx), 0);
    CHECK_EQ(zk_tx_floor_gas(ZK_FORK_PRAGUE, &tx), 21000 + 10 * (2 + 8));
    tx.has_to = false;
    CHECK_EQ(zk_tx_intrinsic_gas(ZK_FORK_CANCUN, &tx), 53000 + 2 * 4 + 2 * 16 + 2);
}

/* PUSH1 2 PUSH1 3 ADD PUSH1 0 SSTORE STOP: 4 pushes/add (12) + cold SSTORE 0->5 (22100). */
static void test_add_sstore(void)
{
    mem_backend m;
    backend_init(&m);
    const uint8_t code[] = {0x60, 2, 0x60, 3, 0x01, 0x60, 0, 0x55, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_NONE);
    CHECK(res.success);
    CHECK_EQ(res.gas_used, 21000 + 12 + 22100);
    CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 5);
    /* Sender paid gas at base fee 7 + priority 1; the coinbase got the priority part. */
    CHECK_EQ(balance_of(&m, SENDER), 1000000000000ull - res.gas_used * 8);
    CHECK_EQ(balance_of(&m, COINBASE), res.gas_used);
}

/* SSTORE refunds: slot 0 holds 1 in the backend; set it to 0 (refund 4800), capped at used/5. */
static void test_sstore_refund(void)
{
    mem_backend m;
    backend_init(&m);
    const uint8_t code[] = {0x60, 0, 0x60, 0, 0x55, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_address ca = addr_of(CONTRACT);
    zk_hash k = u256_to_hash(&(u256){{0, 0, 0, 0}});
    mb_put_storage(&m.base, &ca, &k, &(u256){{1, 0, 0, 0}});
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    uint64_t used = 21000 + 6 + 2100 + 2900;
    CHECK_EQ(res.gas_used, used - (used / 5 < 4800 ? used / 5 : 4800));
    CHECK(u256_is_zero(&(u256){{slot_value(&m, CONTRACT, 0).w[0], 0, 0, 0}}));
}

/* REVERT rolls back storage but keeps the remaining gas. */
static void test_revert(void)
{
    mem_backend m;
    backend_init(&m);
    /* PUSH1 1 PUSH1 0 SSTORE PUSH1 0 PUSH1 0 REVERT */
    const uint8_t code[] = {0x60, 1, 0x60, 0, 0x55, 0x60, 0, 0x60, 0, 0xfd};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(!res.success);
    CHECK_EQ(res.gas_used, 21000 + 6 + 22100 + 6);
    CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 0);
}

/* An invalid opcode consumes all gas; CLZ exists only from Osaka on. */
static void test_clz_fork_gating(void)
{
    mem_backend m;
    backend_init(&m);
    /* PUSH1 1 CLZ PUSH1 0 SSTORE */
    const uint8_t code[] = {0x60, 1, 0x1e, 0x60, 0, 0x55};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_PRAGUE, &tx, &res), ZK_OK);
    CHECK(!res.success);
    CHECK_EQ(res.gas_used, 100000);

    backend_init(&m);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    CHECK_EQ(run_one(&m, ZK_FORK_OSAKA, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 255);
    CHECK_EQ(res.gas_used, 21000 + 3 + 5 + 3 + 22100);
}

/* JUMP into PUSH data is invalid; JUMP to a JUMPDEST works. */
static void test_jumpdest(void)
{
    mem_backend m;
    backend_init(&m);
    /* PUSH1 4 JUMP PUSH1 0x5b(data) JUMPDEST STOP  -> byte 4 is the JUMPDEST opcode */
    const uint8_t ok[] = {0x60, 4, 0x56, 0xfe, 0x5b, 0x00};
    put_account(&m, CONTRACT, 0, ok, sizeof ok);
    zk_tx tx = call_tx(CONTRACT, 50000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(res.gas_used, 21000 + 3 + 8 + 1);

    backend_init(&m);
    /* PUSH1 3 JUMP PUSH1 0x5b: target 3 is inside PUSH data */
    const uint8_t bad[] = {0x60, 3, 0x56, 0x60, 0x5b, 0x00};
    put_account(&m, CONTRACT, 0, bad, sizeof bad);
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(!res.success);
    CHECK_EQ(res.gas_used, 50000);
}

/* CALL with value to a new account: 100 (warm? no, cold 2600) + 9000 + 25000, stipend. */
static void test_call_value(void)
{
    mem_backend m;
    backend_init(&m);
    /* CALL(gas=0, to=OTHER, value=5, 0,0,0,0) then STOP */
    uint8_t code[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 5, 0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x60, 0, 0xf1, 0x00};
    zk_address other = addr_of(OTHER);
    memcpy(code + 11, other.b, 20);
    put_account(&m, CONTRACT, 100, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    /* 7 pushes (21) + cold 2600 + value 9000 + new account 25000; the callee (no code)
     * returns its whole 2300 stipend, which the caller never paid for. */
    CHECK_EQ(res.gas_used, 21000 + 21 + 2600 + 9000 + 25000 - 2300);
    CHECK_EQ(balance_of(&m, OTHER), 5);
    CHECK_EQ(balance_of(&m, CONTRACT), 95);
}

/* CREATE followed by SELFDESTRUCT of the new contract in the same tx deletes it (EIP-6780). */
static void test_create_selfdestruct(void)
{
    mem_backend m;
    backend_init(&m);
    /* init code: PUSH1 0xd0.. SELFDESTRUCT -> beneficiary = 0 */
    /* outer: store initcode 0x6000ff (PUSH1 0 SELFDESTRUCT) in memory, CREATE with value 0 */
    const uint8_t code[] = {0x62, 0x60, 0x00, 0xff, 0x60, 0, 0x52, /* MSTORE(0, 0x6000ff) */
                            0x60, 3, 0x60, 29, 0x60, 0, 0xf0,      /* CREATE(0, 29, 3) */
                            0x60, 0, 0x55, 0x00};                  /* SSTORE(0, addr) */
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 200000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    u256 created = slot_value(&m, CONTRACT, 0);
    CHECK(!u256_is_zero(&created));
    zk_address ca = u256_to_address(&created);
    CHECK(find(&m, &ca, false) == NULL);
    /* The creator's nonce went from 1 to 2. */
    zk_address me = addr_of(CONTRACT);
    CHECK_EQ(find(&m, &me, false)->acct.nonce, 2);
}

/* Transient storage survives calls within a transaction but not across transactions. */
static void test_transient(void)
{
    mem_backend m;
    backend_init(&m);
    /* TLOAD(0) -> SSTORE(1, it); TSTORE(0, 7); TLOAD(0) -> SSTORE(2, it) */
    const uint8_t code[] = {0x60, 0, 0x5c, 0x60, 1, 0x55, 0x60, 7, 0x60, 0, 0x5d,
                            0x60, 0, 0x5c, 0x60, 2, 0x55, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_CANCUN);
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    zk_tx tx = call_tx(CONTRACT, 200000, 0);
    zk_tx_result res;
    CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_OK);
    CHECK(res.success);
    tx.nonce = 1;
    CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(zk_evm_commit(e), ZK_OK);
    zk_arena_release(&arena);
    CHECK_EQ(slot_value(&m, CONTRACT, 1).w[0], 0);
    CHECK_EQ(slot_value(&m, CONTRACT, 2).w[0], 7);
}

/* Validation errors leave the state untouched. */
static void test_tx_errors(void)
{
    mem_backend m;
    backend_init(&m);
    zk_tx tx = call_tx(OTHER, 100000, 0);
    zk_tx_result res;
    tx.nonce = 3;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_NONCE_MISMATCH_TOO_HIGH);
    tx.nonce = 0;
    tx.gas_limit = 20000;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_INTRINSIC_GAS_TOO_LOW);
    tx.gas_limit = (1u << 24) + 1;
    CHECK_EQ(run_one(&m, ZK_FORK_OSAKA, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_GAS_LIMIT_EXCEEDS_MAXIMUM);
    CHECK_EQ(run_one(&m, ZK_FORK_PRAGUE, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_NONE);
    tx = call_tx(OTHER, 100000, 0);
    tx.nonce = 1;
    tx.max_fee_per_gas = u256_from_u64(5);
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_INSUFFICIENT_MAX_FEE_PER_GAS);
    tx.max_fee_per_gas = u256_from_u64(10);
    tx.value = u256_from_u64(2000000000000ull);
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_INSUFFICIENT_ACCOUNT_FUNDS);
    zk_address s = addr_of(SENDER);
    CHECK_EQ(find(&m, &s, false)->acct.nonce, 1);
}

/* EIP-7623: a data-heavy call that does little work pays the floor. */
static void test_calldata_floor(void)
{
    mem_backend m;
    backend_init(&m);
    uint8_t data[100];
    memset(data, 0xff, sizeof data);
    zk_tx tx = call_tx(OTHER, 100000, 0);
    tx.data.ptr = data;
    tx.data.len = sizeof data;
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_PRAGUE, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(res.gas_used, 21000 + 10 * 400);
    tx.nonce = 1;
    tx.gas_limit = 21000 + 1600 + 10; /* enough for intrinsic, below the floor */
    CHECK_EQ(run_one(&m, ZK_FORK_PRAGUE, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_INTRINSIC_GAS_BELOW_FLOOR_GAS_COST);
}

/* Memory expansion, MSTORE/MLOAD, KECCAK256 and RETURN gas. */
static void test_memory_keccak(void)
{
    mem_backend m;
    backend_init(&m);
    /* PUSH1 0x20 PUSH1 0 KECCAK256 PUSH1 0 SSTORE : hash of 32 zero bytes */
    const uint8_t code[] = {0x60, 0x20, 0x60, 0, 0x20, 0x60, 0, 0x55, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(res.gas_used, 21000 + 3 + 3 + 30 + 6 + 3 /* memory word */ + 3 + 22100);
    uint8_t zeros[32] = {0};
    zk_hash h = keccak256(zeros, 32);
    u256 v = slot_value(&m, CONTRACT, 0);
    u256 want = u256_from_hash(&h);
    CHECK(u256_eq(&v, &want));
}

/* Every account is read through the backend once, however often it is used. */
static void test_reads_go_through_backend_once(void)
{
    mem_backend m;
    backend_init(&m);
    /* SLOAD(0) twice, BALANCE(self) twice */
    const uint8_t code[] = {0x60, 0, 0x54, 0x60, 0, 0x54, 0x30, 0x31, 0x30, 0x31, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_address ca = addr_of(CONTRACT);
    zk_hash k = u256_to_hash(&(u256){{0, 0, 0, 0}});
    mb_put_storage(&m.base, &ca, &k, &(u256){{9, 0, 0, 0}});
    m.account_reads = m.storage_reads = 0;
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(m.storage_reads, 1);
    CHECK_EQ(m.account_reads, 3); /* sender, contract, coinbase */
    CHECK_EQ(res.gas_used, 21000 + 3 + 2100 + 3 + 100 + 2 + 100 + 2 + 100);
}

/* STATICCALL into code that writes storage fails the child only; the caller sees 0. */
static void test_staticcall_write_fails(void)
{
    mem_backend m;
    backend_init(&m);
    const uint8_t writer[] = {0x60, 1, 0x60, 0, 0x55, 0x00};
    put_account(&m, OTHER, 0, writer, sizeof writer);
    /* STATICCALL(gas=0xffff, OTHER, 0,0,0,0); SSTORE(1, result) */
    uint8_t code[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x61, 0xff, 0xff, 0xfa, 0x60, 1, 0x55, 0x00};
    zk_address other = addr_of(OTHER);
    memcpy(code + 9, other.b, 20);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 200000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(slot_value(&m, OTHER, 0).w[0], 0);
    CHECK_EQ(slot_value(&m, CONTRACT, 1).w[0], 0);
    /* The failed child burnt its 0xffff gas: 4 pushes + PUSH20 + PUSH2 + cold account +
     * child gas + PUSH1 + SSTORE of 0 over 0 (cold: 2100 + 100). */
    CHECK_EQ(res.gas_used, 21000 + 12 + 3 + 3 + 2600 + 0xffff + 3 + 2200);
}

/* RETURNDATACOPY beyond the return data is an exceptional halt (EIP-211). */
static void test_returndatacopy_bounds(void)
{
    mem_backend m;
    backend_init(&m);
    /* RETURNDATACOPY(0, 0, 1) with empty return data */
    const uint8_t code[] = {0x60, 1, 0x60, 0, 0x60, 0, 0x3e, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 60000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(!res.success);
    CHECK_EQ(res.gas_used, 60000);
    /* RETURNDATACOPY(0, 0, 0) is fine. */
    backend_init(&m);
    const uint8_t ok[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x3e, 0x00};
    put_account(&m, CONTRACT, 0, ok, sizeof ok);
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(res.gas_used, 21000 + 9 + 3);
}

/* EXTCODEHASH: 0 for a missing account, keccak("") for an existing codeless one. */
static void test_extcodehash(void)
{
    mem_backend m;
    backend_init(&m);
    /* SSTORE(0, EXTCODEHASH(OTHER)); SSTORE(1, EXTCODEHASH(SENDER)) */
    uint8_t code[] = {0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3f, 0x60, 0, 0x55,
                      0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3f, 0x60, 1, 0x55,
                      0x00};
    zk_address other = addr_of(OTHER), sender = addr_of(SENDER);
    memcpy(code + 1, other.b, 20);
    memcpy(code + 26, sender.b, 20);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 200000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 0);
    u256 v = slot_value(&m, CONTRACT, 1);
    u256 want = u256_from_hash(&ZK_EMPTY_CODE_HASH);
    CHECK(u256_eq(&v, &want));
}

/* A system call runs with 30M gas from SYSTEM_ADDRESS and never creates that account. */
static void test_system_call(void)
{
    mem_backend m;
    backend_init(&m);
    /* SSTORE(0, CALLER); return 32 bytes of CALLDATALOAD(0) */
    const uint8_t code[] = {0x33, 0x60, 0, 0x55, 0x60, 0, 0x35, 0x60, 0, 0x52, 0x60, 32, 0x60, 0, 0xf3};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_PRAGUE);
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    uint8_t arg[32] = {0};
    arg[31] = 0x42;
    bool called = false, success = false;
    zk_bytes out;
    zk_address to = addr_of(CONTRACT);
    CHECK_EQ(zk_evm_system_call(e, &to, arg, 32, &called, &success, &out), ZK_OK);
    CHECK(called && success);
    CHECK_EQ(out.len, 32);
    CHECK(out.len == 32 && out.ptr[31] == 0x42);
    zk_address none = addr_of(OTHER);
    CHECK_EQ(zk_evm_system_call(e, &none, arg, 32, &called, &success, &out), ZK_OK);
    CHECK(!called);
    CHECK_EQ(zk_evm_commit(e), ZK_OK);
    zk_arena_release(&arena);
    u256 caller = slot_value(&m, CONTRACT, 0);
    zk_address sys = u256_to_address(&caller);
    CHECK(sys.b[0] == 0xff && sys.b[19] == 0xfe);
    CHECK(find(&m, &sys, false) == NULL);
    CHECK(find(&m, &none, false) == NULL);
}

/* Withdrawals: a zero amount to an existing empty account removes it (EIP-161). */
static void test_add_balance(void)
{
    mem_backend m;
    backend_init(&m);
    put_account(&m, OTHER, 0, NULL, 0);
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_CANCUN);
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    zk_address other = addr_of(OTHER), fresh = addr_of(0x77);
    u256 zero = u256_zero(), ten = u256_from_u64(10);
    CHECK_EQ(zk_evm_add_balance(e, &other, &zero), ZK_OK);
    CHECK_EQ(zk_evm_add_balance(e, &fresh, &ten), ZK_OK);
    CHECK_EQ(zk_evm_commit(e), ZK_OK);
    zk_arena_release(&arena);
    CHECK(find(&m, &other, false) == NULL);
    CHECK_EQ(balance_of(&m, 0x77), 10);
}

/* Random bytecode never crashes, never over-charges, and leaves the zk_evm usable.
 * Opcodes are biased towards valid ones and small PUSH immediates so programs run a while. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static uint64_t random_gas, random_ok;
static void test_random_code(void)
{
    static const uint8_t favourites[] = {0x01, 0x02, 0x03, 0x04, 0x0a, 0x10, 0x15, 0x1b, 0x1e, 0x20, 0x30, 0x31,
                                         0x35, 0x37, 0x39, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x47, 0x49, 0x51,
                                         0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
                                         0x80, 0x81, 0x90, 0xa0, 0xa2, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xfa,
                                         0xfd, 0xff};
    for (int iter = 0; iter < 3000; iter++) {
        mem_backend m;
        backend_init(&m);
        uint8_t code[200];
        size_t len = 25 + rng() % (sizeof code - 25);
        /* Twelve small pushes first, so that most programs get past stack underflow. */
        for (size_t i = 0; i < 24; i += 2) {
            code[i] = 0x60;
            code[i + 1] = (uint8_t)(rng() % 40);
        }
        for (size_t i = 24; i < len; i++) {
            uint64_t r = rng();
            if (r % 3 == 0)
                code[i] = (uint8_t)(0x60 + (r >> 8) % 4); /* PUSH1..PUSH4 */
            else if (r % 3 == 1)
                code[i] = favourites[(r >> 8) % sizeof favourites];
            else
                code[i] = (uint8_t)(r >> 8);
        }
        put_account(&m, CONTRACT, 1000, code, len);
        put_account(&m, OTHER, 0, code, len); /* something to call into */
        zk_arena arena;
        zk_arena_init_malloc(&arena, 1 << 20);
        zk_block_env env = env_for(iter % 2 ? ZK_FORK_OSAKA : ZK_FORK_CANCUN);
        zk_evm *e = zk_evm_create(&arena, &m.base, &env);
        zk_tx tx = call_tx(CONTRACT, 1000000, 7);
        zk_tx_result res;
        CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_OK);
        CHECK_EQ(res.error, ZK_TXERR_NONE);
        CHECK(res.gas_used <= tx.gas_limit);
        random_gas += res.gas_used;
        random_ok += res.success;
        tx.nonce = 1;
        CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_OK);
        CHECK_EQ(res.error, ZK_TXERR_NONE);
        zk_arena_release(&arena);
        if (failures)
            break;
    }
}

/* EIP-7702: calling a delegated account runs the delegate's code (with the delegate's
 * access charged); EXTCODESIZE sees the 23-byte designator. */
static void test_delegation(void)
{
    mem_backend m;
    backend_init(&m);
    const uint8_t delegate_code[] = {0x60, 0x2a, 0x60, 0, 0x55, 0x00}; /* SSTORE(0, 42) */
    put_account(&m, 0x44, 0, delegate_code, sizeof delegate_code);
    uint8_t designator[23] = {0xef, 0x01, 0x00};
    zk_address target = addr_of(0x44);
    memcpy(designator + 3, target.b, 20);
    put_account(&m, OTHER, 0, designator, sizeof designator);
    /* CALL(gas=0xffff, OTHER, 0, 0,0,0,0); SSTORE(1, EXTCODESIZE(OTHER)) */
    uint8_t code[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x61, 0xff, 0xff, 0xf1, 0x50,
                      0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3b, 0x60, 1, 0x55, 0x00};
    zk_address other = addr_of(OTHER);
    memcpy(code + 11, other.b, 20);
    memcpy(code + 37, other.b, 20);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 200000, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_PRAGUE, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(slot_value(&m, OTHER, 0).w[0], 42);
    CHECK_EQ(slot_value(&m, 0x44, 0).w[0], 0);
    CHECK_EQ(slot_value(&m, CONTRACT, 1).w[0], 23);
    /* 5 PUSH1 + PUSH20 + PUSH2 (21) + cold OTHER 2600 + cold delegate 2600 + child
     * (6 + 22100) + POP 2 + PUSH20 3 + EXTCODESIZE warm 100 + PUSH1 3 + SSTORE 22100. */
    CHECK_EQ(res.gas_used, 21000 + 21 + 2600 + 2600 + 22106 + 2 + 3 + 100 + 3 + 22100);

    /* Before Prague the designator is just code starting with 0xef: the call fails. */
    backend_init(&m);
    put_account(&m, 0x44, 0, delegate_code, sizeof delegate_code);
    put_account(&m, OTHER, 0, designator, sizeof designator);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    CHECK_EQ(run_one(&m, ZK_FORK_CANCUN, &tx, &res), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(slot_value(&m, OTHER, 0).w[0], 0);
}

/* A backend that cannot answer (ZK_ERR_MISSING, e.g. a witness without the node) stops the
 * zk_evm: the transaction reports the error and later calls refuse to run. */
static zk_status missing_storage(zk_state_backend *b, const zk_address *addr, const zk_hash *slot, u256 *value)
{
    return ZK_ERR_MISSING;
}

static void test_backend_missing(void)
{
    mem_backend m;
    backend_init(&m);
    const uint8_t code[] = {0x60, 0, 0x54, 0x00}; /* SLOAD(0) */
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_address ca = addr_of(CONTRACT);
    zk_hash k = u256_to_hash(&(u256){{0, 0, 0, 0}});
    mb_put_storage(&m.base, &ca, &k, &(u256){{9, 0, 0, 0}});
    zk_state_backend_ops ops = mem_ops;
    ops.get_storage = missing_storage;
    m.base.ops = &ops;
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_CANCUN);
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_ERR_MISSING);
    tx.nonce = 1;
    CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_ERR_MISSING);
    CHECK_EQ(zk_evm_commit(e), ZK_ERR_MISSING);
    zk_arena_release(&arena);
}

/* A witness-backed state need not hold an account that an opcode cannot even pay the cold
 * access for: BALANCE/CALL with too little gas run out of gas without reading it. */
static zk_status missing_other_account(zk_state_backend *b, const zk_address *addr, zk_account *out, bool *exists)
{
    if (addr->b[0] == OTHER)
        return ZK_ERR_MISSING;
    return mb_get_account(b, addr, out, exists);
}

static void test_unaffordable_access_reads_nothing(void)
{
    /* Inner: BALANCE(OTHER) / CALL(gas 0, OTHER); the outer contract calls it with 2000 gas. */
    uint8_t balance_code[] = {0x73, 0};
    uint8_t call_code[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x73, 0};
    for (int variant = 0; variant < 2; variant++) {
        uint8_t inner[64];
        size_t n = 0;
        const uint8_t *pre = variant ? call_code : balance_code;
        size_t pre_len = variant ? sizeof call_code : sizeof balance_code;
        memcpy(inner, pre, pre_len - 1);
        n = pre_len - 1;
        zk_address other = addr_of(OTHER);
        memcpy(inner + n, other.b, 20);
        n += 20;
        if (variant) {
            inner[n++] = 0x60; /* gas 0 */
            inner[n++] = 0;
            inner[n++] = 0xf1;
        } else {
            inner[n++] = 0x31;
        }
        inner[n++] = 0x00;
        const uint8_t outer[] = {0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x60, 0, 0x73, OTHER - 1,
                                 0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
                                 0,    0,    0,    0,    0,    0,    0,    0,    OTHER - 1, 0x61,
                                 0x07, 0xd0, 0xf1, 0x60, 0, 0x55, 0x00};
        mem_backend m;
        backend_init(&m);
        put_account(&m, CONTRACT, 0, outer, sizeof outer);
        put_account(&m, OTHER - 1, 0, inner, n);
        zk_state_backend_ops ops = mem_ops;
        ops.get_account = missing_other_account;
        m.base.ops = &ops;
        zk_tx tx = call_tx(CONTRACT, 100000, 0);
        zk_tx_result res;
        CHECK_EQ(run_one(&m, ZK_FORK_OSAKA, &tx, &res), ZK_OK);
        CHECK(res.success);
        CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 0); /* the inner frame ran out of gas */
    }
}

/* A fixed arena too small for the block: ZK_ERR_NOMEM, never a crash. */
static void test_arena_exhaustion(void)
{
    mem_backend m;
    backend_init(&m);
    /* MSTORE at offset 0x10000 needs 64 KiB of memory */
    const uint8_t code[] = {0x60, 1, 0x62, 0x01, 0x00, 0x00, 0x52, 0x00};
    put_account(&m, CONTRACT, 0, code, sizeof code);
    static uint8_t mem[160 * 1024];
    zk_arena arena;
    zk_arena_init_fixed(&arena, mem, sizeof mem);
    zk_block_env env = env_for(ZK_FORK_CANCUN);
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    CHECK(e != NULL);
    if (e == NULL)
        return;
    zk_tx tx = call_tx(CONTRACT, 1000000, 0);
    zk_tx_result res;
    CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_ERR_NOMEM);
}

/* ---- Amsterdam ---- */

#define AMS_GAS_LIMIT 120000000ull /* cost per state byte 1174 (EIP-8037) */
#define CPSB 1174

/* Runs one Amsterdam transaction as transaction 0 of a block (access index 1), commits,
 * and appends the block access list to `bal` when given. */
static zk_status run_amsterdam(mem_backend *m, const zk_tx *tx, uint64_t slot_number, zk_tx_result *res,
                               uint8_t *bal, size_t *bal_len)
{
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_AMSTERDAM);
    env.gas_limit = AMS_GAS_LIMIT;
    env.slot_number = slot_number;
    zk_evm *e = zk_evm_create(&arena, &m->base, &env);
    zk_status st = e ? zk_evm_bal_set_index(e, 1) : ZK_ERR_NOMEM;
    if (st == ZK_OK)
        st = zk_evm_execute_tx(e, tx, env.gas_limit, res);
    if (st == ZK_OK && bal != NULL) {
        zk_buf b;
        zk_buf_init(&b, &arena, 256);
        uint64_t items;
        st = zk_evm_bal_encode(e, &b, &items);
        if (st == ZK_OK && b.len <= *bal_len) {
            memcpy(bal, b.data, b.len);
            *bal_len = b.len;
        } else if (st == ZK_OK) {
            st = ZK_ERR_RANGE;
        }
    }
    if (st == ZK_OK)
        st = zk_evm_commit(e);
    res->logs = NULL;
    res->output.ptr = NULL;
    zk_arena_release(&arena);
    return st;
}

static void test_amsterdam_intrinsic(void)
{
    /* EIP-8037: creation and authorizations are state bytes, priced per block gas limit. */
    zk_tx tx;
    memset(&tx, 0, sizeof tx);
    CHECK_EQ(zk_tx_intrinsic_state_gas(ZK_FORK_AMSTERDAM, 120000000, &tx), 112 * 1174);
    CHECK_EQ(zk_tx_intrinsic_state_gas(ZK_FORK_AMSTERDAM, 100000000, &tx), 112 * 1174);
    CHECK_EQ(zk_tx_intrinsic_state_gas(ZK_FORK_AMSTERDAM, 60000000, &tx), 112 * 662);
    CHECK_EQ(zk_tx_intrinsic_state_gas(ZK_FORK_OSAKA, 120000000, &tx), 0);
    CHECK_EQ(zk_tx_intrinsic_gas(ZK_FORK_AMSTERDAM, &tx), 21000 + 9000);
    zk_authorization auths[2];
    memset(auths, 0, sizeof auths);
    tx.has_to = true;
    tx.authorizations = auths;
    tx.num_authorizations = 2;
    CHECK_EQ(zk_tx_intrinsic_state_gas(ZK_FORK_AMSTERDAM, 120000000, &tx), 2 * (112 + 23) * 1174);
    CHECK_EQ(zk_tx_intrinsic_gas(ZK_FORK_AMSTERDAM, &tx), 21000 + 2 * 7500);

    /* EIP-7976 (4 floor tokens per byte, 16 gas per token) and EIP-7981 (access-list bytes
     * are data: 64 gas each in the intrinsic cost and in the floor). */
    const uint8_t data[] = {0, 1, 0, 0xff};
    zk_hash key;
    memset(&key, 0, sizeof key);
    zk_access_entry ae;
    memset(&ae, 0, sizeof ae);
    ae.keys = &key;
    ae.num_keys = 1;
    memset(&tx, 0, sizeof tx);
    tx.has_to = true;
    tx.data.ptr = data;
    tx.data.len = sizeof data;
    tx.access_list = &ae;
    tx.access_list_len = 1;
    CHECK_EQ(zk_tx_intrinsic_gas(ZK_FORK_AMSTERDAM, &tx), 21000 + 2 * 4 + 2 * 16 + 2400 + 1900 + 64 * (20 + 32));
    CHECK_EQ(zk_tx_floor_gas(ZK_FORK_AMSTERDAM, &tx), 21000 + 16 * (4 * 4 + 4 * (20 + 32)));
    CHECK_EQ(zk_tx_intrinsic_gas(ZK_FORK_OSAKA, &tx), 21000 + 2 * 4 + 2 * 16 + 2400 + 1900);
    CHECK_EQ(zk_tx_floor_gas(ZK_FORK_OSAKA, &tx), 21000 + 10 * (2 + 8));
}

static void test_amsterdam_sstore_state_gas(void)
{
    /* SSTORE 0 -> 1: 2100 cold + 2900 regular, 32 state bytes. The receipt pays both; the
     * block counts max(sum regular, sum state). */
    const uint8_t code[] = {0x60, 1, 0x60, 0, 0x55, 0x00};
    for (int above_cap = 0; above_cap < 2; above_cap++) {
        mem_backend m;
        backend_init(&m);
        put_account(&m, CONTRACT, 0, code, sizeof code);
        /* Above the EIP-7825 cap the excess is the state reservoir; the result is the same. */
        zk_tx tx = call_tx(CONTRACT, above_cap ? (1u << 24) + 100000 : 100000, 0);
        zk_tx_result res;
        CHECK_EQ(run_amsterdam(&m, &tx, 0, &res, NULL, NULL), ZK_OK);
        CHECK_EQ(res.error, ZK_TXERR_NONE);
        CHECK(res.success);
        CHECK_EQ(res.gas_used, 21000 + 6 + 2100 + 2900 + 32 * CPSB);
        CHECK_EQ(res.block_gas_used, 21000 + 6 + 2100 + 2900);
        CHECK_EQ(res.block_state_gas_used, 32 * CPSB);
        CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 1);
    }
    /* Before Amsterdam a gas limit above the cap is invalid. */
    mem_backend m;
    backend_init(&m);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, (1u << 24) + 1, 0);
    zk_tx_result res;
    CHECK_EQ(run_one(&m, ZK_FORK_OSAKA, &tx, &res), ZK_OK);
    CHECK_EQ(res.error, ZK_TXERR_GAS_LIMIT_EXCEEDS_MAXIMUM);
}

static void test_amsterdam_stack_opcodes(void)
{
    /* PUSH1 1..17; DUPN(0x80) copies item 17; EXCHANGE(0x8b) swaps items 2 and 6;
     * SLOTNUM. Slots: 0 = 1, 1 = 17, 2 = 12, 3 = slot number. */
    uint8_t code[64];
    size_t n = 0;
    for (int i = 1; i <= 17; i++) {
        code[n++] = 0x60;
        code[n++] = (uint8_t)i;
    }
    const uint8_t tail[] = {0xe6, 0x80, 0x60, 0, 0x55, 0xe8, 0x8b, 0x60, 1,    0x55,
                            0x60, 2,    0x55, 0x4b, 0x60, 3, 0x55, 0x00};
    memcpy(code + n, tail, sizeof tail);
    n += sizeof tail;
    mem_backend m;
    backend_init(&m);
    put_account(&m, CONTRACT, 0, code, n);
    zk_tx tx = call_tx(CONTRACT, 1000000, 0);
    zk_tx_result res;
    CHECK_EQ(run_amsterdam(&m, &tx, 42, &res, NULL, NULL), ZK_OK);
    CHECK(res.success);
    CHECK_EQ(slot_value(&m, CONTRACT, 0).w[0], 1);
    CHECK_EQ(slot_value(&m, CONTRACT, 1).w[0], 17);
    CHECK_EQ(slot_value(&m, CONTRACT, 2).w[0], 12);
    CHECK_EQ(slot_value(&m, CONTRACT, 3).w[0], 42);

    /* An immediate in the forbidden range (0x5b) aborts; before Amsterdam 0xe6 is undefined. */
    const uint8_t bad[] = {0x60, 1, 0xe6, 0x5b, 0x00};
    backend_init(&m);
    put_account(&m, CONTRACT, 0, bad, sizeof bad);
    CHECK_EQ(run_amsterdam(&m, &tx, 0, &res, NULL, NULL), ZK_OK);
    CHECK(!res.success);
    CHECK_EQ(res.gas_used, 1000000);
    backend_init(&m);
    put_account(&m, CONTRACT, 0, code, n);
    CHECK_EQ(run_one(&m, ZK_FORK_OSAKA, &tx, &res), ZK_OK);
    CHECK(!res.success);
}

static void test_amsterdam_transfer_log(void)
{
    /* EIP-7708: a value transfer to another account logs Transfer from SYSTEM_ADDRESS. */
    mem_backend m;
    backend_init(&m);
    put_account(&m, OTHER, 0, NULL, 0);
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_AMSTERDAM);
    env.gas_limit = AMS_GAS_LIMIT;
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    zk_tx tx = call_tx(OTHER, 100000, 5);
    zk_tx_result res;
    CHECK_EQ(zk_evm_execute_tx(e, &tx, env.gas_limit, &res), ZK_OK);
    CHECK_EQ(res.num_logs, 1);
    if (res.num_logs == 1) {
        const zk_log *l = &res.logs[0];
        CHECK_EQ(l->address.b[19], 0xfe);
        CHECK_EQ(l->num_topics, 3);
        CHECK_EQ(l->topics[0].b[0], 0xdd); /* keccak("Transfer(address,address,uint256)") */
        CHECK_EQ(l->topics[1].b[31], SENDER);
        CHECK_EQ(l->topics[2].b[31], OTHER);
        CHECK_EQ(l->data.len, 32);
        CHECK_EQ(l->data.ptr[31], 5);
    }
    zk_arena_release(&arena);
}

static void test_amsterdam_block_access_list(void)
{
    const uint8_t code[] = {0x60, 1, 0x60, 0, 0x55, 0x00};
    mem_backend m;
    backend_init(&m);
    put_account(&m, CONTRACT, 0, code, sizeof code);
    zk_tx tx = call_tx(CONTRACT, 100000, 0);
    zk_tx_result res;
    uint8_t bal[512];
    size_t bal_len = sizeof bal;
    CHECK_EQ(run_amsterdam(&m, &tx, 0, &res, bal, &bal_len), ZK_OK);

    /* Expected, by hand: addresses ascending; sender nonce and balance, the contract's
     * slot 0 -> 1, the coinbase's fee, all at index 1. */
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 16);
    zk_buf b;
    zk_buf_init(&b, &arena, 256);
    zk_address sender = addr_of(SENDER), contract = addr_of(CONTRACT), coinbase = addr_of(COINBASE);
    u256 sender_bal = u256_from_u64(1000000000000ull - res.gas_used * 8), fee = u256_from_u64(res.gas_used);
    size_t top = rlp_list_begin(&b);
    size_t a = rlp_list_begin(&b); /* sender */
    rlp_put_address(&b, &sender);
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, rlp_list_begin(&b));
    size_t l = rlp_list_begin(&b), c = rlp_list_begin(&b);
    rlp_put_u64(&b, 1);
    rlp_put_u256(&b, &sender_bal);
    rlp_list_end(&b, c);
    rlp_list_end(&b, l);
    l = rlp_list_begin(&b);
    c = rlp_list_begin(&b);
    rlp_put_u64(&b, 1);
    rlp_put_u64(&b, 1);
    rlp_list_end(&b, c);
    rlp_list_end(&b, l);
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, a);
    a = rlp_list_begin(&b); /* contract */
    rlp_put_address(&b, &contract);
    l = rlp_list_begin(&b);
    size_t sc = rlp_list_begin(&b);
    rlp_put_u64(&b, 0);
    size_t ch = rlp_list_begin(&b);
    c = rlp_list_begin(&b);
    rlp_put_u64(&b, 1);
    rlp_put_u64(&b, 1);
    rlp_list_end(&b, c);
    rlp_list_end(&b, ch);
    rlp_list_end(&b, sc);
    rlp_list_end(&b, l);
    for (int k = 0; k < 4; k++)
        rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, a);
    a = rlp_list_begin(&b); /* coinbase */
    rlp_put_address(&b, &coinbase);
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, rlp_list_begin(&b));
    l = rlp_list_begin(&b);
    c = rlp_list_begin(&b);
    rlp_put_u64(&b, 1);
    rlp_put_u256(&b, &fee);
    rlp_list_end(&b, c);
    rlp_list_end(&b, l);
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, a);
    rlp_list_end(&b, top);
    CHECK_EQ(bal_len, b.len);
    CHECK(bal_len == b.len && memcmp(bal, b.data, b.len) == 0);
    zk_arena_release(&arena);

    /* A block without transactions: rlp([]) (its hash is the empty-list hash). */
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_block_env env = env_for(ZK_FORK_AMSTERDAM);
    zk_evm *e = zk_evm_create(&arena, &m.base, &env);
    zk_buf_init(&b, &arena, 16);
    uint64_t items = 1;
    CHECK_EQ(zk_evm_bal_encode(e, &b, &items), ZK_OK);
    CHECK_EQ(b.len, 1);
    CHECK_EQ(b.data[0], 0xc0);
    CHECK_EQ(items, 0);
    zk_arena_release(&arena);
    /* No block access list before Amsterdam. */
    zk_arena_init_malloc(&arena, 1 << 20);
    env = env_for(ZK_FORK_OSAKA);
    e = zk_evm_create(&arena, &m.base, &env);
    zk_buf_init(&b, &arena, 16);
    CHECK_EQ(zk_evm_bal_encode(e, &b, &items), ZK_ERR_INVALID);
    zk_arena_release(&arena);
}

int main(void)
{
    test_fork_names();
    test_intrinsic();
    test_add_sstore();
    test_sstore_refund();
    test_revert();
    test_clz_fork_gating();
    test_jumpdest();
    test_call_value();
    test_create_selfdestruct();
    test_transient();
    test_tx_errors();
    test_calldata_floor();
    test_memory_keccak();
    test_reads_go_through_backend_once();
    test_staticcall_write_fails();
    test_returndatacopy_bounds();
    test_extcodehash();
    test_system_call();
    test_add_balance();
    test_delegation();
    test_backend_missing();
    test_unaffordable_access_reads_nothing();
    test_arena_exhaustion();
    test_amsterdam_intrinsic();
    test_amsterdam_sstore_state_gas();
    test_amsterdam_stack_opcodes();
    test_amsterdam_transfer_log();
    test_amsterdam_block_access_list();
    test_random_code();
    printf("random code: %llu gas, %llu successful runs\n", (unsigned long long)random_gas, (unsigned long long)random_ok);
    if (failures) {
        fprintf(stderr, "test_evm: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_evm: all passed\n");
    return 0;
}
