// Mesh roles: which clusters run istiod (primaries) and which primaries read which clusters.
//
// primary-remote (the seed): the control-plane cluster is the only primary; every other cluster
// is a remote that it reads through a remote secret, and whose Istio uses the primary's
// gateway address as remotePilotAddress. multi-primary: every cluster runs istiod and every
// primary reads every other cluster.
#pragma once

#include <string>
#include <vector>

#include "engine/topology/model.h"

namespace meshform::resources {

inline constexpr const char* kIstioNamespace = "istio-system";
inline constexpr const char* kIngressGatewayService = "istio-ingressgateway";

bool IsPrimary(const topology::Topology& t, const topology::Cluster& cluster);

// The primaries that must read `cluster` (every primary but the cluster itself), by name.
std::vector<std::string> ReadersOf(const topology::Topology& t, const topology::Cluster& cluster);

// The cluster whose istiod a remote uses (primary-remote only; "" otherwise).
std::string ControlPlaneClusterFor(const topology::Topology& t, const topology::Cluster& cluster);

}  // namespace meshform::resources
