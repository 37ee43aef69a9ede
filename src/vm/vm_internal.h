/* vm_internal.h — the zkl1 VM's state, shared by its source files (not a public header). */
#ifndef ZK_VM_INTERNAL_H
#define ZK_VM_INTERNAL_H

#include <stdint.h>

#include "elf.h"
#include "guest/zkl1_ecall.h"
#include "vm.h"

#define ZK_PAGE_BITS 12
#define ZK_PAGE_SIZE (1u << ZK_PAGE_BITS)
#define ZK_NPAGES (1ull << (ZKL1_ADDRESS_SPACE_BITS - ZK_PAGE_BITS))
#define ZK_MAX_CODE_SPAN (32u << 20) /* bytes from the first to the last executable byte */

#define ZK_REGION_NAME_MAX 64
#define ZK_MAX_REGIONS 128
#define ZK_MAX_REGION_DEPTH 64

/* Every instruction the decoder knows; the order groups the classes of the report. */
#define ZK_OPS(X)                                                                                  \
    X(LUI, UPPER) X(AUIPC, UPPER)                                                                  \
    X(JAL, JUMP) X(JALR, JUMP)                                                                     \
    X(BEQ, BRANCH) X(BNE, BRANCH) X(BLT, BRANCH) X(BGE, BRANCH) X(BLTU, BRANCH) X(BGEU, BRANCH)    \
    X(LB, LOAD) X(LH, LOAD) X(LW, LOAD) X(LD, LOAD) X(LBU, LOAD) X(LHU, LOAD) X(LWU, LOAD)         \
    X(SB, STORE) X(SH, STORE) X(SW, STORE) X(SD, STORE)                                            \
    X(ADDI, ALU) X(SLTI, ALU) X(SLTIU, ALU) X(XORI, ALU) X(ORI, ALU) X(ANDI, ALU)                   \
    X(SLLI, ALU) X(SRLI, ALU) X(SRAI, ALU)                                                         \
    X(ADD, ALU) X(SUB, ALU) X(SLL, ALU) X(SLT, ALU) X(SLTU, ALU) X(XOR, ALU) X(SRL, ALU)           \
    X(SRA, ALU) X(OR, ALU) X(AND, ALU)                                                             \
    X(ADDIW, ALU) X(SLLIW, ALU) X(SRLIW, ALU) X(SRAIW, ALU)                                        \
    X(ADDW, ALU) X(SUBW, ALU) X(SLLW, ALU) X(SRLW, ALU) X(SRAW, ALU)                               \
    X(MUL, MUL) X(MULH, MUL) X(MULHSU, MUL) X(MULHU, MUL) X(MULW, MUL)                             \
    X(DIV, DIV) X(DIVU, DIV) X(REM, DIV) X(REMU, DIV)                                              \
    X(DIVW, DIV) X(DIVUW, DIV) X(REMW, DIV) X(REMUW, DIV)                                          \
    X(FENCE, SYSTEM) X(ECALL, SYSTEM) X(EBREAK, SYSTEM)                                            \
    X(ILLEGAL, INVALID) X(NOEXEC, INVALID)

enum zk_op {
#define ZK_OP_ENUM(name, cls) ZK_OP_##name,
    ZK_OPS(ZK_OP_ENUM)
#undef ZK_OP_ENUM
    ZK_OP_COUNT
};

/* Set in zk_insn.op when a branch or jal has a static target that is misaligned or not
 * executable: the instruction traps if (and only if) the jump is taken. */
#define ZK_OP_BAD_TARGET 0x80u

enum zk_class { ZK_CLASS_ALU, ZK_CLASS_MUL, ZK_CLASS_DIV, ZK_CLASS_LOAD, ZK_CLASS_STORE, ZK_CLASS_BRANCH,
                ZK_CLASS_JUMP, ZK_CLASS_UPPER, ZK_CLASS_SYSTEM, ZK_CLASS_INVALID, ZK_CLASS_COUNT };

/* One pre-decoded instruction: 16 bytes. rd = 0 is rewritten to 32, a sink register, so that
 * handlers never test for x0. imm holds the immediate; for branches and jal the index of the
 * target in zk_vm.code; for ILLEGAL the raw instruction word. */
typedef struct zk_insn {
    const void *handler; /* the interpreter's label, filled in when a run starts */
    uint8_t op;          /* enum zk_op, possibly | ZK_OP_BAD_TARGET */
    uint8_t rd, rs1, rs2;
    int32_t imm;
} zk_insn;

typedef struct zk_region {
    char name[ZK_REGION_NAME_MAX];
    uint64_t cycles; /* inclusive */
    uint64_t count;  /* times closed */
} zk_region;

typedef struct zk_accel_stats {
    uint64_t calls, failures, cycles;
    double host_seconds;
} zk_accel_stats;

struct zk_vm {
    uint64_t x[33]; /* x0..x31 and the sink x32 */

    /* Memory: a flat table of 4 KiB pages over the 4 GiB guest space. perm says what the
     * ELF (or the input) allows; a page is allocated on first touch. rpage/wpage alias
     * page[] where reading/writing is allowed and the page exists: the interpreter's fast
     * paths test only these. */
    uint8_t **page;
    uint8_t **rpage;
    uint8_t **wpage;
    uint8_t *perm;
    uint32_t *allocated; /* indices of the allocated pages, for freeing */
    uint64_t pages_allocated, allocated_cap;
    uint64_t max_memory;

    /* Code: the executable span pre-decoded, one entry per 4 bytes, plus a sentinel. */
    zk_insn *code;
    uint64_t ncode;
    uint64_t code_base;
    int64_t *run_delta; /* ncode + 2 entries: +1 where a straight run starts, -1 after it ends */

    zk_elf_image image;
    uint64_t max_cycles;

    /* Counters. */
    uint64_t instret;
    uint64_t accel_cycles;
    uint64_t unaligned_loads, unaligned_stores;
    zk_accel_stats accel[ZKL1_ACCEL_COUNT + 1];

    /* Regions. */
    zk_region regions[ZK_MAX_REGIONS];
    unsigned nregions;
    struct { unsigned region; uint64_t start; } open[ZK_MAX_REGION_DEPTH];
    unsigned depth;

    /* IO. */
    const uint8_t *input; /* the VM's own copy */
    uint64_t input_len;
    uint64_t input_cursor; /* for the Linux-compatible read(0, ...) */
    uint8_t *output;
    size_t output_len, output_cap;

    /* Outcome. */
    zk_vm_status status;
    int exit_code;
    uint64_t pc; /* where the run ended */
    char error[256];
    double wall_seconds;
};

/* What an ecall asks the interpreter to do next. */
enum { ZK_ECALL_CONTINUE = 0, ZK_ECALL_STOP = 1 };

/* mem.c */
int zk_mem_init(zk_vm *vm);
void zk_mem_free(zk_vm *vm);
/* Maps [addr, addr+len) with perm (ZK_SEG_*) without allocating. */
void zk_mem_map(zk_vm *vm, uint64_t addr, uint64_t len, uint8_t perm);
/* Allocates the page holding addr if its permissions allow; 0 or -1 (status/error set). */
int zk_mem_touch(zk_vm *vm, uint64_t page_index);
/* Slow paths of the interpreter: misaligned, page-crossing or first-touch accesses. Return 0,
 * or -1 with vm->status and vm->error set (a trap or the memory limit). */
int zk_mem_load_slow(zk_vm *vm, uint64_t addr, unsigned size, uint64_t *value);
int zk_mem_store_slow(zk_vm *vm, uint64_t addr, unsigned size, uint64_t value);
/* Bulk copies for ecalls, with the same permission checks (read needs R, write needs W). */
int zk_mem_read(zk_vm *vm, uint64_t addr, void *dst, uint64_t len);
int zk_mem_write(zk_vm *vm, uint64_t addr, const void *src, uint64_t len);

/* ecall.c: serves the ecall at vm->pc; returns ZK_ECALL_CONTINUE or ZK_ECALL_STOP. */
int zk_vm_ecall(zk_vm *vm);

/* decode.c */
int zk_decode_image(zk_vm *vm, const uint8_t *elf, char *err, size_t errlen);
enum zk_class zk_op_class(unsigned op);
const char *zk_op_name(unsigned op);
const char *zk_class_name(enum zk_class c);

/* Sets the outcome (first one wins) with a printf-style message. */
void zk_vm_stop(zk_vm *vm, zk_vm_status status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
