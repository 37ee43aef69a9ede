/* fuzz_block_decode.c — libFuzzer target for the block codecs: any input is decoded as a
 * block, a transaction and a header; whatever decodes must re-encode to the same bytes
 * (the decoders accept canonical encodings only), and senders are recovered without
 * crashing. Build with -DZK_FUZZ=ON; run ./fuzz_block_decode -max_total_time=60
 * (seed it with block RLPs from the fixtures for depth). */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include "block/block.h"
#include "core/arena_malloc.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zk_arena a;
    zk_arena_init_malloc(&a, 1 << 16);
    zk_block blk;
    if (zk_block_decode(&a, data, size, &blk) == ZK_OK) {
        zk_buf b; zk_buf_init(&b, &a, 256);
        zk_header_encode(&b, &blk.header);
        for (size_t i = 0; i < blk.num_txs; i++) { zk_buf_reset(&b); zk_tx_encode(&b, &blk.txs[i]);
            bool lossy = false;
            for (size_t k = 0; k < blk.txs[i].num_authorizations; k++) lossy |= blk.txs[i].authorizations[k].nonce_overflow;
            if (!lossy && (b.len != blk.txs[i].encoded.len || memcmp(b.data, blk.txs[i].encoded.ptr, b.len))) __builtin_trap();
            zk_tx_recover_sender(&a, &blk.txs[i]); }
    }
    zk_tx tx;
    if (zk_tx_decode(&a, data, size, &tx) == ZK_OK) {
        bool lossy = false; /* an overflowing authorization nonce is kept only as a flag */
        for (size_t i = 0; i < tx.num_authorizations; i++) lossy |= tx.authorizations[i].nonce_overflow;
        if (lossy) { zk_arena_release(&a); return 0; }
        zk_buf b; zk_buf_init(&b, &a, 256); zk_tx_encode(&b, &tx);
        if (b.len != size || memcmp(b.data, data, size)) __builtin_trap();
    }
    zk_header h;
    if (zk_header_decode(data, size, &h) == ZK_OK) {
        zk_buf b; zk_buf_init(&b, &a, 600); zk_header_encode(&b, &h);
        if (b.len != size || memcmp(b.data, data, size)) __builtin_trap();
    }
    zk_arena_release(&a);
    return 0;
}
