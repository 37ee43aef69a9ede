/* fuzz_blake2f.c — libFuzzer target for precompile 0x09 (blake2f); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x09)
