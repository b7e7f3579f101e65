# meshform_resources: compiles a topology into desired resources (see resources/compile.h).
add_library(meshform_resources STATIC
  ${CMAKE_CURRENT_LIST_DIR}/cacerts.cc
  ${CMAKE_CURRENT_LIST_DIR}/command_runner.cc
  ${CMAKE_CURRENT_LIST_DIR}/compile.cc
  ${CMAKE_CURRENT_LIST_DIR}/control_plane.cc
  ${CMAKE_CURRENT_LIST_DIR}/direct.cc
  ${CMAKE_CURRENT_LIST_DIR}/federated.cc
  ${CMAKE_CURRENT_LIST_DIR}/gateway.cc
  ${CMAKE_CURRENT_LIST_DIR}/graph_nodes.cc
  ${CMAKE_CURRENT_LIST_DIR}/render_manifests.cc
  ${CMAKE_CURRENT_LIST_DIR}/kubefed_crds.cc
  ${CMAKE_CURRENT_LIST_DIR}/kubefed_join.cc
  ${CMAKE_CURRENT_LIST_DIR}/multi_primary.cc
  ${CMAKE_CURRENT_LIST_DIR}/namespaces.cc
  ${CMAKE_CURRENT_LIST_DIR}/ordering.cc
  ${CMAKE_CURRENT_LIST_DIR}/ordering_rules.cc
  ${CMAKE_CURRENT_LIST_DIR}/placeholder.cc
  ${CMAKE_CURRENT_LIST_DIR}/raw_manifests.cc
  ${CMAKE_CURRENT_LIST_DIR}/remote_reader.cc
  ${CMAKE_CURRENT_LIST_DIR}/renderer.cc
  ${CMAKE_CURRENT_LIST_DIR}/resource.cc
  ${CMAKE_CURRENT_LIST_DIR}/services.cc
  ${CMAKE_CURRENT_LIST_DIR}/values.cc
  ${CMAKE_CURRENT_LIST_DIR}/workloads.cc
  ${CMAKE_CURRENT_LIST_DIR}/yaml_json.cc)
target_link_libraries(meshform_resources PUBLIC meshform_util nlohmann_json::nlohmann_json yaml-cpp)
foreach(dep meshform_topology meshform_graph)
  if(TARGET ${dep})
    target_link_libraries(meshform_resources PUBLIC ${dep})
  endif()
endforeach()
