// The "remote-pilot-address" check of the control-plane category: a remote cluster reaches
// istiod through the primary's gateway, whose LoadBalancer address meshform wrote into the
// remote's objects when it applied them (placeholders from lb-address/...). Every such field of
// every live object must still hold the gateway Service's current address: a load balancer that
// got a new address leaves the remote's proxies pointing at the old one.
#pragma once

#include <vector>

#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"
#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::check {

std::vector<Check> PilotAddressChecks(const kube::ClusterClients& clients,
                                      const resources::ResourceSet& desired);

}  // namespace meshform::check
