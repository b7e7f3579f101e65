// The cloud-controller stand-in: every Service of type LoadBalancer without an address gets
// status.loadBalancer.ingress = [{ip: 127.0.X.Y}], unique within its cluster (X per cluster,
// so also across the clusters of one harness), through the status subresource.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "engine/kube/client.h"
#include "tools/stand-ins/address_pool.h"

namespace meshform::standins {

class LoadBalancerAssigner {
 public:
  LoadBalancerAssigner(kube::Client& client, const AddressPool& pool);
  // One pass over the cluster's Services; returns how many got an address.
  int Sync();

 private:
  kube::Client& client_;
  const AddressPool& pool_;
  // Addresses given out lately: the list comes from the API server's watch cache, which may
  // not show them yet, and an address must never be given twice.
  std::vector<std::pair<std::chrono::steady_clock::time_point, std::string>> recent_;
};

}  // namespace meshform::standins
