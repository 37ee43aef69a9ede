/* test_hex_arena.c — hex codec and arena allocator. */
#include "check.h"
#include "core/arena.h"
#include "core/arena_malloc.h"
#include "core/hex.h"

#include <stdint.h>

static void test_hex(void)
{
    uint8_t out[8];
    size_t n;
    CHECK(zk_hex_decode("0x00ff10Ab", 10, out, sizeof out, &n) == ZK_OK && n == 4);
    CHECK(out[0] == 0 && out[1] == 0xff && out[2] == 0x10 && out[3] == 0xab);
    CHECK(zk_hex_decode("00ff", 4, out, sizeof out, &n) == ZK_OK && n == 2);
    CHECK(zk_hex_decode("0x", 2, out, sizeof out, &n) == ZK_OK && n == 0);
    CHECK(zk_hex_decode("", 0, out, sizeof out, &n) == ZK_OK && n == 0);
    CHECK(zk_hex_decode("0x0", 3, out, sizeof out, &n) == ZK_ERR_DECODE);     /* odd */
    CHECK(zk_hex_decode("0xzz", 4, out, sizeof out, &n) == ZK_ERR_DECODE);    /* bad digit */
    CHECK(zk_hex_decode("0x0g", 4, out, sizeof out, &n) == ZK_ERR_DECODE);
    CHECK(zk_hex_decode("0x 1", 4, out, sizeof out, &n) == ZK_ERR_DECODE);
    CHECK(zk_hex_decode("0x0x00", 6, out, sizeof out, &n) == ZK_ERR_DECODE);  /* one prefix only */
    CHECK(zk_hex_decode("000000000000000000", 18, out, sizeof out, &n) == ZK_ERR_RANGE);
    CHECK(zk_hex_decode_exact("0x0102", 6, out, 2) == ZK_OK && out[1] == 2);
    CHECK(zk_hex_decode_exact("0x010203", 8, out, 2) == ZK_ERR_DECODE);
    CHECK(zk_hex_decode_exact("0x01", 4, out, 2) == ZK_ERR_DECODE);

    u256 v;
    uint64_t u;
    CHECK(zk_hex_to_u256("0x0", 3, &v) == ZK_OK && u256_is_zero(&v));
    CHECK(zk_hex_to_u256("0x", 2, &v) == ZK_OK && u256_is_zero(&v));
    CHECK(zk_hex_to_u256("0x1", 3, &v) == ZK_OK && v.w[0] == 1);
    CHECK(zk_hex_to_u256("0x0de0b6b3a7640000", 18, &v) == ZK_OK && v.w[0] == 1000000000000000000ULL);
    const char *max = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    CHECK(zk_hex_to_u256(max, strlen(max), &v) == ZK_OK && v.w[3] == UINT64_MAX && v.w[0] == UINT64_MAX);
    const char *max0 = "0x00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    CHECK(zk_hex_to_u256(max0, strlen(max0), &v) == ZK_OK && v.w[3] == UINT64_MAX);
    const char *over = "0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    CHECK(zk_hex_to_u256(over, strlen(over), &v) == ZK_ERR_RANGE);
    CHECK(zk_hex_to_u256("0x1q", 4, &v) == ZK_ERR_DECODE);
    CHECK(zk_hex_to_u256("0x8000000000000000000000000000000000000000000000000000000000000000", 66, &v) == ZK_OK &&
          v.w[3] == 0x8000000000000000ULL && v.w[0] == 0);
    CHECK(zk_hex_to_u64("0xffffffffffffffff", 18, &u) == ZK_OK && u == UINT64_MAX);
    CHECK(zk_hex_to_u64("0x10000000000000000", 19, &u) == ZK_ERR_RANGE);
    CHECK(zk_hex_to_u64("0x123", 5, &u) == ZK_OK && u == 0x123);

    char s[16];
    uint8_t in[] = {0x00, 0xab, 0x7f};
    CHECK(zk_hex_encode(in, 3, s, true) == 8 && strcmp(s, "0x00ab7f") == 0);
    CHECK(zk_hex_encode(in, 3, s, false) == 6 && strcmp(s, "00ab7f") == 0);
    CHECK(zk_hex_encode(in, 0, s, true) == 2 && strcmp(s, "0x") == 0);
}

static int grow_calls, free_calls;
static void *count_grow(void *user, size_t min_bytes, size_t *got)
{
    (void)user;
    grow_calls++;
    size_t n = min_bytes < 1000 ? 1000 : min_bytes;
    *got = n;
    return malloc(n);
}
static void count_free(void *user, void *block)
{
    (void)user;
    free_calls++;
    free(block);
}

static void test_arena(void)
{
    /* Fixed arena: alignment, exhaustion, marks. */
    static uint8_t mem[1024 + 3];
    zk_arena a;
    zk_arena_init_fixed(&a, mem + 3, 1024); /* deliberately misaligned */
    uint8_t *p = zk_arena_alloc(&a, 1);
    uint8_t *q = zk_arena_alloc(&a, 17);
    CHECK(p && q && ((uintptr_t)p % 16) == 0 && ((uintptr_t)q % 16) == 0 && q >= p + 16);
    zk_arena_mark m = zk_arena_get_mark(&a);
    CHECK(zk_arena_alloc(&a, 2000) == NULL);
    uint8_t *r = zk_arena_calloc(&a, 100);
    CHECK(r && r[0] == 0 && r[99] == 0);
    zk_arena_reset(&a, m);
    uint8_t *r2 = zk_arena_alloc(&a, 8);
    CHECK(r2 == r);
    CHECK(a.high_water >= a.total_used);
    CHECK(zk_arena_alloc(&a, SIZE_MAX) == NULL);
    CHECK(zk_arena_alloc(&a, SIZE_MAX - 8) == NULL);
    const char msg[] = "hello";
    char *d = zk_arena_dup(&a, msg, sizeof msg);
    CHECK(d && strcmp(d, "hello") == 0);
    zk_arena_release(&a);
    CHECK(a.total_used == 0);
    /* Tiny buffer: nothing fits, nothing crashes. */
    zk_arena tiny;
    zk_arena_init_fixed(&tiny, mem, 8);
    CHECK(zk_arena_alloc(&tiny, 1) == NULL);

    /* Growable arena: chunk chain, reset frees chunks obtained after the mark. */
    zk_arena g;
    zk_arena_init_growable(&g, count_grow, count_free, NULL);
    CHECK(zk_arena_alloc(&g, 10) != NULL);
    CHECK(grow_calls == 1);
    zk_arena_mark gm = zk_arena_get_mark(&g);
    for (int i = 0; i < 50; i++) {
        uint8_t *x = zk_arena_alloc(&g, 500);
        CHECK(x != NULL);
        memset(x, 0xcc, 500);
    }
    uint8_t *big = zk_arena_alloc(&g, 100000);
    CHECK(big != NULL);
    memset(big, 1, 100000);
    int grown = grow_calls;
    CHECK(grown > 10);
    zk_arena_reset(&g, gm);
    /* All chunks after the mark are returned except the largest, kept as a spare. */
    CHECK(free_calls == grown - 2);
    CHECK(g.spare != NULL && g.spare->cap >= 100000);
    CHECK(zk_arena_alloc(&g, 10) != NULL);
    /* Growing again takes the spare instead of calling grow. */
    uint8_t *again = zk_arena_alloc(&g, 50000);
    CHECK(again != NULL && grow_calls == grown && g.spare == NULL);
    memset(again, 2, 50000);
    /* A mark/alloc/reset loop across a chunk boundary does not churn grow/free. */
    zk_arena_mark loop = zk_arena_get_mark(&g);
    for (int i = 0; i < 100; i++) {
        CHECK(zk_arena_alloc(&g, 60000) != NULL);
        zk_arena_reset(&g, loop);
    }
    CHECK(grow_calls <= grown + 1);
    zk_arena_release(&g);
    CHECK(free_calls == grow_calls);
    CHECK(g.spare == NULL);
    CHECK(g.cur == NULL && g.total_used == 0);

    /* malloc-backed arena. */
    zk_arena h;
    zk_arena_init_malloc(&h, 1 << 12);
    for (int i = 0; i < 1000; i++) {
        void *x = zk_arena_alloc(&h, (size_t)i * 7);
        CHECK(x != NULL);
        memset(x, 0x5a, (size_t)i * 7);
    }
    zk_arena_release(&h);
}

int main(void)
{
    test_hex();
    test_arena();
    return check_done("test_hex_arena");
}
