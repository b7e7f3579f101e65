// KubeFed federated objects in the host cluster, as in the seed: a FederatedNamespace per
// workload namespace (template labels istio-injection=enabled, placed on every cluster a
// workload of that namespace runs in) and a FederatedDeployment per workload, whose template
// is the workload's base Deployment without apiVersion/kind and with only metadata.labels
// (as `kubefedctl federate` builds it), with placement.clusters and JSON-pointer overrides.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileFederated(const topology::Topology& t, ResourceSet& out);

json FederatedDeploymentObject(const topology::Workload& w);
json FederatedNamespaceObject(const std::string& ns, bool injection,
                              const std::vector<std::string>& clusters);

}  // namespace meshform::resources
