/* test_witness_replay.c — the witness state's trie updates, checked independently of EVM
 * execution: for every single-block zkEVM fixture, the difference between `pre` and
 * `postState` is written into a witness state opened from the block's witness (as
 * zk_evm_commit would: storage writes, new code, account leaves, deletions) and its
 * state root must be the block's state root. Blocks whose witness is complete must give
 * that root; a block the fixture marks invalid may instead stop with ZK_ERR_MISSING (a
 * node the update needs, such as the sibling a deletion collapses onto, is not in the
 * witness), and test_validation_state_missing_delete_auxiliary_node must.
 *
 * Usage: test_witness_replay DIR. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/stateless_cli.h"

#include "block/block.h"
#include "block/state_mem.h"
#include "cli/blocktest_fixture.h"
#include "core/arena_malloc.h"
#include "core/hex.h"
#include "stateless/witness_state.h"

typedef struct replay {
    zk_arena arena;
    zk_state_backend *pre, *post, *wit;
    zk_status st; /* first failure */
} replay;

static zk_status write_slot_diff(void *user, const zk_hash *slot, const u256 *value);

typedef struct slot_ctx {
    replay *r;
    const zk_address *addr;
    zk_state_backend *other; /* the state to compare with */
    bool deletions;          /* writing slots missing from `other` as zero */
    bool changed;
} slot_ctx;

static zk_status write_slot_diff(void *user, const zk_hash *slot, const u256 *value)
{
    slot_ctx *c = user;
    u256 other;
    zk_status st = c->other->ops->get_storage(c->other, c->addr, slot, &other);
    if (st != ZK_OK)
        return st;
    if (c->deletions) {
        if (!u256_is_zero(&other))
            return ZK_OK; /* still present: written by the first pass */
        u256 zero = u256_zero();
        c->changed = true;
        return c->r->wit->ops->put_storage(c->r->wit, c->addr, slot, &zero);
    }
    if (u256_eq(&other, value))
        return ZK_OK;
    c->changed = true;
    return c->r->wit->ops->put_storage(c->r->wit, c->addr, slot, value);
}

static zk_status write_account_diff(void *user, const zk_address *addr, const zk_account *post, zk_bytes code)
{
    replay *r = user;
    zk_account pre;
    bool existed;
    zk_status st = r->pre->ops->get_account(r->pre, addr, &pre, &existed);
    if (st != ZK_OK)
        return st;
    slot_ctx c = {r, addr, r->pre, false, false};
    if ((st = zk_state_mem_foreach_storage(r->post, addr, write_slot_diff, &c)) != ZK_OK)
        return st;
    if (existed) {
        slot_ctx d = {r, addr, r->post, true, false};
        if ((st = zk_state_mem_foreach_storage(r->pre, addr, write_slot_diff, &d)) != ZK_OK)
            return st;
        c.changed |= d.changed;
    }
    bool code_new = !existed || !zk_hash_eq(&pre.code_hash, &post->code_hash);
    if (code_new && code.len && (st = r->wit->ops->put_code(r->wit, &post->code_hash, code.ptr, code.len)) != ZK_OK)
        return st;
    bool same = existed && pre.nonce == post->nonce && u256_eq(&pre.balance, &post->balance) && !code_new;
    if (same && !c.changed)
        return ZK_OK;
    return r->wit->ops->put_account(r->wit, addr, post);
}

static zk_status delete_gone(void *user, const zk_address *addr, const zk_account *pre, zk_bytes code)
{
    replay *r = user;
    zk_account post;
    bool exists;
    zk_status st = r->post->ops->get_account(r->post, addr, &post, &exists);
    if (st != ZK_OK || exists)
        return st;
    return r->wit->ops->put_account(r->wit, addr, NULL);
}

typedef struct stats {
    size_t tests, replayed, root_match, missing, skipped, failures;
} stats;

static void replay_test(stats *s, const char *id, json_t *test)
{
    json_t *blocks = json_object_get(test, "blocks");
    const char *in_hex = json_string_value(json_object_get(json_array_get(blocks, 0), "statelessInputBytes"));
    const char *out_hex = json_string_value(json_object_get(json_array_get(blocks, 0), "statelessOutputBytes"));
    s->tests++;
    if (json_array_size(blocks) != 1 || !in_hex || !out_hex || !json_is_object(json_object_get(test, "postState"))) {
        s->skipped++;
        return;
    }
    replay r = {0};
    zk_arena_init_malloc(&r.arena, 1u << 22);
    char err[256];
    size_t n = strlen(in_hex) / 2, len;
    uint8_t *input = zk_arena_alloc(&r.arena, n), expected[64];
    size_t expected_len;
    zk_stateless_input in;
    zk_header parent;
    zk_witness_state *ws;
    zk_hash root;
    bool ok_expected;
    if (zk_hex_decode(in_hex, strlen(in_hex), input, n, &len) != ZK_OK ||
        zk_hex_decode(out_hex, strlen(out_hex), expected, sizeof expected, &expected_len) != ZK_OK ||
        expected_len != 41 || zk_ssz_decode_input(&r.arena, ZK_STATELESS_V033, input, len, &in) != ZK_OK) {
        fprintf(stderr, "%s: cannot decode the fixture\n", id);
        s->failures++;
        zk_arena_release(&r.arena);
        return;
    }
    if (in.num_headers == 0) { /* no parent, no pre-state root: nothing to replay */
        s->skipped++;
        zk_arena_release(&r.arena);
        return;
    }
    if (
        zk_header_decode(in.headers[in.num_headers - 1].ptr, in.headers[in.num_headers - 1].len, &parent) != ZK_OK ||
        zk_witness_state_create(&r.arena, in.state, in.num_state, in.codes, in.num_codes, &parent.state_root, &ws) !=
            ZK_OK ||
        !(r.pre = bt_state_load(&r.arena, json_object_get(test, "pre"), err, sizeof err)) ||
        !(r.post = bt_state_load(&r.arena, json_object_get(test, "postState"), err, sizeof err))) {
        fprintf(stderr, "%s: cannot set up the replay\n", id);
        s->failures++;
        zk_arena_release(&r.arena);
        return;
    }
    ok_expected = expected[32] == 1;
    r.wit = zk_witness_state_backend(ws);
    zk_status st = zk_state_mem_foreach_account(r.post, write_account_diff, &r);
    if (st == ZK_OK)
        st = zk_state_mem_foreach_account(r.pre, delete_gone, &r);
    if (st == ZK_OK)
        st = r.wit->ops->state_root(r.wit, &root);
    s->replayed++;
    bool match = st == ZK_OK && zk_hash_eq(&root, &in.request.payload.state_root);
    bool must_miss = strstr(id, "missing_delete_auxiliary_node") != NULL;
    s->root_match += match;
    s->missing += st == ZK_ERR_MISSING;
    if ((ok_expected && !match) || (!ok_expected && !match && st != ZK_ERR_MISSING) ||
        (must_miss && st != ZK_ERR_MISSING)) {
        zk_witness_gap gap = zk_witness_state_gap(ws);
        fprintf(stderr, "%s: status %d, root %s (expected ok byte %d, gap kind %d)\n", id, (int)st,
                match ? "matches" : "differs", expected[32], gap.kind);
        s->failures++;
    }
    zk_arena_release(&r.arena);
}

static void replay_file(stats *s, const char *path)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root) {
        fprintf(stderr, "%s: %s\n", path, jerr.text);
        s->failures++;
        return;
    }
    const char *id;
    json_t *test;
    json_object_foreach(root, id, test) replay_test(s, id, test);
    json_decref(root);
}

static void replay_path(stats *s, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        s->failures++;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (n > 5 && !strcmp(path + n - 5, ".json"))
            replay_file(s, path);
        return;
    }
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        replay_path(s, child);
    }
    if (d)
        closedir(d);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_witness_replay DIR\n");
        return 2;
    }
    stats s = {0};
    for (int i = 1; i < argc; i++)
        replay_path(&s, argv[i]);
    printf("%zu tests: %zu single-block replays (%zu skipped): %zu state roots match, %zu stopped on a missing "
           "witness node; %zu failures\n",
           s.tests, s.replayed, s.skipped, s.root_match, s.missing, s.failures);
    return s.replayed == 0 || s.failures ? 1 : 0;
}
