#include "engine/plan/cluster_clients.h"

#include "engine/util/error.h"

namespace meshform::plan {

ClusterClients::ClusterClients(const topology::Topology& topology,
                               const std::string& kubeconfig_path,
                               const kube::ClientOptions& options) {
  auto kubeconfig = kube::Kubeconfig::Load(kubeconfig_path);
  for (const auto& cluster : topology.clusters) {
    try {
      auto config = kubeconfig.Resolve(cluster.context);
      clients_[cluster.name] = std::make_shared<kube::Client>(config, options);
      configs_[cluster.name] = std::move(config);
    } catch (const std::exception& e) {
      throw Error("cluster " + cluster.name + " (context '" + cluster.context + "'): " + e.what());
    }
  }
}

ClusterClients::ClusterClients(std::map<std::string, std::shared_ptr<kube::Client>> clients)
    : clients_(std::move(clients)) {}

kube::Client& ClusterClients::For(const std::string& cluster) const {
  auto it = clients_.find(cluster);
  if (it == clients_.end()) throw Error("no client for cluster '" + cluster + "'");
  return *it->second;
}

std::optional<kube::ClusterConfig> ClusterClients::Config(const std::string& cluster) const {
  auto it = configs_.find(cluster);
  if (it == configs_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ClusterClients::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : clients_) names.push_back(name);
  return names;
}

}  // namespace meshform::plan
