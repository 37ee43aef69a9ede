/* fork.c — fork names, EEST network names and the blob schedule. */
#include "fork.h"

#include <string.h>

static const char *const fork_names[ZK_FORK_COUNT] = {
    [ZK_FORK_FRONTIER] = "Frontier",
    [ZK_FORK_HOMESTEAD] = "Homestead",
    [ZK_FORK_TANGERINE] = "EIP150",
    [ZK_FORK_SPURIOUS] = "EIP158",
    [ZK_FORK_BYZANTIUM] = "Byzantium",
    [ZK_FORK_CONSTANTINOPLE] = "Constantinople",
    [ZK_FORK_PETERSBURG] = "ConstantinopleFix",
    [ZK_FORK_ISTANBUL] = "Istanbul",
    [ZK_FORK_BERLIN] = "Berlin",
    [ZK_FORK_LONDON] = "London",
    [ZK_FORK_PARIS] = "Paris",
    [ZK_FORK_SHANGHAI] = "Shanghai",
    [ZK_FORK_CANCUN] = "Cancun",
    [ZK_FORK_PRAGUE] = "Prague",
    [ZK_FORK_OSAKA] = "Osaka",
    [ZK_FORK_BPO1] = "BPO1",
    [ZK_FORK_BPO2] = "BPO2",
    [ZK_FORK_BPO3] = "BPO3",
    [ZK_FORK_BPO4] = "BPO4",
    [ZK_FORK_BPO5] = "BPO5",
    [ZK_FORK_AMSTERDAM] = "Amsterdam",
};

/* Other spellings found in test suites. */
static const struct {
    const char *name;
    zk_fork fork;
} fork_aliases[] = {
    {"TangerineWhistle", ZK_FORK_TANGERINE},
    {"SpuriousDragon", ZK_FORK_SPURIOUS},
    {"Petersburg", ZK_FORK_PETERSBURG},
    {"Merge", ZK_FORK_PARIS},
};

const char *zk_fork_name(zk_fork f)
{
    if ((unsigned)f >= ZK_FORK_COUNT)
        return "Unknown";
    return fork_names[f];
}

/* Freestanding code may use only memcpy/memset/memcmp/memmove from libc. */
static size_t cstr_len(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

static bool name_is(const char *name, size_t len, const char *candidate)
{
    return cstr_len(candidate) == len && memcmp(name, candidate, len) == 0;
}

bool zk_fork_from_name(const char *name, size_t len, zk_fork *out)
{
    for (int f = 0; f < ZK_FORK_COUNT; f++) {
        if (name_is(name, len, fork_names[f])) {
            *out = (zk_fork)f;
            return true;
        }
    }
    for (size_t i = 0; i < sizeof fork_aliases / sizeof fork_aliases[0]; i++) {
        if (name_is(name, len, fork_aliases[i].name)) {
            *out = fork_aliases[i].fork;
            return true;
        }
    }
    return false;
}

/* Parses "<digits>k" or "<digits>" (a timestamp); the whole range must be consumed. */
static bool parse_timestamp(const char *s, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    if (len == 0)
        return false;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        if (v > (UINT64_MAX - 9) / 10)
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (i == 0)
        return false;
    if (i < len) {
        if (i + 1 != len || s[i] != 'k' || v > UINT64_MAX / 1000)
            return false;
        v *= 1000;
    }
    *out = v;
    return true;
}

static const char *find_substring(const char *s, size_t len, const char *needle)
{
    size_t n = cstr_len(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return s + i;
    return NULL;
}

bool zk_chain_from_network(const char *network, zk_chain_config *out)
{
    size_t len = cstr_len(network);
    memset(out, 0, sizeof *out);

    /* "<A>To<B>AtTime<T>" */
    const char *to = find_substring(network, len, "To");
    const char *at = find_substring(network, len, "AtTime");
    if (to != NULL && at != NULL && at > to) {
        zk_fork from, into;
        uint64_t ts;
        if (!zk_fork_from_name(network, (size_t)(to - network), &from))
            return false;
        if (!zk_fork_from_name(to + 2, (size_t)(at - to - 2), &into))
            return false;
        if (!parse_timestamp(at + 6, len - (size_t)(at + 6 - network), &ts))
            return false;
        if (into <= from)
            return false;
        out->base_fork = from;
        out->activations[0].fork = into;
        out->activations[0].timestamp = ts;
        out->num_activations = 1;
        return true;
    }
    if (!zk_fork_from_name(network, len, &out->base_fork))
        return false;
    out->num_activations = 0;
    return true;
}

zk_fork zk_chain_fork_at(const zk_chain_config *c, uint64_t timestamp)
{
    zk_fork f = c->base_fork;
    for (size_t i = 0; i < c->num_activations && i < 4; i++)
        if (timestamp >= c->activations[i].timestamp && c->activations[i].fork > f)
            f = c->activations[i].fork;
    return f;
}

/* Protocol defaults (EIP-4844, EIP-7691, EIP-7892 BPO1/BPO2 as scheduled on mainnet). */
static bool default_blob_params(zk_fork fork, zk_blob_params *out)
{
    switch (fork) {
    case ZK_FORK_CANCUN:
        *out = (zk_blob_params){3, 6, 3338477};
        return true;
    case ZK_FORK_PRAGUE:
    case ZK_FORK_OSAKA:
        *out = (zk_blob_params){6, 9, 5007716};
        return true;
    case ZK_FORK_BPO1:
        *out = (zk_blob_params){10, 15, 8346193};
        return true;
    case ZK_FORK_BPO2:
        *out = (zk_blob_params){14, 21, 11684671};
        return true;
    default:
        return false;
    }
}

zk_blob_params zk_chain_blob_params(const zk_chain_config *c, zk_fork fork)
{
    zk_blob_params p;
    if ((unsigned)fork >= ZK_FORK_COUNT)
        fork = ZK_FORK_COUNT - 1;
    if (c != NULL)
        for (int f = (int)fork; f >= 0; f--)
            if (c->has_blob_params[f])
                return c->blob_params[f];
    for (int f = (int)fork; f >= (int)ZK_FORK_CANCUN; f--)
        if (default_blob_params((zk_fork)f, &p))
            return p;
    return (zk_blob_params){0, 0, 1};
}
