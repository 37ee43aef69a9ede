/* fuzz_ecrecover.c — libFuzzer target for precompile 0x01 (ecrecover); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x01)
