/* bench_stateless.c — `zkl1 bench stateless`: native throughput of stateless validation.
 *
 *   zkl1 bench stateless [--format v0.3.3|canonical] [--iterations N] [--min-time S] PATH...
 *
 * Loads every block with statelessInputBytes from the fixture files (directories are
 * searched recursively for *.json), then validates all of them in rounds until both N
 * rounds and S seconds are reached (defaults 3 and 1). Timed: zk_stateless_validate alone
 * (decoding, hash_tree_root, witness DBs, header chain, payload to block, execution and
 * the post-state root), not JSON parsing. Prints, per round set, the gas of the valid
 * blocks per second of their validation (Mgas/s), and blocks per second over all blocks.
 */
#define _GNU_SOURCE /* POSIX: clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/arena_malloc.h"
#include "fixture_files.h"
#include "stateless_cli.h"

typedef struct input {
    uint8_t *bytes;
    size_t len;
} input;

typedef struct corpus {
    input *items;
    size_t len, cap;
    size_t broken;
} corpus;

static int keep_block(void *user, const sl_block *b, char *err, size_t err_len)
{
    corpus *c = user;
    if (c->len == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->items = realloc(c->items, c->cap * sizeof *c->items);
        if (!c->items) {
            snprintf(err, err_len, "out of memory");
            return -1;
        }
    }
    uint8_t *copy = malloc(b->input_len ? b->input_len : 1);
    if (!copy) {
        snprintf(err, err_len, "out of memory");
        return -1;
    }
    memcpy(copy, b->input, b->input_len);
    c->items[c->len].bytes = copy;
    c->items[c->len++].len = b->input_len;
    return 0;
}

static void load_file(const char *path, corpus *c)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root || !json_is_object(root)) {
        fprintf(stderr, "bench stateless: %s: %s\n", path, root ? "not an object of tests" : jerr.text);
        json_decref(root);
        c->broken++;
        return;
    }
    const char *id;
    json_t *test;
    json_object_foreach(root, id, test) {
        char err[256];
        if (sl_foreach_block(test, keep_block, c, err, sizeof err) < 0) {
            fprintf(stderr, "bench stateless: %s: %s\n", id, err);
            c->broken++;
        }
    }
    json_decref(root);
}

/* The fixture files of `path` (fixture_files.h), loaded in name order; a path that cannot be
 * read counts as broken. */
static void load_path(const char *path, corpus *c)
{
    zk_strlist files = {0};
    if (zk_collect_fixture_files("zkl1 bench stateless", path, &files) != 0)
        c->broken++;
    for (size_t i = 0; i < files.len; i++)
        load_file(files.items[i], c);
    zk_strlist_free(&files);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void usage(void)
{
    fprintf(stderr, "usage: zkl1 bench stateless [--format v0.3.3|canonical] [--iterations N] [--min-time S] PATH...\n");
}

int bench_stateless(int argc, char **argv)
{
    zk_stateless_format format = ZK_STATELESS_V033;
    long iterations = 3;
    double min_time = 1.0;
    corpus c = {0};
    size_t paths = 0;
    for (int i = 1; i < argc; i++) {
        bool has_value = i + 1 < argc;
        if (!strcmp(argv[i], "--format") && has_value) {
            if (!sl_parse_format(argv[++i], &format)) {
                usage();
                return 2;
            }
        } else if (!strcmp(argv[i], "--iterations") && has_value) {
            iterations = atol(argv[++i]);
        } else if (!strcmp(argv[i], "--min-time") && has_value) {
            min_time = atof(argv[++i]);
        } else if (argv[i][0] == '-') {
            usage();
            return 2;
        } else {
            load_path(argv[i], &c);
            paths++;
        }
    }
    if (paths == 0) {
        usage();
        return 2;
    }
    if (iterations < 1)
        iterations = 1;

    zk_arena arena;
    zk_arena_init_malloc(&arena, 1u << 22);
    uint64_t gas = 0, input_bytes = 0;
    double valid_s = 0, all_s = 0;
    size_t valid = 0, invalid = 0, undecodable = 0, errors = 0;
    long rounds = 0;
    while (c.len && (rounds < iterations || all_s < min_time)) {
        for (size_t i = 0; i < c.len; i++) {
            uint8_t out[ZK_STATELESS_OUTPUT_MAX];
            size_t out_len;
            zk_stateless_report rep;
            zk_arena_mark mark = zk_arena_get_mark(&arena);
            double t0 = now();
            zk_status st = zk_stateless_validate_ex(format, c.items[i].bytes, c.items[i].len, &arena, out, &out_len,
                                                    &rep);
            double dt = now() - t0;
            zk_arena_reset(&arena, mark);
            all_s += dt;
            input_bytes += c.items[i].len;
            if (st != ZK_OK) {
                errors++;
            } else if (rep.valid) {
                valid++;
                gas += rep.gas_used;
                valid_s += dt;
            } else if (rep.decoded) {
                invalid++;
            } else {
                undecodable++;
            }
        }
        rounds++;
    }
    zk_arena_release(&arena);
    printf("stateless (%s): %zu blocks x %ld rounds: %zu valid, %zu invalid, %zu undecodable, %zu errors\n",
           format == ZK_STATELESS_V033 ? "v0.3.3" : "canonical", c.len, rounds, valid, invalid, undecodable, errors);
    printf("valid blocks: %llu gas in %.4f s: %.2f Mgas/s\n", (unsigned long long)gas, valid_s,
           valid_s > 0 ? (double)gas / valid_s / 1e6 : 0.0);
    printf("all blocks: %.4f s: %.1f blocks/s, %.1f MB/s of input\n", all_s,
           all_s > 0 ? (double)(valid + invalid + undecodable + errors) / all_s : 0.0,
           all_s > 0 ? (double)input_bytes / all_s / 1e6 : 0.0);
    for (size_t i = 0; i < c.len; i++)
        free(c.items[i].bytes);
    free(c.items);
    return c.broken || errors ? 1 : 0;
}
