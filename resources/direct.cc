// Per-cluster Deployments for direct placement.
#include "resources/direct.h"

#include "resources/workloads.h"

namespace meshform::resources {

void CompileDirectPlacement(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kDirect) return;
  for (const auto& w : t.workloads) {
    // Clusters without an override get the same Deployment: built once, copied.
    json common = DeploymentObject(w, "");
    for (const auto& cluster : w.placement) {
      bool overridden = w.overrides.count(cluster) != 0;
      out.push_back(MakeObject(cluster, overridden ? DeploymentObject(w, cluster) : common, t.name,
                               w.location));
    }
  }
}

}  // namespace meshform::resources
