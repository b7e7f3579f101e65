// Per-cluster Deployments for direct placement.
#include "resources/direct.h"

#include "resources/workloads.h"

namespace meshform::resources {

void CompileDirectPlacement(const topology::Topology& t, ResourceSet& out) {
  if (t.federation.type != topology::FederationType::kDirect) return;
  for (const auto& w : t.workloads)
    for (const auto& cluster : w.placement)
      out.push_back(MakeObject(cluster, DeploymentObject(w, cluster), t.name, w.location));
}

}  // namespace meshform::resources
