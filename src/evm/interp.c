/* interp.c — the EVM interpreter: opcodes with exact gas, message calls and creation.
 *
 * One C call of run_code executes one frame. The hot loop keeps pc, stack top and gas
 * in locals; opcodes that need the rest of the machine (calls, creation, state access)
 * live in helpers that take the frame and are entered through SYNC_OUT / SYNC_IN.
 * Stack, memory and init-code JUMPDEST bitmaps belong to the call depth and are reused
 * by every frame at that depth, so steady-state execution allocates nothing.
 *
 * Rules follow ethereum/execution-specs (forks/cancun..osaka/vm); the gas constants
 * below carry the names used there.
 */
#include <string.h>

#include "../crypto/precompiles.h"
#include "bal.h"

enum {
    GAS_WARM_ACCESS = 100,
    GAS_COLD_ACCOUNT_ACCESS = 2600,
    GAS_COLD_SLOAD = 2100,
    GAS_STORAGE_SET = 20000,
    GAS_STORAGE_UPDATE = 5000,
    GAS_STORAGE_CLEAR_REFUND = 4800,
    GAS_CALL_VALUE = 9000,
    GAS_CALL_STIPEND = 2300,
    GAS_NEW_ACCOUNT = 25000,
    GAS_SELF_DESTRUCT_NEW_ACCOUNT = 25000,
    GAS_COPY_WORD = 3,
    GAS_KECCAK_WORD = 6,
    GAS_LOG_DATA = 8,
    GAS_EXP_BYTE = 50,
    GAS_INITCODE_WORD = 2,
    GAS_CODE_DEPOSIT = 200,
    GAS_MEMORY = 3,
};

/* Memory beyond 4 GiB is unaffordable with any gas a block can carry; offsets above
 * this bound are treated as out of gas without arithmetic overflow risks. */
#define MEM_LIMIT (UINT64_C(1) << 32)

/* ---- opcode tables ---- */

enum {
    OP_STOP = 0x00, OP_ADD, OP_MUL, OP_SUB, OP_DIV, OP_SDIV, OP_MOD, OP_SMOD, OP_ADDMOD, OP_MULMOD, OP_EXP,
    OP_SIGNEXTEND,
    OP_LT = 0x10, OP_GT, OP_SLT, OP_SGT, OP_EQ, OP_ISZERO, OP_AND, OP_OR, OP_XOR, OP_NOT, OP_BYTE, OP_SHL,
    OP_SHR, OP_SAR, OP_CLZ,
    OP_KECCAK256 = 0x20,
    OP_ADDRESS = 0x30, OP_BALANCE, OP_ORIGIN, OP_CALLER, OP_CALLVALUE, OP_CALLDATALOAD, OP_CALLDATASIZE,
    OP_CALLDATACOPY, OP_CODESIZE, OP_CODECOPY, OP_GASPRICE, OP_EXTCODESIZE, OP_EXTCODECOPY,
    OP_RETURNDATASIZE, OP_RETURNDATACOPY, OP_EXTCODEHASH,
    OP_BLOCKHASH = 0x40, OP_COINBASE, OP_TIMESTAMP, OP_NUMBER, OP_PREVRANDAO, OP_GASLIMIT, OP_CHAINID,
    OP_SELFBALANCE, OP_BASEFEE, OP_BLOBHASH, OP_BLOBBASEFEE, OP_SLOTNUM,
    OP_POP = 0x50, OP_MLOAD, OP_MSTORE, OP_MSTORE8, OP_SLOAD, OP_SSTORE, OP_JUMP, OP_JUMPI, OP_PC, OP_MSIZE,
    OP_GAS, OP_JUMPDEST, OP_TLOAD, OP_TSTORE, OP_MCOPY, OP_PUSH0,
    OP_PUSH1 = 0x60, OP_PUSH32 = 0x7f,
    OP_DUP1 = 0x80, OP_DUP16 = 0x8f,
    OP_SWAP1 = 0x90, OP_SWAP16 = 0x9f,
    OP_LOG0 = 0xa0, OP_LOG4 = 0xa4,
    OP_DUPN = 0xe6, OP_SWAPN, OP_EXCHANGE,
    OP_CREATE = 0xf0, OP_CALL, OP_CALLCODE, OP_RETURN, OP_DELEGATECALL, OP_CREATE2,
    OP_STATICCALL = 0xfa, OP_REVERT = 0xfd, OP_INVALID = 0xfe, OP_SELFDESTRUCT = 0xff,
};

static void def(zk_evm *e, int op, int gas, int in, int out)
{
    e->op_gas[op] = (int16_t)gas;
    e->op_stack_in[op] = (uint8_t)in;
    e->op_stack_growth[op] = (int8_t)(out - in);
}

void evm_init_op_tables(zk_evm *e)
{
    zk_fork f = e->env.fork;
    for (int i = 0; i < 256; i++) {
        e->op_gas[i] = -1;
        e->op_stack_in[i] = 0;
        e->op_stack_growth[i] = 0;
    }
    def(e, OP_STOP, 0, 0, 0);
    def(e, OP_ADD, 3, 2, 1);
    def(e, OP_MUL, 5, 2, 1);
    def(e, OP_SUB, 3, 2, 1);
    def(e, OP_DIV, 5, 2, 1);
    def(e, OP_SDIV, 5, 2, 1);
    def(e, OP_MOD, 5, 2, 1);
    def(e, OP_SMOD, 5, 2, 1);
    def(e, OP_ADDMOD, 8, 3, 1);
    def(e, OP_MULMOD, 8, 3, 1);
    def(e, OP_EXP, 10, 2, 1);
    def(e, OP_SIGNEXTEND, 5, 2, 1);
    for (int op = OP_LT; op <= OP_EQ; op++)
        def(e, op, 3, 2, 1);
    def(e, OP_ISZERO, 3, 1, 1);
    def(e, OP_AND, 3, 2, 1);
    def(e, OP_OR, 3, 2, 1);
    def(e, OP_XOR, 3, 2, 1);
    def(e, OP_NOT, 3, 1, 1);
    def(e, OP_BYTE, 3, 2, 1);
    if (f >= ZK_FORK_CONSTANTINOPLE) {
        def(e, OP_SHL, 3, 2, 1);
        def(e, OP_SHR, 3, 2, 1);
        def(e, OP_SAR, 3, 2, 1);
    }
    if (f >= ZK_FORK_OSAKA)
        def(e, OP_CLZ, 5, 1, 1);
    def(e, OP_KECCAK256, 30, 2, 1);
    def(e, OP_ADDRESS, 2, 0, 1);
    def(e, OP_BALANCE, 0, 1, 1);
    def(e, OP_ORIGIN, 2, 0, 1);
    def(e, OP_CALLER, 2, 0, 1);
    def(e, OP_CALLVALUE, 2, 0, 1);
    def(e, OP_CALLDATALOAD, 3, 1, 1);
    def(e, OP_CALLDATASIZE, 2, 0, 1);
    def(e, OP_CALLDATACOPY, 3, 3, 0);
    def(e, OP_CODESIZE, 2, 0, 1);
    def(e, OP_CODECOPY, 3, 3, 0);
    def(e, OP_GASPRICE, 2, 0, 1);
    def(e, OP_EXTCODESIZE, 0, 1, 1);
    def(e, OP_EXTCODECOPY, 0, 4, 0);
    if (f >= ZK_FORK_BYZANTIUM) {
        def(e, OP_RETURNDATASIZE, 2, 0, 1);
        def(e, OP_RETURNDATACOPY, 3, 3, 0);
        def(e, OP_STATICCALL, 0, 6, 1);
        def(e, OP_REVERT, 0, 2, 0);
    }
    if (f >= ZK_FORK_CONSTANTINOPLE) {
        def(e, OP_EXTCODEHASH, 0, 1, 1);
        def(e, OP_CREATE2, f >= ZK_FORK_AMSTERDAM ? 9000 : 32000, 4, 1);
    }
    def(e, OP_BLOCKHASH, 20, 1, 1);
    def(e, OP_COINBASE, 2, 0, 1);
    def(e, OP_TIMESTAMP, 2, 0, 1);
    def(e, OP_NUMBER, 2, 0, 1);
    def(e, OP_PREVRANDAO, 2, 0, 1);
    def(e, OP_GASLIMIT, 2, 0, 1);
    if (f >= ZK_FORK_ISTANBUL) {
        def(e, OP_CHAINID, 2, 0, 1);
        def(e, OP_SELFBALANCE, 5, 0, 1);
    }
    if (f >= ZK_FORK_LONDON)
        def(e, OP_BASEFEE, 2, 0, 1);
    if (f >= ZK_FORK_CANCUN) {
        def(e, OP_BLOBHASH, 3, 1, 1);
        def(e, OP_BLOBBASEFEE, 2, 0, 1);
        def(e, OP_TLOAD, 100, 1, 1);
        def(e, OP_TSTORE, 100, 2, 0);
        def(e, OP_MCOPY, 3, 3, 0);
    }
    def(e, OP_POP, 2, 1, 0);
    def(e, OP_MLOAD, 3, 1, 1);
    def(e, OP_MSTORE, 3, 2, 0);
    def(e, OP_MSTORE8, 3, 2, 0);
    def(e, OP_SLOAD, 0, 1, 1);
    def(e, OP_SSTORE, 0, 2, 0);
    def(e, OP_JUMP, 8, 1, 0);
    def(e, OP_JUMPI, 10, 2, 0);
    def(e, OP_PC, 2, 0, 1);
    def(e, OP_MSIZE, 2, 0, 1);
    def(e, OP_GAS, 2, 0, 1);
    def(e, OP_JUMPDEST, 1, 0, 0);
    if (f >= ZK_FORK_SHANGHAI)
        def(e, OP_PUSH0, 2, 0, 1);
    for (int op = OP_PUSH1; op <= OP_PUSH32; op++)
        def(e, op, 3, 0, 1);
    for (int n = 1; n <= 16; n++) {
        def(e, OP_DUP1 + n - 1, 3, n, n + 1);
        def(e, OP_SWAP1 + n - 1, 3, n + 1, n + 1);
    }
    for (int n = 0; n <= 4; n++)
        def(e, OP_LOG0 + n, 375 * (n + 1), n + 2, 0);
    def(e, OP_CREATE, f >= ZK_FORK_AMSTERDAM ? 9000 : 32000, 3, 1); /* EIP-8037 moves 23000 to state gas */
    def(e, OP_CALL, 0, 7, 1);
    def(e, OP_CALLCODE, 0, 7, 1);
    def(e, OP_RETURN, 0, 2, 0);
    if (f >= ZK_FORK_HOMESTEAD)
        def(e, OP_DELEGATECALL, 0, 6, 1);
    def(e, OP_SELFDESTRUCT, 5000, 1, 0);
    if (f >= ZK_FORK_AMSTERDAM) {
        def(e, OP_SLOTNUM, 2, 0, 1); /* EIP-7843 */
        /* EIP-8024: depths come from an immediate byte and are checked when executed. */
        def(e, OP_DUPN, 3, 0, 0);
        def(e, OP_SWAPN, 3, 0, 0);
        def(e, OP_EXCHANGE, 3, 0, 0);
    }
}

/* ---- helpers ---- */

bool evm_delegation_target(const uint8_t *code, size_t len, zk_address *out)
{
    if (len != EVM_DELEGATION_LEN || code[0] != 0xef || code[1] != 0x01 || code[2] != 0x00)
        return false;
    memcpy(out->b, code + 3, 20);
    return true;
}

static void build_jumpdests(const uint8_t *code, size_t len, uint8_t *bitmap)
{
    memset(bitmap, 0, len / 8 + 1);
    for (size_t i = 0; i < len; i++) {
        uint8_t op = code[i];
        if (op == OP_JUMPDEST)
            bitmap[i >> 3] |= (uint8_t)(1u << (i & 7));
        else if (op >= OP_PUSH1 && op <= OP_PUSH32)
            i += (size_t)(op - OP_PUSH1 + 1);
    }
}

/* The JUMPDEST bitmap for the message's code: cached on the owning account, or built
 * in the depth's scratch buffer for init code. */
static const uint8_t *jumpdests_for(zk_evm *e, const evm_message *m)
{
    size_t bytes = m->code_len / 8 + 1;
    if (m->code_owner != NULL) {
        evm_account *a = m->code_owner;
        if (a->jumpdests == NULL || a->code != m->code) {
            uint8_t *bm = evm_alloc(e, bytes);
            if (bm == NULL)
                return NULL;
            build_jumpdests(m->code, m->code_len, bm);
            if (a->code == m->code)
                a->jumpdests = bm;
            return bm;
        }
        return a->jumpdests;
    }
    evm_depth_buf *d = &e->depth[m->depth];
    if (d->jumpdests_cap < bytes) {
        size_t cap = bytes < 4096 ? 4096 : bytes;
        d->jumpdests = evm_alloc(e, cap);
        if (d->jumpdests == NULL)
            return NULL;
        d->jumpdests_cap = cap;
    }
    build_jumpdests(m->code, m->code_len, d->jumpdests);
    return d->jumpdests;
}

static inline uint64_t words(uint64_t bytes) { return (bytes + 31) / 32; }

static inline int64_t memory_cost(uint64_t nwords) { return (int64_t)(GAS_MEMORY * nwords + nwords * nwords / 512); }

/* The state of one executing frame that helpers need. */
typedef struct frame {
    zk_evm *e;
    const evm_message *m;
    evm_depth_buf *buf;
    size_t msize; /* bytes, a multiple of 32 */
    const uint8_t *ret;
    size_t ret_len;
    int64_t refund;
    int64_t gas;
    u256 *top;         /* next free stack slot */
    evm_account *self; /* the account at m->target */
} frame;

/* Gas to grow memory so it covers `end` bytes (0 when already covered). */
static inline int64_t expansion_cost(const frame *f, uint64_t end)
{
    if (end <= f->msize)
        return 0;
    return memory_cost(words(end)) - memory_cost(f->msize / 32);
}

/* Grows memory to cover `end` bytes (gas already charged). False on arena exhaustion. */
static bool memory_grow(frame *f, uint64_t end)
{
    if (end <= f->msize)
        return true;
    size_t new_size = (size_t)words(end) * 32;
    evm_depth_buf *d = f->buf;
    if (new_size > d->mem_cap) {
        size_t cap = d->mem_cap ? d->mem_cap * 2 : 4096;
        while (cap < new_size)
            cap *= 2;
        uint8_t *mem = evm_alloc(f->e, cap);
        if (mem == NULL)
            return false;
        if (f->msize)
            memcpy(mem, d->mem, f->msize);
        d->mem = mem;
        d->mem_cap = cap;
    }
    memset(d->mem + f->msize, 0, new_size - f->msize);
    f->msize = new_size;
    return true;
}

/* Decodes a (offset, size) memory range. Zero size never touches memory, whatever the
 * offset. Returns false (out of gas) when the range cannot be afforded at all. */
static inline bool mem_range(const u256 *off, const u256 *size, uint64_t *o, uint64_t *n)
{
    if (u256_is_zero(size)) {
        *o = 0;
        *n = 0;
        return true;
    }
    if (!u256_fits_u64(off) || !u256_fits_u64(size) || off->w[0] >= MEM_LIMIT || size->w[0] >= MEM_LIMIT)
        return false;
    *o = off->w[0];
    *n = size->w[0];
    return true;
}

/* Charges `extra` plus expansion for [o, o+n) and grows memory. */
static inline bool charge_memory(frame *f, uint64_t o, uint64_t n, int64_t extra)
{
    int64_t cost = extra + (n ? expansion_cost(f, o + n) : 0);
    if (f->gas < cost)
        return false;
    f->gas -= cost;
    return n == 0 || memory_grow(f, o + n);
}

/* Copies src[off .. off+n) (zero-padded past src_len) to dst. */
static void copy_padded(uint8_t *dst, const uint8_t *src, size_t src_len, const u256 *off, uint64_t n)
{
    uint64_t start = u256_fits_u64(off) ? off->w[0] : UINT64_MAX;
    uint64_t avail = start < src_len ? src_len - start : 0;
    uint64_t take = avail < n ? avail : n;
    if (take)
        memcpy(dst, src + start, (size_t)take);
    if (take < n)
        memset(dst + take, 0, (size_t)(n - take));
}

/* Warm/cold charge for touching `a` (EIP-2929); marks it warm. */
static inline int64_t access_cost(frame *f, evm_account *a)
{
    if (evm_is_warm(f->e, a))
        return GAS_WARM_ACCESS;
    evm_mark_warm(f->e, a);
    return GAS_COLD_ACCOUNT_ACCESS;
}

static inline bool charge(frame *f, int64_t cost)
{
    if (f->gas < cost)
        return false;
    f->gas -= cost;
    return true;
}

/* EIP-8037: state gas comes from the reservoir first; what it lacks spills into the
 * frame's regular gas. Callers charge the regular part first, so a regular out-of-gas
 * never consumes state gas. */
static bool charge_state_from(zk_evm *e, int64_t *gas, int64_t amount)
{
    if (e->state_reservoir >= amount) {
        e->state_reservoir -= amount;
    } else {
        int64_t spill = amount - e->state_reservoir;
        if (*gas < spill)
            return false;
        *gas -= spill;
        e->state_reservoir = 0;
    }
    e->state_used += amount;
    e->gas_not_regular += amount;
    return true;
}

static inline bool charge_state(frame *f, int64_t amount) { return charge_state_from(f->e, &f->gas, amount); }

/* Gives back state gas charged by this frame whose state growth did not happen (a
 * creation that failed before running or whose child failed). Like an SSTORE 0->x->0
 * refund it is an inline refund, forfeited if an enclosing sub-frame fails. */
static void uncharge_state(zk_evm *e, int64_t amount)
{
    e->state_reservoir += amount;
    e->state_used -= amount;
    e->state_refund += amount;
    e->gas_not_regular -= amount;
}

static inline int64_t new_account_state_gas(const zk_evm *e) { return EVM_STATE_BYTES_NEW_ACCOUNT * e->cpsb; }

/* ---- state opcodes ---- */

/* The account an opcode is about to access. One not yet cached is cold: when even the
 * cold access plus `extra` cannot be paid, this returns NULL (out of gas) without reading
 * it, so that a witness need not hold it. NULL with e->fatal set: backend/arena error. */
static evm_account *account_if_affordable(frame *f, const zk_address *addr, int64_t extra)
{
    evm_account *a = evm_account_peek(f->e, addr);
    if (a != NULL)
        return a;
    bool warm = f->e->precompiles_warm && zk_precompile_exists(f->e->env.fork, addr);
    if (f->gas < (warm ? GAS_WARM_ACCESS : GAS_COLD_ACCOUNT_ACCESS) + extra)
        return NULL;
    return evm_account_get(f->e, addr);
}

static bool op_balance_like(frame *f, uint8_t op)
{
    u256 *x = &f->top[-1];
    zk_address addr = evm_word_to_address(x);
    evm_account *a = account_if_affordable(f, &addr, 0);
    if (a == NULL)
        return false;
    if (!charge(f, access_cost(f, a)) || !evm_bal_access(f->e, a))
        return false;
    switch (op) {
    case OP_BALANCE:
        *x = a->balance;
        break;
    case OP_EXTCODESIZE:
        if (!evm_account_load_code(f->e, a))
            return false;
        *x = u256_from_u64(a->code_len);
        break;
    case OP_EXTCODEHASH:
        if (!a->exists || evm_account_is_empty(a))
            *x = u256_zero();
        else
            *x = evm_word_load32(a->code_hash.b);
        break;
    }
    return true;
}

static bool op_extcodecopy(frame *f)
{
    f->top -= 4;
    const u256 *s = f->top;
    zk_address addr = evm_word_to_address(&s[3]);
    uint64_t o, n;
    if (!mem_range(&s[2], &s[0], &o, &n))
        return false;
    evm_account *a = account_if_affordable(f, &addr, GAS_COPY_WORD * (int64_t)words(n) + (n ? expansion_cost(f, o + n) : 0));
    if (a == NULL)
        return false;
    int64_t cost = access_cost(f, a) + GAS_COPY_WORD * (int64_t)words(n);
    if (!charge_memory(f, o, n, cost) || !evm_bal_access(f->e, a))
        return false;
    if (!evm_account_load_code(f->e, a))
        return false;
    if (n)
        copy_padded(f->buf->mem + o, a->code, a->code_len, &s[1], n);
    return true;
}

static bool op_blockhash(frame *f)
{
    u256 *x = &f->top[-1];
    uint64_t cur = f->e->env.number;
    if (!u256_fits_u64(x) || x->w[0] >= cur || cur - x->w[0] > 256) {
        *x = u256_zero();
        return true;
    }
    zk_hash h;
    bool available = false;
    zk_state_backend *b = f->e->backend;
    zk_status st = b->ops->get_block_hash(b, x->w[0], &h, &available);
    if (st == ZK_OK && !available)
        st = ZK_ERR_MISSING;
    if (st != ZK_OK) {
        f->e->fatal = st;
        return false;
    }
    *x = evm_word_load32(h.b);
    return true;
}

static bool op_sload(frame *f)
{
    u256 *x = &f->top[-1];
    zk_hash key = evm_word_to_hash(x);
    evm_slot *s = evm_slot_get(f->e, f->self, &key);
    if (s == NULL)
        return false;
    int64_t cost = GAS_WARM_ACCESS;
    if (s->warm_seq != f->e->tx_seq) {
        evm_mark_slot_warm(f->e, s);
        cost = GAS_COLD_SLOAD;
    }
    if (!charge(f, cost) || !evm_bal_slot_read(f->e, s))
        return false;
    *x = s->value;
    return true;
}

static bool op_sstore(frame *f)
{
    zk_evm *e = f->e;
    if (f->m->is_static)
        return false;
    if (f->gas <= GAS_CALL_STIPEND) /* EIP-2200 (regular gas only, EIP-8037) */
        return false;
    f->top -= 2;
    zk_hash key = evm_word_to_hash(&f->top[1]);
    const u256 *nv = &f->top[0];
    evm_account *a = f->self;
    evm_slot *s = evm_slot_get(e, a, &key);
    if (s == NULL || !evm_bal_slot_read(e, s))
        return false;
    bool amsterdam = e->env.fork >= ZK_FORK_AMSTERDAM;
    u256 zero = u256_zero();
    const u256 *cur = &s->value;
    const u256 *orig = a->created_seq == e->tx_seq ? &zero
                       : s->tx_original_seq == e->tx_seq ? &s->tx_original
                                                          : &s->value;
    int64_t cost = 0;
    if (s->warm_seq != e->tx_seq) {
        evm_mark_slot_warm(e, s);
        cost += GAS_COLD_SLOAD;
    }
    bool cur_is_orig = u256_eq(orig, cur);
    bool changes = !u256_eq(cur, nv);
    bool creates_slot = false; /* EIP-8037: 0 -> x charges state gas */
    if (cur_is_orig && changes) {
        creates_slot = amsterdam && u256_is_zero(orig);
        cost += u256_is_zero(orig) && !amsterdam ? GAS_STORAGE_SET : GAS_STORAGE_UPDATE - GAS_COLD_SLOAD;
    } else {
        cost += GAS_WARM_ACCESS;
    }
    int64_t slot_state_gas = EVM_STATE_BYTES_STORAGE_SET * e->cpsb;
    if (changes) {
        bool orig_zero = u256_is_zero(orig), cur_zero = u256_is_zero(cur), new_zero = u256_is_zero(nv);
        if (!orig_zero && !cur_zero && new_zero)
            f->refund += GAS_STORAGE_CLEAR_REFUND;
        if (!orig_zero && cur_zero)
            f->refund -= GAS_STORAGE_CLEAR_REFUND;
        if (u256_eq(orig, nv)) {
            if (orig_zero && amsterdam) {
                /* 0 -> x -> 0: the slot's state gas goes straight back to the reservoir. */
                e->state_reservoir += slot_state_gas;
                e->state_used -= slot_state_gas;
                e->state_refund += slot_state_gas;
                e->gas_not_regular -= slot_state_gas;
                f->refund += GAS_STORAGE_UPDATE - GAS_COLD_SLOAD - GAS_WARM_ACCESS;
            } else if (orig_zero) {
                f->refund += GAS_STORAGE_SET - GAS_WARM_ACCESS;
            } else {
                f->refund += GAS_STORAGE_UPDATE - GAS_COLD_SLOAD - GAS_WARM_ACCESS;
            }
        }
    }
    if (!charge(f, cost))
        return false;
    if (creates_slot && !charge_state(f, slot_state_gas))
        return false;
    if (changes && !evm_set_storage(e, s, nv))
        return false;
    return true;
}

static bool op_log(frame *f, int ntopics)
{
    zk_evm *e = f->e;
    if (f->m->is_static)
        return false;
    f->top -= 2 + ntopics;
    const u256 *s = f->top;
    /* Stack (top first): offset, size, topic0..; after the pop s[ntopics+1] is offset. */
    const u256 *off = &s[ntopics + 1], *size = &s[ntopics];
    uint64_t o, n;
    if (!mem_range(off, size, &o, &n))
        return false;
    if (n > (uint64_t)INT64_MAX / GAS_LOG_DATA)
        return false;
    if (!charge_memory(f, o, n, (int64_t)n * GAS_LOG_DATA))
        return false;
    zk_hash topics[4];
    for (int i = 0; i < ntopics; i++)
        topics[i] = evm_word_to_hash(&s[ntopics - 1 - i]);
    return evm_push_log(e, &f->m->target, topics, (size_t)ntopics, n ? f->buf->mem + o : NULL, (size_t)n);
}

bool evm_push_log(zk_evm *e, const zk_address *addr, const zk_hash *topics, size_t ntopics, const uint8_t *data,
                  size_t n)
{
    if (e->num_logs == e->logs_cap) {
        size_t cap = e->logs_cap ? e->logs_cap * 2 : 64;
        zk_log *logs = evm_alloc(e, cap * sizeof *logs);
        if (logs == NULL)
            return false;
        if (e->num_logs)
            memcpy(logs, e->logs, e->num_logs * sizeof *logs);
        e->logs = logs;
        e->logs_cap = cap;
    }
    zk_hash *t = NULL;
    if (ntopics) {
        t = evm_alloc(e, ntopics * sizeof *t);
        if (t == NULL)
            return false;
        memcpy(t, topics, ntopics * sizeof *t);
    }
    uint8_t *d = NULL;
    if (n) {
        d = evm_alloc(e, n);
        if (d == NULL)
            return false;
        memcpy(d, data, n);
    }
    zk_log *l = &e->logs[e->num_logs++];
    l->address = *addr;
    l->topics = t;
    l->num_topics = ntopics;
    l->data.ptr = d;
    l->data.len = n;
    return true;
}

/* EIP-7708: ETH moved between two different accounts is logged as an ERC-20 style
 * Transfer(from, to, value) event from SYSTEM_ADDRESS. */
static const zk_address EVM_SYSTEM_ADDRESS = {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                               0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe}};

static zk_hash address_topic(const zk_address *a)
{
    zk_hash h;
    memset(h.b, 0, 12);
    memcpy(h.b + 12, a->b, 20);
    return h;
}

bool evm_emit_transfer_log(zk_evm *e, const zk_address *from, const zk_address *to, const u256 *value)
{
    if (e->env.fork < ZK_FORK_AMSTERDAM || u256_is_zero(value) || zk_address_eq(from, to))
        return true;
    static const char sig[] = "Transfer(address,address,uint256)";
    zk_hash topics[3];
    topics[0] = keccak256((const uint8_t *)sig, sizeof sig - 1);
    topics[1] = address_topic(from);
    topics[2] = address_topic(to);
    uint8_t data[32];
    evm_word_store32(value, data);
    return evm_push_log(e, &EVM_SYSTEM_ADDRESS, topics, 3, data, 32);
}

/* EIP-7708: ETH destroyed with its account is logged as Burn(account, value). */
bool evm_emit_burn_log(zk_evm *e, const zk_address *account, const u256 *value)
{
    if (e->env.fork < ZK_FORK_AMSTERDAM || u256_is_zero(value))
        return true;
    static const char sig[] = "Burn(address,uint256)";
    zk_hash topics[2];
    topics[0] = keccak256((const uint8_t *)sig, sizeof sig - 1);
    topics[1] = address_topic(account);
    uint8_t data[32];
    evm_word_store32(value, data);
    return evm_push_log(e, &EVM_SYSTEM_ADDRESS, topics, 2, data, 32);
}

/* ---- calls ---- */

/* Loads the code a call to `a` runs, following an EIP-7702 delegation (charging the
 * delegate's access into *extra when `extra` is given). */
static bool resolve_code(frame *f, evm_account *a, evm_message *child, int64_t *extra)
{
    zk_evm *e = f->e;
    if (!evm_account_load_code(e, a))
        return false;
    child->code = a->code;
    child->code_len = a->code_len;
    child->code_owner = a;
    child->code_address = a->addr;
    child->disable_precompiles = false;
    zk_address delegate;
    if (e->env.fork >= ZK_FORK_PRAGUE && evm_delegation_target(a->code, a->code_len, &delegate)) {
        evm_account *d = evm_account_get(e, &delegate);
        if (d == NULL)
            return false;
        if (extra != NULL)
            *extra += access_cost(f, d);
        if (!evm_account_load_code(e, d))
            return false;
        child->code = d->code;
        child->code_len = d->code_len;
        child->code_owner = d;
        child->code_address = delegate;
        child->disable_precompiles = true;
    }
    return true;
}

static inline void push_word(frame *f, const u256 *v) { *f->top++ = *v; }
static inline void push_u64(frame *f, uint64_t v) { *f->top++ = u256_from_u64(v); }

static bool op_call(frame *f, uint8_t op)
{
    zk_evm *e = f->e;
    const evm_message *m = f->m;
    bool has_value = op == OP_CALL || op == OP_CALLCODE;
    int nargs = has_value ? 7 : 6;
    f->top -= nargs;
    const u256 *s = f->top + nargs - 1; /* s[0] is the old top; s[-k] deeper */
    const u256 *gas_req = &s[0];
    zk_address to = evm_word_to_address(&s[-1]);
    u256 value = has_value ? s[-2] : u256_zero();
    int base = has_value ? 3 : 2;
    uint64_t in_off, in_len, out_off, out_len;
    if (!mem_range(&s[-base], &s[-base - 1], &in_off, &in_len))
        return false;
    if (!mem_range(&s[-base - 2], &s[-base - 3], &out_off, &out_len))
        return false;
    uint64_t end = 0;
    if (in_len && in_off + in_len > end)
        end = in_off + in_len;
    if (out_len && out_off + out_len > end)
        end = out_off + out_len;
    int64_t mem_cost = expansion_cost(f, end);

    evm_account *to_acct = account_if_affordable(f, &to, mem_cost + (u256_is_zero(&value) ? 0 : GAS_CALL_VALUE));
    if (to_acct == NULL)
        return false;
    evm_message child;
    memset(&child, 0, sizeof child);
    bool nonzero_value = !u256_is_zero(&value);
    bool amsterdam = e->env.fork >= ZK_FORK_AMSTERDAM;
    /* Amsterdam: a value transfer in a static context fails before touching the target
     * (EIP-7928 leaves it out of the block access list). */
    if (amsterdam && op == OP_CALL && m->is_static && nonzero_value)
        return false;
    int64_t extra = access_cost(f, to_acct);
    bool new_account = op == OP_CALL && nonzero_value && !evm_account_alive(to_acct);
    if (new_account && !amsterdam)
        extra += GAS_NEW_ACCOUNT;
    if (nonzero_value)
        extra += GAS_CALL_VALUE;
    /* EIP-7928: the target counts as accessed once its access is paid for, the delegate
     * (EIP-7702) once its own access is. */
    if (e->bal != NULL && (f->gas < extra + mem_cost || !evm_bal_access(e, to_acct)))
        return false;
    if (!resolve_code(f, to_acct, &child, &extra))
        return false;
    if (f->gas < extra + mem_cost)
        return false;
    if (child.code_owner != to_acct && !evm_bal_access(e, child.code_owner))
        return false;
    if (amsterdam) {
        /* EIP-8037: regular costs first, then the new account's state gas (which may
         * spill into regular gas before the callee's share is computed). */
        f->gas -= extra + mem_cost;
        extra = mem_cost = 0;
        if (new_account && !charge_state(f, new_account_state_gas(e)))
            return false;
    }
    /* EIP-150: the callee gets at most all but one 64th of what is left. */
    int64_t avail = f->gas - extra - mem_cost;
    int64_t cap = avail - avail / 64;
    int64_t call_gas = (u256_fits_u64(gas_req) && gas_req->w[0] < (uint64_t)cap) ? (int64_t)gas_req->w[0] : cap;
    f->gas -= extra + mem_cost + call_gas;
    if (op == OP_CALL && m->is_static && nonzero_value)
        return false;
    if (!memory_grow(f, end))
        return false;
    if (nonzero_value)
        call_gas += GAS_CALL_STIPEND;

    f->ret = NULL;
    f->ret_len = 0;
    if (has_value) {
        if (u256_lt(&f->self->balance, &value)) {
            f->gas += call_gas;
            push_u64(f, 0);
            return true;
        }
    }
    if (m->depth + 1 > EVM_MAX_DEPTH) {
        f->gas += call_gas;
        push_u64(f, 0);
        return true;
    }

    child.input = in_len ? f->buf->mem + in_off : NULL;
    child.input_len = (size_t)in_len;
    child.gas = call_gas;
    child.depth = m->depth + 1;
    child.is_static = m->is_static || op == OP_STATICCALL;
    switch (op) {
    case OP_CALL:
    case OP_STATICCALL:
        child.caller = m->target;
        child.target = to;
        child.value = value;
        child.transfer_value = true;
        break;
    case OP_CALLCODE:
        child.caller = m->target;
        child.target = m->target;
        child.value = value;
        child.transfer_value = true;
        break;
    case OP_DELEGATECALL:
        child.caller = m->caller;
        child.target = m->target;
        child.value = m->value;
        child.transfer_value = false;
        break;
    }
    evm_result r;
    evm_call_message(e, &child, &r);
    if (e->fatal != ZK_OK)
        return false;
    f->gas += r.gas_left;
    if (r.outcome == EVM_SUCCESS)
        f->refund += r.refund;
    f->ret = r.output;
    f->ret_len = r.output_len;
    push_u64(f, r.outcome == EVM_SUCCESS);
    if (out_len && r.output_len) {
        size_t copy = r.output_len < out_len ? r.output_len : (size_t)out_len;
        memcpy(f->buf->mem + out_off, r.output, copy);
    }
    return true;
}

static void rlp_append_u64(uint8_t *buf, size_t *len, uint64_t v)
{
    if (v == 0) {
        buf[(*len)++] = 0x80;
    } else if (v < 0x80) {
        buf[(*len)++] = (uint8_t)v;
    } else {
        uint8_t tmp[8];
        int n = 0;
        while (v) {
            tmp[n++] = (uint8_t)v;
            v >>= 8;
        }
        buf[(*len)++] = (uint8_t)(0x80 + n);
        while (n)
            buf[(*len)++] = tmp[--n];
    }
}

zk_address evm_create_address(const zk_address *sender, uint64_t nonce)
{
    uint8_t buf[32];
    size_t len = 1;
    buf[len++] = 0x94;
    memcpy(buf + len, sender->b, 20);
    len += 20;
    rlp_append_u64(buf, &len, nonce);
    buf[0] = (uint8_t)(0xc0 + (len - 1));
    zk_hash h = keccak256(buf, len);
    zk_address a;
    memcpy(a.b, h.b + 12, 20);
    return a;
}

static zk_address create2_address(const zk_address *sender, const u256 *salt, const uint8_t *code, size_t len)
{
    uint8_t buf[85];
    buf[0] = 0xff;
    memcpy(buf + 1, sender->b, 20);
    u256_to_be(salt, buf + 21);
    zk_hash ch = keccak256(code, len);
    memcpy(buf + 53, ch.b, 32);
    zk_hash h = keccak256(buf, sizeof buf);
    zk_address a;
    memcpy(a.b, h.b + 12, 20);
    return a;
}

static bool op_create(frame *f, uint8_t op)
{
    zk_evm *e = f->e;
    const evm_message *m = f->m;
    int nargs = op == OP_CREATE2 ? 4 : 3;
    f->top -= nargs;
    const u256 *s = f->top + nargs - 1;
    u256 value = s[0];
    uint64_t o, n;
    if (!mem_range(&s[-1], &s[-2], &o, &n))
        return false;
    int64_t extra = 0;
    if (e->env.fork >= ZK_FORK_SHANGHAI)
        extra += GAS_INITCODE_WORD * (int64_t)words(n);
    if (op == OP_CREATE2)
        extra += GAS_KECCAK_WORD * (int64_t)words(n);
    if (!charge_memory(f, o, n, extra))
        return false;
    if (m->is_static)
        return false;
    if (e->env.fork >= ZK_FORK_SHANGHAI && n > evm_max_initcode_size(e->env.fork))
        return false;
    /* EIP-8037: the new account's state gas, given back if no account results. */
    int64_t state_gas = e->env.fork >= ZK_FORK_AMSTERDAM ? new_account_state_gas(e) : 0;
    if (state_gas && !charge_state(f, state_gas))
        return false;

    int64_t child_gas = f->gas - f->gas / 64;
    f->gas -= child_gas;
    f->ret = NULL;
    f->ret_len = 0;
    evm_account *self = f->self;
    if (u256_lt(&self->balance, &value) || self->nonce == UINT64_MAX || m->depth + 1 > EVM_MAX_DEPTH) {
        f->gas += child_gas;
        uncharge_state(e, state_gas);
        push_u64(f, 0);
        return true;
    }
    const uint8_t *code = n ? f->buf->mem + o : NULL;
    zk_address addr = op == OP_CREATE2 ? create2_address(&m->target, &s[-3], code, (size_t)n)
                                       : evm_create_address(&m->target, self->nonce);
    evm_account *na = evm_account_get(e, &addr);
    if (na == NULL || !evm_mark_warm(e, na) || !evm_bal_access(e, na))
        return false;
    bool collision = na->nonce != 0 || !zk_hash_eq(&na->code_hash, &ZK_EMPTY_CODE_HASH) ||
                     evm_account_has_storage(e, na);
    if (!evm_set_nonce(e, self, self->nonce + 1))
        return false;
    if (collision) {
        uncharge_state(e, state_gas);
        push_u64(f, 0);
        return true;
    }
    evm_message child;
    memset(&child, 0, sizeof child);
    child.caller = m->target;
    child.target = addr;
    child.code_address = addr;
    child.value = value;
    child.code = code;
    child.code_len = (size_t)n;
    child.code_owner = NULL;
    child.gas = child_gas;
    child.depth = m->depth + 1;
    child.is_create = true;
    child.transfer_value = true;
    evm_result r;
    evm_create_message(e, &child, &r);
    if (e->fatal != ZK_OK)
        return false;
    f->gas += r.gas_left;
    if (r.outcome == EVM_SUCCESS) {
        f->refund += r.refund;
        u256 a = evm_word_from_address(&addr);
        push_word(f, &a);
    } else {
        if (e->env.amsterdam_rules != ZK_AMSTERDAM_ZKEVM_V0_3) /* that draft keeps it charged */
            uncharge_state(e, state_gas);
        f->ret = r.output;
        f->ret_len = r.output_len;
        push_u64(f, 0);
    }
    return true;
}

static bool op_selfdestruct(frame *f)
{
    zk_evm *e = f->e;
    const evm_message *m = f->m;
    zk_address to = evm_word_to_address(&f->top[-1]);
    f->top--;
    if (e->env.fork >= ZK_FORK_AMSTERDAM && m->is_static)
        return false; /* before the beneficiary is accessed (EIP-7928) */
    evm_account *ben = account_if_affordable(f, &to, 0);
    evm_account *self = f->self;
    if (ben == NULL)
        return false;
    int64_t cost = 0;
    if (!evm_is_warm(e, ben)) {
        evm_mark_warm(e, ben);
        cost += GAS_COLD_ACCOUNT_ACCESS;
    }
    bool amsterdam = e->env.fork >= ZK_FORK_AMSTERDAM;
    bool new_account = !evm_account_alive(ben) && !u256_is_zero(&self->balance);
    if (new_account && !amsterdam)
        cost += GAS_SELF_DESTRUCT_NEW_ACCOUNT;
    if (!charge(f, cost) || !evm_bal_access(e, ben))
        return false;
    if (m->is_static)
        return false;
    if (new_account && amsterdam && !charge_state(f, new_account_state_gas(e)))
        return false;
    u256 bal = self->balance;
    if (!evm_sub_balance(e, self, &bal) || !evm_add_balance(e, ben, &bal) || !evm_touch(e, ben))
        return false;
    bool destroy = e->env.fork < ZK_FORK_CANCUN || self->created_seq == e->tx_seq;
    bool logged = zk_address_eq(&ben->addr, &self->addr) ? (!destroy || evm_emit_burn_log(e, &self->addr, &bal))
                                                          : evm_emit_transfer_log(e, &self->addr, &ben->addr, &bal);
    if (!logged)
        return false;
    if (destroy) {
        u256 zero = u256_zero();
        if (!evm_set_balance(e, self, &zero) || !evm_mark_destroyed(e, self))
            return false;
        if (e->env.fork < ZK_FORK_LONDON && self->destroyed_seq == e->tx_seq)
            f->refund += 24000;
    }
    return true;
}

/* ---- EIP-8024 immediates ----
 * The immediate byte avoids 0x5b (JUMPDEST) and the PUSH range, so JUMPDEST analysis
 * is unchanged. DUPN/SWAPN reach depths 17..235; EXCHANGE names two depths. (Encoding of
 * the EIP version the Amsterdam fixtures were filled with.) */

static int decode_single(uint8_t x)
{
    if (x > 90 && x < 128)
        return -1;
    return (x + 145) & 0xff;
}

static bool decode_pair(uint8_t x, int *n, int *m)
{
    if (x > 81 && x < 128)
        return false;
    int k = x ^ 143;
    int q = k / 16, r = k % 16;
    if (q < r) {
        *n = q + 1;
        *m = r + 1;
    } else {
        *n = r + 1;
        *m = 29 - q;
    }
    return true;
}

/* ---- the interpreter loop ---- */

static void run_code(zk_evm *e, const evm_message *m, evm_result *r)
{
    frame fr;
    frame *f = &fr;
    f->e = e;
    f->m = m;
    f->buf = &e->depth[m->depth];
    f->msize = 0;
    f->ret = NULL;
    f->ret_len = 0;
    f->refund = 0;
    r->output = NULL;
    r->output_len = 0;
    r->refund = 0;
    r->gas_left = 0;
    r->outcome = EVM_FAILURE;

    if (m->code_len == 0) {
        r->outcome = EVM_SUCCESS;
        r->gas_left = m->gas;
        return;
    }
    if (f->buf->stack == NULL) {
        f->buf->stack = evm_alloc(e, EVM_STACK_LIMIT * sizeof(u256));
        if (f->buf->stack == NULL)
            return;
    }
    const uint8_t *jd = jumpdests_for(e, m);
    if (jd == NULL)
        return;
    f->self = evm_account_get(e, &m->target);
    if (f->self == NULL)
        return;

    const uint8_t *code = m->code;
    const size_t code_len = m->code_len;
    u256 *const base = f->buf->stack;
    u256 *top = base;
    int64_t gas = m->gas;
    size_t pc = 0;
    const int16_t *op_gas = e->op_gas;
    const uint8_t *op_in = e->op_stack_in;
    const int8_t *op_growth = e->op_stack_growth;

#define SYNC_OUT() (f->gas = gas, f->top = top)
#define SYNC_IN() (gas = f->gas, top = f->top)
#define CALL_HELPER(expr)      \
    do {                       \
        SYNC_OUT();            \
        bool ok_ = (expr);     \
        SYNC_IN();             \
        if (!ok_)              \
            goto fail;         \
    } while (0)

    while (pc < code_len) {
        uint8_t op = code[pc];
        int g = op_gas[op];
        if (g < 0)
            goto fail;
        ptrdiff_t depth = top - base;
        if (depth < op_in[op] || depth + op_growth[op] > EVM_STACK_LIMIT)
            goto fail;
        if ((gas -= g) < 0)
            goto fail;

        switch (op) {
        case OP_STOP:
            goto stop;
        case OP_ADD:
            top[-2] = u256_add(&top[-1], &top[-2]);
            top--;
            break;
        case OP_MUL:
            top[-2] = u256_mul(&top[-1], &top[-2]);
            top--;
            break;
        case OP_SUB:
            top[-2] = u256_sub(&top[-1], &top[-2]);
            top--;
            break;
        case OP_DIV:
            top[-2] = u256_div(&top[-1], &top[-2]);
            top--;
            break;
        case OP_SDIV:
            top[-2] = u256_sdiv(&top[-1], &top[-2]);
            top--;
            break;
        case OP_MOD:
            top[-2] = u256_mod(&top[-1], &top[-2]);
            top--;
            break;
        case OP_SMOD:
            top[-2] = u256_smod(&top[-1], &top[-2]);
            top--;
            break;
        case OP_ADDMOD:
            top[-3] = u256_addmod(&top[-1], &top[-2], &top[-3]);
            top -= 2;
            break;
        case OP_MULMOD:
            top[-3] = u256_mulmod(&top[-1], &top[-2], &top[-3]);
            top -= 2;
            break;
        case OP_EXP: {
            int64_t cost = GAS_EXP_BYTE * (int64_t)u256_byte_length(&top[-2]);
            if ((gas -= cost) < 0)
                goto fail;
            top[-2] = u256_exp(&top[-1], &top[-2]);
            top--;
            break;
        }
        case OP_SIGNEXTEND:
            top[-2] = u256_signextend(&top[-1], &top[-2]);
            top--;
            break;
        case OP_LT:
            top[-2] = u256_from_u64(u256_lt(&top[-1], &top[-2]));
            top--;
            break;
        case OP_GT:
            top[-2] = u256_from_u64(u256_gt(&top[-1], &top[-2]));
            top--;
            break;
        case OP_SLT:
            top[-2] = u256_from_u64(u256_slt(&top[-1], &top[-2]));
            top--;
            break;
        case OP_SGT:
            top[-2] = u256_from_u64(u256_sgt(&top[-1], &top[-2]));
            top--;
            break;
        case OP_EQ:
            top[-2] = u256_from_u64(u256_eq(&top[-1], &top[-2]));
            top--;
            break;
        case OP_ISZERO:
            top[-1] = u256_from_u64(u256_is_zero(&top[-1]));
            break;
        case OP_AND:
            for (int i = 0; i < 4; i++)
                top[-2].w[i] &= top[-1].w[i];
            top--;
            break;
        case OP_OR:
            for (int i = 0; i < 4; i++)
                top[-2].w[i] |= top[-1].w[i];
            top--;
            break;
        case OP_XOR:
            for (int i = 0; i < 4; i++)
                top[-2].w[i] ^= top[-1].w[i];
            top--;
            break;
        case OP_NOT:
            for (int i = 0; i < 4; i++)
                top[-1].w[i] = ~top[-1].w[i];
            break;
        case OP_BYTE:
            top[-2] = u256_byte(&top[-1], &top[-2]);
            top--;
            break;
        case OP_SHL:
            top[-2] = u256_shl(&top[-2], &top[-1]);
            top--;
            break;
        case OP_SHR:
            top[-2] = u256_shr(&top[-2], &top[-1]);
            top--;
            break;
        case OP_SAR:
            top[-2] = u256_sar(&top[-2], &top[-1]);
            top--;
            break;
        case OP_CLZ:
            top[-1] = u256_from_u64(u256_clz(&top[-1]));
            break;
        case OP_KECCAK256: {
            uint64_t o, n;
            if (!mem_range(&top[-1], &top[-2], &o, &n))
                goto fail;
            CALL_HELPER(charge_memory(f, o, n, GAS_KECCAK_WORD * (int64_t)words(n)));
            zk_hash h = keccak256(n ? f->buf->mem + o : NULL, (size_t)n);
            top[-2] = evm_word_load32(h.b);
            top--;
            break;
        }
        case OP_ADDRESS:
            *top++ = evm_word_from_address(&m->target);
            break;
        case OP_BALANCE:
        case OP_EXTCODESIZE:
        case OP_EXTCODEHASH:
            CALL_HELPER(op_balance_like(f, op));
            break;
        case OP_ORIGIN:
            *top++ = evm_word_from_address(&e->origin);
            break;
        case OP_CALLER:
            *top++ = evm_word_from_address(&m->caller);
            break;
        case OP_CALLVALUE:
            *top++ = m->value;
            break;
        case OP_CALLDATALOAD: {
            uint8_t word[32];
            copy_padded(word, m->input, m->input_len, &top[-1], 32);
            top[-1] = evm_word_load32(word);
            break;
        }
        case OP_CALLDATASIZE:
            *top++ = u256_from_u64(m->input_len);
            break;
        case OP_CALLDATACOPY:
        case OP_CODECOPY:
        case OP_RETURNDATACOPY: {
            top -= 3;
            uint64_t o, n;
            if (!mem_range(&top[2], &top[0], &o, &n))
                goto fail;
            CALL_HELPER(charge_memory(f, o, n, GAS_COPY_WORD * (int64_t)words(n)));
            if (op == OP_RETURNDATACOPY) {
                /* EIP-211: reading past the end of the return data is an exceptional halt. */
                const u256 *src = &top[1];
                if (!u256_fits_u64(src) || src->w[0] > f->ret_len || f->ret_len - src->w[0] < n)
                    goto fail;
                if (n)
                    memcpy(f->buf->mem + o, f->ret + src->w[0], (size_t)n);
            } else if (n) {
                const uint8_t *src = op == OP_CODECOPY ? code : m->input;
                size_t src_len = op == OP_CODECOPY ? code_len : m->input_len;
                copy_padded(f->buf->mem + o, src, src_len, &top[1], n);
            }
            break;
        }
        case OP_CODESIZE:
            *top++ = u256_from_u64(code_len);
            break;
        case OP_GASPRICE:
            *top++ = e->gas_price;
            break;
        case OP_EXTCODECOPY:
            CALL_HELPER(op_extcodecopy(f));
            break;
        case OP_RETURNDATASIZE:
            *top++ = u256_from_u64(f->ret_len);
            break;
        case OP_BLOCKHASH:
            CALL_HELPER(op_blockhash(f));
            break;
        case OP_COINBASE:
            *top++ = evm_word_from_address(&e->env.coinbase);
            break;
        case OP_TIMESTAMP:
            *top++ = u256_from_u64(e->env.timestamp);
            break;
        case OP_NUMBER:
            *top++ = u256_from_u64(e->env.number);
            break;
        case OP_PREVRANDAO:
            *top++ = e->env.fork >= ZK_FORK_PARIS ? evm_word_load32(e->env.prev_randao.b) : e->env.difficulty;
            break;
        case OP_GASLIMIT:
            *top++ = u256_from_u64(e->env.gas_limit);
            break;
        case OP_CHAINID:
            *top++ = u256_from_u64(e->env.chain_id);
            break;
        case OP_SELFBALANCE:
            *top++ = f->self->balance;
            break;
        case OP_BASEFEE:
            *top++ = e->env.base_fee;
            break;
        case OP_BLOBHASH: {
            u256 *x = &top[-1];
            if (u256_fits_u64(x) && x->w[0] < e->num_blob_hashes)
                *x = evm_word_load32(e->blob_hashes[x->w[0]].b);
            else
                *x = u256_zero();
            break;
        }
        case OP_SLOTNUM:
            *top++ = u256_from_u64(e->env.slot_number);
            break;
        case OP_DUPN: {
            int n = decode_single(pc + 1 < code_len ? code[pc + 1] : 0);
            if (n < 0 || top - base < n || top - base >= EVM_STACK_LIMIT)
                goto fail;
            *top = top[-n];
            top++;
            pc += 2;
            continue;
        }
        case OP_SWAPN: {
            int n = decode_single(pc + 1 < code_len ? code[pc + 1] : 0);
            if (n < 0 || top - base < n + 1)
                goto fail;
            u256 t = top[-1];
            top[-1] = top[-1 - n];
            top[-1 - n] = t;
            pc += 2;
            continue;
        }
        case OP_EXCHANGE: {
            int n, k;
            if (!decode_pair(pc + 1 < code_len ? code[pc + 1] : 0, &n, &k) || top - base < (n > k ? n : k) + 1)
                goto fail;
            u256 t = top[-1 - n];
            top[-1 - n] = top[-1 - k];
            top[-1 - k] = t;
            pc += 2;
            continue;
        }
        case OP_BLOBBASEFEE:
            *top++ = e->env.blob_base_fee;
            break;
        case OP_POP:
            top--;
            break;
        case OP_MLOAD: {
            uint64_t o, n;
            u256 thirty_two = u256_from_u64(32);
            if (!mem_range(&top[-1], &thirty_two, &o, &n))
                goto fail;
            CALL_HELPER(charge_memory(f, o, 32, 0));
            top[-1] = evm_word_load32(f->buf->mem + o);
            break;
        }
        case OP_MSTORE:
        case OP_MSTORE8: {
            uint64_t len = op == OP_MSTORE ? 32 : 1;
            u256 size = u256_from_u64(len);
            uint64_t o, n;
            if (!mem_range(&top[-1], &size, &o, &n))
                goto fail;
            CALL_HELPER(charge_memory(f, o, len, 0));
            if (op == OP_MSTORE)
                evm_word_store32(&top[-2], f->buf->mem + o);
            else
                f->buf->mem[o] = (uint8_t)top[-2].w[0];
            top -= 2;
            break;
        }
        case OP_SLOAD:
            CALL_HELPER(op_sload(f));
            break;
        case OP_SSTORE:
            CALL_HELPER(op_sstore(f));
            break;
        case OP_JUMP:
        case OP_JUMPI: {
            const u256 *dest = &top[-1];
            bool take = op == OP_JUMP || !u256_is_zero(&top[-2]);
            top -= op == OP_JUMP ? 1 : 2;
            if (take) {
                if (!u256_fits_u64(dest) || dest->w[0] >= code_len)
                    goto fail;
                size_t d = (size_t)dest->w[0];
                if (!(jd[d >> 3] & (1u << (d & 7))))
                    goto fail;
                pc = d;
                continue;
            }
            break;
        }
        case OP_PC:
            *top++ = u256_from_u64(pc);
            break;
        case OP_MSIZE:
            *top++ = u256_from_u64(f->msize);
            break;
        case OP_GAS:
            *top++ = u256_from_u64((uint64_t)gas);
            break;
        case OP_JUMPDEST:
            break;
        case OP_TLOAD: {
            zk_hash key = evm_word_to_hash(&top[-1]);
            evm_tslot *t = evm_tslot_get(e, &m->target, &key);
            if (t == NULL)
                goto fail;
            top[-1] = t->value;
            break;
        }
        case OP_TSTORE: {
            if (m->is_static)
                goto fail;
            zk_hash key = evm_word_to_hash(&top[-1]);
            evm_tslot *t = evm_tslot_get(e, &m->target, &key);
            if (t == NULL || !evm_set_tstorage(e, t, &top[-2]))
                goto fail;
            top -= 2;
            break;
        }
        case OP_MCOPY: {
            top -= 3;
            uint64_t dst, src, n;
            if (!mem_range(&top[2], &top[0], &dst, &n) || !mem_range(&top[1], &top[0], &src, &n))
                goto fail;
            uint64_t end = n ? (dst > src ? dst : src) + n : 0;
            SYNC_OUT();
            bool ok = charge(f, GAS_COPY_WORD * (int64_t)words(n) + (n ? expansion_cost(f, end) : 0)) &&
                      (n == 0 || memory_grow(f, end));
            SYNC_IN();
            if (!ok)
                goto fail;
            if (n)
                memmove(f->buf->mem + dst, f->buf->mem + src, (size_t)n);
            break;
        }
        case OP_PUSH0:
            *top++ = u256_zero();
            break;
        case OP_PUSH1:
            *top++ = u256_from_u64(pc + 1 < code_len ? code[pc + 1] : 0);
            pc += 2;
            continue;
        case OP_PUSH1 + 1 ... OP_PUSH32: {
            /* Immediate bytes past the end of the code read as zero. */
            size_t n = (size_t)(op - OP_PUSH1 + 1);
            size_t avail = code_len - pc - 1;
            if (avail >= n) {
                *top++ = evm_word_load_n(code + pc + 1, n);
            } else {
                uint8_t buf[32] = {0};
                memcpy(buf + 32 - n, code + pc + 1, avail);
                *top++ = evm_word_load32(buf);
            }
            pc += n + 1;
            continue;
        }
        case OP_DUP1 ... OP_DUP16: {
            int n = op - OP_DUP1 + 1;
            *top = top[-n];
            top++;
            break;
        }
        case OP_SWAP1 ... OP_SWAP16: {
            int n = op - OP_SWAP1 + 1;
            u256 t = top[-1];
            top[-1] = top[-1 - n];
            top[-1 - n] = t;
            break;
        }
        case OP_LOG0 ... OP_LOG4:
            CALL_HELPER(op_log(f, op - OP_LOG0));
            break;
        case OP_CREATE:
        case OP_CREATE2:
            CALL_HELPER(op_create(f, op));
            break;
        case OP_CALL:
        case OP_CALLCODE:
        case OP_DELEGATECALL:
        case OP_STATICCALL:
            CALL_HELPER(op_call(f, op));
            break;
        case OP_RETURN:
        case OP_REVERT: {
            uint64_t o, n;
            if (!mem_range(&top[-1], &top[-2], &o, &n))
                goto fail;
            CALL_HELPER(charge_memory(f, o, n, 0));
            r->output = n ? f->buf->mem + o : NULL;
            r->output_len = (size_t)n;
            r->gas_left = gas;
            if (op == OP_RETURN) {
                r->outcome = EVM_SUCCESS;
                r->refund = f->refund;
            } else {
                r->outcome = EVM_REVERT;
            }
            return;
        }
        case OP_SELFDESTRUCT:
            CALL_HELPER(op_selfdestruct(f));
            goto stop;
        default:
            goto fail;
        }
        pc++;
    }
stop:
    r->outcome = EVM_SUCCESS;
    r->gas_left = gas;
    r->refund = f->refund;
    return;
fail:
    r->outcome = EVM_FAILURE;
    r->gas_left = 0;
    r->output = NULL;
    r->output_len = 0;
#undef SYNC_OUT
#undef SYNC_IN
#undef CALL_HELPER
}

/* ---- message execution ---- */

static void run_precompile(zk_evm *e, const evm_message *m, evm_result *r)
{
    zk_arena_mark mark = zk_arena_get_mark(e->arena);
    uint64_t used = 0;
    bool ok = false;
    zk_bytes out = {NULL, 0};
    zk_status st = zk_precompile_run(e->env.fork, &m->code_address, m->input, m->input_len, (uint64_t)m->gas,
                                     e->arena, &used, &ok, &out);
    r->refund = 0;
    r->output = NULL;
    r->output_len = 0;
    if (st != ZK_OK) {
        e->fatal = st;
        r->outcome = EVM_FAILURE;
        r->gas_left = 0;
        zk_arena_reset(e->arena, mark);
        return;
    }
    if (!ok || used > (uint64_t)m->gas) {
        r->outcome = EVM_FAILURE;
        r->gas_left = 0;
        zk_arena_reset(e->arena, mark);
        return;
    }
    /* Move the output into this depth's buffer so the arena space can be reused. If the
     * buffer must grow, the new one is allocated above the output (which is then kept). */
    evm_depth_buf *d = &e->depth[m->depth];
    if (out.len > d->mem_cap) {
        size_t cap = d->mem_cap ? d->mem_cap : 4096;
        while (cap < out.len)
            cap *= 2;
        uint8_t *mem = evm_alloc(e, cap);
        if (mem == NULL) {
            r->outcome = EVM_FAILURE;
            r->gas_left = 0;
            return;
        }
        memcpy(mem, out.ptr, out.len);
        d->mem = mem;
        d->mem_cap = cap;
    } else {
        if (out.len)
            memcpy(d->mem, out.ptr, out.len);
        zk_arena_reset(e->arena, mark);
    }
    r->output = out.len ? d->mem : NULL;
    r->output_len = out.len;
    r->outcome = EVM_SUCCESS;
    r->gas_left = m->gas - (int64_t)used;
}

void evm_call_message(zk_evm *e, const evm_message *m, evm_result *r)
{
    size_t cp = evm_checkpoint(e);
    size_t logs_cp = e->num_logs;
    evm_state_gas_mark sg = evm_state_gas_enter(e);
    r->outcome = EVM_FAILURE;
    r->gas_left = 0;
    r->refund = 0;
    r->output = NULL;
    r->output_len = 0;
    evm_account *target = evm_account_get(e, &m->target);
    if (target == NULL || !evm_touch(e, target))
        return;
    if (m->transfer_value && !u256_is_zero(&m->value)) {
        evm_account *caller = evm_account_get(e, &m->caller);
        if (caller == NULL || !evm_sub_balance(e, caller, &m->value) || !evm_add_balance(e, target, &m->value) ||
            !evm_emit_transfer_log(e, &m->caller, &m->target, &m->value))
            return;
    }
    if (!m->disable_precompiles && zk_precompile_exists(e->env.fork, &m->code_address))
        run_precompile(e, m, r);
    else
        run_code(e, m, r);
    if (r->outcome != EVM_SUCCESS) {
        evm_revert_to(e, cp);
        e->num_logs = logs_cp;
        evm_state_gas_frame_failed(e, sg, m->depth);
    }
}

void evm_create_message(zk_evm *e, const evm_message *m, evm_result *r)
{
    size_t cp = evm_checkpoint(e);
    size_t logs_cp = e->num_logs;
    evm_state_gas_mark sg = evm_state_gas_enter(e);
    r->outcome = EVM_FAILURE;
    r->gas_left = 0;
    r->refund = 0;
    r->output = NULL;
    r->output_len = 0;
    evm_account *target = evm_account_get(e, &m->target);
    if (target == NULL)
        return;
    if (!evm_mark_created(e, target) || !evm_set_nonce(e, target, target->nonce + 1))
        goto failed;
    if (!evm_touch(e, target))
        goto failed;
    if (!u256_is_zero(&m->value)) {
        evm_account *caller = evm_account_get(e, &m->caller);
        if (caller == NULL || !evm_sub_balance(e, caller, &m->value) || !evm_add_balance(e, target, &m->value) ||
            !evm_emit_transfer_log(e, &m->caller, &m->target, &m->value))
            goto failed;
    }
    run_code(e, m, r);
    if (r->outcome != EVM_SUCCESS) {
        evm_revert_to(e, cp);
        e->num_logs = logs_cp;
        evm_state_gas_frame_failed(e, sg, m->depth);
        return;
    }
    {
        size_t len = r->output_len;
        if ((len > 0 && r->output[0] == 0xef && e->env.fork >= ZK_FORK_LONDON) || len > evm_max_code_size(e->env.fork))
            goto failed;
        if (e->env.fork >= ZK_FORK_AMSTERDAM) {
            /* EIP-8037: hashing the code is regular gas, its bytes are state gas. */
            int64_t hash_cost = GAS_KECCAK_WORD * (int64_t)words(len);
            if (r->gas_left < hash_cost)
                goto failed;
            r->gas_left -= hash_cost;
            if (!charge_state_from(e, &r->gas_left, (int64_t)len * e->cpsb))
                goto failed;
        } else {
            int64_t deposit = GAS_CODE_DEPOSIT * (int64_t)len;
            if (r->gas_left < deposit)
                goto failed;
            r->gas_left -= deposit;
        }
        const uint8_t *code = NULL;
        if (len) {
            uint8_t *copy = evm_alloc(e, len);
            if (copy == NULL)
                goto failed;
            memcpy(copy, r->output, len);
            code = copy;
        }
        if (!evm_set_code(e, target, code, len))
            goto failed;
        r->output = NULL;
        r->output_len = 0;
        return;
    }
failed:
    evm_revert_to(e, cp);
    e->num_logs = logs_cp;
    evm_state_gas_frame_failed(e, sg, m->depth);
    r->outcome = EVM_FAILURE;
    r->gas_left = 0;
    r->refund = 0;
    r->output = NULL;
    r->output_len = 0;
}
