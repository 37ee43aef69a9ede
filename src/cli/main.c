/* main.c — the zkl1 command-line entry point: dispatches to one subcommand.
 *
 * Each subcommand lives in its own cmd_*.c file and has the signature
 * `int cmd_NAME(int argc, char **argv)` (argv[0] is the subcommand name). They are
 * declared weak so that the binary links while modules are brought up one at a time;
 * a subcommand whose module is not part of this build says so.
 */
#include <stdio.h>
#include <string.h>

typedef int (*zk_cmd_fn)(int argc, char **argv);

#define ZK_CMD(name) __attribute__((weak)) int cmd_##name(int argc, char **argv);
ZK_CMD(blocktest)
ZK_CMD(bench)
ZK_CMD(stateless)
ZK_CMD(run)
ZK_CMD(prove)
ZK_CMD(verify)
ZK_CMD(node)
ZK_CMD(serve)
#undef ZK_CMD

static const struct {
    const char *name;
    zk_cmd_fn fn;
    const char *help;
} commands[] = {
    {"blocktest", cmd_blocktest, "run EEST blockchain tests: blocktest [--network NAME]... PATH..."},
    {"bench", cmd_bench, "benchmarks: bench evm|precompiles|stark ..."},
    {"stateless", cmd_stateless, "stateless validation: stateless [--in FILE] [--out FILE]"},
    {"run", cmd_run, "run a RISC-V guest in the zkl1 VM: run GUEST.elf [--in FILE] [--out FILE]"},
    {"prove", cmd_prove, "prove an execution"},
    {"verify", cmd_verify, "verify a proof"},
    {"node", cmd_node, "stateful node: import blocks, keep witnesses"},
    {"serve", cmd_serve, "HTTP services"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: zkl1 <command> [args...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].fn)
            fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        if (!commands[i].fn) {
            fprintf(stderr, "zkl1: command '%s' is not part of this build\n", argv[1]);
            return 2;
        }
        return commands[i].fn(argc - 1, argv + 1);
    }
    fprintf(stderr, "zkl1: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
