/* bench_evm.c — `zkl1 bench evm`: block execution throughput on fixture blocks.
 *
 *   zkl1 bench evm [--iterations N] [--min-time S] [--network NAME]... PATH...
 *
 * Every selected test of every fixture file is decoded once; then its blocks are imported
 * into a fresh copy of the pre-state, repeatedly, until both N iterations and S seconds
 * are reached (defaults 1 and 0). Only block validation and execution are timed
 * (zk_block_apply: header checks, sender recovery, EVM, receipts, roots, state root), not
 * JSON parsing, decoding or pre-state loading. Prints gas, seconds and Mgas/s per file
 * and in total. Tests whose blocks do not import as the fixture says are reported and left
 * out of the figures.
 */
#define _GNU_SOURCE /* POSIX: fork, getline, strdup, clock_gettime, MAP_ANONYMOUS */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocktest_fixture.h"
#include "fixture_files.h"

typedef struct bench_opts {
    long iterations;
    double min_time;
    const char **networks;
    size_t num_networks;
} bench_opts;

static bool selected(const bench_opts *o, const char *network)
{
    if (o->num_networks == 0)
        return bt_network_is_default(network);
    for (size_t i = 0; network && i < o->num_networks; i++)
        if (!strcmp(o->networks[i], network))
            return true;
    return false;
}

typedef struct totals {
    uint64_t gas;
    double seconds;
    size_t tests, broken;
} totals;

/* Runs one test until the iteration and time goals are met. */
static int bench_test(const bench_opts *o, bt_test *t, totals *sum)
{
    char reason[512];
    for (long it = 0;; it++) {
        uint64_t gas = 0;
        double s = 0;
        if (bt_test_execute(t, &gas, &s, reason, sizeof reason) != 0) {
            fprintf(stderr, "bench evm: %s: %s\n", t->id, reason);
            return -1;
        }
        sum->gas += gas;
        sum->seconds += s;
        if (it + 1 >= o->iterations && sum->seconds >= o->min_time)
            return 0;
        if (gas == 0 && it + 1 >= o->iterations)
            return 0; /* nothing to measure: do not spin on min_time */
    }
}

static void bench_file(const bench_opts *o, const char *path, totals *all)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root) {
        fprintf(stderr, "bench evm: %s: %s\n", path, jerr.text);
        all->broken++;
        return;
    }
    totals file = {0};
    const char *id;
    json_t *test;
    json_object_foreach(root, id, test) {
        if (!selected(o, json_string_value(json_object_get(test, "network"))))
            continue;
        bt_test t;
        char err[512];
        totals one = {0};
        if (bt_test_prepare(&t, test, id, err, sizeof err) != 0) {
            fprintf(stderr, "bench evm: %s: %s\n", id, err);
            file.broken++;
        } else if (bench_test(o, &t, &one) != 0) {
            file.broken++;
        } else {
            file.gas += one.gas;
            file.seconds += one.seconds;
            file.tests++;
        }
        bt_test_free(&t);
    }
    json_decref(root);
    if (file.tests)
        printf("%-70s %14llu gas %9.4f s %10.2f Mgas/s\n", path, (unsigned long long)file.gas, file.seconds,
               file.seconds > 0 ? (double)file.gas / file.seconds / 1e6 : 0.0);
    all->gas += file.gas;
    all->seconds += file.seconds;
    all->tests += file.tests;
    all->broken += file.broken;
}

/* The fixture files of `path` (fixture_files.h), each benchmarked in name order; a path that
 * cannot be read counts as broken. */
static void bench_path(const bench_opts *o, const char *path, totals *all)
{
    zk_strlist files = {0};
    if (zk_collect_fixture_files("zkl1 bench evm", path, &files) != 0)
        all->broken++;
    for (size_t i = 0; i < files.len; i++)
        bench_file(o, files.items[i], all);
    zk_strlist_free(&files);
}

int bench_evm(int argc, char **argv)
{
    bench_opts o = {1, 0.0, NULL, 0};
    o.networks = calloc((size_t)argc, sizeof *o.networks);
    const char **paths = calloc((size_t)argc, sizeof *paths);
    size_t num_paths = 0;
    for (int i = 1; i < argc; i++) {
        bool has_value = i + 1 < argc;
        if (!strcmp(argv[i], "--iterations") && has_value)
            o.iterations = atol(argv[++i]);
        else if (!strcmp(argv[i], "--min-time") && has_value)
            o.min_time = atof(argv[++i]);
        else if (!strcmp(argv[i], "--network") && has_value)
            o.networks[o.num_networks++] = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: zkl1 bench evm [--iterations N] [--min-time S] [--network NAME]... PATH...\n");
            free(o.networks);
            free(paths);
            return 2;
        } else
            paths[num_paths++] = argv[i];
    }
    if (num_paths == 0) {
        fprintf(stderr, "usage: zkl1 bench evm [--iterations N] [--min-time S] [--network NAME]... PATH...\n");
        free(o.networks);
        free(paths);
        return 2;
    }
    if (o.iterations < 1)
        o.iterations = 1;
    totals all = {0};
    for (size_t i = 0; i < num_paths; i++)
        bench_path(&o, paths[i], &all);
    printf("total: %zu tests, %llu gas, %.4f s, %.2f Mgas/s", all.tests, (unsigned long long)all.gas, all.seconds,
           all.seconds > 0 ? (double)all.gas / all.seconds / 1e6 : 0.0);
    if (all.broken)
        printf(" (%zu tests or files could not be run, see stderr)", all.broken);
    printf("\n");
    free(o.networks);
    free(paths);
    return all.broken ? 1 : 0;
}
