/* zkl1_guest.h — zkl1 extensions for guests: named cycle regions.
 *
 * zkl1_region_begin/end bracket a part of the guest whose cycles the zkl1 VM reports by name
 * (the "region_cycles" of ere). Regions nest; an end must name the innermost open region.
 * Cycles are inclusive: a nested region's cycles also count in its parents. A name is at most
 * 63 bytes. Under Linux user mode both are ecalls with numbers Linux does not have: qemu
 * answers -ENOSYS and nothing happens, while the zkl1 VM running the same ELF reports the
 * regions. Freestanding.
 */
#ifndef ZKL1_GUEST_H
#define ZKL1_GUEST_H

#ifdef __cplusplus
extern "C" {
#endif

/* name: NUL-terminated, not retained after the call. */
void zkl1_region_begin(const char *name);
void zkl1_region_end(const char *name);

#ifdef __cplusplus
}
#endif

#endif
