/* test_fuzz_verify.c — runs the fuzz target (fuzz_verify.c) on deterministic pseudo-random
 * inputs so that `make test` exercises it without libFuzzer. */
#include "fuzz_verify.c"
#include "test_util.h"

int main(void)
{
    uint8_t in[512];
    for (int it = 0; it < 3000; it++) {
        size_t size = 1 + (size_t)(rnd() % sizeof in);
        for (size_t i = 0; i < size; i++)
            in[i] = (uint8_t)rnd();
        in[0] = (uint8_t)(it % 3);
        LLVMFuzzerTestOneInput(in, size);
    }
    /* Whole-proof-sized random inputs (mode 0), so parsing runs past the header. */
    fuzz_setup();
    uint8_t *big = malloc(valid_len + 1);
    REQUIRE(big);
    for (int it = 0; it < 20; it++) {
        big[0] = 0;
        for (size_t i = 1; i <= valid_len; i++)
            big[i] = (uint8_t)rnd();
        memcpy(big + 1, valid_proof, it < 10 ? 16 : 200); /* valid header, then noise */
        LLVMFuzzerTestOneInput(big, valid_len + 1);
    }
    free(big);
    return test_finish("test_fuzz_verify");
}
