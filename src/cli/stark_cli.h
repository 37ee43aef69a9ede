/* stark_cli.h — what `zkl1 prove` (cmd_prove.c) and `zkl1 verify` (cmd_verify.c) share: the
 * proof file's magic and the JSON report's string escaping. Host only. */
#ifndef ZK_STARK_CLI_H
#define ZK_STARK_CLI_H

/* The first 8 bytes of a proof file: "ZKL1PRF" then the format version 1 (layout in cmd_prove.c). */
#define ZK_PROOF_FILE_MAGIC "ZKL1PRF\x01"
#define ZK_PROOF_FILE_MAGIC_LEN 8

/* Prints s to stdout as the contents of a JSON string: quote and backslash escaped, control
 * characters as \u00XX, everything else (UTF-8 included) as is. */
void zk_cli_print_json_string(const char *s);

#endif
