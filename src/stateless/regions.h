/* regions.h — names for the validator's phases in a zkVM guest's cycle report.
 *
 * The zkl1 guest vendor libraries (src/guest) export zkl1_region_begin/end (zkl1_guest.h):
 * the zkl1 VM reports the cycles spent between a begin and its end under that name. The
 * validator references them weakly, so that it needs no guest library: in a guest they
 * name its phases; in host tools the symbols are absent and a marker is a single test.
 * Freestanding; no state.
 */
#ifndef ZK_STATELESS_REGIONS_H
#define ZK_STATELESS_REGIONS_H

void zkl1_region_begin(const char *name) __attribute__((weak));
void zkl1_region_end(const char *name) __attribute__((weak));

/* Opens the region `name` (a string literal of 1..63 bytes). Regions nest; close them in
 * reverse order with zk_region_end and the same name. */
static inline void zk_region_begin(const char *name)
{
    if (zkl1_region_begin)
        zkl1_region_begin(name);
}

static inline void zk_region_end(const char *name)
{
    if (zkl1_region_end)
        zkl1_region_end(name);
}

#endif
