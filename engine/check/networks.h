// The "networks" category of `meshform check`: istio-system in every cluster carries the
// topology.istio.io/network label of the cluster's network; every LoadBalancer Service the
// topology compiles (the cross-network gateways) has an address in status.loadBalancer.ingress;
// every cross-network Gateway serves the port of its cluster's network. Reads only.
#pragma once

#include <vector>

#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"
#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::check {

std::vector<Check> NetworkChecks(const kube::ClusterClients& clients, const topology::Topology& t,
                                 const resources::ResourceSet& desired);

}  // namespace meshform::check
