/* rv_asm.h — a tiny RV64IM assembler and a minimal static-ELF builder for the VM tests
 * (test_vm_unit.c, test_vm_random_isa.c). Host code; the host must be little-endian. */
#ifndef ZK_TEST_RV_ASM_H
#define ZK_TEST_RV_ASM_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A7 = 17 };

static inline uint32_t r_type(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static inline uint32_t i_type(int imm, unsigned rs1, unsigned f3, unsigned rd, unsigned op)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static inline uint32_t s_type(int imm, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23;
}
static inline uint32_t b_type(int off, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | ((u >> 1) & 0xf) << 8 |
           ((u >> 11) & 1) << 7 | 0x63;
}
static inline uint32_t j_type(int off, unsigned rd)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 | ((u >> 11) & 1) << 20 | ((u >> 12) & 0xff) << 12 | rd << 7 |
           0x6f;
}
static inline uint32_t addi(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 0, rd, 0x13); }
static inline uint32_t add(unsigned rd, unsigned rs1, unsigned rs2) { return r_type(0, rs2, rs1, 0, rd, 0x33); }
static inline uint32_t lui(unsigned rd, uint32_t imm20) { return imm20 << 12 | rd << 7 | 0x37; }
static inline uint32_t lw(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 2, rd, 0x03); }
static inline uint32_t ld(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 3, rd, 0x03); }
static inline uint32_t sw(unsigned rs2, unsigned rs1, int imm) { return s_type(imm, rs2, rs1, 2); }
static inline uint32_t beq(unsigned a, unsigned b, int off) { return b_type(off, b, a, 0); }
static inline uint32_t bne(unsigned a, unsigned b, int off) { return b_type(off, b, a, 1); }
static inline uint32_t jal(unsigned rd, int off) { return j_type(off, rd); }
static inline uint32_t jalr(unsigned rd, unsigned rs1, int imm) { return i_type(imm, rs1, 0, rd, 0x67); }
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

static inline uint8_t *build_elf(uint64_t entry, const seg *segs, unsigned n, size_t *len)
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
        uint64_t align = 0x1000;
        memcpy(ph + 48, &align, 8);
        if (segs[i].filesz)
            memcpy(e + off, segs[i].bytes, segs[i].filesz);
        off += (segs[i].filesz + 0xfff) & ~(size_t)0xfff;
    }
    *len = size;
    return e;
}

#endif
