// Addresses on 127.0.0.0/8 for the stand-ins: load-balancer addresses unique per cluster and
// service (127.0.X.Y with X = 10 + the cluster's index, then 127.1.X.Y, ...), and pod IPs.
#pragma once

#include <set>
#include <string>

namespace meshform::standins {

class AddressPool {
 public:
  explicit AddressPool(int cluster_index);

  // The first load-balancer address of this cluster that is not in `used`.
  std::string NextLoadBalancerAddress(const std::set<std::string>& used) const;
  // A pod IP of this cluster (127.<16+index>.x.y, cycling).
  std::string NextPodIp();

 private:
  int index_;
  unsigned pod_counter_ = 0;
};

}  // namespace meshform::standins
