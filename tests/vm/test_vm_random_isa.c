/* test_vm_random_isa.c — differential test of the zkl1 VM against qemu-riscv64 on random
 * RV64IM instruction streams.
 *
 * Usage: test_vm_random_isa QEMU WORKDIR [PROGRAMS]
 * Each program loads x1..x30 with edge-biased random values, runs a few hundred random
 * instructions (every ALU, M, W-form, shift-immediate, upper-immediate, load, store, branch
 * and jal form, with random registers including x0 as source and destination, random and
 * extreme immediates, misaligned memory offsets and forward branch/jump targets), stores
 * x1..x30 and writes them out through the Linux write syscall. The VM (in process) and qemu
 * (an independent implementation) must produce the same 256 bytes for every program.
 * Exits 77 (skipped) when QEMU is empty.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rv_asm.h"
#include "vm/vm.h"

#define BASE 31 /* x31 holds the data address; never a destination */
#define TEXT 0x10000000u /* the address of the vendor linker scripts */
#define DATA 0x10010000u
#define BODY 300

static uint64_t rng = 0x853c49e6748fea9bull;
static uint64_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Dull;
}
static unsigned pick(unsigned n) { return (unsigned)(rnd() % n); }

static uint64_t edge_value(void)
{
    static const uint64_t edges[] = {0, 1, 2, 0xffffffffffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull,
                                     0x7fffffff, 0x80000000, 0xffffffff, 0xffffffff80000000ull, 0x100000000ull, 31,
                                     32, 63, 64};
    return pick(3) == 0 ? rnd() : pick(2) ? edges[pick(sizeof edges / sizeof edges[0])] : rnd() >> pick(64);
}
static int imm12(void)
{
    static const int edges[] = {0, 1, -1, 2047, -2048, 0x7ff, 0x555, -0x555};
    return pick(2) ? edges[pick(8)] : (int)(pick(4096)) - 2048;
}
static unsigned rd_reg(void) { return pick(31); }  /* x0..x30 */
static unsigned rs_reg(void) { return pick(32); }  /* x0..x31 */

static const struct { unsigned f7, f3, op; } rr_ops[] = {
    {0, 0, 0x33}, {0x20, 0, 0x33}, {0, 1, 0x33}, {0, 2, 0x33}, {0, 3, 0x33}, {0, 4, 0x33}, {0, 5, 0x33},
    {0x20, 5, 0x33}, {0, 6, 0x33}, {0, 7, 0x33}, {1, 0, 0x33}, {1, 1, 0x33}, {1, 2, 0x33}, {1, 3, 0x33},
    {1, 4, 0x33}, {1, 5, 0x33}, {1, 6, 0x33}, {1, 7, 0x33}, {0, 0, 0x3b}, {0x20, 0, 0x3b}, {0, 1, 0x3b},
    {0, 5, 0x3b}, {0x20, 5, 0x3b}, {1, 0, 0x3b}, {1, 4, 0x3b}, {1, 5, 0x3b}, {1, 6, 0x3b}, {1, 7, 0x3b},
};

/* One random instruction at index i of a body of n; branches and jumps only go forward and
 * stay inside the body (or land just after it). */
static uint32_t random_insn(unsigned i, unsigned n)
{
    unsigned room = n - i; /* instructions from here to the end of the body, this one included */
    switch (pick(12)) {
    case 0:
    case 1:
    case 2: {
        unsigned k = pick(sizeof rr_ops / sizeof rr_ops[0]);
        return r_type(rr_ops[k].f7, rs_reg(), rs_reg(), rr_ops[k].f3, rd_reg(), rr_ops[k].op);
    }
    case 3: {
        static const unsigned f3[] = {0, 2, 3, 4, 6, 7};
        return i_type(imm12(), rs_reg(), f3[pick(6)], rd_reg(), 0x13);
    }
    case 4:
        return i_type(imm12(), rs_reg(), 0, rd_reg(), 0x1b); /* addiw */
    case 5: { /* shifts by immediate, 64-bit and W forms */
        unsigned kind = pick(6), w = kind >= 3, shamt = pick(w ? 32 : 64);
        unsigned f3 = kind % 3 == 0 ? 1 : 5, arith = kind % 3 == 2;
        return i_type((int)(shamt | (arith ? 0x400u : 0)), rs_reg(), f3, rd_reg(), w ? 0x1b : 0x13);
    }
    case 6:
        return (uint32_t)(rnd() & 0xfffff) << 12 | rd_reg() << 7 | (pick(2) ? 0x37 : 0x17); /* lui, auipc */
    case 7:
    case 8: { /* loads from the data area at any alignment */
        static const unsigned f3[] = {0, 1, 2, 3, 4, 5, 6};
        return i_type((int)pick(2041), BASE, f3[pick(7)], rd_reg(), 0x03);
    }
    case 9:
        return s_type((int)pick(2041), rs_reg(), BASE, pick(4));
    case 10: { /* forward branch over 0..3 instructions */
        static const unsigned f3[] = {0, 1, 4, 5, 6, 7};
        unsigned skip = pick(room < 4 ? room : 4);
        return b_type((int)(4 * (skip + 1)), rs_reg(), rs_reg(), f3[pick(6)]);
    }
    default:
        if (pick(4) == 0)
            return 0x0ff0000f; /* fence iorw, iorw */
        return j_type((int)(4 * (pick(room < 4 ? room : 4) + 1)), rd_reg());
    }
}

/* The whole program: prologue, body, epilogue (store registers, write, exit). */
static size_t build_program(uint32_t *code)
{
    size_t n = 0;
    code[n++] = lui(BASE, DATA >> 12);
    for (unsigned r = 1; r <= 30; r++)
        code[n++] = ld(r, BASE, (int)(8 * r));
    for (unsigned i = 0; i < BODY; i++)
        code[n++] = random_insn(i, BODY);
    for (unsigned r = 1; r <= 30; r++)
        code[n++] = s_type((int)(256 + 8 * r), r, BASE, 3); /* sd */
    code[n++] = addi(A1, BASE, 256);
    code[n++] = addi(A0, ZERO, 1);
    code[n++] = addi(12, ZERO, 256);
    code[n++] = addi(A7, ZERO, 64);
    code[n++] = ECALL;
    code[n++] = addi(A0, ZERO, 0);
    code[n++] = addi(A7, ZERO, 93);
    code[n++] = ECALL;
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s QEMU WORKDIR [PROGRAMS]\n", argv[0]);
        return 2;
    }
    const char *qemu = argv[1], *work = argv[2];
    unsigned programs = argc > 3 ? (unsigned)strtoul(argv[3], NULL, 10) : 200;
    if (qemu[0] == '\0') {
        printf("qemu-riscv64 not available: skipped\n");
        return 77;
    }
    char cmd[2048], elf_path[1024], out_path[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", work);
    if (system(cmd) != 0)
        return 2;
    int failures = 0;
    for (unsigned p = 0; p < programs && failures < 5; p++) {
        uint32_t code[BODY + 80];
        size_t ncode = build_program(code);
        static uint64_t data[1024];
        for (unsigned i = 0; i < 1024; i++)
            data[i] = edge_value();
        seg segs[2] = {{TEXT, ncode * 4, 5, code, ncode * 4}, {DATA, sizeof data, 6, data, sizeof data}};
        size_t len;
        uint8_t *elf = build_elf(TEXT, segs, 2, &len);

        char err[256];
        zk_vm *vm = zk_vm_new(elf, len, NULL, err, sizeof err);
        if (!vm) {
            printf("FAIL program %u: VM rejects the ELF: %s\n", p, err);
            failures++;
            free(elf);
            continue;
        }
        zk_vm_run(vm);
        size_t vm_len;
        const uint8_t *vm_out = zk_vm_output(vm, &vm_len);

        snprintf(elf_path, sizeof elf_path, "%s/random.elf", work);
        snprintf(out_path, sizeof out_path, "%s/random.out", work);
        FILE *f = fopen(elf_path, "wb");
        if (!f || fwrite(elf, 1, len, f) != len) {
            printf("FAIL: cannot write %s\n", elf_path);
            return 1;
        }
        fclose(f);
        chmod(elf_path, 0755); /* qemu-user, like execve, wants an executable file */
        snprintf(cmd, sizeof cmd, "'%s' -cpu rv64,c=false,a=false,f=false,d=false '%s' > '%s'", qemu, elf_path,
                 out_path);
        int qrc = system(cmd);
        uint8_t qemu_out[512];
        size_t qemu_len = 0;
        f = fopen(out_path, "rb");
        if (f) {
            qemu_len = fread(qemu_out, 1, sizeof qemu_out, f);
            fclose(f);
        }
        if (zk_vm_exit_code(vm) != 0 || zk_vm_error(vm)[0] != '\0' || qrc != 0 || vm_len != 256 || qemu_len != 256 ||
            memcmp(vm_out, qemu_out, 256) != 0) {
            printf("FAIL program %u: VM exit %d '%s' (%zu bytes), qemu exit %d (%zu bytes)\n", p, zk_vm_exit_code(vm),
                   zk_vm_error(vm), vm_len, qrc, qemu_len);
            for (unsigned r = 1; r <= 30 && vm_len == 256 && qemu_len == 256; r++) {
                uint64_t a, b;
                memcpy(&a, vm_out + 8 * r, 8);
                memcpy(&b, qemu_out + 8 * r, 8);
                if (a != b)
                    printf("  x%u: VM %016llx qemu %016llx\n", r, (unsigned long long)a, (unsigned long long)b);
            }
            snprintf(cmd, sizeof cmd, "cp '%s' '%s/failed-%u.elf'", elf_path, work, p);
            if (system(cmd) != 0)
                printf("  (could not keep the ELF)\n");
            failures++;
        }
        zk_vm_free(vm);
        free(elf);
    }
    printf("%u random programs of %u instructions: %s\n", programs, BODY,
           failures ? "MISMATCHES (ELFs kept in WORKDIR)" : "VM and qemu agree on every register");
    return failures ? 1 : 0;
}
