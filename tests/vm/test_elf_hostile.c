/* test_elf_hostile.c — the ELF loader against hostile files.
 *
 * Usage: test_vm_elf_hostile VALID.elf OUTDIR
 * 1. Targeted mutations of a valid guest ELF, each of which must be rejected by zk_vm_new with
 *    a specific message: bad magic/class/endianness/type/machine, compressed or hard-float
 *    flags, program headers outside the file, segments overlapping, sharing a page, huge,
 *    in page 0, above the program window, with file bytes outside the file, W+X or writable
 *    text, entry outside X, misaligned entry, dynamic linking, too many headers.
 *    A copy of some of them goes to OUTDIR for the `zkl1 run` test (run_hostile_cli.sh).
 * 2. Seeded random mutations (byte flips in the headers, random program header fields,
 *    truncation): the loader must reject with a message or load; a loaded image must then
 *    run to a bounded end. Under ASan/UBSan any memory error aborts the test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

static int failures;

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc((size_t)n);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v), put16(p + 2, (uint16_t)(v >> 16)); }
static void put64(uint8_t *p, uint64_t v) { put32(p, (uint32_t)v), put32(p + 4, (uint32_t)(v >> 32)); }
static uint64_t get64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}
static uint32_t get32(const uint8_t *p) { return (uint32_t)(get64(p) & 0xffffffffu); }

/* Program header i of the (mutable) image. */
static uint8_t *phdr(uint8_t *elf, unsigned i) { return elf + get64(elf + 32) + 56u * i; }
static unsigned phnum(const uint8_t *elf) { return (unsigned)(elf[56] | elf[57] << 8); }

/* Index of the first PT_LOAD with the given flags, or -1. */
static int find_load(uint8_t *elf, uint32_t flags)
{
    for (unsigned i = 0; i < phnum(elf); i++) {
        uint8_t *ph = phdr(elf, i);
        if (get32(ph) == 1 && get32(ph + 4) == flags)
            return (int)i;
    }
    return -1;
}

typedef void (*mutator)(uint8_t *elf, size_t *len);

static void m_magic(uint8_t *e, size_t *l) { (void)l, e[1] = 'X'; }
static void m_class32(uint8_t *e, size_t *l) { (void)l, e[4] = 1; }
static void m_bigendian(uint8_t *e, size_t *l) { (void)l, e[5] = 2; }
static void m_type_dyn(uint8_t *e, size_t *l) { (void)l, put16(e + 16, 3); }
static void m_machine_x86(uint8_t *e, size_t *l) { (void)l, put16(e + 18, 62); }
static void m_flag_rvc(uint8_t *e, size_t *l) { (void)l, put32(e + 48, get32(e + 48) | 1); }
static void m_flag_double(uint8_t *e, size_t *l) { (void)l, put32(e + 48, get32(e + 48) | 4); }
static void m_truncated_header(uint8_t *e, size_t *l) { (void)e, *l = 40; }
static void m_phoff_outside(uint8_t *e, size_t *l) { put64(e + 32, *l - 8); }
static void m_phoff_wrap(uint8_t *e, size_t *l) { (void)l, put64(e + 32, UINT64_MAX - 20); }
static void m_phentsize(uint8_t *e, size_t *l) { (void)l, put16(e + 54, 32); }
static void m_no_phdrs(uint8_t *e, size_t *l) { (void)l, put16(e + 56, 0); }
static void m_too_many_phdrs(uint8_t *e, size_t *l) { (void)l, put16(e + 56, 60000); }
static void m_entry_outside(uint8_t *e, size_t *l) { (void)l, put64(e + 24, 0x20000000); }
static void m_entry_in_rodata(uint8_t *e, size_t *l)
{
    (void)l;
    put64(e + 24, get64(phdr(e, (unsigned)find_load(e, 4)) + 16));
}
static void m_entry_misaligned(uint8_t *e, size_t *l) { (void)l, put64(e + 24, get64(e + 24) + 2); }
static void m_text_wx(uint8_t *e, size_t *l) { (void)l, put32(phdr(e, (unsigned)find_load(e, 5)) + 4, 7); }
static void m_text_w(uint8_t *e, size_t *l) { (void)l, put32(phdr(e, (unsigned)find_load(e, 5)) + 4, 6); }
static void m_text_xonly(uint8_t *e, size_t *l) { (void)l, put32(phdr(e, (unsigned)find_load(e, 5)) + 4, 1); }
static void m_huge_memsz(uint8_t *e, size_t *l) { (void)l, put64(phdr(e, (unsigned)find_load(e, 6)) + 40, UINT64_MAX); }
static void m_wrap_vaddr(uint8_t *e, size_t *l)
{
    (void)l;
    uint8_t *ph = phdr(e, (unsigned)find_load(e, 6));
    put64(ph + 16, UINT64_MAX - 0xfff);
    put64(ph + 24, UINT64_MAX - 0xfff);
}
static void m_page0(uint8_t *e, size_t *l)
{
    (void)l;
    uint8_t *ph = phdr(e, (unsigned)find_load(e, 6));
    put64(ph + 16, 0);
    put64(ph + 24, 0);
}
static void m_overlap(uint8_t *e, size_t *l)
{
    (void)l;
    /* Move the rodata segment onto the middle of the text segment. */
    uint64_t text = get64(phdr(e, (unsigned)find_load(e, 5)) + 16);
    uint8_t *ph = phdr(e, (unsigned)find_load(e, 4));
    put64(ph + 16, text + 0x100);
    put64(ph + 24, text + 0x100);
}
static void m_share_page(uint8_t *e, size_t *l)
{
    (void)l;
    /* Start rodata on the last page of text, without overlapping its bytes. */
    uint8_t *tx = phdr(e, (unsigned)find_load(e, 5));
    uint64_t end = get64(tx + 16) + get64(tx + 40);
    uint8_t *ph = phdr(e, (unsigned)find_load(e, 4));
    put64(ph + 16, end);
    put64(ph + 24, end);
}
static void m_filesz_gt_memsz(uint8_t *e, size_t *l)
{
    (void)l;
    uint8_t *ph = phdr(e, (unsigned)find_load(e, 5));
    put64(ph + 40, get64(ph + 32) - 1);
}
static void m_offset_outside(uint8_t *e, size_t *l) { put64(phdr(e, (unsigned)find_load(e, 5)) + 8, *l); }
static void m_lma_differs(uint8_t *e, size_t *l) { (void)l, put64(phdr(e, (unsigned)find_load(e, 5)) + 24, 0x5000); }
static void m_above_window(uint8_t *e, size_t *l)
{
    (void)l;
    uint8_t *ph = phdr(e, (unsigned)find_load(e, 6));
    put64(ph + 16, 0xC0000000);
    put64(ph + 24, 0xC0000000);
}
static void m_interp(uint8_t *e, size_t *l) { (void)l, put32(phdr(e, 0), 3); }
static void m_tls(uint8_t *e, size_t *l) { (void)l, put32(phdr(e, 0), 7); }

static const struct {
    const char *name;
    mutator fn;
    const char *expect; /* substring of the error */
} targeted[] = {
    {"bad_magic", m_magic, "bad magic"},
    {"class32", m_class32, "only ELFCLASS64"},
    {"big_endian", m_bigendian, "only little-endian"},
    {"type_dyn", m_type_dyn, "only static executables"},
    {"machine_x86", m_machine_x86, "is not RISC-V"},
    {"flag_rvc", m_flag_rvc, "compressed instructions"},
    {"flag_double", m_flag_double, "hard-float ABI"},
    {"truncated", m_truncated_header, "shorter than an ELF64 header"},
    {"phoff_outside", m_phoff_outside, "program headers"},
    {"phoff_wrap", m_phoff_wrap, "program headers"},
    {"phentsize", m_phentsize, "program header size"},
    {"no_phdrs", m_no_phdrs, "no program headers"},
    {"too_many_phdrs", m_too_many_phdrs, "program headers: at most"},
    {"entry_outside", m_entry_outside, "not inside an executable segment"},
    {"entry_in_rodata", m_entry_in_rodata, "not inside an executable segment"},
    {"entry_misaligned", m_entry_misaligned, "not 4-byte aligned"},
    {"text_wx", m_text_wx, "W^X"},
    {"text_w", m_text_w, "not inside an executable segment"},
    {"text_xonly", m_text_xonly, "only R, RW and RX"},
    {"huge_memsz", m_huge_memsz, "does not fit below"},
    {"wrap_vaddr", m_wrap_vaddr, "does not fit below"},
    {"page0", m_page0, "page 0"},
    {"overlap", m_overlap, "overlap"},
    {"share_page", m_share_page, "share the page"},
    {"filesz_gt_memsz", m_filesz_gt_memsz, "exceeds memory size"},
    {"offset_outside", m_offset_outside, "outside the"},
    {"lma_differs", m_lma_differs, "VMA = LMA"},
    {"above_window", m_above_window, "does not fit below"},
    {"interp", m_interp, "dynamic linking"},
    {"tls", m_tls, "thread-local storage"},
};

static void write_copy(const char *dir, const char *name, const uint8_t *data, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.elf", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        printf("FAIL: cannot write %s\n", path);
        failures++;
    }
    if (f)
        fclose(f);
}

static void run_targeted(const uint8_t *valid, size_t valid_len, const char *outdir)
{
    for (size_t t = 0; t < sizeof targeted / sizeof targeted[0]; t++) {
        uint8_t *e = malloc(valid_len);
        memcpy(e, valid, valid_len);
        size_t len = valid_len;
        targeted[t].fn(e, &len);
        char err[256];
        zk_vm *vm = zk_vm_new(e, len, NULL, err, sizeof err);
        if (vm) {
            printf("FAIL %-18s: accepted\n", targeted[t].name);
            failures++;
            zk_vm_free(vm);
        } else if (!strstr(err, targeted[t].expect)) {
            printf("FAIL %-18s: message \"%s\" lacks \"%s\"\n", targeted[t].name, err, targeted[t].expect);
            failures++;
        } else {
            printf("ok   %-18s: %s\n", targeted[t].name, err);
        }
        write_copy(outdir, targeted[t].name, e, len);
        free(e);
    }
}

/* xorshift64*: deterministic, seeded. */
static uint64_t rng_state = 0x2545F4914F6CDD1Dull;
static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static const uint64_t interesting[] = {0, 1, 2, 3, 4, 0xfff, 0x1000, 0x1001, 0x10000000, 0x7fffffff, 0x80000000,
                                       0xbffff000, 0xc0000000, 0xffffffff, 0x100000000ull, UINT64_MAX,
                                       UINT64_MAX - 0xfff, 0x8000000000000000ull};

static void run_random(const uint8_t *valid, size_t valid_len, unsigned iterations)
{
    size_t accepted = 0, rejected = 0;
    uint64_t ph_end = get64(valid + 32) + 56u * phnum(valid);
    for (unsigned it = 0; it < iterations; it++) {
        uint8_t *e = malloc(valid_len);
        memcpy(e, valid, valid_len);
        size_t len = valid_len;
        unsigned edits = 1 + (unsigned)(rnd() % 4);
        for (unsigned k = 0; k < edits; k++) {
            switch (rnd() % 4) {
            case 0: /* flip a byte of the ELF header or program headers */
                e[rnd() % ph_end] ^= (uint8_t)(1 + rnd() % 255);
                break;
            case 1: { /* an interesting value in a 64-bit program header field */
                /* located through the original header: an earlier edit may have changed e's */
                uint8_t *ph = e + get64(valid + 32) + 56u * (unsigned)(rnd() % phnum(valid));
                put64(ph + 8 + 8 * (rnd() % 6), interesting[rnd() % (sizeof interesting / sizeof interesting[0])]);
                break;
            }
            case 2: /* an interesting entry point */
                put64(e + 24, rnd() % 2 ? interesting[rnd() % (sizeof interesting / sizeof interesting[0])]
                                        : get64(e + 24) + (rnd() % 64) - 32);
                break;
            default: /* truncate */
                len = (size_t)(rnd() % (valid_len + 1));
                break;
            }
        }
        char err[256];
        zk_vm_config config = {.max_cycles = 200000, .max_memory = 32u << 20};
        zk_vm *vm = zk_vm_new(e, len, &config, err, sizeof err);
        if (vm) {
            accepted++;
            zk_vm_run(vm); /* whatever the mutated program does, it must end cleanly */
            zk_vm_free(vm);
        } else {
            rejected++;
            if (err[0] == '\0') {
                printf("FAIL random %u: rejected without a message\n", it);
                failures++;
            }
        }
        free(e);
    }
    printf("random mutations: %zu rejected with a message, %zu loaded and ran to a bounded end\n", rejected,
           accepted);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s VALID.elf OUTDIR\n", argv[0]);
        return 2;
    }
    size_t len;
    uint8_t *valid = read_file(argv[1], &len);
    if (!valid) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    char err[256];
    zk_vm *vm = zk_vm_new(valid, len, NULL, err, sizeof err);
    if (!vm) {
        printf("FAIL: the valid ELF is rejected: %s\n", err);
        return 1;
    }
    zk_vm_free(vm);
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", argv[2]);
    if (system(cmd) != 0)
        return 2;
    run_targeted(valid, len, argv[2]);
    run_random(valid, len, 3000);
    free(valid);
    if (failures)
        printf("%d failures\n", failures);
    return failures ? 1 : 0;
}
