/* test_kzg.c — zkvm_kzg_point_eval known answers: a proof computed by c-kzg 4.1.0 with the
 * mainnet setup (kzg_vs_ckzg.c prints such vectors), the all-infinity proof of the zero
 * polynomial, tampering, non-canonical field elements and invalid points; plus the hard-coded
 * [τ]G2 against its compressed form on line 4100 of the trusted setup. */
#include <blst.h>

#include "kat.h"
#include "zkvm_accelerators.h"

bool zk_kzg_tau_g2(blst_p2_affine *out); /* src/accel/accel_kzg.c */

static const char C_HEX[] = "90ebb2da6e050a13207ffbbc9ced4695a4c837a677d3693658fc6c198f7c14ad552ddcd530f313e0dc122025d18e38a9";
static const char Z_HEX[] = "22b2819ac70e5e30a4eb2edcc348b8b744feb3a01f2f0d058544ecab34568ebd";
static const char Y_HEX[] = "682c9cfd5db93da5b729013950a1964793a2e546f7ad6d45c7a26609b057c96e";
static const char PI_HEX[] = "adf36167a4b6d1e44938411010dc6936fed833c44153ed68cc5c90b0365a4bacf7f1742cf9bd6f571b58cc06ae1770d2";

typedef struct kzg_vec {
    zkvm_kzg_commitment c;
    zkvm_kzg_field_element z, y;
    zkvm_kzg_proof pi;
} kzg_vec;

static kzg_vec known(void)
{
    kzg_vec v;
    kat_hex(C_HEX, v.c.data, 48);
    kat_hex(Z_HEX, v.z.data, 32);
    kat_hex(Y_HEX, v.y.data, 32);
    kat_hex(PI_HEX, v.pi.data, 48);
    return v;
}

static bool eval(const kzg_vec *v, zkvm_status want_status)
{
    bool ok = false;
    zkvm_status st = zkvm_kzg_point_eval(&v->c, &v->z, &v->y, &v->pi, &ok);
    KAT_CHECK(st == want_status);
    return st == ZKVM_EOK && ok;
}

static void test_tau_constant(void)
{
    blst_p2_affine tau;
    KAT_CHECK(zk_kzg_tau_g2(&tau));
    KAT_CHECK(blst_p2_affine_in_g2(&tau));
    uint8_t compressed[96];
    blst_p2_affine_compress(compressed, &tau);
    KAT_EQ_HEX(compressed, 96,
               "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72"
               "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2");
}

static void test_valid_proof(void)
{
    kzg_vec v = known();
    KAT_CHECK(eval(&v, ZKVM_EOK));
}

static void test_zero_polynomial(void)
{
    /* commitment and proof at infinity (compressed 0xc0 00...): p = 0, so y must be 0 at any z */
    kzg_vec v;
    memset(&v, 0, sizeof v);
    v.c.data[0] = 0xc0;
    v.pi.data[0] = 0xc0;
    kat_hex(Z_HEX, v.z.data, 32);
    KAT_CHECK(eval(&v, ZKVM_EOK));
    v.y.data[31] = 1;
    KAT_CHECK(!eval(&v, ZKVM_EOK));
}

static void test_tampered(void)
{
    kzg_vec v = known();
    v.y.data[31] ^= 1;
    KAT_CHECK(!eval(&v, ZKVM_EOK));
    v = known();
    v.z.data[31] ^= 1;
    KAT_CHECK(!eval(&v, ZKVM_EOK));
    /* proof replaced by the commitment: a valid point, wrong proof */
    v = known();
    memcpy(v.pi.data, v.c.data, 48);
    KAT_CHECK(!eval(&v, ZKVM_EOK));
}

static void test_invalid_inputs(void)
{
    kzg_vec v = known();
    /* z = r (the scalar field modulus): not canonical */
    kat_hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", v.z.data, 32);
    eval(&v, ZKVM_EFAIL);
    v = known();
    kat_hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", v.y.data, 32);
    eval(&v, ZKVM_EFAIL);
    /* commitment without the compression flag */
    v = known();
    v.c.data[0] &= 0x7f;
    eval(&v, ZKVM_EFAIL);
    /* an arbitrary compressed x = 4: either no curve point (EFAIL) or a point that is not the
     * proof (no verification) */
    v = known();
    memset(v.pi.data, 0, 48);
    v.pi.data[0] = 0x80;
    v.pi.data[47] = 4;
    bool ok;
    zkvm_status st = zkvm_kzg_point_eval(&v.c, &v.z, &v.y, &v.pi, &ok);
    KAT_CHECK(st == ZKVM_EFAIL || !ok);
    /* infinity flag with non-zero bytes */
    v = known();
    memset(v.pi.data, 0, 48);
    v.pi.data[0] = 0xc0;
    v.pi.data[47] = 1;
    eval(&v, ZKVM_EFAIL);
}

int main(void)
{
    KAT_RUN(test_tau_constant);
    KAT_RUN(test_valid_proof);
    KAT_RUN(test_zero_polynomial);
    KAT_RUN(test_tampered);
    KAT_RUN(test_invalid_inputs);
    return kat_finish("kzg");
}
