# env.sh — the rv64im guest toolchain settings shared by riscv/build-deps.sh and
# riscv/build-kat.sh (docs/crypto-deps.md §4). Sourced.
ZK_RV_TARGET="--target=riscv64-unknown-elf -march=rv64im -mabi=lp64 -mcmodel=medany -mno-relax"
ZK_RV_FREESTANDING="-ffreestanding -nostdlib -ffunction-sections -fdata-sections -fno-jump-tables"
ZK_RV_CC="${RV_CC:-clang} $ZK_RV_TARGET $ZK_RV_FREESTANDING"
ZK_RV_LD="${RV_LD:-ld.lld}"
ZK_RV_AR="$(command -v llvm-ar || echo llvm-ar)"
ZK_RV_QEMU="qemu-riscv64 -cpu rv64,c=false,a=false,f=false,d=false"
