// A workload's Deployment, shared by direct placement (one Deployment per cluster, overrides
// applied) and KubeFed (the FederatedDeployment template, overrides as JSON-pointer patches).
//
// Labels: app=<name> plus the workload's labels; the selector matches all of them, as the
// seed's helloworld does (app and version).
#pragma once

#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::resources {

// The labels of `w` in `cluster` ("" for the base, without overrides).
json WorkloadLabels(const topology::Workload& w, const std::string& cluster = "");

// The Deployment of `w` in `cluster` ("" for the base, without overrides).
json DeploymentObject(const topology::Workload& w, const std::string& cluster = "");

// KubeFed clusterOverrides turning the base Deployment into the one for `cluster`: image, then
// for each changed label the pod template, selector and metadata labels, then replicas (the
// seed's order). Empty when the workload has no override for the cluster.
json OverridePatches(const topology::Workload& w, const std::string& cluster);

// A JSON-pointer reference token (RFC 6901: ~ -> ~0, / -> ~1).
std::string PointerToken(const std::string& key);

}  // namespace meshform::resources
