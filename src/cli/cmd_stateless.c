/* cmd_stateless.c — `zkl1 stateless`: the stateless guest's logic as a host command.
 *
 *   zkl1 stateless [--format v0.3.3|canonical] [--in FILE] [--out FILE] [-v]
 *
 * Reads one guest input (stdin by default) and writes the public output bytes (stdout by
 * default). Input starting with "0x" (after leading whitespace) is hex, anything else raw
 * bytes; the output uses the same encoding (hex followed by a newline). The format is
 * chosen by --format, default v0.3.3 (the tests-zkevm@v0.3.3 fixtures); it is never
 * guessed from the bytes. -v prints the verdict and the reason on stderr.
 * Exit status: 0 when an output was produced (valid or not), 1 when the validator ran out
 * of memory, 2 for usage and I/O errors.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena_malloc.h"
#include "../core/hex.h"
#include "stateless_cli.h"

static void usage(void)
{
    fprintf(stderr, "usage: zkl1 stateless [--format v0.3.3|canonical] [--in FILE] [--out FILE] [-v]\n");
}

/* The whole of f, malloc'd. */
static uint8_t *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            uint8_t *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Hex text (after whitespace, "0x...", trailing whitespace allowed) decoded in place. */
static bool decode_hex_input(uint8_t *buf, size_t *len)
{
    size_t start = 0, end = *len;
    while (start < end && isspace(buf[start]))
        start++;
    while (end > start && isspace(buf[end - 1]))
        end--;
    if (end - start < 2 || buf[start] != '0' || (buf[start + 1] != 'x' && buf[start + 1] != 'X'))
        return false;
    size_t out_len;
    /* Decoding writes at most half as many bytes as it reads, so in place is safe. */
    if (zk_hex_decode((const char *)buf + start, end - start, buf, *len, &out_len) != ZK_OK)
        return false;
    *len = out_len;
    return true;
}

static bool looks_hex(const uint8_t *buf, size_t len)
{
    size_t i = 0;
    while (i < len && isspace(buf[i]))
        i++;
    return len - i >= 2 && buf[i] == '0' && (buf[i + 1] == 'x' || buf[i + 1] == 'X');
}

int cmd_stateless(int argc, char **argv)
{
    zk_stateless_format format = ZK_STATELESS_V033;
    const char *in_path = NULL, *out_path = NULL;
    bool verbose = false;
    for (int i = 1; i < argc; i++) {
        bool has_value = i + 1 < argc;
        if (!strcmp(argv[i], "--format") && has_value) {
            if (!sl_parse_format(argv[++i], &format)) {
                fprintf(stderr, "zkl1 stateless: unknown format '%s' (v0.3.3 or canonical)\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(argv[i], "--in") && has_value) {
            in_path = argv[++i];
        } else if (!strcmp(argv[i], "--out") && has_value) {
            out_path = argv[++i];
        } else if (!strcmp(argv[i], "-v")) {
            verbose = true;
        } else {
            usage();
            return 2;
        }
    }

    FILE *in = in_path ? fopen(in_path, "rb") : stdin;
    if (!in) {
        perror(in_path);
        return 2;
    }
    size_t len = 0;
    uint8_t *input = read_all(in, &len);
    if (in != stdin)
        fclose(in);
    if (!input) {
        fprintf(stderr, "zkl1 stateless: cannot read the input\n");
        return 2;
    }
    bool hex = looks_hex(input, len);
    if (hex && !decode_hex_input(input, &len)) {
        fprintf(stderr, "zkl1 stateless: input starts with 0x but is not valid hex\n");
        free(input);
        return 2;
    }

    zk_arena arena;
    zk_arena_init_malloc(&arena, 1u << 22);
    uint8_t out[ZK_STATELESS_OUTPUT_MAX];
    size_t out_len;
    zk_stateless_report rep;
    zk_status st = zk_stateless_validate_ex(format, input, len, &arena, out, &out_len, &rep);
    zk_arena_release(&arena);
    free(input);
    if (st != ZK_OK) {
        fprintf(stderr, "zkl1 stateless: out of memory (status %d): no output\n", (int)st);
        return 1;
    }
    if (verbose)
        fprintf(stderr, "%s%s%s\n", !rep.decoded ? "undecodable" : rep.valid ? "valid" : "invalid",
                rep.reason[0] ? ": " : "", rep.reason);

    FILE *of = out_path ? fopen(out_path, "wb") : stdout;
    if (!of) {
        perror(out_path);
        return 2;
    }
    int rc = 0;
    if (hex) {
        char text[2 * ZK_STATELESS_OUTPUT_MAX + 3];
        zk_hex_encode(out, out_len, text, true);
        rc = fprintf(of, "%s\n", text) < 0;
    } else {
        rc = fwrite(out, 1, out_len, of) != out_len;
    }
    if (of != stdout)
        rc |= fclose(of) != 0;
    else
        rc |= fflush(of) != 0;
    if (rc) {
        fprintf(stderr, "zkl1 stateless: cannot write the output\n");
        return 2;
    }
    return 0;
}
