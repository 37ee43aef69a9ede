/* fuzz_bls_pairing.c — libFuzzer target for precompile 0x0f (bls_pairing); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x0f)
