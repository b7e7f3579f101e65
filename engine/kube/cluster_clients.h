// One Kubernetes client per cluster of a topology, reached through its kubeconfig context. Shared
// by plan and apply; clients are created once and are safe to use from many threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "engine/kube/client.h"

namespace meshform::kube {

// A topology cluster and the kubeconfig context that reaches it.
struct ClusterContext {
  std::string cluster;
  std::string context;
};

class ClusterClients {
 public:
  // Clients for every cluster of `clusters`, from `kubeconfig_path` ("" = kubectl's rules).
  // Throws meshform::Error naming the cluster and context when a context is missing.
  ClusterClients(const std::vector<ClusterContext>& clusters, const std::string& kubeconfig_path,
                 const ClientOptions& options = {});
  // For tests: clients supplied directly, by cluster name.
  explicit ClusterClients(std::map<std::string, std::shared_ptr<Client>> clients);

  Client& For(const std::string& cluster) const;
  // The resolved kubeconfig context of `cluster` (absent for clients supplied directly).
  std::optional<ClusterConfig> Config(const std::string& cluster) const;
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, std::shared_ptr<Client>> clients_;
  std::map<std::string, ClusterConfig> configs_;
};

}  // namespace meshform::kube
