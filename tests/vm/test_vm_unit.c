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

#include "rv_asm.h"

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
