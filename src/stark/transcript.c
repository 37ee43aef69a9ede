/* transcript.c — SHA-256 hash-chain transcript (see transcript.h). */
#include "transcript.h"

#include <string.h>

#include "hash.h"

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void put_u64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_u64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

void stark_transcript_init(stark_transcript *t, const char *domain)
{
    size_t len = 0;
    while (domain[len])
        len++;
    stark_hash_bytes(&t->state, domain, len);
    t->squeezes = 0;
}

void stark_transcript_absorb(stark_transcript *t, uint32_t tag, const void *data, size_t len)
{
    uint8_t buf[32 + 1 + 4 + 8 + 32];
    zk_hash d;
    stark_hash_bytes(&d, data, len);
    memcpy(buf, t->state.b, 32);
    buf[32] = 'A';
    put_u32(buf + 33, tag);
    put_u64(buf + 37, (uint64_t)len);
    memcpy(buf + 45, d.b, 32);
    stark_hash_bytes(&t->state, buf, sizeof buf);
}

void stark_transcript_absorb_u64s(stark_transcript *t, uint32_t tag, const uint64_t *v, size_t n)
{
    /* Little-endian words, encoded on the stack: no allocation. */
    uint8_t buf[8 * 64];
    if (n <= 64) {
        for (size_t i = 0; i < n; i++)
            put_u64(buf + 8 * i, v[i]);
        stark_transcript_absorb(t, tag, buf, 8 * n);
        return;
    }
    /* Longer arrays: absorb them 64 words at a time under the same tag. */
    for (size_t off = 0; off < n; off += 64) {
        size_t k = n - off < 64 ? n - off : 64;
        for (size_t i = 0; i < k; i++)
            put_u64(buf + 8 * i, v[off + i]);
        stark_transcript_absorb(t, tag, buf, 8 * k);
    }
}

zk_hash stark_transcript_squeeze(stark_transcript *t)
{
    uint8_t buf[32 + 1 + 8];
    memcpy(buf, t->state.b, 32);
    buf[32] = 'S';
    put_u64(buf + 33, t->squeezes++);
    stark_hash_bytes(&t->state, buf, sizeof buf);
    return t->state;
}

uint64_t stark_transcript_challenge_base(stark_transcript *t)
{
    for (;;) {
        zk_hash h = stark_transcript_squeeze(t);
        for (int w = 0; w < 4; w++) {
            uint64_t v = get_u64(h.b + 8 * w);
            if (v < GL_P)
                return v;
        }
    }
}

gl3 stark_transcript_challenge_ext(stark_transcript *t)
{
    for (;;) {
        zk_hash h = stark_transcript_squeeze(t);
        gl3 r = {{get_u64(h.b), get_u64(h.b + 8), get_u64(h.b + 16)}};
        if (r.c[0] < GL_P && r.c[1] < GL_P && r.c[2] < GL_P)
            return r;
    }
}

uint64_t stark_transcript_index(stark_transcript *t, unsigned bits)
{
    zk_hash h = stark_transcript_squeeze(t);
    uint64_t v = get_u64(h.b);
    return bits >= 64 ? v : (v & (((uint64_t)1 << bits) - 1));
}

static bool leading_zero_bits(const zk_hash *h, unsigned bits)
{
    for (unsigned i = 0; i < bits; i++)
        if (h->b[i / 8] & (0x80u >> (i % 8)))
            return false;
    return true;
}

bool stark_transcript_pow_ok(const stark_transcript *t, uint64_t nonce, unsigned bits)
{
    uint8_t buf[32 + 1 + 8];
    zk_hash h;
    memcpy(buf, t->state.b, 32);
    buf[32] = 'W';
    put_u64(buf + 33, nonce);
    stark_hash_bytes(&h, buf, sizeof buf);
    return leading_zero_bits(&h, bits);
}

uint64_t stark_transcript_grind(const stark_transcript *t, unsigned bits)
{
    uint64_t nonce = 0;
    while (!stark_transcript_pow_ok(t, nonce, bits))
        nonce++;
    return nonce;
}
