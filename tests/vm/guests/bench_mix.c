/* bench_mix.c — a branchy, memory-heavy guest for `zkl1 bench vm`, the counterpart of the
 * straight-line Keccak chain: a tiny stack-machine interpreter (switch dispatch, as an EVM
 * interpreter has), insertion-sorting pseudo-random words and a bitwise CRC-32. The input is
 * an optional little-endian u32 iteration count (default 200); the output is a 32-byte digest
 * of the results. */
#include <stdint.h>

#include "zkvm_io.h"

enum { OP_PUSH, OP_ADD, OP_MUL, OP_XOR, OP_DUP, OP_SWAP, OP_JNZ, OP_DEC, OP_POP, OP_HALT };

/* Sums a*b^i-ish values in a loop of 1000 bytecode iterations. */
static uint64_t run_bytecode(uint64_t seed)
{
    static const uint8_t code[] = {OP_PUSH, 1, OP_PUSH, 200, /* acc, counter */
                                   OP_SWAP, OP_DUP, OP_MUL, OP_PUSH, 7, OP_XOR, OP_SWAP, OP_DEC, OP_DUP, OP_JNZ, 4,
                                   OP_POP, OP_HALT};
    uint64_t stack[16];
    unsigned sp = 0, pc = 0;
    stack[sp++] = seed;
    for (;;) {
        uint8_t op = code[pc++];
        switch (op) {
        case OP_PUSH: stack[sp++] = code[pc++]; break;
        case OP_ADD: sp--, stack[sp - 1] += stack[sp]; break;
        case OP_MUL: sp--, stack[sp - 1] = stack[sp - 1] * stack[sp] + 3; break;
        case OP_XOR: sp--, stack[sp - 1] ^= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1], sp++; break;
        case OP_SWAP: { uint64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case OP_JNZ: { uint8_t target = code[pc++]; if (stack[--sp] != 0) pc = target; break; }
        case OP_DEC: stack[sp - 1]--; break;
        case OP_POP: sp--; break;
        default: return stack[0] ^ stack[sp - 1];
        }
    }
}

static uint32_t crc32(const uint8_t *p, unsigned n)
{
    uint32_t crc = 0xffffffffu;
    for (unsigned i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

int main(void)
{
    const uint8_t *in;
    size_t len;
    read_input(&in, &len);
    uint32_t iterations = 200;
    if (len >= 4)
        iterations = (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
    static uint32_t words[512];
    uint64_t x = 0x9e3779b97f4a7c15ull, digest[4] = {0, 0, 0, 0};
    for (uint32_t it = 0; it < iterations; it++) {
        for (unsigned i = 0; i < 512; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            words[i] = (uint32_t)x;
        }
        for (unsigned i = 1; i < 512; i++) { /* insertion sort */
            uint32_t w = words[i];
            unsigned j = i;
            for (; j > 0 && words[j - 1] > w; j--)
                words[j] = words[j - 1];
            words[j] = w;
        }
        digest[0] += run_bytecode(x);
        digest[1] ^= crc32((const uint8_t *)words, sizeof words);
        digest[2] += words[0] + words[511];
        digest[3] = digest[3] * 31 + it;
    }
    uint8_t out[32];
    for (int i = 0; i < 32; i++)
        out[i] = (uint8_t)(digest[i / 8] >> (8 * (i % 8)));
    write_output(out, 32);
    return 0;
}
