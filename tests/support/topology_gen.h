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

// The example topology `file` (whose renderer path is relative to its folder) as text that
// works from any folder, plus one manifest the API server rejects when it is applied (a Service
// port out of range, shanghai/v1/Service/sample/out-of-range, after shanghai's namespace
// sample): planned like the rest, it fails the apply late, which then rolls back.
std::string WithRejectedManifest(const std::string& file);

}  // namespace meshform::testing
