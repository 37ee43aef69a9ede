/* test_stateless_fixtures.c — every block of the zkEVM fixtures (tests-zkevm@v0.3.3):
 *
 *  1. v0.3.3: the output's new_payload_request_root and chain id must equal
 *     statelessOutputBytes byte for byte (they are produced even when validation fails);
 *     the ok byte is counted (it is gated by stateless.conformance, with known failures).
 *     The same input with the witness state and codes lists reversed and an item
 *     duplicated must give the same output (the witness is keyed by hash).
 *  2. canonical: the same block re-encoded in the 0x1501 format (schema prefix, empty
 *     typed execution requests, one recovered public key per transaction) must decode and
 *     give the same verdict, chain id and schema id 01 15; a key for the wrong signer
 *     must make it invalid, and one key too few too.
 *
 * Usage: test_stateless_fixtures DIR. Fails on any mismatch. */
#include "fixture_walk.h"

#include "accel/zkvm_accelerators.h"
#include "block/block.h"
#include "core/arena_malloc.h"

typedef struct stats {
    zk_arena arena;
    size_t blocks, roots, chain_ids, ok_match, shuffled, canonical, canonical_agree, canonical_skipped, key_checks;
    size_t failures;
} stats;

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, size_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* The 65-byte public key that signed `tx` (04 || x || y). */
static int signer_key(zk_arena *a, zk_tx *tx, uint8_t key[65])
{
    zk_hash msg;
    if (zk_tx_signing_hash(a, tx, &msg) != ZK_OK || !u256_fits_u64(&tx->v))
        return -1;
    uint64_t v = tx->v.w[0];
    uint8_t recid;
    if (tx->type != ZK_TX_LEGACY)
        recid = (uint8_t)v;
    else if (v == 27 || v == 28)
        recid = (uint8_t)(v - 27);
    else
        recid = (uint8_t)((v - 35) & 1);
    zkvm_secp256k1_hash h;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub;
    memcpy(h.data, msg.b, 32);
    u256_to_be(&tx->r, sig.data);
    u256_to_be(&tx->s, sig.data + 32);
    if (zkvm_secp256k1_ecrecover(&h, &sig, recid, &pub) != ZKVM_EOK)
        return -1;
    key[0] = 0x04;
    memcpy(key + 1, pub.data, 64);
    return 0;
}

/* Re-encodes a v0.3.3 input in the canonical format; NULL when the block cannot be
 * expressed (non-empty v0.3.3 requests, undecodable transaction). `drop_key`/`bad_key`
 * make the keys wrong on purpose. */
static uint8_t *to_canonical(stats *s, const sl_block *b, bool drop_key, bool bad_key, size_t *out_len)
{
    zk_stateless_input in;
    const uint8_t *p = b->input;
    if (zk_ssz_decode_input(&s->arena, ZK_STATELESS_V033, p, b->input_len, &in) != ZK_OK ||
        in.request.requests.num_wire != 0)
        return NULL;
    size_t npr_off = rd32(p), wit_off = rd32(p + 4), keys_off = rd32(p + 16);
    size_t npr_len = wit_off - npr_off, wit_len = keys_off - wit_off;
    size_t n = in.request.payload.num_transactions, nkeys = drop_key && n ? n - 1 : n;
    size_t len = 2 + 20 + npr_len + 20 + wit_len + 65 * nkeys;
    uint8_t *c = calloc(1, len);
    c[0] = 0x15;
    c[1] = 0x01;
    uint8_t *q = c + 2;
    wr32(q, 20);
    wr32(q + 4, 20 + npr_len + 20);
    memcpy(q + 8, p + 8, 8);
    wr32(q + 16, 20 + npr_len + 20 + wit_len);
    memcpy(q + 20, p + npr_off, npr_len);
    for (int i = 0; i < 5; i++)
        wr32(q + 20 + npr_len + 4 * i, 20); /* five empty request lists */
    memcpy(q + 20 + npr_len + 20, p + wit_off, wit_len);
    uint8_t *keys = q + 20 + npr_len + 20 + wit_len;
    for (size_t i = 0; i < nkeys; i++) {
        zk_tx tx;
        const zk_bytes *raw = &in.request.payload.transactions[i];
        if (zk_tx_decode(&s->arena, raw->ptr, raw->len, &tx) != ZK_OK || signer_key(&s->arena, &tx, keys + 65 * i)) {
            free(c);
            return NULL;
        }
        if (bad_key && i == 0)
            keys[65 * i + 64] ^= 1; /* another point (or none): not the signer */
    }
    *out_len = len;
    return c;
}


/* Appends a list of byte strings (offset table, then items) to out at *pos. */
static void put_list(uint8_t *out, size_t *pos, const zk_bytes *items, size_t n)
{
    size_t table = *pos, data = 4 * n;
    for (size_t i = 0; i < n; i++) {
        wr32(out + table + 4 * i, data);
        memcpy(out + table + data, items[i].ptr, items[i].len);
        data += items[i].len;
    }
    *pos = table + data;
}

/* The same v0.3.3 input with the witness state and codes lists reversed and their first
 * item repeated at the end: lookups are by hash, so the verdict must not change. */
static uint8_t *shuffled_witness(stats *s, const sl_block *b, size_t *out_len)
{
    zk_stateless_input in;
    const uint8_t *p = b->input;
    if (zk_ssz_decode_input(&s->arena, ZK_STATELESS_V033, p, b->input_len, &in) != ZK_OK)
        return NULL;
    size_t wit_off = rd32(p + 4), keys_off = rd32(p + 16);
    size_t n_state = in.num_state + (in.num_state > 0), n_codes = in.num_codes + (in.num_codes > 0);
    zk_bytes *state = zk_arena_alloc(&s->arena, (n_state + 1) * sizeof *state);
    zk_bytes *codes = zk_arena_alloc(&s->arena, (n_codes + 1) * sizeof *codes);
    size_t extra = 0;
    for (size_t i = 0; i < in.num_state; i++)
        state[i] = in.state[in.num_state - 1 - i];
    if (in.num_state) {
        state[in.num_state] = in.state[0];
        extra += 4 + in.state[0].len;
    }
    for (size_t i = 0; i < in.num_codes; i++)
        codes[i] = in.codes[in.num_codes - 1 - i];
    if (in.num_codes) {
        codes[in.num_codes] = in.codes[0];
        extra += 4 + in.codes[0].len;
    }
    size_t len = b->input_len + extra;
    uint8_t *out = calloc(1, len);
    memcpy(out, p, wit_off);
    size_t pos = wit_off + 12;
    wr32(out + wit_off, 12);
    put_list(out, &pos, state, n_state);
    wr32(out + wit_off + 4, pos - wit_off);
    put_list(out, &pos, codes, n_codes);
    wr32(out + wit_off + 8, pos - wit_off);
    put_list(out, &pos, in.headers, in.num_headers);
    wr32(out + 16, pos);
    memcpy(out + pos, p + keys_off, b->input_len - keys_off);
    *out_len = pos + (b->input_len - keys_off);
    return out;
}

static int check_block(void *user, const sl_block *b, char *err, size_t err_len)
{
    stats *s = user;
    uint8_t out[ZK_STATELESS_OUTPUT_MAX], cout[ZK_STATELESS_OUTPUT_MAX];
    size_t out_len, cout_len;
    zk_stateless_report rep, crep;
    s->blocks++;
    zk_arena_mark mark = zk_arena_get_mark(&s->arena);
    zk_status st = zk_stateless_validate_ex(ZK_STATELESS_V033, b->input, b->input_len, &s->arena, out, &out_len, &rep);
    zk_arena_reset(&s->arena, mark);
    if (st != ZK_OK || out_len != b->expected_len) {
        snprintf(err, err_len, "block %zu: status %d, %zu output bytes", b->index, (int)st, out_len);
        s->failures++;
        return 0;
    }
    bool root_ok = memcmp(out, b->expected, 32) == 0, chain_ok = memcmp(out + 33, b->expected + 33, 8) == 0;
    s->roots += root_ok;
    s->chain_ids += chain_ok;
    s->ok_match += out[32] == b->expected[32];
    if (!root_ok || !chain_ok) {
        fprintf(stderr, "block %zu: %s%s differ\n", b->index, root_ok ? "" : "root ", chain_ok ? "" : "chain id");
        s->failures++;
    }

    size_t slen;
    uint8_t *shuffled = shuffled_witness(s, b, &slen);
    zk_arena_reset(&s->arena, mark);
    if (shuffled) {
        st = zk_stateless_validate(ZK_STATELESS_V033, shuffled, slen, &s->arena, cout, &cout_len);
        zk_arena_reset(&s->arena, mark);
        free(shuffled);
        s->shuffled++;
        if (st != ZK_OK || cout_len != out_len || memcmp(cout, out, out_len) != 0) {
            fprintf(stderr, "block %zu: a reordered witness with duplicates changes the output\n", b->index);
            s->failures++;
        }
    }

    size_t clen;
    uint8_t *canon = to_canonical(s, b, false, false, &clen);
    zk_arena_reset(&s->arena, mark);
    if (!canon) {
        s->canonical_skipped++;
        return 0;
    }
    st = zk_stateless_validate_ex(ZK_STATELESS_CANONICAL, canon, clen, &s->arena, cout, &cout_len, &crep);
    zk_arena_reset(&s->arena, mark);
    free(canon);
    s->canonical++;
    bool agree = st == ZK_OK && cout_len == 43 && crep.decoded && cout[32] == out[32] &&
                 memcmp(cout + 33, out + 33, 8) == 0 && cout[41] == 0x01 && cout[42] == 0x15;
    s->canonical_agree += agree;
    if (!agree) {
        fprintf(stderr, "block %zu: canonical verdict %d (decoded %d: %s) vs v0.3.3 %d\n", b->index, cout[32],
                crep.decoded, crep.reason, out[32]);
        s->failures++;
    }
    /* Wrong keys make a valid block invalid. */
    if (out[32] == 1 && rep.num_txs > 0) {
        for (int variant = 0; variant < 2; variant++) {
            canon = to_canonical(s, b, variant == 0, variant == 1, &clen);
            zk_arena_reset(&s->arena, mark);
            if (!canon)
                continue;
            st = zk_stateless_validate_ex(ZK_STATELESS_CANONICAL, canon, clen, &s->arena, cout, &cout_len, &crep);
            zk_arena_reset(&s->arena, mark);
            free(canon);
            s->key_checks++;
            if (st != ZK_OK || cout[32] != 0 || !crep.decoded) {
                fprintf(stderr, "block %zu: a %s was accepted\n", b->index,
                        variant == 0 ? "missing public key" : "wrong public key");
                s->failures++;
            }
        }
    }
    (void)err;
    (void)err_len;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_stateless_fixtures DIR...\n");
        return 2;
    }
    stats s = {0};
    zk_arena_init_malloc(&s.arena, 1u << 22);
    walk_ctx w = {.fn = check_block, .user = &s};
    for (int i = 1; i < argc; i++)
        walk_path(&w, argv[i]);
    zk_arena_release(&s.arena);
    printf("%zu files, %zu tests, %zu stateless blocks: %zu roots match, %zu chain ids match, %zu ok bytes match\n",
           w.files, w.tests, s.blocks, s.roots, s.chain_ids, s.ok_match);
    printf("reordered witness lists with duplicates: %zu blocks, same output required\n", s.shuffled);
    printf("canonical re-encoding: %zu blocks (%zu not expressible), %zu same verdict; %zu wrong-key checks\n",
           s.canonical, s.canonical_skipped, s.canonical_agree, s.key_checks);
    if (s.blocks == 0 || w.broken || s.failures) {
        printf("FAILED: %zu mismatches, %zu broken files or tests\n", s.failures, w.broken);
        return 1;
    }
    return 0;
}
