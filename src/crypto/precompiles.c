/* precompiles.c — the EVM precompiled contracts 0x01–0x11 and 0x100: existence per fork, exact gas
 * per fork, input decoding (right-padding with zeros), output encoding and failure rules.
 *
 * The cryptography goes through zkvm_accelerators.h via accel_shim.h (a zkVM's accelerators or
 * the software backend of src/accel, which is also the fallback), so this file holds only EVM
 * rules. Specification: ethereum/execution-specs
 * `src/ethereum/forks/<fork>/vm/precompiled_contracts/` and the EIPs named below.
 *
 * Two kinds of unhappy endings, as in the specification:
 *   - failure (exceptional halt): out of gas or invalid input to MODEXP (EIP-7823 bounds), BN254,
 *     BLAKE2F, POINT_EVALUATION and the BLS12-381 operations; all gas is consumed;
 *   - empty output: ECRECOVER and P256VERIFY answer an invalid signature or key with success and
 *     no output, charging only their fixed price.
 * Freestanding: memory comes from the caller's arena.
 */
#include "precompiles.h"

#include <stddef.h>
#include <string.h>

#include "accel_shim.h"

/* --- saturating arithmetic: gas formulas must not wrap on absurd lengths -------------------------- *
 * UINT64_MAX means "more than any gas limit": charge() refuses it even when gas == UINT64_MAX. */

static uint64_t sat_add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

static uint64_t sat_mul(uint64_t a, uint64_t b)
{
    if (a == 0 || b == 0)
        return 0;
    return a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

static uint64_t words32(uint64_t len) { return len / 32 + (len % 32 != 0); }

/* --- one call ------------------------------------------------------------------------------------- */

typedef struct pc_call {
    zk_fork fork;
    const uint8_t *in;
    size_t in_len;
    uint64_t gas;      /* available */
    zk_arena *arena;
    uint64_t cost;     /* gas charged so far */
    bool failed;       /* exceptional halt: all gas consumed, no output */
    zk_bytes out;
    zk_arena_mark keep; /* arena position just after the output: later scratch is released */
    bool has_out;
} pc_call;

/* Charges `cost`; false (and a failed call) when it exceeds the gas available. Runners charge
 * before any expensive work, so an unaffordable call costs no computation. */
static bool charge(pc_call *c, uint64_t cost)
{
    c->cost = cost;
    if (cost > c->gas || cost == UINT64_MAX) {
        c->failed = true;
        return false;
    }
    return true;
}

static zk_status fail(pc_call *c)
{
    c->failed = true;
    return ZK_OK;
}

/* Copies input bytes [offset, offset + n) into dst, reading zeros past the end of the input. */
static void read_padded(const pc_call *c, uint64_t offset, uint8_t *dst, size_t n)
{
    size_t avail = 0;
    if (offset < c->in_len)
        avail = c->in_len - (size_t)offset < n ? c->in_len - (size_t)offset : n;
    if (avail)
        memcpy(dst, c->in + offset, avail);
    memset(dst + avail, 0, n - avail);
}

/* Allocates the zero-filled output; false on arena exhaustion. Runners that need scratch memory
 * allocate the output first: everything allocated after it is released when the call ends. */
static bool alloc_out(pc_call *c, size_t n, uint8_t **p)
{
    *p = NULL;
    if (n == 0)
        return true;
    *p = zk_arena_calloc(c->arena, n);
    if (!*p)
        return false;
    c->out.ptr = *p;
    c->out.len = n;
    c->keep = zk_arena_get_mark(c->arena);
    c->has_out = true;
    return true;
}

/* Answers with a copy of the n bytes at data. */
static zk_status emit_bytes(pc_call *c, const void *data, size_t n)
{
    uint8_t *out;
    if (!alloc_out(c, n, &out))
        return ZK_ERR_NOMEM;
    if (n)
        memcpy(out, data, n);
    return ZK_OK;
}

/* --- 0x01 ECRECOVER ------------------------------------------------------------------------------- */

static zk_status run_ecrecover(pc_call *c)
{
    if (!charge(c, 3000))
        return ZK_OK;
    uint8_t in[128];
    read_padded(c, 0, in, sizeof in);
    /* v is a 256-bit word that must be exactly 27 or 28; anything else gives empty output. */
    static const uint8_t zeros[31];
    if (memcmp(in + 32, zeros, 31) != 0 || (in[63] != 27 && in[63] != 28))
        return ZK_OK;
    zkvm_secp256k1_hash msg;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub;
    memcpy(msg.data, in, 32);
    memcpy(sig.data, in + 64, 64);
    if (zk_accel_secp256k1_ecrecover(&msg, &sig, (uint8_t)(in[63] - 27), &pub) != ZKVM_EOK)
        return ZK_OK; /* r or s out of range, or no such point: empty output */
    zkvm_keccak256_hash h;
    zk_accel_keccak256(pub.data, 64, &h);
    uint8_t *out;
    if (!alloc_out(c, 32, &out))
        return ZK_ERR_NOMEM;
    memcpy(out + 12, h.data + 12, 20);
    return ZK_OK;
}

/* --- 0x02 SHA256, 0x03 RIPEMD160, 0x04 IDENTITY --------------------------------------------------- */

static zk_status run_sha256(pc_call *c)
{
    if (!charge(c, sat_add(60, sat_mul(12, words32(c->in_len)))))
        return ZK_OK;
    zkvm_sha256_hash h;
    zk_accel_sha256(c->in, c->in_len, &h);
    return emit_bytes(c, h.data, 32);
}

static zk_status run_ripemd160(pc_call *c)
{
    if (!charge(c, sat_add(600, sat_mul(120, words32(c->in_len)))))
        return ZK_OK;
    zkvm_ripemd160_hash h; /* already 12 zero bytes ‖ digest */
    zk_accel_ripemd160(c->in, c->in_len, &h);
    return emit_bytes(c, h.data, 32);
}

static zk_status run_identity(pc_call *c)
{
    if (!charge(c, sat_add(15, sat_mul(3, words32(c->in_len)))))
        return ZK_OK;
    return emit_bytes(c, c->in, c->in_len);
}

/* --- 0x05 MODEXP ---------------------------------------------------------------------------------- */

/* A 32-byte big-endian length as u64, UINT64_MAX when it does not fit (huge lengths then
 * produce an unaffordable gas cost, never an allocation). */
static uint64_t be_to_u64_saturated(const uint8_t b[32])
{
    for (int i = 0; i < 24; i++)
        if (b[i])
            return UINT64_MAX;
    uint64_t v = 0;
    for (int i = 24; i < 32; i++)
        v = v << 8 | b[i];
    return v;
}

static unsigned be_bit_length(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i]) {
            unsigned bits = (unsigned)(n - i) * 8;
            for (uint8_t top = 0x80; !(p[i] & top); top >>= 1)
                bits--;
            return bits;
        }
    return 0;
}

/* EIP-198 (Byzantium), EIP-2565 (Berlin) and EIP-7883 (Osaka) pricing. `head` is the first
 * min(32, exp_len) bytes of the exponent, right-aligned in 32 bytes. */
static uint64_t modexp_gas(zk_fork fork, uint64_t base_len, uint64_t exp_len, uint64_t mod_len, const uint8_t head[32])
{
    uint64_t max_len = base_len > mod_len ? base_len : mod_len;
    uint64_t words = max_len / 8 + (max_len % 8 != 0);
    uint64_t complexity;
    uint64_t per_exp_byte;
    if (fork >= ZK_FORK_OSAKA) {
        complexity = max_len <= 32 ? 16 : sat_mul(2, sat_mul(words, words));
        per_exp_byte = 16;
    } else if (fork >= ZK_FORK_BERLIN) {
        complexity = sat_mul(words, words);
        per_exp_byte = 8;
    } else {
        /* EIP-198's piecewise x^2, x^2/4 + 96x - 3072, x^2/16 + 480x - 199680 (never negative:
         * each piece starts above the previous one's end). */
        uint64_t square = sat_mul(max_len, max_len);
        if (square == UINT64_MAX)
            complexity = UINT64_MAX;
        else if (max_len <= 64)
            complexity = square;
        else if (max_len <= 1024)
            complexity = square / 4 + 96 * max_len - 3072;
        else
            complexity = square / 16 + 480 * max_len - 199680; /* max_len < 2^32 here: no overflow */
        per_exp_byte = 8;
    }

    unsigned head_bits = be_bit_length(head, 32);
    uint64_t iterations = head_bits > 0 ? head_bits - 1 : 0;
    if (exp_len > 32)
        iterations = sat_add(sat_mul(per_exp_byte, exp_len - 32), iterations);
    if (iterations < 1)
        iterations = 1;

    uint64_t cost = sat_mul(complexity, iterations);
    if (cost == UINT64_MAX)
        return UINT64_MAX; /* saturated: more than any gas limit */
    if (fork >= ZK_FORK_OSAKA)
        return cost < 500 ? 500 : cost;
    if (fork >= ZK_FORK_BERLIN)
        return cost / 3 < 200 ? 200 : cost / 3;
    return cost / 20;
}

static zk_status run_modexp(pc_call *c)
{
    uint8_t lens[96];
    read_padded(c, 0, lens, sizeof lens);
    uint64_t base_len = be_to_u64_saturated(lens);
    uint64_t exp_len = be_to_u64_saturated(lens + 32);
    uint64_t mod_len = be_to_u64_saturated(lens + 64);

    /* EIP-7823 (Osaka): every operand at most 1024 bytes, else the call fails. */
    if (c->fork >= ZK_FORK_OSAKA && (base_len > 1024 || exp_len > 1024 || mod_len > 1024)) {
        c->cost = c->gas;
        return fail(c);
    }

    uint8_t head[32] = {0};
    uint64_t exp_start = sat_add(96, base_len);
    size_t head_len = exp_len < 32 ? (size_t)exp_len : 32;
    read_padded(c, exp_start, head + (32 - head_len), head_len);
    if (!charge(c, modexp_gas(c->fork, base_len, exp_len, mod_len, head)))
        return ZK_OK;

    /* From here the lengths are affordable, hence small, except exp_len when the complexity is 0
     * (base and modulus both empty): that case returns before reading the exponent. */
    if (mod_len == 0)
        return ZK_OK; /* empty output (also covers base_len == mod_len == 0) */
    if (base_len > SIZE_MAX || exp_len > SIZE_MAX || mod_len > SIZE_MAX)
        return ZK_ERR_NOMEM;
    uint8_t *out;
    if (!alloc_out(c, (size_t)mod_len, &out))
        return ZK_ERR_NOMEM;
    uint8_t *base = zk_arena_alloc(c->arena, (size_t)base_len);
    uint8_t *exp = zk_arena_alloc(c->arena, (size_t)exp_len);
    uint8_t *mod = zk_arena_alloc(c->arena, (size_t)mod_len);
    if ((base_len && !base) || (exp_len && !exp) || !mod)
        return ZK_ERR_NOMEM;
    read_padded(c, 96, base, (size_t)base_len);
    read_padded(c, exp_start, exp, (size_t)exp_len);
    read_padded(c, sat_add(exp_start, exp_len), mod, (size_t)mod_len);
    /* The software backend fails only when its big-integer allocator runs dry. */
    if (zk_accel_modexp(base, (size_t)base_len, exp, (size_t)exp_len, mod, (size_t)mod_len, out) != ZKVM_EOK)
        return ZK_ERR_NOMEM;
    return ZK_OK;
}

/* --- 0x06–0x08 BN254 (EIP-196, EIP-197, repriced by EIP-1108 in Istanbul) ------------------------- */

static zk_status run_bn254_add(pc_call *c)
{
    if (!charge(c, c->fork >= ZK_FORK_ISTANBUL ? 150 : 500))
        return ZK_OK;
    zkvm_bn254_g1_point p1, p2, r;
    read_padded(c, 0, p1.data, 64);
    read_padded(c, 64, p2.data, 64);
    if (zk_accel_bn254_g1_add(&p1, &p2, &r) != ZKVM_EOK)
        return fail(c);
    return emit_bytes(c, r.data, 64);
}

static zk_status run_bn254_mul(pc_call *c)
{
    if (!charge(c, c->fork >= ZK_FORK_ISTANBUL ? 6000 : 40000))
        return ZK_OK;
    zkvm_bn254_g1_point p, r;
    zkvm_bn254_scalar k;
    read_padded(c, 0, p.data, 64);
    read_padded(c, 64, k.data, 32);
    if (zk_accel_bn254_g1_mul(&p, &k, &r) != ZKVM_EOK)
        return fail(c);
    return emit_bytes(c, r.data, 64);
}

static zk_status run_bn254_pairing(pc_call *c)
{
    uint64_t k = c->in_len / 192;
    uint64_t cost = c->fork >= ZK_FORK_ISTANBUL ? sat_add(45000, sat_mul(34000, k))
                                                 : sat_add(100000, sat_mul(80000, k));
    if (!charge(c, cost))
        return ZK_OK;
    if (c->in_len % 192 != 0)
        return fail(c);
    _Static_assert(sizeof(zkvm_bn254_pairing_pair) == 192, "pair layout is the EVM's");
    uint8_t *out;
    if (!alloc_out(c, 32, &out))
        return ZK_ERR_NOMEM;
    zkvm_bn254_pairing_pair *pairs = NULL;
    if (k > 0) {
        pairs = zk_arena_alloc(c->arena, (size_t)k * sizeof *pairs);
        if (!pairs)
            return ZK_ERR_NOMEM;
        for (size_t i = 0; i < k; i++) { /* g1 (x, y) then g2 (x_im, x_re, y_im, y_re): EVM order */
            memcpy(pairs[i].g1.data, c->in + 192 * i, 64);
            memcpy(pairs[i].g2.data, c->in + 192 * i + 64, 128);
        }
    }
    bool ok = false;
    if (zk_accel_bn254_pairing(pairs, (size_t)k, &ok) != ZKVM_EOK)
        return fail(c);
    out[31] = ok ? 1 : 0;
    return ZK_OK;
}

/* --- 0x09 BLAKE2F (EIP-152) ----------------------------------------------------------------------- */

static zk_status run_blake2f(pc_call *c)
{
    if (c->in_len != 213) {
        c->cost = c->gas;
        return fail(c);
    }
    uint32_t rounds = (uint32_t)c->in[0] << 24 | (uint32_t)c->in[1] << 16 | (uint32_t)c->in[2] << 8 | c->in[3];
    if (!charge(c, rounds))
        return ZK_OK;
    uint8_t f = c->in[212];
    if (f > 1)
        return fail(c);
    zkvm_blake2f_state h;
    zkvm_blake2f_message m;
    zkvm_blake2f_offset t;
    memcpy(h.data, c->in + 4, 64);
    memcpy(m.data, c->in + 68, 128);
    memcpy(t.data, c->in + 196, 16);
    if (zk_accel_blake2f(rounds, &h, &m, &t, f) != ZKVM_EOK)
        return fail(c);
    return emit_bytes(c, h.data, 64);
}

/* --- 0x0a POINT_EVALUATION (EIP-4844) ------------------------------------------------------------- */

/* FIELD_ELEMENTS_PER_BLOB (4096) and BLS_MODULUS, each as a 32-byte big-endian word. */
static const uint8_t POINT_EVAL_RESULT[64] = {
    [30] = 0x10, [31] = 0x00,
    0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
    0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01};

static zk_status run_point_evaluation(pc_call *c)
{
    if (!charge(c, 50000))
        return ZK_OK;
    if (c->in_len != 192)
        return fail(c);
    /* versioned_hash == 0x01 ‖ sha256(commitment)[1:] */
    zkvm_sha256_hash h;
    zk_accel_sha256(c->in + 96, 48, &h);
    h.data[0] = 0x01;
    if (memcmp(h.data, c->in, 32) != 0)
        return fail(c);
    zkvm_kzg_field_element z, y;
    zkvm_kzg_commitment commitment;
    zkvm_kzg_proof proof;
    memcpy(z.data, c->in + 32, 32);
    memcpy(y.data, c->in + 64, 32);
    memcpy(commitment.data, c->in + 96, 48);
    memcpy(proof.data, c->in + 144, 48);
    bool ok = false;
    if (zk_accel_kzg_point_eval(&commitment, &z, &y, &proof, &ok) != ZKVM_EOK || !ok)
        return fail(c);
    return emit_bytes(c, POINT_EVAL_RESULT, 64);
}

/* --- 0x0b–0x11 BLS12-381 (EIP-2537) --------------------------------------------------------------- */

/* MSM discounts per 1000 for k = 1..128 pairs; larger k use the last entry. */
static const uint16_t G1_MSM_DISCOUNT[128] = {
    1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661,
    658,  654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611,
    609,  608, 606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581,
    580,  579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559,
    558,  557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544, 543, 542, 541, 540,
    540,  539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528, 528, 527, 526, 525, 525,
    524,  523, 522, 522, 521, 520, 520, 519};
static const uint16_t G2_MSM_DISCOUNT[128] = {
    1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693,
    688,  683,  679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624,
    622,  620,  618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587,
    586,  584,  583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562,
    561,  560,  559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547, 546, 545, 545, 544,
    543,  542,  541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532, 532, 531, 530, 530, 529,
    528,  528,  527, 526, 526, 525, 524, 524};

static uint64_t msm_gas(uint64_t k, uint64_t per_pair, const uint16_t discount[128])
{
    if (k == 0)
        return 0;
    uint64_t d = discount[k > 128 ? 127 : k - 1];
    return sat_mul(sat_mul(k, per_pair), d) / 1000;
}

/* An EIP-2537 field element: 64 bytes, the top 16 zero, then the 48-byte value (its range check
 * against p is the accelerator's). */
static bool fp_unpad(const uint8_t in[64], uint8_t out[48])
{
    static const uint8_t zeros[16];
    if (memcmp(in, zeros, 16) != 0)
        return false;
    memcpy(out, in + 16, 48);
    return true;
}

static void fp_pad(uint8_t out[64], const uint8_t in[48])
{
    memset(out, 0, 16);
    memcpy(out + 16, in, 48);
}

/* An EIP-2537 point or Fp2 element is `count` field elements in a row: G1 is 128 bytes (x, y) ->
 * 96, G2 256 bytes (x_c0, x_c1, y_c0, y_c1) -> 192, Fp2 128 bytes (c0, c1) -> 96. */
enum { G1_FPS = 2, G2_FPS = 4, FP2_FPS = 2 };

static bool fps_unpad(const uint8_t *in, uint8_t *out, int count)
{
    for (int i = 0; i < count; i++)
        if (!fp_unpad(in + 64 * i, out + 48 * i))
            return false;
    return true;
}

static void fps_pad(uint8_t *out, const uint8_t *in, int count)
{
    for (int i = 0; i < count; i++)
        fp_pad(out + 64 * i, in + 48 * i);
}

static bool g1_unpad(const uint8_t in[128], uint8_t out[96]) { return fps_unpad(in, out, G1_FPS); }
static bool g2_unpad(const uint8_t in[256], uint8_t out[192]) { return fps_unpad(in, out, G2_FPS); }

/* Answers with a point of `count` field elements, padded to the EVM encoding. */
static zk_status emit_point(pc_call *c, const uint8_t *point, int count)
{
    uint8_t *out;
    if (!alloc_out(c, (size_t)64 * count, &out))
        return ZK_ERR_NOMEM;
    fps_pad(out, point, count);
    return ZK_OK;
}

/* The framing shared by the operations over k records (MSM, pairing), as EIP-2537 orders it:
 * charge gas(k), fail unless the input is k > 0 whole records, then allocate the output and k
 * scratch pairs for the accelerator (after the output, so that they are released at the end).
 * bls_batch_begin returns ZK_ERR_NOMEM on arena exhaustion, else ZK_OK with b->pairs NULL when the
 * call has already ended (out of gas, or not whole records). */
typedef struct bls_batch {
    size_t k;     /* records in the input */
    uint8_t *out; /* the zero-filled output */
    void *pairs;  /* k accelerator pairs to fill; NULL when the call has already ended */
} bls_batch;

static zk_status bls_batch_begin(pc_call *c, size_t record_len, uint64_t (*gas)(uint64_t k), size_t out_len,
                                 size_t pair_size, bls_batch *b)
{
    uint64_t k = c->in_len / record_len;
    b->k = (size_t)k;
    b->out = NULL;
    b->pairs = NULL;
    if (!charge(c, gas(k)))
        return ZK_OK;
    if (k == 0 || c->in_len % record_len != 0)
        return fail(c);
    if (!alloc_out(c, out_len, &b->out))
        return ZK_ERR_NOMEM;
    b->pairs = zk_arena_alloc(c->arena, (size_t)k * pair_size);
    return b->pairs ? ZK_OK : ZK_ERR_NOMEM;
}

static uint64_t g1_msm_gas(uint64_t k) { return msm_gas(k, 12000, G1_MSM_DISCOUNT); }
static uint64_t g2_msm_gas(uint64_t k) { return msm_gas(k, 22500, G2_MSM_DISCOUNT); }
static uint64_t bls_pairing_gas(uint64_t k) { return sat_add(37700, sat_mul(32600, k)); }

static zk_status run_bls_g1_add(pc_call *c)
{
    if (!charge(c, 375))
        return ZK_OK;
    zkvm_bls12_381_g1_point a, b, r;
    if (c->in_len != 256 || !g1_unpad(c->in, a.data) || !g1_unpad(c->in + 128, b.data))
        return fail(c);
    if (zk_accel_bls12_g1_add(&a, &b, &r) != ZKVM_EOK)
        return fail(c);
    return emit_point(c, r.data, G1_FPS);
}

static zk_status run_bls_g2_add(pc_call *c)
{
    if (!charge(c, 600))
        return ZK_OK;
    zkvm_bls12_381_g2_point a, b, r;
    if (c->in_len != 512 || !g2_unpad(c->in, a.data) || !g2_unpad(c->in + 256, b.data))
        return fail(c);
    if (zk_accel_bls12_g2_add(&a, &b, &r) != ZKVM_EOK)
        return fail(c);
    return emit_point(c, r.data, G2_FPS);
}

/* Begins an MSM over the group whose points are `fps` field elements: the framing above, then
 * each record (padded point ‖ 32-byte scalar) decoded into the accelerator's pair (point ‖
 * scalar, the same layout for G1 and G2). The call fails on a malformed point. */
_Static_assert(sizeof(zkvm_bls12_381_g1_msm_pair) == 48 * G1_FPS + 32 &&
                   offsetof(zkvm_bls12_381_g1_msm_pair, scalar) == 48 * G1_FPS,
               "G1 MSM pair is point then scalar");
_Static_assert(sizeof(zkvm_bls12_381_g2_msm_pair) == 48 * G2_FPS + 32 &&
                   offsetof(zkvm_bls12_381_g2_msm_pair, scalar) == 48 * G2_FPS,
               "G2 MSM pair is point then scalar");

static zk_status bls_msm_begin(pc_call *c, int fps, uint64_t (*gas)(uint64_t k), bls_batch *b)
{
    size_t point_len = (size_t)64 * fps, record_len = point_len + 32;
    size_t raw_len = (size_t)48 * fps, pair_size = raw_len + 32;
    zk_status st = bls_batch_begin(c, record_len, gas, point_len, pair_size, b);
    if (st != ZK_OK || !b->pairs)
        return st;
    for (size_t i = 0; i < b->k; i++) {
        const uint8_t *record = c->in + record_len * i;
        uint8_t *pair = (uint8_t *)b->pairs + pair_size * i;
        if (!fps_unpad(record, pair, fps)) {
            b->pairs = NULL;
            return fail(c);
        }
        memcpy(pair + raw_len, record + point_len, 32);
    }
    return ZK_OK;
}

static zk_status run_bls_g1_msm(pc_call *c)
{
    bls_batch b;
    zk_status st = bls_msm_begin(c, G1_FPS, g1_msm_gas, &b);
    if (st != ZK_OK || !b.pairs)
        return st;
    zkvm_bls12_381_g1_point r;
    if (zk_accel_bls12_g1_msm(b.pairs, b.k, &r) != ZKVM_EOK)
        return fail(c);
    fps_pad(b.out, r.data, G1_FPS);
    return ZK_OK;
}

static zk_status run_bls_g2_msm(pc_call *c)
{
    bls_batch b;
    zk_status st = bls_msm_begin(c, G2_FPS, g2_msm_gas, &b);
    if (st != ZK_OK || !b.pairs)
        return st;
    zkvm_bls12_381_g2_point r;
    if (zk_accel_bls12_g2_msm(b.pairs, b.k, &r) != ZKVM_EOK)
        return fail(c);
    fps_pad(b.out, r.data, G2_FPS);
    return ZK_OK;
}

/* Pairing records: a padded G1 point then a padded G2 point. */
static zk_status run_bls_pairing(pc_call *c)
{
    bls_batch b;
    zk_status st = bls_batch_begin(c, 384, bls_pairing_gas, 32, sizeof(zkvm_bls12_381_pairing_pair), &b);
    if (st != ZK_OK || !b.pairs)
        return st;
    zkvm_bls12_381_pairing_pair *pairs = b.pairs;
    for (size_t i = 0; i < b.k; i++) {
        const uint8_t *p = c->in + 384 * i;
        if (!g1_unpad(p, pairs[i].g1.data) || !g2_unpad(p + 128, pairs[i].g2.data))
            return fail(c);
    }
    bool ok = false;
    if (zk_accel_bls12_pairing(pairs, b.k, &ok) != ZKVM_EOK)
        return fail(c);
    b.out[31] = ok ? 1 : 0;
    return ZK_OK;
}

static zk_status run_bls_map_fp_to_g1(pc_call *c)
{
    if (!charge(c, 5500))
        return ZK_OK;
    zkvm_bls12_381_fp u;
    zkvm_bls12_381_g1_point r;
    if (c->in_len != 64 || !fp_unpad(c->in, u.data))
        return fail(c);
    if (zk_accel_bls12_map_fp_to_g1(&u, &r) != ZKVM_EOK)
        return fail(c);
    return emit_point(c, r.data, G1_FPS);
}

static zk_status run_bls_map_fp2_to_g2(pc_call *c)
{
    if (!charge(c, 23800))
        return ZK_OK;
    zkvm_bls12_381_fp2 u;
    zkvm_bls12_381_g2_point r;
    if (c->in_len != 128 || !fps_unpad(c->in, u.data, FP2_FPS))
        return fail(c);
    if (zk_accel_bls12_map_fp2_to_g2(&u, &r) != ZKVM_EOK)
        return fail(c);
    return emit_point(c, r.data, G2_FPS);
}

/* --- 0x100 P256VERIFY (EIP-7951) ------------------------------------------------------------------ */

static zk_status run_p256verify(pc_call *c)
{
    if (!charge(c, 6900))
        return ZK_OK;
    if (c->in_len != 160)
        return ZK_OK; /* empty output */
    zkvm_secp256r1_hash msg;
    zkvm_secp256r1_signature sig;
    zkvm_secp256r1_pubkey pub;
    memcpy(msg.data, c->in, 32);
    memcpy(sig.data, c->in + 32, 64);
    memcpy(pub.data, c->in + 96, 64);
    /* The backend applies EIP-7951's checks: r, s in [1, n-1] (else not verified) and the key's
     * coordinates < p, on the curve, not (0, 0) (else EFAIL). Either way: empty output. */
    bool ok = false;
    if (zk_accel_secp256r1_verify(&msg, &sig, &pub, &ok) != ZKVM_EOK || !ok)
        return ZK_OK;
    uint8_t *out;
    if (!alloc_out(c, 32, &out))
        return ZK_ERR_NOMEM;
    out[31] = 1;
    return ZK_OK;
}

/* --- dispatch ------------------------------------------------------------------------------------- */

typedef zk_status (*pc_runner)(pc_call *c);

typedef struct pc_entry {
    uint16_t address;
    zk_fork since;
    pc_runner run;
} pc_entry;

static const pc_entry PRECOMPILES[] = {
    {0x01, ZK_FORK_FRONTIER, run_ecrecover},
    {0x02, ZK_FORK_FRONTIER, run_sha256},
    {0x03, ZK_FORK_FRONTIER, run_ripemd160},
    {0x04, ZK_FORK_FRONTIER, run_identity},
    {0x05, ZK_FORK_BYZANTIUM, run_modexp},
    {0x06, ZK_FORK_BYZANTIUM, run_bn254_add},
    {0x07, ZK_FORK_BYZANTIUM, run_bn254_mul},
    {0x08, ZK_FORK_BYZANTIUM, run_bn254_pairing},
    {0x09, ZK_FORK_ISTANBUL, run_blake2f},
    {0x0a, ZK_FORK_CANCUN, run_point_evaluation},
    {0x0b, ZK_FORK_PRAGUE, run_bls_g1_add},
    {0x0c, ZK_FORK_PRAGUE, run_bls_g1_msm},
    {0x0d, ZK_FORK_PRAGUE, run_bls_g2_add},
    {0x0e, ZK_FORK_PRAGUE, run_bls_g2_msm},
    {0x0f, ZK_FORK_PRAGUE, run_bls_pairing},
    {0x10, ZK_FORK_PRAGUE, run_bls_map_fp_to_g1},
    {0x11, ZK_FORK_PRAGUE, run_bls_map_fp2_to_g2},
    {0x100, ZK_FORK_OSAKA, run_p256verify},
};

static const pc_entry *lookup(zk_fork fork, const zk_address *addr)
{
    for (int i = 0; i < 18; i++)
        if (addr->b[i])
            return NULL;
    uint16_t a = (uint16_t)(addr->b[18] << 8 | addr->b[19]);
    for (size_t i = 0; i < sizeof PRECOMPILES / sizeof PRECOMPILES[0]; i++)
        if (PRECOMPILES[i].address == a)
            return fork >= PRECOMPILES[i].since ? &PRECOMPILES[i] : NULL;
    return NULL;
}

bool zk_precompile_exists(zk_fork fork, const zk_address *addr) { return lookup(fork, addr) != NULL; }

zk_status zk_precompile_run(zk_fork fork, const zk_address *addr, const uint8_t *input, size_t input_len,
                            uint64_t gas, zk_arena *a, uint64_t *gas_used, bool *success, zk_bytes *output)
{
    *gas_used = 0;
    *success = false;
    output->ptr = NULL;
    output->len = 0;
    const pc_entry *e = lookup(fork, addr);
    if (!e)
        return ZK_ERR_INVALID; /* not a precompile in this fork: the caller's bug */

    static const uint8_t empty[1] = {0};
    pc_call c = {.fork = fork, .in = input_len ? input : empty, .in_len = input_len, .gas = gas, .arena = a};
    zk_arena_mark mark = zk_arena_get_mark(a);
    zk_status st = e->run(&c);
    if (st != ZK_OK) {
        zk_arena_reset(a, mark);
        return st;
    }
    if (c.failed) {
        zk_arena_reset(a, mark); /* scratch and any partial output */
        *gas_used = gas;
        return ZK_OK;
    }
    /* Keep the output, release any scratch allocated after it. */
    zk_arena_reset(a, c.has_out ? c.keep : mark);
    *gas_used = c.cost;
    *success = true;
    *output = c.out;
    return ZK_OK;
}
