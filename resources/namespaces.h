// Namespaces meshform creates in every cluster: istio-system, labelled with the cluster's
// network (topology.istio.io/network), and the workload namespaces of the workloads placed in
// the cluster, labelled istio-injection=enabled when a workload there wants a sidecar.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileNamespaces(const topology::Topology& t, ResourceSet& out);

// A Namespace object named `name` with `labels`.
json NamespaceObject(const std::string& name, const json& labels = json::object());

}  // namespace meshform::resources
