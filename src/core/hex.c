/* hex.c — hexadecimal encoding and decoding. */
#include "hex.h"

static const char hex_digits[] = "0123456789abcdef";

int zk_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Drops an optional 0x / 0X prefix. */
static void skip_prefix(const char **hex, size_t *len)
{
    if (*len >= 2 && (*hex)[0] == '0' && ((*hex)[1] == 'x' || (*hex)[1] == 'X')) {
        *hex += 2;
        *len -= 2;
    }
}

zk_status zk_hex_decode(const char *hex, size_t hex_len, uint8_t *out, size_t out_cap, size_t *out_len)
{
    *out_len = 0;
    skip_prefix(&hex, &hex_len);
    if (hex_len % 2)
        return ZK_ERR_DECODE;
    size_t n = hex_len / 2;
    /* Validate every digit before reporting a capacity problem: bad input is bad input. */
    for (size_t i = 0; i < hex_len; i++)
        if (zk_hex_digit(hex[i]) < 0)
            return ZK_ERR_DECODE;
    if (n > out_cap)
        return ZK_ERR_RANGE;
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)(zk_hex_digit(hex[2 * i]) << 4 | zk_hex_digit(hex[2 * i + 1]));
    *out_len = n;
    return ZK_OK;
}

zk_status zk_hex_decode_exact(const char *hex, size_t hex_len, uint8_t *out, size_t n)
{
    skip_prefix(&hex, &hex_len);
    if (hex_len != 2 * n)
        return ZK_ERR_DECODE;
    size_t got;
    return zk_hex_decode(hex, hex_len, out, n, &got);
}

zk_status zk_hex_to_u256(const char *hex, size_t hex_len, u256 *out)
{
    *out = u256_zero();
    skip_prefix(&hex, &hex_len);
    for (size_t i = 0; i < hex_len; i++)
        if (zk_hex_digit(hex[i]) < 0)
            return ZK_ERR_DECODE;
    while (hex_len && hex[0] == '0') {
        hex++;
        hex_len--;
    }
    if (hex_len > 64)
        return ZK_ERR_RANGE;
    u256 r = u256_zero();
    for (size_t i = 0; i < hex_len; i++) {
        size_t pos = hex_len - 1 - i; /* nibble significance */
        r.w[pos / 16] |= (uint64_t)zk_hex_digit(hex[i]) << (4 * (pos % 16));
    }
    *out = r;
    return ZK_OK;
}

zk_status zk_hex_to_u64(const char *hex, size_t hex_len, uint64_t *out)
{
    u256 v;
    *out = 0;
    zk_status st = zk_hex_to_u256(hex, hex_len, &v);
    if (st != ZK_OK)
        return st;
    if (!u256_fits_u64(&v))
        return ZK_ERR_RANGE;
    *out = v.w[0];
    return ZK_OK;
}

size_t zk_hex_encode(const uint8_t *data, size_t len, char *out, bool prefix)
{
    size_t o = 0;
    if (prefix) {
        out[o++] = '0';
        out[o++] = 'x';
    }
    for (size_t i = 0; i < len; i++) {
        out[o++] = hex_digits[data[i] >> 4];
        out[o++] = hex_digits[data[i] & 15];
    }
    out[o] = '\0';
    return o;
}
