/* fuzz_bls_g1msm.c — libFuzzer target for precompile 0x0c (bls_g1msm); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x0c)
