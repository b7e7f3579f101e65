# meshform_fuzz_target(NAME SOURCE fuzzer.cc RUN run-script [ARGS ...]
#                      MODULE module | CODE file.cc... DEPS lib...): the libFuzzer target
# NAME_fuzzer (in <build>/fuzz/) and the custom target fuzz_NAME that runs it for
# MESHFORM_FUZZ_SECONDS through `RUN fuzzer workdir seconds ARGS...` (crashes land in
# <build>/fuzz/NAME/artifacts). The code under test is compiled again with coverage
# instrumentation, ASan and UBSan, so that the rest of the build is unaffected: a whole module
# (MODULE: meshform_MODULE_fuzz, shared by the module's fuzzers, linked with the module's own
# dependencies), or only the listed files (CODE, paths below the project root, linked with DEPS)
# when the module sits high in the layering and the reader needs little of it. tools/fuzz runs
# every target listed in <build>/fuzz/targets (written by tests/CMakeLists.txt).
include_guard(GLOBAL)

if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "MESHFORM_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++)")
endif()
set(MESHFORM_FUZZ_SECONDS 30 CACHE STRING "How long each `ninja fuzz_NAME` fuzzes")

function(meshform_fuzz_module module)
  if(TARGET meshform_${module}_fuzz)
    return()
  endif()
  get_target_property(sources meshform_${module} SOURCES)
  get_target_property(dir meshform_${module} SOURCE_DIR)
  get_target_property(deps meshform_${module} LINK_LIBRARIES)
  set(instrumented "")
  foreach(source ${sources})
    if(IS_ABSOLUTE ${source})
      list(APPEND instrumented ${source})
    else()
      list(APPEND instrumented ${dir}/${source})
    endif()
  endforeach()
  add_library(meshform_${module}_fuzz STATIC ${instrumented})
  target_compile_options(meshform_${module}_fuzz PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                                        -fno-sanitize-recover=undefined)
  target_link_libraries(meshform_${module}_fuzz PUBLIC ${deps})
endfunction()

function(meshform_fuzz_target name)
  cmake_parse_arguments(F "" "MODULE;SOURCE;RUN" "ARGS;CODE;DEPS" ${ARGN})
  if(F_MODULE)
    meshform_fuzz_module(${F_MODULE})
    set(code meshform_${F_MODULE}_fuzz)
  else()
    list(TRANSFORM F_CODE PREPEND ${PROJECT_SOURCE_DIR}/)
    set(code meshform_${name}_fuzz_code)
    add_library(${code} STATIC ${F_CODE})
    target_compile_options(${code} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                           -fno-sanitize-recover=undefined)
    target_link_libraries(${code} PUBLIC ${F_DEPS})
  endif()
  add_executable(${name}_fuzzer ${F_SOURCE})
  target_compile_options(${name}_fuzzer PRIVATE -fsanitize=fuzzer,address,undefined
                                                -fno-sanitize-recover=undefined)
  target_link_options(${name}_fuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(${name}_fuzzer PRIVATE ${code})
  set_target_properties(${name}_fuzzer PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  add_custom_target(fuzz_${name}
    COMMAND ${F_RUN} $<TARGET_FILE:${name}_fuzzer> ${CMAKE_BINARY_DIR}/fuzz/${name}
            ${MESHFORM_FUZZ_SECONDS} ${F_ARGS}
    DEPENDS ${name}_fuzzer
    USES_TERMINAL
    COMMENT "Fuzzing ${name} for ${MESHFORM_FUZZ_SECONDS} s")
  set_property(GLOBAL APPEND PROPERTY MESHFORM_FUZZ_TARGETS ${name})
endfunction()
