// Cross-network Gateways.
#include "resources/gateway.h"

#include "resources/multi_primary.h"

namespace meshform::resources {

json CrossNetworkGatewayObject(int port) {
  json server = {{"port", {{"number", port}, {"name", "tls"}, {"protocol", "TLS"}}},
                 {"tls", {{"mode", "AUTO_PASSTHROUGH"}}},
                 {"hosts", {"*.local"}}};
  return {{"apiVersion", "networking.istio.io/v1alpha3"},
          {"kind", "Gateway"},
          {"metadata", {{"name", kCrossNetworkGateway}, {"namespace", kIstioNamespace}}},
          {"spec", {{"selector", {{"istio", "ingressgateway"}}}, {"servers", {server}}}}};
}

void CompileGateways(const topology::Topology& t, ResourceSet& out) {
  for (const auto& c : t.clusters) {
    const topology::Network* network = t.FindNetwork(c.network);
    int port = network != nullptr ? network->gateway_port : 15443;
    out.push_back(MakeObject(c.name, CrossNetworkGatewayObject(port), t.name, c.location));
  }
}

}  // namespace meshform::resources
