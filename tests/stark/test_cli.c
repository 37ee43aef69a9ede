/* test_cli.c — the `zkl1 prove` / `zkl1 verify` plumbing (src/cli/cmd_prove.c and
 * cmd_verify.c, linked here without the rest of the CLI): prove each built-in AIR to a file,
 * verify it, and check that a corrupted or truncated file is rejected. */
#include <stdio.h>
#include <string.h>

#include "test_util.h"

int cmd_prove(int argc, char **argv);
int cmd_verify(int argc, char **argv);

static int run(int (*fn)(int, char **), const char *a0, const char *a1, const char *a2, const char *a3,
               const char *a4, const char *a5, const char *a6, const char *a7, const char *a8)
{
    char *argv[10] = {(char *)a0, (char *)a1, (char *)a2, (char *)a3, (char *)a4,
                      (char *)a5, (char *)a6, (char *)a7, (char *)a8, NULL};
    int argc = 0;
    while (argc < 9 && argv[argc])
        argc++;
    return fn(argc, argv);
}

static long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

static void corrupt(const char *src, const char *dst, long pos, long keep)
{
    FILE *f = fopen(src, "rb"), *g = fopen(dst, "wb");
    REQUIRE(f && g);
    long i = 0;
    int c;
    while ((c = fgetc(f)) != EOF && (keep < 0 || i < keep)) {
        fputc(i == pos ? c ^ 0x20 : c, g);
        i++;
    }
    fclose(f);
    fclose(g);
}

int main(void)
{
    const char *path = "stark_cli_test.prf", *bad = "stark_cli_test_bad.prf";
    const char *airs[] = {"fib", "lookup", "perm", "bench"};
    for (int k = 0; k < 4; k++) {
        CHECK(run(cmd_prove, "prove", "--air", airs[k], "--log-rows", "6", "--cols", "4", "--out", path) == 0);
        CHECK(run(cmd_verify, "verify", path, NULL, NULL, NULL, NULL, NULL, NULL, NULL) == 0);
        long n = file_size(path);
        REQUIRE(n > 100);
        corrupt(path, bad, n - 77, -1); /* a byte inside the last query */
        CHECK(run(cmd_verify, "verify", bad, NULL, NULL, NULL, NULL, NULL, NULL, NULL) == 1);
        corrupt(path, bad, 40, -1); /* inside the publics */
        CHECK(run(cmd_verify, "verify", bad, NULL, NULL, NULL, NULL, NULL, NULL, NULL) == 1);
        corrupt(path, bad, -1, n / 2); /* truncated */
        CHECK(run(cmd_verify, "verify", bad, NULL, NULL, NULL, NULL, NULL, NULL, NULL) == 1);
    }
    CHECK(run(cmd_prove, "prove", "--air", "nope", "--out", path, NULL, NULL, NULL, NULL) == 2);
    CHECK(run(cmd_prove, "prove", "--air", "fib", NULL, NULL, NULL, NULL, NULL, NULL) == 2);
    CHECK(run(cmd_verify, "verify", "/nonexistent/file", NULL, NULL, NULL, NULL, NULL, NULL, NULL) == 2);
    remove(path);
    remove(bad);
    return test_finish("test_cli");
}
