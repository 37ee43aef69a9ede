/* bench_vm.c — `zkl1 bench vm [--elf FILE] [--in FILE | --iterations N] [--repeat R] [--qemu PATH]`
 *
 * Instructions per second of the zkl1 VM next to qemu-riscv64 (user mode, RV64IM only) on
 * the very same ELF and input. The default guests, built for the Linux ABI so that both run
 * them unchanged (guest/bench-*-linux.elf beside the zkl1 binary), are the Keccak-256 chain of
 * tests/vm/guests/bench_keccak.c (straight-line code) and the interpreter/sort/CRC mix of
 * tests/vm/guests/bench_mix.c (branchy code); their input is a u32 iteration count. qemu does not count instructions; the program
 * is deterministic, so it retires exactly the VM's count, and its rate is that count over
 * its wall time (process start-up included; the default run is long enough to make that
 * small). The outputs of both must be identical. Best of --repeat runs each.
 *
 * The plain command ends with the stateless guest on the fixtures unpacked beside zkl1
 * (bench_default_guest). `zkl1 bench vm --fixtures PATH... [--guest ELF]... [--max-gas N]`
 * measures only the stateless guest (guest/main.c; default: both flavours,
 * guest/zkl1-guest-{accel,pure}.elf beside zkl1) on every fixture block with stateless
 * bytes, and on the Osaka blocks of fixtures without (witnesses made by witness_gen.c, run
 * on the -osaka builds): cycles per gas, regions, top functions; see bench_vm_guest.c.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vm/vm.h"
#include "vm_cli.h"

int bench_vm(int argc, char **argv);
int bench_vm_guest(const char *const *guests, size_t num_guests, const char *const *paths, size_t num_paths,
                   uint64_t max_gas);

extern char **environ;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* guest/<name><suffix> next to the running zkl1 binary. */
static int elf_beside_zkl1(char *path, size_t size, const char *name, const char *suffix)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    snprintf(path, size, "%s/guest/%s%s", dirname(exe), name, suffix);
    return access(path, R_OK);
}

static int default_elf(char *path, size_t size, const char *name)
{
    return elf_beside_zkl1(path, size, name, "-linux.elf");
}

/* The plain `zkl1 bench vm` ends with the stateless guest when the build has it and the
 * fixtures are unpacked beside zkl1 (fixtures/, as `make` does): both flavours over the
 * zkEVM fixtures and the benchmark fixtures' blocks of up to 10 Mgas. Skipped otherwise. */
static int bench_default_guest(void)
{
    static char accel[4200], pure[4200], zkevm[4200], benchmark[4200];
    if (elf_beside_zkl1(accel, sizeof accel, "zkl1-guest-accel", ".elf") != 0 ||
        elf_beside_zkl1(pure, sizeof pure, "zkl1-guest-pure", ".elf") != 0)
        return 0;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    const char *dir = dirname(exe);
    snprintf(zkevm, sizeof zkevm, "%s/fixtures/blockchain_tests_zkevm", dir);
    snprintf(benchmark, sizeof benchmark, "%s/fixtures/benchmark", dir);
    const char *paths[2];
    size_t num_paths = 0;
    if (access(zkevm, R_OK) == 0)
        paths[num_paths++] = zkevm;
    if (access(benchmark, R_OK) == 0)
        paths[num_paths++] = benchmark;
    if (num_paths == 0)
        return 0;
    printf("stateless guest, cycles per gas (benchmark blocks up to 10 Mgas; `--fixtures` for others):\n");
    fflush(stdout);
    const char *guests[2] = {accel, pure};
    return bench_vm_guest(guests, 2, paths, num_paths, 10000000);
}

/* One VM run; returns the run's wall seconds (excluding loading) or a negative value. */
static double run_vm(const uint8_t *elf, size_t elf_len, const uint8_t *in, size_t in_len, uint64_t *instructions,
                     uint8_t **out, size_t *out_len)
{
    char err[256];
    zk_vm *vm = zk_vm_new(elf, elf_len, NULL, err, sizeof err);
    if (!vm || zk_vm_set_input(vm, in, in_len, err, sizeof err) != 0) {
        fprintf(stderr, "zkl1 bench vm: %s\n", err);
        zk_vm_free(vm);
        return -1;
    }
    zk_vm_status status = zk_vm_run(vm);
    if (status != ZK_VM_HALTED || zk_vm_exit_code(vm) != 0) {
        fprintf(stderr, "zkl1 bench vm: the guest did not succeed: %s (exit code %d)\n", zk_vm_error(vm),
                zk_vm_exit_code(vm));
        zk_vm_free(vm);
        return -1;
    }
    *instructions = zk_vm_instructions(vm);
    const uint8_t *o = zk_vm_output(vm, out_len);
    *out = malloc(*out_len ? *out_len : 1);
    if (*out)
        memcpy(*out, o, *out_len);
    double secs = zk_vm_wall_seconds(vm);
    zk_vm_free(vm);
    return *out ? secs : -1;
}

/* One qemu run with stdin from in_path and stdout to out_path; returns wall seconds. */
static double run_qemu(const char *qemu, const char *elf_path, const char *in_path, const char *out_path)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, in_path, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char *args[] = {(char *)qemu, "-cpu", "rv64,c=false,a=false,f=false,d=false", (char *)elf_path, NULL};
    double t0 = now_seconds();
    pid_t pid;
    int rc = posix_spawnp(&pid, qemu, &fa, NULL, args, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "zkl1 bench vm: cannot start %s: %s\n", qemu, strerror(rc));
        return -1;
    }
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "zkl1 bench vm: %s failed on %s\n", qemu, elf_path);
        return -1;
    }
    return now_seconds() - t0;
}

static int usage(void)
{
    fprintf(stderr, "usage: zkl1 bench vm [--elf FILE] [--in FILE | --iterations N] [--repeat R] [--qemu PATH|none]\n"
                    "       zkl1 bench vm --fixtures PATH [--fixtures PATH]... [--guest ELF]... [--max-gas N]\n");
    return 2;
}

/* Benchmarks one ELF on one input: the VM, then qemu; prints a block of figures. */
static int bench_one(const char *elf_path, const uint8_t *in, size_t in_len, unsigned long repeat, const char *qemu)
{
    size_t elf_len;
    uint8_t *elf = zk_cli_read_file(elf_path, &elf_len);
    if (!elf)
        return 2;
    /* qemu reads its stdin from a file: write the input out once. */
    char in_tmp[] = "/tmp/zkl1-bench-vm-in-XXXXXX", out_tmp[] = "/tmp/zkl1-bench-vm-out-XXXXXX";
    int in_fd = mkstemp(in_tmp), out_fd = mkstemp(out_tmp);
    int rc = 1;
    uint8_t *vm_out = NULL;
    size_t vm_out_len = 0;
    if (in_fd < 0 || out_fd < 0 || write(in_fd, in, in_len) != (ssize_t)in_len) {
        fprintf(stderr, "zkl1 bench vm: cannot write temporary files\n");
        goto done;
    }

    double best_vm = 1e300, best_qemu = 1e300;
    uint64_t instructions = 0;
    for (unsigned long r = 0; r < repeat; r++) {
        free(vm_out);
        vm_out = NULL;
        double s = run_vm(elf, elf_len, in, in_len, &instructions, &vm_out, &vm_out_len);
        if (s < 0)
            goto done;
        if (s < best_vm)
            best_vm = s;
    }
    printf("%s: %zu input bytes, %" PRIu64 " instructions per run, best of %lu\n", elf_path, in_len, instructions,
           repeat);
    printf("  %-14s %9.3f s  %9.1f M instr/s\n", "zkl1 VM", best_vm, instructions / best_vm / 1e6);

    if (strcmp(qemu, "none") != 0) {
        for (unsigned long r = 0; r < repeat; r++) {
            double s = run_qemu(qemu, elf_path, in_tmp, out_tmp);
            if (s < 0)
                goto done;
            if (s < best_qemu)
                best_qemu = s;
        }
        size_t qemu_out_len;
        uint8_t *qemu_out = zk_cli_read_file(out_tmp, &qemu_out_len);
        int same = qemu_out && qemu_out_len == vm_out_len && memcmp(qemu_out, vm_out, vm_out_len) == 0;
        free(qemu_out);
        printf("  %-14s %9.3f s  %9.1f M instr/s  (process start-up included)\n", "qemu-riscv64", best_qemu,
               instructions / best_qemu / 1e6);
        printf("  VM / qemu speed: %.2f; outputs %s\n", best_qemu / best_vm, same ? "identical" : "DIFFER");
        if (!same)
            goto done;
    }
    rc = 0;
done:
    free(vm_out);
    if (in_fd >= 0)
        close(in_fd), unlink(in_tmp);
    if (out_fd >= 0)
        close(out_fd), unlink(out_tmp);
    free(elf);
    return rc;
}

/* The default workloads: guest/<name>-linux.elf beside zkl1, with a u32 iteration count. */
static const struct {
    const char *name;
    uint32_t iterations;
} workloads[] = {
    {"bench-keccak", 50000}, /* straight-line hashing: ~0.7 G instructions */
    {"bench-mix", 1000},     /* interpreter dispatch, sorting, CRC: branch- and load-heavy */
};

int bench_vm(int argc, char **argv)
{
    const char *elf_path = NULL, *in_path = NULL, *qemu = "qemu-riscv64";
    unsigned long iterations = 0, repeat = 3;
    const char **guests = calloc((size_t)argc + 2, sizeof *guests), **fixtures = calloc((size_t)argc, sizeof *fixtures);
    size_t num_guests = 0, num_fixtures = 0;
    uint64_t max_gas = 0;
    if (!guests || !fixtures) {
        free(guests);
        free(fixtures);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc)
            goto usage_error;
        if (!strcmp(argv[i], "--guest"))
            guests[num_guests++] = argv[++i];
        else if (!strcmp(argv[i], "--fixtures"))
            fixtures[num_fixtures++] = argv[++i];
        else if (!strcmp(argv[i], "--max-gas"))
            max_gas = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--elf"))
            elf_path = argv[++i];
        else if (!strcmp(argv[i], "--in"))
            in_path = argv[++i];
        else if (!strcmp(argv[i], "--iterations"))
            iterations = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--repeat"))
            repeat = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--qemu"))
            qemu = argv[++i];
        else
            goto usage_error;
    }
    if (num_fixtures > 0 || num_guests > 0) {
        if (num_fixtures == 0)
            goto usage_error;
        static char accel[4200], pure[4200];
        if (num_guests == 0) {
            if (elf_beside_zkl1(accel, sizeof accel, "zkl1-guest-accel", ".elf") != 0 ||
                elf_beside_zkl1(pure, sizeof pure, "zkl1-guest-pure", ".elf") != 0) {
                fprintf(stderr, "zkl1 bench vm: %s or %s not found (build guest/, or pass --guest)\n", accel, pure);
                free(guests);
                free(fixtures);
                return 2;
            }
            guests[num_guests++] = accel;
            guests[num_guests++] = pure;
        }
        int rc = bench_vm_guest(guests, num_guests, fixtures, num_fixtures, max_gas);
        free(guests);
        free(fixtures);
        return rc;
    }
    free(guests);
    free(fixtures);
    if (repeat == 0 || repeat > 100 || iterations > UINT32_MAX)
        return usage();

    uint8_t *file_input = NULL;
    size_t file_input_len = 0;
    if (in_path && !(file_input = zk_cli_read_file(in_path, &file_input_len)))
        return 2;
    int rc = 0;
    size_t n = elf_path ? 1 : sizeof workloads / sizeof workloads[0];
    for (size_t w = 0; w < n && rc == 0; w++) {
        char path[4200];
        if (!elf_path) {
            if (default_elf(path, sizeof path, workloads[w].name) != 0) {
                fprintf(stderr, "zkl1 bench vm: %s not found (build the tests/vm guests, or pass --elf)\n", path);
                rc = 2;
                break;
            }
        } else {
            snprintf(path, sizeof path, "%s", elf_path);
        }
        uint32_t count = iterations ? (uint32_t)iterations : elf_path ? 0 : workloads[w].iterations;
        uint8_t counter[4] = {(uint8_t)count, (uint8_t)(count >> 8), (uint8_t)(count >> 16), (uint8_t)(count >> 24)};
        const uint8_t *in = file_input ? file_input : counter;
        size_t in_len = file_input ? file_input_len : count ? 4 : 0;
        rc = bench_one(path, in, in_len, repeat, qemu);
    }
    free(file_input);
    if (rc == 0 && !elf_path && !in_path && !iterations)
        rc = bench_default_guest();
    return rc;

usage_error:
    free(guests);
    free(fixtures);
    return usage();
}
