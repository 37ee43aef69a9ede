/* io.c — zkvm_io.h and zkl1_guest.h for the zkl1 VM: thin ecall thunks (ABI: zkl1_ecall.h).
 *
 * The VM maps the input read-only at ZKL1_INPUT_BASE, so read_input copies nothing.
 */
#include <stddef.h>
#include <stdint.h>

#include "zkl1_ecall.h"
#include "zkl1_guest.h"
#include "zkvm_io.h"

void read_input(const uint8_t **buf_ptr, size_t *buf_size)
{
    register uintptr_t a0 __asm__("a0");
    register size_t a1 __asm__("a1");
    register long a7 __asm__("a7") = ZKL1_ECALL_READ_INPUT;
    __asm__ volatile("ecall" : "=r"(a0), "=r"(a1) : "r"(a7) : "memory");
    *buf_ptr = (const uint8_t *)a0;
    *buf_size = a1;
}

void write_output(const uint8_t *output, size_t size)
{
    register const uint8_t *a0 __asm__("a0") = output;
    register size_t a1 __asm__("a1") = size;
    register long a7 __asm__("a7") = ZKL1_ECALL_WRITE_OUTPUT;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
}

static size_t name_length(const char *name)
{
    size_t n = 0;
    while (name[n] != '\0')
        n++;
    return n;
}

static void region_call(long number, const char *name)
{
    register const char *a0 __asm__("a0") = name;
    register size_t a1 __asm__("a1") = name_length(name);
    register long a7 __asm__("a7") = number;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
}

void zkl1_region_begin(const char *name) { region_call(ZKL1_ECALL_REGION_BEGIN, name); }

void zkl1_region_end(const char *name) { region_call(ZKL1_ECALL_REGION_END, name); }
