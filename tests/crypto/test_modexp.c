/* test_modexp.c — zkvm_modexp against Python pow() results (vectors_modexp.h, regenerate with
 * gen_modexp_vectors.py): EIP-198 examples, odd/even/power-of-two moduli, moduli 0 and 1, zero
 * and long exponents, and the EIP-7823 maximum of 1024-byte operands. */
#include "kat.h"
#include "vectors_modexp.h"
#include "zkvm_accelerators.h"

static uint8_t out[1025];

static void test_vectors(void)
{
    for (size_t i = 0; i < sizeof MODEXP_VECTORS / sizeof MODEXP_VECTORS[0]; i++) {
        const struct modexp_vector *v = &MODEXP_VECTORS[i];
        memset(out, 0xaa, sizeof out);
        zkvm_status s = zkvm_modexp(v->base, v->base_len, v->exp, v->exp_len, v->mod, v->mod_len, out);
        kat_checks++;
        if (s != ZKVM_EOK || memcmp(out, v->out, v->mod_len) != 0) {
            kat_fail(__FILE__, __LINE__, v->note);
            continue;
        }
        KAT_CHECK(out[v->mod_len] == 0xaa); /* writes exactly mod_len bytes */
    }
}

static void test_zero_length_modulus(void)
{
    uint8_t b = 2, e = 3, m = 5;
    out[0] = 0xaa;
    KAT_CHECK(zkvm_modexp(&b, 1, &e, 1, &m, 0, out) == ZKVM_EOK);
    KAT_CHECK(out[0] == 0xaa);
}

static void test_small_exhaustive(void)
{
    /* every b, e < 20 and m < 40 (one byte each): compare with repeated multiplication */
    for (unsigned m = 0; m < 40; m++)
        for (unsigned b = 0; b < 20; b++)
            for (unsigned e = 0; e < 20; e++) {
                unsigned want = 0;
                if (m > 1) {
                    want = 1 % m;
                    for (unsigned k = 0; k < e; k++)
                        want = want * b % m;
                }
                uint8_t bb = (uint8_t)b, ee = (uint8_t)e, mm = (uint8_t)m, r = 0xaa;
                KAT_CHECK(zkvm_modexp(&bb, 1, &ee, 1, &mm, 1, &r) == ZKVM_EOK && r == want);
            }
}

int main(void)
{
    KAT_RUN(test_vectors);
    KAT_RUN(test_zero_length_modulus);
    KAT_RUN(test_small_exhaustive);
    return kat_finish("modexp");
}
