/* test_vm_unit.c — the zkl1 VM on hand-assembled programs in hand-built ELFs.
 *
 * Things a C guest cannot express or pin down exactly: exact instruction counts and the
 * per-class profile, the cycle limit, branches whose static target is misaligned (trap only if
 * taken), falling off the end of the code, the zero tail of a text segment, a hole between two
 * executable segments, fence.i and CSR instructions, the sink register for x0, loads from and
 * stores to the text, and zero-filled memory beyond a segment's file bytes.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            printf("FAIL %s:%d: ", __func__, __LINE__);                                            \
            printf(__VA_ARGS__);                                                                   \
            printf("\n");                                                                          \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* ---- a tiny RV64IM assembler ---- */
enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A7 = 17 };

static uint32_t r_type(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t i_type(int imm, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t s_type(int imm, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23;
}
static uint32_t b_type(int off, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | ((u >> 1) & 0xf) << 8 |
           ((u >> 11) & 1) << 7 | 0x63;
}
static uint32_t j_type(int off, unsigned rd)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 | ((u >> 11) & 1) << 20 | ((u >> 12) & 0xff) << 12 | rd << 7 |
           0x6f;
}
static uint32_t addi(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 0, rd, 0x13); }
static uint32_t add(unsigned rd, unsigned rs1, unsigned rs2) { return r_type(0, rs2, rs1, 0, rd, 0x33); }
static uint32_t lui(unsigned rd, uint32_t imm20) { return imm20 << 12 | rd << 7 | 0x37; }
static uint32_t lw(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 2, rd, 0x03); }
static uint32_t ld(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 3, rd, 0x03); }
static uint32_t sw(unsigned rs2, unsigned rs1, int imm) { return s_type(imm, rs2, rs1, 2); }
static uint32_t beq(unsigned a, unsigned b, int off) { return b_type(off, b, a, 0); }
static uint32_t bne(unsigned a, unsigned b, int off) { return b_type(off, b, a, 1); }
static uint32_t jal(unsigned rd, int off) { return j_type(off, rd); }
static uint32_t jalr(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 0, rd, 0x67); }
#define ECALL 0x00000073u
#define FENCE_I 0x0000100fu
#define CSRR_CYCLE 0xc0002573u /* csrrs a0, cycle, x0 */

/* exit(code): li a7, 93; li a0, code; ecall */
#define EXIT(code) addi(A7, ZERO, 93), addi(A0, ZERO, code), ECALL

/* ---- a minimal ELF: up to 3 PT_LOAD segments ---- */
typedef struct seg {
    uint64_t vaddr, memsz;
    uint32_t flags;
    const void *bytes;
    size_t filesz;
} seg;

static uint8_t *build_elf(uint64_t entry, const seg *segs, unsigned n, size_t *len)
{
    size_t size = 0x1000 * (n + 1);
    for (unsigned i = 0; i < n; i++)
        size += (segs[i].filesz + 0xfff) & ~(size_t)0xfff;
    uint8_t *e = calloc(1, size);
    memcpy(e, "\x7f" "ELF\x02\x01\x01", 7);
    e[16] = 2, e[18] = 243, e[20] = 1;    /* ET_EXEC, EM_RISCV, EV_CURRENT */
    memcpy(e + 24, &entry, 8);            /* the host is little-endian, like the ELF */
    uint64_t phoff = 64;
    memcpy(e + 32, &phoff, 8);
    e[52] = 64, e[54] = 56, e[56] = (uint8_t)n;
    size_t off = 0x1000;
    for (unsigned i = 0; i < n; i++) {
        uint8_t *ph = e + 64 + 56 * i;
        uint32_t type = 1;
        uint64_t o = off, fs = segs[i].filesz;
        memcpy(ph, &type, 4);
        memcpy(ph + 4, &segs[i].flags, 4);
        memcpy(ph + 8, &o, 8);
        memcpy(ph + 16, &segs[i].vaddr, 8);
        memcpy(ph + 24, &segs[i].vaddr, 8);
        memcpy(ph + 32, &fs, 8);
        memcpy(ph + 40, &segs[i].memsz, 8);
        if (segs[i].filesz)
            memcpy(e + off, segs[i].bytes, segs[i].filesz);
        off += (segs[i].filesz + 0xfff) & ~(size_t)0xfff;
    }
    *len = size;
    return e;
}

#define TEXT 0x10000u
#define DATA 0x20000u
#define RX 5u
#define RW 6u

/* Runs code (at TEXT) with a 64 KiB RW data segment at DATA holding data[0..ndata). */
static zk_vm *run_code(const uint32_t *code, size_t ncode, const void *data, size_t ndata, uint64_t max_cycles)
{
    seg segs[2] = {{TEXT, ncode * 4, RX, code, ncode * 4}, {DATA, 0x10000, RW, data, ndata}};
    size_t len;
    uint8_t *elf = build_elf(TEXT, segs, 2, &len);
    char err[256];
    zk_vm_config config = {.max_cycles = max_cycles, .max_memory = 0};
    zk_vm *vm = zk_vm_new(elf, len, &config, err, sizeof err);
    free(elf);
    if (!vm) {
        printf("FAIL: hand-built ELF rejected: %s\n", err);
        failures++;
        return NULL;
    }
    zk_vm_run(vm);
    return vm;
}

static char *report_of(zk_vm *vm)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    zk_vm_write_report(vm, f);
    fclose(f);
    return buf;
}

static void test_counting(void)
{
    /* 1 + 10 * (addi + bne) + 3 = 24 instructions; the last bne falls through. */
    const uint32_t code[] = {addi(T0, ZERO, 10), addi(T0, T0, -1), bne(T0, ZERO, -4), EXIT(0)};
    zk_vm *vm = run_code(code, sizeof code / 4, NULL, 0, 0);
    if (!vm)
        return;
    CHECK(zk_vm_instructions(vm) == 24, "instructions %llu", (unsigned long long)zk_vm_instructions(vm));
    CHECK(zk_vm_exit_code(vm) == 0, "exit %d", zk_vm_exit_code(vm));
    char *r = report_of(vm);
    CHECK(strstr(r, "\"branch\": 10,") != NULL, "report: %s", r);
    CHECK(strstr(r, "\"alu\": 13,") != NULL, "report: %s", r);
    CHECK(strstr(r, "\"system\": 1,") != NULL, "report: %s", r);
    CHECK(strstr(r, "\"BNE\": 10") != NULL, "report: %s", r);
    free(r);
    zk_vm_free(vm);
}

static void test_cycle_limit(void)
{
    const uint32_t code[] = {lui(T0, 0x40000), addi(T0, T0, -1), bne(T0, ZERO, -4), EXIT(0)};
    zk_vm *vm = run_code(code, sizeof code / 4, NULL, 0, 1000);
    if (!vm)
        return;
    uint64_t n = zk_vm_instructions(vm);
    CHECK(strstr(zk_vm_error(vm), "cycle limit of 1000 reached") != NULL, "error '%s'", zk_vm_error(vm));
    CHECK(n >= 1000 && n <= 1002, "stopped after %llu instructions", (unsigned long long)n);
    zk_vm_free(vm);
}

static void test_bad_static_branch(void)
{
    /* beq with offset 2: misaligned. Not taken (t0 = 1 != 0): runs on; taken: traps. */
    const uint32_t code[] = {addi(T0, ZERO, 1), beq(T0, ZERO, 2), EXIT(7)};
    zk_vm *vm = run_code(code, sizeof code / 4, NULL, 0, 0);
    if (vm) {
        CHECK(zk_vm_exit_code(vm) == 7 && zk_vm_error(vm)[0] == '\0', "not taken: exit %d, '%s'", zk_vm_exit_code(vm),
              zk_vm_error(vm));
        zk_vm_free(vm);
    }
    const uint32_t taken[] = {beq(ZERO, ZERO, 6), EXIT(7)};
    vm = run_code(taken, sizeof taken / 4, NULL, 0, 0);
    if (vm) {
        CHECK(strstr(zk_vm_error(vm), "branch to misaligned address 0x10006") != NULL, "taken: '%s'", zk_vm_error(vm));
        CHECK(zk_vm_instructions(vm) == 0, "a faulting branch does not retire");
        zk_vm_free(vm);
    }
    const uint32_t far[] = {jal(ZERO, 0x1000), EXIT(7)};
    vm = run_code(far, sizeof far / 4, NULL, 0, 0);
    if (vm) {
        CHECK(strstr(zk_vm_error(vm), "jal to 0x11000, outside every executable segment") != NULL, "'%s'",
              zk_vm_error(vm));
        zk_vm_free(vm);
    }
}

static void test_end_of_code_and_illegal(void)
{
    const uint32_t off_end[] = {addi(T0, ZERO, 1), addi(T0, ZERO, 2)};
    zk_vm *vm = run_code(off_end, 2, NULL, 0, 0);
    if (vm) {
        CHECK(strstr(zk_vm_error(vm), "instruction fetch at 0x10008: not in an executable segment") != NULL, "'%s'",
              zk_vm_error(vm));
        CHECK(zk_vm_instructions(vm) == 2, "instructions %llu", (unsigned long long)zk_vm_instructions(vm));
        zk_vm_free(vm);
    }
    const uint32_t words[][2] = {{addi(T0, ZERO, 1), 0}, {FENCE_I, 0}, {CSRR_CYCLE, 0}};
    const char *expect[] = {"illegal or unsupported instruction 0x00000000", "instruction 0x0000100f",
                            "instruction 0xc0002573"};
    for (int i = 0; i < 3; i++) {
        vm = run_code(words[i], 2, NULL, 0, 0);
        if (vm) {
            CHECK(strstr(zk_vm_error(vm), expect[i]) != NULL, "'%s'", zk_vm_error(vm));
            zk_vm_free(vm);
        }
    }
}

static void test_x0_and_memory(void)
{
    const uint32_t data[4] = {0x11223344, 0x55667788, 0, 0};
    const uint32_t code[] = {
        addi(ZERO, ZERO, 5),      /* x0 stays 0 */
        add(ZERO, T0, T0),
        lui(T1, DATA >> 12),      /* t1 = DATA */
        lw(T2, T1, 1),            /* misaligned load: 0x88112233 sign-extended */
        ld(ZERO, T1, 0),          /* load into x0: no effect */
        lw(A1, T1, 0x800 - 4),    /* beyond the file bytes: zero */
        sw(T2, T1, 9),            /* misaligned store */
        lw(T0, T1, 9),
        bne(T0, T2, 16),          /* -> exit 1 */
        bne(A1, ZERO, 12),        /* -> exit 1 */
        add(A0, ZERO, ZERO),
        bne(A0, ZERO, 4),
        jal(ZERO, 16),            /* -> exit 0 below */
        EXIT(1),
        addi(A7, ZERO, 93), ECALL,
    };
    zk_vm *vm = run_code(code, sizeof code / 4, data, sizeof data, 0);
    if (!vm)
        return;
    CHECK(zk_vm_exit_code(vm) == 0 && zk_vm_error(vm)[0] == '\0', "exit %d '%s'", zk_vm_exit_code(vm), zk_vm_error(vm));
    char *r = report_of(vm);
    CHECK(strstr(r, "\"loads\": 2, \"stores\": 1,") != NULL, "unaligned counts: %s", r);
    free(r);
    zk_vm_free(vm);
}

static void test_text_access(void)
{
    /* Reading the text works (RX is readable); writing it traps. */
    const uint32_t code[] = {lui(T1, TEXT >> 12), lw(A0, T1, 0), sw(A0, T1, 0), EXIT(0)};
    zk_vm *vm = run_code(code, sizeof code / 4, NULL, 0, 0);
    if (vm) {
        CHECK(strstr(zk_vm_error(vm), "store at 0x10000: address is read/execute") != NULL, "'%s'", zk_vm_error(vm));
        zk_vm_free(vm);
    }
}

static void test_two_text_segments(void)
{
    /* Entry in the second segment; a jump back into the first works; jalr into the hole traps. */
    const uint32_t first[] = {EXIT(9)};
    const uint32_t second[] = {lui(T0, 0x18), jalr(ZERO, T0, 0), jal(ZERO, -0x10008)};
    seg segs[2] = {{TEXT, sizeof first, RX, first, sizeof first}, {TEXT + 0x10000, sizeof second, RX, second, sizeof second}};
    size_t len;
    uint8_t *elf = build_elf(TEXT + 0x10000 + 8, segs, 2, &len); /* entry: the jal */
    char err[256];
    zk_vm *vm = zk_vm_new(elf, len, NULL, err, sizeof err);
    CHECK(vm != NULL, "rejected: %s", err);
    if (vm) {
        zk_vm_run(vm);
        CHECK(zk_vm_exit_code(vm) == 9 && zk_vm_error(vm)[0] == '\0', "exit %d '%s'", zk_vm_exit_code(vm),
              zk_vm_error(vm));
        zk_vm_free(vm);
    }
    free(elf);
    elf = build_elf(TEXT + 0x10000, segs, 2, &len); /* entry: lui t0; jalr to 0x18000, the hole */
    vm = zk_vm_new(elf, len, NULL, err, sizeof err);
    if (vm) {
        zk_vm_run(vm);
        CHECK(strstr(zk_vm_error(vm), "instruction fetch at 0x18000: not in an executable segment") != NULL, "'%s'",
              zk_vm_error(vm));
        zk_vm_free(vm);
    }
    free(elf);
}

int main(void)
{
    test_counting();
    test_cycle_limit();
    test_bad_static_branch();
    test_end_of_code_and_illegal();
    test_x0_and_memory();
    test_text_access();
    test_two_text_segments();
    if (failures)
        printf("%d failures\n", failures);
    else
        printf("all VM unit tests passed\n");
    return failures ? 1 : 0;
}
