/* fuzz_bn254_mul.c — libFuzzer target for precompile 0x07 (bn254_mul); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x07)
