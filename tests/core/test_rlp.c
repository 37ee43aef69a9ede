/* test_rlp.c — RLP encoder vectors, round trips, and rejection of every non-canonical form. */
#include "check.h"
#include "core/arena_malloc.h"
#include "core/rlp.h"

static zk_arena arena;

static void expect_bytes(const zk_buf *b, const char *hex)
{
    uint8_t want[2048];
    size_t n = test_unhex(hex, want, sizeof want);
    if (b->oom || b->len != n || memcmp(b->data, want, n) != 0) {
        char got[4200];
        test_tohex(b->data, b->len < 2000 ? b->len : 2000, got);
        fprintf(stderr, "encoding mismatch: got %s want %s\n", got, hex);
        check_failures++;
    }
}

static zk_status decode_hex(const char *hex, rlp_item *it)
{
    static uint8_t buf[4096];
    size_t n = test_unhex(hex, buf, sizeof buf);
    return rlp_decode(buf, n, it);
}

static void encoder_vectors(void)
{
    zk_buf b;
    zk_buf_init(&b, &arena, 0);
    rlp_put_bytes(&b, (const uint8_t *)"dog", 3);
    expect_bytes(&b, "83646f67");

    zk_buf_reset(&b);
    size_t l = rlp_list_begin(&b);
    rlp_put_bytes(&b, (const uint8_t *)"cat", 3);
    rlp_put_bytes(&b, (const uint8_t *)"dog", 3);
    rlp_list_end(&b, l);
    expect_bytes(&b, "c88363617483646f67");

    zk_buf_reset(&b);
    rlp_put_bytes(&b, NULL, 0);
    expect_bytes(&b, "80");
    zk_buf_reset(&b);
    l = rlp_list_begin(&b);
    rlp_list_end(&b, l);
    expect_bytes(&b, "c0");

    zk_buf_reset(&b);
    rlp_put_u64(&b, 0);
    rlp_put_u64(&b, 15);
    rlp_put_u64(&b, 127);
    rlp_put_u64(&b, 128);
    rlp_put_u64(&b, 1024);
    rlp_put_u64(&b, UINT64_MAX);
    expect_bytes(&b, "800f7f8180820400" "88ffffffffffffffff");

    zk_buf_reset(&b);
    uint8_t zero = 0;
    rlp_put_bytes(&b, &zero, 1); /* the byte 0x00 is a string, encodes as itself */
    expect_bytes(&b, "00");

    /* 56-byte string: first long form. */
    const char *lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
    zk_buf_reset(&b);
    rlp_put_bytes(&b, (const uint8_t *)lorem, strlen(lorem));
    expect_bytes(&b, "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572"
                     "206164697069736963696e6720656c6974");

    /* Set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ] */
    zk_buf_reset(&b);
    size_t o = rlp_list_begin(&b);
    size_t a = rlp_list_begin(&b);
    rlp_list_end(&b, a);
    a = rlp_list_begin(&b);
    size_t c = rlp_list_begin(&b);
    rlp_list_end(&b, c);
    rlp_list_end(&b, a);
    a = rlp_list_begin(&b);
    c = rlp_list_begin(&b);
    rlp_list_end(&b, c);
    c = rlp_list_begin(&b);
    size_t d = rlp_list_begin(&b);
    rlp_list_end(&b, d);
    rlp_list_end(&b, c);
    rlp_list_end(&b, a);
    rlp_list_end(&b, o);
    expect_bytes(&b, "c7c0c1c0c3c0c1c0");

    /* A list whose payload crosses 55 -> 56 bytes, and a 1024-byte string. */
    for (size_t plen = 50; plen < 70; plen++) {
        uint8_t payload[100];
        memset(payload, 0xab, sizeof payload);
        zk_buf_reset(&b);
        l = rlp_list_begin(&b);
        rlp_put_bytes(&b, payload, plen - 1); /* header 1 byte while plen-1 < 56 */
        rlp_list_end(&b, l);
        rlp_item it, inner;
        CHECK(rlp_decode(b.data, b.len, &it) == ZK_OK);
        CHECK(it.is_list);
        rlp_iter iter;
        CHECK(rlp_iter_init(&it, &iter) == ZK_OK);
        CHECK(rlp_iter_next(&iter, &inner) == ZK_OK);
        CHECK(!inner.is_list && inner.payload_len == plen - 1);
        CHECK(rlp_iter_next(&iter, &inner) == ZK_ERR_RANGE);
    }
    uint8_t big[1024];
    memset(big, 0x11, sizeof big);
    zk_buf_reset(&b);
    rlp_put_bytes(&b, big, sizeof big);
    CHECK(b.len == 1027 && b.data[0] == 0xb9 && b.data[1] == 0x04 && b.data[2] == 0x00);

    u256 v = u256_from_u64(0x0102);
    zk_buf_reset(&b);
    rlp_put_u256(&b, &v);
    v = u256_zero();
    rlp_put_u256(&b, &v);
    expect_bytes(&b, "82010280");
}

static void decoder_accepts(void)
{
    rlp_item it;
    uint64_t u;
    u256 w;
    CHECK(decode_hex("00", &it) == ZK_OK && !it.is_list && it.payload_len == 1 && it.payload[0] == 0);
    CHECK(decode_hex("7f", &it) == ZK_OK && it.payload_len == 1);
    CHECK(decode_hex("8180", &it) == ZK_OK && it.payload_len == 1 && it.payload[0] == 0x80);
    CHECK(decode_hex("80", &it) == ZK_OK && rlp_get_u64(&it, &u) == ZK_OK && u == 0);
    CHECK(decode_hex("820400", &it) == ZK_OK && rlp_get_u64(&it, &u) == ZK_OK && u == 1024);
    CHECK(decode_hex("88ffffffffffffffff", &it) == ZK_OK && rlp_get_u64(&it, &u) == ZK_OK && u == UINT64_MAX);
    CHECK(decode_hex("89010000000000000000", &it) == ZK_OK && rlp_get_u64(&it, &u) == ZK_ERR_RANGE);
    CHECK(rlp_get_u256(&it, &w) == ZK_OK && w.w[1] == 1 && w.w[0] == 0);
    CHECK(decode_hex("a1010000000000000000000000000000000000000000000000000000000000000000", &it) == ZK_OK);
    CHECK(rlp_get_u256(&it, &w) == ZK_ERR_RANGE);
    CHECK(decode_hex("c0", &it) == ZK_OK && it.is_list && it.payload_len == 0);
    size_t count = 99;
    CHECK(rlp_list_count(&it, &count) == ZK_OK && count == 0);
    CHECK(decode_hex("c88363617483646f67", &it) == ZK_OK && rlp_list_count(&it, &count) == ZK_OK && count == 2);

    /* Prefix decoding of a concatenation. */
    uint8_t two[] = {0x83, 'c', 'a', 't', 0x05};
    size_t used;
    CHECK(rlp_decode_prefix(two, sizeof two, &it, &used) == ZK_OK && used == 4);
    CHECK(rlp_decode(two, sizeof two, &it) == ZK_ERR_DECODE); /* trailing bytes */

    /* Typed accessors. */
    zk_hash h;
    zk_address a;
    zk_bytes bytes;
    CHECK(decode_hex("a0" "0102030405060708091011121314151617181920212223242526272829303132", &it) == ZK_OK);
    CHECK(rlp_get_hash(&it, &h) == ZK_OK && h.b[0] == 1 && h.b[31] == 0x32);
    CHECK(rlp_get_address(&it, &a) == ZK_ERR_DECODE);
    CHECK(decode_hex("94" "0102030405060708091011121314151617181920", &it) == ZK_OK);
    CHECK(rlp_get_address(&it, &a) == ZK_OK && a.b[19] == 0x20);
    CHECK(rlp_get_hash(&it, &h) == ZK_ERR_DECODE);
    CHECK(rlp_get_bytes(&it, &bytes) == ZK_OK && bytes.len == 20);
    CHECK(decode_hex("c0", &it) == ZK_OK);
    CHECK(rlp_get_bytes(&it, &bytes) == ZK_ERR_DECODE);
    CHECK(rlp_get_u64(&it, &u) == ZK_ERR_DECODE);
    CHECK(rlp_get_hash(&it, &h) == ZK_ERR_DECODE);
    rlp_iter iter;
    CHECK(decode_hex("80", &it) == ZK_OK && rlp_iter_init(&it, &iter) == ZK_ERR_DECODE);
}

static void decoder_rejects(void)
{
    static const char *bad[] = {
        "",                 /* nothing */
        "8100",             /* single byte < 0x80 wrapped */
        "817f",             /* idem */
        "b800",             /* long form for a short string */
        "b837" "00",        /* long form, length 55: must be short; also truncated */
        "b90038",           /* leading zero in length */
        "b8",               /* missing length */
        "b838",             /* truncated payload */
        "83646f",           /* truncated payload */
        "f800",             /* long list form for an empty list */
        "f90038",           /* list length with leading zero */
        "c3" "8100" "00",   /* list holding a non-canonical item (caught when iterating) */
        "c5" "83646f67",    /* list payload longer than input */
        "bf" "ffffffffffffffff", /* absurd length */
        "ff" "ffffffffffffffff", /* absurd list length */
        "8300",             /* truncated */
        "c28261",           /* an item running past the end of its list */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rlp_item it;
        zk_status st = decode_hex(bad[i], &it);
        if (i == 11) {
            /* The top-level decode only checks the list header; the bad item is found when
             * iterating. */
            CHECK(st == ZK_OK);
            size_t n;
            CHECK(rlp_list_count(&it, &n) == ZK_ERR_DECODE);
            continue;
        }
        if (i == 16) {
            CHECK(st == ZK_OK);
            size_t n;
            CHECK(rlp_list_count(&it, &n) == ZK_ERR_DECODE);
            continue;
        }
        if (st != ZK_ERR_DECODE) {
            fprintf(stderr, "accepted bad RLP %s (status %d)\n", bad[i], st);
            check_failures++;
        }
    }
    /* Non-canonical integers (leading zeros) are well-formed strings but bad integers. */
    rlp_item it;
    uint64_t u;
    u256 w;
    CHECK(decode_hex("00", &it) == ZK_OK && rlp_get_u64(&it, &u) == ZK_ERR_DECODE);
    CHECK(decode_hex("820001", &it) == ZK_OK && rlp_get_u64(&it, &u) == ZK_ERR_DECODE);
    CHECK(rlp_get_u256(&it, &w) == ZK_ERR_DECODE);
}

/* Random nested structures: encode, decode, re-encode from the decoded items. */
static uint64_t rng = 12345;
static uint64_t rnd(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return rng >> 33;
}

static void gen(zk_buf *b, int depth)
{
    if (depth < 3 && rnd() % 3 == 0) {
        size_t l = rlp_list_begin(b);
        int n = (int)(rnd() % 6);
        for (int i = 0; i < n; i++)
            gen(b, depth + 1);
        rlp_list_end(b, l);
    } else {
        uint8_t data[300];
        size_t len = rnd() % 4 == 0 ? rnd() % 300 : rnd() % 3;
        for (size_t i = 0; i < len; i++)
            data[i] = (uint8_t)rnd();
        rlp_put_bytes(b, data, len);
    }
}

static void reencode(zk_buf *out, const rlp_item *it)
{
    if (!it->is_list) {
        rlp_put_bytes(out, it->payload, it->payload_len);
        return;
    }
    size_t l = rlp_list_begin(out);
    rlp_iter iter;
    rlp_item sub;
    CHECK(rlp_iter_init(it, &iter) == ZK_OK);
    zk_status st;
    while ((st = rlp_iter_next(&iter, &sub)) == ZK_OK)
        reencode(out, &sub);
    CHECK(st == ZK_ERR_RANGE);
    rlp_list_end(out, l);
}

static void round_trips(void)
{
    for (int i = 0; i < 2000; i++) {
        zk_arena_mark m = zk_arena_get_mark(&arena);
        zk_buf b, c;
        zk_buf_init(&b, &arena, 16);
        zk_buf_init(&c, &arena, 0);
        gen(&b, 0);
        rlp_item it;
        CHECK(rlp_decode(b.data, b.len, &it) == ZK_OK);
        CHECK(it.raw == b.data && it.raw_len == b.len);
        reencode(&c, &it);
        CHECK(c.len == b.len && memcmp(c.data, b.data, b.len) == 0);
        /* Every strict prefix is rejected. */
        for (size_t cut = 0; cut < b.len; cut += 1 + b.len / 16)
            CHECK(rlp_decode(b.data, cut, &it) != ZK_OK);
        zk_arena_reset(&arena, m);
    }
    for (int i = 0; i < 1000; i++) {
        uint64_t v = rnd() << (rnd() % 40);
        zk_buf b;
        zk_buf_init(&b, &arena, 0);
        rlp_put_u64(&b, v);
        rlp_item it;
        uint64_t back;
        CHECK(rlp_decode(b.data, b.len, &it) == ZK_OK && rlp_get_u64(&it, &back) == ZK_OK && back == v);
    }
}

/* An arena that runs out makes the buffer report oom and stop appending. */
static void out_of_memory(void)
{
    static uint8_t mem[256];
    zk_arena small;
    zk_arena_init_fixed(&small, mem, sizeof mem);
    zk_buf b;
    zk_buf_init(&b, &small, 0);
    uint8_t data[300] = {0};
    rlp_put_bytes(&b, data, sizeof data);
    CHECK(b.oom);
    size_t l = rlp_list_begin(&b);
    rlp_list_end(&b, l);
    CHECK(b.oom);
}

int main(void)
{
    zk_arena_init_malloc(&arena, 1 << 16);
    encoder_vectors();
    decoder_accepts();
    decoder_rejects();
    round_trips();
    out_of_memory();
    zk_arena_release(&arena);
    return check_done("test_rlp");
}
