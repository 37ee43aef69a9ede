/* crt.c — the C part of guest start-up and termination, shared by the vendor libraries.
 *
 * The termination ecall (a7 = 93, a0 = status) is the same in the zkl1 VM and in Linux user
 * mode, so one implementation serves both. abort() reports ZKL1_ABORT_EXIT_CODE, the failure
 * the standard asks for.
 */
#include <stddef.h>
#include <stdint.h>

#include "zkl1_ecall.h"
#include "zkvm_io.h"

int main(void);
_Noreturn void __zkl1_start_c(void);
_Noreturn void __zkl1_exit(int status);

typedef void (*zkl1_ctor)(void);
extern const zkl1_ctor __init_array_start[], __init_array_end[];
extern const zkl1_ctor __fini_array_start[], __fini_array_end[];

_Noreturn void __zkl1_exit(int status)
{
    register long a0 __asm__("a0") = status;
    register long a7 __asm__("a7") = ZKL1_ECALL_EXIT;
    for (;;)
        __asm__ volatile("ecall" : : "r"(a0), "r"(a7) : "memory");
}

_Noreturn void abort(void)
{
    __zkl1_exit(ZKL1_ABORT_EXIT_CODE);
}

_Noreturn void __zkl1_start_c(void)
{
    for (const zkl1_ctor *f = __init_array_start; f < __init_array_end; f++)
        (*f)();
    int status = main();
    /* Destructors run in reverse order of construction. */
    for (const zkl1_ctor *f = __fini_array_end; f > __fini_array_start;)
        (*--f)();
    __zkl1_exit(status);
}
