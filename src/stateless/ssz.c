/* ssz.c — strict SSZ decoding of the stateless input and SHA-256 merkleization.
 *
 * Layout reminders (consensus-specs ssz/simple-serialize.md): integers are little-endian;
 * a container is its fixed part (fixed-size fields inline, a u32 offset for each
 * variable-size field, measured from the container's start) followed by the variable
 * fields in order; a list of variable-size items is an offset table (first offset = 4n)
 * followed by the items; a list of fixed-size items is their concatenation.
 */
#include "ssz.h"

#include <string.h>

#include "../accel/zkvm_accelerators.h"

const uint16_t ZK_REQUEST_ITEM_SIZE[ZK_REQUEST_TYPES] = {192, 76, 116, 184, 68};

/* ---- limits ---- */

/* Per-format limits. The canonical format's lists are progressive (no count limit): the
 * input length bounds them. */
typedef struct ssz_limits {
    uint64_t max_txs, max_tx_bytes, max_withdrawals, max_bal_bytes, max_versioned_hashes;
    uint64_t max_requests, max_request_bytes;
    uint64_t max_state_nodes, max_node_bytes, max_codes, max_code_bytes, max_headers, max_header_bytes;
    uint64_t max_public_keys;
} ssz_limits;

#define UNBOUNDED UINT64_MAX

static const ssz_limits V033_LIMITS = {
    .max_txs = 1u << 20,
    .max_tx_bytes = 1u << 30,
    .max_withdrawals = 1u << 16,
    .max_bal_bytes = 1u << 24,
    .max_versioned_hashes = 4096,
    .max_requests = 16,
    .max_request_bytes = 1u << 23,
    .max_state_nodes = 1u << 20,
    .max_node_bytes = 1u << 20,
    .max_codes = 1u << 16,
    .max_code_bytes = 1u << 24,
    .max_headers = 256,
    .max_header_bytes = 1u << 10,
    .max_public_keys = 1u << 15,
};

static const ssz_limits CANONICAL_LIMITS = {
    .max_txs = UNBOUNDED,
    .max_tx_bytes = UNBOUNDED,
    .max_withdrawals = UNBOUNDED,
    .max_bal_bytes = UNBOUNDED,
    .max_versioned_hashes = UNBOUNDED,
    .max_requests = 0, /* typed container instead */
    .max_request_bytes = 0,
    .max_state_nodes = UNBOUNDED,
    .max_node_bytes = 1u << 10,
    .max_codes = UNBOUNDED,
    .max_code_bytes = 1u << 16,
    .max_headers = 256,
    .max_header_bytes = 1u << 10,
    .max_public_keys = UNBOUNDED,
};

#define EXTRA_DATA_MAX 32u
#define WITHDRAWAL_SIZE 44u
#define PUBLIC_KEY_SIZE 65u

/* ---- little-endian readers ---- */

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* ---- strict structure decoding ---- */

/* The variable-size fields of a container [p, p+len) whose fixed part is `fixed` bytes:
 * `n` offsets at byte positions pos[0..n), in field order. Field i is [off_i, off_i+1),
 * the last one runs to the end. */
static zk_status container_fields(const uint8_t *p, size_t len, size_t fixed, const size_t *pos, size_t n,
                                  zk_bytes *out)
{
    if (len < fixed)
        return ZK_ERR_DECODE;
    size_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        size_t off = rd32(p + pos[i]);
        if ((i == 0 && off != fixed) || off < prev || off > len)
            return ZK_ERR_DECODE;
        if (i > 0) {
            out[i - 1].ptr = p + prev;
            out[i - 1].len = off - prev;
        }
        prev = off;
    }
    if (n == 0)
        return len == fixed ? ZK_OK : ZK_ERR_DECODE;
    out[n - 1].ptr = p + prev;
    out[n - 1].len = len - prev;
    return ZK_OK;
}

/* A list of variable-size byte strings: offset table then items. */
static zk_status bytes_list(zk_arena *a, zk_bytes in, uint64_t max_count, uint64_t max_item, zk_bytes **items,
                            size_t *count)
{
    *items = NULL;
    *count = 0;
    if (in.len == 0)
        return ZK_OK;
    if (in.len < 4)
        return ZK_ERR_DECODE;
    size_t first = rd32(in.ptr);
    if (first < 4 || first % 4 != 0 || first > in.len)
        return ZK_ERR_DECODE;
    size_t n = first / 4;
    if (n > max_count)
        return ZK_ERR_DECODE;
    zk_bytes *v = zk_arena_alloc(a, n * sizeof *v);
    if (!v)
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        size_t start = rd32(in.ptr + 4 * i);
        size_t end = i + 1 < n ? rd32(in.ptr + 4 * (i + 1)) : in.len;
        if (start < first || end < start || end > in.len || end - start > max_item)
            return ZK_ERR_DECODE;
        v[i].ptr = in.ptr + start;
        v[i].len = end - start;
    }
    *items = v;
    *count = n;
    return ZK_OK;
}

/* A list of fixed-size items: the byte count must be a multiple of the item size. */
static zk_status fixed_list(zk_bytes in, size_t item, uint64_t max_count, size_t *count)
{
    if (in.len % item != 0 || in.len / item > max_count)
        return ZK_ERR_DECODE;
    *count = in.len / item;
    return ZK_OK;
}

/* ---- ExecutionPayload ---- */

#define PAYLOAD_FIXED 540u

static zk_status decode_withdrawals(zk_arena *a, zk_bytes in, const ssz_limits *lim, zk_execution_payload *p)
{
    size_t n;
    zk_status st = fixed_list(in, WITHDRAWAL_SIZE, lim->max_withdrawals, &n);
    if (st != ZK_OK)
        return st;
    p->withdrawals = NULL;
    p->num_withdrawals = n;
    if (n == 0)
        return ZK_OK;
    if (!(p->withdrawals = zk_arena_alloc(a, n * sizeof *p->withdrawals)))
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *w = in.ptr + i * WITHDRAWAL_SIZE;
        p->withdrawals[i].index = rd64(w);
        p->withdrawals[i].validator_index = rd64(w + 8);
        memcpy(p->withdrawals[i].address.b, w + 16, 20);
        p->withdrawals[i].amount_gwei = rd64(w + 36);
    }
    return ZK_OK;
}

static zk_status decode_payload(zk_arena *a, zk_bytes in, const ssz_limits *lim, zk_execution_payload *p)
{
    static const size_t var_pos[4] = {436, 504, 508, 528}; /* extra_data, txs, withdrawals, BAL */
    zk_bytes var[4];
    zk_status st = container_fields(in.ptr, in.len, PAYLOAD_FIXED, var_pos, 4, var);
    if (st != ZK_OK)
        return st;
    const uint8_t *f = in.ptr;
    memset(p, 0, sizeof *p);
    memcpy(p->parent_hash.b, f, 32);
    memcpy(p->fee_recipient.b, f + 32, 20);
    memcpy(p->state_root.b, f + 52, 32);
    memcpy(p->receipts_root.b, f + 84, 32);
    memcpy(p->logs_bloom.b, f + 116, 256);
    memcpy(p->prev_randao.b, f + 372, 32);
    p->block_number = rd64(f + 404);
    p->gas_limit = rd64(f + 412);
    p->gas_used = rd64(f + 420);
    p->timestamp = rd64(f + 428);
    for (int i = 0; i < 4; i++)
        p->base_fee_per_gas.w[i] = rd64(f + 440 + 8 * i);
    memcpy(p->block_hash.b, f + 472, 32);
    p->blob_gas_used = rd64(f + 512);
    p->excess_blob_gas = rd64(f + 520);
    p->slot_number = rd64(f + 532);

    if (var[0].len > EXTRA_DATA_MAX || var[3].len > lim->max_bal_bytes)
        return ZK_ERR_DECODE;
    p->extra_data = var[0];
    p->block_access_list = var[3];
    if ((st = bytes_list(a, var[1], lim->max_txs, lim->max_tx_bytes, &p->transactions, &p->num_transactions)) !=
        ZK_OK)
        return st;
    return decode_withdrawals(a, var[2], lim, p);
}

/* ---- execution requests ---- */

static zk_status decode_requests(zk_arena *a, zk_stateless_format format, zk_bytes in, const ssz_limits *lim,
                                 zk_execution_requests *r)
{
    memset(r, 0, sizeof *r);
    if (format == ZK_STATELESS_V033)
        return bytes_list(a, in, lim->max_requests, lim->max_request_bytes, &r->wire, &r->num_wire);
    static const size_t pos[ZK_REQUEST_TYPES] = {0, 4, 8, 12, 16};
    zk_status st = container_fields(in.ptr, in.len, 4 * ZK_REQUEST_TYPES, pos, ZK_REQUEST_TYPES, r->typed);
    if (st != ZK_OK)
        return st;
    for (int t = 0; t < ZK_REQUEST_TYPES; t++) {
        size_t n;
        if ((st = fixed_list(r->typed[t], ZK_REQUEST_ITEM_SIZE[t], UNBOUNDED, &n)) != ZK_OK)
            return st;
    }
    return ZK_OK;
}

/* ---- NewPayloadRequest, witness, input ---- */

#define NPR_FIXED 44u
#define WITNESS_FIXED 12u
#define INPUT_FIXED 20u

static zk_status decode_npr(zk_arena *a, zk_stateless_format format, zk_bytes in, const ssz_limits *lim,
                            zk_new_payload_request *r)
{
    static const size_t pos[3] = {0, 4, 40}; /* payload, versioned hashes, requests */
    zk_bytes var[3];
    zk_status st = container_fields(in.ptr, in.len, NPR_FIXED, pos, 3, var);
    if (st != ZK_OK)
        return st;
    memcpy(r->parent_beacon_block_root.b, in.ptr + 8, 32);
    if ((st = decode_payload(a, var[0], lim, &r->payload)) != ZK_OK)
        return st;
    if ((st = fixed_list(var[1], 32, lim->max_versioned_hashes, &r->num_versioned_hashes)) != ZK_OK)
        return st;
    r->versioned_hashes = var[1].ptr;
    return decode_requests(a, format, var[2], lim, &r->requests);
}

static zk_status decode_witness(zk_arena *a, zk_bytes in, const ssz_limits *lim, zk_stateless_input *out)
{
    static const size_t pos[3] = {0, 4, 8};
    zk_bytes var[3];
    zk_status st = container_fields(in.ptr, in.len, WITNESS_FIXED, pos, 3, var);
    if (st != ZK_OK)
        return st;
    if ((st = bytes_list(a, var[0], lim->max_state_nodes, lim->max_node_bytes, &out->state, &out->num_state)) !=
            ZK_OK ||
        (st = bytes_list(a, var[1], lim->max_codes, lim->max_code_bytes, &out->codes, &out->num_codes)) != ZK_OK)
        return st;
    return bytes_list(a, var[2], lim->max_headers, lim->max_header_bytes, &out->headers, &out->num_headers);
}

/* v0.3.3 types public keys as a list of ByteList[65] (offset table); the canonical format
 * as packed ByteVector[65] items. */
static zk_status decode_public_keys(zk_arena *a, zk_stateless_format format, zk_bytes in, const ssz_limits *lim,
                                    zk_stateless_input *out)
{
    if (format == ZK_STATELESS_V033)
        return bytes_list(a, in, lim->max_public_keys, PUBLIC_KEY_SIZE, &out->public_keys, &out->num_public_keys);
    size_t n;
    zk_status st = fixed_list(in, PUBLIC_KEY_SIZE, lim->max_public_keys, &n);
    if (st != ZK_OK)
        return st;
    out->num_public_keys = n;
    out->public_keys = NULL;
    if (n == 0)
        return ZK_OK;
    if (!(out->public_keys = zk_arena_alloc(a, n * sizeof *out->public_keys)))
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        out->public_keys[i].ptr = in.ptr + i * PUBLIC_KEY_SIZE;
        out->public_keys[i].len = PUBLIC_KEY_SIZE;
    }
    return ZK_OK;
}

zk_status zk_ssz_decode_input(zk_arena *a, zk_stateless_format format, const uint8_t *in, size_t len,
                              zk_stateless_input *out)
{
    memset(out, 0, sizeof *out);
    out->format = format;
    const ssz_limits *lim;
    if (format == ZK_STATELESS_V033) {
        lim = &V033_LIMITS;
    } else if (format == ZK_STATELESS_CANONICAL) {
        lim = &CANONICAL_LIMITS;
        if (len < 2 || ((unsigned)in[0] << 8 | in[1]) != ZK_STATELESS_SCHEMA_ID)
            return ZK_ERR_DECODE;
        in += 2;
        len -= 2;
    } else {
        return ZK_ERR_DECODE;
    }
    static const size_t pos[3] = {0, 4, 16}; /* request, witness, public keys */
    zk_bytes var[3];
    zk_status st = container_fields(in, len, INPUT_FIXED, pos, 3, var);
    if (st != ZK_OK)
        return st;
    out->chain_id = rd64(in + 8);
    if ((st = decode_npr(a, format, var[0], lim, &out->request)) != ZK_OK ||
        (st = decode_witness(a, var[1], lim, out)) != ZK_OK)
        return st;
    return decode_public_keys(a, format, var[2], lim, out);
}

/* ---- merkleization ---- */

/* Zero-subtree roots, computed once per root computation (no global state). */
typedef struct hasher {
    zk_arena *arena;
    zk_hash zero[65]; /* zero[d]: root of a depth-d tree of zero chunks */
    int levels;       /* zero[0..levels) are valid */
} hasher;

static void sha256_64(const uint8_t *in, zk_hash *out)
{
    zkvm_sha256_hash h;
    zkvm_sha256(in, 64, &h);
    memcpy(out->b, h.data, 32);
}

static void hash_pair(const zk_hash *l, const zk_hash *r, zk_hash *out)
{
    uint8_t buf[64];
    memcpy(buf, l->b, 32);
    memcpy(buf + 32, r->b, 32);
    sha256_64(buf, out);
}

static void hasher_init(hasher *h, zk_arena *a)
{
    h->arena = a;
    memset(h->zero[0].b, 0, 32);
    h->levels = 1;
}

static const zk_hash *zero_root(hasher *h, int depth)
{
    while (h->levels <= depth) {
        hash_pair(&h->zero[h->levels - 1], &h->zero[h->levels - 1], &h->zero[h->levels]);
        h->levels++;
    }
    return &h->zero[depth];
}

static int ceil_log2(uint64_t x)
{
    int d = 0;
    while (d < 64 && ((uint64_t)1 << d) < x)
        d++;
    return d;
}

/* Chunk i of data (zero-padded at the end). */
static void load_chunk(const uint8_t *data, size_t len, size_t i, zk_hash *out)
{
    size_t off = 32 * i, take = len - off < 32 ? len - off : 32;
    memcpy(out->b, data + off, take);
    memset(out->b + take, 0, 32 - take);
}

static zk_status merkleize(hasher *h, const uint8_t *data, size_t len, uint64_t limit, zk_hash *out)
{
    size_t chunks = len / 32 + (len % 32 != 0);
    if (limit == 0)
        limit = 1;
    if (chunks > limit)
        return ZK_ERR_RANGE;
    int depth = ceil_log2(limit);
    if (chunks == 0) {
        *out = *zero_root(h, depth);
        return ZK_OK;
    }
    if (chunks == 1) {
        load_chunk(data, len, 0, out);
    } else {
        /* Level 1 from the data, then pairwise up in one buffer. */
        size_t n = (chunks + 1) / 2;
        zk_arena_mark mark = zk_arena_get_mark(h->arena);
        zk_hash *level = zk_arena_alloc(h->arena, n * sizeof *level);
        if (!level)
            return ZK_ERR_NOMEM;
        for (size_t i = 0; i < n; i++) {
            if (64 * i + 64 <= len) {
                sha256_64(data + 64 * i, &level[i]);
            } else {
                zk_hash l, r;
                load_chunk(data, len, 2 * i, &l);
                if (2 * i + 1 < chunks)
                    load_chunk(data, len, 2 * i + 1, &r);
                else
                    r = *zero_root(h, 0);
                hash_pair(&l, &r, &level[i]);
            }
        }
        int d = 1;
        while (n > 1) {
            size_t m = (n + 1) / 2;
            for (size_t i = 0; i < m; i++) {
                zk_hash r = 2 * i + 1 < n ? level[2 * i + 1] : *zero_root(h, d);
                hash_pair(&level[2 * i], &r, &level[i]);
            }
            n = m;
            d++;
        }
        *out = level[0];
        zk_arena_reset(h->arena, mark);
        for (; d < depth; d++)
            hash_pair(out, zero_root(h, d), out);
        return ZK_OK;
    }
    for (int d = 0; d < depth; d++)
        hash_pair(out, zero_root(h, d), out);
    return ZK_OK;
}

/* EIP-7916: the first `width` chunks form a complete subtree (left child); the rest
 * recurse with four times the width (right child). */
static zk_status merkleize_progressive(hasher *h, const uint8_t *data, size_t len, uint64_t width, zk_hash *out)
{
    if (len == 0) {
        memset(out->b, 0, 32);
        return ZK_OK;
    }
    size_t take = len / 32 < width ? len : (size_t)(32 * width);
    zk_hash left, right;
    zk_status st = merkleize(h, data, take, width, &left);
    if (st != ZK_OK)
        return st;
    if ((st = merkleize_progressive(h, data + take, len - take, 4 * width, &right)) != ZK_OK)
        return st;
    hash_pair(&left, &right, out);
    return ZK_OK;
}

zk_hash zk_ssz_mix_in_length(const zk_hash *root, uint64_t length)
{
    zk_hash len, out;
    memset(len.b, 0, 32);
    for (int i = 0; i < 8; i++)
        len.b[i] = (uint8_t)(length >> (8 * i));
    hash_pair(root, &len, &out);
    return out;
}

zk_status zk_ssz_merkleize(zk_arena *a, const uint8_t *data, size_t len, uint64_t limit_chunks, zk_hash *out)
{
    hasher h;
    hasher_init(&h, a);
    return merkleize(&h, data, len, limit_chunks, out);
}

zk_status zk_ssz_merkleize_progressive(zk_arena *a, const uint8_t *data, size_t len, zk_hash *out)
{
    hasher h;
    hasher_init(&h, a);
    return merkleize_progressive(&h, data, len, 1, out);
}

/* ---- roots of the request's types ---- */

static zk_status bytelist_root(hasher *h, zk_bytes b, uint64_t limit_bytes, zk_hash *out)
{
    zk_hash root;
    zk_status st = merkleize(h, b.ptr, b.len, (limit_bytes + 31) / 32, &root);
    if (st == ZK_OK)
        *out = zk_ssz_mix_in_length(&root, b.len);
    return st;
}

static zk_status progressive_bytelist_root(hasher *h, zk_bytes b, zk_hash *out)
{
    zk_hash root;
    zk_status st = merkleize_progressive(h, b.ptr, b.len, 1, &root);
    if (st == ZK_OK)
        *out = zk_ssz_mix_in_length(&root, b.len);
    return st;
}

zk_status zk_ssz_bytelist_root(zk_arena *a, const uint8_t *data, size_t len, uint64_t limit_bytes, zk_hash *out)
{
    hasher h;
    hasher_init(&h, a);
    zk_bytes b = {data, len};
    return bytelist_root(&h, b, limit_bytes, out);
}

zk_status zk_ssz_progressive_bytelist_root(zk_arena *a, const uint8_t *data, size_t len, zk_hash *out)
{
    hasher h;
    hasher_init(&h, a);
    zk_bytes b = {data, len};
    return progressive_bytelist_root(&h, b, out);
}

/* Root of a list whose element roots are `roots[0..n)`: List[T, limit] or, when
 * `progressive`, ProgressiveList[T]. */
static zk_status list_root(hasher *h, const zk_hash *roots, size_t n, bool progressive, uint64_t limit, zk_hash *out)
{
    zk_hash root;
    const uint8_t *data = n ? roots[0].b : NULL;
    zk_status st = progressive ? merkleize_progressive(h, data, 32 * n, 1, &root)
                               : merkleize(h, data, 32 * n, limit, &root);
    if (st == ZK_OK)
        *out = zk_ssz_mix_in_length(&root, n);
    return st;
}

/* A container of fixed-size fields given as chunk-sized roots. */
static zk_status container_root(hasher *h, const zk_hash *fields, size_t n, zk_hash *out)
{
    return merkleize(h, fields[0].b, 32 * n, n, out);
}

/* EIP-7495 ProgressiveContainer with every one of the n (<= 256) fields active. */
static zk_status progressive_container_root(hasher *h, const zk_hash *fields, size_t n, zk_hash *out)
{
    zk_hash root, bits;
    zk_status st = merkleize_progressive(h, fields[0].b, 32 * n, 1, &root);
    if (st != ZK_OK)
        return st;
    memset(bits.b, 0, 32);
    for (size_t i = 0; i < n; i++)
        bits.b[i / 8] |= (uint8_t)(1u << (i % 8));
    hash_pair(&root, &bits, out);
    return ZK_OK;
}

static zk_hash u64_chunk(uint64_t v)
{
    zk_hash c;
    memset(c.b, 0, 32);
    for (int i = 0; i < 8; i++)
        c.b[i] = (uint8_t)(v >> (8 * i));
    return c;
}

static zk_hash bytes_chunk(const uint8_t *p, size_t n) /* n <= 32 */
{
    zk_hash c;
    memset(c.b, 0, 32);
    memcpy(c.b, p, n);
    return c;
}

/* hash_tree_root of a ByteVector[n] (n > 32): merkleize its chunks, no length. */
static zk_status bytevector_root(hasher *h, const uint8_t *p, size_t n, zk_hash *out)
{
    return merkleize(h, p, n, (n + 31) / 32, out);
}

static zk_status withdrawal_root(hasher *h, const zk_withdrawal *w, zk_hash *out)
{
    zk_hash f[4] = {u64_chunk(w->index), u64_chunk(w->validator_index), bytes_chunk(w->address.b, 20),
                    u64_chunk(w->amount_gwei)};
    return container_root(h, f, 4, out);
}

/* Allocates n roots (NULL for n == 0 is fine: callers pass n along). */
static zk_status alloc_roots(hasher *h, size_t n, zk_hash **out)
{
    *out = NULL;
    if (n == 0)
        return ZK_OK;
    *out = zk_arena_alloc(h->arena, n * sizeof **out);
    return *out ? ZK_OK : ZK_ERR_NOMEM;
}

static zk_status transactions_root(hasher *h, zk_stateless_format format, const zk_execution_payload *p,
                                   zk_hash *out)
{
    zk_hash *roots;
    zk_status st = alloc_roots(h, p->num_transactions, &roots);
    for (size_t i = 0; st == ZK_OK && i < p->num_transactions; i++)
        st = format == ZK_STATELESS_V033 ? bytelist_root(h, p->transactions[i], V033_LIMITS.max_tx_bytes, &roots[i])
                                         : progressive_bytelist_root(h, p->transactions[i], &roots[i]);
    if (st != ZK_OK)
        return st;
    return list_root(h, roots, p->num_transactions, format != ZK_STATELESS_V033, V033_LIMITS.max_txs, out);
}

static zk_status withdrawals_root(hasher *h, zk_stateless_format format, const zk_execution_payload *p,
                                  zk_hash *out)
{
    zk_hash *roots;
    zk_status st = alloc_roots(h, p->num_withdrawals, &roots);
    for (size_t i = 0; st == ZK_OK && i < p->num_withdrawals; i++)
        st = withdrawal_root(h, &p->withdrawals[i], &roots[i]);
    if (st != ZK_OK)
        return st;
    return list_root(h, roots, p->num_withdrawals, format != ZK_STATELESS_V033, V033_LIMITS.max_withdrawals, out);
}

static zk_status payload_root(hasher *h, zk_stateless_format format, const zk_execution_payload *p, zk_hash *out)
{
    zk_hash f[19];
    uint8_t fee[32];
    zk_status st;
    f[0] = p->parent_hash;
    f[1] = bytes_chunk(p->fee_recipient.b, 20);
    f[2] = p->state_root;
    f[3] = p->receipts_root;
    if ((st = bytevector_root(h, p->logs_bloom.b, 256, &f[4])) != ZK_OK)
        return st;
    f[5] = p->prev_randao;
    f[6] = u64_chunk(p->block_number);
    f[7] = u64_chunk(p->gas_limit);
    f[8] = u64_chunk(p->gas_used);
    f[9] = u64_chunk(p->timestamp);
    if ((st = bytelist_root(h, p->extra_data, EXTRA_DATA_MAX, &f[10])) != ZK_OK)
        return st;
    for (int i = 0; i < 4; i++)
        for (int k = 0; k < 8; k++)
            fee[8 * i + k] = (uint8_t)(p->base_fee_per_gas.w[i] >> (8 * k));
    f[11] = bytes_chunk(fee, 32);
    f[12] = p->block_hash;
    if ((st = transactions_root(h, format, p, &f[13])) != ZK_OK ||
        (st = withdrawals_root(h, format, p, &f[14])) != ZK_OK)
        return st;
    f[15] = u64_chunk(p->blob_gas_used);
    f[16] = u64_chunk(p->excess_blob_gas);
    st = format == ZK_STATELESS_V033 ? bytelist_root(h, p->block_access_list, V033_LIMITS.max_bal_bytes, &f[17])
                                     : progressive_bytelist_root(h, p->block_access_list, &f[17]);
    if (st != ZK_OK)
        return st;
    f[18] = u64_chunk(p->slot_number);
    return format == ZK_STATELESS_V033 ? container_root(h, f, 19, out) : progressive_container_root(h, f, 19, out);
}

/* Root of one fixed-size request item of type t (canonical: each a plain Container). */
static zk_status request_item_root(hasher *h, int t, const uint8_t *d, zk_hash *out)
{
    zk_hash f[5];
    zk_status st = ZK_OK;
    size_t n = 0;
    switch (t) {
    case ZK_REQUEST_DEPOSIT: /* pubkey 48, credentials 32, amount 8, signature 96, index 8 */
    case ZK_REQUEST_BUILDER_DEPOSIT:
        st = bytevector_root(h, d, 48, &f[0]);
        f[1] = bytes_chunk(d + 48, 32);
        f[2] = bytes_chunk(d + 80, 8);
        if (st == ZK_OK)
            st = bytevector_root(h, d + 88, 96, &f[3]);
        n = 4;
        if (t == ZK_REQUEST_DEPOSIT) {
            f[4] = bytes_chunk(d + 184, 8);
            n = 5;
        }
        break;
    case ZK_REQUEST_WITHDRAWAL: /* source 20, pubkey 48, amount 8 */
        f[0] = bytes_chunk(d, 20);
        st = bytevector_root(h, d + 20, 48, &f[1]);
        f[2] = bytes_chunk(d + 68, 8);
        n = 3;
        break;
    case ZK_REQUEST_CONSOLIDATION: /* source 20, source pubkey 48, target pubkey 48 */
        f[0] = bytes_chunk(d, 20);
        st = bytevector_root(h, d + 20, 48, &f[1]);
        if (st == ZK_OK)
            st = bytevector_root(h, d + 68, 48, &f[2]);
        n = 3;
        break;
    default: /* builder exit: source 20, pubkey 48 */
        f[0] = bytes_chunk(d, 20);
        st = bytevector_root(h, d + 20, 48, &f[1]);
        n = 2;
        break;
    }
    if (st != ZK_OK)
        return st;
    return container_root(h, f, n, out);
}

static zk_status requests_root(hasher *h, zk_stateless_format format, const zk_execution_requests *r,
                               zk_hash *out)
{
    zk_status st;
    if (format == ZK_STATELESS_V033) {
        zk_hash *roots;
        st = alloc_roots(h, r->num_wire, &roots);
        for (size_t i = 0; st == ZK_OK && i < r->num_wire; i++)
            st = bytelist_root(h, r->wire[i], V033_LIMITS.max_request_bytes, &roots[i]);
        if (st != ZK_OK)
            return st;
        return list_root(h, roots, r->num_wire, false, V033_LIMITS.max_requests, out);
    }
    zk_hash fields[ZK_REQUEST_TYPES];
    for (int t = 0; t < ZK_REQUEST_TYPES; t++) {
        size_t n = r->typed[t].len / ZK_REQUEST_ITEM_SIZE[t];
        zk_hash *roots;
        st = alloc_roots(h, n, &roots);
        for (size_t i = 0; st == ZK_OK && i < n; i++)
            st = request_item_root(h, t, r->typed[t].ptr + i * ZK_REQUEST_ITEM_SIZE[t], &roots[i]);
        if (st == ZK_OK)
            st = list_root(h, roots, n, true, 0, &fields[t]);
        if (st != ZK_OK)
            return st;
    }
    return progressive_container_root(h, fields, ZK_REQUEST_TYPES, out);
}

zk_status zk_ssz_new_payload_request_root(zk_arena *a, zk_stateless_format format,
                                          const zk_new_payload_request *r, zk_hash *out)
{
    hasher h;
    hasher_init(&h, a);
    zk_arena_mark mark = zk_arena_get_mark(a);
    zk_hash f[4];
    zk_status st = payload_root(&h, format, &r->payload, &f[0]);
    if (st == ZK_OK) {
        zk_hash root;
        size_t n = r->num_versioned_hashes;
        st = format == ZK_STATELESS_V033
                 ? merkleize(&h, r->versioned_hashes, 32 * n, V033_LIMITS.max_versioned_hashes, &root)
                 : merkleize_progressive(&h, r->versioned_hashes, 32 * n, 1, &root);
        f[1] = zk_ssz_mix_in_length(&root, n);
    }
    f[2] = r->parent_beacon_block_root;
    if (st == ZK_OK)
        st = requests_root(&h, format, &r->requests, &f[3]);
    if (st == ZK_OK)
        st = container_root(&h, f, 4, out);
    zk_arena_reset(a, mark);
    return st;
}
