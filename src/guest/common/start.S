/* start.S — _start for every zkl1 vendor library (zkl1 VM and Linux user mode).
 *
 * Sets gp and sp from the linker script, then hands over to __zkl1_start_c (crt.c), which runs
 * constructors, main and destructors and terminates. Lives in .text.start so that the linker
 * scripts place it first and --gc-sections keeps it (it is the ELF entry).
 */
    .section .text.start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    lla sp, __stack_top
    call __zkl1_start_c
1:  j 1b
    .size _start, . - _start
