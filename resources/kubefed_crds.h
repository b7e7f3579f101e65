// The KubeFed CRDs meshform's objects need in the host cluster (KubeFedCluster,
// FederatedNamespace, FederatedDeployment), so that the federated objects can be applied even
// before a KubeFed control plane runs. Shapes follow kubefed v0.10.0 (one version, v1beta1,
// served and stored, Namespaced, status subresource), with the schema left open
// (x-kubernetes-preserve-unknown-fields). meshform does not install the KubeFed controllers.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileKubefedCrds(const topology::Topology& t, ResourceSet& out);

// A structural CRD with an open schema and a status subresource; `scope` Namespaced or Cluster.
json CrdObject(const std::string& group, const std::string& kind, const std::string& plural,
               const std::string& version, const json& short_names,
               const std::string& scope = "Namespaced");

}  // namespace meshform::resources
