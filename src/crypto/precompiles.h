/* precompiles.h — the precompiled contracts (0x01–0x11, 0x100) with exact gas per fork.
 *
 * Crypto goes through the zkvm-standards accelerator interface (src/accel/zkvm_accelerators.h),
 * so a zkVM can supply its own implementations. Freestanding.
 */
#ifndef ZK_PRECOMPILES_H
#define ZK_PRECOMPILES_H

#include "../core/arena.h"
#include "../evm/fork.h"

/* True when `addr` is a precompile in `fork` (it is then warm from the start of every tx). */
bool zk_precompile_exists(zk_fork fork, const zk_address *addr);

/* Runs the precompile at `addr` on `input` with `gas` available.
 * On return:
 *   *gas_used — gas consumed (== gas when the call failed or ran out of gas);
 *   *success  — false when the call fails (out of gas, invalid input): the caller then
 *               treats it as an exceptional halt consuming all gas and empty return data;
 *   *output   — result bytes in arena memory (empty on failure).
 * Returns ZK_OK, or ZK_ERR_NOMEM when the arena is exhausted. Never crashes on any input. */
zk_status zk_precompile_run(zk_fork fork, const zk_address *addr, const uint8_t *input, size_t input_len,
                            uint64_t gas, zk_arena *a, uint64_t *gas_used, bool *success, zk_bytes *output);

#endif
