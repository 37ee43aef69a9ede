/* bench_guest.c — guest cost of each precompile: runs the benchmark cases of
 * src/crypto/precompile_bench.c once each through zk_precompile_run inside a named zkl1 VM cycle
 * region (ecalls 0x1002/0x1003, src/guest/zkl1_ecall.h), so that
 *     zkl1 run bench_guest.elf --report r.json
 * reports the rv64im cycles of the software path per case. Prints "name gas ok" lines.
 * Built by riscv/build-kat.sh; summarised by riscv/bench-guest.sh. Under qemu the region ecalls
 * are unknown syscalls and simply return an error. */
#include "../src/crypto/precompile_bench.h"
#include "../src/crypto/precompiles.h"

#define ZKL1_ECALL_REGION_BEGIN 0x1002
#define ZKL1_ECALL_REGION_END 0x1003

static long ecall3(long n, long a0, long a1, long a2)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
    return r0;
}

static size_t length(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void print(const char *s) { ecall3(64, 1, (long)s, (long)length(s)); }

static void print_u64(uint64_t v)
{
    char buf[24];
    int i = 23;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    print(buf + i);
}

static _Alignas(16) uint8_t input_mem[1 << 20];
static _Alignas(16) uint8_t work_mem[16 << 20];

int main(void)
{
    zk_arena inputs, work;
    zk_arena_init_fixed(&inputs, input_mem, sizeof input_mem);
    zk_arena_init_fixed(&work, work_mem, sizeof work_mem);
    zk_bench_case cases[64];
    size_t n = zk_precompile_bench_cases(&inputs, cases, 64);
    if (n == 0)
        return 1;
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        zk_address addr = {{0}};
        addr.b[18] = (uint8_t)(cases[i].address >> 8);
        addr.b[19] = (uint8_t)cases[i].address;
        zk_arena_mark m = zk_arena_get_mark(&work);
        uint64_t used = 0;
        bool ok = false;
        zk_bytes out;
        const char *name = cases[i].name;
        ecall3(ZKL1_ECALL_REGION_BEGIN, (long)name, (long)length(name), 0);
        zk_status st = zk_precompile_run(ZK_FORK_OSAKA, &addr, cases[i].input, cases[i].len, 100000000, &work,
                                         &used, &ok, &out);
        ecall3(ZKL1_ECALL_REGION_END, (long)name, (long)length(name), 0);
        zk_arena_reset(&work, m);
        print(name);
        print(" ");
        print_u64(used);
        print(st == ZK_OK && ok ? " ok\n" : " FAILED\n");
        failures += !(st == ZK_OK && ok);
    }
    return failures != 0;
}
