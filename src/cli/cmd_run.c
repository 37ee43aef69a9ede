/* cmd_run.c — `zkl1 run GUEST.elf [--in FILE] [--out FILE] [--report FILE]
 *                          [--max-cycles N] [--max-memory MIB]`
 *
 * Runs a RISC-V guest in the zkl1 VM (src/vm). The private input comes from --in (default: no
 * input); the public output goes to --out, or raw to stdout; the JSON report (cycles, regions,
 * accelerators, unaligned accesses, instruction classes, speed) goes to --report. A one-line
 * summary goes to stderr.
 *
 * Exit status: 0 the guest halted with exit code 0; 1 it halted with another code (abort()
 * included); 2 bad usage, unreadable file or invalid ELF; 3 a trap or a limit.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"
#include "vm_cli.h"

int cmd_run(int argc, char **argv);

uint8_t *zk_cli_read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "zkl1: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *grown = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    int failed = !buf || ferror(f);
    if (f != stdin)
        fclose(f);
    if (failed) {
        fprintf(stderr, "zkl1: cannot read %s\n", path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static int usage(void)
{
    fprintf(stderr, "usage: zkl1 run GUEST.elf [--in FILE] [--out FILE] [--report FILE]\n"
                    "                          [--max-cycles N] [--max-memory MIB]\n");
    return 2;
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || s[0] == '-')
        return -1;
    *out = v;
    return 0;
}

static int write_file(const char *path, const uint8_t *data, size_t len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || (f != stdout ? fclose(f) : fflush(f)) != 0) {
        fprintf(stderr, "zkl1 run: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

int cmd_run(int argc, char **argv)
{
    const char *elf_path = NULL, *in_path = NULL, *out_path = NULL, *report_path = NULL;
    zk_vm_config config = {.max_cycles = 0, .max_memory = 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--in") && has_value)
            in_path = argv[++i];
        else if (!strcmp(a, "--out") && has_value)
            out_path = argv[++i];
        else if (!strcmp(a, "--report") && has_value)
            report_path = argv[++i];
        else if (!strcmp(a, "--max-cycles") && has_value) {
            if (parse_u64(argv[++i], &config.max_cycles) != 0)
                return usage();
        } else if (!strcmp(a, "--max-memory") && has_value) {
            uint64_t mib;
            if (parse_u64(argv[++i], &mib) != 0 || mib == 0 || mib > 4096)
                return usage();
            config.max_memory = mib << 20;
        } else if (a[0] == '-' && a[1] != '\0')
            return usage();
        else if (!elf_path)
            elf_path = a;
        else
            return usage();
    }
    if (!elf_path)
        return usage();

    size_t elf_len = 0, in_len = 0;
    uint8_t *elf = zk_cli_read_file(elf_path, &elf_len);
    if (!elf)
        return 2;
    uint8_t *input = in_path ? zk_cli_read_file(in_path, &in_len) : calloc(1, 1);
    if (!input) {
        free(elf);
        return 2;
    }
    char err[256];
    zk_vm *vm = zk_vm_new(elf, elf_len, &config, err, sizeof err);
    free(elf);
    if (!vm || zk_vm_set_input(vm, input, in_len, err, sizeof err) != 0) {
        fprintf(stderr, "zkl1 run: %s: %s\n", elf_path, err);
        zk_vm_free(vm);
        free(input);
        return 2;
    }
    free(input);

    zk_vm_status status = zk_vm_run(vm);
    int rc = 0;
    size_t out_len;
    const uint8_t *out = zk_vm_output(vm, &out_len);
    if (write_file(out_path ? out_path : "-", out, out_len) != 0)
        rc = 2;
    if (report_path) {
        FILE *f = strcmp(report_path, "-") == 0 ? stderr : fopen(report_path, "w");
        if (!f) {
            fprintf(stderr, "zkl1 run: cannot write %s\n", report_path);
            rc = 2;
        } else {
            zk_vm_write_report(vm, f);
            if (f != stderr)
                fclose(f);
        }
    }

    double secs = zk_vm_wall_seconds(vm);
    double ips = secs > 0 ? (double)zk_vm_instructions(vm) / secs : 0;
    if (status == ZK_VM_HALTED) {
        fprintf(stderr, "zkl1 run: halted with exit code %d after %" PRIu64 " cycles (%" PRIu64
                        " instructions, %.3f s, %.1f M instr/s)\n",
                zk_vm_exit_code(vm), zk_vm_cycles(vm), zk_vm_instructions(vm), secs, ips / 1e6);
        if (rc == 0 && zk_vm_exit_code(vm) != 0)
            rc = 1;
    } else {
        fprintf(stderr, "zkl1 run: %s: %s after %" PRIu64 " cycles\n", elf_path, zk_vm_error(vm), zk_vm_cycles(vm));
        rc = 3;
    }
    zk_vm_free(vm);
    return rc;
}
