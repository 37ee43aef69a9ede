/* fuzz_bn254_pairing.c — libFuzzer target for precompile 0x08 (bn254_pairing); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x08)
