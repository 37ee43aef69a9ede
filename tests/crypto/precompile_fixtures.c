/* precompile_fixtures.c — runs zk_precompile_run on the vectors that extract_precompile_vectors.py
 * pulls out of the official EEST blockchain tests, and checks success, output length, keccak of
 * the output and output words against the fixtures' post-states. Host only (reads a file).
 *
 * usage: crypto_precompile_fixtures VECTOR_FILE [-v]
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/keccak.h"
#include "../../src/crypto/precompiles.h"

static const struct {
    const char *name;
    zk_fork fork;
} FORK_NAMES[] = {
    {"Frontier", ZK_FORK_FRONTIER},   {"Homestead", ZK_FORK_HOMESTEAD},
    {"Byzantium", ZK_FORK_BYZANTIUM}, {"Constantinople", ZK_FORK_CONSTANTINOPLE},
    {"ConstantinopleFix", ZK_FORK_PETERSBURG}, {"Petersburg", ZK_FORK_PETERSBURG},
    {"Istanbul", ZK_FORK_ISTANBUL},   {"Berlin", ZK_FORK_BERLIN},
    {"London", ZK_FORK_LONDON},       {"Paris", ZK_FORK_PARIS},
    {"Merge", ZK_FORK_PARIS},         {"Shanghai", ZK_FORK_SHANGHAI},
    {"Cancun", ZK_FORK_CANCUN},       {"Prague", ZK_FORK_PRAGUE},
    {"Osaka", ZK_FORK_OSAKA},         {"BPO1", ZK_FORK_BPO1},
    {"BPO2", ZK_FORK_BPO2},           {"BPO3", ZK_FORK_BPO3},
    {"BPO4", ZK_FORK_BPO4},           {"BPO5", ZK_FORK_BPO5},
    {"Amsterdam", ZK_FORK_AMSTERDAM},
};

static bool fork_from_name(const char *s, zk_fork *out)
{
    for (size_t i = 0; i < sizeof FORK_NAMES / sizeof FORK_NAMES[0]; i++)
        if (strcmp(s, FORK_NAMES[i].name) == 0) {
            *out = FORK_NAMES[i].fork;
            return true;
        }
    return false;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decodes exactly strlen(hex)/2 bytes; false on a bad digit or odd length. */
static bool unhex(const char *hex, uint8_t *out, size_t *len)
{
    size_t n = strlen(hex);
    if (n % 2)
        return false;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    *len = n / 2;
    return true;
}

static void *grow(void *user, size_t min_bytes, size_t *got)
{
    (void)user;
    size_t n = min_bytes < (1u << 20) ? (1u << 20) : min_bytes;
    *got = n;
    return malloc(n);
}

static void release(void *user, void *block)
{
    (void)user;
    free(block);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s VECTOR_FILE [-v]\n", argv[0]);
        return 2;
    }
    bool verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 22;
    char *line = malloc(cap);
    uint8_t *input = malloc(cap / 2);
    zk_arena arena;
    zk_arena_init_growable(&arena, grow, release, NULL);

    int vectors = 0, failures = 0, malformed = 0;
    unsigned per_addr_ok[0x101] = {0}, per_addr_n[0x101] = {0};
    while (fgets(line, (int)cap, f)) {
        line[strcspn(line, "\n")] = 0;
        char *save = NULL;
        char *tid = strtok_r(line, " ", &save);
        char *fork_s = strtok_r(NULL, " ", &save);
        char *addr_s = strtok_r(NULL, " ", &save);
        char *gas_s = strtok_r(NULL, " ", &save);
        char *in_s = strtok_r(NULL, " ", &save);
        zk_fork fork;
        size_t in_len = 0;
        if (!tid || !fork_s || !addr_s || !gas_s || !in_s || !fork_from_name(fork_s, &fork) ||
            (strcmp(in_s, "-") != 0 && !unhex(in_s, input, &in_len))) {
            malformed++;
            continue;
        }
        unsigned addr_n = (unsigned)strtoul(addr_s, NULL, 16);
        uint64_t gas = strncmp(gas_s, "max:", 4) == 0 ? strtoull(gas_s + 4, NULL, 10) : strtoull(gas_s, NULL, 10);
        zk_address addr = {{0}};
        addr.b[18] = (uint8_t)(addr_n >> 8);
        addr.b[19] = (uint8_t)addr_n;

        zk_arena_mark mark = zk_arena_get_mark(&arena);
        uint64_t used = 0;
        bool success = false;
        zk_bytes out = {0};
        zk_status st = zk_precompile_run(fork, &addr, input, in_len, gas, &arena, &used, &success, &out);
        vectors++;
        bool ok = st == ZK_OK;
        char why[256] = "";
        if (!ok)
            snprintf(why, sizeof why, "status %d", st);
        for (char *ck = strtok_r(NULL, " ", &save); ok && ck; ck = strtok_r(NULL, " ", &save)) {
            if (ck[0] == 'S') {
                if ((ck[2] == '1') != success) {
                    ok = false;
                    snprintf(why, sizeof why, "success %d, want %c (gas used %llu of %llu)", success, ck[2],
                             (unsigned long long)used, (unsigned long long)gas);
                }
            } else if (ck[0] == 'L') {
                if (strtoull(ck + 2, NULL, 10) != out.len) {
                    ok = false;
                    snprintf(why, sizeof why, "output length %zu, want %s", out.len, ck + 2);
                }
            } else if (ck[0] == 'K') {
                uint8_t want[32];
                size_t n;
                zk_hash h = keccak256(out.ptr, out.len);
                if (!unhex(ck + 2, want, &n) || n != 32 || memcmp(want, h.b, 32) != 0) {
                    ok = false;
                    snprintf(why, sizeof why, "keccak(output) differs (output length %zu)", out.len);
                }
            } else if (ck[0] == 'W') {
                /* W<off>=<want 32 bytes>/<fallback 32 bytes>: output bytes past the end keep the
                 * memory's previous content (the fallback). */
                char *eq = strchr(ck, '='), *slash = strchr(ck, '/');
                uint8_t want[32], fallback[32], got[32];
                size_t n1, n2;
                if (!eq || !slash)
                    continue;
                *slash = 0;
                size_t off = strtoul(ck + 1, NULL, 10);
                if (!unhex(eq + 1, want, &n1) || !unhex(slash + 1, fallback, &n2) || n1 != 32 || n2 != 32)
                    continue;
                for (size_t i = 0; i < 32; i++)
                    got[i] = off + i < out.len ? out.ptr[off + i] : fallback[i];
                if (memcmp(got, want, 32) != 0) {
                    ok = false;
                    snprintf(why, sizeof why, "output word at %zu differs", off);
                }
            }
        }
        zk_arena_reset(&arena, mark);
        unsigned slot = addr_n > 0x100 ? 0 : addr_n;
        per_addr_n[slot]++;
        if (ok) {
            per_addr_ok[slot]++;
        } else {
            failures++;
            if (verbose || failures <= 40)
                printf("FAIL %s %s 0x%x: %s\n", tid, fork_s, addr_n, why);
        }
    }
    fclose(f);
    for (unsigned a = 0; a <= 0x100; a++)
        if (per_addr_n[a])
            printf("  0x%02x: %u/%u\n", a, per_addr_ok[a], per_addr_n[a]);
    printf("precompile fixtures: %d vectors, %d failures, %d malformed lines\n", vectors, failures, malformed);
    zk_arena_release(&arena);
    free(line);
    free(input);
    return (failures == 0 && malformed == 0 && vectors > 0) ? 0 : 1;
}
