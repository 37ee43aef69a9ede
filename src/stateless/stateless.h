/* stateless.h — stateless block validation: the logic of the zkEVM guest program.
 *
 * Input: one byte string, the guest input (`statelessInputBytes` of the zkEVM fixtures) in
 * the format selected by the caller (see ssz.h). Output: the public output bytes
 * (`statelessOutputBytes`):
 *
 *   ZK_STATELESS_V033       41 bytes: new_payload_request_root (32) || ok (1) || chain_id (u64 LE)
 *   ZK_STATELESS_CANONICAL  43 bytes: the same || schema_id (u16 LE, 01 15)
 *
 * Validation follows execution-specs `verify_stateless_new_payload`: decode the input and
 * compute hash_tree_root(NewPayloadRequest) first; then, where any failure only clears
 * `ok`: the witness headers must form a chain (parent last), the payload must rebuild into
 * a block whose header hashes to `block_hash` (recomputed transactions, withdrawals and
 * requests roots, block access list hash), blob hashes must match `versioned_hashes`,
 * supplied public keys (canonical format) must be the transactions' signers, and the block
 * must pass the block layer's header checks and execution (zk_block_apply_ex) on the
 * witness-backed parent state, up to and including the post-state root. An input that does
 * not decode gives the all-zero output of the format's size.
 *
 * The chain rules are Amsterdam's (the only fork the schema 0x1501 and the v0.3.3 fixtures
 * define): chain id from the input, blob schedule target 14 / max 21 / update fraction
 * 11684671 (the EEST Amsterdam configuration). Freestanding; all memory from the arena.
 */
#ifndef ZK_STATELESS_H
#define ZK_STATELESS_H

#include "../core/arena.h"
#include "../evm/fork.h"
#include "ssz.h"

#define ZK_STATELESS_OUTPUT_V033 41u
#define ZK_STATELESS_OUTPUT_CANONICAL 43u
#define ZK_STATELESS_OUTPUT_MAX 43u

/* Output size of a format (41 or 43). */
size_t zk_stateless_output_size(zk_stateless_format format);

/* Details of one validation, for tools (the guest needs only the output bytes). */
typedef struct zk_stateless_report {
    bool decoded;       /* the input decoded (else the output is all zero) */
    bool valid;         /* the ok byte */
    uint64_t gas_used;  /* block gas used, when valid */
    size_t num_txs;
    char reason[256];   /* why not valid (NUL-terminated, may be truncated) */
} zk_stateless_report;

/* Validates `in` and writes the output (zk_stateless_output_size(format) bytes) to `out`,
 * which must have room for ZK_STATELESS_OUTPUT_MAX bytes; *out_len gets the size.
 * Returns ZK_OK whenever the output is the deterministic answer for this input (valid,
 * invalid, or undecodable). Returns ZK_ERR_NOMEM when the arena ran out: the output is
 * then not meaningful (a guest must abort rather than commit it, or a valid block could
 * be "proven" invalid), and ZK_ERR_RANGE for an unknown format. `report` may be NULL.
 * Scratch memory comes from `a` and is not released (reset the arena between calls). */
zk_status zk_stateless_validate_ex(zk_stateless_format format, const uint8_t *in, size_t len, zk_arena *a,
                                   uint8_t *out, size_t *out_len, zk_stateless_report *report);

zk_status zk_stateless_validate(zk_stateless_format format, const uint8_t *in, size_t len, zk_arena *a,
                                uint8_t *out, size_t *out_len);

/* zk_stateless_validate_ex under other chain rules than Amsterdam's: `rules` (its chain id
 * is replaced by the input's; NULL: Amsterdam, as zk_stateless_validate_ex). The input
 * formats carry no fork, so a guest for other rules is a separate build (guest/README.md).
 * Before Amsterdam the payload's block access list must be empty and its slot number 0:
 * the header has no such fields. For benchmarks of pre-Amsterdam fixtures (Osaka). */
zk_status zk_stateless_validate_rules(zk_stateless_format format, const zk_chain_config *rules, const uint8_t *in,
                                      size_t len, zk_arena *a, uint8_t *out, size_t *out_len,
                                      zk_stateless_report *report);

#endif
