/* msg.h — internal: building short, NUL-terminated reason strings without libc.
 *
 * Used by validation to say why a block is invalid. Output is silently truncated to the
 * caller's buffer; a NULL or zero-size buffer swallows everything. Freestanding.
 */
#ifndef ZK_BLOCK_MSG_H
#define ZK_BLOCK_MSG_H

#include "../core/u256.h"
#include "../core/zk_types.h"

typedef struct zk_msg {
    char *buf;
    size_t cap, len;
} zk_msg;

static inline zk_msg zk_msg_start(char *buf, size_t cap)
{
    zk_msg m = {buf, cap, 0};
    if (buf && cap)
        buf[0] = 0;
    return m;
}

static inline void zk_msg_char(zk_msg *m, char c)
{
    if (!m->buf || m->len + 1 >= m->cap)
        return;
    m->buf[m->len++] = c;
    m->buf[m->len] = 0;
}

static inline void zk_msg_str(zk_msg *m, const char *s)
{
    while (s && *s)
        zk_msg_char(m, *s++);
}

static inline void zk_msg_u64(zk_msg *m, uint64_t v)
{
    char tmp[20];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        zk_msg_char(m, tmp[--n]);
}

static inline void zk_msg_hex(zk_msg *m, const uint8_t *p, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    zk_msg_str(m, "0x");
    for (size_t i = 0; i < len; i++) {
        zk_msg_char(m, digits[p[i] >> 4]);
        zk_msg_char(m, digits[p[i] & 15]);
    }
}

/* u256 as a decimal when it fits 64 bits, else as hex. */
static inline void zk_msg_u256(zk_msg *m, const u256 *v)
{
    if (u256_fits_u64(v)) {
        zk_msg_u64(m, v->w[0]);
        return;
    }
    uint8_t be[32];
    u256_to_be(v, be);
    size_t skip = 0;
    while (skip < 31 && be[skip] == 0)
        skip++;
    zk_msg_hex(m, be + skip, 32 - skip);
}

#endif
