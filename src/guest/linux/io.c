/* io.c — zkvm_io.h and zkl1_guest.h for Linux user mode (qemu-riscv64, or the zkl1 VM's
 * Linux-compatible calls): the input is stdin, the output is stdout.
 *
 * Linux syscalls used: read (63), write (64), exit (93, in crt.c). On the first read_input the
 * whole of stdin is read into the input area that linux.ld reserves (__zkl1_input_start ..
 * __zkl1_input_end, zero-fill memory the loader maps lazily); later calls return the same
 * bytes. Input larger than the area, or an IO error, ends the run through abort(): the
 * interface says these functions cannot fail, so failing loudly is the only honest option.
 */
#include <stddef.h>
#include <stdint.h>

#include "zkl1_ecall.h"
#include "zkl1_guest.h"
#include "zkvm_io.h"

extern uint8_t __zkl1_input_start[], __zkl1_input_end[];

static long linux_syscall3(long number, long x0, long x1, long x2)
{
    register long a0 __asm__("a0") = x0;
    register long a1 __asm__("a1") = x1;
    register long a2 __asm__("a2") = x2;
    register long a7 __asm__("a7") = number;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
}

static void write_all(int fd, const uint8_t *p, size_t n)
{
    while (n > 0) {
        long done = linux_syscall3(ZKL1_ECALL_LINUX_WRITE, fd, (long)(uintptr_t)p, (long)n);
        if (done <= 0)
            abort();
        p += done;
        n -= (size_t)done;
    }
}

/* Input state lives in .bss: zero means "not read yet". */
static size_t input_size;
static int input_loaded;

void read_input(const uint8_t **buf_ptr, size_t *buf_size)
{
    if (!input_loaded) {
        size_t capacity = (size_t)(__zkl1_input_end - __zkl1_input_start);
        for (;;) {
            if (input_size == capacity) {
                static const char msg[] = "zkl1 guest: input larger than the input area\n";
                write_all(2, (const uint8_t *)msg, sizeof msg - 1);
                abort();
            }
            long got = linux_syscall3(ZKL1_ECALL_LINUX_READ, 0, (long)(uintptr_t)(__zkl1_input_start + input_size),
                                      (long)(capacity - input_size));
            if (got < 0)
                abort();
            if (got == 0)
                break;
            input_size += (size_t)got;
        }
        input_loaded = 1;
    }
    *buf_ptr = __zkl1_input_start;
    *buf_size = input_size;
}

void write_output(const uint8_t *output, size_t size) { write_all(1, output, size); }

/* Regions use the zkl1 VM's region ecalls (zkl1_ecall.h), so that a Linux-ABI guest run in
 * the VM reports its regions too. Linux has no such system call numbers: the kernel, and
 * qemu-user, answer -ENOSYS and nothing else happens, which is the no-op Linux needs. */
static void region_call(long number, const char *name)
{
    size_t n = 0;
    while (name[n] != '\0')
        n++;
    linux_syscall3(number, (long)(uintptr_t)name, (long)n, 0);
}

void zkl1_region_begin(const char *name) { region_call(ZKL1_ECALL_REGION_BEGIN, name); }

void zkl1_region_end(const char *name) { region_call(ZKL1_ECALL_REGION_END, name); }
