/* test_block_fixtures.c — the decoders against every block of EEST fixtures, without the
 * EVM: each valid block's RLP must decode, its header hash must equal blockHeader.hash,
 * and each transaction must match the fixture's fields, including the recovered sender.
 * Blocks marked invalid must decode or be rejected cleanly (no crash under ASan).
 *
 *   test_block_fixtures DIR|FILE...
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "block/block.h"
#include "core/arena_malloc.h"
#include "core/hex.h"

static size_t blocks_checked, txs_checked, invalid_seen, failures;

static void fail(const char *id, size_t block, const char *what)
{
    if (failures < 50)
        fprintf(stderr, "FAIL %s block %zu: %s\n", id, block, what);
    failures++;
}

static bool hex_eq_u64(const char *hex, uint64_t v)
{
    uint64_t x;
    return hex && zk_hex_to_u64(hex, strlen(hex), &x) == ZK_OK && x == v;
}

static void check_tx(const char *id, size_t bi, zk_arena *a, zk_tx *tx, json_t *jtx)
{
    const char *sender = json_string_value(json_object_get(jtx, "sender"));
    zk_address want;
    if (!hex_eq_u64(json_string_value(json_object_get(jtx, "nonce")), tx->nonce) ||
        !hex_eq_u64(json_string_value(json_object_get(jtx, "gasLimit")), tx->gas_limit)) {
        fail(id, bi, "transaction nonce or gas limit differs from the fixture");
        return;
    }
    const char *type = json_string_value(json_object_get(jtx, "type"));
    if (type && !hex_eq_u64(type, tx->type)) {
        fail(id, bi, "transaction type differs from the fixture");
        return;
    }
    if (!sender || zk_hex_decode_exact(sender, strlen(sender), want.b, 20) != ZK_OK)
        return;
    if (zk_tx_recover_sender(a, tx) != ZK_OK) {
        fail(id, bi, "sender recovery failed");
        return;
    }
    if (!zk_address_eq(&want, &tx->sender))
        fail(id, bi, "recovered sender differs from the fixture");
    txs_checked++;
}

static void check_test(const char *id, json_t *test)
{
    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 20);
    json_t *blocks = json_object_get(test, "blocks");
    for (size_t i = 0; i < json_array_size(blocks); i++) {
        json_t *b = json_array_get(blocks, i);
        const char *rlp = json_string_value(json_object_get(b, "rlp"));
        if (!rlp)
            continue;
        size_t n = strlen(rlp), len;
        uint8_t *buf = malloc(n / 2 + 1);
        zk_block blk;
        bool hex_ok = zk_hex_decode(rlp, n, buf, n / 2 + 1, &len) == ZK_OK;
        zk_status st = hex_ok ? zk_block_decode(&a, buf, len, &blk) : ZK_ERR_DECODE;
        if (json_object_get(b, "expectException")) {
            invalid_seen++; /* decoding it (or not) without crashing is the test */
        } else if (st != ZK_OK) {
            fail(id, i + 1, "valid block does not decode");
        } else {
            zk_hash want;
            const char *hh = json_string_value(json_object_get(json_object_get(b, "blockHeader"), "hash"));
            if (!hh || zk_hex_decode_exact(hh, strlen(hh), want.b, 32) != ZK_OK || !zk_hash_eq(&want, &blk.header.hash))
                fail(id, i + 1, "header hash differs from blockHeader.hash");
            json_t *txs = json_object_get(b, "transactions");
            if (json_array_size(txs) != blk.num_txs)
                fail(id, i + 1, "transaction count differs");
            else
                for (size_t t = 0; t < blk.num_txs; t++)
                    check_tx(id, i + 1, &a, &blk.txs[t], json_array_get(txs, t));
            blocks_checked++;
        }
        free(buf);
    }
    zk_arena_release(&a);
}

static void check_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        failures++;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            size_t n = strlen(path) + strlen(e->d_name) + 2;
            char *child = malloc(n);
            snprintf(child, n, "%s/%s", path, e->d_name);
            check_path(child);
            free(child);
        }
        if (d)
            closedir(d);
        return;
    }
    size_t n = strlen(path);
    if (n < 5 || strcmp(path + n - 5, ".json") != 0)
        return;
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        fprintf(stderr, "%s: %s\n", path, err.text);
        failures++;
        return;
    }
    const char *id;
    json_t *test;
    json_object_foreach(root, id, test) check_test(id, test);
    json_decref(root);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        check_path(argv[i]);
    printf("%zu valid blocks and %zu transactions checked, %zu invalid blocks decoded, %zu failures\n",
           blocks_checked, txs_checked, invalid_seen, failures);
    return failures || blocks_checked == 0 ? 1 : 0;
}
