// The kubelet stand-in: every Pending pod of a cluster is "started" by writing a Running,
// Ready status through the status subresource, so that the real ReplicaSet and Deployment
// controllers count it and make its Deployment available by themselves.
#pragma once

#include "engine/kube/client.h"
#include "tools/stand-ins/address_pool.h"

namespace meshform::standins {

class PodStarter {
 public:
  PodStarter(kube::Client& client, AddressPool& pool);
  // One pass over the Pending pods; returns how many were started.
  int Sync();

 private:
  bool Start(nlohmann::json pod);

  kube::Client& client_;
  AddressPool& pool_;
};

}  // namespace meshform::standins
