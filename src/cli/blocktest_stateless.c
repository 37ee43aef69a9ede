/* blocktest_stateless.c — host-only: the zkEVM fixtures' stateless bytes, run through the
 * validator (see stateless_cli.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena_malloc.h"
#include "../core/hex.h"
#include "stateless_cli.h"

bool sl_parse_format(const char *name, zk_stateless_format *out)
{
    if (!strcmp(name, "v0.3.3")) {
        *out = ZK_STATELESS_V033;
        return true;
    }
    if (!strcmp(name, "canonical")) {
        *out = ZK_STATELESS_CANONICAL;
        return true;
    }
    return false;
}

/* A "0x.." string as malloc'd bytes; NULL when it is not hex. */
static uint8_t *hex_alloc(const char *hex, size_t *len)
{
    size_t n = strlen(hex);
    uint8_t *buf = malloc(n / 2 + 1);
    if (buf && zk_hex_decode(hex, n, buf, n / 2 + 1, len) == ZK_OK)
        return buf;
    free(buf);
    return NULL;
}

long sl_foreach_block(json_t *test, sl_block_fn fn, void *user, char *err, size_t err_len)
{
    json_t *blocks = json_object_get(test, "blocks");
    if (!json_is_array(blocks)) {
        snprintf(err, err_len, "fixture has no blocks array");
        return -1;
    }
    long count = 0;
    for (size_t i = 0; i < json_array_size(blocks); i++) {
        json_t *blk = json_array_get(blocks, i);
        const char *in_hex = json_string_value(json_object_get(blk, "statelessInputBytes"));
        const char *out_hex = json_string_value(json_object_get(blk, "statelessOutputBytes"));
        if (!in_hex && !out_hex)
            continue;
        sl_block b = {.index = i};
        if (!in_hex || !out_hex || !(b.input = hex_alloc(in_hex, &b.input_len)) ||
            !(b.expected = hex_alloc(out_hex, &b.expected_len))) {
            free(b.input);
            snprintf(err, err_len, "block %zu: statelessInputBytes/statelessOutputBytes missing or not hex", i);
            return -1;
        }
        int rc = fn(user, &b, err, err_len);
        free(b.input);
        free(b.expected);
        if (rc != 0)
            return -1;
        count++;
    }
    return count;
}

typedef struct compare_ctx {
    zk_stateless_format format;
    zk_arena arena;
} compare_ctx;

static void hex_line(const uint8_t *p, size_t n, char *out, size_t cap)
{
    if (cap < 2 * n + 3) {
        snprintf(out, cap, "(%zu bytes)", n);
        return;
    }
    zk_hex_encode(p, n, out, true);
}

static int compare_block(void *user, const sl_block *b, char *err, size_t err_len)
{
    compare_ctx *c = user;
    uint8_t out[ZK_STATELESS_OUTPUT_MAX];
    size_t out_len;
    zk_stateless_report rep;
    zk_arena_mark mark = zk_arena_get_mark(&c->arena);
    zk_status st = zk_stateless_validate_ex(c->format, b->input, b->input_len, &c->arena, out, &out_len, &rep);
    zk_arena_reset(&c->arena, mark);
    if (st != ZK_OK) {
        snprintf(err, err_len, "block %zu: validator returned status %d", b->index, (int)st);
        return -1;
    }
    if (out_len == b->expected_len && memcmp(out, b->expected, out_len) == 0)
        return 0;
    char got[2 * ZK_STATELESS_OUTPUT_MAX + 3], want[2 * ZK_STATELESS_OUTPUT_MAX + 3];
    hex_line(out, out_len, got, sizeof got);
    hex_line(b->expected, b->expected_len, want, sizeof want);
    const char *what = "output differs";
    if (out_len == b->expected_len && out_len > 33 && memcmp(out, b->expected, 32) == 0 &&
        memcmp(out + 33, b->expected + 33, out_len - 33) == 0)
        what = b->expected[32] ? "valid block rejected" : "invalid block accepted";
    else if (out_len == b->expected_len && out_len > 32 && memcmp(out, b->expected, 32) != 0)
        what = "root differs";
    snprintf(err, err_len, "block %zu: %s: got %s, expected %s%s%s", b->index, what, got, want,
             rep.reason[0] ? "; validator: " : "", rep.reason);
    return -1;
}

int bt_stateless_run(json_t *test, zk_stateless_format format, char *reason, size_t reason_len)
{
    compare_ctx c = {.format = format};
    zk_arena_init_malloc(&c.arena, 1u << 22);
    long n = sl_foreach_block(test, compare_block, &c, reason, reason_len);
    zk_arena_release(&c.arena);
    if (n < 0)
        return -1;
    return n == 0 ? 1 : 0;
}
