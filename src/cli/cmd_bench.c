/* cmd_bench.c — `zkl1 bench <what> ...`: dispatches to the benchmark of one component.
 * Each benchmark lives beside its subject's CLI code (bench_*.c) and prints figures. */
#include <stdio.h>
#include <string.h>

typedef int (*zk_bench_fn)(int argc, char **argv);

#define ZK_BENCH(name) __attribute__((weak)) int bench_##name(int argc, char **argv);
ZK_BENCH(evm)
ZK_BENCH(precompiles)
ZK_BENCH(stark)
ZK_BENCH(stateless)
ZK_BENCH(vm)
#undef ZK_BENCH

static const struct {
    const char *name;
    zk_bench_fn fn;
    const char *help;
} benches[] = {
    {"evm", bench_evm, "execute fixture blocks repeatedly: Mgas/s per file and in total"},
    {"precompiles", bench_precompiles, "ns per call and gas/s for each precompile"},
    {"stark", bench_stark, "prove and verify a benchmark AIR: bench stark [--log-rows N] [--cols M]"},
    {"stateless", bench_stateless, "stateless validation Mgas/s"},
    {"vm", bench_vm, "RISC-V VM instructions/s and guest cycles per gas"},
};

int cmd_bench(int argc, char **argv)
{
    if (argc >= 2) {
        for (size_t i = 0; i < sizeof benches / sizeof benches[0]; i++) {
            if (strcmp(argv[1], benches[i].name) != 0)
                continue;
            if (!benches[i].fn) {
                fprintf(stderr, "zkl1 bench: '%s' is not part of this build\n", argv[1]);
                return 2;
            }
            return benches[i].fn(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "usage: zkl1 bench <what> [args...]\n");
    for (size_t i = 0; i < sizeof benches / sizeof benches[0]; i++)
        if (benches[i].fn)
            fprintf(stderr, "  %-12s %s\n", benches[i].name, benches[i].help);
    return 2;
}
