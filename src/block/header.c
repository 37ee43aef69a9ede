/* header.c — header, withdrawal and block decoding and encoding.
 *
 * Header fields, in order (Yellow Paper 4.3 plus later EIPs):
 *   parent_hash, ommers_hash, coinbase, state_root, transactions_root, receipts_root,
 *   logs_bloom, difficulty, number, gas_limit, gas_used, timestamp, extra_data, mix_hash,
 *   nonce, [base_fee (London), withdrawals_root (Shanghai), blob_gas_used, excess_blob_gas
 *   (Cancun), parent_beacon_block_root (Cancun), requests_hash (Prague),
 *   block_access_list_hash, slot_number (Amsterdam)]
 * Each optional field may appear only if all earlier ones do.
 */
#include "block.h"

#include <string.h>

#include "../core/keccak.h"

#define TRY(expr)                     \
    do {                              \
        zk_status try_st_ = (expr);   \
        if (try_st_ != ZK_OK)         \
            return try_st_;           \
    } while (0)

static zk_status next_field(rlp_iter *it, rlp_item *out)
{
    zk_status st = rlp_iter_next(it, out);
    return st == ZK_ERR_RANGE ? ZK_ERR_DECODE : st;
}

static zk_status get_fixed(const rlp_item *item, uint8_t *out, size_t len)
{
    if (item->is_list || item->payload_len != len)
        return ZK_ERR_DECODE;
    memcpy(out, item->payload, len);
    return ZK_OK;
}

#define HEADER_MIN_FIELDS 15
#define HEADER_MAX_FIELDS 23

zk_status zk_header_decode_item(const rlp_item *item, zk_header *h)
{
    size_t n;
    if (!item->is_list)
        return ZK_ERR_DECODE;
    TRY(rlp_list_count(item, &n));
    if (n < HEADER_MIN_FIELDS || n > HEADER_MAX_FIELDS || n == 18) /* blob gas fields come in pairs */
        return ZK_ERR_DECODE;

    memset(h, 0, sizeof *h);
    rlp_iter it;
    rlp_item f[HEADER_MAX_FIELDS];
    TRY(rlp_iter_init(item, &it));
    for (size_t i = 0; i < n; i++)
        TRY(next_field(&it, &f[i]));

    TRY(rlp_get_hash(&f[0], &h->parent_hash));
    TRY(rlp_get_hash(&f[1], &h->ommers_hash));
    TRY(rlp_get_address(&f[2], &h->coinbase));
    TRY(rlp_get_hash(&f[3], &h->state_root));
    TRY(rlp_get_hash(&f[4], &h->transactions_root));
    TRY(rlp_get_hash(&f[5], &h->receipts_root));
    TRY(get_fixed(&f[6], h->logs_bloom.b, sizeof h->logs_bloom.b));
    TRY(rlp_get_u256(&f[7], &h->difficulty));
    TRY(rlp_get_u64(&f[8], &h->number));
    TRY(rlp_get_u64(&f[9], &h->gas_limit));
    TRY(rlp_get_u64(&f[10], &h->gas_used));
    TRY(rlp_get_u64(&f[11], &h->timestamp));
    TRY(rlp_get_bytes(&f[12], &h->extra_data));
    TRY(rlp_get_hash(&f[13], &h->mix_hash));
    TRY(get_fixed(&f[14], h->nonce, sizeof h->nonce));
    if (n > 15) {
        h->has_base_fee = true;
        TRY(rlp_get_u256(&f[15], &h->base_fee_per_gas));
    }
    if (n > 16) {
        h->has_withdrawals_root = true;
        TRY(rlp_get_hash(&f[16], &h->withdrawals_root));
    }
    if (n > 17) {
        h->has_blob_gas = true;
        TRY(rlp_get_u64(&f[17], &h->blob_gas_used));
        TRY(rlp_get_u64(&f[18], &h->excess_blob_gas));
    }
    if (n > 19) {
        h->has_parent_beacon_root = true;
        TRY(rlp_get_hash(&f[19], &h->parent_beacon_block_root));
    }
    if (n > 20) {
        h->has_requests_hash = true;
        TRY(rlp_get_hash(&f[20], &h->requests_hash));
    }
    if (n > 21) {
        h->has_block_access_list_hash = true;
        TRY(rlp_get_hash(&f[21], &h->block_access_list_hash));
    }
    if (n > 22) {
        h->has_slot_number = true;
        TRY(rlp_get_u64(&f[22], &h->slot_number));
    }
    h->hash = keccak256(item->raw, item->raw_len);
    return ZK_OK;
}

zk_status zk_header_decode(const uint8_t *data, size_t len, zk_header *h)
{
    rlp_item item;
    TRY(rlp_decode(data, len, &item));
    return zk_header_decode_item(&item, h);
}

void zk_header_encode(zk_buf *b, const zk_header *h)
{
    size_t list = rlp_list_begin(b);
    rlp_put_hash(b, &h->parent_hash);
    rlp_put_hash(b, &h->ommers_hash);
    rlp_put_address(b, &h->coinbase);
    rlp_put_hash(b, &h->state_root);
    rlp_put_hash(b, &h->transactions_root);
    rlp_put_hash(b, &h->receipts_root);
    rlp_put_bytes(b, h->logs_bloom.b, sizeof h->logs_bloom.b);
    rlp_put_u256(b, &h->difficulty);
    rlp_put_u64(b, h->number);
    rlp_put_u64(b, h->gas_limit);
    rlp_put_u64(b, h->gas_used);
    rlp_put_u64(b, h->timestamp);
    rlp_put_bytes(b, h->extra_data.len ? h->extra_data.ptr : (const uint8_t *)"", h->extra_data.len);
    rlp_put_hash(b, &h->mix_hash);
    rlp_put_bytes(b, h->nonce, sizeof h->nonce);
    /* Optional fields stop at the first absent one, as in the decoder. */
    if (h->has_base_fee) {
        rlp_put_u256(b, &h->base_fee_per_gas);
        if (h->has_withdrawals_root) {
            rlp_put_hash(b, &h->withdrawals_root);
            if (h->has_blob_gas) {
                rlp_put_u64(b, h->blob_gas_used);
                rlp_put_u64(b, h->excess_blob_gas);
                if (h->has_parent_beacon_root) {
                    rlp_put_hash(b, &h->parent_beacon_block_root);
                    if (h->has_requests_hash) {
                        rlp_put_hash(b, &h->requests_hash);
                        if (h->has_block_access_list_hash) {
                            rlp_put_hash(b, &h->block_access_list_hash);
                            if (h->has_slot_number)
                                rlp_put_u64(b, h->slot_number);
                        }
                    }
                }
            }
        }
    }
    rlp_list_end(b, list);
}

void zk_withdrawal_encode(zk_buf *b, const zk_withdrawal *w)
{
    size_t list = rlp_list_begin(b);
    rlp_put_u64(b, w->index);
    rlp_put_u64(b, w->validator_index);
    rlp_put_address(b, &w->address);
    rlp_put_u64(b, w->amount_gwei);
    rlp_list_end(b, list);
}

static zk_status decode_withdrawal(const rlp_item *item, zk_withdrawal *w)
{
    size_t n;
    if (!item->is_list)
        return ZK_ERR_DECODE;
    TRY(rlp_list_count(item, &n));
    if (n != 4)
        return ZK_ERR_DECODE;
    rlp_iter it;
    rlp_item f;
    TRY(rlp_iter_init(item, &it));
    TRY(next_field(&it, &f));
    TRY(rlp_get_u64(&f, &w->index));
    TRY(next_field(&it, &f));
    TRY(rlp_get_u64(&f, &w->validator_index));
    TRY(next_field(&it, &f));
    TRY(rlp_get_address(&f, &w->address));
    TRY(next_field(&it, &f));
    return rlp_get_u64(&f, &w->amount_gwei);
}

/* Counts a list's items and allocates `size` bytes for each. */
static zk_status list_alloc(zk_arena *a, const rlp_item *list, size_t size, size_t *n, void **out)
{
    if (!list->is_list)
        return ZK_ERR_DECODE;
    TRY(rlp_list_count(list, n));
    *out = NULL;
    if (*n == 0)
        return ZK_OK;
    if (*n > SIZE_MAX / size)
        return ZK_ERR_RANGE;
    *out = zk_arena_alloc(a, *n * size);
    return *out ? ZK_OK : ZK_ERR_NOMEM;
}

zk_status zk_block_decode(zk_arena *a, const uint8_t *data, size_t len, zk_block *blk)
{
    rlp_item block, part[4];
    size_t n;
    memset(blk, 0, sizeof *blk);
    TRY(rlp_decode(data, len, &block));
    if (!block.is_list)
        return ZK_ERR_DECODE;
    TRY(rlp_list_count(&block, &n));
    if (n < 3 || n > 4)
        return ZK_ERR_DECODE;
    rlp_iter it;
    TRY(rlp_iter_init(&block, &it));
    for (size_t i = 0; i < n; i++)
        TRY(next_field(&it, &part[i]));

    TRY(zk_header_decode_item(&part[0], &blk->header));

    void *mem;
    TRY(list_alloc(a, &part[1], sizeof(zk_tx), &blk->num_txs, &mem));
    blk->txs = mem;
    TRY(rlp_iter_init(&part[1], &it));
    for (size_t i = 0; i < blk->num_txs; i++) {
        rlp_item tx;
        TRY(next_field(&it, &tx));
        TRY(zk_tx_decode_item(a, &tx, &blk->txs[i]));
    }

    TRY(list_alloc(a, &part[2], sizeof(zk_header), &blk->num_ommers, &mem));
    zk_header *ommers = mem;
    TRY(rlp_iter_init(&part[2], &it));
    for (size_t i = 0; i < blk->num_ommers; i++) {
        rlp_item h;
        TRY(next_field(&it, &h));
        TRY(zk_header_decode_item(&h, &ommers[i]));
    }
    blk->ommers = ommers;

    if (n == 4) {
        blk->has_withdrawals = true;
        TRY(list_alloc(a, &part[3], sizeof(zk_withdrawal), &blk->num_withdrawals, &mem));
        zk_withdrawal *ws = mem;
        TRY(rlp_iter_init(&part[3], &it));
        for (size_t i = 0; i < blk->num_withdrawals; i++) {
            rlp_item w;
            TRY(next_field(&it, &w));
            TRY(decode_withdrawal(&w, &ws[i]));
        }
        blk->withdrawals = ws;
    }
    blk->raw.ptr = data;
    blk->raw.len = len;
    return ZK_OK;
}
