/* accel_all.c — calls all 19 accelerators of zkvm_accelerators.h with deterministic inputs and
 * writes each call's status and outputs to the public output.
 *
 * Linked for the zkl1 VM the calls are ecalls served natively by the host; linked for Linux
 * they are the software backend compiled for rv64im. tests/vm/run_accel.sh compares the two
 * outputs byte for byte, which checks the ecall marshalling of every accelerator: argument
 * order, object sizes, outputs and bool results copied back, statuses. Inputs are chosen so
 * that most calls succeed with non-trivial outputs: valid field elements, the BN254
 * generator, points obtained from map-to-curve, a public key recovered by ecrecover and then
 * verified; a few are random and fail, which must fail identically.
 */
#include <stdint.h>

#include "zkvm_accelerators.h"
#include "zkvm_io.h"

static uint64_t seed = 0x243f6a8885a308d3ull;
static void fill(uint8_t *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        p[i] = (uint8_t)seed;
    }
}

static void out_status(zkvm_status s)
{
    uint8_t b = s == ZKVM_EOK ? 0 : 1;
    write_output(&b, 1);
}
static void out_bool(bool v)
{
    uint8_t b = v ? 1 : 0;
    write_output(&b, 1);
}

/* A BLS12-381 base-field element below p (p starts 0x1a0111ea...): clear the top bits. */
static void bls_fp(uint8_t fe[48])
{
    fill(fe, 48);
    fe[0] &= 0x0f;
}

int main(void)
{
    static uint8_t data[300];
    fill(data, sizeof data);

    /* hashes */
    zkvm_keccak256_hash kh;
    out_status(zkvm_keccak256(data, sizeof data, &kh));
    write_output(kh.data, 32);
    zkvm_sha256_hash sh;
    out_status(zkvm_sha256(data, 200, &sh));
    write_output(sh.data, 32);
    zkvm_ripemd160_hash rh;
    out_status(zkvm_ripemd160(data, 100, &rh));
    write_output(rh.data, 32);

    /* secp256k1: recover a key from a random signature, then verify it */
    zkvm_secp256k1_hash msg;
    zkvm_secp256k1_signature sig;
    zkvm_secp256k1_pubkey pub;
    bool ok = false;
    for (int attempt = 0; attempt < 8; attempt++) {
        fill(msg.data, 32);
        fill(sig.data, 64);
        sig.data[0] &= 0x7f, sig.data[32] &= 0x7f; /* r, s below n */
        zkvm_status s = zkvm_secp256k1_ecrecover(&msg, &sig, (uint8_t)(attempt & 1), &pub);
        out_status(s);
        if (s == ZKVM_EOK)
            break;
    }
    write_output(pub.data, 64);
    out_status(zkvm_secp256k1_verify(&msg, &sig, &pub, &ok));
    out_bool(ok);
    pub.data[63] ^= 1;
    out_status(zkvm_secp256k1_verify(&msg, &sig, &pub, &ok));
    out_bool(ok);
    out_status(zkvm_secp256k1_ecrecover(&msg, &sig, 7, &pub)); /* bad recid */

    /* secp256r1: a random key is (almost surely) not on the curve */
    zkvm_secp256r1_pubkey rpub;
    fill(rpub.data, 64);
    ok = true;
    out_status(zkvm_secp256r1_verify(&msg, &sig, &rpub, &ok));
    out_bool(ok);

    /* modexp: 64-byte base and modulus, 32-byte exponent */
    uint8_t base[64], exp[32], mod[64], res[64];
    fill(base, 64), fill(exp, 32), fill(mod, 64);
    mod[63] |= 1;
    out_status(zkvm_modexp(base, 64, exp, 32, mod, 64, res));
    write_output(res, 64);

    /* BN254: G = (1, 2) */
    zkvm_bn254_g1_point g = {{0}}, r1, r2;
    g.data[31] = 1, g.data[63] = 2;
    out_status(zkvm_bn254_g1_add(&g, &g, &r1));
    write_output(r1.data, 64);
    zkvm_bn254_scalar k = {{0}};
    k.data[31] = 2;
    out_status(zkvm_bn254_g1_mul(&g, &k, &r2));
    write_output(r2.data, 64);
    fill(k.data, 32);
    out_status(zkvm_bn254_g1_mul(&r1, &k, &r2));
    write_output(r2.data, 64);
    ok = false;
    out_status(zkvm_bn254_pairing(&(zkvm_bn254_pairing_pair){{{0}}, {{0}}}, 0, &ok)); /* no pairs: true */
    out_bool(ok);
    zkvm_bn254_pairing_pair pp;
    pp.g1 = g;
    fill(pp.g2.data, 128); /* not a G2 point: fails */
    out_status(zkvm_bn254_pairing(&pp, 1, &ok));

    /* BLAKE2F */
    zkvm_blake2f_state h;
    zkvm_blake2f_message m;
    zkvm_blake2f_offset t;
    fill(h.data, 64), fill(m.data, 128), fill(t.data, 16);
    out_status(zkvm_blake2f(12, &h, &m, &t, 1));
    write_output(h.data, 64);

    /* KZG with random bytes: not a valid commitment */
    zkvm_kzg_commitment c;
    zkvm_kzg_field_element z, y;
    zkvm_kzg_proof proof;
    fill(c.data, 48), fill(z.data, 32), fill(y.data, 32), fill(proof.data, 48);
    out_status(zkvm_kzg_point_eval(&c, &z, &y, &proof, &ok));

    /* BLS12-381: points from map-to-curve, then add, MSM, pairing */
    zkvm_bls12_381_fp fe;
    zkvm_bls12_381_fp2 fe2;
    zkvm_bls12_381_g1_point p1, p2, p3;
    zkvm_bls12_381_g2_point q1, q2, q3;
    bls_fp(fe.data);
    out_status(zkvm_bls12_map_fp_to_g1(&fe, &p1));
    bls_fp(fe.data);
    out_status(zkvm_bls12_map_fp_to_g1(&fe, &p2));
    write_output(p1.data, 96);
    bls_fp(fe2.data), bls_fp(fe2.data + 48);
    out_status(zkvm_bls12_map_fp2_to_g2(&fe2, &q1));
    bls_fp(fe2.data), bls_fp(fe2.data + 48);
    out_status(zkvm_bls12_map_fp2_to_g2(&fe2, &q2));
    write_output(q1.data, 192);
    out_status(zkvm_bls12_g1_add(&p1, &p2, &p3));
    write_output(p3.data, 96);
    out_status(zkvm_bls12_g2_add(&q1, &q2, &q3));
    write_output(q3.data, 192);
    zkvm_bls12_381_g1_msm_pair g1pairs[2] = {{p1, {{0}}}, {p2, {{0}}}};
    zkvm_bls12_381_g2_msm_pair g2pairs[2] = {{q1, {{0}}}, {q2, {{0}}}};
    for (int i = 0; i < 2; i++) {
        fill(g1pairs[i].scalar.data, 32);
        fill(g2pairs[i].scalar.data, 32);
    }
    out_status(zkvm_bls12_g1_msm(g1pairs, 2, &p3));
    write_output(p3.data, 96);
    out_status(zkvm_bls12_g2_msm(g2pairs, 2, &q3));
    write_output(q3.data, 192);
    zkvm_bls12_381_pairing_pair bp[2] = {{p1, q1}, {p2, q2}};
    ok = true;
    out_status(zkvm_bls12_pairing(bp, 2, &ok));
    out_bool(ok);
    return 0;
}
