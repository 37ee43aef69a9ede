/* test_witness_gen.c DIR — the witness generator of `zkl1 bench vm` (src/cli/witness_gen.c)
 * against the reference witnesses of the zkEVM fixtures: for every valid block of every
 * test under DIR, the generated witness (state trie nodes, codes) must be a subset of the
 * fixture's own `statelessInputBytes` witness — nothing made up, nothing superfluous that
 * EEST's client did not need; what the fixture has beyond it is reported. Blocks the
 * fixture marks invalid although they execute (test_witness_validation_*: the fixture's
 * witness lacks a node or code on purpose) turn the check around: the generated witness
 * must have something the fixture's lacks. That the generated witness is sufficient is
 * guest.bench_generated_witnesses (the validator accepts it).
 * Host-only.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/stateless_cli.h"
#include "cli/witness_gen.h"
#include "core/arena_malloc.h"
#include "core/keccak.h"
#include "stateless/ssz.h"

typedef struct hash_set {
    zk_hash *v;
    size_t n;
} hash_set;

static int cmp_hash(const void *a, const void *b) { return memcmp(a, b, 32); }

/* The keccak hashes of items[0..n), sorted. */
static hash_set hashes_of(const zk_bytes *items, size_t n)
{
    hash_set s = {calloc(n + 1, sizeof(zk_hash)), n};
    for (size_t i = 0; i < n; i++)
        s.v[i] = keccak256(items[i].ptr, items[i].len);
    qsort(s.v, n, sizeof *s.v, cmp_hash);
    return s;
}

static bool contains(const hash_set *s, const zk_hash *h) { return bsearch(h, s->v, s->n, sizeof *s->v, cmp_hash); }

/* The reference witnesses of one test, by block index. */
typedef struct reference {
    size_t n;
    size_t index[64];
    bool incomplete[64]; /* the fixture's output says invalid */
    hash_set nodes[64], codes[64], headers[64];
} reference;

static int add_reference(void *user, const sl_block *b, char *err, size_t err_len)
{
    reference *r = user;
    if (r->n == 64)
        return 0;
    zk_arena a;
    zk_arena_init_malloc(&a, 1u << 20);
    zk_stateless_input in;
    if (zk_ssz_decode_input(&a, ZK_STATELESS_V033, b->input, b->input_len, &in) == ZK_OK) {
        r->index[r->n] = b->index;
        r->incomplete[r->n] = b->expected_len > 32 && b->expected[32] == 0;
        r->nodes[r->n] = hashes_of(in.state, in.num_state);
        r->codes[r->n] = hashes_of(in.codes, in.num_codes);
        r->headers[r->n] = hashes_of(in.headers, in.num_headers);
        r->n++;
    }
    zk_arena_release(&a);
    return 0;
}

typedef struct totals {
    size_t tests, blocks, generation_failures, incomplete, incomplete_found, failures;
    size_t nodes, extra_nodes, missing_nodes, codes, extra_codes, missing_codes, headers, extra_headers;
    const reference *ref;
    const char *id;
} totals;

static int compare_block(void *user, size_t index, const uint8_t *input, size_t len, const uint8_t *output,
                         size_t output_len, uint64_t gas)
{
    totals *t = user;
    size_t k = 0;
    while (k < t->ref->n && t->ref->index[k] != index)
        k++;
    if (k == t->ref->n)
        return 0; /* the fixture has no stateless bytes for this block */
    zk_arena a;
    zk_arena_init_malloc(&a, 1u << 20);
    zk_stateless_input in;
    if (zk_ssz_decode_input(&a, ZK_STATELESS_V033, input, len, &in) != ZK_OK) {
        fprintf(stderr, "FAIL %s block %zu: the generated input does not decode\n", t->id, index);
        t->extra_nodes++;
        zk_arena_release(&a);
        return 0;
    }
    hash_set mine = hashes_of(in.state, in.num_state), my_codes = hashes_of(in.codes, in.num_codes);
    hash_set my_headers = hashes_of(in.headers, in.num_headers);
    t->blocks++;
    t->nodes += mine.n;
    t->codes += my_codes.n;
    size_t extra_nodes = 0, extra_codes = 0, extra_headers = 0;
    t->headers += my_headers.n;
    for (size_t i = 0; i < my_headers.n; i++)
        extra_headers += !contains(&t->ref->headers[k], &my_headers.v[i]);
    for (size_t i = 0; i < mine.n; i++)
        extra_nodes += !contains(&t->ref->nodes[k], &mine.v[i]);
    for (size_t i = 0; i < my_codes.n; i++)
        extra_codes += !contains(&t->ref->codes[k], &my_codes.v[i]);
    if (t->ref->incomplete[k]) {
        t->incomplete++;
        if (extra_nodes + extra_codes + extra_headers > 0) {
            t->incomplete_found++;
        } else {
            t->failures++;
            fprintf(stderr, "FAIL %s block %zu: the fixture's witness is deliberately incomplete, but the generated "
                            "one has nothing it lacks\n", t->id, index);
        }
    } else {
        t->extra_nodes += extra_nodes;
        t->extra_codes += extra_codes;
        t->extra_headers += extra_headers;
        if (extra_nodes + extra_codes + extra_headers > 0) {
            t->failures++;
            fprintf(stderr,
                    "FAIL %s block %zu: generated %zu nodes, %zu codes, %zu headers not in the fixture's witness\n",
                    t->id, index, extra_nodes, extra_codes, extra_headers);
        }
    }
    for (size_t i = 0; i < t->ref->nodes[k].n; i++)
        t->missing_nodes += !contains(&mine, &t->ref->nodes[k].v[i]);
    for (size_t i = 0; i < t->ref->codes[k].n; i++)
        t->missing_codes += !contains(&my_codes, &t->ref->codes[k].v[i]);
    free(mine.v);
    free(my_codes.v);
    free(my_headers.v);
    zk_arena_release(&a);
    return 0;
}

static void run_file(const char *path, totals *t)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root)
        return;
    const char *id;
    json_t *test;
    json_object_foreach(root, id, test) {
        reference ref = {0};
        char err[512] = "";
        if (sl_foreach_block(test, add_reference, &ref, err, sizeof err) > 0) {
            t->tests++;
            t->ref = &ref;
            t->id = id;
            zk_chain_config rules;
            if (zk_witness_generate(test, id, 0, ZK_WITNESS_UNCHECKED, &rules, compare_block, t, err, sizeof err) < 0) {
                t->generation_failures++;
                fprintf(stderr, "generation failed: %s: %s\n", id, err);
            }
        }
        for (size_t i = 0; i < ref.n; i++) {
            free(ref.nodes[i].v);
            free(ref.codes[i].v);
            free(ref.headers[i].v);
        }
    }
    json_decref(root);
}

static void walk(const char *path, totals *t)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (n > 5 && !strcmp(path + n - 5, ".json"))
            run_file(path, t);
        return;
    }
    struct dirent **list;
    int n = scandir(path, &list, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        if (list[i]->d_name[0] != '.') {
            char *sub;
            if (asprintf(&sub, "%s/%s", path, list[i]->d_name) >= 0) {
                walk(sub, t);
                free(sub);
            }
        }
        free(list[i]);
    }
    free(list);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_witness_gen ZKEVM_FIXTURE_DIR\n");
        return 2;
    }
    totals t = {0};
    walk(argv[1], &t);
    printf("%zu tests, %zu blocks compared (%zu generation failures); generated %zu nodes, %zu codes, %zu headers; "
           "not in the fixture: %zu nodes, %zu codes, %zu headers; in the fixture only: %zu nodes, %zu codes; "
           "deliberately incomplete fixture witnesses: %zu, the generated one has what they lack: %zu\n",
           t.tests, t.blocks, t.generation_failures, t.nodes, t.codes, t.headers, t.extra_nodes, t.extra_codes,
           t.extra_headers, t.missing_nodes, t.missing_codes, t.incomplete, t.incomplete_found);
    return t.blocks > 0 && t.failures == 0 && t.generation_failures == 0 ? 0 : 1;
}
