/* elf.c — ELF64 RISC-V executable validation (see elf.h for the rules).
 *
 * Every field is read with explicit little-endian loads from the byte buffer, and every
 * offset/size sum is checked for overflow before use: the file is untrusted input.
 */
#include "elf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "guest/zkl1_ecall.h"

#define EHDR_SIZE 64
#define PHDR_SIZE 56
#define PAGE_SIZE 4096u
#define MAX_PHDRS 256

#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_TLS 7
#define ET_EXEC 2
#define EM_RISCV 243
#define EF_RISCV_RVC 0x1u
#define EF_RISCV_FLOAT_ABI 0x6u
#define EF_RISCV_RVE 0x8u

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16; }
static uint64_t rd64(const uint8_t *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    if (errlen > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static const char *flags_name(uint32_t f)
{
    static const char *const names[8] = {"---", "--X", "-W-", "-WX", "R--", "R-X", "RW-", "RWX"};
    return names[f & 7];
}

static int check_header(const uint8_t *d, size_t len, char *err, size_t errlen)
{
    if (len < EHDR_SIZE)
        return fail(err, errlen, "not an ELF file: %zu bytes is shorter than an ELF64 header", len);
    if (memcmp(d, "\x7f" "ELF", 4) != 0)
        return fail(err, errlen, "not an ELF file: bad magic");
    if (d[4] != 2)
        return fail(err, errlen, "ELF class %u: only ELFCLASS64 guests are supported", d[4]);
    if (d[5] != 1)
        return fail(err, errlen, "ELF data encoding %u: only little-endian (ELFDATA2LSB) is supported", d[5]);
    if (d[6] != 1 || rd32(d + 20) != 1)
        return fail(err, errlen, "unsupported ELF version");
    if (rd16(d + 16) != ET_EXEC)
        return fail(err, errlen, "ELF type %u: only static executables (ET_EXEC) are supported", rd16(d + 16));
    if (rd16(d + 18) != EM_RISCV)
        return fail(err, errlen, "ELF machine %u is not RISC-V (%u)", rd16(d + 18), EM_RISCV);
    uint32_t flags = rd32(d + 48);
    if (flags & EF_RISCV_RVC)
        return fail(err, errlen, "ELF flags say compressed instructions (C): the target is rv64im");
    if (flags & EF_RISCV_FLOAT_ABI)
        return fail(err, errlen, "ELF flags say a hard-float ABI: the target ABI is lp64 (soft-float)");
    if (flags & EF_RISCV_RVE)
        return fail(err, errlen, "ELF flags say RV64E: the target is rv64im");
    if (rd16(d + 52) != EHDR_SIZE)
        return fail(err, errlen, "ELF header size %u is not %u", rd16(d + 52), EHDR_SIZE);
    return 0;
}

/* Reads one PT_LOAD header into *s after checking it on its own. */
static int read_load_segment(const uint8_t *ph, size_t len, unsigned index, zk_elf_segment *s, char *err,
                             size_t errlen)
{
    uint32_t flags = rd32(ph + 4);
    s->offset = rd64(ph + 8);
    s->vaddr = rd64(ph + 16);
    uint64_t paddr = rd64(ph + 24);
    s->filesz = rd64(ph + 32);
    s->memsz = rd64(ph + 40);
    s->flags = flags & 7;

    if (flags & ~7u)
        return fail(err, errlen, "segment %u: unknown flag bits 0x%x", index, flags);
    if ((flags & ZK_SEG_W) && (flags & ZK_SEG_X))
        return fail(err, errlen, "segment %u at 0x%llx is writable and executable (%s): W^X is required", index,
                    (unsigned long long)s->vaddr, flags_name(flags));
    if (s->flags != ZK_SEG_R && s->flags != (ZK_SEG_R | ZK_SEG_W) && s->flags != (ZK_SEG_R | ZK_SEG_X))
        return fail(err, errlen, "segment %u at 0x%llx has permissions %s: only R, RW and RX are supported", index,
                    (unsigned long long)s->vaddr, flags_name(flags));
    if (paddr != s->vaddr)
        return fail(err, errlen, "segment %u: physical address 0x%llx differs from virtual 0x%llx (VMA = LMA is required)",
                    index, (unsigned long long)paddr, (unsigned long long)s->vaddr);
    if (s->filesz > s->memsz)
        return fail(err, errlen, "segment %u: file size 0x%llx exceeds memory size 0x%llx", index,
                    (unsigned long long)s->filesz, (unsigned long long)s->memsz);
    if (s->offset > len || s->filesz > len - s->offset)
        return fail(err, errlen, "segment %u: file bytes [0x%llx, +0x%llx) lie outside the %zu-byte file", index,
                    (unsigned long long)s->offset, (unsigned long long)s->filesz, len);
    if (s->vaddr < PAGE_SIZE)
        return fail(err, errlen, "segment %u at 0x%llx maps page 0, which must stay unmapped", index,
                    (unsigned long long)s->vaddr);
    if (s->vaddr >= ZKL1_INPUT_BASE || s->memsz > ZKL1_INPUT_BASE - s->vaddr)
        return fail(err, errlen, "segment %u [0x%llx, +0x%llx) does not fit below 0x%llx, the end of program memory",
                    index, (unsigned long long)s->vaddr, (unsigned long long)s->memsz,
                    (unsigned long long)ZKL1_INPUT_BASE);
    return 0;
}

/* Insertion sort by vaddr: at most ZK_ELF_MAX_SEGMENTS entries. */
static void sort_segments(zk_elf_image *img)
{
    for (size_t i = 1; i < img->nsegments; i++) {
        zk_elf_segment s = img->segments[i];
        size_t j = i;
        for (; j > 0 && img->segments[j - 1].vaddr > s.vaddr; j--)
            img->segments[j] = img->segments[j - 1];
        img->segments[j] = s;
    }
}

static int check_layout(const zk_elf_image *img, char *err, size_t errlen)
{
    for (size_t i = 1; i < img->nsegments; i++) {
        const zk_elf_segment *a = &img->segments[i - 1], *b = &img->segments[i];
        uint64_t a_end = a->vaddr + a->memsz; /* no overflow: both are below ZKL1_INPUT_BASE */
        if (a_end > b->vaddr)
            return fail(err, errlen, "segments [0x%llx, 0x%llx) and [0x%llx, 0x%llx) overlap",
                        (unsigned long long)a->vaddr, (unsigned long long)a_end, (unsigned long long)b->vaddr,
                        (unsigned long long)(b->vaddr + b->memsz));
        uint64_t a_last_page = (a_end - 1) / PAGE_SIZE;
        if (a_last_page == b->vaddr / PAGE_SIZE)
            return fail(err, errlen,
                        "segments at 0x%llx and 0x%llx share the page 0x%llx: permissions are per 4 KiB page, "
                        "align segments to 4 KiB",
                        (unsigned long long)a->vaddr, (unsigned long long)b->vaddr,
                        (unsigned long long)(a_last_page * PAGE_SIZE));
    }
    for (size_t i = 0; i < img->nsegments; i++) {
        const zk_elf_segment *s = &img->segments[i];
        if ((s->flags & ZK_SEG_X) && img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz) {
            if (img->entry % 4 != 0)
                return fail(err, errlen, "entry point 0x%llx is not 4-byte aligned", (unsigned long long)img->entry);
            return 0;
        }
    }
    return fail(err, errlen, "entry point 0x%llx is not inside an executable segment", (unsigned long long)img->entry);
}

int zk_elf_parse(const uint8_t *data, size_t len, zk_elf_image *out, char *err, size_t errlen)
{
    if (errlen > 0)
        err[0] = '\0';
    memset(out, 0, sizeof *out);
    if (check_header(data, len, err, errlen) != 0)
        return -1;

    uint64_t phoff = rd64(data + 32);
    unsigned phentsize = rd16(data + 54), phnum = rd16(data + 56);
    out->entry = rd64(data + 24);
    if (phnum == 0)
        return fail(err, errlen, "no program headers: nothing to load");
    if (phnum > MAX_PHDRS)
        return fail(err, errlen, "%u program headers: at most %u are accepted", phnum, MAX_PHDRS);
    if (phentsize != PHDR_SIZE)
        return fail(err, errlen, "program header size %u is not %u", phentsize, PHDR_SIZE);
    if (phoff > len || (uint64_t)phnum * PHDR_SIZE > len - phoff)
        return fail(err, errlen, "program headers [0x%llx, +%u x %u) lie outside the %zu-byte file",
                    (unsigned long long)phoff, phnum, PHDR_SIZE, len);

    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = data + phoff + (size_t)i * PHDR_SIZE;
        uint32_t type = rd32(ph);
        if (type == PT_INTERP || type == PT_DYNAMIC)
            return fail(err, errlen, "program header %u: dynamic linking is not supported (link with -static)", i);
        if (type == PT_TLS)
            return fail(err, errlen, "program header %u: thread-local storage is not supported", i);
        if (type != PT_LOAD)
            continue; /* notes, attributes, GNU_STACK: not part of the image */
        if (rd64(ph + 40) == 0)
            continue; /* an empty segment maps nothing */
        if (out->nsegments == ZK_ELF_MAX_SEGMENTS)
            return fail(err, errlen, "more than %d non-empty PT_LOAD segments", ZK_ELF_MAX_SEGMENTS);
        if (read_load_segment(ph, len, i, &out->segments[out->nsegments], err, errlen) != 0)
            return -1;
        out->nsegments++;
    }
    if (out->nsegments == 0)
        return fail(err, errlen, "no non-empty PT_LOAD segment: nothing to load");
    sort_segments(out);
    return check_layout(out, err, errlen);
}
