/* fuzz_elf_loader.c — libFuzzer target: zk_vm_new must reject or load any byte string
 * without crashing, and a loaded image must run (bounded) without crashing either.
 * Build with -DZK_FUZZ=ON; run ./fuzz_elf_loader [corpus dir]. */
#include <stddef.h>
#include <stdint.h>

#include "vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    zk_vm_config config = {.max_cycles = 100000, .max_memory = 64u << 20};
    zk_vm *vm = zk_vm_new(data, size, &config, err, sizeof err);
    if (vm) {
        zk_vm_run(vm);
        zk_vm_free(vm);
    }
    return 0;
}
