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
 * region (state_root in block_execution) is also counted in its parent. Last, the top
 * functions: instructions retired in each ELF symbol (zk_vm_foreach_pc_count).
 *
 * Fixture tests without stateless bytes (the Osaka benchmark fixtures) get their inputs from
 * zk_witness_generate (witness_gen.h) and run on the guest's Osaka build, <name>-osaka.elf;
 * their figures are reported separately. --max-gas skips the larger blocks (10 Mgas
 * blocks take seconds each in the VM).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena_malloc.h"
#include "guest_cli.h"
#include "fixture_files.h"
#include "stateless_cli.h"
#include "witness_gen.h"

int bench_vm_guest(const char *const *guests, size_t num_guests, const char *const *paths, size_t num_paths,
                   uint64_t max_gas);

/* ---- function symbols of a guest ELF (for the per-function profile) ---- */

typedef struct func_sym {
    uint64_t addr, size;
    const char *name; /* into the ELF bytes */
    uint64_t count;   /* instructions retired inside it, summed over the runs */
} func_sym;

typedef struct symtab {
    func_sym *v;
    size_t n;
    size_t cursor; /* zk_vm_foreach_pc_count walks pcs in ascending order */
} symtab;

static uint64_t rd_le(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static int cmp_sym_addr(const void *a, const void *b)
{
    const func_sym *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* The STT_FUNC symbols of an ELF64 (little-endian) image; an empty table when it has none
 * or anything is out of bounds (the VM has validated the program headers, not these). */
static void symtab_load(symtab *t, const uint8_t *elf, size_t len)
{
    memset(t, 0, sizeof *t);
    if (len < 64)
        return;
    uint64_t shoff = rd_le(elf + 0x28, 8), shentsize = rd_le(elf + 0x3a, 2), shnum = rd_le(elf + 0x3c, 2);
    if (shentsize != 64 || shoff > len || shnum > (len - shoff) / 64)
        return;
    for (uint64_t i = 0; i < shnum; i++) {
        const uint8_t *sh = elf + shoff + 64 * i;
        if (rd_le(sh + 4, 4) != 2) /* SHT_SYMTAB */
            continue;
        uint64_t off = rd_le(sh + 24, 8), size = rd_le(sh + 32, 8), link = rd_le(sh + 40, 4);
        if (off > len || size > len - off || link >= shnum)
            return;
        const uint8_t *str_sh = elf + shoff + 64 * link;
        uint64_t str_off = rd_le(str_sh + 24, 8), str_size = rd_le(str_sh + 32, 8);
        if (str_off > len || str_size > len - str_off || str_size == 0 || elf[str_off + str_size - 1] != 0)
            return;
        size_t count = (size_t)(size / 24);
        t->v = calloc(count + 1, sizeof *t->v);
        if (!t->v)
            return;
        for (size_t k = 0; k < count; k++) {
            const uint8_t *sym = elf + off + 24 * k;
            uint64_t name = rd_le(sym, 4), value = rd_le(sym + 8, 8), sz = rd_le(sym + 16, 8);
            if ((sym[4] & 0xf) != 2 || name >= str_size || sz == 0) /* STT_FUNC with a size */
                continue;
            t->v[t->n++] = (func_sym){value, sz, (const char *)elf + str_off + name, 0};
        }
        qsort(t->v, t->n, sizeof *t->v, cmp_sym_addr);
        return;
    }
}

static void symtab_count(void *user, uint64_t pc, uint64_t count)
{
    symtab *t = user;
    if (t->cursor > 0 && pc < t->v[t->cursor - 1].addr)
        t->cursor = 0; /* a new run starts from the lowest pc again */
    while (t->cursor < t->n && pc >= t->v[t->cursor].addr + t->v[t->cursor].size)
        t->cursor++;
    if (t->cursor < t->n && pc >= t->v[t->cursor].addr)
        t->v[t->cursor].count += count;
}

static int cmp_sym_count(const void *a, const void *b)
{
    const func_sym *x = a, *y = b;
    return x->count < y->count ? 1 : x->count > y->count ? -1 : 0;
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

/* Figures of one guest over one set of blocks. */
typedef struct stats {
    double *cpg; /* cycles per gas of each valid block with gas */
    size_t n_cpg, cap_cpg;
    uint64_t blocks, mismatches, failures, gas, cycles;
    double max_cpg;
    char worst[512]; /* the block with the highest cycles per gas */
    tallies regions;
    symtab *functions; /* the guest's per-function instruction counts (NULL: none) */
} stats;

typedef struct bench_ctx {
    zk_guest *guest;
    zk_guest *osaka; /* the guest built for Osaka rules (generated inputs), or NULL */
    zk_arena arena;
    const char *test_id;
    stats fixtures;  /* blocks with statelessInputBytes */
    stats generated; /* blocks whose inputs zk_witness_generate made */
} bench_ctx;

/* Runs guest g on one input whose native output and verdict are known; adds to s. Returns
 * -1 only when out of memory (a failed or differing run is counted, not fatal). */
static int measure(stats *s, const zk_guest *g, const char *test_id, size_t index, const uint8_t *in, size_t len,
                   const uint8_t *native, size_t native_len, bool valid, uint64_t gas)
{
    s->blocks++;
    uint8_t *out;
    size_t out_len;
    zk_guest_run run;
    char why[512];
    if (zk_guest_exec(g, in, len, &out, &out_len, &run, why, sizeof why) != 0) {
        fprintf(stderr, "zkl1 bench vm: %s block %zu: %s\n", test_id, index, why);
        s->failures++;
        return 0;
    }
    bool same = out_len == native_len && memcmp(out, native, out_len) == 0;
    free(out);
    if (!same) {
        fprintf(stderr, "zkl1 bench vm: %s block %zu: guest output differs from the native validator's\n", test_id,
                index);
        s->mismatches++;
    } else if (valid && gas > 0) {
        double cpg = (double)run.cycles / (double)gas;
        if (cpg > s->max_cpg) {
            s->max_cpg = cpg;
            snprintf(s->worst, sizeof s->worst, "%s block %zu, %" PRIu64 " gas", test_id, index, gas);
        }
        if (s->n_cpg == s->cap_cpg) {
            size_t cap = s->cap_cpg ? 2 * s->cap_cpg : 256;
            double *v = realloc(s->cpg, cap * sizeof *v);
            if (!v) {
                json_decref(run.report);
                return -1;
            }
            s->cpg = v;
            s->cap_cpg = cap;
        }
        s->cpg[s->n_cpg++] = cpg;
        s->gas += gas;
        s->cycles += run.cycles;
        if (run.report)
            tally_report(&s->regions, run.report);
    }
    json_decref(run.report);
    return 0;
}

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
    if (st != ZK_OK) {
        c->fixtures.blocks++;
        c->fixtures.failures++;
        return 0;
    }
    if (measure(&c->fixtures, c->guest, c->test_id, b->index, b->input, b->input_len, native, native_len, rep.valid,
                rep.gas_used) != 0) {
        snprintf(err, err_len, "out of memory");
        return -1;
    }
    return 0;
}

static int generated_block(void *user, size_t index, const uint8_t *in, size_t len, const uint8_t *native,
                           size_t native_len, uint64_t gas)
{
    bench_ctx *c = user;
    return measure(&c->generated, c->osaka, c->test_id, index, in, len, native, native_len, true, gas);
}

static void print_stats(const char *what, stats *s)
{
    printf("  %s: %" PRIu64 " blocks, %zu valid with gas (%" PRIu64 " gas, %.3f G cycles)", what, s->blocks, s->n_cpg,
           s->gas, (double)s->cycles / 1e9);
    if (s->mismatches || s->failures)
        printf(", %" PRIu64 " outputs differ from the native validator, %" PRIu64 " runs failed", s->mismatches,
               s->failures);
    printf("\n");
    if (s->n_cpg == 0)
        return;
    qsort(s->cpg, s->n_cpg, sizeof *s->cpg, cmp_double);
    printf("    cycles per gas: median %.2f, p90 %.2f, max %.2f (%s), aggregate %.2f\n",
           quantile(s->cpg, s->n_cpg, 0.5), quantile(s->cpg, s->n_cpg, 0.9), s->cpg[s->n_cpg - 1], s->worst,
           (double)s->cycles / (double)s->gas);
    qsort(s->regions.v, s->regions.n, sizeof *s->regions.v, cmp_tally);
    printf("    where the cycles go (regions inclusive; summed over these blocks):\n");
    for (size_t i = 0; i < s->regions.n; i++) {
        const tally *t = &s->regions.v[i];
        printf("      %-24s %-11s %9.1f M cycles %6.1f %%  %10" PRIu64 " %s\n", t->name,
               t->accelerator ? "accelerator" : "region", (double)t->cycles / 1e6,
               100.0 * (double)t->cycles / (double)s->cycles, t->count, t->accelerator ? "calls" : "times");
    }
    if (s->functions && s->functions->n > 0) {
        symtab *f = s->functions;
        qsort(f->v, f->n, sizeof *f->v, cmp_sym_count);
        printf("    top functions (instructions retired in the function itself, all runs):\n");
        for (size_t i = 0; i < f->n && i < 15 && f->v[i].count > 0; i++)
            printf("      %-40s %9.1f M instr %6.1f %%\n", f->v[i].name, (double)f->v[i].count / 1e6,
                   100.0 * (double)f->v[i].count / (double)s->cycles);
        qsort(f->v, f->n, sizeof *f->v, cmp_sym_addr);
    }
}

static void stats_free(stats *s)
{
    free(s->cpg);
    free(s->regions.v);
}

static int bench_guest(zk_guest *g, zk_guest *osaka, const zk_strlist *files, uint64_t max_gas)
{
    bench_ctx c = {.guest = g, .osaka = osaka};
    symtab syms, osaka_syms = {0};
    symtab_load(&syms, g->elf, g->elf_len);
    g->pc_count = symtab_count;
    g->pc_count_user = &syms;
    c.fixtures.functions = &syms;
    if (osaka) {
        symtab_load(&osaka_syms, osaka->elf, osaka->elf_len);
        osaka->pc_count = symtab_count;
        osaka->pc_count_user = &osaka_syms;
        c.generated.functions = &osaka_syms;
    }
    zk_arena_init_malloc(&c.arena, 1u << 22);
    int rc = 0;
    for (size_t f = 0; f < files->len && rc == 0; f++) {
        json_error_t jerr;
        json_t *root = json_load_file(files->items[f], 0, &jerr);
        if (!root) {
            fprintf(stderr, "zkl1 bench vm: %s: %s\n", files->items[f], jerr.text);
            continue;
        }
        const char *id;
        json_t *test;
        json_object_foreach(root, id, test) {
            char err[512] = "";
            c.test_id = id;
            long n = sl_foreach_block(test, bench_block, &c, err, sizeof err);
            if (n < 0 && err[0]) {
                fprintf(stderr, "zkl1 bench vm: %s: %s\n", id, err);
                rc = -1;
                break;
            }
            if (n > 0 || !osaka)
                continue;
            /* No stateless bytes: make the inputs, for Osaka tests (the -osaka guest). */
            const char *network = json_string_value(json_object_get(test, "network"));
            if (!network || strcmp(network, "Osaka") != 0)
                continue;
            zk_chain_config rules;
            if (zk_witness_generate(test, id, max_gas, 0, &rules, generated_block, &c, err, sizeof err) < 0) {
                fprintf(stderr, "zkl1 bench vm: %s: %s\n", id, err);
                c.generated.failures++;
            }
        }
        json_decref(root);
    }
    zk_arena_release(&c.arena);
    printf("%s\n", g->path);
    print_stats("zkEVM fixture blocks (statelessInputBytes)", &c.fixtures);
    if (osaka && (c.generated.blocks > 0 || c.generated.failures > 0))
        print_stats("blocks with generated witnesses (Osaka guest)", &c.generated);
    int bad = c.fixtures.mismatches || c.fixtures.failures || c.generated.mismatches || c.generated.failures;
    stats_free(&c.fixtures);
    stats_free(&c.generated);
    free(syms.v);
    free(osaka_syms.v);
    return rc != 0 || bad ? 1 : 0;
}

int bench_vm_guest(const char *const *guests, size_t num_guests, const char *const *paths, size_t num_paths,
                   uint64_t max_gas)
{
    zk_strlist files = {0};
    for (size_t i = 0; i < num_paths; i++)
        if (zk_collect_fixture_files("zkl1 bench vm", paths[i], &files) != 0) {
            zk_strlist_free(&files);
            return 2;
        }
    int rc = 0;
    for (size_t i = 0; i < num_guests; i++) {
        zk_guest g = {.runner = ZK_GUEST_RUNNER_ZKL1, .format = ZK_STATELESS_V033};
        if (zk_guest_load(&g, guests[i]) != 0) {
            rc = 2;
            break;
        }
        /* Its Osaka build, <name>-osaka.elf, for fixtures without stateless bytes. */
        char osaka_path[4200];
        size_t n = strlen(guests[i]);
        zk_guest osaka = g;
        osaka.elf = NULL;
        bool have_osaka = n > 4 && !strcmp(guests[i] + n - 4, ".elf") && n < sizeof osaka_path - 8;
        if (have_osaka) {
            snprintf(osaka_path, sizeof osaka_path, "%.*s-osaka.elf", (int)(n - 4), guests[i]);
            FILE *probe = fopen(osaka_path, "rb");
            have_osaka = probe != NULL;
            if (probe)
                fclose(probe);
        }
        if (have_osaka && zk_guest_load(&osaka, osaka_path) != 0)
            have_osaka = false;
        if (bench_guest(&g, have_osaka ? &osaka : NULL, &files, max_gas) != 0)
            rc = 1;
        zk_guest_free(&osaka);
        zk_guest_free(&g);

    }
    zk_strlist_free(&files);
    return rc;
}
