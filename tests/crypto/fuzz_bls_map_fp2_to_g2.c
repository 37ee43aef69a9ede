/* fuzz_bls_map_fp2_to_g2.c — libFuzzer target for precompile 0x11 (bls_map_fp2_to_g2); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x11)
