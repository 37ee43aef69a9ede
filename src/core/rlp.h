/* rlp.h — Recursive Length Prefix encoding and decoding (Ethereum Yellow Paper, appendix B).
 *
 * Decoding is zero-copy: items borrow from the input buffer. The decoder is strict
 * (canonical form only: no leading zeros in lengths, single bytes < 0x80 must not be
 * wrapped, long form only for >= 56 bytes) and bounds-checked; any violation gives
 * ZK_ERR_DECODE. Encoding appends to a zk_buf that grows inside an arena.
 * Freestanding.
 */
#ifndef ZK_RLP_H
#define ZK_RLP_H

#include "arena.h"
#include "u256.h"
#include "zk_types.h"

/* ---- decoding ---- */

typedef struct rlp_item {
    bool is_list;
    const uint8_t *payload; /* string bytes, or the concatenated encodings of list items */
    size_t payload_len;
    const uint8_t *raw;     /* the whole encoding, header included */
    size_t raw_len;
} rlp_item;

/* Decodes exactly one item that must span the whole of [data, data+len). */
zk_status rlp_decode(const uint8_t *data, size_t len, rlp_item *out);
/* Decodes the item at the start of [data, data+len); *consumed gets its total size. */
zk_status rlp_decode_prefix(const uint8_t *data, size_t len, rlp_item *out, size_t *consumed);

/* Iterates over the items of a list. */
typedef struct rlp_iter {
    const uint8_t *p, *end;
} rlp_iter;
zk_status rlp_iter_init(const rlp_item *list, rlp_iter *it); /* ZK_ERR_DECODE if not a list */
/* Returns ZK_OK and the next item, ZK_ERR_RANGE at the end of the list, ZK_ERR_DECODE on bad input. */
zk_status rlp_iter_next(rlp_iter *it, rlp_item *out);
/* Number of items in a list (validates each item header). */
zk_status rlp_list_count(const rlp_item *list, size_t *count);

/* Typed accessors on string items; all reject lists and non-canonical integers
 * (leading zero bytes) with ZK_ERR_DECODE, and too-large values with ZK_ERR_RANGE. */
zk_status rlp_get_u64(const rlp_item *it, uint64_t *out);
zk_status rlp_get_u256(const rlp_item *it, u256 *out);
zk_status rlp_get_hash(const rlp_item *it, zk_hash *out);       /* exactly 32 bytes */
zk_status rlp_get_address(const rlp_item *it, zk_address *out); /* exactly 20 bytes */
zk_status rlp_get_bytes(const rlp_item *it, zk_bytes *out);     /* any string */

/* ---- encoding ---- */

/* A byte buffer growing inside an arena (old storage is abandoned on growth). */
typedef struct zk_buf {
    uint8_t *data;
    size_t len, cap;
    zk_arena *arena;
    bool oom; /* set once an allocation failed; further appends are ignored */
} zk_buf;

void zk_buf_init(zk_buf *b, zk_arena *a, size_t initial_cap);
void zk_buf_append(zk_buf *b, const void *data, size_t len);
void zk_buf_reset(zk_buf *b); /* len = 0, keeps storage */

void rlp_put_bytes(zk_buf *b, const uint8_t *data, size_t len); /* string item */
void rlp_put_u64(zk_buf *b, uint64_t v);                         /* minimal big-endian */
void rlp_put_u256(zk_buf *b, const u256 *v);
void rlp_put_hash(zk_buf *b, const zk_hash *h);
void rlp_put_address(zk_buf *b, const zk_address *a);
void rlp_put_raw(zk_buf *b, const uint8_t *enc, size_t len); /* an already-encoded item */

/* Lists: remember where the list starts, append items, then close it (the header is
 * inserted in front of the payload; payload bytes are moved as needed). */
size_t rlp_list_begin(zk_buf *b);
void rlp_list_end(zk_buf *b, size_t begin);

/* Size of the header for a string/list payload of `payload_len` bytes. */
size_t rlp_header_size(size_t payload_len);

#endif
