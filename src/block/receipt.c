/* receipt.c — logs bloom and receipt encoding (Yellow Paper 4.3.1, EIP-658, EIP-2718). */
#include "block.h"

#include <string.h>

#include "../core/keccak.h"

/* Each of the first three byte pairs of keccak(x) selects one of 2048 bits; bit i of the
 * bloom is bit (i % 8) of byte 255 - i / 8 (the bloom is a big-endian 2048-bit number). */
static void bloom_add(zk_bloom *bloom, const uint8_t *data, size_t len)
{
    zk_hash h = keccak256(data, len);
    for (int i = 0; i < 6; i += 2) {
        unsigned bit = ((unsigned)(h.b[i] << 8) | h.b[i + 1]) & 2047u;
        bloom->b[255 - bit / 8] |= (uint8_t)(1u << (bit % 8));
    }
}

void zk_bloom_add_log(zk_bloom *bloom, const zk_log *log)
{
    bloom_add(bloom, log->address.b, sizeof log->address.b);
    for (size_t i = 0; i < log->num_topics; i++)
        bloom_add(bloom, log->topics[i].b, sizeof log->topics[i].b);
}

static void put_log(zk_buf *b, const zk_log *log)
{
    size_t list = rlp_list_begin(b);
    rlp_put_address(b, &log->address);
    size_t topics = rlp_list_begin(b);
    for (size_t i = 0; i < log->num_topics; i++)
        rlp_put_hash(b, &log->topics[i]);
    rlp_list_end(b, topics);
    rlp_put_bytes(b, log->data.len ? log->data.ptr : (const uint8_t *)"", log->data.len);
    rlp_list_end(b, list);
}

void zk_receipt_encode(zk_buf *b, const zk_receipt *r)
{
    if (r->tx_type != ZK_TX_LEGACY)
        zk_buf_append(b, &r->tx_type, 1);
    size_t list = rlp_list_begin(b);
    rlp_put_u64(b, r->success ? 1 : 0);
    rlp_put_u64(b, r->cumulative_gas_used);
    rlp_put_bytes(b, r->bloom.b, sizeof r->bloom.b);
    size_t logs = rlp_list_begin(b);
    for (size_t i = 0; i < r->num_logs; i++)
        put_log(b, &r->logs[i]);
    rlp_list_end(b, logs);
    rlp_list_end(b, list);
}
