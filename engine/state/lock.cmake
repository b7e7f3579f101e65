# The topology lock's sources besides lock.cc (which CMakeLists.txt adds itself), appended to
# meshform_state. meshform_lock holds the lock alone on top of meshform_kube, for the lock's
# own tests (they build without the inventory's dependencies); never link it together with
# meshform_state.
list(APPEND MESHFORM_STATE_SOURCES lease_elector.cc lease_record.cc lock_identity.cc)
add_library(meshform_lock STATIC
  ${CMAKE_CURRENT_LIST_DIR}/lease_elector.cc
  ${CMAKE_CURRENT_LIST_DIR}/lease_record.cc
  ${CMAKE_CURRENT_LIST_DIR}/lock.cc
  ${CMAKE_CURRENT_LIST_DIR}/lock_identity.cc)
target_link_libraries(meshform_lock PUBLIC meshform_kube)
