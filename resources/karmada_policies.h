// Karmada's view of the workloads, in its control plane (the host cluster's API server):
//   - the resource templates: the workload's base Deployment (no overrides) and its Service
//     (services.h), in the host; since the host's API server *is* the control plane here, they
//     are also the host cluster's own objects (the topology checks require the host in every
//     placement, without an override);
//   - a PropagationPolicy per workload, named after it: resourceSelectors for its Deployment
//     and Service (apiVersion, kind, name), placement.clusterAffinity.clusterNames = the
//     placement, replicaScheduling Duplicated (each member runs spec.replicas);
//   - an OverridePolicy per workload with overrides, named after it: one overrideRule per
//     overridden cluster (targetCluster.clusterNames: [cluster]) whose plaintext overriders
//     are the JSON-pointer patches KubeFed gets (workloads.h, OverridePatches), operator
//     replace or add.
// Order (explicit edges, besides the rules of ordering_rules.cc): a template after the Cluster
// objects and the member namespaces of its placement and the ResourceBinding CRD, so that
// destroy deletes it, and waits until Karmada has deleted the member objects (and its
// binding), before they go; the PropagationPolicy after
// its templates and its OverridePolicy, so that the first propagation already carries the
// overrides and the policy's readiness (its ResourceBinding) can be waited for.
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

void CompileKarmadaPolicies(const topology::Topology& t, ResourceSet& out);

json PropagationPolicyObject(const topology::Workload& w);
// Null when the workload has no override.
json OverridePolicyObject(const topology::Workload& w);

}  // namespace meshform::resources
