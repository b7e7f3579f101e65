// The cloud-controller stand-in (see load_balancer.h).
#include "tools/stand-ins/load_balancer.h"

#include <spdlog/spdlog.h>

#include <set>

namespace meshform::standins {
namespace {

using nlohmann::json;

bool IsLoadBalancer(const json& service) {
  return service.value("spec", json::object()).value("type", "") == "LoadBalancer";
}

json Ingress(const json& service) {
  json ingress = json::array();
  auto status = service.find("status");
  if (status == service.end() || !status->contains("loadBalancer")) return ingress;
  return (*status)["loadBalancer"].value("ingress", ingress);
}

}  // namespace

LoadBalancerAssigner::LoadBalancerAssigner(kube::Client& client, const AddressPool& pool)
    : client_(client), pool_(pool) {}

int LoadBalancerAssigner::Sync() {
  kube::ListOptions options;
  options.resource_version = "0";  // from the watch cache: polling etcd loaded the machine
  std::vector<json> services = client_.List("v1", "Service", options).items;
  std::set<std::string> used;
  auto now = std::chrono::steady_clock::now();
  std::erase_if(recent_, [&](const auto& r) { return now - r.first > std::chrono::seconds(30); });
  for (const auto& r : recent_) used.insert(r.second);
  for (const json& service : services) {
    for (const json& entry : Ingress(service)) used.insert(entry.value("ip", ""));
  }
  int assigned = 0;
  for (json& service : services) {
    if (!IsLoadBalancer(service) || !Ingress(service).empty()) continue;
    if (service["metadata"].contains("deletionTimestamp")) continue;
    std::string address = pool_.NextLoadBalancerAddress(used);
    service["status"]["loadBalancer"]["ingress"] = json::array({{{"ip", address}}});
    try {
      client_.ReplaceStatus(service);
    } catch (const kube::Conflict&) {
      continue;
    } catch (const kube::NotFound&) {
      continue;
    }
    used.insert(address);
    recent_.emplace_back(now, address);
    ++assigned;
    spdlog::info("{}: service {}/{} gets load-balancer address {}", client_.cluster(),
                 service["metadata"].value("namespace", ""), service["metadata"].value("name", ""),
                 address);
  }
  return assigned;
}

}  // namespace meshform::standins
