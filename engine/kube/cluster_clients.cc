#include "engine/kube/cluster_clients.h"

#include "engine/util/error.h"

namespace meshform::kube {

ClusterClients::ClusterClients(const std::vector<ClusterContext>& clusters,
                               const std::string& kubeconfig_path, const ClientOptions& options) {
  auto kubeconfig = Kubeconfig::Load(kubeconfig_path);
  for (const auto& cluster : clusters) {
    try {
      auto config = kubeconfig.Resolve(cluster.context);
      clients_[cluster.cluster] = std::make_shared<Client>(config, options);
      configs_[cluster.cluster] = std::move(config);
    } catch (const std::exception& e) {
      throw Error("cluster " + cluster.cluster + " (context '" + cluster.context +
                  "'): " + e.what());
    }
  }
}

ClusterClients::ClusterClients(std::map<std::string, std::shared_ptr<Client>> clients)
    : clients_(std::move(clients)) {}

Client& ClusterClients::For(const std::string& cluster) const {
  auto it = clients_.find(cluster);
  if (it == clients_.end()) throw Error("no client for cluster '" + cluster + "'");
  return *it->second;
}

std::optional<ClusterConfig> ClusterClients::Config(const std::string& cluster) const {
  auto it = configs_.find(cluster);
  if (it == configs_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ClusterClients::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : clients_) names.push_back(name);
  return names;
}

}  // namespace meshform::kube
