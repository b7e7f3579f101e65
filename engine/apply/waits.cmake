# The waits' sources (readiness rules as data, WaitUntilReady/WaitUntilGone). The apply
# module's CMakeLists.txt includes this file and adds ${MESHFORM_APPLY_WAIT_SOURCES} to
# meshform_apply.
set(MESHFORM_APPLY_WAIT_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/readiness_checks.cc
  ${CMAKE_CURRENT_LIST_DIR}/readiness_rules.cc
  ${CMAKE_CURRENT_LIST_DIR}/waits.cc
  ${CMAKE_CURRENT_LIST_DIR}/waits_errors.cc
  ${CMAKE_CURRENT_LIST_DIR}/waits_poll.cc)

# meshform_waits: the waits alone on top of meshform_kube, for their own tests (so that they
# build without the executor's dependencies). Not linked together with meshform_apply.
function(meshform_waits_library out)
  if(NOT TARGET meshform_waits)
    add_library(meshform_waits STATIC ${MESHFORM_APPLY_WAIT_SOURCES})
    target_link_libraries(meshform_waits PUBLIC meshform_kube)
  endif()
  set(${out} meshform_waits PARENT_SCOPE)
endfunction()
