// Generated topologies for scale tests and benchmarks: three clusters (multi-primary, two
// networks, direct placement) and N workloads in one namespace, each a Deployment and a Service
// in every cluster, so that N workloads make about 6N objects plus the mesh's own.
#pragma once

#include <string>
#include <vector>

namespace meshform::testing {

std::string GeneratedTopology(const std::string& name, int workloads,
                              const std::vector<std::string>& contexts,
                              const std::string& ns = "bench");

}  // namespace meshform::testing
