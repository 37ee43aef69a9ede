/* fuzz_ripemd160.c — libFuzzer target for precompile 0x03 (ripemd160); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x03)
