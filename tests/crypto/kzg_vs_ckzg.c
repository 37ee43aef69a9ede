/* kzg_vs_ckzg.c — differential test of zkvm_kzg_point_eval against c-kzg 4.1.0 (the library the
 * Ethereum clients use), host only: loads the full mainnet trusted setup, checks that the
 * hard-coded [τ]G2 is its line 4100 (and [1]G2 line 4099), then for random blobs and points
 * computes proofs with c-kzg and verifies them, and tampered variants, with both.
 *
 * usage: crypto_kzg_vs_ckzg TRUSTED_SETUP_TXT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ckzg.h"
#include "zkvm_accelerators.h"

bool zk_kzg_tau_g2(blst_p2_affine *out); /* src/accel/accel_kzg.c */

static int failures;
#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            failures++;                                                                            \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                    \
        }                                                                                          \
    } while (0)

static void to_hex(const uint8_t *p, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", p[i]);
}

/* Reads line `want` (1-based) of the file into buf. */
static bool read_line(const char *path, int want, char *buf, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    bool found = false;
    for (int n = 1; fgets(buf, (int)cap, f); n++)
        if (n == want) {
            buf[strcspn(buf, "\r\n")] = 0;
            found = true;
            break;
        }
    fclose(f);
    return found;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* A canonical field element: 32 random bytes with the top byte below r's (0x73). */
static void random_fr(uint8_t out[32])
{
    for (int i = 0; i < 32; i++)
        out[i] = (uint8_t)rnd();
    out[0] &= 0x3f;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s TRUSTED_SETUP_TXT\n", argv[0]);
        return 2;
    }
    char line[512], hex[512];

    /* The constant against the setup file. */
    blst_p2_affine tau;
    CHECK(zk_kzg_tau_g2(&tau));
    CHECK(blst_p2_affine_in_g2(&tau));
    uint8_t compressed[96];
    blst_p2_affine_compress(compressed, &tau);
    to_hex(compressed, 96, hex);
    CHECK(read_line(argv[1], 4100, line, sizeof line) && strcmp(line, hex) == 0);
    blst_p2_affine_compress(compressed, blst_p2_affine_generator());
    to_hex(compressed, 96, hex);
    CHECK(read_line(argv[1], 4099, line, sizeof line) && strcmp(line, hex) == 0);

    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    KZGSettings s;
    CHECK(load_trusted_setup_file(&s, f, 0) == C_KZG_OK);
    fclose(f);

    static Blob blob;
    int verified_ok = 0;
    for (int round = 0; round < 6; round++) {
        for (size_t i = 0; i < FIELD_ELEMENTS_PER_BLOB; i++)
            random_fr(blob.bytes + 32 * i);
        KZGCommitment c;
        KZGProof proof;
        Bytes32 z, y;
        CHECK(blob_to_kzg_commitment(&c, &blob, &s) == C_KZG_OK);
        random_fr(z.bytes);
        if (round == 0)
            memcpy(z.bytes, blob.bytes, 32); /* z equal to a blob value: nothing special, still valid */
        CHECK(compute_kzg_proof(&proof, &y, &blob, &z, &s) == C_KZG_OK);

        zkvm_kzg_commitment zc;
        zkvm_kzg_proof zp;
        zkvm_kzg_field_element zz, zy;
        memcpy(zc.data, c.bytes, 48);
        memcpy(zp.data, proof.bytes, 48);
        memcpy(zz.data, z.bytes, 32);
        memcpy(zy.data, y.bytes, 32);
        bool ok = false, ck_ok = false;
        CHECK(zkvm_kzg_point_eval(&zc, &zz, &zy, &zp, &ok) == ZKVM_EOK && ok);
        CHECK(verify_kzg_proof(&ck_ok, &c, &z, &y, &proof, &s) == C_KZG_OK && ck_ok);
        verified_ok += ok;
        if (round == 1) { /* print one vector for the embedded known answers (test_kzg.c) */
            to_hex(c.bytes, 48, hex), printf("vector commitment %s\n", hex);
            to_hex(z.bytes, 32, hex), printf("vector z %s\n", hex);
            to_hex(y.bytes, 32, hex), printf("vector y %s\n", hex);
            to_hex(proof.bytes, 48, hex), printf("vector proof %s\n", hex);
        }
        /* tampered y, z and proof: both reject */
        zkvm_kzg_field_element y2 = zy;
        y2.data[31] ^= 1;
        CHECK(zkvm_kzg_point_eval(&zc, &zz, &y2, &zp, &ok) == ZKVM_EOK && !ok);
        zkvm_kzg_field_element z2 = zz;
        z2.data[31] ^= 1;
        CHECK(zkvm_kzg_point_eval(&zc, &z2, &zy, &zp, &ok) == ZKVM_EOK && !ok);
        KZGProof other;
        Bytes32 other_y;
        Bytes32 z2b;
        memcpy(z2b.bytes, z2.data, 32);
        CHECK(compute_kzg_proof(&other, &other_y, &blob, &z2b, &s) == C_KZG_OK); /* a proof for another point */
        zkvm_kzg_proof zp2;
        memcpy(zp2.data, other.bytes, 48);
        CHECK(zkvm_kzg_point_eval(&zc, &zz, &zy, &zp2, &ok) == ZKVM_EOK && !ok);
    }
    free_trusted_setup(&s);
    printf("kzg vs c-kzg: %d proofs verified, %d failures\n", verified_ok, failures);
    return failures == 0 && verified_ok == 6 ? 0 : 1;
}
