/* air_registry.c — built-in AIRs by name, for the prove/verify command line. */
#include "airs.h"

static bool name_is(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

const stark_air *stark_air_by_name(const char *name, uint32_t cols, stark_bench_air *bench_storage)
{
    if (name_is(name, "fib"))
        return stark_air_fib();
    if (name_is(name, "lookup"))
        return stark_air_lookup();
    if (name_is(name, "perm"))
        return stark_air_perm();
    if (name_is(name, "bench") && bench_storage && stark_bench_air_init(bench_storage, cols) == ZK_OK)
        return &bench_storage->air;
    return NULL;
}
