/* fuzz_bls_g2msm.c — libFuzzer target for precompile 0x0e (bls_g2msm); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x0e)
