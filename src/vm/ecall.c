/* ecall.c — the zkl1 VM side of the ecall ABI (src/guest/zkl1_ecall.h): halt, IO, regions,
 * the Linux-compatible read/write, and the dispatch to accelerators (accel.c).
 */
#include <stdlib.h>
#include <string.h>

#include "vm_internal.h"

#define ZK_MAX_OUTPUT (256u << 20)
#define LINUX_EBADF 9

int zk_vm_accel(zk_vm *vm, unsigned n);

static void note_ecall(zk_vm *vm)
{
    size_t n = strlen(vm->error);
    snprintf(vm->error + n, sizeof vm->error - n, " (ecall a7=0x%llx at pc 0x%llx)",
             (unsigned long long)vm->x[17], (unsigned long long)vm->pc);
}

static int trap(zk_vm *vm, const char *msg)
{
    zk_vm_stop(vm, ZK_VM_TRAP, "%s", msg);
    note_ecall(vm);
    return ZK_ECALL_STOP;
}

/* Appends guest bytes [addr, addr+len) to the public output. */
static int append_output(zk_vm *vm, uint64_t addr, uint64_t len)
{
    if (len == 0)
        return ZK_ECALL_CONTINUE; /* any pointer will do, NULL included */
    if (len > ZK_MAX_OUTPUT - vm->output_len)
        return trap(vm, "public output exceeds 256 MiB");
    if (vm->output_len + len > vm->output_cap) {
        size_t cap = vm->output_cap ? vm->output_cap : 4096;
        while (cap < vm->output_len + len)
            cap *= 2;
        uint8_t *grown = realloc(vm->output, cap);
        if (!grown)
            return trap(vm, "host out of memory for the public output");
        vm->output = grown;
        vm->output_cap = cap;
    }
    if (zk_mem_read(vm, addr, vm->output + vm->output_len, len) != 0) {
        note_ecall(vm);
        return ZK_ECALL_STOP;
    }
    vm->output_len += len;
    return ZK_ECALL_CONTINUE;
}

static int write_stderr(zk_vm *vm, uint64_t addr, uint64_t len)
{
    uint8_t buf[4096];
    while (len > 0) {
        uint64_t chunk = len < sizeof buf ? len : sizeof buf;
        if (zk_mem_read(vm, addr, buf, chunk) != 0) {
            note_ecall(vm);
            return ZK_ECALL_STOP;
        }
        fwrite(buf, 1, chunk, stderr);
        addr += chunk;
        len -= chunk;
    }
    return ZK_ECALL_CONTINUE;
}

/* Reads a region name (at most ZK_REGION_NAME_MAX - 1 bytes) into name. */
static int read_region_name(zk_vm *vm, char name[ZK_REGION_NAME_MAX])
{
    uint64_t len = vm->x[11];
    if (len == 0 || len >= ZK_REGION_NAME_MAX)
        return trap(vm, "region name must be 1 to 63 bytes");
    if (zk_mem_read(vm, vm->x[10], name, len) != 0) {
        note_ecall(vm);
        return ZK_ECALL_STOP;
    }
    name[len] = '\0';
    if (strlen(name) != len)
        return trap(vm, "region name contains a NUL byte");
    return ZK_ECALL_CONTINUE;
}

static int region_begin(zk_vm *vm)
{
    char name[ZK_REGION_NAME_MAX];
    if (read_region_name(vm, name) != ZK_ECALL_CONTINUE)
        return ZK_ECALL_STOP;
    if (vm->depth == ZK_MAX_REGION_DEPTH)
        return trap(vm, "regions nested deeper than 64");
    unsigned r = 0;
    while (r < vm->nregions && strcmp(vm->regions[r].name, name) != 0)
        r++;
    if (r == vm->nregions) {
        if (vm->nregions == ZK_MAX_REGIONS)
            return trap(vm, "more than 128 distinct region names");
        memcpy(vm->regions[r].name, name, sizeof name);
        vm->nregions++;
    }
    vm->open[vm->depth].region = r;
    vm->open[vm->depth].start = vm->instret + vm->accel_cycles;
    vm->depth++;
    return ZK_ECALL_CONTINUE;
}

static int region_end(zk_vm *vm)
{
    char name[ZK_REGION_NAME_MAX];
    if (read_region_name(vm, name) != ZK_ECALL_CONTINUE)
        return ZK_ECALL_STOP;
    if (vm->depth == 0)
        return trap(vm, "region end without an open region");
    zk_region *r = &vm->regions[vm->open[vm->depth - 1].region];
    if (strcmp(r->name, name) != 0)
        return trap(vm, "region end does not name the innermost open region");
    vm->depth--;
    r->cycles += vm->instret + vm->accel_cycles - vm->open[vm->depth].start;
    r->count++;
    return ZK_ECALL_CONTINUE;
}

static int linux_read(zk_vm *vm)
{
    uint64_t fd = vm->x[10], addr = vm->x[11], len = vm->x[12];
    if (fd != 0) {
        vm->x[10] = (uint64_t)-LINUX_EBADF;
        return ZK_ECALL_CONTINUE;
    }
    uint64_t left = vm->input_len - vm->input_cursor;
    uint64_t n = len < left ? len : left;
    if (n > 0 && zk_mem_write(vm, addr, vm->input + vm->input_cursor, n) != 0) {
        note_ecall(vm);
        return ZK_ECALL_STOP;
    }
    vm->input_cursor += n;
    vm->x[10] = n;
    return ZK_ECALL_CONTINUE;
}

static int linux_write(zk_vm *vm)
{
    uint64_t fd = vm->x[10], addr = vm->x[11], len = vm->x[12];
    int rc;
    if (fd == 1)
        rc = append_output(vm, addr, len);
    else if (fd == 2)
        rc = write_stderr(vm, addr, len);
    else {
        vm->x[10] = (uint64_t)-LINUX_EBADF;
        return ZK_ECALL_CONTINUE;
    }
    if (rc == ZK_ECALL_CONTINUE)
        vm->x[10] = len;
    return rc;
}

int zk_vm_ecall(zk_vm *vm)
{
    uint64_t *x = vm->x;
    uint64_t number = x[17];
    switch (number) {
    case ZKL1_ECALL_EXIT:
    case ZKL1_ECALL_EXIT_GROUP:
        vm->exit_code = (int)(int32_t)(uint32_t)x[10];
        zk_vm_stop(vm, ZK_VM_HALTED, "%s", "");
        return ZK_ECALL_STOP;
    case ZKL1_ECALL_READ_INPUT:
        x[10] = ZKL1_INPUT_BASE;
        x[11] = vm->input_len;
        return ZK_ECALL_CONTINUE;
    case ZKL1_ECALL_WRITE_OUTPUT:
        return append_output(vm, x[10], x[11]);
    case ZKL1_ECALL_REGION_BEGIN:
        return region_begin(vm);
    case ZKL1_ECALL_REGION_END:
        return region_end(vm);
    case ZKL1_ECALL_LINUX_READ:
        return linux_read(vm);
    case ZKL1_ECALL_LINUX_WRITE:
        return linux_write(vm);
    default:
        if (number > ZKL1_ECALL_ACCEL_BASE && number <= ZKL1_ECALL_ACCEL_BASE + ZKL1_ACCEL_COUNT) {
            int rc = zk_vm_accel(vm, (unsigned)(number - ZKL1_ECALL_ACCEL_BASE));
            if (rc != ZK_ECALL_CONTINUE && vm->status == ZK_VM_TRAP)
                note_ecall(vm);
            return rc;
        }
        zk_vm_stop(vm, ZK_VM_TRAP, "unknown ecall number %llu", (unsigned long long)number);
        note_ecall(vm);
        return ZK_ECALL_STOP;
    }
}
