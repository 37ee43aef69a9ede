/* test_bls12_381.c — the seven zkvm_bls12_* accelerators: group laws on the generators, MSM
 * across the batch boundary, unreduced scalars, bilinearity, and the EIP-2537 validation rules
 * (canonical coordinates, on-curve, subgroup checks for MSM and pairing but not for addition).
 * EVM-level known answers are in test_precompiles.c (EEST vectors). */
#include <blst.h>

#include "kat.h"
#include "zkvm_accelerators.h"

static const char G1_HEX[] =
    "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
    "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";
/* x_c0, x_c1, y_c0, y_c1 */
static const char G2_HEX[] =
    "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
    "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
    "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"
    "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";
static const char P_HEX[] =
    "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";
static const char R_HEX[] = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

static zkvm_bls12_381_g1_point g1_gen(void)
{
    zkvm_bls12_381_g1_point p;
    kat_hex(G1_HEX, p.data, 96);
    return p;
}

static zkvm_bls12_381_g2_point g2_gen(void)
{
    zkvm_bls12_381_g2_point p;
    kat_hex(G2_HEX, p.data, 192);
    return p;
}

/* -y for a 48-byte coordinate: p - y (y != 0). */
static void fp_negate(uint8_t y[48])
{
    uint8_t p[48];
    kat_hex(P_HEX, p, 48);
    unsigned borrow = 0;
    for (int i = 47; i >= 0; i--) {
        unsigned d = (unsigned)p[i] - y[i] - borrow;
        y[i] = (uint8_t)d;
        borrow = (d >> 8) & 1;
    }
}

static void scalar_u32(zkvm_bls12_381_scalar *s, uint32_t v)
{
    memset(s->data, 0, 32);
    s->data[28] = (uint8_t)(v >> 24), s->data[29] = (uint8_t)(v >> 16);
    s->data[30] = (uint8_t)(v >> 8), s->data[31] = (uint8_t)v;
}

static zkvm_bls12_381_g1_point g1_mul(const zkvm_bls12_381_g1_point *p, uint32_t k)
{
    zkvm_bls12_381_g1_msm_pair pair = {.point = *p};
    scalar_u32(&pair.scalar, k);
    zkvm_bls12_381_g1_point r;
    KAT_CHECK(zkvm_bls12_g1_msm(&pair, 1, &r) == ZKVM_EOK);
    return r;
}

static zkvm_bls12_381_g2_point g2_mul(const zkvm_bls12_381_g2_point *p, uint32_t k)
{
    zkvm_bls12_381_g2_msm_pair pair = {.point = *p};
    scalar_u32(&pair.scalar, k);
    zkvm_bls12_381_g2_point r;
    KAT_CHECK(zkvm_bls12_g2_msm(&pair, 1, &r) == ZKVM_EOK);
    return r;
}

static bool is_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* A point on E1 (y^2 = x^3 + 4) that is not in the order-r subgroup: the first x = 1, 2, ... with
 * a square root. The cofactor is large, so such points are outside G1 (checked with blst). */
static zkvm_bls12_381_g1_point g1_outside_subgroup(void)
{
    zkvm_bls12_381_g1_point out;
    for (uint64_t xi = 1; xi < 100; xi++) {
        blst_fp x, y, rhs, four;
        uint64_t limbs[6] = {xi, 0, 0, 0, 0, 0}, four_l[6] = {4, 0, 0, 0, 0, 0};
        blst_fp_from_uint64(&x, limbs);
        blst_fp_from_uint64(&four, four_l);
        blst_fp_sqr(&rhs, &x);
        blst_fp_mul(&rhs, &rhs, &x);
        blst_fp_add(&rhs, &rhs, &four);
        if (!blst_fp_sqrt(&y, &rhs))
            continue;
        blst_p1_affine a = {x, y};
        if (blst_p1_affine_in_g1(&a))
            continue;
        blst_bendian_from_fp(out.data, &x);
        blst_bendian_from_fp(out.data + 48, &y);
        return out;
    }
    memset(out.data, 0xee, 96);
    kat_fail(__FILE__, __LINE__, "no point outside G1 found");
    return out;
}

static void test_g1_group_law(void)
{
    zkvm_bls12_381_g1_point g = g1_gen(), inf = {{0}}, r, two;
    KAT_CHECK(zkvm_bls12_g1_add(&g, &g, &two) == ZKVM_EOK);
    r = g1_mul(&g, 2);
    KAT_CHECK(memcmp(r.data, two.data, 96) == 0);
    KAT_CHECK(zkvm_bls12_g1_add(&g, &inf, &r) == ZKVM_EOK && memcmp(r.data, g.data, 96) == 0);
    KAT_CHECK(zkvm_bls12_g1_add(&inf, &inf, &r) == ZKVM_EOK && is_zero(r.data, 96));
    zkvm_bls12_381_g1_point neg = g;
    fp_negate(neg.data + 48);
    KAT_CHECK(zkvm_bls12_g1_add(&g, &neg, &r) == ZKVM_EOK && is_zero(r.data, 96));
    /* 2G + G == 3G */
    zkvm_bls12_381_g1_point three = g1_mul(&g, 3);
    KAT_CHECK(zkvm_bls12_g1_add(&two, &g, &r) == ZKVM_EOK && memcmp(r.data, three.data, 96) == 0);
}

static void test_g1_msm(void)
{
    zkvm_bls12_381_g1_point g = g1_gen(), r;
    /* scalars r and r + 1 (unreduced values are allowed) */
    zkvm_bls12_381_g1_msm_pair pair = {.point = g};
    kat_hex(R_HEX, pair.scalar.data, 32);
    KAT_CHECK(zkvm_bls12_g1_msm(&pair, 1, &r) == ZKVM_EOK && is_zero(r.data, 96));
    pair.scalar.data[31] = 2;
    KAT_CHECK(zkvm_bls12_g1_msm(&pair, 1, &r) == ZKVM_EOK && memcmp(r.data, g.data, 96) == 0);
    memset(pair.scalar.data, 0xff, 32); /* 2^256 - 1 */
    KAT_CHECK(zkvm_bls12_g1_msm(&pair, 1, &r) == ZKVM_EOK && !is_zero(r.data, 96));
    /* sum_{i=1..70} i·(G) over 70 pairs (two Pippenger batches) == 2485·G; plus some zero terms */
    static zkvm_bls12_381_g1_msm_pair pairs[74];
    for (uint32_t i = 0; i < 70; i++) {
        pairs[i].point = g;
        scalar_u32(&pairs[i].scalar, i + 1);
    }
    memset(&pairs[70], 0, sizeof pairs[70]);                  /* infinity, zero scalar */
    pairs[71].point = g, scalar_u32(&pairs[71].scalar, 0);    /* zero scalar */
    memset(&pairs[72].point, 0, 96), scalar_u32(&pairs[72].scalar, 5); /* infinity */
    pairs[73].point = g1_mul(&g, 7), scalar_u32(&pairs[73].scalar, 3); /* 21 G */
    zkvm_bls12_381_g1_point want = g1_mul(&g, 2485 + 21);
    KAT_CHECK(zkvm_bls12_g1_msm(pairs, 74, &r) == ZKVM_EOK && memcmp(r.data, want.data, 96) == 0);
    KAT_CHECK(zkvm_bls12_g1_msm(pairs, 0, &r) == ZKVM_EOK && is_zero(r.data, 96));
}

static void test_g1_validation(void)
{
    zkvm_bls12_381_g1_point g = g1_gen(), bad, r;
    /* x = p: not canonical */
    bad = g;
    kat_hex(P_HEX, bad.data, 48);
    KAT_CHECK(zkvm_bls12_g1_add(&bad, &g, &r) == ZKVM_EFAIL);
    /* off the curve */
    bad = g;
    bad.data[95] ^= 1;
    KAT_CHECK(zkvm_bls12_g1_add(&g, &bad, &r) == ZKVM_EFAIL);
    zkvm_bls12_381_g1_msm_pair pair = {.point = bad};
    scalar_u32(&pair.scalar, 1);
    KAT_CHECK(zkvm_bls12_g1_msm(&pair, 1, &r) == ZKVM_EFAIL);
    /* on the curve, outside G1: addition accepts it, MSM and pairing reject it */
    zkvm_bls12_381_g1_point outside = g1_outside_subgroup();
    KAT_CHECK(zkvm_bls12_g1_add(&outside, &g, &r) == ZKVM_EOK);
    pair.point = outside;
    KAT_CHECK(zkvm_bls12_g1_msm(&pair, 1, &r) == ZKVM_EFAIL);
    zkvm_bls12_381_pairing_pair pp = {.g1 = outside, .g2 = g2_gen()};
    bool ok = true;
    KAT_CHECK(zkvm_bls12_pairing(&pp, 1, &ok) == ZKVM_EFAIL);
    /* a field element: p fails, p - 1 maps */
    zkvm_bls12_381_fp u;
    kat_hex(P_HEX, u.data, 48);
    KAT_CHECK(zkvm_bls12_map_fp_to_g1(&u, &r) == ZKVM_EFAIL);
    u.data[47] -= 1;
    KAT_CHECK(zkvm_bls12_map_fp_to_g1(&u, &r) == ZKVM_EOK);
}

static void test_g2(void)
{
    zkvm_bls12_381_g2_point g = g2_gen(), inf = {{0}}, r, two;
    KAT_CHECK(zkvm_bls12_g2_add(&g, &g, &two) == ZKVM_EOK);
    r = g2_mul(&g, 2);
    KAT_CHECK(memcmp(r.data, two.data, 192) == 0);
    KAT_CHECK(zkvm_bls12_g2_add(&inf, &g, &r) == ZKVM_EOK && memcmp(r.data, g.data, 192) == 0);
    zkvm_bls12_381_g2_point neg = g;
    fp_negate(neg.data + 96);
    fp_negate(neg.data + 144);
    KAT_CHECK(zkvm_bls12_g2_add(&g, &neg, &r) == ZKVM_EOK && is_zero(r.data, 192));
    /* 66 pairs of i·G2 (one full batch and a bit) */
    static zkvm_bls12_381_g2_msm_pair pairs[66];
    for (uint32_t i = 0; i < 66; i++) {
        pairs[i].point = g;
        scalar_u32(&pairs[i].scalar, i + 1);
    }
    zkvm_bls12_381_g2_point want = g2_mul(&g, 66 * 67 / 2);
    KAT_CHECK(zkvm_bls12_g2_msm(pairs, 66, &r) == ZKVM_EOK && memcmp(r.data, want.data, 192) == 0);
    /* swapping c0 and c1 of x gives (almost surely) a point off the curve */
    zkvm_bls12_381_g2_point swapped = g;
    memcpy(swapped.data, g.data + 48, 48);
    memcpy(swapped.data + 48, g.data, 48);
    KAT_CHECK(zkvm_bls12_g2_add(&swapped, &g, &r) == ZKVM_EFAIL);
    /* non-canonical y_c1 */
    zkvm_bls12_381_g2_point bad = g;
    kat_hex(P_HEX, bad.data + 144, 48);
    KAT_CHECK(zkvm_bls12_g2_add(&bad, &g, &r) == ZKVM_EFAIL);
    zkvm_bls12_381_fp2 u;
    memset(u.data, 0, 96);
    u.data[47] = 1;
    KAT_CHECK(zkvm_bls12_map_fp2_to_g2(&u, &r) == ZKVM_EOK && !is_zero(r.data, 192));
    /* the mapped point is in G2: an MSM (which checks the subgroup) accepts it */
    zkvm_bls12_381_g2_msm_pair mp = {.point = r};
    scalar_u32(&mp.scalar, 1);
    zkvm_bls12_381_g2_point r2;
    KAT_CHECK(zkvm_bls12_g2_msm(&mp, 1, &r2) == ZKVM_EOK && memcmp(r2.data, r.data, 192) == 0);
    kat_hex(P_HEX, u.data + 48, 48);
    KAT_CHECK(zkvm_bls12_map_fp2_to_g2(&u, &r) == ZKVM_EFAIL);
}

static void test_pairing(void)
{
    zkvm_bls12_381_g1_point g1 = g1_gen(), g1neg = g1, g1x2 = g1_mul(&g1, 2);
    zkvm_bls12_381_g2_point g2 = g2_gen(), g2x2 = g2_mul(&g2, 2);
    fp_negate(g1neg.data + 48);
    zkvm_bls12_381_pairing_pair pairs[3];
    bool ok = false;
    /* e(G1, G2) · e(-G1, G2) == 1 */
    pairs[0] = (zkvm_bls12_381_pairing_pair){g1, g2};
    pairs[1] = (zkvm_bls12_381_pairing_pair){g1neg, g2};
    KAT_CHECK(zkvm_bls12_pairing(pairs, 2, &ok) == ZKVM_EOK && ok);
    KAT_CHECK(zkvm_bls12_pairing(pairs, 1, &ok) == ZKVM_EOK && !ok);
    /* bilinearity: e(2·G1, G2) · e(-G1, 2·G2) == 1 */
    pairs[0] = (zkvm_bls12_381_pairing_pair){g1x2, g2};
    pairs[1] = (zkvm_bls12_381_pairing_pair){g1neg, g2x2};
    KAT_CHECK(zkvm_bls12_pairing(pairs, 2, &ok) == ZKVM_EOK && ok);
    /* pairs with a point at infinity contribute 1 */
    memset(&pairs[2], 0, sizeof pairs[2]);
    pairs[2].g2 = g2;
    KAT_CHECK(zkvm_bls12_pairing(pairs, 3, &ok) == ZKVM_EOK && ok);
    KAT_CHECK(zkvm_bls12_pairing(&pairs[2], 1, &ok) == ZKVM_EOK && ok);
    KAT_CHECK(zkvm_bls12_pairing(pairs, 0, &ok) == ZKVM_EOK && ok);
    /* 2·G1 with G2 and -G1 with G2 do not cancel */
    pairs[1] = (zkvm_bls12_381_pairing_pair){g1neg, g2};
    KAT_CHECK(zkvm_bls12_pairing(pairs, 2, &ok) == ZKVM_EOK && !ok);
}

int main(void)
{
    KAT_RUN(test_g1_group_law);
    KAT_RUN(test_g1_msm);
    KAT_RUN(test_g1_validation);
    KAT_RUN(test_g2);
    KAT_RUN(test_pairing);
    return kat_finish("bls12_381");
}
