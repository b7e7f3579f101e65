// A Service per workload with ports, in every cluster the workload is placed in, as the seed
// applies helloworld-svc.yaml to both clusters: labels app=<name>, selector app=<name> (so it
// spans every version), one port per declared port. (Karmada: the template in the host only,
// karmada_policies.h.)
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileServices(const topology::Topology& t, ResourceSet& out);

json ServiceObject(const topology::Workload& w);

}  // namespace meshform::resources
