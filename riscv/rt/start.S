/* start.S — test entry point for rv64im guests run under qemu-riscv64 (a zkVM supplies its own
 * _start). Sets gp (with relaxation off for that instruction) and sp, calls main, exits with the
 * Linux exit syscall (a7 = 93, status in a0) and spins should that return. */
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    call main
    li a7, 93
    ecall
1:  j 1b
