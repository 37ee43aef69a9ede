/* hex.h — hexadecimal encoding and decoding (freestanding, no allocation).
 *
 * Inputs are (pointer, length) pairs, never NUL-terminated strings, and may carry an
 * optional "0x"/"0X" prefix. Every decoder rejects a bad digit or an odd number of digits
 * with ZK_ERR_DECODE and a too-small output with ZK_ERR_RANGE; it never writes past the
 * output capacity.
 */
#ifndef ZK_HEX_H
#define ZK_HEX_H

#include "u256.h"
#include "zk_types.h"

/* Value of one hex digit (either case), or -1 for any other character. */
int zk_hex_digit(char c);

/* Decodes a byte string: 2 digits per byte, so the digit count must be even ("0x" alone
 * is the empty string). *out_len gets the number of bytes written to out[0, out_cap). */
zk_status zk_hex_decode(const char *hex, size_t hex_len, uint8_t *out, size_t out_cap, size_t *out_len);

/* Decodes exactly `n` bytes (hashes, addresses): any other length gives ZK_ERR_DECODE. */
zk_status zk_hex_decode_exact(const char *hex, size_t hex_len, uint8_t *out, size_t n);

/* Decodes a quantity (JSON-RPC style number): 1 to 64 significant digits after leading
 * zeros, odd counts allowed ("0x0", "0x1", "0x01" are all fine; "0x" alone is 0).
 * Values above the target's range give ZK_ERR_RANGE. */
zk_status zk_hex_to_u256(const char *hex, size_t hex_len, u256 *out);
zk_status zk_hex_to_u64(const char *hex, size_t hex_len, uint64_t *out);

/* Writes 2*len lowercase digits (after "0x" when `prefix`) and a terminating NUL to out,
 * which must have room for 2*len + 3 chars. Returns the number of characters written,
 * NUL excluded. */
size_t zk_hex_encode(const uint8_t *data, size_t len, char *out, bool prefix);

#endif
