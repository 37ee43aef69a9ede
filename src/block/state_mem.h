/* state_mem.h — an in-memory zk_state_backend: accounts, storage, code and block hashes in
 * arena-allocated hash maps, plus the secure state trie kept up to date incrementally.
 *
 * Used by tests and the blocktest runner. Freestanding: everything lives in the arena
 * given to zk_state_mem_create and is released with it.
 *
 * State root: key keccak(address) -> rlp([nonce, balance, storage_root, code_hash]); each
 * storage trie maps keccak(slot) -> rlp(value as minimal big-endian bytes); zero values
 * are absent. The tries persist between calls: state_root() applies only the accounts and
 * slots written since the previous call, so per-block roots cost in proportion to the
 * block's changes.
 *
 * Every function taking a zk_state_backend requires one made by zk_state_mem_create.
 */
#ifndef ZK_STATE_MEM_H
#define ZK_STATE_MEM_H

#include "../core/arena.h"
#include "../evm/state.h"

/* A new, empty state in `a`; NULL when the arena is exhausted. */
zk_state_backend *zk_state_mem_create(zk_arena *a);

/* ---- loading (pre-state) ---- */

/* Creates or replaces an account: nonce, balance and code (copied; code_len 0 = no code).
 * Existing storage is kept. */
zk_status zk_state_mem_set_account(zk_state_backend *s, const zk_address *addr, uint64_t nonce, const u256 *balance,
                                   const uint8_t *code, size_t code_len);
/* Sets one storage slot (zero deletes it). The account need not be set first, but only
 * storage of existing accounts is part of the state. */
zk_status zk_state_mem_set_storage(zk_state_backend *s, const zk_address *addr, const zk_hash *slot,
                                   const u256 *value);
/* Records the hash of block `number` for get_block_hash (BLOCKHASH). */
zk_status zk_state_mem_set_block_hash(zk_state_backend *s, uint64_t number, const zk_hash *hash);

/* ---- inspection (post-state comparison) ---- */

/* Calls fn for every existing account (in no particular order), with its storage root up
 * to date and its code (empty when it has none). Stops at the first non-OK status. */
typedef zk_status (*zk_state_mem_account_fn)(void *user, const zk_address *addr, const zk_account *acct,
                                             zk_bytes code);
zk_status zk_state_mem_foreach_account(zk_state_backend *s, zk_state_mem_account_fn fn, void *user);

/* Calls fn for every non-zero storage slot of `addr` (none if the account does not exist). */
typedef zk_status (*zk_state_mem_slot_fn)(void *user, const zk_hash *slot, const u256 *value);
zk_status zk_state_mem_foreach_storage(zk_state_backend *s, const zk_address *addr, zk_state_mem_slot_fn fn,
                                       void *user);

/* Number of existing accounts, and of non-zero slots of one account. */
size_t zk_state_mem_account_count(zk_state_backend *s);
size_t zk_state_mem_storage_count(zk_state_backend *s, const zk_address *addr);

/* ---- checkpoints ---- */

/* Starts recording undo information for every write (put_*, wipe_storage, set_*). Only one
 * checkpoint is active at a time; a new one replaces (commits) the previous. */
zk_status zk_state_mem_checkpoint(zk_state_backend *s);
/* Undoes every write since the checkpoint (e.g. a block whose state root did not match)
 * and ends it. Block hashes and stored code are kept (they are keyed by content/number). */
zk_status zk_state_mem_revert(zk_state_backend *s);
/* Keeps the writes and ends the checkpoint. */
void zk_state_mem_commit(zk_state_backend *s);

#endif
