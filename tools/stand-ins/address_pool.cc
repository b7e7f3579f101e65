// Address allocation of the stand-ins (see address_pool.h).
#include "tools/stand-ins/address_pool.h"

#include <stdexcept>

namespace meshform::standins {

AddressPool::AddressPool(int cluster_index) : index_(cluster_index) {}

std::string AddressPool::NextLoadBalancerAddress(const std::set<std::string>& used) const {
  const std::string third = std::to_string((10 + index_) % 256);
  for (int second = 0; second < 256; ++second) {
    for (int fourth = 1; fourth < 255; ++fourth) {
      std::string address =
          "127." + std::to_string(second) + "." + third + "." + std::to_string(fourth);
      if (!used.count(address)) return address;
    }
  }
  throw std::runtime_error("no free load-balancer address left");
}

std::string AddressPool::NextPodIp() {
  unsigned n = pod_counter_++ % (256 * 254);
  return "127." + std::to_string((16 + index_) % 256) + "." + std::to_string(n / 254) + "." +
         std::to_string(n % 254 + 1);
}

}  // namespace meshform::standins
