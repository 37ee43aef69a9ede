/* fuzz_modexp.c — libFuzzer target for precompile 0x05 (modexp); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x05)
