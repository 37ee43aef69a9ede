/* rlp.c — strict RLP decoder and arena-backed encoder.
 *
 * Canonical form, as the decoder enforces it:
 *   - a single byte below 0x80 is its own encoding (0x81 0x05 is rejected);
 *   - payloads shorter than 56 bytes use the short header (0xb8 0x05 ... is rejected);
 *   - long-form lengths have no leading zero bytes;
 *   - every length fits inside the input (checked without overflow).
 */
#include "rlp.h"

#include <string.h>

/* ---- decoding ---- */

/* Reads the big-endian length of a long-form header: `n` bytes at p, 1 <= n <= 8. */
static zk_status read_long_length(const uint8_t *p, size_t n, size_t *out)
{
    if (p[0] == 0)
        return ZK_ERR_DECODE; /* leading zero in the length */
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | p[i];
    if (v < 56)
        return ZK_ERR_DECODE; /* should have used the short form */
    if (v > (uint64_t)SIZE_MAX)
        return ZK_ERR_DECODE;
    *out = (size_t)v;
    return ZK_OK;
}

zk_status rlp_decode_prefix(const uint8_t *data, size_t len, rlp_item *out, size_t *consumed)
{
    if (len == 0)
        return ZK_ERR_DECODE;
    uint8_t b0 = data[0];
    size_t header, payload_len;
    bool is_list = b0 >= 0xc0;

    if (b0 < 0x80) {
        header = 0;
        payload_len = 1;
    } else if (b0 <= 0xb7 || (b0 >= 0xc0 && b0 <= 0xf7)) {
        header = 1;
        payload_len = b0 - (is_list ? 0xc0u : 0x80u);
    } else {
        size_t len_of_len = b0 - (is_list ? 0xf7u : 0xb7u);
        if (len - 1 < len_of_len)
            return ZK_ERR_DECODE;
        zk_status st = read_long_length(data + 1, len_of_len, &payload_len);
        if (st != ZK_OK)
            return st;
        header = 1 + len_of_len;
    }
    if (payload_len > len - header)
        return ZK_ERR_DECODE;
    if (!is_list && header == 1 && payload_len == 1 && data[1] < 0x80)
        return ZK_ERR_DECODE; /* a single small byte must encode itself */

    out->is_list = is_list;
    out->payload = data + header;
    out->payload_len = payload_len;
    out->raw = data;
    out->raw_len = header + payload_len;
    *consumed = out->raw_len;
    return ZK_OK;
}

zk_status rlp_decode(const uint8_t *data, size_t len, rlp_item *out)
{
    size_t consumed;
    zk_status st = rlp_decode_prefix(data, len, out, &consumed);
    if (st != ZK_OK)
        return st;
    return consumed == len ? ZK_OK : ZK_ERR_DECODE;
}

zk_status rlp_iter_init(const rlp_item *list, rlp_iter *it)
{
    if (!list->is_list)
        return ZK_ERR_DECODE;
    it->p = list->payload;
    it->end = list->payload + list->payload_len;
    return ZK_OK;
}

zk_status rlp_iter_next(rlp_iter *it, rlp_item *out)
{
    if (it->p == it->end)
        return ZK_ERR_RANGE;
    size_t consumed;
    zk_status st = rlp_decode_prefix(it->p, (size_t)(it->end - it->p), out, &consumed);
    if (st != ZK_OK)
        return st;
    it->p += consumed;
    return ZK_OK;
}

zk_status rlp_list_count(const rlp_item *list, size_t *count)
{
    rlp_iter it;
    rlp_item item;
    *count = 0;
    zk_status st = rlp_iter_init(list, &it);
    if (st != ZK_OK)
        return st;
    while ((st = rlp_iter_next(&it, &item)) == ZK_OK)
        (*count)++;
    return st == ZK_ERR_RANGE ? ZK_OK : st;
}

/* A canonical unsigned integer: a string without leading zero bytes, at most `max` bytes. */
static zk_status check_integer(const rlp_item *it, size_t max)
{
    if (it->is_list)
        return ZK_ERR_DECODE;
    if (it->payload_len > 0 && it->payload[0] == 0)
        return ZK_ERR_DECODE;
    if (it->payload_len > max)
        return ZK_ERR_RANGE;
    return ZK_OK;
}

zk_status rlp_get_u64(const rlp_item *it, uint64_t *out)
{
    zk_status st = check_integer(it, 8);
    if (st != ZK_OK)
        return st;
    uint64_t v = 0;
    for (size_t i = 0; i < it->payload_len; i++)
        v = (v << 8) | it->payload[i];
    *out = v;
    return ZK_OK;
}

zk_status rlp_get_u256(const rlp_item *it, u256 *out)
{
    zk_status st = check_integer(it, 32);
    if (st != ZK_OK)
        return st;
    *out = u256_from_be(it->payload, it->payload_len);
    return ZK_OK;
}

zk_status rlp_get_hash(const rlp_item *it, zk_hash *out)
{
    if (it->is_list || it->payload_len != 32)
        return ZK_ERR_DECODE;
    memcpy(out->b, it->payload, 32);
    return ZK_OK;
}

zk_status rlp_get_address(const rlp_item *it, zk_address *out)
{
    if (it->is_list || it->payload_len != 20)
        return ZK_ERR_DECODE;
    memcpy(out->b, it->payload, 20);
    return ZK_OK;
}

zk_status rlp_get_bytes(const rlp_item *it, zk_bytes *out)
{
    if (it->is_list)
        return ZK_ERR_DECODE;
    out->ptr = it->payload;
    out->len = it->payload_len;
    return ZK_OK;
}

/* ---- buffer ---- */

void zk_buf_init(zk_buf *b, zk_arena *a, size_t initial_cap)
{
    b->arena = a;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
    b->data = NULL;
    if (initial_cap) {
        b->data = zk_arena_alloc(a, initial_cap);
        if (b->data)
            b->cap = initial_cap;
        else
            b->oom = true;
    }
}

/* Makes room for `extra` more bytes; false (and oom set) when the arena is exhausted. */
static bool buf_reserve(zk_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra <= b->cap - b->len)
        return true;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < need)
        cap *= 2;
    uint8_t *p = zk_arena_alloc(b->arena, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    if (b->len)
        memcpy(p, b->data, b->len);
    b->data = p;
    b->cap = cap;
    return true;
}

void zk_buf_append(zk_buf *b, const void *data, size_t len)
{
    if (!len || !buf_reserve(b, len))
        return;
    memcpy(b->data + b->len, data, len);
    b->len += len;
}

void zk_buf_reset(zk_buf *b) { b->len = 0; }

/* ---- encoding ---- */

size_t rlp_header_size(size_t payload_len)
{
    if (payload_len < 56)
        return 1;
    size_t n = 0;
    for (size_t v = payload_len; v; v >>= 8)
        n++;
    return 1 + n;
}

/* Writes the header for a payload of `len` bytes; `short_base` is 0x80 or 0xc0. */
static size_t write_header(uint8_t *out, size_t len, uint8_t short_base)
{
    if (len < 56) {
        out[0] = (uint8_t)(short_base + len);
        return 1;
    }
    size_t n = rlp_header_size(len) - 1;
    out[0] = (uint8_t)(short_base + 55 + n);
    for (size_t i = 0; i < n; i++)
        out[1 + i] = (uint8_t)(len >> (8 * (n - 1 - i)));
    return 1 + n;
}

void rlp_put_bytes(zk_buf *b, const uint8_t *data, size_t len)
{
    if (len == 1 && data[0] < 0x80) {
        zk_buf_append(b, data, 1);
        return;
    }
    uint8_t hdr[9];
    size_t h = write_header(hdr, len, 0x80);
    if (!buf_reserve(b, h + len))
        return;
    zk_buf_append(b, hdr, h);
    zk_buf_append(b, data, len);
}

void rlp_put_u64(zk_buf *b, uint64_t v)
{
    uint8_t be[8];
    size_t n = 0;
    for (int shift = 56; shift >= 0; shift -= 8)
        if (n || (v >> shift) & 0xff)
            be[n++] = (uint8_t)(v >> shift);
    rlp_put_bytes(b, be, n);
}

void rlp_put_u256(zk_buf *b, const u256 *v)
{
    uint8_t be[32];
    u256_to_be(v, be);
    size_t n = u256_byte_length(v);
    rlp_put_bytes(b, be + 32 - n, n);
}

void rlp_put_hash(zk_buf *b, const zk_hash *h) { rlp_put_bytes(b, h->b, 32); }
void rlp_put_address(zk_buf *b, const zk_address *a) { rlp_put_bytes(b, a->b, 20); }
void rlp_put_raw(zk_buf *b, const uint8_t *enc, size_t len) { zk_buf_append(b, enc, len); }

size_t rlp_list_begin(zk_buf *b) { return b->len; }

void rlp_list_end(zk_buf *b, size_t begin)
{
    if (b->oom || begin > b->len)
        return;
    size_t payload = b->len - begin;
    uint8_t hdr[9];
    size_t h = write_header(hdr, payload, 0xc0);
    if (!buf_reserve(b, h))
        return;
    memmove(b->data + begin + h, b->data + begin, payload);
    memcpy(b->data + begin, hdr, h);
    b->len += h;
}
