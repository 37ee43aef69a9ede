/* fuzz_verify.c — libFuzzer target: the verifier must return an error, never crash, hang or
 * read out of bounds, on any bytes. Inputs are used three ways (first byte):
 *   0: the raw bytes are the proof;
 *   1: (offset, xor) pairs applied to a valid proof;
 *   2: a valid proof truncated or extended to a length taken from the input.
 * A mutated proof that still verifies is a soundness bug and aborts. */
#include <stdlib.h>
#include <string.h>

#include "airs.h"
#include "core/arena_malloc.h"
#include "stark.h"

static const stark_params FUZZ_PARAMS = {
    .log_blowup = 2, .fri_log_arity = 3, .fri_log_final = 5, .pow_bits = 2, .num_queries = 4, .merkle_cap_log = 2};
#define FUZZ_LOG_N 6

static zk_arena fuzz_arena;
static uint8_t *valid_proof;
static size_t valid_len;
static uint64_t fuzz_pub[STARK_LOOKUP_PUBLICS];
static bool fuzz_ready;

static void fuzz_setup(void)
{
    if (fuzz_ready)
        return;
    zk_arena_init_malloc(&fuzz_arena, 1 << 22);
    uint64_t **main;
    if (stark_lookup_trace(FUZZ_LOG_N, 3, &fuzz_arena, &main, fuzz_pub) != ZK_OK ||
        stark_prove(stark_air_lookup(), &FUZZ_PARAMS, FUZZ_LOG_N, (const uint64_t *const *)main, fuzz_pub, NULL,
                    &fuzz_arena, &valid_proof, &valid_len) != ZK_OK)
        abort();
    fuzz_ready = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    if (size == 0)
        return 0;
    zk_arena_mark m = zk_arena_get_mark(&fuzz_arena);
    uint8_t mode = data[0] % 3;
    const uint8_t *proof = data + 1;
    size_t len = size - 1;
    uint8_t *buf = NULL;
    bool mutated = false;
    if (mode == 1) {
        buf = zk_arena_dup(&fuzz_arena, valid_proof, valid_len);
        for (size_t i = 1; i + 3 <= size; i += 3) {
            size_t off = ((size_t)data[i] << 8 | data[i + 1]) * 131 % valid_len;
            buf[off] ^= data[i + 2];
        }
        mutated = memcmp(buf, valid_proof, valid_len) != 0; /* two flips may cancel */
        proof = buf;
        len = valid_len;
    } else if (mode == 2 && size >= 3) {
        size_t want = ((size_t)data[1] << 8 | data[2]) * 7;
        buf = zk_arena_calloc(&fuzz_arena, want + 1);
        memcpy(buf, valid_proof, want < valid_len ? want : valid_len);
        proof = buf;
        len = want;
        mutated = want != valid_len;
    }
    zk_status st = stark_verify(stark_air_lookup(), &FUZZ_PARAMS, FUZZ_LOG_N, fuzz_pub, proof, len, &fuzz_arena);
    if (st == ZK_OK && (mode == 0 ? (len != valid_len || memcmp(proof, valid_proof, len) != 0) : mutated))
        abort(); /* a changed proof was accepted */
    zk_arena_reset(&fuzz_arena, m);
    return 0;
}
