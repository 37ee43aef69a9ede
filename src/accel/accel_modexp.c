/* accel_modexp.c — software backend for zkvm_modexp (libtommath 1.2.0).
 *
 * mp_exptmod picks Montgomery reduction for odd moduli and Barrett reduction for even ones, so
 * every modulus works. Moduli 0 and 1 give 0 (the EVM's rule for 0; mathematically for 1) and are
 * answered without libtommath. libtommath allocates: libc on the host, the guest's zk_mp_* hooks
 * in the guest (src/crypto/mp_alloc.h). Freestanding.
 */
#include "zkvm_accelerators.h"

#include <string.h>
#include <tommath.h>

#include "accel_internal.h"
#include "accel_software.h"

/* True when the big-endian number p[0, n) is 0 or 1. */
static bool is_zero_or_one(const uint8_t *p, size_t n)
{
    if (n == 0)
        return true;
    return zk_bytes_all_zero(p, n - 1) && p[n - 1] <= 1;
}

zkvm_status zk_sw_modexp(const uint8_t *base, size_t base_len, const uint8_t *exp, size_t exp_len,
                        const uint8_t *modulus, size_t mod_len, uint8_t *output)
{
    if (mod_len == 0)
        return ZKVM_EOK; /* nothing to write */
    ZK_ACCEL_REQUIRE(modulus);
    ZK_ACCEL_REQUIRE(output);
    if (base_len > 0)
        ZK_ACCEL_REQUIRE(base);
    if (exp_len > 0)
        ZK_ACCEL_REQUIRE(exp);

    memset(output, 0, mod_len);
    if (is_zero_or_one(modulus, mod_len))
        return ZKVM_EOK;

    mp_int b, e, m, r;
    if (mp_init_multi(&b, &e, &m, &r, NULL) != MP_OKAY)
        return ZKVM_EFAIL;
    zkvm_status status = ZKVM_EFAIL;
    size_t written = 0;
    /* mp_from_ubin of an empty buffer gives 0; libtommath never reads the pointer then. */
    if (mp_from_ubin(&b, base_len ? base : modulus, base_len) != MP_OKAY ||
        mp_from_ubin(&e, exp_len ? exp : modulus, exp_len) != MP_OKAY ||
        mp_from_ubin(&m, modulus, mod_len) != MP_OKAY)
        goto done;
    if (mp_exptmod(&b, &e, &m, &r) != MP_OKAY)
        goto done;
    /* r < m < 256^mod_len: it fits, right-aligned (left-padded with the zeros already there). */
    size_t need = mp_ubin_size(&r);
    if (need > mod_len || mp_to_ubin(&r, output + (mod_len - need), need, &written) != MP_OKAY || written != need)
        goto done;
    status = ZKVM_EOK;
done:
    mp_clear_multi(&b, &e, &m, &r, NULL);
    if (status != ZKVM_EOK)
        memset(output, 0, mod_len);
    return status;
}

/* The standard names, weakly bound (accel_software.h). */
ZK_ACCEL_BIND(modexp);
