/* tx.c — transaction decoding, canonical encoding, signing hash and sender recovery.
 *
 * Field layouts (EIP-2718 payloads, signature last):
 *   legacy   rlp([nonce, gas_price, gas, to, value, data, v, r, s])
 *   type 1   [chain_id, nonce, gas_price, gas, to, value, data, access_list, y, r, s]
 *   type 2   [chain_id, nonce, max_priority_fee, max_fee, gas, to, value, data, access_list, y, r, s]
 *   type 3   [... type 2 fields up to access_list, max_fee_per_blob_gas, blob_hashes, y, r, s]
 *   type 4   [... type 2 fields up to access_list, authorization_list, y, r, s]
 * The decoder is strict: the RLP layer rejects non-canonical encodings, so the input
 * bytes of a decoded transaction are its canonical encoding and its hash is their keccak.
 */
#include "block.h"

#include <string.h>

#include "../accel/zkvm_accelerators.h"
#include "../core/keccak.h"

#define TRY(expr)                     \
    do {                              \
        zk_status try_st_ = (expr);   \
        if (try_st_ != ZK_OK)         \
            return try_st_;           \
    } while (0)

/* The next item of a list whose length was already checked. */
static zk_status next_field(rlp_iter *it, rlp_item *out)
{
    zk_status st = rlp_iter_next(it, out);
    return st == ZK_ERR_RANGE ? ZK_ERR_DECODE : st;
}

static zk_status field_u64(rlp_iter *it, uint64_t *v)
{
    rlp_item item;
    TRY(next_field(it, &item));
    return rlp_get_u64(&item, v);
}

static zk_status field_u256(rlp_iter *it, u256 *v)
{
    rlp_item item;
    TRY(next_field(it, &item));
    return rlp_get_u256(&item, v);
}

static zk_status field_bytes(rlp_iter *it, zk_bytes *v)
{
    rlp_item item;
    TRY(next_field(it, &item));
    return rlp_get_bytes(&item, v);
}

/* `to`: empty string (contract creation) or a 20-byte address. */
static zk_status field_to(rlp_iter *it, zk_tx *tx)
{
    zk_bytes to;
    TRY(field_bytes(it, &to));
    if (to.len == 0) {
        tx->has_to = false;
        return ZK_OK;
    }
    if (to.len != 20)
        return ZK_ERR_DECODE;
    memcpy(tx->to.b, to.ptr, 20);
    tx->has_to = true;
    return ZK_OK;
}

/* A list item whose elements are counted, for sizing arrays. */
static zk_status field_list(rlp_iter *it, rlp_item *list, size_t *count)
{
    TRY(next_field(it, list));
    if (!list->is_list)
        return ZK_ERR_DECODE;
    return rlp_list_count(list, count);
}

static void *alloc_array(zk_arena *a, size_t n, size_t size)
{
    if (n == 0)
        return NULL;
    if (n > SIZE_MAX / size)
        return NULL;
    return zk_arena_alloc(a, n * size);
}

/* access_list = [[address, [slot, ...]], ...] */
static zk_status field_access_list(zk_arena *a, rlp_iter *it, zk_tx *tx)
{
    rlp_item list;
    size_t n;
    TRY(field_list(it, &list, &n));
    zk_access_entry *entries = alloc_array(a, n, sizeof *entries);
    if (n && !entries)
        return ZK_ERR_NOMEM;
    rlp_iter li;
    TRY(rlp_iter_init(&list, &li));
    for (size_t i = 0; i < n; i++) {
        rlp_item entry, addr, keys;
        size_t count, nkeys;
        TRY(next_field(&li, &entry));
        if (!entry.is_list)
            return ZK_ERR_DECODE;
        TRY(rlp_list_count(&entry, &count));
        if (count != 2)
            return ZK_ERR_DECODE;
        rlp_iter ei;
        TRY(rlp_iter_init(&entry, &ei));
        TRY(next_field(&ei, &addr));
        TRY(rlp_get_address(&addr, &entries[i].address));
        TRY(field_list(&ei, &keys, &nkeys));
        zk_hash *slots = alloc_array(a, nkeys, sizeof *slots);
        if (nkeys && !slots)
            return ZK_ERR_NOMEM;
        rlp_iter ki;
        TRY(rlp_iter_init(&keys, &ki));
        for (size_t k = 0; k < nkeys; k++) {
            rlp_item key;
            TRY(next_field(&ki, &key));
            TRY(rlp_get_hash(&key, &slots[k]));
        }
        entries[i].keys = slots;
        entries[i].num_keys = nkeys;
    }
    tx->access_list = entries;
    tx->access_list_len = n;
    return ZK_OK;
}

static zk_status field_blob_hashes(zk_arena *a, rlp_iter *it, zk_tx *tx)
{
    rlp_item list;
    size_t n;
    TRY(field_list(it, &list, &n));
    zk_hash *hashes = alloc_array(a, n, sizeof *hashes);
    if (n && !hashes)
        return ZK_ERR_NOMEM;
    rlp_iter li;
    TRY(rlp_iter_init(&list, &li));
    for (size_t i = 0; i < n; i++) {
        rlp_item h;
        TRY(next_field(&li, &h));
        TRY(rlp_get_hash(&h, &hashes[i]));
    }
    tx->blob_hashes = hashes;
    tx->num_blob_hashes = n;
    return ZK_OK;
}

/* authorization = [chain_id, address, nonce, y_parity, r, s]. A nonce that does not fit
 * 64 bits is kept as a flag: EIP-7702 makes such an authorization invalid, not the tx.
 * y_parity is a uint8 on the wire. */
static zk_status decode_authorization(const rlp_item *item, zk_authorization *auth)
{
    size_t count;
    if (!item->is_list)
        return ZK_ERR_DECODE;
    TRY(rlp_list_count(item, &count));
    if (count != 6)
        return ZK_ERR_DECODE;
    rlp_iter it;
    rlp_item f;
    TRY(rlp_iter_init(item, &it));
    TRY(field_u256(&it, &auth->chain_id));
    TRY(next_field(&it, &f));
    TRY(rlp_get_address(&f, &auth->address));
    u256 nonce;
    TRY(field_u256(&it, &nonce));
    auth->nonce_overflow = !u256_fits_u64(&nonce);
    auth->nonce = nonce.w[0];
    TRY(field_u256(&it, &auth->y_parity));
    if (!u256_fits_u64(&auth->y_parity) || auth->y_parity.w[0] > 255)
        return ZK_ERR_RANGE;
    TRY(field_u256(&it, &auth->r));
    return field_u256(&it, &auth->s);
}

static zk_status field_authorizations(zk_arena *a, rlp_iter *it, zk_tx *tx)
{
    rlp_item list;
    size_t n;
    TRY(field_list(it, &list, &n));
    zk_authorization *auths = alloc_array(a, n, sizeof *auths);
    if (n && !auths)
        return ZK_ERR_NOMEM;
    rlp_iter li;
    TRY(rlp_iter_init(&list, &li));
    for (size_t i = 0; i < n; i++) {
        rlp_item item;
        TRY(next_field(&li, &item));
        TRY(decode_authorization(&item, &auths[i]));
    }
    tx->authorizations = auths;
    tx->num_authorizations = n;
    return ZK_OK;
}

/* Number of payload fields per type. */
static size_t field_count(uint8_t type)
{
    switch (type) {
    case ZK_TX_LEGACY: return 9;
    case ZK_TX_ACCESS_LIST: return 11;
    case ZK_TX_DYNAMIC_FEE: return 12;
    case ZK_TX_BLOB: return 14;
    case ZK_TX_SET_CODE: return 13;
    default: return 0;
    }
}

/* Legacy v: 27/28 (no chain id) or chain_id * 2 + 35/36 (EIP-155). Other values are a
 * bad signature, not a decoding error; they are rejected by zk_tx_recover_sender. */
static void legacy_chain_id(zk_tx *tx)
{
    tx->has_chain_id = false;
    tx->chain_id = 0;
    if (tx->v.w[2] | tx->v.w[3])
        return;
    /* Chain ids up to 2^64-1 give v < 2^65 + 37: 128 bits are enough. */
    unsigned __int128 v = ((unsigned __int128)tx->v.w[1] << 64) | tx->v.w[0];
    if (v < 35)
        return;
    unsigned __int128 id = (v - 35) / 2;
    if (id > UINT64_MAX)
        return;
    tx->has_chain_id = true;
    tx->chain_id = (uint64_t)id;
}

/* Decodes the payload list of a transaction of `type`. */
static zk_status decode_payload(zk_arena *a, uint8_t type, const rlp_item *list, zk_tx *tx)
{
    size_t count;
    if (!list->is_list)
        return ZK_ERR_DECODE;
    TRY(rlp_list_count(list, &count));
    if (count != field_count(type))
        return ZK_ERR_DECODE;

    memset(tx, 0, sizeof *tx);
    tx->type = type;
    rlp_iter it;
    TRY(rlp_iter_init(list, &it));
    if (type != ZK_TX_LEGACY) {
        TRY(field_u64(&it, &tx->chain_id));
        tx->has_chain_id = true;
    }
    TRY(field_u64(&it, &tx->nonce));
    if (type == ZK_TX_LEGACY || type == ZK_TX_ACCESS_LIST) {
        TRY(field_u256(&it, &tx->gas_price));
        tx->max_fee_per_gas = tx->max_priority_fee_per_gas = tx->gas_price;
    } else {
        TRY(field_u256(&it, &tx->max_priority_fee_per_gas));
        TRY(field_u256(&it, &tx->max_fee_per_gas));
    }
    TRY(field_u64(&it, &tx->gas_limit));
    TRY(field_to(&it, tx));
    TRY(field_u256(&it, &tx->value));
    TRY(field_bytes(&it, &tx->data));
    if (type != ZK_TX_LEGACY)
        TRY(field_access_list(a, &it, tx));
    if (type == ZK_TX_BLOB) {
        TRY(field_u256(&it, &tx->max_fee_per_blob_gas));
        TRY(field_blob_hashes(a, &it, tx));
    }
    if (type == ZK_TX_SET_CODE)
        TRY(field_authorizations(a, &it, tx));
    TRY(field_u256(&it, &tx->v));
    TRY(field_u256(&it, &tx->r));
    TRY(field_u256(&it, &tx->s));
    if (type == ZK_TX_LEGACY)
        legacy_chain_id(tx);
    return ZK_OK;
}

zk_status zk_tx_decode(zk_arena *a, const uint8_t *data, size_t len, zk_tx *tx)
{
    if (len == 0)
        return ZK_ERR_DECODE;
    rlp_item item;
    if (data[0] >= 0xc0) {
        TRY(rlp_decode(data, len, &item));
        TRY(decode_payload(a, ZK_TX_LEGACY, &item, tx));
    } else {
        uint8_t type = data[0];
        if (type < ZK_TX_ACCESS_LIST || type > ZK_TX_SET_CODE)
            return ZK_ERR_DECODE;
        TRY(rlp_decode(data + 1, len - 1, &item));
        TRY(decode_payload(a, type, &item, tx));
    }
    tx->encoded.ptr = data;
    tx->encoded.len = len;
    tx->hash = keccak256(data, len);
    return ZK_OK;
}

zk_status zk_tx_decode_item(zk_arena *a, const rlp_item *item, zk_tx *tx)
{
    if (item->is_list)
        return zk_tx_decode(a, item->raw, item->raw_len, tx);
    /* A typed transaction wrapped in a string; a wrapped legacy list is not allowed. */
    if (item->payload_len == 0 || item->payload[0] >= 0xc0)
        return ZK_ERR_DECODE;
    return zk_tx_decode(a, item->payload, item->payload_len, tx);
}

/* ---- encoding ---- */

static void put_access_list(zk_buf *b, const zk_tx *tx)
{
    size_t outer = rlp_list_begin(b);
    for (size_t i = 0; i < tx->access_list_len; i++) {
        const zk_access_entry *e = &tx->access_list[i];
        size_t entry = rlp_list_begin(b);
        rlp_put_address(b, &e->address);
        size_t keys = rlp_list_begin(b);
        for (size_t k = 0; k < e->num_keys; k++)
            rlp_put_hash(b, &e->keys[k]);
        rlp_list_end(b, keys);
        rlp_list_end(b, entry);
    }
    rlp_list_end(b, outer);
}

static void put_authorizations(zk_buf *b, const zk_tx *tx)
{
    size_t outer = rlp_list_begin(b);
    for (size_t i = 0; i < tx->num_authorizations; i++) {
        const zk_authorization *auth = &tx->authorizations[i];
        size_t item = rlp_list_begin(b);
        rlp_put_u256(b, &auth->chain_id);
        rlp_put_address(b, &auth->address);
        if (auth->nonce_overflow) {
            /* Not representable in the struct; the decoder keeps only the flag. Encode
             * 2^64 so the result stays an (invalid) overflowing nonce. */
            u256 big = {{0, 1, 0, 0}};
            rlp_put_u256(b, &big);
        } else {
            rlp_put_u64(b, auth->nonce);
        }
        rlp_put_u256(b, &auth->y_parity);
        rlp_put_u256(b, &auth->r);
        rlp_put_u256(b, &auth->s);
        rlp_list_end(b, item);
    }
    rlp_list_end(b, outer);
}

/* The payload list; `signing` leaves out the signature (and adds the EIP-155 triple for
 * legacy transactions with a chain id). */
static void put_payload(zk_buf *b, const zk_tx *tx, bool signing)
{
    size_t list = rlp_list_begin(b);
    if (tx->type != ZK_TX_LEGACY)
        rlp_put_u64(b, tx->chain_id);
    rlp_put_u64(b, tx->nonce);
    if (tx->type == ZK_TX_LEGACY || tx->type == ZK_TX_ACCESS_LIST) {
        rlp_put_u256(b, &tx->gas_price);
    } else {
        rlp_put_u256(b, &tx->max_priority_fee_per_gas);
        rlp_put_u256(b, &tx->max_fee_per_gas);
    }
    rlp_put_u64(b, tx->gas_limit);
    if (tx->has_to)
        rlp_put_address(b, &tx->to);
    else
        rlp_put_bytes(b, (const uint8_t *)"", 0);
    rlp_put_u256(b, &tx->value);
    rlp_put_bytes(b, tx->data.ptr, tx->data.len);
    if (tx->type != ZK_TX_LEGACY)
        put_access_list(b, tx);
    if (tx->type == ZK_TX_BLOB) {
        rlp_put_u256(b, &tx->max_fee_per_blob_gas);
        size_t hashes = rlp_list_begin(b);
        for (size_t i = 0; i < tx->num_blob_hashes; i++)
            rlp_put_hash(b, &tx->blob_hashes[i]);
        rlp_list_end(b, hashes);
    }
    if (tx->type == ZK_TX_SET_CODE)
        put_authorizations(b, tx);
    if (!signing) {
        rlp_put_u256(b, &tx->v);
        rlp_put_u256(b, &tx->r);
        rlp_put_u256(b, &tx->s);
    } else if (tx->type == ZK_TX_LEGACY && tx->has_chain_id) {
        rlp_put_u64(b, tx->chain_id);
        rlp_put_u64(b, 0);
        rlp_put_u64(b, 0);
    }
    rlp_list_end(b, list);
}

void zk_tx_encode(zk_buf *b, const zk_tx *tx)
{
    if (tx->type != ZK_TX_LEGACY)
        zk_buf_append(b, &tx->type, 1);
    put_payload(b, tx, false);
}

zk_status zk_tx_signing_hash(zk_arena *a, const zk_tx *tx, zk_hash *out)
{
    zk_arena_mark mark = zk_arena_get_mark(a);
    zk_buf b;
    zk_buf_init(&b, a, 256 + tx->data.len);
    if (tx->type != ZK_TX_LEGACY)
        zk_buf_append(&b, &tx->type, 1);
    put_payload(&b, tx, true);
    if (b.oom) {
        zk_arena_reset(a, mark);
        return ZK_ERR_NOMEM;
    }
    *out = keccak256(b.data, b.len);
    zk_arena_reset(a, mark);
    return ZK_OK;
}

/* ---- signatures ---- */

/* secp256k1 group order n and n/2, as u256 limbs (least significant first). */
static const u256 SECP256K1_N = {{0xBFD25E8CD0364141ull, 0xBAAEDCE6AF48A03Bull, 0xFFFFFFFFFFFFFFFEull,
                                  0xFFFFFFFFFFFFFFFFull}};
static const u256 SECP256K1_HALF_N = {{0xDFE92F46681B20A0ull, 0x5D576E7357A4501Dull, 0xFFFFFFFFFFFFFFFFull,
                                       0x7FFFFFFFFFFFFFFFull}};

/* The recovery id (0/1) from v or y_parity, or -1 if v is malformed. */
static int recovery_id(const zk_tx *tx)
{
    if (tx->type != ZK_TX_LEGACY)
        return u256_fits_u64(&tx->v) && tx->v.w[0] <= 1 ? (int)tx->v.w[0] : -1;
    if (!tx->has_chain_id)
        return u256_fits_u64(&tx->v) && (tx->v.w[0] == 27 || tx->v.w[0] == 28) ? (int)(tx->v.w[0] - 27) : -1;
    /* v = chain_id * 2 + 35 + recid; legacy_chain_id derived chain_id = (v - 35) / 2. */
    return (int)((tx->v.w[0] - 35) & 1);
}

zk_status zk_tx_recover_sender(zk_arena *a, zk_tx *tx)
{
    int recid = recovery_id(tx);
    if (recid < 0)
        return ZK_ERR_INVALID;
    if (u256_is_zero(&tx->r) || !u256_lt(&tx->r, &SECP256K1_N))
        return ZK_ERR_INVALID;
    if (u256_is_zero(&tx->s) || u256_gt(&tx->s, &SECP256K1_HALF_N))
        return ZK_ERR_INVALID;

    zkvm_secp256k1_hash msg;
    zk_hash h;
    TRY(zk_tx_signing_hash(a, tx, &h));
    memcpy(msg.data, h.b, 32);
    zkvm_secp256k1_signature sig;
    u256_to_be(&tx->r, sig.data);
    u256_to_be(&tx->s, sig.data + 32);
    zkvm_secp256k1_pubkey pub;
    if (zkvm_secp256k1_ecrecover(&msg, &sig, (uint8_t)recid, &pub) != ZKVM_EOK)
        return ZK_ERR_INVALID;
    zk_hash ph = keccak256(pub.data, sizeof pub.data);
    memcpy(tx->sender.b, ph.b + 12, 20);
    return ZK_OK;
}

uint64_t zk_tx_blob_gas(const zk_tx *tx)
{
    if (tx->type != ZK_TX_BLOB)
        return 0;
    /* num_blob_hashes is bounded by the encoding's size, far below 2^47. */
    return (uint64_t)tx->num_blob_hashes * ZK_GAS_PER_BLOB;
}
