/* fuzz_p256verify.c — libFuzzer target for precompile 0x100 (p256verify); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x100)
