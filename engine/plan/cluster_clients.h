// One Kubernetes client per topology cluster, reached through its kubeconfig context. Shared by
// plan and apply; clients are created once and are safe to use from many threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "engine/kube/client.h"
#include "engine/topology/model.h"

namespace meshform::plan {

class ClusterClients {
 public:
  // Clients for every cluster of `topology`, from `kubeconfig_path` ("" = kubectl's rules).
  // Throws meshform::Error naming the cluster and context when a context is missing.
  ClusterClients(const topology::Topology& topology, const std::string& kubeconfig_path,
                 const kube::ClientOptions& options = {});
  // For tests: clients supplied directly, by cluster name.
  explicit ClusterClients(std::map<std::string, std::shared_ptr<kube::Client>> clients);

  kube::Client& For(const std::string& cluster) const;
  // The resolved kubeconfig context of `cluster` (absent for clients supplied directly).
  std::optional<kube::ClusterConfig> Config(const std::string& cluster) const;
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, std::shared_ptr<kube::Client>> clients_;
  std::map<std::string, kube::ClusterConfig> configs_;
};

}  // namespace meshform::plan
