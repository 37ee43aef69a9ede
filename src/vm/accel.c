/* accel.c — accelerator ecalls: the zkvm_accelerators.h functions run natively on the host
 * (zk_crypto's implementations, src/accel) with a documented cycle cost each.
 *
 * For every call: compute the cost from the size arguments and refuse it if it would cross the
 * cycle limit (so a 2^32-round BLAKE2F never starts), copy the guest's input objects into host
 * buffers with the VM's permission checks, run the host function, copy the outputs back, and
 * put the zkvm_status in a0. A bad pointer (NULL included) is a trap, the panic the standard
 * asks for; an EFAIL from the function is an ordinary result the guest handles.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm_internal.h"
#include "zkvm_accelerators.h"

#define MAX_ACCEL_INPUT (1u << 30)

int zk_vm_accel(zk_vm *vm, unsigned n);

static uint64_t sat_add(uint64_t a, uint64_t b) { return a + b < a ? UINT64_MAX : a + b; }
static uint64_t sat_mul(uint64_t a, uint64_t b) { return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b; }

/* The cost model (README.md, "Accelerator cycle costs"): a fixed part plus a part per unit of
 * work, sized after what a dedicated circuit would charge relative to the RISC-V code. */
uint64_t zk_vm_accel_cost(unsigned n, uint64_t a, uint64_t b, uint64_t c)
{
    (void)c;
    switch (n) {
    case ZKL1_ACCEL_KECCAK256: return sat_add(300, sat_mul(150, a / 136 + 1));
    case ZKL1_ACCEL_SHA256:
    case ZKL1_ACCEL_RIPEMD160: return sat_add(300, sat_mul(200, sat_add(a, 8) / 64 + 1));
    case ZKL1_ACCEL_SECP256K1_VERIFY:
    case ZKL1_ACCEL_SECP256K1_ECRECOVER:
    case ZKL1_ACCEL_SECP256R1_VERIFY: return 60000;
    case ZKL1_ACCEL_MODEXP: {
        uint64_t words = (a > c ? a : c) / 8 + 1; /* a = base_len, b = exp_len, c = mod_len */
        uint64_t bits = b == 0 ? 1 : sat_mul(b, 8);
        return sat_add(1000, sat_mul(sat_mul(words, words), bits) / 4);
    }
    case ZKL1_ACCEL_BN254_G1_ADD: return 1000;
    case ZKL1_ACCEL_BN254_G1_MUL: return 30000;
    case ZKL1_ACCEL_BN254_PAIRING: return sat_add(100000, sat_mul(200000, a));
    case ZKL1_ACCEL_BLAKE2F: return sat_add(200, sat_mul(50, a));
    case ZKL1_ACCEL_KZG_POINT_EVAL: return 500000;
    case ZKL1_ACCEL_BLS12_G1_ADD: return 1500;
    case ZKL1_ACCEL_BLS12_G1_MSM: return sat_add(10000, sat_mul(40000, a));
    case ZKL1_ACCEL_BLS12_G2_ADD: return 3000;
    case ZKL1_ACCEL_BLS12_G2_MSM: return sat_add(20000, sat_mul(80000, a));
    case ZKL1_ACCEL_BLS12_PAIRING: return sat_add(200000, sat_mul(400000, a));
    case ZKL1_ACCEL_BLS12_MAP_FP_TO_G1: return 40000;
    case ZKL1_ACCEL_BLS12_MAP_FP2_TO_G2: return 120000;
    default: return UINT64_MAX;
    }
}

/* One call in flight: host copies of the guest's objects, freed by call_end. */
typedef struct accel_call {
    zk_vm *vm;
    void *buf[4];
    unsigned nbuf;
    int failed; /* a trap was recorded */
} accel_call;

/* Copies len guest bytes at addr into a fresh host buffer (len 0 gives a valid empty one). */
static void *in_bytes(accel_call *c, uint64_t addr, uint64_t len)
{
    if (c->failed)
        return NULL;
    if (len > MAX_ACCEL_INPUT) {
        zk_vm_stop(c->vm, ZK_VM_TRAP, "accelerator input of %llu bytes exceeds 1 GiB", (unsigned long long)len);
        c->failed = 1;
        return NULL;
    }
    void *p = malloc(len ? len : 1);
    if (!p) {
        zk_vm_stop(c->vm, ZK_VM_TRAP, "host out of memory for an accelerator input");
        c->failed = 1;
        return NULL;
    }
    c->buf[c->nbuf++] = p;
    if (zk_mem_read(c->vm, addr, p, len) != 0)
        c->failed = 1;
    return p;
}

/* Host buffer for an array of count objects of size each. */
static void *in_array(accel_call *c, uint64_t addr, uint64_t count, size_t size)
{
    if (count > MAX_ACCEL_INPUT / size) {
        zk_vm_stop(c->vm, ZK_VM_TRAP, "accelerator input of %llu objects is too large", (unsigned long long)count);
        c->failed = 1;
        return NULL;
    }
    return in_bytes(c, addr, count * size);
}

/* Checks that an output can be written before the call (a trap leaves the guest unchanged). */
static void check_out(accel_call *c, uint64_t addr, uint64_t len)
{
    if (c->failed)
        return;
    void *probe = malloc(len ? len : 1);
    if (!probe || zk_mem_read(c->vm, addr, probe, len) != 0 || zk_mem_write(c->vm, addr, probe, len) != 0)
        c->failed = 1;
    free(probe);
}

static void out_bytes(accel_call *c, uint64_t addr, const void *src, uint64_t len)
{
    if (!c->failed && zk_mem_write(c->vm, addr, src, len) != 0)
        c->failed = 1;
}

static void out_bool(accel_call *c, uint64_t addr, bool v)
{
    uint8_t b = v ? 1 : 0;
    out_bytes(c, addr, &b, 1);
}

static void call_end(accel_call *c)
{
    for (unsigned i = 0; i < c->nbuf; i++)
        free(c->buf[i]);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Runs accelerator n with its arguments in a0..a6; *status gets the zkvm_status. */
static void dispatch(accel_call *c, unsigned n, const uint64_t *a, zkvm_status *status)
{
    bool ok = false;
    switch (n) {
    case ZKL1_ACCEL_KECCAK256: {
        const uint8_t *data = in_bytes(c, a[0], a[1]);
        zkvm_keccak256_hash out;
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_keccak256(data, a[1], &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_SHA256:
    case ZKL1_ACCEL_RIPEMD160: {
        const uint8_t *data = in_bytes(c, a[0], a[1]);
        zkvm_sha256_hash out;
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = n == ZKL1_ACCEL_SHA256 ? zkvm_sha256(data, a[1], &out) : zkvm_ripemd160(data, a[1], &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_SECP256K1_VERIFY:
    case ZKL1_ACCEL_SECP256R1_VERIFY: {
        zkvm_secp256k1_hash *msg = in_bytes(c, a[0], sizeof *msg);
        zkvm_secp256k1_signature *sig = in_bytes(c, a[1], sizeof *sig);
        zkvm_secp256k1_pubkey *pub = in_bytes(c, a[2], sizeof *pub);
        check_out(c, a[3], 1);
        if (c->failed)
            return;
        *status = n == ZKL1_ACCEL_SECP256K1_VERIFY ? zkvm_secp256k1_verify(msg, sig, pub, &ok)
                                                   : zkvm_secp256r1_verify(msg, sig, pub, &ok);
        out_bool(c, a[3], ok);
        return;
    }
    case ZKL1_ACCEL_SECP256K1_ECRECOVER: {
        zkvm_secp256k1_hash *msg = in_bytes(c, a[0], sizeof *msg);
        zkvm_secp256k1_signature *sig = in_bytes(c, a[1], sizeof *sig);
        zkvm_secp256k1_pubkey out;
        check_out(c, a[3], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_secp256k1_ecrecover(msg, sig, (uint8_t)a[2], &out);
        out_bytes(c, a[3], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_MODEXP: {
        const uint8_t *base = in_bytes(c, a[0], a[1]);
        const uint8_t *exp = in_bytes(c, a[2], a[3]);
        const uint8_t *mod = in_bytes(c, a[4], a[5]);
        check_out(c, a[6], a[5]);
        uint8_t *out = c->failed ? NULL : in_bytes(c, a[6], a[5]);
        if (c->failed)
            return;
        *status = zkvm_modexp(base, a[1], exp, a[3], mod, a[5], out);
        out_bytes(c, a[6], out, a[5]);
        return;
    }
    case ZKL1_ACCEL_BN254_G1_ADD:
    case ZKL1_ACCEL_BN254_G1_MUL: {
        zkvm_bn254_g1_point *p = in_bytes(c, a[0], sizeof *p), out;
        void *q = in_bytes(c, a[1], n == ZKL1_ACCEL_BN254_G1_ADD ? sizeof(zkvm_bn254_g1_point) : sizeof(zkvm_bn254_scalar));
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = n == ZKL1_ACCEL_BN254_G1_ADD ? zkvm_bn254_g1_add(p, q, &out) : zkvm_bn254_g1_mul(p, q, &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_BN254_PAIRING: {
        zkvm_bn254_pairing_pair *pairs = in_array(c, a[0], a[1], sizeof *pairs);
        check_out(c, a[2], 1);
        if (c->failed)
            return;
        *status = zkvm_bn254_pairing(pairs, a[1], &ok);
        out_bool(c, a[2], ok);
        return;
    }
    case ZKL1_ACCEL_BLAKE2F: {
        zkvm_blake2f_state *h = in_bytes(c, a[1], sizeof *h);
        zkvm_blake2f_message *m = in_bytes(c, a[2], sizeof *m);
        zkvm_blake2f_offset *t = in_bytes(c, a[3], sizeof *t);
        check_out(c, a[1], sizeof *h);
        if (c->failed)
            return;
        *status = zkvm_blake2f((uint32_t)a[0], h, m, t, (uint8_t)a[4]);
        out_bytes(c, a[1], h, sizeof *h);
        return;
    }
    case ZKL1_ACCEL_KZG_POINT_EVAL: {
        zkvm_kzg_commitment *cm = in_bytes(c, a[0], sizeof *cm);
        zkvm_kzg_field_element *z = in_bytes(c, a[1], sizeof *z);
        zkvm_kzg_field_element *y = in_bytes(c, a[2], sizeof *y);
        zkvm_kzg_proof *proof = in_bytes(c, a[3], sizeof *proof);
        check_out(c, a[4], 1);
        if (c->failed)
            return;
        *status = zkvm_kzg_point_eval(cm, z, y, proof, &ok);
        out_bool(c, a[4], ok);
        return;
    }
    case ZKL1_ACCEL_BLS12_G1_ADD: {
        zkvm_bls12_381_g1_point *p = in_bytes(c, a[0], sizeof *p), *q = in_bytes(c, a[1], sizeof *q), out;
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_bls12_g1_add(p, q, &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_BLS12_G2_ADD: {
        zkvm_bls12_381_g2_point *p = in_bytes(c, a[0], sizeof *p), *q = in_bytes(c, a[1], sizeof *q), out;
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_bls12_g2_add(p, q, &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_BLS12_G1_MSM: {
        zkvm_bls12_381_g1_msm_pair *pairs = in_array(c, a[0], a[1], sizeof *pairs);
        zkvm_bls12_381_g1_point out;
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_bls12_g1_msm(pairs, a[1], &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_BLS12_G2_MSM: {
        zkvm_bls12_381_g2_msm_pair *pairs = in_array(c, a[0], a[1], sizeof *pairs);
        zkvm_bls12_381_g2_point out;
        check_out(c, a[2], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_bls12_g2_msm(pairs, a[1], &out);
        out_bytes(c, a[2], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_BLS12_PAIRING: {
        zkvm_bls12_381_pairing_pair *pairs = in_array(c, a[0], a[1], sizeof *pairs);
        check_out(c, a[2], 1);
        if (c->failed)
            return;
        *status = zkvm_bls12_pairing(pairs, a[1], &ok);
        out_bool(c, a[2], ok);
        return;
    }
    case ZKL1_ACCEL_BLS12_MAP_FP_TO_G1: {
        zkvm_bls12_381_fp *fe = in_bytes(c, a[0], sizeof *fe);
        zkvm_bls12_381_g1_point out;
        check_out(c, a[1], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_bls12_map_fp_to_g1(fe, &out);
        out_bytes(c, a[1], &out, sizeof out);
        return;
    }
    case ZKL1_ACCEL_BLS12_MAP_FP2_TO_G2: {
        zkvm_bls12_381_fp2 *fe = in_bytes(c, a[0], sizeof *fe);
        zkvm_bls12_381_g2_point out;
        check_out(c, a[1], sizeof out);
        if (c->failed)
            return;
        *status = zkvm_bls12_map_fp2_to_g2(fe, &out);
        out_bytes(c, a[1], &out, sizeof out);
        return;
    }
    default:
        return;
    }
}

/* The size arguments that the cost of accelerator n depends on. */
static uint64_t cost_of(unsigned n, const uint64_t *a)
{
    switch (n) {
    case ZKL1_ACCEL_KECCAK256:
    case ZKL1_ACCEL_SHA256:
    case ZKL1_ACCEL_RIPEMD160: return zk_vm_accel_cost(n, a[1], 0, 0);
    case ZKL1_ACCEL_MODEXP: return zk_vm_accel_cost(n, a[1], a[3], a[5]);
    case ZKL1_ACCEL_BLAKE2F: return zk_vm_accel_cost(n, (uint32_t)a[0], 0, 0);
    case ZKL1_ACCEL_BN254_PAIRING:
    case ZKL1_ACCEL_BLS12_G1_MSM:
    case ZKL1_ACCEL_BLS12_G2_MSM:
    case ZKL1_ACCEL_BLS12_PAIRING: return zk_vm_accel_cost(n, a[1], 0, 0);
    default: return zk_vm_accel_cost(n, 0, 0, 0);
    }
}

int zk_vm_accel(zk_vm *vm, unsigned n)
{
    const uint64_t *a = &vm->x[10];
    uint64_t cost = cost_of(n, a);
    uint64_t used = vm->instret + vm->accel_cycles;
    if (vm->max_cycles != 0 && (used >= vm->max_cycles || cost > vm->max_cycles - used)) {
        zk_vm_stop(vm, ZK_VM_CYCLE_LIMIT, "cycle limit of %llu reached (accelerator %u would cost %llu cycles)",
                   (unsigned long long)vm->max_cycles, n, (unsigned long long)cost);
        return ZK_ECALL_STOP;
    }
    accel_call call = {.vm = vm};
    zkvm_status status = ZKVM_EFAIL;
    double t0 = now_seconds();
    dispatch(&call, n, a, &status);
    double t1 = now_seconds();
    call_end(&call);
    if (call.failed)
        return ZK_ECALL_STOP;
    zk_accel_stats *s = &vm->accel[n];
    s->calls++;
    s->cycles += cost;
    s->failures += status != ZKVM_EOK;
    s->host_seconds += t1 - t0;
    vm->accel_cycles += cost;
    vm->x[10] = status == ZKVM_EOK ? 0 : (uint64_t)-1;
    return ZK_ECALL_CONTINUE;
}
