/* decode.c — RV64IM decoding of the executable segments into zk_insn, once, at load time.
 *
 * The code array covers [code_base, code_base + 4 * ncode): the span from the first to the
 * last executable byte. Words outside every executable segment decode to NOEXEC (fetching
 * them traps), words that are not RV64IM to ILLEGAL (executing them traps). Branch and jal
 * targets are static, so they become indices into the array here; a target that is misaligned
 * or not executable marks the instruction ZK_OP_BAD_TARGET, which traps only if taken.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm_internal.h"

static const struct {
    const char *name;
    enum zk_class cls;
} op_info[ZK_OP_COUNT] = {
#define ZK_OP_INFO(n, c) {#n, ZK_CLASS_##c},
    ZK_OPS(ZK_OP_INFO)
#undef ZK_OP_INFO
};

static const char *const class_names[ZK_CLASS_COUNT] = {"alu", "mul", "div", "load", "store",
                                                        "branch", "jump", "upper", "system", "invalid"};

enum zk_class zk_op_class(unsigned op) { return op_info[op & 0x7f].cls; }
const char *zk_op_name(unsigned op) { return op_info[op & 0x7f].name; }
const char *zk_class_name(enum zk_class c) { return class_names[c]; }

static int32_t imm_i(uint32_t w) { return (int32_t)w >> 20; }
static int32_t imm_s(uint32_t w) { return ((int32_t)w >> 25) * 32 + (int32_t)((w >> 7) & 0x1f); }
static int32_t imm_u(uint32_t w) { return (int32_t)(w & 0xfffff000u); }
static int32_t imm_b(uint32_t w)
{
    uint32_t v = ((w >> 31) & 1) << 12 | ((w >> 7) & 1) << 11 | ((w >> 25) & 0x3f) << 5 | ((w >> 8) & 0xf) << 1;
    return (int32_t)(v << 19) >> 19;
}
static int32_t imm_j(uint32_t w)
{
    uint32_t v = ((w >> 31) & 1) << 20 | ((w >> 12) & 0xff) << 12 | ((w >> 20) & 1) << 11 | ((w >> 21) & 0x3ff) << 1;
    return (int32_t)(v << 11) >> 11;
}

/* The op for word w, or ILLEGAL. */
static enum zk_op decode_op(uint32_t w)
{
    unsigned f3 = (w >> 12) & 7, f7 = w >> 25;
    switch (w & 0x7f) {
    case 0x37: return ZK_OP_LUI;
    case 0x17: return ZK_OP_AUIPC;
    case 0x6f: return ZK_OP_JAL;
    case 0x67: return f3 == 0 ? ZK_OP_JALR : ZK_OP_ILLEGAL;
    case 0x63: {
        static const enum zk_op br[8] = {ZK_OP_BEQ, ZK_OP_BNE, ZK_OP_ILLEGAL, ZK_OP_ILLEGAL,
                                         ZK_OP_BLT, ZK_OP_BGE, ZK_OP_BLTU, ZK_OP_BGEU};
        return br[f3];
    }
    case 0x03: {
        static const enum zk_op ld[8] = {ZK_OP_LB, ZK_OP_LH, ZK_OP_LW, ZK_OP_LD,
                                         ZK_OP_LBU, ZK_OP_LHU, ZK_OP_LWU, ZK_OP_ILLEGAL};
        return ld[f3];
    }
    case 0x23: {
        static const enum zk_op st[8] = {ZK_OP_SB, ZK_OP_SH, ZK_OP_SW, ZK_OP_SD,
                                         ZK_OP_ILLEGAL, ZK_OP_ILLEGAL, ZK_OP_ILLEGAL, ZK_OP_ILLEGAL};
        return st[f3];
    }
    case 0x13: {
        unsigned f6 = w >> 26;
        switch (f3) {
        case 0: return ZK_OP_ADDI;
        case 2: return ZK_OP_SLTI;
        case 3: return ZK_OP_SLTIU;
        case 4: return ZK_OP_XORI;
        case 6: return ZK_OP_ORI;
        case 7: return ZK_OP_ANDI;
        case 1: return f6 == 0 ? ZK_OP_SLLI : ZK_OP_ILLEGAL;
        default: return f6 == 0 ? ZK_OP_SRLI : f6 == 0x10 ? ZK_OP_SRAI : ZK_OP_ILLEGAL;
        }
    }
    case 0x1b:
        switch (f3) {
        case 0: return ZK_OP_ADDIW;
        case 1: return f7 == 0 ? ZK_OP_SLLIW : ZK_OP_ILLEGAL;
        case 5: return f7 == 0 ? ZK_OP_SRLIW : f7 == 0x20 ? ZK_OP_SRAIW : ZK_OP_ILLEGAL;
        default: return ZK_OP_ILLEGAL;
        }
    case 0x33:
        if (f7 == 0) {
            static const enum zk_op op[8] = {ZK_OP_ADD, ZK_OP_SLL, ZK_OP_SLT, ZK_OP_SLTU,
                                             ZK_OP_XOR, ZK_OP_SRL, ZK_OP_OR, ZK_OP_AND};
            return op[f3];
        }
        if (f7 == 1) {
            static const enum zk_op op[8] = {ZK_OP_MUL, ZK_OP_MULH, ZK_OP_MULHSU, ZK_OP_MULHU,
                                             ZK_OP_DIV, ZK_OP_DIVU, ZK_OP_REM, ZK_OP_REMU};
            return op[f3];
        }
        if (f7 == 0x20)
            return f3 == 0 ? ZK_OP_SUB : f3 == 5 ? ZK_OP_SRA : ZK_OP_ILLEGAL;
        return ZK_OP_ILLEGAL;
    case 0x3b:
        if (f7 == 0)
            return f3 == 0 ? ZK_OP_ADDW : f3 == 1 ? ZK_OP_SLLW : f3 == 5 ? ZK_OP_SRLW : ZK_OP_ILLEGAL;
        if (f7 == 0x20)
            return f3 == 0 ? ZK_OP_SUBW : f3 == 5 ? ZK_OP_SRAW : ZK_OP_ILLEGAL;
        if (f7 == 1) {
            static const enum zk_op op[8] = {ZK_OP_MULW, ZK_OP_ILLEGAL, ZK_OP_ILLEGAL, ZK_OP_ILLEGAL,
                                             ZK_OP_DIVW, ZK_OP_DIVUW, ZK_OP_REMW, ZK_OP_REMUW};
            return op[f3];
        }
        return ZK_OP_ILLEGAL;
    case 0x0f:
        /* FENCE (any predecessor/successor set, including TSO) is a no-op for one hart;
         * FENCE.I (Zifencei) is not part of the target. */
        return f3 == 0 ? ZK_OP_FENCE : ZK_OP_ILLEGAL;
    case 0x73:
        if (w == 0x00000073)
            return ZK_OP_ECALL;
        if (w == 0x00100073)
            return ZK_OP_EBREAK;
        return ZK_OP_ILLEGAL; /* CSRs (Zicsr) and privileged instructions */
    default:
        return ZK_OP_ILLEGAL;
    }
}

/* Index of the static target pc + offset, or -1 when it is misaligned or not executable. */
static int64_t target_index(const zk_vm *vm, uint64_t pc, int32_t offset)
{
    uint64_t target = pc + (uint64_t)(int64_t)offset;
    uint64_t rel = target - vm->code_base;
    if ((target & 3) != 0 || rel >= vm->ncode * 4)
        return -1;
    if (vm->code[rel / 4].op == ZK_OP_NOEXEC)
        return -1;
    return (int64_t)(rel / 4);
}

static void decode_one(zk_insn *in, uint32_t w)
{
    enum zk_op op = decode_op(w);
    in->op = (uint8_t)op;
    in->rd = (uint8_t)((w >> 7) & 31);
    in->rs1 = (uint8_t)((w >> 15) & 31);
    in->rs2 = (uint8_t)((w >> 20) & 31);
    if (in->rd == 0)
        in->rd = 32;
    switch (zk_op_class(op)) {
    case ZK_CLASS_UPPER: in->imm = imm_u(w); break;
    case ZK_CLASS_STORE: in->imm = imm_s(w); break;
    case ZK_CLASS_BRANCH: in->imm = imm_b(w); break;
    default: in->imm = op == ZK_OP_JAL ? imm_j(w) : imm_i(w); break;
    }
    /* Shift amounts live in the low bits of the I immediate (6 bits, 5 for the W forms). */
    if (op == ZK_OP_SLLI || op == ZK_OP_SRLI || op == ZK_OP_SRAI)
        in->imm &= 63;
    if (op == ZK_OP_SLLIW || op == ZK_OP_SRLIW || op == ZK_OP_SRAIW)
        in->imm &= 31;
    if (op == ZK_OP_ILLEGAL)
        in->imm = (int32_t)w;
}

/* Second pass: static targets become indices (needs every word decoded, to see NOEXEC). */
static void resolve_targets(zk_vm *vm)
{
    for (uint64_t i = 0; i < vm->ncode; i++) {
        zk_insn *in = &vm->code[i];
        if (in->op != ZK_OP_JAL && zk_op_class(in->op) != ZK_CLASS_BRANCH)
            continue;
        int64_t t = target_index(vm, vm->code_base + 4 * i, in->imm);
        if (t < 0)
            in->op |= ZK_OP_BAD_TARGET; /* keeps imm as the offset, for the trap message */
        else
            in->imm = (int32_t)t;
    }
}

int zk_decode_image(zk_vm *vm, const uint8_t *elf, char *err, size_t errlen)
{
    const zk_elf_image *img = &vm->image;
    uint64_t lo = UINT64_MAX, hi = 0;
    for (size_t i = 0; i < img->nsegments; i++) {
        const zk_elf_segment *s = &img->segments[i];
        if (!(s->flags & ZK_SEG_X))
            continue;
        if (s->vaddr < lo)
            lo = s->vaddr;
        if (s->vaddr + s->memsz > hi)
            hi = s->vaddr + s->memsz;
    }
    lo &= ~(uint64_t)3;
    if (hi - lo > ZK_MAX_CODE_SPAN) {
        snprintf(err, errlen, "executable segments span %llu bytes: at most %u are supported",
                 (unsigned long long)(hi - lo), ZK_MAX_CODE_SPAN);
        return -1;
    }
    vm->code_base = lo;
    vm->ncode = (hi - lo + 3) / 4;
    /* One extra entry: running off the end of the code fetches the NOEXEC sentinel. */
    vm->code = calloc(vm->ncode + 1, sizeof *vm->code);
    vm->run_delta = calloc(vm->ncode + 2, sizeof *vm->run_delta);
    if (!vm->code || !vm->run_delta) {
        snprintf(err, errlen, "out of host memory for %llu decoded instructions", (unsigned long long)vm->ncode);
        return -1;
    }
    for (uint64_t i = 0; i <= vm->ncode; i++) {
        vm->code[i].op = ZK_OP_NOEXEC;
        vm->code[i].rd = 32;
    }
    for (size_t k = 0; k < img->nsegments; k++) {
        const zk_elf_segment *s = &img->segments[k];
        if (!(s->flags & ZK_SEG_X))
            continue;
        /* Only whole words inside the segment are instructions. */
        for (uint64_t pc = (s->vaddr + 3) & ~(uint64_t)3; pc + 4 <= s->vaddr + s->memsz; pc += 4) {
            uint8_t b[4] = {0, 0, 0, 0};
            for (unsigned j = 0; j < 4; j++) {
                uint64_t off = pc + j - s->vaddr;
                if (off < s->filesz)
                    b[j] = elf[s->offset + off];
            }
            uint32_t w = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
            decode_one(&vm->code[(pc - lo) / 4], w);
        }
    }
    resolve_targets(vm);
    return 0;
}
