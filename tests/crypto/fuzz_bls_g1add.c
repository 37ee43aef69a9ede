/* fuzz_bls_g1add.c — libFuzzer target for precompile 0x0b (bls_g1add); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x0b)
