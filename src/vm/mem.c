/* mem.c — guest memory of the zkl1 VM: a flat table of 4 KiB pages over a 4 GiB space.
 *
 * Permissions come from the ELF segments (and the input window) and are kept per page. Pages
 * are allocated zeroed on first touch, so a 2 GiB zero-fill heap costs only what the guest
 * uses; every allocation counts against max_memory. The fast paths of the interpreter look at
 * rpage/wpage only; everything else (first touch, misaligned or page-crossing accesses,
 * faults) comes here.
 */
#include <stdlib.h>
#include <string.h>

#include "vm_internal.h"

int zk_mem_init(zk_vm *vm)
{
    vm->page = calloc(ZK_NPAGES, sizeof *vm->page);
    vm->rpage = calloc(ZK_NPAGES, sizeof *vm->rpage);
    vm->wpage = calloc(ZK_NPAGES, sizeof *vm->wpage);
    vm->perm = calloc(ZK_NPAGES, 1);
    return vm->page && vm->rpage && vm->wpage && vm->perm ? 0 : -1;
}

void zk_mem_free(zk_vm *vm)
{
    for (uint64_t i = 0; i < vm->pages_allocated; i++)
        free(vm->page[vm->allocated[i]]);
    free(vm->allocated);
    free(vm->page);
    free(vm->rpage);
    free(vm->wpage);
    free(vm->perm);
}

void zk_mem_map(zk_vm *vm, uint64_t addr, uint64_t len, uint8_t perm)
{
    if (len == 0)
        return;
    for (uint64_t p = addr >> ZK_PAGE_BITS; p <= (addr + len - 1) >> ZK_PAGE_BITS; p++)
        vm->perm[p] = perm;
}

int zk_mem_touch(zk_vm *vm, uint64_t p)
{
    if (vm->page[p])
        return 0;
    if ((vm->pages_allocated + 1) * ZK_PAGE_SIZE > vm->max_memory) {
        zk_vm_stop(vm, ZK_VM_MEMORY_LIMIT, "memory limit of %llu bytes reached (touching address 0x%llx)",
                   (unsigned long long)vm->max_memory, (unsigned long long)(p << ZK_PAGE_BITS));
        return -1;
    }
    if (vm->pages_allocated == vm->allocated_cap) {
        uint64_t cap = vm->allocated_cap ? vm->allocated_cap * 2 : 1024;
        uint32_t *grown = realloc(vm->allocated, cap * sizeof *grown);
        if (!grown) {
            zk_vm_stop(vm, ZK_VM_MEMORY_LIMIT, "host out of memory for the page list");
            return -1;
        }
        vm->allocated = grown;
        vm->allocated_cap = cap;
    }
    uint8_t *mem = calloc(1, ZK_PAGE_SIZE);
    if (!mem) {
        zk_vm_stop(vm, ZK_VM_MEMORY_LIMIT, "host out of memory allocating guest page 0x%llx",
                   (unsigned long long)(p << ZK_PAGE_BITS));
        return -1;
    }
    vm->page[p] = mem;
    vm->allocated[vm->pages_allocated++] = (uint32_t)p;
    if (vm->perm[p] & ZK_SEG_R)
        vm->rpage[p] = mem;
    if (vm->perm[p] & ZK_SEG_W)
        vm->wpage[p] = mem;
    return 0;
}

static const char *perm_words(uint8_t perm)
{
    switch (perm) {
    case 0: return "unmapped";
    case ZK_SEG_R: return "read-only";
    case ZK_SEG_R | ZK_SEG_X: return "read/execute";
    case ZK_SEG_R | ZK_SEG_W: return "read/write";
    default: return "inaccessible";
    }
}

/* The host byte behind guest address addr for an access that needs permission need, or NULL
 * with the trap recorded. */
static uint8_t *byte_at(zk_vm *vm, uint64_t addr, uint8_t need, const char *what)
{
    uint64_t p = addr >> ZK_PAGE_BITS;
    if (p >= ZK_NPAGES || (vm->perm[p] & need) != need) {
        zk_vm_stop(vm, ZK_VM_TRAP, "%s at 0x%llx: address is %s", what, (unsigned long long)addr,
                   p >= ZK_NPAGES ? "outside the 4 GiB address space" : perm_words(vm->perm[p]));
        return NULL;
    }
    if (zk_mem_touch(vm, p) != 0)
        return NULL;
    return vm->page[p] + (addr & (ZK_PAGE_SIZE - 1));
}

int zk_mem_load_slow(zk_vm *vm, uint64_t addr, unsigned size, uint64_t *value)
{
    if (addr & (size - 1))
        vm->unaligned_loads++;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        const uint8_t *b = byte_at(vm, addr + i, ZK_SEG_R, "load");
        if (!b)
            return -1;
        v |= (uint64_t)*b << (8 * i);
    }
    *value = v;
    return 0;
}

int zk_mem_store_slow(zk_vm *vm, uint64_t addr, unsigned size, uint64_t value)
{
    if (addr & (size - 1))
        vm->unaligned_stores++;
    /* Check every byte before writing any, so a faulting store changes nothing. */
    for (unsigned i = 0; i < size; i++)
        if (!byte_at(vm, addr + i, ZK_SEG_W, "store"))
            return -1;
    for (unsigned i = 0; i < size; i++)
        *byte_at(vm, addr + i, ZK_SEG_W, "store") = (uint8_t)(value >> (8 * i));
    return 0;
}

/* An ecall buffer must lie inside the 4 GiB guest space; the sum must not wrap. */
static int check_range(zk_vm *vm, uint64_t addr, uint64_t len, const char *what)
{
    uint64_t space = (uint64_t)ZK_NPAGES << ZK_PAGE_BITS;
    if (addr > space || len > space - addr) {
        zk_vm_stop(vm, ZK_VM_TRAP, "ecall %s buffer [0x%llx, +0x%llx) leaves the 4 GiB address space", what,
                   (unsigned long long)addr, (unsigned long long)len);
        return -1;
    }
    return 0;
}

/* Copies page by page; len may be large (a whole input or a hash preimage). */
int zk_mem_read(zk_vm *vm, uint64_t addr, void *dst, uint64_t len)
{
    if (check_range(vm, addr, len, "input") != 0)
        return -1;
    uint8_t *out = dst;
    if (len > 0 && addr < ZK_PAGE_SIZE) /* page 0 never maps; say "NULL" plainly */
        zk_vm_stop(vm, ZK_VM_TRAP, "ecall argument reads address 0x%llx (NULL pointer)", (unsigned long long)addr);
    while (len > 0) {
        const uint8_t *src = byte_at(vm, addr, ZK_SEG_R, "ecall argument read");
        if (!src)
            return -1;
        uint64_t chunk = ZK_PAGE_SIZE - (addr & (ZK_PAGE_SIZE - 1));
        if (chunk > len)
            chunk = len;
        memcpy(out, src, chunk);
        out += chunk;
        addr += chunk;
        len -= chunk;
    }
    return 0;
}

int zk_mem_write(zk_vm *vm, uint64_t addr, const void *src, uint64_t len)
{
    if (check_range(vm, addr, len, "output") != 0)
        return -1;
    if (len > 0 && addr < ZK_PAGE_SIZE)
        zk_vm_stop(vm, ZK_VM_TRAP, "ecall argument writes address 0x%llx (NULL pointer)", (unsigned long long)addr);
    /* Check the whole destination first: a faulting ecall leaves memory unchanged. */
    for (uint64_t a = addr & ~(uint64_t)(ZK_PAGE_SIZE - 1); len > 0 && a < addr + len; a += ZK_PAGE_SIZE)
        if (!byte_at(vm, a < addr ? addr : a, ZK_SEG_W, "ecall argument write"))
            return -1;
    const uint8_t *in = src;
    while (len > 0) {
        uint8_t *dst = byte_at(vm, addr, ZK_SEG_W, "ecall argument write");
        uint64_t chunk = ZK_PAGE_SIZE - (addr & (ZK_PAGE_SIZE - 1));
        if (chunk > len)
            chunk = len;
        memcpy(dst, in, chunk);
        in += chunk;
        addr += chunk;
        len -= chunk;
    }
    return 0;
}
