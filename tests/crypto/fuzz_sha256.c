/* fuzz_sha256.c — libFuzzer target for precompile 0x02 (sha256); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x02)
