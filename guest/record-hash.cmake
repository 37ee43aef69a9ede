# record-hash.cmake -DELF=<file> -DFORMAT=<input format> -DRULES=<chain rules>
# [-DREADELF=<llvm-readelf>]: checks that the ELF is pure RV64IM (no C, A, F, D:
# Tag_RISCV_arch rv64i2p0_m2p0), then prints its SHA-256 and writes
# "<sha256>  <file name>  format=<format> rules=<rules>" to <file>.sha256.
get_filename_component(name ${ELF} NAME)
if(READELF)
  execute_process(COMMAND ${READELF} -A ${ELF} OUTPUT_VARIABLE attrs RESULT_VARIABLE rc)
  string(REGEX MATCH "rv64[a-z0-9_]*" arch "${attrs}")
  if(NOT rc EQUAL 0 OR NOT arch STREQUAL "rv64i2p0_m2p0")
    file(REMOVE ${ELF})
    message(FATAL_ERROR "${name}: architecture '${arch}', not rv64i2p0_m2p0")
  endif()
endif()
file(SHA256 ${ELF} hash)
file(WRITE ${ELF}.sha256 "${hash}  ${name}  format=${FORMAT} rules=${RULES}\n")
message("${name}: sha256 ${hash} (input format ${FORMAT}, ${RULES} rules)")
