/* vm_cli.h — helpers shared by `zkl1 run` (cmd_run.c) and `zkl1 bench vm` (bench_vm.c). */
#ifndef ZK_VM_CLI_H
#define ZK_VM_CLI_H

#include <stddef.h>
#include <stdint.h>

/* Reads a whole file ("-" is stdin) into a malloc'ed buffer (*len bytes; never NULL on
 * success, even when empty). Returns NULL and prints the reason to stderr on failure. */
uint8_t *zk_cli_read_file(const char *path, size_t *len);

#endif
