# deps.cmake — imported targets for the third-party host libraries built by scripts/fetch-deps.sh
# (pinned versions and SHA-256 checks: third_party/SHA256SUMS, recipes: third_party/recipes.sh).
#
#   zk_dep_secp256k1  libsecp256k1 0.2.0 (recovery module, static tables, external callbacks)
#   zk_dep_blst       blst from c-kzg 4.1.0 (BLS12-381, KZG, SHA-256)
#   zk_dep_bearssl    BearSSL 0.6 subset (tests only: P-256 and SHA-256 oracles, P-256 signing)
#   zk_dep_tommath    libtommath 1.2.0 (modexp; libc malloc on the host)
#   zk_deps_crypto    all four, for zk_crypto to link
#
# Third-party headers are exposed as SYSTEM includes so that -Werror does not apply to them.

set(ZK_DEPS_HOST_DIR "${ZK_DEPS_DIR}/host")

set(_zk_dep_libs secp256k1 blst bearssl tommath)
set(_zk_missing "")
foreach(_lib IN LISTS _zk_dep_libs)
  if(NOT EXISTS "${ZK_DEPS_HOST_DIR}/lib/lib${_lib}.a")
    list(APPEND _zk_missing "lib${_lib}.a")
  endif()
endforeach()
if(_zk_missing)
  message(FATAL_ERROR
    "zkl1: third-party crypto libraries missing in ${ZK_DEPS_HOST_DIR}/lib: ${_zk_missing}.\n"
    "Run scripts/fetch-deps.sh (or scripts/setup.sh) once; it downloads the pinned sources, "
    "checks their SHA-256 and builds them.")
endif()

add_library(zk_deps_crypto INTERFACE)
foreach(_lib IN LISTS _zk_dep_libs)
  add_library(zk_dep_${_lib} STATIC IMPORTED GLOBAL)
  set_target_properties(zk_dep_${_lib} PROPERTIES
    IMPORTED_LOCATION "${ZK_DEPS_HOST_DIR}/lib/lib${_lib}.a"
    INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${ZK_DEPS_HOST_DIR}/include"
    INTERFACE_INCLUDE_DIRECTORIES "${ZK_DEPS_HOST_DIR}/include")
  target_link_libraries(zk_deps_crypto INTERFACE zk_dep_${_lib})
endforeach()

# Source trees, for tests that read reference data shipped with a dependency (the KZG trusted setup).
set(ZK_DEPS_SRC_DIR "${ZK_DEPS_DIR}/src")
