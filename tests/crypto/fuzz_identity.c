/* fuzz_identity.c — libFuzzer target for precompile 0x04 (identity); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x04)
