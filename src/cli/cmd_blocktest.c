/* cmd_blocktest.c — `zkl1 blocktest`: runs EEST blockchain_test fixtures.
 *
 *   zkl1 blocktest [--network NAME]... [-j N] [--timeout S] [--known-failures FILE]
 *                  [--min-pass N] [--show-rejections] PATH...
 *
 * PATHs are fixture files or directories (searched recursively for *.json). Tests are
 * selected by their `network` (default: Cancun, Prague, Osaka, the BPO forks and the
 * transitions among them; `--network all` takes every test); others are counted as skipped.
 *
 * Files are shared out among worker processes (-j, default: the number of CPUs) through a
 * counter in shared memory. Each worker appends one record per test to its own results
 * file, so that a worker that crashes or times out loses nothing: the parent reads the
 * records, reports the test in flight as failed, and restarts the file after that test.
 *
 * Output: `FAIL <test id> [<network>]: <reason>` per failing test (sorted), then exactly
 * `N passed, N failed, N skipped`. With --known-failures, failures listed in FILE (lines
 * `<test id> [<network>]`, `#` comments) are printed as XFAIL and do not fail the run, and
 * listed tests that now pass are printed as XPASS. Exit status: 0 when no unexpected test
 * failed and at least --min-pass tests passed, else 1 (2 for usage errors).
 * --show-rejections prints, on stderr, the fixture's expected exception next to the reason
 * each invalid block was rejected for.
 * --stateless [--format v0.3.3|canonical] runs instead the stateless validator on every
 * block's statelessInputBytes and compares with statelessOutputBytes (zkEVM fixtures; all
 * networks unless --network is given; tests without stateless bytes are skipped); see
 * blocktest_stateless.c.
 * --stateless --guest ELF [--runner zkl1|qemu] [--qemu PATH] runs each block's input through
 * the guest program (guest/main.c) in the zkl1 VM (default) or qemu-riscv64, and requires its
 * output to equal the native validator's and statelessOutputBytes; see blocktest_guest.c.
 */
#define _GNU_SOURCE /* POSIX: fork, getline, strdup, clock_gettime, MAP_ANONYMOUS */
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "blocktest_fixture.h"
#include "fixture_files.h"
#include "guest_cli.h"
#include "stateless_cli.h"

typedef struct options {
    const char **networks;
    size_t num_networks;
    int jobs;
    unsigned timeout;
    const char *known_failures;
    long min_pass;
    bool show_rejections;
    bool stateless;                 /* --stateless: compare stateless outputs instead */
    zk_stateless_format stateless_format;
    zk_guest guest;                 /* --guest: the stateless guest ELF (guest.elf != NULL) */
} options;

/* ---- collecting fixture files ---- */

/* Lists of strings (fixture files, known failures, passed tests) are zk_strlist
 * (fixture_files.h); running out of memory for one ends the run. */
typedef zk_strlist strlist;

static void strlist_add(strlist *l, const char *s)
{
    if (zk_strlist_push(l, s) != 0) {
        perror("zkl1 blocktest");
        exit(2);
    }
}

/* ---- the worker side ---- */

typedef struct shared {
    size_t next_file; /* claimed with __atomic_fetch_add */
} shared;

static bool network_selected(const options *o, const char *network)
{
    if (o->num_networks == 0)
        return o->stateless || bt_network_is_default(network);
    for (size_t i = 0; network && i < o->num_networks; i++)
        if (strcmp(o->networks[i], network) == 0 || strcmp(o->networks[i], "all") == 0)
            return true;
    return false;
}

/* Records, one per line, in the worker's results file:
 *   B <file>                           a file starts
 *   T <file> <test> <id> [<network>]   a test starts
 *   P / S                              it passed / was skipped
 *   X <reason>                         it failed
 *   J <file> <reason>                  the whole file failed (not a test)
 *   E <file>                           the file is done */
static void record(FILE *out, const char *fmt, const char *a, const char *b)
{
    fprintf(out, fmt, a, b);
    fflush(out);
}

/* Newlines would break the record format. */
static void flatten(char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\r' || *s == '\t')
            *s = ' ';
}

static void run_file(const options *o, FILE *out, size_t file_idx, const char *path, size_t first_test)
{
    char idx[32];
    snprintf(idx, sizeof idx, "%zu", file_idx);
    record(out, "B %s\n", idx, NULL);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root || !json_is_object(root)) {
        char why[400];
        snprintf(why, sizeof why, "not a JSON object of tests: %s (line %d)", root ? "" : jerr.text, jerr.line);
        flatten(why);
        record(out, "J %s %s\n", idx, why);
        record(out, "E %s\n", idx, NULL);
        json_decref(root);
        return;
    }
    const char *id;
    json_t *test;
    size_t k = 0;
    json_object_foreach(root, id, test) {
        if (k++ < first_test)
            continue;
        const char *network = json_string_value(json_object_get(test, "network"));
        char head[64];
        snprintf(head, sizeof head, "T %s %zu ", idx, k - 1);
        fprintf(out, "%s%s [%s]\n", head, id, network ? network : "?");
        fflush(out);
        if (!network_selected(o, network)) {
            record(out, "S\n", NULL, NULL);
            continue;
        }
        char reason[1024] = "";
        if (o->stateless) {
            alarm(o->timeout);
            int rc = o->guest.elf ? bt_guest_run(test, &o->guest, reason, sizeof reason)
                                  : bt_stateless_run(test, o->stateless_format, reason, sizeof reason);
            alarm(0);
            flatten(reason);
            record(out, rc == 0 ? "P\n" : rc > 0 ? "S\n" : "X %s\n", reason, NULL);
            continue;
        }
        bt_test t;
        alarm(o->timeout);
        int rc = bt_test_prepare(&t, test, id, reason, sizeof reason);
        t.rejections = o->show_rejections ? stderr : NULL;
        if (rc == 0)
            rc = bt_test_run(&t, NULL, reason, sizeof reason);
        bt_test_free(&t);
        alarm(0);
        if (rc == 0) {
            record(out, "P\n", NULL, NULL);
        } else {
            flatten(reason);
            record(out, "X %s\n", reason, NULL);
        }
    }
    json_decref(root);
    record(out, "E %s\n", idx, NULL);
}

static void worker(const options *o, const strlist *files, shared *sh, FILE *out, long retry_file, size_t retry_test)
{
    if (retry_file >= 0)
        run_file(o, out, (size_t)retry_file, files->items[retry_file], retry_test);
    for (;;) {
        size_t i = __atomic_fetch_add(&sh->next_file, 1, __ATOMIC_RELAXED);
        if (i >= files->len)
            break;
        run_file(o, out, i, files->items[i], 0);
    }
}

/* ---- the parent side ---- */

typedef struct failure {
    char *key;    /* "<id> [<network>]" */
    char *reason;
} failure;

typedef struct results {
    size_t passed, skipped;
    strlist passed_keys; /* kept only with --known-failures, for XPASS */
    bool keep_passed;
    failure *fails;
    size_t num_fails, cap_fails;
} results;

static void add_failure(results *r, const char *key, const char *reason)
{
    if (r->num_fails == r->cap_fails) {
        r->cap_fails = r->cap_fails ? r->cap_fails * 2 : 64;
        r->fails = realloc(r->fails, r->cap_fails * sizeof *r->fails);
        if (!r->fails) {
            perror("zkl1 blocktest");
            exit(2);
        }
    }
    r->fails[r->num_fails].key = strdup(key);
    r->fails[r->num_fails].reason = strdup(reason);
    r->num_fails++;
}

/* Where a worker stopped when it did not finish its file. */
typedef struct stop_point {
    bool in_file;     /* a file was begun and not finished */
    bool in_test;     /* ... and a test of it was running */
    size_t file;
    size_t next_test; /* the first test not done */
    char key[4096];   /* the running test's "<id> [<network>]" */
} stop_point;

/* Counts a worker's records into `r` and says where it stopped. */
static void read_records(FILE *f, const strlist *files, results *r, stop_point *sp)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    memset(sp, 0, sizeof *sp);
    rewind(f);
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = 0;
        size_t fi, ti;
        int off = 0;
        switch (line[0]) {
        case 'B':
            if (sscanf(line, "B %zu", &fi) == 1) {
                sp->in_file = true;
                sp->in_test = false;
                sp->file = fi;
                sp->next_test = 0;
            }
            break;
        case 'T':
            if (sscanf(line, "T %zu %zu %n", &fi, &ti, &off) >= 2 && off > 0) {
                snprintf(sp->key, sizeof sp->key, "%s", line + off);
                sp->in_test = true;
                sp->next_test = ti + 1;
            }
            break;
        case 'P':
        case 'S':
        case 'X':
            if (!sp->in_test)
                break;
            if (line[0] == 'P') {
                r->passed++;
                if (r->keep_passed)
                    strlist_add(&r->passed_keys, sp->key);
            } else if (line[0] == 'S') {
                r->skipped++;
            } else {
                add_failure(r, sp->key, line + 2);
            }
            sp->in_test = false;
            break;
        case 'J':
            if (sscanf(line, "J %zu %n", &fi, &off) >= 1 && off > 0 && fi < files->len)
                add_failure(r, files->items[fi], line + off);
            break;
        case 'E':
            sp->in_file = false;
            sp->in_test = false;
            break;
        }
    }
    free(line);
    /* The worker may be replaced and its file reused: drop what was consumed. */
    if (ftruncate(fileno(f), 0) != 0)
        perror("zkl1 blocktest: ftruncate");
    rewind(f);
}

typedef struct slot {
    pid_t pid;
    FILE *out;
} slot;

static pid_t spawn(const options *o, const strlist *files, shared *sh, FILE *out, long retry_file, size_t retry_test)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("zkl1 blocktest: fork");
        exit(2);
    }
    if (pid == 0) {
        worker(o, files, sh, out, retry_file, retry_test);
        fflush(out);
        _exit(0);
    }
    return pid;
}

static void describe_death(int status, unsigned timeout, char *buf, size_t len)
{
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        snprintf(buf, len, "timed out after %u s", timeout);
    else if (WIFSIGNALED(status))
        snprintf(buf, len, "worker killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(buf, len, "worker exited with status %d (crash or sanitizer report)", WEXITSTATUS(status));
}

static void run_all(const options *o, const strlist *files, results *r)
{
    shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED) {
        perror("zkl1 blocktest: mmap");
        exit(2);
    }
    sh->next_file = 0;
    int jobs = o->jobs;
    if ((size_t)jobs > files->len)
        jobs = files->len ? (int)files->len : 1;
    slot *slots = calloc((size_t)jobs, sizeof *slots);
    for (int i = 0; i < jobs; i++) {
        slots[i].out = tmpfile();
        if (!slots[i].out) {
            perror("zkl1 blocktest: tmpfile");
            exit(2);
        }
        slots[i].pid = spawn(o, files, sh, slots[i].out, -1, 0);
    }
    int alive = jobs;
    while (alive > 0) {
        int status;
        pid_t pid = wait(&status);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        int i = 0;
        while (i < jobs && slots[i].pid != pid)
            i++;
        if (i == jobs)
            continue;
        stop_point sp;
        read_records(slots[i].out, files, r, &sp);
        bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        slots[i].pid = 0;
        alive--;
        if (clean && !sp.in_file)
            continue;
        if (sp.in_test) {
            char why[256];
            describe_death(status, o->timeout, why, sizeof why);
            add_failure(r, sp.key, why);
        }
        if (sp.in_file) {
            /* Resume the interrupted file after its last finished (or failed) test. */
            slots[i].pid = spawn(o, files, sh, slots[i].out, (long)sp.file, sp.next_test);
            alive++;
        } else if (__atomic_load_n(&sh->next_file, __ATOMIC_RELAXED) < files->len) {
            slots[i].pid = spawn(o, files, sh, slots[i].out, -1, 0);
            alive++;
        }
    }
    for (int i = 0; i < jobs; i++)
        fclose(slots[i].out);
    free(slots);
    munmap(sh, sizeof *sh);
}

/* ---- known failures ---- */

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
}

static int load_known(const char *path, strlist *known)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "zkl1 blocktest: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *hash = strstr(line, " #");
        if (line[0] == '#')
            continue;
        if (hash)
            *hash = 0;
        trim(line);
        if (line[0])
            strlist_add(known, line);
    }
    free(line);
    fclose(f);
    zk_strlist_sort(known);
    return 0;
}

static bool is_known(const strlist *known, const char *key)
{
    return zk_strlist_contains(known, key);
}

static int cmp_failure(const void *a, const void *b)
{
    return strcmp(((const failure *)a)->key, ((const failure *)b)->key);
}

/* ---- entry point ---- */

static void usage(void)
{
    fprintf(stderr, "usage: zkl1 blocktest [--network NAME]... [-j N] [--timeout S] [--known-failures FILE]\n"
                    "                      [--min-pass N] [--show-rejections]\n"
                    "                      [--stateless [--format v0.3.3|canonical]\n"
                    "                       [--guest ELF [--runner zkl1|qemu] [--qemu PATH]]] PATH...\n");
}

int cmd_blocktest(int argc, char **argv)
{
    options o = {0};
    o.guest.qemu = "qemu-riscv64";
    const char *guest_path = NULL;
    o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    o.timeout = 600;
    o.networks = calloc((size_t)argc, sizeof *o.networks);
    strlist files = {0}, known = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "--network") && has_value) {
            o.networks[o.num_networks++] = argv[++i];
        } else if (!strcmp(a, "-j") && has_value) {
            o.jobs = atoi(argv[++i]);
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            o.jobs = atoi(a + 2);
        } else if (!strcmp(a, "--timeout") && has_value) {
            o.timeout = (unsigned)atoi(argv[++i]);
        } else if (!strcmp(a, "--known-failures") && has_value) {
            o.known_failures = argv[++i];
        } else if (!strcmp(a, "--show-rejections")) {
            o.show_rejections = true;
        } else if (!strcmp(a, "--stateless")) {
            o.stateless = true;
        } else if (!strcmp(a, "--format") && has_value && sl_parse_format(argv[i + 1], &o.stateless_format)) {
            i++;
        } else if (!strcmp(a, "--guest") && has_value) {
            guest_path = argv[++i];
        } else if (!strcmp(a, "--runner") && has_value && zk_guest_parse_runner(argv[i + 1], &o.guest.runner)) {
            i++;
        } else if (!strcmp(a, "--qemu") && has_value) {
            o.guest.qemu = argv[++i];
        } else if (!strcmp(a, "--min-pass") && has_value) {
            o.min_pass = atol(argv[++i]);
        } else if (a[0] == '-') {
            usage();
            goto usage_error;
        } else if (zk_collect_fixture_files("zkl1 blocktest", a, &files) != 0) {
            goto usage_error;
        }
    }
    if (files.len == 0) {
        usage();
        goto usage_error;
    }
    if (o.jobs < 1)
        o.jobs = 1;
    if (o.known_failures && load_known(o.known_failures, &known) != 0)
        goto usage_error;
    if (guest_path) {
        if (!o.stateless) {
            fprintf(stderr, "zkl1 blocktest: --guest needs --stateless\n");
            goto usage_error;
        }
        o.guest.format = o.stateless_format;
        if (zk_guest_load(&o.guest, guest_path) != 0)
            goto usage_error;
    }

    results r = {0};
    r.keep_passed = o.known_failures != NULL;
    run_all(&o, &files, &r);

    if (r.num_fails > 1)
        qsort(r.fails, r.num_fails, sizeof *r.fails, cmp_failure);
    size_t unexpected = 0;
    for (size_t i = 0; i < r.num_fails; i++) {
        bool k = o.known_failures && is_known(&known, r.fails[i].key);
        unexpected += !k;
        printf("%s %s: %s\n", k ? "XFAIL" : "FAIL", r.fails[i].key, r.fails[i].reason);
    }
    if (o.known_failures) {
        /* Listed tests that ran and passed: the list can shrink. */
        zk_strlist_sort(&r.passed_keys);
        for (size_t i = 0; i < known.len; i++)
            if (is_known(&r.passed_keys, known.items[i]))
                printf("XPASS %s\n", known.items[i]);
    }
    if (o.min_pass > 0 && (long)r.passed < o.min_pass)
        printf("pass count %zu is below the floor of %ld\n", r.passed, o.min_pass);
    printf("%zu passed, %zu failed, %zu skipped\n", r.passed, r.num_fails, r.skipped);

    int rc = unexpected == 0 && (long)r.passed >= o.min_pass ? 0 : 1;
    for (size_t i = 0; i < r.num_fails; i++) {
        free(r.fails[i].key);
        free(r.fails[i].reason);
    }
    free(r.fails);
    zk_strlist_free(&r.passed_keys);
    zk_strlist_free(&files);
    zk_strlist_free(&known);
    free(o.networks);
    zk_guest_free(&o.guest);
    return rc;

usage_error:
    zk_strlist_free(&files);
    zk_strlist_free(&known);
    free(o.networks);
    return 2;
}
