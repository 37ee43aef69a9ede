/* elf.h — validation of a zkVM guest ELF, as the zkvm-standards ELF rules say.
 *
 * zk_elf_parse checks everything the VM relies on before any guest memory exists: ELF64,
 * little-endian, RISC-V, ET_EXEC, no compressed-code or hard-float ABI flag, program headers
 * inside the file; the image is the PT_LOAD segments only (section headers are ignored); every
 * segment is R, R+W or R+X (W^X), has VMA = LMA, lies in [0x1000, ZKL1_INPUT_BASE), has its
 * file bytes inside the file, and shares no 4 KiB page with another segment; the entry point
 * is 4-byte aligned and inside an executable segment. Host code; no allocation.
 */
#ifndef ZK_VM_ELF_H
#define ZK_VM_ELF_H

#include <stddef.h>
#include <stdint.h>

#define ZK_ELF_MAX_SEGMENTS 16

enum { ZK_SEG_R = 4, ZK_SEG_W = 2, ZK_SEG_X = 1 }; /* the ELF p_flags bits */

typedef struct zk_elf_segment {
    uint64_t vaddr;
    uint64_t memsz;
    uint64_t offset; /* file offset of the first byte */
    uint64_t filesz; /* bytes taken from the file; the rest up to memsz is zero */
    uint32_t flags;  /* ZK_SEG_* */
} zk_elf_segment;

typedef struct zk_elf_image {
    uint64_t entry;
    size_t nsegments; /* sorted by vaddr */
    zk_elf_segment segments[ZK_ELF_MAX_SEGMENTS];
} zk_elf_image;

/* Validates the ELF file in data[0..len) and describes its loadable image in *out (which
 * borrows nothing: offsets refer back into data). Returns 0 on success; otherwise -1 with a
 * one-line explanation in err (always NUL-terminated when errlen > 0). */
int zk_elf_parse(const uint8_t *data, size_t len, zk_elf_image *out, char *err, size_t errlen);

#endif
