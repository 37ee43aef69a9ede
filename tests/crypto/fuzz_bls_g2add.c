/* fuzz_bls_g2add.c — libFuzzer target for precompile 0x0d (bls_g2add); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x0d)
