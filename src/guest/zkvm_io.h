/* zkvm_io.h — the zkvm-standards guest IO and termination interface, written from the spec
 * (standards/io-interface, standards/standard-termination-semantics).
 *
 * Every zkl1 vendor library (src/guest/zkl1 for the zkl1 VM, src/guest/linux for Linux user
 * mode / qemu-riscv64) implements these; a guest includes only this header and
 * zkvm_accelerators.h. Freestanding; C11 or later.
 */
#ifndef ZKVM_IO_H
#define ZKVM_IO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sets *buf_ptr to the whole private input and *buf_size to its length. Cannot fail,
 * idempotent, may be called any number of times. The memory may be read-only: never write
 * through it. When the size is 0 the pointer is meaningless. */
void read_input(const uint8_t **buf_ptr, size_t *buf_size);

/* Appends size bytes at output to the public output; successive calls concatenate. Cannot
 * fail. The bytes must be readable; NULL is not special. */
void write_output(const uint8_t *output, size_t size);

/* Ends the run as a failure, exactly as a non-zero return from main would (the zkl1 vendor
 * libraries report exit code 134). C abort() and a failed assert() map here. */
#ifdef __cplusplus
[[noreturn]] void abort(void);
#else
_Noreturn void abort(void);
#endif

#ifdef __cplusplus
}
#endif

#endif
