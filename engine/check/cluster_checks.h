// The "clusters" category: for every cluster of a topology, its context is in the kubeconfig,
// its API server answers, the context's user authenticates, and the server's Kubernetes version
// is one meshform supports. Connects one client per cluster (a missing context is a failed
// check, not an exception) and hands the clients of the reachable ones back.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/check/report.h"
#include "engine/kube/client.h"
#include "engine/kube/cluster_clients.h"

namespace meshform::check {

// Kubernetes minor versions (of 1.x): meshform's API use (server-side apply, v1 CRDs and
// admission webhooks, coordination.k8s.io/v1 Leases, policy/v1beta1) needs at least
// kMinSupportedMinor; its tests run on kTestedMinor (Debian's kubernetes package).
inline constexpr int kMinSupportedMinor = 20;
inline constexpr int kTestedMinor = 20;

struct ClusterProbes {
  std::vector<Check> checks;
  // The clients of the clusters that passed every check, by cluster.
  std::map<std::string, std::shared_ptr<kube::Client>> reachable;
  bool AllReachable(size_t clusters) const { return reachable.size() == clusters; }
};

// `clusters`: (cluster, context) of the topology; `kubeconfig` as kubectl finds it when "".
ClusterProbes ProbeClusters(const std::vector<kube::ClusterContext>& clusters,
                            const std::string& kubeconfig, const kube::ClientOptions& options,
                            int parallelism);

// "v1.20.2" -> 20 (minor of 1.x); nothing when it cannot be read.
std::optional<int> MinorVersion(const std::string& git_version);

}  // namespace meshform::check
