/* fuzz_bn254_add.c — libFuzzer target for precompile 0x06 (bn254_add); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x06)
