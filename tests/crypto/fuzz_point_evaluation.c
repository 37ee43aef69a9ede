/* fuzz_point_evaluation.c — libFuzzer target for precompile 0x0a (point_evaluation); see fuzz_common.h. */
#include "fuzz_common.h"

ZK_FUZZ_TARGET(0x0a)
