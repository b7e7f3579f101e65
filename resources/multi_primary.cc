// Mesh roles for primary-remote and multi-primary meshes.
#include "resources/multi_primary.h"

namespace meshform::resources {

using topology::ControlPlaneMode;

bool IsPrimary(const topology::Topology& t, const topology::Cluster& cluster) {
  if (t.mesh.control_plane.mode == ControlPlaneMode::kMultiPrimary) return true;
  return cluster.name == t.mesh.control_plane.cluster;
}

std::vector<std::string> ReadersOf(const topology::Topology& t, const topology::Cluster& cluster) {
  std::vector<std::string> readers;
  for (const auto& c : t.clusters)
    if (c.name != cluster.name && IsPrimary(t, c)) readers.push_back(c.name);
  return readers;
}

std::string ControlPlaneClusterFor(const topology::Topology& t, const topology::Cluster& cluster) {
  if (IsPrimary(t, cluster)) return "";
  return t.mesh.control_plane.cluster;
}

}  // namespace meshform::resources
