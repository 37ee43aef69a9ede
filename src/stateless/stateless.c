/* stateless.c — stateless validation of one guest input (see stateless.h).
 *
 * Structure, as execution-specs `stateless.py` / `execution_engine/new_payload.py`:
 *   decode -> root -> [headers chain -> payload to block -> versioned hashes -> senders
 *   -> zk_block_apply_ex on the witness state] -> output.
 * Everything in brackets only decides the ok byte. The block layer does the header checks
 * against the parent and the execution; this file only adds what the payload form needs.
 */
#include "stateless.h"

#include <string.h>

#include "../accel/zkvm_accelerators.h"
#include "../block/block.h"
#include "../block/msg.h"
#include "../core/keccak.h"
#include "../core/mpt.h"
#include "regions.h"
#include "witness_state.h"

/* Everything one validation carries around. */
typedef struct run {
    zk_arena *arena;
    const zk_stateless_input *in;
    zk_chain_config cfg;
    zk_header *headers; /* decoded witness headers; the parent is the last */
    zk_hash *header_hashes;
    zk_block blk;
    zk_block_outcome outcome;
    zk_msg msg;
} run;

size_t zk_stateless_output_size(zk_stateless_format format)
{
    return format == ZK_STATELESS_CANONICAL ? ZK_STATELESS_OUTPUT_CANONICAL : ZK_STATELESS_OUTPUT_V033;
}

/* ---- failures ---- */

/* An invalid block: the reason goes to the report. NOMEM stays NOMEM (not an answer). */
static zk_status fail(run *r, zk_status st, const char *what)
{
    if (st == ZK_ERR_NOMEM)
        return st;
    zk_msg_str(&r->msg, what);
    return ZK_ERR_INVALID;
}

static zk_status fail_at(run *r, zk_status st, const char *what, size_t index)
{
    if (st == ZK_ERR_NOMEM)
        return st;
    zk_msg_str(&r->msg, what);
    zk_msg_str(&r->msg, " ");
    zk_msg_u64(&r->msg, index);
    return ZK_ERR_INVALID;
}

/* ---- chain rules ---- */

/* Amsterdam from genesis with the EEST blob schedule (BPO2's parameters carry over), under
 * the Amsterdam EIP drafts of tests-zkevm@v0.3.3 (zk_amsterdam_rules), the zkEVM release this
 * validator is tested on, whichever wire format carries the block. Other rules:
 * zk_stateless_validate_rules. */
static void amsterdam_chain(uint64_t chain_id, zk_chain_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->chain_id = chain_id;
    cfg->base_fork = ZK_FORK_AMSTERDAM;
    cfg->amsterdam_rules = ZK_AMSTERDAM_ZKEVM_V0_3;
    cfg->has_blob_params[ZK_FORK_AMSTERDAM] = true;
    cfg->blob_params[ZK_FORK_AMSTERDAM] = (zk_blob_params){14, 21, 11684671};
}

/* ---- witness headers ---- */

/* An Amsterdam header (through slot_number), or one of the previous fork (through
 * requests_hash) for the parent at the fork transition. */
static bool header_of_known_fork(const zk_header *h)
{
    if (h->has_block_access_list_hash)
        return h->has_slot_number;
    return h->has_requests_hash;
}

static zk_status check_headers(run *r)
{
    const zk_stateless_input *in = r->in;
    size_t n = in->num_headers;
    if (n == 0)
        return fail(r, ZK_ERR_INVALID, "witness: no headers (the parent is required)");
    r->headers = zk_arena_alloc(r->arena, n * sizeof *r->headers);
    r->header_hashes = zk_arena_alloc(r->arena, n * sizeof *r->header_hashes);
    if (!r->headers || !r->header_hashes)
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        zk_header *h = &r->headers[i];
        zk_status st = zk_header_decode(in->headers[i].ptr, in->headers[i].len, h);
        if (st != ZK_OK || !header_of_known_fork(h))
            return fail_at(r, st, "witness: malformed header", i);
        r->header_hashes[i] = h->hash;
        if (i > 0 && (!zk_hash_eq(&h->parent_hash, &r->header_hashes[i - 1]) ||
                      h->number != r->headers[i - 1].number + 1))
            return fail_at(r, ZK_ERR_INVALID, "witness: headers not contiguous at", i);
    }
    return ZK_OK;
}

/* ---- execution requests (EIP-7685) ---- */

/* The request data of each type: canonical inputs have it typed; v0.3.3 inputs carry the
 * wire strings, which must have strictly ascending known types and whole items. */
static zk_status request_bodies(run *r, zk_bytes bodies[ZK_REQUEST_TYPES])
{
    const zk_execution_requests *req = &r->in->request.requests;
    if (r->in->format == ZK_STATELESS_CANONICAL) {
        memcpy(bodies, req->typed, sizeof req->typed);
        return ZK_OK;
    }
    memset(bodies, 0, ZK_REQUEST_TYPES * sizeof *bodies);
    int last = -1;
    for (size_t i = 0; i < req->num_wire; i++) {
        zk_bytes w = req->wire[i];
        if (w.len < 1)
            return fail_at(r, ZK_ERR_INVALID, "execution request: empty request", i);
        int type = w.ptr[0];
        if (type <= last || type >= ZK_REQUEST_TYPES)
            return fail_at(r, ZK_ERR_INVALID, "execution request: unknown or unordered type in request", i);
        if ((w.len - 1) % ZK_REQUEST_ITEM_SIZE[type] != 0)
            return fail_at(r, ZK_ERR_INVALID, "execution request: partial item in request", i);
        bodies[type].ptr = w.ptr + 1;
        bodies[type].len = w.len - 1;
        last = type;
    }
    return ZK_OK;
}

/* sha256 over sha256(type || data) of each non-empty request type, ascending. */
static zk_status requests_hash(run *r, zk_hash *out)
{
    zk_bytes bodies[ZK_REQUEST_TYPES];
    zk_status st = request_bodies(r, bodies);
    if (st != ZK_OK)
        return st;
    uint8_t digests[32 * ZK_REQUEST_TYPES];
    size_t nd = 0;
    for (int t = 0; t < ZK_REQUEST_TYPES; t++) {
        if (bodies[t].len == 0)
            continue;
        zk_arena_mark mark = zk_arena_get_mark(r->arena);
        uint8_t *req = zk_arena_alloc(r->arena, bodies[t].len + 1);
        if (!req)
            return ZK_ERR_NOMEM;
        req[0] = (uint8_t)t;
        memcpy(req + 1, bodies[t].ptr, bodies[t].len);
        zkvm_sha256_hash d;
        zkvm_sha256(req, bodies[t].len + 1, &d);
        zk_arena_reset(r->arena, mark);
        memcpy(digests + 32 * nd++, d.data, 32);
    }
    zkvm_sha256_hash d;
    zkvm_sha256(digests, 32 * nd, &d);
    memcpy(out->b, d.data, 32);
    return ZK_OK;
}

/* ---- payload -> block ---- */

static zk_status decode_transactions(run *r)
{
    const zk_execution_payload *p = &r->in->request.payload;
    r->blk.num_txs = p->num_transactions;
    if (p->num_transactions == 0)
        return ZK_OK;
    if (!(r->blk.txs = zk_arena_calloc(r->arena, p->num_transactions * sizeof *r->blk.txs)))
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < p->num_transactions; i++) {
        if (p->transactions[i].len == 0)
            return fail_at(r, ZK_ERR_INVALID, "payload: empty transaction", i);
        zk_status st = zk_tx_decode(r->arena, p->transactions[i].ptr, p->transactions[i].len, &r->blk.txs[i]);
        if (st != ZK_OK)
            return fail_at(r, st, "payload: undecodable transaction", i);
    }
    return ZK_OK;
}

static zk_status ordered_root(run *r, size_t n, const zk_bytes *values, zk_hash *out)
{
    return mpt_ordered_root(r->arena, n, values, out);
}

static zk_status transactions_root(run *r, zk_hash *out)
{
    size_t n = r->blk.num_txs;
    zk_bytes *v = n ? zk_arena_alloc(r->arena, n * sizeof *v) : NULL;
    if (n && !v)
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = r->blk.txs[i].encoded;
    return ordered_root(r, n, v, out);
}

static zk_status withdrawals_root(run *r, zk_hash *out)
{
    const zk_execution_payload *p = &r->in->request.payload;
    size_t n = p->num_withdrawals;
    zk_bytes *v = n ? zk_arena_alloc(r->arena, n * sizeof *v) : NULL;
    if (n && !v)
        return ZK_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        zk_buf b;
        zk_buf_init(&b, r->arena, 64);
        zk_withdrawal_encode(&b, &p->withdrawals[i]);
        if (b.oom)
            return ZK_ERR_NOMEM;
        v[i].ptr = b.data;
        v[i].len = b.len;
    }
    return ordered_root(r, n, v, out);
}

/* The header the payload stands for (execution-specs `_payload_header`). */
static zk_status build_header(run *r, zk_header *h)
{
    const zk_new_payload_request *npr = &r->in->request;
    const zk_execution_payload *p = &npr->payload;
    memset(h, 0, sizeof *h);
    h->parent_hash = p->parent_hash;
    h->ommers_hash = ZK_EMPTY_OMMERS_HASH;
    h->coinbase = p->fee_recipient;
    h->state_root = p->state_root;
    h->receipts_root = p->receipts_root;
    h->logs_bloom = p->logs_bloom;
    h->number = p->block_number;
    h->gas_limit = p->gas_limit;
    h->gas_used = p->gas_used;
    h->timestamp = p->timestamp;
    h->extra_data = p->extra_data;
    h->mix_hash = p->prev_randao;
    h->has_base_fee = true;
    h->base_fee_per_gas = p->base_fee_per_gas;
    h->has_withdrawals_root = true;
    h->has_blob_gas = true;
    h->blob_gas_used = p->blob_gas_used;
    h->excess_blob_gas = p->excess_blob_gas;
    h->has_parent_beacon_root = true;
    h->parent_beacon_block_root = npr->parent_beacon_block_root;
    h->has_requests_hash = true;
    if (zk_chain_fork_at(&r->cfg, p->timestamp) >= ZK_FORK_AMSTERDAM) {
        h->has_block_access_list_hash = true;
        h->block_access_list_hash = keccak256(p->block_access_list.ptr, p->block_access_list.len);
        h->has_slot_number = true;
        h->slot_number = p->slot_number;
    } else if (p->block_access_list.len != 0 || p->slot_number != 0) {
        /* Earlier rules (zk_stateless_validate_rules) have no such header fields. */
        return fail(r, ZK_ERR_INVALID, "payload: block access list or slot number before Amsterdam");
    }
    zk_status st;
    if ((st = transactions_root(r, &h->transactions_root)) != ZK_OK ||
        (st = withdrawals_root(r, &h->withdrawals_root)) != ZK_OK)
        return st == ZK_ERR_NOMEM ? st : fail(r, st, "payload: transactions or withdrawals root");
    return requests_hash(r, &h->requests_hash);
}

/* rlp([header, transactions, ommers, withdrawals]): the block whose size EIP-7934 limits. */
static zk_status encode_block(run *r, const zk_bytes *header_rlp, zk_bytes *out)
{
    const zk_execution_payload *p = &r->in->request.payload;
    size_t total = header_rlp->len + 64;
    for (size_t i = 0; i < r->blk.num_txs; i++)
        total += r->blk.txs[i].encoded.len + 9;
    zk_buf b;
    zk_buf_init(&b, r->arena, total + 64 * p->num_withdrawals);
    size_t block = rlp_list_begin(&b);
    rlp_put_raw(&b, header_rlp->ptr, header_rlp->len);
    size_t txs = rlp_list_begin(&b);
    for (size_t i = 0; i < r->blk.num_txs; i++) {
        const zk_tx *tx = &r->blk.txs[i];
        if (tx->type == ZK_TX_LEGACY)
            rlp_put_raw(&b, tx->encoded.ptr, tx->encoded.len);
        else
            rlp_put_bytes(&b, tx->encoded.ptr, tx->encoded.len);
    }
    rlp_list_end(&b, txs);
    rlp_list_end(&b, rlp_list_begin(&b)); /* no ommers */
    size_t ws = rlp_list_begin(&b);
    for (size_t i = 0; i < p->num_withdrawals; i++)
        zk_withdrawal_encode(&b, &p->withdrawals[i]);
    rlp_list_end(&b, ws);
    rlp_list_end(&b, block);
    if (b.oom)
        return ZK_ERR_NOMEM;
    out->ptr = b.data;
    out->len = b.len;
    return ZK_OK;
}

static zk_status payload_to_block(run *r)
{
    const zk_execution_payload *p = &r->in->request.payload;
    zk_status st = decode_transactions(r);
    if (st != ZK_OK)
        return st;
    zk_header *h = &r->blk.header;
    if ((st = build_header(r, h)) != ZK_OK)
        return st;
    zk_buf hb;
    zk_buf_init(&hb, r->arena, 700 + h->extra_data.len);
    zk_header_encode(&hb, h);
    if (hb.oom)
        return ZK_ERR_NOMEM;
    h->hash = keccak256(hb.data, hb.len);
    if (!zk_hash_eq(&h->hash, &p->block_hash))
        return fail(r, ZK_ERR_INVALID, "payload: block_hash differs from the hash of the rebuilt header");

    r->blk.has_withdrawals = true;
    r->blk.withdrawals = p->withdrawals;
    r->blk.num_withdrawals = p->num_withdrawals;
    zk_bytes header_rlp = {hb.data, hb.len};
    return encode_block(r, &header_rlp, &r->blk.raw);
}

/* The blob hashes of the type-3 transactions, in order, must be `versioned_hashes`. */
static zk_status check_versioned_hashes(run *r)
{
    const zk_new_payload_request *npr = &r->in->request;
    size_t k = 0;
    for (size_t i = 0; i < r->blk.num_txs; i++) {
        const zk_tx *tx = &r->blk.txs[i];
        if (tx->type != ZK_TX_BLOB)
            continue;
        for (size_t j = 0; j < tx->num_blob_hashes; j++, k++)
            if (k >= npr->num_versioned_hashes ||
                memcmp(tx->blob_hashes[j].b, npr->versioned_hashes + 32 * k, 32) != 0)
                return fail(r, ZK_ERR_INVALID, "payload: blob hashes differ from versioned_hashes");
    }
    if (k != npr->num_versioned_hashes)
        return fail(r, ZK_ERR_INVALID, "payload: blob hashes differ from versioned_hashes");
    return ZK_OK;
}

/* Canonical inputs supply each transaction's public key: one per transaction, each an
 * uncompressed point (04 || x || y). Whether each key signed its transaction is checked
 * after execution, against the sender the block layer recovered (equivalent to verifying
 * the signature with the key, and no second recovery). */
static zk_status check_public_key_shape(run *r)
{
    const zk_stateless_input *in = r->in;
    if (in->format != ZK_STATELESS_CANONICAL)
        return ZK_OK; /* v0.3.3: senders are recovered by the block layer */
    if (in->num_public_keys != r->blk.num_txs)
        return fail(r, ZK_ERR_INVALID, "public keys: not one per transaction");
    for (size_t i = 0; i < r->blk.num_txs; i++)
        if (in->public_keys[i].len != 65 || in->public_keys[i].ptr[0] != 0x04)
            return fail_at(r, ZK_ERR_INVALID, "public keys: not an uncompressed key for transaction", i);
    return ZK_OK;
}

static zk_status check_public_key_signers(run *r)
{
    if (r->in->format != ZK_STATELESS_CANONICAL)
        return ZK_OK;
    for (size_t i = 0; i < r->blk.num_txs; i++) {
        zk_hash kh = keccak256(r->in->public_keys[i].ptr + 1, 64);
        if (memcmp(kh.b + 12, r->blk.txs[i].sender.b, 20) != 0)
            return fail_at(r, ZK_ERR_INVALID, "public keys: key did not sign transaction", i);
    }
    return ZK_OK;
}

static zk_status execute(run *r)
{
    zk_witness_state *ws;
    const zk_header *parent = &r->headers[r->in->num_headers - 1];
    zk_status st = zk_witness_state_create(r->arena, r->in->state, r->in->num_state, r->in->codes,
                                           r->in->num_codes, &parent->state_root, &ws);
    if (st != ZK_OK)
        return st;
    zk_witness_state_set_block_hashes(ws, r->headers[0].number, r->header_hashes, r->in->num_headers);
    char reason[200];
    st = zk_block_apply_ex(&r->cfg, NULL, parent, &r->blk, zk_witness_state_backend(ws), r->arena, &r->outcome,
                           reason, sizeof reason);
    if (st == ZK_OK || st == ZK_ERR_NOMEM)
        return st;
    zk_msg_str(&r->msg, reason);
    zk_witness_gap gap = zk_witness_state_gap(ws);
    if (gap.kind != ZK_GAP_NONE) {
        static const char *what[] = {"", "account", "storage slot", "code", "storage update", "account update"};
        zk_msg_str(&r->msg, "; witness lacks ");
        if (gap.kind == ZK_GAP_BLOCK_HASH) {
            uint64_t number = 0;
            for (int i = 24; i < 32; i++)
                number = number << 8 | gap.key.b[i];
            zk_msg_str(&r->msg, "the header of ancestor ");
            zk_msg_u64(&r->msg, number);
            return ZK_ERR_INVALID;
        }
        zk_msg_str(&r->msg, "data for ");
        zk_msg_str(&r->msg, what[gap.kind]);
        zk_msg_str(&r->msg, " of ");
        zk_msg_hex(&r->msg, gap.address.b, 20);
        if (gap.kind == ZK_GAP_STORAGE || gap.kind == ZK_GAP_CODE) {
            zk_msg_str(&r->msg, " key ");
            zk_msg_hex(&r->msg, gap.key.b, 32);
        }
    }
    return ZK_ERR_INVALID;
}

/* Steps after decoding; any failure but NOMEM means "invalid". `rules` (NULL: Amsterdam)
 * with the input's chain id. */
static zk_status validate(run *r, const zk_chain_config *rules)
{
    zk_status st;
    if (rules) {
        r->cfg = *rules;
        r->cfg.chain_id = r->in->chain_id;
    } else {
        amsterdam_chain(r->in->chain_id, &r->cfg);
    }
    zk_region_begin("witness_headers");
    st = check_headers(r);
    zk_region_end("witness_headers");
    if (st != ZK_OK)
        return st;
    zk_region_begin("payload_to_block");
    st = payload_to_block(r);
    if (st == ZK_OK)
        st = check_versioned_hashes(r);
    if (st == ZK_OK)
        st = check_public_key_shape(r);
    zk_region_end("payload_to_block");
    if (st != ZK_OK)
        return st;
    /* Header checks against the parent, sender recovery, transactions, withdrawals,
     * requests and the post-state root ("state_root", nested) all happen in here. */
    zk_region_begin("block_execution");
    st = execute(r);
    zk_region_end("block_execution");
    if (st != ZK_OK)
        return st;
    return check_public_key_signers(r);
}

/* ---- entry points ---- */

static void put_u64le(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

zk_status zk_stateless_validate_ex(zk_stateless_format format, const uint8_t *in, size_t len, zk_arena *a,
                                   uint8_t *out, size_t *out_len, zk_stateless_report *report)
{
    return zk_stateless_validate_rules(format, NULL, in, len, a, out, out_len, report);
}

zk_status zk_stateless_validate_rules(zk_stateless_format format, const zk_chain_config *rules, const uint8_t *in,
                                      size_t len, zk_arena *a, uint8_t *out, size_t *out_len,
                                      zk_stateless_report *report)
{
    zk_stateless_report scratch;
    zk_stateless_report *rep = report ? report : &scratch;
    memset(rep, 0, sizeof *rep);
    if (format != ZK_STATELESS_V033 && format != ZK_STATELESS_CANONICAL)
        return ZK_ERR_RANGE;
    size_t size = zk_stateless_output_size(format);
    memset(out, 0, size);
    *out_len = size;

    run r;
    memset(&r, 0, sizeof r);
    r.arena = a;
    r.msg = zk_msg_start(rep->reason, sizeof rep->reason);
    zk_stateless_input input;
    zk_region_begin("input_decode");
    zk_status st = zk_ssz_decode_input(a, format, in, len, &input);
    zk_region_end("input_decode");
    zk_hash root;
    if (st == ZK_OK) {
        zk_region_begin("payload_request_root");
        st = zk_ssz_new_payload_request_root(a, format, &input.request, &root);
        zk_region_end("payload_request_root");
    }
    if (st == ZK_ERR_NOMEM)
        return st;
    if (st != ZK_OK) {
        zk_msg_str(&r.msg, "input does not decode");
        return ZK_OK; /* the all-zero output */
    }
    rep->decoded = true;
    rep->num_txs = input.request.payload.num_transactions;
    r.in = &input;

    st = validate(&r, rules);
    if (st == ZK_ERR_NOMEM)
        return st;
    rep->valid = st == ZK_OK;
    if (rep->valid)
        rep->gas_used = r.outcome.gas_used;

    memcpy(out, root.b, 32);
    out[32] = rep->valid ? 1 : 0;
    put_u64le(out + 33, input.chain_id);
    if (format == ZK_STATELESS_CANONICAL) {
        out[41] = (uint8_t)(ZK_STATELESS_SCHEMA_ID & 0xff);
        out[42] = (uint8_t)(ZK_STATELESS_SCHEMA_ID >> 8);
    }
    return ZK_OK;
}

zk_status zk_stateless_validate(zk_stateless_format format, const uint8_t *in, size_t len, zk_arena *a,
                                uint8_t *out, size_t *out_len)
{
    return zk_stateless_validate_ex(format, in, len, a, out, out_len, NULL);
}
