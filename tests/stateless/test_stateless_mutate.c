/* test_stateless_mutate.c — robustness of the validator on damaged inputs: every input of
 * the zkEVM fixtures is mutated (each container offset set to nearby and absurd values,
 * truncations, an extra byte, random bit flips and byte overwrites) and validated. Every
 * run must return ZK_OK with a 41-byte output whose ok byte is 0 or 1, all zero when the
 * input did not decode, the same on a second run (sampled), and (under ASan/UBSan in
 * `make test`) without a memory error.
 *
 * Usage: test_stateless_mutate DIR [FLIPS_PER_INPUT]. */
#include "fixture_walk.h"

#include "core/arena_malloc.h"

typedef struct stats {
    zk_arena arena;
    uint64_t rng;
    size_t flips;
    size_t runs, undecodable, invalid, valid, failures;
} stats;

static uint64_t next(stats *s)
{
    s->rng ^= s->rng << 13;
    s->rng ^= s->rng >> 7;
    s->rng ^= s->rng << 17;
    return s->rng;
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void run_one(stats *s, const uint8_t *in, size_t len, const char *what, size_t where)
{
    static const uint8_t zero[ZK_STATELESS_OUTPUT_MAX];
    uint8_t out[ZK_STATELESS_OUTPUT_MAX], again[ZK_STATELESS_OUTPUT_MAX];
    size_t out_len, again_len;
    zk_stateless_report rep;
    zk_arena_mark mark = zk_arena_get_mark(&s->arena);
    zk_status st = zk_stateless_validate_ex(ZK_STATELESS_V033, in, len, &s->arena, out, &out_len, &rep);
    zk_arena_reset(&s->arena, mark);
    s->runs++;
    bool bad = st != ZK_OK || out_len != ZK_STATELESS_OUTPUT_V033 || out[32] > 1 ||
               (!rep.decoded && memcmp(out, zero, out_len) != 0);
    if (!bad && s->runs % 16 == 0) { /* determinism, sampled */
        st = zk_stateless_validate(ZK_STATELESS_V033, in, len, &s->arena, again, &again_len);
        zk_arena_reset(&s->arena, mark);
        bad = st != ZK_OK || again_len != out_len || memcmp(out, again, out_len) != 0;
    }
    if (bad) {
        fprintf(stderr, "%s at %zu: status %d, %zu bytes, ok byte %d\n", what, where, (int)st, out_len, out[32]);
        s->failures++;
        return;
    }
    if (!rep.decoded)
        s->undecodable++;
    else if (rep.valid)
        s->valid++;
    else
        s->invalid++;
}

/* Byte positions of every container offset of a v0.3.3 input (when its layout is sane). */
static size_t offset_fields(const uint8_t *in, size_t len, size_t *pos)
{
    size_t n = 0;
    if (len < 20)
        return 0;
    pos[n++] = 0;
    pos[n++] = 4;
    pos[n++] = 16;
    size_t npr = rd32(in), wit = rd32(in + 4);
    if (npr + 44 <= len) {
        pos[n++] = npr;
        pos[n++] = npr + 4;
        pos[n++] = npr + 40;
        size_t payload = npr + rd32(in + npr);
        if (payload + 540 <= len) {
            static const size_t rel[4] = {436, 504, 508, 528};
            for (int i = 0; i < 4; i++)
                pos[n++] = payload + rel[i];
            size_t txs = payload + rd32(in + payload + 504);
            if (txs + 4 <= len)
                pos[n++] = txs; /* first offset of the transactions list */
        }
    }
    if (wit + 12 <= len) {
        for (int i = 0; i < 3; i++) {
            pos[n++] = wit + 4 * (size_t)i;
            size_t list = wit + rd32(in + wit + 4 * (size_t)i);
            if (list + 4 <= len)
                pos[n++] = list; /* first offset of state / codes / headers */
        }
    }
    return n;
}

static int mutate_block(void *user, const sl_block *b, char *err, size_t err_len)
{
    stats *s = user;
    size_t len = b->input_len;
    uint8_t *m = malloc(len + 1);
    if (!m)
        return -1;

    /* Offsets: off by one, zero, the input length, past it, all ones. */
    size_t pos[32];
    size_t np = offset_fields(b->input, len, pos);
    for (size_t i = 0; i < np; i++) {
        uint32_t v = rd32(b->input + pos[i]);
        uint32_t tries[6] = {v + 1, v - 1, 0, (uint32_t)len, (uint32_t)len + 1, 0xffffffffu};
        for (int k = 0; k < 6; k++) {
            memcpy(m, b->input, len);
            wr32(m + pos[i], tries[k]);
            run_one(s, m, len, "offset", pos[i]);
        }
    }
    /* Truncations and one extra byte. */
    size_t cuts[8] = {0, 1, 19, len / 2, len - 1, len > 2 ? len - 2 : 0, next(s) % len, next(s) % len};
    for (int i = 0; i < 8; i++)
        run_one(s, b->input, cuts[i] < len ? cuts[i] : 0, "truncation", cuts[i]);
    memcpy(m, b->input, len);
    m[len] = 0;
    run_one(s, m, len + 1, "extension", len);
    /* Bit flips and byte overwrites anywhere. */
    for (size_t i = 0; i < s->flips; i++) {
        memcpy(m, b->input, len);
        size_t at = next(s) % len;
        if (i % 4 == 3)
            m[at] = (uint8_t)next(s);
        else
            m[at] ^= (uint8_t)(1u << (next(s) % 8));
        run_one(s, m, len, "flip", at);
    }
    free(m);
    (void)err;
    (void)err_len;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_stateless_mutate DIR [FLIPS_PER_INPUT]\n");
        return 2;
    }
    stats s = {.rng = 0x9e3779b97f4a7c15ULL, .flips = argc > 2 ? (size_t)atol(argv[2]) : 512};
    zk_arena_init_malloc(&s.arena, 1u << 22);
    walk_ctx w = {.fn = mutate_block, .user = &s};
    walk_path(&w, argv[1]);
    zk_arena_release(&s.arena);
    printf("%zu mutated runs: %zu undecodable, %zu invalid, %zu still valid; %zu failures\n", s.runs,
           s.undecodable, s.invalid, s.valid, s.failures);
    return s.runs == 0 || s.failures || w.broken ? 1 : 0;
}
