/* mpt.c — Merkle-Patricia trie (Yellow Paper appendix D) over arena-allocated nodes.
 *
 * Node kinds: leaf (remaining path + value), extension (shared path + one child),
 * branch (16 children + optional value) and "hash" — a reference to a node not yet
 * fetched, expanded in place through the resolver the first time a walk reaches it.
 * Paths are arrays of nibbles (one per byte); they are immutable and shared freely
 * between nodes (a split points into the original array rather than copying).
 *
 * Every node caches its reference as its parent embeds it: the RLP encoding itself when
 * shorter than 32 bytes, else its keccak256. Any change to a node clears its cache, and
 * since changes happen only along the walked path, mpt_root rehashes just that path.
 *
 * Insertion modifies nodes in place; it allocates everything it needs before changing
 * anything, so a failed insert (missing node, arena exhausted) leaves the trie as it was.
 * Deletion copies the nodes along its path instead: collapsing a branch may need a
 * sibling that cannot be resolved, and that must not leave a half-deleted trie behind.
 */
#include "mpt.h"

#include "keccak.h"
#include "rlp.h"

#include <string.h>

enum mpt_kind { MPT_LEAF, MPT_EXT, MPT_BRANCH, MPT_HASH };

struct mpt_node {
    uint8_t kind;
    uint8_t ref_len;      /* 0: not computed; 1..31: inline encoding in ref; 32: hash in ref */
    uint8_t ref[32];
    const uint8_t *path;  /* leaf, extension: nibbles */
    size_t path_len;
    const uint8_t *value; /* leaf, branch (NULL/0 when the branch holds none) */
    size_t value_len;
    mpt_node *child;      /* extension */
    mpt_node *children[]; /* branch only: 16 entries */
};

#define BRANCH_SIZE (sizeof(mpt_node) + 16 * sizeof(mpt_node *))

/* ---- node construction ---- */

static mpt_node *node_new(zk_arena *a, enum mpt_kind kind)
{
    mpt_node *n = zk_arena_alloc(a, kind == MPT_BRANCH ? BRANCH_SIZE : sizeof(mpt_node));
    if (!n)
        return NULL;
    memset(n, 0, kind == MPT_BRANCH ? BRANCH_SIZE : sizeof(mpt_node));
    n->kind = (uint8_t)kind;
    return n;
}

static mpt_node *leaf_new(zk_arena *a, const uint8_t *path, size_t path_len, const uint8_t *value, size_t value_len)
{
    mpt_node *n = node_new(a, MPT_LEAF);
    if (n) {
        n->path = path;
        n->path_len = path_len;
        n->value = value;
        n->value_len = value_len;
    }
    return n;
}

static mpt_node *ext_new(zk_arena *a, const uint8_t *path, size_t path_len, mpt_node *child)
{
    mpt_node *n = node_new(a, MPT_EXT);
    if (n) {
        n->path = path;
        n->path_len = path_len;
        n->child = child;
    }
    return n;
}

static mpt_node *node_clone(zk_arena *a, const mpt_node *src)
{
    size_t size = src->kind == MPT_BRANCH ? BRANCH_SIZE : sizeof(mpt_node);
    mpt_node *n = zk_arena_alloc(a, size);
    if (n) {
        memcpy(n, src, size);
        n->ref_len = 0;
    }
    return n;
}

/* A fresh nibble array: `a_len` nibbles of a followed by `b_len` nibbles of b. */
static uint8_t *nibbles_concat(zk_arena *ar, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    uint8_t *p = zk_arena_alloc(ar, a_len + b_len);
    if (p) {
        if (a_len)
            memcpy(p, a, a_len);
        if (b_len)
            memcpy(p + a_len, b, b_len);
    }
    return p;
}

/* memcmp on nibble arrays that may be NULL when empty. */
static bool nibbles_eq(const uint8_t *a, const uint8_t *b, size_t len)
{
    return len == 0 || memcmp(a, b, len) == 0;
}

static size_t common_prefix(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    size_t n = a_len < b_len ? a_len : b_len, i = 0;
    while (i < n && a[i] == b[i])
        i++;
    return i;
}

/* ---- decoding resolved nodes ---- */

static zk_status decode_node(zk_arena *a, const uint8_t *enc, size_t len, mpt_node **out);

/* A child reference inside a node: empty (no child), a 32-byte hash, or an inline node. */
static zk_status decode_child(zk_arena *a, const rlp_item *it, mpt_node **out)
{
    *out = NULL;
    if (!it->is_list) {
        if (it->payload_len == 0)
            return ZK_OK;
        if (it->payload_len != 32)
            return ZK_ERR_DECODE;
        mpt_node *n = node_new(a, MPT_HASH);
        if (!n)
            return ZK_ERR_NOMEM;
        memcpy(n->ref, it->payload, 32);
        n->ref_len = 32;
        *out = n;
        return ZK_OK;
    }
    if (it->raw_len >= 32)
        return ZK_ERR_DECODE; /* only nodes shorter than a hash are embedded */
    return decode_node(a, it->raw, it->raw_len, out);
}

/* Hex-prefix decoding (Yellow Paper appendix C): flags in the high nibble of byte 0. */
static zk_status decode_hex_prefix(zk_arena *a, const rlp_item *it, uint8_t **path, size_t *path_len, bool *is_leaf)
{
    if (it->is_list || it->payload_len == 0)
        return ZK_ERR_DECODE;
    const uint8_t *p = it->payload;
    unsigned flag = p[0] >> 4;
    if (flag > 3)
        return ZK_ERR_DECODE;
    bool odd = flag & 1;
    if (!odd && (p[0] & 0x0f))
        return ZK_ERR_DECODE; /* the padding nibble must be zero */
    *is_leaf = flag >= 2;
    size_t n = 2 * (it->payload_len - 1) + (odd ? 1 : 0);
    uint8_t *nib = zk_arena_alloc(a, n);
    if (!nib)
        return ZK_ERR_NOMEM;
    size_t o = 0;
    if (odd)
        nib[o++] = p[0] & 0x0f;
    for (size_t i = 1; i < it->payload_len; i++) {
        nib[o++] = p[i] >> 4;
        nib[o++] = p[i] & 0x0f;
    }
    *path = nib;
    *path_len = n;
    return ZK_OK;
}

/* Decodes one node's RLP; values and nibble paths are arena copies or borrow `enc`.
 * The node's cached reference is left for the caller to set. */
static zk_status decode_node(zk_arena *a, const uint8_t *enc, size_t len, mpt_node **out)
{
    rlp_item node, item;
    rlp_iter it;
    size_t count;
    zk_status st;
    if ((st = rlp_decode(enc, len, &node)) != ZK_OK)
        return st;
    if ((st = rlp_list_count(&node, &count)) != ZK_OK)
        return st;
    rlp_iter_init(&node, &it);

    mpt_node *n;
    if (count == 17) {
        if (!(n = node_new(a, MPT_BRANCH)))
            return ZK_ERR_NOMEM;
        for (int i = 0; i < 16; i++) {
            rlp_iter_next(&it, &item);
            if ((st = decode_child(a, &item, &n->children[i])) != ZK_OK)
                return st;
        }
        rlp_iter_next(&it, &item);
        if (item.is_list)
            return ZK_ERR_DECODE;
        n->value = item.payload_len ? item.payload : NULL;
        n->value_len = item.payload_len;
    } else if (count == 2) {
        uint8_t *path;
        size_t path_len;
        bool is_leaf;
        rlp_iter_next(&it, &item);
        if ((st = decode_hex_prefix(a, &item, &path, &path_len, &is_leaf)) != ZK_OK)
            return st;
        rlp_iter_next(&it, &item);
        if (is_leaf) {
            if (item.is_list || item.payload_len == 0)
                return ZK_ERR_DECODE;
            n = leaf_new(a, path, path_len, item.payload, item.payload_len);
            if (!n)
                return ZK_ERR_NOMEM;
        } else {
            mpt_node *child;
            if (path_len == 0)
                return ZK_ERR_DECODE;
            if ((st = decode_child(a, &item, &child)) != ZK_OK)
                return st;
            if (!child)
                return ZK_ERR_DECODE;
            if (!(n = ext_new(a, path, path_len, child)))
                return ZK_ERR_NOMEM;
        }
    } else {
        return ZK_ERR_DECODE;
    }
    /* An embedded node is its own reference. */
    if (len < 32) {
        memcpy(n->ref, enc, len);
        n->ref_len = (uint8_t)len;
    }
    *out = n;
    return ZK_OK;
}

/* Replaces a hash reference by the node it names (in place in the parent's slot). */
static zk_status resolve(mpt *t, mpt_node **slot)
{
    mpt_node *h = *slot;
    if (!h || h->kind != MPT_HASH)
        return ZK_OK;
    if (!t->resolve)
        return ZK_ERR_MISSING;
    zk_hash hash;
    memcpy(hash.b, h->ref, 32);
    zk_bytes enc;
    zk_status st = t->resolve(t->resolve_user, &hash, &enc);
    if (st != ZK_OK)
        return st;
    mpt_node *n;
    if ((st = decode_node(t->arena, enc.ptr, enc.len, &n)) != ZK_OK)
        return st;
    /* The resolver vouches that keccak(enc) == hash: keep it so the node is not rehashed. */
    memcpy(n->ref, hash.b, 32);
    n->ref_len = 32;
    *slot = n;
    return ZK_OK;
}

/* ---- lookup ---- */

/* Expands a key into nibbles, in `stack` when it fits, else in the arena. */
static uint8_t *key_nibbles(zk_arena *a, const uint8_t *key, size_t key_len, uint8_t *stack, size_t stack_cap)
{
    if (key_len > SIZE_MAX / 2)
        return NULL;
    uint8_t *nib = 2 * key_len <= stack_cap ? stack : zk_arena_alloc(a, 2 * key_len);
    if (!nib)
        return NULL;
    for (size_t i = 0; i < key_len; i++) {
        nib[2 * i] = key[i] >> 4;
        nib[2 * i + 1] = key[i] & 0x0f;
    }
    return nib;
}

zk_status mpt_get(mpt *t, const uint8_t *key, size_t key_len, zk_bytes *value, bool *found)
{
    uint8_t stack[128];
    value->ptr = NULL;
    value->len = 0;
    *found = false;
    if (t->init_error != ZK_OK)
        return t->init_error;
    const uint8_t *path = key_nibbles(t->arena, key, key_len, stack, sizeof stack);
    if (!path)
        return ZK_ERR_NOMEM;
    size_t len = 2 * key_len;

    mpt_node **slot = &t->root;
    for (;;) {
        zk_status st = resolve(t, slot);
        if (st != ZK_OK)
            return st;
        mpt_node *n = *slot;
        if (!n)
            return ZK_OK;
        switch (n->kind) {
        case MPT_LEAF:
            if (n->path_len == len && nibbles_eq(n->path, path, len)) {
                value->ptr = n->value;
                value->len = n->value_len;
                *found = true;
            }
            return ZK_OK;
        case MPT_EXT:
            if (len < n->path_len || !nibbles_eq(n->path, path, n->path_len))
                return ZK_OK;
            path += n->path_len;
            len -= n->path_len;
            slot = &n->child;
            break;
        case MPT_BRANCH:
            if (len == 0) {
                if (n->value_len) {
                    value->ptr = n->value;
                    value->len = n->value_len;
                    *found = true;
                }
                return ZK_OK;
            }
            slot = &n->children[path[0]];
            path++;
            len--;
            break;
        default:
            return ZK_ERR_INTERNAL;
        }
    }
}

/* ---- insertion (in place) ---- */

typedef struct insert_ctx {
    mpt *t;
    const uint8_t *value;
    size_t value_len;
} insert_ctx;

/* A new leaf for the rest of the key: its nibbles are copied so the trie owns them. */
static mpt_node *new_key_leaf(insert_ctx *c, const uint8_t *path, size_t len)
{
    uint8_t *p = nibbles_concat(c->t->arena, path, len, NULL, 0);
    return p ? leaf_new(c->t->arena, p, len, c->value, c->value_len) : NULL;
}

/* Splits a leaf or extension `n` whose path shares only `common` nibbles with the key
 * [path, len): a branch at the divergence point, behind an extension for the shared
 * part. Every allocation happens before `n` is modified. */
static zk_status split(insert_ctx *c, mpt_node **slot, const uint8_t *path, size_t len, size_t common)
{
    zk_arena *a = c->t->arena;
    mpt_node *n = *slot;
    mpt_node *branch = node_new(a, MPT_BRANCH);
    mpt_node *prefix = common ? ext_new(a, n->path, common, branch) : NULL;
    mpt_node *new_leaf = len > common ? new_key_leaf(c, path + common + 1, len - common - 1) : NULL;
    if (!branch || (common && !prefix) || (len > common && !new_leaf))
        return ZK_ERR_NOMEM;

    /* Where the old node continues below the branch. */
    mpt_node *old_rest = NULL;
    if (n->path_len > common) {
        uint8_t idx = n->path[common];
        if (n->kind == MPT_EXT && n->path_len == common + 1) {
            old_rest = n->child; /* a one-nibble extension disappears into the branch */
        } else {
            old_rest = n;
            n->path += common + 1;
            n->path_len -= common + 1;
            n->ref_len = 0;
        }
        branch->children[idx] = old_rest;
    } else {
        /* Only a leaf can end here (an extension always continues): its value moves up. */
        branch->value = n->value;
        branch->value_len = n->value_len;
    }
    if (new_leaf)
        branch->children[path[common]] = new_leaf;
    else {
        branch->value = c->value;
        branch->value_len = c->value_len;
    }
    *slot = prefix ? prefix : branch;
    return ZK_OK;
}

static zk_status insert(insert_ctx *c, mpt_node **slot, const uint8_t *path, size_t len)
{
    zk_status st = resolve(c->t, slot);
    if (st != ZK_OK)
        return st;
    mpt_node *n = *slot;
    if (!n) {
        mpt_node *leaf = new_key_leaf(c, path, len);
        if (!leaf)
            return ZK_ERR_NOMEM;
        *slot = leaf;
        return ZK_OK;
    }
    switch (n->kind) {
    case MPT_LEAF: {
        size_t common = common_prefix(n->path, n->path_len, path, len);
        if (common == len && common == n->path_len) {
            n->value = c->value;
            n->value_len = c->value_len;
            n->ref_len = 0;
            return ZK_OK;
        }
        return split(c, slot, path, len, common);
    }
    case MPT_EXT: {
        size_t common = common_prefix(n->path, n->path_len, path, len);
        if (common < n->path_len)
            return split(c, slot, path, len, common);
        if ((st = insert(c, &n->child, path + common, len - common)) != ZK_OK)
            return st;
        n->ref_len = 0;
        return ZK_OK;
    }
    case MPT_BRANCH:
        if (len == 0) {
            n->value = c->value;
            n->value_len = c->value_len;
        } else if ((st = insert(c, &n->children[path[0]], path + 1, len - 1)) != ZK_OK) {
            return st;
        }
        n->ref_len = 0;
        return ZK_OK;
    default:
        return ZK_ERR_INTERNAL;
    }
}

/* ---- deletion (copying the path) ---- */

/* Rebuilds `n` (an extension, or the one-nibble prefix `nib` of a collapsed branch)
 * above `child`, merging the paths when the child is a leaf or an extension. */
static zk_status join(mpt *t, const uint8_t *prefix, size_t prefix_len, mpt_node **child_slot, mpt_node **out)
{
    zk_status st = resolve(t, child_slot);
    if (st != ZK_OK)
        return st;
    mpt_node *child = *child_slot;
    if (child->kind == MPT_BRANCH) {
        *out = ext_new(t->arena, prefix, prefix_len, child);
        return *out ? ZK_OK : ZK_ERR_NOMEM;
    }
    uint8_t *path = nibbles_concat(t->arena, prefix, prefix_len, child->path, child->path_len);
    mpt_node *n = path ? node_clone(t->arena, child) : NULL;
    if (!n)
        return ZK_ERR_NOMEM;
    n->path = path;
    n->path_len = prefix_len + child->path_len;
    *out = n;
    return ZK_OK;
}

/* Deletes the key [path, len) below *slot. *out gets the replacement subtree (NULL when
 * it became empty); *found says whether the key was present (if not, *out == *slot). */
static zk_status delete_rec(mpt *t, mpt_node **slot, const uint8_t *path, size_t len, mpt_node **out, bool *found)
{
    zk_status st = resolve(t, slot);
    if (st != ZK_OK)
        return st;
    mpt_node *n = *slot;
    *out = n;
    *found = false;
    if (!n)
        return ZK_OK;

    switch (n->kind) {
    case MPT_LEAF:
        if (n->path_len == len && nibbles_eq(n->path, path, len)) {
            *found = true;
            *out = NULL;
        }
        return ZK_OK;

    case MPT_EXT: {
        if (len < n->path_len || !nibbles_eq(n->path, path, n->path_len))
            return ZK_OK;
        mpt_node *child;
        if ((st = delete_rec(t, &n->child, path + n->path_len, len - n->path_len, &child, found)) != ZK_OK)
            return st;
        if (!*found)
            return ZK_OK;
        if (!child) { /* cannot happen in a well-formed trie: a branch never empties at once */
            *out = NULL;
            return ZK_OK;
        }
        return join(t, n->path, n->path_len, &child, out);
    }

    case MPT_BRANCH: {
        mpt_node *new_child = NULL;
        if (len == 0) {
            if (!n->value_len)
                return ZK_OK;
        } else {
            if ((st = delete_rec(t, &n->children[path[0]], path + 1, len - 1, &new_child, found)) != ZK_OK)
                return st;
            if (!*found)
                return ZK_OK;
        }
        *found = true;
        mpt_node *copy = node_clone(t->arena, n);
        if (!copy)
            return ZK_ERR_NOMEM;
        if (len == 0) {
            copy->value = NULL;
            copy->value_len = 0;
        } else {
            copy->children[path[0]] = new_child;
        }

        /* A branch needs two entries; with one left it collapses into its survivor. */
        int entries = copy->value_len ? 1 : 0, last = -1;
        for (int i = 0; i < 16; i++)
            if (copy->children[i]) {
                entries++;
                last = i;
            }
        if (entries >= 2) {
            *out = copy;
            return ZK_OK;
        }
        if (entries == 0) {
            *out = NULL;
            return ZK_OK;
        }
        if (last < 0) { /* only the value survives: a leaf with an empty path */
            *out = leaf_new(t->arena, NULL, 0, copy->value, copy->value_len);
            return *out ? ZK_OK : ZK_ERR_NOMEM;
        }
        static const uint8_t nibble_values[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        return join(t, &nibble_values[last], 1, &copy->children[last], out);
    }
    default:
        return ZK_ERR_INTERNAL;
    }
}

/* ---- public mutation API ---- */

void mpt_init(mpt *t, zk_arena *a)
{
    t->arena = a;
    t->root = NULL;
    t->resolve = NULL;
    t->resolve_user = NULL;
    t->init_error = ZK_OK;
}

void mpt_init_from_root(mpt *t, zk_arena *a, const zk_hash *root, mpt_resolve_fn resolve_fn, void *user)
{
    mpt_init(t, a);
    t->resolve = resolve_fn;
    t->resolve_user = user;
    if (zk_hash_eq(root, &ZK_EMPTY_TRIE_ROOT))
        return;
    mpt_node *h = node_new(a, MPT_HASH);
    if (!h) {
        t->init_error = ZK_ERR_NOMEM; /* never let the trie read as empty */
        return;
    }
    memcpy(h->ref, root->b, 32);
    h->ref_len = 32;
    t->root = h;
}

static zk_status put_value(mpt *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len)
{
    if (t->init_error != ZK_OK)
        return t->init_error;
    uint8_t stack[128];
    const uint8_t *path = key_nibbles(t->arena, key, key_len, stack, sizeof stack);
    if (!path)
        return ZK_ERR_NOMEM;
    insert_ctx c = {t, value, value_len};
    return insert(&c, &t->root, path, 2 * key_len);
}

zk_status mpt_put(mpt *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len)
{
    if (t->init_error != ZK_OK)
        return t->init_error;
    if (value_len == 0)
        return mpt_delete(t, key, key_len);
    const uint8_t *copy = zk_arena_dup(t->arena, value, value_len);
    if (!copy)
        return ZK_ERR_NOMEM;
    return put_value(t, key, key_len, copy, value_len);
}

zk_status mpt_put_borrowed(mpt *t, const uint8_t *key, size_t key_len, const uint8_t *value, size_t value_len)
{
    if (value_len == 0)
        return mpt_delete(t, key, key_len);
    return put_value(t, key, key_len, value, value_len);
}

zk_status mpt_delete(mpt *t, const uint8_t *key, size_t key_len)
{
    if (t->init_error != ZK_OK)
        return t->init_error;
    uint8_t stack[128];
    const uint8_t *path = key_nibbles(t->arena, key, key_len, stack, sizeof stack);
    if (!path)
        return ZK_ERR_NOMEM;
    mpt_node *root;
    bool found;
    zk_status st = delete_rec(t, &t->root, path, 2 * key_len, &root, &found);
    if (st == ZK_OK && found)
        t->root = root;
    return st;
}

/* ---- hashing ---- */

/* Hex-prefix encoding of a nibble path into out (room for path_len/2 + 1 bytes). */
static size_t hex_prefix(uint8_t *out, const uint8_t *path, size_t len, bool leaf)
{
    bool odd = len & 1;
    size_t o = 0, i = 0;
    out[o++] = (uint8_t)(((leaf ? 2 : 0) + (odd ? 1 : 0)) << 4 | (odd ? path[i++] : 0));
    for (; i < len; i += 2)
        out[o++] = (uint8_t)(path[i] << 4 | path[i + 1]);
    return o;
}

static void put_child_ref(zk_buf *b, const mpt_node *child)
{
    if (!child)
        rlp_put_bytes(b, NULL, 0);
    else if (child->ref_len == 32)
        rlp_put_bytes(b, child->ref, 32);
    else
        rlp_put_raw(b, child->ref, child->ref_len); /* embedded node */
}

/* Encodes `n` (whose children already have references) into scratch and sets its ref. */
static zk_status encode_node(mpt *t, mpt_node *n, zk_buf *scratch)
{
    zk_buf_reset(scratch);
    size_t list = rlp_list_begin(scratch);
    if (n->kind == MPT_BRANCH) {
        for (int i = 0; i < 16; i++)
            put_child_ref(scratch, n->children[i]);
        rlp_put_bytes(scratch, n->value, n->value_len);
    } else {
        /* Hex-prefix paths are short for real tries; long ones go through the arena. */
        uint8_t small[80];
        size_t need = n->path_len / 2 + 1;
        uint8_t *hp = need <= sizeof small ? small : zk_arena_alloc(t->arena, need);
        if (!hp)
            return ZK_ERR_NOMEM;
        size_t hp_len = hex_prefix(hp, n->path, n->path_len, n->kind == MPT_LEAF);
        rlp_put_bytes(scratch, hp, hp_len);
        if (n->kind == MPT_LEAF)
            rlp_put_bytes(scratch, n->value, n->value_len);
        else
            put_child_ref(scratch, n->child);
    }
    rlp_list_end(scratch, list);
    if (scratch->oom)
        return ZK_ERR_NOMEM;
    if (scratch->len < 32) {
        memcpy(n->ref, scratch->data, scratch->len);
        n->ref_len = (uint8_t)scratch->len;
    } else {
        zk_hash h = keccak256(scratch->data, scratch->len);
        memcpy(n->ref, h.b, 32);
        n->ref_len = 32;
    }
    return ZK_OK;
}

/* Computes missing references bottom-up; untouched subtrees keep their cached ones. */
static zk_status update_refs(mpt *t, mpt_node *n, zk_buf *scratch)
{
    if (!n || n->ref_len)
        return ZK_OK;
    zk_status st;
    if (n->kind == MPT_BRANCH) {
        for (int i = 0; i < 16; i++)
            if ((st = update_refs(t, n->children[i], scratch)) != ZK_OK)
                return st;
    } else if (n->kind == MPT_EXT) {
        if ((st = update_refs(t, n->child, scratch)) != ZK_OK)
            return st;
    } else if (n->kind == MPT_HASH) {
        return ZK_ERR_INTERNAL; /* hash nodes always carry their reference */
    }
    return encode_node(t, n, scratch);
}

zk_status mpt_root(mpt *t, zk_hash *out)
{
    if (t->init_error != ZK_OK)
        return t->init_error;
    if (!t->root) {
        *out = ZK_EMPTY_TRIE_ROOT;
        return ZK_OK;
    }
    /* The scratch buffer lives only during this call: hashing allocates no node. */
    zk_arena_mark m = zk_arena_get_mark(t->arena);
    zk_buf scratch;
    zk_buf_init(&scratch, t->arena, 1024);
    zk_status st = update_refs(t, t->root, &scratch);
    zk_arena_reset(t->arena, m);
    if (st != ZK_OK)
        return st;
    /* The root is hashed even when its encoding is shorter than 32 bytes. */
    if (t->root->ref_len == 32)
        memcpy(out->b, t->root->ref, 32);
    else
        *out = keccak256(t->root->ref, t->root->ref_len);
    return ZK_OK;
}

zk_status mpt_ordered_root(zk_arena *a, size_t n, const zk_bytes *values, zk_hash *out)
{
    zk_arena_mark m = zk_arena_get_mark(a);
    mpt t;
    mpt_init(&t, a);
    zk_status st = ZK_OK;
    for (size_t i = 0; i < n && st == ZK_OK; i++) {
        uint8_t key[10];
        zk_buf kb = {key, 0, sizeof key, a, false};
        rlp_put_u64(&kb, i);
        st = mpt_put_borrowed(&t, key, kb.len, values[i].ptr, values[i].len);
    }
    if (st == ZK_OK)
        st = mpt_root(&t, out);
    zk_arena_reset(a, m);
    return st;
}

/* ---- visiting hashed nodes ---- */

typedef struct visit_ctx {
    mpt *t;
    zk_buf *scratch;
    mpt_visit_fn fn;
    void *user;
} visit_ctx;

/* Encodes a node whose reference is up to date and hands it to fn, keeping the reference
 * (re-encoding gives the same bytes the reference was computed from). */
static zk_status emit_node(visit_ctx *v, mpt_node *n)
{
    uint8_t saved[32], saved_len = n->ref_len;
    memcpy(saved, n->ref, 32);
    zk_status st = encode_node(v->t, n, v->scratch);
    memcpy(n->ref, saved, 32);
    n->ref_len = saved_len;
    if (st != ZK_OK)
        return st;
    zk_hash h;
    if (saved_len == 32)
        memcpy(h.b, saved, 32);
    else
        h = keccak256(v->scratch->data, v->scratch->len);
    return v->fn(v->user, &h, v->scratch->data, v->scratch->len);
}

static zk_status visit(visit_ctx *v, mpt_node *n, bool is_root)
{
    if (!n || n->kind == MPT_HASH)
        return ZK_OK;
    zk_status st;
    if (n->kind == MPT_BRANCH) {
        for (int i = 0; i < 16; i++)
            if ((st = visit(v, n->children[i], false)) != ZK_OK)
                return st;
    } else if (n->kind == MPT_EXT) {
        if ((st = visit(v, n->child, false)) != ZK_OK)
            return st;
    }
    if (n->ref_len < 32 && !is_root)
        return ZK_OK; /* embedded in its parent's encoding */
    return emit_node(v, n);
}

zk_status mpt_visit_nodes(mpt *t, mpt_visit_fn fn, void *user)
{
    zk_hash root;
    zk_status st = mpt_root(t, &root); /* brings every cached reference up to date */
    if (st != ZK_OK || !t->root)
        return st;
    zk_arena_mark m = zk_arena_get_mark(t->arena);
    zk_buf scratch;
    zk_buf_init(&scratch, t->arena, 1024);
    visit_ctx v = {t, &scratch, fn, user};
    st = visit(&v, t->root, true);
    zk_arena_reset(t->arena, m);
    return st;
}

/* ---- proofs ---- */

zk_status mpt_prove(mpt *t, const uint8_t *key, size_t key_len, mpt_visit_fn fn, void *user)
{
    zk_hash root;
    zk_status st = mpt_root(t, &root);
    if (st != ZK_OK || !t->root)
        return st;
    uint8_t stack[128];
    const uint8_t *path = key_nibbles(t->arena, key, key_len, stack, sizeof stack);
    if (!path)
        return ZK_ERR_NOMEM;
    size_t len = 2 * key_len;

    /* A path holds at most a branch and an extension per nibble, then a leaf. */
    mpt_node *nodes[4 * 64 + 1];
    if (2 * len + 1 > sizeof nodes / sizeof nodes[0])
        return ZK_ERR_RANGE; /* keys over 64 bytes are not supported for proofs */

    /* Resolution allocates nodes that must outlive this call: walk (and resolve) first,
     * then take the mark for the encoding scratch. */
    size_t count = 0;
    mpt_node **slot = &t->root;
    for (;;) {
        if ((st = resolve(t, slot)) != ZK_OK)
            return st;
        mpt_node *n = *slot;
        if (!n)
            break;
        nodes[count++] = n;
        if (n->kind == MPT_EXT && len >= n->path_len && nibbles_eq(n->path, path, n->path_len)) {
            path += n->path_len;
            len -= n->path_len;
            slot = &n->child;
        } else if (n->kind == MPT_BRANCH && len > 0) {
            slot = &n->children[path[0]];
            path++;
            len--;
        } else {
            break; /* a leaf, a diverging extension, or the key ends at a branch */
        }
    }

    zk_arena_mark m = zk_arena_get_mark(t->arena);
    zk_buf scratch;
    zk_buf_init(&scratch, t->arena, 1024);
    visit_ctx v = {t, &scratch, fn, user};
    for (size_t i = 0; i < count && st == ZK_OK; i++)
        if (i == 0 || nodes[i]->ref_len == 32)
            st = emit_node(&v, nodes[i]);
    zk_arena_reset(t->arena, m);
    return st;
}
