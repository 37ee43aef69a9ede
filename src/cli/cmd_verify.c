/* cmd_verify.c — `zkl1 verify FILE`: checks a proof file written by `zkl1 prove` (format in
 * cmd_prove.c) against the pinned parameters. Prints one JSON line; exit status 0 when the
 * proof is valid, 1 when it is not, 2 on usage or I/O errors. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena_malloc.h"
#include "stark/airs.h"
#include "stark/stark.h"
#include "stark_cli.h"

typedef struct cursor {
    const uint8_t *p;
    size_t len, off;
    int bad;
} cursor;

static uint64_t take_le(cursor *c, int bytes)
{
    if (c->bad || (size_t)bytes > c->len - c->off) {
        c->bad = 1;
        return 0;
    }
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; i--)
        v = (v << 8) | c->p[c->off + (size_t)i];
    c->off += (size_t)bytes;
    return v;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        uint8_t *nb = cap > ((size_t)1 << 31) ? NULL : realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int cmd_verify(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: zkl1 verify FILE\n");
        return 2;
    }
    size_t len;
    uint8_t *file = read_file(argv[1], &len);
    if (!file) {
        fprintf(stderr, "zkl1 verify: cannot read %s\n", argv[1]);
        return 2;
    }
    cursor c = {file, len, 0, 0};
    char name[32] = {0};
    uint64_t pub[8] = {0};
    unsigned log_rows = 0;
    uint32_t n_pub = 0;
    int rc = 1;
    const char *why = "malformed proof file";
    static stark_bench_air bench;
    if (len < ZK_PROOF_FILE_MAGIC_LEN || memcmp(file, ZK_PROOF_FILE_MAGIC, ZK_PROOF_FILE_MAGIC_LEN) != 0)
        goto out;
    c.off = ZK_PROOF_FILE_MAGIC_LEN;
    size_t name_len = (size_t)take_le(&c, 2);
    if (c.bad || name_len == 0 || name_len >= sizeof name || name_len > len - c.off)
        goto out;
    memcpy(name, file + c.off, name_len);
    c.off += name_len;
    uint32_t cols = (uint32_t)take_le(&c, 4);
    log_rows = (unsigned)take_le(&c, 1);
    n_pub = (uint32_t)take_le(&c, 4);
    const stark_air *air = stark_air_by_name(name, cols, &bench);
    if (c.bad || !air || n_pub != air->n_public || n_pub > 8) {
        why = "unknown AIR or wrong public input count";
        n_pub = 0;
        goto out;
    }
    for (uint32_t i = 0; i < n_pub; i++)
        pub[i] = take_le(&c, 8);
    uint64_t proof_len = take_le(&c, 8);
    if (c.bad || proof_len != len - c.off)
        goto out;
    zk_arena arena;
    zk_arena_init_malloc(&arena, 1 << 20);
    zk_status st = stark_verify(air, &STARK_PARAMS_V1, log_rows, pub, file + c.off, (size_t)proof_len, &arena);
    zk_arena_release(&arena);
    if (st == ZK_OK) {
        rc = 0;
        why = NULL;
    } else {
        why = st == ZK_ERR_DECODE ? "malformed proof" : st == ZK_ERR_RANGE ? "unsupported shape" : "invalid proof";
    }
out:
    printf("{\"file\":\"");
    zk_cli_print_json_string(argv[1]);
    printf("\",\"air\":\"");
    zk_cli_print_json_string(name);
    printf("\",\"log_rows\":%u,\"publics\":[", log_rows);
    for (uint32_t i = 0; i < n_pub; i++)
        printf("%s%llu", i ? "," : "", (unsigned long long)pub[i]);
    printf("],\"verified\":%s", rc == 0 ? "true" : "false");
    if (why)
        printf(",\"error\":\"%s\"", why);
    printf("}\n");
    free(file);
    return rc;
}
