// The "networks" category (see networks.h).
#include "engine/check/networks.h"

#include <algorithm>

#include "engine/check/live.h"

namespace meshform::check {

namespace {

using nlohmann::json;
using resources::Resource;

constexpr const char* kCategory = "networks";
constexpr const char* kNetworkLabel = "topology.istio.io/network";

bool HasNetworkLabel(const Resource& r) {
  return !MetadataValue(r.object, "labels", kNetworkLabel).empty();
}

Check NetworkLabelCheck(kube::Client& client, const topology::Topology& t, const Resource& r) {
  const std::string want = MetadataValue(r.object, "labels", kNetworkLabel);
  Check c{kCategory, "network-label", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  std::string found = live ? MetadataValue(*live, "labels", kNetworkLabel) : "";
  if (found == want) {
    c.message = "namespace " + r.object_name() + " in " + r.cluster + " is on network " + want;
    return c;
  }
  c.result = Result::kFail;
  c.message = !live ? "no namespace " + r.object_name() + " in " + r.cluster
              : found.empty()
                  ? "namespace " + r.object_name() + " in " + r.cluster + " has no label " +
                        kNetworkLabel + " (the topology says " + want + ")"
                  : "namespace " + r.object_name() + " in " + r.cluster + " is labelled " +
                        kNetworkLabel + "=" + found + ", the topology says " + want;
  c.hint = "`" + Kubectl(t, r.cluster) + " label namespace " + r.object_name() + " " +
           kNetworkLabel + "=" + want + " --overwrite`, or `meshform apply`";
  return c;
}

bool IsLoadBalancer(const Resource& r) {
  return r.object.value("spec", json::object()).value("type", "") == "LoadBalancer";
}

std::string IngressAddress(const json& service) {
  const json status = service.value("status", json::object());
  for (const auto& i :
       status.value("loadBalancer", json::object()).value("ingress", json::array())) {
    std::string address = i.value("ip", i.value("hostname", ""));
    if (!address.empty()) return address;
  }
  return "";
}

Check GatewayAddressCheck(kube::Client& client, const topology::Topology& t, const Resource& r) {
  const std::string name = r.object_namespace() + "/" + r.object_name();
  Check c{kCategory, "gateway-address", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  // A Service changed to another type keeps its last load balancer status (1.20 does not clear
  // it), though no load balancer serves it any more.
  const std::string type = live ? live->value("spec", json::object()).value("type", "") : "";
  if (live && type != "LoadBalancer") {
    c.result = Result::kFail;
    c.message = "the gateway Service " + name + " in " + r.cluster + " is of type " +
                (type.empty() ? std::string("ClusterIP") : type) +
                ", not LoadBalancer: other networks cannot reach " + r.cluster;
    c.hint =
        "`meshform apply` restores its type (`--force-conflicts` when the plan shows "
        "another manager changed it)";
    return c;
  }
  std::string address = live ? IngressAddress(*live) : "";
  if (!address.empty()) {
    c.message = "the gateway Service " + name + " in " + r.cluster + " has the address " + address;
    return c;
  }
  c.result = Result::kFail;
  c.message = live ? "the gateway Service " + name + " in " + r.cluster +
                         " has no load balancer address: other networks cannot reach " + r.cluster
                   : "no gateway Service " + name + " in " + r.cluster;
  c.hint = live ? "the cluster's load balancer controller assigns it; see `" +
                      Kubectl(t, r.cluster) + " -n " + r.object_namespace() + " describe service " +
                      r.object_name() + "`"
                : "`meshform apply` creates it";
  return c;
}

std::vector<int> ServerPorts(const json& gateway) {
  std::vector<int> ports;
  for (const auto& s : gateway.value("spec", json::object()).value("servers", json::array()))
    ports.push_back(s.value("port", json::object()).value("number", 0));
  return ports;
}

std::string PortsText(const std::vector<int>& ports) {
  std::string out;
  for (int p : ports) out += (out.empty() ? "" : ", ") + std::to_string(p);
  return out.empty() ? "none" : out;
}

Check GatewayPortCheck(kube::Client& client, const topology::Topology& t, const Resource& r) {
  const topology::Cluster* cluster = t.FindCluster(r.cluster);
  const topology::Network* network = cluster ? t.FindNetwork(cluster->network) : nullptr;
  const std::string name = r.object_namespace() + "/" + r.object_name();
  Check c{kCategory, "gateway-port", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  if (!live) {
    c.result = Result::kFail;
    c.message = "no Gateway " + name + " in " + r.cluster;
    c.hint = "`meshform apply` creates it";
    return c;
  }
  std::vector<int> ports = ServerPorts(*live);
  const int want = network ? network->gateway_port : 0;
  if (!network || std::find(ports.begin(), ports.end(), want) != ports.end()) {
    c.message = "the Gateway " + name + " in " + r.cluster + " serves port " + PortsText(ports);
    return c;
  }
  c.result = Result::kFail;
  c.message = "the Gateway " + name + " in " + r.cluster + " serves port " + PortsText(ports) +
              ", but network " + network->name + " uses port " + std::to_string(want);
  c.hint = "`meshform apply` restores the port; other networks send to " + std::to_string(want);
  return c;
}

bool IsCrossNetworkGateway(const Resource& r) { return !ServerPorts(r.object).empty(); }

}  // namespace

std::vector<Check> NetworkChecks(const kube::ClusterClients& clients, const topology::Topology& t,
                                 const resources::ResourceSet& desired) {
  std::vector<Check> out;
  auto run = [&](const char* name, const Resource* r, auto&& check) {
    try {
      out.push_back(check(clients.For(r->cluster), t, *r));
    } catch (const std::exception& e) {
      out.push_back(ReadFailure(kCategory, name, r->cluster, r->address, e));
    }
  };
  for (const Resource* r : DesiredObjects(desired, "Namespace", "", HasNetworkLabel))
    run("network-label", r, NetworkLabelCheck);
  for (const Resource* r : DesiredObjects(desired, "Service", "", IsLoadBalancer))
    run("gateway-address", r, GatewayAddressCheck);
  for (const Resource* r :
       DesiredObjects(desired, "Gateway", "networking.istio.io", IsCrossNetworkGateway))
    run("gateway-port", r, GatewayPortCheck);
  return out;
}

}  // namespace meshform::check
