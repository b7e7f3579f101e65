// What producing or reading a value may use: the clusters' clients, the store of values known
// so far, and where the persisted root CA lives. One context for plan (which reads what is
// already known) and apply (which produces the rest).
#pragma once

#include <chrono>
#include <string>

#include "engine/kube/cluster_clients.h"
#include "engine/values/value_store.h"

namespace meshform::values {

struct Context {
  const kube::ClusterClients& clients;
  ValueStore& store;
  std::string topology;           // names the persisted root CA Secret
  std::string inventory_cluster;  // where the root CA Secret lives
  std::string kubeconfig_path;    // for cluster-endpoint values ("" = kubectl's rules)
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  // Intermediates that expire within this are reissued (topology: ca.intermediate.renewBeforeDays).
  std::chrono::seconds default_renew_before{30 * 24 * 3600};
};

}  // namespace meshform::values
