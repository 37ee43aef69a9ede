/* bench_vm_guest.c — `zkl1 bench vm --fixtures PATH... [--guest ELF]...`: the stateless
 * guest's cycles per gas in the zkl1 VM (see bench_vm.c for the option parsing).
 *
 * Every block of the fixtures that carries statelessInputBytes is validated natively (for
 * its verdict and gas used) and run through each guest ELF in the VM; the guest's output
 * must equal the native validator's. For the valid blocks with gas, cycles / gas is the
 * figure: median, p90 and max over the blocks, and the aggregate (all cycles over all gas).
 * Then where the cycles go: the guest's named regions (guest/main.c, src/stateless: phases,
 * the state root, software crypto in the pure flavour) and accelerator calls, summed over
 * those blocks, largest first, as a share of all cycles. Regions are inclusive: a nested
 * region (state_root in block_execution) is also counted in its parent.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/arena_malloc.h"
#include "guest_cli.h"
#include "stateless_cli.h"

int bench_vm_guest(const char *const *guests, size_t num_guests, const char *const *paths, size_t num_paths);

/* ---- fixture files, recursively, in a stable order ---- */

typedef struct names {
    char **v;
    size_t n, cap;
} names;

static int names_push(names *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(s)))
        return -1;
    l->n++;
    return 0;
}

static void names_free(names *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int collect_json(const char *path, names *out)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "zkl1 bench vm: %s: cannot read\n", path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        return n > 5 && !strcmp(path + n - 5, ".json") ? names_push(out, path) : 0;
    }
    DIR *d = opendir(path);
    if (!d)
        return -1;
    names here = {0};
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *p;
        if (asprintf(&p, "%s/%s", path, e->d_name) < 0) {
            rc = -1;
            break;
        }
        rc = names_push(&here, p);
        free(p);
    }
    closedir(d);
    if (here.n > 1)
        qsort(here.v, here.n, sizeof *here.v, cmp_name);
    for (size_t i = 0; rc == 0 && i < here.n; i++)
        rc = collect_json(here.v[i], out);
    names_free(&here);
    return rc;
}

/* ---- per-name cycle totals ---- */

typedef struct tally {
    char name[64];
    bool accelerator;
    uint64_t cycles, count;
} tally;

typedef struct tallies {
    tally *v;
    size_t n, cap;
} tallies;

static void tally_add(tallies *t, const char *name, bool accelerator, uint64_t cycles, uint64_t count)
{
    size_t i = 0;
    while (i < t->n && !(t->v[i].accelerator == accelerator && !strcmp(t->v[i].name, name)))
        i++;
    if (i == t->n) {
        if (t->n == t->cap) {
            size_t cap = t->cap ? 2 * t->cap : 32;
            tally *v = realloc(t->v, cap * sizeof *v);
            if (!v)
                return;
            t->v = v;
            t->cap = cap;
        }
        memset(&t->v[i], 0, sizeof t->v[i]);
        snprintf(t->v[i].name, sizeof t->v[i].name, "%s", name);
        t->v[i].accelerator = accelerator;
        t->n++;
    }
    t->v[i].cycles += cycles;
    t->v[i].count += count;
}

/* Adds the regions and accelerators of one VM report. */
static void tally_report(tallies *t, json_t *report)
{
    const char *name;
    json_t *v;
    json_object_foreach(json_object_get(report, "regions"), name, v)
        tally_add(t, name, false, (uint64_t)json_integer_value(json_object_get(v, "cycles")),
                  (uint64_t)json_integer_value(json_object_get(v, "count")));
    json_object_foreach(json_object_get(report, "accelerators"), name, v)
        tally_add(t, name, true, (uint64_t)json_integer_value(json_object_get(v, "cycles")),
                  (uint64_t)json_integer_value(json_object_get(v, "calls")));
}

static int cmp_tally(const void *a, const void *b)
{
    const tally *x = a, *y = b;
    return x->cycles < y->cycles ? 1 : x->cycles > y->cycles ? -1 : strcmp(x->name, y->name);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of sorted v[0..n) by the nearest-rank method. */
static double quantile(const double *v, size_t n, double q)
{
    size_t rank = (size_t)(q * (double)n + 0.999999);
    if (rank < 1)
        rank = 1;
    return v[(rank > n ? n : rank) - 1];
}

/* ---- one guest over all blocks ---- */

typedef struct bench_ctx {
    zk_guest *guest;
    zk_arena arena;
    double *cpg; /* cycles per gas of each valid block with gas */
    size_t n_cpg, cap_cpg;
    uint64_t blocks, mismatches, failures, gas, cycles;
    double max_cpg;
    char worst[512]; /* the block with the highest cycles per gas */
    const char *test_id;
    tallies regions;
} bench_ctx;

static int bench_block(void *user, const sl_block *b, char *err, size_t err_len)
{
    bench_ctx *c = user;
    uint8_t native[ZK_STATELESS_OUTPUT_MAX];
    size_t native_len;
    zk_stateless_report rep;
    zk_arena_mark mark = zk_arena_get_mark(&c->arena);
    zk_status st = zk_stateless_validate_ex(c->guest->format, b->input, b->input_len, &c->arena, native, &native_len,
                                            &rep);
    zk_arena_reset(&c->arena, mark);
    c->blocks++;
    if (st != ZK_OK) {
        c->failures++;
        return 0;
    }
    uint8_t *out;
    size_t out_len;
    zk_guest_run run;
    char why[512];
    if (zk_guest_exec(c->guest, b->input, b->input_len, &out, &out_len, &run, why, sizeof why) != 0) {
        fprintf(stderr, "zkl1 bench vm: %s block %zu: %s\n", c->test_id, b->index, why);
        c->failures++;
        return 0;
    }
    bool same = out_len == native_len && memcmp(out, native, out_len) == 0;
    free(out);
    if (!same) {
        fprintf(stderr, "zkl1 bench vm: %s block %zu: guest output differs from the native validator's\n", c->test_id,
                b->index);
        c->mismatches++;
    } else if (rep.valid && rep.gas_used > 0) {
        if (c->n_cpg == c->cap_cpg) {
            size_t cap = c->cap_cpg ? 2 * c->cap_cpg : 256;
            double *v = realloc(c->cpg, cap * sizeof *v);
            if (!v) {
                snprintf(err, err_len, "out of memory");
                json_decref(run.report);
                return -1;
            }
            c->cpg = v;
            c->cap_cpg = cap;
        }
        double cpg = (double)run.cycles / (double)rep.gas_used;
        if (cpg > c->max_cpg) {
            c->max_cpg = cpg;
            snprintf(c->worst, sizeof c->worst, "%s block %zu, %" PRIu64 " gas", c->test_id, b->index, rep.gas_used);
        }
        c->cpg[c->n_cpg++] = cpg;
        c->gas += rep.gas_used;
        c->cycles += run.cycles;
        if (run.report)
            tally_report(&c->regions, run.report);
    }
    json_decref(run.report);
    return 0;
}

static int bench_guest(zk_guest *g, const names *files)
{
    bench_ctx c = {.guest = g};
    zk_arena_init_malloc(&c.arena, 1u << 22);
    int rc = 0;
    for (size_t f = 0; f < files->n && rc == 0; f++) {
        json_error_t jerr;
        json_t *root = json_load_file(files->v[f], 0, &jerr);
        if (!root) {
            fprintf(stderr, "zkl1 bench vm: %s: %s\n", files->v[f], jerr.text);
            continue;
        }
        const char *id;
        json_t *test;
        json_object_foreach(root, id, test) {
            char err[512] = "";
            c.test_id = id;
            if (sl_foreach_block(test, bench_block, &c, err, sizeof err) < 0 && err[0]) {
                fprintf(stderr, "zkl1 bench vm: %s: %s\n", id, err);
                rc = -1;
                break;
            }
        }
        json_decref(root);
    }
    zk_arena_release(&c.arena);

    printf("%s: %" PRIu64 " blocks, %zu valid with gas (%" PRIu64 " gas, %.3f G cycles)", g->path, c.blocks, c.n_cpg,
           c.gas, (double)c.cycles / 1e9);
    if (c.mismatches || c.failures)
        printf(", %" PRIu64 " outputs differ from the native validator, %" PRIu64 " runs failed", c.mismatches,
               c.failures);
    printf("\n");
    if (c.n_cpg > 0) {
        qsort(c.cpg, c.n_cpg, sizeof *c.cpg, cmp_double);
        printf("  cycles per gas: median %.2f, p90 %.2f, max %.2f (%s), aggregate %.2f\n",
               quantile(c.cpg, c.n_cpg, 0.5), quantile(c.cpg, c.n_cpg, 0.9), c.cpg[c.n_cpg - 1], c.worst,
               (double)c.cycles / (double)c.gas);
        qsort(c.regions.v, c.regions.n, sizeof *c.regions.v, cmp_tally);
        printf("  where the cycles go (regions inclusive; summed over these blocks):\n");
        for (size_t i = 0; i < c.regions.n; i++) {
            const tally *t = &c.regions.v[i];
            printf("    %-24s %-11s %8.1f M cycles %6.1f %%  %10" PRIu64 " %s\n", t->name,
                   t->accelerator ? "accelerator" : "region", (double)t->cycles / 1e6,
                   100.0 * (double)t->cycles / (double)c.cycles, t->count, t->accelerator ? "calls" : "times");
        }
    }
    free(c.cpg);
    free(c.regions.v);
    return rc != 0 || c.mismatches != 0 || c.failures != 0 ? 1 : 0;
}

int bench_vm_guest(const char *const *guests, size_t num_guests, const char *const *paths, size_t num_paths)
{
    names files = {0};
    for (size_t i = 0; i < num_paths; i++)
        if (collect_json(paths[i], &files) != 0) {
            names_free(&files);
            return 2;
        }
    int rc = 0;
    for (size_t i = 0; i < num_guests; i++) {
        zk_guest g = {.runner = ZK_GUEST_RUNNER_ZKL1, .format = ZK_STATELESS_V033};
        if (zk_guest_load(&g, guests[i]) != 0) {
            rc = 2;
            break;
        }
        if (bench_guest(&g, &files) != 0)
            rc = 1;
        zk_guest_free(&g);
    }
    names_free(&files);
    return rc;
}
