# Installation (cmake --install) and the Debian package (cpack -G DEB; tools/package):
#   bin/meshform
#   share/meshform/schemas/                        the topology, plan and check schemas
#   share/doc/meshform/examples/                   the example topologies
#   share/doc/meshform/tools/istio-renderer        the stand-in renderer the examples name
#                                                  (../../tools/istio-renderer from each one)
#   share/bash-completion/completions/meshform     written by `meshform completion bash`
# Installing builds nothing (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY): build the targets meshform and
# meshform_completion first, as tools/package does, instead of every test program.
include(GNUInstallDirs)
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

install(TARGETS meshform RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/meshform/schemas)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/tools/istio-renderer DESTINATION ${CMAKE_INSTALL_DOCDIR}/tools)
install(FILES ${CMAKE_BINARY_DIR}/completion/meshform
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME meshform)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "meshform maintainers <meshform@example.org>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "declarative plan/apply engine for multi-cluster Istio service meshes")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # meshform_<version>_<arch>.deb
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
# The runtime libraries' packages, found by dpkg-shlibdeps from the binary (Debian's way); without
# it (not a Debian machine) the package declares none.
find_program(MESHFORM_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(MESHFORM_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "kubectl | kubernetes-client")
include(CPack)
