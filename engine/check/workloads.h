// The "workloads" category of `meshform check`: in every cluster a workload is placed in, its
// Deployment is available and runs the image the topology says there (overrides applied, as
// resources/workloads.h builds the cluster's Deployment); every workload namespace that asks
// for sidecar injection has it enabled; a workload's Service has the same ports and protocols
// in every cluster that serves it (as istioctl analyze's MultiClusterInconsistentService); with
// KubeFed, every Federated object exists in the host with the topology's placement and
// overrides. Reads only.
#pragma once

#include <vector>

#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"
#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::check {

std::vector<Check> WorkloadChecks(const kube::ClusterClients& clients, const topology::Topology& t,
                                  const resources::ResourceSet& desired);

}  // namespace meshform::check
