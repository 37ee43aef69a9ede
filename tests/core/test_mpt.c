/* test_mpt.c — Merkle-Patricia trie: known roots from ethereum/tests TrieTests, order
 * independence, deletions against fresh rebuilds, lazy resolution from a node database,
 * missing nodes, and the ordered (rlp(i)-keyed) trie. */
#include "check.h"
#include "core/arena_malloc.h"
#include "core/keccak.h"
#include "core/mpt.h"
#include "core/rlp.h"

static zk_arena arena;

/* "0x..." strings are hex, anything else is taken literally (as in trietest.json). */
static size_t parse_str(const char *s, uint8_t *out, size_t cap)
{
    if (s[0] == '0' && s[1] == 'x')
        return test_unhex(s, out, cap);
    size_t n = strlen(s);
    memcpy(out, s, n);
    return n;
}

static void expect_root(mpt *t, const char *want_hex, const char *name)
{
    zk_hash root, want;
    test_unhex(want_hex, want.b, 32);
    CHECK(mpt_root(t, &root) == ZK_OK);
    if (!zk_hash_eq(&root, &want)) {
        char got[65];
        test_tohex(root.b, 32, got);
        fprintf(stderr, "%s: root %s, want %s\n", name, got, want_hex);
        check_failures++;
    }
}

/* ---- ethereum/tests TrieTests vectors ---- */

typedef struct { const char *k, *v; } kv; /* v == NULL: delete */

static void run_vector(const char *name, const kv *ops, size_t n, const char *root, bool secure)
{
    mpt t;
    mpt_init(&t, &arena);
    for (size_t i = 0; i < n; i++) {
        uint8_t k[64], v[128];
        size_t kl = parse_str(ops[i].k, k, sizeof k);
        size_t vl = ops[i].v ? parse_str(ops[i].v, v, sizeof v) : 0;
        if (secure) {
            zk_hash h = keccak256(k, kl);
            memcpy(k, h.b, 32);
            kl = 32;
        }
        CHECK(mpt_put(&t, k, kl, v, vl) == ZK_OK);
    }
    expect_root(&t, root, name);
}

/* Inserts (no deletes) must give the same root in any order. */
static void run_shuffled(const char *name, const kv *ops, size_t n, const char *root)
{
    uint64_t seed = 88172645463325252ULL;
    for (int round = 0; round < 20; round++) {
        size_t order[64];
        for (size_t i = 0; i < n; i++)
            order[i] = i;
        for (size_t i = n; i > 1; i--) {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            size_t j = seed % i, tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        kv shuffled[64];
        for (size_t i = 0; i < n; i++)
            shuffled[i] = ops[order[i]];
        run_vector(name, shuffled, n, root, false);
    }
}

static void known_vectors(void)
{
    mpt t;
    mpt_init(&t, &arena);
    expect_root(&t, "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", "empty");

    static const kv dogs[] = {{"doe", "reindeer"}, {"dog", "puppy"}, {"dogglesworth", "cat"}};
    run_shuffled("dogs", dogs, 3, "8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3");

    static const kv empty_values[] = {{"do", "verb"},     {"ether", "wookiedoo"}, {"horse", "stallion"},
                                      {"shaman", "horse"}, {"doge", "coin"},       {"ether", NULL},
                                      {"dog", "puppy"},    {"shaman", NULL}};
    run_vector("emptyValues", empty_values, 8, "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
               false);

    static const char *branching_keys[] = {
        "0x04110d816c380812a427968ece99b1c963dfbce6", "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
        "0x0a517d755cebbf66312b30fff713666a9cb917e0", "0x24dd378f51adc67a50e339e8031fe9bd4aafab36",
        "0x293f982d000532a7861ab122bdc4bbfd26bf9030", "0x2cf5732f017b0cf1b1f13a1478e10239716bf6b5",
        "0x31c640b92c21a1f1465c91070b4b3b4d6854195f", "0x37f998764813b136ddf5a754f34063fd03065e36",
        "0x37fa399a749c121f8a15ce77e3d9f9bec8020d7a", "0x4f36659fa632310b6ec438dea4085b522a2dd077",
        "0x62c01474f089b07dae603491675dc5b5748f7049", "0x729af7294be595a0efd7d891c9e51f89c07950c7",
        "0x83e3e5a16d3b696a0314b30b2534804dd5e11197", "0x8703df2417e0d7c59d063caa9583cb10a4d20532",
        "0x8dffcd74e5b5923512916c6a64b502689cfa65e1", "0x95a4d7cccb5204733874fa87285a176fe1e9e240",
        "0x99b2fcba8120bedd048fe79f5262a6690ed38c39", "0xa4202b8b8afd5354e3e40a219bdc17f6001bf2cf",
        "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "0xa9647f4a0a14042d91dc33c0328030a7157c93ae",
        "0xaa6cffe5185732689c18f37a7f86170cb7304c2a", "0xaae4a2e3c51c04606dcb3723456e58f3ed214f45",
        "0xc37a43e940dfb5baf581a0b82b351d48305fc885", "0xd2571607e241ecf590ed94b12d87c94babe36db6",
        "0xf735071cbee190d76b704ce68384fc21e389fbe7"};
    kv branching[50];
    for (int i = 0; i < 25; i++) {
        branching[i] = (kv){branching_keys[i], "something"};
        branching[25 + i] = (kv){branching_keys[i], NULL};
    }
    run_vector("branchingTests", branching, 50, "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
               false);

    static const kv jeff[] = {
        {"0x0000000000000000000000000000000000000000000000000000000000000045", "0x22b224a1420a802ab51d326e29fa98e34c4f24ea"},
        {"0x0000000000000000000000000000000000000000000000000000000000000046", "0x67706c2076330000000000000000000000000000000000000000000000000000"},
        {"0x0000000000000000000000000000000000000000000000000000001234567890", "0x697c7b8c961b56f675d570498424ac8de1a918f6"},
        {"0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x1234567890"},
        {"0x0000000000000000000000007ef9e639e2733cb34e4dfc576d4b23f72db776b2", "0x4655474156000000000000000000000000000000000000000000000000000000"},
        {"0x000000000000000000000000ec4f34c97e43fbb2816cfd95e388353c7181dab1", "0x4e616d6552656700000000000000000000000000000000000000000000000000"},
        {"0x4655474156000000000000000000000000000000000000000000000000000000", "0x7ef9e639e2733cb34e4dfc576d4b23f72db776b2"},
        {"0x4e616d6552656700000000000000000000000000000000000000000000000000", "0xec4f34c97e43fbb2816cfd95e388353c7181dab1"},
        {"0x0000000000000000000000000000000000000000000000000000001234567890", NULL},
        {"0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000"},
        {"0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000", "0x697c7b8c961b56f675d570498424ac8de1a918f6"},
    };
    run_vector("jeff", jeff, 11, "9f6221ebb8efe7cff60a716ecb886e67dd042014be444669f0159d8e68b42100", false);

    static const kv middle[] = {{"key1aa", "0123456789012345678901234567890123456789xxx"},
                                {"key1", "0123456789012345678901234567890123456789Very_Long"},
                                {"key2bb", "aval3"},
                                {"key2", "short"},
                                {"key3cc", "aval3"},
                                {"key3", "1234567890123456789012345678901"}};
    run_shuffled("insert-middle-leaf", middle, 6, "cb65032e2f76c48b82b5c24b3db8f670ce73982869d38cd39a624f23d62a9e89");

    static const kv secure[] = {
        {"0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
        {"0x095e7baea6a6c7c4c2dfeb977efac326af552d87", "0xf8440101a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a004bccc5d94f4d1f99aab44369a910179931772f2a5c001c3229f57831c102769"},
        {"0xd2571607e241ecf590ed94b12d87c94babe36db6", "0xf8440180a0ba4b47865c55a341a4a78759bb913cd15c3ee8eaf30a62fa8d1c8863113d84e8a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
        {"0x62c01474f089b07dae603491675dc5b5748f7049", "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
        {"0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba", "0xf8478083019a59a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
    };
    run_vector("hex_encoded_securetrie test1", secure, 5,
               "730a444e08ab4b8dee147c9b232fc52d34a223d600031c1e9d25bfc985cbd797", true);

    /* Lookups, including keys that are prefixes of others (branch values). */
    mpt_init(&t, &arena);
    static const char *words[] = {"do", "dog", "doge", "d", "horse", "ho"};
    for (int i = 0; i < 6; i++)
        CHECK(mpt_put(&t, (const uint8_t *)words[i], strlen(words[i]), (const uint8_t *)words[i], strlen(words[i])) == ZK_OK);
    for (int i = 0; i < 6; i++) {
        zk_bytes v;
        bool found;
        CHECK(mpt_get(&t, (const uint8_t *)words[i], strlen(words[i]), &v, &found) == ZK_OK && found);
        CHECK(found && v.len == strlen(words[i]) && memcmp(v.ptr, words[i], v.len) == 0);
    }
    zk_bytes v;
    bool found = true;
    CHECK(mpt_get(&t, (const uint8_t *)"dogs", 4, &v, &found) == ZK_OK && !found);
    CHECK(mpt_get(&t, (const uint8_t *)"", 0, &v, &found) == ZK_OK && !found);
    CHECK(mpt_get(&t, (const uint8_t *)"h", 1, &v, &found) == ZK_OK && !found);
    for (int i = 5; i >= 0; i--)
        CHECK(mpt_delete(&t, (const uint8_t *)words[i], strlen(words[i])) == ZK_OK);
    expect_root(&t, "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", "delete to empty");
    CHECK(t.root == NULL);
}

/* ---- randomized: the trie after any op sequence equals a fresh build of its contents ---- */

#define MAXK 400
#define MAX_KEY 80
#define MAX_VAL 1500
typedef struct {
    uint8_t key[MAX_KEY];
    size_t key_len;
    uint8_t val[MAX_VAL];
    size_t val_len;
} entry;
typedef struct {
    entry e[MAXK];
    size_t n;
} refmap;

static uint64_t rng = 0x1234567887654321ULL;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static entry *ref_find(refmap *m, const uint8_t *k, size_t kl)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->e[i].key_len == kl && memcmp(m->e[i].key, k, kl) == 0)
            return &m->e[i];
    return NULL;
}

static void random_key(uint8_t *k, size_t *kl, bool secure)
{
    if (secure) {
        uint64_t i = rnd() % 600;
        zk_hash h = keccak256((const uint8_t *)&i, sizeof i);
        memcpy(k, h.b, 32);
        *kl = 32;
    } else if (rnd() % 16 == 0) {
        /* long keys (nibble paths beyond the on-stack buffer), sharing a long prefix */
        *kl = 60 + rnd() % (MAX_KEY - 60 + 1);
        memset(k, 0xab, *kl);
        k[*kl - 1 - rnd() % 3] = (uint8_t)(rnd() % 3);
    } else {
        *kl = rnd() % 4; /* short keys over a tiny alphabet (and the empty key): shared prefixes */
        for (size_t i = 0; i < *kl; i++)
            k[i] = (uint8_t)(0x10 * (rnd() % 3) + rnd() % 3);
    }
}

static void random_value(uint8_t *v, size_t *vl)
{
    /* short values make embedded nodes; a few large ones outgrow the encoding scratch */
    *vl = 1 + rnd() % (rnd() % 2 ? 4 : rnd() % 50 ? 40 : MAX_VAL);
    for (size_t i = 0; i < *vl; i++)
        v[i] = (uint8_t)rnd();
}

static void fresh_root(const refmap *m, zk_hash *out)
{
    zk_arena_mark mark = zk_arena_get_mark(&arena);
    mpt t;
    mpt_init(&t, &arena);
    size_t start = m->n ? rnd() % m->n : 0; /* insertion order varies */
    for (size_t j = 0; j < m->n; j++) {
        const entry *e = &m->e[(start + j) % m->n];
        CHECK(mpt_put(&t, e->key, e->key_len, e->val, e->val_len) == ZK_OK);
    }
    CHECK(mpt_root(&t, out) == ZK_OK);
    zk_arena_reset(&arena, mark);
}

static void apply_random_op(mpt *t, mpt *t2, refmap *m, bool secure)
{
    uint8_t k[MAX_KEY], v[MAX_VAL];
    size_t kl, vl;
    random_key(k, &kl, secure);
    entry *e = ref_find(m, k, kl);
    if (rnd() % 3 == 0) {
        CHECK(mpt_delete(t, k, kl) == ZK_OK);
        if (t2)
            CHECK(mpt_delete(t2, k, kl) == ZK_OK);
        if (e)
            *e = m->e[--m->n];
    } else if (e || m->n < MAXK) {
        random_value(v, &vl);
        CHECK(mpt_put(t, k, kl, v, vl) == ZK_OK);
        if (t2)
            CHECK(mpt_put(t2, k, kl, v, vl) == ZK_OK);
        if (!e)
            e = &m->e[m->n++];
        memcpy(e->key, k, kl);
        e->key_len = kl;
        memcpy(e->val, v, vl);
        e->val_len = vl;
    }
}

static void check_contents(mpt *t, refmap *m)
{
    for (size_t i = 0; i < m->n; i++) {
        zk_bytes v;
        bool found;
        CHECK(mpt_get(t, m->e[i].key, m->e[i].key_len, &v, &found) == ZK_OK);
        CHECK(found && v.len == m->e[i].val_len && memcmp(v.ptr, m->e[i].val, v.len) == 0);
    }
}

static refmap ref;

static void randomized(bool secure)
{
    mpt t;
    mpt_init(&t, &arena);
    ref.n = 0;
    for (int step = 0; step < 3000; step++) {
        apply_random_op(&t, NULL, &ref, secure);
        if (step % 7 == 0) {
            zk_hash a, b;
            CHECK(mpt_root(&t, &a) == ZK_OK);
            fresh_root(&ref, &b);
            CHECK(zk_hash_eq(&a, &b));
        }
        if (step % 100 == 0)
            check_contents(&t, &ref);
    }
    /* Delete everything left, in order: ends at the empty root. */
    for (size_t i = 0; i < ref.n; i++)
        CHECK(mpt_delete(&t, ref.e[i].key, ref.e[i].key_len) == ZK_OK);
    zk_hash r;
    CHECK(mpt_root(&t, &r) == ZK_OK && zk_hash_eq(&r, &ZK_EMPTY_TRIE_ROOT));
}

/* ---- lazy resolution from a hash -> node database ---- */

typedef struct {
    zk_hash hash;
    uint8_t *enc;
    size_t len;
} db_entry;
typedef struct {
    db_entry *e;
    size_t n, cap;
    const zk_hash *hidden; /* a node the database pretends not to have */
    size_t lookups;
} node_db;

static zk_status db_store(void *user, const zk_hash *hash, const uint8_t *enc, size_t len)
{
    node_db *db = user;
    zk_hash check = keccak256(enc, len);
    CHECK(zk_hash_eq(&check, hash));
    for (size_t i = 0; i < db->n; i++)
        if (zk_hash_eq(&db->e[i].hash, hash))
            return ZK_OK;
    if (db->n == db->cap) {
        db->cap = db->cap ? 2 * db->cap : 64;
        db->e = realloc(db->e, db->cap * sizeof *db->e);
    }
    db->e[db->n].hash = *hash;
    db->e[db->n].enc = malloc(len);
    memcpy(db->e[db->n].enc, enc, len);
    db->e[db->n].len = len;
    db->n++;
    return ZK_OK;
}

static zk_status db_resolve(void *user, const zk_hash *hash, zk_bytes *node)
{
    node_db *db = user;
    db->lookups++;
    if (db->hidden && zk_hash_eq(db->hidden, hash))
        return ZK_ERR_MISSING;
    for (size_t i = 0; i < db->n; i++)
        if (zk_hash_eq(&db->e[i].hash, hash)) {
            node->ptr = db->e[i].enc;
            node->len = db->e[i].len;
            return ZK_OK;
        }
    return ZK_ERR_MISSING;
}

static void db_free(node_db *db)
{
    for (size_t i = 0; i < db->n; i++)
        free(db->e[i].enc);
    free(db->e);
}

static void lazy(bool secure)
{
    mpt mem;
    mpt_init(&mem, &arena);
    ref.n = 0;
    for (int i = 0; i < 300; i++)
        apply_random_op(&mem, NULL, &ref, secure);

    node_db db = {0};
    CHECK(mpt_visit_nodes(&mem, db_store, &db) == ZK_OK);
    CHECK(db.n > 0);
    zk_hash root;
    CHECK(mpt_root(&mem, &root) == ZK_OK);

    /* A lazy trie reads every key like the in-memory one, resolving only what it walks. */
    mpt lz;
    mpt_init_from_root(&lz, &arena, &root, db_resolve, &db);
    zk_hash lz_root;
    CHECK(mpt_root(&lz, &lz_root) == ZK_OK && zk_hash_eq(&lz_root, &root));
    CHECK(db.lookups == 0);
    if (ref.n) {
        zk_bytes v;
        bool found;
        CHECK(mpt_get(&lz, ref.e[0].key, ref.e[0].key_len, &v, &found) == ZK_OK && found);
        CHECK(db.lookups > 0 && db.lookups < db.n + 1);
    }
    check_contents(&lz, &ref);

    /* Proofs: a trie holding only the proof nodes of a key answers for that key (present or
     * absent) like the full trie. */
    for (int i = 0; i < 60; i++) {
        uint8_t k[MAX_KEY];
        size_t kl;
        if (i % 2 && ref.n) {
            const entry *e = &ref.e[rnd() % ref.n];
            memcpy(k, e->key, e->key_len);
            kl = e->key_len;
        } else {
            random_key(k, &kl, secure);
        }
        node_db proof = {0};
        if (kl > 64) {
            CHECK(mpt_prove(&mem, k, kl, db_store, &proof) == ZK_ERR_RANGE);
            continue;
        }
        CHECK(mpt_prove(&mem, k, kl, db_store, &proof) == ZK_OK);
        CHECK(proof.n > 0);
        mpt pt;
        mpt_init_from_root(&pt, &arena, &root, db_resolve, &proof);
        zk_bytes want, got;
        bool want_found, got_found;
        CHECK(mpt_get(&mem, k, kl, &want, &want_found) == ZK_OK);
        CHECK(mpt_get(&pt, k, kl, &got, &got_found) == ZK_OK);
        CHECK(want_found == got_found);
        CHECK(!want_found || (want.len == got.len && memcmp(want.ptr, got.ptr, got.len) == 0));
        db_free(&proof);
    }

    /* Same updates on both: the roots agree after each step. */
    for (int step = 0; step < 600; step++) {
        apply_random_op(&mem, &lz, &ref, secure);
        if (step % 5 == 0) {
            zk_hash a, b;
            CHECK(mpt_root(&mem, &a) == ZK_OK && mpt_root(&lz, &b) == ZK_OK);
            CHECK(zk_hash_eq(&a, &b));
        }
    }
    check_contents(&lz, &ref);

    /* A fresh lazy trie missing one inner node: operations that need it fail with
     * ZK_ERR_MISSING and leave the trie unchanged; the others work. */
    node_db db2 = {0};
    CHECK(mpt_visit_nodes(&mem, db_store, &db2) == ZK_OK);
    CHECK(mpt_root(&mem, &root) == ZK_OK);
    size_t missing_seen = 0;
    for (size_t h = 0; h < db2.n && h < 40; h++) {
        if (zk_hash_eq(&db2.e[h].hash, &root))
            continue;
        db2.hidden = &db2.e[h].hash;
        mpt lz2;
        mpt_init_from_root(&lz2, &arena, &root, db_resolve, &db2);
        for (size_t i = 0; i < ref.n; i++) {
            zk_hash before, after;
            CHECK(mpt_root(&lz2, &before) == ZK_OK);
            zk_status st = mpt_delete(&lz2, ref.e[i].key, ref.e[i].key_len);
            CHECK(st == ZK_OK || st == ZK_ERR_MISSING);
            if (st == ZK_ERR_MISSING) {
                missing_seen++;
                CHECK(mpt_root(&lz2, &after) == ZK_OK && zk_hash_eq(&before, &after));
            }
            st = mpt_put(&lz2, ref.e[i].key, ref.e[i].key_len, (const uint8_t *)"x", 1);
            CHECK(st == ZK_OK || st == ZK_ERR_MISSING);
            if (st == ZK_ERR_MISSING) {
                CHECK(mpt_root(&lz2, &after) == ZK_OK);
            }
        }
    }
    CHECK(missing_seen > 0);
    db_free(&db);
    db_free(&db2);
}

/* Corrupt node encodings are rejected with ZK_ERR_DECODE, not trusted. */
static zk_status bad_resolve(void *user, const zk_hash *hash, zk_bytes *node)
{
    (void)hash;
    const char *hex = user;
    static uint8_t buf[600];
    node->len = test_unhex(hex, buf, sizeof buf);
    node->ptr = buf;
    return ZK_OK;
}

static void corrupt_nodes(void)
{
    static const char *bad[] = {
        "c0",                  /* empty list */
        "c3808080",            /* three items */
        "c28080",              /* two items, empty hex-prefix */
        "c3814080",            /* flag nibble 4 */
        "c3820100" "80",       /* hex-prefix padding nibble not zero */
        "c2" "20" "80",        /* leaf with an empty value */
        "c2" "00" "80",        /* extension with an empty path */
        "c3" "8110" "80",      /* extension with an empty child */
        "e2" "20" "a0" "00000000000000000000000000000000000000000000000000000000000000",  /* 31-byte ref */
        "d1" "80808080808080808080808080808080c0", /* branch value is a list */
        "8180",                /* not a list */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        zk_hash root;
        memset(root.b, 0x11, 32);
        mpt t;
        mpt_init_from_root(&t, &arena, &root, bad_resolve, (void *)bad[i]);
        zk_bytes v;
        bool found;
        uint8_t key[32] = {0};
        zk_status st = mpt_get(&t, key, 32, &v, &found);
        if (st != ZK_ERR_DECODE) {
            fprintf(stderr, "corrupt node %s: status %d\n", bad[i], st);
            check_failures++;
        }
    }
    /* Without a resolver, a trie from a non-empty root cannot be read. */
    zk_hash root;
    memset(root.b, 0x22, 32);
    mpt t;
    mpt_init_from_root(&t, &arena, &root, NULL, NULL);
    zk_bytes v;
    bool found;
    CHECK(mpt_get(&t, (const uint8_t *)"a", 1, &v, &found) == ZK_ERR_MISSING);
    mpt_init_from_root(&t, &arena, &ZK_EMPTY_TRIE_ROOT, NULL, NULL);
    CHECK(mpt_get(&t, (const uint8_t *)"a", 1, &v, &found) == ZK_OK && !found);
}

static void ordered(void)
{
    zk_hash r;
    CHECK(mpt_ordered_root(&arena, 0, NULL, &r) == ZK_OK && zk_hash_eq(&r, &ZK_EMPTY_TRIE_ROOT));
    /* Against the same trie built by hand with rlp(i) keys, across the 0x7f/0x80 key change. */
    for (size_t n = 1; n < 300; n += 37) {
        zk_bytes vals[300];
        static uint8_t data[300][50];
        mpt t;
        mpt_init(&t, &arena);
        for (size_t i = 0; i < n; i++) {
            size_t len = 1 + (i * 7) % 50;
            for (size_t j = 0; j < len; j++)
                data[i][j] = (uint8_t)(i + j);
            vals[i] = (zk_bytes){data[i], len};
            uint8_t key[9];
            zk_buf kb;
            zk_buf_init(&kb, &arena, 0);
            rlp_put_u64(&kb, i);
            memcpy(key, kb.data, kb.len);
            CHECK(mpt_put(&t, key, kb.len, data[i], len) == ZK_OK);
        }
        zk_hash want;
        size_t before = arena.total_used;
        CHECK(mpt_ordered_root(&arena, n, vals, &r) == ZK_OK);
        CHECK(arena.total_used == before); /* scratch released */
        CHECK(mpt_root(&t, &want) == ZK_OK && zk_hash_eq(&r, &want));
    }
}

static void out_of_memory(void)
{
    static uint8_t mem[4096];
    zk_arena small;
    zk_arena_init_fixed(&small, mem, sizeof mem);
    mpt t;
    mpt_init(&t, &small);
    zk_status st = ZK_OK;
    int i;
    for (i = 0; i < 1000 && st == ZK_OK; i++) {
        zk_hash k = keccak256((const uint8_t *)&i, sizeof i);
        st = mpt_put(&t, k.b, 32, k.b, 32);
    }
    CHECK(st == ZK_ERR_NOMEM);
    /* A trie from a root that the exhausted arena cannot even hold fails every operation
     * instead of reading as empty. */
    zk_arena full;
    static uint8_t tiny[64];
    zk_arena_init_fixed(&full, tiny, sizeof tiny);
    while (zk_arena_alloc(&full, 16))
        ;
    zk_hash some_root = keccak256((const uint8_t *)"x", 1);
    mpt lazy_t;
    mpt_init_from_root(&lazy_t, &full, &some_root, NULL, NULL);
    zk_bytes v0;
    bool f0;
    zk_hash r0;
    CHECK(mpt_get(&lazy_t, (const uint8_t *)"k", 1, &v0, &f0) == ZK_ERR_NOMEM);
    CHECK(mpt_put(&lazy_t, (const uint8_t *)"k", 1, (const uint8_t *)"v", 1) == ZK_ERR_NOMEM);
    CHECK(mpt_delete(&lazy_t, (const uint8_t *)"k", 1) == ZK_ERR_NOMEM);
    CHECK(mpt_root(&lazy_t, &r0) == ZK_ERR_NOMEM);
    /* Whatever went in before exhaustion is intact. */
    for (int j = 0; j < i - 1; j++) {
        zk_hash k = keccak256((const uint8_t *)&j, sizeof j);
        zk_bytes v;
        bool found;
        CHECK(mpt_get(&t, k.b, 32, &v, &found) == ZK_OK && found && v.len == 32);
    }
}

int main(void)
{
    zk_arena_init_malloc(&arena, 1 << 20);
    known_vectors();
    randomized(false);
    randomized(true);
    lazy(false);
    lazy(true);
    corrupt_nodes();
    ordered();
    out_of_memory();
    zk_arena_release(&arena);
    return check_done("test_mpt");
}
