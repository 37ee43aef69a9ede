/* test_commit.c — the hash (SHA-256 vectors), Merkle trees and the transcript. */
#include <string.h>

#include "core/arena_malloc.h"
#include "hash.h"
#include "merkle.h"
#include "test_util.h"
#include "transcript.h"

static int hex_eq(const zk_hash *h, const char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++)
        if (hex[2 * i] != digits[h->b[i] >> 4] || hex[2 * i + 1] != digits[h->b[i] & 15])
            return 0;
    return 1;
}

static void leaf_fn(const void *ctx, size_t i, uint8_t *buf)
{
    (void)ctx;
    for (int b = 0; b < 24; b++)
        buf[b] = (uint8_t)(i * 31 + b);
}

int main(void)
{
    zk_hash h;
    stark_hash_bytes(&h, "abc", 3);
    CHECK(hex_eq(&h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    stark_hash_bytes(&h, "", 0);
    CHECK(hex_eq(&h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    const char *m2 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    stark_hash_bytes(&h, m2, strlen(m2));
    CHECK(hex_eq(&h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    /* The pair compression is SHA-256 of the 64-byte concatenation. */
    zk_hash l, r, p, q;
    uint8_t cat[64];
    for (int i = 0; i < 32; i++) {
        l.b[i] = (uint8_t)i;
        r.b[i] = (uint8_t)(200 - i);
        cat[i] = l.b[i];
        cat[32 + i] = r.b[i];
    }
    stark_hash_pair(&p, &l, &r);
    stark_hash_bytes(&q, cat, 64);
    CHECK(zk_hash_eq(&p, &q));

    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 20);
    for (size_t n = 1; n <= 1024; n *= 4) {
        stark_merkle t;
        REQUIRE(stark_merkle_build(&t, n, 24, leaf_fn, NULL, NULL, &a) == ZK_OK);
        zk_hash path[16];
        for (size_t i = 0; i < n; i++) {
            uint8_t buf[24];
            zk_hash lh;
            leaf_fn(NULL, i, buf);
            stark_hash_bytes(&lh, buf, 24);
            stark_merkle_open(&t, i, path);
            CHECK(stark_merkle_verify(stark_merkle_root(&t), t.depth, i, &lh, path));
            if (n > 1) {
                CHECK(!stark_merkle_verify(stark_merkle_root(&t), t.depth, i ^ 1, &lh, path));
                zk_hash bad = path[0];
                bad.b[5] ^= 1;
                zk_hash saved = path[0];
                path[0] = bad;
                CHECK(!stark_merkle_verify(stark_merkle_root(&t), t.depth, i, &lh, path));
                path[0] = saved;
            }
            buf[3] ^= 0x10;
            stark_hash_bytes(&lh, buf, 24);
            CHECK(!stark_merkle_verify(stark_merkle_root(&t), t.depth, i, &lh, path));
        }
        CHECK(!stark_merkle_verify(stark_merkle_root(&t), t.depth, n, &t.nodes[n], path)); /* out of range */
        /* Caps: every cap height, every leaf; a wrong cap entry or index fails. */
        for (unsigned h = 0; h <= t.depth + 1; h++) {
            const zk_hash *cap = stark_merkle_cap(&t, h);
            unsigned levels = t.depth - stark_merkle_cap_log(t.depth, h);
            for (size_t i = 0; i < n; i += 3) {
                uint8_t buf[24];
                zk_hash lh;
                leaf_fn(NULL, i, buf);
                stark_hash_bytes(&lh, buf, 24);
                stark_merkle_open_capped(&t, i, h, path);
                CHECK(stark_merkle_verify_capped(cap, t.depth, h, i, &lh, path));
                if (n > 1)
                    CHECK(!stark_merkle_verify_capped(cap, t.depth, h, i ^ 1, &lh, path));
                if (levels > 0) {
                    path[levels - 1].b[0] ^= 1;
                    CHECK(!stark_merkle_verify_capped(cap, t.depth, h, i, &lh, path));
                }
            }
            if (h == 0)
                CHECK(zk_hash_eq(cap, stark_merkle_root(&t)));
        }
    }

    /* Transcript: deterministic, order- and tag-sensitive, unbiased challenges in range. */
    stark_transcript t1, t2, t3;
    stark_transcript_init(&t1, "test");
    stark_transcript_init(&t2, "test");
    stark_transcript_init(&t3, "test");
    stark_transcript_absorb(&t1, 1, "xy", 2);
    stark_transcript_absorb(&t2, 1, "xy", 2);
    stark_transcript_absorb(&t3, 2, "xy", 2);
    gl3 c1 = stark_transcript_challenge_ext(&t1), c2 = stark_transcript_challenge_ext(&t2);
    gl3 c3 = stark_transcript_challenge_ext(&t3);
    CHECK(gl3_eq(c1, c2));
    CHECK(!gl3_eq(c1, c3));
    for (int i = 0; i < 1000; i++) {
        CHECK(stark_transcript_challenge_base(&t1) < GL_P);
        CHECK(stark_transcript_index(&t1, 10) < 1024);
    }
    uint64_t nonce = stark_transcript_grind(&t1, 8);
    CHECK(stark_transcript_pow_ok(&t1, nonce, 8));
    int passing = 0;
    for (uint64_t k = 0; k < 4096; k++)
        passing += stark_transcript_pow_ok(&t1, k, 8);
    CHECK(passing > 0 && passing < 64); /* about 16 expected */
    zk_arena_release(&a);
    return test_finish("test_commit");
}
