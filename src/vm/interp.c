/* interp.c — the zkl1 VM's interpreter loop.
 *
 * Direct threading: each pre-decoded instruction carries the address of its handler label
 * (GNU labels-as-values, supported by clang and gcc), so dispatch is one indirect jump with no
 * bounds check or switch. Every handler ends by dispatching the next instruction itself.
 *
 * Counting without per-instruction cost: instructions run in straight lines between taken
 * control transfers. At each taken branch/jump and each ecall the length of the line just
 * finished is added to instret, and run_delta gets +1 where a line starts and -1 just after
 * it ends; a prefix sum over run_delta afterwards gives how often each instruction ran (the
 * per-class and per-opcode counts of the report). The cycle limit is checked at the same
 * points: any endless loop takes a branch, and a straight line is at most the code size.
 *
 * Register x0: the decoder rewrites rd = 0 to the sink register x[32], so x[0] stays zero
 * and handlers never test for it.
 */
#include <string.h>

#include "vm_internal.h"

/* Appends " at pc 0x..." to the stop message. */
static void note_pc(zk_vm *vm, uint64_t pc)
{
    size_t n = strlen(vm->error);
    snprintf(vm->error + n, sizeof vm->error - n, " (pc 0x%llx)", (unsigned long long)pc);
}

static void bad_target(zk_vm *vm, uint64_t pc, uint64_t target, const char *what)
{
    if (target & 3)
        zk_vm_stop(vm, ZK_VM_TRAP, "%s to misaligned address 0x%llx (instructions are 4-byte aligned)", what,
                   (unsigned long long)target);
    else
        zk_vm_stop(vm, ZK_VM_TRAP, "%s to 0x%llx, outside every executable segment", what,
                   (unsigned long long)target);
    note_pc(vm, pc);
}

/* Whether the branch op (without ZK_OP_BAD_TARGET) is taken on operands a, b. */
static int branch_taken(unsigned op, uint64_t a, uint64_t b)
{
    switch (op) {
    case ZK_OP_BEQ: return a == b;
    case ZK_OP_BNE: return a != b;
    case ZK_OP_BLT: return (int64_t)a < (int64_t)b;
    case ZK_OP_BGE: return (int64_t)a >= (int64_t)b;
    case ZK_OP_BLTU: return a < b;
    case ZK_OP_BGEU: return a >= b;
    default: return 1; /* JAL */
    }
}

void zk_interp(zk_vm *vm);

void zk_interp(zk_vm *vm)
{
    static const void *const labels[ZK_OP_COUNT] = {
#define ZK_OP_LABEL(name, cls) [ZK_OP_##name] = &&L_##name,
        ZK_OPS(ZK_OP_LABEL)
#undef ZK_OP_LABEL
    };
    zk_insn *const code = vm->code;
    for (uint64_t i = 0; i <= vm->ncode; i++)
        code[i].handler = (code[i].op & ZK_OP_BAD_TARGET) ? &&L_BAD_TARGET : labels[code[i].op];

    uint64_t *const X = vm->x;
    int64_t *const delta = vm->run_delta;
    uint8_t *const *const rpage = vm->rpage;
    uint8_t *const *const wpage = vm->wpage;
    const uint64_t code_base = vm->code_base;
    const uint64_t code_bytes = vm->ncode * 4;
    uint64_t instret = vm->instret;
    uint64_t budget; /* instret may grow up to this before the cycle limit hits */

#define SET_BUDGET()                                                                               \
    budget = vm->max_cycles == 0                       ? UINT64_MAX                                 \
             : vm->max_cycles > vm->accel_cycles       ? vm->max_cycles - vm->accel_cycles          \
                                                       : 0

    SET_BUDGET();
    zk_insn *ip = code + (vm->image.entry - code_base) / 4;
    zk_insn *run = ip; /* first instruction of the current straight line */
    delta[ip - code]++;

#define PC_OF(p) (code_base + ((uint64_t)((p) - code) << 2))
#define DISPATCH goto *ip->handler
#define NEXT                                                                                       \
    do {                                                                                           \
        ip++;                                                                                      \
        DISPATCH;                                                                                  \
    } while (0)
#define RD X[ip->rd]
#define RS1 X[ip->rs1]
#define RS2 X[ip->rs2]
#define IMM ((uint64_t)(int64_t)ip->imm)
/* A taken transfer: close the straight line at ip, open one at the target. */
#define JUMP_TO(target)                                                                            \
    do {                                                                                           \
        zk_insn *t_ = (target);                                                                    \
        instret += (uint64_t)(ip - run) + 1;                                                       \
        delta[ip - code + 1]--;                                                                    \
        ip = run = t_;                                                                             \
        delta[ip - code]++;                                                                        \
        if (__builtin_expect(instret >= budget, 0))                                                \
            goto L_cycle_limit;                                                                    \
        DISPATCH;                                                                                  \
    } while (0)
#define LOAD(T, EXT)                                                                               \
    do {                                                                                           \
        uint64_t a_ = RS1 + IMM, pg_ = a_ >> ZK_PAGE_BITS;                                         \
        const uint8_t *p_;                                                                         \
        if (__builtin_expect(pg_ < ZK_NPAGES && (a_ & (sizeof(T) - 1)) == 0 && (p_ = rpage[pg_]), 1)) { \
            T v_;                                                                                  \
            memcpy(&v_, p_ + (a_ & (ZK_PAGE_SIZE - 1)), sizeof v_);                                \
            RD = (uint64_t)(EXT)v_;                                                                \
        } else {                                                                                   \
            uint64_t v_;                                                                           \
            if (zk_mem_load_slow(vm, a_, sizeof(T), &v_) != 0)                                     \
                goto L_fault;                                                                      \
            RD = (uint64_t)(EXT)(T)v_;                                                             \
        }                                                                                          \
        NEXT;                                                                                      \
    } while (0)
#define STORE(T)                                                                                   \
    do {                                                                                           \
        uint64_t a_ = RS1 + IMM, pg_ = a_ >> ZK_PAGE_BITS;                                         \
        uint8_t *p_;                                                                               \
        if (__builtin_expect(pg_ < ZK_NPAGES && (a_ & (sizeof(T) - 1)) == 0 && (p_ = wpage[pg_]), 1)) { \
            T v_ = (T)RS2;                                                                         \
            memcpy(p_ + (a_ & (ZK_PAGE_SIZE - 1)), &v_, sizeof v_);                                \
        } else if (zk_mem_store_slow(vm, a_, sizeof(T), RS2) != 0) {                               \
            goto L_fault;                                                                          \
        }                                                                                          \
        NEXT;                                                                                      \
    } while (0)
#define W(expr) ((uint64_t)(int64_t)(int32_t)(uint32_t)(expr)) /* sign-extend the low 32 bits */

    DISPATCH;

L_LUI: RD = IMM; NEXT;
L_AUIPC: RD = PC_OF(ip) + IMM; NEXT;
L_JAL: RD = PC_OF(ip) + 4; JUMP_TO(code + ip->imm);
L_JALR: {
    uint64_t target = (RS1 + IMM) & ~(uint64_t)1; /* the ISA clears bit 0; nothing else is rounded */
    uint64_t rel = target - code_base;
    if (__builtin_expect((rel & 3) != 0 || rel >= code_bytes, 0)) {
        bad_target(vm, PC_OF(ip), target, "jalr");
        goto L_fault_noted;
    }
    RD = PC_OF(ip) + 4;
    JUMP_TO(code + (rel >> 2));
}
L_BEQ: if (RS1 == RS2) JUMP_TO(code + ip->imm); NEXT;
L_BNE: if (RS1 != RS2) JUMP_TO(code + ip->imm); NEXT;
L_BLT: if ((int64_t)RS1 < (int64_t)RS2) JUMP_TO(code + ip->imm); NEXT;
L_BGE: if ((int64_t)RS1 >= (int64_t)RS2) JUMP_TO(code + ip->imm); NEXT;
L_BLTU: if (RS1 < RS2) JUMP_TO(code + ip->imm); NEXT;
L_BGEU: if (RS1 >= RS2) JUMP_TO(code + ip->imm); NEXT;
L_BAD_TARGET: {
    unsigned op = ip->op & ~ZK_OP_BAD_TARGET;
    if (!branch_taken(op, RS1, RS2))
        NEXT;
    bad_target(vm, PC_OF(ip), PC_OF(ip) + IMM, op == ZK_OP_JAL ? "jal" : "branch");
    goto L_fault_noted;
}

L_LB: LOAD(int8_t, int64_t);
L_LH: LOAD(int16_t, int64_t);
L_LW: LOAD(int32_t, int64_t);
L_LD: LOAD(uint64_t, uint64_t);
L_LBU: LOAD(uint8_t, uint64_t);
L_LHU: LOAD(uint16_t, uint64_t);
L_LWU: LOAD(uint32_t, uint64_t);
L_SB: STORE(uint8_t);
L_SH: STORE(uint16_t);
L_SW: STORE(uint32_t);
L_SD: STORE(uint64_t);

L_ADDI: RD = RS1 + IMM; NEXT;
L_SLTI: RD = (int64_t)RS1 < (int64_t)IMM; NEXT;
L_SLTIU: RD = RS1 < IMM; NEXT;
L_XORI: RD = RS1 ^ IMM; NEXT;
L_ORI: RD = RS1 | IMM; NEXT;
L_ANDI: RD = RS1 & IMM; NEXT;
L_SLLI: RD = RS1 << ip->imm; NEXT;
L_SRLI: RD = RS1 >> ip->imm; NEXT;
L_SRAI: RD = (uint64_t)((int64_t)RS1 >> ip->imm); NEXT;
L_ADD: RD = RS1 + RS2; NEXT;
L_SUB: RD = RS1 - RS2; NEXT;
L_SLL: RD = RS1 << (RS2 & 63); NEXT;
L_SLT: RD = (int64_t)RS1 < (int64_t)RS2; NEXT;
L_SLTU: RD = RS1 < RS2; NEXT;
L_XOR: RD = RS1 ^ RS2; NEXT;
L_SRL: RD = RS1 >> (RS2 & 63); NEXT;
L_SRA: RD = (uint64_t)((int64_t)RS1 >> (RS2 & 63)); NEXT;
L_OR: RD = RS1 | RS2; NEXT;
L_AND: RD = RS1 & RS2; NEXT;
L_ADDIW: RD = W(RS1 + IMM); NEXT;
L_SLLIW: RD = W((uint32_t)RS1 << ip->imm); NEXT;
L_SRLIW: RD = W((uint32_t)RS1 >> ip->imm); NEXT;
L_SRAIW: RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> ip->imm); NEXT;
L_ADDW: RD = W(RS1 + RS2); NEXT;
L_SUBW: RD = W(RS1 - RS2); NEXT;
L_SLLW: RD = W((uint32_t)RS1 << (RS2 & 31)); NEXT;
L_SRLW: RD = W((uint32_t)RS1 >> (RS2 & 31)); NEXT;
L_SRAW: RD = (uint64_t)(int64_t)((int32_t)(uint32_t)RS1 >> (RS2 & 31)); NEXT;

L_MUL: RD = RS1 * RS2; NEXT;
L_MULH: RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)(int64_t)RS2) >> 64); NEXT;
L_MULHSU: RD = (uint64_t)(((__int128)(int64_t)RS1 * (__int128)RS2) >> 64); NEXT;
L_MULHU: RD = (uint64_t)(((unsigned __int128)RS1 * RS2) >> 64); NEXT;
L_MULW: RD = W(RS1 * RS2); NEXT;
L_DIV: {
    int64_t a = (int64_t)RS1, b = (int64_t)RS2;
    RD = b == 0 ? UINT64_MAX : (a == INT64_MIN && b == -1) ? (uint64_t)a : (uint64_t)(a / b);
    NEXT;
}
L_DIVU: RD = RS2 == 0 ? UINT64_MAX : RS1 / RS2; NEXT;
L_REM: {
    int64_t a = (int64_t)RS1, b = (int64_t)RS2;
    RD = b == 0 ? (uint64_t)a : (a == INT64_MIN && b == -1) ? 0 : (uint64_t)(a % b);
    NEXT;
}
L_REMU: RD = RS2 == 0 ? RS1 : RS1 % RS2; NEXT;
L_DIVW: {
    int32_t a = (int32_t)(uint32_t)RS1, b = (int32_t)(uint32_t)RS2;
    RD = b == 0 ? UINT64_MAX : (a == INT32_MIN && b == -1) ? (uint64_t)(int64_t)a : (uint64_t)(int64_t)(a / b);
    NEXT;
}
L_DIVUW: {
    uint32_t a = (uint32_t)RS1, b = (uint32_t)RS2;
    RD = b == 0 ? UINT64_MAX : W(a / b);
    NEXT;
}
L_REMW: {
    int32_t a = (int32_t)(uint32_t)RS1, b = (int32_t)(uint32_t)RS2;
    RD = b == 0 ? (uint64_t)(int64_t)a : (a == INT32_MIN && b == -1) ? 0 : (uint64_t)(int64_t)(a % b);
    NEXT;
}
L_REMUW: {
    uint32_t a = (uint32_t)RS1, b = (uint32_t)RS2;
    RD = b == 0 ? W(a) : W(a % b);
    NEXT;
}

L_FENCE: NEXT;
L_ECALL: {
    instret += (uint64_t)(ip - run) + 1;
    delta[ip - code + 1]--;
    vm->instret = instret;
    vm->pc = PC_OF(ip);
    X[32] = 0;
    int rc = zk_vm_ecall(vm);
    if (rc == ZK_ECALL_STOP)
        goto L_out;
    SET_BUDGET();
    ip = run = ip + 1;
    delta[ip - code]++;
    if (instret >= budget)
        goto L_cycle_limit;
    DISPATCH;
}
L_EBREAK:
    zk_vm_stop(vm, ZK_VM_TRAP, "ebreak");
    goto L_fault;
L_ILLEGAL:
    zk_vm_stop(vm, ZK_VM_TRAP, "illegal or unsupported instruction 0x%08x", (unsigned)ip->imm);
    goto L_fault;
L_NOEXEC:
    zk_vm_stop(vm, ZK_VM_TRAP, "instruction fetch at 0x%llx: not in an executable segment",
               (unsigned long long)PC_OF(ip));
    goto L_fault;

L_fault:
    note_pc(vm, PC_OF(ip));
L_fault_noted:
    /* The faulting instruction did not retire: the line ends just before it. */
    instret += (uint64_t)(ip - run);
    delta[ip - code]--;
    vm->pc = PC_OF(ip);
    goto L_out;
L_cycle_limit:
    /* The line just opened at ip has not run. */
    delta[ip - code]--;
    vm->pc = PC_OF(ip);
    zk_vm_stop(vm, ZK_VM_CYCLE_LIMIT, "cycle limit of %llu reached", (unsigned long long)vm->max_cycles);
L_out:
    vm->instret = instret;
    X[32] = 0;
}
