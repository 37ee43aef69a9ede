/* fuzz_bls_map_fp_to_g1.c — libFuzzer target for precompile 0x10 (bls_map_fp_to_g1); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x10)
