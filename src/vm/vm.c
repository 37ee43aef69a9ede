/* vm.c — creating, loading, running and reporting on a zkl1 VM (see vm.h). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm_internal.h"

void zk_interp(zk_vm *vm);

void zk_vm_stop(zk_vm *vm, zk_vm_status status, const char *fmt, ...)
{
    if (vm->status != ZK_VM_READY)
        return; /* the first reason to stop is the one reported */
    vm->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(vm->error, sizeof vm->error, fmt, ap);
    va_end(ap);
}

/* Copies the file bytes of every segment into freshly allocated pages. */
static int load_segments(zk_vm *vm, const uint8_t *elf, char *err, size_t errlen)
{
    const zk_elf_image *img = &vm->image;
    for (size_t i = 0; i < img->nsegments; i++) {
        const zk_elf_segment *s = &img->segments[i];
        zk_mem_map(vm, s->vaddr, s->memsz, (uint8_t)s->flags);
        for (uint64_t off = 0; off < s->filesz;) {
            uint64_t addr = s->vaddr + off;
            uint64_t p = addr >> ZK_PAGE_BITS;
            uint64_t chunk = ZK_PAGE_SIZE - (addr & (ZK_PAGE_SIZE - 1));
            if (chunk > s->filesz - off)
                chunk = s->filesz - off;
            if (zk_mem_touch(vm, p) != 0) {
                snprintf(err, errlen, "loading the ELF: %s", vm->error);
                return -1;
            }
            memcpy(vm->page[p] + (addr & (ZK_PAGE_SIZE - 1)), elf + s->offset + off, chunk);
            off += chunk;
        }
    }
    return 0;
}

zk_vm *zk_vm_new(const uint8_t *elf, size_t len, const zk_vm_config *config, char *err, size_t errlen)
{
    zk_vm *vm = calloc(1, sizeof *vm);
    if (!vm) {
        snprintf(err, errlen, "out of host memory");
        return NULL;
    }
    vm->max_cycles = config ? config->max_cycles : 0;
    vm->max_memory = config && config->max_memory ? config->max_memory : (uint64_t)ZK_NPAGES * ZK_PAGE_SIZE;
    if (zk_elf_parse(elf, len, &vm->image, err, errlen) != 0)
        goto fail;
    if (zk_mem_init(vm) != 0) {
        snprintf(err, errlen, "out of host memory for the page table");
        goto fail;
    }
    if (load_segments(vm, elf, err, errlen) != 0 || zk_decode_image(vm, elf, err, errlen) != 0)
        goto fail;
    vm->status = ZK_VM_READY;
    vm->error[0] = '\0';
    return vm;
fail:
    zk_vm_free(vm);
    return NULL;
}

void zk_vm_free(zk_vm *vm)
{
    if (!vm)
        return;
    zk_mem_free(vm);
    free(vm->code);
    free(vm->run_delta);
    free((void *)vm->input);
    free(vm->output);
    free(vm);
}

int zk_vm_set_input(zk_vm *vm, const uint8_t *input, size_t len, char *err, size_t errlen)
{
    if (vm->input || vm->status != ZK_VM_READY) {
        snprintf(err, errlen, "input already set or VM already run");
        return -1;
    }
    if (len > ZKL1_INPUT_MAX) {
        snprintf(err, errlen, "input of %zu bytes exceeds the %u-byte input window", len, ZKL1_INPUT_MAX);
        return -1;
    }
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy) {
        snprintf(err, errlen, "out of host memory for the input");
        return -1;
    }
    if (len > 0)
        memcpy(copy, input, len);
    vm->input = copy;
    vm->input_len = len;
    zk_mem_map(vm, ZKL1_INPUT_BASE, len, ZK_SEG_R);
    for (uint64_t off = 0; off < len; off += ZK_PAGE_SIZE) {
        uint64_t p = (ZKL1_INPUT_BASE + off) >> ZK_PAGE_BITS;
        if (zk_mem_touch(vm, p) != 0) {
            snprintf(err, errlen, "input: %s", vm->error);
            return -1;
        }
        uint64_t chunk = len - off < ZK_PAGE_SIZE ? len - off : ZK_PAGE_SIZE;
        memcpy(vm->page[p], copy + off, chunk);
    }
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

zk_vm_status zk_vm_run(zk_vm *vm)
{
    if (vm->status != ZK_VM_READY)
        return vm->status;
    double t0 = now_seconds();
    zk_interp(vm);
    vm->wall_seconds = now_seconds() - t0;
    return vm->status;
}

int zk_vm_exit_code(const zk_vm *vm) { return vm->exit_code; }
const char *zk_vm_error(const zk_vm *vm) { return vm->error; }
uint64_t zk_vm_instructions(const zk_vm *vm) { return vm->instret; }
uint64_t zk_vm_cycles(const zk_vm *vm) { return vm->instret + vm->accel_cycles; }
double zk_vm_wall_seconds(const zk_vm *vm) { return vm->wall_seconds; }

void zk_vm_foreach_pc_count(const zk_vm *vm, zk_vm_pc_count_fn fn, void *user)
{
    /* Prefix sums over the straight-line deltas, as in zk_vm_write_report. */
    int64_t running = 0;
    for (uint64_t i = 0; i < vm->ncode; i++) {
        running += vm->run_delta[i];
        if (running > 0)
            fn(user, vm->code_base + 4 * i, (uint64_t)running);
    }
}

const uint8_t *zk_vm_output(const zk_vm *vm, size_t *len)
{
    *len = vm->output_len;
    return vm->output;
}

static const char *status_name(zk_vm_status s)
{
    switch (s) {
    case ZK_VM_READY: return "not_run";
    case ZK_VM_HALTED: return "halted";
    case ZK_VM_TRAP: return "trap";
    case ZK_VM_CYCLE_LIMIT: return "cycle_limit";
    case ZK_VM_MEMORY_LIMIT: return "memory_limit";
    }
    return "unknown";
}

static const char *const accel_names[ZKL1_ACCEL_COUNT + 1] = {
    "", "keccak256", "secp256k1_verify", "secp256k1_ecrecover", "sha256", "ripemd160", "modexp",
    "bn254_g1_add", "bn254_g1_mul", "bn254_pairing", "blake2f", "kzg_point_eval", "bls12_g1_add",
    "bls12_g1_msm", "bls12_g2_add", "bls12_g2_msm", "bls12_pairing", "bls12_map_fp_to_g1",
    "bls12_map_fp2_to_g2", "secp256r1_verify",
};

/* JSON string body: region names are guest bytes, so escape everything unusual. */
static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch < 0x20 || ch >= 0x7f)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

void zk_vm_write_report(const zk_vm *vm, FILE *f)
{
    /* How often each instruction ran: prefix sums over the straight-line deltas. */
    uint64_t by_op[ZK_OP_COUNT] = {0}, by_class[ZK_CLASS_COUNT] = {0};
    int64_t running = 0;
    for (uint64_t i = 0; i < vm->ncode; i++) {
        running += vm->run_delta[i];
        by_op[vm->code[i].op & 0x7f] += (uint64_t)running;
    }
    for (unsigned op = 0; op < ZK_OP_COUNT; op++)
        by_class[zk_op_class(op)] += by_op[op];

    uint64_t cycles = vm->instret + vm->accel_cycles;
    fprintf(f, "{\n  \"status\": \"%s\",\n", status_name(vm->status));
    fprintf(f, "  \"exit_code\": %d,\n  \"error\": ", vm->exit_code);
    json_string(f, vm->error);
    fprintf(f, ",\n  \"end_pc\": \"0x%llx\",\n", (unsigned long long)vm->pc);
    fprintf(f, "  \"total_cycles\": %llu,\n  \"instructions\": %llu,\n  \"accelerator_cycles\": %llu,\n",
            (unsigned long long)cycles, (unsigned long long)vm->instret, (unsigned long long)vm->accel_cycles);

    fprintf(f, "  \"regions\": {");
    for (unsigned r = 0; r < vm->nregions; r++) {
        fprintf(f, "%s\n    ", r ? "," : "");
        json_string(f, vm->regions[r].name);
        fprintf(f, ": {\"cycles\": %llu, \"count\": %llu}", (unsigned long long)vm->regions[r].cycles,
                (unsigned long long)vm->regions[r].count);
    }
    fprintf(f, "%s},\n", vm->nregions ? "\n  " : "");

    fprintf(f, "  \"accelerators\": {");
    int first = 1;
    for (unsigned n = 1; n <= ZKL1_ACCEL_COUNT; n++) {
        const zk_accel_stats *s = &vm->accel[n];
        if (s->calls == 0)
            continue;
        fprintf(f, "%s\n    \"%s\": {\"calls\": %llu, \"cycles\": %llu, \"failures\": %llu, \"host_seconds\": %.6f}",
                first ? "" : ",", accel_names[n], (unsigned long long)s->calls, (unsigned long long)s->cycles,
                (unsigned long long)s->failures, s->host_seconds);
        first = 0;
    }
    fprintf(f, "%s},\n", first ? "" : "\n  ");

    fprintf(f, "  \"unaligned_accesses\": {\"loads\": %llu, \"stores\": %llu, \"total\": %llu},\n",
            (unsigned long long)vm->unaligned_loads, (unsigned long long)vm->unaligned_stores,
            (unsigned long long)(vm->unaligned_loads + vm->unaligned_stores));

    fprintf(f, "  \"instructions_by_class\": {");
    for (unsigned c = 0; c < ZK_CLASS_COUNT; c++)
        fprintf(f, "%s\"%s\": %llu", c ? ", " : "", zk_class_name((enum zk_class)c), (unsigned long long)by_class[c]);
    fprintf(f, "},\n  \"instructions_by_opcode\": {");
    first = 1;
    for (unsigned op = 0; op < ZK_OP_COUNT; op++) {
        if (by_op[op] == 0)
            continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", zk_op_name(op), (unsigned long long)by_op[op]);
        first = 0;
    }
    fprintf(f, "},\n");
    fprintf(f, "  \"memory_bytes\": %llu,\n", (unsigned long long)(vm->pages_allocated * ZK_PAGE_SIZE));
    fprintf(f, "  \"output_bytes\": %zu,\n", vm->output_len);
    fprintf(f, "  \"wall_time_s\": %.6f,\n", vm->wall_seconds);
    fprintf(f, "  \"instructions_per_second\": %.0f\n}\n",
            vm->wall_seconds > 0 ? (double)vm->instret / vm->wall_seconds : 0.0);
}
