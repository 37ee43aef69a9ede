/* blake2f.h — the BLAKE2b compression function F with an explicit round count (EIP-152).
 *
 * RFC 7693 fixes 12 rounds; the 0x09 precompile lets the caller choose any u32 count (round i
 * uses message schedule SIGMA[i mod 10]). Freestanding; no allocation.
 */
#ifndef ZK_BLAKE2F_H
#define ZK_BLAKE2F_H

#include <stdbool.h>
#include <stdint.h>

/* Updates h in place: F(h, m, t, final) with `rounds` rounds. t = {t0, t1} is the 128-bit offset
 * counter, `final` sets the last-block flag. Cost is linear in rounds (2^32 - 1 is allowed but
 * takes minutes: the caller charges gas first). */
void zk_blake2b_compress(uint32_t rounds, uint64_t h[8], const uint64_t m[16], const uint64_t t[2], bool final);

#endif
