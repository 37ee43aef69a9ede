/* behaviours.c — one guest, many ways to end a run, for tests/vm/run_behaviours.sh.
 *
 * The first input byte selects the behaviour; the script checks the exit status and message
 * of `zkl1 run` (and the report) for each. Several cases must trap, so they do things a C
 * compiler considers undefined: volatile pointers and inline assembly keep them literal.
 */
#include <stdint.h>

#include "zkl1_guest.h"
#include "zkvm_accelerators.h"
#include "zkvm_io.h"

extern uint8_t _heap_start[], _heap_end[];

static const uint64_t rodata_word = 42;
static uint32_t data_code[2] = {0x00000013, 0x00008067}; /* nop; ret: valid code in a RW page */

/* _start runs constructors before main and destructors after it (case 22). */
static uint8_t ctor_mark;
static int dtor_armed;
__attribute__((constructor)) static void constructor(void) { ctor_mark = 'Z'; }
__attribute__((destructor)) static void destructor(void)
{
    if (dtor_armed)
        write_output((const uint8_t *)"D", 1);
}

static void out_u64(uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    write_output(b, 8);
}

/* Recursion with a data-dependent (never reached) end, so the compiler keeps it. */
__attribute__((noinline)) static uint64_t recurse(volatile uint64_t depth)
{
    volatile uint8_t frame[256];
    frame[0] = (uint8_t)depth;
    if (depth == UINT64_MAX)
        return 0;
    return recurse(depth + 1) + frame[0];
}

static void ecall_raw(long number, long a0, long a1)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r7 __asm__("a7") = number;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r7) : "memory");
}

int main(void)
{
    const uint8_t *in;
    size_t len;
    read_input(&in, &len);
    unsigned what = len ? in[0] : 0;
    switch (what) {
    case 0: /* success with output */
        write_output((const uint8_t *)"ok", 2);
        return 0;
    case 1: /* NULL load */
        return (int)*(volatile uint64_t *)0;
    case 2: /* store into read-only data */
        *(volatile uint64_t *)&rodata_word = 1;
        return 0;
    case 3: /* unbounded recursion runs into the stack guard */
        return (int)recurse(0);
    case 4: { /* jump to a misaligned address */
        uintptr_t target = (uintptr_t)&main + 2;
        __asm__ volatile("jr %0" : : "r"(target));
        return 0;
    }
    case 5: /* execute from a writable page */
        ((void (*)(void))(uintptr_t)data_code)();
        return 0;
    case 6: /* illegal instruction (the canonical unimp encoding, a CSR write) */
        __asm__ volatile("unimp");
        return 0;
    case 7:
        __asm__ volatile("ebreak");
        return 0;
    case 8: /* endless loop: only the cycle limit ends it */
        for (;;)
            __asm__ volatile("");
    case 9: /* touch the heap page by page until the memory limit */
        for (volatile uint8_t *p = _heap_start; p < _heap_end; p += 4096)
            *p = 1;
        return 0;
    case 10:
        abort();
    case 11: /* failure by return code */
        return 3;
    case 12: /* an ecall number nobody serves */
        ecall_raw(0x7777, 0, 0);
        return 0;
    case 13: { /* regions, nested, with output of a known amount of work */
        zkl1_region_begin("outer");
        volatile uint64_t acc = 0;
        for (int i = 0; i < 1000; i++)
            acc += (uint64_t)i;
        zkl1_region_begin("inner");
        for (int i = 0; i < 1000; i++)
            acc += (uint64_t)i;
        zkl1_region_end("inner");
        zkl1_region_end("outer");
        out_u64(acc);
        return 0;
    }
    case 14: /* region end that does not match */
        zkl1_region_begin("a");
        zkl1_region_end("b");
        return 0;
    case 15: { /* misaligned loads and stores: 10 of each, counted in the report */
        static uint8_t buf[64] __attribute__((aligned(8)));
        volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)(buf + 3);
        uint64_t acc = 0;
        for (int i = 0; i < 10; i++) {
            p[0] = (uint64_t)i;
            acc += p[0];
        }
        out_u64(acc);
        return 0;
    }
    case 16: { /* accelerators: keccak256("abc") and sha256("abc") run natively */
        zkvm_keccak256_hash k;
        zkvm_sha256_hash s;
        if (zkvm_keccak256((const uint8_t *)"abc", 3, &k) != ZKVM_EOK)
            abort();
        if (zkvm_sha256((const uint8_t *)"abc", 3, &s) != ZKVM_EOK)
            abort();
        write_output(k.data, 32);
        write_output(s.data, 32);
        return 0;
    }
    case 17: /* accelerator with a NULL output pointer: the standard says panic */
        zkvm_keccak256((const uint8_t *)"abc", 3, (zkvm_keccak256_hash *)0);
        return 0;
    case 18: /* write_output from an unmapped address */
        write_output((const uint8_t *)(uintptr_t)0x3000, 16);
        return 0;
    case 19: { /* BLAKE2F with 2^32-1 rounds: its cost must hit the cycle limit before it runs */
        static zkvm_blake2f_state h;
        static zkvm_blake2f_message m;
        static zkvm_blake2f_offset t;
        zkvm_blake2f(0xffffffffu, &h, &m, &t, 0);
        return 0;
    }
    case 20: /* the input is read-only */
        *(volatile uint8_t *)(uintptr_t)in = 0;
        return 0;
    case 21: /* empty output from NULL: "NULL is not special" */
        write_output((const uint8_t *)0, 0);
        write_output((const uint8_t *)"x", 1);
        return 0;
    case 22: /* constructor ran before main; the destructor writes after main returns */
        write_output(&ctor_mark, 1);
        dtor_armed = 1;
        return 0;
    default:
        return 0;
    }
}
