/* blocktest_guest.c — host-only: the stateless guest ELF on fixture blocks (guest_cli.h). */
#define _GNU_SOURCE /* open_memstream, mkstemp, posix_spawn */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/arena_malloc.h"
#include "../core/hex.h"
#include "guest_cli.h"
#include "stateless_cli.h"
#include "vm/vm.h"
#include "vm_cli.h"

extern char **environ;

bool zk_guest_parse_runner(const char *name, zk_guest_runner *out)
{
    if (!strcmp(name, "zkl1"))
        *out = ZK_GUEST_RUNNER_ZKL1;
    else if (!strcmp(name, "qemu"))
        *out = ZK_GUEST_RUNNER_QEMU;
    else
        return false;
    return true;
}

int zk_guest_load(zk_guest *g, const char *path)
{
    g->path = path;
    g->elf = zk_cli_read_file(path, &g->elf_len);
    return g->elf ? 0 : -1;
}

void zk_guest_free(zk_guest *g)
{
    free(g->elf);
    g->elf = NULL;
}

/* The VM's JSON report of a finished run, parsed. */
static json_t *vm_report(const zk_vm *vm)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (!f)
        return NULL;
    zk_vm_write_report(vm, f);
    fclose(f);
    json_t *report = json_loadb(text, size, 0, NULL);
    free(text);
    return report;
}

static int exec_vm(const zk_guest *g, const uint8_t *in, size_t len, uint8_t **out, size_t *out_len,
                   zk_guest_run *run, char *err, size_t err_len)
{
    zk_vm_config cfg = {.max_cycles = g->max_cycles};
    char why[256];
    zk_vm *vm = zk_vm_new(g->elf, g->elf_len, &cfg, why, sizeof why);
    if (!vm || zk_vm_set_input(vm, in, len, why, sizeof why) != 0) {
        snprintf(err, err_len, "%s: %s", g->path, why);
        zk_vm_free(vm);
        return -1;
    }
    zk_vm_status status = zk_vm_run(vm);
    if (status != ZK_VM_HALTED || zk_vm_exit_code(vm) != 0) {
        if (status == ZK_VM_HALTED)
            snprintf(err, err_len, "guest failed with exit code %d after %llu cycles", zk_vm_exit_code(vm),
                     (unsigned long long)zk_vm_cycles(vm));
        else
            snprintf(err, err_len, "guest did not halt: %s", zk_vm_error(vm));
        zk_vm_free(vm);
        return -1;
    }
    const uint8_t *o = zk_vm_output(vm, out_len);
    *out = malloc(*out_len ? *out_len : 1);
    if (!*out) {
        snprintf(err, err_len, "out of memory");
        zk_vm_free(vm);
        return -1;
    }
    memcpy(*out, o, *out_len);
    if (g->pc_count)
        zk_vm_foreach_pc_count(vm, g->pc_count, g->pc_count_user);
    if (run) {
        run->cycles = zk_vm_cycles(vm);
        run->instructions = zk_vm_instructions(vm);
        run->report = vm_report(vm);
    }
    zk_vm_free(vm);
    return 0;
}

/* Creates the temporary file `name` (a mkstemp template) holding data[0..len); returns its
 * descriptor, or -1. */
static int temp_file(char *name, const uint8_t *data, size_t len)
{
    int fd = mkstemp(name);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n <= 0) {
            close(fd);
            unlink(name);
            return -1;
        }
        done += (size_t)n;
    }
    return fd;
}

static int exec_qemu(const zk_guest *g, const uint8_t *in, size_t len, uint8_t **out, size_t *out_len, char *err,
                     size_t err_len)
{
    char in_name[] = "/tmp/zkl1-guest-in-XXXXXX", out_name[] = "/tmp/zkl1-guest-out-XXXXXX";
    int in_fd = temp_file(in_name, in, len);
    int out_fd = in_fd >= 0 ? temp_file(out_name, NULL, 0) : -1;
    int rc = -1;
    if (in_fd < 0 || out_fd < 0) {
        snprintf(err, err_len, "cannot write temporary files: %s", strerror(errno));
        goto done;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, in_name, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out_name, O_WRONLY | O_TRUNC, 0);
    char *args[] = {(char *)g->qemu, "-cpu", "rv64,c=false,a=false,f=false,d=false", (char *)g->path, NULL};
    pid_t pid;
    int e = posix_spawnp(&pid, g->qemu, &fa, NULL, args, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e != 0) {
        snprintf(err, err_len, "cannot start %s: %s", g->qemu, strerror(e));
        goto done;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status))
            snprintf(err, err_len, "guest failed under qemu with exit code %d", WEXITSTATUS(status));
        else
            snprintf(err, err_len, "qemu ended by signal %d", WTERMSIG(status));
        goto done;
    }
    *out = zk_cli_read_file(out_name, out_len);
    if (!*out) {
        snprintf(err, err_len, "cannot read the guest's output");
        goto done;
    }
    rc = 0;
done:
    if (in_fd >= 0)
        close(in_fd), unlink(in_name);
    if (out_fd >= 0)
        close(out_fd), unlink(out_name);
    return rc;
}

int zk_guest_exec(const zk_guest *g, const uint8_t *in, size_t len, uint8_t **out, size_t *out_len,
                  zk_guest_run *run, char *err, size_t err_len)
{
    *out = NULL;
    *out_len = 0;
    if (run)
        memset(run, 0, sizeof *run);
    if (g->runner == ZK_GUEST_RUNNER_QEMU)
        return exec_qemu(g, in, len, out, out_len, err, err_len);
    return exec_vm(g, in, len, out, out_len, run, err, err_len);
}

/* ---- blocktest ---- */

typedef struct guest_ctx {
    const zk_guest *guest;
    zk_arena arena;
} guest_ctx;

static void hex_or_size(const uint8_t *p, size_t n, char *out, size_t cap)
{
    if (cap < 2 * n + 3)
        snprintf(out, cap, "(%zu bytes)", n);
    else
        zk_hex_encode(p, n, out, true);
}

static int guest_block(void *user, const sl_block *b, char *err, size_t err_len)
{
    guest_ctx *c = user;
    uint8_t native[ZK_STATELESS_OUTPUT_MAX];
    size_t native_len;
    zk_arena_mark mark = zk_arena_get_mark(&c->arena);
    zk_status st = zk_stateless_validate(c->guest->format, b->input, b->input_len, &c->arena, native, &native_len);
    zk_arena_reset(&c->arena, mark);
    if (st != ZK_OK) {
        snprintf(err, err_len, "block %zu: native validator returned status %d", b->index, (int)st);
        return -1;
    }

    uint8_t *out;
    size_t out_len;
    char why[512];
    if (zk_guest_exec(c->guest, b->input, b->input_len, &out, &out_len, NULL, why, sizeof why) != 0) {
        snprintf(err, err_len, "block %zu: %s", b->index, why);
        return -1;
    }
    char got[2 * ZK_STATELESS_OUTPUT_MAX + 3], want[2 * ZK_STATELESS_OUTPUT_MAX + 3];
    int rc = 0;
    if (out_len != native_len || memcmp(out, native, out_len) != 0) {
        hex_or_size(out, out_len, got, sizeof got);
        hex_or_size(native, native_len, want, sizeof want);
        snprintf(err, err_len, "block %zu: " ZK_GUEST_DIFFERS_FROM_NATIVE ": guest %s, native %s", b->index, got,
                 want);
        rc = -1;
    } else if (out_len != b->expected_len || memcmp(out, b->expected, out_len) != 0) {
        hex_or_size(out, out_len, got, sizeof got);
        hex_or_size(b->expected, b->expected_len, want, sizeof want);
        snprintf(err, err_len, "block %zu: output differs (as the native validator's): got %s, expected %s",
                 b->index, got, want);
        rc = -1;
    }
    free(out);
    return rc;
}

int bt_guest_run(json_t *test, const zk_guest *g, char *reason, size_t reason_len)
{
    guest_ctx c = {.guest = g};
    zk_arena_init_malloc(&c.arena, 1u << 22);
    long n = sl_foreach_block(test, guest_block, &c, reason, reason_len);
    zk_arena_release(&c.arena);
    if (n < 0)
        return -1;
    return n == 0 ? 1 : 0;
}
